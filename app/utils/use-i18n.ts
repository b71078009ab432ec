import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { fallbackMessages } from "~/locales/fallback.ts";
import { createTranslator, DEFAULT_LOCALE, isLocale, type Locale, type Messages, type Translator } from "./i18n.ts";

/** What the root loader sends for translation: the active language and its client messages. */
export type RootI18n = { locale: Locale; messages: Messages };

function rootI18n(data: unknown): { locale: Locale; messages: Messages | null } {
  const d = data as Partial<RootI18n> | undefined;
  const locale = d && isLocale(d.locale) ? d.locale : DEFAULT_LOCALE;
  return { locale, messages: d?.messages && typeof d.messages === "object" ? d.messages : null };
}

/**
 * The translator of a page from the root loader's data. Without it (the root loader itself failed),
 * the small French fallback of the error page is used (app/locales/fallback.ts).
 */
export function translatorFromRoot(data: unknown): Translator {
  const { locale, messages } = rootI18n(data);
  return messages ? createTranslator(locale, messages) : createTranslator(DEFAULT_LOCALE, fallbackMessages);
}

/** For meta functions: the translator from the root match. */
export function translatorFromMatches(matches: readonly { id: string; data: unknown }[]): Translator {
  return translatorFromRoot(matches.find((m) => m.id === "root")?.data);
}

export function useLocale(): Locale {
  return rootI18n(useRouteLoaderData("root")).locale;
}

/** Translation in components: t, has, msg (validation messages) and date, from the root loader. */
export function useT(): Translator {
  const data = useRouteLoaderData("root") as Partial<RootI18n> | undefined;
  const locale = data?.locale;
  const messages = data?.messages;
  return useMemo(() => translatorFromRoot({ locale, messages }), [locale, messages]);
}
