/**
 * Turns the analysis' reasons (i18n keys whose parameters hold ISO codes) into sentences that name
 * countries, with the French preposition ("aux États-Unis", "en Irlande") or the English one.
 * Shared by the UI, the JSON export and the PDFs so all three say the same thing.
 */
import type { Reason, ToVerify } from "~/analysis/sovereignty.ts";
import { countryList, countryName, inCountry } from "~/reference/countries.ts";
import { isMessageKey, translate, type Locale, type Params } from "~/utils/i18n.ts";

export function reasonParams(r: Reason, locale: Locale): Params {
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
        return isMessageKey(key) ? translate(locale, key) : f;
      })
      .join(locale === "fr" ? " ; " : "; ");
  }
  return params;
}

export function translateReason(r: Reason, locale: Locale): string {
  return isMessageKey(r.key) ? translate(locale, r.key, reasonParams(r, locale)) : r.key;
}

/** "à vérifier : certification DPF de Microsoft Corporation (aux États-Unis)". */
export function translateToVerify(v: ToVerify, locale: Locale): string {
  const key = `sovereignty.fact.${v.fact}`;
  const fact = isMessageKey(key) ? translate(locale, key) : v.fact;
  return translate(locale, "sovereignty.toVerifyLine", { fact, subject: v.subject, where: v.country ? ` (${inCountry(v.country, locale)})` : "" });
}
