/** A specific <title> for every page: "<page> — <organization> — Registre" (RGAA 8.6). */
import type { MetaDescriptor } from "@remix-run/node";
import { createT, DEFAULT_LOCALE, isLocale, type MessageKey, type T } from "./i18n.ts";

type Match = { id: string; data: unknown };

export function titleMeta(matches: readonly Match[], page: MessageKey | ((t: T) => string)): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const t = createT(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
  const org = (matches.find((m) => m.id === "routes/o.$org")?.data as { org?: { name?: string } } | undefined)?.org?.name;
  const label = typeof page === "function" ? page(t) : t(page);
  return [{ title: [label, org, t("app.name")].filter(Boolean).join(" — ") }];
}
