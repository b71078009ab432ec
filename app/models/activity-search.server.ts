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

/** Rewrites the activity's row in the FTS5 index; called in the transaction of every save. */
export async function indexActivity(tx: Tx, a: { id: string; organizationId: string }, content: ActivityContent, departmentName: string | null) {
  const r = searchRow(content, departmentName);
  await tx.$executeRawUnsafe(`DELETE FROM "ActivitySearch" WHERE activityId = ?`, a.id);
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
  await tx.$executeRawUnsafe(
    `UPDATE "ActivitySearch" SET department = ? WHERE organizationId = ? AND activityId IN (SELECT id FROM "Activity" WHERE departmentId = ?)`,
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
