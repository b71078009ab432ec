import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { auditFilterOptions, listAuditEvents } from "~/models/audit.server.ts";
import { requireOrgContext } from "~/utils/auth.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

const PAGE_SIZE = 50;
const QuerySchema = z.object({
  action: z.preprocess(emptyToUndefined, z.string().max(80).optional()),
  actor: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "audit:read");
  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
  const q = parsed.success ? parsed.data : { page: 1 as number, action: undefined, actor: undefined, from: undefined, to: undefined };
  const [[events, total], options] = await Promise.all([
    listAuditEvents(
      ctx.org.id,
      {
        action: q.action,
        actorId: q.actor,
        from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
        to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
      },
      { skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE },
    ),
    auditFilterOptions(ctx.org.id),
  ]);
  const names = new Map(options.actors.map((a) => [a.id, a.name]));
  return {
    invalidQuery: !parsed.success,
    page: q.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    options,
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actor: e.actorId ? (names.get(e.actorId) ?? e.actorId) : null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      details: e.details,
      hash: e.hash.slice(0, 12),
    })),
  };
}

export default function AuditLog() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, date } = useT();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      {d.invalidQuery ? (
        <p className="callout warning" role="alert">
          {t("errors.invalidFilters")}
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("audit.filters")}>
        <label>
          {t("audit.action")}
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">{t("common.all")}</option>
            {d.options.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.actor")}
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
          {t("audit.from")}
          <input type="date" name="from" defaultValue={params.get("from") ?? ""} />
        </label>
        <label>
          {t("audit.to")}
          <input type="date" name="to" defaultValue={params.get("to") ?? ""} />
        </label>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </Form>
      <p>{t("audit.count", { count: d.total })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t("audit.title")}>
        <table>
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.entity")}</th>
              <th scope="col">{t("audit.details")}</th>
              <th scope="col">{t("audit.hash")}</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{date(e.at, true)}</td>
                <td>{e.actor ?? t("audit.system")}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entity}
                  {e.entityId ? <span className="muted"> {e.entityId}</span> : null}
                </td>
                <td>
                  <code className="details">{e.details}</code>
                </td>
                <td>
                  <code>{e.hash}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("common.pagination")} className="pagination">
        {d.page > 1 ? <Link to={pageLink(d.page - 1)}>{t("common.previous")}</Link> : null}
        <span>{t("common.pageOf", { page: d.page, pages: d.pages })}</span>
        {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>{t("common.next")}</Link> : null}
      </nav>
    </div>
  );
}
