/** Issue 14: the demo's shared DPO service, its 12 members and their group, seen through the portfolio. */
import { beforeAll, describe, expect, it } from "vitest";
import { filterAndSort, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { DEMO_GROUP_NAME, DEMO_MEMBERS, DEMO_SHARED_DPO } from "~/demo/portfolio.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { seedDemoPortfolio } from "~/models/demo-portfolio.server.ts";
import { listGroups } from "~/models/organization-group.server.ts";
import { portfolioRows } from "~/models/portfolio.server.ts";
import { canOnboardOrganizations } from "~/policies/portfolio.ts";
import { getDb } from "~/utils/db.server.ts";
import { isValidSiren } from "~/utils/validation.ts";

let sharedDpo: string;

beforeAll(async () => {
  await seedDemo("demo-password-123");
  await seedDemoPortfolio("demo-password-123");
  sharedDpo = (await getDb().user.findUniqueOrThrow({ where: { email: DEMO_SHARED_DPO.email } })).id;
}, 120_000);

describe("demo DPO service", () => {
  it("12 members of the required kinds, with valid SIRENs", async () => {
    expect(DEMO_MEMBERS).toHaveLength(12);
    const kinds = DEMO_MEMBERS.map((m) => m.kind);
    expect(kinds.filter((k) => k === "epci")).toHaveLength(1);
    expect(kinds.filter((k) => k === "ccas")).toHaveLength(2);
    expect(new Set(DEMO_MEMBERS.map((m) => m.activities)).size).toBeGreaterThan(5);
    const orgs = await getDb().organization.findMany({ where: { slug: { in: DEMO_MEMBERS.map((m) => m.slug) } } });
    expect(orgs).toHaveLength(12);
    for (const o of orgs) expect(isValidSiren(o.siren!), o.slug).toBe(true);
  });

  it("the shared DPO's portfolio shows the service and its 12 members; the existing demo DPO keeps their two and the shared catalogue's DPO service", async () => {
    const rows = await portfolioRows(sharedDpo);
    expect(rows).toHaveLength(13);
    const byslug = new Map(rows.map((r) => [r.slug, r]));
    for (const m of DEMO_MEMBERS) {
      expect(byslug.get(m.slug)!.activities, m.slug).toBe(m.activities);
      expect(byslug.get(m.slug)!.status.APPROVED, m.slug).toBe(m.approved);
      expect(byslug.get(m.slug)!.dpaMissing, m.slug).toBe(m.vendorsWithoutDpa);
    }
    const dpo = await getDb().user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
    expect((await portfolioRows(dpo.id)).map((r) => r.slug).sort()).toEqual(["ccas-demo", "service-dpo-demo", "ville-demo"]);
    expect(canOnboardOrganizations(rows.map((r) => ({ role: r.role, kind: r.kind })))).toBe(true);
  });

  it("one group, the intercommunalité with its communes and CCAS, filters the portfolio", async () => {
    const groups = await listGroups(sharedDpo);
    expect(groups.map((g) => g.name)).toEqual([DEMO_GROUP_NAME]);
    const rows = filterAndSort(await portfolioRows(sharedDpo), parsePortfolioQuery(new URLSearchParams(`group=${groups[0]!.id}`)));
    expect(rows.map((r) => r.slug).sort()).toEqual(
      DEMO_MEMBERS.filter((m) => m.inGroup)
        .map((m) => m.slug)
        .sort(),
    );
  });
});
