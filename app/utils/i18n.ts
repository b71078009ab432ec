import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

export type MessageKey = keyof typeof fr;
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, value);
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[locale][key] ?? dictionaries.fr[key] ?? key, params);
}

/**
 * Validation messages are message keys, optionally followed by "|" and JSON params
 * (see validation.ts). Anything else is shown as a generic error rather than raw text.
 */
export function translateMessage(locale: Locale, message: string): string {
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  let params: Params | undefined;
  if (bar !== -1) {
    try {
      params = JSON.parse(message.slice(bar + 1)) as Params;
    } catch {
      params = undefined;
    }
  }
  return isMessageKey(key) ? translate(locale, key, params) : translate(locale, "errors.invalid");
}

export type T = (key: MessageKey, params?: Params) => string;

export function createT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
}

export function formatDate(locale: Locale, date: Date | string, withTime = false): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short", timeZone: "Europe/Paris" } : { timeZone: "Europe/Paris" }),
  }).format(d);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith("q="));
      return { lang: (tag ?? "").toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return null;
}
