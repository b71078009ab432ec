/**
 * The template library: typical processing activities of a commune, to start a declaration from.
 * Every member may browse it (a VIEWER only reads); search and department filter are GET parameters,
 * so the page is bookmarkable and works without JavaScript.
 */
import { DepartmentField, DepartmentFilter } from "~/components/department-field.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { formError } from "~/http/domain-errors.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DepartmentIdField } from "~/components/activity-form.tsx";
import { DpiaBadge } from "~/components/dpia-badge.tsx";
import { ErrorList, FormErrors } from "~/components/forms.tsx";
import { listDepartments } from "~/models/department.server.ts";
import { createDraftsFromTemplates } from "~/models/template-draft.server.ts";
import { TEMPLATE_ID_PATTERN } from "~/schemas/template.ts";
import { canCreateFromTemplate, canCreateIn } from "~/policies/activity.ts";
import { isReviewer } from "~/policies/roles.ts";
import { forbidden, requireOrgContext, type OrgContext } from "~/http/auth.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { searchTemplates, templateDepartments } from "~/domain/template-search.ts";
import { findTemplate, loadTemplates } from "~/domain/templates.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { blank, z } from "~/utils/validation.ts";

const QuerySchema = {
  q: z.preprocess(blank, z.string().max(200).optional()),
  department: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .optional(),
  ),
};

/** Several templates ticked at once, all created as drafts in one department (works without JavaScript). */
const PickSchema = z.object({
  template: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().regex(TEMPLATE_ID_PATTERN, "templatesPick.unknown")).min(1, "templatesPick.none").max(100, "templatesPick.tooMany"),
  ),
  departmentId: DepartmentIdField,
});

const mayCreate = (ctx: OrgContext) => isReviewer(ctx.membership.role) || (ctx.membership.role === "EDITOR" && ctx.membership.departmentIds.length > 0);

async function pickableDepartments(ctx: OrgContext) {
  const all = await listDepartments(ctx.org.id);
  return ctx.membership.role === "EDITOR" ? all.filter((d) => ctx.membership.departmentIds.includes(d.id)) : all;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!mayCreate(ctx)) throw forbidden();
  const submission = parseWithZod(await readForm(request), { schema: PickSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { departmentId } = submission.value;
  const ids = [...new Set(submission.value.template)];
  const templates = ids.map((id) => findTemplate(id));
  if (templates.some((tpl) => tpl === undefined))
    return data({ result: submission.reply({ fieldErrors: { template: ["templatesPick.unknown"] } }) }, { status: 400 });
  const notAllowed = () => data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }) }, { status: 400 });
  if (departmentId === null && !isReviewer(ctx.membership.role)) {
    return data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.required"] } }) }, { status: 400 });
  }
  if (!canCreateIn(ctx.membership, departmentId)) return notAllowed();
  const locale = await getLocale(request);
  let refs: string[];
  try {
    refs = await createDraftsFromTemplates(ctx.user.id, ctx.org.id, { templates: templates.filter((tpl) => tpl !== undefined), locale, departmentId });
  } catch (err) {
    return formError(err, submission); // a department outside this organization: the same message as notAllowed()
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/activities?status=DRAFT`, {
    type: "success",
    key: "templatesPick.created",
    params: { count: refs.length },
  });
}

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
    pickDepartments: mayCreate(ctx) ? await pickableDepartments(ctx) : [],
    allowNoDepartment: isReviewer(m.role),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("templatesUi.title")} — ${t("app.name")}` }];
};

export default function TemplateLibrary() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const base = `/o/${d.org}/templates`;
  const filtered = Boolean(d.query.q || d.query.department);
  return (
    <div className="page templates-page">
      <Breadcrumbs trail={[{ to: `/o/${d.org}/activities`, label: t("nav.register") }]} current={t("templatesUi.title")} />
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
        <DepartmentFilter
          label={t("templatesUi.filter.department")}
          value={d.query.department}
          options={d.departments.map((x) => ({ value: x.key, label: t("templatesUi.filter.departmentOption", { name: x.label, count: x.count }) }))}
        />
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
      {d.canCreate && d.rows.length > 0 ? <PickForm d={d} /> : null}
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The templates shown, grouped by department, each with a checkbox; one department for all the drafts. */
function PickForm({ d }: { d: LoaderData }) {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "pick-templates",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PickSchema }),
    shouldValidate: "onSubmit",
    defaultValue: { departmentId: d.pickDepartments.length === 1 && !d.allowNoDepartment ? d.pickDepartments[0]?.id : "" },
  });
  const groups = new Map<string, { label: string; rows: LoaderData["rows"] }>();
  for (const r of d.rows) {
    const g = groups.get(r.departmentKey) ?? { label: r.department, rows: [] };
    g.rows.push(r);
    groups.set(r.departmentKey, g);
  }
  const tpl = fields.template;
  const dep = fields.departmentId;
  const tplErrorId = tpl.errors?.length ? tpl.errorId : undefined;
  return (
    <section className="panel template-pick" aria-labelledby="pick-h">
      <h2 id="pick-h" tabIndex={-1}>
        {t("templatesPick.title")}
      </h2>
      <p>{t("templatesPick.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <ErrorList id={tpl.errorId} errors={tpl.errors} />
        {[...groups.entries()].map(([key, g]) => (
          <fieldset key={key} aria-describedby={tplErrorId}>
            <legend>{t("templatesPick.group", { name: g.label, count: g.rows.length })}</legend>
            {g.rows.map((r) => (
              <label key={r.id} className="check">
                <input type="checkbox" name={tpl.name} value={r.id} /> {r.title}
              </label>
            ))}
          </fieldset>
        ))}
        <DepartmentField
          field={dep}
          departments={d.pickDepartments}
          allowNone={d.allowNoDepartment}
          hint={t("templatesPick.departmentHint")}
          id="pick-department"
        />
        <button type="submit" className="button primary">
          {t("templatesPick.submit")}
        </button>
      </Form>
    </section>
  );
}
