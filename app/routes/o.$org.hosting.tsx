/**
 * The organization's own hosting sites (its data centre, its server room): where data hosted by the
 * city itself lives. Activities link to them as they link to a vendor's service. Reading is open to
 * every member; creating and deleting need "vendors:manage".
 */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms.tsx";
import { CountryLabel, metaT, useCountryOptions } from "~/components/vendor-fields.tsx";
import { createHostingSite, deleteHostingSite, listHostingSites } from "~/models/vendor.server.ts";
import { HostingSiteFormSchema, toHostingSiteInput } from "~/schemas/vendor.ts";
import { toastError } from "~/http/domain-errors.server.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().min(1).max(40), confirm: z.string().max(10).optional() });

type ActionData = { intent: string; result?: SubmissionResult<string[]>; confirm?: { id: string; name: string; activities: number } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const sites = await listHostingSites(ctx.org.id);
  return {
    org: ctx.org.slug,
    canManage: canManageVendors(ctx.membership),
    sites: sites.map((s) => ({ id: s.id, name: s.name, country: s.country, city: s.city, description: s.description, links: s._count.links })),
  };
}

/** Prisma's unique-constraint error, recognised without importing Prisma into a route. */
function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const back = `/o/${ctx.org.slug}/hosting`;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: HostingSiteFormSchema });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const taken = (await listHostingSites(ctx.org.id)).some((s) => s.name === submission.value.name);
    const exists = () => data<ActionData>({ intent, result: submission.reply({ fieldErrors: { name: ["errors.hostingSiteExists"] } }) }, { status: 400 });
    if (taken) return exists();
    try {
      await createHostingSite(ctx.user.id, ctx.org.id, toHostingSiteInput(submission.value));
    } catch (err) {
      if (isUniqueViolation(err)) return exists();
      throw err;
    }
    return redirectWithToast(request, back, { type: "success", key: "vendors.toast.siteCreated", params: { name: submission.value.name } });
  }
  const parsed = DeleteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const site = (await listHostingSites(ctx.org.id)).find((s) => s.id === parsed.data.id);
  if (!site) throw notFound();
  // Deleting a site also deletes the activities' links to it: ask first when there are some.
  if (site._count.links > 0 && parsed.data.confirm !== "yes")
    return data<ActionData>({ intent: "delete", confirm: { id: site.id, name: site.name, activities: site._count.links } });
  try {
    await deleteHostingSite(ctx.user.id, ctx.org.id, site.id);
  } catch (err) {
    return toastError(err, request, back);
  }
  return redirectWithToast(request, back, { type: "success", key: "vendors.toast.siteDeleted", params: { name: site.name } });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("vendors.hosting.title")} — ${t("app.name")}` }];
};

export default function Hosting() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  const countries = useCountryOptions();
  const [form, fields] = useForm({
    id: "hosting-new",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    constraint: getZodConstraint(HostingSiteFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HostingSiteFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { country: "FR" },
  });
  const confirm = actionData?.confirm;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${d.org}/vendors`, label: t("vendors.title") }]} current={t("vendors.hosting.title")} />
      <h1>{t("vendors.hosting.title")}</h1>
      <p className="lead">{t("vendors.hosting.intro")}</p>
      <p className="hint">{t("vendors.hosting.introVendors")}</p>
      {confirm ? (
        <section className="callout warning vendor-confirm" role="alert" aria-labelledby="confirm-site-h">
          <h2 id="confirm-site-h">{t("vendors.hosting.confirmTitle", { name: confirm.name })}</h2>
          <p>{t("vendors.hosting.confirmBody", { count: confirm.activities })}</p>
          <div className="button-row">
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={confirm.id} />
              <input type="hidden" name="confirm" value="yes" />
              <button type="submit" className="button danger">
                {t("vendors.confirmDelete.yes")}
              </button>
            </Form>
            <Link to={`/o/${d.org}/hosting`} className="button">
              {t("vendors.cancel")}
            </Link>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t("vendors.hosting.list", { count: d.sites.length })}</h2>
        {d.sites.length === 0 ? (
          <p>{t("vendors.hosting.empty")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="sites-h">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("vendors.hosting.name")}</th>
                  <th scope="col">{t("vendors.hosting.country")}</th>
                  <th scope="col">{t("vendors.hosting.city")}</th>
                  <th scope="col">{t("vendors.hosting.description")}</th>
                  <th scope="col">{t("vendors.col.activities")}</th>
                  {d.canManage ? <th scope="col">{t("vendors.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {d.sites.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>
                      <CountryLabel code={s.country} />
                    </td>
                    <td>{s.city ?? <span className="not-provided">{t("common.notProvided")}</span>}</td>
                    <td className="free-text">{s.description ?? ""}</td>
                    <td>{s.links}</td>
                    {d.canManage ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="id" value={s.id} />
                          <button type="submit" className="button danger small">
                            {t("common.delete")}
                            <span className="visually-hidden"> {s.name}</span>
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {d.canManage ? (
        <section className="panel" aria-labelledby="new-site-h">
          <h2 id="new-site-h">{t("vendors.hosting.add")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack narrow-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="create" />
            <TextField label={t("vendors.hosting.name")} hint={t("vendors.hosting.nameHint")} field={fields.name} required />
            <SelectField label={t("vendors.hosting.country")} field={fields.country} options={countries} />
            <TextField label={t("vendors.hosting.city")} field={fields.city} />
            <TextAreaField label={t("vendors.hosting.description")} hint={t("vendors.hosting.descriptionHint")} field={fields.description} rows={3} />
            <button type="submit" className="button primary">
              {t("vendors.hosting.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
