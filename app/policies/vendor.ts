/** The vendor catalogue and the organization's own hosting sites. */
import { can } from "./organization.ts";
import type { Member } from "./roles.ts";

export function canManageVendors(m: Pick<Member, "role">): boolean {
  return can(m.role, "vendors:manage");
}
