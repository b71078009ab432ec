import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { listActivities, listRegisterAsOf } from "~/models/activity.server.ts";
import { activityIdsForDpiaFilter } from "~/models/dpia.server.ts";
import { SORTS } from "~/domain/register-query.ts";
import { listDepartments } from "~/models/department.server.ts";
import { ACTIVITY_ROLES, ACTIVITY_STATUSES, LEGAL_BASES, REGIMES } from "~/reference/vocabularies.ts";
import { DepartmentFilter } from "~/components/department-field.tsx";
import { StartActivityLinks } from "~/components/onboarding-checklist.tsx";
import { canCreateIn } from "~/policies/activity.ts";
import { inScope } from "~/policies/department.ts";
import { canExportRegister } from "~/policies/export.ts";
import { canUpdateOrganization } from "~/policies/organization.ts";
import { isReviewer } from "~/policies/roles.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

const PAGE_SIZE = 25;
const RegisterQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  department: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(ACTIVITY_STATUSES).optional()),
  basis: z.preprocess(emptyToUndefined, z.enum(LEGAL_BASES).optional()),
  sensitive: z.preprocess(emptyToUndefined, z.enum(["yes", "no"]).optional()),
  regime: z.preprocess(emptyToUndefined, z.enum(REGIMES).optional()),
  role: z.preprocess(emptyToUndefined, z.enum(ACTIVITY_ROLES).optional()),
  overdue: z.preprocess(emptyToUndefined, z.literal("1").optional()),
  dpia: z.preprocess(emptyToUndefined, z.enum(["required", "recommended", "not_required", "none_started"]).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SORTS).default("ref")),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
  asOf: z.preprocess(emptyToUndefined, z.iso.date().optional()),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const url = new URL(request.url);
  const parsed = RegisterQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const q = parsed.success ? parsed.data : RegisterQuerySchema.parse({});
  const scope = departmentScope(ctx);
  const departments = await listDepartments(ctx.org.id);
  // ADMIN and DPO may create without a department, so a new organization can start its register at once.
  const canCreate = isReviewer(ctx.membership.role) || departments.some((d) => canCreateIn(ctx.membership, d.id));
  const canImport = canUpdateOrganization(ctx.membership);
  const canExport = canExportRegister(ctx.membership);
  if (q.asOf) {
    const versions = await listRegisterAsOf(ctx.org.id, new Date(`${q.asOf}T23:59:59.999Z`), scope);
    return {
      mode: "asOf" as const,
      invalidQuery: !parsed.success,
      canCreate,
      canImport,
      canExport,
      departments,
      query: q,
      total: versions.length,
      pages: 1,
      asOfRows: versions.map((v) => ({
        ref: v.activity.ref,
        name: v.name,
        department: v.departmentName,
        version: v.number,
        approvedAt: v.approvedAt.toISOString(),
      })),
      rows: [],
    };
  }
  const { rows, total } = await listActivities(
    ctx.org.id,
    {
      q: q.q,
      departmentId: q.department,
      status: q.status,
      legalBasis: q.basis,
      sensitive: q.sensitive === undefined ? undefined : q.sensitive === "yes",
      regime: q.regime,
      role: q.role,
      overdue: q.overdue === "1",
      includeArchived: q.status === "ARCHIVED",
      scope,
      ids: q.dpia ? await activityIdsForDpiaFilter(ctx.org.id, q.dpia, scope) : undefined,
    },
    q.sort,
    { skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE },
  );
  const today = new Date().toISOString().slice(0, 10);
  return {
    mode: "current" as const,
    invalidQuery: !parsed.success,
    canCreate,
    canImport,
    canExport,
    departments: departments.filter((d) => inScope(scope, d.id)),
    query: q,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    asOfRows: [],
    rows: rows.map((r) => ({
      ref: r.ref,
      name: r.name,
      status: r.status,
      department: r.department?.name ?? null,
      legalBases: r.legalBases.split("|").filter(Boolean),
      sensitive: r.hasSensitive || r.hasOffences,
      completeness: r.completeness,
      nextReviewAt: r.nextReviewAt ? r.nextReviewAt.toISOString().slice(0, 10) : null,
      overdue: r.nextReviewAt ? r.nextReviewAt.toISOString().slice(0, 10) < today : false,
      approvedVersion: r.approvedVersion,
      pendingChanges: r.pendingChanges,
    })),
  };
}

/** Any filter other than sort and page narrows the list: an empty result then means "no match", not "empty register". */
function isFiltered(params: URLSearchParams): boolean {
  return [...params.entries()].some(([k, v]) => v !== "" && k !== "sort" && k !== "page");
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "register.title");

export default function Register() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { org } = useParams();
  const { t, date } = useT();
  const link = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next.toString()}`;
  };
  const q = d.query;
  const base = `/o/${org}/activities`;
  const exportHref = `/o/${org}/register.json${q.asOf ? `?asOf=${q.asOf}` : ""}`;
  return (
    <div className="page">
      <div className="page-header">
        <h1>{q.asOf ? t("register.titleAsOf", { date: date(q.asOf) }) : t("register.title")}</h1>
        <div className="button-row">
          {d.canExport ? (
            <a href={exportHref} className="button" download>
              {t("register.exportJson")}
            </a>
          ) : null}
        </div>
      </div>
      {q.asOf ? null : <StartActivityLinks base={`/o/${org}`} canCreate={d.canCreate} canImport={d.canImport} />}
      {d.invalidQuery ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("register.filters")}>
        <label>
          {t("register.search")}
          <input type="search" name="q" defaultValue={q.q ?? ""} />
        </label>
        <DepartmentFilter label={t("register.department")} value={q.department} options={d.departments.map((x) => ({ value: x.id, label: x.name }))} />
        <label>
          {t("register.status")}
          <select name="status" defaultValue={q.status ?? ""}>
            <option value="">{t("register.allButArchived")}</option>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`vocab.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("register.legalBasis")}
          <select name="basis" defaultValue={q.basis ?? ""}>
            <option value="">{t("common.all")}</option>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`vocab.legalBasis.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("register.sensitive")}
          <select name="sensitive" defaultValue={q.sensitive ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="yes">{t("common.yes")}</option>
            <option value="no">{t("common.no")}</option>
          </select>
        </label>
        <label>
          {t("register.regime")}
          <select name="regime" defaultValue={q.regime ?? ""}>
            <option value="">{t("common.all")}</option>
            {REGIMES.map((r) => (
              <option key={r} value={r}>
                {t(`vocab.regime.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("register.role")}
          <select name="role" defaultValue={q.role ?? ""}>
            <option value="">{t("common.all")}</option>
            {ACTIVITY_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`vocab.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("dpia.filter.label")}
          <select name="dpia" defaultValue={q.dpia ?? ""}>
            <option value="">{t("common.all")}</option>
            {(["required", "recommended", "not_required"] as const).map((r) => (
              <option key={r} value={r}>
                {t(`dpia.result.${r}`)}
              </option>
            ))}
            <option value="none_started">{t("dpia.filter.none_started")}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue === "1"} /> {t("register.overdue")}
        </label>
        <label>
          {t("register.sort")}
          <select name="sort" defaultValue={q.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`register.sortBy.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("register.asOf")}
          <input type="date" name="asOf" defaultValue={q.asOf ?? ""} />
        </label>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
        <Link to="?" className="button-link">
          {t("register.reset")}
        </Link>
      </Form>
      <p role="status">{t("register.count", { count: d.total })}</p>
      {d.total === 0 && d.mode === "current" ? (
        q.dpia ? (
          <section className="empty-state callout" aria-labelledby="empty-dpia-h">
            <h2 id="empty-dpia-h">{t("empty.dpia.title")}</h2>
            <p>{t("empty.dpia.body")}</p>
          </section>
        ) : isFiltered(params) ? (
          <p className="empty-state">{t("empty.register.filtered")}</p>
        ) : (
          <section className="empty-state callout" aria-labelledby="empty-register-h">
            <h2 id="empty-register-h">{t("empty.register.title")}</h2>
            <p>{t("empty.register.body")}</p>
          </section>
        )
      ) : null}
      {d.mode === "asOf" ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("register.title")}>
          <table>
            <caption className="visually-hidden">{t("register.titleAsOf", { date: date(q.asOf!) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("register.ref")}</th>
                <th scope="col">{t("register.name")}</th>
                <th scope="col">{t("register.department")}</th>
                <th scope="col">{t("register.version")}</th>
                <th scope="col">{t("register.approvedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {d.asOfRows.map((r) => (
                <tr key={r.ref}>
                  <td className="nowrap">{r.ref}</td>
                  <td>
                    <Link to={`${base}/${r.ref}/versions/${r.version}`}>{r.name}</Link>
                  </td>
                  <td>{r.department ?? t("common.notProvided")}</td>
                  <td>v{r.version}</td>
                  <td>{date(r.approvedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("register.title")}>
          <table className="register-table">
            <caption className="visually-hidden">{t("register.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("register.ref")}</th>
                <th scope="col">{t("register.name")}</th>
                <th scope="col">{t("register.department")}</th>
                <th scope="col">{t("register.status")}</th>
                <th scope="col">{t("register.legalBasis")}</th>
                <th scope="col">{t("register.sensitive")}</th>
                <th scope="col">{t("register.completeness")}</th>
                <th scope="col">{t("register.nextReview")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.ref}>
                  <td className="nowrap">{r.ref}</td>
                  <td>
                    <Link to={`${base}/${r.ref}`}>{r.name}</Link>
                  </td>
                  <td>{r.department ?? t("common.notProvided")}</td>
                  <td>
                    <span className={`status-badge status-${r.status.toLowerCase()}`}>{t(`vocab.status.${r.status}`)}</span>
                    {r.approvedVersion ? <span className="muted"> v{r.approvedVersion}</span> : null}
                    {r.pendingChanges && r.status !== "APPROVED" && r.approvedVersion ? <span className="muted"> · {t("register.pendingChanges")}</span> : null}
                  </td>
                  <td>{r.legalBases.map((b) => t(`vocab.legalBasis.${b as "a"}`)).join(", ") || t("common.notProvided")}</td>
                  <td>{r.sensitive ? t("common.yes") : t("common.no")}</td>
                  <td>{t("register.percent", { value: r.completeness })}</td>
                  <td className={r.overdue ? "overdue" : undefined}>
                    {r.nextReviewAt ? date(r.nextReviewAt) : t("common.notProvided")}
                    {r.overdue ? <span className="visually-hidden"> ({t("register.overdue")})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {q.page > 1 ? <Link to={link({ page: String(q.page - 1) })}>{t("common.previous")}</Link> : null}
          <span>{t("common.pageOf", { page: q.page, pages: d.pages })}</span>
          {q.page < d.pages ? <Link to={link({ page: String(q.page + 1) })}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
