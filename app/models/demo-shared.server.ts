/**
 * The demo's shared DPO (issue 14, ADR 020): a DPO service keeps a shared vendor catalogue and a model
 * activity; the demo city is granted the catalogue, subscribes to one shared vendor (hosted in France,
 * used by one of its activities) and receives the model as a draft. Changing that vendor's hosting
 * country or parent company from the DPO service shows the propagation. Kept apart from demo-seed so
 * the member organizations seeded elsewhere can be granted the same catalogue.
 */
import { getDb } from "~/utils/db.server.ts";
import { findTemplate, loadTemplates } from "~/domain/templates.server.ts";
import { grantCatalogue, setVendorShared, subscribeVendor } from "./catalogue.server.ts";
import { createModelFromTemplate, proposeModel } from "./referentiel.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { addLocation, createService, createVendor, linkActivity } from "./vendor.server.ts";

export const DEMO_DPO_SERVICE_SLUG = "service-dpo-demo";
export const DEMO_SHARED_VENDOR = "Mairie Connect (catalogue partagé)";
/** The template of the model activity proposed to the city (if the library has it). */
const MODEL_TEMPLATE = "lettre-information";
/** The city's activity that uses the shared vendor. */
const LINKED_ACTIVITY = "Tenue des registres de l'état civil";

export async function seedDemoSharedCatalogue(cityOrgId: string, dpoUserId: string, adminUserId: string) {
  const owner = await unitOfWork({ actorId: null, organizationId: null }, async (w) => {
    const org = await w.tx.organization.create({
      data: {
        slug: DEMO_DPO_SERVICE_SLUG,
        name: "Service DPO mutualisé de Démo",
        address: "Maison des communes, 2 avenue des Syndicats, 34000 Démo-sur-Lez",
        dpoName: "Dominique Delaunay",
        dpoEmail: "dpo@demo.example",
        defaultLocale: "fr",
      },
    });
    await w.tx.membership.createMany({
      data: [
        { userId: dpoUserId, organizationId: org.id, role: "DPO" },
        { userId: adminUserId, organizationId: org.id, role: "ADMIN" },
      ],
    });
    w.audit("demo.seeded", "Organization", org.id, { sharedCatalogue: true }, { organizationId: org.id });
    return org;
  });
  const city = await getDb().organization.findUniqueOrThrow({ where: { id: cityOrgId }, select: { slug: true } });
  const vendor = await createVendor(dpoUserId, owner.id, {
    name: DEMO_SHARED_VENDOR,
    legalName: "Mairie Connect SAS",
    registrationNumber: null,
    website: "https://mairie-connect.example",
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
    dpaStatus: "NOT_REQUIRED",
    dpaSignedAt: null,
    dpaReference: null,
    dpaNextReview: null,
    notes: "Fournisseur commun aux communes adhérentes du service DPO.",
  });
  const service = await createService(dpoUserId, owner.id, vendor.id, {
    name: "Suite état civil et élections",
    description: "Logiciel métier en ligne (SaaS) des mairies adhérentes.",
    secNumCloudQualified: false,
    secNumCloudDate: null,
  });
  await addLocation(dpoUserId, owner.id, service.id, {
    role: "STORAGE",
    country: "FR",
    region: "Occitanie",
    providerServiceId: null,
    safeguard: null,
    tiaDone: false,
    safeguardUrl: null,
  });
  await setVendorShared(dpoUserId, owner.id, vendor.id, true);
  await grantCatalogue(dpoUserId, owner.id, city.slug);
  await subscribeVendor(dpoUserId, cityOrgId, vendor.id);
  const activity = await getDb().activity.findFirst({ where: { organizationId: cityOrgId, name: LINKED_ACTIVITY }, select: { id: true } });
  if (!activity) throw new Error(`Demo activity not found for the shared vendor: ${LINKED_ACTIVITY}`);
  await linkActivity(dpoUserId, cityOrgId, activity.id, { serviceId: service.id }, "PROCESSOR");
  // A template the city's register does not already hold, so the proposed draft is visibly new.
  const names = new Set((await getDb().activity.findMany({ where: { organizationId: cityOrgId }, select: { name: true } })).map((a) => a.name));
  const template = findTemplate(MODEL_TEMPLATE) ?? loadTemplates().find((t) => !names.has(t.content.fr.name)) ?? loadTemplates()[0]!;
  const model = await createModelFromTemplate(dpoUserId, owner.id, template, "fr");
  await proposeModel(dpoUserId, owner.id, model.id, [cityOrgId]);
  return { owner, vendorId: vendor.id, serviceId: service.id, modelId: model.id };
}
