/**
 * The demo's shared DPO service (issue 14, ADR 019, ADR 026): the service, its 12 member organizations
 * with registers of different sizes, the shared DPO's account and one group; the service's shared
 * catalogue (app/demo/portfolio-catalogue.ts), to which the members subscribe with their own contracts
 * and which their activities use; then the payroll vendor's sale to a US group, recorded on the vendor
 * as its page would, so that the propagation's impacts, notifications and portfolio changes are there
 * on a fresh start. Replayed through the domain functions like the rest of the demo.
 */
import { DEMO_ACTIVITIES } from "~/demo/activities.ts";
import { DEMO_ACQUISITION, DEMO_CATALOGUE_VENDORS, DEMO_PRIVATE_VENDORS, DEMO_SERVICE_USES } from "~/demo/portfolio-catalogue.ts";
import { DEMO_GROUP_NAME, DEMO_MEMBERS, DEMO_SERVICE, DEMO_SHARED_DPO, demoMemberSiren } from "~/demo/portfolio.ts";
import { serviceKey, type DemoDpa } from "~/demo/vendors.ts";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { createActivityInUnit, transitionActivityInUnit } from "./activity.server.ts";
import { grantCatalogue, listExposureChanges, setVendorShared, subscribeVendor, updateSubscriptionContract, type ContractInput } from "./catalogue.server.ts";
import { demoVendorInput, replayVendors } from "./demo-seed.server.ts";
import { createGroup, updateGroup } from "./organization-group.server.ts";
import { exposureSnapshots } from "./portfolio.server.ts";
import { dbReady, getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { linkActivity, updateVendor } from "./vendor.server.ts";

const day = (d: string | undefined): Date | null => (d ? new Date(`${d}T00:00:00.000Z`) : null);

function contractOf(dpa: DemoDpa, notes: string | null = null): ContractInput {
  return {
    dpaStatus: dpa.status,
    dpaSignedAt: dpa.status === "SIGNED" ? day(dpa.signedAt) : null,
    dpaReference: dpa.status === "SIGNED" || dpa.status === "REQUESTED" ? (dpa.reference ?? null) : null,
    dpaNextReview: dpa.status === "SIGNED" ? day(dpa.nextReview) : null,
    notes,
  };
}

/** Every name the demo data refers to exists, before anything is written. */
function checkDemoPortfolio(): void {
  const activities = new Set(DEMO_ACTIVITIES.map((a) => String(a.content.name)));
  const shared = new Set(DEMO_CATALOGUE_VENDORS.map((v) => v.name));
  const own = new Set(DEMO_PRIVATE_VENDORS.map((v) => v.name));
  const services = new Set(
    [...DEMO_CATALOGUE_VENDORS, ...DEMO_PRIVATE_VENDORS].flatMap((v) => v.services.map((s) => serviceKey({ vendor: v.name, service: s.name }))),
  );
  const fail = (msg: string): never => {
    throw new Error(`Demo portfolio: ${msg}`);
  };
  for (const [name, uses] of Object.entries(DEMO_SERVICE_USES)) {
    if (!activities.has(name)) fail(`no demo activity "${name}"`);
    for (const u of uses) if (!services.has(serviceKey(u))) fail(`no service ${u.vendor} — ${u.service}`);
  }
  for (const m of DEMO_MEMBERS) {
    if (new Set(m.register).size !== m.register.length) fail(`${m.slug}: an activity is listed twice`);
    for (const name of m.register) if (!activities.has(name)) fail(`${m.slug}: no demo activity "${name}"`);
    if (m.approved > m.register.length) fail(`${m.slug}: more approved activities than activities`);
    for (const v of Object.keys(m.shared)) if (!shared.has(v)) fail(`${m.slug}: ${v} is not in the catalogue`);
    for (const v of Object.keys(m.private)) if (!own.has(v)) fail(`${m.slug}: no private vendor ${v}`);
  }
  if (!shared.has(DEMO_ACQUISITION.vendor)) fail(`the acquired vendor ${DEMO_ACQUISITION.vendor} is not in the catalogue`);
}

/**
 * Run by the demo command after seedDemo (kept apart so the demo city seeds as fast as before); the
 * shared DPO has their own account, so the demo city's accounts keep their two organizations.
 */
export async function seedDemoPortfolio(password: string) {
  await dbReady();
  checkDemoPortfolio();
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
  const userId = seeded.userId;
  const contents = new Map<string, ActivityContent>(DEMO_ACTIVITIES.map((a) => [String(a.content.name), ActivityContentSchema.parse(a.content)]));
  // One unit of work per organization (not one per activity): the whole service seeds in a few seconds.
  for (const [i, m] of DEMO_MEMBERS.entries()) {
    const orgId = seeded.members[i]!.id;
    if (m.register.length === 0) continue;
    await unitOfWork({ actorId: userId, organizationId: orgId }, async (w) => {
      for (const [k, name] of m.register.entries()) {
        const a = await createActivityInUnit(w, userId, orgId, { content: contents.get(name)!, departmentId: null });
        if (k < m.approved) {
          const submitted = await transitionActivityInUnit(w, userId, orgId, a.id, a.revision, "submit");
          await transitionActivityInUnit(w, userId, orgId, a.id, submitted.revision, "approve");
        }
      }
      w.analysisChanged();
    });
  }

  // The syndicat's catalogue: declared once by its ADMIN (the shared DPO), then shared.
  const catalogue = await replayVendors(userId, seeded.service.id, DEMO_CATALOGUE_VENDORS);
  for (const id of catalogue.vendorIds.values()) await setVendorShared(userId, seeded.service.id, id, true);

  // Each member: its private vendors, access to the catalogue, its subscriptions with its own contract,
  // and each activity linked to the first service it has among those the activity can use.
  for (const [i, m] of DEMO_MEMBERS.entries()) {
    const orgId = seeded.members[i]!.id;
    const own = await replayVendors(
      userId,
      orgId,
      DEMO_PRIVATE_VENDORS.flatMap((v) => (m.private[v.name] ? [{ ...v, dpa: m.private[v.name]! }] : [])),
    );
    await grantCatalogue(userId, seeded.service.id, m.slug);
    for (const [name, dpa] of Object.entries(m.shared)) {
      const vendorId = catalogue.vendorIds.get(name)!;
      await subscribeVendor(userId, orgId, vendorId);
      await updateSubscriptionContract(userId, orgId, vendorId, contractOf(dpa!));
    }
    const activities = await getDb().activity.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
    for (const a of activities) {
      const serviceId = (DEMO_SERVICE_USES[a.name] ?? [])
        .map((u) => (m.shared[u.vendor] ? catalogue.serviceIds.get(serviceKey(u)) : own.serviceIds.get(serviceKey(u))))
        .find((id) => id !== undefined);
      if (serviceId) await linkActivity(userId, orgId, a.id, { serviceId }, "PROCESSOR");
    }
  }

  const group = await createGroup(userId, DEMO_GROUP_NAME);
  await updateGroup(userId, group.id, group.version, {
    name: DEMO_GROUP_NAME,
    organizationIds: DEMO_MEMBERS.flatMap((m, i) => (m.inGroup ? [seeded.members[i]!.id] : [])),
  });

  // The portfolio as the DPO saw it before the sale: the exposure baseline the "changed" filter compares with.
  // Every snapshot is computed here (a page computes only a few inline and leaves the rest to the background job).
  const portfolioIds = [seeded.service.id, ...seeded.members.map((m) => m.id)];
  await exposureSnapshots(portfolioIds, new Date(), Number.POSITIVE_INFINITY);
  // The payroll vendor is bought by a US group: recorded by the syndicat with the vendor page's own
  // function, whose propagation records the impacts and tells each subscriber's DPOs and ADMINs.
  const acquired = DEMO_CATALOGUE_VENDORS.find((v) => v.name === DEMO_ACQUISITION.vendor)!;
  const vendorId = catalogue.vendorIds.get(acquired.name)!;
  const { version } = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { version: true } });
  await updateVendor(userId, seeded.service.id, vendorId, version, {
    ...demoVendorInput(acquired),
    parentName: DEMO_ACQUISITION.parent.name,
    parentCountry: DEMO_ACQUISITION.parent.country,
    notes: DEMO_ACQUISITION.notes,
  });
  // Computed now rather than on the first page read: the demo opens on the changed portfolio at once.
  await exposureSnapshots(portfolioIds, new Date(), Number.POSITIVE_INFINITY);
  await listExposureChanges(
    seeded.members.map((m) => m.id),
    new Date(0),
  );
  return { ...seeded, catalogue };
}
