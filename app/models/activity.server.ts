import type { Activity, Prisma } from "~/generated/prisma/client.ts";
import { ACTIVITY_STATUSES, type ActivityStatus } from "~/reference/vocabularies.ts";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { computeCompleteness, hasOffenceData, hasSensitiveData } from "~/domain/activity-rules.ts";
import { diffContents } from "~/domain/activity-diff.ts";
import { activityValueChanges } from "~/utils/audit-values.ts";
import { TRANSITION_TARGET, type Transition } from "~/policies/activity.ts";
import { scopeDepartmentIds, type ActivityScope } from "~/policies/department.ts";
import { fromSqlDate, getDb, sqlDate, type Tx } from "~/utils/db.server.ts";
import type { Sort } from "~/domain/register-query.ts";
import { notifyMentionsTx, notifyTransitionTx } from "./notifications.server.ts";
import { organizationMatch, toFtsQuery } from "./activity-search.server.ts";
import { unitOfWork, type Work } from "./unit-of-work.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

/** Someone saved the activity since the form was loaded; `current` is the activity as it now is. */
export class ConflictError extends DomainError {
  constructor(public current: ActivityRecord) {
    super("activityView.conflict", { status: 409, message: "conflict" });
  }
}
/** A department outside the organization (shown on the department field), or an activity outside it (404). */
export class ActivityNotFoundError extends DomainError {
  constructor(what: "department" | "activity") {
    super(
      what === "department" ? "errors.departmentNotAllowed" : "errors.notFoundBody",
      what === "department" ? { status: 400, field: "departmentId", message: what } : { status: 404, message: what },
    );
  }
}
/** A transition the workflow refuses: a missing comment or reason (on its field), or an archived activity. */
export class InvalidTransitionError extends DomainError {
  constructor(reason: "archived" | "comment" | "reason") {
    super(
      reason === "comment" ? "errors.commentRequired" : reason === "reason" ? "errors.reasonRequired" : "errors.transitionNotAllowed",
      reason === "archived" ? { status: 409, message: reason } : { status: 400, field: reason, message: reason },
    );
  }
}

export type ActivityRecord = Activity & { parsed: ActivityContent; departmentName: string | null };

export function formatRef(seq: number): string {
  return `T-${String(seq).padStart(4, "0")}`;
}

/** Stored JSON is re-validated on the way out; an unreadable record is a bug, not user input. */
export function parseContent(json: string): ActivityContent {
  return ActivityContentSchema.parse(JSON.parse(json));
}

/** The columns derived from the content for filtering and sorting (also used by the batched import). */
export function derivedColumns(content: ActivityContent, departmentId: string | null) {
  return {
    name: content.name,
    regime: content.regime,
    role: content.role,
    legalBases: `|${[...new Set(content.legalBases.map((b) => b.basis))].join("|")}|`,
    hasSensitive: hasSensitiveData(content),
    hasOffences: hasOffenceData(content),
    completeness: computeCompleteness(content, departmentId).score,
    nextReviewAt: content.nextReviewAt ? new Date(`${content.nextReviewAt}T00:00:00Z`) : null,
  };
}

async function departmentName(tx: Tx, organizationId: string, departmentId: string | null): Promise<string | null> {
  if (!departmentId) return null;
  const d = await tx.department.findFirst({ where: { id: departmentId, organizationId }, select: { name: true } });
  if (!d) throw new ActivityNotFoundError("department");
  return d.name;
}

function withParsed(a: Activity & { department: { name: string } | null }): ActivityRecord {
  const { department, ...rest } = a;
  return { ...rest, parsed: parseContent(a.content), departmentName: department?.name ?? null };
}

export async function createActivity(
  actorId: string,
  organizationId: string,
  input: { content: ActivityContent; departmentId: string | null; prefilledPaths?: string[] },
): Promise<ActivityRecord> {
  return unitOfWork({ actorId, organizationId }, (w) => createActivityInUnit(w, actorId, organizationId, input));
}

/** The same, inside a caller's unit of work (several drafts from templates, all at once or not at all). */
export async function createActivityInUnit(
  w: Work,
  actorId: string,
  organizationId: string,
  input: { content: ActivityContent; departmentId: string | null; prefilledPaths?: string[] },
): Promise<ActivityRecord> {
  const { tx } = w;
  const depName = await departmentName(tx, organizationId, input.departmentId);
  const org = await tx.organization.update({ where: { id: organizationId }, data: { activitySeq: { increment: 1 } }, select: { activitySeq: true } });
  const seq = org.activitySeq;
  const created = await tx.activity.create({
    data: {
      organizationId,
      seq,
      ref: formatRef(seq),
      departmentId: input.departmentId,
      content: JSON.stringify(input.content),
      prefilledPaths: JSON.stringify(input.prefilledPaths ?? []),
      ...derivedColumns(input.content, input.departmentId),
      createdById: actorId,
      updatedById: actorId,
    },
    include: { department: { select: { name: true } } },
  });
  w.reindex(created, input.content, depName);
  w.analysisChanged(organizationId);
  w.audit("activity.created", "Activity", created.id, { ref: created.ref, prefilled: (input.prefilledPaths ?? []).length > 0 }, { actorId, organizationId });
  return withParsed(created);
}

export async function getActivityByRef(organizationId: string, ref: string): Promise<ActivityRecord | null> {
  const a = await getDb().activity.findUnique({ where: { organizationId_ref: { organizationId, ref } }, include: { department: { select: { name: true } } } });
  return a ? withParsed(a) : null;
}

async function loadForWrite(tx: Tx, organizationId: string, activityId: string) {
  const a = await tx.activity.findFirst({ where: { id: activityId, organizationId }, include: { department: { select: { name: true } } } });
  if (!a) throw new ActivityNotFoundError("activity");
  return a;
}

/**
 * Saves the working copy if nobody else saved since `expectedRevision`; otherwise throws
 * ConflictError with the current state. Editing an approved activity opens a new draft.
 */
export async function saveActivity(
  actorId: string,
  organizationId: string,
  activityId: string,
  expectedRevision: number,
  input: { content: ActivityContent; departmentId: string | null; prefilledPaths?: string[] },
): Promise<ActivityRecord> {
  return unitOfWork({ actorId, organizationId }, (w) => saveActivityInUnit(w, actorId, organizationId, activityId, expectedRevision, input));
}

/** The same, inside a caller's unit of work. `prefilledPaths`, when given, replaces the list of unconfirmed template fields. */
export async function saveActivityInUnit(
  w: Work,
  actorId: string,
  organizationId: string,
  activityId: string,
  expectedRevision: number,
  input: { content: ActivityContent; departmentId: string | null; prefilledPaths?: string[] },
): Promise<ActivityRecord> {
  {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, activityId);
    if (current.revision !== expectedRevision) throw new ConflictError(withParsed(current));
    if (current.status === "ARCHIVED") throw new InvalidTransitionError("archived");
    const depName = await departmentName(tx, organizationId, input.departmentId);
    const before = parseContent(current.content);
    const rows = diffContents(before, input.content);
    const changes = rows.map((r) => r.path);
    const departmentChanged = current.departmentId !== input.departmentId;
    const prefilledPaths = input.prefilledPaths === undefined ? undefined : JSON.stringify(input.prefilledPaths);
    const prefilledChanged = prefilledPaths !== undefined && prefilledPaths !== current.prefilledPaths;
    if (changes.length === 0 && !departmentChanged && !prefilledChanged) return withParsed(current);
    let pendingChanges = true;
    if (current.approvedVersion) {
      const v = await tx.activityVersion.findUnique({ where: { activityId_number: { activityId, number: current.approvedVersion } } });
      pendingChanges = !v || v.content !== JSON.stringify(input.content) || v.departmentId !== input.departmentId;
    }
    const res = await tx.activity.updateMany({
      where: { id: activityId, organizationId, revision: expectedRevision },
      data: {
        content: JSON.stringify(input.content),
        departmentId: input.departmentId,
        ...derivedColumns(input.content, input.departmentId),
        status: current.status === "APPROVED" ? "DRAFT" : current.status,
        pendingChanges,
        ...(prefilledPaths !== undefined ? { prefilledPaths } : {}),
        revision: { increment: 1 },
        updatedById: actorId,
      },
    });
    if (res.count === 0) throw new ConflictError(withParsed(await loadForWrite(tx, organizationId, activityId)));
    const saved = await loadForWrite(tx, organizationId, activityId);
    w.reindex(saved, input.content, depName);
    w.analysisChanged(organizationId);
    const oldDep = departmentChanged ? await departmentName(tx, organizationId, current.departmentId) : null;
    w.audit(
      "activity.updated",
      "Activity",
      activityId,
      {
        ref: saved.ref,
        revision: saved.revision,
        fields: departmentChanged ? ["department", ...changes] : changes,
        // Before → after of the simple fields, for the readable audit log.
        values: [...(departmentChanged ? [{ field: "department", from: oldDep, to: depName }] : []), ...activityValueChanges(rows)],
        reopened: current.status === "APPROVED",
      },
      { actorId, organizationId },
    );
    return withParsed(saved);
  }
}

/** Moves the activity through the workflow; approval freezes a version, archiving closes it. */
export async function transitionActivity(
  actorId: string,
  organizationId: string,
  activityId: string,
  expectedRevision: number,
  transition: Transition,
  opts: { comment?: string; reason?: string } = {},
  now = new Date(),
): Promise<ActivityRecord> {
  return unitOfWork({ actorId, organizationId }, (w) =>
    transitionActivityInUnit(w, actorId, organizationId, activityId, expectedRevision, transition, opts, now),
  );
}

/** The same, inside a caller's unit of work (an import withdraws submitted activities before updating them). */
export async function transitionActivityInUnit(
  w: Work,
  actorId: string,
  organizationId: string,
  activityId: string,
  expectedRevision: number,
  transition: Transition,
  opts: { comment?: string; reason?: string } = {},
  now = new Date(),
): Promise<ActivityRecord> {
  {
    const { tx } = w;
    const current = await loadForWrite(tx, organizationId, activityId);
    if (current.revision !== expectedRevision) throw new ConflictError(withParsed(current));
    const target = TRANSITION_TARGET[transition];
    const data: Prisma.ActivityUpdateManyMutationInput = { status: target, revision: { increment: 1 }, updatedById: actorId };
    const details: Record<string, unknown> = { ref: current.ref, from: current.status, to: target };
    if (transition === "submit") data.submittedAt = now;
    if (transition === "approve") {
      const number = (current.approvedVersion ?? 0) + 1;
      if (current.approvedVersion) {
        await tx.activityVersion.updateMany({ where: { activityId, number: current.approvedVersion, validTo: null }, data: { validTo: now } });
      }
      await tx.activityVersion.create({
        data: {
          activityId,
          organizationId,
          number,
          content: current.content,
          name: current.name,
          departmentId: current.departmentId,
          departmentName: current.department?.name ?? null,
          approvedAt: now,
          approvedById: actorId,
          validFrom: now,
        },
      });
      data.approvedVersion = number;
      data.pendingChanges = false;
      details.version = number;
    }
    if (transition === "archive") {
      if (!opts.reason) throw new InvalidTransitionError("reason");
      data.archivedAt = now;
      data.archiveReason = opts.reason;
      if (current.approvedVersion) {
        await tx.activityVersion.updateMany({ where: { activityId, number: current.approvedVersion, validTo: null }, data: { validTo: now } });
      }
      details.reason = opts.reason;
    }
    if (transition === "restore") {
      data.archivedAt = null;
      data.archiveReason = null;
    }
    if (transition === "requestChanges" && !opts.comment) throw new InvalidTransitionError("comment");
    const res = await tx.activity.updateMany({ where: { id: activityId, organizationId, revision: expectedRevision }, data });
    if (res.count === 0) throw new ConflictError(withParsed(await loadForWrite(tx, organizationId, activityId)));
    const body = opts.comment ?? opts.reason ?? "";
    await tx.activityComment.create({
      data: {
        activityId,
        organizationId,
        authorId: actorId,
        kind: transition === "requestChanges" ? "CHANGE_REQUEST" : "TRANSITION",
        body: `${transition}${body ? `\n${body}` : ""}`,
      },
    });
    if (transition === "archive" || transition === "restore") w.analysisChanged(organizationId);
    w.audit(`activity.${transition}`, "Activity", activityId, details, { actorId, organizationId });
    const after = await loadForWrite(tx, organizationId, activityId);
    await notifyTransitionTx(tx, actorId, organizationId, after, transition);
    return withParsed(after);
  }
}

export async function addComment(actorId: string, organizationId: string, activityId: string, body: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, audit }) => {
    const activity = await loadForWrite(tx, organizationId, activityId);
    const c = await tx.activityComment.create({ data: { activityId, organizationId, authorId: actorId, kind: "COMMENT", body } });
    audit("activity.commented", "Activity", activityId, { commentId: c.id });
    await notifyMentionsTx(tx, actorId, organizationId, activity, body);
    return c;
  });
}

export async function listComments(organizationId: string, activityId: string) {
  const comments = await getDb().activityComment.findMany({ where: { organizationId, activityId }, orderBy: { createdAt: "asc" } });
  const authors = await getDb().user.findMany({
    where: { id: { in: [...new Set(comments.flatMap((c) => (c.authorId ? [c.authorId] : [])))] } },
    select: { id: true, name: true },
  });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return comments.map((c) => {
    const [first, ...rest] = c.body.split("\n");
    const isTransition = c.kind !== "COMMENT";
    return {
      id: c.id,
      kind: c.kind,
      transition: isTransition ? (first ?? null) : null,
      body: isTransition ? rest.join("\n") : c.body,
      author: c.authorId ? (names.get(c.authorId) ?? null) : null,
      createdAt: c.createdAt,
    };
  });
}

export async function listVersions(organizationId: string, activityId: string) {
  const versions = await getDb().activityVersion.findMany({ where: { organizationId, activityId }, orderBy: { number: "desc" } });
  const approvers = await getDb().user.findMany({
    where: { id: { in: versions.flatMap((v) => (v.approvedById ? [v.approvedById] : [])) } },
    select: { id: true, name: true },
  });
  const names = new Map(approvers.map((a) => [a.id, a.name]));
  return versions.map((v) => ({ ...v, parsed: parseContent(v.content), approvedBy: v.approvedById ? (names.get(v.approvedById) ?? null) : null }));
}

/** Ids of the non-archived activities in a department scope (the API's analysis lists only those). */
export async function listActivityIdsInScope(organizationId: string, scope: ActivityScope): Promise<Set<string>> {
  const departmentIds = scopeDepartmentIds(scope);
  const rows = await getDb().activity.findMany({
    where: { organizationId, status: { not: "ARCHIVED" }, ...(departmentIds ? { departmentId: { in: [...departmentIds] } } : {}) },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

export type ActivityFilters = {
  q?: string;
  departmentId?: string;
  status?: string;
  legalBasis?: string;
  sensitive?: boolean;
  regime?: string;
  role?: string;
  overdue?: boolean;
  includeArchived?: boolean;
  /** The activities the caller may see (activityScope in app/policies/department.ts). */
  scope: ActivityScope;
  /** Only these activity ids (the DPIA screening filter, resolved by app/models/dpia.server.ts). */
  ids?: string[];
};

/** The conditions the covering index (organizationId, id, status, seq) — and its rowid — can answer alone. */
const IN_MATCHES = `+a.rowid IN m`;
const COVERED_BY_SEARCH_INDEX = new Set([`a."organizationId" = ?`, IN_MATCHES, `a."status" = ?`, `a."status" <> 'ARCHIVED'`]);

const ORDER_SQL: Record<Sort, string> = {
  ref: `a."seq" ASC`,
  name: `a."name" COLLATE NOCASE ASC, a."seq" ASC`,
  department: `d."name" IS NULL, d."name" COLLATE NOCASE ASC, a."name" COLLATE NOCASE ASC, a."seq" ASC`,
  status: `a."status" ASC, a."seq" ASC`,
  updated: `a."updatedAt" DESC, a."seq" DESC`,
  review: `a."nextReviewAt" IS NULL, a."nextReviewAt" ASC, a."seq" ASC`,
  completeness: `a."completeness" ASC, a."seq" ASC`,
};

/**
 * The register list. Filtering, full-text search and paging run in SQL (a search can match thousands
 * of activities, more than a parameter list may hold), through raw statements with bound values; the
 * only interpolated identifiers come from ORDER_SQL, a fixed whitelist. The indexes behind each filter
 * and sort are checked by tests/unit/register-query-plan.test.ts.
 */
export async function listActivities(organizationId: string, f: ActivityFilters, sort: Sort, page: { skip: number; take: number }, now = new Date()) {
  const q = listStatements(organizationId, f, sort, page, now);
  if (!q) return { rows: [], total: 0 };
  const db = getDb();
  const raw = await db.$queryRawUnsafe<(ListRow & { total: bigint | number })[]>(q.page.sql, ...q.page.args);
  if (raw.length > 0) return { rows: raw.map(toListRow), total: Number(raw[0]!.total) };
  if (page.skip === 0) return { rows: [], total: 0 };
  // A page past the end: the count alone.
  const counted = await db.$queryRawUnsafe<{ n: bigint | number }[]>(q.count.sql, ...q.count.args);
  return { rows: [], total: Number(counted[0]?.n ?? 0) };
}

type Statement = { sql: string; args: unknown[] };

const LIST_COLUMNS = `a."id", a."ref", a."name", a."status", a."regime", a."role", a."legalBases", a."hasSensitive", a."hasOffences",
              a."completeness", a."nextReviewAt", a."approvedVersion", a."pendingChanges", a."updatedAt", a."departmentId",
              d."name" AS "departmentName"`;

/**
 * The statements of one register page, or null when nothing can match. Exported for the query-plan
 * test; listActivities is the only caller in the app.
 *
 * - Without a search: the page's columns in one query (no second fetch by id) with the count on the
 *   activity table alone (issue 18). A window count would make SQLite materialise every match first.
 * - With a search, which can match most of the register: the match set is the FTS5 rowids alone,
 *   which are Activity's rowids (ADR 021, `indexActivity`), read once (a materialised CTE) for both the
 *   page and the count: no match's row is read from the FTS content table. The count and the page are
 *   chosen on Activity's indexes (every index holds the rowid) before the columns of its 25 rows are
 *   read by rowid.
 */
export function listStatements(
  organizationId: string,
  f: ActivityFilters,
  sort: Sort,
  page: { skip: number; take: number },
  now = new Date(),
): { kind: "plain" | "search"; page: Statement; count: Statement } | null {
  const where: string[] = [`a."organizationId" = ?`];
  const args: unknown[] = [organizationId];
  let search: string | null = null;
  if (f.q) {
    search = toFtsQuery(f.q);
    if (!search) return null;
    // `m` is the match set (Activity rowids), defined by the WITH clause below. The unary `+` keeps the
    // planner from driving the query by looking each match up in the Activity table (SQLite cannot
    // estimate the size of `m`; a lookup reads a large row: ~3 µs a match, ADR 021): Activity's indexes
    // are walked instead and each entry's rowid is probed in `m`.
    where.push(IN_MATCHES);
  }
  const scoped = scopeDepartmentIds(f.scope);
  if (scoped) {
    if (scoped.length === 0) return null;
    where.push(`a."departmentId" IN (${scoped.map(() => "?").join(",")})`);
    args.push(...scoped);
  }
  if (f.ids) {
    // One JSON parameter, however many ids.
    where.push(`a."id" IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(f.ids));
  }
  if (f.departmentId) {
    where.push(`a."departmentId" = ?`);
    args.push(f.departmentId);
  }
  if (f.status) {
    where.push(`a."status" = ?`);
    args.push(f.status);
  } else if (!f.includeArchived || f.overdue) {
    where.push(`a."status" <> 'ARCHIVED'`);
  }
  if (f.legalBasis) {
    where.push(`instr(a."legalBases", ?) > 0`);
    args.push(`|${f.legalBasis}|`);
  }
  if (f.sensitive === true) where.push(`(a."hasSensitive" = 1 OR a."hasOffences" = 1)`);
  if (f.sensitive === false) where.push(`a."hasSensitive" = 0 AND a."hasOffences" = 0`);
  if (f.regime) {
    where.push(`a."regime" = ?`);
    args.push(f.regime);
  }
  if (f.role) {
    where.push(`a."role" = ?`);
    args.push(f.role);
  }
  if (f.overdue) {
    where.push(`a."nextReviewAt" IS NOT NULL AND a."nextReviewAt" < ?`);
    args.push(sqlDate(now));
  }
  const conditions = where.join(" AND ");
  const order = ORDER_SQL[sort];
  if (!search) {
    return {
      kind: "plain",
      // The count rides along as an uncorrelated subquery (computed once): one round trip per page.
      page: {
        sql: `SELECT ${LIST_COLUMNS}, (SELECT count(*) FROM "Activity" a WHERE ${conditions}) AS "total"
       FROM "Activity" a LEFT JOIN "Department" d ON d."id" = a."departmentId" WHERE ${conditions}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
        args: [...args, ...args, page.take, page.skip],
      },
      count: { sql: `SELECT count(*) AS n FROM "Activity" a WHERE ${conditions}`, args },
    };
  }
  // The organization is part of the MATCH: FTS5 reads this organization's matches only (ADR 021). Only
  // rowids are read; `a."organizationId" = ?` in the conditions is the exact comparison beside the MATCH.
  const matches = `WITH m AS MATERIALIZED (SELECT rowid FROM "ActivitySearch" WHERE "ActivitySearch" MATCH ?)`;
  const match = organizationMatch(organizationId, search);
  // Only the department sort needs the department's name to choose the page.
  const join = sort === "department" ? `LEFT JOIN "Department" d ON d."id" = a."departmentId"` : "";
  // When every condition is on a column of the covering index (organization, status, the rowid), the
  // count walks it alone; other filters leave the choice of index to the planner.
  const covered = where.every((c) => COVERED_BY_SEARCH_INDEX.has(c));
  const countFrom = `"Activity" a${covered ? ` INDEXED BY "Activity_organizationId_id_status_seq_idx"` : ""}`;
  // The department sort reads each match's department and name (no index holds both with the status):
  // there, looking the matches up by rowid is the cheaper plan, so the planner may drive by `m`.
  const pageConditions = sort === "department" ? where.map((c) => (c === IN_MATCHES ? `a.rowid IN m` : c)).join(" AND ") : conditions;
  return {
    kind: "search",
    page: {
      sql: `${matches}
     SELECT ${LIST_COLUMNS}, (SELECT count(*) FROM ${countFrom} WHERE ${conditions}) AS "total"
     FROM (SELECT a.rowid AS "pageKey" FROM "Activity" a ${join} WHERE ${pageConditions} ORDER BY ${order} LIMIT ? OFFSET ?) p
     JOIN "Activity" a ON a.rowid = p."pageKey" LEFT JOIN "Department" d ON d."id" = a."departmentId"
     ORDER BY ${order}`,
      args: [match, ...args, ...args, page.take, page.skip],
    },
    count: { sql: `${matches} SELECT count(*) AS n FROM ${countFrom} WHERE ${conditions}`, args: [match, ...args] },
  };
}

type ListRow = {
  id: string;
  ref: string;
  name: string;
  status: string;
  regime: string;
  role: string;
  legalBases: string;
  hasSensitive: boolean | number | bigint;
  hasOffences: boolean | number | bigint;
  completeness: number | bigint;
  nextReviewAt: Date | string | null;
  approvedVersion: number | bigint | null;
  pendingChanges: boolean | number | bigint;
  updatedAt: Date | string;
  departmentId: string | null;
  departmentName: string | null;
};

const isActivityStatus = (v: string): v is ActivityStatus => (ACTIVITY_STATUSES as readonly string[]).includes(v);

/** Raw SQL skips the enum check Prisma's client makes on read: make it here, so the status is typed without a cast. */
function listStatus(v: string): ActivityStatus {
  if (!isActivityStatus(v)) throw new Error(`Unknown activity status in the database: ${v}`);
  return v;
}

/** Raw rows come back with SQLite's storage types: give the list the same shape as a Prisma select. */
function toListRow(r: ListRow) {
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    status: listStatus(r.status),
    regime: r.regime,
    role: r.role,
    legalBases: r.legalBases,
    hasSensitive: Boolean(Number(r.hasSensitive)),
    hasOffences: Boolean(Number(r.hasOffences)),
    completeness: Number(r.completeness),
    nextReviewAt: r.nextReviewAt === null ? null : fromSqlDate(r.nextReviewAt),
    approvedVersion: r.approvedVersion === null ? null : Number(r.approvedVersion),
    pendingChanges: Boolean(Number(r.pendingChanges)),
    updatedAt: fromSqlDate(r.updatedAt),
    departmentId: r.departmentId,
    department: r.departmentName === null ? null : { name: r.departmentName },
  };
}

/** The register as it stood at `date`: the approved versions valid then. */
export async function listRegisterAsOf(organizationId: string, date: Date, scope: ActivityScope) {
  const departmentScope = scopeDepartmentIds(scope);
  const versions = await getDb().activityVersion.findMany({
    where: {
      organizationId,
      validFrom: { lte: date },
      OR: [{ validTo: null }, { validTo: { gt: date } }],
      ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}),
    },
    include: { activity: { select: { ref: true, seq: true, createdAt: true } } },
    orderBy: { activity: { seq: "asc" } },
  });
  return versions.map((v) => ({ ...v, parsed: parseContent(v.content) }));
}

export async function registerCounts(organizationId: string, activityScope: ActivityScope, now = new Date()) {
  const db = getDb();
  const departmentScope = scopeDepartmentIds(activityScope);
  const scope: Prisma.ActivityWhereInput = { organizationId, ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}) };
  const [byStatus, byDepartment, overdue, incomplete] = await Promise.all([
    db.activity.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.activity.groupBy({ by: ["departmentId"], where: { ...scope, status: { not: "ARCHIVED" } }, _count: { _all: true } }),
    db.activity.count({ where: { ...scope, status: { not: "ARCHIVED" }, nextReviewAt: { lt: now } } }),
    db.activity.count({ where: { ...scope, status: { not: "ARCHIVED" }, completeness: { lt: 100 } } }),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>,
    byDepartment: byDepartment.map((r) => ({ departmentId: r.departmentId, count: r._count._all })),
    overdue,
    incomplete,
  };
}

/** Activities needing someone's attention, newest first. */
export function listActivitiesByStatus(
  organizationId: string,
  statuses: ActivityStatus[],
  opts: { scope: ActivityScope; take?: number; overdue?: boolean; incomplete?: boolean },
  now = new Date(),
) {
  const departmentScope = scopeDepartmentIds(opts.scope);
  return getDb().activity.findMany({
    where: {
      organizationId,
      status: { in: statuses },
      ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}),
      ...(opts.overdue ? { nextReviewAt: { lt: now } } : {}),
      ...(opts.incomplete ? { completeness: { lt: 100 } } : {}),
    },
    orderBy: opts.overdue ? { nextReviewAt: "asc" } : opts.incomplete ? { completeness: "asc" } : { updatedAt: "desc" },
    take: opts.take ?? 10,
    select: { id: true, ref: true, name: true, status: true, completeness: true, nextReviewAt: true, updatedAt: true, department: { select: { name: true } } },
  });
}
