/**
 * npm run bench:register — 5,000 activities (~15 data categories each) in a temporary database:
 * server-side time of the register list (first page, a filtered page, a search), an activity page
 * and the JSON export, plus peak RSS. Prints one JSON line last.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, timeMany, useTemporaryDatabase } from "./bench-utils.ts";

const N = Number(process.env.BENCH_ACTIVITIES ?? 5000);
useTemporaryDatabase("register");
// Seeding runs in a child process: what is measured here is a process that only serves.
execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-register.ts"), String(N)], { stdio: "inherit", env: process.env });

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { requireOrgContext } = await import("../../app/http/auth.server.ts");
const { listActivities } = await import("../../app/models/activity.server.ts");
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

const firstPage = await timeMany(50, () => list.loader({ request: req("/o/bench/activities"), params, context: ctx }).then(track));
const filtered = await timeMany(50, () =>
  list
    .loader({ request: req(`/o/bench/activities?department=${departments[3]!.id}&basis=c&sensitive=yes&sort=name&page=2`), params, context: ctx })
    .then(track),
);
const search = await timeMany(50, (i) =>
  list
    .loader({
      request: req(`/o/bench/activities?q=${encodeURIComponent(["cantine", "urbanisme", "police sport", "médiathèque"][i % 4]!)}`),
      params,
      context: ctx,
    })
    .then(track),
);
const detailT = await timeMany(50, (i) =>
  detail
    .loader({
      request: req(`/o/bench/activities/T-${String(1 + ((i * 97) % N)).padStart(4, "0")}`),
      params: { org: "bench", ref: `T-${String(1 + ((i * 97) % N)).padStart(4, "0")}` },
      context: ctx,
    })
    .then(track),
);
// Where the list's time goes (issue 18): the session and membership lookup, the model query, and the
// same first page as one bare better-sqlite3 query plus a count, in this process.
const auth = await timeMany(50, () => requireOrgContext(req("/o/bench/activities"), "bench"));
const model = await timeMany(50, () => listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 25 }));
const bareDb = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
const bareRows = bareDb.prepare(
  `SELECT a.id, a.ref, a.name, a.status, a.regime, a.role, a.legalBases, a.hasSensitive, a.hasOffences, a.completeness, a.nextReviewAt,
          a.approvedVersion, a.pendingChanges, a.updatedAt, a.departmentId, d.name AS departmentName
   FROM Activity a LEFT JOIN Department d ON d.id = a.departmentId
   WHERE a.organizationId = ? AND a.status <> 'ARCHIVED' ORDER BY a.seq LIMIT 25`,
);
const bareCount = bareDb.prepare(`SELECT count(*) AS n FROM Activity a WHERE a.organizationId = ? AND a.status <> 'ARCHIVED'`);
const bare = await timeMany(50, async () => {
  bareRows.all(org.id);
  bareCount.get(org.id);
});
bareDb.close();
const rssBeforeExport = rssMb();
const exportStart = performance.now();
const exported = await buildRegisterExport(org.id);
const json = JSON.stringify(exported);
const exportS = (performance.now() - exportStart) / 1000;
track();
await disconnectDb();

console.log(`list first page  p50 ${firstPage.p50} ms, p95 ${firstPage.p95} ms (bare query p50 ${bare.p50} ms)`);
console.log(`  of which auth  p50 ${auth.p50} ms; listActivities p50 ${model.p50} ms`);
console.log(`list filtered    p95 ${filtered.p95} ms`);
console.log(`search           p95 ${search.p95} ms`);
console.log(`activity page    p95 ${detailT.p95} ms`);
console.log(`json export      ${exportS.toFixed(2)} s (${(json.length / 1e6).toFixed(1)} MB, ${exported.activities.length} activities)`);
console.log(`rss              ${rssBeforeExport} MB before the export, ${peak} MB peak`);
console.log(
  JSON.stringify({
    activities: N,
    list_p95_ms: Math.max(firstPage.p95, filtered.p95),
    list_first_page_p50_ms: firstPage.p50,
    list_first_page_p95_ms: firstPage.p95,
    bare_list_p50_ms: bare.p50,
    list_ratio_to_bare: bare.p50 > 0 ? Math.round((firstPage.p50 / bare.p50) * 10) / 10 : null,
    auth_p50_ms: auth.p50,
    list_model_p50_ms: model.p50,
    list_filtered_p95_ms: filtered.p95,
    search_p95_ms: search.p95,
    detail_p95_ms: detailT.p95,
    export_json_s: Math.round(exportS * 100) / 100,
    rss_mb: peak,
  }),
);
