/**
 * Issue 12, points 1 and 2 (ADR 009): a transaction never shares its connection with another request,
 * writes take the lock with BEGIN IMMEDIATE and honour the busy timeout, a lock held past it is a
 * DatabaseBusyError (503 + Retry-After, translated), and the connection pragmas are set.
 */
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { busyResponse, handleDataRequest, handleError } from "~/entry.server.tsx";
import { createActivitiesInUnit } from "~/models/import.server.ts";
import { unitOfWork } from "~/models/unit-of-work.server.ts";
import { createDepartment } from "~/models/department.server.ts";
import { emptyActivityContent } from "~/schemas/activity.ts";
import { DatabaseBusyError, dbReady, getDb, writeTx } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { addMember, createOrg, createUser } from "../helpers/factories.ts";

async function orgWithAdmin() {
  const { org } = await createOrg();
  const user = await createUser();
  await addMember(user.id, org.id, "ADMIN");
  return { org, user };
}

describe("one request's transaction never reaches another's (issue 12.1)", () => {
  it("during an import that is rolled back, a concurrent write survives and no reader sees the uncommitted rows", async () => {
    const { org, user } = await orgWithAdmin();
    const db = getDb();
    let inside!: () => void;
    const importStarted = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const mayFinish = new Promise<void>((r) => (finish = r));
    const content = emptyActivityContent("Importée");

    // An import holding its transaction open, then failing: everything it wrote must vanish.
    const importing = unitOfWork(
      { actorId: user.id, organizationId: org.id },
      async (w) => {
        await createActivitiesInUnit(
          w,
          user.id,
          org.id,
          Array.from({ length: 50 }, () => ({ content, departmentId: null })),
        );
        inside();
        await mayFinish;
        throw new Error("import failed at the last row");
      },
      { timeout: 30_000 },
    ).catch((e: unknown) => e);
    await importStarted;

    // Another request reads meanwhile: it must not see the 50 uncommitted activities.
    expect(await db.activity.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "activity.created" } })).toBe(0);
    // Another request writes meanwhile (a plain write and a model write): neither may join the import.
    const plainWrite = db.organization.update({ where: { id: org.id }, data: { name: "Renamed while importing" } });
    const modelWrite = createDepartment(user.id, org.id, "Written during the import");
    await sleep(50);
    finish();
    expect(((await importing) as Error).message).toBe("import failed at the last row");
    await plainWrite;
    await modelWrite;

    expect(await db.activity.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Renamed while importing");
    expect(await db.department.count({ where: { organizationId: org.id, name: "Written during the import" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "department.created" } })).toBe(1);
  });

  it("concurrent writes are serialized: 20 parallel department creations all commit, with an unbroken audit chain", async () => {
    const { org, user } = await orgWithAdmin();
    const before = await getDb().department.count({ where: { organizationId: org.id } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => createDepartment(user.id, org.id, `Parallel ${i}`)));
    expect(await getDb().department.count({ where: { organizationId: org.id } })).toBe(before + 20);
    const { verifyAuditChain } = await import("~/models/audit.server.ts");
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe("write lock, busy timeout and pragmas (issue 12.2)", () => {
  it("sets WAL, synchronous=NORMAL, foreign_keys and busy_timeout on the connection", async () => {
    const db = await dbReady();
    const pragma = async (name: string) => Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect(String(await pragma("journal_mode"))).toBe("wal");
    expect(Number(await pragma("synchronous"))).toBe(1);
    expect(Number(await pragma("foreign_keys"))).toBe(1);
    expect(Number(await pragma("busy_timeout"))).toBe(5000);
    // And inside a write transaction (the write connection).
    await writeTx(async (tx) => {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA synchronous`);
      expect(Number(Object.values(rows[0]!)[0])).toBe(1);
      const fk = await tx.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA foreign_keys`);
      expect(Number(Object.values(fk[0]!)[0])).toBe(1);
    });
  });

  it("a write transaction holds the write lock from its first statement (BEGIN IMMEDIATE)", async () => {
    await dbReady();
    const other = new Database(getEnv().databaseFile, { timeout: 0 });
    try {
      await writeTx(async (tx) => {
        await tx.organization.count(); // a read only: a deferred BEGIN would not hold the lock yet
        expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/locked|busy/i);
      });
      other.exec("BEGIN IMMEDIATE");
      other.exec("ROLLBACK");
    } finally {
      other.close();
    }
  });

  it("waits for another process's write lock within the busy timeout, then writes", async () => {
    const { org, user } = await orgWithAdmin();
    const other = new Database(getEnv().databaseFile, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    const write = createDepartment(user.id, org.id, "After the lock");
    setTimeout(() => other.exec("COMMIT"), 400);
    await write;
    other.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(await getDb().department.count({ where: { organizationId: org.id, name: "After the lock" } })).toBe(1);
  });

  it("past the busy timeout: DatabaseBusyError, nothing written, and the server still serves reads meanwhile", async () => {
    const { org } = await orgWithAdmin();
    const other = new Database(getEnv().databaseFile, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    try {
      const write = writeTx((tx) => tx.department.create({ data: { organizationId: org.id, name: "Never" } }), { busyTimeoutMs: 600 }).catch((e: unknown) => e);
      // The event loop is not blocked while the write waits: reads are answered.
      const t0 = Date.now();
      expect(await getDb().organization.count({ where: { id: org.id } })).toBe(1);
      expect(Date.now() - t0).toBeLessThan(300);
      const err = await write;
      expect(err).toBeInstanceOf(DatabaseBusyError);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await getDb().department.count({ where: { organizationId: org.id, name: "Never" } })).toBe(0);
    // The queue is not stuck: the next write goes through.
    await writeTx((tx) => tx.department.create({ data: { organizationId: org.id, name: "Now" } }));
    expect(await getDb().department.count({ where: { organizationId: org.id, name: "Now" } })).toBe(1);
  });

  it("a busy database is answered 503 with Retry-After and a translated page, not 500", async () => {
    const context = { cspNonce: "", clientIp: null };
    const request = new Request("http://localhost/o/x/departments", { method: "POST", headers: { "Accept-Language": "en" } });
    handleError(new DatabaseBusyError(), { request, context });
    const res = await handleDataRequest(new Response(null, { status: 500 }), { request, context });
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(await res.text()).toContain("Service temporarily busy");
    const fr = busyResponse(new Request("http://localhost/", { headers: { "Accept-Language": "fr-FR" } }));
    expect(fr.status).toBe(503);
    expect(await fr.text()).toContain("Service momentanément occupé");
    // Another request's context is untouched.
    const untouched = await handleDataRequest(new Response("ok"), { request, context: { cspNonce: "", clientIp: null } });
    expect(untouched.status).toBe(200);
  });
});

describe("a database that cannot be opened", () => {
  it("fails the waiting request without stopping the process, and the next request opens it again", async () => {
    const { disconnectDb } = await import("~/utils/db.server.ts");
    const { resetEnvCache } = await import("~/utils/env.server.ts");
    const good = process.env.DATABASE_URL!;
    const goodFile = getEnv().databaseFile;
    const bad = `${goodFile}.not-a-database`;
    fs.writeFileSync(bad, "this is not an SQLite file, but long enough to have a header".repeat(20));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => void unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      await disconnectDb();
      process.env.DATABASE_URL = `file:${bad}`;
      resetEnvCache();
      await expect(dbReady()).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_NOTADB/) });
      // The file is repaired (here: the right database again); the next request must not reuse the failed open.
      await sleep(20);
      fs.copyFileSync(goodFile, bad);
      const db = await dbReady();
      expect(await db.organization.count()).toBeTypeOf("number");
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await disconnectDb();
      process.env.DATABASE_URL = good;
      resetEnvCache();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(bad + suffix, { force: true });
    }
  });
});
