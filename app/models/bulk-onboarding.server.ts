/**
 * Bulk onboarding (issue 14, ADR 019): many organizations from one file, all or nothing in one unit of
 * work, idempotent on SIREN. For each new organization the importer becomes its DPO, and the contact
 * (mayor, president or director) gets an ADMIN invitation through the mail queue.
 */
import type { OnboardingRow } from "~/import/organizations.ts";
import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import crypto from "node:crypto";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { INVITATION_TTL_MS } from "./invitation.server.ts";
import { notifyInvitationTx } from "./notifications.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

function newId(): string {
  return `c${crypto.randomBytes(12).toString("hex")}`;
}

const AUDIT_COLUMNS = ["seq", "at", "actorId", "organizationId", "action", "entity", "entityId", "details", "prevHash", "hash"];

/** The chained audit rows recordAuditBatch prepared, 100 per statement. */
async function insertAuditRows(tx: Tx, rows: unknown[][]) {
  const one = `(${AUDIT_COLUMNS.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => one).join(", ")}`,
      ...chunk.flat(),
    );
  }
}

export type OnboardingPlan = { create: OnboardingRow[]; existing: { siren: string; name: string }[]; slugTaken: OnboardingRow[] };

/**
 * What a run would do: rows whose SIREN is already on the instance are skipped (re-running creates
 * nothing); a new SIREN whose slug another organization holds is an error.
 */
export async function planOnboarding(rows: OnboardingRow[]): Promise<OnboardingPlan> {
  const db = getDb();
  const [bySiren, bySlug] = await Promise.all([
    db.organization.findMany({ where: { siren: { in: rows.map((r) => r.siren) } }, select: { siren: true } }),
    db.organization.findMany({ where: { slug: { in: rows.map((r) => r.slug) } }, select: { slug: true, siren: true } }),
  ]);
  const existingSirens = new Set(bySiren.map((o) => o.siren));
  const takenSlugs = new Set(bySlug.map((o) => o.slug));
  const plan: OnboardingPlan = { create: [], existing: [], slugTaken: [] };
  for (const r of rows) {
    if (existingSirens.has(r.siren)) plan.existing.push({ siren: r.siren, name: r.name });
    else if (takenSlugs.has(r.slug)) plan.slugTaken.push(r);
    else plan.create.push(r);
  }
  return plan;
}

export class OnboardingConflictError extends Error {
  constructor(public slugs: string[]) {
    super("slug taken");
  }
}

/**
 * Creates the organizations of `rows` that are not on the instance yet, in ONE unit of work: any
 * failure leaves nothing behind. The plan is computed again inside the transaction, so two runs of
 * the same file (or a file confirmed twice) create each organization once.
 */
export async function onboardOrganizations(actorId: string, rows: OnboardingRow[], now = new Date()) {
  const actor = await getDb().user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true, email: true } });
  return unitOfWork({ actorId, organizationId: null }, async ({ tx, ...w }) => {
    const sirens = rows.map((r) => r.siren);
    const existing = new Set((await tx.organization.findMany({ where: { siren: { in: sirens } }, select: { siren: true } })).map((o) => o.siren as string));
    const todo = rows.filter((r) => !existing.has(r.siren));
    const taken = await tx.organization.findMany({ where: { slug: { in: todo.map((r) => r.slug) } }, select: { slug: true } });
    if (taken.length) throw new OnboardingConflictError(taken.map((t) => t.slug));
    // Rows in three multi-row inserts rather than one statement per organization (300 organizations in
    // one unit of work must stay well under the 10-second target); ids are made here to link them.
    const plan = todo.map((r) => ({
      r,
      orgId: newId(),
      membershipId: newId(),
      invitationId: newId(),
      token: generateSecureRandomString() + generateSecureRandomString(),
    }));
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    for (let i = 0; i < plan.length; i += 100) {
      const chunk = plan.slice(i, i + 100);
      await tx.organization.createMany({
        data: chunk.map(({ r, orgId }) => ({
          id: orgId,
          name: r.name,
          slug: r.slug,
          siren: r.siren,
          address: r.address ?? null,
          kind: r.kind,
          departmentCode: r.departmentCode ?? null,
          // The importer is the shared DPO of each organization: named on the register's cover (Art. 30(1)(a)).
          dpoName: actor.name,
          dpoEmail: actor.email,
          defaultLocale: "fr",
          createdAt: now,
        })),
      });
      await tx.membership.createMany({
        data: chunk.map((p) => ({ id: p.membershipId, userId: actorId, organizationId: p.orgId, role: "DPO", createdAt: now })),
      });
      await tx.invitation.createMany({
        data: chunk.map((p) => ({
          id: p.invitationId,
          organizationId: p.orgId,
          email: p.r.email,
          role: "ADMIN",
          departmentIds: "[]",
          tokenHash: sha256Hex(p.token),
          expiresAt,
          createdById: actorId,
          createdAt: now,
        })),
      });
    }
    await w.auditBatch(
      plan.flatMap((p) => [
        {
          actorId,
          organizationId: p.orgId,
          action: "organization.onboarded",
          entity: "Organization",
          entityId: p.orgId,
          details: { slug: p.r.slug, siren: p.r.siren, kind: p.r.kind },
        },
        {
          actorId,
          organizationId: p.orgId,
          action: "invitation.created",
          entity: "Invitation",
          entityId: p.invitationId,
          details: { role: "ADMIN", departmentIds: [] },
        },
      ]),
      (values) => insertAuditRows(tx, values),
    );
    // The invitation mails go through the queue, in the same transaction, as createInvitation sends them.
    for (const p of plan) await notifyInvitationTx(tx, actorId, p.orgId, { email: p.r.email, role: "ADMIN", token: p.token, expiresAt });
    const created = plan.map((p) => ({ id: p.orgId, slug: p.r.slug, name: p.r.name }));
    return { created, skipped: rows.length - todo.length };
  });
}
