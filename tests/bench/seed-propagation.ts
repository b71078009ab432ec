/**
 * Child process of propagation.bench.ts: a DPO service with one shared vendor (hosted in France), and
 * ORGS organizations subscribed to it with ACTIVITIES activities each, every one linked to the shared
 * service. One shared DPO belongs to every organization, and each has its own ADMIN.
 */
import { syntheticContent } from "./synthetic-register.ts";

const ORGS = Number(process.argv[2] ?? 300);
const ACTIVITIES = Number(process.argv[3] ?? 100);
process.env.LOG_LEVEL = "silent";
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { createActivitiesInUnit } = await import("../../app/models/import.server.ts");
const { unitOfWork } = await import("../../app/models/unit-of-work.server.ts");

await dbReady();
const db = getDb();
const start = performance.now();
const owner = await db.organization.create({ data: { slug: "service-dpo", name: "Service DPO mutualisé" } });
const dpo = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO mutualisé", passwordHash: "x" } });
await db.membership.create({ data: { userId: dpo.id, organizationId: owner.id, role: "DPO" } });
const vendor = await db.vendor.create({ data: { organizationId: owner.id, name: "Suite Mairie SaaS", country: "FR", shared: true } });
const service = await db.service.create({ data: { organizationId: owner.id, vendorId: vendor.id, name: "Logiciel métier" } });
await db.serviceLocation.create({ data: { serviceId: service.id, role: "STORAGE", country: "FR" } });

for (let o = 1; o <= ORGS; o++) {
  const org = await db.organization.create({ data: { slug: `commune-${o}`, name: `Commune ${o}` } });
  const admin = await db.user.create({ data: { email: `admin-${o}@bench.example`, name: `Admin ${o}`, passwordHash: "x" } });
  await db.membership.createMany({
    data: [
      { userId: dpo.id, organizationId: org.id, role: "DPO" },
      { userId: admin.id, organizationId: org.id, role: "ADMIN" },
    ],
  });
  await db.catalogueGrant.create({ data: { ownerOrgId: owner.id, subscriberOrgId: org.id } });
  await db.vendorSubscription.create({ data: { organizationId: org.id, vendorId: vendor.id } });
  const created = await unitOfWork({ actorId: dpo.id, organizationId: org.id }, (w) =>
    createActivitiesInUnit(
      w,
      dpo.id,
      org.id,
      Array.from({ length: ACTIVITIES }, (_, i) => ({ content: syntheticContent(o * 1000 + i), departmentId: null })),
    ),
  );
  await db.activityLink.createMany({
    data: created.map((a) => ({ organizationId: org.id, activityId: a.id, serviceId: service.id, role: "PROCESSOR" })),
  });
}
console.log(`seeded ${ORGS} organizations × ${ACTIVITIES} activities on one shared vendor in ${((performance.now() - start) / 1000).toFixed(1)} s`);
await disconnectDb();
