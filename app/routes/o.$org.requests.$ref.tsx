/** One data-subject request: deadline, status, extension (Art. 12(3)), response, answer letters, comments. */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { formError } from "~/http/domain-errors.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { canExtend, deadlineState } from "~/analysis/requests.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms.tsx";
import { metaT } from "~/components/vendor-fields.tsx";
import { addRequestComment, effectiveDue, extendRequest, listRequestComments, moveRequest } from "~/models/request.server.ts";
import { nextRequestStatuses, OPEN_REQUEST_STATUSES } from "~/policies/request.ts";
import { IDENTITY_CHECKS, RequestUpdateSchema } from "~/schemas/request.ts";
import { activityLabels } from "~/models/request.server.ts";
import { requireDataSubjectRequest } from "~/http/request-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, dsr } = await requireDataSubjectRequest(request, params);
  const ids = JSON.parse(dsr.activityIds) as string[];
  const [comments, activities] = await Promise.all([listRequestComments(ctx.org.id, dsr.id), activityLabels(ctx.org.id, ids)]);
  const now = new Date();
  const open = (OPEN_REQUEST_STATUSES as readonly string[]).includes(dsr.status);
  return {
    slug: ctx.org.slug,
    r: {
      ref: dsr.ref,
      type: dsr.type,
      regime: dsr.regime,
      status: dsr.status,
      revision: dsr.revision,
      receivedAt: dsr.receivedAt.toISOString(),
      channel: dsr.channel,
      requesterName: dsr.requesterName,
      requesterContact: dsr.requesterContact,
      identityCheck: dsr.identityCheck,
      details: dsr.details,
      response: dsr.response,
      due: effectiveDue(dsr).toISOString(),
      extensionReason: dsr.extensionReason,
      anonymized: dsr.anonymizedAt !== null,
    },
    deadline: deadlineState(effectiveDue(dsr), now, open),
    canExtend: open && canExtend(dsr.receivedAt, now, dsr.extendedDueAt !== null),
    next: dsr.anonymizedAt ? [] : nextRequestStatuses(dsr.status).filter((s) => s !== "EXTENDED" && s !== "RECEIVED"),
    activities,
    comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt.toISOString() })),
    today: now.toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, dsr } = await requireDataSubjectRequest(request, params);
  const formData = await readForm(request);
  const s = parseWithZod(formData, { schema: RequestUpdateSchema });
  const intent = String(formData.get("intent") ?? "");
  if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
  const v = s.value;
  const back = (key: "requests.toast.updated" | "requests.toast.commented") =>
    redirectWithToast(request, `/o/${ctx.org.slug}/requests/${dsr.ref}`, { type: "success", key, params: { ref: dsr.ref } });
  try {
    if (v.intent === "comment") {
      await addRequestComment(ctx.user.id, dsr, v.body);
      return back("requests.toast.commented");
    }
    if (v.intent === "extend") await extendRequest(ctx.user.id, dsr, v.revision, v.extensionReason, v.extensionInformedAt);
    else await moveRequest(ctx.user.id, ctx.membership.role, dsr, v.revision, v.status, { response: v.response, identityCheck: v.identityCheck });
    return back("requests.toast.updated");
  } catch (err) {
    return formError(err, s, { intent });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaT(matches);
  return [{ title: `${d?.r.ref ?? t("requests.title")} — ${t("app.name")}` }];
};

type AD = { intent: string; result: SubmissionResult<string[]> } | undefined;

export default function RequestPage() {
  const l = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>() as AD;
  const { t, date } = useT();
  const r = l.r;
  const base = `/o/${l.slug}/requests/${r.ref}`;
  const [sform, sfields] = useForm({
    id: "status",
    lastResult: ad?.intent === "status" ? ad.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { status: l.next[0] ?? "", response: r.response ?? "", identityCheck: r.identityCheck },
  });
  const [eform, efields] = useForm({
    id: "extend",
    lastResult: ad?.intent === "extend" ? ad.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { extensionReason: "", extensionInformedAt: l.today },
  });
  const [cform, cfields] = useForm({
    id: "comment",
    lastResult: ad?.intent === "comment" ? ad.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { body: "" },
  });
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${l.slug}/requests`, label: t("requests.title") }]} current={r.ref} />
      <h1>
        {r.ref} — {t(`requests.type.${r.type as "ACCESS"}`)}
      </h1>
      <p>
        {t(`requests.status.${r.status}`)} · {t("requests.col.due")} : {date(r.due)}{" "}
        <span className={`deadline deadline-${l.deadline}`}>{t(`requests.deadline.${l.deadline}`)}</span>
      </p>
      <dl className="key-values">
        <div>
          <dt>{t("requests.field.requesterName")}</dt>
          <dd>{r.anonymized ? t("requests.anonymized") : r.requesterName}</dd>
        </div>
        <div>
          <dt>{t("requests.field.requesterContact")}</dt>
          <dd>{r.requesterContact ?? t("common.notProvided")}</dd>
        </div>
        <div>
          <dt>{t("requests.field.receivedAt")}</dt>
          <dd>{date(r.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t("requests.field.channel")}</dt>
          <dd>{t(`requests.channel.${r.channel as "MAIL"}`)}</dd>
        </div>
        <div>
          <dt>{t("requests.field.identityCheck")}</dt>
          <dd>{t(`requests.identity.${r.identityCheck as "DONE"}`)}</dd>
        </div>
        <div>
          <dt>{t("requests.field.activities")}</dt>
          <dd>{l.activities.map((a) => `${a.ref} — ${a.name}`).join("; ") || t("common.notProvided")}</dd>
        </div>
        {r.extensionReason ? (
          <div>
            <dt>{t("requests.field.extensionReason")}</dt>
            <dd>{r.extensionReason}</dd>
          </div>
        ) : null}
      </dl>
      {l.next.length ? (
        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">{t("requests.section.status")}</h2>
          <Form method="post" {...getFormProps(sform)} className="stack">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="revision" value={r.revision} />
            <FormErrors errors={sform.errors} id={sform.errorId} />
            <SelectField
              label={t("requests.field.status")}
              field={sfields.status}
              options={l.next.map((x) => ({ value: x, label: t(`requests.status.${x}`) }))}
            />
            <SelectField
              label={t("requests.field.identityCheck")}
              field={sfields.identityCheck}
              options={IDENTITY_CHECKS.map((x) => ({ value: x, label: t(`requests.identity.${x}`) }))}
            />
            <TextAreaField label={t("requests.field.response")} hint={t("requests.hint.response")} field={sfields.response} />
            <button type="submit" className="button primary">
              {t("common.save")}
            </button>
          </Form>
        </section>
      ) : null}
      {l.canExtend ? (
        <section className="panel" aria-labelledby="extend-title">
          <h2 id="extend-title">{t("requests.section.extend")}</h2>
          <Form method="post" {...getFormProps(eform)} className="stack">
            <input type="hidden" name="intent" value="extend" />
            <input type="hidden" name="revision" value={r.revision} />
            <FormErrors errors={eform.errors} id={eform.errorId} />
            <TextAreaField label={t("requests.field.extensionReason")} field={efields.extensionReason} />
            <TextField label={t("requests.field.extensionInformedAt")} field={efields.extensionInformedAt} type="date" />
            <button type="submit" className="button">
              {t("requests.extend.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="letters-title">
        <h2 id="letters-title">{t("requests.section.letters")}</h2>
        <ul className="plain-list">
          {(["fr", "en"] as const).map((lang) => (
            <li key={lang}>
              {t(`requests.letter.link.${lang}`)} :{" "}
              <a href={`${base}/letter?format=pdf&lang=${lang}`} download>
                PDF
              </a>{" "}
              ·{" "}
              <a href={`${base}/letter?format=txt&lang=${lang}`} download>
                {t("requests.letter.text")}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="rcomments-title">
        <h2 id="rcomments-title">{t("requests.section.comments")}</h2>
        <ul className="plain-list">
          {l.comments.map((c) => (
            <li key={c.id}>
              <span className="muted">{date(c.createdAt, true)}</span> {c.body}
            </li>
          ))}
        </ul>
        <Form method="post" {...getFormProps(cform)} className="stack">
          <input type="hidden" name="intent" value="comment" />
          <TextAreaField label={t("requests.field.comment")} field={cfields.body} />
          <button type="submit" className="button">
            {t("requests.comment.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
