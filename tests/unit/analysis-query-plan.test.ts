/**
 * The whole-organization sovereignty analysis reads its activities and links on covering indexes
 * (issue 18, ADR 021): no activity row (and its large `content`) is read, no link table lookup or sort.
 * The declared transfers come from an indexed expression, which must always equal the stored JSON's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, saveActivity } from "~/models/activity.server.ts";
import { ANALYSIS_ACTIVITIES_SQL, ANALYSIS_LINKS_SQL } from "~/models/sovereignty.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

let orgId = "";
let actorId = "";
const activityIds: string[] = [];

const content = (i: number, country: string | null) =>
  ActivityContentSchema.parse({
    name: `Traitement ${i}`,
    transfers: country ? [{ country, recipient: `Destinataire ${i}`, safeguard: "scc" }] : [],
  });

beforeAll(async () => {
  const db = getDb();
  const { org, departments } = await createOrg();
  orgId = org.id;
  actorId = (await createUser()).id;
  const vendor = await db.vendor.create({ data: { organizationId: org.id, name: "Hébergeur", country: "US" } });
  const service = await db.service.create({ data: { organizationId: org.id, vendorId: vendor.id, name: "Stockage" } });
  const site = await db.hostingSite.create({ data: { organizationId: org.id, name: "Salle serveur", country: "FR" } });
  for (let i = 0; i < 30; i++) {
    const a = await createActivity(actorId, org.id, { content: content(i, i % 3 === 0 ? "US" : null), departmentId: departments[i % 3]!.id });
    activityIds.push(a.id);
    await db.activityLink.create({ data: { organizationId: org.id, activityId: a.id, serviceId: service.id, role: "PROCESSOR" } });
    if (i % 4 === 0) await db.activityLink.create({ data: { organizationId: org.id, activityId: a.id, siteId: site.id, role: "HOSTING" } });
  }
  // Fresh statistics, as a long-lived database has: the planner's choices then match production's.
  await db.$executeRawUnsafe(`ANALYZE`);
}, 60_000);

async function plan(sql: string): Promise<string> {
  const rows = await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, orgId);
  return rows.map((r) => r.detail).join("\n");
}

describe("sovereignty analysis statements", () => {
  it("read the activities on the covering index, in order", async () => {
    const lines = await plan(ANALYSIS_ACTIVITIES_SQL);
    expect(lines).toMatch(/USING COVERING INDEX Activity_analysis_covering_idx/);
    expect(lines).not.toContain("TEMP B-TREE");
  });

  it("read the links on the covering index, in creation order", async () => {
    const lines = await plan(ANALYSIS_LINKS_SQL);
    expect(lines).toMatch(/SEARCH l USING COVERING INDEX ActivityLink_organizationId_createdAt_activityId_role_serviceId_siteId_idx/);
    expect(lines).not.toContain("TEMP B-TREE");
  });

  it("the indexed transfers always equal the stored content's, after saves too", async () => {
    // The same statement on the table itself (NOT INDEXED): json_extract of each stored row.
    const fromTable = ANALYSIS_ACTIVITIES_SQL.replace(`FROM "Activity"`, `FROM "Activity" NOT INDEXED`);
    expect(fromTable).not.toBe(ANALYSIS_ACTIVITIES_SQL);
    expect(await plan(fromTable)).not.toContain("Activity_analysis_covering_idx");
    const compare = async () => {
      const a = await getDb().$queryRawUnsafe<unknown[]>(ANALYSIS_ACTIVITIES_SQL, orgId);
      const b = await getDb().$queryRawUnsafe<unknown[]>(fromTable, orgId);
      expect(a).toHaveLength(30);
      expect(a).toEqual(b);
      return a as { id: string; transfers: string | null }[];
    };
    await compare();
    const id = activityIds[1]!;
    const current = await getDb().activity.findUniqueOrThrow({ where: { id } });
    await saveActivity(actorId, orgId, id, current.revision, { content: content(1, "IN"), departmentId: current.departmentId });
    const after = await compare();
    expect(JSON.parse(after.find((r) => r.id === id)!.transfers!)).toEqual([expect.objectContaining({ country: "IN" })]);
  });
});
