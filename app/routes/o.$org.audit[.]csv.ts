/** The filtered audit log as CSV, in the same readable sentences as the page (no codes, no ids). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvBuffer } from "~/documents/tabular.ts";
import { readAuditLog } from "~/models/audit-log.server.ts";
import { describeAuditEvent } from "~/domain/audit-log.ts";
import { parseAuditLogQuery, toFilter } from "~/schemas/audit-log-query.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { formatDate } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";

const MAX_ROWS = 10_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "audit:read");
  const locale = await getLocale(request);
  const t = createT(locale);
  const { query, invalid } = parseAuditLogQuery(new URL(request.url));
  if (invalid) throw new Response(t("errors.invalidFilters"), { status: 400 });
  const { events } = await readAuditLog(ctx.org.id, ctx.org.slug, toFilter(query), { skip: 0, take: MAX_ROWS });
  const rows = events.map((e) => {
    const s = describeAuditEvent(t, e, locale);
    return [formatDate(locale, e.at, true), s.person, s.action, s.object?.label ?? "", s.changes.join(" ; ")];
  });
  const header = [t("auditLog.col.when"), t("auditLog.col.person"), t("auditLog.col.action"), t("auditLog.col.object"), t("auditLog.col.changes")];
  const body = csvBuffer([header, ...rows], locale === "fr" ? ";" : ",");
  return fileResponse(body, { fileName: `journal-audit-${ctx.org.slug}.csv`, contentType: "text/csv; charset=utf-8" });
}
