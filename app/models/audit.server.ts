import type { AuditEvent } from "~/generated/prisma/client.ts";
import { getDb, sqlDate, type Tx } from "~/utils/db.server.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  actorId: string | null;
  organizationId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

type HashedFields = Pick<AuditEvent, "seq" | "at" | "actorId" | "organizationId" | "action" | "entity" | "entityId" | "details" | "prevHash">;

/** Sorted keys so the hash does not depend on property order. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function computeAuditHash(e: HashedFields): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      organizationId: e.organizationId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      details: e.details,
      prevHash: e.prevHash,
    }),
  );
}

/** Must be called inside the transaction that makes the change, so both commit or neither. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<AuditEvent> {
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: input.actorId,
    organizationId: input.organizationId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    details: canonicalJson(input.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({ data: { ...fields, hash: computeAuditHash(fields) } });
}

/**
 * Many events at once (a batched import), chained exactly as recordAudit chains them, written with
 * multi-row inserts. `insert` is the caller's bulk writer (same transaction).
 */
export async function recordAuditBatch(tx: Tx, inputs: AuditInput[], insert: (rows: unknown[][]) => Promise<void>): Promise<void> {
  if (inputs.length === 0) return;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields: HashedFields = {
      seq: ++seq,
      at,
      actorId: input.actorId,
      organizationId: input.organizationId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      details: canonicalJson(input.details ?? {}),
      prevHash,
    };
    const hash = computeAuditHash(fields);
    prevHash = hash;
    return [
      fields.seq,
      sqlDate(at),
      fields.actorId,
      fields.organizationId,
      fields.action,
      fields.entity,
      fields.entityId,
      fields.details,
      fields.prevHash,
      hash,
    ];
  });
  await insert(rows);
}

/** Audit for a change with no other write (a failed login, for instance). */
export function recordAuditAlone(input: AuditInput): Promise<AuditEvent> {
  return getDb().$transaction((tx) => recordAudit(tx, input));
}

export type ChainReport = { ok: true; count: number; lastHash: string } | { ok: false; count: number; brokenAt: number; reason: "hash" | "link" | "sequence" };

/** The latest event of the chain, printed on exports so that a later truncation or rewrite is detectable. */
export async function latestAuditAnchor(db: Pick<Tx, "auditEvent"> = getDb()): Promise<{ seq: number; hash: string } | null> {
  return db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

export type AnchorReport = ChainReport & { anchor: { found: true; seq: number } | { found: false } };

/**
 * The whole chain is intact AND still contains the event whose hash was printed (the anchor). A log
 * truncated before that event, or rewritten from any point at or before it, no longer contains the hash.
 */
export async function verifyAuditAnchor(hash: string): Promise<AnchorReport> {
  const chain = await verifyAuditChain();
  const e = await getDb().auditEvent.findFirst({ where: { hash: hash.trim().toLowerCase() }, select: { seq: true, hash: true } });
  // Found but beyond a break: the anchored point is no longer provably part of an intact chain.
  const found = e !== null && (chain.ok || e.seq < chain.brokenAt);
  return { ...chain, anchor: found ? { found: true, seq: e.seq } : { found: false } };
}

/** Walks the chain in pages so a large log does not load at once. */
export async function verifyAuditChain(db: Pick<Tx, "auditEvent"> = getDb()): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: 1000 });
    if (page.length === 0) return { ok: true, count, lastHash: prevHash };
    for (const e of page) {
      if (e.seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: "sequence" };
      if (e.prevHash !== prevHash) return { ok: false, count, brokenAt: e.seq, reason: "link" };
      if (computeAuditHash(e) !== e.hash) return { ok: false, count, brokenAt: e.seq, reason: "hash" };
      prevHash = e.hash;
      expectedSeq++;
      count++;
    }
  }
}

export type AuditFilter = { action?: string; entity?: string; actorId?: string; from?: Date; to?: Date };

export function listAuditEvents(organizationId: string, filter: AuditFilter, page: { skip: number; take: number }) {
  const where = {
    organizationId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
  return getDb().$transaction([
    getDb().auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: page.skip, take: page.take }),
    getDb().auditEvent.count({ where }),
  ]);
}

/** Distinct actions and the names of actors, for the audit page's filters. */
export async function auditFilterOptions(organizationId: string) {
  const db = getDb();
  const actions = await db.auditEvent.findMany({ where: { organizationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  const actorIds = await db.auditEvent.findMany({ where: { organizationId, actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } });
  const actors = await db.user.findMany({ where: { id: { in: actorIds.map((a) => a.actorId!) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { actions: actions.map((a) => a.action), actors };
}
