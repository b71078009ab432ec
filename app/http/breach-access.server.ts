import { getBreachByRef, type BreachRecord } from "~/models/breach.server.ts";
import { canListBreaches, canReadBreach, type BreachActor } from "~/policies/breach.ts";
import { forbidden, notFound, requireOrgContext, type OrgContext } from "./auth.server.ts";

const RefSchema = /^V-\d{4,}$/;

export function breachActor(ctx: OrgContext): BreachActor {
  return { role: ctx.membership.role, departmentIds: ctx.membership.departmentIds };
}

/** The register itself: 404 for outsiders, 403 for VIEWERs. */
export async function requireBreachRegister(request: Request, slug: string | undefined): Promise<OrgContext> {
  const ctx = await requireOrgContext(request, slug);
  if (!canListBreaches(breachActor(ctx))) throw forbidden();
  return ctx;
}

/**
 * One breach of the organization in the URL: 404 when it does not exist there, 403 when the member
 * may not read it (a VIEWER, or an EDITOR of another department).
 */
export async function requireBreach(request: Request, params: { org?: string; ref?: string }): Promise<{ ctx: OrgContext; breach: BreachRecord }> {
  const ctx = await requireBreachRegister(request, params.org);
  if (!params.ref || !RefSchema.test(params.ref)) throw notFound();
  const breach = await getBreachByRef(ctx.org.id, params.ref);
  if (!breach) throw notFound();
  if (!canReadBreach(breachActor(ctx), breach)) throw forbidden();
  return { ctx, breach };
}
