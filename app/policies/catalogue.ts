/**
 * The shared catalogue and the model activities (issue 14, ADR 020). A catalogue is edited only by its
 * owner organization's ADMIN/DPO (through the ordinary vendor pages, which only ever find the
 * organization's own vendors); subscribers read it. Pure functions of the role.
 */
import { canEditActivity, type ActivityRef } from "./activity.ts";
import { can } from "./organization.ts";
import type { Member } from "./roles.ts";

/** Share vendors, grant or revoke access to the catalogue, keep and propose model activities. */
export function canManageCatalogue(m: Pick<Member, "role">): boolean {
  return can(m.role, "vendors:manage");
}

/** Every member may read the shared vendors offered to the organization (as they read its vendors). */
export function canReadCatalogue(m: Pick<Member, "role">): boolean {
  return can(m.role, "org:read");
}

/** Subscribing to a shared vendor and keeping one's own contract with it is managing one's vendors. */
export function canSubscribe(m: Pick<Member, "role">): boolean {
  return can(m.role, "vendors:manage");
}

/** A member reads and clears only their own notifications; every member has a list (possibly empty). */
export function canReadNotifications(m: Pick<Member, "role">): boolean {
  return can(m.role, "org:read");
}

/** Accepting or ignoring a model's changes edits the activity. */
export function canReviewModelUpdate(m: Member, a: ActivityRef): boolean {
  return canEditActivity(m, a);
}
