/**
 * The template library: typical processing activities of a commune, to start a declaration from.
 * Every member may browse it (a VIEWER only reads); search and department filter are GET parameters,
 * so the page is bookmarkable and works without JavaScript.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DpiaBadge } from "~/components/dpia-badge.tsx";
import { canCreateFromTemplate } from "~/policies/activity.ts";
import { requireOrgContext } from "~/utils/auth.server.ts";
import { createT, DEFAULT_LOCALE, isLocale } from "~/utils/i18n.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { searchTemplates, templateDepartments } from "~/utils/template-search.ts";
import { loadTemplates } from "~/utils/templates.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { blank, z } from "~/utils/validation.ts";

const QuerySchema = {
  q: z.preprocess(blank, z.string().max(200).optional()),
  department: z.preprocess(blank, z.string().regex(/^[a-z0-9-]{1,60}$/).optional()),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const q = QuerySchema.q.safeParse(url.searchParams.get("q") ?? undefined);
  const department = QuerySchema.department.safeParse(url.searchParams.get("department") ?? undefined);
  const templates = loadTemplates();
  const departments = templateDepartments(templates, locale);
  const dep = department.success && departments.some((x) => x.key === department.data) ? department.data : undefined;
  const query = { q: q.success ? q.data : undefined, department: dep };
  const m = ctx.membership;
  return {
    org: ctx.org.slug,
    query,
    invalidQuery: !q.success || !department.success || (department.success && department.data !== undefined && dep === undefined),
    departments,
    total: templates.length,
    rows: searchTemplates(templates, locale, query),
    canCreate: canCreateFromTemplate(m),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const t = createT(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
  return [{ title: `${t("templatesUi.title")} — ${t("app.name")}` }];
};

export default function TemplateLibrary() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const base = `/o/${d.org}/templates`;
  const filtered = Boolean(d.query.q || d.query.department);
  return (
    <div className="page templates-page">
      <nav aria-label={t("activityForm.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/o/${d.org}/activities`}>{t("nav.register")}</Link>
          </li>
          <li aria-current="page">{t("templatesUi.title")}</li>
        </ol>
      </nav>
      <h1>{t("templatesUi.title")}</h1>
      <p className="lead">{t("templatesUi.intro", { count: d.total })}</p>
      <p className="callout">{d.canCreate ? t("templatesUi.startingPoint") : t("templatesUi.readOnly")}</p>
      {d.invalidQuery ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("templatesUi.filters")}>
        <label>
          {t("templatesUi.search")}
          <input type="search" name="q" defaultValue={d.query.q ?? ""} aria-describedby="templates-search-hint" />
          <span className="hint" id="templates-search-hint">
            {t("templatesUi.searchHint")}
          </span>
        </label>
        <label>
          {t("templatesUi.filter.department")}
          <select name="department" defaultValue={d.query.department ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.departments.map((x) => (
              <option key={x.key} value={x.key}>
                {t("templatesUi.filter.departmentOption", { name: x.label, count: x.count })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("templatesUi.searchButton")}
        </button>
        {filtered ? (
          <Link to={base} className="button-link">
            {t("templatesUi.reset")}
          </Link>
        ) : null}
      </Form>
      <p role="status">{d.rows.length === 1 ? t("templatesUi.count.one") : t("templatesUi.count.other", { count: d.rows.length })}</p>
      {d.rows.length === 0 ? (
        <p>{t("templatesUi.empty")}</p>
      ) : (
        <ul className="template-list">
          {d.rows.map((r) => (
            <li key={r.id} className="template-card">
              <h2>
                <Link to={`${base}/${r.id}`}>{r.title}</Link>
              </h2>
              <p className="template-meta">
                <span className="template-department">{t("templatesUi.department", { name: r.department })}</span> <DpiaBadge value={r.dpia} />
              </p>
              <p>{r.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
