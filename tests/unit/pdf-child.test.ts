/**
 * The register PDF through the server's child process (ADR 024): the activities go to the child as a
 * file of JSON lines read one at a time, the summary and transfers tables are built row by row, and
 * the child writes the PDF into its file synchronously. None of it may change a byte of the document.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readActivityFile, writeActivityFile } from "~/documents/activity-file.ts";
import { renderPdfInChild } from "~/documents/pdf-runner.server.ts";
import { generateRegisterPdfBuffer, selectActivities } from "~/documents/register-pdf.ts";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import { syntheticExport } from "../bench/pdf.bench.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-pdf-child-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * One description is longer than the child's 64 KB read buffer, in multi-byte characters, so that
 * byte offsets and character counts differ. 240 activities make an activities' file over 1 MB (more
 * than one batch of writeActivityFile); 80 a PDF of several MB (many of the child's 256 KB writes).
 */
function bigRegister(n: number): RegisterExport {
  const data = syntheticExport(n);
  const long = "Œuvre périscolaire → cantine, 3,50 € ; ζωή, жизнь. ".repeat(1600);
  data.activities[7] = { ...data.activities[7]!, description: long };
  return data;
}

describe("activities as a file of JSON lines", () => {
  it("gives back every activity, and its JSON exactly as JSON.stringify wrote it", async () => {
    const activities: ExportActivity[] = bigRegister(240).activities;
    const file = await writeActivityFile(path.join(dir, "activities.jsonl"), activities);
    expect(fs.statSync(file.file).size).toBeGreaterThan(1 << 20);
    const long = JSON.stringify(activities[7]);
    expect(Buffer.byteLength(long)).toBeGreaterThan(64 * 1024);
    expect(Buffer.byteLength(long)).toBeGreaterThan(long.length + 10_000);
    expect(file.offsets).toHaveLength(activities.length + 1);
    const list = readActivityFile(file);
    try {
      expect(list.length).toBe(activities.length);
      // Out of order, and the same one twice in a row (the cached last activity).
      for (const i of [239, 7, 7, 0, 120, 8, 7]) {
        expect(list.json(i)).toBe(JSON.stringify(activities[i]));
        expect(list.at(i)).toEqual(activities[i]);
      }
      expect(list.at(7).description).toBe(activities[7]!.description);
      expect(() => list.at(240)).toThrow(RangeError);
      expect(() => list.at(-1)).toThrow(RangeError);
    } finally {
      list.close();
    }
  });

  it("writes an empty register as an empty file", async () => {
    const file = await writeActivityFile(path.join(dir, "empty.jsonl"), []);
    expect(file.offsets).toEqual([0]);
    expect(fs.statSync(file.file).size).toBe(0);
    const list = readActivityFile(file);
    expect(list.length).toBe(0);
    list.close();
  });
});

describe("register PDF in the child process", () => {
  const data = bigRegister(80);

  it("is byte-identical to the PDF rendered in the process, for the whole register", async () => {
    const opts = { locale: "fr", scope: "all", departments: null, fingerprint: "c".repeat(64) } as const;
    const expected = await generateRegisterPdfBuffer(data, opts);
    const { bytes } = await renderPdfInChild({ kind: "register", data, opts });
    expect(bytes.length).toBeGreaterThan(8 * 256 * 1024);
    expect(bytes.equals(expected)).toBe(true);
  }, 120_000);

  it("selects the same activities from the file (scope and departments) and renders the same bytes", async () => {
    const opts = { locale: "en" as const, scope: "controller" as const, departments: ["Culture", "Finances"], fingerprint: "d".repeat(64) };
    const chosen = selectActivities(data, opts.scope, opts.departments);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.length).toBeLessThan(data.activities.length);
    const expected = await generateRegisterPdfBuffer(data, opts);
    const { bytes } = await renderPdfInChild({ kind: "register", data, opts });
    expect(bytes.equals(expected)).toBe(true);
    // Only the chosen activities are in it.
    const other = data.activities.find((a) => !chosen.includes(a))!;
    expect(bytes.includes(Buffer.from(`activity-${chosen[0]!.ref}`))).toBe(true);
    expect(bytes.includes(Buffer.from(`activity-${other.ref}`))).toBe(false);
  }, 120_000);
});
