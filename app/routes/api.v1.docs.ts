import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_OPERATIONS } from "~/schemas/api.ts";
import { API_BASE } from "~/schemas/openapi.ts";
import { methodNotAllowed } from "~/http/api.server.ts";
import { localeFromAcceptLanguage } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The human-readable API reference: plain server-rendered HTML from the same operations table as the
 * OpenAPI document, with the app's stylesheet only (no script, no CDN).
 */
export function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "fr";
  const t = createT(locale);
  const rows = API_OPERATIONS.map(
    (op) =>
      `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>${escape(API_BASE + op.path)}</code></td><td>${escape(op.summary)}${
        op.ifMatch ? " <code>If-Match</code>" : ""
      }</td><td>${t(op.scope === "write" ? "apiTokens.scope.write" : "apiTokens.scope.read")}</td><td>${[op.success.status, ...new Set(op.errors)].join(", ")}</td></tr>`,
  ).join("\n");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t("apiDocs.title"))}</title></head>
<body>
<main>
<h1>${escape(t("apiDocs.title"))}</h1>
<p>${escape(t("apiDocs.intro"))}</p>
<p><a href="${API_BASE}/openapi.json">${escape(t("apiDocs.openapi"))}</a></p>
<h2>${escape(t("apiDocs.operations"))}</h2>
<table>
<thead><tr><th scope="col">${escape(t("apiDocs.method"))}</th><th scope="col">${escape(t("apiDocs.path"))}</th><th scope="col">${escape(t("apiDocs.summary"))}</th><th scope="col">${escape(t("apiDocs.scope"))}</th><th scope="col">${escape(t("apiDocs.responses"))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
