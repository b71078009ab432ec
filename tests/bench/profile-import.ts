/**
 * npm run bench:profile-import — a CPU profile of the import a user makes (the commit request: preview +
 * commit, as bench:import times it) of a 5,000-row register XLSX (issue 18, ADR 025). Prints the top
 * self-time functions, the self time by module and the inclusive time of the import's stages; with
 * PROFILE_DIR=<folder> also writes the .cpuprofile file (never commit it). IMPORT_FILE=<file.xlsx> reuses a
 * file built before (building one takes ~20 s), else one is built like bench:import's.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { useTemporaryDatabase } from "./bench-utils.ts";

const N = Number(process.env.BENCH_ACTIVITIES ?? 5000);
const DEPARTMENTS = Array.from({ length: 12 }, (_, i) => `Service ${i + 1}`);

if (process.argv[2] === "--build") {
  const { writeSyntheticXlsx } = await import("./synthetic-xlsx.ts");
  await writeSyntheticXlsx(process.argv[3]!, N, (i) => ({ ref: `T-${String(i).padStart(4, "0")}`, department: DEPARTMENTS[i % DEPARTMENTS.length]! }));
  process.exit(0);
}

useTemporaryDatabase("profile-import");
let file = process.env.IMPORT_FILE;
if (!file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-profile-import-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  file = path.join(dir, "registre.xlsx");
  execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--build", file], { stdio: "inherit", env: process.env });
}

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { previewImport, commitImport } = await import("../../app/models/import.server.ts");
await dbReady();
const db = getDb();
const org = await db.organization.create({ data: { slug: "bench", name: "Commune de Bench" } });
for (const name of DEPARTMENTS) await db.department.create({ data: { organizationId: org.id, name } });
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO", passwordHash: "x" } });
await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });
const bytes = new Uint8Array(fs.readFileSync(file));

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number };

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 500 });
await session.post("Profiler.start");
const c0 = process.cpuUsage();
const preview = await previewImport(org.id, bytes);
const c1 = process.cpuUsage(c0);
const result = await commitImport(user.id, org.id, preview);
const c2 = process.cpuUsage(c0);
const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
if (result.created !== N) throw new Error(`expected ${N} created, got ${result.created}`);
await disconnectDb();
if (process.env.PROFILE_DIR) {
  fs.mkdirSync(process.env.PROFILE_DIR, { recursive: true });
  fs.writeFileSync(path.join(process.env.PROFILE_DIR, "import.cpuprofile"), JSON.stringify(profile));
}

const cpu = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1e6).toFixed(2);
console.log(`preview ${cpu(c1)} s CPU, preview + commit ${cpu(c2)} s CPU (with the profiler on)`);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
const where = (f: Node["callFrame"]) => (f.url ? `${f.url.replace(/^.*\/(node_modules|app|tests)\//, "$1/")}:${f.lineNumber + 1}` : "");
const module = (f: Node["callFrame"]) => {
  const u = f.url.replace(/^.*\/node_modules\//, "node_modules/").replace(/^.*\/(app|tests)\//, "$1/");
  if (u.startsWith("node_modules/"))
    return u
      .split("/")
      .slice(0, u.split("/")[1]!.startsWith("@") ? 3 : 2)
      .join("/");
  return u || f.functionName || "(native)";
};
const self = new Map<string, number>();
const mods = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || "(anonymous)"} ${where(n.callFrame)}`.trim();
  self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
  const m = module(n.callFrame);
  mods.set(m, (mods.get(m) ?? 0) + (n.hitCount ?? 0));
}
console.log("\ntop self time:");
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);
console.log("\nself time by module:");
for (const [k, v] of [...mods.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);

// Inclusive time of named stages (a function counted once per stack, however deep it recurses).
const STAGES = (
  process.env.PROFILE_STAGES ??
  "parseImportFile,readXlsx,parseTable,rowToPatch,applyRowData,buildContent,plan,syncCatalogue,loadExisting,createActivitiesInUnit,insertRows,derivedColumns,searchRow,recordAuditBatch,auditBatch,diffContents,sha256,stringify,safeParse,$executeRawUnsafe,writeTx,garbage collector"
).split(",");
const inclusive = new Map<string, number>(STAGES.map((s) => [s, 0]));
const walk = (id: number, active: Set<string>) => {
  const n = byId.get(id)!;
  const name = n.callFrame.functionName === "(garbage collector)" ? "garbage collector" : n.callFrame.functionName;
  const added = inclusive.has(name) && !active.has(name);
  if (added) active.add(name);
  for (const s of active) inclusive.set(s, inclusive.get(s)! + (n.hitCount ?? 0));
  for (const c of n.children ?? []) walk(c, active);
  if (added) active.delete(name);
};
walk(profile.nodes[0]!.id, new Set());
console.log("\ninclusive time of stages:");
for (const [k, v] of inclusive) console.log(`  ${pct(v)}  ${k}`);
