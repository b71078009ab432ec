/**
 * The organization's activity data version (ADR 027) must move with every change to what the analysis
 * reads on the activity side, whoever writes it: the whole-organization analysis keeps the activity rows
 * and links it read until this version moves. SQLite triggers move it; these tests fail when one is
 * missing for a table or an operation, including rows removed by a cascade, and when an analysis
 * statement starts reading a table that no trigger watches.
 */
import { describe, expect, it } from "vitest";
import {
  activitySideLoads,
  analyseOrganization,
  ANALYSIS_ACTIVITIES_SQL,
  ANALYSIS_LINKS_SQL,
  resetIncrementalAnalysis,
  sovereigntyDashboard,
} from "~/models/sovereignty.server.ts";
import { createActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

const version = async (organizationId: string) =>
  (await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { activityDataVersion: true } })).activityDataVersion;

async function setup() {
  const db = getDb();
  const { org, departments } = await createOrg();
  const other = await createOrg();
  const user = await createUser();
  const vendor = await db.vendor.create({ data: { organizationId: org.id, name: "Hébergeur", country: "FR" } });
  const service = await db.service.create({ data: { organizationId: org.id, vendorId: vendor.id, name: "Cloud" } });
  const site = await db.hostingSite.create({ data: { organizationId: org.id, name: "Salle", country: "FR" } });
  const content = ActivityContentSchema.parse({ name: "Paie" });
  const activity = await createActivity(user.id, org.id, { content, departmentId: departments[0]!.id });
  return { db, org, other: other.org, user, departments, vendor, service, site, activity };
}

/** Runs `change` and checks it moved the organization's version, and not another organization's. */
async function expectMoves(organizationId: string, otherId: string, what: string, change: () => Promise<unknown>) {
  const before = await version(organizationId);
  const otherBefore = await version(otherId);
  await change();
  expect(await version(organizationId), what).toBeGreaterThan(before);
  expect(await version(otherId), `${what}: another organization`).toBe(otherBefore);
}

describe("activity data version", () => {
  it("moves on every insert, update and delete of activities, links and hosting sites", async () => {
    const { db, org, other, user, departments, service, site, activity } = await setup();
    const o = org.id;
    const x = other.id;
    await expectMoves(o, x, "activity insert", () =>
      createActivity(user.id, o, { content: ActivityContentSchema.parse({ name: "État civil" }), departmentId: departments[0]!.id }),
    );
    await expectMoves(o, x, "activity update", () => db.activity.update({ where: { id: activity.id }, data: { legalBases: "|c|" } }));
    await expectMoves(o, x, "activity raw update", () => db.$executeRawUnsafe(`UPDATE "Activity" SET name = 'Paie 2' WHERE id = ?`, activity.id));
    const link = await db.activityLink.create({ data: { organizationId: o, activityId: activity.id, serviceId: service.id, role: "PROCESSOR" } });
    await expectMoves(o, x, "link insert", () =>
      db.activityLink.create({ data: { organizationId: o, activityId: activity.id, siteId: site.id, role: "HOSTING" } }),
    );
    await expectMoves(o, x, "link update", () => db.activityLink.update({ where: { id: link.id }, data: { role: "SUB_PROCESSOR" } }));
    await expectMoves(o, x, "link delete", () => db.activityLink.delete({ where: { id: link.id } }));
    await expectMoves(o, x, "site insert", () => db.hostingSite.create({ data: { organizationId: o, name: "Secours", country: "FR" } }));
    await expectMoves(o, x, "site update", () => db.hostingSite.update({ where: { id: site.id }, data: { country: "DE" } }));
    await expectMoves(o, x, "site delete (its links cascade)", () => db.hostingSite.delete({ where: { id: site.id } }));
    await expectMoves(o, x, "activity delete", () => db.activity.delete({ where: { id: activity.id } }));
  });

  it("moves when links go with a deleted service (cascade), and not on vendor-graph changes", async () => {
    const { db, org, other, service, vendor, activity } = await setup();
    const o = org.id;
    await db.activityLink.create({ data: { organizationId: o, activityId: activity.id, serviceId: service.id, role: "PROCESSOR" } });
    // The vendor graph is re-read on every analysis version: its changes need not move this version.
    const before = await version(o);
    await db.vendor.update({ where: { id: vendor.id }, data: { country: "US" } });
    await db.serviceLocation.create({ data: { serviceId: service.id, role: "STORAGE", country: "US" } });
    expect(await version(o)).toBe(before);
    // Deleting the service deletes its links by cascade: the trigger on ActivityLink sees it.
    await expectMoves(o, other.id, "service delete (its links cascade)", () => db.service.delete({ where: { id: service.id } }));
  });

  it("has a trigger for each operation on every table the analysis reads on the activity side", async () => {
    const tables = new Set<string>();
    for (const sql of [ANALYSIS_ACTIVITIES_SQL, ANALYSIS_LINKS_SQL]) for (const m of sql.matchAll(/(?:FROM|JOIN)\s+"(\w+)"/g)) tables.add(m[1]!);
    expect([...tables].sort()).toEqual(["Activity", "ActivityLink", "HostingSite"]);
    const triggers = await getDb().$queryRawUnsafe<{ tbl_name: string; sql: string }[]>(
      `SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%activityDataVersion%'`,
    );
    for (const table of tables)
      for (const op of ["INSERT", "UPDATE", "DELETE"])
        expect(
          triggers.some((t) => t.tbl_name === table && new RegExp(`AFTER ${op} ON "${table}"`).test(t.sql)),
          `${op} on ${table}`,
        ).toBe(true);
  });

  it("an analysis after a vendor-graph change reads the activity side once; an activity change reads it again", async () => {
    const { db, org, service, activity } = await setup();
    const bump = () => db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
    await db.activityLink.create({ data: { organizationId: org.id, activityId: activity.id, serviceId: service.id, role: "PROCESSOR" } });
    resetIncrementalAnalysis(org.id);
    activitySideLoads.delete(org.id);
    await analyseOrganization(org.id);
    expect(activitySideLoads.get(org.id)).toBe(1);
    await db.serviceLocation.create({ data: { serviceId: service.id, role: "STORAGE", country: "CN" } });
    await bump();
    const afterGraph = await analyseOrganization(org.id);
    expect(activitySideLoads.get(org.id)).toBe(1);
    expect(afterGraph.activities[0]!.analysis.countries).toContain("CN");
    await db.activity.update({ where: { id: activity.id }, data: { name: "Paie renommée" } });
    await bump();
    const afterActivity = await analyseOrganization(org.id);
    expect(activitySideLoads.get(org.id)).toBe(2);
    expect(afterActivity.activities[0]!.name).toBe("Paie renommée");
  });

  it("a dashboard after changes, from reused analyses and rows, equals one computed from scratch", async () => {
    const { db, org, departments, user, vendor, service, activity } = await setup();
    const bump = () => db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
    const other = await db.service.create({ data: { organizationId: org.id, vendorId: vendor.id, name: "Messagerie" } });
    const loc = await db.serviceLocation.create({ data: { serviceId: service.id, role: "STORAGE", country: "FR" } });
    await db.serviceLocation.create({ data: { serviceId: other.id, role: "PROCESSING", country: "US", safeguard: null } });
    await db.activityLink.create({ data: { organizationId: org.id, activityId: activity.id, serviceId: service.id, role: "PROCESSOR" } });
    const second = await createActivity(user.id, org.id, { content: ActivityContentSchema.parse({ name: "Courriels" }), departmentId: departments[0]!.id });
    await db.activityLink.create({ data: { organizationId: org.id, activityId: second.id, serviceId: other.id, role: "PROCESSOR" } });
    await bump();
    const first = await sovereigntyDashboard(org.id);
    await db.serviceLocation.update({ where: { id: loc.id }, data: { country: "CN" } });
    await bump();
    const incremental = await sovereigntyDashboard(org.id);
    expect(incremental).not.toEqual(first);
    resetIncrementalAnalysis(org.id);
    await bump();
    expect(await sovereigntyDashboard(org.id)).toEqual(incremental);
  });
});
