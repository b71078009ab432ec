/**
 * A small translated HTML page for answers given before (or instead of) the React render: a busy
 * database (503), an oversize request (413), a refused form (400/413). No script, no stylesheet, so
 * it needs no nonce and costs nothing to build.
 */
import { readCookie } from "./cookies.server.ts";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale, type MessageKey, type Params } from "./i18n.ts";
import { createT } from "./messages.server.ts";

/** = LANG_COOKIE of i18n.server.ts, which cannot be imported here (it loads the session model). */
const LANG_COOKIE = "registre_lang";

function anonymousLocale(request: Request): Locale {
  const cookie = readCookie(request, LANG_COOKIE);
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorPageHtml(locale: Locale, status: number, title: MessageKey, body: MessageKey, params?: Params): string {
  const t = createT(locale);
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t(title, params))} — ${escape(t("app.name"))}</title></head>
<body><main><p>${escape(t("errors.code", { status }))}</p><h1>${escape(t(title, params))}</h1><p>${escape(t(body, params))}</p><p><a href="/">${escape(t("integrity.backHome"))}</a></p></main></body></html>`;
}

/** The visitor's language from the language cookie or Accept-Language (no session lookup: this must be cheap). */
export function localeOfHeaders(headers: { cookie?: string | undefined; acceptLanguage?: string | undefined }): Locale {
  const h = new Headers();
  if (headers.cookie) h.set("cookie", headers.cookie);
  if (headers.acceptLanguage) h.set("accept-language", headers.acceptLanguage);
  return anonymousLocale(new Request("http://localhost/", { headers: h }));
}

export function errorPageResponse(
  request: Request,
  status: number,
  title: MessageKey,
  body: MessageKey,
  params?: Params,
  headers?: Record<string, string>,
): Response {
  return new Response(errorPageHtml(anonymousLocale(request), status, title, body, params), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
