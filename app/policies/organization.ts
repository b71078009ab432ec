/** Organization-wide permissions: settings, members, departments, audit. Pure functions of the role. */
import { isReviewer, type Member, type Role } from "./roles.ts";

export const PERMISSIONS = {
  "org:read": ["ADMIN", "DPO", "EDITOR", "VIEWER"],
  "org:update": ["ADMIN", "DPO"],
  "departments:manage": ["ADMIN", "DPO"],
  "members:read": ["ADMIN", "DPO"],
  "members:invite": ["ADMIN", "DPO"],
  "members:manage": ["ADMIN", "DPO"],
  /** Accepting or refusing a single sign-on user's access request (issue 16: "until an ADMIN accepts them"). */
  "members:access-requests": ["ADMIN"],
  "audit:read": ["ADMIN", "DPO"],
  /** The whole register; EDITORs only see their departments' activities. */
  "register:export": ["ADMIN", "DPO", "VIEWER"],
  /** The vendor catalogue and the organization's own hosting sites. */
  "vendors:manage": ["ADMIN", "DPO"],
  /** The organization's mails (outbox when SMTP is not configured, delivery state otherwise). */
  "mail:outbox": ["ADMIN"],
  /** How members sign in (require single sign-on). */
  "org:sign-in": ["ADMIN"],
  /** The IP addresses of share-link recipients are personal data (issue 12 §10). */
  "shares:read-ip": ["ADMIN", "DPO"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The role table above, as a predicate. `requireOrgContext(request, slug, permission)` enforces it. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function canUpdateOrganization(m: Pick<Member, "role">): boolean {
  return can(m.role, "org:update");
}

export function canManageMembers(m: Pick<Member, "role">): boolean {
  return can(m.role, "members:manage");
}

export function canDecideAccessRequests(m: Pick<Member, "role">): boolean {
  return can(m.role, "members:access-requests");
}

/** Someone signed in through single sign-on who holds no role anywhere asks for access instead of seeing an empty home. */
export function mustRequestAccess(rolesHeld: readonly Role[], hasSsoIdentity: boolean): boolean {
  return rolesHeld.length === 0 && hasSsoIdentity;
}

/**
 * Only an ADMIN may grant or take away ADMIN; a DPO manages the other roles. An organization set up
 * by its DPO has no ADMIN yet, so there the DPO may appoint the first one.
 */
export function canAssignRole(actor: Role, target: Role, orgHasAdmin = true): boolean {
  if (actor === "ADMIN") return true;
  if (actor === "DPO") return target !== "ADMIN" || !orgHasAdmin;
  return false;
}

/**
 * A password reset hands over the whole account, which may belong to other organizations too: the
 * actor must be able to manage the target's role in every one of them.
 */
export function canResetPasswordIn(actor: Role, target: Role, orgHasAdmin: boolean): boolean {
  return isReviewer(actor) && canAssignRole(actor, target, orgHasAdmin);
}

/** Creating another organization is for those who administer one already. */
export function canCreateOrganization(rolesHeld: readonly Role[]): boolean {
  return rolesHeld.includes("ADMIN");
}

/** Whether the organization already has an ADMIN (a DPO who set it up may then appoint the first one). */
export function organizationHasAdmin(roles: readonly string[]): boolean {
  return roles.includes("ADMIN");
}
