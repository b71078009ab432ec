/**
 * Access requests: a person signed in through single sign-on who holds no role asks an organization's
 * ADMINs to let them in (issue 16). The organization is named by its identifier (slug), typed by the
 * requester: nothing lists the organizations to someone who belongs to none (ADR 015).
 */
import { getDb } from "~/utils/db.server.ts";
import { roleHasDepartments } from "~/policies/department.ts";
import type { Role } from "~/policies/roles.ts";
import { recordAuditAlone } from "./audit.server.ts";
import { NotFoundError } from "./membership.server.ts";
import { notifyAccessDecidedTx, notifyAccessRequestedTx } from "./notifications.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

/** Requests (and unknown identifiers) per person per day: typing identifiers must not become a way to list organizations. */
export const ACCESS_REQUEST_DAILY_LIMIT = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const ATTEMPT_ACTIONS = ["access_request.created", "access_request.unknown_org"];

export type RequestAccessResult = { ok: true; created: boolean; organizationName: string } | { ok: false; reason: "unknown" | "member" | "limit" };

export class AccessRequestDecidedError extends Error {}
/** No such request in this organization (another organization's requests are not even acknowledged). */
export class AccessRequestNotFoundError extends Error {}

function pendingKey(userId: string, organizationId: string) {
  return `${userId}:${organizationId}`;
}

/** Records the request and tells the organization's ADMINs; asking again while a request is open changes nothing. */
export async function requestAccess(userId: string, slug: string, now = new Date()): Promise<RequestAccessResult> {
  const db = getDb();
  const attempts = await db.auditEvent.count({ where: { actorId: userId, action: { in: ATTEMPT_ACTIONS }, at: { gt: new Date(now.getTime() - DAY_MS) } } });
  if (attempts >= ACCESS_REQUEST_DAILY_LIMIT) return { ok: false, reason: "limit" };
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!org) {
    // Audited, and counted against the daily limit above.
    await recordAuditAlone({
      actorId: userId,
      organizationId: null,
      action: "access_request.unknown_org",
      entity: "User",
      entityId: userId,
      details: { slug },
    });
    return { ok: false, reason: "unknown" };
  }
  if (await db.membership.findUnique({ where: { userId_organizationId: { userId, organizationId: org.id } } })) return { ok: false, reason: "member" };
  const created = await unitOfWork({ actorId: userId, organizationId: org.id }, async ({ tx, ...w }) => {
    const open = await tx.ssoAccessRequest.findUnique({ where: { pendingKey: pendingKey(userId, org.id) } });
    if (open) return false;
    const req = await tx.ssoAccessRequest.create({ data: { organizationId: org.id, userId, pendingKey: pendingKey(userId, org.id), createdAt: now } });
    w.audit("access_request.created", "User", userId, { requestId: req.id });
    await notifyAccessRequestedTx(tx, org.id, userId);
    return true;
  });
  return { ok: true, created, organizationName: org.name };
}

/** The requester's own requests, newest first (only organizations they named themselves). */
export async function listMyAccessRequests(userId: string) {
  const rows = await getDb().ssoAccessRequest.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { organization: { select: { name: true, slug: true } } },
  });
  return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.createdAt, organization: r.organization }));
}

export function listPendingAccessRequests(organizationId: string) {
  return getDb().ssoAccessRequest.findMany({
    where: { organizationId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
}

export type AccessDecision = { accept: true; role: Role; departmentIds: string[] } | { accept: false };

/**
 * Accepts (creates the membership) or refuses an open request of this organization. Throws AccessRequestNotFoundError
 * for a request of another organization, NotFoundError for a department outside it, AccessRequestDecidedError when
 * already decided (the first decision stands).
 */
export async function decideAccessRequest(actorId: string, organizationId: string, id: string, decision: AccessDecision, now = new Date()) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const req = await tx.ssoAccessRequest.findFirst({ where: { id, organizationId } });
    if (!req) throw new AccessRequestNotFoundError(id);
    const departmentIds = decision.accept && roleHasDepartments(decision.role) ? [...new Set(decision.departmentIds)] : [];
    if (departmentIds.length) {
      const n = await tx.department.count({ where: { organizationId, id: { in: departmentIds } } });
      if (n !== departmentIds.length) throw new NotFoundError("department");
    }
    // Conditional on still being open: of two simultaneous decisions, only one claims the request.
    const claimed = await tx.ssoAccessRequest.updateMany({
      where: { id, status: "PENDING" },
      data: {
        status: decision.accept ? "ACCEPTED" : "REFUSED",
        pendingKey: null,
        decidedAt: now,
        decidedById: actorId,
        role: decision.accept ? decision.role : null,
        departmentIds: JSON.stringify(departmentIds),
      },
    });
    if (claimed.count === 0) throw new AccessRequestDecidedError(req.status);
    if (!decision.accept) {
      w.audit("access_request.refused", "User", req.userId, { requestId: id });
      await notifyAccessDecidedTx(tx, organizationId, req.userId, false);
      return { accepted: false as const };
    }
    // Joined meanwhile (an invitation, a rule): the request is closed and the role they hold is kept.
    const prior = await tx.membership.findUnique({ where: { userId_organizationId: { userId: req.userId, organizationId } } });
    const membership = prior ?? (await tx.membership.create({ data: { userId: req.userId, organizationId, role: decision.role } }));
    if (!prior && departmentIds.length)
      await tx.membershipDepartment.createMany({ data: departmentIds.map((departmentId) => ({ membershipId: membership.id, departmentId })) });
    w.audit("access_request.accepted", "Membership", membership.id, {
      requestId: id,
      userId: req.userId,
      role: decision.role,
      departmentIds,
      alreadyMember: Boolean(prior),
    });
    await notifyAccessDecidedTx(tx, organizationId, req.userId, true);
    return { accepted: true as const, membershipId: membership.id };
  });
}
