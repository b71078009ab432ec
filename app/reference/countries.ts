/**
 * Country reference data for transfer and sovereignty analysis: ISO 3166-1 alpha-2 codes with French and
 * English names, EU/EEA membership, Commission adequacy decisions (GDPR Art. 45) and the foreign laws that
 * can compel access to data. The data lives in countries.json (see its `notes` for sources and how to update);
 * this module validates it once at load and exposes pure lookups usable on both server and client.
 * Codes are matched exactly: upper-case, two letters.
 */
import { z } from "zod";
import data from "./countries.json";

const code = z.string().regex(/^[A-Z]{2}$/);
/** YYYY-MM-DD, or YYYY-MM when only the month of adoption is known. */
const dateOrMonth = z.union([z.iso.date(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]);

export const ADEQUACY_SCOPES = ["full", "commercial", "private_sector", "dpf_certified"] as const;

const CountrySchema = z.object({
  code,
  fr: z.string().min(1),
  en: z.string().min(1),
  eu: z.boolean(),
  eea: z.boolean(),
});

const AdequacySchema = z.object({
  country: code,
  /** full; commercial = Canada, PIPEDA recipients only; private_sector = Japan, APPI business operators only; dpf_certified = US, Data Privacy Framework List only. */
  scope: z.enum(ADEQUACY_SCOPES),
  reference: z.string().min(1),
  adopted: dateOrMonth,
  expires: z.iso.date().nullable(),
  verify: z.boolean(),
  noteFr: z.string().min(1),
  noteEn: z.string().min(1),
});

const LawSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  country: code,
  name: z.string().min(1),
  citation: z.string().min(1),
  fr: z.string().min(1),
  en: z.string().min(1),
  verify: z.boolean(),
  /** Can compel a provider to hand data over (ADR 006). EO 12333 cannot: it collects without the provider. */
  compels: z.boolean(),
});

export const CountryReferenceSchema = z
  .object({
    asOf: z.iso.date(),
    notes: z.string(),
    countries: z.array(CountrySchema),
    adequacy: z.array(AdequacySchema),
    laws: z.array(LawSchema),
  })
  .superRefine((ref, ctx) => {
    const codes = ref.countries.map((c) => c.code);
    const known = new Set(codes);
    if (known.size !== codes.length) ctx.addIssue({ code: "custom", path: ["countries"], message: "duplicate country code" });
    if (codes.some((c, i) => i > 0 && c <= codes[i - 1]!)) ctx.addIssue({ code: "custom", path: ["countries"], message: "countries must be sorted by code" });
    ref.countries.forEach((c, i) => {
      if (c.eu && !c.eea) ctx.addIssue({ code: "custom", path: ["countries", i, "eea"], message: `${c.code} is in the EU so must be in the EEA` });
    });
    const adequate = new Set<string>();
    ref.adequacy.forEach((a, i) => {
      if (!known.has(a.country)) ctx.addIssue({ code: "custom", path: ["adequacy", i, "country"], message: `unknown country ${a.country}` });
      if (adequate.has(a.country)) ctx.addIssue({ code: "custom", path: ["adequacy", i, "country"], message: `duplicate adequacy entry for ${a.country}` });
      adequate.add(a.country);
    });
    const ids = new Set<string>();
    ref.laws.forEach((l, i) => {
      if (!known.has(l.country)) ctx.addIssue({ code: "custom", path: ["laws", i, "country"], message: `unknown country ${l.country}` });
      if (ids.has(l.id)) ctx.addIssue({ code: "custom", path: ["laws", i, "id"], message: `duplicate law id ${l.id}` });
      ids.add(l.id);
    });
  });

export type Country = z.infer<typeof CountrySchema>;
export type AdequacyDecision = z.infer<typeof AdequacySchema>;
export type AdequacyScope = AdequacyDecision["scope"];
export type ForeignAccessLaw = z.infer<typeof LawSchema>;
export type CountryLocale = "fr" | "en";

/** Throws at import if countries.json is malformed: a broken reference file must not ship. */
const reference = CountryReferenceSchema.parse(data);

export const COUNTRIES_AS_OF: string = reference.asOf;
export const countries: readonly Country[] = reference.countries;
export const COUNTRY_CODES: string[] = countries.map((c) => c.code);

const byCode = new Map(countries.map((c) => [c.code, c]));
const adequacyByCode = new Map(reference.adequacy.map((a) => [a.country, a]));
const lawsByCode = new Map<string, ForeignAccessLaw[]>();
for (const law of reference.laws) lawsByCode.set(law.country, [...(lawsByCode.get(law.country) ?? []), law]);

export function isCountryCode(code: string): boolean {
  return byCode.has(code);
}

export function getCountry(code: string): Country | null {
  return byCode.get(code) ?? null;
}

export function isEu(code: string): boolean {
  return byCode.get(code)?.eu ?? false;
}

export function isEea(code: string): boolean {
  return byCode.get(code)?.eea ?? false;
}

/** The Commission adequacy decision for a country, or null. Check `scope`: it is not always the whole country. */
export function adequacyFor(code: string): AdequacyDecision | null {
  return adequacyByCode.get(code) ?? null;
}

/** Laws of that country that can compel its providers to hand over data, wherever stored. */
export function lawsFor(code: string): readonly ForeignAccessLaw[] {
  return (lawsByCode.get(code) ?? []).filter((l) => l.compels);
}

/** Access powers of that country that do not go through the provider (explained, not counted). */
export function contextLawsFor(code: string): readonly ForeignAccessLaw[] {
  return (lawsByCode.get(code) ?? []).filter((l) => !l.compels);
}

/** The country's name in the locale; an unknown code is returned as is. */
export function countryName(code: string, locale: CountryLocale): string {
  return byCode.get(code)?.[locale] ?? code;
}

/**
 * "aux États-Unis", "en Irlande", "au Maroc", "à Singapour" / "in the United States", "in Ireland".
 * French: plural names take "aux", islands and city-states without article "à", masculine names
 * starting with a consonant "au", the rest (feminine, or starting with a vowel) "en".
 */
export function inCountry(code: string, locale: CountryLocale): string {
  const name = countryName(code, locale);
  if (locale === "en") return `in ${EN_THE.has(code) ? "the " : ""}${name}`;
  const fixed = FR_IN[code];
  if (fixed) return fixed;
  if (FR_A.has(code)) return `à ${name}`;
  if (FR_AUX.has(code) || /^(Îles|Iles)\b/.test(name)) return `aux ${name}`;
  if (FR_AU.has(code)) return `au ${name}`;
  if (/^[AEIOUYÉÈÎÏÔÂ]/i.test(name) || FR_FEMININE_EXCEPTIONS.has(code)) return `en ${name}`;
  if (/e$/.test(name) && !FR_MASCULINE_E.has(code)) return `en ${name}`;
  return `au ${name}`;
}

/** Names whose French form does not follow the rules. */
const FR_IN: Record<string, string> = {
  AS: "aux Samoa américaines",
  WS: "aux Samoa",
  BB: "à la Barbade",
  BM: "aux Bermudes",
  BV: "à l'île Bouvet",
  CV: "au Cap-Vert",
  DJ: "à Djibouti",
  DM: "à la Dominique",
  GD: "à la Grenade",
  GP: "en Guadeloupe",
  MQ: "en Martinique",
  GW: "en Guinée-Bissau",
  HK: "à Hong Kong",
  MO: "à Macao",
  IM: "à l'île de Man",
  JM: "en Jamaïque",
  KP: "en Corée du Nord",
  KR: "en Corée du Sud",
  MK: "en Macédoine du Nord",
  PN: "aux îles Pitcairn",
  PS: "dans les Territoires palestiniens",
  PW: "aux Palaos",
  TF: "dans les Terres australes françaises",
  VA: "au Vatican",
  WF: "à Wallis-et-Futuna",
  YE: "au Yémen",
  CX: "à l'île Christmas",
  NF: "à l'île Norfolk",
  IO: "dans le Territoire britannique de l'océan Indien",
  GS: "en Géorgie du Sud-et-les îles Sandwich du Sud",
  HM: "aux îles Heard-et-MacDonald",
  UM: "dans les îles mineures éloignées des États-Unis",
  EH: "au Sahara occidental",
  RE: "à La Réunion",
  CD: "en république démocratique du Congo",
  CG: "en république du Congo",
  SR: "au Suriname",
};

const EN_THE = new Set([
  "US",
  "GB",
  "NL",
  "AE",
  "PH",
  "BS",
  "CF",
  "CD",
  "CG",
  "DO",
  "CZ",
  "GM",
  "KY",
  "MV",
  "MH",
  "SB",
  "TC",
  "VA",
  "VG",
  "VI",
  "FO",
  "FK",
  "CK",
  "KM",
  "SC",
  "UM",
  "BQ",
]);
/** Islands and city-states named without an article in French. */
const FR_A = new Set([
  "SG",
  "MC",
  "MT",
  "CY",
  "CU",
  "JE",
  "GG",
  "MG",
  "MU",
  "BH",
  "HK",
  "MO",
  "TW",
  "SM",
  "AD",
  "GI",
  "MF",
  "BL",
  "PM",
  "KN",
  "LC",
  "VC",
  "AG",
  "TT",
  "GD",
  "BB",
  "DM",
  "JM",
  "HT",
  "PR",
  "SX",
  "CW",
  "AW",
  "NR",
  "TV",
  "KI",
  "TO",
  "VU",
  "FJ",
  "ST",
  "CV",
  "BM",
  "AI",
  "MS",
  "PN",
  "SH",
  "TK",
  "NU",
  "GU",
  "RE",
  "YT",
  "GP",
  "MQ",
]);
const FR_AUX = new Set([
  "US",
  "NL",
  "AE",
  "PH",
  "BS",
  "KM",
  "SC",
  "MV",
  "MH",
  "SB",
  "FO",
  "FK",
  "CK",
  "KY",
  "TC",
  "VG",
  "VI",
  "UM",
  "BQ",
  "AX",
  "CC",
  "CX",
  "MP",
  "HM",
  "TF",
  "NF",
  "GS",
  "IO",
  "WF",
]);
/** Masculine names with their own "au" even though they look feminine or start with a vowel. */
const FR_AU = new Set(["MX", "KH", "MZ", "ZW", "BZ"]);
const FR_MASCULINE_E = new Set(["MX", "KH", "MZ", "ZW", "BZ"]);
const FR_FEMININE_EXCEPTIONS = new Set<string>([]);

/** A comma-separated list of country names. */
export function countryList(codes: readonly string[], locale: CountryLocale): string {
  return codes.map((c) => countryName(c, locale)).join(", ");
}
