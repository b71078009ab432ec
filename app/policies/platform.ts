/**
 * The platform administrator (ADR 020): the people named by e-mail in PLATFORM_ADMINS, who keep the
 * instance catalogue, a shared vendor catalogue offered to every organization of the instance. Pure
 * functions: the caller passes the configured list.
 */
import type { Role } from "./roles.ts";

/** E-mail addresses are stored lower-cased (user.server.ts); the list is lower-cased when parsed. */
export function isPlatformAdmin(email: string, admins: readonly string[]): boolean {
  return admins.includes(email.trim().toLowerCase());
}

/** Creating an instance catalogue, or joining one as its ADMIN, is the platform administrators' alone. */
export function canManageInstanceCatalogues(email: string, admins: readonly string[]): boolean {
  return isPlatformAdmin(email, admins);
}

/**
 * The role a member holds in an organization once the instance catalogue's rule is applied: in an
 * instance catalogue only platform administrators keep their role; any other member (invited there,
 * or an administrator since removed from PLATFORM_ADMINS) reads it as a VIEWER, so they can never edit
 * the vendors every organization subscribes to.
 */
export function effectiveRole(role: Role, org: { readonly instanceCatalogue: boolean }, platformAdmin: boolean): Role {
  return org.instanceCatalogue && !platformAdmin ? "VIEWER" : role;
}
