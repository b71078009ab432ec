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

export async function timeMany(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
