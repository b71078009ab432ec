import { beforeAll, describe, expect, it } from "vitest";
import { EXPOSURE_LEVELS, type ExposureLevel } from "~/analysis/sovereignty.ts";
import { DEMO_ACTIVITIES } from "~/demo/activities.ts";
import { checkDemoVendors, DEMO_EMAIL_ACTIVITY, DEMO_LINKS, DEMO_SERVER_ROOM, DEMO_VENDORS, DEMO_WHAT_IF } from "~/demo/vendors.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { analyseOrganization, whatIf, type OrganizationAnalysis } from "~/models/sovereignty.server.ts";
import { getDb } from "~/utils/db.server.ts";

let orgId: string;
let analysis: OrganizationAnalysis;

beforeAll(async () => {
  const { org } = await seedDemo("demo-password-123");
  orgId = org.id;
  analysis = await analyseOrganization(orgId);
});

const levelOf = (name: string) => analysis.activities.find((a) => a.name === name)?.analysis.level;

describe("the demo vendor data module", () => {
  it("is consistent: unique names, known countries and roles, every reference resolvable", () => {
    expect(() => checkDemoVendors()).not.toThrow();
    const names = new Set(DEMO_ACTIVITIES.map((a) => String(a.content.name)));
    for (const name of Object.keys(DEMO_LINKS)) expect(names, name).toContain(name);
  });

  it("marks every fictitious company, and uses only .example domains for them", () => {
    for (const v of DEMO_VENDORS.filter((x) => x.fictitious)) {
      expect(v.notes, v.name).toMatch(/fictive/);
      if (v.website) expect(new URL(v.website).hostname, v.name).toMatch(/\.example$/);
    }
  });
});

describe("seedDemo with vendors", () => {
  it("seeds at least 20 vendors with services, locations and audit events", async () => {
    const db = getDb();
    expect(await db.vendor.count({ where: { organizationId: orgId } })).toBeGreaterThanOrEqual(20);
    expect(await db.vendor.count({ where: { organizationId: orgId } })).toBe(DEMO_VENDORS.length);
    expect(await db.service.count({ where: { organizationId: orgId } })).toBe(DEMO_VENDORS.reduce((n, v) => n + v.services.length, 0));
    const events = await db.auditEvent.groupBy({ by: ["action"], where: { organizationId: orgId }, _count: { _all: true } });
    const count = Object.fromEntries(events.map((e) => [e.action, e._count._all]));
    expect(count["vendor.created"]).toBe(DEMO_VENDORS.length);
    for (const action of ["service.created", "service.location_added", "hosting_site.created", "activity.linked"])
      expect(count[action], action).toBeGreaterThan(0);
  });

  it("has a SecNumCloud-qualified service, DPA statuses of every kind and an overdue DPA review", async () => {
    const db = getDb();
    expect(await db.service.count({ where: { organizationId: orgId, secNumCloudQualified: true, secNumCloudDate: { not: null } } })).toBeGreaterThanOrEqual(1);
    const vendors = await db.vendor.findMany({ where: { organizationId: orgId } });
    const statuses = new Set(vendors.map((v) => v.dpaStatus));
    for (const s of ["SIGNED", "REQUESTED", "NONE", "NOT_REQUIRED"]) expect(statuses, s).toContain(s);
    expect(vendors.some((v) => v.dpaNextReview && v.dpaNextReview < new Date())).toBe(true);
    expect(vendors.some((v) => v.hdsExpiry && v.hdsActivities)).toBe(true);
    // A US vendor with DPF certification, and one without.
    expect(vendors.some((v) => v.country === "US" && v.dpfCertified === true && v.dpfCheckedAt)).toBe(true);
    expect(vendors.some((v) => v.country === "US" && v.dpfCertified === false)).toBe(true);
  });

  it("builds a sub-processor chain of at least three levels", () => {
    const chains = analysis.activities.flatMap((a) => a.analysis.reach.map((r) => r.chain));
    expect(chains.some((c) => c.length >= 3)).toBe(true);
  });

  it("links the town hall's server room to activities", async () => {
    const links = await getDb().activityLink.count({ where: { organizationId: orgId, site: { name: DEMO_SERVER_ROOM } } });
    expect(links).toBeGreaterThanOrEqual(3);
    const roll = analysis.activities.find((a) => a.name === "Gestion des listes électorales")!;
    expect(roll.analysis.reach.some((r) => r.ownHosting)).toBe(true);
    expect(roll.analysis.level).toBe("eu");
  });

  it("spreads the activities over every exposure level", () => {
    const byLevel = new Map<ExposureLevel, string[]>();
    for (const a of analysis.activities) byLevel.set(a.analysis.level, [...(byLevel.get(a.analysis.level) ?? []), a.name]);
    for (const level of EXPOSURE_LEVELS.filter((l) => l !== "unknown")) expect(byLevel.get(level)?.length ?? 0, level).toBeGreaterThanOrEqual(1);
    // The activities without any link or declared transfer: the register still has to document them.
    const unknown = byLevel.get("unknown") ?? [];
    expect(unknown.length).toBe(analysis.activities.filter((a) => !Object.hasOwn(DEMO_LINKS, a.name)).length);
    expect(unknown.length).toBeLessThanOrEqual(6);
  });

  it("tells the transfer stories: SCCs with a TIA, a missing safeguard, an uncertified US vendor", () => {
    const transfers = analysis.activities.flatMap((a) => a.analysis.transfers.map((t) => ({ ...t, activity: a.name })));
    expect(transfers.some((t) => t.country === "MA" && t.status === "safeguarded" && !t.tiaMissing)).toBe(true);
    expect(transfers.some((t) => t.country === "IN" && t.status === "missing")).toBe(true);
    expect(transfers.some((t) => t.country === "US" && t.status === "not_certified")).toBe(true);
    expect(transfers.some((t) => t.country === "US" && t.status === "adequate_certified")).toBe(true);
  });

  // Issue 10 point 3: DPF only on US organisations; each transfer judged on (and counted for) its real recipient.
  it("records DPF only on US vendors and judges the Microsoft 365 support transfer on Microsoft Corporation, once", async () => {
    const vendors = await getDb().vendor.findMany({ where: { organizationId: orgId, dpfCertified: { not: null } }, select: { country: true } });
    expect(vendors.every((v) => v.country === "US")).toBe(true);
    const mail = analysis.activities.find((a) => a.name === DEMO_EMAIL_ACTIVITY)!;
    const us = mail.analysis.transfers.filter((t) => t.country === "US");
    expect(us).toEqual([expect.objectContaining({ recipient: "Microsoft Corporation", status: "adequate_certified" })]);
  });

  it("puts e-mail on Microsoft 365: stored in France, yet under US law", () => {
    const mail = analysis.activities.find((a) => a.name === DEMO_EMAIL_ACTIVITY)!;
    expect(mail.analysis.level).toBe("foreign_law");
    expect(mail.analysis.reach.some((r) => r.role === "STORAGE" && r.country === "FR")).toBe(true);
    expect(mail.analysis.exposure).toEqual(expect.arrayContaining([expect.objectContaining({ jurisdiction: "US", via: "parent", shielded: false })]));
  });

  it("what-if: moving from Microsoft to the EU alternative brings e-mail back to the EU", async () => {
    const db = getDb();
    const microsoft = await db.vendor.findFirstOrThrow({ where: { organizationId: orgId, name: DEMO_WHAT_IF.fromVendor } });
    const target = await db.service.findFirstOrThrow({
      where: { organizationId: orgId, name: DEMO_WHAT_IF.to.service, vendor: { name: DEMO_WHAT_IF.to.vendor } },
    });
    // The alternative is not in use yet.
    expect(await db.activityLink.count({ where: { serviceId: target.id } })).toBe(0);
    const rows = await whatIf(orgId, { vendorId: microsoft.id }, target.id);
    const mail = rows.find((r) => r.name === DEMO_EMAIL_ACTIVITY)!;
    expect(mail.before.level).toBe("foreign_law");
    expect(["eu", "adequate"]).toContain(mail.after.level);
    expect(mail.after.jurisdictions).toEqual([]);
    expect(mail.change).toBeLessThan(0);
    // The council's retransmission stays on YouTube: moving e-mail does not settle it.
    const council = rows.find((r) => r.name.startsWith("Conseil municipal"));
    expect(council?.after.level).toBe("foreign_law");
  });

  it("keeps the audit chain valid", async () => {
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
  });

  it("leaves other levels as designed", () => {
    // Issue 10 point 4: support in Canada by a French editor is covered only if the Canadian recipient is under PIPEDA: to verify.
    expect(levelOf("Réseau intercommunal de lecture publique : inscriptions et prêts")).toBe("to_verify");
    expect(levelOf("Archives municipales : collecte, conservation et communication")).toBe("derogation");
    expect(levelOf("Gestion des carrières et dossier individuel des agents")).toBe("safeguarded_transfer");
    expect(levelOf("Gestion du parc informatique et assistance aux utilisateurs")).toBe("unsafeguarded_transfer");
    expect(levelOf("Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)")).toBe("eu");
  });
});
