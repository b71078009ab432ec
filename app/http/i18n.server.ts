import { readCookie, serializeCookie } from "~/utils/cookies.server.ts";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { getSession } from "./session.server.ts";

export const LANG_COOKIE = "registre_lang";

/** The user's stored choice, else the language cookie, else Accept-Language, else French. */
export async function getLocale(request: Request): Promise<Locale> {
  const s = await getSession(request);
  if (s?.user.locale && isLocale(s.user.locale)) return s.user.locale;
  return anonymousLocale(request);
}

export function anonymousLocale(request: Request): Locale {
  const cookie = readCookie(request, LANG_COOKIE);
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

export async function getT(request: Request) {
  const locale = await getLocale(request);
  return { locale, t: createT(locale) };
}

export function langCookie(request: Request, locale: Locale): string {
  return serializeCookie(request, LANG_COOKIE, locale, { maxAgeSeconds: 365 * 24 * 3600 });
}
