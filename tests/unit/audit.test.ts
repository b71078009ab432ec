import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { computeAuditHash, GENESIS_HASH, recordAudit, recordAuditAlone, verifyAuditChain } from "~/models/audit.server.ts";
import { createDepartment, renameDepartment } from "~/models/department.server.ts";
import { acceptInvitation, createInvitation } from "~/models/invitation.server.ts";
import { completePasswordReset, createPasswordReset } from "~/models/password-reset.server.ts";
import * as login from "~/routes/login.tsx";
import { StaleUpdateError, updateOrganization } from "~/models/organization.server.ts";
import type { AuditEvent } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { root } from "../helpers/paths.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Org = Awaited<ReturnType<typeof createOrg>>;
let A: Org;
let actorId: string;

beforeAll(async () => {
  A = await createOrg();
  actorId = (await signedInMember(A.org.id, "ADMIN")).user.id;
});

function allEvents(): Promise<AuditEvent[]> {
  return getDb().auditEvent.findMany({ orderBy: { seq: "asc" } });
}

const TRIGGERS_SQL = [
  `CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;`,
  `CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;`,
];

async function dropTriggers() {
  await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS "AuditEvent_no_update"`);
  await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS "AuditEvent_no_delete"`);
}

async function restoreTriggers() {
  await dropTriggers();
  for (const sql of TRIGGERS_SQL) await getDb().$executeRawUnsafe(sql);
}

function runCli(): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync("npx", ["tsx", "app/cli/audit-verify.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr: "" };
  } catch (err) {
    const e = err as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("the hash chain", () => {
  it("model functions append linked events with consecutive seq", async () => {
    const before = await allEvents();
    const dep = await createDepartment(actorId, A.org.id, "Archives");
    await renameDepartment(actorId, A.org.id, dep.id, "Archives municipales");
    await createInvitation(actorId, A.org.id, { email: "chain@test.example", role: "VIEWER", departmentIds: [] });
    await updateOrganization(actorId, A.org.id, 1, { name: "Commune renommée", defaultLocale: "fr" });
    await recordAuditAlone({ actorId: null, organizationId: null, action: "test.alone", entity: "Test" });

    const events = await allEvents();
    expect(events.length).toBe(before.length + 5);
    const added = events.slice(before.length);
    expect(added.map((e) => e.action)).toEqual(["department.created", "department.renamed", "invitation.created", "organization.updated", "test.alone"]);

    expect(events[0]!.seq).toBe(1);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.prevHash).toBe(events[i - 1]!.hash);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(computeAuditHash(e)).toBe(e.hash);
    }
    expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);
    expect(JSON.parse(added[0]!.details)).toEqual({ name: "Archives" });
  });

  it("verifyAuditChain reports an intact chain with its count and last hash", async () => {
    const events = await allEvents();
    const report = await verifyAuditChain();
    expect(report).toEqual({ ok: true, count: events.length, lastHash: events.at(-1)!.hash });
  });

  it("the hash covers every field, independently of key order in details", () => {
    const base = {
      seq: 7,
      at: new Date("2030-01-01T00:00:00Z"),
      actorId: "u",
      organizationId: "o",
      action: "a",
      entity: "E",
      entityId: "x",
      details: '{"a":1}',
      prevHash: GENESIS_HASH,
    };
    const h = computeAuditHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [
      { seq: 8 },
      { at: new Date("2030-01-01T00:00:00.001Z") },
      { actorId: "v" },
      { organizationId: null },
      { action: "b" },
      { entity: "F" },
      { entityId: null },
      { details: '{"a":2}' },
      { prevHash: "1".repeat(64) },
    ]) {
      expect(computeAuditHash({ ...base, ...change }), JSON.stringify(change)).not.toBe(h);
    }
    expect(computeAuditHash({ ...base })).toBe(h);
  });

  it("details are stored as canonical (sorted-key) JSON", async () => {
    const ev = await recordAuditAlone({
      actorId: null,
      organizationId: null,
      action: "test.order",
      entity: "Test",
      details: { zeta: 1, alpha: { y: 2, b: [3, { d: 4, c: 5 }] }, skipped: undefined },
    });
    expect(ev.details).toBe('{"alpha":{"b":[3,{"c":5,"d":4}],"y":2},"zeta":1}');
  });

  it("concurrent writers keep a single linear chain", async () => {
    const before = await getDb().auditEvent.count();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => recordAuditAlone({ actorId: null, organizationId: null, action: "test.concurrent", entity: "Test", details: { i } })),
    );
    expect(await getDb().auditEvent.count()).toBe(before + 8);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
  });
});

describe("what the audit log holds", () => {
  it("details never hold passwords, tokens or e-mail addresses (ADR 005)", async () => {
    const invitee = "audit.invitee@test.example";
    const password = "phrase de passe pour audit";
    const inv = await createInvitation(actorId, A.org.id, { email: invitee, role: "EDITOR", departmentIds: [A.departments[0]!.id] });
    const accepted = await acceptInvitation(inv.token, { name: "Invitée", password });
    if (!accepted.ok) throw new Error("invitation not accepted");
    const reset = await createPasswordReset(actorId, A.org.id, accepted.userId);
    const newPassword = "une autre phrase secrète";
    expect(await completePasswordReset(reset.token, newPassword)).toMatchObject({ ok: true });
    const wrong = "mauvais mot de passe 123";
    const failed = await call(login.action, request("/login", { method: "POST", body: form({ email: invitee, password: wrong }) }), {}, "10.0.0.1");
    expect(failed.status).toBe(400);
    const ok = await call(login.action, request("/login", { method: "POST", body: form({ email: invitee, password: newPassword }) }), {}, "10.0.0.1");
    expect(ok.status).toBe(302);

    const events = await allEvents();
    const actions = new Set(events.map((e) => e.action));
    for (const a of ["invitation.created", "invitation.accepted", "password_reset.created", "password_reset.completed", "login.failed", "login.succeeded"])
      expect(actions).toContain(a);
    for (const e of events) {
      const text = `${e.details} ${e.entityId ?? ""} ${e.action} ${e.entity}`;
      expect(text, `event #${e.seq}`).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
      for (const secret of [inv.token, reset.token, password, newPassword, wrong]) expect(text, `event #${e.seq}`).not.toContain(secret);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("append-only triggers", () => {
  it("refuse UPDATE", async () => {
    const e = (await allEvents())[1]!;
    await expect(getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "details" = '{"x":1}' WHERE "seq" = ?`, e.seq)).rejects.toThrow(/append-only/);
    await expect(getDb().auditEvent.update({ where: { seq: e.seq }, data: { action: "changed" } })).rejects.toThrow();
    expect((await getDb().auditEvent.findUniqueOrThrow({ where: { seq: e.seq } })).details).toBe(e.details);
  });

  it("refuse DELETE", async () => {
    const n = await getDb().auditEvent.count();
    await expect(getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 1`)).rejects.toThrow(/append-only/);
    await expect(getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(getDb().auditEvent.deleteMany({})).rejects.toThrow();
    expect(await getDb().auditEvent.count()).toBe(n);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("failed transactions", () => {
  it("a stale updateOrganization throws and writes no audit event", async () => {
    const org = await getDb().organization.findUniqueOrThrow({ where: { id: A.org.id } });
    const before = await getDb().auditEvent.count();
    await expect(updateOrganization(actorId, A.org.id, org.version - 1, { name: "Stale", defaultLocale: "fr" })).rejects.toBeInstanceOf(StaleUpdateError);
    expect(await getDb().auditEvent.count()).toBe(before);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: A.org.id } })).name).toBe(org.name);
  });

  it("an error after recordAudit rolls the event back", async () => {
    const before = await getDb().auditEvent.count();
    await expect(
      getDb().$transaction(async (tx) => {
        await recordAudit(tx, { actorId, organizationId: A.org.id, action: "test.rolledback", entity: "Test" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await getDb().auditEvent.count()).toBe(before);
    expect(await getDb().auditEvent.count({ where: { action: "test.rolledback" } })).toBe(0);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("tamper detection (attacker with file access drops the triggers)", () => {
  it("the CLI reports an intact chain with exit code 0", () => {
    const res = runCli();
    expect(res.stderr).not.toMatch(/BROKEN/);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Audit chain intact: \d+ event\(s\)/);
  });

  it("detects changed details (hash), a re-hashed event (link) and a deleted row (sequence)", async () => {
    // Enough events so there is a real middle.
    for (let i = 0; i < 3; i++) await recordAuditAlone({ actorId: null, organizationId: null, action: "test.padding", entity: "Test", details: { i } });
    const events = await allEvents();
    const middle = events[Math.floor(events.length / 2)]!;
    const next = events.find((e) => e.seq === middle.seq + 1)!;
    const total = events.length;
    await dropTriggers();
    try {
      // 1. Change the details of a middle event.
      await getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "details" = ? WHERE "seq" = ?`, '{"name":"forged"}', middle.seq);
      expect(await verifyAuditChain()).toEqual({ ok: false, count: middle.seq - 1, brokenAt: middle.seq, reason: "hash" });

      // 2. Recompute that event's own hash: the next event's link breaks.
      const forged = await getDb().auditEvent.findUniqueOrThrow({ where: { seq: middle.seq } });
      const rehash = computeAuditHash(forged);
      await getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "hash" = ? WHERE "seq" = ?`, rehash, middle.seq);
      expect(await verifyAuditChain()).toEqual({ ok: false, count: middle.seq, brokenAt: middle.seq + 1, reason: "link" });

      // Restore the original row: intact again.
      await getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "details" = ?, "hash" = ? WHERE "seq" = ?`, middle.details, middle.hash, middle.seq);
      expect(await verifyAuditChain()).toMatchObject({ ok: true, count: total });

      // 3. Delete the next row: a gap in the sequence.
      await getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = ?`, next.seq);
      expect(await verifyAuditChain()).toEqual({ ok: false, count: next.seq - 1, brokenAt: next.seq, reason: "sequence" });

      // 4. Deleting the last row(s) cannot be seen by the chain alone, but the first row can.
      await getDb().auditEvent.create({ data: next });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, count: total });
      await getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 1`);
      expect(await verifyAuditChain()).toEqual({ ok: false, count: 0, brokenAt: 1, reason: "sequence" });
      await getDb().auditEvent.create({ data: events[0]! });
      expect(await verifyAuditChain()).toMatchObject({ ok: true, count: total });

      // 5. A forged event appended with a made-up hash.
      const last = events.at(-1)!;
      await getDb().auditEvent.create({
        data: {
          seq: last.seq + 1,
          at: new Date(),
          actorId: null,
          organizationId: null,
          action: "forged",
          entity: "Test",
          entityId: null,
          details: "{}",
          prevHash: last.hash,
          hash: sha256Hex("anything"),
        },
      });
      expect(await verifyAuditChain()).toEqual({ ok: false, count: total, brokenAt: last.seq + 1, reason: "hash" });
      await getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = ?`, last.seq + 1);
      expect((await verifyAuditChain()).ok).toBe(true);
    } finally {
      await restoreTriggers();
    }
    await expect(getDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 1`)).rejects.toThrow(/append-only/);
  });

  it("the CLI exits with 1 and names the first broken event", async () => {
    const events = await allEvents();
    const target = events[2]!;
    await dropTriggers();
    try {
      await getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "seq" = ?`, target.seq);
      const res = runCli();
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`BROKEN at event #${target.seq}`);
      expect(res.stderr).toContain("hash mismatch");
    } finally {
      await getDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = ? WHERE "seq" = ?`, target.action, target.seq);
      await restoreTriggers();
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
