/** The DPIA's opinions (DPO, data subjects) and its validation steps. */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList } from "~/components/forms.tsx";
import { DpiaTransitionFormSchema, DpoOpinionFormSchema } from "~/schemas/dpia.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { useT } from "~/utils/use-i18n.ts";
import type { z } from "~/utils/validation.ts";
import type { ActionData } from "./dpia.server.ts";
import type { Dpia } from "./types.ts";

export function Opinions({ dpia, canEdit, actionData }: { dpia: Dpia; canEdit: boolean; actionData: ActionData | undefined }) {
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

export function Validation({ dpia, transitions, actionData }: { dpia: Dpia; transitions: string[]; actionData: ActionData | undefined }) {
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
