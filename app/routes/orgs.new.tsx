import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormErrors } from "~/components/forms.tsx";
import { OrganizationFields } from "~/components/organization-fields.tsx";
import { listUserOrganizations } from "~/models/membership.server.ts";
import { canCreateOrganization } from "~/policies/organization.ts";
import { createOrganization, isSlugTaken } from "~/models/organization.server.ts";
import { OrganizationCreateSchema, toOrganizationInput } from "~/schemas/organization.ts";
import { forbidden, requireUser } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

/** An ADMIN of any organization may add another controller to the instance. */
async function requireSomeAdmin(request: Request) {
  const s = await requireUser(request);
  const orgs = await listUserOrganizations(s.user.id);
  if (!canCreateOrganization(orgs.map((o) => o.role))) throw forbidden();
  return s;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSomeAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const s = await requireSomeAdmin(request);
  const submission = parseWithZod(await readForm(request), { schema: OrganizationCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (await isSlugTaken(submission.value.slug)) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["errors.slugTaken"] } }) }, { status: 400 });
  }
  const org = await createOrganization(s.user.id, { ...toOrganizationInput(submission.value), slug: submission.value.slug });
  return redirectWithToast(request, `/o/${org.slug}`, { type: "success", key: "toast.organizationCreated" });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "orgs.createTitle");

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "new-org",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrganizationCreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationCreateSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { defaultLocale: locale },
  });
  return (
    <div className="page">
      <h1>{t("orgs.createTitle")}</h1>
      <p className="lead">{t("orgs.createIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack narrow-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <OrganizationFields fields={fields} slugField={fields.slug} />
        <button type="submit" className="button primary">
          {t("orgs.create")}
        </button>
      </Form>
    </div>
  );
}
