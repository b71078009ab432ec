/** The portfolio's routes start here: a signed-in user, their memberships, and the policy checks (ADR 019). */
import { filterAndSort, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { listGroups } from "~/models/organization-group.server.ts";
import { heldRoles, portfolioRows } from "~/models/portfolio.server.ts";
import { canOnboardOrganizations, canSeePortfolio } from "~/policies/portfolio.ts";
import { forbidden, requireUser } from "./auth.server.ts";

export async function requirePortfolio(request: Request) {
  const s = await requireUser(request);
  const held = await heldRoles(s.user.id);
  if (!canSeePortfolio(held)) throw forbidden();
  return { ...s, held, canOnboard: canOnboardOrganizations(held) };
}

export async function requireOnboarder(request: Request) {
  const ctx = await requirePortfolio(request);
  if (!ctx.canOnboard) throw forbidden();
  return ctx;
}

/** Every row the filters of `params` keep, sorted; a group the user neither owns nor co-owns is ignored (ADR 019). */
export async function portfolioView(userId: string, params: URLSearchParams) {
  const q = parsePortfolioQuery(params);
  const [rows, groups] = await Promise.all([portfolioRows(userId), listGroups(userId)]);
  let invalid = false;
  if (q.group && !groups.some((g) => g.id === q.group)) {
    q.group = undefined;
    invalid = true;
  }
  return { q, invalid, all: rows, rows: filterAndSort(rows, q), groups };
}
