import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../helpers/paths.ts";

/** A migrated SQLite file in a temporary folder; DATABASE_URL points at it before app modules load. */
export function useTemporaryDatabase(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `registre-bench-${name}-`));
  const file = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.LOG_LEVEL = "silent";
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env: process.env, stdio: "ignore" });
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

/**
 * A temporary database seeded by `seed` (a child process, so the measured process starts clean).
 * With BENCH_SEED_CACHE=<folder>, the seeded file is kept there under `key` and copied on later runs:
 * a 50,000-activity organization is seeded once, not on every run. The migrations are part of the key.
 */
export function useSeededDatabase(name: string, key: string, seed: () => void): string {
  const file = useTemporaryDatabase(name);
  const cacheDir = process.env.BENCH_SEED_CACHE;
  if (!cacheDir) {
    seed();
    return file;
  }
  const migrations = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((m) => m !== "migration_lock.toml");
  const cached = path.join(cacheDir, `${name}-${key}-${migrations.length}-${migrations.at(-1)}.db`);
  if (fs.existsSync(cached)) {
    fs.copyFileSync(cached, file);
    console.log(`seeded database reused from ${cached}`);
    return file;
  }
  seed();
  fs.mkdirSync(cacheDir, { recursive: true });
  // A checkpointed copy: the WAL is folded into the main file by the seeding process's close.
  fs.copyFileSync(file, cached);
  return file;
}

/**
 * Warm-up runs (JIT, statement caches, SQLite page cache) before the timed ones. `cpuP50`/`cpuP95` are the
 * median and 95th percentile CPU time of this process per run: on a shared machine (other processes on the same cores) it moves far
 * less than wall time, which counts the time spent waiting for a core.
 */
export async function timeMany(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = Math.min(10, n),
): Promise<{ p50: number; p95: number; max: number; min: number; cpuP50: number; cpuP95: number }> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const c = summarise(cpu);
  return { ...summarise(samples), cpuP50: c.p50, cpuP95: c.p95 };
}

export function summarise(samples: number[]): { p50: number; p95: number; max: number; min: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), max: at(1), min: at(0) };
}

/**
 * Two paths timed alternately, sample by sample, so that both see the same machine load (the
 * benchmark machine is shared): the ratio of their medians is far steadier than either figure.
 */
export async function timePaired(
  n: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<{ a: ReturnType<typeof summarise>; b: ReturnType<typeof summarise>; ratio: number }> {
  for (let i = 0; i < Math.min(10, n); i++) {
    await a(i);
    await b(i);
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    await a(i);
    sa.push(performance.now() - t0);
    t0 = performance.now();
    await b(i);
    sb.push(performance.now() - t0);
  }
  const ra = summarise(sa);
  const rb = summarise(sb);
  return { a: ra, b: rb, ratio: rb.p50 > 0 ? Math.round((ra.p50 / rb.p50) * 10) / 10 : Number.NaN };
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
