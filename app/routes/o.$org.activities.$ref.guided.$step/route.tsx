/**
 * The guided declaration: the record of one activity in seven short steps, for department heads who
 * are not GDPR experts. Every field has a plain-language help and an example.
 *
 * Each step is a real form post (no JavaScript needed): the action validates the step's fields with
 * the step's schema (app/domain/guided.ts), merges them into the saved content (the other keys are
 * kept as saved), saves with the optimistic lock (a stale revision answers 409 with a link to reload)
 * and goes to the next or previous step. Step 7 reviews the record and submits it to the DPO.
 */
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import { type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GUIDED_STEPS, LAST_STEP, STEP_NAMES, type GuidedStep } from "~/domain/guided.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { stepPath } from "./shared.ts";
import type { loader, action } from "./guided.server.ts";
import { StepForm } from "./step-form.tsx";
import { ReviewStep } from "./review-step.tsx";

export { action, loader } from "./guided.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  if (!d) return [{ title: t("app.name") }];
  return [
    {
      title: `${t("guided.stepWithTitle", { n: d.step, total: LAST_STEP, title: t(`guided.step.${STEP_NAMES[d.step]}.short`) })} — ${d.activity.ref} ${d.activity.name} — ${t("app.name")}`,
    },
  ];
};

/* ------------------------------------------------------------------ */
/* Page                                                                 */
/* ------------------------------------------------------------------ */

export default function GuidedStepPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const a = d.activity;
  const base = `/o/${d.org}/activities`;
  const self = `${base}/${a.ref}`;
  const name = STEP_NAMES[d.step];
  return (
    <div className="page guided">
      <ActivityBreadcrumbs org={d.org} activityRef={a.ref} current={t("guided.breadcrumb")} />
      <p className="activity-edit-meta">{t("activityForm.edit.meta", { ref: a.ref, status: t(`vocab.status.${a.status}`) })}</p>
      <h1>{t("guided.title", { name: a.name })}</h1>
      <StepProgress current={d.step} org={d.org} refCode={a.ref} />
      <h2 id="step-h" className="guided-step-title">
        <span className="guided-count">{t("guided.stepOf", { n: d.step, total: LAST_STEP })}</span> {t(`guided.step.${name}.title`)}
      </h2>
      <p className="lead">{t(`guided.step.${name}.intro`)}</p>
      {actionData?.conflict ? <ConflictAlert reloadHref={stepPath(d.org, a.ref, d.step)} /> : null}
      {d.step === LAST_STEP ? (
        <ReviewStep d={d} actionData={actionData} />
      ) : (
        <StepForm key={`${a.ref}-${d.step}-${a.revision}`} d={d} actionData={actionData} />
      )}
      <p className="guided-full-link">
        <Link to={`${self}/edit`}>{t("guided.fullFormLink")}</Link>
      </p>
    </div>
  );
}

function StepProgress({ current, org, refCode }: { current: GuidedStep; org: string; refCode: string }) {
  const { t } = useT();
  return (
    <nav aria-label={t("guided.progress.label")} className="guided-progress">
      <ol className="guided-steps">
        {GUIDED_STEPS.map((s) => {
          const label = (
            <>
              <span className="guided-step-number" aria-hidden="true">
                {s}
              </span>
              <span className="visually-hidden">{t("guided.stepWithTitle", { n: s, total: LAST_STEP, title: "" })}</span>
              {t(`guided.step.${STEP_NAMES[s]}.short`)}
            </>
          );
          return (
            <li key={s} className={s === current ? "current" : s < current ? "before" : undefined}>
              {s === current ? <span aria-current="step">{label}</span> : <Link to={stepPath(org, refCode, s)}>{label}</Link>}
            </li>
          );
        })}
      </ol>
      <p className="hint">{t("guided.progress.hint")}</p>
    </nav>
  );
}

function ConflictAlert({ reloadHref }: { reloadHref: string }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="form-errors guided-conflict" role="alert" tabIndex={-1} ref={ref}>
      <p>{t("guided.conflict.title")}</p>
      <p>{t("guided.conflict.message")}</p>
      <p>
        <Link to={reloadHref} reloadDocument>
          {t("guided.conflict.reload")}
        </Link>
      </p>
    </div>
  );
}

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org, ref } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/activities/${ref}`} label="ui.error.back.activity" />;
}
