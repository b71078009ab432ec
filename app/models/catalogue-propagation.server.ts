/**
 * Propagation of a shared vendor's change to every organization that uses it (issue 14, ADR 020).
 *
 * Inside the unit of work of the change (vendor, service or location edit by the catalogue's owner):
 * the analysis version of every affected organization is bumped (their cached analyses go stale and are
 * recomputed lazily, on next read), and one CatalogueChange row keeps what the analysis reads of the
 * vendor, before and after. Each affected organization gets a CatalogueImpact row and its DPOs/ADMINs an
 * in-app notification. Which activities changed exposure level is NOT computed in the request: it is
 * computed on first read (`exposureChangesOf`), by analysing the organization twice with the vendor's
 * nodes replaced by the before and the after snapshots, so the cost of a change used by 300
 * organizations is a handful of batched INSERTs, not 30,000 analyses.
 */
import crypto from "node:crypto";
import type { LocationNode, ServiceNode } from "~/analysis/sovereignty.ts";
import { sqlDate, type Tx } from "~/utils/db.server.ts";
import { insertRows } from "./import.server.ts";
import type { Work } from "./unit-of-work.server.ts";

export type SharedVendorSnapshot = {
  vendor: {
    id: string;
    name: string;
    country: string;
    parentName: string | null;
    parentCountry: string | null;
    dpfCertified: boolean | null;
    shareholdingWithinLimits: boolean | null;
    hdsExpiry: string | null;
    iso27001Expiry: string | null;
  };
  services: {
    id: string;
    name: string;
    secNumCloudQualified: boolean;
    secNumCloudVersion: string | null;
    secNumCloudScope: string | null;
    nonEuAccess: boolean | null;
    locations: LocationNode[];
  }[];
};

/** What the analysis (and the notification) reads of a vendor; null when it is not a shared vendor. */
export async function snapshotSharedVendorTx(tx: Tx, vendorId: string): Promise<SharedVendorSnapshot | null> {
  // Most vendors are private: one small query tells, before loading services and locations.
  if (!(await tx.vendor.findUnique({ where: { id: vendorId }, select: { shared: true } }))?.shared) return null;
  const v = await tx.vendor.findUnique({
    where: { id: vendorId },
    include: { services: { orderBy: { id: "asc" }, include: { locations: { orderBy: { id: "asc" } } } } },
  });
  if (!v?.shared) return null;
  return {
    vendor: {
      id: v.id,
      name: v.name,
      country: v.country,
      parentName: v.parentName,
      parentCountry: v.parentCountry,
      dpfCertified: v.dpfCertified,
      shareholdingWithinLimits: v.shareholdingWithinLimits,
      hdsExpiry: v.hdsExpiry?.toISOString().slice(0, 10) ?? null,
      iso27001Expiry: v.iso27001Expiry?.toISOString().slice(0, 10) ?? null,
    },
    services: v.services.map((s) => ({
      id: s.id,
      name: s.name,
      secNumCloudQualified: s.secNumCloudQualified,
      secNumCloudVersion: s.secNumCloudVersion,
      secNumCloudScope: s.secNumCloudScope,
      nonEuAccess: s.nonEuAccess,
      locations: s.locations.map((l) => ({
        role: l.role,
        country: l.country,
        region: l.region,
        providerServiceId: l.providerServiceId,
        safeguard: l.safeguard,
        tiaDone: l.tiaDone,
      })),
    })),
  };
}

export const VENDOR_FACTS = ["country", "parentName", "parentCountry", "dpfCertified", "shareholdingWithinLimits", "hdsExpiry", "iso27001Expiry"] as const;

/** The facts that differ: vendor fields by name, then "services" (added, removed, qualification) and "locations". */
export function changedFacts(before: SharedVendorSnapshot, after: SharedVendorSnapshot): string[] {
  const fields: string[] = VENDOR_FACTS.filter((k) => before.vendor[k] !== after.vendor[k]);
  const key = (s: SharedVendorSnapshot["services"][number]) =>
    JSON.stringify([s.id, s.name, s.secNumCloudQualified, s.secNumCloudVersion, s.secNumCloudScope, s.nonEuAccess]);
  const locs = (s: SharedVendorSnapshot["services"][number]) => JSON.stringify([s.id, s.locations.map((l) => JSON.stringify(l)).sort()]);
  if (before.services.map(key).join() !== after.services.map(key).join()) fields.push("services");
  if (before.services.map(locs).join() !== after.services.map(locs).join()) fields.push("locations");
  return fields;
}

/**
 * The organizations (other than the owner) whose analysis can read the vendor: subscribers of the
 * vendor, subscribers of any shared vendor whose services use it as a sub-processor (transitively),
 * and organizations whose own services do.
 */
export async function affectedOrganizationsTx(tx: Tx, vendorId: string, ownerOrgId: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ organizationId: string }[]>(
    `WITH RECURSIVE up(id) AS (
       SELECT id FROM "Service" WHERE vendorId = ?
       UNION SELECT l.serviceId FROM "ServiceLocation" l JOIN up ON l.providerServiceId = up.id
     )
     SELECT sub.organizationId FROM "VendorSubscription" sub WHERE sub.vendorId IN (SELECT s.vendorId FROM "Service" s WHERE s.id IN (SELECT id FROM up))
     UNION SELECT s.organizationId FROM "Service" s WHERE s.id IN (SELECT id FROM up)`,
    vendorId,
  );
  return rows.map((r) => r.organizationId).filter((id) => id !== ownerOrgId);
}

/**
 * Called by every write to a vendor, its services or locations, after the write, inside its unit of
 * work, with the snapshot taken before it. Does nothing for a private vendor or when nothing the
 * analysis reads changed. Returns the number of organizations told.
 */
export async function propagateSharedVendorChange(w: Work, vendorId: string, before: SharedVendorSnapshot | null): Promise<number> {
  const { tx } = w;
  const after = await snapshotSharedVendorTx(tx, vendorId);
  if (!before && !after) return 0;
  const empty = (s: SharedVendorSnapshot): SharedVendorSnapshot => ({ vendor: s.vendor, services: [] });
  // A vendor made shared, or deleted, compares with an empty one (the service list is what changed).
  const b = before ?? empty(after!);
  const a = after ?? empty(before!);
  const fields = before && after ? changedFacts(before, after) : ["services"];
  if (fields.length === 0) return 0;
  const owner = w.ctx.organizationId;
  if (!owner) throw new Error("a shared vendor change needs its owner organization");
  const orgs = await affectedOrganizationsTx(tx, vendorId, owner);
  if (orgs.length === 0 && !after) return 0;
  const change = await tx.catalogueChange.create({
    data: {
      ownerOrgId: owner,
      vendorId,
      vendorName: a.vendor.name,
      actorId: w.ctx.actorId,
      before: JSON.stringify(b),
      after: JSON.stringify(a),
      fields: JSON.stringify(fields),
    },
  });
  w.audit("catalogue.vendor_changed", "Vendor", vendorId, { name: a.vendor.name, fields, organizations: orgs.length });
  if (orgs.length === 0) return 0;
  for (const id of orgs) w.analysisChanged(id);
  const impacts = orgs.map((organizationId) => ({ id: crypto.randomUUID(), organizationId }));
  // Raw multi-row INSERTs: Prisma's createMany costs ~1 ms a row here, 300 organizations would take a second.
  const now = sqlDate(new Date());
  await insertRows(
    tx,
    "CatalogueImpact",
    ["id", "changeId", "organizationId", "createdAt"],
    impacts.length,
    (i) => [impacts[i]!.id, change.id, impacts[i]!.organizationId, now],
    200,
  );
  // The DPOs and ADMINs of each affected organization, in one INSERT … SELECT (no round trip per member).
  await tx.$executeRawUnsafe(
    `INSERT INTO "Notification" (id, userId, organizationId, kind, params, impactId, url, createdAt)
     SELECT lower(hex(randomblob(16))), m.userId, m.organizationId, 'catalogue.vendor_changed', ?, i.id, '/notifications', ?
     FROM "CatalogueImpact" i JOIN "Membership" m ON m.organizationId = i.organizationId AND m.role IN ('ADMIN', 'DPO')
     WHERE i.changeId = ?`,
    JSON.stringify({ vendor: a.vendor.name, fields }),
    now,
    change.id,
  );
  // Each subscriber's audit log says why its analysis changed (batched: one chain, a few INSERTs).
  await w.auditBatch(
    orgs.map((organizationId) => ({
      actorId: w.ctx.actorId,
      organizationId,
      action: "catalogue.vendor_changed",
      entity: "Vendor",
      entityId: vendorId,
      details: { name: a.vendor.name, fields, change: change.id },
    })),
    (rows) =>
      insertRows(
        tx,
        "AuditEvent",
        ["seq", "at", "actorId", "organizationId", "action", "entity", "entityId", "details", "prevHash", "hash"],
        rows.length,
        (i) => rows[i]!,
        200,
      ),
  );
  return orgs.length;
}

/** The graph with the vendor's services as in the snapshot (other services untouched). */
export function graphWithSnapshot<G extends Map<string, ServiceNode>>(graph: G, snapshot: SharedVendorSnapshot): Map<string, ServiceNode> {
  const out = new Map<string, ServiceNode>();
  for (const [id, node] of graph) if (node.vendor.id !== snapshot.vendor.id) out.set(id, node);
  const vendor = {
    id: snapshot.vendor.id,
    name: snapshot.vendor.name,
    country: snapshot.vendor.country,
    parentName: snapshot.vendor.parentName,
    parentCountry: snapshot.vendor.parentCountry,
    dpfCertified: snapshot.vendor.dpfCertified,
    shareholdingWithinLimits: snapshot.vendor.shareholdingWithinLimits,
  };
  for (const s of snapshot.services) out.set(s.id, { ...s, vendor, locations: s.locations.map((l) => ({ ...l })) });
  return out;
}
