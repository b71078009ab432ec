/**
 * The shared vendor catalogue (issue 14, ADR 020). A catalogue is the set of vendors an organization
 * (typically a DPO service) marks `shared`; it grants other organizations access (CatalogueGrant), and
 * each of them subscribes to the vendors it uses (VendorSubscription, which holds its own contract).
 * The vendor, its services and locations stay single rows owned by the catalogue's organization, so the
 * sovereignty analysis reads them unchanged (loadServiceGraph follows subscriptions).
 */
import { compareLevels, type ExposureLevel } from "~/analysis/sovereignty.ts";
import { getDb } from "~/utils/db.server.ts";
import { graphWithSnapshot, type SharedVendorSnapshot } from "./catalogue-propagation.server.ts";
import { analyseOrganization, loadServiceGraph } from "./sovereignty.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import fs from "node:fs";
import { dpaFilePath, safeDpaFileName, writeDpaBytes, type DPA_STATUSES } from "./vendor.server.ts";

export class CatalogueError extends Error {
  constructor(
    public reason:
      "unknown_organization" | "self" | "not_member" | "no_grant" | "not_shared" | "in_use" | "subscribed" | "not_found" | "already_subscribed" | "own_vendor",
  ) {
    super(reason);
    this.name = "CatalogueError";
  }
}

const REVIEWER_ROLES = ["ADMIN", "DPO"];

/* Grants: which organizations read a catalogue and receive its models */

export function listGrants(ownerOrgId: string) {
  return getDb()
    .catalogueGrant.findMany({ where: { ownerOrgId }, orderBy: { createdAt: "asc" } })
    .then(async (grants) => {
      const orgs = await getDb().organization.findMany({
        where: { id: { in: grants.map((g) => g.subscriberOrgId) } },
        select: { id: true, name: true, slug: true },
      });
      const byId = new Map(orgs.map((o) => [o.id, o]));
      return grants.flatMap((g) => (byId.has(g.subscriberOrgId) ? [{ ...byId.get(g.subscriberOrgId)!, grantedAt: g.createdAt }] : []));
    });
}

/**
 * The catalogues offered to an organization (their owners): those it was granted, and every instance
 * catalogue, which a platform administrator keeps for the whole instance (ADR 020) and needs no grant.
 */
export async function listCatalogueOwners(subscriberOrgId: string) {
  const grants = await getDb().catalogueGrant.findMany({ where: { subscriberOrgId }, select: { ownerOrgId: true } });
  return getDb().organization.findMany({
    where: { id: { not: subscriberOrgId }, OR: [{ id: { in: grants.map((g) => g.ownerOrgId) } }, { instanceCatalogue: true }] },
    select: { id: true, name: true, slug: true, instanceCatalogue: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The owner's reviewer grants access to an organization in which the same person is a reviewer too:
 * the grant lets the owner propose drafts into the subscriber's register, so both sides must consent.
 */
export async function grantCatalogue(actorId: string, ownerOrgId: string, subscriberSlug: string) {
  const sub = await getDb().organization.findUnique({ where: { slug: subscriberSlug }, select: { id: true, name: true } });
  if (!sub) throw new CatalogueError("unknown_organization");
  if (sub.id === ownerOrgId) throw new CatalogueError("self");
  const m = await getDb().membership.findUnique({ where: { userId_organizationId: { userId: actorId, organizationId: sub.id } }, select: { role: true } });
  if (!m || !REVIEWER_ROLES.includes(m.role)) throw new CatalogueError("not_member");
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const existing = await w.tx.catalogueGrant.findUnique({ where: { ownerOrgId_subscriberOrgId: { ownerOrgId, subscriberOrgId: sub.id } } });
    if (existing) return sub;
    await w.tx.catalogueGrant.create({ data: { ownerOrgId, subscriberOrgId: sub.id, createdById: actorId } });
    w.audit("catalogue.granted", "Organization", sub.id, { name: sub.name });
    w.audit("catalogue.granted", "Organization", ownerOrgId, { owner: ownerOrgId }, { organizationId: sub.id });
    return sub;
  });
}

/** Refused while the organization still subscribes to vendors of the catalogue (its links would break). */
export async function revokeGrant(actorId: string, ownerOrgId: string, subscriberOrgId: string) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const used = await w.tx.vendorSubscription.count({ where: { organizationId: subscriberOrgId, vendor: { organizationId: ownerOrgId } } });
    if (used > 0) throw new CatalogueError("subscribed");
    const res = await w.tx.catalogueGrant.deleteMany({ where: { ownerOrgId, subscriberOrgId } });
    if (res.count === 0) throw new CatalogueError("not_found");
    w.audit("catalogue.revoked", "Organization", subscriberOrgId, {});
  });
}

/**
 * Whether the organization may read and subscribe to the owner's shared vendors: a grant, or the owner
 * keeps an instance catalogue. (Proposing model activities still needs an explicit grant: referentiel.server.ts.)
 */
export async function hasGrant(ownerOrgId: string, subscriberOrgId: string): Promise<boolean> {
  if (ownerOrgId === subscriberOrgId) return false;
  const [grants, instance] = await Promise.all([
    getDb().catalogueGrant.count({ where: { ownerOrgId, subscriberOrgId } }),
    getDb().organization.count({ where: { id: ownerOrgId, instanceCatalogue: true } }),
  ]);
  return grants > 0 || instance > 0;
}

/* The owner's side: which vendors are shared */

/** Unsharing is refused while an organization subscribes to the vendor. */
export async function setVendorShared(actorId: string, ownerOrgId: string, vendorId: string, shared: boolean) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const v = await w.tx.vendor.findFirst({ where: { id: vendorId, organizationId: ownerOrgId }, select: { shared: true, name: true } });
    if (!v) throw new CatalogueError("not_found");
    if (v.shared === shared) return;
    if (!shared && (await w.tx.vendorSubscription.count({ where: { vendorId } })) > 0) throw new CatalogueError("in_use");
    await w.tx.vendor.update({ where: { id: vendorId }, data: { shared, version: { increment: 1 } } });
    w.audit(shared ? "catalogue.vendor_shared" : "catalogue.vendor_unshared", "Vendor", vendorId, { name: v.name });
  });
}

export function listOwnVendorsForSharing(ownerOrgId: string) {
  return getDb().vendor.findMany({
    where: { organizationId: ownerOrgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, country: true, shared: true, _count: { select: { subscriptions: true } } },
  });
}

/* The subscriber's side */

/** Shared vendors of every catalogue offered to the organization (granted, or of the instance), with its subscription if any. */
export async function listAvailableSharedVendors(organizationId: string) {
  const owners = await listCatalogueOwners(organizationId);
  const vendors = await getDb().vendor.findMany({
    where: { shared: true, organizationId: { in: owners.map((o) => o.id) } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      country: true,
      parentName: true,
      parentCountry: true,
      hdsExpiry: true,
      iso27001Expiry: true,
      dpfCertified: true,
      organizationId: true,
      services: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          secNumCloudQualified: true,
          locations: { select: { role: true, country: true, providerService: { select: { name: true } } } },
        },
      },
      subscriptions: { where: { organizationId } },
    },
  });
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  return vendors.map(({ subscriptions, ...v }) => ({
    ...v,
    owner: ownerOf.get(v.organizationId)?.name ?? "",
    instance: ownerOf.get(v.organizationId)?.instanceCatalogue ?? false,
    subscription: subscriptions[0] ?? null,
  }));
}

export async function subscribeVendor(actorId: string, organizationId: string, vendorId: string) {
  const v = await getDb().vendor.findUnique({ where: { id: vendorId }, select: { organizationId: true, shared: true, name: true } });
  if (!v || !v.shared) throw new CatalogueError("not_shared");
  if (v.organizationId === organizationId) throw new CatalogueError("own_vendor");
  if (!(await hasGrant(v.organizationId, organizationId))) throw new CatalogueError("no_grant");
  return unitOfWork({ actorId, organizationId }, async (w) => {
    if (await w.tx.vendorSubscription.findUnique({ where: { organizationId_vendorId: { organizationId, vendorId } } }))
      throw new CatalogueError("already_subscribed");
    const s = await w.tx.vendorSubscription.create({ data: { organizationId, vendorId, createdById: actorId } });
    w.audit("catalogue.subscribed", "Vendor", vendorId, { name: v.name });
    w.analysisChanged();
    return s;
  });
}

/** Refused while one of the organization's activities uses a service of the vendor. */
export async function unsubscribeVendor(actorId: string, organizationId: string, vendorId: string) {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const links = await w.tx.activityLink.count({ where: { organizationId, service: { vendorId } } });
    if (links > 0) throw new CatalogueError("in_use");
    const res = await w.tx.vendorSubscription.deleteMany({ where: { organizationId, vendorId } });
    if (res.count === 0) throw new CatalogueError("not_found");
    w.audit("catalogue.unsubscribed", "Vendor", vendorId, {});
    w.analysisChanged();
  });
}

export type ContractInput = {
  dpaStatus: (typeof DPA_STATUSES)[number];
  dpaSignedAt: Date | null;
  dpaReference: string | null;
  dpaNextReview: Date | null;
  notes: string | null;
};

/** The organization's own contract with a shared vendor. */
export async function updateSubscriptionContract(actorId: string, organizationId: string, vendorId: string, input: ContractInput) {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const res = await w.tx.vendorSubscription.updateMany({ where: { organizationId, vendorId }, data: { ...input, version: { increment: 1 } } });
    if (res.count === 0) throw new CatalogueError("not_found");
    w.audit("catalogue.contract_updated", "Vendor", vendorId, { dpaStatus: input.dpaStatus });
  });
}

/*
 * The subscriber's own signed DPA (PDF) with a shared vendor: the private vendors' DPA file code
 * (writeDpaBytes: PDF signature, size limit, content-addressed store), kept on the subscription, so the
 * catalogue's owner never reaches it (every lookup carries the subscriber's organizationId).
 */

export async function storeSubscriptionDpaFile(actorId: string, organizationId: string, vendorId: string, file: { name: string; bytes: Uint8Array }) {
  // Another organization's vendor, or one not subscribed: nothing is stored.
  const sub = await getDb().vendorSubscription.findUnique({ where: { organizationId_vendorId: { organizationId, vendorId } }, select: { id: true } });
  if (!sub) throw new CatalogueError("not_found");
  // A refused file (InvalidDpaFileError: empty, too large, not a PDF) throws here, before anything is written.
  const hash = writeDpaBytes(file.bytes);
  const safeName = safeDpaFileName(file.name);
  await unitOfWork({ actorId, organizationId }, async (w) => {
    const res = await w.tx.vendorSubscription.updateMany({
      where: { organizationId, vendorId },
      data: { dpaFileHash: hash, dpaFileName: safeName, dpaFileSize: file.bytes.byteLength, version: { increment: 1 } },
    });
    if (res.count === 0) throw new CatalogueError("not_found");
    w.audit("catalogue.contract_dpa_uploaded", "Vendor", vendorId, { sha256: hash, size: file.bytes.byteLength });
  });
  return hash;
}

/**
 * Removes the subscriber's DPA file from its contract. The stored copy stays, as when a DPA is replaced:
 * the store is content-addressed and shared, so the same bytes may back another vendor or contract, or
 * be uploaded again at this very moment (a copy no row refers to is harmless; backups carry the store).
 */
export async function deleteSubscriptionDpaFile(actorId: string, organizationId: string, vendorId: string) {
  await unitOfWork({ actorId, organizationId }, async (w) => {
    const sub = await w.tx.vendorSubscription.findUnique({
      where: { organizationId_vendorId: { organizationId, vendorId } },
      select: { dpaFileHash: true },
    });
    if (!sub?.dpaFileHash) throw new CatalogueError("not_found");
    await w.tx.vendorSubscription.update({
      where: { organizationId_vendorId: { organizationId, vendorId } },
      data: { dpaFileHash: null, dpaFileName: null, dpaFileSize: null, version: { increment: 1 } },
    });
    w.audit("catalogue.contract_dpa_deleted", "Vendor", vendorId, { sha256: sub.dpaFileHash });
  });
}

/** The subscriber's DPA file with a shared vendor, for members of the subscribing organization. */
export async function readSubscriptionDpaFile(organizationId: string, vendorId: string): Promise<{ name: string; bytes: Buffer } | null> {
  const s = await getDb().vendorSubscription.findUnique({
    where: { organizationId_vendorId: { organizationId, vendorId } },
    select: { dpaFileHash: true, dpaFileName: true },
  });
  if (!s?.dpaFileHash) return null;
  const p = dpaFilePath(s.dpaFileHash);
  if (!fs.existsSync(p)) return null;
  return { name: s.dpaFileName ?? "dpa.pdf", bytes: fs.readFileSync(p) };
}

/* In-app notifications */

export function listNotifications(userId: string, organizationId: string) {
  return getDb().notification.findMany({ where: { userId, organizationId, clearedAt: null }, orderBy: { createdAt: "desc" }, take: 100 });
}

export function countNotifications(userId: string, organizationId: string) {
  return getDb().notification.count({ where: { userId, organizationId, clearedAt: null } });
}

/** A user clears their own notifications only (one, or all of the organization's). */
export async function clearNotifications(userId: string, organizationId: string, id?: string) {
  return unitOfWork(
    { actorId: userId, organizationId },
    async (w) => {
      const res = await w.tx.notification.updateMany({
        where: { userId, organizationId, clearedAt: null, ...(id ? { id } : {}) },
        data: { clearedAt: new Date() },
      });
      return res.count;
    },
    { unaudited: "a user's own reading state, like mail preferences" },
  );
}

/* Exposure changes, computed on first read */

export type ExposureChange = { activityId: string; ref: string; name: string; before: ExposureLevel; after: ExposureLevel };

/**
 * The activities of the organization whose exposure level the change moved (before → after): the
 * organization is analysed with the vendor as it was and as it became, everything else as it is now.
 * Stored on the impact, so the answer stays what the organization was told.
 */
async function computeImpact(impact: { id: string; organizationId: string; change: { before: string; after: string } }): Promise<ExposureChange[]> {
  const graph = await loadServiceGraph(impact.organizationId);
  const before = JSON.parse(impact.change.before) as SharedVendorSnapshot;
  const after = JSON.parse(impact.change.after) as SharedVendorSnapshot;
  const [a, b] = await Promise.all([
    analyseOrganization(impact.organizationId, { graph: graphWithSnapshot(graph, before) }),
    analyseOrganization(impact.organizationId, { graph: graphWithSnapshot(graph, after) }),
  ]);
  const afterById = new Map(b.activities.map((x) => [x.id, x.analysis.level]));
  const changes: ExposureChange[] = [];
  for (const x of a.activities) {
    const next = afterById.get(x.id);
    if (next && next !== x.analysis.level) changes.push({ activityId: x.id, ref: x.ref, name: x.name, before: x.analysis.level, after: next });
  }
  changes.sort((p, q) => compareLevels(q.after, p.after) || p.ref.localeCompare(q.ref));
  await unitOfWork(
    { actorId: null, organizationId: impact.organizationId },
    (w) =>
      w.tx.catalogueImpact.updateMany({
        where: { id: impact.id, computedAt: null },
        data: { exposureChanges: JSON.stringify(changes), computedAt: new Date() },
      }),
    { unaudited: "derived from a catalogue change already audited" },
  );
  return changes;
}

export type ImpactSummary = {
  impactId: string;
  organizationId: string;
  changeId: string;
  vendorId: string;
  vendorName: string;
  fields: string[];
  at: Date;
  activities: ExposureChange[];
};

/**
 * For the portfolio (issue 14): every catalogue change that reached one of `orgIds` since `since`,
 * with the activities whose exposure level it moved. Computes the missing ones (lazily, once).
 * The caller passes only organizations the user belongs to.
 */
export async function listExposureChanges(orgIds: readonly string[], since: Date): Promise<ImpactSummary[]> {
  if (orgIds.length === 0) return [];
  const impacts = await getDb().catalogueImpact.findMany({
    where: { organizationId: { in: [...orgIds] }, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    include: { change: { select: { id: true, vendorId: true, vendorName: true, fields: true, before: true, after: true } } },
  });
  const out: ImpactSummary[] = [];
  for (const i of impacts) {
    const activities = i.exposureChanges !== null ? (JSON.parse(i.exposureChanges) as ExposureChange[]) : await computeImpact(i);
    out.push({
      impactId: i.id,
      organizationId: i.organizationId,
      changeId: i.change.id,
      vendorId: i.change.vendorId,
      vendorName: i.change.vendorName,
      fields: JSON.parse(i.change.fields) as string[],
      at: i.createdAt,
      activities,
    });
  }
  return out;
}

/** One impact of the organization (a notification's), with its exposure changes. */
export async function exposureChangesOf(organizationId: string, impactId: string): Promise<ImpactSummary | null> {
  const i = await getDb().catalogueImpact.findFirst({ where: { id: impactId, organizationId }, select: { createdAt: true } });
  if (!i) return null;
  return (await listExposureChanges([organizationId], i.createdAt)).find((x) => x.impactId === impactId) ?? null;
}
