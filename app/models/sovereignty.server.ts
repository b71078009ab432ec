import {
  createAnalyser,
  compareLevels,
  publicPowersOf,
  type ActivityInput,
  type Analysis,
  type CountryFacts,
  type ExposureLevel,
  type ServiceGraph,
  type ServiceNode,
} from "~/analysis/sovereignty.ts";
import { Interner, reachableKeys, type OwnTokens } from "~/analysis/graph-fingerprint.ts";
import { adequacyFor, contextLawsFor, isEea, lawsFor } from "~/reference/countries.ts";
import { getDb } from "~/utils/db.server.ts";
import { LruMap } from "~/utils/lru-map.ts";
import { parseContent } from "./activity.server.ts";
import { getAnalysisVersion } from "./analysis-version.server.ts";

/** Transfers the dashboard lists for action: no valid safeguard, a derogation, or a conclusion that lacks a fact. */
const ATTENTION_STATUSES = new Set<string>(["missing", "not_certified", "refused_derogation", "out_of_scope", "derogation", "to_verify"]);

export const countryFacts: CountryFacts = {
  isEea,
  adequacy: (code) => {
    const a = adequacyFor(code);
    return a ? a.scope : null;
  },
  laws: (code) => lawsFor(code).map((l) => ({ id: l.id, name: l.name })),
  contextLaws: (code) => contextLawsFor(code).map((l) => ({ id: l.id, name: l.name })),
};

/** Same rule as the exposure level (ADR 006): an adequate jurisdiction without a known access law does not count. */
function canCompel(e: Analysis["exposure"][number]): boolean {
  return e.laws.length > 0 || countryFacts.adequacy(e.jurisdiction) === null;
}

const bool = (v: bigint | number | null): boolean | null => (v === null ? null : Number(v) === 1);

/**
 * The services an organization's analysis can reach: its own, those of the shared vendors it subscribes
 * to (ADR 020), and every provider (sub-processor) service they lead to, whoever keeps it. UNION (not
 * UNION ALL) makes a cycle of providers terminate. Two parameters: the organization id, twice.
 */
const GRAPH_SERVICE_IDS = `WITH RECURSIVE reach(id) AS (
    SELECT id FROM "Service" WHERE organizationId = ?
    UNION SELECT s.id FROM "Service" s JOIN "VendorSubscription" sub ON sub.vendorId = s.vendorId WHERE sub.organizationId = ?
    UNION SELECT pl.providerServiceId FROM "ServiceLocation" pl JOIN reach r ON pl.serviceId = r.id WHERE pl.providerServiceId IS NOT NULL
  ) SELECT id FROM reach`;

/** The organization's whole vendor graph in two flat queries (faster than nested includes for thousands of rows). */
export async function loadServiceGraph(organizationId: string): Promise<ServiceGraph> {
  const db = getDb();
  const services = await db.$queryRawUnsafe<
    {
      id: string;
      name: string;
      snc: bigint | number;
      sncVersion: string | null;
      sncScope: string | null;
      nonEuAccess: bigint | number | null;
      vid: string;
      vname: string;
      country: string;
      parentName: string | null;
      parentCountry: string | null;
      dpf: bigint | number | null;
      shares: bigint | number | null;
    }[]
  >(
    `SELECT s.id, s.name, s.secNumCloudQualified AS snc, s.secNumCloudVersion AS sncVersion, s.secNumCloudScope AS sncScope, s.nonEuAccess,
              v.id AS vid, v.name AS vname, v.country, v.parentName, v.parentCountry, v.dpfCertified AS dpf, v.shareholdingWithinLimits AS shares
       FROM "Service" s JOIN "Vendor" v ON v.id = s.vendorId WHERE s.id IN (${GRAPH_SERVICE_IDS})`,
    organizationId,
    organizationId,
  );
  // The recursive walk runs once (ADR 021): the locations are those of the services it found, one JSON parameter.
  const locations = await db.$queryRawUnsafe<
    {
      serviceId: string;
      role: string;
      country: string;
      region: string | null;
      providerServiceId: string | null;
      safeguard: string | null;
      tiaDone: bigint | number;
    }[]
  >(
    `SELECT l.serviceId, l.role, l.country, l.region, l.providerServiceId, l.safeguard, l.tiaDone
       FROM "ServiceLocation" l WHERE l.serviceId IN (SELECT value FROM json_each(?))`,
    JSON.stringify(services.map((r) => r.id)),
  );
  const vendors = new Map<string, ServiceNode["vendor"]>();
  const graph: ServiceGraph = new Map();
  for (const r of services) {
    let vendor = vendors.get(r.vid);
    if (!vendor) {
      vendor = {
        id: r.vid,
        name: r.vname,
        country: r.country,
        parentName: r.parentName,
        parentCountry: r.parentCountry,
        dpfCertified: bool(r.dpf),
        shareholdingWithinLimits: bool(r.shares),
      };
      vendors.set(r.vid, vendor);
    }
    graph.set(r.id, {
      id: r.id,
      name: r.name,
      secNumCloudQualified: Number(r.snc) === 1,
      secNumCloudVersion: r.sncVersion,
      secNumCloudScope: r.sncScope,
      nonEuAccess: bool(r.nonEuAccess),
      vendor,
      locations: [],
    });
  }
  for (const l of locations) {
    graph.get(l.serviceId)?.locations.push({
      role: l.role,
      country: l.country,
      region: l.region,
      providerServiceId: l.providerServiceId,
      safeguard: l.safeguard,
      tiaDone: Number(l.tiaDone) === 1,
    });
  }
  return graph;
}

/**
 * Every link of an organization in creation order, read on the covering index (organizationId, createdAt, …)
 * (ADR 021). Links created in the same millisecond tie on createdAt; the index would then order them by
 * their random ids, so the rowid (insertion order, also in the index) breaks ties: an activity's services
 * keep the order they were added in, and an export restored elsewhere lists them the same way.
 */
const linksSql = (
  filter: string,
) => `SELECT l.rowid AS "rowid", l.createdAt AS "createdAt", l.activityId, l.role, l.serviceId, h.name AS siteName, h.country AS siteCountry
  FROM "ActivityLink" l LEFT JOIN "HostingSite" h ON h.id = l.siteId WHERE l.organizationId = ?${filter} ORDER BY l.createdAt`;
export const ANALYSIS_LINKS_SQL = linksSql("");

type LinkRow = { activityId: string; role: string; serviceId: string | null; site: { name: string; country: string } | null };
type RawLink = {
  rowid: number | bigint;
  createdAt: string | number | Date;
  activityId: string;
  role: string;
  serviceId: string | null;
  siteName: string | null;
  siteCountry: string | null;
};

const LINK_CHUNK = 10_000;

const instant = (v: string | number | Date) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v));

async function loadLinks(organizationId: string, activityIds?: string[]): Promise<Map<string, LinkRow[]>> {
  let raw: RawLink[] = [];
  if (!activityIds) raw = await getDb().$queryRawUnsafe<RawLink[]>(ANALYSIS_LINKS_SQL, organizationId);
  // In chunks: SQLite binds at most 32,766 values per statement.
  else
    for (let i = 0; i < activityIds.length; i += LINK_CHUNK) {
      const ids = activityIds.slice(i, i + LINK_CHUNK);
      raw = raw.concat(await getDb().$queryRawUnsafe<RawLink[]>(linksSql(` AND l.activityId IN (${ids.map(() => "?").join(", ")})`), organizationId, ...ids));
    }
  // Stable order: creation time, then insertion order (see ANALYSIS_LINKS_SQL).
  const ordered = raw
    .map((l) => ({ l, at: instant(l.createdAt), seq: Number(l.rowid) }))
    .sort((a, b) => a.at - b.at || a.seq - b.seq)
    .map(({ l }) => l);
  const rows: LinkRow[] = ordered.map((l) => ({
    activityId: l.activityId,
    role: l.role,
    serviceId: l.serviceId,
    site: l.siteName !== null ? { name: l.siteName, country: l.siteCountry ?? "FR" } : null,
  }));
  const byActivity = new Map<string, LinkRow[]>();
  for (const l of rows) {
    const list = byActivity.get(l.activityId) ?? [];
    list.push(l);
    byActivity.set(l.activityId, list);
  }
  return byActivity;
}

/** The vendor graph only changes with the analysis version: activity pages share one copy. */
function currentServiceGraph(organizationId: string): Promise<ServiceGraph> {
  return cached("graph", organizationId, "", () => loadServiceGraph(organizationId));
}

export async function analyseActivity(organizationId: string, activityId: string): Promise<Analysis> {
  const [graph, links, activity] = await Promise.all([
    currentServiceGraph(organizationId),
    loadLinks(organizationId, [activityId]),
    getDb().activity.findFirstOrThrow({ where: { id: activityId, organizationId }, select: { content: true } }),
  ]);
  const content = parseContent(activity.content);
  return createAnalyser(
    graph,
    countryFacts,
  )({ links: links.get(activityId) ?? [], declaredTransfers: content.transfers, publicPowers: publicPowersOf(content) });
}

export type OrganizationAnalysis = {
  activities: { id: string; ref: string; name: string; status: string; sensitive: boolean; analysis: Analysis; serviceIds: string[] }[];
};

/** Every non-archived activity of the organization, analysed with one graph load and one analyser. */
/**
 * Analyses are cached per organization and analysis version (bumped by every write that matters,
 * in its transaction), so a dashboard reload costs one small query until something changes.
 */
/** Organizations whose analysis state (cached results, incremental memo, activity rows) is kept in memory. */
export const ANALYSIS_CACHE_ORGANIZATIONS = 64;
// Three cached results per organization: its graph, its analysis and its dashboard.
const cache = new LruMap<string, { key: string; value: unknown }>(3 * ANALYSIS_CACHE_ORGANIZATIONS);
async function cached<T>(name: string, organizationId: string, extra: string, compute: () => Promise<T>): Promise<T> {
  const key = `${await getAnalysisVersion(organizationId)}|${extra}`;
  const hit = cache.get(`${name}:${organizationId}`);
  if (hit && hit.key === key) return hit.value as T;
  const value = await compute();
  cache.set(`${name}:${organizationId}`, { key, value });
  return value;
}

export async function analyseOrganization(
  organizationId: string,
  opts: { graph?: ServiceGraph; rewrite?: (links: LinkRow[]) => LinkRow[] } = {},
): Promise<OrganizationAnalysis> {
  if (!opts.graph && !opts.rewrite) return cached("analysis", organizationId, "", () => computeOrganizationAnalysis(organizationId, opts));
  return computeOrganizationAnalysis(organizationId, opts);
}

/**
 * Incremental analysis (issue 18, ADR 021): per organization, each activity's last analysis and the key
 * of everything it was computed from. After a change, only the activities whose key moved are analysed
 * again; the others keep their analysis (an immutable value, shared by the results). Process memory only:
 * a restart starts from a full analysis.
 */
type Memo = { interner: Interner; run: number; byActivity: Map<string, Memoised>; ownTokens: OwnTokens };
/**
 * One activity's last analysis and the inputs it was computed from: its links, the reachable-graph key of
 * each linked service, its declared transfers, regime and legal bases. Compared field by field on the next
 * analysis (no key string is built for thousands of activities: ADR 021). `run` marks the last analysis
 * that saw the activity, so that archived or deleted activities leave the memo.
 */
type Memoised = {
  links: LinkRow[];
  serviceKeys: (string | null)[];
  transfers: string | null;
  regime: string;
  legalBases: string;
  analysis: Analysis;
  serviceIds: string[];
  run: number;
};

function* linkedServiceIds(links: Map<string, LinkRow[]>): Generator<string> {
  for (const list of links.values()) for (const l of list) if (l.serviceId) yield l.serviceId;
}

function sameInputs(
  m: Memoised,
  links: LinkRow[],
  serviceKeys: Map<string, string>,
  a: { transfers: string | null; regime: string; legalBases: string },
): boolean {
  if (m.transfers !== a.transfers || m.regime !== a.regime || m.legalBases !== a.legalBases || m.links.length !== links.length) return false;
  // The same array: the links were not read again (ADR 027), only the graph keys can have moved.
  if (m.links === links) {
    for (let i = 0; i < links.length; i++) {
      const id = links[i]!.serviceId;
      if (m.serviceKeys[i] !== (id ? (serviceKeys.get(id) ?? null) : null)) return false;
    }
    return true;
  }
  for (let i = 0; i < links.length; i++) {
    const was = m.links[i]!;
    const l = links[i]!;
    if (was.role !== l.role || was.serviceId !== l.serviceId) return false;
    if ((was.site?.name ?? null) !== (l.site?.name ?? null) || (was.site?.country ?? null) !== (l.site?.country ?? null)) return false;
    if (m.serviceKeys[i] !== (l.serviceId ? (serviceKeys.get(l.serviceId) ?? null) : null)) return false;
  }
  return true;
}
const memos = new LruMap<string, Memo>(ANALYSIS_CACHE_ORGANIZATIONS);
/** Beyond this many interned strings the memo starts afresh (long-lived processes, many changes). */
const MAX_INTERNED = 200_000;

/** For tests: how many organizations each per-organization cache holds (bounded by ANALYSIS_CACHE_ORGANIZATIONS). */
export function analysisCacheSizes(): { results: number; memos: number; activitySides: number } {
  return { results: cache.size, memos: memos.size, activitySides: activitySides.size };
}

/** For tests and benchmarks: forget the incremental state, so the next analysis is a full one (as after a restart). */
export function resetIncrementalAnalysis(organizationId?: string): void {
  if (organizationId) {
    memos.delete(organizationId);
    activitySides.delete(organizationId);
  } else {
    memos.clear();
    activitySides.clear();
  }
}

/** How many activities the last incremental analysis of each organization recomputed (benchmarks, tests). */
export const lastRecomputed = new Map<string, number>();

/**
 * The activities of an organization-wide analysis, with only their declared transfers read from the JSON.
 * Answered from the covering index Activity_analysis_covering_idx (ADR 021), whose last column is this
 * same json_extract expression: the activity rows and their large `content` are not read at all.
 * Exported for tests/unit/register-query-plan.test.ts.
 */
export const ANALYSIS_ACTIVITIES_SQL = `SELECT id, ref, name, status, (hasSensitive OR hasOffences) AS sensitive, json_extract("content", '$.transfers') AS transfers,
    regime, legalBases FROM "Activity" WHERE organizationId = ? AND status <> 'ARCHIVED' ORDER BY seq`;

type AnalysisActivityRow = {
  id: string;
  ref: string;
  name: string;
  status: string;
  sensitive: bigint | number;
  transfers: string | null;
  regime: string;
  legalBases: string;
};

/**
 * The activity side of an organization's analysis (its activity rows and links), kept with the
 * organization's activity data version it was read at (ADR 027). SQLite triggers move that version on
 * every insert, update or delete of the organization's Activity, ActivityLink and HostingSite rows, in
 * the writing transaction, so an analysis after a vendor-graph change reads only the graph again.
 * Read-only once stored: the memo and the results share these rows and arrays.
 */
type ActivitySide = { version: number; activities: AnalysisActivityRow[]; links: Map<string, LinkRow[]> };
const activitySides = new LruMap<string, ActivitySide>(ANALYSIS_CACHE_ORGANIZATIONS);
/** How many times each organization's activity side was read for an incremental analysis (tests, benchmarks). */
export const activitySideLoads = new Map<string, number>();

async function loadActivitySide(organizationId: string): Promise<Omit<ActivitySide, "version">> {
  const [links, activities] = await Promise.all([
    loadLinks(organizationId),
    getDb().$queryRawUnsafe<AnalysisActivityRow[]>(ANALYSIS_ACTIVITIES_SQL, organizationId),
  ]);
  return { links, activities };
}

async function currentActivitySide(organizationId: string): Promise<Omit<ActivitySide, "version">> {
  // The version is read BEFORE the rows: rows read after it are at least as recent, so a stored copy is
  // never older than the version it is stored under (a write in between only costs a re-read next time).
  const org = await getDb().organization.findUnique({ where: { id: organizationId }, select: { activityDataVersion: true } });
  const hit = activitySides.get(organizationId);
  if (org && hit && hit.version === org.activityDataVersion) return hit;
  const side = await loadActivitySide(organizationId);
  activitySideLoads.set(organizationId, (activitySideLoads.get(organizationId) ?? 0) + 1);
  if (org) activitySides.set(organizationId, { version: org.activityDataVersion, ...side });
  return side;
}

async function computeOrganizationAnalysis(
  organizationId: string,
  opts: { graph?: ServiceGraph; rewrite?: (links: LinkRow[]) => LinkRow[] },
): Promise<OrganizationAnalysis> {
  // What-if analyses (another graph, rewritten links) are one-off: computed in full from fresh reads, never
  // memoised (tests/unit/sovereignty-incremental.test.ts compares the incremental analysis with them).
  const incremental = !opts.graph && !opts.rewrite;
  // Only the declared transfers are read from each record, by SQLite itself: the whole JSON of
  // thousands of activities is never shipped to JavaScript for a dashboard. It was validated on write.
  const [graph, { links, activities }] = await Promise.all([
    opts.graph ? Promise.resolve(opts.graph) : currentServiceGraph(organizationId),
    incremental ? currentActivitySide(organizationId) : loadActivitySide(organizationId),
  ]);
  // Organization-wide views need levels and facts, not the per-activity explanation text.
  const analyse = createAnalyser(graph, countryFacts, { explain: false });
  let memo = memos.get(organizationId);
  if (incremental && (!memo || memo.interner.size > MAX_INTERNED)) {
    memo = { interner: new Interner(), run: 0, byActivity: new Map(), ownTokens: new Map() };
    memos.set(organizationId, memo);
  }
  // Keys only for the services activities link to: a service no activity uses cannot change an analysis.
  const serviceKeys = incremental ? reachableKeys(graph, memo!.interner, linkedServiceIds(links), memo!.ownTokens) : null;
  const run = memo && incremental ? ++memo.run : 0;
  let recomputed = 0;
  const result = {
    activities: activities.map((a) => {
      const own = links.get(a.id) ?? [];
      const used = opts.rewrite ? opts.rewrite(own) : own;
      const compute = () => {
        recomputed += 1;
        const declaredTransfers = a.transfers ? (JSON.parse(a.transfers) as ActivityInput["declaredTransfers"]) : [];
        return analyse({
          links: used,
          declaredTransfers,
          publicPowers: publicPowersOf({
            regime: a.regime,
            legalBases: a.legalBases
              .split("|")
              .filter(Boolean)
              .map((basis) => ({ basis })),
          }),
        });
      };
      let analysis: Analysis;
      let serviceIds: string[];
      if (serviceKeys && memo) {
        let m = memo.byActivity.get(a.id);
        if (!m || !sameInputs(m, used, serviceKeys, a)) {
          m = {
            links: used,
            serviceKeys: used.map((l) => (l.serviceId ? (serviceKeys.get(l.serviceId) ?? null) : null)),
            transfers: a.transfers,
            regime: a.regime,
            legalBases: a.legalBases,
            analysis: compute(),
            serviceIds: used.flatMap((l) => (l.serviceId ? [l.serviceId] : [])),
            run,
          };
          memo.byActivity.set(a.id, m);
        }
        m.run = run;
        analysis = m.analysis;
        serviceIds = m.serviceIds;
      } else {
        analysis = compute();
        serviceIds = used.flatMap((l) => (l.serviceId ? [l.serviceId] : []));
      }
      return { id: a.id, ref: a.ref, name: a.name, status: a.status, sensitive: Number(a.sensitive) === 1, analysis, serviceIds };
    }),
  };
  if (memo && incremental) {
    // Archived or deleted activities leave the memo.
    for (const [id, m] of memo.byActivity) if (m.run !== run) memo.byActivity.delete(id);
    lastRecomputed.set(organizationId, recomputed);
  }
  return result;
}

/** A dashboard lists the first problems and counts all of them. */
const MAX_LISTED = 200;

/** What the sovereignty dashboard shows; sensitive activities weigh double. */
export function sovereigntyDashboard(organizationId: string, now = new Date()) {
  return cached("dashboard", organizationId, now.toISOString().slice(0, 10), () => computeDashboard(organizationId, now));
}

/**
 * What one analysis adds to the dashboard's figures. A pure function of the analysis (an immutable value
 * that the incremental analysis reuses while its inputs are unchanged), so it is computed once per
 * analysis: after a change only the recomputed activities' figures are derived again (ADR 027).
 */
type Contribution = {
  stored: string[];
  reachable: string[];
  jurisdictions: string[];
  attention: { country: string; who: string; status: string; missingFact: string | null }[];
};
const contributions = new WeakMap<Analysis, Contribution>();
function contributionOf(analysis: Analysis): Contribution {
  let c = contributions.get(analysis);
  if (!c) {
    c = {
      stored: [...new Set(analysis.reach.filter((r) => r.role === "STORAGE" || r.role === "BACKUP").map((r) => r.country))],
      reachable: [...new Set(analysis.reach.map((r) => r.country))],
      jurisdictions: [...new Set(analysis.exposure.filter(canCompel).map((e) => e.jurisdiction))],
      // Derogations (Art. 49: occasional transfers only) and conclusions lacking a fact need the DPO too (issue 10).
      attention: analysis.transfers
        .filter((t) => ATTENTION_STATUSES.has(t.status))
        .map((t) => ({ country: t.country, who: t.chain.length ? t.chain.join(" → ") : t.recipient, status: t.status, missingFact: t.missingFact ?? null })),
    };
    contributions.set(analysis, c);
  }
  return c;
}

/**
 * The organization's own vendors and those it subscribes to (ADR 020: the facts are the catalogue's, the
 * contract is the subscriber's own), and which vendor each of their services belongs to. Flat statements:
 * Prisma's nested `services` relation cost 47 ms CPU for 2,000 vendors, the service ids read raw ~3 ms.
 */
async function dashboardVendors(organizationId: string) {
  const db = getDb();
  const [own, subscribed, services] = await Promise.all([
    db.vendor.findMany({
      where: { organizationId },
      select: { id: true, name: true, country: true, parentCountry: true, dpaStatus: true, dpaNextReview: true },
    }),
    db.vendorSubscription.findMany({
      where: { organizationId },
      select: { dpaStatus: true, dpaNextReview: true, vendor: { select: { id: true, name: true, country: true, parentCountry: true } } },
    }),
    db.$queryRawUnsafe<{ id: string; vendorId: string }[]>(
      `SELECT s.id, s.vendorId FROM "Service" s WHERE s.vendorId IN (
         SELECT id FROM "Vendor" WHERE organizationId = ? UNION SELECT vendorId FROM "VendorSubscription" WHERE organizationId = ?)`,
      organizationId,
      organizationId,
    ),
  ]);
  const vendors = [...own, ...subscribed.map((s) => ({ ...s.vendor, dpaStatus: s.dpaStatus, dpaNextReview: s.dpaNextReview }))];
  return { vendors, serviceToVendor: new Map(services.map((s) => [s.id, s.vendorId] as const)) };
}

async function computeDashboard(organizationId: string, now: Date) {
  const [{ activities }, { vendors, serviceToVendor }] = await Promise.all([analyseOrganization(organizationId), dashboardVendors(organizationId)]);
  const byLevel = new Map<ExposureLevel, { count: number; weighted: number }>();
  const stored = new Map<string, number>();
  const reachable = new Map<string, number>();
  const jurisdictions = new Map<string, number>();
  const missingSafeguards: { ref: string; name: string; country: string; who: string; status: string; missingFact: string | null }[] = [];
  let missingCount = 0;
  for (const a of activities) {
    const level = a.analysis.level;
    const entry = byLevel.get(level) ?? { count: 0, weighted: 0 };
    entry.count += 1;
    entry.weighted += a.sensitive ? 2 : 1;
    byLevel.set(level, entry);
    const c = contributionOf(a.analysis);
    for (const country of c.stored) stored.set(country, (stored.get(country) ?? 0) + 1);
    for (const country of c.reachable) reachable.set(country, (reachable.get(country) ?? 0) + 1);
    for (const j of c.jurisdictions) jurisdictions.set(j, (jurisdictions.get(j) ?? 0) + 1);
    for (const t of c.attention) {
      missingCount += 1;
      if (missingSafeguards.length < MAX_LISTED) missingSafeguards.push({ ref: a.ref, name: a.name, ...t });
    }
  }
  const dependence = new Map<string, { activities: number; sensitive: number }>();
  const seen = new Set<string>();
  for (const a of activities) {
    seen.clear();
    for (const s of a.serviceIds) {
      const vid = serviceToVendor.get(s);
      if (!vid || seen.has(vid)) continue;
      seen.add(vid);
      const d = dependence.get(vid) ?? { activities: 0, sensitive: 0 };
      d.activities += 1;
      if (a.sensitive) d.sensitive += 1;
      dependence.set(vid, d);
    }
  }
  const soon = new Date(now.getTime() + 60 * 24 * 3600 * 1000);
  return {
    levels: [...byLevel.entries()].map(([level, v]) => ({ level, ...v })).sort((a, b) => compareLevels(b.level, a.level)),
    vendorsRanked: vendors
      .map((v) => ({
        id: v.id,
        name: v.name,
        country: v.country,
        parentCountry: v.parentCountry,
        ...(dependence.get(v.id) ?? { activities: 0, sensitive: 0 }),
      }))
      .filter((v) => v.activities > 0)
      .sort((a, b) => b.sensitive - a.sensitive || b.activities - a.activities || a.name.localeCompare(b.name))
      .slice(0, 20),
    missingSafeguards,
    missingSafeguardCount: missingCount,
    dpaAttention: vendors
      .filter(
        (v) =>
          (dependence.get(v.id)?.activities ?? 0) > 0 &&
          (v.dpaStatus === "NONE" || v.dpaStatus === "REQUESTED" || (v.dpaNextReview !== null && v.dpaNextReview < soon)),
      )
      .map((v) => ({
        id: v.id,
        name: v.name,
        dpaStatus: v.dpaStatus,
        dpaNextReview: v.dpaNextReview?.toISOString() ?? null,
        overdue: v.dpaNextReview !== null && v.dpaNextReview < now,
      })),
    map: {
      stored: Object.fromEntries(stored),
      reachable: Object.fromEntries(reachable),
      jurisdictions: Object.fromEntries(jurisdictions),
    },
    activityCount: activities.length,
  };
}

/**
 * What-if: replace one service by another (or a vendor's services by one service) for every
 * activity that uses it, and compare exposures. Nothing is written.
 */
export async function whatIf(organizationId: string, from: { serviceId?: string; vendorId?: string }, toServiceId: string) {
  const graph = await currentServiceGraph(organizationId);
  const replaced = new Set<string>();
  for (const s of graph.values()) if (s.id === from.serviceId || (from.vendorId && s.vendor.id === from.vendorId)) replaced.add(s.id);
  const before = await analyseOrganization(organizationId, { graph });
  const after = await analyseOrganization(organizationId, {
    graph,
    rewrite: (links) => links.map((l) => (l.serviceId && replaced.has(l.serviceId) ? { ...l, serviceId: toServiceId } : l)),
  });
  const afterById = new Map(after.activities.map((a) => [a.id, a]));
  return before.activities
    .filter((a) => a.serviceIds.some((s) => replaced.has(s)))
    .map((a) => {
      const b = afterById.get(a.id)!;
      return {
        ref: a.ref,
        name: a.name,
        sensitive: a.sensitive,
        before: {
          level: a.analysis.level,
          countries: a.analysis.countries,
          jurisdictions: [...new Set(a.analysis.exposure.filter(canCompel).map((e) => e.jurisdiction))],
          transfers: a.analysis.transfers.length,
        },
        after: {
          level: b.analysis.level,
          countries: b.analysis.countries,
          jurisdictions: [...new Set(b.analysis.exposure.filter(canCompel).map((e) => e.jurisdiction))],
          transfers: b.analysis.transfers.length,
        },
        change: compareLevels(b.analysis.level, a.analysis.level),
      };
    });
}
