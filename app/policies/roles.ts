/**
 * Roles and the member shape every policy takes. Pure: no database, no request. Shared by the server
 * (enforcement) and the UI (what to show), so the two cannot disagree.
 */
export const ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** What a policy needs to know about the caller: their role and, for EDITORs, their departments. */
export type Member = { readonly role: Role; readonly departmentIds: readonly string[] };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** ADMIN and DPO review the register: they approve, archive, validate DPIAs and act in every department. */
export function isReviewer(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}
