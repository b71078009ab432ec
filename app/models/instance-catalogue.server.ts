/**
 * The instance catalogue (ADR 020): an organization flagged `instanceCatalogue`, kept by the platform
 * administrators (PLATFORM_ADMINS), whose shared vendors every organization of the instance may read and
 * subscribe to without a grant. Its vendors are edited through the ordinary vendor pages; propagation
 * and notifications are those of any shared catalogue. Callers check the platform policy first.
 */
import { getDb } from "~/utils/db.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export class InstanceCatalogueError extends Error {
  constructor(public reason: "slug_taken" | "not_found") {
    super(reason);
    this.name = "InstanceCatalogueError";
  }
}

/** Every instance catalogue, with whether the user is a member and how many organizations subscribe to it. */
export async function listInstanceCatalogues(userId: string) {
  const orgs = await getDb().organization.findMany({
    where: { instanceCatalogue: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, memberships: { where: { userId }, select: { role: true } } },
  });
  const counts = await getDb().$queryRawUnsafe<{ ownerId: string; vendors: bigint | number; subscribers: bigint | number }[]>(
    `SELECT v."organizationId" AS "ownerId", count(DISTINCT v."id") AS vendors, count(DISTINCT s."organizationId") AS subscribers
     FROM "Vendor" v LEFT JOIN "VendorSubscription" s ON s."vendorId" = v."id"
     WHERE v."shared" = 1 AND v."organizationId" IN (SELECT value FROM json_each(?))
     GROUP BY v."organizationId"`,
    JSON.stringify(orgs.map((o) => o.id)),
  );
  const by = new Map(counts.map((c) => [c.ownerId, c]));
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    member: o.memberships.length > 0,
    sharedVendors: Number(by.get(o.id)?.vendors ?? 0),
    subscribers: Number(by.get(o.id)?.subscribers ?? 0),
  }));
}

/** Creates an instance catalogue; the platform administrator who creates it is its ADMIN. */
export async function createInstanceCatalogue(actorId: string, input: { name: string; slug: string }) {
  return unitOfWork({ actorId, organizationId: null }, async ({ tx, ...w }) => {
    if (await tx.organization.count({ where: { slug: input.slug } })) throw new InstanceCatalogueError("slug_taken");
    const org = await tx.organization.create({ data: { name: input.name, slug: input.slug, kind: "other", instanceCatalogue: true } });
    await tx.membership.create({ data: { userId: actorId, organizationId: org.id, role: "ADMIN" } });
    w.audit("catalogue.instance_created", "Organization", org.id, { slug: org.slug }, { organizationId: org.id });
    return org;
  });
}

/** Another platform administrator joins an instance catalogue as its ADMIN (they need no invitation). */
export async function joinInstanceCatalogue(actorId: string, organizationId: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const org = await tx.organization.findFirst({ where: { id: organizationId, instanceCatalogue: true }, select: { slug: true } });
    if (!org) throw new InstanceCatalogueError("not_found");
    const existing = await tx.membership.findUnique({ where: { userId_organizationId: { userId: actorId, organizationId } } });
    if (existing) {
      if (existing.role === "ADMIN") return org;
      await tx.membership.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
    } else {
      await tx.membership.create({ data: { userId: actorId, organizationId, role: "ADMIN" } });
    }
    w.audit("catalogue.instance_joined", "Organization", organizationId, { role: "ADMIN" });
    return org;
  });
}
