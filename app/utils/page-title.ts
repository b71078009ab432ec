/** A specific <title> for every page: "<page> — <organization> — Registre" (RGAA 8.6). */
import type { MetaDescriptor } from "@remix-run/node";
import type { MessageKey, T } from "./i18n.ts";
import { translatorFromMatches } from "./use-i18n.ts";

type Match = { id: string; data: unknown };

export function titleMeta(matches: readonly Match[], page: MessageKey | ((t: T) => string)): MetaDescriptor[] {
  const { t } = translatorFromMatches(matches);
  const org = (matches.find((m) => m.id === "routes/o.$org")?.data as { org?: { name?: string } } | undefined)?.org?.name;
  const label = typeof page === "function" ? page(t) : t(page);
  return [{ title: [label, org, t("app.name")].filter(Boolean).join(" — ") }];
}
