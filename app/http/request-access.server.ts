import { getRequestByRef } from "~/models/request.server.ts";
import { canListRequests } from "~/policies/request.ts";
import { forbidden, notFound, requireOrgContext, type OrgContext } from "./auth.server.ts";

/** The request log: 404 for outsiders, 403 for EDITORs and VIEWERs. */
export async function requireRequestLog(request: Request, slug: string | undefined): Promise<OrgContext> {
  const ctx = await requireOrgContext(request, slug);
  if (!canListRequests(ctx.membership.role)) throw forbidden();
  return ctx;
}

export async function requireDataSubjectRequest(request: Request, params: { org?: string; ref?: string }) {
  const ctx = await requireRequestLog(request, params.org);
  if (!params.ref || !/^D-\d{4,}$/.test(params.ref)) throw notFound();
  const r = await getRequestByRef(ctx.org.id, params.ref);
  if (!r) throw notFound();
  return { ctx, dsr: r };
}
