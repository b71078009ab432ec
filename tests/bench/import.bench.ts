/**
 * npm run bench:import — a 5,000-row register XLSX (our own French export format, ~15 data
 * categories per activity) imported into a temporary database through previewImport + commitImport,
 * as the import page does. Prints one JSON line last: import_5000_s (preview + commit; target < 15)
 * and rss_mb (peak resident memory of the importing process; target < 500).
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

let peak = rssMb();
const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 25);
const bytes = new Uint8Array(fs.readFileSync(file));
const start = performance.now();
const preview = await previewImport(org.id, bytes);
const previewS = (performance.now() - start) / 1000;
peak = Math.max(peak, rssMb());
if (!preview.canCommit) throw new Error(`preview has errors: ${JSON.stringify(preview.rows.find((r) => r.errors.length)?.errors ?? preview.fileErrors)}`);
const commitStart = performance.now();
const result = await commitImport(user.id, org.id, preview);
const commitS = (performance.now() - commitStart) / 1000;
const totalS = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, rssMb());
const count = await db.activity.count({ where: { organizationId: org.id } });
if (result.created !== N || count !== N) throw new Error(`expected ${N} activities, got ${result.created} created, ${count} in the database`);
const withDepartment = await db.activity.count({ where: { organizationId: org.id, departmentId: { not: null } } });
if (withDepartment !== N) throw new Error(`expected every activity in its department, got ${withDepartment}`);
await disconnectDb();

console.log(`preview          ${previewS.toFixed(2)} s (${preview.counts.rows} rows, ${preview.counts.warnings} with warnings)`);
console.log(`commit           ${commitS.toFixed(2)} s (${result.created} created)`);
console.log(`rss              ${peak} MB peak`);
console.log(
  JSON.stringify({
    rows: N,
    import_5000_s: Math.round(totalS * 100) / 100,
    preview_s: Math.round(previewS * 100) / 100,
    commit_s: Math.round(commitS * 100) / 100,
    rss_mb: peak,
  }),
);
