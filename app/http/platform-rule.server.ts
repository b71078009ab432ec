/** The platform administrator (ADR 020): PLATFORM_ADMINS read from the environment, applied through the policies. */
import type { MembershipContext } from "~/models/membership.server.ts";
import { effectiveRole, isPlatformAdmin } from "~/policies/platform.ts";
import { getEnv } from "~/utils/env.server.ts";

export function isPlatformAdminEmail(email: string): boolean {
  return isPlatformAdmin(email, getEnv().PLATFORM_ADMINS);
}

/** The membership with the role the instance-catalogue rule leaves (effectiveRole). */
export function withPlatformRule(m: MembershipContext, email: string): MembershipContext {
  const role = effectiveRole(m.role, m.organization, isPlatformAdminEmail(email));
  return role === m.role ? m : { ...m, role };
}
