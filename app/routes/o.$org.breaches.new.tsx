/**
 * Report a breach. With ?vendor=<id> (from a vendor's page) the draft lists every activity that uses
 * the vendor's services, directly or through sub-processors, and prefills data and subjects from them.
 */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { formError } from "~/http/domain-errors.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BreachFactsFields } from "~/components/breach-fields.tsx";
import { FormErrors } from "~/components/forms.tsx";
import { metaT } from "~/components/vendor-fields.tsx";
import { createBreach, listActivityChoices, vendorBreachScope } from "~/models/breach.server.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import { canReportBreach, managesBreaches } from "~/policies/breach.ts";
import { BreachFactsFormSchema } from "~/schemas/breach.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { forbidden, notFound } from "~/http/auth.server.ts";
import { breachActor, requireBreachRegister } from "~/http/breach-access.server.ts";
import { utcToParisLocal } from "~/utils/paris-time.ts";
import { listVendorChoices } from "~/models/vendor.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireBreachRegister(request, params.org);
  const actor = breachActor(ctx);
  const scope = departmentScope(ctx);
  const vendorId = new URL(request.url).searchParams.get("vendor");
  const [overview, activities, vendors, vendorScope] = await Promise.all([
    getOrganizationOverview(ctx.org.id),
    listActivityChoices(ctx.org.id, scope),
    managesBreaches(ctx.membership.role) ? listVendorChoices(ctx.org.id) : Promise.resolve([]),
    vendorId ? vendorBreachScope(ctx.org.id, vendorId) : Promise.resolve(null),
  ]);
  if (vendorId && !vendorScope) throw notFound();
  const departments = overview.departments.filter((d) => canReportBreach(actor, d.id));
  // An EDITOR sees (and may pick) only activities of their departments, even when the vendor serves others.
  const visible = new Set(activities.map((a) => a.id));
  const scoped = vendorScope ? vendorScope.activities.filter((a) => visible.has(a.id)) : [];
  const now = utcToParisLocal(new Date());
  return {
    slug: ctx.org.slug,
    departments,
    canChooseAnyDepartment: managesBreaches(ctx.membership.role),
    vendor: vendorScope?.vendor ?? null,
    scope: scoped.map((s) => ({
      id: s.id,
      ref: s.ref,
      name: s.name,
      direct: s.direct,
      via: s.via,
      dataCategories: s.dataCategories,
      people: s.people,
      subjects: s.subjects,
    })),
    activities,
    vendors: vendorScope && !vendors.some((v) => v.id === vendorScope.vendor.id) ? [...vendors, vendorScope.vendor] : vendors,
    defaults: {
      title: vendorScope ? vendorScope.vendor.name : "",
      discoveredAt: now,
      awareAt: now,
      departmentId: departments.length === 1 || !managesBreaches(ctx.membership.role) ? (departments[0]?.id ?? "") : "",
      nature: [] as string[],
      activityIds: scoped.map((s) => s.id),
      vendorIds: vendorScope ? [vendorScope.vendor.id] : [],
      dataCategories: vendorScope ? vendorScope.prefill.dataCategories : [],
      subjects: vendorScope ? vendorScope.prefill.subjects : [],
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireBreachRegister(request, params.org);
  const actor = breachActor(ctx);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: BreachFactsFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const f = submission.value;
  if (!canReportBreach(actor, f.departmentId ?? null)) {
    if (ctx.membership.role !== "EDITOR") throw forbidden();
    return data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.breachDepartment"] } }) }, { status: 403 });
  }
  // EDITORs link only activities they can see and no vendor (the DPO completes the record).
  if (!managesBreaches(ctx.membership.role)) {
    const own = new Set((await listActivityChoices(ctx.org.id, departmentScope(ctx))).map((a) => a.id));
    f.activityIds = f.activityIds.filter((id) => own.has(id));
    f.vendorIds = [];
  }
  const vendorParam = formData.get("fromVendor");
  try {
    const b = await createBreach(ctx.user.id, ctx.org.id, f, {
      vendorId: typeof vendorParam === "string" && vendorParam && managesBreaches(ctx.membership.role) ? vendorParam : null,
    });
    return redirectWithToast(request, `/o/${ctx.org.slug}/breaches/${b.ref}`, { type: "success", key: "breaches.toast.reported", params: { ref: b.ref } });
  } catch (err) {
    return formError(err, submission);
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("breaches.new.title")} — ${t("app.name")}` }];
};

export default function NewBreach() {
  const l = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "new-breach",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BreachFactsFormSchema }),
    shouldValidate: "onSubmit",
    defaultValue: { title: l.defaults.title, discoveredAt: l.defaults.discoveredAt, awareAt: l.defaults.awareAt, departmentId: l.defaults.departmentId },
  });
  const scopeNotes = new Map(l.scope.map((s) => [s.id, s.direct ? t("breaches.scope.direct") : t("breaches.scope.via", { chain: s.via.join(" → ") })]));
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${l.slug}/breaches`, label: t("breaches.title") }]} current={t("breaches.new.title")} />
      <h1>{l.vendor ? t("breaches.new.titleVendor", { vendor: l.vendor.name }) : t("breaches.new.title")}</h1>
      <p className="lead">{t("breaches.new.intro")}</p>
      {l.vendor ? (
        <section className="panel" aria-labelledby="scope-title">
          <h2 id="scope-title">{t("breaches.scope.title", { vendor: l.vendor.name })}</h2>
          {l.scope.length === 0 ? (
            <p className="muted">{t("breaches.scope.none")}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="scope-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("breaches.scope.activity")}</th>
                    <th scope="col">{t("breaches.scope.how")}</th>
                    <th scope="col">{t("breaches.scope.data")}</th>
                    <th scope="col">{t("breaches.scope.people")}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.scope.map((s) => (
                    <tr key={s.id}>
                      <td>
                        {s.ref} — {s.name}
                      </td>
                      <td>{scopeNotes.get(s.id)}</td>
                      <td>
                        {s.dataCategories.map((c) => t(`vocab.dataCategory.${c}` as "vocab.dataCategory.identity")).join(", ") || t("common.notProvided")}
                      </td>
                      <td>{s.people === null ? t("common.notProvided") : s.people.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors?.map((e) => e)} id={form.errorId} />
        {l.vendor ? <input type="hidden" name="fromVendor" value={l.vendor.id} /> : null}
        <BreachFactsFields
          fields={fields}
          defaults={l.defaults}
          departments={l.departments}
          activities={l.activities.map((a) => ({ ...a, note: scopeNotes.get(a.id) }))}
          vendors={l.vendors}
          canChooseAnyDepartment={l.canChooseAnyDepartment}
        />
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t("breaches.new.submit")}
          </button>
          <Link to={`/o/${l.slug}/breaches`} className="button-link">
            {t("breaches.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
