/** One audit event exactly as stored (codes, ids, JSON, hashes): for ADMINs checking the chain by hand. */
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getRawAuditEvent } from "~/models/audit-log.server.ts";
import { forbidden, notFound, requireOrgContext } from "~/http/auth.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "audit:read");
  if (ctx.membership.role !== "ADMIN") throw forbidden();
  const seq = z.coerce.number().int().min(1).max(2_000_000_000).safeParse(params.seq);
  if (!seq.success) throw notFound();
  const e = await getRawAuditEvent(ctx.org.id, seq.data);
  if (!e) throw notFound();
  let details = e.details;
  try {
    details = JSON.stringify(JSON.parse(e.details), null, 2);
  } catch {
    // shown as stored
  }
  return {
    org: ctx.org.slug,
    event: {
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      actorId: e.actorId,
      details,
      prevHash: e.prevHash,
      hash: e.hash,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${d ? t("auditLog.raw.title", { seq: d.event.seq }) : t("auditLog.title")} — ${t("auditLog.title")} — ${t("app.name")}` }];
};

export default function RawAuditEvent() {
  const { org, event: e } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: `/o/${org}/audit`, label: t("auditLog.title") }]} current={t("auditLog.raw.title", { seq: e.seq })} />
      <h1>{t("auditLog.raw.title", { seq: e.seq })}</h1>
      <p className="lead">{t("auditLog.raw.intro")}</p>
      <dl className="definition-list">
        <div>
          <dt>{t("auditLog.col.when")}</dt>
          <dd>{date(e.at, true)}</dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.code")}</dt>
          <dd>
            <code>{e.action}</code>
          </dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.entity")}</dt>
          <dd>
            <code>
              {e.entity} {e.entityId ?? ""}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.actorId")}</dt>
          <dd>
            <code>{e.actorId ?? "—"}</code>
          </dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.details")}</dt>
          <dd>
            <pre className="details">{e.details}</pre>
          </dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.prevHash")}</dt>
          <dd>
            <code className="details">{e.prevHash}</code>
          </dd>
        </div>
        <div>
          <dt>{t("auditLog.raw.hash")}</dt>
          <dd>
            <code className="details">{e.hash}</code>
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/o/${org}/audit`}>{t("auditLog.raw.back")}</Link>
      </p>
    </div>
  );
}
