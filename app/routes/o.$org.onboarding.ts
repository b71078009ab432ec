/** POST: hides the first-hour checklist for the whole organization (ADMIN and DPO, who run the setup). */
import type { ActionFunctionArgs } from "@remix-run/node";
import { dismissOnboarding } from "~/models/onboarding.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:update");
  await dismissOnboarding(ctx.user.id, ctx.org.id);
  return redirectWithToast(request, `/o/${ctx.org.slug}`, { type: "info", key: "onboarding.dismissed" });
}

export function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}
