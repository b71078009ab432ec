/**
 * Issue 18 (ADR 025): the import's bulk inserts run on the write connection's better-sqlite3 handle, in
 * the unit of work's own transaction, with one prepared statement reused for full batches. At and around
 * the batch sizes (100 activities and search rows, 200 audit events per statement), createActivitiesInUnit
 * must write exactly what createActivityInUnit writes one activity at a time, and chain the same events.
 */
import { describe, expect, it } from "vitest";
import { createActivityInUnit } from "~/models/activity.server.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { createActivitiesInUnit, insertRows } from "~/models/import.server.ts";
import { unitOfWork } from "~/models/unit-of-work.server.ts";
import { getDb, writeStatement, writeTx } from "~/utils/db.server.ts";
import { syntheticContent } from "../bench/synthetic-register.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

type Row = Record<string, unknown>;

/** Everything each path wrote for an organization, with the ids, the organization and the write times left out. */
async function written(organizationId: string) {
  const db = getDb();
  const activities = await db.$queryRawUnsafe<Row[]>(
    `SELECT *, typeof(seq) AS ts, typeof(hasSensitive) AS th, typeof(completeness) AS tc, typeof(createdAt) AS tca, CAST(nextReviewAt AS TEXT) AS na
     FROM "Activity" WHERE organizationId = ? ORDER BY seq`,
    organizationId,
  );
  const refOf = new Map(activities.map((a) => [a.id as string, a.ref as string]));
  const search = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "ActivitySearch" WHERE organizationId = ?`, organizationId);
  const events = await db.$queryRawUnsafe<Row[]>(
    `SELECT *, typeof(seq) AS ts, typeof(at) AS tat FROM "AuditEvent" WHERE organizationId = ? ORDER BY seq`,
    organizationId,
  );
  const strip = ({ id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, departmentId, ...rest }: Row): Row => ({
    ...rest,
    department: departmentId !== null,
  });
  return {
    activities: activities.map(strip),
    search: search
      .map(({ activityId, organizationId: _o, ...rest }): Row => ({ ...rest, ref: refOf.get(activityId as string) }))
      .sort((a, b) => String(a.ref).localeCompare(String(b.ref))),
    events: events.map(({ id: _i, seq: _s, at: _a, organizationId: _o, entityId, prevHash: _p, hash: _h, ...rest }): Row => ({
      ...rest,
      ref: refOf.get(entityId as string),
    })),
  };
}

describe("createActivitiesInUnit at the batch boundaries", () => {
  const SIZES = [99, 100, 101, 250];
  const items = (n: number, departments: { id: string }[]) =>
    Array.from({ length: n }, (_, i) => ({ content: syntheticContent(i + 1), departmentId: i % 3 === 0 ? null : departments[i % 3]!.id }));
  // One by one, once, for the largest size: the first n of it are what n activities give.
  let oneByOne: Promise<Awaited<ReturnType<typeof written>>> | undefined;
  const reference = () =>
    (oneByOne ??= (async () => {
      const user = await createUser();
      const { org, departments } = await createOrg();
      await unitOfWork({ actorId: user.id, organizationId: org.id }, async (w) => {
        for (const item of items(Math.max(...SIZES), departments)) await createActivityInUnit(w, user.id, org.id, { ...item });
      });
      return written(org.id);
    })());

  for (const n of SIZES) {
    it(`${n} activities: the same rows, search entries and audit events as one by one, and the chain stays valid`, async () => {
      const one = await reference();
      const user = await createUser();
      const { org, departments } = await createOrg();
      const created = await unitOfWork({ actorId: user.id, organizationId: org.id }, (w) => createActivitiesInUnit(w, user.id, org.id, items(n, departments)));
      expect(created.map((c) => c.ref)).toEqual(Array.from({ length: n }, (_, i) => `T-${String(i + 1).padStart(4, "0")}`));
      const bulk = await written(org.id);
      expect(bulk.activities).toHaveLength(n);
      expect(bulk.search).toHaveLength(n);
      expect(bulk.events).toHaveLength(n);
      // The user differs from the reference's: compare who wrote through the columns' presence.
      const actor = (r: Row) => ({
        ...r,
        createdById: r.createdById !== null,
        updatedById: r.updatedById !== null,
        actorId: r.actorId !== undefined ? r.actorId !== null : undefined,
      });
      expect(bulk.activities.map(actor)).toEqual(one.activities.slice(0, n).map(actor));
      expect(bulk.activities.every((a) => a.createdById === user.id && a.updatedById === user.id)).toBe(true);
      expect(bulk.search).toEqual(one.search.slice(0, n));
      expect(bulk.events.map(actor)).toEqual(one.events.slice(0, n).map(actor));
      expect(bulk.events.every((e) => e.actorId === user.id)).toBe(true);
      // Department names as each organization spells them: the same three names.
      expect(new Set(bulk.search.map((s) => s.department))).toEqual(new Set(["", "Ressources humaines", "Police municipale"]));
      expect(await verifyAuditChain()).toMatchObject({ ok: true });
    }, 120_000);
  }
});

describe("the bulk inserts run in the unit of work's transaction", () => {
  it("what they write is seen inside the transaction, by nobody else before the commit, and rolled back with it", async () => {
    const user = await createUser();
    const { org } = await createOrg();
    const db = getDb();
    const auditBefore = await db.auditEvent.count();
    const failure = await unitOfWork({ actorId: user.id, organizationId: org.id }, async (w) => {
      await createActivitiesInUnit(
        w,
        user.id,
        org.id,
        Array.from({ length: 101 }, (_, i) => ({ content: syntheticContent(i + 1), departmentId: null })),
      );
      // The same connection and transaction as Prisma's tx: it reads them back.
      expect(await w.tx.activity.count({ where: { organizationId: org.id } })).toBe(101);
      expect(await w.tx.auditEvent.count()).toBe(auditBefore + 101);
      // The read connection does not see uncommitted rows.
      expect(await db.activity.count({ where: { organizationId: org.id } })).toBe(0);
      throw new Error("rolled back");
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe("rolled back");
    expect(await db.activity.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.$queryRawUnsafe<Row[]>(`SELECT 1 FROM "ActivitySearch" WHERE organizationId = ?`, org.id)).toEqual([]);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).activitySeq).toBe(0);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("the write handle is refused outside writeTx and to the tx of another (finished) transaction", async () => {
    let stale: Parameters<typeof writeStatement>[0] | undefined;
    await writeTx(async (tx) => {
      stale = tx;
      expect(() => writeStatement(tx, "SELECT 1")).not.toThrow();
    });
    expect(() => writeStatement(stale!, "SELECT 1")).toThrow(/writeTx running now/);
    await writeTx(async () => {
      expect(() => writeStatement(stale!, "SELECT 1")).toThrow(/writeTx running now/);
    });
  });

  it("insertRows interpolates only whitelisted tables and plain column names", async () => {
    await writeTx(async (tx) => {
      await expect(insertRows(tx, "User", ["id"], 1, () => ["x"], 10)).rejects.toThrow(/not a bulk-insert target/);
      await expect(insertRows(tx, "Activity", ['id") --'], 1, () => ["x"], 10)).rejects.toThrow(/not a bulk-insert target/);
      await expect(insertRows(tx, "AuditEvent", ["seq", "at"], 1, () => [1], 10)).rejects.toThrow(/1 values for 2 columns/);
    });
  });
});
