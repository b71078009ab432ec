/** Edit the facts of a breach (DPO and ADMIN, until it is closed). Optimistic lock on the revision. */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { formError } from "~/http/domain-errors.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BreachFactsFields } from "~/components/breach-fields.tsx";
import { FormErrors } from "~/components/forms.tsx";
import { metaT } from "~/components/vendor-fields.tsx";
import { listActivityChoices, saveBreachFacts } from "~/models/breach.server.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import { canManageBreach } from "~/policies/breach.ts";
import { BreachFactsFormSchema } from "~/schemas/breach.ts";
import { forbidden } from "~/http/auth.server.ts";
import { breachActor, requireBreach } from "~/http/breach-access.server.ts";
import { listVendorChoices } from "~/models/vendor.server.ts";
import { utcToParisLocal } from "~/utils/paris-time.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, breach } = await requireBreach(request, params);
  if (!canManageBreach(breachActor(ctx), breach)) throw forbidden();
  const [overview, activities, vendors] = await Promise.all([
    getOrganizationOverview(ctx.org.id),
    listActivityChoices(ctx.org.id, departmentScope(ctx)),
    listVendorChoices(ctx.org.id),
  ]);
  const c = breach.parsed;
  const local = (iso: string | undefined) => (iso ? utcToParisLocal(new Date(iso)) : "");
  return {
    slug: ctx.org.slug,
    ref: breach.ref,
    revision: breach.revision,
    departments: overview.departments,
    activities,
    vendors,
    defaults: {
      nature: c.nature as string[],
      activityIds: c.activityIds,
      vendorIds: c.vendorIds,
      dataCategories: c.dataCategories as string[],
      subjects: c.subjects as { category: string; count: number | null }[],
    },
    values: {
      title: c.title,
      departmentId: breach.departmentId ?? "",
      discoveredAt: local(c.discoveredAt),
      awareAt: local(c.awareAt),
      startedAt: local(c.startedAt),
      endedAt: local(c.endedAt),
      description: c.description,
      cause: c.cause ?? "",
      discoveryMeans: c.discoveryMeans ?? "",
      approxPeople: c.approxPeople === null ? "" : String(c.approxPeople),
      approxRecords: c.approxRecords === null ? "" : String(c.approxRecords),
      consequences: c.consequences ?? "",
      measures: c.measures ?? "",
      crossBorder: c.crossBorder ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, breach } = await requireBreach(request, params);
  if (!canManageBreach(breachActor(ctx), breach)) throw forbidden();
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: BreachFactsFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const revision = z.coerce.number().int().min(1).safeParse(formData.get("revision"));
  if (!revision.success) return data({ result: submission.reply({ formErrors: ["errors.invalid"] }) }, { status: 400 });
  try {
    await saveBreachFacts(ctx.user.id, ctx.org.id, breach.id, revision.data, submission.value);
  } catch (err) {
    return formError(err, submission);
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/breaches/${breach.ref}`, { type: "success", key: "breaches.toast.saved", params: { ref: breach.ref } });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("breaches.edit")} — ${t("app.name")}` }];
};

export default function EditBreach() {
  const l = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "edit-breach",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BreachFactsFormSchema }),
    shouldValidate: "onSubmit",
    defaultValue: l.values,
  });
  return (
    <div className="page">
      <Breadcrumbs
        trail={[
          { to: `/o/${l.slug}/breaches`, label: t("breaches.title") },
          { to: `/o/${l.slug}/breaches/${l.ref}`, label: l.ref },
        ]}
        current={t("breaches.edit")}
      />
      <h1>
        {t("breaches.edit")} — {l.ref}
      </h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="revision" value={l.revision} />
        <BreachFactsFields
          fields={fields}
          defaults={l.defaults}
          departments={l.departments}
          activities={l.activities}
          vendors={l.vendors}
          canChooseAnyDepartment
        />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
          <Link to={`/o/${l.slug}/breaches/${l.ref}`} className="button-link">
            {t("breaches.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
