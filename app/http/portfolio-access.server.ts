/** The portfolio's routes start here: a signed-in user, their memberships, and the policy checks (ADR 019). */
import { filterAndSort, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { listGroups } from "~/models/organization-group.server.ts";
import { heldRoles, portfolioRows } from "~/models/portfolio.server.ts";
import { canOnboardOrganizations, canSeePortfolio } from "~/policies/portfolio.ts";
import { forbidden, requireUser } from "./auth.server.ts";
import { isPlatformAdminEmail } from "./platform-rule.server.ts";

export async function requirePortfolio(request: Request) {
  const s = await requireUser(request);
  // In an instance catalogue, only a platform administrator keeps their role (ADR 020).
  const platformAdmin = isPlatformAdminEmail(s.user.email);
  const held = await heldRoles(s.user.id, platformAdmin);
  if (!canSeePortfolio(held)) throw forbidden();
  return { ...s, held, platformAdmin, canOnboard: canOnboardOrganizations(held) };
}

export async function requireOnboarder(request: Request) {
  const ctx = await requirePortfolio(request);
  if (!ctx.canOnboard) throw forbidden();
  return ctx;
}

/** Every row the filters of `params` keep, sorted; a group the user neither owns nor co-owns is ignored (ADR 019). */
export async function portfolioView(ctx: { user: { id: string }; platformAdmin: boolean }, params: URLSearchParams) {
  const q = parsePortfolioQuery(params);
  const [rows, groups] = await Promise.all([portfolioRows(ctx.user.id, new Date(), ctx.platformAdmin), listGroups(ctx.user.id)]);
  let invalid = false;
  if (q.group && !groups.some((g) => g.id === q.group)) {
    q.group = undefined;
    invalid = true;
  }
  return { q, invalid, all: rows, rows: filterAndSort(rows, q), groups };
}
