/** The breach register (Art. 33(5)): every breach, notified or not. EDITORs see their departments' only. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { breachClock } from "~/analysis/breach.ts";
import { metaT } from "~/components/vendor-fields.tsx";
import { listBreaches } from "~/models/breach.server.ts";
import { canDraftBreach, managesBreaches } from "~/policies/breach.ts";
import { departmentScope } from "~/http/activity-access.server.ts";
import { breachActor, requireBreachRegister } from "~/http/breach-access.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireBreachRegister(request, params.org);
  const rows = await listBreaches(ctx.org.id, { scope: departmentScope(ctx) });
  const now = new Date();
  return {
    slug: ctx.org.slug,
    canManage: managesBreaches(ctx.membership.role),
    canExport: canDraftBreach(breachActor(ctx)),
    rows: rows.map((r) => {
      const first = r.notifications.find((n) => n.kind === "INITIAL") ?? null;
      const clock = breachClock(r.awareAt, first?.sentAt ?? null, now, r.status === "NOT_NOTIFIED" || r.status === "CLOSED" ? false : null);
      return {
        ref: r.ref,
        title: r.title,
        status: r.status,
        risk: r.risk,
        awareAt: r.awareAt.toISOString(),
        clock: clock.state,
        deadline: clock.deadline.toISOString(),
        notifications: r.notifications.length,
      };
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("breaches.title")} — ${t("app.name")}` }];
};

export default function BreachRegister() {
  const { slug, rows, canExport } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const base = `/o/${slug}/breaches`;
  return (
    <div className="page">
      <h1>{t("breaches.title")}</h1>
      <p className="lead">{t("breaches.intro")}</p>
      <p className="form-actions">
        <Link to={`${base}/new`} className="button primary">
          {t("breaches.report")}
        </Link>
        {canExport ? (
          <>
            <a href={`${base}/export?format=pdf`} className="button-link" download>
              {t("breaches.export.pdf")}
            </a>
            <a href={`${base}/export?format=csv`} className="button-link" download>
              {t("breaches.export.csv")}
            </a>
            <a href={`${base}/export?format=xlsx`} className="button-link" download>
              {t("breaches.export.xlsx")}
            </a>
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("breaches.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("breaches.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("breaches.col.ref")}</th>
                <th scope="col">{t("breaches.col.title")}</th>
                <th scope="col">{t("breaches.col.awareAt")}</th>
                <th scope="col">{t("breaches.col.status")}</th>
                <th scope="col">{t("breaches.col.risk")}</th>
                <th scope="col">{t("breaches.col.clock")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.ref}>
                  <td>
                    <Link to={`${base}/${r.ref}`}>{r.ref}</Link>
                  </td>
                  <td>{r.title}</td>
                  <td>{date(r.awareAt, true)}</td>
                  <td>{t(`breaches.status.${r.status as "OPEN"}`)}</td>
                  <td>{r.risk ? t(`breaches.risk.${r.risk as "NONE"}`) : t("breaches.risk.unassessed")}</td>
                  <td>{t(`breaches.clock.${r.clock}`, { deadline: date(r.deadline, true) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
