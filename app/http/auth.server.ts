import { redirect } from "@remix-run/node";
import type { SessionWithUser } from "~/models/session.server.ts";
import type { MembershipContext } from "~/models/membership.server.ts";
import { can, type Permission } from "~/policies/organization.ts";
import { withPlatformRule } from "./platform-rule.server.ts";
import { getSession, getSessionForOrganization } from "./session.server.ts";

/**
 * Only same-site relative paths, so a login link cannot send anyone elsewhere. Browsers drop tabs
 * and newlines and read "\\" as "/", so any of those, or any other control character, is refused.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 500) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}

export async function requireUser(request: Request): Promise<SessionWithUser> {
  const s = await getSession(request);
  if (!s) throw toLogin(request);
  return s;
}

function toLogin(request: Request): Response {
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  return redirect(`/login${redirectTo && redirectTo !== "/" ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`);
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export type OrgContext = SessionWithUser & { membership: MembershipContext; org: MembershipContext["organization"] };

/**
 * A user who is not a member gets a 404, not a 403: another organization's existence is not disclosed.
 * A member without the permission gets a 403.
 */
export async function requireOrgContext(request: Request, slug: string | undefined, permission?: Permission): Promise<OrgContext> {
  if (!slug) {
    await requireUser(request);
    throw notFound();
  }
  // Session, user and membership in one query (issue 18).
  const found = await getSessionForOrganization(request, slug);
  if (!found) throw toLogin(request);
  const { membership: held, ...s } = found;
  if (!held) throw notFound();
  // In an instance catalogue, only platform administrators keep their role (ADR 020).
  const membership = withPlatformRule(held, s.user.email);
  if (permission && !can(membership.role, permission)) throw forbidden();
  return { ...s, membership, org: membership.organization };
}
