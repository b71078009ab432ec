/**
 * One breach: facts, the 72-hour clock, the risk assessment (ENISA method) and the two decisions,
 * notifications to the CNIL, drafts, state changes, comments and versions.
 */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { domainError } from "~/http/domain-errors.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { breachClock, enisaSeverity, splitDuration, suggestedDpc } from "~/analysis/breach.ts";
import { DateTimeField } from "~/components/breach-fields.tsx";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms.tsx";
import { metaT } from "~/components/vendor-fields.tsx";
import { addBreachComment, assessBreach, breachDetails, recordNotification, transitionBreach } from "~/models/breach.server.ts";
import { canCommentBreach, canDraftBreach, canManageBreach, canTransitionBreach } from "~/policies/breach.ts";
import { isSensitiveCategory } from "~/reference/vocabularies.ts";
import { ART34_EXEMPTIONS, AssessmentFormSchema, CommentFormSchema, NOTIFICATION_KINDS, NotificationFormSchema, RISK_LEVELS } from "~/schemas/breach.ts";
import { forbidden } from "~/http/auth.server.ts";
import { breachActor, requireBreach } from "~/http/breach-access.server.ts";
import { utcToParisLocal } from "~/utils/paris-time.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, breach } = await requireBreach(request, params);
  const actor = breachActor(ctx);
  const details = await breachDetails(ctx.org.id, breach);
  const initial = details.notifications.find((n) => n.kind === "INITIAL") ?? null;
  const a = breach.parsed.assessment ?? null;
  const now = new Date();
  const clock = breachClock(breach.awareAt, initial?.sentAt ?? null, now, a ? a.notifyCnil : null);
  const enisaDefaults = a?.enisa ?? {
    dpc: suggestedDpc(breach.parsed.dataCategories, isSensitiveCategory),
    ei: 0.5,
    confidentiality: breach.parsed.nature.includes("confidentiality") ? 0.25 : 0,
    integrity: breach.parsed.nature.includes("integrity") ? 0.25 : 0,
    availability: breach.parsed.nature.includes("availability") ? 0.25 : 0,
    malicious: false,
  };
  const manage = canManageBreach(actor, breach);
  const status = breach.status;
  return {
    slug: ctx.org.slug,
    breach: {
      id: breach.id,
      ref: breach.ref,
      title: breach.title,
      status,
      revision: breach.revision,
      risk: breach.risk,
      departmentName: breach.departmentName,
      content: breach.parsed,
    },
    clock: { state: clock.state, deadline: clock.deadline.toISOString(), ...splitDuration(clock.remainingMs) },
    enisa: { defaults: enisaDefaults, result: enisaSeverity(enisaDefaults) },
    details: {
      ...details,
      notifications: details.notifications.map((n) => ({
        id: n.id,
        kind: n.kind,
        sentAt: n.sentAt.toISOString(),
        reference: n.reference,
        delayReason: n.delayReason,
        summary: n.summary,
      })),
      comments: details.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
      versions: details.versions.map((v) => ({ number: v.number, status: v.status, actor: v.actor, createdAt: v.createdAt.toISOString() })),
    },
    can: {
      manage,
      edit: manage,
      comment: canCommentBreach(actor, breach),
      drafts: canDraftBreach(actor),
      notify: canTransitionBreach(actor, breach, "notify") && Boolean(a),
      notNotified: canTransitionBreach(actor, breach, "notNotified") && a?.notifyCnil === false,
      close: canTransitionBreach(actor, breach, "close"),
      reopen: canTransitionBreach(actor, breach, "reopen"),
    },
    nowLocal: utcToParisLocal(now),
  };
}

const IntentSchema = z.object({
  intent: z.enum(["assess", "notify", "notNotified", "close", "reopen", "comment"]),
  revision: z.coerce.number().int().min(1).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, breach } = await requireBreach(request, params);
  const actor = breachActor(ctx);
  const formData = await readForm(request);
  const head = IntentSchema.safeParse(Object.fromEntries(formData));
  if (!head.success) return data({ intent: null, result: { status: "error" as const, error: { "": ["errors.invalid"] } } }, { status: 400 });
  const { intent } = head.data;
  const base = `/o/${ctx.org.slug}/breaches/${breach.ref}`;
  const done = (key: "breaches.toast.assessed" | "breaches.toast.notified" | "breaches.toast.transition" | "breaches.toast.commented") =>
    redirectWithToast(request, base, { type: "success", key, params: { ref: breach.ref } });
  if (intent === "comment") {
    if (!canCommentBreach(actor, breach)) throw forbidden();
    const s = parseWithZod(formData, { schema: CommentFormSchema });
    if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
    await addBreachComment(ctx.user.id, ctx.org.id, breach.id, s.value.body);
    return done("breaches.toast.commented");
  }
  if (intent === "assess" ? !canTransitionBreach(actor, breach, "assess") : !canTransitionBreach(actor, breach, intent)) {
    if (!canManageBreach(actor, breach) && !(intent === "reopen" && canTransitionBreach(actor, breach, "reopen"))) throw forbidden();
    return data({ intent, result: { status: "error" as const, error: { "": ["errors.breachTransition"] } } }, { status: 409 });
  }
  const revision = head.data.revision;
  if (!revision) return data({ intent, result: { status: "error" as const, error: { "": ["errors.invalid"] } } }, { status: 400 });
  try {
    if (intent === "assess") {
      const s = parseWithZod(formData, { schema: AssessmentFormSchema });
      if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
      await assessBreach(ctx.user.id, ctx.org.id, breach.id, revision, s.value);
      return done("breaches.toast.assessed");
    }
    if (intent === "notify") {
      const s = parseWithZod(formData, { schema: NotificationFormSchema });
      if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
      await recordNotification(ctx.user.id, ctx.org.id, breach.id, revision, s.value);
      return done("breaches.toast.notified");
    }
    await transitionBreach(ctx.user.id, ctx.org.id, breach.id, revision, intent);
    return done("breaches.toast.transition");
  } catch (err) {
    // The buttons of this page have no Conform submission: the same form-level result, built here.
    const e = domainError(err);
    return data({ intent, result: { status: "error" as const, error: { "": [e.key] } } }, { status: e.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaT(matches);
  return [{ title: `${d ? `${d.breach.ref} ${d.breach.title}` : t("breaches.title")} — ${t("app.name")}` }];
};

type ActionData = { intent: string | null; result: SubmissionResult<string[]> | undefined };

function Facts() {
  const { breach, details } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const c = breach.content;
  const rows: [string, string][] = [
    [t("breaches.field.department"), breach.departmentName ?? t("breaches.noDepartment")],
    [t("breaches.field.discoveredAt"), date(c.discoveredAt, true)],
    [t("breaches.field.awareAt"), date(c.awareAt, true)],
    [t("breaches.field.startedAt"), c.startedAt ? date(c.startedAt, true) : t("common.notProvided")],
    [t("breaches.field.endedAt"), c.endedAt ? date(c.endedAt, true) : t("breaches.ongoing")],
    [t("breaches.field.nature"), c.nature.map((n) => t(`breaches.nature.${n}`)).join(", ")],
    [t("breaches.field.description"), c.description],
    [t("breaches.field.cause"), c.cause ?? t("common.notProvided")],
    [t("breaches.field.activities"), details.activities.map((a) => `${a.ref} — ${a.name}`).join("; ") || t("common.notProvided")],
    [t("breaches.field.vendors"), details.vendors.map((v) => v.name).join(", ") || t("common.notProvided")],
    [t("breaches.field.dataCategories"), c.dataCategories.map((d) => t(`vocab.dataCategory.${d}`)).join(", ") || t("common.notProvided")],
    [
      t("breaches.field.subjects"),
      c.subjects.map((s) => `${t(`vocab.dataSubject.${s.category}`)}${s.count !== null ? ` (${s.count})` : ""}`).join(", ") || t("common.notProvided"),
    ],
    [t("breaches.field.approxPeople"), c.approxPeople !== null ? String(c.approxPeople) : t("common.notProvided")],
    [t("breaches.field.consequences"), c.consequences ?? t("common.notProvided")],
    [t("breaches.field.measures"), c.measures ?? t("common.notProvided")],
  ];
  return (
    <dl className="key-values">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function AssessForm({ actionData }: { actionData: ActionData | undefined }) {
  const { breach, enisa } = useLoaderData<typeof loader>();
  const { t } = useT();
  const a = breach.content.assessment;
  const [form, fields] = useForm({
    id: "assess",
    lastResult: actionData?.intent === "assess" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: {
      enisa: {
        ...enisa.defaults,
        dpc: String(enisa.defaults.dpc),
        ei: String(enisa.defaults.ei),
        confidentiality: String(enisa.defaults.confidentiality),
        integrity: String(enisa.defaults.integrity),
        availability: String(enisa.defaults.availability),
        malicious: enisa.defaults.malicious ? "on" : undefined,
      },
      risk: a?.risk ?? enisa.result.suggested,
      reasoning: a?.reasoning ?? "",
      notifyCnil: a ? (a.notifyCnil ? "yes" : "no") : enisa.result.suggested === "NONE" ? "no" : "yes",
      notifyReasoning: a?.notifyReasoning ?? "",
      informSubjects: a ? (a.informSubjects ? "yes" : "no") : enisa.result.suggested === "HIGH" ? "yes" : "no",
      informReasoning: a?.informReasoning ?? "",
      exemption: a?.exemption ?? "",
      subjectsInformedAt: a?.subjectsInformedAt ? utcToParisLocal(new Date(a.subjectsInformedAt)) : "",
      informChannel: a?.informChannel ?? "",
    },
  });
  const e = fields.enisa.getFieldset();
  const cb = [0, 0.25, 0.5].map((v) => ({ value: String(v), label: t(`breaches.enisa.cb.${String(v).replace(".", "_")}` as "breaches.enisa.cb.0") }));
  const yesNo = [
    { value: "yes", label: t("breaches.yes") },
    { value: "no", label: t("breaches.no") },
  ];
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="assess" />
      <input type="hidden" name="revision" value={breach.revision} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset className="field">
        <legend>{t("breaches.enisa.title")}</legend>
        <p className="hint">{t("breaches.enisa.help")}</p>
        <SelectField
          label={t("breaches.enisa.dpc")}
          field={e.dpc}
          options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`breaches.enisa.dpc.${n}` as "breaches.enisa.dpc.1") }))}
        />
        <SelectField
          label={t("breaches.enisa.ei")}
          field={e.ei}
          options={["0.25", "0.5", "0.75", "1"].map((n) => ({ value: n, label: t(`breaches.enisa.ei.${n.replace(".", "_")}` as "breaches.enisa.ei.1") }))}
        />
        <SelectField label={t("breaches.enisa.confidentiality")} field={e.confidentiality} options={cb} />
        <SelectField label={t("breaches.enisa.integrity")} field={e.integrity} options={cb} />
        <SelectField label={t("breaches.enisa.availability")} field={e.availability} options={cb} />
        <label className="checkbox">
          <input type="checkbox" name="enisa.malicious" defaultChecked={enisa.defaults.malicious} /> {t("breaches.enisa.malicious")}
        </label>
        <p>
          {t("breaches.enisa.result", {
            score: enisa.result.score,
            level: t(`breaches.enisa.level.${enisa.result.level}`),
            suggested: t(`breaches.risk.${enisa.result.suggested}`),
          })}
        </p>
      </fieldset>
      <SelectField label={t("breaches.field.risk")} field={fields.risk} options={RISK_LEVELS.map((r) => ({ value: r, label: t(`breaches.risk.${r}`) }))} />
      <TextAreaField label={t("breaches.field.riskReasoning")} field={fields.reasoning} />
      <SelectField label={t("breaches.field.notifyCnil")} field={fields.notifyCnil} options={yesNo} />
      <TextAreaField label={t("breaches.field.notifyReasoning")} field={fields.notifyReasoning} />
      <SelectField label={t("breaches.field.informSubjects")} field={fields.informSubjects} options={yesNo} />
      <TextAreaField label={t("breaches.field.informReasoning")} field={fields.informReasoning} />
      <SelectField
        label={t("breaches.field.exemption")}
        field={fields.exemption}
        options={[{ value: "", label: t("breaches.exemption.none") }, ...ART34_EXEMPTIONS.map((x) => ({ value: x, label: t(`breaches.exemption.${x}`) }))]}
      />
      <DateTimeField label={t("breaches.field.subjectsInformedAt")} field={fields.subjectsInformedAt} />
      <TextField label={t("breaches.field.informChannel")} field={fields.informChannel} />
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t("breaches.assess.submit")}
        </button>
      </div>
    </Form>
  );
}

function NotifyForm({ actionData }: { actionData: ActionData | undefined }) {
  const { breach, nowLocal, details } = useLoaderData<typeof loader>();
  const { t } = useT();
  const hasInitial = details.notifications.some((n) => n.kind === "INITIAL");
  const [form, fields] = useForm({
    id: "notify",
    lastResult: actionData?.intent === "notify" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { kind: hasInitial ? "COMPLEMENTARY" : "INITIAL", sentAt: nowLocal, reference: "", delayReason: "", summary: "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="notify" />
      <input type="hidden" name="revision" value={breach.revision} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField
        label={t("breaches.field.notificationKind")}
        field={fields.kind}
        options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`breaches.notification.${k}`) }))}
      />
      <DateTimeField label={t("breaches.field.sentAt")} field={fields.sentAt} required />
      <TextField label={t("breaches.field.reference")} field={fields.reference} />
      <TextAreaField label={t("breaches.field.delayReason")} hint={t("breaches.hint.delayReason")} field={fields.delayReason} />
      <TextAreaField label={t("breaches.field.summary")} field={fields.summary} />
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t("breaches.notify.submit")}
        </button>
      </div>
    </Form>
  );
}

function TransitionButton({ intent, label }: { intent: string; label: string }) {
  const { breach } = useLoaderData<typeof loader>();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={breach.revision} />
      <button type="submit" className="button">
        {label}
      </button>
    </Form>
  );
}

export default function BreachPage() {
  const l = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date } = useT();
  const { breach, clock, details } = l;
  const base = `/o/${l.slug}/breaches/${breach.ref}`;
  const [commentForm, commentFields] = useForm({
    id: "comment",
    lastResult: actionData?.intent === "comment" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { body: "" },
  });
  const generalErrors =
    actionData && actionData.intent !== "assess" && actionData.intent !== "notify" && actionData.intent !== "comment"
      ? (actionData.result?.error?.[""] ?? undefined)
      : undefined;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${l.slug}/breaches`, label: t("breaches.title") }]} current={breach.ref} />
      <h1>
        {breach.ref} — {breach.title}
      </h1>
      <p>
        <span className="status-badge">{t(`breaches.status.${breach.status}`)}</span>{" "}
        {breach.risk ? t(`breaches.risk.${breach.risk as "NONE"}`) : t("breaches.risk.unassessed")}
      </p>
      <FormErrors errors={generalErrors as string[] | undefined} />
      <section className={`panel clock clock-${clock.state}`} aria-labelledby="clock-title">
        <h2 id="clock-title">{t("breaches.clock.title")}</h2>
        <p data-testid="breach-clock">
          {t(`breaches.clock.${clock.state}`, { deadline: date(clock.deadline, true) })}{" "}
          {clock.state === "running" || clock.state === "overdue"
            ? t(clock.state === "running" ? "breaches.clock.left" : "breaches.clock.over", { hours: clock.hours, minutes: clock.minutes })
            : null}
        </p>
      </section>
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("breaches.section.facts")}</h2>
        <Facts />
        {l.can.edit ? (
          <p>
            <Link to={`${base}/edit`}>{t("breaches.edit")}</Link>
          </p>
        ) : null}
      </section>
      {l.can.manage ? (
        <section className="panel" aria-labelledby="assess-title">
          <h2 id="assess-title">{t("breaches.section.assessment")}</h2>
          <AssessForm actionData={actionData} />
        </section>
      ) : breach.content.assessment ? (
        <section className="panel" aria-labelledby="assess-title">
          <h2 id="assess-title">{t("breaches.section.assessment")}</h2>
          <p>{t(`breaches.risk.${breach.content.assessment.risk}`)}</p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="notif-title">
        <h2 id="notif-title">{t("breaches.section.notifications")}</h2>
        {details.notifications.length === 0 ? (
          <p className="muted">{t("breaches.notifications.none")}</p>
        ) : (
          <ul className="plain-list">
            {details.notifications.map((n) => (
              <li key={n.id}>
                {t(`breaches.notification.${n.kind as "INITIAL"}`)} — {date(n.sentAt, true)}
                {n.reference ? ` (${n.reference})` : ""}
                {n.delayReason ? ` — ${t("breaches.field.delayReason")} : ${n.delayReason}` : ""}
              </li>
            ))}
          </ul>
        )}
        {l.can.notify ? <NotifyForm actionData={actionData} /> : null}
      </section>
      {l.can.notNotified || l.can.close || l.can.reopen ? (
        <section className="panel" aria-labelledby="state-title">
          <h2 id="state-title">{t("breaches.section.state")}</h2>
          <div className="form-actions">
            {l.can.notNotified ? <TransitionButton intent="notNotified" label={t("breaches.transition.notNotified")} /> : null}
            {l.can.close ? <TransitionButton intent="close" label={t("breaches.transition.close")} /> : null}
            {l.can.reopen ? <TransitionButton intent="reopen" label={t("breaches.transition.reopen")} /> : null}
          </div>
        </section>
      ) : null}
      {l.can.drafts ? (
        <section className="panel" aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t("breaches.section.drafts")}</h2>
          <ul className="plain-list">
            <li>
              {t("breaches.draft.cnil")} :{" "}
              <a href={`${base}/draft?doc=cnil&format=pdf`} download>
                {t("breaches.draft.pdf")}
              </a>{" "}
              ·{" "}
              <a href={`${base}/draft?doc=cnil&format=txt`} download>
                {t("breaches.draft.txt")}
              </a>
            </li>
            {(["fr", "en"] as const).map((lang) => (
              <li key={lang}>
                {t(`breaches.draft.letter.${lang}`)} :{" "}
                <a href={`${base}/draft?doc=letter&format=pdf&lang=${lang}`} download>
                  {t("breaches.draft.pdf")}
                </a>{" "}
                ·{" "}
                <a href={`${base}/draft?doc=letter&format=txt&lang=${lang}`} download>
                  {t("breaches.draft.txt")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="comments-title">
        <h2 id="comments-title">{t("breaches.section.comments")}</h2>
        <ul className="plain-list">
          {details.comments.map((c) => (
            <li key={c.id}>
              <span className="muted">
                {date(c.createdAt, true)} · {c.author ?? t("breaches.system")}
              </span>{" "}
              {c.kind === "TRANSITION" ? t("breaches.comment.transition", { change: c.body }) : c.body}
            </li>
          ))}
        </ul>
        {l.can.comment ? (
          <Form method="post" {...getFormProps(commentForm)} className="stack">
            <input type="hidden" name="intent" value="comment" />
            <TextAreaField label={t("breaches.field.comment")} field={commentFields.body} />
            <button type="submit" className="button">
              {t("breaches.comment.submit")}
            </button>
          </Form>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">{t("breaches.section.versions")}</h2>
        <ol className="plain-list">
          {details.versions.map((v) => (
            <li key={v.number}>
              {t("breaches.version", { number: v.number })} — {t(`breaches.status.${v.status as "OPEN"}`)} — {date(v.createdAt, true)}{" "}
              {v.actor ? `· ${v.actor}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
