import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { listMyAccessRequests, requestAccess } from "~/models/access-request.server.ts";
import { listUserOrganizations } from "~/models/membership.server.ts";
import { hasSsoIdentity } from "~/models/sso.server.ts";
import { mustRequestAccess } from "~/policies/organization.ts";
import { forbidden, requireUser } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { useT } from "~/utils/use-i18n.ts";
import { slugField, z } from "~/utils/validation.ts";

const RequestSchema = z.object({ slug: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), slugField) });

async function requireRoleless(request: Request) {
  const s = await requireUser(request);
  const orgs = await listUserOrganizations(s.user.id);
  return {
    s,
    allowed: mustRequestAccess(
      orgs.map((o) => o.role),
      await hasSsoIdentity(s.user.id),
    ),
  };
}

/** Where a person signed in through single sign-on, with no role yet, asks an organization's ADMINs for access. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { s, allowed } = await requireRoleless(request);
  if (!allowed) throw redirect("/");
  const requests = await listMyAccessRequests(s.user.id);
  return { requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { s, allowed } = await requireRoleless(request);
  if (!allowed) throw forbidden();
  const submission = parseWithZod(await readForm(request), { schema: RequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: null }, { status: 400 });
  const res = await requestAccess(s.user.id, submission.value.slug);
  if (!res.ok) {
    const status = res.reason === "limit" ? 429 : res.reason === "member" ? 409 : 400;
    return data({ result: submission.reply({ fieldErrors: { slug: [`errors.accessRequest.${res.reason}`] } }), sent: null }, { status });
  }
  return data({ result: submission.reply({ resetForm: true }), sent: { org: res.organizationName, created: res.created } });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "access.title");

export default function Access() {
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const [form, fields] = useForm({
    id: "access-request",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestSchema }),
  });
  const sent = actionData?.sent;
  return (
    <div className="page narrow">
      <h1>{t("access.title")}</h1>
      <p>{t("access.intro")}</p>
      {sent ? (
        <div className="callout success" role="status">
          <p>{sent.created ? t("access.sent", { org: sent.org }) : t("access.alreadyOpen", { org: sent.org })}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <TextField label={t("access.slug")} hint={t("access.slugHint")} field={fields.slug} required />
        <button type="submit" className="button primary">
          {t("access.submit")}
        </button>
      </Form>
      {requests.length ? (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">{t("access.mine")}</h2>
          <ul className="plain-list">
            {requests.map((r) => (
              <li key={r.id}>
                {t("access.requestedOn", {
                  org: r.organization.name,
                  date: date(r.createdAt),
                  status: t(`access.status.${r.status as "PENDING" | "ACCEPTED" | "REFUSED"}`),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
