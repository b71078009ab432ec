/**
 * The DPIA (AIPD) of one activity, CNIL method: start (prefilled from the register), edit the
 * sections, the three risks, the action plan; DPO opinions; validation by the DPO or an admin.
 * Readers of the activity see it; editors of its department (and reviewers) draft it.
 * Plain POST forms; action-plan rows use Conform list intents, so it all works without JavaScript.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { ErrorList } from "~/components/forms.tsx";
import { RiskMap } from "~/components/risk-map.tsx";
import { PiaImportError } from "~/documents/pia-json.ts";
import {
  addDpiaMeasure,
  DpiaConflictError,
  DpiaMeasureError,
  DpiaTransitionError,
  getDpia,
  importPiaJson,
  removeDpiaMeasure,
  saveDpiaContent,
  saveDpiaOpinions,
  startPrefilledDpia,
  transitionDpia,
} from "~/models/dpia.server.ts";
import { DPIA_MEASURES } from "~/reference/dpia-measures.ts";
import {
  ACTION_STATUSES,
  AddMeasureFormSchema,
  DPIA_RISKS,
  DPIA_SECTIONS,
  DpiaContentFormSchema,
  RemoveMeasureFormSchema,
  DpiaTransitionFormSchema,
  DpoOpinionFormSchema,
  type DpiaQuestion,
  type DpiaRiskId,
  type DpiaStatus,
} from "~/schemas/dpia.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { availableDpiaTransitions, canDraftDpia, canEditDpia, canGiveDpoOpinion, dpiaTransitionDecision, piaImportDecision } from "~/policies/dpia.ts";
import { forbidden } from "~/http/auth.server.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import type { z } from "~/utils/validation.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";

type ActionData = { form: string; result: SubmissionResult<string[]> | undefined; alert: MessageKey | null };

/** Largest CNIL PIA tool file accepted for import. */
export const PIA_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const dpia = await getDpia(ctx.org.id, activity.id);
  const m = ctx.membership;
  const canDraft = canDraftDpia(m, activity);
  return {
    activity: { ref: activity.ref, name: activity.name },
    dpia: dpia
      ? {
          version: dpia.version,
          status: dpia.status,
          answers: dpia.answers,
          measures: dpia.measures,
          risks: dpia.risks,
          actionPlan: dpia.actionPlan,
          opinions: dpia.opinions,
          validation: dpia.validation,
        }
      : null,
    canDraft,
    editable: canEditDpia(m, activity, dpia?.status ?? null),
    canGiveOpinion: canGiveDpoOpinion(m),
    canImport: piaImportDecision(m, activity, dpia?.status ?? null) === "allowed",
    transitions: dpia ? availableDpiaTransitions(m, activity, dpia.status) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const m = ctx.membership;
  if (!canDraftDpia(m, activity)) throw forbidden();
  const self = `/o/${ctx.org.slug}/activities/${activity.ref}/dpia`;
  let formData: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    // Only the PIA import is multipart: the parser stops reading past the size limit.
    try {
      formData = await readMultipartForm(request, { maxFileBytes: PIA_IMPORT_MAX_BYTES });
    } catch (err) {
      if (err instanceof MaxPartSizeExceededError)
        return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.importTooLarge" }, { status: 413 });
      if (err instanceof TypeError) throw new Response("Bad Request", { status: 400 });
      throw err;
    }
  } else {
    formData = await readForm(request);
  }
  const intent = formData.get("intent");
  if (intent === "importPia") {
    const current = await getDpia(ctx.org.id, activity.id);
    const decision = piaImportDecision(m, activity, current?.status ?? null);
    if (decision === "forbidden") throw forbidden();
    if (decision === "invalid") {
      return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.transition" }, { status: 400 });
    }
    const file = formData.get("file");
    if (!isUploadedFile(file) || file.size === 0)
      return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.importInvalid" }, { status: 400 });
    try {
      await importPiaJson(ctx.user.id, ctx.org.id, activity.id, await file.text(), { role: m.role });
    } catch (err) {
      if (err instanceof PiaImportError) return data<ActionData>({ form: "importPia", result: undefined, alert: err.key }, { status: 400 });
      if (err instanceof DpiaTransitionError)
        return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.transition" }, { status: 400 });
      throw err;
    }
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.imported" });
  }
  if (intent === "start") {
    try {
      await startPrefilledDpia(ctx.user.id, ctx.org.id, activity, await getLocale(request));
    } catch (err) {
      if (err instanceof DpiaConflictError) return data<ActionData>({ form: "start", result: undefined, alert: "dpia.errors.conflict" }, { status: 409 });
      throw err;
    }
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.started" });
  }
  const dpia = await getDpia(ctx.org.id, activity.id);
  if (!dpia) throw new Response("Not Found", { status: 404 });
  try {
    if (intent === "opinion") {
      if (!canGiveDpoOpinion(m)) throw forbidden();
      const submission = parseWithZod(formData, { schema: DpoOpinionFormSchema });
      if (submission.status !== "success") return data<ActionData>({ form: "opinion", result: submission.reply(), alert: null }, { status: 400 });
      const v = submission.value;
      await saveDpiaOpinions(ctx.user.id, ctx.org.id, dpia, v.version, {
        dpo: { name: v.dpoName, canProceed: v.canProceed, text: v.dpoText },
        subjects: {
          sought: v.subjectsSought,
          reason: v.subjectsReason ?? "",
          text: v.subjectsText ?? "",
          names: v.subjectsNames ?? "",
          ...(v.subjectsFavourable === undefined ? {} : { favourable: v.subjectsFavourable }),
        },
      });
      return redirectWithToast(request, `${self}#opinions-h`, { type: "success", key: "dpia.opinion.saved" });
    }
    if (intent === "addMeasure" || intent === "removeMeasure") {
      if (intent === "addMeasure") {
        const submission = parseWithZod(formData, { schema: AddMeasureFormSchema });
        if (submission.status !== "success")
          return data<ActionData>({ form: "measures", result: submission.reply(), alert: "dpia.errors.measure" }, { status: 400 });
        await addDpiaMeasure(
          ctx.user.id,
          ctx.org.id,
          dpia,
          submission.value.version,
          { code: submission.value.code, details: submission.value.details },
          await getLocale(request),
        );
      } else {
        const submission = parseWithZod(formData, { schema: RemoveMeasureFormSchema });
        if (submission.status !== "success")
          return data<ActionData>({ form: "measures", result: submission.reply(), alert: "dpia.errors.measure" }, { status: 400 });
        await removeDpiaMeasure(ctx.user.id, ctx.org.id, dpia, submission.value.version, submission.value.index);
      }
      return redirectWithToast(request, `${self}#measures-h`, {
        type: "success",
        key: intent === "addMeasure" ? "dpia.measures.added" : "dpia.measures.removed",
      });
    }
    if (intent === "transition") {
      const submission = parseWithZod(formData, { schema: DpiaTransitionFormSchema });
      if (submission.status !== "success") return data<ActionData>({ form: "transition", result: submission.reply(), alert: null }, { status: 400 });
      const v = submission.value;
      const decision = dpiaTransitionDecision(m, activity, dpia.status, v.transition);
      if (decision === "forbidden") throw forbidden();
      if (decision === "invalid") {
        return data<ActionData>({ form: "transition", result: submission.reply(), alert: "dpia.errors.transition" }, { status: 400 });
      }
      await transitionDpia(ctx.user.id, ctx.org.id, dpia, v.version, v.transition, { validator: v.validator, reason: v.reason });
      return redirectWithToast(request, self, { type: "success", key: "dpia.transitioned" });
    }
    // Default: save the content (also the target of Conform's list intents without JavaScript).
    const submission = parseWithZod(formData, { schema: DpiaContentFormSchema });
    if (submission.status !== "success")
      return data<ActionData>({ form: "content", result: submission.reply(), alert: null }, { status: submission.status === "error" ? 400 : 200 });
    const v = submission.value;
    const answers = Object.fromEntries(
      Object.entries(v.answers).map(([q, a]) => {
        const before = dpia.answers[q as keyof typeof dpia.answers];
        const text = a.text ?? "";
        // The PIA tool's rich text stays attached; it is exported again only while it still reads as `text`.
        return [
          q,
          { text, prefilled: Boolean(before?.prefilled && before.text === text), toComplete: a.toComplete, ...(before?.html ? { html: before.html } : {}) },
        ];
      }),
    );
    const risks = Object.fromEntries(
      DPIA_RISKS.map((r) => {
        const { severityHtml, likelihoodHtml } = dpia.risks[r];
        return [
          r,
          {
            ...v.risks[r],
            impacts: v.risks[r].impacts ?? "",
            threats: v.risks[r].threats ?? "",
            sources: v.risks[r].sources ?? "",
            measures: v.risks[r].measures ?? "",
            ...(severityHtml ? { severityHtml } : {}),
            ...(likelihoodHtml ? { likelihoodHtml } : {}),
          },
        ];
      }),
    ) as typeof dpia.risks;
    await saveDpiaContent(ctx.user.id, ctx.org.id, dpia, v.version, { answers, risks, actionPlan: v.actionPlan });
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.saved" });
  } catch (err) {
    if (err instanceof DpiaConflictError)
      return data<ActionData>({ form: String(intent ?? "content"), result: undefined, alert: "dpia.errors.conflict" }, { status: 409 });
    if (err instanceof DpiaTransitionError)
      return data<ActionData>({ form: String(intent ?? "content"), result: undefined, alert: "dpia.errors.transition" }, { status: 400 });
    if (err instanceof DpiaMeasureError) return data<ActionData>({ form: "measures", result: undefined, alert: "dpia.errors.measure" }, { status: 400 });
    throw err;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${t("dpia.page.title", { ref: d.activity.ref })} — ${t("app.name")}` : t("app.name") }];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Dpia = NonNullable<LoaderData["dpia"]>;

export default function DpiaPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const org = useParams().org ?? "";
  const base = `/o/${org}/activities/${d.activity.ref}`;
  return (
    <div className="page dpia-page">
      <nav aria-label={t("activityView.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/o/${org}/activities`}>{t("nav.register")}</Link>
          </li>
          <li>
            <Link to={base}>{d.activity.ref}</Link>
          </li>
          <li aria-current="page">{t("dpia.panel.title")}</li>
        </ol>
      </nav>
      <h1>{t("dpia.page.title", { ref: d.activity.ref })}</h1>
      <p className="muted">{d.activity.name}</p>
      <p>{t("dpia.page.intro")}</p>
      {actionData?.alert ? (
        <div className="form-errors" role="alert">
          <p>{t(actionData.alert)}</p>
        </div>
      ) : null}
      {!d.dpia ? (
        <section className="panel">
          <p>{t("dpia.page.notStarted")}</p>
          {d.canDraft ? (
            <Form method="post">
              <input type="hidden" name="intent" value="start" />
              <button type="submit" className="button primary">
                {t("dpia.page.start")}
              </button>
            </Form>
          ) : null}
          {/* No h2 above here: the import form's heading is the next level after the h1. */}
          {d.canImport ? <PiaImport Heading="h2" /> : null}
        </section>
      ) : (
        <>
          <p>
            <strong>{t(`dpia.status.${d.dpia.status as DpiaStatus}`)}</strong> · {t("dpia.page.version", { version: d.dpia.version })}
          </p>
          {!d.editable ? <p className="callout">{t("dpia.page.readOnly")}</p> : null}
          <section className="panel" aria-labelledby="pia-h">
            <h2 id="pia-h" className="visually-hidden">
              {t("dpia.page.exportPia")}
            </h2>
            <p className="button-row">
              <a className="button" href={`${base}/dpia/pdf`} download>
                {t("dpia.page.pdf")}
              </a>
              <a className="button" href={`${base}/dpia/pia-json`} download>
                {t("dpia.page.exportPia")}
              </a>
            </p>
            {d.canImport ? <PiaImport Heading="h3" /> : null}
          </section>
          {d.editable ? <MeasureForms version={d.dpia.version} /> : null}
          <ContentForm dpia={d.dpia} editable={d.editable} actionData={actionData?.form === "content" ? actionData : undefined} />
          <RiskMap risks={d.dpia.risks} />
          <Opinions dpia={d.dpia} canEdit={d.canGiveOpinion && d.editable} actionData={actionData?.form === "opinion" ? actionData : undefined} />
          <Validation dpia={d.dpia} transitions={d.transitions} actionData={actionData?.form === "transition" ? actionData : undefined} />
        </>
      )}
    </div>
  );
}

function PiaImport({ Heading }: { Heading: "h2" | "h3" }) {
  const { t } = useT();
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <Heading>{t("dpia.page.importPia")}</Heading>
      <input type="hidden" name="intent" value="importPia" />
      <div className="field">
        <label htmlFor="pia-file">{t("dpia.page.importFile")}</label>
        <input id="pia-file" type="file" name="file" accept="application/json,.json" required />
      </div>
      <button type="submit" className="button">
        {t("dpia.page.importSubmit")}
      </button>
    </Form>
  );
}

const ADD_MEASURE_FORM = "dpia-measure-add";
const REMOVE_MEASURE_FORM = "dpia-measure-remove";

/**
 * The measure add/remove forms, empty: their fields sit in the measures section of the content form
 * and are tied to them by the `form` attribute (a form cannot contain another), so no JavaScript is needed.
 */
function MeasureForms({ version }: { version: number }) {
  return (
    <>
      <Form method="post" id={ADD_MEASURE_FORM} hidden>
        <input type="hidden" name="intent" value="addMeasure" />
        <input type="hidden" name="version" value={version} />
      </Form>
      <Form method="post" id={REMOVE_MEASURE_FORM} hidden>
        <input type="hidden" name="intent" value="removeMeasure" />
        <input type="hidden" name="version" value={version} />
      </Form>
    </>
  );
}

function AddMeasureFields({ measures }: { measures: Dpia["measures"] }) {
  const { t, locale } = useT();
  const available = DPIA_MEASURES.filter((lib) => !measures.some((m) => m.code === lib.code));
  if (available.length === 0) return <p className="hint">{t("dpia.measures.allAdded")}</p>;
  return (
    <div className="stack dpia-measure-add">
      <h3>{t("dpia.measures.addFromLibrary")}</h3>
      <div className="field">
        <label htmlFor="dpia-measure-code">{t("dpia.measures.library")}</label>
        <select id="dpia-measure-code" name="code" form={ADD_MEASURE_FORM} required defaultValue="">
          <option value="" disabled>
            {t("dpia.measures.choose")}
          </option>
          {available.map((m) => (
            <option key={m.code} value={m.code}>
              {locale === "fr" ? m.fr : m.en}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dpia-measure-details">{t("dpia.measures.details")}</label>
        <textarea id="dpia-measure-details" name="details" form={ADD_MEASURE_FORM} rows={2} maxLength={2000} />
      </div>
      <button type="submit" form={ADD_MEASURE_FORM} className="button">
        {t("dpia.measures.add")}
      </button>
    </div>
  );
}

type RiskField =
  "impacts" | "threats" | "sources" | "measures" | "severity" | "likelihood" | "residualSeverity" | "residualLikelihood" | "severityText" | "likelihoodText";
type ContentShape = {
  intent: string;
  version: number;
  answers: Record<DpiaQuestion, { text: string; toComplete: string }>;
  risks: Record<DpiaRiskId, Record<RiskField, string>>;
  actionPlan: { action: string; owner: string; dueDate: string; status: string }[];
};

function ContentForm({ dpia, editable, actionData }: { dpia: Dpia; editable: boolean; actionData: ActionData | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm<ContentShape>({
    id: `dpia-content-${dpia.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(DpiaContentFormSchema),
    defaultValue: {
      answers: Object.fromEntries(Object.entries(dpia.answers).map(([q, a]) => [q, { text: a?.text ?? "", toComplete: a?.toComplete ? "on" : undefined }])),
      risks: Object.fromEntries(
        DPIA_RISKS.map((r) => [r, Object.fromEntries(Object.entries(dpia.risks[r]).map(([k, v]) => [k, v === undefined ? "" : String(v)]))]),
      ),
      actionPlan: dpia.actionPlan,
    } as never,
    shouldValidate: "onSubmit",
  });
  const answers = fields.answers.getFieldset();
  const risks = fields.risks.getFieldset();
  const plan = fields.actionPlan.getFieldList();
  const levelOptions = (
    <>
      <option value="">{t("dpia.risk.notAssessed")}</option>
      {[1, 2, 3, 4].map((n) => (
        <option key={n} value={n}>
          {t(`dpia.scale.${n}` as MessageKey)}
        </option>
      ))}
    </>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack dpia-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={dpia.version} />
      <fieldset disabled={!editable} className="screening-fieldset">
        {DPIA_SECTIONS.map((s) => (
          <section key={s.id} className="panel" aria-labelledby={`dpia-s${s.id}`}>
            <h2 id={`dpia-s${s.id}`}>
              {s.id}. {t(`dpia.section.${s.id}` as MessageKey)}
            </h2>
            {s.items.map((item) => (
              <div key={item.id}>
                <h3>{t(`dpia.item.${item.id}` as MessageKey)}</h3>
                {item.questions.map((q) => {
                  const f = answers[q].getFieldset();
                  const a = dpia.answers[q];
                  const ta = getTextareaProps(f.text, { ariaAttributes: true });
                  return (
                    <div key={q} className="field dpia-question">
                      <label htmlFor={f.text.id}>
                        {q} — {t(`dpia.q.${q}` as MessageKey)}
                        {a?.prefilled ? <span className="dpia-flag dpia-flag-prefilled">{t("dpia.page.prefilled")}</span> : null}
                        {a?.toComplete ? <span className="dpia-flag dpia-flag-tocomplete">{t("dpia.page.toComplete")}</span> : null}
                      </label>
                      <textarea {...ta} key={ta.key} rows={4} />
                      <ErrorList id={f.text.errorId} errors={f.text.errors} />
                      <label className="checkbox">
                        <input {...getInputProps(f.toComplete, { type: "checkbox" })} key={f.toComplete.key} /> {t("dpia.markToComplete")}
                      </label>
                    </div>
                  );
                })}
              </div>
            ))}
          </section>
        ))}
        <section className="panel" aria-labelledby="measures-h">
          <h2 id="measures-h">3.1 {t("dpia.measures.title")}</h2>
          {dpia.measures.length === 0 ? (
            <p className="muted">{t("dpia.measures.none")}</p>
          ) : (
            <ul className="dpia-measures">
              {dpia.measures.map((m, i) => (
                <li key={`${m.code ?? "m"}-${i}`}>
                  <strong>{m.title}</strong> — {m.text}
                  {editable ? (
                    // Submits the separate remove form (a form cannot contain another): see MeasureForms.
                    <>
                      {" "}
                      <button
                        type="submit"
                        form={REMOVE_MEASURE_FORM}
                        name="index"
                        value={i}
                        className="button"
                        aria-label={`${t("dpia.measures.remove")} : ${m.title}`}
                      >
                        {t("dpia.measures.remove")}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable ? <AddMeasureFields key={dpia.measures.map((m) => m.code ?? "").join(",")} measures={dpia.measures} /> : null}
        </section>
        <section className="panel" aria-labelledby="risks-h">
          <h2 id="risks-h">3. {t("dpia.section.3")}</h2>
          {DPIA_RISKS.map((r) => {
            const f = risks[r].getFieldset();
            const area = (name: "impacts" | "threats" | "sources" | "measures" | "severityText" | "likelihoodText") => {
              const p = getTextareaProps(f[name], { ariaAttributes: true });
              return (
                <div className="field">
                  <label htmlFor={f[name].id}>{t(`dpia.risk.${name}`)}</label>
                  <textarea {...p} key={p.key} rows={3} />
                </div>
              );
            };
            const sel = (name: "severity" | "likelihood" | "residualSeverity" | "residualLikelihood") => {
              const p = getSelectProps(f[name], { ariaAttributes: true });
              return (
                <div className="field">
                  <label htmlFor={f[name].id}>{t(`dpia.risk.${name}`)}</label>
                  <select {...p} key={p.key}>
                    {levelOptions}
                  </select>
                  <ErrorList id={f[name].errorId} errors={f[name].errors} />
                </div>
              );
            };
            return (
              <fieldset key={r} className="dpia-risk">
                <legend>{t(`dpia.risk.${r}`)}</legend>
                {area("impacts")}
                {area("threats")}
                {area("sources")}
                {area("measures")}
                <div className="dpia-levels">
                  {sel("severity")}
                  {sel("likelihood")}
                  {sel("residualSeverity")}
                  {sel("residualLikelihood")}
                </div>
                {area("severityText")}
                {area("likelihoodText")}
              </fieldset>
            );
          })}
        </section>
        <section className="panel" aria-labelledby="plan-h">
          <h2 id="plan-h">{t("dpia.plan.title")}</h2>
          {plan.length === 0 ? <p className="muted">{t("dpia.plan.empty")}</p> : null}
          {plan.map((row, i) => {
            const f = row.getFieldset();
            return (
              <fieldset key={row.key} className="dpia-row">
                <legend className="visually-hidden">
                  {t("dpia.plan.action")} {i + 1}
                </legend>
                <div className="field">
                  <label htmlFor={f.action.id}>{t("dpia.plan.action")}</label>
                  <input {...getInputProps(f.action, { type: "text" })} key={f.action.key} />
                  <ErrorList id={f.action.errorId} errors={f.action.errors} />
                </div>
                <div className="field">
                  <label htmlFor={f.owner.id}>{t("dpia.plan.owner")}</label>
                  <input {...getInputProps(f.owner, { type: "text" })} key={f.owner.key} />
                </div>
                <div className="field">
                  <label htmlFor={f.dueDate.id}>{t("dpia.plan.dueDate")}</label>
                  <input {...getInputProps(f.dueDate, { type: "date" })} key={f.dueDate.key} />
                  <ErrorList id={f.dueDate.errorId} errors={f.dueDate.errors} />
                </div>
                <div className="field">
                  <label htmlFor={f.status.id}>{t("dpia.plan.status")}</label>
                  <select {...getSelectProps(f.status)} key={f.status.key}>
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`dpia.plan.status.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <button className="button" {...form.remove.getButtonProps({ name: fields.actionPlan.name, index: i })}>
                  {t("dpia.plan.remove")}
                </button>
              </fieldset>
            );
          })}
          <button className="button" {...form.insert.getButtonProps({ name: fields.actionPlan.name, defaultValue: { status: "todo" } })}>
            {t("dpia.plan.add")}
          </button>
        </section>
        <ErrorList errors={form.errors} />
        {editable ? (
          <button type="submit" className="button primary">
            {t("dpia.page.save")}
          </button>
        ) : null}
      </fieldset>
    </Form>
  );
}

function Opinions({ dpia, canEdit, actionData }: { dpia: Dpia; canEdit: boolean; actionData: ActionData | undefined }) {
  const { t } = useT();
  const o = dpia.opinions;
  const [form, fields] = useForm<z.input<typeof DpoOpinionFormSchema>>({
    id: `dpia-opinion-${dpia.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(DpoOpinionFormSchema),
    defaultValue: {
      dpoName: o.dpo.name,
      canProceed: o.dpo.canProceed === undefined ? "" : o.dpo.canProceed ? "yes" : "no",
      dpoText: o.dpo.text,
      subjectsSought: o.subjects.sought === undefined ? "" : o.subjects.sought ? "yes" : "no",
      subjectsReason: o.subjects.reason,
      subjectsText: o.subjects.text,
      subjectsNames: o.subjects.names ?? "",
      subjectsFavourable: o.subjects.favourable === undefined ? "" : o.subjects.favourable ? "yes" : "no",
    } as never,
    shouldValidate: "onSubmit",
  });
  const yesNo = (name: "canProceed" | "subjectsSought" | "subjectsFavourable", label: MessageKey) => (
    <div className="field">
      <label htmlFor={fields[name].id}>{t(label)}</label>
      <select {...getSelectProps(fields[name], { ariaAttributes: true })} key={fields[name].key}>
        <option value="">—</option>
        <option value="yes">{t("dpia.screening.yes")}</option>
        <option value="no">{t("dpia.screening.no")}</option>
      </select>
      <ErrorList id={fields[name].errorId} errors={fields[name].errors} />
    </div>
  );
  const area = (name: "dpoText" | "subjectsReason" | "subjectsText", label: MessageKey) => {
    const p = getTextareaProps(fields[name], { ariaAttributes: true });
    return (
      <div className="field">
        <label htmlFor={fields[name].id}>{t(label)}</label>
        <textarea {...p} key={p.key} rows={3} />
        <ErrorList id={fields[name].errorId} errors={fields[name].errors} />
      </div>
    );
  };
  return (
    <section className="panel" aria-labelledby="opinions-h">
      <h2 id="opinions-h">{t("dpia.opinion.title")}</h2>
      {!canEdit ? <p className="hint">{t("dpia.opinion.dpoOnly")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="opinion" />
        <input type="hidden" name="version" value={dpia.version} />
        <fieldset disabled={!canEdit} className="screening-fieldset">
          <h3>{t("dpia.opinion.dpo")}</h3>
          <div className="field">
            <label htmlFor={fields.dpoName.id}>{t("dpia.opinion.dpoName")}</label>
            <input {...getInputProps(fields.dpoName, { type: "text", ariaAttributes: true })} key={fields.dpoName.key} />
            <ErrorList id={fields.dpoName.errorId} errors={fields.dpoName.errors} />
          </div>
          {yesNo("canProceed", "dpia.opinion.canProceed")}
          {area("dpoText", "dpia.opinion.dpoText")}
          <h3>{t("dpia.opinion.subjects")}</h3>
          {yesNo("subjectsSought", "dpia.opinion.sought")}
          {area("subjectsReason", "dpia.opinion.reason")}
          <div className="field">
            <label htmlFor={fields.subjectsNames.id}>{t("dpia.opinion.subjectsNames")}</label>
            <input {...getInputProps(fields.subjectsNames, { type: "text", ariaAttributes: true })} key={fields.subjectsNames.key} />
            <ErrorList id={fields.subjectsNames.errorId} errors={fields.subjectsNames.errors} />
          </div>
          {area("subjectsText", "dpia.opinion.subjectsText")}
          {yesNo("subjectsFavourable", "dpia.opinion.subjectsFavourable")}
          {canEdit ? (
            <button type="submit" className="button primary">
              {t("dpia.opinion.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>
    </section>
  );
}

function Validation({ dpia, transitions, actionData }: { dpia: Dpia; transitions: string[]; actionData: ActionData | undefined }) {
  const { t, date } = useT();
  const v = dpia.validation;
  const [form, fields] = useForm<z.input<typeof DpiaTransitionFormSchema>>({
    id: `dpia-transition-${dpia.version}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(DpiaTransitionFormSchema),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="panel" aria-labelledby="validation-h">
      <h2 id="validation-h">{t("dpia.validation.title")}</h2>
      <p>
        {v.decision && v.date
          ? t("dpia.validation.decided", { decision: t(`dpia.status.${v.decision}`), validator: v.validator, date: date(v.date) })
          : t("dpia.validation.none")}
      </p>
      {v.reason ? <p className="free-text">{v.reason}</p> : null}
      {transitions.length > 0 ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="transition" />
          <input type="hidden" name="version" value={dpia.version} />
          {transitions.includes("validate") || transitions.includes("refuse") ? (
            <>
              <div className="field">
                <label htmlFor={fields.validator.id}>{t("dpia.validation.validator")}</label>
                <input {...getInputProps(fields.validator, { type: "text", ariaAttributes: true })} key={fields.validator.key} />
                <ErrorList id={fields.validator.errorId} errors={fields.validator.errors} />
              </div>
              <div className="field">
                <label htmlFor={fields.reason.id}>{t("dpia.validation.reason")}</label>
                <textarea {...getTextareaProps(fields.reason, { ariaAttributes: true })} key={fields.reason.key} rows={3} />
                <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
              </div>
            </>
          ) : null}
          <div className="button-row">
            {transitions.map((tr) => (
              <button key={tr} type="submit" name="transition" value={tr} className={tr === "validate" ? "button primary" : "button"}>
                {t(`dpia.transition.${tr}` as MessageKey)}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
    </section>
  );
}
