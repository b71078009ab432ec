/**
 * npm run bench:profile — CPU profiles of the register list, the register search and the whole-organization
 * sovereignty analysis (issue 18, ADR 021), each path profiled on its own with node:inspector after a warm-up.
 * Prints the top self-time functions of each path; with PROFILE_DIR=<folder> also writes the .cpuprofile files
 * (open them in Chrome DevTools; never commit them). Same seeding and BENCH_* variables as bench:register and
 * bench:vendors (the vendors organization is used: it has both a register and a vendor graph).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { useSeededDatabase } from "./bench-utils.ts";

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
const { analyseOrganization, resetIncrementalAnalysis } = await import("../../app/models/sovereignty.server.ts");
const list = await import("../../app/routes/o.$org.activities._index.tsx");
const dashboard = await import("../../app/routes/o.$org.sovereignty.tsx");

await dbReady();
const db = getDb();
const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const { token } = await createSession(user.id);
const ctx = { cspNonce: "", clientIp: null };
const req = (p: string) => new Request(`http://localhost${p}`, { headers: { Cookie: `registre_session=${token}` } });
// A change to the vendor graph (one storage location moves), with the version bump of its unit of work.
const locations = await db.serviceLocation.findMany({ where: { service: { organizationId: org.id }, role: "STORAGE" }, select: { id: true } });
let changeNo = 0;
const bump = async () => {
  await db.serviceLocation.update({ where: { id: locations[(changeNo * 13) % locations.length]!.id }, data: { country: ["US", "FR", "IN"][changeNo++ % 3]! } });
  await db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
};

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number };

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });

async function profile(name: string, runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(i);
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn(i);
  const ms = (performance.now() - t0) / runs;
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
  if (process.env.PROFILE_DIR) {
    fs.mkdirSync(process.env.PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(process.env.PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|app|tests)\//, "$1/")}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  console.log(`\n${name}: ${ms.toFixed(2)} ms per run (${runs} runs, with the profiler on); top self time:`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}

const SEARCHES = ["cantine", "urbanisme", "police sport", "médiathèque"];
await profile("register-list", 300, () => list.loader({ request: req("/o/bench/activities"), params: { org: "bench" }, context: ctx }));
await profile("register-search", 200, (i) =>
  list.loader({ request: req(`/o/bench/activities?q=${encodeURIComponent(SEARCHES[i % 4]!)}`), params: { org: "bench" }, context: ctx }),
);
await profile("sovereignty-analysis-full", 5, async () => {
  resetIncrementalAnalysis(org.id);
  await bump();
  await analyseOrganization(org.id);
});
await profile("sovereignty-analysis-after-change", 10, async () => {
  await bump();
  await analyseOrganization(org.id);
});
await profile("sovereignty-dashboard-cold", 10, async () => {
  await bump();
  await dashboard.loader({ request: req("/o/bench/sovereignty"), params: { org: "bench" }, context: ctx });
});
session.disconnect();
await disconnectDb();
