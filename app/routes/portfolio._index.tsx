/**
 * The portfolio (issue 14, ADR 019): one row per organization the user belongs to. Filters, sort and
 * page are GET parameters (bookmarkable, no JavaScript needed); the exports take the same ones.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ORGANIZATION_KINDS, pageOf, portfolioHref, PORTFOLIO_SORTS, type PortfolioQuery, type PortfolioSort } from "~/analysis/portfolio.ts";
import { canSeeExposureChanges, canZipRegister } from "~/policies/portfolio.ts";
import { changedActivities } from "~/models/portfolio-changes.server.ts";
import { portfolioView, requirePortfolio } from "~/http/portfolio-access.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const view = await portfolioView(ctx, new URL(request.url).searchParams);
  const page = pageOf(view.rows, view.q.page);
  const departments = [...new Set(view.all.flatMap((r) => (r.departmentCode ? [r.departmentCode] : [])))].sort();
  // The activities a shared vendor's change moved, for the rows of this page whose role is told of them.
  const changes = await changedActivities(page.rows.filter((r) => canSeeExposureChanges(r.role)));
  return {
    q: { ...view.q, page: page.page },
    invalid: view.invalid,
    rows: page.rows.map((r) => {
      const moved = changes.get(r.id) ?? [];
      return { ...r, canZip: canZipRegister(r.role), changes: moved.slice(0, SHOWN_CHANGES), moreChanges: Math.max(0, moved.length - SHOWN_CHANGES) };
    }),
    total: page.total,
    pages: page.pages,
    groups: view.groups.map((g) => ({ id: g.id, name: g.name })),
    departments,
    canOnboard: ctx.canOnboard,
    // Counted over every row, not the filtered ones: "changed only" hides exactly those still updating.
    pendingExposure: view.all.filter((r) => r.exposurePending).length,
  };
}

/** Activities listed under a changed exposure; the organization's notifications list them all. */
const SHOWN_CHANGES = 3;

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "portfolio.title");

/** The columns that sort, with their sort key. */
const SORTABLE: Record<string, PortfolioSort> = Object.fromEntries(PORTFOLIO_SORTS.map((s) => [s, s]));

export default function Portfolio() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const q = d.q as PortfolioQuery;
  const filters = { q: q.q, kind: q.kind, dep: q.dep, group: q.group, changed: q.changed, sort: q.sort, dir: q.dir };
  const exportQuery = portfolioHref({ ...q, page: 1 }, {});
  const sortHeader = (key: PortfolioSort, label: string) => {
    const active = q.sort === key;
    const dir = active && q.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={portfolioHref(q, { sort: SORTABLE[key], dir, page: 1 })}>
          {label}
          {active ? <span aria-hidden="true">{q.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("portfolio.title")}</h1>
        <div className="button-row">
          <a href={`/portfolio/export${exportQuery ? `${exportQuery}&` : "?"}format=csv`} className="button" download>
            {t("portfolio.exportCsv")}
          </a>
          <a href={`/portfolio/export${exportQuery ? `${exportQuery}&` : "?"}format=xlsx`} className="button" download>
            {t("portfolio.exportXlsx")}
          </a>
          <Link to="/portfolio/groups" className="button">
            {t("portfolio.groups.title")}
          </Link>
          {d.canOnboard ? (
            <Link to="/portfolio/onboard" className="button">
              {t("portfolio.onboard.title")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="lead">{t("portfolio.intro")}</p>
      {d.invalid ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("portfolio.filters")}>
        <label>
          {t("portfolio.search")}
          <input type="search" name="q" defaultValue={q.q ?? ""} />
        </label>
        <label>
          {t("portfolio.col.kind")}
          <select name="kind" defaultValue={q.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`portfolio.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("portfolio.col.department")}
          <select name="dep" defaultValue={q.dep ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.departments.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("portfolio.group")}
          <select name="group" defaultValue={q.group ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="changed" value="1" defaultChecked={q.changed === "1"} /> {t("portfolio.changedOnly")}
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
        <Link to="/portfolio" className="button-link">
          {t("portfolio.reset")}
        </Link>
      </Form>
      {d.pendingExposure > 0 ? (
        <div className="callout exposure-pending-notice">
          <p>{t("exposureRefresh.notice", { count: d.pendingExposure })}</p>
          <p>
            {/* A plain link to the same URL: works without JavaScript. */}
            <a href={`/portfolio${portfolioHref(q, {})}`}>{t("exposureRefresh.reload")}</a>
          </p>
        </div>
      ) : null}
      <p aria-live="polite">{t("portfolio.count", { count: d.total })}</p>
      {d.rows.length === 0 ? (
        <p className="empty-state">{t("portfolio.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("portfolio.title")}>
          <table className="register-table">
            <caption className="visually-hidden">{t("portfolio.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portfolio.select")}</th>
                {sortHeader("name", t("portfolio.col.name"))}
                {sortHeader("kind", t("portfolio.col.kind"))}
                {sortHeader("department", t("portfolio.col.department"))}
                {sortHeader("activities", t("portfolio.col.status"))}
                {sortHeader("completeness", t("portfolio.col.completeness"))}
                {sortHeader("overdue", t("portfolio.col.overdueReviews"))}
                {sortHeader("dpia", t("portfolio.col.dpiaMissing"))}
                {sortHeader("actions", t("portfolio.col.overdueDpiaActions"))}
                {sortHeader("exposure", t("portfolio.col.exposure"))}
                {sortHeader("dpa", t("portfolio.col.dpa"))}
                {sortHeader("last", t("portfolio.col.lastActivity"))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.canZip ? (
                      <input type="checkbox" name="org" value={r.slug} form="zip-form" aria-label={t("portfolio.selectOrg", { name: r.name })} />
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/o/${r.slug}`}>{r.name}</Link> <span className="role-badge">{t(`roles.${r.role}`)}</span>
                  </td>
                  <td>
                    {r.kind && (ORGANIZATION_KINDS as readonly string[]).includes(r.kind)
                      ? t(`portfolio.kind.${r.kind as "commune"}`)
                      : t("common.notProvided")}
                  </td>
                  <td>{r.departmentCode ?? t("common.notProvided")}</td>
                  <td>
                    {t("portfolio.statusCounts", {
                      draft: r.status.DRAFT,
                      submitted: r.status.SUBMITTED,
                      changes: r.status.CHANGES_REQUESTED,
                      approved: r.status.APPROVED,
                    })}
                  </td>
                  <td>{r.completeness === null ? t("common.notProvided") : t("register.percent", { value: r.completeness })}</td>
                  <td className={r.overdueReviews ? "overdue" : undefined}>{r.overdueReviews}</td>
                  <td>{r.dpiaMissing}</td>
                  <td className={r.overdueDpiaActions ? "overdue" : undefined}>{r.overdueDpiaActions}</td>
                  <td>
                    <span className={`exposure-badge exposure-${r.exposure}`}>{t(`sovereignty.level.${r.exposure}`)}</span>
                    {r.exposurePending ? <span className="exposure-updating"> ({t("exposureRefresh.updating")})</span> : null}
                    {r.exposureChangedAt ? (
                      <span className="muted">
                        {" "}
                        ·{" "}
                        {r.previousExposure
                          ? t("portfolio.exposureChanged", { date: date(r.exposureChangedAt), previous: t(`sovereignty.level.${r.previousExposure}`) })
                          : null}
                      </span>
                    ) : null}
                    {r.changes.length ? (
                      <>
                        <ul className="exposure-changes" aria-label={t("portfolioChanges.label", { name: r.name })}>
                          {r.changes.map((c) => (
                            <li key={c.activityId}>
                              {t("portfolioChanges.item", {
                                ref: c.ref,
                                name: c.name,
                                before: t(`sovereignty.level.${c.before}`),
                                after: t(`sovereignty.level.${c.after}`),
                              })}
                            </li>
                          ))}
                          {r.moreChanges ? <li>{t("portfolioChanges.more", { count: r.moreChanges })}</li> : null}
                        </ul>
                        <Link to={`/o/${r.slug}/notifications`}>{t("portfolioChanges.details")}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>{t("portfolio.dpaCounts", { missing: r.dpaMissing, due: r.dpaDue })}</td>
                  <td>{r.lastActivityAt ? date(r.lastActivityAt) : t("common.notProvided")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {q.page > 1 ? <Link to={portfolioHref(q, { page: q.page - 1 })}>{t("common.previous")}</Link> : null}
          <span>{t("common.pageOf", { page: q.page, pages: d.pages })}</span>
          {q.page < d.pages ? <Link to={portfolioHref(q, { page: q.page + 1 })}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
      <section aria-labelledby="zip-h" className="stack">
        <h2 id="zip-h">{t("portfolio.zip.title")}</h2>
        <p>{t("portfolio.zip.intro")}</p>
        <Form method="post" action="/portfolio/zip" id="zip-form" reloadDocument>
          {Object.entries(filters).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />))}
          <button type="submit" className="button primary">
            {t("portfolio.zip.start")}
          </button>
        </Form>
      </section>
    </div>
  );
}
