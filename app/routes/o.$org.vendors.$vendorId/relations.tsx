/** The vendor page's sub-processors (both directions) and the activities that depend on the vendor. */
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/utils/use-i18n.ts";
import type { loader } from "./vendor.server.ts";

export function RelationsSection() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const vendorLink = (id: string, name: string) => <Link to={`/o/${d.org}/vendors/${id}`}>{name}</Link>;
  return (
    <section aria-labelledby="relations-h" className="vendor-section">
      <h2 id="relations-h">{t("vendors.relations")}</h2>
      <div className="grid-2">
        <div>
          <h3>{t("vendors.subProcessors")}</h3>
          <p className="hint">{t("vendors.subProcessorsHint")}</p>
          {d.subProcessors.length ? (
            <ul>
              {d.subProcessors.map((p) => (
                <li key={p.serviceId}>
                  {vendorLink(p.vendorId, p.vendorName)} / {p.serviceName} <span className="muted">{t("vendors.forServices", { list: p.for.join(", ") })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("vendors.noSubProcessors")}</p>
          )}
        </div>
        <div>
          <h3>{t("vendors.usedBy")}</h3>
          <p className="hint">{t("vendors.usedByHint")}</p>
          {d.usedBy.length ? (
            <ul>
              {d.usedBy.map((p) => (
                <li key={p.serviceId}>
                  {vendorLink(p.vendorId, p.vendorName)} / {p.serviceName} <span className="muted">{t("vendors.relies", { list: p.provides.join(", ") })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("vendors.noUsedBy")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

export function ActivitiesSection() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section aria-labelledby="activities-h" className="vendor-section">
      <h2 id="activities-h">{t("vendors.activities", { count: d.activities.length })}</h2>
      {d.activities.length === 0 ? (
        <p>{t("vendors.noActivities")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="activities-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("vendors.activity.ref")}</th>
                <th scope="col">{t("vendors.activity.name")}</th>
                <th scope="col">{t("vendors.activity.status")}</th>
                <th scope="col">{t("vendors.activity.uses")}</th>
              </tr>
            </thead>
            <tbody>
              {d.activities.map((a) => (
                <tr key={a.ref}>
                  <td>{a.ref}</td>
                  <td>
                    <Link to={`/o/${d.org}/activities/${a.ref}`}>{a.name}</Link>
                  </td>
                  <td>{t(`vocab.status.${a.status}`)}</td>
                  <td>
                    <ul className="vendor-inline-list">
                      {a.uses.map((u, i) => (
                        <li key={i}>{t("vendors.activity.use", { service: u.service, role: t(`vendors.linkRole.${u.role}`) })}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
