/** One approved (frozen) version of an activity, in full. */
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { ActivityDetails } from "~/components/activity-details.tsx";
import { listVersions } from "~/models/activity.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

const NumberParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { activity } = await requireActivity(request, params, "read");
  const n = NumberParam.safeParse(params.number);
  if (!n.success) throw notFound();
  const versions = await listVersions(activity.organizationId, activity.id);
  const v = versions.find((x) => x.number === n.data);
  if (!v) throw notFound();
  return {
    activity: { ref: activity.ref, approvedVersion: activity.approvedVersion },
    version: {
      number: v.number,
      name: v.name,
      departmentName: v.departmentName,
      approvedAt: v.approvedAt.toISOString(),
      approvedBy: v.approvedBy,
      validFrom: v.validFrom.toISOString(),
      validTo: v.validTo?.toISOString() ?? null,
      content: v.parsed,
    },
    latest: versions[0]?.number ?? v.number,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${d.activity.ref} ${t("activityView.historyPage.version", { number: d.version.number })} — ${t("app.name")}` : t("app.name") }];
};

export default function ActivityVersion() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const org = useParams().org ?? "";
  const self = `/o/${org}/activities/${d.activity.ref}`;
  const v = d.version;
  const label = t("activityView.historyPage.version", { number: v.number });
  return (
    <div className="page activity-page">
      <ActivityBreadcrumbs org={org} activityRef={d.activity.ref} trail={[{ to: `${self}/history`, label: t("activityView.history") }]} current={label} />
      <header className="activity-header">
        <p className="activity-ref">
          {d.activity.ref} · {label}
        </p>
        <h1>{v.name}</h1>
        <p>{t("activityView.versionPage.approved", { date: date(v.approvedAt, true), name: v.approvedBy ?? t("activityView.comments.unknownAuthor") })}</p>
      </header>
      {v.validTo ? (
        <p className="callout warning">{t("activityView.versionPage.superseded", { from: date(v.validFrom, true), to: date(v.validTo, true) })}</p>
      ) : (
        <p className="callout success">{t("activityView.versionPage.current", { from: date(v.validFrom, true) })}</p>
      )}
      <div className="button-row">
        <Link to={`${self}/history`} className="button">
          {t("activityView.versionPage.backToHistory")}
        </Link>
        {v.number > 1 ? (
          <Link to={`${self}/history?from=${v.number - 1}&to=${v.number}`} className="button">
            {t("activityView.versionPage.compareWithPrevious")}
          </Link>
        ) : null}
        <Link to={self} className="button">
          {t("activityView.versionPage.backToActivity")}
        </Link>
      </div>
      <ActivityDetails content={v.content} departmentName={v.departmentName} />
    </div>
  );
}
