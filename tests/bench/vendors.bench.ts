/**
 * npm run bench:vendors — 5,000 activities, 2,000 vendors, sub-processors three levels deep.
 * Prints one JSON line last, with the goals of issue 18: analyse_all_ms (whole organization after a change
 * to the vendor graph, incremental; goal < 200), analyse_full_ms (every activity analysed, as after a
 * restart), dashboard_cold_ms (dashboard after a change; goal < 300), dashboard_p95_ms (warm) and rss_mb.
 * BENCH_ACTIVITIES / BENCH_VENDORS / BENCH_SEED_CACHE as in bench:register.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, timeMany, useSeededDatabase } from "./bench-utils.ts";

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const VENDORS = Number(process.env.BENCH_VENDORS ?? 2000);
useSeededDatabase("vendors", `${ACTIVITIES}x${VENDORS}`, () =>
  execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-vendors.ts"), String(ACTIVITIES), String(VENDORS)], {
    stdio: "inherit",
    env: process.env,
  }),
);

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { createSession } = await import("../../app/models/session.server.ts");
const { analyseOrganization, lastRecomputed, resetIncrementalAnalysis } = await import("../../app/models/sovereignty.server.ts");
const dashboard = await import("../../app/routes/o.$org.sovereignty.tsx");

await dbReady();
const db = getDb();
const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const { token } = await createSession(user.id);
let peak = rssMb();

const bumpVersion = () => db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
// A real change to the vendor graph, as a user makes one: a platform's storage moves to another country
// (every activity reaching it through a provider chain changes), with the version bump of its unit of work.
const platforms = await db.$queryRawUnsafe<{ id: string }[]>(
  `SELECT l.id FROM "ServiceLocation" l JOIN "Service" s ON s.id = l.serviceId
   WHERE s.organizationId = ? AND l.role = 'STORAGE' AND l.providerServiceId IS NOT NULL ORDER BY l.id`,
  org.id,
);
let changeNo = 0;
const changeGraph = async () => {
  const loc = platforms[(changeNo * 7) % platforms.length]!;
  const country = ["US", "FR", "IN", "DE"][changeNo++ % 4]!;
  await db.serviceLocation.update({ where: { id: loc.id }, data: { country } });
  await bumpVersion();
};
await analyseOrganization(org.id); // warm-up: module loading and SQLite page cache
// Full: every activity analysed (as after a restart).
const analyseFull = await timeMany(5, async () => {
  resetIncrementalAnalysis(org.id);
  await changeGraph();
  const r = await analyseOrganization(org.id);
  if (r.activities.length !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities, got ${r.activities.length}`);
  peak = Math.max(peak, rssMb());
});
// Incremental: after one change to the vendor graph, only the activities it reaches are analysed again.
const recomputed: number[] = [];
const analyse = await timeMany(10, async () => {
  await changeGraph();
  const r = await analyseOrganization(org.id);
  if (r.activities.length !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities, got ${r.activities.length}`);
  recomputed.push(lastRecomputed.get(org.id) ?? -1);
  peak = Math.max(peak, rssMb());
});
const levels = new Map<string, number>();
for (const a of (await analyseOrganization(org.id)).activities) levels.set(a.analysis.level, (levels.get(a.analysis.level) ?? 0) + 1);
const request = () => new Request("http://localhost/o/bench/sovereignty", { headers: { Cookie: `registre_session=${token}` } });
const load = () => dashboard.loader({ request: request(), params: { org: "bench" }, context: { cspNonce: "", clientIp: null } });
// Cold: right after a change to the vendor graph (the analysis version moves), the dashboard recomputes.
const cold = await timeMany(5, async () => {
  await changeGraph();
  await load();
  peak = Math.max(peak, rssMb());
});
const coldFull = await timeMany(3, async () => {
  resetIncrementalAnalysis(org.id);
  await changeGraph();
  await load();
  peak = Math.max(peak, rssMb());
});
// Warm: further views while nothing changes are served from the versioned cache.
const dash = await timeMany(20, async () => {
  await load();
  peak = Math.max(peak, rssMb());
});
await disconnectDb();

recomputed.sort((x, y) => x - y);
console.log(`levels: ${JSON.stringify(Object.fromEntries(levels))}`);
console.log(`analyse whole organization, full         p50 ${analyseFull.p50} ms  min ${analyseFull.min} ms`);
console.log(`analyse after a vendor-graph change      p50 ${analyse.p50} ms  min ${analyse.min} ms (recomputed ${recomputed.join(", ")} activities)`);
console.log(`dashboard loader, cold after a change    p50 ${cold.p50} ms  max ${cold.max} ms (full: p50 ${coldFull.p50} ms)`);
console.log(`dashboard loader, warm                   p95 ${dash.p95} ms`);
console.log(
  JSON.stringify({
    activities: ACTIVITIES,
    vendors: VENDORS,
    analyse_all_ms: analyse.p50,
    analyse_all_min_ms: analyse.min,
    analyse_all_cpu_ms: analyse.cpuP50,
    analyse_all_max_ms: analyse.max,
    analyse_recomputed_median: recomputed[Math.floor(recomputed.length / 2)],
    analyse_full_ms: analyseFull.p50,
    analyse_full_min_ms: analyseFull.min,
    analyse_full_cpu_ms: analyseFull.cpuP50,
    dashboard_cold_ms: cold.p50,
    dashboard_cold_max_ms: cold.max,
    dashboard_cold_cpu_ms: cold.cpuP50,
    dashboard_cold_full_ms: coldFull.p50,
    dashboard_p95_ms: dash.p95,
    rss_mb: peak,
    goals: { analyse_all_ms: "< 200 (after a change)", dashboard_cold_ms: "< 300 (after a change)" },
  }),
);
