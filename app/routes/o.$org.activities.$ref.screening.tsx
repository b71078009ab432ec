/**
 * DPIA screening of one activity: the nine WP248 criteria pre-answered from the record, the Art. 35(3)
 * cases, the CNIL lists and the DPO's decision. Everyone who can read the activity sees it; only the
 * DPO and administrators save it. A plain POST form: works without JavaScript.
 */
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CNIL_LIST_TYPES, EXEMPT_LIST_TYPES, preAnswers, SCREENING_CRITERIA, suggestCnilList, suggestExemptList } from "~/analysis/dpia-screening.ts";
import { ErrorList } from "~/components/forms.tsx";
import { DpiaConflictError, evaluateScreening, getOrganizationHeadcount, getScreening, saveScreening, userDisplayName } from "~/models/dpia.server.ts";
import { ScreeningFormSchema, SCREENING_DECISIONS } from "~/schemas/dpia.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { canDecideScreening } from "~/policies/activity.ts";
import { forbidden } from "~/http/auth.server.ts";
import type { MessageKey, Translator } from "~/utils/i18n.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

type ActionData = { result: SubmissionResult<string[]>; alert: MessageKey | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const saved = await getScreening(ctx.org.id, activity.id);
  const headcount = await getOrganizationHeadcount(ctx.org.id);
  const outcome = evaluateScreening(activity.parsed, saved, headcount);
  return {
    activity: { ref: activity.ref, name: activity.name },
    pre: preAnswers(activity.parsed),
    outcome,
    saved: saved
      ? {
          version: saved.version,
          cnilListType: saved.cnilListType,
          exemptListType: saved.exemptListType,
          art35c: saved.art35c,
          decision: saved.decision,
          decisionReason: saved.decisionReason,
          decidedAt: saved.decidedAt?.toISOString() ?? null,
          decidedBy: await userDisplayName(saved.decidedById),
        }
      : null,
    suggestion: { cnil: suggestCnilList(activity.parsed), exempt: suggestExemptList(activity.parsed, { headcount }) },
    canDecide: canDecideScreening(ctx.membership),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  if (!canDecideScreening(ctx.membership)) throw forbidden();
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: ScreeningFormSchema });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply(), alert: null }, { status: 400 });
  // An answer that departs from the record must be justified.
  const pre = preAnswers(activity.parsed);
  const fieldErrors: Record<string, string[]> = {};
  for (const c of SCREENING_CRITERIA) {
    const a = submission.value.criteria[c];
    if (a.met !== pre[c].met && !a.justification) fieldErrors[`criteria.${c}.justification`] = ["dpia.errors.justificationRequired"];
  }
  if (Object.keys(fieldErrors).length) return data<ActionData>({ result: submission.reply({ fieldErrors }), alert: null }, { status: 400 });
  try {
    await saveScreening(ctx.user.id, ctx.org.id, activity.id, submission.value.version, submission.value);
  } catch (err) {
    // A conflict resets the form to the saved screening and says so above it.
    if (err instanceof DpiaConflictError) return data<ActionData>({ result: submission.reply({ resetForm: true }), alert: err.key }, { status: err.status });
    return formError(err, submission, { alert: null });
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/activities/${activity.ref}/screening`, { type: "success", key: "dpia.screening.saved" });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${t("dpia.screening.pageTitle", { ref: d.activity.ref })} — ${t("app.name")}` : t("app.name") }];
};

export default function ScreeningPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const org = useParams().org ?? "";
  const base = `/o/${org}/activities/${d.activity.ref}`;
  const o = d.outcome;
  const [form, fields] = useForm({
    id: `screening-${d.saved?.version ?? 0}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(ScreeningFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScreeningFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const criteria = fields.criteria.getFieldset();
  const yesNo = (v: boolean) => t(v ? "dpia.screening.yes" : "dpia.screening.no");
  const disabled = !d.canDecide;
  const reasonProps = getTextareaProps(fields.decisionReason, { ariaAttributes: true });
  return (
    <div className="page screening-page">
      <ActivityBreadcrumbs org={org} activityRef={d.activity.ref} current={t("dpia.screening.title")} />
      <h1>{t("dpia.screening.pageTitle", { ref: d.activity.ref })}</h1>
      <p className="muted">{d.activity.name}</p>
      <p>{t("dpia.screening.intro")}</p>

      <section className={`panel screening-result screening-${o.result}`} aria-labelledby="screening-result-h">
        <h2 id="screening-result-h">{t("dpia.screening.result")}</h2>
        <p>
          <strong className={`dpia-result dpia-result-${o.result}`}>{t(`dpia.result.${o.result}`)}</strong>{" "}
          <span className="muted">{t("dpia.screening.metCount", { count: o.metCount })}</span>
        </p>
        <ul>
          {o.reasons.map((r) => (
            <li key={r}>{t(r as MessageKey)}</li>
          ))}
        </ul>
        {d.saved ? (
          <p className="hint">
            {t("dpia.screening.version", { version: d.saved.version })}
            {d.saved.decision && d.saved.decidedAt
              ? ` · ${t("dpia.screening.decidedBy", { name: d.saved.decidedBy ?? "—", date: date(d.saved.decidedAt) })}`
              : ""}
          </p>
        ) : (
          <p className="hint">{t("dpia.screening.notSaved")}</p>
        )}
      </section>

      {actionData?.alert ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.alert)}</p>
        </div>
      ) : null}
      {disabled ? <p className="callout">{t("dpia.screening.readOnly")}</p> : null}

      <Form method="post" {...getFormProps(form)} className="stack screening-form">
        <input type="hidden" name="version" value={d.saved?.version ?? 0} />
        <fieldset disabled={disabled} className="screening-fieldset">
          <legend>
            <h2>{t("dpia.screening.criteria")}</h2>
          </legend>
          {SCREENING_CRITERIA.map((c, i) => {
            const f = criteria[c].getFieldset();
            const current = o.criteria[c];
            const helpId = `crit-${c}-help`;
            const jProps = getTextareaProps(f.justification, { ariaAttributes: true });
            return (
              <fieldset key={c} className="screening-criterion" aria-describedby={helpId}>
                <legend>
                  {i + 1}. {t(`dpia.criterion.${c}.label`)}
                  {current.overridden ? <span className="status-note">{t("dpia.screening.overridden")}</span> : null}
                </legend>
                <p id={helpId} className="hint">
                  {t(`dpia.criterion.${c}.help`)} {t(d.pre[c].why as MessageKey)} {t("dpia.screening.preAnswer", { answer: yesNo(d.pre[c].met) })}
                </p>
                <div className="radio-row" role="radiogroup" aria-label={t("dpia.screening.met")}>
                  {(["yes", "no"] as const).map((v) => (
                    <label key={v} className="radio">
                      <input type="radio" name={f.met.name} value={v} defaultChecked={current.met === (v === "yes")} />
                      {t(`dpia.screening.${v}`)}
                    </label>
                  ))}
                </div>
                <div className="field">
                  <label htmlFor={f.justification.id}>{t("dpia.screening.justification")}</label>
                  <textarea {...jProps} key={jProps.key} rows={2} defaultValue={current.justification ?? ""} maxLength={2000} />
                  <ErrorList id={f.justification.errorId} errors={f.justification.errors} />
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset disabled={disabled} className="screening-fieldset">
          <legend>
            <h2>{t("dpia.screening.art35")}</h2>
          </legend>
          <p>{t("dpia.screening.art35a", { answer: yesNo(o.art35.a) })}</p>
          <p>{t("dpia.screening.art35b", { answer: yesNo(o.art35.b) })}</p>
          <label className="checkbox">
            <input type="checkbox" name={fields.art35c.name} defaultChecked={d.saved?.art35c ?? false} /> {t("dpia.screening.art35c")}
          </label>
        </fieldset>

        <fieldset disabled={disabled} className="screening-fieldset">
          <legend>
            <h2>{t("dpia.screening.lists")}</h2>
          </legend>
          <ListSelect
            field={fields.cnilListType}
            label={t("dpia.screening.cnilList")}
            values={CNIL_LIST_TYPES}
            prefix="dpia.cnil"
            current={d.saved?.cnilListType ?? null}
            suggestion={d.suggestion.cnil}
          />
          <ListSelect
            field={fields.exemptListType}
            label={t("dpia.screening.exemptList")}
            values={EXEMPT_LIST_TYPES}
            prefix="dpia.exempt"
            current={d.saved ? d.saved.exemptListType : null}
            suggestion={d.suggestion.exempt}
          />
        </fieldset>

        <fieldset disabled={disabled} className="screening-fieldset">
          <legend>
            <h2>{t("dpia.screening.decision")}</h2>
          </legend>
          <div className="field">
            <label htmlFor={fields.decision.id}>{t("dpia.screening.decision")}</label>
            <select {...getSelectProps(fields.decision, { ariaAttributes: true })} key={fields.decision.key} defaultValue={d.saved?.decision ?? ""}>
              <option value="">{t("dpia.screening.decisionNone")}</option>
              {SCREENING_DECISIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`dpia.decision.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fields.decisionReason.id}>{t("dpia.screening.decisionReason")}</label>
            <p id="decision-reason-hint" className="hint">
              {t("dpia.screening.decisionReasonHint")}
            </p>
            <textarea
              {...reasonProps}
              key={reasonProps.key}
              rows={4}
              maxLength={4000}
              defaultValue={d.saved?.decisionReason ?? ""}
              aria-describedby={["decision-reason-hint", fields.decisionReason.errors?.length ? fields.decisionReason.errorId : null].filter(Boolean).join(" ")}
            />
            <ErrorList id={fields.decisionReason.errorId} errors={fields.decisionReason.errors} />
          </div>
        </fieldset>
        <ErrorList errors={form.errors} />
        {d.canDecide ? (
          <button type="submit" className="button primary">
            {t("dpia.screening.save")}
          </button>
        ) : null}
      </Form>
      <p>
        <Link to={`${base}/dpia`}>{t("dpia.panel.openDpia")}</Link>
      </p>
    </div>
  );
}

function ListSelect({
  field,
  label,
  values,
  prefix,
  current,
  suggestion,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform field metadata of a preprocessed enum.
  field: any;
  label: string;
  values: readonly string[];
  prefix: "dpia.cnil" | "dpia.exempt";
  current: string | null;
  suggestion: { type: string | null; why: string; params?: Record<string, string | number> } | null;
}) {
  const i18n = useT();
  const { t } = i18n;
  const hintId = `${field.id}-hint`;
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p id={hintId} className="hint">
        {suggestion?.type
          ? t("dpia.screening.suggestionWhy", {
              type: `${suggestion.type}. ${t(`${prefix}.${suggestion.type}` as MessageKey)}`,
              why: suggestionWhy(i18n, suggestion),
            })
          : suggestion
            ? suggestionWhy(i18n, suggestion)
            : t("dpia.screening.noSuggestion")}
      </p>
      <select
        {...props}
        key={props.key}
        defaultValue={current ?? ""}
        aria-describedby={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
      >
        <option value="">{t("dpia.screening.none")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}. {t(`${prefix}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The reason of a suggestion, with the declared area translated. */
function suggestionWhy({ t, has }: Pick<Translator, "t" | "has">, s: { why: string; params?: Record<string, string | number> }): string {
  const params = { ...(s.params ?? {}) };
  if (typeof params.domain === "string" && has(`vocab.domain.${params.domain}`)) params.domain = t(`vocab.domain.${params.domain}` as MessageKey);
  const key = s.why;
  return has(key) ? t(key, params) : key;
}
