/**
 * The vendor catalogue: every vendor of the organization with its countries, certifications, DPA
 * status, how many activities depend on it and the worst exposure among them. Filters are GET
 * parameters (bookmarkable, no JavaScript needed); an invalid one is reported and ignored.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { CountryLabel, isPast, metaT, useCountryOptions } from "~/components/vendor-fields.tsx";
import { compareLevels, EXPOSURE_LEVELS, type ExposureLevel } from "~/analysis/sovereignty.ts";
import { analyseOrganization } from "~/models/sovereignty.server.ts";
import { listVendors } from "~/models/vendor.server.ts";
import { isCountryCode } from "~/reference/countries.ts";
import { CERTIFICATIONS, DPA_STATUSES } from "~/schemas/vendor.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { useT } from "~/utils/use-i18n.ts";
import { blank, z } from "~/utils/validation.ts";

const QUERY = {
  q: z.preprocess(blank, z.string().max(200).optional()),
  country: z.preprocess((v) => (typeof blank(v) === "string" ? (blank(v) as string).toUpperCase() : undefined), z.string().refine(isCountryCode).optional()),
  certification: z.preprocess(blank, z.enum(CERTIFICATIONS).optional()),
  dpa: z.preprocess(blank, z.enum(DPA_STATUSES).optional()),
  exposure: z.preprocess(blank, z.enum(EXPOSURE_LEVELS).optional()),
};
type Query = { [K in keyof typeof QUERY]: z.infer<(typeof QUERY)[K]> };

/** Each parameter on its own: a bad one is dropped, the others still apply. */
function parseQuery(params: URLSearchParams): { query: Query; invalid: boolean } {
  const query = {} as Record<string, unknown>;
  let invalid = false;
  for (const [key, schema] of Object.entries(QUERY)) {
    const r = schema.safeParse(params.get(key) ?? undefined);
    if (r.success) query[key] = r.data;
    else invalid = true;
  }
  return { query: query as Query, invalid };
}

/** No filter at all: an empty result then means an empty catalogue, not "no match". */
const isFilteredQuery = (q: Query) => Object.values(q).some((v) => v !== undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const { query, invalid } = parseQuery(new URL(request.url).searchParams);
  const [vendors, { activities }] = await Promise.all([
    listVendors(ctx.org.id, { q: query.q, country: query.country, certification: query.certification, dpaStatus: query.dpa }),
    analyseOrganization(ctx.org.id),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const rows = vendors.map((v) => {
    const own = new Set(v.services.map((s) => s.id));
    // Activities (not archived) linked to one of this vendor's services, and the worst exposure among them.
    const using = activities.filter((a) => a.serviceIds.some((id) => own.has(id)));
    let worst: ExposureLevel | null = null;
    for (const a of using) if (worst === null || compareLevels(a.analysis.level, worst) > 0) worst = a.analysis.level;
    return {
      id: v.id,
      name: v.name,
      legalName: v.legalName,
      country: v.country,
      parentName: v.parentName,
      parentCountry: v.parentCountry,
      services: v.services.length,
      secNumCloud: v.services.some((s) => s.secNumCloudQualified),
      hdsExpiry: v.hdsExpiry?.toISOString().slice(0, 10) ?? null,
      iso27001Expiry: v.iso27001Expiry?.toISOString().slice(0, 10) ?? null,
      dpfCertified: v.dpfCertified,
      dpaStatus: v.dpaStatus,
      dpaNextReview: v.dpaNextReview?.toISOString().slice(0, 10) ?? null,
      reviewOverdue: isPast(v.dpaNextReview?.toISOString(), today),
      activities: using.length,
      exposure: worst,
    };
  });
  // "unknown" in the filter: no activity uses the vendor, so nothing is known of its exposure.
  const filtered = query.exposure ? rows.filter((r) => (r.exposure ?? "unknown") === query.exposure) : rows;
  return {
    query,
    invalidQuery: invalid,
    canManage: canManageVendors(ctx.membership),
    today,
    rows: filtered,
    catalogueEmpty: vendors.length === 0 && !isFilteredQuery(query),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("vendors.title")} — ${t("app.name")}` }];
};

export default function VendorCatalogue() {
  const d = useLoaderData<typeof loader>();
  const { org } = useParams();
  const { t, date } = useT();
  const countries = useCountryOptions(t("common.all"));
  const base = `/o/${org}/vendors`;
  const q = d.query;
  return (
    <div className="page">
      <div className="page-header vendor-header">
        <h1>{t("vendors.title")}</h1>
        <div className="button-row">
          {d.canManage ? (
            <Link to={`${base}/new`} className="button primary">
              {t("vendors.new.button")}
            </Link>
          ) : null}
          <Link to={`/o/${org}/hosting`} className="button">
            {t("vendors.hostingLink")}
          </Link>
        </div>
      </div>
      <p className="lead">{t("vendors.intro")}</p>
      {d.invalidQuery ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("vendors.filters")}>
        <label>
          {t("vendors.search")}
          <input type="search" name="q" defaultValue={q.q ?? ""} />
        </label>
        <label>
          {t("vendors.filter.country")}
          <select name="country" defaultValue={q.country ?? ""}>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("vendors.filter.certification")}
          <select name="certification" defaultValue={q.certification ?? ""}>
            <option value="">{t("common.all")}</option>
            {(["secnumcloud", "hds", "iso27001", "dpf"] as const).map((c) => (
              <option key={c} value={c}>
                {t(`vendors.cert.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("vendors.filter.dpa")}
          <select name="dpa" defaultValue={q.dpa ?? ""}>
            <option value="">{t("common.all")}</option>
            {DPA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`vendors.dpaStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("vendors.filter.exposure")}
          <select name="exposure" defaultValue={q.exposure ?? ""}>
            <option value="">{t("common.all")}</option>
            {EXPOSURE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l === "unknown" ? t("vendors.exposureUnused") : t(`sovereignty.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
        <Link to="?" className="button-link">
          {t("vendors.resetFilters")}
        </Link>
      </Form>
      <p role="status">{t("vendors.count", { count: d.rows.length })}</p>
      {d.rows.length === 0 ? (
        d.catalogueEmpty ? (
          <section className="empty-state callout" aria-labelledby="empty-vendors-h">
            <h2 id="empty-vendors-h">{t("empty.vendors.title")}</h2>
            <p>{t("empty.vendors.body")}</p>
            {d.canManage ? (
              <p>
                <Link to="new" relative="path" className="button primary">
                  {t("empty.vendors.action")}
                </Link>
              </p>
            ) : null}
          </section>
        ) : (
          <p>{t("vendors.empty")}</p>
        )
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("vendors.title")}>
          <table className="vendor-table">
            <caption className="visually-hidden">{t("vendors.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("vendors.col.name")}</th>
                <th scope="col">{t("vendors.col.country")}</th>
                <th scope="col">{t("vendors.col.services")}</th>
                <th scope="col">{t("vendors.col.certifications")}</th>
                <th scope="col">{t("vendors.col.dpa")}</th>
                <th scope="col">{t("vendors.col.activities")}</th>
                <th scope="col">{t("vendors.col.exposure")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const certs: { key: string; label: string; expired: boolean }[] = [];
                if (r.secNumCloud) certs.push({ key: "snc", label: t("vendors.cert.secnumcloud"), expired: false });
                if (r.hdsExpiry)
                  certs.push({
                    key: "hds",
                    label: t("vendors.certUntil", { name: t("vendors.cert.hds"), date: date(r.hdsExpiry) }),
                    expired: r.hdsExpiry < d.today,
                  });
                if (r.iso27001Expiry)
                  certs.push({
                    key: "iso",
                    label: t("vendors.certUntil", { name: t("vendors.cert.iso27001"), date: date(r.iso27001Expiry) }),
                    expired: r.iso27001Expiry < d.today,
                  });
                if (r.dpfCertified) certs.push({ key: "dpf", label: t("vendors.cert.dpf"), expired: false });
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`${base}/${r.id}`}>{r.name}</Link>
                      {r.legalName && r.legalName !== r.name ? <span className="muted vendor-legal-name">{r.legalName}</span> : null}
                    </th>
                    <td>
                      <CountryLabel code={r.country} />
                      {r.parentCountry && r.parentCountry !== r.country ? (
                        <span className="vendor-parent">
                          {t("vendors.parentShort")} <CountryLabel code={r.parentCountry} />
                        </span>
                      ) : null}
                    </td>
                    <td>{r.services}</td>
                    <td>
                      {certs.length ? (
                        <ul className="vendor-cert-list">
                          {certs.map((c) => (
                            <li key={c.key} className={c.expired ? "vendor-expired" : undefined}>
                              {c.label}
                              {c.expired ? <> ({t("vendors.expired")})</> : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t("vendors.noCertification")}</span>
                      )}
                    </td>
                    <td>
                      {t(`vendors.dpaStatus.${r.dpaStatus}`)}
                      {r.reviewOverdue ? <span className="vendor-tag vendor-tag-warning vendor-overdue">{t("vendors.reviewOverdue")}</span> : null}
                    </td>
                    <td>{r.activities}</td>
                    <td>
                      {r.exposure ? (
                        <span className={`vendor-exposure vendor-exposure-${r.exposure}`}>{t(`sovereignty.level.${r.exposure}`)}</span>
                      ) : (
                        <span className="muted">{t("vendors.exposureUnused")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
