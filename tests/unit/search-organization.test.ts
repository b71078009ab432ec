/**
 * The search index holds every organization's activities; a search reads one organization's only
 * (issue 18, ADR 021): the organization is part of the FTS5 MATCH, the stored id is compared exactly,
 * and the user's words never match an id. Saves and department renames find their rows through the
 * index instead of scanning it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, listActivities, saveActivity } from "~/models/activity.server.ts";
import { activityRow, organizationMatch, toFtsQuery } from "~/models/activity-search.server.ts";
import { renameDepartment } from "~/models/department.server.ts";
import { ALL_ACTIVITIES } from "~/policies/department.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";
import { syntheticContent } from "../bench/synthetic-register.ts";

let actorId = "";
const orgs: { id: string; departmentIds: string[]; activityIds: string[] }[] = [];

async function orgWith(id: string | null, count: number) {
  const created = id
    ? { org: await getDb().organization.create({ data: { id, name: `Commune ${id}`, slug: `org-${id}`, defaultLocale: "fr" } }), departments: [] }
    : await createOrg();
  const o = { id: created.org.id, departmentIds: created.departments.map((d) => d.id), activityIds: [] as string[] };
  for (let i = 1; i <= count; i++) {
    const a = await createActivity(actorId, o.id, { content: syntheticContent(i), departmentId: o.departmentIds[i % 3] ?? null });
    o.activityIds.push(a.id);
  }
  orgs.push(o);
  return o;
}

const search = (organizationId: string, q: string) => listActivities(organizationId, { q, scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 100 });

const ftsRows = (where: string, ...args: unknown[]) =>
  getDb().$queryRawUnsafe<{ activityId: string; organizationId: string; name: string; department: string }[]>(
    `SELECT activityId, organizationId, name, department FROM "ActivitySearch" WHERE ${where}`,
    ...args,
  );

beforeAll(async () => {
  actorId = (await createUser()).id;
  // The same synthetic activities in each organization: every search matches in all of them.
  await orgWith(null, 12);
  await orgWith(null, 12);
  // Ids whose tokens are a phrase of one another's: the MATCH alone cannot tell them apart.
  const suffix = Math.random().toString(36).slice(2, 8);
  await orgWith(`nested-${suffix}`, 6);
  await orgWith(`nested-${suffix}-b`, 6);
}, 60_000);

describe("search in one organization", () => {
  for (const q of ["cantine", "urbanisme police", "agents", "a"]) {
    it(`"${q}" returns this organization's activities only, and all of them`, async () => {
      for (const o of orgs) {
        const found = await search(o.id, q);
        // What the index holds for this organization, filtered on the stored id alone.
        const expected = await ftsRows(
          `"ActivitySearch" MATCH ? AND organizationId = ?`,
          `{name purposes description categories department}: (${toFtsQuery(q)})`,
          o.id,
        );
        expect(found.total, `${q} in ${o.id}`).toBe(expected.length);
        expect(found.total).toBeGreaterThan(0);
        expect(new Set(found.rows.map((r) => r.id))).toEqual(new Set(expected.map((r) => r.activityId)));
        for (const r of found.rows) expect(o.activityIds).toContain(r.id);
      }
    });
  }

  it("the MATCH itself leaves out other organizations' rows", async () => {
    const [a, b] = orgs;
    const rows = await ftsRows(`"ActivitySearch" MATCH ?`, organizationMatch(a!.id, toFtsQuery("cantine")!));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([a!.id]));
    expect(rows.some((r) => b!.activityIds.includes(r.activityId))).toBe(false);
  });

  it("an organization whose id is a phrase of another's sees its own rows only", async () => {
    const [, , short, long] = orgs;
    // The MATCH narrows to both (the tokens of the short id are a phrase of the long one) ...
    const matched = await ftsRows(`"ActivitySearch" MATCH ?`, organizationMatch(short!.id, toFtsQuery("cantine")!));
    expect(new Set(matched.map((r) => r.organizationId))).toEqual(new Set([short!.id, long!.id]));
    // ... and the exact comparison keeps them apart.
    const found = await search(short!.id, "cantine");
    expect(found.total).toBeGreaterThan(0);
    for (const r of found.rows) expect(short!.activityIds).toContain(r.id);
  });

  it("a user's words never match an organization or activity id", async () => {
    const [a] = orgs;
    expect((await search(a!.id, a!.id)).total).toBe(0);
    expect((await search(a!.id, a!.activityIds[0]!)).total).toBe(0);
    const [, , short] = orgs;
    expect((await search(short!.id, "nested")).total).toBe(0);
  });
});

describe("search row maintenance", () => {
  it("a save replaces the activity's one row, found through the index", async () => {
    const [a] = orgs;
    const id = a!.activityIds[0]!;
    let revision = (await getDb().activity.findUniqueOrThrow({ where: { id } })).revision;
    for (const name of ["Zythologie municipale", "Xylophage communal"]) {
      const saved = await saveActivity(actorId, a!.id, id, revision, { content: { ...syntheticContent(1), name }, departmentId: a!.departmentIds[1]! });
      revision = saved.revision;
    }
    expect(await ftsRows(`activityId = ?`, id)).toHaveLength(1);
    expect((await search(a!.id, "xylophage")).rows.map((r) => r.id)).toEqual([id]);
    expect((await search(a!.id, "zythologie")).total).toBe(0);

    const row = activityRow(id);
    const plan = await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT rowid FROM "ActivitySearch" WHERE ${row.where}`, ...row.args);
    // ":M" is FTS5's full-text index (a plain SCAN would read every organization's rows).
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
  });

  it("a department rename rewrites that department's rows in that organization only", async () => {
    const [a, b] = orgs;
    const departmentId = a!.departmentIds[2]!;
    const inDepartment = (await getDb().activity.findMany({ where: { departmentId }, select: { id: true } })).map((x) => x.id);
    expect(inDepartment.length).toBeGreaterThan(0);
    const otherBefore = await ftsRows(`organizationId = ?`, b!.id);
    expect(await renameDepartment(actorId, a!.id, departmentId, "Quintessence")).toBe(true);
    const renamed = await ftsRows(`department = ?`, "Quintessence");
    expect(new Set(renamed.map((r) => r.activityId))).toEqual(new Set(inDepartment));
    expect(await ftsRows(`organizationId = ?`, b!.id)).toEqual(otherBefore);
    expect((await search(a!.id, "quintessence")).total).toBe(inDepartment.length);
  });
});
