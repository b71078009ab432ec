/**
 * Server side of the "Vendors and hosting" section of an activity page (app/components/activity-sovereignty.tsx):
 * what the loader adds, and the "link" / "unlink" intents of the page's action.
 *
 * Who may link: canLinkActivity in app/policies/activity.ts. A VIEWER gets a 403; an EDITOR of another
 * department already gets one from requireActivity (they may not even read it).
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { ActivityRecord } from "~/models/activity.server.ts";
import { analyseActivity } from "~/models/sovereignty.server.ts";
import { linkActivity, listActivityLinks, listHostingSites, listServicesForPicker, unlinkActivity, VendorNotFoundError } from "~/models/vendor.server.ts";
import { LinkSchema, parseTarget, UnlinkSchema } from "~/schemas/sovereignty.ts";
import { requireActivity } from "./activity-access.server.ts";
import { canLinkActivity } from "~/policies/activity.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { forbidden, type OrgContext } from "./auth.server.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

/** Links, analysis and (for those who may link) the pickers; shaped for ActivitySovereigntyData. */
export async function loadActivitySovereignty(ctx: OrgContext, activity: ActivityRecord) {
  const canLink = canLinkActivity(ctx.membership, activity);
  const [links, analysis, services, sites] = await Promise.all([
    listActivityLinks(ctx.org.id, activity.id),
    analyseActivity(ctx.org.id, activity.id),
    listServicesForPicker(ctx.org.id),
    canLink ? listHostingSites(ctx.org.id) : Promise.resolve([]),
  ]);
  return {
    links: links.map((l) => ({ id: l.id, role: l.role, service: l.service, site: l.site })),
    analysis,
    vendorIds: Object.fromEntries(services.map((s) => [s.vendor.name, s.vendor.id])),
    canLink,
    canManageVendors: canManageVendors(ctx.membership),
    pickers: canLink ? { services, sites: sites.map((s) => ({ id: s.id, name: s.name, country: s.country, city: s.city })) } : null,
  };
}

type LinkActionData = { form: string; result: SubmissionResult<string[]> | undefined; alert: MessageKey | null };

/** The "link" and "unlink" intents of the activity page's action. */
export async function linkIntentAction(request: Request, params: { org?: string; ref?: string }, formData: FormData, intent: "link" | "unlink") {
  const { ctx, activity } = await requireActivity(request, params, "read");
  if (!canLinkActivity(ctx.membership, activity)) throw forbidden();
  const back = `/o/${ctx.org.slug}/activities/${activity.ref}#sovereignty-h`;

  if (intent === "link") {
    const submission = parseWithZod(formData, { schema: LinkSchema });
    if (submission.status !== "success") return data<LinkActionData>({ form: "link", result: submission.reply(), alert: null }, { status: 400 });
    const target = parseTarget(submission.value.target);
    const existing = await listActivityLinks(ctx.org.id, activity.id);
    if (existing.some((l) => l.role === submission.value.role && (target.serviceId ? l.serviceId === target.serviceId : l.siteId === target.siteId))) {
      return data<LinkActionData>(
        { form: "link", result: submission.reply({ fieldErrors: { target: ["sovereigntyUi.activity.alreadyLinked"] } }), alert: null },
        { status: 400 },
      );
    }
    try {
      await linkActivity(ctx.user.id, ctx.org.id, activity.id, target, submission.value.role);
    } catch (err) {
      if (err instanceof VendorNotFoundError) {
        return data<LinkActionData>(
          { form: "link", result: submission.reply({ fieldErrors: { target: ["sovereigntyUi.activity.targetGone"] } }), alert: null },
          { status: 400 },
        );
      }
      throw err;
    }
    return redirectWithToast(request, back, { type: "success", key: "sovereigntyUi.toast.linked" });
  }

  const submission = parseWithZod(formData, { schema: UnlinkSchema });
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  try {
    await unlinkActivity(ctx.user.id, ctx.org.id, activity.id, submission.value.linkId);
  } catch (err) {
    // Already removed (another tab, a double click): the wish is granted, say so rather than fail.
    if (err instanceof VendorNotFoundError) return redirectWithToast(request, back, { type: "info", key: "sovereigntyUi.activity.linkGone" });
    throw err;
  }
  return redirectWithToast(request, back, { type: "success", key: "sovereigntyUi.toast.unlinked" });
}
