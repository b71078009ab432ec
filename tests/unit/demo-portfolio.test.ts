/**
 * Issue 14: the demo's shared DPO service, its 12 members and their group, seen through the portfolio;
 * the service's shared catalogue, the members' subscriptions and links, and the payroll vendor's sale to
 * a US group, propagated to its subscribers (ADR 020, ADR 026).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { filterAndSort, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { compareLevels } from "~/analysis/sovereignty.ts";
import { DEMO_GROUP_NAME, DEMO_MEMBERS, DEMO_SERVICE, DEMO_SHARED_DPO } from "~/demo/portfolio.ts";
import { AZUREL, CANTINE, CDG_PAIE, CIVITELIS, DEMO_ACQUISITION, GARRIGUE, GEOCONCESSION, HORIZON, HORIZON_PAIE } from "~/demo/portfolio-catalogue.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { listExposureChanges, listGrants } from "~/models/catalogue.server.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { seedDemoPortfolio } from "~/models/demo-portfolio.server.ts";
import { listGroups } from "~/models/organization-group.server.ts";
import { portfolioRows } from "~/models/portfolio.server.ts";
import { analyseOrganization } from "~/models/sovereignty.server.ts";
import { changedActivities } from "~/models/portfolio-changes.server.ts";
import { canOnboardOrganizations, canSeeExposureChanges } from "~/policies/portfolio.ts";
import { getDb } from "~/utils/db.server.ts";
import { isValidSiren } from "~/utils/validation.ts";

let sharedDpo: string;
let serviceOrgId: string;
const orgIds = new Map<string, string>();
const PAIE = "Paie des agents et des élus, déclarations sociales";
const CARRIERES = "Gestion des carrières et dossier individuel des agents";
/** The payroll vendor's subscribers: every one is told of the sale. */
const HORIZON_SUBSCRIBERS = [
  "anduze-demo",
  "aniane-demo",
  "castelnau-demo",
  "cc-pays-de-demo",
  "ccas-saint-martin-demo",
  "saint-martin-demo",
  "villeneuve-demo",
];
/** Those whose worst exposure level moved (Aniane's was already worse; Anduze has no activity yet). */
const CHANGED = ["castelnau-demo", "cc-pays-de-demo", "ccas-saint-martin-demo", "saint-martin-demo", "villeneuve-demo"];

beforeAll(async () => {
  await seedDemo("demo-password-123");
  await seedDemoPortfolio("demo-password-123");
  sharedDpo = (await getDb().user.findUniqueOrThrow({ where: { email: DEMO_SHARED_DPO.email } })).id;
  serviceOrgId = (await getDb().organization.findUniqueOrThrow({ where: { slug: DEMO_SERVICE.slug } })).id;
  for (const o of await getDb().organization.findMany({ select: { id: true, slug: true } })) orgIds.set(o.slug, o.id);
}, 120_000);

const slugOf = (id: string) => [...orgIds].find(([, v]) => v === id)![0];

describe("demo DPO service", () => {
  it("12 members of the required kinds, with valid SIRENs", async () => {
    expect(DEMO_MEMBERS).toHaveLength(12);
    const kinds = DEMO_MEMBERS.map((m) => m.kind);
    expect(kinds.filter((k) => k === "epci")).toHaveLength(1);
    expect(kinds.filter((k) => k === "ccas")).toHaveLength(2);
    expect(new Set(DEMO_MEMBERS.map((m) => m.register.length)).size).toBeGreaterThan(5);
    const orgs = await getDb().organization.findMany({ where: { slug: { in: DEMO_MEMBERS.map((m) => m.slug) } } });
    expect(orgs).toHaveLength(12);
    for (const o of orgs) expect(isValidSiren(o.siren!), o.slug).toBe(true);
  });

  it("the shared DPO's portfolio shows the service and its 12 members; the existing demo DPO keeps their two and the shared catalogue's DPO service", async () => {
    const now = new Date();
    const rows = await portfolioRows(sharedDpo, now);
    expect(rows).toHaveLength(13);
    const byslug = new Map(rows.map((r) => [r.slug, r]));
    const soon = now.getTime() + 30 * 86_400_000;
    for (const m of DEMO_MEMBERS) {
      const contracts = [...Object.values(m.shared), ...Object.values(m.private)].map((c) => c!);
      expect(byslug.get(m.slug)!.activities, m.slug).toBe(m.register.length);
      expect(byslug.get(m.slug)!.status.APPROVED, m.slug).toBe(m.approved);
      // Private vendors' contracts and the member's own contracts with the shared vendors.
      expect(byslug.get(m.slug)!.dpaMissing, m.slug).toBe(contracts.filter((c) => c.status === "NONE" || c.status === "REQUESTED").length);
      expect(byslug.get(m.slug)!.dpaDue, m.slug).toBe(contracts.filter((c) => c.status === "SIGNED" && Date.parse(c.nextReview) < soon).length);
    }
    // Spelled out, so that a change of the demo data shows here: missing and due contracts.
    expect(Object.fromEntries(rows.map((r) => [r.slug, [r.dpaMissing, r.dpaDue]]))).toEqual({
      [DEMO_SERVICE.slug]: [0, 0],
      "cc-pays-de-demo": [0, 1],
      "saint-martin-demo": [2, 0],
      "villeneuve-demo": [1, 1],
      "castelnau-demo": [1, 0],
      "le-puech-demo": [1, 0],
      "les-garrigues-demo": [0, 1],
      "ccas-saint-martin-demo": [0, 0],
      "ccas-villeneuve-demo": [1, 0],
      "aniane-demo": [0, 0],
      "bessan-demo": [1, 0],
      "sauve-demo": [2, 0],
      "anduze-demo": [2, 0],
    });
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

describe("the DPO service's shared catalogue", () => {
  it("is kept by the syndicat (a dpo_service), shared, and granted to its 12 members", async () => {
    const vendors = await getDb().vendor.findMany({ where: { organizationId: serviceOrgId }, orderBy: { name: "asc" } });
    expect(vendors.map((v) => [v.name, v.shared])).toEqual([
      [AZUREL, true],
      [CIVITELIS, true],
      [GARRIGUE, true],
      [HORIZON, true],
    ]);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: serviceOrgId } })).kind).toBe("dpo_service");
    expect((await listGrants(serviceOrgId)).map((g) => g.slug).sort()).toEqual(DEMO_MEMBERS.map((m) => m.slug).sort());
    // The suite runs on the regional hoster: a sub-processor chain inside the catalogue.
    const civitelis = await getDb().service.findMany({
      where: { vendor: { name: CIVITELIS, organizationId: serviceOrgId } },
      include: { locations: { include: { providerService: { include: { vendor: true } } } } },
    });
    expect(civitelis).toHaveLength(3);
    for (const s of civitelis)
      expect(
        s.locations.some((l) => l.role === "STORAGE" && l.providerService?.vendor.name === GARRIGUE),
        s.name,
      ).toBe(true);
  });

  it("every member subscribes to the vendors it uses, with its own contract, and keeps its private vendors", async () => {
    const subs = await getDb().vendorSubscription.findMany({ include: { vendor: { select: { name: true, organizationId: true } } } });
    const bySlug = (slug: string) =>
      subs
        .filter((s) => s.organizationId === orgIds.get(slug))
        .map((s) => [s.vendor.name, s.dpaStatus])
        .sort();
    expect(subs.every((s) => s.vendor.organizationId === serviceOrgId || slugOf(s.organizationId) === "ville-demo")).toBe(true);
    expect(bySlug("cc-pays-de-demo")).toEqual([
      [AZUREL, "SIGNED"],
      [CIVITELIS, "SIGNED"],
      [HORIZON, "SIGNED"],
    ]);
    expect(bySlug("saint-martin-demo")).toEqual([
      [AZUREL, "NONE"],
      [CIVITELIS, "SIGNED"],
      [HORIZON, "REQUESTED"],
    ]);
    expect(bySlug("le-puech-demo")).toEqual([[CIVITELIS, "NONE"]]);
    expect(bySlug("anduze-demo")).toEqual([
      [CIVITELIS, "NONE"],
      [HORIZON, "NONE"],
    ]);
    for (const m of DEMO_MEMBERS) {
      expect(
        bySlug(m.slug).map(([name]) => name),
        m.slug,
      ).toEqual(Object.keys(m.shared).sort());
      expect(bySlug(m.slug).length, `${m.slug} uses the catalogue`).toBeGreaterThan(0);
    }
    const signed = subs.find((s) => s.organizationId === orgIds.get("cc-pays-de-demo") && s.vendor.name === HORIZON)!;
    expect([signed.dpaReference, signed.dpaSignedAt?.toISOString().slice(0, 10), signed.dpaNextReview?.toISOString().slice(0, 10)]).toEqual([
      "CCPD-2024-042",
      "2024-09-15",
      "2026-10-31",
    ]);
    const own = await getDb().vendor.findMany({ where: { organizationId: { in: DEMO_MEMBERS.map((m) => orgIds.get(m.slug)!) } } });
    expect(own.map((v) => `${slugOf(v.organizationId)}: ${v.name} (${v.dpaStatus})`).sort()).toEqual([
      `bessan-demo: ${CDG_PAIE} (NONE)`,
      `le-puech-demo: ${CDG_PAIE} (SIGNED)`,
      `saint-martin-demo: ${GEOCONCESSION} (SIGNED)`,
      `sauve-demo: ${CDG_PAIE} (SIGNED)`,
      `sauve-demo: ${GEOCONCESSION} (NONE)`,
      `villeneuve-demo: ${CANTINE} (NONE)`,
    ]);
  });

  it("the members' activities use the shared services, which their analysis reads", async () => {
    const links = await getDb().activityLink.findMany({
      where: { organizationId: { in: DEMO_MEMBERS.map((m) => orgIds.get(m.slug)!) } },
      include: { activity: { select: { name: true } }, service: { include: { vendor: true } } },
    });
    const shared = (slug: string) => links.filter((l) => l.organizationId === orgIds.get(slug) && l.service?.vendor.organizationId === serviceOrgId).length;
    expect(Object.fromEntries(DEMO_MEMBERS.map((m) => [m.slug, shared(m.slug)]))).toEqual({
      "cc-pays-de-demo": 5,
      "saint-martin-demo": 6,
      "villeneuve-demo": 6,
      "castelnau-demo": 4,
      "le-puech-demo": 2,
      "les-garrigues-demo": 2,
      "ccas-saint-martin-demo": 4,
      "ccas-villeneuve-demo": 2,
      "aniane-demo": 5,
      "bessan-demo": 2,
      "sauve-demo": 1,
      "anduze-demo": 0,
    });
    const payroll = (slug: string) => links.find((l) => l.organizationId === orgIds.get(slug) && l.activity.name === PAIE)!;
    expect(payroll("castelnau-demo").service!.name).toBe(HORIZON_PAIE.service);
    // A commune not subscribed to the payroll SaaS keeps its payroll with the centre de gestion.
    expect(payroll("le-puech-demo").service!.vendor.name).toBe(CDG_PAIE);
    expect(payroll("le-puech-demo").service!.vendor.organizationId).toBe(orgIds.get("le-puech-demo"));

    const { activities } = await analyseOrganization(orgIds.get("castelnau-demo")!);
    expect(Object.fromEntries(activities.map((a) => [a.name, a.analysis.level]))).toEqual({
      "Tenue des registres de l'état civil": "eu",
      "Gestion des listes électorales": "eu",
      [PAIE]: "foreign_law",
      "Gestion des cimetières et des concessions funéraires": "eu",
      "Instruction des autorisations d'urbanisme": "unknown",
    });
  });
});

describe("the payroll vendor's sale to a US group, propagated on the demo's start", () => {
  it("is on the vendor, as one recorded change of its parent company", async () => {
    const vendor = await getDb().vendor.findFirstOrThrow({ where: { organizationId: serviceOrgId, name: HORIZON } });
    expect([vendor.country, vendor.parentName, vendor.parentCountry]).toEqual(["FR", DEMO_ACQUISITION.parent.name, "US"]);
    const changes = await getDb().catalogueChange.findMany({ where: { ownerOrgId: serviceOrgId } });
    expect(changes.map((c) => [c.vendorName, JSON.parse(c.fields)])).toEqual([[HORIZON, ["parentName", "parentCountry"]]]);
    expect(JSON.parse(changes[0]!.before).vendor.parentCountry).toBeNull();
  });

  it("reached exactly the vendor's subscribers: one impact each, a notification for their DPO, an audit event", async () => {
    const change = await getDb().catalogueChange.findFirstOrThrow({ where: { ownerOrgId: serviceOrgId } });
    const impacts = await getDb().catalogueImpact.findMany({ where: { changeId: change.id } });
    expect(impacts.map((i) => slugOf(i.organizationId)).sort()).toEqual(HORIZON_SUBSCRIBERS);
    const notifications = await getDb().notification.findMany({ where: { kind: "catalogue.vendor_changed" } });
    // The shared DPO is the only DPO/ADMIN of the members; nobody else was told anything.
    expect(notifications.map((n) => [slugOf(n.organizationId), n.userId === sharedDpo]).sort()).toEqual(HORIZON_SUBSCRIBERS.map((s) => [s, true]));
    for (const n of notifications) expect(JSON.parse(n.params)).toEqual({ vendor: HORIZON, fields: ["parentName", "parentCountry"] });
    const audited = await getDb().auditEvent.findMany({ where: { action: "catalogue.vendor_changed" }, select: { organizationId: true } });
    expect(audited.map((e) => slugOf(e.organizationId!)).sort()).toEqual([DEMO_SERVICE.slug, ...HORIZON_SUBSCRIBERS].sort());
  });

  it("moved exactly the payroll activities of the subscribers from EU to foreign law", async () => {
    const changes = await listExposureChanges([...orgIds.values()], new Date(0));
    expect(Object.fromEntries(changes.map((c) => [slugOf(c.organizationId), c.activities.map((a) => `${a.name}: ${a.before} → ${a.after}`).sort()]))).toEqual({
      "cc-pays-de-demo": [`${CARRIERES}: eu → foreign_law`, `${PAIE}: eu → foreign_law`],
      "saint-martin-demo": [`${PAIE}: eu → foreign_law`],
      "villeneuve-demo": [`${PAIE}: eu → foreign_law`],
      "castelnau-demo": [`${PAIE}: eu → foreign_law`],
      "ccas-saint-martin-demo": [`${PAIE}: eu → foreign_law`],
      "aniane-demo": [`${PAIE}: eu → foreign_law`],
      "anduze-demo": [],
    });
  });

  it("the portfolio's changed filter shows exactly the organizations whose exposure got worse, and keeps showing them", async () => {
    for (let read = 0; read < 2; read++) {
      const rows = await portfolioRows(sharedDpo);
      const changed = filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("changed=1&sort=name&dir=asc")));
      expect(changed.map((r) => r.slug).sort()).toEqual(CHANGED);
      for (const r of changed) {
        expect([r.previousExposure, r.exposure], r.slug).toEqual(["eu", "foreign_law"]);
        expect(compareLevels(r.exposure, r.previousExposure!), r.slug).toBeGreaterThan(0);
      }
      // Told, but its worst level was already a transfer under safeguards: not a change of the organization's exposure.
      const aniane = rows.find((r) => r.slug === "aniane-demo")!;
      expect([aniane.exposure, aniane.exposureChangedAt]).toEqual(["safeguarded_transfer", null]);
    }
  });

  it("the portfolio names, for each changed organization, the activities the sale moved", async () => {
    const rows = await portfolioRows(sharedDpo);
    const byOrg = await changedActivities(rows);
    expect(Object.fromEntries([...byOrg].map(([id, list]) => [slugOf(id), list.map((a) => `${a.name}: ${a.before} → ${a.after}`)]))).toEqual({
      // Worst level first, then by reference (the register order: the payroll activity is T-0001).
      "cc-pays-de-demo": [`${PAIE}: eu → foreign_law`, `${CARRIERES}: eu → foreign_law`],
      "saint-martin-demo": [`${PAIE}: eu → foreign_law`],
      "villeneuve-demo": [`${PAIE}: eu → foreign_law`],
      "castelnau-demo": [`${PAIE}: eu → foreign_law`],
      "ccas-saint-martin-demo": [`${PAIE}: eu → foreign_law`],
    });
    // Outside the window before the row's change, an impact explains nothing.
    const cc = rows.find((r) => r.slug === "cc-pays-de-demo")!;
    const later = new Date(Date.parse(cc.exposureChangedAt!) + 31 * 86_400_000).toISOString();
    expect((await changedActivities([{ id: cc.id, exposureChangedAt: later }])).size).toBe(0);
    expect((await changedActivities([{ id: cc.id, exposureChangedAt: null }])).size).toBe(0);
    // Told to the organizations' ADMINs and DPOs, as their notifications are.
    expect(["ADMIN", "DPO", "EDITOR", "VIEWER"].map((r) => canSeeExposureChanges(r as "ADMIN"))).toEqual([true, true, false, false]);
  });

  it("leaves the demo city alone and the audit chain intact", async () => {
    const city = orgIds.get("ville-demo")!;
    expect(await getDb().catalogueImpact.count({ where: { organizationId: city } })).toBe(0);
    expect(await getDb().notification.count({ where: { organizationId: city, kind: "catalogue.vendor_changed" } })).toBe(0);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
