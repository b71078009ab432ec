/**
 * "What if we moved e-mail from A to B?": replaces a vendor's services (or one service) by another
 * service in every activity that uses them and compares the exposure before and after. A GET form, so
 * it works without JavaScript and a simulation can be bookmarked or sent; nothing is ever written.
 */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import type { ExposureLevel } from "~/analysis/sovereignty.ts";
import { ExposureBadge } from "~/components/activity-sovereignty.tsx";
import { listActivitiesByStatus } from "~/models/activity.server.ts";
import { whatIf } from "~/models/sovereignty.server.ts";
import { listServicesForPicker } from "~/models/vendor.server.ts";
import { countryName } from "~/reference/countries.ts";
import { parseFrom, WhatIfQuerySchema } from "~/schemas/sovereignty.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";

type Side = { level: ExposureLevel; countries: string[]; jurisdictions: string[] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const url = new URL(request.url);
  const services = await listServicesForPicker(ctx.org.id);
  const parsed = WhatIfQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const base = { services, query: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" } };
  if (!parsed.success) return { ...base, message: "sovereigntyUi.whatIf.invalid" as MessageKey, result: null };
  const { from, to } = parsed.data;
  if (!from && !to) return { ...base, message: null, result: null };
  if (!from || !to) return { ...base, message: "sovereigntyUi.whatIf.chooseBoth" as MessageKey, result: null };

  const source = parseFrom(from);
  const known = source.vendorId ? services.some((s) => s.vendor.id === source.vendorId) : services.some((s) => s.id === source.serviceId);
  if (!known || !services.some((s) => s.id === to)) return { ...base, message: "sovereigntyUi.whatIf.unknown" as MessageKey, result: null };
  if (source.serviceId === to) return { ...base, message: "sovereigntyUi.whatIf.same" as MessageKey, result: null };

  const scope = departmentScope(ctx);
  const [rows, visible] = await Promise.all([
    whatIf(ctx.org.id, source, to),
    scope.kind === "departments"
      ? listActivitiesByStatus(ctx.org.id, ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"], { scope, take: 100_000 })
      : Promise.resolve(null),
  ]);
  const visibleRefs = visible ? new Set(visible.map((a) => a.ref)) : null;
  const side = (s: (typeof rows)[number]["before"]): Side => ({ level: s.level, countries: s.countries, jurisdictions: s.jurisdictions });
  return {
    ...base,
    message: null,
    result: {
      summary: {
        improved: rows.filter((r) => r.change < 0).length,
        worse: rows.filter((r) => r.change > 0).length,
        unchanged: rows.filter((r) => r.change === 0).length,
      },
      rows: rows.map((r) => {
        // An EDITOR does not learn the names of other departments' activities.
        const shown = !visibleRefs || visibleRefs.has(r.ref);
        return {
          ref: shown ? r.ref : null,
          name: shown ? r.name : null,
          sensitive: r.sensitive,
          before: side(r.before),
          after: side(r.after),
          change: r.change,
        };
      }),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("sovereigntyUi.whatIf.title")} — ${t("app.name")}` }];
};

export default function WhatIfPage() {
  const d = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const org = useParams().org ?? "";
  const base = `/o/${org}`;
  const vendors = new Map<string, { id: string; name: string; country: string; services: { id: string; name: string }[] }>();
  for (const s of d.services) {
    const v = vendors.get(s.vendor.id) ?? { ...s.vendor, services: [] };
    v.services.push({ id: s.id, name: s.name });
    vendors.set(s.vendor.id, v);
  }
  const names = (codes: string[]) => (codes.length ? codes.map((c) => countryName(c, locale)).join(", ") : t("sovereigntyUi.none"));
  const serviceOptions = [...vendors.values()].map((v) => (
    <optgroup key={v.id} label={`${v.name} (${countryName(v.country, locale)})`}>
      {v.services.map((s) => (
        <option key={s.id} value={s.id}>
          {v.name} — {s.name}
        </option>
      ))}
    </optgroup>
  ));

  return (
    <div className="page sovereignty-page">
      <Breadcrumbs trail={[{ to: `${base}/sovereignty`, label: t("sovereigntyUi.dashboard.title") }]} current={t("sovereigntyUi.whatIf.breadcrumb")} />
      <h1>{t("sovereigntyUi.whatIf.title")}</h1>
      <p className="lead">{t("sovereigntyUi.whatIf.intro")}</p>
      <div className="callout">
        <p>
          <strong>{t("sovereigntyUi.whatIf.nothingWritten")}</strong>
        </p>
      </div>

      {d.services.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.whatIf.noServices")}</p>
      ) : (
        <Form method="get" className="filters what-if-form" aria-labelledby="what-if-form-h" preventScrollReset>
          <h2 id="what-if-form-h" className="visually-hidden">
            {t("sovereigntyUi.whatIf.formTitle")}
          </h2>
          <label>
            {t("sovereigntyUi.whatIf.fromLabel")}
            <select name="from" defaultValue={d.query.from} required>
              <option value="">{t("sovereigntyUi.whatIf.choose")}</option>
              {[...vendors.values()].map((v) => (
                <optgroup key={v.id} label={`${v.name} (${countryName(v.country, locale)})`}>
                  <option value={`vendor:${v.id}`}>{t("sovereigntyUi.whatIf.allServicesOf", { vendor: v.name })}</option>
                  {v.services.map((s) => (
                    <option key={s.id} value={`service:${s.id}`}>
                      {v.name} — {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {t("sovereigntyUi.whatIf.toLabel")}
            <select name="to" defaultValue={d.query.to} required>
              <option value="">{t("sovereigntyUi.whatIf.choose")}</option>
              {serviceOptions}
            </select>
          </label>
          <button type="submit" className="button primary">
            {t("sovereigntyUi.whatIf.submit")}
          </button>
        </Form>
      )}

      {d.message ? (
        <div className={d.message === "sovereigntyUi.whatIf.same" ? "callout" : "callout warning"} role="status">
          <p>{t(d.message)}</p>
        </div>
      ) : null}

      {d.result ? (
        <section className="panel" aria-labelledby="what-if-result-h">
          <h2 id="what-if-result-h">{t("sovereigntyUi.whatIf.resultTitle")}</h2>
          {d.result.rows.length === 0 ? (
            <p>{t("sovereigntyUi.whatIf.noneAffected")}</p>
          ) : (
            <>
              <ul className="stats what-if-summary" aria-label={t("sovereigntyUi.whatIf.summary")}>
                <li className="stat">
                  <span className="stat-value">{d.result.summary.improved}</span>
                  <span className="stat-label">{t("sovereigntyUi.whatIf.improved", { count: d.result.summary.improved })}</span>
                </li>
                <li className="stat">
                  <span className="stat-value">{d.result.summary.worse}</span>
                  <span className="stat-label">{t("sovereigntyUi.whatIf.worse", { count: d.result.summary.worse })}</span>
                </li>
                <li className="stat">
                  <span className="stat-value">{d.result.summary.unchanged}</span>
                  <span className="stat-label">{t("sovereigntyUi.whatIf.unchanged", { count: d.result.summary.unchanged })}</span>
                </li>
              </ul>
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="what-if-caption">
                <table className="compact what-if-table">
                  <caption id="what-if-caption">{t("sovereigntyUi.whatIf.caption", { count: d.result.rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("sovereigntyUi.colActivity")}</th>
                      <th scope="col">{t("sovereigntyUi.whatIf.colBefore")}</th>
                      <th scope="col">{t("sovereigntyUi.whatIf.colAfter")}</th>
                      <th scope="col">{t("sovereigntyUi.whatIf.colChange")}</th>
                      <th scope="col">{t("sovereigntyUi.whatIf.colCountries")}</th>
                      <th scope="col">{t("sovereigntyUi.whatIf.colJurisdictions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.result.rows.map((r, i) => (
                      <tr key={r.ref ?? `hidden-${i}`}>
                        <th scope="row">
                          {r.ref ? (
                            <Link to={`${base}/activities/${r.ref}`}>
                              {r.ref} — {r.name}
                            </Link>
                          ) : (
                            <span className="muted">{t("sovereigntyUi.otherDepartment")}</span>
                          )}
                          {r.sensitive ? <span className="status-note">{t("sovereigntyUi.sensitive")}</span> : null}
                        </th>
                        <td>
                          <ExposureBadge level={r.before.level} />
                        </td>
                        <td>
                          <ExposureBadge level={r.after.level} />
                        </td>
                        <td>
                          <span className={`change change-${r.change < 0 ? "better" : r.change > 0 ? "worse" : "same"}`}>
                            {t(
                              r.change < 0
                                ? "sovereigntyUi.whatIf.changeBetter"
                                : r.change > 0
                                  ? "sovereigntyUi.whatIf.changeWorse"
                                  : "sovereigntyUi.whatIf.changeSame",
                            )}
                          </span>
                        </td>
                        <td>
                          <BeforeAfter before={names(r.before.countries)} after={names(r.after.countries)} />
                        </td>
                        <td>
                          <BeforeAfter before={names(r.before.jurisdictions)} after={names(r.after.jurisdictions)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <p className="hint">{t("sovereigntyUi.whatIf.nothingWrittenShort")}</p>
        </section>
      ) : null}
    </div>
  );
}

function BeforeAfter({ before, after }: { before: string; after: string }) {
  const { t } = useT();
  return (
    <dl className="before-after">
      <div>
        <dt>{t("sovereigntyUi.whatIf.before")}</dt>
        <dd>{before}</dd>
      </div>
      <div>
        <dt>{t("sovereigntyUi.whatIf.after")}</dt>
        <dd>{after}</dd>
      </div>
    </dl>
  );
}
