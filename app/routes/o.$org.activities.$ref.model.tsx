/**
 * A newer version of the model this activity came from (issue 14, ADR 020): the difference field by
 * field (the activity diff of the history page), and for each field a decision to accept the model's
 * new value or to ignore it. Nothing is copied until the form is sent with every field decided.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import { ConflictError } from "~/models/activity.server.ts";
import { ModelError, pendingModelUpdate, reviewModelUpdate } from "~/models/referentiel.server.ts";
import { canReviewModelUpdate } from "~/policies/catalogue.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { diffValue, pathLabel } from "~/domain/activity-diff-labels.ts";
import { forbidden } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const update = await pendingModelUpdate(ctx.org.id, activity.id);
  return {
    activity: { ref: activity.ref, name: activity.name, revision: activity.revision },
    canReview: canReviewModelUpdate(ctx.membership, activity),
    update,
  };
}

const Decision = z.enum(["accept", "ignore"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  if (!canReviewModelUpdate(ctx.membership, activity)) throw forbidden();
  const fd = await readForm(request);
  const base = z
    .object({ revision: z.coerce.number().int().min(1), toVersion: z.coerce.number().int().min(1) })
    .safeParse({ revision: fd.get("revision"), toVersion: fd.get("toVersion") });
  const decisions: Record<string, "accept" | "ignore"> = {};
  for (const [k, v] of fd) {
    if (!k.startsWith("field.")) continue;
    const d = Decision.safeParse(v);
    if (!d.success || k.length > 100) return data({ error: "models.error.invalid" as const }, { status: 400 });
    decisions[k.slice("field.".length)] = d.data;
  }
  if (!base.success) return data({ error: "models.error.invalid" as const }, { status: 400 });
  try {
    await reviewModelUpdate(ctx.user.id, ctx.org.id, activity.id, { ...base.data, decisions });
  } catch (err) {
    if (err instanceof ModelError) return data({ error: `models.error.${err.reason}` as const }, { status: err.reason === "not_found" ? 404 : 409 });
    if (err instanceof ConflictError) return data({ error: "models.error.stale" as const }, { status: 409 });
    throw err;
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/activities/${activity.ref}`, { type: "success", key: "models.done.reviewed" });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${t("models.review.title", { ref: d.activity.ref })} — ${t("app.name")}` : t("app.name") }];
};

export default function ModelUpdate() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const i18n = useT();
  const { t, date } = i18n;
  const org = useParams().org ?? "";
  return (
    <div className="page activity-page">
      <ActivityBreadcrumbs org={org} activityRef={d.activity.ref} current={t("models.review.crumb")} />
      <h1>{t("models.review.title", { ref: d.activity.ref })}</h1>
      <p className="lead">{d.activity.name}</p>
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}
      {!d.update ? (
        <p>{t("models.review.none")}</p>
      ) : (
        <Form method="post">
          <p>{t("models.review.intro", { model: d.update.modelName, from: d.update.from, to: d.update.to })}</p>
          <input type="hidden" name="revision" value={d.activity.revision} />
          <input type="hidden" name="toVersion" value={d.update.to} />
          {d.update.fields.map((f) => (
            <fieldset key={f.field} className="panel">
              <legend>{pathLabel(i18n, f.field)}</legend>
              <table>
                <caption className="visually-hidden">{t("models.review.changesOf", { field: pathLabel(i18n, f.field) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("models.review.col.path")}</th>
                    <th scope="col">{t("models.review.col.before")}</th>
                    <th scope="col">{t("models.review.col.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.rows.map((r) => (
                    <tr key={r.path}>
                      <th scope="row">{pathLabel(i18n, r.path)}</th>
                      <td>{r.before === null ? "—" : <del>{diffValue(i18n, (x) => date(x), r.path, r.before)}</del>}</td>
                      <td>{r.after === null ? "—" : <ins>{diffValue(i18n, (x) => date(x), r.path, r.after)}</ins>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.canReview ? (
                <div role="radiogroup" aria-label={t("models.review.decision", { field: pathLabel(i18n, f.field) })}>
                  <input type="radio" id={`accept-${f.field}`} name={`field.${f.field}`} value="accept" required />
                  <label htmlFor={`accept-${f.field}`}>{t("models.review.accept")}</label>{" "}
                  <input type="radio" id={`ignore-${f.field}`} name={`field.${f.field}`} value="ignore" required />
                  <label htmlFor={`ignore-${f.field}`}>{t("models.review.ignore")}</label>
                </div>
              ) : null}
            </fieldset>
          ))}
          {d.canReview ? (
            <button type="submit" className="button primary">
              {t("models.review.submit")}
            </button>
          ) : null}
        </Form>
      )}
    </div>
  );
}
