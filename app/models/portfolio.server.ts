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

/**
 * The worst exposure level of each organization: read from ExposureSnapshot in one query; an
 * organization whose analysis version moved since (any change that can alter the analysis bumps it)
 * is analysed again and its snapshot rewritten, remembering the previous level when it changed.
 */
export async function exposureSnapshots(organizationIds: string[], now = new Date()): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>();
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
    const snap: Snapshot | null = isLevel(r.level)
      ? {
          level: r.level,
          previousLevel: isLevel(r.previousLevel) ? r.previousLevel : null,
          changedAt: r.changedAt ? fromSqlDate(r.changedAt).toISOString() : null,
        }
      : null;
    if (snap && r.version !== null && Number(r.version) === Number(r.current)) out.set(r.id, snap);
    else stale.push({ id: r.id, version: Number(r.current), before: snap });
  }
  if (stale.length === 0) return out;
  const fresh: { id: string; version: number; snap: Snapshot }[] = [];
  for (const s of stale) {
    const { activities } = await analyseOrganization(s.id);
    const level = worstLevel(activities.map((a) => a.analysis.level));
    // The first computation is a baseline, not a change.
    const changed = s.before !== null && s.before.level !== level;
    const snap: Snapshot = changed
      ? { level, previousLevel: s.before!.level, changedAt: now.toISOString() }
      : { level, previousLevel: s.before?.previousLevel ?? null, changedAt: s.before?.changedAt ?? null };
    fresh.push({ id: s.id, version: s.version, snap });
    out.set(s.id, snap);
  }
  // Derived data (a cache of the analysis, recomputable at any time): nothing to audit.
  await unitOfWork(
    { actorId: null, organizationId: null },
    async ({ tx }) => {
      for (const f of fresh) {
        const data = {
          analysisVersion: f.version,
          level: f.snap.level,
          previousLevel: f.snap.previousLevel,
          changedAt: f.snap.changedAt ? new Date(f.snap.changedAt) : null,
          computedAt: now,
        };
        await tx.exposureSnapshot.upsert({ where: { organizationId: f.id }, create: { organizationId: f.id, ...data }, update: data });
      }
    },
    { unaudited: "exposure snapshots are a recomputable cache of the analysis" },
  );
  return out;
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
