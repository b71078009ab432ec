/** Register exports and the share links that hand them to third parties. */
import { can } from "./organization.ts";
import type { Member } from "./roles.ts";

/** The whole register (EDITORs see only their departments, so they do not export it). */
export function canExportRegister(m: Pick<Member, "role">): boolean {
  return can(m.role, "register:export");
}

/** A share link speaks for the organization: only those who may change its settings create or revoke one. */
export function canShareExports(m: Pick<Member, "role">): boolean {
  return can(m.role, "org:update");
}

/** Share-link recipients' IP addresses are personal data: the DPO and ADMINs only (not VIEWERs, who may export). */
export function canSeeShareIps(m: Pick<Member, "role">): boolean {
  return can(m.role, "shares:read-ip");
}
