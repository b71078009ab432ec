import type { Organization } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import type { Role } from "~/policies/roles.ts";
import { valueChanges } from "~/utils/audit-values.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { normalizeEmail } from "./user.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

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

/** First run is over: an account exists (the setup page then sends the visitor to the login). */
export class SetupClosedError extends DomainError {
  constructor() {
    super("domainErrors.setupClosed", { status: 409 });
  }
}

/**
 * First run: creates the first organization and its first account (ADMIN, or DPO) at once.
 * The user count is checked inside the transaction so two concurrent setups cannot both succeed.
 */
export async function runFirstSetup(input: {
  organization: OrganizationInput;
  user: { name: string; email: string; password: string; role: Extract<Role, "ADMIN" | "DPO">; locale: "fr" | "en" };
}) {
  const passwordHash = await hashPassword(input.user.password);
  // Actor and organization are created here: set on the event itself.
  return unitOfWork({ actorId: null, organizationId: null }, async ({ tx, ...w }) => {
    if ((await tx.user.count()) > 0) throw new SetupClosedError();
    const org = await tx.organization.create({ data: input.organization });
    const user = await tx.user.create({
      data: { name: input.user.name, email: normalizeEmail(input.user.email), passwordHash, locale: input.user.locale },
    });
    // The first account can always administer: a DPO who sets up also gets ADMIN rights through this role choice.
    await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: input.user.role } });
    w.audit("setup.completed", "Organization", org.id, { role: input.user.role }, { actorId: user.id, organizationId: org.id });
    return { org, user };
  });
}

/** Any ADMIN may add another controller to the instance (shared DPO for a métropole, its communes, its CCAS). */
export async function createOrganization(actorId: string, input: OrganizationInput) {
  return unitOfWork({ actorId, organizationId: null }, async ({ tx, ...w }) => {
    const org = await tx.organization.create({ data: input });
    await tx.membership.create({ data: { userId: actorId, organizationId: org.id, role: "ADMIN" } });
    w.audit("organization.created", "Organization", org.id, { slug: org.slug }, { organizationId: org.id });
    return org;
  });
}

export class StaleUpdateError extends DomainError {
  constructor(public current: unknown) {
    super("errors.staleUpdate", { status: 409, message: "stale" });
  }
}

/** Contact details of people (DPO, legal representative): personal data kept out of the immutable audit values. */
const PERSONAL_FIELDS = new Set(["legalRepresentative", "dpoName", "dpoEmail", "dpoPhone", "accessibilityContact"]);

/** Optimistic lock: the update applies only if nobody changed the organization since `version`. */
export async function updateOrganization(actorId: string, orgId: string, version: number, input: Omit<OrganizationInput, "slug">): Promise<Organization> {
  return unitOfWork({ actorId, organizationId: orgId }, async ({ tx, ...w }) => {
    const before = await tx.organization.findUnique({ where: { id: orgId } });
    const res = await tx.organization.updateMany({ where: { id: orgId, version }, data: { ...input, version: { increment: 1 } } });
    if (res.count === 0) throw new StaleUpdateError(before);
    // The audit chain cannot be erased: people's contact details are named as changed, their values are not kept.
    const valued = Object.keys(input).filter((k) => !PERSONAL_FIELDS.has(k));
    w.audit("organization.updated", "Organization", orgId, { fields: Object.keys(input), values: before ? valueChanges(before, input, valued) : [] });
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
