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

/** Rewrites the activity's row in the FTS5 index; called in the transaction of every save. */
export async function indexActivity(tx: Tx, a: { id: string; organizationId: string }, content: ActivityContent, departmentName: string | null) {
  const r = searchRow(content, departmentName);
  const row = activityRow(a.id);
  await tx.$executeRawUnsafe(`DELETE FROM "ActivitySearch" WHERE ${row.where}`, ...row.args);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ActivitySearch" (activityId, organizationId, name, purposes, description, categories, department) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    a.id,
    a.organizationId,
    r.name,
    r.purposes,
    r.description,
    r.categories,
    r.department,
  );
}

export async function reindexDepartmentName(tx: Tx, organizationId: string, departmentId: string, name: string) {
  const org = idPhrase("organizationId", organizationId);
  await tx.$executeRawUnsafe(
    `UPDATE "ActivitySearch" SET department = ? WHERE ${org ? `"ActivitySearch" MATCH ? AND ` : ""}organizationId = ?
       AND activityId IN (SELECT id FROM "Activity" WHERE departmentId = ?)`,
    name,
    ...(org ? [org] : []),
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
