/**
 * Header recognition: which register field each column of a spreadsheet holds. A header matches the
 * French or English header of our own exports (app/locales/*.tabular.ts) or a synonym used in the
 * CNIL register models (2018 model, 2019 simplified spreadsheet) and in registers kept by hand.
 * Headers are compared normalised (see normalize.ts), also without a trailing "(…)" or "*".
 */
import type { TabularColumn } from "~/documents/tabular.ts";
import { enTabular } from "~/locales/en.tabular.ts";
import { frTabular } from "~/locales/fr.tabular.ts";
import { norm, trailingParenthesis } from "./normalize.ts";

/**
 * The export's columns, in order, from their header labels: documents/tabular.ts (which loads exceljs)
 * stays out of the browser bundle of the import page. A unit test checks they equal TABULAR_COLUMNS.
 */
export const EXPORT_COLUMNS = Object.keys(frTabular)
  .filter((k) => k.startsWith("tabular.column."))
  .map((k) => k.slice("tabular.column.".length)) as TabularColumn[];

export function isExportColumn(field: string): field is TabularColumn {
  return (EXPORT_COLUMNS as string[]).includes(field);
}

/** Fields an import can fill beyond the export's columns. */
export const EXTRA_FIELDS = [
  "description",
  "internalContact",
  "implementationDate",
  "nextReviewAt",
  "lastReviewAt",
  "rightsExercise",
  "rightsInformation",
  "art10Basis",
] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];
export type ImportField = TabularColumn | ExtraField;

/**
 * Columns an export writes that are computed or belong elsewhere (the organisation, the vendor
 * catalogue, the workflow): recognised, so they are not reported as unknown, but never imported.
 */
export const INFORMATIONAL_FIELDS: readonly ImportField[] = [
  "createdAt",
  "updatedAt",
  "lastUpdate",
  "controller",
  "dpo",
  "services",
  "computedTransfers",
  "exposure",
  "toVerify",
  "secNumCloud",
  "completeness",
  "status",
  "version",
  // Read apart, for a lossless re-import of our own exports (documents/tabular-data.ts).
  "registreData",
];

/** The fields a person can map a column to, in the order of the mapping menu. */
export const MAPPABLE_FIELDS: readonly ImportField[] = [...EXPORT_COLUMNS.filter((c) => !INFORMATIONAL_FIELDS.includes(c)), ...EXTRA_FIELDS];

export function isMappableField(v: string): v is ImportField {
  return (MAPPABLE_FIELDS as readonly string[]).includes(v);
}

const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  ref: [
    "Référence",
    "Réf",
    "Ref",
    "Réf.",
    "N°",
    "N° / REF",
    "N° REF",
    "Numéro",
    "Numéro de référence",
    "Numéro de fiche",
    "Identifiant",
    "ID",
    "Reference",
    "Reference number",
    "Number",
    "No",
  ],
  name: [
    "Nom du traitement",
    "Nom / sigle du traitement",
    "Nom ou sigle du traitement",
    "Nom de l'activité",
    "Nom de l'activité de traitement",
    "Activité de traitement",
    "Traitement",
    "Intitulé",
    "Intitulé du traitement",
    "Nom",
    "Processing activity",
    "Processing",
    "Activity",
    "Activity name",
    "Name",
    "Name of the processing",
  ],
  department: [
    "Service",
    "Service responsable",
    "Service concerné",
    "Service / direction",
    "Direction",
    "Direction / service",
    "Pôle",
    "Department",
    "Service in charge",
    "Directorate",
  ],
  role: ["Rôle", "Qualité", "Qualité de l'organisme", "Role"],
  regime: ["Régime", "Cadre juridique", "Regime", "Legal framework"],
  controller: ["Responsable de traitement", "Responsable du traitement", "Responsable", "Controller", "Data controller"],
  dpo: ["DPO", "Délégué à la protection des données", "Délégué à la protection des données (DPO)", "Data protection officer", "DPD"],
  jointControllers: [
    "Responsables conjoints",
    "Responsable conjoint",
    "Co-responsables",
    "Co-responsable de traitement",
    "Responsables conjoints de traitement",
    "Joint controllers",
    "Joint controller",
  ],
  processorFor: ["Pour le compte de", "Responsables pour le compte desquels le traitement est effectué", "On behalf of"],
  mainPurpose: [
    "Finalité principale",
    "Finalité",
    "Finalités",
    "Finalité du traitement",
    "Finalités du traitement",
    "Objectif",
    "Objectifs poursuivis",
    "Main purpose",
    "Purpose",
    "Purposes",
  ],
  subPurposes: [
    "Sous-finalités",
    "Sous-finalité",
    "Sous finalités",
    "Finalités secondaires",
    "Finalités détaillées",
    "Sub-purposes",
    "Sub purposes",
    "Secondary purposes",
  ],
  legalBases: [
    "Base légale",
    "Bases légales",
    "Base juridique",
    "Bases juridiques",
    "Fondement juridique",
    "Fondement légal",
    "Licéité",
    "Licéité du traitement",
    "Legal basis",
    "Legal bases",
    "Lawful basis",
  ],
  art9Conditions: ["Conditions de l'article 9", "Exception article 9", "Article 9 conditions", "Art. 9 condition"],
  dataSubjects: ["Catégories de personnes concernées", "Personnes concernées", "Catégories de personnes", "Data subjects", "Categories of data subjects"],
  dataCategories: [
    "Catégories de données",
    "Catégories de données personnelles",
    "Catégories de données à caractère personnel",
    "Données traitées",
    "Données collectées",
    "Données personnelles",
    "Data categories",
    "Personal data",
    "Categories of personal data",
  ],
  sensitive: ["Données sensibles", "Données sensibles (art. 9)", "Sensitive data", "Special category data"],
  sensitiveCategories: ["Catégories de données sensibles", "Special categories of data"],
  offences: [
    "Données d'infractions",
    "Infractions et condamnations",
    "Données relatives aux condamnations pénales et aux infractions",
    "Condamnations pénales",
    "Criminal offence data",
    "Criminal convictions and offences",
  ],
  retention: [
    "Durée de conservation",
    "Durées de conservation",
    "Délai de conservation",
    "Délais de conservation",
    "Conservation",
    "Durée d'utilité administrative",
    "DUA",
    "Retention",
    "Retention period",
    "Retention periods",
  ],
  recipients: ["Destinataires", "Destinataire", "Catégories de destinataires", "Destinataires des données", "Recipients", "Categories of recipients"],
  transfers: [
    "Transferts hors UE",
    "Transfert hors UE",
    "Transferts",
    "Transferts de données hors UE",
    "Transferts hors Union européenne",
    "Transferts vers des pays tiers",
    "Transfers outside the EU",
    "Transfers",
    "International transfers",
    "Third-country transfers",
  ],
  securityMeasures: [
    "Mesures de sécurité",
    "Mesures de sécurité techniques et organisationnelles",
    "Mesures techniques et organisationnelles",
    "Sécurité",
    "Security measures",
    "Security",
    "Technical and organisational measures",
  ],
  services: ["Logiciels", "Logiciel", "Logiciels utilisés", "Logiciel utilisé", "Logiciels et applications", "Outils", "Software", "Software used", "Vendors"],
  lastUpdate: ["Dernière mise à jour", "Date de dernière mise à jour", "Last update", "Date de validation", "Approved on"],
  // The CNIL model's "date de création" and "mise à jour" of the record.
  createdAt: ["Date de création", "Création", "Created", "Creation date", "Date of creation", "Date de création du traitement"],
  updatedAt: ["Mise à jour", "Date de mise à jour", "Updated", "Updated on", "Last updated"],
  status: ["Statut", "État", "Status"],
  description: ["Description", "Description du traitement", "Description of the processing", "Observations", "Commentaires", "Comments", "Notes"],
  internalContact: ["Contact", "Contact interne", "Référent", "Référent du traitement", "Personne référente", "Internal contact", "Contact person"],
  implementationDate: ["Date de mise en œuvre", "Date de mise en oeuvre", "Mise en œuvre", "Implementation date"],
  nextReviewAt: ["Prochaine revue", "Date de prochaine revue", "Prochaine révision", "Next review", "Next review date"],
  lastReviewAt: ["Dernière revue", "Date de dernière revue", "Last review", "Last review date"],
  rightsExercise: ["Exercice des droits", "Modalités d'exercice des droits", "Exercise of rights", "Data subject rights"],
  rightsInformation: [
    "Information des personnes",
    "Information des personnes concernées",
    "Mentions d'information",
    "Information of data subjects",
    "Privacy notice",
  ],
  art10Basis: ["Fondement des données d'infractions", "Article 10 basis", "Art. 10 basis"],
};

const HEADER_INDEX = new Map<string, ImportField>();
function register(field: ImportField, text: string) {
  const n = norm(text);
  if (n && !HEADER_INDEX.has(n)) HEADER_INDEX.set(n, field);
}
// Exported headers first: they win over a synonym.
for (const c of EXPORT_COLUMNS) {
  register(c, frTabular[`tabular.column.${c}`]);
  register(c, enTabular[`tabular.column.${c}`]);
}
for (const [field, list] of Object.entries(SYNONYMS) as [ImportField, string[]][]) for (const s of list) register(field, s);

/** The field a header names, or null. */
export function recogniseHeader(header: string): ImportField | null {
  const n = norm(header);
  if (!n) return null;
  const direct = HEADER_INDEX.get(n);
  if (direct) return direct;
  const p = trailingParenthesis(header.replace(/[*:]+\s*$/, ""));
  if (p) return HEADER_INDEX.get(norm(p[0])) ?? null;
  return null;
}

export type ColumnInfo = {
  index: number;
  header: string;
  /** Target field: recognised from the header, or chosen by hand; null = not recognised (ignored until mapped). */
  field: ImportField | null;
  source: "header" | "manual" | "none";
  /** Recognised but not imported (computed columns of an export, such as completeness). */
  informational: boolean;
};

/** Manual mapping: column index -> field, or "ignore". */
export type ColumnMapping = Record<number, ImportField | "ignore">;

export function describeColumns(headers: string[], mapping: ColumnMapping = {}): ColumnInfo[] {
  return headers.map((header, index) => {
    const manual = mapping[index];
    if (manual === "ignore") return { index, header, field: null, source: "manual", informational: false };
    if (manual) return { index, header, field: manual, source: "manual", informational: INFORMATIONAL_FIELDS.includes(manual) };
    const field = recogniseHeader(header);
    return { index, header, field, source: field ? "header" : "none", informational: field ? INFORMATIONAL_FIELDS.includes(field) : false };
  });
}

/** How many headers of a row are recognised: the header row is the best of the first rows. */
export function headerScore(cells: string[]): number {
  return cells.reduce((n, c) => n + (recogniseHeader(c) ? 1 : 0), 0);
}
