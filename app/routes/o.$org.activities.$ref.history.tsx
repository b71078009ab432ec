/**
 * Version history of an activity: the approved (frozen) versions, the working copy when it differs,
 * and a field-level comparison between any two of them (a GET form: works without JavaScript).
 */
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { listVersions } from "~/models/activity.server.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { diffContents } from "~/domain/activity-diff.ts";
import { diffValue, pathLabel } from "~/domain/activity-diff-labels.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

type Choice = number | "draft";

const ChoiceSchema = z.union([
  z.literal("draft"),
  z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number),
]);
const QuerySchema = z.object({
  from: z.preprocess(emptyToUndefined, ChoiceSchema.optional()),
  to: z.preprocess(emptyToUndefined, ChoiceSchema.optional()),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { activity } = await requireActivity(request, params, "read");
  const versions = await listVersions(activity.organizationId, activity.id); // newest first
  const draftDiffers = activity.approvedVersion === null || activity.pendingChanges;
  const exists = (c: Choice) => c === "draft" || versions.some((v) => v.number === c);

  // Defaults: the latest state against the approved version before it.
  const latest: Choice | null = draftDiffers ? "draft" : (versions[0]?.number ?? null);
  const previous: Choice | null = draftDiffers ? (versions[0]?.number ?? null) : (versions[1]?.number ?? null);

  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse({ from: url.searchParams.get("from"), to: url.searchParams.get("to") });
  const asked = parsed.success ? parsed.data : {};
  const askedValid = parsed.success && (asked.from === undefined || exists(asked.from)) && (asked.to === undefined || exists(asked.to));
  let from: Choice | null = previous;
  let to: Choice | null = latest;
  if (askedValid) {
    if (asked.from !== undefined) from = asked.from;
    if (asked.to !== undefined) to = asked.to;
  }

  const state = (c: Choice): { content: ActivityContent; departmentName: string | null } => {
    if (c === "draft") return { content: activity.parsed, departmentName: activity.departmentName };
    const v = versions.find((x) => x.number === c)!;
    return { content: v.parsed, departmentName: v.departmentName };
  };
  let rows: ReturnType<typeof diffContents> | null = null;
  if (from !== null && to !== null) {
    const a = state(from);
    const b = state(to);
    rows = diffContents(a.content, b.content, { before: { department: a.departmentName }, after: { department: b.departmentName } });
  }

  return {
    activity: {
      ref: activity.ref,
      name: activity.name,
      status: activity.status,
      approvedVersion: activity.approvedVersion,
      updatedAt: activity.updatedAt.toISOString(),
    },
    draftDiffers,
    versions: versions.map((v) => ({
      number: v.number,
      name: v.name,
      approvedAt: v.approvedAt.toISOString(),
      approvedBy: v.approvedBy,
      validFrom: v.validFrom.toISOString(),
      validTo: v.validTo?.toISOString() ?? null,
    })),
    invalidQuery: !askedValid,
    from,
    to,
    rows,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${t("activityView.historyPage.title", { ref: d.activity.ref })} — ${t("app.name")}` : t("app.name") }];
};

export default function ActivityHistory() {
  const d = useLoaderData<typeof loader>();
  const i18n = useT();
  const { t, date } = i18n;
  const org = useParams().org ?? "";
  const self = `/o/${org}/activities/${d.activity.ref}`;
  const choiceLabel = (c: Choice) => (c === "draft" ? t("activityView.historyPage.draft") : t("activityView.historyPage.version", { number: c }));
  const options: Choice[] = ["draft", ...d.versions.map((v) => v.number)];
  return (
    <div className="page activity-page">
      <ActivityBreadcrumbs org={org} activityRef={d.activity.ref} current={t("activityView.history")} />
      <h1>{t("activityView.historyPage.title", { ref: d.activity.ref })}</h1>
      <p className="lead">{d.activity.name}</p>

      <section aria-labelledby="versions-h">
        <h2 id="versions-h">{t("activityView.historyPage.versions")}</h2>
        {d.versions.length === 0 ? <p>{t("activityView.historyPage.noVersion")}</p> : null}
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="versions-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("activityView.historyPage.colVersion")}</th>
                <th scope="col">{t("activityView.historyPage.colApprovedAt")}</th>
                <th scope="col">{t("activityView.historyPage.colApprovedBy")}</th>
                <th scope="col">{t("activityView.historyPage.colValidFrom")}</th>
                <th scope="col">{t("activityView.historyPage.colValidTo")}</th>
                <th scope="col">{t("activityView.historyPage.colView")}</th>
              </tr>
            </thead>
            <tbody>
              {d.draftDiffers ? (
                <tr className="draft-row">
                  <th scope="row">{t("activityView.historyPage.draftRow")}</th>
                  <td colSpan={4}>
                    {t(`vocab.status.${d.activity.status}`)} — {t("activityView.updatedAt", { date: date(d.activity.updatedAt, true) })}
                  </td>
                  <td>
                    <Link to={self}>
                      {t("activityView.historyPage.viewDraft")}
                      <span className="visually-hidden"> {t("activityView.historyPage.draftRow")}</span>
                    </Link>
                  </td>
                </tr>
              ) : null}
              {d.versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row">
                    {t("activityView.historyPage.version", { number: v.number })}
                    {v.number === d.activity.approvedVersion && !v.validTo ? (
                      <span className="status-note">{t("activityView.historyPage.current")}</span>
                    ) : null}
                  </th>
                  <td>{date(v.approvedAt, true)}</td>
                  <td>{v.approvedBy ?? t("activityView.comments.unknownAuthor")}</td>
                  <td>{date(v.validFrom, true)}</td>
                  <td>{v.validTo ? date(v.validTo, true) : t("activityView.historyPage.stillValid")}</td>
                  <td>
                    <Link to={`${self}/versions/${v.number}`}>
                      {t("activityView.historyPage.viewVersion")}
                      <span className="visually-hidden"> {t("activityView.historyPage.version", { number: v.number })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-h">
        <h2 id="compare-h">{t("activityView.historyPage.compare")}</h2>
        {d.invalidQuery ? (
          <p className="callout warning" role="alert">
            {t("activityView.historyPage.invalidQuery")}
          </p>
        ) : null}
        {options.length < 2 ? (
          <p>{t("activityView.historyPage.nothingToCompare")}</p>
        ) : (
          <Form method="get" className="filters" aria-labelledby="compare-h">
            <label>
              {t("activityView.historyPage.from")}
              <select name="from" defaultValue={d.from === null ? "" : String(d.from)} key={`from-${d.from}`}>
                {options.map((o) => (
                  <option key={o} value={String(o)}>
                    {choiceLabel(o)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("activityView.historyPage.to")}
              <select name="to" defaultValue={d.to === null ? "" : String(d.to)} key={`to-${d.to}`}>
                {options.map((o) => (
                  <option key={o} value={String(o)}>
                    {choiceLabel(o)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              {t("activityView.historyPage.compareSubmit")}
            </button>
          </Form>
        )}
        {d.rows === null || d.from === null || d.to === null ? (
          options.length < 2 ? null : (
            <p>{t("activityView.historyPage.nothingToCompare")}</p>
          )
        ) : d.rows.length === 0 ? (
          <p role="status">{t("activityView.historyPage.noDifference", { from: choiceLabel(d.from), to: choiceLabel(d.to) })}</p>
        ) : (
          <>
            <p role="status">{t("activityView.historyPage.differences", { count: d.rows.length, from: choiceLabel(d.from), to: choiceLabel(d.to) })}</p>
            <div className="table-wrap diff-table" role="region" tabIndex={0} aria-labelledby="diff-caption">
              <table>
                <caption id="diff-caption" className="visually-hidden">
                  {t("activityView.historyPage.diffCaption", { from: choiceLabel(d.from), to: choiceLabel(d.to) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("activityView.historyPage.colField")}</th>
                    <th scope="col">{choiceLabel(d.from)}</th>
                    <th scope="col">{choiceLabel(d.to)}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => (
                    <tr key={r.path}>
                      <th scope="row">{pathLabel(i18n, r.path)}</th>
                      <td className="diff-before">
                        {r.before === null ? (
                          <span className="not-provided">{t("activityView.historyPage.empty")}</span>
                        ) : (
                          <del>{diffValue(i18n, (x) => date(x), r.path, r.before)}</del>
                        )}
                      </td>
                      <td className="diff-after">
                        {r.after === null ? (
                          <span className="not-provided">{t("activityView.historyPage.empty")}</span>
                        ) : (
                          <ins>{diffValue(i18n, (x) => date(x), r.path, r.after)}</ins>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
