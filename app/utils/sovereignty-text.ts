/**
 * Turns the analysis' reasons (i18n keys whose parameters hold ISO codes) into sentences that name
 * countries, with the French preposition ("aux États-Unis", "en Irlande") or the English one.
 * Shared by the UI, the JSON export and the PDFs so all three say the same thing.
 */
import type { Reason, ToVerify } from "~/analysis/sovereignty.ts";
import { countryList, countryName, inCountry } from "~/reference/countries.ts";
import type { Params, Translator } from "~/utils/i18n.ts";

/** What these helpers need of a translator: useT() in the browser, serverTranslator() on the server. */
type Tr = Pick<Translator, "t" | "has" | "locale">;

export function reasonParams(r: Reason, { t, has, locale }: Tr): Params {
  const params: Params = { ...(r.params ?? {}) };
  if (typeof params.country === "string" && /^[A-Z]{2}$/.test(params.country)) {
    params.inCountry = inCountry(params.country, locale);
    params.country = countryName(params.country, locale);
  }
  if (typeof params.list === "string") params.list = params.list ? countryList(params.list.split(", "), locale) : "";
  if (typeof params.facts === "string") {
    params.facts = params.facts
      .split(", ")
      .filter(Boolean)
      .map((f) => {
        const key = `sovereignty.fact.${f}`;
        return has(key) ? t(key) : f;
      })
      .join(locale === "fr" ? " ; " : "; ");
  }
  return params;
}

export function translateReason(r: Reason, tr: Tr): string {
  return tr.has(r.key) ? tr.t(r.key, reasonParams(r, tr)) : r.key;
}

/** "à vérifier : certification DPF de Microsoft Corporation (aux États-Unis)". */
export function translateToVerify(v: ToVerify, { t, has, locale }: Tr): string {
  const key = `sovereignty.fact.${v.fact}`;
  const fact = has(key) ? t(key) : v.fact;
  return t("sovereignty.toVerifyLine", { fact, subject: v.subject, where: v.country ? ` (${inCountry(v.country, locale)})` : "" });
}
