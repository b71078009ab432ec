import { getDb, type Tx } from "~/utils/db.server.ts";
import { roleHasDepartments } from "~/policies/department.ts";
import { canResetPasswordIn, organizationHasAdmin } from "~/policies/organization.ts";
import { isRole, type Role } from "~/policies/roles.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type MembershipContext = {
  membershipId: string;
  role: Role;
  departmentIds: string[];
  /** `instanceCatalogue`: the organization keeps the instance catalogue (ADR 020, app/policies/platform.ts). */
  organization: { id: string; slug: string; name: string; defaultLocale: string; instanceCatalogue: boolean };
};

export async function listUserOrganizations(userId: string) {
  const rows = await getDb().membership.findMany({
    where: { userId },
    include: { organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.flatMap((m) => (isRole(m.role) ? [{ ...m.organization, role: m.role }] : []));
}

/** The membership columns of the organization-page query; shared with the session lookup (session.server.ts). */
export const MEMBERSHIP_COLUMNS = `m."id" AS "membershipId", m."role" AS "role", o."id" AS "orgId", o."slug" AS "orgSlug", o."name" AS "orgName",
           o."defaultLocale" AS "defaultLocale", o."instanceCatalogue" AS "instanceCatalogue",
           (SELECT json_group_array(md."departmentId") FROM "MembershipDepartment" md WHERE md."membershipId" = m."id") AS "departmentIds"`;

export type MembershipRow = {
  membershipId: string | null;
  role: string | null;
  orgId: string | null;
  orgSlug: string | null;
  orgName: string | null;
  defaultLocale: string | null;
  instanceCatalogue: boolean | number | bigint | null;
  departmentIds: string | null;
};

export function toMembershipContext(m: MembershipRow | undefined): MembershipContext | null {
  if (!m || m.membershipId === null || m.role === null || !isRole(m.role)) return null;
  const departmentIds = (JSON.parse(m.departmentIds ?? "[]") as string[]).sort();
  return {
    membershipId: m.membershipId,
    role: m.role,
    departmentIds,
    organization: {
      id: m.orgId!,
      slug: m.orgSlug!,
      name: m.orgName!,
      defaultLocale: m.defaultLocale!,
      instanceCatalogue: Boolean(Number(m.instanceCatalogue ?? 0)),
    },
  };
}

/** The one place that ties a user to an organization: every scoped query starts from its result. */
export async function getMembershipBySlug(userId: string, slug: string): Promise<MembershipContext | null> {
  // One query on every organization page (issue 18): membership, organization and department ids together.
  const rows = await getDb().$queryRawUnsafe<MembershipRow[]>(
    `SELECT ${MEMBERSHIP_COLUMNS}
     FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
     WHERE m."userId" = ? AND o."slug" = ?
     LIMIT 1`,
    userId,
    slug,
  );
  return toMembershipContext(rows[0]);
}

export function listMembers(organizationId: string) {
  return getDb().membership.findMany({
    where: { organizationId },
    include: {
      user: { select: { id: true, name: true, email: true } },
      departments: { include: { department: { select: { id: true, name: true } } } },
    },
    orderBy: { user: { name: "asc" } },
  });
}

export class LastAdminError extends DomainError {
  constructor() {
    super("errors.lastAdmin", { status: 400 });
  }
}
/** A department outside the organization (shown on the departments field), or a membership outside it (404). */
export class NotFoundError extends DomainError {
  constructor(what: "department" | "membership") {
    super(
      what === "department" ? "errors.choice" : "errors.notFoundBody",
      what === "department" ? { status: 400, field: "departmentIds", message: what } : { status: 404, message: what },
    );
  }
}

async function assertDepartmentsInOrg(tx: Tx, organizationId: string, departmentIds: string[]) {
  if (departmentIds.length === 0) return;
  const n = await tx.department.count({ where: { organizationId, id: { in: departmentIds } } });
  if (n !== new Set(departmentIds).size) throw new NotFoundError("department");
}

export async function updateMembership(actorId: string, organizationId: string, membershipId: string, input: { role: Role; departmentIds: string[] }) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, organizationId }, include: { departments: true } });
    if (!m) throw new NotFoundError("membership");
    if (m.role === "ADMIN" && input.role !== "ADMIN") {
      const admins = await tx.membership.count({ where: { organizationId, role: "ADMIN" } });
      if (admins <= 1) throw new LastAdminError();
    }
    const departmentIds = roleHasDepartments(input.role) ? [...new Set(input.departmentIds)] : [];
    await assertDepartmentsInOrg(tx, organizationId, departmentIds);
    await tx.membership.update({ where: { id: membershipId }, data: { role: input.role } });
    await tx.membershipDepartment.deleteMany({ where: { membershipId } });
    if (departmentIds.length) {
      await tx.membershipDepartment.createMany({ data: departmentIds.map((departmentId) => ({ membershipId, departmentId })) });
    }
    w.audit("member.role_changed", "Membership", membershipId, { userId: m.userId, from: m.role, to: input.role, departmentIds });
  });
}

export async function removeMembership(actorId: string, organizationId: string, membershipId: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, organizationId } });
    if (!m) throw new NotFoundError("membership");
    if (m.role === "ADMIN" && (await tx.membership.count({ where: { organizationId, role: "ADMIN" } })) <= 1) throw new LastAdminError();
    await tx.membership.delete({ where: { id: membershipId } });
    w.audit("member.removed", "Membership", membershipId, { userId: m.userId, role: m.role });
  });
}

export function getMemberInOrg(organizationId: string, membershipId: string) {
  return getDb().membership.findFirst({ where: { id: membershipId, organizationId }, include: { user: { select: { id: true, name: true, email: true } } } });
}

/**
 * A password reset hands over the whole account, which may belong to other organizations too.
 * The actor may do it only if, in every organization of the target, they could manage the target's role.
 */
export async function canResetPasswordOf(actorId: string, targetUserId: string): Promise<boolean> {
  if (actorId === targetUserId) return false;
  const db = getDb();
  const targetMemberships = await db.membership.findMany({ where: { userId: targetUserId } });
  for (const tm of targetMemberships) {
    const mine = await db.membership.findUnique({ where: { userId_organizationId: { userId: actorId, organizationId: tm.organizationId } } });
    if (!mine || !isRole(mine.role) || !isRole(tm.role)) return false;
    const roles = await db.membership.findMany({ where: { organizationId: tm.organizationId }, select: { role: true } });
    if (!canResetPasswordIn(mine.role, tm.role, organizationHasAdmin(roles.map((r) => r.role)))) return false;
  }
  return true;
}
