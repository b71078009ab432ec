/**
 * Declares a new processing activity: a name and a department create a draft, completed either in the
 * guided declaration (/guided/1, the default offered to EDITORs) or in the full form (/edit). A link
 * leads to the template library for those who prefer to start from a typical activity.
 */
import { DepartmentField } from "~/components/department-field.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DepartmentIdField } from "~/components/activity-form.tsx";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { createActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { canCreateActivities, canCreateIn, prefersGuidedForm } from "~/policies/activity.ts";
import { mayLeaveWithoutDepartment } from "~/policies/department.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { listPickableDepartments } from "~/http/activity-access.server.ts";
import { forbidden, requireOrgContext } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { requiredText, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

/** Without `mode` (older clients, scripts) the draft opens in the full form, as before. */
const NewActivitySchema = z.object({ name: requiredText(200), departmentId: DepartmentIdField, mode: z.enum(["guided", "full"]).default("full") });

/** VIEWERs never create; EDITORs only in their departments; ADMIN and DPO anywhere. */
async function requireCreator(request: Request, org: string | undefined) {
  const ctx = await requireOrgContext(request, org);
  if (!canCreateActivities(ctx.membership)) throw forbidden();
  return ctx;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireCreator(request, params.org);
  return {
    org: ctx.org.slug,
    departments: await listPickableDepartments(ctx),
    allowNoDepartment: mayLeaveWithoutDepartment(ctx.membership),
    guidedByDefault: prefersGuidedForm(ctx.membership),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireCreator(request, params.org);
  const submission = parseWithZod(await readForm(request), { schema: NewActivitySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { name, departmentId, mode } = submission.value;
  const notAllowed = () => data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }) }, { status: 400 });
  if (departmentId === null && !mayLeaveWithoutDepartment(ctx.membership)) {
    return data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.required"] } }) }, { status: 400 });
  }
  if (!canCreateIn(ctx.membership, departmentId)) return notAllowed();
  let ref: string;
  try {
    const created = await createActivity(ctx.user.id, ctx.org.id, { content: ActivityContentSchema.parse({ name }), departmentId });
    ref = created.ref;
  } catch (err) {
    return formError(err, submission); // a department outside this organization: the same message as notAllowed()
  }
  const next = mode === "guided" ? `/o/${ctx.org.slug}/activities/${ref}/guided/1` : `/o/${ctx.org.slug}/activities/${ref}/edit`;
  return redirectWithToast(request, next, { type: "success", key: "toast.activityCreated", params: { ref } });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("activityForm.new.title")} — ${t("app.name")}` }];
};

export default function NewActivity() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "new-activity",
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewActivitySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewActivitySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { departmentId: d.departments.length === 1 && !d.allowNoDepartment ? d.departments[0]?.id : "", mode: d.guidedByDefault ? "guided" : "full" },
  });
  const base = `/o/${d.org}/activities`;
  const dep = fields.departmentId;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: base, label: t("nav.register") }]} current={t("activityForm.new.breadcrumb")} />
      <h1>{t("activityForm.new.title")}</h1>
      {d.departments.length === 0 && !d.allowNoDepartment ? (
        <p className="callout warning">{t("activityForm.new.noDepartment")}</p>
      ) : (
        <>
          <p className="lead">{t("activityForm.new.intro")}</p>
          <Form method="post" {...getFormProps(form)} className="stack narrow-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField label={t("activityForm.field.name")} hint={t("activityForm.hint.name")} field={fields.name} required />
            <DepartmentField
              field={dep}
              departments={d.departments}
              allowNone={d.allowNoDepartment}
              hint={d.allowNoDepartment ? t("activityForm.hint.departmentId") : t("activityForm.hint.departmentIdEditor")}
            />
            <fieldset className="mode-choice" aria-describedby="mode-hint">
              <legend>{t("guided.new.modeLegend")}</legend>
              <p className="hint" id="mode-hint">
                {t("guided.new.modeHint")}
              </p>
              {(["guided", "full"] as const).map((m) => (
                <div className="mode-option" key={m}>
                  <input
                    type="radio"
                    id={`mode-${m}`}
                    name={fields.mode.name}
                    value={m}
                    defaultChecked={(fields.mode.initialValue ?? (d.guidedByDefault ? "guided" : "full")) === m}
                    aria-describedby={`mode-${m}-hint`}
                  />
                  <div>
                    <label htmlFor={`mode-${m}`}>{t(`guided.new.mode.${m}`)}</label>
                    <p className="hint" id={`mode-${m}-hint`}>
                      {t(`guided.new.mode.${m}.hint`)}
                    </p>
                  </div>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="button primary">
              {t("activityForm.new.submit")}
            </button>
          </Form>
          <p className="callout template-offer">
            {t("guided.new.templatesText")} <Link to={`/o/${d.org}/templates`}>{t("guided.new.templatesLink")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
