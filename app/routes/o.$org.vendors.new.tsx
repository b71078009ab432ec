/** A new vendor: identity, certifications and DPA. Services and locations are added on its page. */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useParams } from "@remix-run/react";
import { FormErrors } from "~/components/forms.tsx";
import { metaT, VendorFormFields } from "~/components/vendor-fields.tsx";
import { createVendor } from "~/models/vendor.server.ts";
import { toVendorInput, VendorFormSchema } from "~/schemas/vendor.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgContext(request, params.org, "vendors:manage");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const submission = parseWithZod(await readForm(request), { schema: VendorFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const vendor = await createVendor(ctx.user.id, ctx.org.id, toVendorInput(submission.value));
    return redirectWithToast(request, `/o/${ctx.org.slug}/vendors/${vendor.id}`, {
      type: "success",
      key: "vendors.toast.created",
      params: { name: vendor.name },
    });
  } catch (err) {
    return formError(err, submission);
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("vendors.new.title")} — ${t("app.name")}` }];
};

export default function NewVendor() {
  const actionData = useActionData<typeof action>();
  const { org } = useParams();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "new-vendor",
    lastResult: actionData?.result,
    constraint: getZodConstraint(VendorFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VendorFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { dpaStatus: "NONE", dpfCertified: "" },
  });
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${org}/vendors`, label: t("vendors.title") }]} current={t("vendors.new.title")} />
      <h1>{t("vendors.new.title")}</h1>
      <p className="lead">{t("vendors.new.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack vendor-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <p className="hint">{t("vendors.requiredNote")}</p>
        <VendorFormFields fields={fields} />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t("vendors.new.submit")}
          </button>
          <Link to={`/o/${org}/vendors`} className="button-link">
            {t("vendors.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
