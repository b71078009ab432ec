/**
 * Label text -> vocabulary code, for spreadsheets written by people: the French and English labels of
 * the product (app/locales/*.vocabulary.ts), their short forms ("Obligation légale" for "Obligation
 * légale (art. 6.1.c)"), article numbers ("6-1-c", "art. 6.1.c", "c") and the words of the CNIL
 * register model. Matching is accent-, case- and punctuation-insensitive, on a word boundary, longest
 * label first, and returns the text after the label (its detail: "Obligation légale : Code électoral").
 */
import { countries } from "~/reference/countries.ts";
import {
  ACTIVITY_DOMAINS,
  ACTIVITY_ROLES,
  ART9_CONDITIONS,
  DATA_CATEGORIES,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  LEGAL_BASES,
  RECIPIENT_TYPES,
  REGIMES,
  SECURITY_MEASURES,
  TRANSFER_SAFEGUARDS,
} from "~/reference/vocabularies.ts";
import { enVocabulary } from "~/locales/en.vocabulary.ts";
import { frVocabulary } from "~/locales/fr.vocabulary.ts";
import { enLegal } from "~/locales/en.legal.ts";
import { frLegal } from "~/locales/fr.legal.ts";
import { RECIPIENT_KINDS } from "~/analysis/sovereignty.ts";
import { norm, stripLead, stripPrefix, trailingParenthesis } from "./normalize.ts";

type Variant = { text: string; exact: boolean };
export type Matcher<C extends string> = {
  variants: { code: C; v: Variant }[];
  /** Variants by their first word: a value can only match the variants that start with its own first word. */
  byFirstWord: Map<string, { code: C; v: Variant }[]>;
  /** Recent results: a register repeats the same labels on every row. */
  cache: Map<string, Match<C> | null>;
};
export type Match<C extends string> = { code: C; rest: string };

const labels = (key: string): string[] => {
  const out: string[] = [];
  // The labels added for issue 10 (activity domains, recipient kinds) live in the legal locale files.
  const fr = (frVocabulary as Record<string, string>)[key] ?? (frLegal as Record<string, string>)[key];
  const en = (enVocabulary as Record<string, string>)[key] ?? (enLegal as Record<string, string>)[key];
  if (fr) out.push(fr);
  if (en) out.push(en);
  return out;
};

/** "Label (art. 6.1.c)" -> "Label"; "État civil, identité…" -> "État civil". */
function shortForms(label: string): string[] {
  const out: string[] = [];
  const p = trailingParenthesis(label);
  if (p && p[0].length >= 4) out.push(p[0]);
  const comma = label.split(",")[0]!.trim();
  if (comma.length >= 4 && comma !== label) out.push(comma);
  return out;
}

function build<C extends string>(prefix: string, codes: readonly C[], extra: Partial<Record<C, string[]>>, opts: { exactCodes?: boolean } = {}): Matcher<C> {
  const seen = new Set<string>();
  const variants: { code: C; v: Variant }[] = [];
  const add = (code: C, text: string, exactOnly = false) => {
    const n = norm(text);
    // One or two letters ("c", "e1", "cv") only match a whole cell: "C'est…" is not basis (c).
    const exact = exactOnly || n.length <= 2;
    if (!n || seen.has(`${n}|${exact}`)) return;
    seen.add(`${n}|${exact}`);
    variants.push({ code, v: { text: n, exact } });
  };
  for (const code of codes) {
    for (const l of labels(`${prefix}.${code}`)) {
      add(code, l);
      for (const s of shortForms(l)) add(code, s);
    }
    for (const s of extra[code] ?? []) add(code, s);
    add(code, code, opts.exactCodes ?? code.length <= 2);
  }
  // Longest first: "coordonnees bancaires" wins over "coordonnees".
  variants.sort((a, b) => b.v.text.length - a.v.text.length);
  const byFirstWord = new Map<string, { code: C; v: Variant }[]>();
  for (const entry of variants) {
    const w = entry.v.text.split(" ")[0]!;
    byFirstWord.set(w, [...(byFirstWord.get(w) ?? []), entry]);
  }
  const matcher: Matcher<C> = { variants, byFirstWord, cache: new Map() };
  matchers.push(matcher as unknown as Matcher<string>);
  return matcher;
}

const CACHE_SIZE = 5000;
const matchers: Matcher<string>[] = [];

/**
 * Empties the recent-results caches. Called after each file: a cached value is often a slice of a
 * whole cell's text, which keeps that text alive; 5,000 entries per vocabulary held ~60 MB of a
 * 5,000-row import's cells until the next import (issue 18, ADR 021).
 */
export function clearMatchCaches(): void {
  for (const m of matchers) m.cache.clear();
}

export function matchLabel<C extends string>(m: Matcher<C>, value: string): Match<C> | null {
  const cached = m.cache.get(value);
  if (cached !== undefined) return cached;
  const text = norm(value);
  let found: Match<C> | null = null;
  for (const { code, v } of m.byFirstWord.get(text.split(" ", 1)[0]!) ?? []) {
    if (v.exact) {
      if (text === v.text) {
        found = { code, rest: "" };
        break;
      }
      continue;
    }
    const rest = stripPrefix(value, v.text, text);
    if (rest !== null) {
      found = { code, rest: stripLead(rest) };
      break;
    }
  }
  if (m.cache.size >= CACHE_SIZE) m.cache.clear();
  m.cache.set(value, found);
  return found;
}

const letters = (article: string, codes: readonly string[], map: (x: string) => string) =>
  Object.fromEntries(codes.map((c) => [map(c), [`${article} ${c}`, `art ${article} ${c}`, `article ${article} ${c}`, `art. ${article}-${c}`]]));

function mergeExtra<C extends string>(...parts: Partial<Record<C, string[]>>[]): Partial<Record<C, string[]>> {
  const out: Partial<Record<C, string[]>> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p) as [C, string[]][]) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

export const legalBasisMatcher = build(
  "vocab.legalBasis",
  LEGAL_BASES,
  mergeExtra<(typeof LEGAL_BASES)[number]>(
    letters("6 1", ["a", "b", "c", "d", "e", "f"], (x) => (x === "e" ? "e_public_interest" : x)),
    {
      a: ["consentement", "consent"],
      b: ["contrat", "execution d un contrat", "mesures precontractuelles", "contract", "performance of a contract"],
      c: ["obligation legale", "obligation reglementaire", "legal obligation"],
      d: ["interets vitaux", "sauvegarde des interets vitaux", "vital interests"],
      e_public_interest: [
        "mission d interet public",
        "interet public",
        "mission de service public",
        "service public",
        "public task",
        "public interest",
        "e",
        "e1",
      ],
      e_official_authority: ["exercice de l autorite publique", "autorite publique", "official authority", "exercise of official authority", "e2"],
      f: ["interet legitime", "interets legitimes", "legitimate interest", "legitimate interests"],
    },
  ),
);

export const art9Matcher = build(
  "vocab.art9",
  ART9_CONDITIONS,
  letters("9 2", ART9_CONDITIONS, (x) => x),
);

export const dataSubjectMatcher = build("vocab.dataSubject", DATA_SUBJECT_CATEGORIES, {
  residents: ["administres", "habitants", "citoyens", "population", "residents", "inhabitants", "citizens"],
  service_users: ["usagers", "usager", "usagers des services", "beneficiaires", "clients", "clients usagers", "users", "customers"],
  agents: ["agents", "agent", "personnel", "salaries", "employes", "fonctionnaires", "employees", "staff"],
  elected_members: ["elus", "elu", "conseillers municipaux", "elected members", "councillors"],
  children: ["enfants", "eleves", "mineurs", "children", "pupils", "minors"],
  families: ["familles", "parents", "representants legaux", "families", "legal guardians"],
  applicants: ["demandeurs", "candidats", "applicants", "candidates", "job applicants"],
  suppliers: ["fournisseurs", "prestataires", "suppliers", "service providers", "vendors"],
  vulnerable: ["personnes vulnerables", "personnes agees", "personnes handicapees", "vulnerable people", "vulnerable persons"],
  visitors: ["visiteurs", "public", "visitors"],
  other: ["autres", "autre", "other", "others"],
});

export const dataCategoryMatcher = build("vocab.dataCategory", DATA_CATEGORIES, {
  identity: [
    "etat civil",
    "identite",
    "donnees d identification",
    "identification",
    "images",
    "photos",
    "coordonnees",
    "nom prenom",
    "civil status",
    "identity",
    "contact details",
  ],
  personal_life: ["vie personnelle", "situation familiale", "habitudes de vie", "personal life", "family situation"],
  professional_life: ["vie professionnelle", "cv", "carriere", "situation professionnelle", "professional life", "career"],
  economic: [
    "informations d ordre economique et financier",
    "donnees economiques et financieres",
    "economique et financier",
    "economique",
    "financier",
    "financieres",
    "donnees bancaires",
    "coordonnees bancaires",
    "rib",
    "revenus",
    "impots",
    "economic",
    "financial",
    "bank details",
  ],
  connection: ["donnees de connexion", "connexion", "adresses ip", "adresse ip", "logs", "journaux", "connection data"],
  location: ["donnees de localisation", "localisation", "geolocalisation", "location data", "location", "geolocation"],
  nir: ["nir", "numero de securite sociale", "numero de secu", "social security number"],
  racial_ethnic: ["origine raciale", "origine ethnique", "origine raciale ou ethnique", "racial or ethnic origin", "ethnic origin"],
  political: ["opinions politiques", "opinion politique", "political opinions"],
  religious: ["convictions religieuses", "convictions philosophiques", "religion", "religious beliefs", "philosophical beliefs"],
  trade_union: ["appartenance syndicale", "syndicale", "trade union membership", "trade union"],
  genetic: ["donnees genetiques", "genetique", "genetic data"],
  biometric: ["donnees biometriques", "biometrie", "biometrique", "biometric data"],
  health: ["donnees de sante", "sante", "donnees medicales", "health data", "health", "medical data"],
  sex_life: ["vie sexuelle", "orientation sexuelle", "sex life", "sexual orientation"],
  offences: ["condamnations penales", "infractions", "condamnations", "offences", "criminal convictions", "criminal offences"],
});

export const finalFateMatcher = build("vocab.finalFate", FINAL_FATES, {
  destruction: ["destruction", "suppression", "effacement", "elimination", "destruction apres visa", "destroy", "deletion", "erasure"],
  archives: [
    "versement aux archives",
    "versement",
    "archives",
    "archives publiques",
    "archivage definitif",
    "conservation definitive",
    "conservation integrale",
    "transfer to the archives",
    "public archives",
    "permanent archiving",
  ],
  sorting: ["tri", "sorting", "selection"],
  undetermined: ["non determine", "a determiner", "undetermined", "to be determined"],
});

export const recipientTypeMatcher = build("vocab.recipientType", RECIPIENT_TYPES, {
  internal: ["service interne", "services internes", "interne", "internal", "internal department", "internal service"],
  processor: ["sous traitant", "sous traitants", "prestataire", "prestataires", "processor", "processors"],
  institutional: [
    "partenaire institutionnel",
    "partenaires institutionnels",
    "partenaires",
    "partenaire",
    "institutionnel",
    "institutional partner",
    "institutional partners",
  ],
  third_country: ["destinataire dans un pays tiers", "destinataires dans des pays tiers", "pays tiers", "third country", "recipient in a third country"],
  other: ["autre destinataire", "autres destinataires", "other recipient", "other recipients"],
});

export const securityMatcher = build("vocab.security", SECURITY_MEASURES, {
  logging: ["tracabilite", "journalisation", "journalisation des acces", "logs", "logging", "traceability"],
  software_protection: ["protection des logiciels", "mises a jour", "mise a jour", "antivirus", "software protection", "updates"],
  backups: ["sauvegardes", "sauvegarde", "backups", "backup"],
  encryption: ["chiffrement", "cryptage", "encryption"],
  access_control: [
    "controle d acces",
    "controle des acces",
    "controle d acces des utilisateurs",
    "habilitations",
    "authentification",
    "mots de passe",
    "gestion des habilitations",
    "access control",
    "authentication",
    "passwords",
  ],
  processor_control: ["controle des sous traitants", "processor control", "processor oversight"],
  physical_security: ["securite physique", "securite physique des locaux", "securite des locaux", "locaux", "physical security"],
  awareness: ["sensibilisation", "sensibilisation des agents", "formation des agents", "awareness", "training"],
  other: ["autres mesures", "autre mesure", "autres", "other measures", "other"],
});

export const safeguardMatcher = build(
  "vocab.safeguard",
  TRANSFER_SAFEGUARDS,
  {
    adequacy: ["decision d adequation", "adequation", "pays adequat", "pays adequats", "adequacy", "adequacy decision", "art 45", "article 45"],
    scc: ["clauses contractuelles types", "clauses contractuelles", "cct", "ccs", "scc", "sccs", "standard contractual clauses", "art 46 2 c"],
    bcr: ["regles d entreprise contraignantes", "bcr", "binding corporate rules", "art 47"],
    art46_2a: ["instrument juridiquement contraignant", "art 46 2 a", "article 46 2 a"],
    art46_3b: ["arrangement administratif", "art 46 3 b", "article 46 3 b"],
    code_of_conduct: ["code de conduite", "code of conduct", "art 46 2 e"],
    certification: ["certification", "art 46 2 f"],
    art49_derogation: ["derogation", "derogations", "art 49", "article 49", "derogation art 49"],
    none: ["aucune garantie", "sans garantie", "no safeguard", "none"],
  },
  { exactCodes: true },
);

export const roleMatcher = build("vocab.role", ACTIVITY_ROLES, {
  CONTROLLER: ["responsable de traitement", "responsable du traitement", "responsable", "controller", "data controller"],
  JOINT_CONTROLLER: ["responsable conjoint", "responsables conjoints", "co responsable", "coresponsable", "joint controller"],
  PROCESSOR: ["sous traitant", "sous traitance", "processor"],
});

export const regimeMatcher = build("vocab.regime", REGIMES, {
  GDPR: ["rgpd", "gdpr", "reglement general sur la protection des donnees"],
  LED: ["directive 2016 680", "directive police justice", "police justice", "led", "titre iii"],
});

const countryByName = new Map<string, string>();
for (const c of countries) {
  countryByName.set(norm(c.fr), c.code);
  countryByName.set(norm(c.en), c.code);
  countryByName.set(norm(c.code), c.code);
}
for (const [alias, code] of [
  ["usa", "US"],
  ["etats unis d amerique", "US"],
  ["united states of america", "US"],
  ["uk", "GB"],
  ["angleterre", "GB"],
  ["grande bretagne", "GB"],
] as const) {
  countryByName.set(alias, code);
}

export const domainMatcher = build("vocab.domain", ACTIVITY_DOMAINS, {});

export const recipientKindMatcher = build("legal.transfer.recipientKind", RECIPIENT_KINDS, {});

/** ISO 3166-1 alpha-2 code for "US", "us", "États-Unis", "United States"; null if unknown. */
export function countryCode(value: string): string | null {
  return countryByName.get(norm(value)) ?? null;
}
