/**
 * Edits a vendor's identity, certifications and DPA. Optimistic lock: the form carries the version it
 * was loaded at; saving over a newer version answers 409 and overwrites nothing.
 */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms.tsx";
import { metaT, VendorFormFields } from "~/components/vendor-fields.tsx";
import { getVendor, updateVendor, VendorConflictError } from "~/models/vendor.server.ts";
import { dateInputValue, toVendorInput, VendorUpdateSchema } from "~/schemas/vendor.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const v = params.vendorId ? await getVendor(ctx.org.id, params.vendorId) : null;
  if (!v) throw notFound();
  return {
    org: ctx.org.slug,
    vendor: {
      id: v.id,
      name: v.name,
      version: v.version,
      values: {
        name: v.name,
        legalName: v.legalName ?? "",
        registrationNumber: v.registrationNumber ?? "",
        website: v.website ?? "",
        country: v.country,
        parentName: v.parentName ?? "",
        parentCountry: v.parentCountry ?? "",
        contactName: v.contactName ?? "",
        contactEmail: v.contactEmail ?? "",
        hdsActivities: v.hdsActivities ?? "",
        hdsExpiry: dateInputValue(v.hdsExpiry),
        iso27001Expiry: dateInputValue(v.iso27001Expiry),
        dpfCertified: v.dpfCertified === true ? "yes" : v.dpfCertified === false ? "no" : "",
        shareholdingWithinLimits: v.shareholdingWithinLimits === true ? "yes" : v.shareholdingWithinLimits === false ? "no" : "",
        dpfCheckedAt: dateInputValue(v.dpfCheckedAt),
        dpaStatus: v.dpaStatus,
        dpaSignedAt: dateInputValue(v.dpaSignedAt),
        dpaReference: v.dpaReference ?? "",
        dpaNextReview: dateInputValue(v.dpaNextReview),
        notes: v.notes ?? "",
      },
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const vendorId = params.vendorId ?? "";
  const submission = parseWithZod(await readForm(request), { schema: VendorUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: false }, { status: 400 });
  const { version, ...fields } = submission.value;
  try {
    await updateVendor(ctx.user.id, ctx.org.id, vendorId, version, toVendorInput(fields));
  } catch (err) {
    return formError(err, submission, { conflict: err instanceof VendorConflictError });
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/vendors/${vendorId}`, { type: "success", key: "toast.saved" });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaT(matches);
  return [{ title: d ? `${t("vendors.edit.title", { name: d.vendor.name })} — ${t("app.name")}` : t("app.name") }];
};

export default function EditVendor() {
  const { org, vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const page = `/o/${org}/vendors/${vendor.id}`;
  const [form, fields] = useForm({
    id: `vendor-${vendor.id}-${vendor.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(VendorUpdateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VendorUpdateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { ...vendor.values, version: String(vendor.version) },
  });
  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { to: `/o/${org}/vendors`, label: t("vendors.title") },
          { to: page, label: vendor.name },
        ]}
        current={t("vendors.edit.crumb")}
      />
      <h1>{t("vendors.edit.title", { name: vendor.name })}</h1>
      <Form method="post" {...getFormProps(form)} className="stack vendor-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        {actionData?.conflict ? (
          <p>
            <a href={`${page}/edit`} className="button">
              {t("vendors.edit.reload")}
            </a>
          </p>
        ) : null}
        <input type="hidden" name="version" value={vendor.version} />
        <p className="hint">{t("vendors.requiredNote")}</p>
        <VendorFormFields fields={fields} />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
          <Link to={page} className="button-link">
            {t("vendors.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
