import type { Organization } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import type { Role } from "~/utils/permissions.ts";
import { valueChanges } from "~/utils/audit-values.ts";
import { recordAudit } from "./audit.server.ts";
import { normalizeEmail } from "./user.server.ts";

export type OrganizationInput = {
  name: string;
  slug: string;
  siren?: string | null;
  address?: string | null;
  legalRepresentative?: string | null;
  dpoName?: string | null;
  dpoEmail?: string | null;
  dpoPhone?: string | null;
  dpoCnilNumber?: string | null;
  headcount?: number | null;
  defaultLocale: "fr" | "en";
  accessibilityContact?: string | null;
};

export function getOrganizationBySlug(slug: string) {
  return getDb().organization.findUnique({ where: { slug } });
}

export async function isSlugTaken(slug: string) {
  return (await getDb().organization.count({ where: { slug } })) > 0;
}

export class SetupClosedError extends Error {}

/**
 * First run: creates the first organization and its first account (ADMIN, or DPO) at once.
 * The user count is checked inside the transaction so two concurrent setups cannot both succeed.
 */
export async function runFirstSetup(input: {
  organization: OrganizationInput;
  user: { name: string; email: string; password: string; role: Extract<Role, "ADMIN" | "DPO">; locale: "fr" | "en" };
}) {
  const passwordHash = await hashPassword(input.user.password);
  return getDb().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new SetupClosedError();
    const org = await tx.organization.create({ data: input.organization });
    const user = await tx.user.create({
      data: { name: input.user.name, email: normalizeEmail(input.user.email), passwordHash, locale: input.user.locale },
    });
    // The first account can always administer: a DPO who sets up also gets ADMIN rights through this role choice.
    await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: input.user.role } });
    await recordAudit(tx, {
      actorId: user.id,
      organizationId: org.id,
      action: "setup.completed",
      entity: "Organization",
      entityId: org.id,
      details: { role: input.user.role },
    });
    return { org, user };
  });
}

/** Any ADMIN may add another controller to the instance (shared DPO for a métropole, its communes, its CCAS). */
export async function createOrganization(actorId: string, input: OrganizationInput) {
  return getDb().$transaction(async (tx) => {
    const org = await tx.organization.create({ data: input });
    await tx.membership.create({ data: { userId: actorId, organizationId: org.id, role: "ADMIN" } });
    await recordAudit(tx, {
      actorId,
      organizationId: org.id,
      action: "organization.created",
      entity: "Organization",
      entityId: org.id,
      details: { slug: org.slug },
    });
    return org;
  });
}

export class StaleUpdateError extends Error {
  constructor(public current: unknown) {
    super("stale");
  }
}

/** Optimistic lock: the update applies only if nobody changed the organization since `version`. */
export async function updateOrganization(actorId: string, orgId: string, version: number, input: Omit<OrganizationInput, "slug">): Promise<Organization> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: orgId } });
    const res = await tx.organization.updateMany({ where: { id: orgId, version }, data: { ...input, version: { increment: 1 } } });
    if (res.count === 0) throw new StaleUpdateError(before);
    await recordAudit(tx, {
      actorId,
      organizationId: orgId,
      action: "organization.updated",
      entity: "Organization",
      entityId: orgId,
      details: { fields: Object.keys(input), values: before ? valueChanges(before, input, Object.keys(input)) : [] },
    });
    return tx.organization.findUniqueOrThrow({ where: { id: orgId } });
  });
}

const IDENTITY_FIELDS = ["siren", "address", "legalRepresentative", "dpoName", "dpoEmail", "dpoCnilNumber"] as const;

/** What the home page needs, including which Art. 30(1)(a) identity items are still missing. */
export async function getOrganizationOverview(organizationId: string) {
  const db = getDb();
  const [org, departments, memberCount] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.department.findMany({ where: { organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.membership.count({ where: { organizationId } }),
  ]);
  const missingIdentity = IDENTITY_FIELDS.filter((f) => !org[f]);
  return { departments, memberCount, missingIdentity };
}

export function getOrganization(organizationId: string) {
  return getDb().organization.findUniqueOrThrow({ where: { id: organizationId } });
}
