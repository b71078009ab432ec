/**
 * Issue 12 §11: every register export prints the latest audit chain hash (the anchor), the export log
 * keeps it, and `audit:verify --anchor HASH` fails once the log is truncated or rewritten at or before it.
 */
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { startActivityPdf } from "~/documents/activity-pdf.ts";
import { startRegisterPdf } from "~/documents/register-pdf.ts";
import { createActivity } from "~/models/activity.server.ts";
import { latestAuditAnchor, verifyAuditAnchor } from "~/models/audit.server.ts";
import { createExport, renderExport } from "~/models/exports.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";

let orgId: string;
let actorId: string;
let ref: string;

beforeAll(async () => {
  const { org, departments } = await createOrg();
  orgId = org.id;
  actorId = (await signedInMember(org.id, "DPO")).user.id;
  ref = (await createActivity(actorId, org.id, { content: ActivityContentSchema.parse({ name: "État civil" }), departmentId: departments[0]!.id })).ref;
});

function verifyCli(anchor: string): { code: number; out: string } {
  try {
    const out = execFileSync("npx", ["tsx", "app/cli/audit-verify.ts", "--anchor", anchor], {
      cwd: root,
      env: process.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, out: `${e.stdout}${e.stderr}` };
  }
}

async function pdfText(start: (onText: (s: string) => void) => { done: Promise<unknown>; stream: NodeJS.ReadableStream }): Promise<string> {
  const parts: string[] = [];
  const run = start((s) => parts.push(s));
  run.stream.resume();
  await run.done;
  // Long hashes wrap inside table cells: compare without whitespace.
  return parts.join("").replace(/\s+/g, "");
}

describe("the anchor is printed in every register export and in the export log", () => {
  it("JSON, JSON-LD, XLSX, the register PDF cover, the activity sheet and the export log carry the chain's head", async () => {
    const head = (await latestAuditAnchor())!;
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const json = JSON.parse((await renderExport(orgId, { format: "json", locale: "fr", scope: "all" })).bytes.toString("utf8")) as { auditAnchor: unknown };
    expect(json.auditAnchor).toEqual(head);
    const jsonld = (await renderExport(orgId, { format: "jsonld", locale: "fr", scope: "all" })).bytes.toString("utf8");
    expect(jsonld).toContain(`#${head.seq} ${head.hash}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExport(orgId, { format: "xlsx", locale: "fr", scope: "all" })).bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain(`#${head.seq} ${head.hash}`);

    const data = await buildRegisterExport(orgId);
    const cover = await pdfText((onText) => startRegisterPdf(data, { locale: "fr", scope: "all", fingerprint: "f".repeat(64) }, { onText }));
    expect(cover).toContain(head.hash);
    const sheet = await pdfText((onText) => startActivityPdf(data, ref, { locale: "en", fingerprint: "f".repeat(64) }, { onText }));
    expect(sheet).toContain(head.hash);

    const { record } = await createExport(orgId, actorId, { format: "csv", locale: "fr", scope: "all" }, "ui");
    expect((JSON.parse(record.params) as { auditAnchor: unknown }).auditAnchor).toEqual(head);
  });
});

describe("audit:verify --anchor", () => {
  it("passes while the log contains the anchor, fails after a truncation or a rewrite from #N", async () => {
    // The anchor an export printed; more events follow it.
    const { record } = await createExport(orgId, actorId, { format: "json", locale: "fr", scope: "all" }, "cli");
    const anchor = (JSON.parse(record.params) as { auditAnchor: { seq: number; hash: string } }).auditAnchor;
    await createActivity(actorId, orgId, { content: ActivityContentSchema.parse({ name: "Après l'ancre" }), departmentId: null });
    expect((await verifyAuditAnchor(anchor.hash)).anchor).toEqual({ found: true, seq: anchor.seq });
    const ok = verifyCli(anchor.hash);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`event #${anchor.seq}`);
    // The "#seq hash" form printed on the documents is accepted too.
    expect(verifyCli(`#${anchor.seq} ${anchor.hash}`).code).toBe(0);
    expect(verifyCli("not-a-hash").code).toBe(2);

    const db = getDb();
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "AuditEvent_no_update"`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "AuditEvent_no_delete"`);
    try {
      // Rewrite from #anchor: re-chain every event from there with altered details. The chain itself is
      // consistent again, so a plain audit:verify cannot notice; the anchor can.
      const { computeAuditHash, verifyAuditChain } = await import("~/models/audit.server.ts");
      const events = await db.auditEvent.findMany({ where: { seq: { gte: anchor.seq } }, orderBy: { seq: "asc" } });
      let prev = events[0]!.prevHash;
      for (const e of events) {
        const fields = { ...e, details: e.seq === anchor.seq ? JSON.stringify({ rewritten: true }) : e.details, prevHash: prev };
        const hash = computeAuditHash(fields);
        await db.auditEvent.update({ where: { seq: e.seq }, data: { details: fields.details, prevHash: prev, hash } });
        prev = hash;
      }
      expect((await verifyAuditChain()).ok).toBe(true);
      const rewritten = verifyCli(anchor.hash);
      expect(rewritten.code).toBe(1);
      expect(rewritten.out).toContain("NOT FOUND");

      // Truncation from #anchor: same verdict.
      const head = (await latestAuditAnchor())!;
      await db.auditEvent.deleteMany({ where: { seq: { gte: head.seq } } });
      expect((await verifyAuditChain()).ok).toBe(true);
      expect((await verifyAuditAnchor(head.hash)).anchor).toEqual({ found: false });
      expect(verifyCli(head.hash).code).toBe(1);
    } finally {
      for (const sql of [
        `CREATE TRIGGER IF NOT EXISTS "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;`,
        `CREATE TRIGGER IF NOT EXISTS "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;`,
      ])
        await db.$executeRawUnsafe(sql);
    }
  }, 120_000);
});
