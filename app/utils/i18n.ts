/**
 * Translation core shared by the server and the browser. It holds NO dictionary: the browser gets the
 * active language's messages from the root loader (see use-i18n.ts), the server reads the full
 * dictionaries through messages.server.ts. Only the key type comes from the French dictionary, as a
 * type import, so the dictionaries never reach the client bundle (ADR 011, "Translations").
 */
import type { fr } from "~/locales/fr.ts";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

export type MessageKey = keyof typeof fr;
export type Params = Record<string, string | number>;
/** A dictionary, or the part of it that one side (browser or server) holds. */
export type Messages = Partial<Record<MessageKey, string>>;

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
function pluralCategory(locale: Locale, n: number): string {
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
  return rules.select(n);
}

/** Index of the "}" closing the "{" at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Picks the branch of "{count, plural, =0 {…} one {…} other {…}}" for the number in params (exact
 * "=n" first, then the Intl.PluralRules category, then "other"); "#" in the branch is the number.
 * Returns null when the block is malformed, so the caller leaves it as it is.
 */
function pluralBranch(locale: Locale, body: string, value: number, shown: string): string | null {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) {
      if (body.slice(i).trim() === "") break;
      return null;
    }
    const open = i + m[0].length - 1;
    const close = closing(body, open);
    if (close === -1) return null;
    options.set(m[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen = options.get(`=${value}`) ?? options.get(pluralCategory(locale, value)) ?? options.get("other");
  // "#" prints the parameter as {count} would, so both forms read the same.
  return chosen === undefined ? null : chosen.replace(/#/g, shown);
}

const PLURAL_START = /\{(\w+),\s*plural,/g;

/** Expands plural blocks, then replaces {name} placeholders; unknown names are left as they are. */
export function formatMessage(locale: Locale, template: string, params?: Params): string {
  if (!params) return template;
  let out = template;
  if (out.includes(", plural,")) {
    let result = "";
    let last = 0;
    for (const m of out.matchAll(PLURAL_START)) {
      const start = m.index;
      if (start < last) continue;
      const end = closing(out, start);
      if (end === -1) break;
      const value = params[m[1]!];
      // A count may come already formatted ("1 234", "1,234"): select on its digits, print it as given.
      const n = typeof value === "number" ? value : Number(String(value).replace(/[\s,]/g, ""));
      const branch = value === undefined || !Number.isFinite(n) ? null : pluralBranch(locale, out.slice(start + m[0].length, end), n, String(value));
      result += out.slice(last, start) + (branch ?? out.slice(start, end + 1));
      last = end + 1;
    }
    out = result + out.slice(last);
  }
  return out.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The argument names a message uses: {name} placeholders and plural selectors, sorted. */
export function messageArguments(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)) names.add(m[1]!);
  return [...names].sort();
}

export type T = (key: MessageKey, params?: Params) => string;

export type Translator = {
  locale: Locale;
  t: T;
  /** Whether this side holds a message for `key` (the browser only holds its language's client messages). */
  has: (key: string) => key is MessageKey;
  /** A validation message: a key, optionally followed by "|" and JSON params (see validation.ts). */
  msg: (message: string) => string;
  date: (d: Date | string, withTime?: boolean) => string;
};

/** A translator over `messages`; a missing key falls back to `fallback`, then to the key itself. */
export function createTranslator(locale: Locale, messages: Messages, fallback?: Messages): Translator {
  const has = (key: string): key is MessageKey =>
    Object.prototype.hasOwnProperty.call(messages, key) || (fallback !== undefined && Object.prototype.hasOwnProperty.call(fallback, key));
  const t: T = (key, params) => {
    const own = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
    const template = own ?? (fallback && Object.prototype.hasOwnProperty.call(fallback, key) ? fallback[key] : undefined) ?? key;
    return formatMessage(locale, template, params);
  };
  const msg = (message: string): string => {
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
    return has(key) ? t(key, params) : t("errors.invalid");
  };
  return { locale, t, has, msg, date: (d, withTime = false) => formatDate(locale, d, withTime) };
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
