/**
 * The incremental organization analysis (issue 18, ADR 021) must equal a full recomputation after any
 * sequence of changes: vendors, services, locations, providers, links, hosting sites, activities' own
 * transfers, bases and status. Changes here are written straight to the database with the analysis
 * version bumped, as every unit of work does, so that each kind of fact is changed on its own.
 */
import { describe, expect, it } from "vitest";
import { analyseOrganization, lastRecomputed, loadServiceGraph, resetIncrementalAnalysis } from "~/models/sovereignty.server.ts";
import { createActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

const COUNTRIES = ["FR", "DE", "IE", "US", "GB", "CH", "IN", "CN", "CA", "JP"];
const SAFEGUARDS = [null, "SCC_C2P", "BCR"];

describe("incremental sovereignty analysis", () => {
  it("equals a full recomputation after each step of a randomized change sequence", async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const db = getDb();
    const { org, departments } = await createOrg();
    const user = await createUser();
    const vendors: { id: string }[] = [];
    for (let i = 0; i < 8; i++)
      vendors.push(
        await db.vendor.create({ data: { organizationId: org.id, name: `V${i}`, country: pick(COUNTRIES), parentCountry: rnd() < 0.3 ? "US" : null } }),
      );
    const services: string[] = [];
    for (let i = 0; i < 14; i++) {
      const s = await db.service.create({ data: { organizationId: org.id, vendorId: pick(vendors).id, name: `S${i}`, secNumCloudQualified: rnd() < 0.2 } });
      await db.serviceLocation.create({
        data: { serviceId: s.id, role: "STORAGE", country: pick(COUNTRIES), providerServiceId: services.length && rnd() < 0.6 ? pick(services) : null },
      });
      services.push(s.id);
    }
    const site = await db.hostingSite.create({ data: { organizationId: org.id, name: "Salle serveur", country: "FR" } });
    const activities: string[] = [];
    for (let i = 0; i < 30; i++) {
      const content = ActivityContentSchema.parse({
        name: `Traitement ${i}`,
        transfers: rnd() < 0.3 ? [{ country: pick(COUNTRIES), recipient: "Destinataire", safeguard: pick(["scc", "none", "adequacy"] as const) }] : [],
      });
      const a = await createActivity(user.id, org.id, { content, departmentId: departments[0]!.id });
      activities.push(a.id);
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++)
        await db.activityLink.create({ data: { organizationId: org.id, activityId: a.id, serviceId: pick(services), role: "PROCESSOR" } });
    }
    const bump = () => db.organization.update({ where: { id: org.id }, data: { analysisVersion: { increment: 1 } } });
    const changes: (() => Promise<unknown>)[] = [
      () => db.vendor.update({ where: { id: pick(vendors).id }, data: { country: pick(COUNTRIES) } }),
      () => db.vendor.update({ where: { id: pick(vendors).id }, data: { parentCountry: pick([null, "US", "CN", "FR"]) } }),
      () => db.vendor.update({ where: { id: pick(vendors).id }, data: { dpfCertified: pick([null, true, false]) } }),
      () => db.service.update({ where: { id: pick(services) }, data: { secNumCloudQualified: rnd() < 0.5, nonEuAccess: pick([null, true, false]) } }),
      async () => {
        const loc = await db.serviceLocation.findFirst({ where: { serviceId: pick(services) } });
        if (loc)
          await db.serviceLocation.update({ where: { id: loc.id }, data: { country: pick(COUNTRIES), safeguard: pick(SAFEGUARDS), tiaDone: rnd() < 0.5 } });
      },
      async () => {
        // A new provider edge (possibly a cycle) or its removal.
        const loc = await db.serviceLocation.findFirst({ where: { serviceId: pick(services) } });
        if (loc) await db.serviceLocation.update({ where: { id: loc.id }, data: { providerServiceId: rnd() < 0.7 ? pick(services) : null } });
      },
      () => db.serviceLocation.create({ data: { serviceId: pick(services), role: pick(["SUPPORT", "BACKUP", "PROCESSING"]), country: pick(COUNTRIES) } }),
      () => db.activityLink.create({ data: { organizationId: org.id, activityId: pick(activities), serviceId: pick(services), role: "SUB_PROCESSOR" } }),
      () => db.activityLink.create({ data: { organizationId: org.id, activityId: pick(activities), siteId: site.id, role: "HOSTING" } }),
      async () => {
        const l = await db.activityLink.findFirst({ where: { activityId: pick(activities) } });
        if (l) await db.activityLink.delete({ where: { id: l.id } });
      },
      () => db.hostingSite.update({ where: { id: site.id }, data: { country: pick(["FR", "DE", "US"]) } }),
      () =>
        db.activity.update({
          where: { id: pick(activities) },
          data: {
            content: JSON.stringify(
              ActivityContentSchema.parse({
                name: "Modifié",
                transfers: [{ country: pick(COUNTRIES), recipient: "R", safeguard: pick(["scc", "none", "adequacy"] as const) }],
              }),
            ),
          },
        }),
      () =>
        db.activity.update({ where: { id: pick(activities) }, data: { legalBases: pick(["|", "|e_public_interest|", "|c|"]), regime: pick(["GDPR", "LED"]) } }),
      () => db.activity.update({ where: { id: pick(activities) }, data: { status: pick(["ARCHIVED", "DRAFT", "APPROVED"]) } }),
      async () => {
        const s = await db.service.create({ data: { organizationId: org.id, vendorId: pick(vendors).id, name: `S${services.length}` } });
        services.push(s.id);
      },
    ];
    resetIncrementalAnalysis(org.id);
    let reused = 0;
    for (let step = 0; step < 60; step++) {
      await pick(changes)();
      await bump();
      const incremental = await analyseOrganization(org.id);
      const full = await analyseOrganization(org.id, { graph: await loadServiceGraph(org.id) });
      expect(incremental, `step ${step}`).toEqual(full);
      reused += incremental.activities.length - lastRecomputed.get(org.id)!;
    }
    // The point of it: most steps recompute a few activities, not all of them.
    expect(reused).toBeGreaterThan(0);
  }, 120_000);
});
