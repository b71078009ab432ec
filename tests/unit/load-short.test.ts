/**
 * Issue 12 §15, short variant of `npm run bench:load` run by `npm test`: 30 s of mixed traffic from
 * simulated users against the compiled server with a concurrent CLI import. It checks correctness only
 * (no errors, no lost update); timings are reported by the bench, never asserted here.
 */
import { describe, expect, it } from "vitest";
import { runLoad } from "../bench/load-runner.ts";

describe("short load run", () => {
  it("30 s of mixed reads, searches, saves, submissions and exports with a concurrent import: 0 errors, 0 lost updates", async () => {
    const messages: string[] = [];
    const r = await runLoad({ users: 10, durationMs: 30_000, importRows: 200, pdfShare: 0.02, log: (s) => messages.push(s) });
    const report = `${JSON.stringify(r)}\n${messages.join("\n")}`;
    // Traffic really happened (how much depends on the machine: not asserted beyond that).
    expect(r.requests, report).toBeGreaterThan(10);
    expect(r.acknowledged_writes, report).toBeGreaterThan(0);
    expect(r.import_rows, report).toBe(200);
    expect(r.errors, report).toBe(0);
    expect(r.lost_updates, report).toBe(0);
  }, 300_000);
});
