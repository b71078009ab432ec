/**
 * npm run bench:vendors — 5,000 activities, 2,000 vendors, sub-processors three levels deep.
 * Prints one JSON line last: analyse_all_ms (whole organization), dashboard_p95_ms (the
 * sovereignty dashboard's server time) and rss_mb.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, timeMany, useTemporaryDatabase } from "./bench-utils.ts";

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const VENDORS = Number(process.env.BENCH_VENDORS ?? 2000);
useTemporaryDatabase("vendors");
execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-vendors.ts"), String(ACTIVITIES), String(VENDORS)], {
  stdio: "inherit",
  env: process.env,
});

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { createSession } = await import("../../app/models/session.server.ts");
const { analyseOrganization } = await import("../../app/models/sovereignty.server.ts");
const dashboard = await import("../../app/routes/o.$org.sovereignty.tsx");

await dbReady();
const db = getDb();
const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const { token } = await createSession(user.id);
let peak = rssMb();

const bumpVersion = () => db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
await analyseOrganization(org.id); // warm-up: module loading and SQLite page cache
// Each run follows a change, so the whole organization is really analysed (no cache hit).
const analyse = await timeMany(5, async () => {
  await bumpVersion();
  const r = await analyseOrganization(org.id);
  if (r.activities.length !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities, got ${r.activities.length}`);
  peak = Math.max(peak, rssMb());
});
const levels = new Map<string, number>();
for (const a of (await analyseOrganization(org.id)).activities) levels.set(a.analysis.level, (levels.get(a.analysis.level) ?? 0) + 1);
const request = () => new Request("http://localhost/o/bench/sovereignty", { headers: { Cookie: `registre_session=${token}` } });
const load = () => dashboard.loader({ request: request(), params: { org: "bench" }, context: { cspNonce: "", clientIp: null } });
// Cold: right after a change to the register (the analysis version moves), the dashboard recomputes.
const cold = await timeMany(5, async () => {
  await bumpVersion();
  await load();
  peak = Math.max(peak, rssMb());
});
// Warm: further views while nothing changes are served from the versioned cache.
const dash = await timeMany(20, async () => {
  await load();
  peak = Math.max(peak, rssMb());
});
await disconnectDb();

console.log(`levels: ${JSON.stringify(Object.fromEntries(levels))}`);
console.log(`analyse whole organization  p50 ${analyse.p50} ms  max ${analyse.max} ms`);
console.log(`dashboard loader, cold      p50 ${cold.p50} ms  max ${cold.max} ms (after a change)`);
console.log(`dashboard loader, warm      p95 ${dash.p95} ms`);
console.log(
  JSON.stringify({
    activities: ACTIVITIES,
    vendors: VENDORS,
    analyse_all_ms: analyse.p50,
    analyse_all_max_ms: analyse.max,
    dashboard_cold_ms: cold.p50,
    dashboard_cold_max_ms: cold.max,
    dashboard_p95_ms: dash.p95,
    rss_mb: peak,
  }),
);
