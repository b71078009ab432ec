/**
 * The breach register (Art. 33(5)). Every write checks the revision it started from (optimistic
 * lock), saves an immutable version and records the audit event in the same transaction.
 */
import { scopeDepartmentIds, type ActivityScope } from "~/policies/department.ts";
import { breachScopeForVendor, needsDelayReason, prefillFromActivities, type ScopeActivity } from "~/analysis/breach.ts";
import type { Breach } from "~/generated/prisma/client.ts";
import type { BreachStatus, BreachTransition } from "~/policies/breach.ts";
import { BreachContentSchema, type Assessment, type BreachContent, type BreachFactsForm } from "~/schemas/breach.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { parseContent } from "./activity.server.ts";
import { loadServiceGraph } from "./sovereignty.server.ts";
import { unitOfWork, type Work } from "./unit-of-work.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import type { MessageKey } from "~/utils/i18n.ts";

export class BreachConflictError extends DomainError {
  constructor(public current: BreachRecord) {
    super("errors.breachConflict", { status: 409, message: "conflict" });
  }
}
export class BreachNotFoundError extends DomainError {
  constructor(what: string) {
    super("errors.notFoundBody", { status: 404, message: what });
  }
}
/** A write the breach's state or the law does not allow; `key` is the message to show. */
export class BreachRuleError extends DomainError {
  constructor(key: MessageKey) {
    super(key, { status: 400 });
  }
}

export type BreachRecord = Breach & { parsed: BreachContent; departmentName: string | null };

export function formatBreachRef(seq: number): string {
  return `V-${String(seq).padStart(4, "0")}`;
}

function withParsed(b: Breach, departmentName: string | null = null): BreachRecord {
  return { ...b, parsed: BreachContentSchema.parse(JSON.parse(b.content)), departmentName };
}

async function departmentName(tx: Tx, organizationId: string, departmentId: string | null): Promise<string | null> {
  if (!departmentId) return null;
  const d = await tx.department.findFirst({ where: { id: departmentId, organizationId }, select: { name: true } });
  if (!d) throw new BreachRuleError("errors.breachDepartment");
  return d.name;
}

/** Ids from a form are kept only if they belong to the organization (a forged id is dropped, never linked). */
async function ownIds(tx: Tx, organizationId: string, activityIds: string[], vendorIds: string[]) {
  const [acts, vendors] = await Promise.all([
    activityIds.length
      ? tx.activity.findMany({ where: { organizationId, id: { in: activityIds } }, select: { id: true, content: true } })
      : Promise.resolve([]),
    vendorIds.length ? tx.vendor.findMany({ where: { organizationId, id: { in: vendorIds } }, select: { id: true } }) : Promise.resolve([]),
  ]);
  const actIds = new Set(acts.map((a) => a.id));
  const vIds = new Set(vendors.map((v) => v.id));
  return { activities: acts, activityIds: activityIds.filter((i) => actIds.has(i)), vendorIds: vendorIds.filter((i) => vIds.has(i)) };
}

function toScopeActivity(a: { id: string; ref?: string; name?: string; content: string }, serviceIds: string[] = []): ScopeActivity {
  const c = parseContent(a.content);
  return {
    id: a.id,
    ref: a.ref ?? "",
    name: a.name ?? c.name,
    serviceIds,
    dataCategories: c.dataCategories.map((d) => d.category),
    subjects: c.dataSubjects.map((s) => ({ category: s.category, estimatedCount: s.estimatedCount ?? null })),
  };
}

/** Turns the facts form into content; data and subjects left empty are prefilled from the activities. */
function factsToContent(
  f: BreachFactsForm,
  ids: { activityIds: string[]; vendorIds: string[] },
  activities: { id: string; content: string }[],
  previous?: BreachContent,
): BreachContent {
  let dataCategories = f.dataCategories;
  let subjects = f.subjects.map((category) => ({ category, count: f.counts[category] ?? null }));
  if (dataCategories.length === 0 && subjects.length === 0 && activities.length > 0) {
    const pre = prefillFromActivities(activities.map((a) => toScopeActivity(a)));
    dataCategories = pre.dataCategories as BreachContent["dataCategories"];
    subjects = pre.subjects as BreachContent["subjects"];
  }
  return BreachContentSchema.parse({
    title: f.title,
    discoveredAt: f.discoveredAt,
    awareAt: f.awareAt,
    startedAt: f.startedAt,
    endedAt: f.endedAt,
    nature: f.nature,
    description: f.description,
    cause: f.cause,
    discoveryMeans: f.discoveryMeans,
    activityIds: ids.activityIds,
    vendorIds: ids.vendorIds,
    dataCategories,
    subjects,
    approxPeople: f.approxPeople ?? (subjects.some((s) => s.count !== null) ? subjects.reduce((n, s) => n + (s.count ?? 0), 0) : null),
    approxRecords: f.approxRecords ?? null,
    consequences: f.consequences,
    measures: f.measures,
    crossBorder: f.crossBorder,
    assessment: previous?.assessment,
  });
}

async function snapshot(tx: Tx, b: Breach, actorId: string) {
  const last = await tx.breachVersion.findFirst({ where: { breachId: b.id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  await tx.breachVersion.create({
    data: {
      breachId: b.id,
      organizationId: b.organizationId,
      number,
      status: b.status,
      snapshot: JSON.stringify({ status: b.status, revision: b.revision, departmentId: b.departmentId, content: JSON.parse(b.content) as unknown }),
      actorId,
    },
  });
  return number;
}

export async function createBreach(
  actorId: string,
  organizationId: string,
  f: BreachFactsForm,
  opts: { vendorId?: string | null } = {},
): Promise<BreachRecord> {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const depName = await departmentName(tx, organizationId, f.departmentId ?? null);
    const ids = await ownIds(tx, organizationId, f.activityIds, [...f.vendorIds, ...(opts.vendorId ? [opts.vendorId] : [])]);
    const content = factsToContent(f, { activityIds: ids.activityIds, vendorIds: [...new Set(ids.vendorIds)] }, ids.activities);
    const org = await tx.organization.update({ where: { id: organizationId }, data: { breachSeq: { increment: 1 } }, select: { breachSeq: true } });
    const created = await tx.breach.create({
      data: {
        organizationId,
        seq: org.breachSeq,
        ref: formatBreachRef(org.breachSeq),
        departmentId: f.departmentId ?? null,
        title: content.title,
        content: JSON.stringify(content),
        awareAt: new Date(content.awareAt),
        vendorId: opts.vendorId && ids.vendorIds.includes(opts.vendorId) ? opts.vendorId : null,
        createdById: actorId,
        updatedById: actorId,
      },
    });
    const version = await snapshot(tx, created, actorId);
    w.audit("breach.reported", "Breach", created.id, { ref: created.ref, version, vendorId: created.vendorId });
    return withParsed(created, depName);
  });
}

export async function getBreachByRef(organizationId: string, ref: string): Promise<BreachRecord | null> {
  const b = await getDb().breach.findUnique({ where: { organizationId_ref: { organizationId, ref } } });
  if (!b) return null;
  const dep = b.departmentId ? await getDb().department.findFirst({ where: { id: b.departmentId, organizationId }, select: { name: true } }) : null;
  return withParsed(b, dep?.name ?? null);
}

async function loadForWrite(tx: Tx, organizationId: string, breachId: string, expectedRevision: number) {
  const b = await tx.breach.findFirst({ where: { id: breachId, organizationId } });
  if (!b) throw new BreachNotFoundError("breach");
  if (b.revision !== expectedRevision) throw new BreachConflictError(withParsed(b));
  return b;
}

/** Writes the new state if nobody else wrote since `expectedRevision`, then versions and audits it. */
async function write(
  { tx, audit }: Work,
  actorId: string,
  current: Breach,
  data: { status?: BreachStatus; content?: BreachContent; departmentId?: string | null; risk?: string | null; closedAt?: Date | null },
  action: string,
  details: Record<string, unknown>,
) {
  const res = await tx.breach.updateMany({
    where: { id: current.id, organizationId: current.organizationId, revision: current.revision },
    data: {
      ...(data.status ? { status: data.status } : {}),
      ...(data.content ? { content: JSON.stringify(data.content), title: data.content.title, awareAt: new Date(data.content.awareAt) } : {}),
      ...(data.departmentId !== undefined ? { departmentId: data.departmentId } : {}),
      ...(data.risk !== undefined ? { risk: data.risk } : {}),
      ...(data.closedAt !== undefined ? { closedAt: data.closedAt } : {}),
      revision: { increment: 1 },
      updatedById: actorId,
    },
  });
  if (res.count === 0) {
    const now = await tx.breach.findFirstOrThrow({ where: { id: current.id } });
    throw new BreachConflictError(withParsed(now));
  }
  const saved = await tx.breach.findFirstOrThrow({ where: { id: current.id } });
  const version = await snapshot(tx, saved, actorId);
  audit(action, "Breach", current.id, { ref: current.ref, revision: saved.revision, version, ...details }, { actorId, organizationId: current.organizationId });
  if (data.status && data.status !== current.status) {
    await tx.breachComment.create({
      data: { breachId: current.id, organizationId: current.organizationId, authorId: actorId, kind: "TRANSITION", body: `${current.status}→${data.status}` },
    });
  }
  const dep = saved.departmentId ? await tx.department.findFirst({ where: { id: saved.departmentId }, select: { name: true } }) : null;
  return withParsed(saved, dep?.name ?? null);
}

export async function saveBreachFacts(
  actorId: string,
  organizationId: string,
  breachId: string,
  expectedRevision: number,
  f: BreachFactsForm,
): Promise<BreachRecord> {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, breachId, expectedRevision);
    if (current.status === "CLOSED") throw new BreachRuleError("errors.breachClosed");
    await departmentName(tx, organizationId, f.departmentId ?? null);
    const ids = await ownIds(tx, organizationId, f.activityIds, f.vendorIds);
    const previous = withParsed(current).parsed;
    const content = factsToContent(f, ids, ids.activities, previous);
    return write(w, actorId, current, { content, departmentId: f.departmentId ?? null }, "breach.updated", {});
  });
}

/** Saves the risk assessment and both decisions; an open breach becomes assessed. */
export async function assessBreach(
  actorId: string,
  organizationId: string,
  breachId: string,
  expectedRevision: number,
  assessment: Assessment,
): Promise<BreachRecord> {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, breachId, expectedRevision);
    if (current.status === "CLOSED") throw new BreachRuleError("errors.breachClosed");
    const content = { ...withParsed(current).parsed, assessment };
    const status: BreachStatus = current.status === "OPEN" ? "ASSESSED" : current.status;
    return write(w, actorId, current, { content, risk: assessment.risk, status }, "breach.assessed", {
      risk: assessment.risk,
      notifyCnil: assessment.notifyCnil,
      informSubjects: assessment.informSubjects,
    });
  });
}

export async function recordNotification(
  actorId: string,
  organizationId: string,
  breachId: string,
  expectedRevision: number,
  n: { kind: "INITIAL" | "COMPLEMENTARY" | "FINAL"; sentAt: string; reference?: string; delayReason?: string; summary?: string },
): Promise<BreachRecord> {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, breachId, expectedRevision);
    const parsed = withParsed(current).parsed;
    if (!parsed.assessment) throw new BreachRuleError("errors.breachNotAssessed");
    if (current.status === "CLOSED") throw new BreachRuleError("errors.breachClosed");
    const existing = await tx.breachNotification.findMany({ where: { breachId }, orderBy: { sentAt: "asc" } });
    const hasInitial = existing.some((e) => e.kind === "INITIAL");
    if (n.kind === "INITIAL" && hasInitial) throw new BreachRuleError("errors.breachInitialExists");
    if (n.kind !== "INITIAL" && !hasInitial) throw new BreachRuleError("errors.breachInitialFirst");
    if (existing.some((e) => e.kind === "FINAL")) throw new BreachRuleError("errors.breachFinalExists");
    const sentAt = new Date(n.sentAt);
    if (sentAt.getTime() < current.awareAt.getTime()) throw new BreachRuleError("errors.breachSentBeforeAware");
    if (n.kind === "INITIAL" && needsDelayReason(current.awareAt, sentAt) && !n.delayReason) throw new BreachRuleError("errors.breachDelayReason");
    const created = await tx.breachNotification.create({
      data: {
        breachId,
        organizationId,
        kind: n.kind,
        sentAt,
        reference: n.reference ?? null,
        delayReason: n.delayReason ?? null,
        summary: n.summary ?? null,
        createdById: actorId,
      },
    });
    return write(w, actorId, current, { status: "NOTIFIED" }, "breach.notified", {
      kind: n.kind,
      notificationId: created.id,
      sentAt: n.sentAt,
      late: needsDelayReason(current.awareAt, sentAt),
    });
  });
}

export async function transitionBreach(
  actorId: string,
  organizationId: string,
  breachId: string,
  expectedRevision: number,
  t: Exclude<BreachTransition, "assess" | "notify">,
  now = new Date(),
): Promise<BreachRecord> {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, breachId, expectedRevision);
    const parsed = withParsed(current).parsed;
    if (t === "notNotified") {
      if (current.status !== "ASSESSED") throw new BreachRuleError("errors.breachTransition");
      if (!parsed.assessment || parsed.assessment.notifyCnil) throw new BreachRuleError("errors.breachDecisionIsNotify");
      return write(w, actorId, current, { status: "NOT_NOTIFIED" }, "breach.notNotified", {});
    }
    if (t === "close") {
      if (current.status !== "NOTIFIED" && current.status !== "NOT_NOTIFIED") throw new BreachRuleError("errors.breachTransition");
      return write(w, actorId, current, { status: "CLOSED", closedAt: now }, "breach.closed", {});
    }
    if (current.status !== "CLOSED") throw new BreachRuleError("errors.breachTransition");
    const notified = await tx.breachNotification.count({ where: { breachId } });
    return write(w, actorId, current, { status: notified > 0 ? "NOTIFIED" : parsed.assessment ? "ASSESSED" : "OPEN", closedAt: null }, "breach.reopened", {});
  });
}

export async function addBreachComment(actorId: string, organizationId: string, breachId: string, body: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const b = await tx.breach.findFirst({ where: { id: breachId, organizationId }, select: { id: true, ref: true } });
    if (!b) throw new BreachNotFoundError("breach");
    const c = await tx.breachComment.create({ data: { breachId, organizationId, authorId: actorId, kind: "COMMENT", body } });
    w.audit("breach.commented", "Breach", breachId, { ref: b.ref, commentId: c.id });
    return c;
  });
}

async function names(ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const users = list.length ? await getDb().user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Everything the breach page shows beside the record itself. */
export async function breachDetails(organizationId: string, b: BreachRecord) {
  const db = getDb();
  const [comments, versions, notifications, activities, vendors] = await Promise.all([
    db.breachComment.findMany({ where: { organizationId, breachId: b.id }, orderBy: { createdAt: "asc" } }),
    db.breachVersion.findMany({
      where: { organizationId, breachId: b.id },
      orderBy: { number: "desc" },
      select: { number: true, status: true, actorId: true, createdAt: true },
    }),
    db.breachNotification.findMany({ where: { organizationId, breachId: b.id }, orderBy: { sentAt: "asc" } }),
    b.parsed.activityIds.length
      ? db.activity.findMany({
          where: { organizationId, id: { in: b.parsed.activityIds } },
          select: { id: true, ref: true, name: true, departmentId: true },
          orderBy: { seq: "asc" },
        })
      : Promise.resolve([]),
    b.parsed.vendorIds.length
      ? db.vendor.findMany({ where: { organizationId, id: { in: b.parsed.vendorIds } }, select: { id: true, name: true, country: true } })
      : Promise.resolve([]),
  ]);
  const who = await names([...comments.map((c) => c.authorId), ...versions.map((v) => v.actorId)]);
  return {
    comments: comments.map((c) => ({
      id: c.id,
      kind: c.kind,
      body: c.body,
      author: c.authorId ? (who.get(c.authorId) ?? null) : null,
      createdAt: c.createdAt,
    })),
    versions: versions.map((v) => ({ ...v, actor: v.actorId ? (who.get(v.actorId) ?? null) : null })),
    notifications,
    activities,
    vendors,
  };
}

export type BreachListFilters = { scope: ActivityScope; status?: BreachStatus };

export async function listBreaches(organizationId: string, f: BreachListFilters) {
  const departmentIds = scopeDepartmentIds(f.scope);
  if (departmentIds && departmentIds.length === 0) return [];
  const rows = await getDb().breach.findMany({
    where: { organizationId, ...(departmentIds ? { departmentId: { in: [...departmentIds] } } : {}), ...(f.status ? { status: f.status } : {}) },
    orderBy: { seq: "desc" },
    select: {
      id: true,
      ref: true,
      title: true,
      status: true,
      risk: true,
      awareAt: true,
      departmentId: true,
      createdAt: true,
      closedAt: true,
      notifications: { select: { kind: true, sentAt: true }, orderBy: { sentAt: "asc" } },
    },
  });
  return rows;
}

/** The breaches whose 72-hour clock matters now: not yet notified and not decided against. */
export async function listRunningClocks(organizationId: string, scope: ActivityScope) {
  const departmentScope = scopeDepartmentIds(scope);
  if (departmentScope && departmentScope.length === 0) return [];
  const rows = await getDb().breach.findMany({
    where: { organizationId, status: { in: ["OPEN", "ASSESSED"] }, ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}) },
    orderBy: { awareAt: "asc" },
    select: { ref: true, title: true, status: true, awareAt: true, content: true },
    take: 20,
  });
  return rows.map((r) => {
    const a = BreachContentSchema.parse(JSON.parse(r.content)).assessment;
    return { ref: r.ref, title: r.title, status: r.status, awareAt: r.awareAt, notifyDecision: a ? a.notifyCnil : null };
  });
}

/** Activities of the register, for the pickers of the report form. */
export function listActivityChoices(organizationId: string, scope: ActivityScope) {
  const departmentScope = scopeDepartmentIds(scope);
  return getDb().activity.findMany({
    where: { organizationId, status: { not: "ARCHIVED" }, ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}) },
    orderBy: { seq: "asc" },
    select: { id: true, ref: true, name: true },
  });
}

/**
 * Scope of an incident at a vendor: every activity (not archived) that uses its services directly
 * or through sub-processors, with its data and subject counts, using the vendor graph of the
 * sovereignty analysis.
 */
export async function vendorBreachScope(organizationId: string, vendorId: string) {
  const db = getDb();
  const vendor = await db.vendor.findFirst({ where: { id: vendorId, organizationId }, select: { id: true, name: true } });
  if (!vendor) return null;
  const [graph, links, activities] = await Promise.all([
    loadServiceGraph(organizationId),
    db.activityLink.findMany({ where: { organizationId, serviceId: { not: null } }, select: { activityId: true, serviceId: true } }),
    db.activity.findMany({
      where: { organizationId, status: { not: "ARCHIVED" } },
      select: { id: true, ref: true, name: true, content: true, departmentId: true },
      orderBy: { seq: "asc" },
    }),
  ]);
  const byActivity = new Map<string, string[]>();
  for (const l of links) if (l.serviceId) byActivity.set(l.activityId, [...(byActivity.get(l.activityId) ?? []), l.serviceId]);
  const scope = breachScopeForVendor(
    graph,
    vendorId,
    activities.map((a) => toScopeActivity(a, byActivity.get(a.id) ?? [])),
  );
  const dep = new Map(activities.map((a) => [a.id, a.departmentId]));
  return { vendor, activities: scope.map((s) => ({ ...s, departmentId: dep.get(s.id) ?? null })), prefill: prefillFromActivities(scope) };
}

/** Every breach with its notifications, for the register's PDF and tabular exports. */
export async function breachRegisterRows(organizationId: string) {
  const rows = await getDb().breach.findMany({
    where: { organizationId },
    orderBy: { seq: "asc" },
    include: { notifications: { orderBy: { sentAt: "asc" } } },
  });
  return rows.map((r) => ({ ...r, parsed: BreachContentSchema.parse(JSON.parse(r.content)) }));
}

/** What the drafts (CNIL notification, letter to the people) are built from. */
export async function breachDraftData(organizationId: string, b: BreachRecord, now = new Date()) {
  const db = getDb();
  const [org, details] = await Promise.all([db.organization.findFirstOrThrow({ where: { id: organizationId } }), breachDetails(organizationId, b)]);
  return {
    organization: {
      name: org.name,
      siren: org.siren,
      address: org.address,
      dpoName: org.dpoName,
      dpoEmail: org.dpoEmail,
      dpoPhone: org.dpoPhone,
      dpoCnilNumber: org.dpoCnilNumber,
      legalRepresentative: org.legalRepresentative,
    },
    breach: { ref: b.ref, status: b.status, content: b.parsed },
    activities: details.activities.map((a) => ({ ref: a.ref, name: a.name })),
    vendors: details.vendors.map((v) => ({ name: v.name, country: v.country })),
    notifications: details.notifications.map((n) => ({ kind: n.kind, sentAt: n.sentAt.toISOString(), reference: n.reference, delayReason: n.delayReason })),
    generatedAt: now.toISOString(),
  };
}
