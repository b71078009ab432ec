/**
 * One template of the library, in the user's language: what it proposes, what the DPO must check,
 * whether a DPIA is likely, and a "start from this template" form that creates a DRAFT prefilled with
 * the template's content (every filled key marked prefilled until confirmed) and opens the guided
 * declaration on its first step.
 */
import { DepartmentField } from "~/components/department-field.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityDetails } from "~/components/activity-details.tsx";
import { DepartmentIdField } from "~/components/activity-form.tsx";
import { DpiaBadge } from "~/components/dpia-badge.tsx";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { createDraftFromTemplate } from "~/models/template-draft.server.ts";
import { CNIL_DPIA_EXEMPT_LIST, CNIL_DPIA_REQUIRED_LIST, TEMPLATE_ID_PATTERN } from "~/schemas/template.ts";
import { canCreateActivities, canCreateIn } from "~/policies/activity.ts";
import { mayLeaveWithoutDepartment } from "~/policies/department.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { listPickableDepartments } from "~/http/activity-access.server.ts";
import { forbidden, notFound, requireOrgContext } from "~/http/auth.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { findTemplate } from "~/domain/templates.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { optionalText, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const StartSchema = z.object({ departmentId: DepartmentIdField, name: optionalText(200) });

function templateFrom(params: { id?: string }) {
  const id = params.id ?? "";
  const template = TEMPLATE_ID_PATTERN.test(id) ? findTemplate(id) : undefined;
  if (!template) throw notFound();
  return template;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const template = templateFrom(params);
  const locale = await getLocale(request);
  return {
    org: ctx.org.slug,
    template: {
      id: template.id,
      version: template.version,
      asOf: template.asOf,
      title: template.title[locale],
      department: template.department[locale],
      summary: template.summary[locale],
      dpia: {
        required: template.dpiaHint.required,
        cnilListType: template.dpiaHint.cnilListType,
        exemptListType: template.dpiaHint.exemptListType,
        note: template.dpiaHint.note[locale],
      },
      software: template.software[locale],
      sources: template.sources,
      toVerify: template.toVerify[locale],
      content: template.content[locale],
    },
    canCreate: canCreateActivities(ctx.membership),
    departments: canCreateActivities(ctx.membership) ? await listPickableDepartments(ctx) : [],
    allowNoDepartment: mayLeaveWithoutDepartment(ctx.membership),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canCreateActivities(ctx.membership)) throw forbidden();
  const template = templateFrom(params);
  const submission = parseWithZod(await readForm(request), { schema: StartSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { departmentId, name } = submission.value;
  const notAllowed = () => data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }) }, { status: 400 });
  if (departmentId === null && !mayLeaveWithoutDepartment(ctx.membership)) {
    return data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.required"] } }) }, { status: 400 });
  }
  if (!canCreateIn(ctx.membership, departmentId)) return notAllowed();
  const locale = await getLocale(request);
  let ref: string;
  try {
    ref = (await createDraftFromTemplate(ctx.user.id, ctx.org.id, { template, locale, departmentId, name })).ref;
  } catch (err) {
    return formError(err, submission); // a department outside this organization: the same message as notAllowed()
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/activities/${ref}/guided/1`, { type: "success", key: "templatesUi.toast.created", params: { ref } });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${d.template.title} — ${t("templatesUi.title")} — ${t("app.name")}` : t("app.name") }];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TemplatePreview() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const tpl = d.template;
  const list = `/o/${d.org}/templates`;
  return (
    <div className="page template-preview">
      <Breadcrumbs
        trail={[
          { to: `/o/${d.org}/activities`, label: t("nav.register") },
          { to: list, label: t("templatesUi.title") },
        ]}
        current={tpl.title}
      />
      <p className="activity-edit-meta">{t("templatesUi.department", { name: tpl.department })}</p>
      <h1>{tpl.title}</h1>
      <p className="lead">{tpl.summary}</p>
      <p className="muted">{t("templatesUi.preview.version", { version: tpl.version, date: date(tpl.asOf) })}</p>

      <div className="callout">
        <p>{t("templatesUi.preview.notice")}</p>
        {d.canCreate ? (
          <p>
            <a href="#start-h">{t("templatesUi.preview.startLink")}</a>
          </p>
        ) : null}
      </div>

      <section className="callout warning to-verify" aria-labelledby="to-verify-h">
        <h2 id="to-verify-h">{t("templatesUi.preview.toVerifyTitle")}</h2>
        {tpl.toVerify.length === 0 ? (
          <p>{t("templatesUi.preview.toVerifyNone")}</p>
        ) : (
          <>
            <p>{t("templatesUi.preview.toVerifyIntro")}</p>
            <ul>
              {tpl.toVerify.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="dpia-h">
        <h2 id="dpia-h">{t("templatesUi.preview.dpiaTitle")}</h2>
        <p>
          <DpiaBadge value={tpl.dpia.required} />
        </p>
        {tpl.dpia.cnilListType !== null ? (
          <p>
            {t("templatesUi.preview.cnilRequired", {
              n: tpl.dpia.cnilListType,
              deliberation: CNIL_DPIA_REQUIRED_LIST.deliberation,
              label: t(`templatesUi.cnilRequired.${tpl.dpia.cnilListType as CnilRequired}`),
            })}
          </p>
        ) : null}
        {tpl.dpia.exemptListType !== null ? (
          <p>
            {t("templatesUi.preview.cnilExempt", {
              n: tpl.dpia.exemptListType,
              deliberation: CNIL_DPIA_EXEMPT_LIST.deliberation,
              label: t(`templatesUi.cnilExempt.${tpl.dpia.exemptListType as CnilExempt}`),
            })}
          </p>
        ) : null}
        {tpl.dpia.cnilListType === null && tpl.dpia.exemptListType === null ? <p>{t("templatesUi.preview.cnilNone")}</p> : null}
        <p className="free-text">{tpl.dpia.note}</p>
      </section>

      <section className="template-content" aria-labelledby="content-h">
        <h2 id="content-h">{t("templatesUi.preview.contentTitle")}</h2>
        <p className="hint">{t("templatesUi.preview.contentIntro")}</p>
        <ActivityDetails content={tpl.content} departmentName={tpl.department} headingLevel={3} />
      </section>

      <section className="panel" aria-labelledby="software-h">
        <h2 id="software-h">{t("templatesUi.preview.softwareTitle")}</h2>
        <p className="hint">{t("templatesUi.preview.softwareIntro")}</p>
        <ul>
          {tpl.software.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
        <h3>{t("templatesUi.preview.sourcesTitle")}</h3>
        <ul>
          {tpl.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>

      {d.canCreate ? <StartForm d={d} /> : <p className="callout">{t("templatesUi.readOnly")}</p>}
      <p>
        <Link to={list}>{t("templatesUi.backToList")}</Link>
      </p>
    </div>
  );
}

type CnilRequired = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;
type CnilExempt = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

function StartForm({ d }: { d: LoaderData }) {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: `start-${d.template.id}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(StartSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StartSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { departmentId: d.departments.length === 1 && !d.allowNoDepartment ? d.departments[0]?.id : "" },
  });
  const dep = fields.departmentId;
  return (
    <section className="panel template-start" aria-labelledby="start-h">
      <h2 id="start-h" tabIndex={-1}>
        {t("templatesUi.start.title")}
      </h2>
      {d.departments.length === 0 && !d.allowNoDepartment ? (
        <p className="callout warning">{t("activityForm.new.noDepartment")}</p>
      ) : (
        <>
          <p>{t("templatesUi.start.intro")}</p>
          <Form method="post" {...getFormProps(form)} className="stack narrow-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <DepartmentField
              field={dep}
              departments={d.departments}
              allowNone={d.allowNoDepartment}
              hint={d.allowNoDepartment ? t("templatesUi.start.departmentHint") : t("activityForm.hint.departmentIdEditor")}
            />
            <TextField label={t("templatesUi.start.name")} hint={t("templatesUi.start.nameHint", { title: d.template.title })} field={fields.name} />
            <button type="submit" className="button primary">
              {t("templatesUi.start.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
