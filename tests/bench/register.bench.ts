/**
 * npm run bench:register — 5,000 activities (~15 data categories each) in a temporary database:
 * server-side time of the register list (first page, a filtered page, a search), an activity page
 * and the JSON export, plus peak RSS. Prints one JSON line last.
 *
 * Growth (issue 18): BENCH_ACTIVITIES=50000 (one organization), BENCH_ORGS=300 BENCH_ACTIVITIES=100
 * (300 organizations, the measured one among them). BENCH_SEED_CACHE=<folder> keeps seeded databases.
 * The list is timed alternately with the same page as one bare better-sqlite3 query plus a count, so the
 * ratio compares the two under the same machine load; each layer of the loader is timed on its own.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { encode } from "turbo-stream";
import { rssMb, timeMany, timePaired, useSeededDatabase } from "./bench-utils.ts";

const N = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const ORGS = Number(process.env.BENCH_ORGS ?? 1);
useSeededDatabase("register", `${N}x${ORGS}`, () =>
  execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-register.ts"), String(N), String(ORGS)], {
    stdio: "inherit",
    env: process.env,
  }),
);

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { requireOrgContext } = await import("../../app/http/auth.server.ts");
const { listActivities } = await import("../../app/models/activity.server.ts");
const { listDepartments } = await import("../../app/models/department.server.ts");
const { ALL_ACTIVITIES } = await import("../../app/policies/department.ts");
const { default: Database } = await import("better-sqlite3");
const { createSession } = await import("../../app/models/session.server.ts");
const { buildRegisterExport } = await import("../../app/models/register-export.server.ts");
const list = await import("../../app/routes/o.$org.activities._index.tsx");
const detail = await import("../../app/routes/o.$org.activities.$ref.tsx");

await dbReady();
const db = getDb();
const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
const departments = await db.department.findMany({ where: { organizationId: org.id }, orderBy: { name: "asc" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const { token } = await createSession(user.id);

const ctx = { cspNonce: "", clientIp: null };
const req = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: `registre_session=${token}` } });
const params = { org: "bench" };
let peak = rssMb();
const track = () => (peak = Math.max(peak, rssMb()));
const SEARCHES = ["cantine", "urbanisme", "police sport", "médiathèque"];
const refAt = (i: number) => `T-${String(1 + ((i * 97) % N)).padStart(4, "0")}`;

const bareDb = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
const bareRows = bareDb.prepare(
  `SELECT a.id, a.ref, a.name, a.status, a.regime, a.role, a.legalBases, a.hasSensitive, a.hasOffences, a.completeness, a.nextReviewAt,
          a.approvedVersion, a.pendingChanges, a.updatedAt, a.departmentId, d.name AS departmentName
   FROM Activity a LEFT JOIN Department d ON d.id = a.departmentId
   WHERE a.organizationId = ? AND a.status <> 'ARCHIVED' ORDER BY a.seq LIMIT 25`,
);
const bareCount = bareDb.prepare(`SELECT count(*) AS n FROM Activity a WHERE a.organizationId = ? AND a.status <> 'ARCHIVED'`);
const bare = async () => {
  bareRows.all(org.id);
  bareCount.get(org.id);
};
// The same search as the loader's, bare: the page and the count of an FTS match (its rowids are
// Activity's, ADR 021).
const bareSearchRows = bareDb.prepare(
  `SELECT a.id, a.ref, a.name, a.status, a.legalBases, a.completeness, d.name AS departmentName
   FROM Activity a LEFT JOIN Department d ON d.id = a.departmentId
   WHERE a.organizationId = ? AND a.status <> 'ARCHIVED'
     AND +a.rowid IN (SELECT rowid FROM ActivitySearch WHERE ActivitySearch MATCH ?)
   ORDER BY a.seq LIMIT 25`,
);
const bareSearchCount = bareDb.prepare(
  `SELECT count(*) FROM Activity a WHERE a.organizationId = ? AND a.status <> 'ARCHIVED'
     AND +a.rowid IN (SELECT rowid FROM ActivitySearch WHERE ActivitySearch MATCH ?)`,
);
const { organizationMatch, toFtsQuery } = await import("../../app/models/activity-search.server.ts");

const firstPageLoad = () => list.loader({ request: req("/o/bench/activities"), params, context: ctx });
// Ten rounds of 10 alternate samples: report the min and median of the ten p50s and ratios.
const rounds: Awaited<ReturnType<typeof timePaired>>[] = [];
for (let r = 0; r < 10; r++) rounds.push(await timePaired(10, () => firstPageLoad().then(track), bare));
const firstPage = await timeMany(50, () => firstPageLoad().then(track));
// The same ratio in CPU time: on a loaded machine, wall time mostly counts the wait for a core.
const bareCpu = await timeMany(50, bare);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = rounds.map((r) => r.ratio);
const filtered = await timeMany(50, () =>
  list
    .loader({ request: req(`/o/bench/activities?department=${departments[3]!.id}&basis=c&sensitive=yes&sort=name&page=2`), params, context: ctx })
    .then(track),
);
const search = await timeMany(50, (i) =>
  list.loader({ request: req(`/o/bench/activities?q=${encodeURIComponent(SEARCHES[i % 4]!)}`), params, context: ctx }).then(track),
);
const bareSearch = await timeMany(50, async (i) => {
  const fts = organizationMatch(org.id, toFtsQuery(SEARCHES[i % 4]!)!);
  bareSearchRows.all(org.id, fts);
  bareSearchCount.get(org.id, fts);
});
const searchModel = await timeMany(50, (i) => listActivities(org.id, { q: SEARCHES[i % 4], scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 25 }));
const detailT = await timeMany(50, (i) =>
  detail.loader({ request: req(`/o/bench/activities/${refAt(i)}`), params: { org: "bench", ref: refAt(i) }, context: ctx }).then(track),
);

// Where the list's time goes (issue 18), layer by layer, each timed on its own.
const auth = await timeMany(50, () => requireOrgContext(req("/o/bench/activities"), "bench"));
const deps = await timeMany(50, () => listDepartments(org.id));
const model = await timeMany(50, () => listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 25 }));
const pageSql = `SELECT a."id", a."ref", a."name", a."status", a."regime", a."role", a."legalBases", a."hasSensitive", a."hasOffences",
  a."completeness", a."nextReviewAt", a."approvedVersion", a."pendingChanges", a."updatedAt", a."departmentId", d."name" AS "departmentName"
  FROM "Activity" a LEFT JOIN "Department" d ON d."id" = a."departmentId" WHERE a."organizationId" = ? AND a."status" <> 'ARCHIVED' ORDER BY a."seq" LIMIT ? OFFSET ?`;
const prismaRaw = await timeMany(50, () => db.$queryRawUnsafe(pageSql, org.id, 25, 0));
const prismaOne = await timeMany(50, () => db.$queryRawUnsafe(`SELECT 1 AS one`));
const bareOne = bareDb.prepare(`SELECT 1 AS one`);
const sqliteOne = await timeMany(50, async () => bareOne.get());
const loaded = await firstPageLoad();
const serialise = await timeMany(50, async () => {
  // Remix single fetch encodes loader data with turbo-stream.
  const reader = encode(loaded).getReader();
  while (!(await reader.read()).done);
});
bareDb.close();

const rssBeforeExport = rssMb();
const exportStart = performance.now();
// The JSON export is a bulk path of its own: skipped in growth runs unless BENCH_EXPORT=1.
const withExport = N <= 5000 || process.env.BENCH_EXPORT === "1";
const exported = withExport ? await buildRegisterExport(org.id) : { activities: [] };
const json = JSON.stringify(exported);
const exportS = (performance.now() - exportStart) / 1000;
track();
await disconnectDb();

const listP50 = med(rounds.map((r) => r.a.p50));
const bareP50 = med(rounds.map((r) => r.b.p50));
console.log(`list first page  p50 ${listP50} ms (alternating with the bare query, median of 10 rounds), p95 ${firstPage.p95} ms`);
console.log(`  bare query p50 ${bareP50} ms; ratio min ${Math.min(...ratios)}, median ${med(ratios)} (rounds: ${ratios.join(", ")})`);
console.log(`  layers p50: auth ${auth.p50} ms, departments ${deps.p50} ms, listActivities ${model.p50} ms, serialisation ${serialise.p50} ms`);
console.log(`  Prisma raw page query p50 ${prismaRaw.p50} ms; round trip "SELECT 1": Prisma ${prismaOne.p50} ms, better-sqlite3 ${sqliteOne.p50} ms`);
console.log(`list filtered    p95 ${filtered.p95} ms`);
console.log(`search           p50 ${search.p50} ms, p95 ${search.p95} ms (model p50 ${searchModel.p50} ms, bare p50 ${bareSearch.p50} ms)`);
console.log(`  CPU: loader p50 ${search.cpuP50} ms, p95 ${search.cpuP95} ms; model p50 ${searchModel.cpuP50} ms, p95 ${searchModel.cpuP95} ms`);
console.log(`activity page    p95 ${detailT.p95} ms`);
console.log(`json export      ${exportS.toFixed(2)} s (${(json.length / 1e6).toFixed(1)} MB, ${exported.activities.length} activities)`);
console.log(`rss              ${rssBeforeExport} MB before the export, ${peak} MB peak`);
console.log(
  JSON.stringify({
    activities: N,
    organizations: ORGS,
    list_p95_ms: Math.max(firstPage.p95, filtered.p95),
    list_first_page_p50_ms: listP50,
    list_first_page_p95_ms: firstPage.p95,
    list_first_page_cpu_p50_ms: firstPage.cpuP50,
    bare_list_p50_ms: bareP50,
    list_ratio_to_bare: med(ratios),
    list_ratio_to_bare_min: Math.min(...ratios),
    list_ratio_to_bare_cpu: bareCpu.cpuP50 > 0 ? Math.round((firstPage.cpuP50 / bareCpu.cpuP50) * 10) / 10 : null,
    bare_list_cpu_p50_ms: bareCpu.cpuP50,
    auth_p50_ms: auth.p50,
    departments_p50_ms: deps.p50,
    list_model_p50_ms: model.p50,
    prisma_raw_page_p50_ms: prismaRaw.p50,
    prisma_round_trip_p50_ms: prismaOne.p50,
    sqlite_round_trip_p50_ms: sqliteOne.p50,
    serialise_p50_ms: serialise.p50,
    list_filtered_p95_ms: filtered.p95,
    search_p50_ms: search.p50,
    search_p95_ms: search.p95,
    search_cpu_p50_ms: search.cpuP50,
    search_cpu_p95_ms: search.cpuP95,
    search_model_cpu_p50_ms: searchModel.cpuP50,
    search_model_cpu_p95_ms: searchModel.cpuP95,
    search_model_p50_ms: searchModel.p50,
    bare_search_p50_ms: bareSearch.p50,
    detail_p95_ms: detailT.p95,
    export_json_s: withExport ? Math.round(exportS * 100) / 100 : null,
    rss_mb: peak,
    goals: { list_ratio_to_bare: "<= 5", list_p95_ms: "< 10", auth_p50_ms: "< 1", search_p95_ms: "< 15" },
  }),
);
