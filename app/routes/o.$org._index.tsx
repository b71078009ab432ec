import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listActivitiesByStatus, registerCounts } from "~/models/activity.server.ts";
import { listDpiaRequiredNoneStarted, listOverdueDpiaActions } from "~/models/dpia.server.ts";
import { getOnboardingState } from "~/models/onboarding.server.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import { registersDashboard } from "~/models/registers-dashboard.server.ts";
import { RegistersDashboard } from "~/components/registers-dashboard.tsx";
import { OnboardingChecklist, StartActivityLinks } from "~/components/onboarding-checklist.tsx";
import { ACTIVITY_STATUSES } from "~/reference/vocabularies.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { isReviewer } from "~/policies/roles.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { canUpdateOrganization } from "~/policies/organization.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const scope = departmentScope(ctx);
  const reviewer = isReviewer(ctx.membership.role);
  const editor = scope.kind === "departments";
  const [overview, counts, awaiting, changesRequested, overdue, incomplete, drafts] = await Promise.all([
    getOrganizationOverview(ctx.org.id),
    registerCounts(ctx.org.id, scope),
    reviewer ? listActivitiesByStatus(ctx.org.id, ["SUBMITTED"], { scope, take: 10 }) : Promise.resolve([]),
    listActivitiesByStatus(ctx.org.id, ["CHANGES_REQUESTED"], { scope, take: 10 }),
    listActivitiesByStatus(ctx.org.id, ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"], { scope, overdue: true, take: 10 }),
    reviewer
      ? listActivitiesByStatus(ctx.org.id, ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"], { scope, incomplete: true, take: 10 })
      : Promise.resolve([]),
    editor ? listActivitiesByStatus(ctx.org.id, ["DRAFT"], { scope, take: 20 }) : Promise.resolve([]),
  ]);
  const depNames = new Map(overview.departments.map((d) => [d.id, d.name]));
  const ser = (rows: Awaited<ReturnType<typeof listActivitiesByStatus>>) =>
    rows.map((r) => ({
      ref: r.ref,
      name: r.name,
      department: r.department?.name ?? null,
      completeness: r.completeness,
      nextReviewAt: r.nextReviewAt?.toISOString() ?? null,
    }));
  return {
    org: ctx.org,
    role: ctx.membership.role,
    reviewer,
    editor,
    canUpdateOrganization: canUpdateOrganization(ctx.membership),
    missingIdentity: overview.missingIdentity,
    memberCount: overview.memberCount,
    myDepartments: overview.departments.filter((d) => ctx.membership.departmentIds.includes(d.id)),
    counts: {
      byStatus: counts.byStatus,
      byDepartment: counts.byDepartment
        .map((r) => ({ name: r.departmentId ? (depNames.get(r.departmentId) ?? null) : null, count: r.count }))
        .sort((a, b) => b.count - a.count),
      overdue: counts.overdue,
      incomplete: counts.incomplete,
    },
    awaiting: ser(awaiting),
    changesRequested: ser(changesRequested),
    overdue: ser(overdue),
    incomplete: ser(incomplete),
    drafts: ser(drafts),
    dpiaNoneStarted: reviewer ? await listDpiaRequiredNoneStarted(ctx.org.id, scope) : [],
    dpiaOverdueActions: (await listOverdueDpiaActions(ctx.org.id, scope)).slice(0, 20),
    registers: await registersDashboard(ctx.org.id, ctx.membership),
    // The checklist is for those who set the organization up.
    onboarding: canUpdateOrganization(ctx.membership) ? await getOnboardingState(ctx.org.id) : null,
    canCreate: reviewer || (ctx.membership.role === "EDITOR" && ctx.membership.departmentIds.length > 0),
    canImport: canUpdateOrganization(ctx.membership),
  };
}

type Row = { ref: string; name: string; department: string | null; completeness: number; nextReviewAt: string | null };

function ActivityList({ id, title, rows, base, detail }: { id: string; title: string; rows: Row[]; base: string; detail?: (r: Row) => string }) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-badge">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("dashboard.nothing")}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((r) => (
            <li key={r.ref}>
              <Link to={`${base}/activities/${r.ref}`}>
                {r.ref} — {r.name}
              </Link>
              <span className="muted">
                {" "}
                {r.department ?? t("dashboard.noDepartment")}
                {detail ? ` · ${detail(r)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "dashboard.title");

export default function OrganizationHome() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const base = `/o/${d.org.slug}`;
  const reviewer = d.reviewer;
  return (
    <div className="page">
      <h1>{d.org.name}</h1>
      <p className="lead">{t(`home.welcome.${d.role}`)}</p>
      <StartActivityLinks base={base} canCreate={d.canCreate} canImport={d.canImport} />
      {d.onboarding?.visible ? <OnboardingChecklist base={base} publicHref={`/public/${d.org.slug}`} steps={d.onboarding.steps} canDismiss /> : null}
      {d.missingIdentity.length > 0 && d.canUpdateOrganization ? (
        <div className="callout warning" role="note">
          <h2>{t("home.identityIncompleteTitle")}</h2>
          <p>{t("home.identityIncompleteBody")}</p>
          <ul>
            {d.missingIdentity.map((f) => (
              <li key={f}>{t(`fields.${f}`)}</li>
            ))}
          </ul>
          <Link to={`${base}/settings`}>{t("home.completeIdentity")}</Link>
        </div>
      ) : null}
      <section aria-labelledby="by-status">
        <h2 id="by-status">{t("dashboard.byStatus")}</h2>
        <ul className="stats">
          {ACTIVITY_STATUSES.map((s) => (
            <li key={s} className="stat">
              <Link to={`${base}/activities?status=${s}`}>
                <span className="stat-value">{d.counts.byStatus[s] ?? 0}</span> <span className="stat-label">{t(`vocab.status.${s}`)}</span>
              </Link>
            </li>
          ))}
          <li className="stat">
            <Link to={`${base}/activities?overdue=1`}>
              <span className="stat-value">{d.counts.overdue}</span> <span className="stat-label">{t("dashboard.overdue")}</span>
            </Link>
          </li>
          <li className="stat">
            <Link to={`${base}/activities?sort=completeness`}>
              <span className="stat-value">{d.counts.incomplete}</span> <span className="stat-label">{t("dashboard.incomplete")}</span>
            </Link>
          </li>
        </ul>
      </section>
      {d.editor ? (
        <>
          <section className="panel" aria-labelledby="mydeps">
            <h2 id="mydeps">{t("home.myDepartments")}</h2>
            {d.myDepartments.length ? (
              <ul>
                {d.myDepartments.map((x) => (
                  <li key={x.id}>{x.name}</li>
                ))}
              </ul>
            ) : (
              <p>{t("home.noDepartmentAssigned")}</p>
            )}
          </section>
          <div className="grid-2">
            <ActivityList id="asked" title={t("dashboard.askedOfMe")} rows={d.changesRequested} base={base} />
            <ActivityList
              id="drafts"
              title={t("dashboard.myDrafts")}
              rows={d.drafts}
              base={base}
              detail={(r) => t("dashboard.completenessOf", { value: r.completeness })}
            />
          </div>
        </>
      ) : null}
      {reviewer ? (
        <div className="grid-2">
          <ActivityList id="awaiting" title={t("dashboard.awaitingReview")} rows={d.awaiting} base={base} />
          <ActivityList id="changes" title={t("dashboard.changesRequested")} rows={d.changesRequested} base={base} />
          <ActivityList
            id="overdue"
            title={t("dashboard.overdue")}
            rows={d.overdue}
            base={base}
            detail={(r) => (r.nextReviewAt ? t("dashboard.reviewDue", { date: date(r.nextReviewAt) }) : "")}
          />
          <ActivityList
            id="incomplete"
            title={t("dashboard.incomplete")}
            rows={d.incomplete}
            base={base}
            detail={(r) => t("dashboard.completenessOf", { value: r.completeness })}
          />
          <ActivityList id="dpia-none-started" title={t("dpia.filter.none_started")} rows={d.dpiaNoneStarted} base={base} />
        </div>
      ) : null}
      {d.dpiaOverdueActions.length ? (
        <section className="panel" aria-labelledby="dpia-actions-h">
          <h2 id="dpia-actions-h">
            {t("dashboard.dpiaOverdueActions")} <span className="count-badge">{d.dpiaOverdueActions.length}</span>
          </h2>
          <ul className="plain-list">
            {d.dpiaOverdueActions.map((r, i) => (
              <li key={`${r.ref}-${i}`}>
                <Link to={`${base}/activities/${r.ref}/dpia`}>
                  {r.ref} — {r.action}
                </Link>
                <span className="muted"> {t("dashboard.dpiaActionDue", { date: date(r.dueDate), owner: r.owner ?? "—" })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.editor ? (
        <ActivityList
          id="overdue"
          title={t("dashboard.overdue")}
          rows={d.overdue}
          base={base}
          detail={(r) => (r.nextReviewAt ? t("dashboard.reviewDue", { date: date(r.nextReviewAt) }) : "")}
        />
      ) : null}
      {d.counts.byDepartment.length ? (
        <section className="panel" aria-labelledby="by-dep">
          <h2 id="by-dep">{t("dashboard.byDepartment")}</h2>
          <table>
            <caption className="visually-hidden">{t("dashboard.byDepartment")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("register.department")}</th>
                <th scope="col">{t("dashboard.activities")}</th>
              </tr>
            </thead>
            <tbody>
              {d.counts.byDepartment.map((r) => (
                <tr key={r.name ?? "-"}>
                  <td>{r.name ?? t("dashboard.noDepartment")}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <RegistersDashboard data={d.registers} base={base} />
      <p>
        <Link to={`${base}/activities`}>{t("dashboard.seeAll")}</Link>
      </p>
    </div>
  );
}
