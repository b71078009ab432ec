/** The log of data-subject requests (DPO and ADMIN): deadlines, new request, retention of the log. */
import { readForm } from "~/utils/form-limits.server.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { deadlineState } from "~/analysis/requests.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms.tsx";
import { metaT } from "~/components/vendor-fields.tsx";
import { listActivityChoices } from "~/models/breach.server.ts";
import { anonymizeExpiredRequests, createRequest, effectiveDue, listRequests, requestStatistics, setRequestRetention } from "~/models/request.server.ts";
import { OPEN_REQUEST_STATUSES } from "~/policies/request.ts";
import { IDENTITY_CHECKS, REQUEST_CHANNELS, REQUEST_REGIMES, REQUEST_TYPES, RequestFormSchema, RetentionFormSchema } from "~/schemas/request.ts";
import { getRequestRetention } from "~/models/request.server.ts";
import { requireRequestLog } from "~/http/request-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireRequestLog(request, params.org);
  // Retention runs whenever the log is opened: expired personal details never linger.
  await anonymizeExpiredRequests(ctx.org.id);
  const [rows, activities, stats, org] = await Promise.all([
    listRequests(ctx.org.id),
    listActivityChoices(ctx.org.id, departmentScope(ctx)),
    requestStatistics(ctx.org.id),
    getRequestRetention(ctx.org.id),
  ]);
  const now = new Date();
  return {
    slug: ctx.org.slug,
    retentionMonths: org.requestRetentionMonths,
    activities,
    stats,
    today: now.toISOString().slice(0, 10),
    rows: rows.map((r) => ({
      ref: r.ref,
      type: r.type,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      due: effectiveDue(r).toISOString(),
      deadline: deadlineState(effectiveDue(r), now, (OPEN_REQUEST_STATUSES as readonly string[]).includes(r.status)),
      requester: r.requesterName,
      anonymized: r.anonymizedAt !== null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireRequestLog(request, params.org);
  const formData = await readForm(request);
  if (formData.get("intent") === "retention") {
    const s = parseWithZod(formData, { schema: RetentionFormSchema });
    if (s.status !== "success") return data({ intent: "retention", result: s.reply() }, { status: 400 });
    await setRequestRetention(ctx.user.id, ctx.org.id, s.value.months);
    await anonymizeExpiredRequests(ctx.org.id);
    return redirectWithToast(request, `/o/${ctx.org.slug}/requests`, { type: "success", key: "requests.toast.retention", params: { months: s.value.months } });
  }
  const s = parseWithZod(formData, { schema: RequestFormSchema });
  if (s.status !== "success") return data({ intent: "create", result: s.reply() }, { status: 400 });
  const r = await createRequest(ctx.user.id, ctx.org.id, s.value);
  return redirectWithToast(request, `/o/${ctx.org.slug}/requests/${r.ref}`, { type: "success", key: "requests.toast.created", params: { ref: r.ref } });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("requests.title")} — ${t("app.name")}` }];
};

export default function RequestLog() {
  const l = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const [form, fields] = useForm({
    id: "new-request",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: {
      type: "ACCESS",
      regime: "GDPR",
      receivedAt: l.today,
      channel: "EMAIL",
      identityCheck: "NOT_NEEDED",
      requesterName: "",
      requesterContact: "",
      details: "",
    },
  });
  const [rform, rfields] = useForm({
    id: "retention",
    lastResult: actionData?.intent === "retention" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { months: String(l.retentionMonths) },
  });
  return (
    <div className="page">
      <h1>{t("requests.title")}</h1>
      <p className="lead">{t("requests.intro")}</p>
      {l.rows.length === 0 ? (
        <p className="muted">{t("requests.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("requests.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("requests.col.ref")}</th>
                <th scope="col">{t("requests.col.type")}</th>
                <th scope="col">{t("requests.col.requester")}</th>
                <th scope="col">{t("requests.col.received")}</th>
                <th scope="col">{t("requests.col.due")}</th>
                <th scope="col">{t("requests.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {l.rows.map((r) => (
                <tr key={r.ref}>
                  <td>
                    <Link to={`/o/${l.slug}/requests/${r.ref}`}>{r.ref}</Link>
                  </td>
                  <td>{t(`requests.type.${r.type as "ACCESS"}`)}</td>
                  <td>{r.anonymized ? t("requests.anonymized") : r.requester}</td>
                  <td>{date(r.receivedAt)}</td>
                  <td>
                    {date(r.due)} <span className={`deadline deadline-${r.deadline}`}>{t(`requests.deadline.${r.deadline}`)}</span>
                  </td>
                  <td>{t(`requests.status.${r.status as "RECEIVED"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="panel" aria-labelledby="new-request-title">
        <h2 id="new-request-title">{t("requests.new.title")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors errors={form.errors} id={form.errorId} />
          <SelectField
            label={t("requests.field.type")}
            field={fields.type}
            options={REQUEST_TYPES.map((x) => ({ value: x, label: t(`requests.type.${x}`) }))}
          />
          <SelectField
            label={t("requests.field.regime")}
            hint={t("requests.hint.regime")}
            field={fields.regime}
            options={REQUEST_REGIMES.map((x) => ({ value: x, label: t(`requests.regime.${x}`) }))}
          />
          <TextField label={t("requests.field.receivedAt")} field={fields.receivedAt} type="date" required />
          <SelectField
            label={t("requests.field.channel")}
            field={fields.channel}
            options={REQUEST_CHANNELS.map((x) => ({ value: x, label: t(`requests.channel.${x}`) }))}
          />
          <TextField label={t("requests.field.requesterName")} hint={t("requests.hint.minimum")} field={fields.requesterName} required />
          <TextField label={t("requests.field.requesterContact")} field={fields.requesterContact} />
          <SelectField
            label={t("requests.field.identityCheck")}
            field={fields.identityCheck}
            options={IDENTITY_CHECKS.map((x) => ({ value: x, label: t(`requests.identity.${x}`) }))}
          />
          <TextAreaField label={t("requests.field.details")} field={fields.details} />
          <fieldset className="field checkbox-group">
            <legend>{t("requests.field.activities")}</legend>
            {l.activities.map((a) => (
              <label key={a.id} className="checkbox">
                <input type="checkbox" name="activityIds" value={a.id} /> {a.ref} — {a.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary">
            {t("requests.new.submit")}
          </button>
        </Form>
      </section>
      <section className="panel" aria-labelledby="stats-title">
        <h2 id="stats-title">{t("requests.stats.title")}</h2>
        <ul className="plain-list">
          {l.stats.map((s) => (
            <li key={`${s.type}-${s.status}`}>
              {t(`requests.type.${s.type as "ACCESS"}`)} · {t(`requests.status.${s.status as "RECEIVED"}`)} : {s.count}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">{t("requests.retention.title")}</h2>
        <Form method="post" {...getFormProps(rform)} className="stack">
          <input type="hidden" name="intent" value="retention" />
          <TextField label={t("requests.retention.months")} hint={t("requests.retention.hint")} field={rfields.months} />
          <button type="submit" className="button">
            {t("common.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}
