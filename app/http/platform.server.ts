/** The platform pages (ADR 020): only platform administrators (PLATFORM_ADMINS). */
import { canManageInstanceCatalogues } from "~/policies/platform.ts";
import { getEnv } from "~/utils/env.server.ts";
import { notFound, requireUser } from "./auth.server.ts";

/** Anyone else gets a 404 (the page's existence is not disclosed). */
export async function requirePlatformAdmin(request: Request) {
  const s = await requireUser(request);
  if (!canManageInstanceCatalogues(s.user.email, getEnv().PLATFORM_ADMINS)) throw notFound();
  return s;
}
