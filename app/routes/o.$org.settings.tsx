import type { MetaFunction } from "@remix-run/node";
import { formError } from "~/http/domain-errors.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms.tsx";
import { OrganizationFields } from "~/components/organization-fields.tsx";
import { getOrganization, updateOrganization } from "~/models/organization.server.ts";
import { OrganizationUpdateSchema, toOrganizationInput } from "~/schemas/organization.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { canUpdateOrganization } from "~/policies/organization.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const org = await getOrganization(ctx.org.id);
  return { org, canEdit: canUpdateOrganization(ctx.membership) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:update");
  const submission = parseWithZod(await readForm(request), { schema: OrganizationUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { version, ...fields } = submission.value;
  try {
    await updateOrganization(ctx.user.id, ctx.org.id, version, toOrganizationInput(fields));
  } catch (err) {
    return formError(err, submission);
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/settings`, { type: "success", key: "toast.saved" });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "org.settingsTitle");

export default function OrganizationSettings() {
  const { org, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: `org-${org.id}-${org.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrganizationUpdateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationUpdateSchema }),
    shouldRevalidate: "onInput",
    defaultValue: {
      name: org.name,
      siren: org.siren ?? "",
      address: org.address ?? "",
      legalRepresentative: org.legalRepresentative ?? "",
      dpoName: org.dpoName ?? "",
      dpoEmail: org.dpoEmail ?? "",
      dpoPhone: org.dpoPhone ?? "",
      dpoCnilNumber: org.dpoCnilNumber ?? "",
      headcount: org.headcount === null ? "" : String(org.headcount),
      defaultLocale: org.defaultLocale,
      accessibilityContact: org.accessibilityContact ?? "",
      version: String(org.version),
    },
  });
  if (!canEdit) {
    const rows: [string, string | null][] = [
      [t("fields.orgName"), org.name],
      [t("fields.siren"), org.siren],
      [t("fields.address"), org.address],
      [t("fields.legalRepresentative"), org.legalRepresentative],
      [t("fields.dpoName"), org.dpoName],
      [t("fields.dpoEmail"), org.dpoEmail],
      [t("fields.dpoPhone"), org.dpoPhone],
      [t("fields.dpoCnilNumber"), org.dpoCnilNumber],
      [t("accessibility.settings.contact"), org.accessibilityContact],
    ];
    return (
      <div className="page">
        <h1>{t("org.settingsTitle")}</h1>
        <dl className="definition-list">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v || t("common.notProvided")}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t("org.settingsTitle")}</h1>
      <p className="lead">{t("org.settingsIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="version" value={org.version} />
        <OrganizationFields fields={fields} />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}
