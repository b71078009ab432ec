/**
 * The sovereignty dashboard: where the organization's data can go and whose law can compel access to
 * it, across all its activities. Every member may read it; EDITORs see the organization-wide figures
 * but not the names of other departments' activities.
 *
 * With flat routes, /sovereignty/what-if is a child of this route: when it matches, this component
 * only renders the child (see useOutlet), and the loader skips the dashboard computation.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useOutlet, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { compareLevels, EXPOSURE_LEVELS } from "~/analysis/sovereignty.ts";
import { ExposureBadge } from "~/components/activity-sovereignty.tsx";
import { WorldMap } from "~/components/world-map.tsx";
import { listActivitiesByStatus } from "~/models/activity.server.ts";
import { sovereigntyDashboard } from "~/models/sovereignty.server.ts";
import { countryName } from "~/reference/countries.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";

type TransferProblem = "missing" | "not_certified" | "refused_derogation" | "out_of_scope" | "derogation" | "to_verify";

function isDashboardPath(pathname: string, slug: string) {
  return pathname.replace(/\/+$/, "") === `/o/${slug}/sovereignty`;
}

/** Storage and processing in the same country by the same vendor are one transfer to fix, not two. */
function dedupe<T extends { ref: string | null; country: string; who: string; status: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    // Hidden rows (another department's activity) stay distinct: they may be different activities.
    const key = r.ref === null ? null : `${r.ref}|${r.country}|${r.who}|${r.status}`;
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  // A child route (what-if) is being rendered: it has its own loader, and the dashboard is not shown.
  if (!isDashboardPath(new URL(request.url).pathname, ctx.org.slug)) return { dashboard: null };

  const scope = departmentScope(ctx);
  const [d, visible] = await Promise.all([
    sovereigntyDashboard(ctx.org.id),
    // An EDITOR sees only their departments' activities by name; the figures stay organization-wide.
    scope.kind === "departments"
      ? listActivitiesByStatus(ctx.org.id, ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"], { scope, take: 100_000 })
      : Promise.resolve(null),
  ]);
  const visibleRefs = visible ? new Set(visible.map((a) => a.ref)) : null;
  const byLevel = new Map(d.levels.map((l) => [l.level, l]));
  const levels = [...EXPOSURE_LEVELS]
    .sort((a, b) => compareLevels(b, a))
    .map((level) => ({ level, count: byLevel.get(level)?.count ?? 0, weighted: byLevel.get(level)?.weighted ?? 0 }));
  return {
    dashboard: {
      levels,
      totalWeighted: levels.reduce((s, l) => s + l.weighted, 0),
      activityCount: d.activityCount,
      vendorsRanked: d.vendorsRanked,
      missingSafeguardCount: d.missingSafeguardCount,
      missingSafeguards: dedupe(
        d.missingSafeguards.map((m) => {
          const shown = !visibleRefs || visibleRefs.has(m.ref);
          return {
            ref: shown ? m.ref : null,
            name: shown ? m.name : null,
            country: m.country,
            who: m.who,
            status: m.status as TransferProblem,
            missingFact: m.missingFact,
          };
        }),
      ),
      dpaAttention: d.dpaAttention.map((v) => ({
        ...v,
        dpaStatus: v.dpaStatus,
      })),
      map: d.map,
    },
    canManageVendors: canManageVendors(ctx.membership),
  };
}

/** Query changes of the what-if form must not recompute the dashboard. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname || (formMethod !== undefined && formMethod !== "GET" && defaultShouldRevalidate);

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("sovereigntyUi.dashboard.title")} — ${t("app.name")}` }];
};

export default function SovereigntyRoute() {
  const outlet = useOutlet();
  return outlet ?? <Dashboard />;
}

type DashboardData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["dashboard"]>;

function Dashboard() {
  const { dashboard: d, canManageVendors } = useLoaderData<typeof loader>();
  const { t } = useT();
  const org = useParams().org ?? "";
  const base = `/o/${org}`;
  if (!d) return null;
  const nothingLinked = d.levels.every((l) => l.level === "unknown" || l.count === 0);
  return (
    <div className="page sovereignty-page">
      <h1>{t("sovereigntyUi.dashboard.title")}</h1>
      <p className="lead">{t("sovereigntyUi.dashboard.intro")}</p>
      <div className="button-row">
        <Link to={`${base}/sovereignty/what-if`} className="button">
          {t("sovereigntyUi.dashboard.whatIfLink")}
        </Link>
        {canManageVendors ? (
          <Link to={`${base}/vendors`} className="button">
            {t("sovereigntyUi.dashboard.vendorsLink")}
          </Link>
        ) : null}
      </div>

      {nothingLinked ? (
        <div className="callout">
          <p>{t(d.activityCount === 0 ? "sovereigntyUi.dashboard.noActivities" : "sovereigntyUi.dashboard.nothingLinked")}</p>
        </div>
      ) : null}

      <LevelsPanel levels={d.levels} totalWeighted={d.totalWeighted} activityCount={d.activityCount} />

      <section className="panel" aria-labelledby="map-h">
        <h2 id="map-h">{t("sovereigntyUi.dashboard.mapTitle")}</h2>
        <p>{t("sovereigntyUi.dashboard.mapIntro")}</p>
        <WorldMap counts={d.map} />
      </section>

      <MissingSafeguards rows={d.missingSafeguards} total={d.missingSafeguardCount} base={base} />
      <DpaAttention rows={d.dpaAttention} base={base} />
      <VendorDependence rows={d.vendorsRanked} base={base} />
    </div>
  );
}

function percent(part: number, total: number) {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

function LevelsPanel({ levels, totalWeighted, activityCount }: { levels: DashboardData["levels"]; totalWeighted: number; activityCount: number }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="levels-h">
      <h2 id="levels-h">{t("sovereigntyUi.dashboard.levelsTitle")}</h2>
      <p>{t("sovereigntyUi.dashboard.levelsIntro", { count: activityCount })}</p>
      <p className="hint" id="weighting-help">
        {t("sovereigntyUi.dashboard.weighting")}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="levels-caption">
        <table className="compact">
          <caption id="levels-caption">{t("sovereigntyUi.dashboard.levelsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sovereigntyUi.dashboard.colLevel")}</th>
              <th scope="col" className="num">
                {t("sovereigntyUi.dashboard.colActivities")}
              </th>
              <th scope="col" className="num">
                {t("sovereigntyUi.dashboard.colShare")}
              </th>
              <th scope="col" className="num" aria-describedby="weighting-help">
                {t("sovereigntyUi.dashboard.colWeighted")}
              </th>
              <th scope="col" className="num">
                {t("sovereigntyUi.dashboard.colWeightedShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">
                  <ExposureBadge level={l.level} />
                </th>
                <td className="num">{l.count}</td>
                <td className="num">{t("sovereigntyUi.percent", { value: percent(l.count, activityCount) })}</td>
                <td className="num">{l.weighted}</td>
                <td className="num">{t("sovereigntyUi.percent", { value: percent(l.weighted, totalWeighted) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="level-help">
        <summary>{t("sovereigntyUi.dashboard.levelsHelp")}</summary>
        <dl className="definition-list">
          {levels.map((l) => (
            <div key={l.level}>
              <dt>{t(`sovereignty.level.${l.level}`)}</dt>
              <dd>{t(`sovereignty.levelHelp.${l.level}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

function MissingSafeguards({ rows, total, base }: { rows: DashboardData["missingSafeguards"]; total: number; base: string }) {
  const { t, has, locale } = useT();
  return (
    <section className="panel" aria-labelledby="missing-h">
      <h2 id="missing-h">
        {t("sovereigntyUi.dashboard.missingTitle")} <span className="count-badge">{total}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.dashboard.missingNone")}</p>
      ) : (
        <>
          <p>{t("sovereigntyUi.dashboard.missingIntro")}</p>
          {total > rows.length ? <p className="hint">{t("sovereigntyUi.dashboard.missingTruncated", { shown: rows.length, total })}</p> : null}
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="missing-caption">
            <table className="compact">
              <caption id="missing-caption">{t("sovereigntyUi.dashboard.missingCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sovereigntyUi.colActivity")}</th>
                  <th scope="col">{t("sovereigntyUi.colCountry")}</th>
                  <th scope="col">{t("sovereigntyUi.colWho")}</th>
                  <th scope="col">{t("sovereigntyUi.colStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.ref ?? "hidden"}-${r.country}-${i}`}>
                    <th scope="row">
                      {r.ref ? (
                        <Link to={`${base}/activities/${r.ref}`}>
                          {r.ref} — {r.name}
                        </Link>
                      ) : (
                        <span className="muted">{t("sovereigntyUi.otherDepartment")}</span>
                      )}
                    </th>
                    <td>{countryName(r.country, locale)}</td>
                    <td>{r.who}</td>
                    <td>
                      {t(`sovereignty.transfer.${r.status}`)}
                      {r.missingFact && has(`sovereignty.fact.${r.missingFact}`) ? (
                        <> ({t("legal.dashboard.missingFact", { fact: t(`sovereignty.fact.${r.missingFact}` as MessageKey) })})</>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function DpaAttention({ rows, base }: { rows: DashboardData["dpaAttention"]; base: string }) {
  const { t, date } = useT();
  return (
    <section className="panel" aria-labelledby="dpa-h">
      <h2 id="dpa-h">
        {t("sovereigntyUi.dashboard.dpaTitle")} <span className="count-badge">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.dashboard.dpaNone")}</p>
      ) : (
        <>
          <p>{t("sovereigntyUi.dashboard.dpaIntro")}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="dpa-caption">
            <table className="compact">
              <caption id="dpa-caption">{t("sovereigntyUi.dashboard.dpaCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sovereigntyUi.colVendor")}</th>
                  <th scope="col">{t("sovereigntyUi.dashboard.colDpaStatus")}</th>
                  <th scope="col">{t("sovereigntyUi.dashboard.colNextReview")}</th>
                  <th scope="col">{t("sovereigntyUi.dashboard.colWhy")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`${base}/vendors/${v.id}`}>{v.name}</Link>
                    </th>
                    <td>{t(`sovereigntyUi.dpaStatus.${v.dpaStatus}`)}</td>
                    <td>{v.dpaNextReview ? date(v.dpaNextReview) : t("common.notProvided")}</td>
                    <td>
                      {v.dpaStatus === "NONE" || v.dpaStatus === "REQUESTED"
                        ? t("sovereigntyUi.dashboard.dpaWhyMissing")
                        : v.overdue
                          ? t("sovereigntyUi.dashboard.dpaWhyOverdue")
                          : t("sovereigntyUi.dashboard.dpaWhySoon")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function VendorDependence({ rows, base }: { rows: DashboardData["vendorsRanked"]; base: string }) {
  const { t, locale } = useT();
  return (
    <section className="panel" aria-labelledby="dependence-h">
      <h2 id="dependence-h">{t("sovereigntyUi.dashboard.dependenceTitle")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.dashboard.dependenceNone")}</p>
      ) : (
        <>
          <p>{t("sovereigntyUi.dashboard.dependenceIntro")}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="dependence-caption">
            <table className="compact">
              <caption id="dependence-caption">{t("sovereigntyUi.dashboard.dependenceCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sovereigntyUi.colVendor")}</th>
                  <th scope="col">{t("sovereigntyUi.dashboard.colEstablished")}</th>
                  <th scope="col" className="num">
                    {t("sovereigntyUi.dashboard.colActivities")}
                  </th>
                  <th scope="col" className="num">
                    {t("sovereigntyUi.dashboard.colSensitive")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`${base}/vendors/${v.id}`}>{v.name}</Link>
                    </th>
                    <td>
                      {countryName(v.country, locale)}
                      {v.parentCountry && v.parentCountry !== v.country ? (
                        <span className="muted"> {t("sovereigntyUi.dashboard.parentIn", { country: countryName(v.parentCountry, locale) })}</span>
                      ) : null}
                    </td>
                    <td className="num">{v.activities}</td>
                    <td className="num">{v.sensitive}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
