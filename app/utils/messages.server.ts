/**
 * The full dictionaries, for the server only (loaders, actions, documents, mail). The browser gets
 * `clientMessages(locale)` through the root loader: its language only, without the strings that
 * only documents and mails use (SERVER_ONLY_PREFIXES). ADR 011, "Translations".
 */
import { createHash } from "node:crypto";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { createTranslator, formatMessage, type Locale, type MessageKey, type Messages, type Params, type T } from "./i18n.ts";

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Prefixes of the keys that only server code renders: PDF, spreadsheet/CSV columns, mail templates. */
export const SERVER_ONLY_PREFIXES = ["pdf.", "tabular.", "mail."] as const;

export function isServerOnlyKey(key: string): boolean {
  return SERVER_ONLY_PREFIXES.some((p) => key.startsWith(p));
}

const clientCache: Partial<Record<Locale, Messages>> = {};

/** The messages the browser needs, in one language (computed once per language). */
export function clientMessages(locale: Locale): Messages {
  return (clientCache[locale] ??= Object.fromEntries(Object.entries(dictionaries[locale]).filter(([k]) => !isServerOnlyKey(k))) as Messages);
}

const versionCache: Partial<Record<Locale, string>> = {};

/** A short fingerprint of clientMessages(locale): it changes when a message changes (a new release). */
export function messagesVersion(locale: Locale): string {
  return (versionCache[locale] ??= createHash("sha256")
    .update(JSON.stringify(clientMessages(locale)))
    .digest("hex")
    .slice(0, 12));
}

/** Names the language and version of the messages a browser last received (see root.tsx). */
export const MESSAGES_COOKIE = "registre_msgs";

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, value);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return formatMessage(locale, dictionaries[locale][key] ?? dictionaries.fr[key] ?? key, params);
}

/**
 * Validation messages are message keys, optionally followed by "|" and JSON params
 * (see validation.ts). Anything else is shown as a generic error rather than raw text.
 */
export function translateMessage(locale: Locale, message: string): string {
  return serverTranslator(locale).msg(message);
}

export function createT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
}

/** The same Translator as the browser's useT(), over the full dictionary (French for missing keys). */
export function serverTranslator(locale: Locale) {
  return createTranslator(locale, dictionaries[locale], dictionaries.fr);
}
