/**
 * The log of data-subject requests. Writes check the revision (optimistic lock) and are audited in
 * their transaction. Personal details are anonymized after the organization's retention period;
 * the statistics (type, dates, outcome) stay.
 */
import { anonymizeAfter, canExtend, requestDueDate } from "~/analysis/requests.ts";
import type { DataSubjectRequest } from "~/generated/prisma/client.ts";
import { canMoveRequest, OPEN_REQUEST_STATUSES, type RequestStatus } from "~/policies/request.ts";
import type { RequestForm } from "~/schemas/request.ts";
import { getDb } from "~/utils/db.server.ts";
import type { Role } from "~/policies/roles.ts";
import { parseContent } from "./activity.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import type { MessageKey } from "~/utils/i18n.ts";

export class RequestConflictError extends DomainError {
  constructor() {
    super("errors.requestConflict", { status: 409 });
  }
}
export class RequestNotFoundError extends DomainError {
  constructor() {
    super("errors.notFoundBody", { status: 404 });
  }
}
/** A move the request's state or the law does not allow; `key` is the message to show. */
export class RequestRuleError extends DomainError {
  constructor(key: MessageKey) {
    super(key, { status: 400 });
  }
}

export function formatRequestRef(seq: number): string {
  return `D-${String(seq).padStart(4, "0")}`;
}

const ANONYMIZED = "—";

export function effectiveDue(r: Pick<DataSubjectRequest, "dueAt" | "extendedDueAt">): Date {
  return r.extendedDueAt ?? r.dueAt;
}

export async function createRequest(actorId: string, organizationId: string, f: RequestForm) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const acts = f.activityIds.length ? await tx.activity.findMany({ where: { organizationId, id: { in: f.activityIds } }, select: { id: true } }) : [];
    const org = await tx.organization.update({ where: { id: organizationId }, data: { requestSeq: { increment: 1 } }, select: { requestSeq: true } });
    const receivedAt = new Date(`${f.receivedAt}T00:00:00Z`);
    const created = await tx.dataSubjectRequest.create({
      data: {
        organizationId,
        seq: org.requestSeq,
        ref: formatRequestRef(org.requestSeq),
        type: f.type,
        regime: f.regime,
        status: f.identityCheck === "REQUESTED" ? "IDENTITY_PENDING" : "RECEIVED",
        receivedAt,
        channel: f.channel,
        requesterName: f.requesterName,
        requesterContact: f.requesterContact ?? null,
        identityCheck: f.identityCheck,
        details: f.details ?? null,
        activityIds: JSON.stringify(acts.map((a) => a.id)),
        dueAt: requestDueDate(receivedAt),
        createdById: actorId,
        updatedById: actorId,
      },
    });
    // The audit trail names the request, never the person.
    w.audit("request.received", "DataSubjectRequest", created.id, { ref: created.ref, type: created.type });
    return created;
  });
}

export function getRequestByRef(organizationId: string, ref: string) {
  return getDb().dataSubjectRequest.findUnique({ where: { organizationId_ref: { organizationId, ref } } });
}

async function guardedUpdate(
  actorId: string,
  current: DataSubjectRequest,
  expectedRevision: number,
  data: Partial<DataSubjectRequest>,
  action: string,
  details: Record<string, unknown>,
) {
  return unitOfWork({ actorId, organizationId: current.organizationId }, async ({ tx, ...w }) => {
    const res = await tx.dataSubjectRequest.updateMany({
      where: { id: current.id, organizationId: current.organizationId, revision: expectedRevision },
      data: { ...data, revision: { increment: 1 }, updatedById: actorId },
    });
    if (res.count === 0) throw new RequestConflictError();
    w.audit(action, "DataSubjectRequest", current.id, { ref: current.ref, ...details });
    return tx.dataSubjectRequest.findFirstOrThrow({ where: { id: current.id } });
  });
}

export async function moveRequest(
  actorId: string,
  role: Role,
  current: DataSubjectRequest,
  expectedRevision: number,
  to: RequestStatus,
  opts: { response?: string; identityCheck?: string },
  now = new Date(),
) {
  if (current.anonymizedAt) throw new RequestRuleError("errors.requestAnonymized");
  if (!canMoveRequest(role, current.status, to)) throw new RequestRuleError("errors.requestTransition");
  if ((to === "ANSWERED" || to === "REFUSED") && !opts.response) throw new RequestRuleError("errors.requestResponse");
  const data: Partial<DataSubjectRequest> = { status: to };
  if (opts.identityCheck) data.identityCheck = opts.identityCheck;
  if (to === "ANSWERED" || to === "REFUSED") {
    data.answeredAt = now;
    data.response = opts.response ?? null;
  }
  if (to === "CLOSED") data.closedAt = now;
  return guardedUpdate(actorId, current, expectedRevision, data, `request.${to.toLowerCase()}`, { from: current.status, to });
}

/** Art. 12(3): two more months, with the reason, the person informed within the first month. */
export async function extendRequest(
  actorId: string,
  current: DataSubjectRequest,
  expectedRevision: number,
  reason: string,
  informedAt: string,
  now = new Date(),
) {
  if (!(OPEN_REQUEST_STATUSES as readonly string[]).includes(current.status)) throw new RequestRuleError("errors.requestTransition");
  if (!canExtend(current.receivedAt, now, current.extendedDueAt !== null)) throw new RequestRuleError("errors.requestExtendLate");
  const informed = new Date(`${informedAt}T00:00:00Z`);
  if (informed > current.dueAt || informed < new Date(current.receivedAt.toISOString().slice(0, 10)))
    throw new RequestRuleError("errors.requestExtendInformed");
  return guardedUpdate(
    actorId,
    current,
    expectedRevision,
    { status: "EXTENDED", extendedDueAt: requestDueDate(current.receivedAt, true), extensionReason: reason, extensionInformedAt: informed },
    "request.extended",
    {},
  );
}

export async function addRequestComment(actorId: string, current: DataSubjectRequest, body: string) {
  return unitOfWork({ actorId, organizationId: current.organizationId }, async ({ tx, ...w }) => {
    const c = await tx.requestComment.create({ data: { requestId: current.id, organizationId: current.organizationId, authorId: actorId, body } });
    w.audit("request.commented", "DataSubjectRequest", current.id, { ref: current.ref, commentId: c.id });
    return c;
  });
}

export function listRequests(organizationId: string) {
  return getDb().dataSubjectRequest.findMany({ where: { organizationId }, orderBy: { seq: "desc" } });
}

export function listRequestComments(organizationId: string, requestId: string) {
  return getDb().requestComment.findMany({ where: { organizationId, requestId }, orderBy: { createdAt: "asc" } });
}

/** Open requests by due date, for the dashboard (overdue and due soon first). */
export async function listOpenRequests(organizationId: string) {
  const rows = await getDb().dataSubjectRequest.findMany({
    where: { organizationId, status: { in: [...OPEN_REQUEST_STATUSES] } },
    select: { ref: true, type: true, status: true, dueAt: true, extendedDueAt: true },
  });
  return rows.map((r) => ({ ref: r.ref, type: r.type, status: r.status, due: effectiveDue(r) })).sort((a, b) => a.due.getTime() - b.due.getTime());
}

/** Statistics that survive anonymization. */
export async function requestStatistics(organizationId: string) {
  const rows = await getDb().dataSubjectRequest.groupBy({ by: ["type", "status"], where: { organizationId }, _count: { _all: true } });
  return rows.map((r) => ({ type: r.type, status: r.status, count: r._count._all }));
}

/**
 * Anonymizes the requester's details of requests closed more than `requestRetentionMonths` ago.
 * Returns how many were anonymized. Idempotent.
 */
export async function anonymizeExpiredRequests(organizationId: string, now = new Date()) {
  return unitOfWork({ actorId: null, organizationId }, async ({ tx, ...w }) => {
    const org = await tx.organization.findFirstOrThrow({ where: { id: organizationId }, select: { requestRetentionMonths: true } });
    const closed = await tx.dataSubjectRequest.findMany({
      where: { organizationId, status: "CLOSED", anonymizedAt: null, closedAt: { not: null } },
      select: { id: true, ref: true, closedAt: true },
    });
    const due = closed.filter((r) => anonymizeAfter(r.closedAt!, org.requestRetentionMonths) <= now);
    if (due.length === 0) return 0;
    await tx.dataSubjectRequest.updateMany({
      where: { id: { in: due.map((r) => r.id) } },
      data: { requesterName: ANONYMIZED, requesterContact: null, details: null, response: null, anonymizedAt: now, revision: { increment: 1 } },
    });
    await tx.requestComment.deleteMany({ where: { requestId: { in: due.map((r) => r.id) } } });
    w.audit("request.anonymized", "DataSubjectRequest", null, { refs: due.map((r) => r.ref), months: org.requestRetentionMonths });
    return due.length;
  });
}

/**
 * The same for every organization with closed requests still holding a person's details: run daily by
 * the server (app/models/scheduled-tasks.server.ts), so retention does not wait for someone to open the log.
 */
export async function anonymizeExpiredRequestsEverywhere(now = new Date()): Promise<number> {
  const orgs = await getDb().dataSubjectRequest.findMany({
    where: { status: "CLOSED", anonymizedAt: null, closedAt: { not: null } },
    select: { organizationId: true },
    distinct: ["organizationId"],
  });
  let total = 0;
  for (const o of orgs) total += await anonymizeExpiredRequests(o.organizationId, now);
  return total;
}

export async function setRequestRetention(actorId: string, organizationId: string, months: number) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    await tx.organization.update({ where: { id: organizationId }, data: { requestRetentionMonths: months } });
    w.audit("request.retention", "Organization", organizationId, { months });
  });
}

/** What the answer letters draw from the register: each activity's Art. 15(1) items. */
export async function requestLetterData(organizationId: string, r: DataSubjectRequest) {
  const ids = JSON.parse(r.activityIds) as string[];
  const [org, acts] = await Promise.all([
    getDb().organization.findFirstOrThrow({ where: { id: organizationId } }),
    ids.length
      ? getDb().activity.findMany({ where: { organizationId, id: { in: ids } }, orderBy: { seq: "asc" }, select: { ref: true, content: true } })
      : Promise.resolve([]),
  ]);
  return {
    organization: { name: org.name, address: org.address, dpoName: org.dpoName, dpoEmail: org.dpoEmail, legalRepresentative: org.legalRepresentative },
    request: {
      ref: r.ref,
      type: r.type,
      regime: r.regime,
      receivedAt: r.receivedAt.toISOString(),
      requesterName: r.requesterName,
      extendedDueAt: r.extendedDueAt?.toISOString() ?? null,
      extensionReason: r.extensionReason,
    },
    activities: acts.map((a) => ({ ref: a.ref, content: parseContent(a.content) })),
  };
}

/** The activities a request concerns, by reference and name. */
export function activityLabels(organizationId: string, ids: string[]) {
  return ids.length ? getDb().activity.findMany({ where: { organizationId, id: { in: ids } }, select: { ref: true, name: true } }) : Promise.resolve([]);
}

/** The organization's retention period of the request log, in months. */
export function getRequestRetention(organizationId: string) {
  return getDb().organization.findFirstOrThrow({ where: { id: organizationId }, select: { requestRetentionMonths: true } });
}
