/** Organization groups (ADR 019): a user's own sets of organizations, to filter the portfolio and its exports. */
import { canAddToGroup, canManageGroup } from "~/policies/portfolio.ts";
import { getDb } from "~/utils/db.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export class GroupNotFoundError extends Error {}
export class DuplicateGroupError extends Error {}
export class GroupConflictError extends Error {}

export function listGroups(ownerId: string) {
  return getDb().organizationGroup.findMany({
    where: { ownerId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, version: true, _count: { select: { members: true } } },
  });
}

/** The group if the user owns it; another user's group does not exist for them. */
export async function getOwnGroup(userId: string, id: string) {
  const g = await getDb().organizationGroup.findUnique({
    where: { id },
    include: { members: { select: { organizationId: true } } },
  });
  if (!g || !canManageGroup(userId, g)) return null;
  return { ...g, organizationIds: g.members.map((m) => m.organizationId) };
}

async function memberOrganizationIds(userId: string): Promise<Set<string>> {
  const rows = await getDb().membership.findMany({ where: { userId }, select: { organizationId: true } });
  return new Set(rows.map((r) => r.organizationId));
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
 * Renames the group and sets its members to `organizationIds` (those the owner does not belong to
 * are refused). Optimistic lock on `version`. Each organization's audit log records its joining or leaving.
 */
export async function updateGroup(userId: string, id: string, version: number, input: { name: string; organizationIds: string[] }) {
  const memberOf = await memberOrganizationIds(userId);
  const wanted = [...new Set(input.organizationIds)];
  if (wanted.some((o) => !canAddToGroup(memberOf, o))) throw new GroupNotFoundError("organization");
  return unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    const g = await tx.organizationGroup.findUnique({ where: { id }, include: { members: true } });
    if (!g || !canManageGroup(userId, g)) throw new GroupNotFoundError("group");
    const clash = await tx.organizationGroup.findUnique({ where: { ownerId_name: { ownerId: userId, name: input.name } } });
    if (clash && clash.id !== id) throw new DuplicateGroupError();
    const res = await tx.organizationGroup.updateMany({ where: { id, version }, data: { name: input.name, version: { increment: 1 } } });
    if (res.count === 0) throw new GroupConflictError();
    const before = new Set(g.members.map((m) => m.organizationId));
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
    if (!g || !canManageGroup(userId, g)) throw new GroupNotFoundError("group");
    await tx.organizationGroup.delete({ where: { id } });
    w.audit("group.deleted", "OrganizationGroup", id, { name: g.name });
  });
}
