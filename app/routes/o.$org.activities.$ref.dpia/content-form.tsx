/** The DPIA's content: description, necessity, risks and measures (Art. 35(7)). */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorList } from "~/components/forms.tsx";
import { ListEditor } from "~/components/list-editor.tsx";
import { ACTION_STATUSES, DPIA_RISKS, DPIA_SECTIONS, DpiaContentFormSchema, type DpiaQuestion, type DpiaRiskId } from "~/schemas/dpia.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { useT } from "~/utils/use-i18n.ts";
import type { ActionData } from "./dpia.server.ts";
import type { Dpia } from "./types.ts";
import { REMOVE_MEASURE_FORM, AddMeasureFields } from "./measures.tsx";

type RiskField =
  "impacts" | "threats" | "sources" | "measures" | "severity" | "likelihood" | "residualSeverity" | "residualLikelihood" | "severityText" | "likelihoodText";
type ContentShape = {
  intent: string;
  version: number;
  answers: Record<DpiaQuestion, { text: string; toComplete: string }>;
  risks: Record<DpiaRiskId, Record<RiskField, string>>;
  actionPlan: { action: string; owner: string; dueDate: string; status: string }[];
};

export function ContentForm({ dpia, editable, actionData }: { dpia: Dpia; editable: boolean; actionData: ActionData | undefined }) {
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
        <ListEditor
          form={form}
          field={fields.actionPlan}
          domId="dpia-plan"
          frame="panel"
          row="inline"
          rowClassName="dpia-row"
          insertDefault={{ status: "todo" }}
          text={{
            legend: t("dpia.plan.title"),
            empty: t("dpia.plan.empty"),
            add: t("dpia.plan.add"),
            remove: () => t("dpia.plan.remove"),
            itemLegend: (n) => `${t("dpia.plan.action")} ${n}`,
          }}
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
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
              </>
            );
          }}
        />
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
