/**
 * The search index is keyed by Activity's rowid (ADR 021, third pass): a search reads FTS5 rowids only
 * and takes them for Activity rowids. Every writer must keep that true, or a search silently returns
 * other activities. Each kind of write is checked here: creation, save, archive and restore, the import
 * (also the JSON restore of a register into another organization), a department rename, a deletion,
 * a backup restored, and the migrations themselves.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, listActivities, listStatements, saveActivity, transitionActivity, type ActivityFilters } from "~/models/activity.server.ts";
import { SORTS } from "~/domain/register-query.ts";
import { createBackup, restoreBackup } from "~/models/backup.server.ts";
import { renameDepartment } from "~/models/department.server.ts";
import { commitImport, previewImport } from "~/models/import.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { ALL_ACTIVITIES } from "~/policies/department.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { projectRoot } from "~/utils/paths.ts";
import { createOrg, createUser } from "../helpers/factories.ts";
import { syntheticContent } from "../bench/synthetic-register.ts";

type Row = { rowid: number | bigint; activityId: string };

/** FTS rows whose key is not their activity's rowid, and activities of `orgIds` without exactly one row. */
const KEY_ERRORS = `SELECT s.rowid AS rowid, s.activityId AS activityId FROM "ActivitySearch" s LEFT JOIN "Activity" a ON a.rowid = s.rowid
  WHERE a."id" IS NULL OR a."id" <> s.activityId OR a."organizationId" <> s.organizationId`;

async function keyErrors(orgIds: string[]) {
  const db = getDb();
  const wrong = await db.$queryRawUnsafe<Row[]>(KEY_ERRORS);
  const missing = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a."id" FROM "Activity" a WHERE a."organizationId" IN (SELECT value FROM json_each(?))
       AND (SELECT count(*) FROM "ActivitySearch" s WHERE s.rowid = a.rowid) <> 1`,
    JSON.stringify(orgIds),
  );
  return { wrong: wrong.map((r) => r.activityId), missing: missing.map((r) => r.id) };
}

const OK = { wrong: [], missing: [] };
const search = (organizationId: string, q: string) => listActivities(organizationId, { q, scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 100 });

let actorId = "";
let org = { id: "", departmentIds: [] as string[] };
let unindexed = { orgId: "", seq: 0 };

/**
 * Activities written without a search row move Activity's next rowid ahead of the index's own, so a
 * writer that let FTS5 choose the rowid (max + 1 of its own) is found out. Called before each write.
 */
async function shiftRowids() {
  for (let i = 0; i < 3; i++) {
    const seq = ++unindexed.seq;
    await getDb().activity.create({ data: { organizationId: unindexed.orgId, seq, ref: `X-${seq}`, content: "{}", name: `sans index ${seq}` } });
  }
}

beforeAll(async () => {
  actorId = (await createUser()).id;
  unindexed = { orgId: (await createOrg()).org.id, seq: 0 };
  const created = await createOrg();
  org = { id: created.org.id, departmentIds: created.departments.map((d) => d.id) };
  for (let i = 1; i <= 6; i++) {
    await shiftRowids();
    await createActivity(actorId, org.id, { content: syntheticContent(i), departmentId: org.departmentIds[i % 3]! });
  }
}, 60_000);

describe("the search index's keys follow Activity's rowids", () => {
  it("after creations", async () => {
    expect(await keyErrors([org.id])).toEqual(OK);
    expect((await search(org.id, "cantine")).total).toBeGreaterThan(0);
  });

  it("the check can fail: a row under a rowid FTS5 chose is reported", async () => {
    const db = getDb();
    const [a] = await db.activity.findMany({ where: { organizationId: org.id }, take: 1, orderBy: { seq: "asc" } });
    const [row] = await db.$queryRawUnsafe<(Row & Record<string, unknown>)[]>(`SELECT rowid, * FROM "ActivitySearch" WHERE activityId = ?`, a!.id);
    await db.$executeRawUnsafe(`DELETE FROM "ActivitySearch" WHERE rowid = ?`, row!.rowid);
    await db.$executeRawUnsafe(
      `INSERT INTO "ActivitySearch" (activityId, organizationId, name, purposes, description, categories, department) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      row!.activityId,
      row!.organizationId,
      row!.name,
      row!.purposes,
      row!.description,
      row!.categories,
      row!.department,
    );
    expect(await keyErrors([org.id])).toEqual({ wrong: [a!.id], missing: [a!.id] });
    // A save rewrites the row under the right key whatever key it had.
    const saved = await saveActivity(actorId, org.id, a!.id, a!.revision, {
      content: { ...syntheticContent(1), description: "Réécrite" },
      departmentId: a!.departmentId,
    });
    expect(saved.revision).toBe(a!.revision + 1);
    expect(await keyErrors([org.id])).toEqual(OK);
  });

  it("after saves, archive and restore", async () => {
    const db = getDb();
    const a = await db.activity.findFirstOrThrow({ where: { organizationId: org.id, seq: 2 } });
    await shiftRowids();
    const saved = await saveActivity(actorId, org.id, a.id, a.revision, {
      content: { ...syntheticContent(2), name: "Ornithologie communale" },
      departmentId: org.departmentIds[0]!,
    });
    expect((await search(org.id, "ornithologie")).rows.map((r) => r.id)).toEqual([a.id]);
    await transitionActivity(actorId, org.id, a.id, saved.revision, "archive", { reason: "Plus utilisé" });
    const archived = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
    expect(archived.status).toBe("ARCHIVED");
    await transitionActivity(actorId, org.id, a.id, archived.revision, "restore");
    expect(await keyErrors([org.id])).toEqual(OK);
    expect((await search(org.id, "ornithologie")).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it("after a department rename", async () => {
    expect(await renameDepartment(actorId, org.id, org.departmentIds[1]!, "Hippologie")).toBe(true);
    expect(await keyErrors([org.id])).toEqual(OK);
    const inDepartment = await getDb().activity.count({ where: { organizationId: org.id, departmentId: org.departmentIds[1]! } });
    expect(inDepartment).toBeGreaterThan(0);
    expect((await search(org.id, "hippologie")).total).toBe(inDepartment);
  });

  it("after an import, and after the JSON restore of a register into another organization", async () => {
    const data = await buildRegisterExport(org.id);
    const { org: target } = await createOrg("Commune restaurée");
    const bytes = new TextEncoder().encode(JSON.stringify(data));
    await shiftRowids();
    await commitImport(actorId, target.id, await previewImport(target.id, bytes));
    // The same file again: new drafts, written by the same batched insert after the first ones.
    await shiftRowids();
    await commitImport(actorId, target.id, await previewImport(target.id, bytes));
    expect(await getDb().activity.count({ where: { organizationId: target.id } })).toBe(2 * data.activities.length);
    expect(await keyErrors([org.id, target.id])).toEqual(OK);
    const found = await search(target.id, "ornithologie");
    expect(found.total).toBe(2);
    // Each match is the target's own copy, not an activity at a neighbouring rowid.
    for (const r of found.rows) expect(r.name).toBe("Ornithologie communale");
  });

  it("after a deletion, and for the activity that may take its rowid next", async () => {
    const db = getDb();
    const { org: scratch } = await createOrg();
    await shiftRowids();
    const a = await createActivity(actorId, scratch.id, { content: { ...syntheticContent(3), name: "Spéléologie" }, departmentId: null });
    // No app path deletes an activity; an organization's deletion cascades to them: the row must go too.
    await db.activity.delete({ where: { id: a.id } });
    expect(await db.$queryRawUnsafe<Row[]>(`SELECT rowid, activityId FROM "ActivitySearch" WHERE activityId = ?`, a.id)).toEqual([]);
    // SQLite gives the highest rowid again once it is free: the next activity takes it without a clash.
    const b = await createActivity(actorId, scratch.id, { content: { ...syntheticContent(4), name: "Spéléologie" }, departmentId: null });
    expect(await keyErrors([org.id, scratch.id])).toEqual(OK);
    expect((await search(scratch.id, "spéléologie")).rows.map((r) => r.id)).toEqual([b.id]);
  });

  it("in a backup, once restored", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-search-keys-"));
    try {
      const out = path.join(dir, "backup.zip");
      await createBackup(out);
      const target = path.join(dir, "restored.db");
      await restoreBackup(out, { databaseFile: target });
      const restored = new Database(target, { readonly: true });
      try {
        expect(restored.prepare(KEY_ERRORS).all()).toEqual([]);
        expect((restored.prepare(`SELECT count(*) AS n FROM "ActivitySearch"`).get() as { n: number }).n).toBeGreaterThan(0);
      } finally {
        restored.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the migrations keep the keys", () => {
  const dir = path.join(projectRoot, "prisma", "migrations");
  const migrations = fs
    .readdirSync(dir)
    .filter((m) => /^\d{14}_/.test(m))
    .sort();
  const rekeying = migrations.findIndex((m) => m.endsWith("_search_rowid_keys"));
  const sql = (m: string) => fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8");

  it("the re-keying migration rebuilds the index under Activity's rowids from any keys", async () => {
    expect(rekeying).toBeGreaterThanOrEqual(0);
    const db = getDb();
    // Scramble the keys, then run the migration's statements again.
    await db.$executeRawUnsafe(`DROP TRIGGER "Activity_search_delete"`);
    const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(`SELECT rowid FROM "ActivitySearch"`);
    expect(rows.length).toBeGreaterThan(5);
    await db.$executeRawUnsafe(`UPDATE "ActivitySearch" SET rowid = rowid + 100000`);
    expect((await keyErrors([org.id])).wrong.length).toBe(rows.length);
    const file = new Database(getEnv().databaseFile);
    try {
      file.exec(sql(migrations[rekeying]!));
    } finally {
      file.close();
    }
    expect(await keyErrors([org.id])).toEqual(OK);
    expect(await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'Activity_search_delete'`)).toHaveLength(1);
  });

  it("no later migration rebuilds Activity without re-keying the index", () => {
    // Prisma redefines a SQLite table by copying it into a new one: rowids are renumbered and the
    // table's triggers dropped. Such a migration must rebuild ActivitySearch (as search_rowid_keys does)
    // and create the trigger again.
    for (const m of migrations.slice(rekeying + 1)) {
      const text = sql(m);
      if (!/DROP TABLE "Activity"\s*;|RENAME TO "Activity"\s*;/.test(text)) continue;
      expect(text, m).toMatch(/INSERT (OR REPLACE )?INTO "ActivitySearch\w*" \(rowid,/);
      expect(text, m).toMatch(/CREATE TRIGGER "Activity_search_delete"/);
    }
  });
});

describe("a search reads rowids only", () => {
  const FILTERS: Record<string, (departmentId: string) => Omit<ActivityFilters, "scope">> = {
    search: () => ({ q: "cantine" }),
    "search, status": () => ({ q: "cantine agents", status: "DRAFT" }),
    "search, archived included": () => ({ q: "cantine", includeArchived: true }),
    "search, department": (departmentId) => ({ q: "urbanisme police", departmentId }),
    "search, sensitive": () => ({ q: "agents", sensitive: true }),
  };

  for (const [name, filter] of Object.entries(FILTERS)) {
    for (const sort of SORTS) {
      it(`${name}, sort ${sort}: page and count never read the FTS content table nor scan Activity`, async () => {
        await getDb().$executeRawUnsafe(`ANALYZE`);
        const q = listStatements(org.id, { ...filter(org.departmentIds[1]!), scope: ALL_ACTIVITIES }, sort, { skip: 25, take: 25 })!;
        expect(q.kind).toBe("search");
        for (const st of [q.page, q.count]) {
          // The only virtual table in these statements is the FTS index (queried by VFilter): a VColumn
          // opcode would read a column of a match (its content row); its rowid is read by Rowid alone.
          const ops = await getDb().$queryRawUnsafe<{ opcode: string }[]>(`EXPLAIN ${st.sql}`, ...st.args);
          expect(ops.some((o) => o.opcode === "VFilter")).toBe(true);
          expect(ops.filter((o) => o.opcode === "VColumn")).toEqual([]);
          const plan = (await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${st.sql}`, ...st.args)).map((r) => r.detail);
          expect(
            plan.filter((l) => /^SCAN (a|Activity|ActivitySearch)\b/.test(l) && !/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX \d+:M/.test(l)),
            plan.join("\n"),
          ).toEqual([]);
          // The FTS index is read through its full-text index (":M"), with the organization in the MATCH.
          expect(
            plan.some((l) => /SCAN ActivitySearch VIRTUAL TABLE INDEX \d+:M/.test(l)),
            plan.join("\n"),
          ).toBe(true);
        }
        // Without other filters the count reads the covering index alone, never an Activity row.
        if (name === "search" || name === "search, status" || name === "search, archived included") {
          const plan = (await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.count.sql}`, ...q.count.args)).map((r) => r.detail);
          expect(
            plan.filter((l) => /^(SEARCH|SCAN) a\b/.test(l)),
            plan.join("\n"),
          ).toEqual(["SEARCH a USING COVERING INDEX Activity_organizationId_id_status_seq_idx (organizationId=?)"]);
        }
      });
    }
  }

  it("the opcode check can fail: reading the stored activity id is reported", async () => {
    const ops = await getDb().$queryRawUnsafe<{ opcode: string }[]>(
      `EXPLAIN SELECT activityId FROM "ActivitySearch" WHERE "ActivitySearch" MATCH ?`,
      `{name}: "cantine"*`,
    );
    expect(ops.some((o) => o.opcode === "VColumn")).toBe(true);
  });
});
