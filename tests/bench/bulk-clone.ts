/**
 * Benchmark seeding only: copies activities already created through the app (createActivity, so every
 * derived column, search row and version is the app's own) under new ids, refs and organizations, in
 * one better-sqlite3 transaction. 50,000 activities take seconds instead of the ten minutes the unit of
 * work would need. Never used by the app: real writes go through unitOfWork.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

const q = (c: string) => `"${c}"`;

/**
 * Adds activities seq `from`..`to` to `targetOrgId`, activity k being a copy of template
 * templates[(k - 1) % templates.length] (with its search row and approved versions). Departments are
 * matched by name in the target organization. Returns the new ids in order.
 */
export function cloneActivities(
  file: string,
  opts: {
    templateIds: string[];
    targetOrgId: string;
    from: number;
    to: number;
    links?: (activityId: string, k: number) => { serviceId: string; role: string }[];
  },
): string[] {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  const fixed = new Set(["id", "organizationId", "seq", "ref", "departmentId"]);
  const activityCols = columns(db, "Activity").filter((c) => !fixed.has(c));
  const versionFixed = new Set(["id", "activityId", "organizationId", "departmentId"]);
  const versionCols = columns(db, "ActivityVersion").filter((c) => !versionFixed.has(c));
  const department = `(SELECT d2."id" FROM "Department" d1 JOIN "Department" d2 ON d2."name" = d1."name" AND d2."organizationId" = @org WHERE d1."id" = t."departmentId")`;
  const insertActivity = db.prepare(
    `INSERT INTO "Activity" ("id", "organizationId", "seq", "ref", "departmentId", ${activityCols.map(q).join(", ")})
     SELECT @id, @org, @seq, @ref, ${department}, ${activityCols.map((c) => `t.${q(c)}`).join(", ")} FROM "Activity" t WHERE t."id" = @tid`,
  );
  // The search row is copied from the template's (keyed by the template's rowid) under the copy's own
  // Activity rowid, as indexActivity writes it (ADR 021).
  const insertSearch = db.prepare(
    `INSERT INTO "ActivitySearch" (rowid, activityId, organizationId, name, purposes, description, categories, department)
     SELECT @rowid, @id, @org, name, purposes, description, categories, department FROM "ActivitySearch"
     WHERE rowid = (SELECT rowid FROM "Activity" WHERE "id" = @tid)`,
  );
  const insertVersions = db.prepare(
    `INSERT INTO "ActivityVersion" ("id", "activityId", "organizationId", "departmentId", ${versionCols.map(q).join(", ")})
     SELECT lower(hex(randomblob(12))), @id, @org, ${department}, ${versionCols.map((c) => `t.${q(c)}`).join(", ")} FROM "ActivityVersion" t WHERE t."activityId" = @tid`,
  );
  const insertLink = db.prepare(
    `INSERT INTO "ActivityLink" ("id", "organizationId", "activityId", "serviceId", "role") VALUES (lower(hex(randomblob(12))), ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (let k = opts.from; k <= opts.to; k++) {
      const id = `bench${randomUUID().replace(/-/g, "").slice(0, 20)}`;
      const args = { id, org: opts.targetOrgId, seq: k, ref: `T-${String(k).padStart(4, "0")}`, tid: opts.templateIds[(k - 1) % opts.templateIds.length]! };
      const { lastInsertRowid } = insertActivity.run(args);
      if (insertSearch.run({ id, org: args.org, tid: args.tid, rowid: lastInsertRowid }).changes !== 1)
        throw new Error(`No search row for template ${args.tid}`);
      insertVersions.run({ id, org: args.org, tid: args.tid });
      for (const l of opts.links?.(id, k) ?? []) insertLink.run(opts.targetOrgId, id, l.serviceId, l.role);
      ids.push(id);
    }
    db.prepare(`UPDATE "Organization" SET "activitySeq" = max("activitySeq", ?) WHERE "id" = ?`).run(opts.to, opts.targetOrgId);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return ids;
}
