/**
 * The READ side of the audit log for people: events of one organization, filtered by person, type of
 * item, action and date, with the names of who and what they concern resolved from the database, so
 * the page and the CSV never show internal ids. (Writes stay in audit.server.ts.)
 */
import type { AuditEvent } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";

export type AuditLogFilter = { actorId?: string; entity?: string; action?: string; from?: Date; to?: Date };

/** What an event is about, as a person reads it; `href` is null when the item no longer exists. */
export type AuditTarget = { label: string | null; href: string | null; deleted: boolean };

export type ReadableAuditEvent = {
  seq: number;
  at: Date;
  actorName: string | null;
  system: boolean;
  action: string;
  entity: string;
  details: Record<string, unknown>;
  target: AuditTarget;
  /** Names that some details refer to by id (a member's user, an export's share recipient). */
  names: Record<string, string>;
};

function whereOf(organizationId: string, f: AuditLogFilter) {
  return {
    organizationId,
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

function parseDetails(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** Looks up, in a few queries per page, the names of everything the events point at. */
async function resolve(organizationId: string, orgSlug: string, events: AuditEvent[]): Promise<ReadableAuditEvent[]> {
  const db = getDb();
  const ids = (entity: string) => [...new Set(events.filter((e) => e.entity === entity && e.entityId).map((e) => e.entityId!))];
  const details = new Map(events.map((e) => [e.seq, parseDetails(e.details)]));
  const refs = [...new Set(events.map((e) => str(details.get(e.seq)!.ref)).filter((r): r is string => r !== null))];
  const memberUserIds = events
    .filter((e) => e.entity === "Membership")
    .map((e) => str(details.get(e.seq)!.userId))
    .filter((x): x is string => x !== null);
  const [actors, activities, activitiesByRef, vendors, services, hosting, departments, memberships, invitations, shares, users, org] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...new Set(events.map((e) => e.actorId).filter((x): x is string => x !== null))] } },
      select: { id: true, name: true },
    }),
    db.activity.findMany({ where: { organizationId, id: { in: ids("Activity") } }, select: { id: true, ref: true, name: true } }),
    db.activity.findMany({ where: { organizationId, ref: { in: refs } }, select: { id: true, ref: true, name: true } }),
    db.vendor.findMany({ where: { organizationId, id: { in: ids("Vendor") } }, select: { id: true, name: true } }),
    db.service.findMany({
      where: { id: { in: ids("Service") }, vendor: { organizationId } },
      select: { id: true, name: true, vendorId: true, vendor: { select: { name: true } } },
    }),
    db.hostingSite.findMany({ where: { organizationId, id: { in: ids("HostingSite") } }, select: { id: true, name: true } }),
    db.department.findMany({ where: { organizationId, id: { in: ids("Department") } }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { organizationId, id: { in: ids("Membership") } }, select: { id: true, user: { select: { name: true } } } }),
    db.invitation.findMany({ where: { organizationId, id: { in: ids("Invitation") } }, select: { id: true, email: true } }),
    db.shareLink.findMany({ where: { organizationId, id: { in: ids("ShareLink") } }, select: { id: true, recipient: true } }),
    db.user.findMany({ where: { id: { in: [...new Set([...ids("User"), ...ids("Session"), ...memberUserIds])] } }, select: { id: true, name: true } }),
    db.organization.findUnique({ where: { id: organizationId }, select: { name: true } }),
  ]);
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const activityByRef = new Map(activitiesByRef.map((a) => [a.ref, a]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const base = `/o/${orgSlug}`;
  const gone: AuditTarget = { label: null, href: null, deleted: true };
  const found = (label: string, href: string | null): AuditTarget => ({ label, href, deleted: false });

  return events.map((e) => {
    const d = details.get(e.seq)!;
    const id = e.entityId ?? "";
    let target: AuditTarget = { label: null, href: null, deleted: false };
    const names: Record<string, string> = {};
    switch (e.entity) {
      case "Activity":
      case "Screening":
      case "Dpia": {
        const a = (e.entity === "Activity" ? activityById.get(id) : undefined) ?? (str(d.ref) ? activityByRef.get(str(d.ref)!) : undefined);
        const suffix = e.entity === "Dpia" ? "/dpia" : e.entity === "Screening" ? "/screening" : "";
        target = a
          ? found(`${a.ref} — ${a.name}`, `${base}/activities/${a.ref}${suffix}`)
          : str(d.ref)
            ? { label: str(d.ref), href: null, deleted: true }
            : gone;
        break;
      }
      case "Vendor": {
        const v = vendors.find((x) => x.id === id);
        target = v ? found(v.name, `${base}/vendors/${v.id}`) : str(d.name) ? { label: str(d.name), href: null, deleted: true } : gone;
        break;
      }
      case "Service": {
        const s = services.find((x) => x.id === id);
        target = s
          ? found(`${s.name} (${s.vendor.name})`, `${base}/vendors/${s.vendorId}`)
          : str(d.name)
            ? { label: str(d.name), href: null, deleted: true }
            : gone;
        break;
      }
      case "HostingSite": {
        const h = hosting.find((x) => x.id === id);
        target = h ? found(h.name, `${base}/hosting`) : str(d.name) ? { label: str(d.name), href: null, deleted: true } : gone;
        break;
      }
      case "Department": {
        const dep = departments.find((x) => x.id === id);
        target = dep ? found(dep.name, `${base}/departments`) : str(d.name) ? { label: str(d.name), href: null, deleted: true } : gone;
        break;
      }
      case "Membership": {
        const m = memberships.find((x) => x.id === id);
        const byUser = str(d.userId) ? userName.get(str(d.userId)!) : undefined;
        target = m ? found(m.user.name, `${base}/members`) : byUser ? { label: byUser, href: null, deleted: true } : gone;
        break;
      }
      case "Invitation": {
        const inv = invitations.find((x) => x.id === id);
        target = inv ? found(inv.email, `${base}/members`) : str(d.email) ? found(str(d.email)!, null) : gone;
        break;
      }
      case "ShareLink": {
        const s = shares.find((x) => x.id === id);
        if (s) names.recipient = s.recipient;
        target = found(s?.recipient ?? "", `${base}/exports`);
        break;
      }
      case "Export":
        target = found("", `${base}/exports`);
        break;
      case "Organization":
        target = found(org?.name ?? "", `${base}/settings`);
        break;
      case "User":
      case "Session":
        target = { label: userName.get(id) ?? null, href: null, deleted: false };
        break;
    }
    return {
      seq: e.seq,
      at: e.at,
      actorName: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
      system: e.actorId === null,
      action: e.action,
      entity: e.entity,
      details: d,
      target,
      names,
    };
  });
}

export async function readAuditLog(organizationId: string, orgSlug: string, filter: AuditLogFilter, page: { skip: number; take: number }) {
  const db = getDb();
  // The log is append-only: bounding both queries by the newest seq seen gives the page and its total
  // from the same state, without a transaction.
  const newest = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const where = { ...whereOf(organizationId, filter), seq: { lte: newest?.seq ?? 0 } };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: page.skip, take: page.take }),
    db.auditEvent.count({ where }),
  ]);
  return { total, events: await resolve(organizationId, orgSlug, events) };
}

/** People, item types and actions that occur in this organization's log, for the filters. */
export async function auditLogFilterOptions(organizationId: string) {
  const db = getDb();
  const [actions, entities, actorIds] = await Promise.all([
    db.auditEvent.findMany({ where: { organizationId }, distinct: ["action"], select: { action: true } }),
    db.auditEvent.findMany({ where: { organizationId }, distinct: ["entity"], select: { entity: true } }),
    db.auditEvent.findMany({ where: { organizationId, actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } }),
  ]);
  const people = await db.user.findMany({ where: { id: { in: actorIds.map((a) => a.actorId!) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity), people };
}

/** One event with its stored fields, for the ADMIN's raw view; null outside the organization. */
export function getRawAuditEvent(organizationId: string, seq: number) {
  return getDb().auditEvent.findFirst({ where: { organizationId, seq } });
}
