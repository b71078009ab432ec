/**
 * Issue 12 §14: a backup taken while writes go on restores every row committed before it started, with
 * no half-written transaction and an intact audit chain; a damaged backup is refused; scheduled backups
 * keep only the configured retention.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { createActivity } from "~/models/activity.server.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { checkBackup, createBackup, InvalidBackupError, restoreBackup, scheduledBackup } from "~/models/backup.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getEnv } from "~/utils/env.server.ts";
import { createOrg, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "registre-backup-test-"));
let orgId: string;
let actorId: string;
let departmentId: string;

beforeAll(async () => {
  const { org, departments } = await createOrg();
  orgId = org.id;
  departmentId = departments[0]!.id;
  actorId = (await signedInMember(org.id, "DPO")).user.id;
  // Some volume, so the copy takes several steps.
  for (let i = 0; i < 30; i++)
    await createActivity(actorId, orgId, { content: ActivityContentSchema.parse({ name: `Avant ${i}`, purposes: { main: "x".repeat(900) } }), departmentId });
  // A stored file (as a DPA upload would leave).
  const files = path.join(path.dirname(getEnv().databaseFile), "files");
  fs.mkdirSync(files, { recursive: true });
  fs.writeFileSync(path.join(files, `${"a".repeat(64)}.pdf`), "%PDF-1.7 test");
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function openDb(file: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
}

describe("backup under write load, then restore", () => {
  it("restores every row committed before the backup began, no torn write, an intact audit chain", async () => {
    const { getDb } = await import("~/utils/db.server.ts");
    const preexisting = new Set((await getDb().activity.findMany({ where: { organizationId: orgId }, select: { id: true } })).map((a) => a.id));
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const a = await createActivity(actorId, orgId, { content: ActivityContentSchema.parse({ name: `Pendant ${i}` }), departmentId });
        acknowledged.push(a.id);
        // The SQLite driver answers within microtasks: yield so timers and the backup's steps run (as between requests).
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Let the writer run, then back up while it keeps going.
    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 10));
    const before = [...acknowledged];
    const out = path.join(work, "under-load.backup.gz");
    const manifest = await createBackup(out);
    const during = acknowledged.length;
    while (acknowledged.length < during + 10) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(before.length + 10);
    expect(manifest.entries.map((e) => e.name)).toContain(`files/${"a".repeat(64)}.pdf`);

    const target = path.join(work, "restored", "registre.db");
    const res = await restoreBackup(out, { databaseFile: target });
    expect(res.integrity).toBe("ok");
    expect(res.chain.ok).toBe(true);
    expect(fs.readFileSync(path.join(work, "restored", "files", `${"a".repeat(64)}.pdf`), "utf8")).toBe("%PDF-1.7 test");

    const db = await openDb(target);
    try {
      const ids = new Set((await db.activity.findMany({ where: { organizationId: orgId }, select: { id: true } })).map((a) => a.id));
      for (const id of before) expect(ids.has(id), id).toBe(true);
      // Only acknowledged writes, and each with its audit event and search row: no half transaction.
      for (const id of ids) expect(preexisting.has(id) || acknowledged.includes(id), id).toBe(true);
      const created = await db.auditEvent.count({ where: { organizationId: orgId, action: "activity.created" } });
      expect(created).toBe(ids.size);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  it("refuses a damaged or foreign file, and a database in use", async () => {
    const out = path.join(work, "ok.backup.gz");
    await createBackup(out);
    expect((await checkBackup(out)).chain.ok).toBe(true);
    const bad = path.join(work, "bad.backup.gz");
    const bytes = fs.readFileSync(out);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    fs.writeFileSync(bad, bytes);
    await expect(checkBackup(bad)).rejects.toBeInstanceOf(InvalidBackupError);
    fs.writeFileSync(path.join(work, "foreign.gz"), "hello");
    await expect(checkBackup(path.join(work, "foreign.gz"))).rejects.toBeInstanceOf(InvalidBackupError);
    // The test's own database is open (this process): restoring over it is refused.
    await expect(restoreBackup(out)).rejects.toThrow(/in use|stop the server/);
  });

  it("npm run backup / restore (the command-line tools) round-trip", () => {
    const out = path.join(work, "cli.backup.gz");
    const env = { ...process.env, INIT_CWD: root };
    const backup = execFileSync("npx", ["tsx", "app/cli/backup.ts", "--out", out], { cwd: root, env, encoding: "utf8" });
    expect(backup).toContain("Backup written");
    const target = path.join(work, "cli-restore", "registre.db");
    const restored = execFileSync("npx", ["tsx", "app/cli/restore.ts", "--file", out], {
      cwd: root,
      env: { ...env, DATABASE_URL: `file:${target}` },
      encoding: "utf8",
    });
    expect(restored).toMatch(/audit chain intact/);
    expect(fs.existsSync(target)).toBe(true);
  }, 120_000);

  it("scheduled backups keep the configured retention", async () => {
    const dir = path.join(work, "scheduled");
    const now = new Date();
    const first = await scheduledBackup(dir, 7, now);
    // Age the first one beyond the retention.
    const old = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000);
    fs.utimesSync(first.file, old, old);
    const second = await scheduledBackup(dir, 7, new Date(now.getTime() + 1000));
    expect(second.removed).toEqual([path.basename(first.file)]);
    expect(fs.readdirSync(dir)).toEqual([path.basename(second.file)]);
  });
});
