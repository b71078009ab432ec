/**
 * The portfolio, organization groups and bulk onboarding (ADR 019). Pure functions of the caller's
 * memberships: no database, no request.
 */
import { canExportRegister } from "./export.ts";
import type { Role } from "./roles.ts";

export type HeldRole = { readonly role: Role; readonly kind: string | null };

/** Every member sees their organizations' rows (each row counts what their role there lets them see). */
export function canSeePortfolio(held: readonly HeldRole[]): boolean {
  return held.length > 0;
}

/**
 * Onboarding creates organizations on the instance: an ADMIN of any organization (who may already
 * create one, see canCreateOrganization), or the ADMIN or DPO of a DPO service (kind "dpo_service").
 */
export function canOnboardOrganizations(held: readonly HeldRole[]): boolean {
  return held.some((h) => h.role === "ADMIN" || (h.kind === "dpo_service" && h.role === "DPO"));
}

/** A group belongs to the user who created it: only they see, rename, fill or delete it. */
export function canManageGroup(userId: string, group: { readonly ownerId: string }): boolean {
  return group.ownerId === userId;
}

/** An organization joins a group only if its owner belongs to it (a group never widens access). */
export function canAddToGroup(memberOf: ReadonlySet<string>, organizationId: string): boolean {
  return memberOf.has(organizationId);
}

/**
 * The register ZIP: the registers a role may export (ADMIN, DPO, VIEWER; an EDITOR sees only their
 * departments, so their organizations are left out of the ZIP, as from the exports page).
 */
export function canZipRegister(role: Role): boolean {
  return canExportRegister({ role });
}

/**
 * A finished register ZIP is downloaded only by a user who may still export EVERY register in it
 * (`roles`: their current role in each of its organizations, null where they are no longer a member).
 */
export function canDownloadZip(roles: readonly (Role | null)[]): boolean {
  return roles.every((r) => r !== null && canZipRegister(r));
}
