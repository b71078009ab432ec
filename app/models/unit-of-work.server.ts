/**
 * The unit of work (issue 12.3, ADR 009): the ONE way a model changes domain data. It runs `fn` in a
 * serialized write transaction (writeTx: BEGIN IMMEDIATE, one writer at a time) and, before the
 * commit, applies the write rules that every change must respect, so that no call site can forget them:
 *
 * - audit: a unit of work that changed any row records at least one audit event (chained, in the same
 *   transaction). One that changes rows and records none fails and rolls back (UnauditedWriteError),
 *   unless it says why with `{ unaudited: "reason" }`.
 * - analysis cache: `w.analysisChanged()` (or an audit event flagged `analysis: true`) bumps the
 *   organization's analysis version ONCE, at the end, whatever the number of changes.
 * - exposure snapshots: after the commit, the organizations whose analysis changed are queued for a
 *   background refresh of their portfolio snapshot (ADR 022).
 * - search index: `w.reindex(activity, content, departmentName)` rewrites the activity's FTS row; the
 *   last call per activity wins and runs once, at the end.
 *
 *   await unitOfWork({ actorId, organizationId }, async (w) => {
 *     const d = await w.tx.department.create({ data: { organizationId, name } });
 *     w.audit("department.created", "Department", d.id, { name });
 *     return d;
 *   });
 *
 * tests/unit/unit-of-work.test.ts fails when a model opens a transaction any other way.
 */
import type { ActivityContent } from "~/schemas/activity.ts";
import { type Tx, writeTx, type WriteTxOptions } from "~/utils/db.server.ts";
import { indexActivity } from "./activity-search.server.ts";
import { bumpAnalysisVersions } from "./analysis-version.server.ts";
import type { AuditEvent } from "~/generated/prisma/client.ts";
import { recordAudit, recordAuditBatch, type AuditInput } from "./audit.server.ts";
import { enqueueExposureRefresh } from "./exposure-queue.server.ts";

export type UnitOfWorkContext = {
  /** The user acting; null for the system (command line, scheduled jobs). */
  actorId: string | null;
  /** The organization changed; null for instance-wide changes (users, sessions). */
  organizationId: string | null;
};

export type Work = {
  tx: Tx;
  ctx: UnitOfWorkContext;
  /** Records an audit event (written at the end of the unit, in call order, in the same transaction). */
  audit(
    action: string,
    entity: string,
    entityId?: string | null,
    details?: Record<string, unknown>,
    opts?: { organizationId?: string | null; actorId?: string | null },
  ): void;
  /** Records an audit event at once and returns it (when the caller needs its seq or hash). */
  auditNow(input: Omit<AuditInput, "actorId" | "organizationId"> & Partial<Pick<AuditInput, "actorId" | "organizationId">>): Promise<AuditEvent>;
  /** Records many audit events at once, in batched inserts (bulk import), and returns when they are written. */
  auditBatch(inputs: AuditInput[], insert: (rows: unknown[][]) => Promise<void>): Promise<void>;
  /** The change can alter an activity's analysis (transfers, vendors, hosting): cached analyses are invalid. */
  analysisChanged(organizationId?: string): void;
  /** The activity's searchable text changed. */
  reindex(activity: { id: string; organizationId: string }, content: ActivityContent, departmentName: string | null): void;
};

export class UnauditedWriteError extends Error {
  constructor() {
    super("a unit of work must record an audit event, or say why not with { unaudited }");
    this.name = "UnauditedWriteError";
  }
}

export type UnitOfWorkOptions = WriteTxOptions & {
  /** Why this change is not audited (sessions, throttling counters…). Required to record no event. */
  unaudited?: string;
};

export async function unitOfWork<T>(ctx: UnitOfWorkContext, fn: (w: Work) => Promise<T>, opts: UnitOfWorkOptions = {}): Promise<T> {
  const analysis = new Set<string>();
  const result = await writeTx(async (tx) => {
    const changes = async () => Number((await tx.$queryRawUnsafe<{ c: bigint | number }[]>("SELECT total_changes() AS c"))[0]!.c);
    const changesBefore = await changes();
    const events: AuditInput[] = [];
    let recorded = 0;
    // A retried transaction starts again from an empty set.
    analysis.clear();
    const reindex = new Map<string, () => Promise<void>>();
    const w: Work = {
      tx,
      ctx,
      audit(action, entity, entityId, details, o) {
        events.push({
          actorId: o?.actorId !== undefined ? o.actorId : ctx.actorId,
          organizationId: o?.organizationId !== undefined ? o.organizationId : ctx.organizationId,
          action,
          entity,
          entityId: entityId ?? null,
          details,
        });
      },
      auditNow(input) {
        recorded++;
        return recordAudit(tx, { actorId: ctx.actorId, organizationId: ctx.organizationId, ...input });
      },
      async auditBatch(inputs, insert) {
        recorded += inputs.length;
        await recordAuditBatch(tx, inputs, insert);
      },
      analysisChanged(organizationId) {
        const id = organizationId ?? ctx.organizationId;
        if (!id) throw new Error("analysisChanged needs an organization");
        analysis.add(id);
      },
      reindex(activity, content, departmentName) {
        reindex.set(activity.id, () => indexActivity(tx, activity, content, departmentName));
      },
    };
    const result = await fn(w);
    // A unit that changed rows must say so in the audit log (one that found nothing to change need not).
    if (events.length === 0 && recorded === 0 && !opts.unaudited && (await changes()) !== changesBefore) throw new UnauditedWriteError();
    for (const r of reindex.values()) await r();
    if (analysis.size > 0) await bumpAnalysisVersions(tx, [...analysis]);
    for (const e of events) await recordAudit(tx, e);
    return result;
  }, opts);
  // After the commit (never for a rolled-back unit): the exposure snapshots of these organizations are
  // refreshed in the background (ADR 022), not by the next portfolio load.
  if (analysis.size > 0) enqueueExposureRefresh(analysis);
  return result;
}
