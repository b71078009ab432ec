/**
 * The portfolio (issue 14, ADR 019): one row per organization the user belongs to, computed with one
 * aggregate query per measure (GROUP BY organizationId) over all of them, never one query per
 * organization. Each measure counts only what the user's role there lets them see: an EDITOR's row
 * counts the activities of their departments (the same scope as the organization's own dashboard).
 */
import { compareLevels, EXPOSURE_LEVELS, type ExposureLevel } from "~/analysis/sovereignty.ts";
import { effectiveRole } from "~/policies/platform.ts";
import { isRole, type Role } from "~/policies/roles.ts";
import { fromSqlDate, getDb, sqlDate } from "~/utils/db.server.ts";
import { analyseOrganization } from "./sovereignty.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { enqueueExposureRefresh, mayRetry, recordExposureFailure } from "./exposure-queue.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export type PortfolioRow = {
  id: string;
  slug: string;
  name: string;
  kind: string | null;
  departmentCode: string | null;
  role: Role;
  groupIds: string[];
  /** Non-archived activities by status. */
  status: { DRAFT: number; SUBMITTED: number; CHANGES_REQUESTED: number; APPROVED: number };
  activities: number;
  /** Mean completeness (0–100) of the non-archived activities; null when there are none. */
  completeness: number | null;
  overdueReviews: number;
  /** Saved screenings that require a DPIA, with no DPIA started and no decision not to do one. */
  dpiaMissing: number;
  overdueDpiaActions: number;
  /** Contracts without a signed DPA (none, requested), and signed ones whose review is due within 30 days: private vendors and subscriptions to shared ones. */
  dpaMissing: number;
  dpaDue: number;
  exposure: ExposureLevel;
  /** The level shown is the last one computed: a newer analysis waits for the background job (ADR 022). */
  exposurePending: boolean;
  /** Set when the worst exposure level changed since the previous computation (ADR 019). */
  exposureChangedAt: string | null;
  previousExposure: ExposureLevel | null;
  lastActivityAt: string | null;
};

const num = (v: bigint | number | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const DPA_SOON_DAYS = 30;

/** An EDITOR (membership m) counts only the activities (a) of their departments. */
const EDITOR_SCOPE = `(m."role" <> 'EDITOR' OR a."departmentId" IN (SELECT md."departmentId" FROM "MembershipDepartment" md WHERE md."membershipId" = m."id"))`;

/** `platformAdmin`: whether the user is a platform administrator, who alone keeps a role in an instance catalogue (ADR 020). */
export async function portfolioRows(userId: string, now = new Date(), platformAdmin = false): Promise<PortfolioRow[]> {
  const db = getDb();
  const today = now.toISOString().slice(0, 10);
  const soon = new Date(now.getTime() + DPA_SOON_DAYS * 86_400_000);
  const [orgs, activities, dpia, actions, vendors, groups, last] = await Promise.all([
    db.$queryRawUnsafe<
      {
        id: string;
        slug: string;
        name: string;
        kind: string | null;
        departmentCode: string | null;
        role: string;
        instanceCatalogue: number | bigint | boolean;
      }[]
    >(
      `SELECT o."id", o."slug", o."name", o."kind", o."departmentCode", m."role", o."instanceCatalogue"
       FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId" WHERE m."userId" = ?`,
      userId,
    ),
    // Grouped by (organization, status), the order of the covering index on (organizationId, status, …)
    // reached through the membership index: no temporary B-tree over every activity (half the time of a
    // GROUP BY organization alone at 30,000 activities). Per-organization totals are summed below.
    db.$queryRawUnsafe<{ organizationId: string; status: string; n: bigint | number; completeness: bigint | number | null; overdue: bigint | number | null }[]>(
      `SELECT m."organizationId", a."status", count(*) AS n, sum(a."completeness") AS completeness,
              sum(a."nextReviewAt" IS NOT NULL AND a."nextReviewAt" < ?) AS overdue
       FROM "Membership" m CROSS JOIN "Activity" a
       WHERE m."userId" = ? AND a."organizationId" = m."organizationId" AND ${EDITOR_SCOPE} AND a."status" <> 'ARCHIVED'
       GROUP BY m."organizationId", a."status"`,
      sqlDate(now),
      userId,
    ),
    // Driven from the screenings and DPIAs (CROSS JOIN fixes SQLite's join order): the activity rows,
    // which carry the JSON content, are read only for the few activities concerned.
    db.$queryRawUnsafe<{ organizationId: string; n: bigint }[]>(
      `SELECT m."organizationId", count(*) AS n
       FROM "Membership" m CROSS JOIN "Screening" s CROSS JOIN "Activity" a
       WHERE m."userId" = ? AND s."organizationId" = m."organizationId" AND s."result" = 'required' AND a."id" = s."activityId"
         AND ${EDITOR_SCOPE} AND a."status" <> 'ARCHIVED' AND (s."decision" IS NULL OR s."decision" <> 'no_dpia')
         AND NOT EXISTS (SELECT 1 FROM "Dpia" d WHERE d."activityId" = s."activityId")
       GROUP BY m."organizationId"`,
      userId,
    ),
    // The same rule as the DPO dashboard (listOverdueDpiaActions): open DPIAs, due before today, not done.
    db.$queryRawUnsafe<{ organizationId: string; n: bigint }[]>(
      `SELECT m."organizationId", count(*) AS n
       FROM "Membership" m CROSS JOIN "Dpia" d CROSS JOIN "Activity" a CROSS JOIN json_each(d."actionPlan") j
       WHERE m."userId" = ? AND d."organizationId" = m."organizationId" AND d."status" IN ('draft', 'in_review', 'validated')
         AND a."id" = d."activityId" AND ${EDITOR_SCOPE}
         AND json_extract(j.value, '$.dueDate') IS NOT NULL AND json_extract(j.value, '$.dueDate') < ?
         AND coalesce(json_extract(j.value, '$.status'), '') <> 'done'
       GROUP BY m."organizationId"`,
      userId,
      today,
    ),
    db.$queryRawUnsafe<{ organizationId: string; missing: bigint; due: bigint }[]>(
      `SELECT m."organizationId", sum(v."dpaStatus" IN ('NONE', 'REQUESTED')) AS missing,
              sum(v."dpaStatus" = 'SIGNED' AND v."dpaNextReview" IS NOT NULL AND v."dpaNextReview" < ?) AS due
       FROM "Membership" m CROSS JOIN (
         -- Private vendors hold their contract; a shared vendor's contract is the subscription's own (ADR 020).
         SELECT "organizationId", "dpaStatus", "dpaNextReview" FROM "Vendor"
         UNION ALL SELECT "organizationId", "dpaStatus", "dpaNextReview" FROM "VendorSubscription"
       ) v
       WHERE m."userId" = ? AND v."organizationId" = m."organizationId"
       GROUP BY m."organizationId"`,
      sqlDate(soon),
      userId,
    ),
    db.$queryRawUnsafe<{ organizationId: string; groupId: string }[]>(
      // Groups the user owns or co-owns (ADR 019); rows exist only for their own organizations.
      `SELECT gm."organizationId", gm."groupId" FROM "OrganizationGroupMember" gm
       JOIN "OrganizationGroup" g ON g."id" = gm."groupId"
       WHERE g."ownerId" = ? OR EXISTS (SELECT 1 FROM "OrganizationGroupCoOwner" c WHERE c."groupId" = g."id" AND c."userId" = ?)`,
      userId,
      userId,
    ),
    // The newest audit event of each organization (the (organizationId, seq) index answers max(seq)).
    db.$queryRawUnsafe<{ organizationId: string; at: string | number | Date }[]>(
      `SELECT e."organizationId", e."at" FROM "AuditEvent" e WHERE e."seq" IN (
         SELECT max(x."seq") FROM "AuditEvent" x JOIN "Membership" m ON m."organizationId" = x."organizationId" AND m."userId" = ?
         GROUP BY x."organizationId")`,
      userId,
    ),
  ]);
  const exposure = await exposureSnapshots(orgs.map((o) => o.id));
  type Counts = { draft: number; submitted: number; changes: number; approved: number; total: number; completeness: number; overdue: number };
  const act = new Map<string, Counts>();
  for (const r of activities) {
    const c = act.get(r.organizationId) ?? { draft: 0, submitted: 0, changes: 0, approved: 0, total: 0, completeness: 0, overdue: 0 };
    const n = num(r.n);
    if (r.status === "DRAFT") c.draft += n;
    else if (r.status === "SUBMITTED") c.submitted += n;
    else if (r.status === "CHANGES_REQUESTED") c.changes += n;
    else if (r.status === "APPROVED") c.approved += n;
    c.total += n;
    c.completeness += num(r.completeness);
    c.overdue += num(r.overdue);
    act.set(r.organizationId, c);
  }
  const dpiaBy = new Map(dpia.map((r) => [r.organizationId, num(r.n)]));
  const actionsBy = new Map(actions.map((r) => [r.organizationId, num(r.n)]));
  const vendorsBy = new Map(vendors.map((r) => [r.organizationId, r]));
  const lastBy = new Map(last.map((r) => [r.organizationId, fromSqlDate(r.at).toISOString()]));
  const groupsBy = new Map<string, string[]>();
  for (const g of groups) groupsBy.set(g.organizationId, [...(groupsBy.get(g.organizationId) ?? []), g.groupId]);
  return orgs.flatMap((o): PortfolioRow[] => {
    if (!isRole(o.role)) return [];
    const a = act.get(o.id);
    const v = vendorsBy.get(o.id);
    const e = exposure.get(o.id);
    return [
      {
        id: o.id,
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        departmentCode: o.departmentCode,
        role: effectiveRole(o.role, { instanceCatalogue: Boolean(o.instanceCatalogue) }, platformAdmin),
        groupIds: groupsBy.get(o.id) ?? [],
        status: { DRAFT: a?.draft ?? 0, SUBMITTED: a?.submitted ?? 0, CHANGES_REQUESTED: a?.changes ?? 0, APPROVED: a?.approved ?? 0 },
        activities: a?.total ?? 0,
        // The mean over every non-archived activity (what avg() gave when grouped by organization).
        completeness: a && a.total > 0 ? Math.round(a.completeness / a.total) : null,
        overdueReviews: a?.overdue ?? 0,
        dpiaMissing: dpiaBy.get(o.id) ?? 0,
        overdueDpiaActions: actionsBy.get(o.id) ?? 0,
        dpaMissing: num(v?.missing),
        dpaDue: num(v?.due),
        exposure: e?.level ?? "unknown",
        exposurePending: e?.pending ?? false,
        previousExposure: e?.previousLevel ?? null,
        exposureChangedAt: e?.changedAt ?? null,
        lastActivityAt: lastBy.get(o.id) ?? null,
      },
    ];
  });
}

const isLevel = (v: string | null): v is ExposureLevel => v !== null && (EXPOSURE_LEVELS as readonly string[]).includes(v);

/** The worst level among the organization's activities (ADR 006); "unknown" when it has none. */
export function worstLevel(levels: Iterable<ExposureLevel>): ExposureLevel {
  let worst: ExposureLevel = "unknown";
  for (const l of levels) if (compareLevels(l, worst) > 0) worst = l;
  return worst;
}

type Snapshot = { level: ExposureLevel; previousLevel: ExposureLevel | null; changedAt: string | null };
/** A snapshot as the portfolio shows it: `pending` while a newer analysis waits for the background job (ADR 022). */
export type ShownSnapshot = Snapshot & { pending: boolean };

/**
 * At most this many stale snapshots are computed inside a portfolio request (ADR 022): a handful of
 * organizations changed by the user's own edit show at once; after a shared vendor's change reaching
 * hundreds, the others are left to the background job and shown "updating" meanwhile.
 */
export const INLINE_SNAPSHOT_LIMIT = 5;

/** Snapshots computed since the process started: inside portfolio requests, and by the background job (tests, benchmark). */
export const exposureSnapshotStats = { inline: 0, background: 0 };

const snapshotOf = (r: { level: string | null; previousLevel: string | null; changedAt: string | Date | number | null }): Snapshot | null =>
  isLevel(r.level)
    ? {
        level: r.level,
        previousLevel: isLevel(r.previousLevel) ? r.previousLevel : null,
        changedAt: r.changedAt ? fromSqlDate(r.changedAt).toISOString() : null,
      }
    : null;

/**
 * The worst exposure level of each organization, read from ExposureSnapshot in one query. A snapshot
 * whose analysis version differs from its organization's (any change that can alter the analysis bumps
 * it) is stale: up to `inlineLimit` of them are computed here (organizations without any snapshot first:
 * they have nothing to show), the others keep their last known level, marked `pending`, and are queued
 * (ahead of the rest: this user is looking at them) for the background job.
 */
export async function exposureSnapshots(organizationIds: string[], now = new Date(), inlineLimit = INLINE_SNAPSHOT_LIMIT): Promise<Map<string, ShownSnapshot>> {
  const out = new Map<string, ShownSnapshot>();
  if (organizationIds.length === 0) return out;
  const rows = await getDb().$queryRawUnsafe<
    { id: string; current: bigint | number; version: bigint | number | null; level: string | null; previousLevel: string | null; changedAt: string | null }[]
  >(
    `SELECT o."id", o."analysisVersion" AS current, s."analysisVersion" AS version, s."level", s."previousLevel", s."changedAt"
     FROM "Organization" o LEFT JOIN "ExposureSnapshot" s ON s."organizationId" = o."id"
     WHERE o."id" IN (SELECT value FROM json_each(?))`,
    JSON.stringify(organizationIds),
  );
  const stale: { id: string; version: number; before: Snapshot | null }[] = [];
  for (const r of rows) {
    const snap = snapshotOf(r);
    if (snap && r.version !== null && Number(r.version) === Number(r.current)) out.set(r.id, { ...snap, pending: false });
    else stale.push({ id: r.id, version: Number(r.current), before: snap });
  }
  if (stale.length === 0) return out;
  // Stable: the organizations with no snapshot at all come first, then the others in row order. One
  // whose refresh failed recently is not tried again here (a failing analysis must not break the page).
  stale.sort((a, b) => Number(a.before !== null) - Number(b.before !== null));
  const inline = stale.filter((s) => mayRetry(s.id, s.version)).slice(0, Math.max(0, inlineLimit));
  const later = stale.filter((s) => !inline.includes(s));
  const showPending = (s: (typeof stale)[number]) =>
    out.set(s.id, { ...(s.before ?? { level: "unknown", previousLevel: null, changedAt: null }), pending: true });
  for (const s of later) showPending(s);
  enqueueExposureRefresh(
    later.filter((s) => mayRetry(s.id, s.version)).map((s) => s.id),
    { urgent: true },
  );
  if (inline.length === 0) return out;
  const computed: { id: string; version: number; level: ExposureLevel }[] = [];
  for (const s of inline) {
    try {
      computed.push({ id: s.id, version: s.version, level: await worstLevelOf(s.id) });
    } catch (err) {
      recordExposureFailure(s.id, s.version);
      logger.error({ organizationId: s.id, err: err instanceof Error ? err.message : String(err) }, "exposure snapshot computation failed");
      showPending(s);
    }
  }
  if (computed.length === 0) return out;
  exposureSnapshotStats.inline += computed.length;
  const written = await writeSnapshots(computed, now);
  for (const c of computed) {
    const w = written.get(c.id);
    if (!w) continue; // deleted meanwhile
    out.set(c.id, { ...w.snapshot, pending: !w.fresh });
  }
  // Analyses that moved while they were computed: the job catches up.
  enqueueExposureRefresh(
    computed.filter((c) => written.get(c.id)?.fresh === false).map((c) => c.id),
    { urgent: true },
  );
  return out;
}

/** The worst level of the organization's non-archived activities (the analysis is cached per analysis version). */
async function worstLevelOf(organizationId: string): Promise<ExposureLevel> {
  const { activities } = await analyseOrganization(organizationId);
  return worstLevel(activities.map((a) => a.analysis.level));
}

/**
 * Writes computed levels, each compared with the snapshot as it stands in the write transaction (the
 * background job and a request may both have computed it): the first computation is a baseline, a
 * different level sets previousLevel and changedAt. A snapshot someone already brought up to date is
 * left alone. `fresh`: the organization's analysis did not move since the level was computed.
 */
async function writeSnapshots(
  computed: { id: string; version: number; level: ExposureLevel }[],
  now: Date,
): Promise<Map<string, { snapshot: Snapshot; fresh: boolean }>> {
  // Derived data (a cache of the analysis, recomputable at any time): nothing to audit.
  return unitOfWork(
    { actorId: null, organizationId: null },
    async ({ tx }) => {
      const out = new Map<string, { snapshot: Snapshot; fresh: boolean }>();
      const current = await tx.$queryRawUnsafe<
        {
          id: string;
          current: bigint | number;
          version: bigint | number | null;
          level: string | null;
          previousLevel: string | null;
          changedAt: string | null;
        }[]
      >(
        `SELECT o."id", o."analysisVersion" AS current, s."analysisVersion" AS version, s."level", s."previousLevel", s."changedAt"
         FROM "Organization" o LEFT JOIN "ExposureSnapshot" s ON s."organizationId" = o."id"
         WHERE o."id" IN (SELECT value FROM json_each(?))`,
        JSON.stringify(computed.map((c) => c.id)),
      );
      const byId = new Map(current.map((r) => [r.id, r]));
      for (const c of computed) {
        const r = byId.get(c.id);
        if (!r) continue; // deleted meanwhile
        const before = snapshotOf(r);
        const orgVersion = Number(r.current);
        if (before && r.version !== null && Number(r.version) === orgVersion) {
          out.set(c.id, { snapshot: before, fresh: true });
          continue;
        }
        const changed = before !== null && before.level !== c.level;
        const snapshot: Snapshot = changed
          ? { level: c.level, previousLevel: before.level, changedAt: now.toISOString() }
          : { level: c.level, previousLevel: before?.previousLevel ?? null, changedAt: before?.changedAt ?? null };
        const data = {
          analysisVersion: c.version,
          level: snapshot.level,
          previousLevel: snapshot.previousLevel,
          changedAt: snapshot.changedAt ? new Date(snapshot.changedAt) : null,
          computedAt: now,
        };
        await tx.exposureSnapshot.upsert({ where: { organizationId: c.id }, create: { organizationId: c.id, ...data }, update: data });
        out.set(c.id, { snapshot, fresh: c.version === orgVersion });
      }
      return out;
    },
    { unaudited: "exposure snapshots are a recomputable cache of the analysis" },
  );
}

/**
 * Recomputes one organization's snapshot if it is stale (the background job, ADR 022). Returns
 * "refreshed", "fresh" (nothing to do), "moved" (its analysis changed again meanwhile: queued again) or
 * "missing" (the organization no longer exists).
 */
export async function refreshExposureSnapshot(organizationId: string, now = new Date()): Promise<"refreshed" | "fresh" | "moved" | "missing"> {
  const [r] = await getDb().$queryRawUnsafe<{ current: bigint | number; version: bigint | number | null }[]>(
    `SELECT o."analysisVersion" AS current, s."analysisVersion" AS version
     FROM "Organization" o LEFT JOIN "ExposureSnapshot" s ON s."organizationId" = o."id" WHERE o."id" = ?`,
    organizationId,
  );
  if (!r) return "missing";
  const version = Number(r.current);
  if (r.version !== null && Number(r.version) === version) return "fresh";
  const level = await worstLevelOf(organizationId);
  const written = (await writeSnapshots([{ id: organizationId, version, level }], now)).get(organizationId);
  if (!written) return "missing";
  exposureSnapshotStats.background++;
  if (!written.fresh) {
    enqueueExposureRefresh([organizationId]);
    return "moved";
  }
  return "refreshed";
}

/** Organizations whose snapshot is missing or stale, in pages (the worker's sweep at startup and after an overflow). */
export async function staleSnapshotOrganizationIds(after = "", limit = 1000): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ id: string }[]>(
    `SELECT o."id" FROM "Organization" o LEFT JOIN "ExposureSnapshot" s ON s."organizationId" = o."id"
     WHERE (s."organizationId" IS NULL OR s."analysisVersion" <> o."analysisVersion") AND o."id" > ?
     ORDER BY o."id" LIMIT ?`,
    after,
    limit,
  );
  return rows.map((r) => r.id);
}

/**
 * The user's role in each organization, with the organization's kind (for the onboarding policy); in an
 * instance catalogue, the role the platform rule leaves (ADR 020).
 */
export async function heldRoles(userId: string, platformAdmin = false) {
  // One join (every portfolio request starts here): the ORM's relation select costs several times more.
  const rows = await getDb().$queryRawUnsafe<
    { role: string; id: string; slug: string; name: string; kind: string | null; instanceCatalogue: number | bigint | boolean }[]
  >(
    `SELECT m."role", o."id", o."slug", o."name", o."kind", o."instanceCatalogue" FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId" WHERE m."userId" = ?`,
    userId,
  );
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [
          {
            role: effectiveRole(r.role, { instanceCatalogue: Boolean(r.instanceCatalogue) }, platformAdmin),
            id: r.id,
            slug: r.slug,
            name: r.name,
            kind: r.kind,
          },
        ]
      : [],
  );
}
