/**
 * The register's list statements (issue 18, ADR 021): every filter and sort runs on an index of
 * Activity, never a full table SCAN; a search reads its match set on the covering index; the sorts
 * that have an index of their own need no temporary sort; and the search path returns exactly what
 * the plain path returns for the same set of matching ids.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, listActivities, listStatements, type ActivityFilters } from "~/models/activity.server.ts";
import { ALL_ACTIVITIES } from "~/policies/department.ts";
import { getDb } from "~/utils/db.server.ts";
import { SORTS, type Sort } from "~/domain/register-query.ts";
import { createOrg, createUser } from "../helpers/factories.ts";
import { syntheticContent } from "../bench/synthetic-register.ts";

let orgId = "";
let departmentId = "";

beforeAll(async () => {
  const { org, departments } = await createOrg();
  const user = await createUser();
  orgId = org.id;
  departmentId = departments[1]!.id;
  for (let i = 1; i <= 40; i++) await createActivity(user.id, org.id, { content: syntheticContent(i), departmentId: departments[i % 3]!.id });
  // Fresh statistics, as a long-lived database has: the planner's choices then match production's.
  await getDb().$executeRawUnsafe(`ANALYZE`);
}, 60_000);

const FILTERS: Record<string, Omit<ActivityFilters, "scope">> = {
  none: {},
  department: { departmentId: "DEPARTMENT" },
  status: { status: "DRAFT" },
  archived: { status: "ARCHIVED", includeArchived: true },
  basis: { legalBasis: "c" },
  sensitive: { sensitive: true },
  notSensitive: { sensitive: false },
  regime: { regime: "GDPR" },
  role: { role: "CONTROLLER" },
  overdue: { overdue: true },
  ids: { ids: ["x", "y"] },
  search: { q: "cantine" },
  searchAndDepartment: { q: "urbanisme police", departmentId: "DEPARTMENT" },
};

const filters = (name: string): ActivityFilters => {
  const f = { ...FILTERS[name]!, scope: ALL_ACTIVITIES };
  if (f.departmentId) f.departmentId = departmentId;
  return f;
};

async function plan(sql: string, args: unknown[]): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...args);
  return rows.map((r) => r.detail);
}

const fullScanOfActivity = (lines: string[]) => lines.filter((l) => /^SCAN (a|Activity)\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));

describe("register list query plans", () => {
  for (const name of Object.keys(FILTERS)) {
    for (const sort of SORTS) {
      it(`filter ${name}, sort ${sort}: no full table scan of Activity`, async () => {
        const q = listStatements(orgId, filters(name), sort, { skip: 25, take: 25 });
        expect(q).not.toBeNull();
        for (const s of [q!.page, q!.count]) {
          const lines = await plan(s.sql, s.args);
          expect(lines.length).toBeGreaterThan(0);
          expect(fullScanOfActivity(lines), lines.join("\n")).toEqual([]);
          // A search on its own reads its matches on the covering index (with a department filter, that index may serve instead).
          if (name === "search")
            expect(
              lines.some((l) => /USING COVERING INDEX Activity_organizationId_id_status_seq_idx/.test(l)),
              lines.join("\n"),
            ).toBe(true);
        }
      });
    }
  }

  // Sorts with an index of their own walk it in order: no temporary B-tree for the whole register.
  for (const [sort, index] of [
    ["ref", "Activity_organizationId_seq_key"],
    ["name", "Activity_organizationId_name_nocase_seq_idx"],
    ["updated", "Activity_organizationId_updatedAt_seq_idx"],
    ["completeness", "Activity_organizationId_completeness_seq_idx"],
  ] as [Sort, string][]) {
    it(`sort ${sort} walks ${index}`, async () => {
      const q = listStatements(orgId, filters("none"), sort, { skip: 0, take: 25 })!;
      const lines = await plan(q.page.sql, q.page.args);
      expect(lines.join("\n")).toContain(index);
      expect(
        lines.filter((l) => l.includes("TEMP B-TREE FOR ORDER BY")),
        lines.join("\n"),
      ).toEqual([]);
    });
  }

  it("the fast check above can fail: a query without an index is reported", async () => {
    expect(fullScanOfActivity(await plan(`SELECT id FROM "Activity" WHERE "revision" = ?`, [1]))).not.toEqual([]);
  });
});

describe("register search results", () => {
  it("equal the plain list restricted to the matching ids, for every sort and page", async () => {
    for (const [q, extra] of [
      ["cantine", {}],
      ["urbanisme police", { departmentId }],
      ["agents", { sensitive: true }],
    ] as [string, Partial<ActivityFilters>][]) {
      const match = await getDb().$queryRawUnsafe<{ activityId: string }[]>(
        `SELECT activityId FROM "ActivitySearch" WHERE "ActivitySearch" MATCH ? AND organizationId = ?`,
        q
          .split(" ")
          .map((t) => `"${t}"*`)
          .join(" AND "),
        orgId,
      );
      expect(match.length).toBeGreaterThan(0);
      for (const sort of SORTS) {
        for (const skip of [0, 5, 35]) {
          const page = { skip, take: 5 };
          const searched = await listActivities(orgId, { q, ...extra, scope: ALL_ACTIVITIES }, sort, page);
          const plain = await listActivities(orgId, { ids: match.map((m) => m.activityId), ...extra, scope: ALL_ACTIVITIES }, sort, page);
          expect(searched, `${q} ${sort} ${skip}`).toEqual(plain);
        }
      }
    }
  });
});
