/** Single sign-on: the login state store, account linking by verified e-mail, role rules, audit. */
import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { matchingRules, parseRoleRules, type VerifiedClaims } from "~/utils/oidc.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import { recordAuditAlone } from "./audit.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export const LOGIN_STATE_TTL_MS = 10 * 60 * 1000;

export type SsoFailure = "unavailable" | "state" | "denied" | "token" | "unverified_email" | "password_only";

export async function saveLoginState(s: { state: string; nonce: string; codeVerifier: string; returnTo: string }, now = new Date()) {
  const db = getDb();
  await db.oidcLoginState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.oidcLoginState.create({ data: { ...s, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS) } });
}

/** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
export async function consumeLoginState(state: string, now = new Date()) {
  // Login states are short-lived protocol bookkeeping, not register data: nothing to audit.
  return unitOfWork(
    { actorId: null, organizationId: null },
    async ({ tx }) => {
      const row = await tx.oidcLoginState.findUnique({ where: { state } });
      if (!row) return null;
      await tx.oidcLoginState.delete({ where: { state } });
      return row.expiresAt > now ? row : null;
    },
    { unaudited: "single-use OIDC login state" },
  );
}

export function auditSsoFailure(reason: SsoFailure, details: Record<string, unknown> = {}) {
  return recordAuditAlone({ actorId: null, organizationId: null, action: "sso.login_failed", entity: "Session", details: { reason, ...details } });
}

/**
 * Finds or creates the user for verified claims. A new user gets memberships only from an ADMIN's pending
 * invitation for that e-mail or from a configured rule (OIDC_ROLE_RULES); otherwise none.
 */
export async function linkSsoUser(c: VerifiedClaims, now = new Date()): Promise<{ userId: string; newUser: boolean; granted: string[] }> {
  if (!c.email || !c.emailVerified) throw new Error("unverified_email");
  const email = c.email;
  // A password nobody knows: SSO users sign in through the provider (or ask for a reset).
  const unusableHash = await hashPassword(generateSecureRandomString() + generateSecureRandomString());
  return unitOfWork({ actorId: null, organizationId: null }, async ({ tx, ...w }) => {
    const identity = await tx.ssoIdentity.findUnique({ where: { issuer_subject: { issuer: c.issuer, subject: c.subject } } });
    let user = identity ? await tx.user.findUnique({ where: { id: identity.userId } }) : await tx.user.findUnique({ where: { email } });
    const newUser = !user;
    user ??= await tx.user.create({ data: { email, name: c.name?.slice(0, 120) || email, passwordHash: unusableHash, createdAt: now } });
    if (identity) await tx.ssoIdentity.update({ where: { issuer_subject: { issuer: c.issuer, subject: c.subject } }, data: { lastLogin: now, email } });
    else await tx.ssoIdentity.create({ data: { issuer: c.issuer, subject: c.subject, userId: user.id, email, createdAt: now, lastLogin: now } });

    const granted: string[] = [];
    const invitations = await tx.invitation.findMany({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      include: { organization: { select: { slug: true } } },
    });
    for (const inv of invitations) {
      if (await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: inv.organizationId } } })) continue;
      const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: now } });
      if (claimed.count === 0) continue;
      const m = await tx.membership.create({ data: { userId: user.id, organizationId: inv.organizationId, role: inv.role } });
      const deps = await tx.department.findMany({
        where: { organizationId: inv.organizationId, id: { in: JSON.parse(inv.departmentIds) as string[] } },
        select: { id: true },
      });
      if (deps.length) await tx.membershipDepartment.createMany({ data: deps.map((d) => ({ membershipId: m.id, departmentId: d.id })) });
      w.audit(
        "invitation.accepted",
        "Membership",
        m.id,
        { invitationId: inv.id, role: inv.role, via: "sso" },
        { actorId: user.id, organizationId: inv.organizationId },
      );
      granted.push(`${inv.organization.slug}:${inv.role}`);
    }
    for (const rule of matchingRules(parseRoleRules(getEnv().OIDC_ROLE_RULES), email, c.claims)) {
      const org = await tx.organization.findUnique({ where: { slug: rule.org }, select: { id: true } });
      if (!org) continue;
      if (await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: org.id } } })) continue;
      const m = await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: rule.role } });
      w.audit(
        "membership.granted_by_sso_rule",
        "Membership",
        m.id,
        { userId: user.id, role: rule.role, rule: rule.kind },
        { actorId: null, organizationId: org.id },
      );
      granted.push(`${rule.org}:${rule.role}`);
    }
    // The subject is hashed: the audit log names the account, not the provider's identifier.
    w.audit(
      "sso.login",
      "User",
      user.id,
      { issuer: c.issuer, subject: sha256Hex(c.subject).slice(0, 16), newUser, granted },
      { actorId: user.id, organizationId: null },
    );
    return { userId: user.id, newUser, granted };
  });
}

/** True when one of the user's organizations allows only single sign-on. */
export async function passwordLoginRefused(userId: string): Promise<boolean> {
  const n = await getDb().membership.count({ where: { userId, organization: { passwordLoginDisabled: true } } });
  return n > 0;
}

export async function setPasswordLogin(actorId: string, organizationId: string, disabled: boolean) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    await tx.organization.update({ where: { id: organizationId }, data: { passwordLoginDisabled: disabled } });
    w.audit(disabled ? "org.password_login_disabled" : "org.password_login_enabled", "Organization", organizationId);
  });
}

export async function hasSsoIdentity(userId: string) {
  return (await getDb().ssoIdentity.count({ where: { userId } })) > 0;
}
