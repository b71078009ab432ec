/**
 * The first-hour checklist shown on the dashboard of a new organization: seven steps, each with its
 * state (read from the data) and where to do it. "Hide" is a plain POST form, so it works without JS.
 */
import { Form, Link } from "@remix-run/react";
import type { OnboardingStep } from "~/models/onboarding.server.ts";
import { useT } from "~/utils/use-i18n.ts";

type Props = { base: string; publicHref: string; steps: { key: OnboardingStep; done: boolean }[]; canDismiss: boolean };

export function OnboardingChecklist({ base, publicHref, steps, canDismiss }: Props) {
  const { t } = useT();
  const done = steps.filter((s) => s.done).length;
  const links: Record<OnboardingStep, { to: string; label: string }[]> = {
    identity: [{ to: `${base}/settings`, label: t("onboarding.step.identity.link") }],
    departments: [{ to: `${base}/departments`, label: t("onboarding.step.departments.link") }],
    members: [{ to: `${base}/members`, label: t("onboarding.step.members.link") }],
    register: [
      { to: `${base}/templates#pick-h`, label: t("onboarding.step.register.link") },
      { to: `${base}/import`, label: t("onboarding.step.register.import") },
      { to: `${base}/activities/new`, label: t("onboarding.step.register.scratch") },
    ],
    vendors: [
      { to: `${base}/vendors/new`, label: t("onboarding.step.vendors.link") },
      { to: `${base}/hosting`, label: t("onboarding.step.vendors.hosting") },
    ],
    dpia: [{ to: `${base}/activities?dpia=none_started`, label: t("onboarding.step.dpia.link") }],
    publish: [
      { to: `${base}/exports`, label: t("onboarding.step.publish.link") },
      { to: publicHref, label: t("onboarding.step.publish.public") },
    ],
  };
  return (
    <section className="panel onboarding" aria-labelledby="onboarding-h">
      <h2 id="onboarding-h">{t("onboarding.title")}</h2>
      <p>{t("onboarding.intro")}</p>
      <p>
        <progress max={steps.length} value={done} aria-labelledby="onboarding-progress" />{" "}
        <span id="onboarding-progress">{t("onboarding.progress", { done, total: steps.length })}</span>
      </p>
      <ol className="onboarding-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? "step-done" : "step-todo"} data-step={s.key}>
            <span className={`step-state ${s.done ? "done" : "todo"}`}>
              <span aria-hidden="true">{s.done ? "✓" : "○"}</span> {s.done ? t("onboarding.done") : t("onboarding.todo")}
            </span>{" "}
            <span className="step-label">{t(`onboarding.step.${s.key}`)}</span>
            {s.done ? null : (
              <span className="step-links">
                {links[s.key].map((l) => (
                  <Link key={l.to} to={l.to}>
                    {l.label}
                  </Link>
                ))}
              </span>
            )}
          </li>
        ))}
      </ol>
      {canDismiss ? (
        <Form method="post" action={`${base}/onboarding`}>
          <button type="submit" className="button" name="intent" value="dismiss">
            {t("onboarding.dismiss")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** The three ways to create activities, offered on the dashboard and the register page in every state. */
export function StartActivityLinks({ base, canCreate, canImport }: { base: string; canCreate: boolean; canImport: boolean }) {
  const { t } = useT();
  if (!canCreate) return null;
  return (
    <nav className="button-row start-links" aria-label={t("start.nav")}>
      <Link to={`${base}/activities/new`} className="button primary">
        {t("register.new")}
      </Link>
      <Link to={`${base}/templates#pick-h`} className="button">
        {t("start.fromTemplates")}
      </Link>
      {canImport ? (
        <Link to={`${base}/import`} className="button">
          {t("start.fromImport")}
        </Link>
      ) : null}
    </nav>
  );
}
