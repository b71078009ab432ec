/** Dashboard panels: running 72-hour clocks and overdue or due-soon data-subject requests. */
import { Link } from "@remix-run/react";
import { useT } from "~/utils/use-i18n.ts";

export type RegistersDashboardData = {
  showBreaches: boolean;
  showRequests: boolean;
  clocks: { ref: string; title: string; state: string; deadline: string; hoursLeft: number }[];
  requests: { ref: string; type: string; due: string; state: string }[];
};

export function RegistersDashboard({ data, base }: { data: RegistersDashboardData; base: string }) {
  const { t, date } = useT();
  return (
    <>
      {data.showBreaches ? (
        <section className="panel" aria-labelledby="dash-clocks">
          <h2 id="dash-clocks">
            {t("breaches.dashboard.title")} <span className="count-badge">{data.clocks.length}</span>
          </h2>
          {data.clocks.length === 0 ? (
            <p className="muted">{t("dashboard.nothing")}</p>
          ) : (
            <ul className="plain-list">
              {data.clocks.map((c) => (
                <li key={c.ref}>
                  <Link to={`${base}/breaches/${c.ref}`}>
                    {c.ref} — {c.title}
                  </Link>{" "}
                  <span className={c.state === "overdue" ? "error-text" : "muted"}>
                    {t(`breaches.clock.${c.state as "running"}`, { deadline: date(c.deadline, true) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {data.showRequests ? (
        <section className="panel" aria-labelledby="dash-requests">
          <h2 id="dash-requests">
            {t("requests.dashboard.title")} <span className="count-badge">{data.requests.length}</span>
          </h2>
          {data.requests.length === 0 ? (
            <p className="muted">{t("dashboard.nothing")}</p>
          ) : (
            <ul className="plain-list">
              {data.requests.map((r) => (
                <li key={r.ref}>
                  <Link to={`${base}/requests/${r.ref}`}>
                    {r.ref} — {t(`requests.type.${r.type as "ACCESS"}`)}
                  </Link>{" "}
                  <span className="muted">
                    {date(r.due)} · {t(`requests.deadline.${r.state as "overdue"}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
