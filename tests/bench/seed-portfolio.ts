/**
 * Child process of portfolio.bench.ts: fills the organizations the bench onboarded with ACTIVITIES
 * activities each (statuses, completeness, reviews), screenings, DPIAs with action plans, and a small
 * vendor graph (a French host, a US SaaS) linked to the activities, with bulk SQL inserts: the
 * portfolio reads this data, it does not matter how it was written.
 * The DPO service (slug "service-dpo") keeps a shared catalogue of SHARED vendors (one service hosted
 * in France each) granted to every organization. Every organization subscribes to the first one
 * ("Suite Mairie SaaS", the vendor whose change the bench propagates) and to 10 others; one activity in
 * five uses the first one's service.
 */
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { syntheticContent } from "./synthetic-register.ts";

const ACTIVITIES = Number(process.argv[2] ?? 100);
const SHARED = Number(process.argv[3] ?? 400);
const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const db = new Database(file);
db.pragma("journal_mode = WAL");
const id = () => crypto.randomBytes(12).toString("hex");
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const now = new Date();
const owner = db.prepare(`SELECT id FROM "Organization" WHERE slug = 'service-dpo'`).get() as { id: string };
const orgs = db.prepare(`SELECT id FROM "Organization" WHERE id <> ?`).all(owner.id) as { id: string }[];
const STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "APPROVED", "APPROVED", "ARCHIVED"];
// The same content for every organization (only the name differs): JSON building is not what is measured.
const contents = Array.from({ length: ACTIVITIES }, (_, i) => JSON.stringify(syntheticContent(i + 1)));

const insertActivity = db.prepare(
  `INSERT INTO "Activity" (id, organizationId, seq, ref, status, content, name, completeness, nextReviewAt, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertScreening = db.prepare(`INSERT INTO "Screening" (id, organizationId, activityId, result, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
const insertDpia = db.prepare(`INSERT INTO "Dpia" (id, organizationId, activityId, status, actionPlan, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
const insertVendor = db.prepare(
  `INSERT INTO "Vendor" (id, organizationId, name, country, parentName, parentCountry, dpaStatus, dpaNextReview, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertService = db.prepare(`INSERT INTO "Service" (id, organizationId, vendorId, name, createdAt) VALUES (?, ?, ?, ?, ?)`);
const insertLocation = db.prepare(`INSERT INTO "ServiceLocation" (id, serviceId, role, country) VALUES (?, ?, ?, ?)`);
const insertShared = db.prepare(
  `INSERT INTO "Vendor" (id, organizationId, name, country, shared, dpaStatus, createdAt, updatedAt) VALUES (?, ?, ?, 'FR', 1, 'SIGNED', ?, ?)`,
);
const insertGrant = db.prepare(`INSERT INTO "CatalogueGrant" (ownerOrgId, subscriberOrgId, createdAt) VALUES (?, ?, ?)`);
const insertSubscription = db.prepare(
  `INSERT INTO "VendorSubscription" (id, organizationId, vendorId, dpaStatus, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
);
const insertLink = db.prepare(`INSERT INTO "ActivityLink" (id, organizationId, activityId, serviceId, role, createdAt) VALUES (?, ?, ?, ?, ?, ?)`);

const started = performance.now();
db.transaction(() => {
  const shared: { vendorId: string; serviceId: string }[] = [];
  for (let k = 0; k < SHARED; k++) {
    const vendorId = id();
    insertShared.run(vendorId, owner.id, k === 0 ? "Suite Mairie SaaS" : `Prestataire partagé ${k}`, iso(now), iso(now));
    const serviceId = id();
    insertService.run(serviceId, owner.id, vendorId, k === 0 ? "Logiciel métier" : `Service ${k}`, iso(now));
    insertLocation.run(id(), serviceId, "STORAGE", "FR");
    shared.push({ vendorId, serviceId });
  }
  for (const [o, org] of orgs.entries()) {
    insertGrant.run(owner.id, org.id, iso(now));
    const subscribed = new Set([0, ...Array.from({ length: Math.min(10, SHARED - 1) }, (_, k) => 1 + ((o * 7 + k * 37) % (SHARED - 1)))]);
    for (const k of subscribed) insertSubscription.run(id(), org.id, shared[k]!.vendorId, k % 4 === 0 ? "NONE" : "SIGNED", iso(now), iso(now));
    const services: string[] = [];
    for (const [v, [name, country, parent, parentCountry]] of [
      ["Hébergeur FR", "FR", null, null],
      ["Suite SaaS", "FR", "Groupe US", "US"],
      ["Messagerie US", "US", null, null],
    ].entries()) {
      const vendorId = id();
      const status = (o + v) % 3 === 0 ? "NONE" : "SIGNED";
      insertVendor.run(
        vendorId,
        org.id,
        name,
        country,
        parent,
        parentCountry,
        status,
        iso(new Date(now.getTime() + ((o % 60) - 10) * 86_400_000)),
        iso(now),
        iso(now),
      );
      const serviceId = id();
      insertService.run(serviceId, org.id, vendorId, `${name} service`, iso(now));
      insertLocation.run(id(), serviceId, "STORAGE", country);
      services.push(serviceId);
    }
    for (let i = 0; i < ACTIVITIES; i++) {
      const activityId = id();
      const seq = i + 1;
      const review = i % 9 === 0 ? new Date(now.getTime() - 86_400_000 * (1 + (i % 30))) : new Date(now.getTime() + 86_400_000 * 200);
      insertActivity.run(
        activityId,
        org.id,
        seq,
        `T-${String(seq).padStart(4, "0")}`,
        STATUSES[(o + i) % STATUSES.length]!,
        contents[i]!,
        `Traitement ${seq}`,
        (i * 37) % 101,
        iso(review),
        iso(now),
        iso(now),
      );
      // One activity in five uses the shared vendor every organization subscribes to.
      insertLink.run(id(), org.id, activityId, i % 5 === 4 ? shared[0]!.serviceId : services[i % services.length]!, "PROCESSOR", iso(now));
      if (i % 10 === 0) {
        insertScreening.run(id(), org.id, activityId, "required", iso(now), iso(now));
        if (i % 20 === 0)
          insertDpia.run(
            id(),
            org.id,
            activityId,
            "draft",
            JSON.stringify([
              { action: "Chiffrer les sauvegardes", dueDate: "2020-01-01", status: "todo" },
              { action: "Former les agents", dueDate: "2999-01-01", status: "todo" },
            ]),
            iso(now),
            iso(now),
          );
      }
    }
  }
})();
console.log(`seeded ${orgs.length} × ${ACTIVITIES} activities, ${SHARED} shared vendors in ${((performance.now() - started) / 1000).toFixed(1)} s`);
db.close();
