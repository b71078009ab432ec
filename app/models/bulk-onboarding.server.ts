/**
 * Bulk onboarding (issue 14, ADR 019): many organizations from one file, all or nothing in one unit of
 * work, idempotent on SIREN. For each new organization the importer becomes its DPO, and the contact
 * (mayor, president or director) gets an ADMIN invitation through the mail queue.
 */
import type { OnboardingRow } from "~/import/organizations.ts";
import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { INVITATION_TTL_MS } from "./invitation.server.ts";
import { notifyInvitationTx } from "./notifications.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

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
    const created: { id: string; slug: string; name: string }[] = [];
    for (const r of todo) {
      const org = await tx.organization.create({
        data: {
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
        },
      });
      await tx.membership.create({ data: { userId: actorId, organizationId: org.id, role: "DPO" } });
      const token = generateSecureRandomString() + generateSecureRandomString();
      const inv = await tx.invitation.create({
        data: {
          organizationId: org.id,
          email: r.email,
          role: "ADMIN",
          departmentIds: "[]",
          tokenHash: sha256Hex(token),
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          createdById: actorId,
          createdAt: now,
        },
      });
      w.audit("organization.onboarded", "Organization", org.id, { slug: org.slug, siren: r.siren, kind: r.kind }, { organizationId: org.id });
      w.audit("invitation.created", "Invitation", inv.id, { role: "ADMIN", departmentIds: [] }, { organizationId: org.id });
      await notifyInvitationTx(tx, actorId, org.id, { email: r.email, role: "ADMIN", token, expiresAt: inv.expiresAt });
      created.push({ id: org.id, slug: org.slug, name: org.name });
    }
    return { created, skipped: rows.length - todo.length };
  });
}
