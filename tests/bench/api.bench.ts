/**
 * npm run bench:api — 5,000 activities in a temporary database: server-side time of
 * GET /api/v1/organizations/{org}/activities?perPage=100 through the real route (bearer token check,
 * membership re-read, rate limit, the register query, serialisation, and the per-use log insert).
 * The use log is buffered (ADR 018): its batched inserts run during the measured requests.
 * Target: p95 < 50 ms. Prints one JSON line last.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, timeMany, useTemporaryDatabase } from "./bench-utils.ts";

const N = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_P95_MS = 50;
useTemporaryDatabase("api");
// What is measured is latency, not the limiter: one token makes more requests than a minute allows by default.
process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
// Seeding runs in a child process: what is measured here is a process that only serves.
execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-register.ts"), String(N)], { stdio: "inherit", env: process.env });

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { createApiToken, flushApiTokenUses } = await import("../../app/models/api-token.server.ts");
const list = await import("../../app/routes/api.v1.organizations.$org.activities.ts");

await dbReady();
const db = getDb();
const org = await db.organization.findUniqueOrThrow({ where: { slug: "bench" } });
const user = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const { token } = await createApiToken(user.id, org.id, { name: "bench", scope: "read", expiresAt: new Date(Date.now() + 86_400_000) });

const ctx = { cspNonce: "", clientIp: null };
const params = { org: "bench" };
const get = async (query: string) => {
  const res = await list.loader({
    request: new Request(`http://localhost/api/v1/organizations/bench/activities?${query}`, { headers: { Authorization: `Bearer ${token}` } }),
    params,
    context: ctx,
  });
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { items: unknown[]; total: number };
  if (body.items.length !== 100) throw new Error(`expected 100 items, got ${body.items.length}`);
  return body;
};

let peak = rssMb();
const pages = Math.floor(N / 100);
const first = await timeMany(RUNS, () => get("perPage=100").then(() => (peak = Math.max(peak, rssMb()))));
// A tool paging through the whole register, in reference order.
const spread = await timeMany(RUNS, (i) => get(`perPage=100&page=${1 + ((i * 7) % pages)}`).then(() => (peak = Math.max(peak, rssMb()))));
// Informational, not the target: sorting by name has no index (SQLite sorts the 5,000 rows, as the register page does).
const byName = await timeMany(Math.min(RUNS, 50), (i) => get(`perPage=100&page=${1 + ((i * 7) % pages)}&sort=name`));
await flushApiTokenUses();
const uses = await db.apiTokenUse.count();
await disconnectDb();

const p95 = Math.max(first.p95, spread.p95);
console.log(`GET activities perPage=100, page 1      p50 ${first.p50} ms, p95 ${first.p95} ms`);
console.log(`GET activities perPage=100, pages 1-${pages}      p50 ${spread.p50} ms, p95 ${spread.p95} ms`);
console.log(`GET activities perPage=100, sort=name    p50 ${byName.p50} ms, p95 ${byName.p95} ms (informational)`);
console.log(`uses logged ${uses}; rss peak ${peak} MB; target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "met" : "NOT met"}`);
console.log(
  JSON.stringify({
    activities: N,
    runs: RUNS,
    api_list_100_p50_ms: first.p50,
    api_list_100_p95_ms: first.p95,
    api_list_100_pages_p95_ms: spread.p95,
    api_list_100_by_name_p95_ms: byName.p95,
    p95_ms: p95,
    target_p95_ms: TARGET_P95_MS,
    target_met: p95 < TARGET_P95_MS,
    uses_logged: uses,
    rss_mb: peak,
  }),
);
