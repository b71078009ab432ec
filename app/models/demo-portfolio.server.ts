/**
 * The demo's shared DPO service (issue 14, ADR 019): the service, its 12 member organizations with
 * registers of different sizes, the shared DPO's account and one group. Replayed through the domain
 * functions like the rest of the demo.
 */
import { DEMO_ACTIVITIES } from "~/demo/activities.ts";
import { DEMO_GROUP_NAME, DEMO_MEMBERS, DEMO_SERVICE, DEMO_SHARED_DPO, demoMemberSiren } from "~/demo/portfolio.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { createActivityInUnit, transitionActivityInUnit } from "./activity.server.ts";
import { createGroup, updateGroup } from "./organization-group.server.ts";
import { dbReady } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import type { VendorInput } from "./vendor.server.ts";

const vendor = (name: string, signed: boolean): VendorInput => ({
  name,
  legalName: null,
  registrationNumber: null,
  website: null,
  country: "FR",
  parentName: null,
  parentCountry: null,
  contactName: null,
  contactEmail: null,
  hdsActivities: null,
  hdsExpiry: null,
  iso27001Expiry: null,
  dpfCertified: null,
  dpfCheckedAt: null,
  dpaStatus: signed ? "SIGNED" : "NONE",
  dpaSignedAt: signed ? new Date("2025-01-15") : null,
  dpaReference: null,
  dpaNextReview: signed ? new Date("2027-01-15") : null,
  notes: null,
});

const VENDORS = ["Suite mairie Démo", "Paie en ligne Démo", "Messagerie Démo"];

/**
 * Run by the demo command after seedDemo (kept apart so the demo city seeds as fast as before); the
 * shared DPO has their own account, so the demo city's accounts keep their two organizations.
 */
export async function seedDemoPortfolio(password: string) {
  await dbReady();
  const passwordHash = await hashPassword(password);
  const seeded = await unitOfWork({ actorId: null, organizationId: null }, async ({ tx, ...w }) => {
    const user = await tx.user.create({ data: { email: DEMO_SHARED_DPO.email, name: DEMO_SHARED_DPO.name, passwordHash, locale: null } });
    const service = await tx.organization.create({
      data: { ...DEMO_SERVICE, dpoName: DEMO_SHARED_DPO.name, dpoEmail: DEMO_SHARED_DPO.email, defaultLocale: "fr" },
    });
    await tx.membership.create({ data: { userId: user.id, organizationId: service.id, role: "ADMIN" } });
    const members: { id: string; slug: string }[] = [];
    for (const [i, m] of DEMO_MEMBERS.entries()) {
      const org = await tx.organization.create({
        data: {
          slug: m.slug,
          name: m.name,
          siren: demoMemberSiren(i),
          kind: m.kind,
          departmentCode: m.departmentCode,
          headcount: m.headcount || null,
          dpoName: DEMO_SHARED_DPO.name,
          dpoEmail: DEMO_SHARED_DPO.email,
          defaultLocale: "fr",
        },
      });
      await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });
      w.audit("demo.seeded", "Organization", org.id, { service: service.slug }, { organizationId: org.id, actorId: user.id });
      members.push({ id: org.id, slug: org.slug });
    }
    w.audit("demo.seeded", "Organization", service.id, { members: members.length }, { organizationId: service.id, actorId: user.id });
    return { userId: user.id, service, members };
  });
  const contents = DEMO_ACTIVITIES.map((a) => ActivityContentSchema.parse(a.content));
  // One unit of work per organization (not one per activity): the whole service seeds in a few seconds.
  for (const [i, m] of DEMO_MEMBERS.entries()) {
    const orgId = seeded.members[i]!.id;
    if (m.activities === 0) continue;
    await unitOfWork({ actorId: seeded.userId, organizationId: orgId }, async (w) => {
      for (let k = 0; k < m.activities; k++) {
        const a = await createActivityInUnit(w, seeded.userId, orgId, { content: contents[(i * 3 + k) % contents.length]!, departmentId: null });
        if (k < m.approved) {
          const submitted = await transitionActivityInUnit(w, seeded.userId, orgId, a.id, a.revision, "submit");
          await transitionActivityInUnit(w, seeded.userId, orgId, a.id, submitted.revision, "approve");
        }
      }
      for (const [v, name] of VENDORS.entries()) {
        const row = await w.tx.vendor.create({ data: { ...vendor(name, v >= m.vendorsWithoutDpa), organizationId: orgId } });
        w.audit("vendor.created", "Vendor", row.id, { name });
      }
      w.analysisChanged();
    });
  }
  const group = await createGroup(seeded.userId, DEMO_GROUP_NAME);
  await updateGroup(seeded.userId, group.id, group.version, {
    name: DEMO_GROUP_NAME,
    organizationIds: DEMO_MEMBERS.flatMap((m, i) => (m.inGroup ? [seeded.members[i]!.id] : [])),
  });
  return seeded;
}
