/**
 * Lossless re-import of the spreadsheet exports (ADR 008). The readable cells of the CNIL model cannot
 * say everything without ambiguity ("Label : text (purpose)" when the text itself ends with a
 * parenthesis, categories split over several columns, a count inside a description…). So each row also
 * carries, in its last column, the exact values behind its readable cells and a short fingerprint of
 * each of those cells as written:
 *   {"v":1,"h":{"legalBases":"9f1c…",…},"c":{"legalBases":[…],…}}
 * On import, a column whose cell still has its fingerprint was not edited: its fields are taken from
 * "c", exactly. An edited cell (or a file without this column: older exports, registers kept by hand)
 * is read from its text, as before. The fingerprints only detect edits; they protect nothing: the
 * values still go through the same validation as any imported cell. Pure module (no exceljs).
 */
import type { ActivityContent } from "~/schemas/activity.ts";

export const ROW_DATA_VERSION = 1;

/** The content fields the spreadsheet's readable columns show (not the sources, rights… it has no column for). */
export type RowDataContent = Pick<
  ActivityContent,
  | "name"
  | "role"
  | "regime"
  | "processorFor"
  | "jointControllers"
  | "purposes"
  | "legalBases"
  | "art9Conditions"
  | "art10Basis"
  | "dataSubjects"
  | "recipients"
  | "transfers"
  | "securityMeasures"
> & {
  dataCategories: {
    category: ActivityContent["dataCategories"][number]["category"];
    description?: string;
    retention: ActivityContent["dataCategories"][number]["retention"];
  }[];
};

/** Readable columns whose edits the fingerprints detect, in groups read together (the categories span five columns). */
export const ROW_DATA_GROUPS = [
  ["name"],
  ["role"],
  ["regime"],
  ["processorFor"],
  ["jointControllers"],
  ["mainPurpose"],
  ["subPurposes"],
  ["legalBases"],
  ["art9Conditions"],
  ["dataSubjects"],
  ["dataCategories", "sensitive", "sensitiveCategories", "offences", "retention"],
  ["recipients"],
  ["transfers"],
  ["securityMeasures"],
] as const;
export type RowDataColumn = (typeof ROW_DATA_GROUPS)[number][number];
export const ROW_DATA_COLUMNS: readonly RowDataColumn[] = ROW_DATA_GROUPS.flat();

export type RowData = { v: number; h: Partial<Record<RowDataColumn, string>>; c: RowDataContent };

/** Cell text as compared: line ends and surrounding spaces do not count (a spreadsheet may change them). */
function canonical(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** 64-bit FNV-1a of the canonical text, in hex: enough to notice an edit, not a security measure. */
export function cellFingerprint(text: string): string {
  const s = canonical(text);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 0x2f) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** Longest data cell written: a longer one is left empty (Excel's limit is 32,767 characters per cell). */
export const ROW_DATA_MAX = 32_000;

/** The data cell of a row: "" when it would not fit in a spreadsheet cell (the row is then read from its text). */
export function encodeRowData(cells: Record<RowDataColumn, string | number>, c: RowDataContent): string {
  const h: Partial<Record<RowDataColumn, string>> = {};
  for (const col of ROW_DATA_COLUMNS) h[col] = cellFingerprint(String(cells[col]));
  const text = JSON.stringify({ v: ROW_DATA_VERSION, h, c } satisfies RowData);
  return text.length > ROW_DATA_MAX ? "" : text;
}

/** The row data, or null when the cell is empty, not ours or of another version. */
export function decodeRowData(text: string): RowData | null {
  const t = text.trim();
  if (!t.startsWith("{")) return null;
  try {
    const d = JSON.parse(t) as Partial<RowData>;
    if (d.v !== ROW_DATA_VERSION || typeof d.h !== "object" || d.h === null || typeof d.c !== "object" || d.c === null) return null;
    return d as RowData;
  } catch {
    return null;
  }
}

/** The content fields a row's data carries, from an activity's content (or an exported activity). */
export function rowDataContent(a: RowDataContent): RowDataContent {
  return {
    name: a.name,
    role: a.role,
    regime: a.regime,
    processorFor: a.processorFor,
    jointControllers: a.jointControllers,
    purposes: a.purposes,
    legalBases: a.legalBases,
    art9Conditions: a.art9Conditions,
    art10Basis: a.art10Basis,
    dataSubjects: a.dataSubjects,
    dataCategories: a.dataCategories.map((d) => ({ category: d.category, description: d.description, retention: d.retention })),
    recipients: a.recipients,
    transfers: a.transfers,
    securityMeasures: a.securityMeasures,
  };
}
