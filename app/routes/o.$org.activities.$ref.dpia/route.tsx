/**
 * The DPIA (AIPD) of one activity, CNIL method: start (prefilled from the register), edit the
 * sections, the three risks, the action plan; DPO opinions; validation by the DPO or an admin.
 * Readers of the activity see it; editors of its department (and reviewers) draft it.
 * Plain POST forms; action-plan rows use Conform list intents, so it all works without JavaScript.
 */
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import { type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { RiskMap } from "~/components/risk-map.tsx";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import type { loader, action } from "./dpia.server.ts";
import { MeasureForms } from "./measures.tsx";
import { ContentForm } from "./content-form.tsx";
import { Opinions, Validation } from "./opinions.tsx";

export { action, loader } from "./dpia.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${t("dpia.page.title", { ref: d.activity.ref })} — ${t("app.name")}` : t("app.name") }];
};

export default function DpiaPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const org = useParams().org ?? "";
  const base = `/o/${org}/activities/${d.activity.ref}`;
  return (
    <div className="page dpia-page">
      <ActivityBreadcrumbs org={org} activityRef={d.activity.ref} current={t("dpia.panel.title")} />
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
            <strong>{t(`dpia.status.${d.dpia.status}`)}</strong> · {t("dpia.page.version", { version: d.dpia.version })}
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

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org, ref } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/activities/${ref}`} label="ui.error.back.activity" />;
}
