/**
 * Model activities ("référentiel", issue 14, ADR 020), for the ADMIN/DPO of the organization that keeps
 * them (a DPO service): make a model from a template or from one of its activities (written with the
 * ordinary editor), publish a new version, propose the current version to organizations it granted.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { listGrants } from "~/models/catalogue.server.ts";
import {
  createModelFromActivity,
  createModelFromTemplate,
  listModelCandidates,
  listModels,
  ModelError,
  proposeModel,
  publishModelVersion,
} from "~/models/referentiel.server.ts";
import { canManageCatalogue } from "~/policies/catalogue.ts";
import { forbidden, requireOrgContext } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { findTemplate, loadTemplates } from "~/domain/templates.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

const Id = z.string().min(1).max(80);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("fromTemplate"), templateId: Id }),
  z.object({ intent: z.literal("fromActivity"), activityId: Id }),
  z.object({ intent: z.literal("publish"), modelId: Id }),
  z.object({ intent: z.literal("propose"), modelId: Id, organizationIds: z.array(Id).min(1).max(1000) }),
]);

const DONE = {
  fromTemplate: "models.done.created",
  fromActivity: "models.done.created",
  publish: "models.done.published",
  propose: "models.done.proposed",
} as const;

async function requireManager(request: Request, slug: string | undefined) {
  const ctx = await requireOrgContext(request, slug);
  if (!canManageCatalogue(ctx.membership)) throw forbidden();
  return ctx;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireManager(request, params.org);
  const locale = await getLocale(request);
  const [models, candidates, grants] = await Promise.all([listModels(ctx.org.id), listModelCandidates(ctx.org.id), listGrants(ctx.org.id)]);
  return {
    models: models.map((m) => ({ id: m.id, name: m.name, version: m.version, uses: m.uses, source: m.source })),
    candidates,
    templates: loadTemplates().map((tpl) => ({ id: tpl.id, name: tpl.content[locale].name })),
    organizations: grants.map((g) => ({ id: g.id, name: g.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireManager(request, params.org);
  const fd = await readForm(request);
  const parsed = ActionSchema.safeParse({ ...Object.fromEntries(fd), organizationIds: fd.getAll("organizationIds") });
  if (!parsed.success) return data({ error: "models.error.invalid" as const }, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === "fromTemplate") {
      const template = findTemplate(input.templateId);
      if (!template) return data({ error: "models.error.not_found" as const }, { status: 404 });
      await createModelFromTemplate(ctx.user.id, ctx.org.id, template, await getLocale(request));
    } else if (input.intent === "fromActivity") await createModelFromActivity(ctx.user.id, ctx.org.id, input.activityId);
    else if (input.intent === "publish") await publishModelVersion(ctx.user.id, ctx.org.id, input.modelId);
    else await proposeModel(ctx.user.id, ctx.org.id, input.modelId, input.organizationIds);
  } catch (err) {
    if (err instanceof ModelError)
      return data({ error: `models.error.${err.reason}` as const }, { status: err.reason === "not_found" || err.reason === "no_grant" ? 404 : 409 });
    throw err;
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/models`, { type: "success", key: DONE[input.intent] });
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "models.title");

export default function Models() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const org = useParams().org ?? "";
  return (
    <div className="page">
      <h1>{t("models.title")}</h1>
      <p className="lead">{t("models.intro")}</p>
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}
      <section aria-labelledby="models-h">
        <h2 id="models-h">{t("models.list", { count: d.models.length })}</h2>
        {d.models.length === 0 ? <p>{t("models.empty")}</p> : null}
        <ul className="plain-list">
          {d.models.map((m) => (
            <li key={m.id} className="panel">
              <h3>
                {m.name} — {t("models.version", { number: m.version })}
              </h3>
              <p>
                {m.source ? <Link to={`/o/${org}/activities/${m.source.ref}`}>{t("models.editSource", { ref: m.source.ref })}</Link> : null} —{" "}
                {t("models.uses", { count: m.uses })}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="modelId" value={m.id} />
                <button type="submit" className="button">
                  {t("models.publish")}
                  <span className="visually-hidden"> {m.name}</span>
                </button>
              </Form>
              {d.organizations.length > 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="propose" />
                  <input type="hidden" name="modelId" value={m.id} />
                  <fieldset>
                    <legend>{t("models.proposeTo", { name: m.name })}</legend>
                    {d.organizations.map((o) => (
                      <div key={o.id}>
                        <input type="checkbox" id={`p-${m.id}-${o.id}`} name="organizationIds" value={o.id} />
                        <label htmlFor={`p-${m.id}-${o.id}`}>{o.name}</label>
                      </div>
                    ))}
                  </fieldset>
                  <button type="submit" className="button primary">
                    {t("models.propose")}
                    <span className="visually-hidden"> {m.name}</span>
                  </button>
                </Form>
              ) : (
                <p>{t("models.noOrganization")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-model-h" className="panel">
        <h2 id="new-model-h">{t("models.new")}</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="fromTemplate" />
          <label htmlFor="model-template">{t("models.fromTemplate")}</label>
          <select id="model-template" name="templateId" required>
            {d.templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t("models.create")}
          </button>
        </Form>
        {d.candidates.length > 0 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="fromActivity" />
            <label htmlFor="model-activity">{t("models.fromActivity")}</label>
            <select id="model-activity" name="activityId" required>
              {d.candidates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.ref} — {a.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              {t("models.create")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
