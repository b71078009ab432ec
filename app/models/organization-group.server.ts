/**
 * Organization groups (ADR 019): sets of organizations to filter the portfolio and its exports. A group
 * belongs to the user who created it and may be shared with co-owners (the other DPOs of a service).
 * Every viewer sees and edits only the member organizations they belong to.
 */
import {
  canAddToGroup,
  canAdministerGroup,
  canBeCoOwner,
  canEditGroup,
  canLeaveGroup,
  visibleGroupOrganizations,
  type GroupAccess,
} from "~/policies/portfolio.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export class GroupNotFoundError extends Error {}
export class DuplicateGroupError extends Error {}
export class GroupConflictError extends Error {}
/** The e-mail is not that of a user who may co-own the group (policy canBeCoOwner), or is already one. */
export class CoOwnerError extends Error {
  constructor(public reason: "not_eligible" | "already") {
    super(reason);
    this.name = "CoOwnerError";
  }
}

async function memberOrganizationIds(userId: string, db: Pick<Tx, "membership"> = getDb()): Promise<Set<string>> {
  const rows = await db.membership.findMany({ where: { userId }, select: { organizationId: true } });
  return new Set(rows.map((r) => r.organizationId));
}

const accessOf = (g: { ownerId: string; coOwners: { userId: string }[] }): GroupAccess => ({ ownerId: g.ownerId, coOwnerIds: g.coOwners.map((c) => c.userId) });

/** The groups the user owns or co-owns; `count` is the number of their organizations in each. */
export async function listGroups(userId: string) {
  const [groups, memberOf] = await Promise.all([
    getDb().organizationGroup.findMany({
      where: { OR: [{ ownerId: userId }, { coOwners: { some: { userId } } }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, version: true, ownerId: true, members: { select: { organizationId: true } } },
    }),
    memberOrganizationIds(userId),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    version: g.version,
    shared: g.ownerId !== userId,
    count: visibleGroupOrganizations(
      memberOf,
      g.members.map((m) => m.organizationId),
    ).length,
  }));
}

/**
 * The group if the user owns or co-owns it (another user's group does not exist for them), with only
 * the member organizations the user belongs to; `hiddenCount` says how many others it holds.
 */
export async function getOwnGroup(userId: string, id: string) {
  const g = await getDb().organizationGroup.findUnique({
    where: { id },
    include: {
      members: { select: { organizationId: true } },
      coOwners: { select: { userId: true, user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      owner: { select: { name: true, email: true } },
    },
  });
  if (!g) return null;
  const access = accessOf(g);
  if (!canEditGroup(userId, access)) return null;
  const memberOf = await memberOrganizationIds(userId);
  const all = g.members.map((m) => m.organizationId);
  const organizationIds = visibleGroupOrganizations(memberOf, all);
  return {
    id: g.id,
    name: g.name,
    version: g.version,
    ownerId: g.ownerId,
    owner: g.owner,
    coOwners: g.coOwners.map((c) => ({ id: c.userId, name: c.user.name, email: c.user.email })),
    organizationIds,
    hiddenCount: all.length - organizationIds.length,
    isOwner: canAdministerGroup(userId, g),
    canLeave: canLeaveGroup(userId, access),
  };
}

export async function createGroup(userId: string, name: string) {
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    if (await tx.organizationGroup.findUnique({ where: { ownerId_name: { ownerId: userId, name } } })) throw new DuplicateGroupError();
    const g = await tx.organizationGroup.create({ data: { ownerId: userId, name } });
    w.audit("group.created", "OrganizationGroup", g.id, { name });
    return g;
  });
}

/**
 * Renames the group and sets, among the organizations the editor (owner or co-owner) belongs to, which
 * are members (`organizationIds`; one the editor does not belong to is refused). Members the editor
 * does not belong to are kept untouched: they are not shown to them. Optimistic lock on `version`.
 * Each organization's audit log records its joining or leaving.
 */
export async function updateGroup(userId: string, id: string, version: number, input: { name: string; organizationIds: string[] }) {
  const memberOf = await memberOrganizationIds(userId);
  const wanted = [...new Set(input.organizationIds)];
  if (wanted.some((o) => !canAddToGroup(memberOf, o))) throw new GroupNotFoundError("organization");
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    const g = await tx.organizationGroup.findUnique({ where: { id }, include: { members: true, coOwners: { select: { userId: true } } } });
    if (!g || !canEditGroup(userId, accessOf(g))) throw new GroupNotFoundError("group");
    // Names are unique per owner, whoever renames the group.
    const clash = await tx.organizationGroup.findUnique({ where: { ownerId_name: { ownerId: g.ownerId, name: input.name } } });
    if (clash && clash.id !== id) throw new DuplicateGroupError();
    const res = await tx.organizationGroup.updateMany({ where: { id, version }, data: { name: input.name, version: { increment: 1 } } });
    if (res.count === 0) throw new GroupConflictError();
    const before = new Set(
      visibleGroupOrganizations(
        memberOf,
        g.members.map((m) => m.organizationId),
      ),
    );
    const added = wanted.filter((o) => !before.has(o));
    const removed = [...before].filter((o) => !wanted.includes(o));
    if (removed.length) await tx.organizationGroupMember.deleteMany({ where: { groupId: id, organizationId: { in: removed } } });
    if (added.length) await tx.organizationGroupMember.createMany({ data: added.map((organizationId) => ({ groupId: id, organizationId })) });
    w.audit("group.updated", "OrganizationGroup", id, { name: input.name, added: added.length, removed: removed.length });
    for (const o of added) w.audit("group.organizationAdded", "OrganizationGroup", id, { name: input.name }, { organizationId: o });
    for (const o of removed) w.audit("group.organizationRemoved", "OrganizationGroup", id, { name: input.name }, { organizationId: o });
    return { added: added.length, removed: removed.length };
  });
}

export async function deleteGroup(userId: string, id: string) {
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    const g = await tx.organizationGroup.findUnique({ where: { id } });
    if (!g || !canAdministerGroup(userId, g)) throw new GroupNotFoundError("group");
    await tx.organizationGroup.delete({ where: { id } });
    w.audit("group.deleted", "OrganizationGroup", id, { name: g.name });
  });
}

/**
 * The owner shares the group with another user, named by e-mail, who must pass `canBeCoOwner`. An
 * unknown e-mail and an ineligible user get the same answer, so the form tells nothing of who has an account.
 */
export async function addCoOwner(userId: string, id: string, email: string) {
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    const g = await tx.organizationGroup.findUnique({ where: { id }, include: { members: true, coOwners: { select: { userId: true } } } });
    if (!g || !canAdministerGroup(userId, g)) throw new GroupNotFoundError("group");
    const candidate = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
    if (!candidate) throw new CoOwnerError("not_eligible");
    const [candidateOrgs, ownerServices] = await Promise.all([
      memberOrganizationIds(candidate.id, tx),
      tx.membership.findMany({ where: { userId: g.ownerId, organization: { kind: "dpo_service" } }, select: { organizationId: true } }),
    ]);
    const ok = canBeCoOwner(
      { id: candidate.id, organizationIds: candidateOrgs },
      { ownerId: g.ownerId, organizationIds: g.members.map((m) => m.organizationId) },
      ownerServices.map((s) => s.organizationId),
    );
    if (!ok) throw new CoOwnerError("not_eligible");
    if (g.coOwners.some((c) => c.userId === candidate.id)) throw new CoOwnerError("already");
    await tx.organizationGroupCoOwner.create({ data: { groupId: id, userId: candidate.id, addedById: userId } });
    w.audit("group.coOwnerAdded", "OrganizationGroup", id, { name: g.name, userId: candidate.id });
  });
}

/** The owner removes a co-owner, or a co-owner leaves (`coOwnerId` is then themselves). */
export async function removeCoOwner(userId: string, id: string, coOwnerId: string) {
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    const g = await tx.organizationGroup.findUnique({ where: { id }, include: { coOwners: { select: { userId: true } } } });
    if (!g) throw new GroupNotFoundError("group");
    const access = accessOf(g);
    const allowed = canAdministerGroup(userId, g) || (coOwnerId === userId && canLeaveGroup(userId, access));
    if (!allowed) throw new GroupNotFoundError("group");
    const res = await tx.organizationGroupCoOwner.deleteMany({ where: { groupId: id, userId: coOwnerId } });
    if (res.count === 0) throw new GroupNotFoundError("coOwner");
    w.audit(coOwnerId === userId ? "group.coOwnerLeft" : "group.coOwnerRemoved", "OrganizationGroup", id, { name: g.name, userId: coOwnerId });
  });
}
