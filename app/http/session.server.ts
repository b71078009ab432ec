import { ABSOLUTE_LIFETIME_MS, validateSessionForOrganization, validateSessionToken, type SessionWithUser } from "~/models/session.server.ts";
import { readCookie, serializeCookie } from "~/utils/cookies.server.ts";

export const SESSION_COOKIE = "registre_session";

export function sessionCookie(request: Request, token: string): string {
  return serializeCookie(request, SESSION_COOKIE, token, { maxAgeSeconds: ABSOLUTE_LIFETIME_MS / 1000 });
}

/** Marks the browser as one that signed in before (login throttling exempts it from lockouts, ADR 010). */
export function deviceCookie(request: Request, token: string): string {
  return serializeCookie(request, "registre_device", token, { maxAgeSeconds: 90 * 24 * 60 * 60 });
}

export function clearSessionCookie(request: Request): string {
  return serializeCookie(request, SESSION_COOKIE, "", { maxAgeSeconds: 0 });
}

/** The cookie's lifetime is the absolute one; the server enforces inactivity on every request. */
export async function getSession(request: Request): Promise<SessionWithUser | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  return validateSessionToken(token);
}

/** The session and the membership of the organization `slug` in one query (organization pages). */
export async function getSessionForOrganization(request: Request, slug: string) {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  return validateSessionForOrganization(token, slug);
}
