import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setActivityPublic } from "~/models/public-register.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { forbidden } from "~/http/auth.server.ts";
import { canPublishActivity } from "~/policies/activity.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { translate } from "~/utils/messages.server.ts";

const Schema = z.object({ public: z.enum(["yes", "no"]) });

export async function loader({ params }: { params: { org?: string; ref?: string } }) {
  return redirect(`/o/${params.org}/activities/${params.ref}`);
}

/** Only the DPO (or an ADMIN) decides what citizens see; only an approved version can be shown. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  if (!canPublishActivity(ctx.membership)) throw forbidden();
  const parsed = Schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const back = `/o/${ctx.org.slug}/activities/${activity.ref}`;
  const makePublic = parsed.data.public === "yes";
  // The page offers no publish button before the first approval, so this is a crafted request: refuse it, write nothing.
  if (makePublic && !activity.approvedVersion)
    throw new Response(translate(await getLocale(request), "activityPublic.needsApproval"), { status: 409, statusText: "Conflict" });
  await setActivityPublic(ctx.user.id, ctx.org.id, activity.id, makePublic);
  return redirectWithToast(request, back, { type: "success", key: makePublic ? "toast.published" : "toast.unpublished" });
}
