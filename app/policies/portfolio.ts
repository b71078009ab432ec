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

export type GroupAccess = { readonly ownerId: string; readonly coOwnerIds: readonly string[] };

/** The owner and the co-owners see a group, rename it and choose its organizations (among their own). */
export function canEditGroup(userId: string, group: GroupAccess): boolean {
  return group.ownerId === userId || group.coOwnerIds.includes(userId);
}

/** Only the owner deletes the group and adds or removes co-owners. */
export function canAdministerGroup(userId: string, group: { readonly ownerId: string }): boolean {
  return group.ownerId === userId;
}

/** A co-owner may leave a group they co-own (the owner deletes it instead). */
export function canLeaveGroup(userId: string, group: GroupAccess): boolean {
  return group.ownerId !== userId && group.coOwnerIds.includes(userId);
}

/**
 * Who may become a co-owner (ADR 019): someone other than the owner who is a member of at least one
 * organization of the group (they will see it in their portfolio), or of a DPO service (kind
 * "dpo_service") the owner belongs to too (a colleague of the service, possibly before they joined any
 * client). Anyone else would see an empty group, and would learn its name for nothing.
 */
export function canBeCoOwner(
  candidate: { readonly id: string; readonly organizationIds: ReadonlySet<string> },
  group: { readonly ownerId: string; readonly organizationIds: readonly string[] },
  ownerServiceIds: readonly string[],
): boolean {
  if (candidate.id === group.ownerId) return false;
  return group.organizationIds.some((o) => candidate.organizationIds.has(o)) || ownerServiceIds.some((o) => candidate.organizationIds.has(o));
}

/** An organization joins a group only if the editor belongs to it (a group never widens access). */
export function canAddToGroup(memberOf: ReadonlySet<string>, organizationId: string): boolean {
  return memberOf.has(organizationId);
}

/**
 * The organizations of a group a viewer is shown: only those they belong to. A co-owner never learns
 * through a group of an organization they are not a member of.
 */
export function visibleGroupOrganizations(memberOf: ReadonlySet<string>, organizationIds: readonly string[]): string[] {
  return organizationIds.filter((o) => memberOf.has(o));
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

/**
 * Which activities a shared vendor's change moved is told to an organization's ADMINs and DPOs (their
 * notifications, ADR 020); the portfolio shows it on the same rows only (ADR 026).
 */
export function canSeeExposureChanges(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}
