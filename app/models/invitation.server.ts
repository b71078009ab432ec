import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { hashPassword, verifyPassword } from "~/utils/password.server.ts";
import { canAssignRole } from "~/policies/organization.ts";
import { isRole } from "~/policies/roles.ts";
import { roleHasDepartments } from "~/policies/department.ts";
import type { Role } from "~/policies/roles.ts";
import { notifyInvitationTx } from "./notifications.server.ts";
import { normalizeEmail } from "./user.server.ts";
import { NotFoundError } from "./membership.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

export async function createInvitation(
  actorId: string,
  organizationId: string,
  input: { email: string; role: Role; departmentIds: string[] },
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = generateSecureRandomString() + generateSecureRandomString();
  const email = normalizeEmail(input.email);
  const departmentIds = roleHasDepartments(input.role) ? [...new Set(input.departmentIds)] : [];
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    if (departmentIds.length) {
      const n = await tx.department.count({ where: { organizationId, id: { in: departmentIds } } });
      if (n !== departmentIds.length) throw new NotFoundError("department");
    }
    const inv = await tx.invitation.create({
      data: {
        organizationId,
        email,
        role: input.role,
        departmentIds: JSON.stringify(departmentIds),
        tokenHash: sha256Hex(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        createdById: actorId,
        createdAt: now,
      },
    });
    w.audit("invitation.created", "Invitation", inv.id, { role: input.role, departmentIds });
    await notifyInvitationTx(tx, actorId, organizationId, { email, role: input.role, token, expiresAt: inv.expiresAt });
    return { token, id: inv.id, expiresAt: inv.expiresAt };
  });
}

export function listPendingInvitations(organizationId: string, now = new Date()) {
  return getDb().invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(actorId: string, organizationId: string, id: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.invitation.updateMany({ where: { id, organizationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) return false;
    w.audit("invitation.revoked", "Invitation", id);
    return true;
  });
}

/** A usable invitation, with whether its e-mail already has an account. */
export async function getUsableInvitation(token: string, now = new Date()) {
  const db = getDb();
  const inv = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= now) return null;
  const existing = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return { ...inv, hasAccount: existing !== null };
}

export type AcceptResult =
  { ok: true; userId: string; organizationSlug: string } | { ok: false; reason: "invalid" | "wrong_password" | "forbidden" | "last_admin" };

/**
 * Accepting creates the account (name + password) or, for an e-mail that already has one, asks for
 * that account's password. Single use: the update is conditional on acceptedAt still being null.
 */
export async function acceptInvitation(token: string, input: { name?: string; password: string }, now = new Date()): Promise<AcceptResult> {
  const inv = await getUsableInvitation(token, now);
  if (!inv) return { ok: false, reason: "invalid" };
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: inv.email } });
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) return { ok: false, reason: "wrong_password" };
  const passwordHash = existing ? null : await hashPassword(input.password);
  const departmentIds = JSON.parse(inv.departmentIds) as string[];
  // The actor is the accepting user, known only once the account exists: set on the event itself.
  return unitOfWork({ actorId: null, organizationId: inv.organizationId }, async ({ tx, ...w }) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) return { ok: false as const, reason: "invalid" as const };
    const user = existing ?? (await tx.user.create({ data: { email: inv.email, name: input.name ?? inv.email, passwordHash: passwordHash! } }));
    const prior = await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: inv.organizationId } } });
    // Accepting is a member change made on the inviter's authority: the same invariants as updateMembership,
    // checked now (the inviter may have lost their role since, the invitee may have become ADMIN meanwhile).
    const refusal = await memberChangeRefusal(tx, inv.organizationId, inv.createdById, prior?.role ?? null, inv.role);
    if (refusal) throw new AcceptRefused(refusal);
    const membership = prior
      ? await tx.membership.update({ where: { id: prior.id }, data: { role: inv.role } })
      : await tx.membership.create({ data: { userId: user.id, organizationId: inv.organizationId, role: inv.role } });
    await tx.membershipDepartment.deleteMany({ where: { membershipId: membership.id } });
    const valid = await tx.department.findMany({ where: { organizationId: inv.organizationId, id: { in: departmentIds } }, select: { id: true } });
    if (valid.length) await tx.membershipDepartment.createMany({ data: valid.map((d) => ({ membershipId: membership.id, departmentId: d.id })) });
    w.audit("invitation.accepted", "Membership", membership.id, { invitationId: inv.id, role: inv.role, newAccount: !existing }, { actorId: user.id });
    return { ok: true as const, userId: user.id, organizationSlug: inv.organization.slug };
  }).catch((err: unknown) => {
    // Thrown inside the transaction so the claim and any account creation roll back with it.
    if (err instanceof AcceptRefused) return { ok: false as const, reason: err.reason };
    throw err;
  });
}

class AcceptRefused extends Error {
  constructor(readonly reason: "forbidden" | "last_admin") {
    super(reason);
  }
}

/**
 * Why giving `to` to someone who holds `from` (null: not a member yet) on behalf of `inviterId` is refused:
 * "forbidden" when the inviter could not make that change themselves (nobody grants more than they hold),
 * "last_admin" when it would leave the organization without an ADMIN. Null when allowed.
 */
async function memberChangeRefusal(
  tx: Tx,
  organizationId: string,
  inviterId: string,
  from: string | null,
  to: string,
): Promise<"forbidden" | "last_admin" | null> {
  const inviter = await tx.membership.findUnique({ where: { userId_organizationId: { userId: inviterId, organizationId } } });
  if (!inviter || !isRole(inviter.role) || !isRole(to) || (from !== null && !isRole(from))) return "forbidden";
  const admins = await tx.membership.count({ where: { organizationId, role: "ADMIN" } });
  if (!canAssignRole(inviter.role, to, admins > 0)) return "forbidden";
  if (from !== null && !canAssignRole(inviter.role, from, admins > 0)) return "forbidden";
  if (from === "ADMIN" && to !== "ADMIN" && admins <= 1) return "last_admin";
  return null;
}
