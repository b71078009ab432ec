/**
 * The audit log as sentences: who did what to which item (with a link), what changed, filters by
 * person, type of item, action and date, and a CSV of the filtered events. Raw codes and ids stay
 * out of sight; an ADMIN may open the raw stored event.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { auditLogFilterOptions, readAuditLog } from "~/models/audit-log.server.ts";
import { actionLabel, describeAuditEvent, entityLabel } from "~/domain/audit-log.ts";
import { parseAuditLogQuery, toFilter } from "~/schemas/audit-log-query.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { createT } from "~/utils/messages.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";

const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "audit:read");
  const locale = await getLocale(request);
  const t = createT(locale);
  const { query: q, invalid } = parseAuditLogQuery(new URL(request.url));
  const [{ events, total }, options] = await Promise.all([
    readAuditLog(ctx.org.id, ctx.org.slug, toFilter(q), { skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    auditLogFilterOptions(ctx.org.id),
  ]);
  return {
    org: ctx.org.slug,
    invalidQuery: invalid,
    page: q.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    // Only an ADMIN sees the raw stored event (codes, ids, hashes).
    canSeeRaw: ctx.membership.role === "ADMIN",
    options: {
      actors: options.people,
      entities: options.entities.map((e) => ({ value: e, label: entityLabel(t, e) })).sort((a, b) => a.label.localeCompare(b.label)),
      actions: options.actions.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label)),
    },
    events: events.map((e) => ({ seq: e.seq, at: e.at.toISOString(), ...describeAuditEvent(t, e, locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("auditLog.title")} — ${t("app.name")}` }];
};

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, date } = useT();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const csv = new URLSearchParams(params);
  csv.delete("page");
  const filtered = ["action", "entity", "actor", "from", "to"].some((k) => params.get(k));
  return (
    <div className="page">
      <h1>{t("auditLog.title")}</h1>
      <p className="lead">{t("auditLog.intro")}</p>
      {d.invalidQuery ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("auditLog.filters")}>
        <label>
          {t("auditLog.filter.person")}
          <select name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("auditLog.filter.object")}
          <select name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.options.entities.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("auditLog.filter.action")}
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.options.actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("auditLog.filter.from")}
          <input type="date" name="from" defaultValue={params.get("from") ?? ""} />
        </label>
        <label>
          {t("auditLog.filter.to")}
          <input type="date" name="to" defaultValue={params.get("to") ?? ""} />
        </label>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
        {filtered ? (
          <Link to="?" className="button-link">
            {t("auditLog.filter.reset")}
          </Link>
        ) : null}
      </Form>
      <p role="status">{t("auditLog.count", { count: d.total })}</p>
      <p>
        <a href={`/o/${d.org}/audit.csv?${csv.toString()}`} className="button" download>
          {t("auditLog.csv")}
        </a>{" "}
        <span className="hint">{t("auditLog.csvHint")}</span>
      </p>
      {d.total === 0 && !filtered ? (
        <section className="empty-state callout" aria-labelledby="empty-audit-h">
          <h2 id="empty-audit-h">{t("empty.audit.title")}</h2>
          <p>{t("empty.audit.body")}</p>
        </section>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("auditLog.title")}>
          <table className="audit-table">
            <caption className="visually-hidden">{t("auditLog.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("auditLog.col.when")}</th>
                <th scope="col">{t("auditLog.col.event")}</th>
                <th scope="col">{t("auditLog.col.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {d.events.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{date(e.at, true)}</td>
                  <td>
                    <p className="audit-sentence">
                      <strong>{e.person}</strong> {e.action}
                      {e.object ? <> {e.object.href ? <Link to={e.object.href}>{e.object.label}</Link> : <span>{e.object.label}</span>}</> : null}
                    </p>
                    {d.canSeeRaw ? (
                      <Link to={`/o/${d.org}/audit/${e.seq}`} className="muted" aria-label={t("auditLog.detailsFor", { seq: e.seq })}>
                        {t("auditLog.details")}
                      </Link>
                    ) : null}
                  </td>
                  <td>
                    {e.changes.length ? (
                      <ul className="audit-diff">
                        {e.changes.map((c, i) => (
                          <li key={i}>{c}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.pages > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>{t("common.previous")}</Link> : null}
          <span>{t("common.pageOf", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
