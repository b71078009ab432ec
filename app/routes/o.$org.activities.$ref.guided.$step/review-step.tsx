/** Guided step 6 (security) and the final review. */
import { Form, Link } from "@remix-run/react";
import { COMPLETENESS_SECTION, SECTION_CONTENT_KEYS, SECTIONS, sectionId } from "~/components/activity-form.tsx";
import { FormErrors } from "~/components/forms.tsx";
import { GuidedArea, GuidedCheck, GuidedChoice, GuidedInput } from "~/components/guided-fields.tsx";
import { ListEditor } from "~/components/list-editor.tsx";
import { RISK_FLAGS, SECURITY_MEASURES } from "~/reference/vocabularies.ts";
import { COMPLETENESS_STEP, confirmStepOf, STEP_NAMES, type GuidedStep } from "~/domain/guided.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { type ContentKey } from "~/domain/prefilled.ts";
import { useT } from "~/utils/use-i18n.ts";
import { stepPath, type LoaderData, type StepProps } from "./shared.ts";
import type { ActionData } from "./guided.server.ts";
import { useText } from "./step-form.tsx";

export function SecurityStep({ c, form }: StepProps) {
  const { t, field, list, vocab, choose } = useText();
  const r = c.riskFlags.getFieldset();
  const rights = c.rights.getFieldset();
  const checked = RISK_FLAGS.filter((f) => {
    const v = r[f]?.value;
    return v === "on" || v === "true" || v === true;
  }).length;
  return (
    <>
      <ListEditor
        form={form}
        field={c.securityMeasures}
        domId="list-securityMeasures"
        text={list("securityMeasures")}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.measure}
                text={field("securityMeasures.measure")}
                placeholder={choose}
                options={vocab(SECURITY_MEASURES, (x) => t(`vocab.security.${x}`))}
              />
              <GuidedArea field={f.details} text={field("securityMeasures.details")} rows={2} />
            </>
          );
        }}
      />
      <fieldset className="repeat" aria-describedby="risk-flags-hint">
        <legend>
          <h3>{t("guided.security.risksLegend")}</h3>
        </legend>
        <p className="hint" id="risk-flags-hint">
          {t("guided.security.risksHint")}
        </p>
        <div className="check-list">
          {RISK_FLAGS.map((flag) => (
            <GuidedCheck
              key={flag}
              field={r[flag]}
              text={{ label: t(`vocab.riskFlag.${flag}`), help: t(`guided.help.riskFlags.${flag}`), example: t(`guided.example.riskFlags.${flag}`) }}
            />
          ))}
        </div>
        {checked >= 2 ? <p className="callout warning">{t("guided.security.dpiaLikely", { count: checked })}</p> : null}
      </fieldset>
      <fieldset className="repeat">
        <legend>
          <h3>{t("guided.rights.legend")}</h3>
        </legend>
        <GuidedArea field={rights.exercise} text={field("rights.exercise")} rows={2} />
        <GuidedArea field={rights.information} text={field("rights.information")} rows={2} />
      </fieldset>
      <GuidedInput field={c.nextReviewAt} text={field("nextReviewAt")} kind="date" />
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Step 7: review and submit                                            */
/* ------------------------------------------------------------------ */

/** The section of the full form that holds a content key (for keys the guided steps do not show). */
function fullFormAnchor(k: ContentKey): string {
  const section = SECTIONS.find((x) => SECTION_CONTENT_KEYS[x].includes(k));
  return section ? `#${sectionId(section)}` : "";
}

export function ReviewStep({ d, actionData }: { d: LoaderData; actionData: ActionData | undefined }) {
  const { t } = useT();
  const review = d.review!;
  const { completeness, warnings } = review;
  const self = `/o/${d.org}/activities/${d.activity.ref}`;
  const present = completeness.applicable.length - completeness.missing.length;
  const formErrors = actionData && !actionData.conflict ? (actionData.result.error?.[""] ?? []) : [];
  const stepLink = (s: GuidedStep, verb: "goToStep" | "checkAtStep" = "goToStep") => (
    <Link to={stepPath(d.org, d.activity.ref, s)}>{t(`guided.review.${verb}`, { n: s, title: t(`guided.step.${STEP_NAMES[s]}.short`) })}</Link>
  );
  const checks: MessageKey[] = [
    "guided.review.dpo.purpose",
    "guided.review.dpo.legalBasis",
    "guided.review.dpo.minimisation",
    "guided.review.dpo.retention",
    "guided.review.dpo.recipients",
    "guided.review.dpo.security",
  ];
  if (review.sensitive) checks.push("guided.review.dpo.sensitive");
  if (review.offences) checks.push("guided.review.dpo.offences");
  if (review.riskCount >= 2) checks.push("guided.review.dpo.dpia");
  checks.push("guided.review.dpo.information");
  return (
    <div className="guided-review">
      <section className="panel" aria-labelledby="review-completeness-h">
        <h3 id="review-completeness-h">{t("guided.review.completenessTitle")}</h3>
        <p className="completeness-score" id="review-score">
          <strong>{t("activityView.completeness.score", { score: completeness.score })}</strong>{" "}
          <span className="muted">{t("activityView.completeness.count", { present, total: completeness.applicable.length })}</span>
        </p>
        <progress className="completeness-bar" max={100} value={completeness.score} aria-labelledby="review-score" />
        {completeness.missing.length === 0 ? (
          <p>{t("guided.review.complete")}</p>
        ) : (
          <>
            <h4 id="review-missing-h">{t("guided.review.missingTitle", { count: completeness.missing.length })}</h4>
            <ul aria-labelledby="review-missing-h" className="guided-missing">
              {completeness.missing.map((item) => {
                const s = COMPLETENESS_STEP[item];
                return (
                  <li key={item}>
                    <strong>{t(`completeness.${item}`)}</strong>
                    {" — "}
                    {s ? stepLink(s) : <Link to={`${self}/edit#${sectionId(COMPLETENESS_SECTION[item])}`}>{t("guided.review.inFullForm")}</Link>}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {warnings.length > 0 ? (
        <section className="callout warning" aria-labelledby="review-warnings-h">
          <h3 id="review-warnings-h">{t("guided.review.warningsTitle", { count: warnings.length })}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{t(`warnings.${w}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.prefilled.length > 0 ? (
        <section className="callout prefilled-callout" aria-labelledby="review-prefilled-h">
          <h3 id="review-prefilled-h">{t("guided.review.prefilledTitle", { count: d.prefilled.length })}</h3>
          <p>{t("guided.review.prefilledIntro")}</p>
          <ul>
            {d.prefilled.map((k: ContentKey) => {
              const s = confirmStepOf(k);
              return (
                <li key={k}>
                  {t(`guided.key.${k}`)}
                  {" — "}
                  {s ? stepLink(s, "checkAtStep") : <Link to={`${self}/edit${fullFormAnchor(k)}`}>{t("guided.review.checkInFullForm")}</Link>}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="review-dpo-h">
        <h3 id="review-dpo-h">{t("guided.review.dpoTitle")}</h3>
        <p>{t("guided.review.dpoIntro")}</p>
        <ul className="guided-dpo-checks">
          {checks.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="review-submit-h">
        <h3 id="review-submit-h">{t("guided.review.submitTitle")}</h3>
        {review.canSubmit ? (
          <Form method="post" className="stack">
            <FormErrors errors={formErrors} />
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="revision" value={d.activity.revision} />
            <p id="review-submit-hint">{completeness.missing.length === 0 ? t("guided.review.submitHint") : t("guided.review.submitHintIncomplete")}</p>
            <div className="form-actions guided-actions">
              <button type="submit" className="button primary" aria-describedby="review-submit-hint">
                {t("guided.review.submit")}
              </button>
              <Link to={stepPath(d.org, d.activity.ref, 6)} className="button">
                {t("guided.prev")}
              </Link>
            </div>
          </Form>
        ) : (
          <>
            <p>{t("guided.review.cannotSubmit", { status: t(`vocab.status.${d.activity.status}`) })}</p>
            <div className="button-row">
              <Link to={stepPath(d.org, d.activity.ref, 6)} className="button">
                {t("guided.prev")}
              </Link>
              <Link to={self} className="button">
                {t("guided.review.viewRecord")}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
