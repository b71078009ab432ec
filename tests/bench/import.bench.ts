/**
 * npm run bench:import — a 5,000-row register XLSX (our own French export format, ~15 data
 * categories per activity) imported into a temporary database the way a user imports it on the import
 * page (issue 18, ADR 025): the preview page (previewImport: parse and plan), then the confirmation
 * (the route's action: previewImport of the same upload, then commitImport). Prints one JSON line last,
 * against the goals of issue 18:
 * - import_5000_s: both requests, wall time (goal < 5; on a shared machine it counts the wait for a core);
 * - import_cpu_s (= cpu_s): both requests, CPU time of this process (goal_cpu_s 5): what the code costs,
 *   steadier than wall time; preview_cpu_s (the page) and commit_cpu_s (the confirmation request);
 * - peak_rss_mb: the process's true peak resident memory, from the kernel (goal < 400); rss_mb: the
 *   highest sampled every 25 ms (can miss a short peak); rss_before_mb: the process before the import;
 * - heap_used_mb (the highest sampled V8 heap) and load_avg (the machine's 1-minute load average).
 *
 * The file is built by a child process (this script with --build <file>), so that the memory measured
 * here is the import's alone.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { rssMb, useTemporaryDatabase } from "./bench-utils.ts";

const N = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `Service ${i + 1}`);

async function buildFile(out: string) {
  const { writeSyntheticXlsx } = await import("./synthetic-xlsx.ts");
  await writeSyntheticXlsx(out, N, (i) => ({ ref: `T-${String(i).padStart(4, "0")}`, department: DEPARTMENTS[i % DEPARTMENTS.length]! }));
}

if (process.argv[2] === "--build") {
  await buildFile(process.argv[3]!);
  process.exit(0);
}

useTemporaryDatabase("import");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-bench-import-file-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, "registre.xlsx");
const t0 = performance.now();
execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--build", file], { stdio: "inherit", env: process.env });
console.log(`built ${N}-row XLSX (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { previewImport, commitImport } = await import("../../app/models/import.server.ts");
await dbReady();
const db = getDb();
const org = await db.organization.create({ data: { slug: "bench", name: "Commune de Bench" } });
for (const name of DEPARTMENTS) await db.department.create({ data: { organizationId: org.id, name } });
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO", passwordHash: "x" } });
await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const baseRss = rssMb();
let peak = baseRss;
let peakHeap = heapMb();
const sampler = setInterval(() => {
  peak = Math.max(peak, rssMb());
  peakHeap = Math.max(peakHeap, heapMb());
}, 25);
const bytes = new Uint8Array(fs.readFileSync(file));
const start = performance.now();
const c0 = process.cpuUsage();
// The preview page (GET ?upload=…).
const preview = await previewImport(org.id, bytes);
const previewS = (performance.now() - start) / 1000;
const previewCpu = cpuSeconds(c0);
peak = Math.max(peak, rssMb());
if (!preview.canCommit) throw new Error(`preview has errors: ${JSON.stringify(preview.rows.find((r) => r.errors.length)?.errors ?? preview.fileErrors)}`);
// The confirmation (POST intent=commit): the route previews the pending upload again, then commits it.
const commitStart = performance.now();
const c1 = process.cpuUsage();
const confirmed = await previewImport(org.id, bytes);
const result = await commitImport(user.id, org.id, confirmed);
const commitS = (performance.now() - commitStart) / 1000;
const commitCpu = cpuSeconds(c1);
const totalS = (performance.now() - start) / 1000;
const totalCpu = cpuSeconds(c0);
clearInterval(sampler);
peak = Math.max(peak, rssMb());
peakHeap = Math.max(peakHeap, heapMb());
// The kernel's high-water mark of this process (the sampler can miss a short peak).
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
const count = await db.activity.count({ where: { organizationId: org.id } });
if (result.created !== N || count !== N) throw new Error(`expected ${N} activities, got ${result.created} created, ${count} in the database`);
const withDepartment = await db.activity.count({ where: { organizationId: org.id, departmentId: { not: null } } });
if (withDepartment !== N) throw new Error(`expected every activity in its department, got ${withDepartment}`);
await disconnectDb();

const r2 = (n: number) => Math.round(n * 100) / 100;
const load = r2(os.loadavg()[0]!);
console.log(
  `preview page     ${previewS.toFixed(2)} s, ${previewCpu.toFixed(2)} s CPU (${preview.counts.rows} rows, ${preview.counts.warnings} with warnings)`,
);
console.log(`confirmation     ${commitS.toFixed(2)} s, ${commitCpu.toFixed(2)} s CPU (preview of the upload + commit: ${result.created} created)`);
console.log(`both requests    ${totalS.toFixed(2)} s, ${totalCpu.toFixed(2)} s CPU (goal < 5 s)`);
console.log(`memory           peak RSS ${peakRss} MB (goal < 400; ${baseRss} MB before the import), sampled ${peak} MB, heap ${peakHeap} MB`);
console.log(`load average     ${load} (2 cores shared with other jobs: wall time counts the wait for a core)`);
console.log(
  JSON.stringify({
    rows: N,
    import_5000_s: r2(totalS),
    import_cpu_s: r2(totalCpu),
    cpu_s: r2(totalCpu),
    preview_s: r2(previewS),
    preview_cpu_s: r2(previewCpu),
    commit_s: r2(commitS),
    commit_cpu_s: r2(commitCpu),
    peak_rss_mb: peakRss,
    rss_mb: peak,
    rss_before_mb: baseRss,
    heap_used_mb: peakHeap,
    load_avg: load,
    goal_s: 5,
    goal_cpu_s: 5,
    goal_rss_mb: 400,
  }),
);
