/** Roles and what each may do. Shared by the server (enforcement) and the UI (navigation). */
export const ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "org:read": ["ADMIN", "DPO", "EDITOR", "VIEWER"],
  "org:update": ["ADMIN", "DPO"],
  "departments:manage": ["ADMIN", "DPO"],
  "members:read": ["ADMIN", "DPO"],
  "members:invite": ["ADMIN", "DPO"],
  "members:manage": ["ADMIN", "DPO"],
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

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
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

/** EDITORs act only in the departments assigned to them; ADMIN and DPO act everywhere. */
export function canWriteInDepartment(m: { role: Role; departmentIds: readonly string[] }, departmentId: string | null): boolean {
  if (m.role === "ADMIN" || m.role === "DPO") return true;
  if (m.role === "EDITOR") return departmentId !== null && m.departmentIds.includes(departmentId);
  return false;
}
