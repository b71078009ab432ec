import type { ActivityContent } from "~/schemas/activity.ts";
import type { Tx } from "~/utils/db.server.ts";

/** The searchable columns of one activity (name, purposes, description, categories, department). */
export function searchRow(content: ActivityContent, departmentName: string | null) {
  return {
    name: content.name,
    purposes: [content.purposes.main ?? "", ...content.purposes.sub].join("\n"),
    description: content.description ?? "",
    categories: content.dataCategories.map((d) => [d.category, d.description ?? "", d.source ?? ""].join(" ")).join("\n"),
    department: departmentName ?? "",
  };
}

/**
 * The FTS5 phrase of an id, as the index's tokenizer splits it (unicode61: runs of letters and digits),
 * or null when it has no such run. The phrase only narrows the match inside FTS5 (ADR 021); an id whose
 * tokens are a phrase of another id's ("a-b" in "a-b-c") also matches, so every query keeps the exact
 * comparison on the stored column beside it.
 */
function idPhrase(column: "activityId" | "organizationId", id: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(id)) return null;
  return `{${column}}: "${id.replace(/"/g, '""')}"`;
}

/** The columns a user's words are matched against: never the ids, which are indexed too. */
const SEARCHED_COLUMNS = "{name purposes description categories department}";

/**
 * A search of one organization's rows: the user's query (toFtsQuery) on the searched columns, and the
 * organization's id, so that FTS5 reads only that organization's matches. Callers also filter on
 * `organizationId = ?` (see idPhrase).
 */
export function organizationMatch(organizationId: string, query: string): string {
  const org = idPhrase("organizationId", organizationId);
  const words = `${SEARCHED_COLUMNS}: (${query})`;
  return org ? `${org} AND ${words}` : words;
}

/** WHERE clause and values that select one activity's row through the index (exported for its query-plan test). */
export function activityRow(activityId: string): { where: string; args: string[] } {
  const phrase = idPhrase("activityId", activityId);
  return phrase ? { where: `"ActivitySearch" MATCH ? AND activityId = ?`, args: [phrase, activityId] } : { where: `activityId = ?`, args: [activityId] };
}

/**
 * The search index is keyed by Activity's own rowid (ADR 021, third pass): an FTS5 row's rowid is the
 * rowid of its activity, so a search's match set is a set of rowids that Activity's indexes already hold
 * (every SQLite index ends with the rowid) and neither the page nor the count reads the FTS content
 * table. Every writer of the index must keep this: `indexActivity`, the import's batched insert
 * (`searchKeys`), and the benchmarks' copies; `tests/unit/search-keys.test.ts` checks it after each kind
 * of write, and that no later migration rebuilds Activity (which would renumber its rowids) without
 * re-keying the index.
 *
 * Rewrites the activity's row in the FTS5 index, under the activity's rowid; called in the transaction
 * of every save.
 */
export async function indexActivity(tx: Tx, a: { id: string; organizationId: string }, content: ActivityContent, departmentName: string | null) {
  const r = searchRow(content, departmentName);
  // Whatever row the activity had is found through the index by its id (not by rowid), so the rewrite
  // also repairs a row that was ever written under another key.
  const row = activityRow(a.id);
  await tx.$executeRawUnsafe(`DELETE FROM "ActivitySearch" WHERE ${row.where}`, ...row.args);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ActivitySearch" (rowid, activityId, organizationId, name, purposes, description, categories, department)
     SELECT a.rowid, a."id", ?, ?, ?, ?, ?, ? FROM "Activity" a WHERE a."id" = ?`,
    a.organizationId,
    r.name,
    r.purposes,
    r.description,
    r.categories,
    r.department,
    a.id,
  );
}

/**
 * The FTS keys (Activity rowids) of activities just inserted in bulk, by id: the import writes its
 * search rows under them. One statement on the unique (organizationId, seq) index.
 */
export async function searchKeys(tx: Tx, organizationId: string, seqFrom: number, seqTo: number): Promise<Map<string, number>> {
  const rows = await tx.$queryRawUnsafe<{ id: string; k: number | bigint }[]>(
    `SELECT "id", rowid AS k FROM "Activity" WHERE "organizationId" = ? AND "seq" BETWEEN ? AND ?`,
    organizationId,
    seqFrom,
    seqTo,
  );
  return new Map(rows.map((r) => [r.id, Number(r.k)]));
}

export async function reindexDepartmentName(tx: Tx, organizationId: string, departmentId: string, name: string) {
  // The department's activities are found on Activity's (organizationId, departmentId) index; their
  // rowids are the index's keys.
  await tx.$executeRawUnsafe(
    `UPDATE "ActivitySearch" SET department = ?
     WHERE rowid IN (SELECT rowid FROM "Activity" WHERE "organizationId" = ? AND "departmentId" = ?)`,
    name,
    organizationId,
    departmentId,
  );
}

/** User text -> an FTS5 query of quoted prefix terms, so no input can be FTS syntax. */
export function toFtsQuery(input: string): string | null {
  const terms = input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, "")}"*`).join(" AND ");
}
