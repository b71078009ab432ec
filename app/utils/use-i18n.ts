import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { createT, DEFAULT_LOCALE, formatDate, translateMessage, type Locale } from "./i18n.ts";

type RootData = { locale: Locale } | undefined;

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootData;
  return data?.locale ?? DEFAULT_LOCALE;
}

/** Translation in components; the locale comes from the root loader. */
export function useT() {
  const locale = useLocale();
  return useMemo(() => {
    const t = createT(locale);
    return {
      t,
      locale,
      msg: (message: string) => translateMessage(locale, message),
      date: (d: Date | string, withTime = false) => formatDate(locale, d, withTime),
    };
  }, [locale]);
}
