/**
 * One spreadsheet row -> an ImportPatch (what the row says, field by field), with a warning for each
 * label that could not be mapped back to a vocabulary code. The cell formats are those our exports
 * write (app/documents/tabular.ts: "Label : detail (more)", one value per line, " — " between parts,
 * "active / intermediate / fate (rule)") and the looser ones people type ("6-1-c", "c", "Usagers; Agents").
 */
import { enLegalExports } from "~/locales/en.legal-exports.ts";
import { frLegalExports } from "~/locales/fr.legal-exports.ts";
import { cellFingerprint, decodeRowData, ROW_DATA_GROUPS, type RowDataColumn, type RowDataContent } from "~/documents/tabular-data.ts";
import { isSensitiveCategory, type DataCategory, type TRANSFER_SAFEGUARDS } from "~/reference/vocabularies.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { blank } from "~/utils/validation.ts";
import type { ColumnInfo, ImportField } from "./headers.ts";
import type { ImportMessage } from "./limits.ts";
import type { ImportPatch } from "./merge.ts";
import { isNoneMarker, norm, NO, splitValues, stripLead, trailingParenthesis, YES } from "./normalize.ts";
import {
  art9Matcher,
  countryCode,
  dataCategoryMatcher,
  dataSubjectMatcher,
  domainMatcher,
  finalFateMatcher,
  legalBasisMatcher,
  matchLabel,
  recipientKindMatcher,
  recipientTypeMatcher,
  regimeMatcher,
  roleMatcher,
  safeguardMatcher,
  securityMatcher,
} from "./vocabulary.ts";

/** A cell as read from the file: its text, and whether it was a formula with no cached value. */
export type RawCell = string | { formula: string };
export type RawRow = { rowNumber: number; cells: RawCell[] };

export type RowPatch = {
  rowNumber: number;
  ref?: string;
  /** undefined: no department column; null: the column is empty for this row. */
  department?: string | null;
  patch: ImportPatch;
  warnings: ImportMessage[];
};

/** A formula sign after one or more apostrophes: the export put the first apostrophe there (tabular.ts, neutraliseCell). */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Text of a cell. An export neutralises formula-looking text with a leading apostrophe: it is removed.
 * A formula with no cached result is never evaluated: the cell is read as empty, with a warning.
 */
export function cellText(cell: RawCell | undefined, onFormula: () => void): string {
  if (cell === undefined) return "";
  if (typeof cell !== "string") {
    onFormula();
    return "";
  }
  // One apostrophe, the one the export added (it also adds one to text that starts with apostrophes and a formula sign).
  if (NEUTRALISED.test(cell)) return cell.slice(1);
  return cell;
}

/*
 * Quoted sub-fields (ADR 008). An export writes an item of a compound cell ("Label : text (purpose)",
 * "name — contact — detail"…) as people read it when that reading gives the values back; otherwise it
 * writes the item's free-text parts in double quotes, a quote inside doubled, as in CSV:
 *   Obligation légale : "Code (art. 5)" ("Non")
 * A part in quotes is taken as it is: no separator, parenthesis, "—", "Non" or line break inside it is
 * read. The patterns below are tried first; anything else is read as before (hand-kept registers).
 */
const Q = String.raw`"((?:[^"]|"")*)"`;
const unquote = (s: string) => s.replace(/""/g, '"');
/** An empty quoted part is an absent value. */
const quoted = (s: string | undefined) => (s === undefined || s === "" ? undefined : unquote(s));
/** "Label : "text"" (French colon or English one). */
const QUOTED_TEXT = new RegExp(String.raw`^(.+?) ?: ${Q}$`, "s");
/** "Label : "text" ("purpose")". */
const QUOTED_TEXT_PURPOSE = new RegExp(String.raw`^(.+?) ?: ${Q} \(${Q}\)$`, "s");
/** "Label ("description")" or "Label ("description", ≈ 120)". */
const QUOTED_DETAIL = new RegExp(String.raw`^(.+?) \(${Q}(?:, ≈ (\d+))?\)$`, "s");
/** "Label : "active" / "intermediate" / Fate ("rule")". */
const QUOTED_RETENTION = new RegExp(String.raw`^(.+?) ?: ${Q} / ${Q} / (.+?) \(${Q}\)$`, "s");
/** ""name" — "contact" — "detail"". */
const QUOTED_DASHED = new RegExp(String.raw`^${Q} — ${Q} — ${Q}$`, "s");
/** "CC — "recipient" — Safeguard[ — Label : value…] — "url"". */
const QUOTED_TRANSFER = new RegExp(String.raw`^([A-Z]{2}) — ${Q} — (.+?) — ${Q}$`, "s");
/** "Oui : "legal basis" ("description")" (the offences column). */
const QUOTED_OFFENCES = new RegExp(String.raw`^(\S+?) ?: ${Q} \(${Q}\)$`, "s");

/** A label that must match a vocabulary entry entirely (quoted forms: the label is all there is before the quotes). */
function exactLabel<C extends string>(matcher: Parameters<typeof matchLabel<C>>[0], label: string): C | null {
  const m = matchLabel(matcher, label);
  return m && m.rest === "" ? m.code : null;
}

type Ctx = { header: string; warn: (key: MessageKey, value?: string) => void; note: (value: string) => void };

/** "(detail)" -> "detail"; "detail" -> "detail". */
function unwrap(rest: string): string | undefined {
  const r = rest.trim();
  const p = trailingParenthesis(r);
  if (p && p[0] === "") return blank(p[1]);
  return blank(r);
}

/** Article references stay in the legal text: "Code électoral (art. L16)" has no purpose. */
const ARTICLE_LIKE = /^(art\.?|article|articles|§|l\.?\s?\d|r\.?\s?\d|d\.?\s?\d|\d)/i;

function legalBases(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["legalBases"]> = [];
  for (const item of items) {
    const q = QUOTED_TEXT_PURPOSE.exec(item);
    const qCode = q ? exactLabel(legalBasisMatcher, q[1]!) : null;
    if (q && qCode) {
      out.push({ basis: qCode, text: quoted(q[2]), purpose: quoted(q[3]) });
      continue;
    }
    const m = matchLabel(legalBasisMatcher, item);
    if (!m) {
      c.warn("import.warn.unknownLegalBasis", item);
      c.note(item);
      continue;
    }
    let text = m.rest;
    let purpose: string | undefined;
    const p = trailingParenthesis(text);
    if (p && !ARTICLE_LIKE.test(p[1])) {
      text = p[0];
      purpose = blank(p[1]);
    }
    out.push({ basis: m.code, text: blank(stripLead(text)), purpose });
  }
  return out;
}

function art9(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["art9Conditions"]> = [];
  for (const item of items) {
    const q = QUOTED_TEXT.exec(item);
    const qCode = q ? exactLabel(art9Matcher, q[1]!) : null;
    if (q && qCode) {
      out.push({ condition: qCode, text: quoted(q[2]) });
      continue;
    }
    const m = matchLabel(art9Matcher, item);
    if (!m) {
      c.warn("import.warn.unknownArt9", item);
      c.note(item);
      continue;
    }
    out.push({ condition: m.code, text: blank(m.rest) });
  }
  return out;
}

function subjects(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["dataSubjects"]> = [];
  for (const item of items) {
    const q = QUOTED_DETAIL.exec(item);
    const qCode = q ? exactLabel(dataSubjectMatcher, q[1]!) : null;
    if (q && qCode) {
      out.push({ category: qCode, description: quoted(q[2]), estimatedCount: q[3] !== undefined ? Number(q[3]) : undefined });
      continue;
    }
    const m = matchLabel(dataSubjectMatcher, item);
    if (!m) {
      c.warn("import.warn.unknownDataSubject", item);
      out.push({ category: "other", description: item });
      continue;
    }
    let detail = unwrap(m.rest);
    let estimatedCount: number | undefined;
    if (detail) {
      const parts = detail.split(/,\s*/);
      const last = parts[parts.length - 1]!;
      const n = /^(?:≈|~|env\.?|environ|about|approx\.?)\s*([\d\s  .]+)$/i.exec(last.trim());
      if (n) {
        estimatedCount = Number(n[1]!.replace(/[\s  .]/g, ""));
        detail = blank(parts.slice(0, -1).join(", "));
      }
    }
    out.push({ category: m.code, description: detail, estimatedCount: Number.isFinite(estimatedCount) ? estimatedCount : undefined });
  }
  return out;
}

function categories(items: string[], c: Ctx): { category: DataCategory; description?: string }[] {
  const out: { category: DataCategory; description?: string }[] = [];
  for (const item of items) {
    const q = QUOTED_DETAIL.exec(item);
    const qCode = q && q[3] === undefined ? exactLabel(dataCategoryMatcher, q[1]!) : null;
    if (q && qCode) {
      out.push({ category: qCode, description: quoted(q[2]) });
      continue;
    }
    const m = matchLabel(dataCategoryMatcher, item);
    if (!m) {
      c.warn("import.warn.unknownDataCategory", item);
      c.note(item);
      continue;
    }
    out.push({ category: m.code, description: unwrap(m.rest) });
  }
  return out;
}

function retentionOf(text: string, c: Ctx) {
  const r: { activePeriod?: string; intermediatePeriod?: string; finalFate?: "destruction" | "archives" | "sorting" | "undetermined"; rule?: string } = {};
  const none = (s: string | undefined) => (s === undefined || isNoneMarker(s) ? undefined : blank(s));
  if (!text.includes(" / ")) {
    const t = blank(text);
    if (t && t.length > 200) r.rule = t;
    else r.activePeriod = t;
    return r;
  }
  const [active, intermediate, ...fateParts] = text.split(" / ");
  r.activePeriod = none(active);
  r.intermediatePeriod = none(intermediate);
  let fate = fateParts.join(" / ").trim();
  const p = trailingParenthesis(fate);
  if (p) {
    fate = p[0];
    r.rule = blank(p[1]);
  }
  if (fate && !isNoneMarker(fate)) {
    const m = matchLabel(finalFateMatcher, fate);
    if (m && !m.rest) r.finalFate = m.code;
    else {
      c.warn("import.warn.unknownFinalFate", fate);
      r.rule = r.rule ? `${fate} (${r.rule})` : fate;
    }
  }
  return r;
}

function retentions(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["retentions"]> = [];
  for (const item of items) {
    const q = QUOTED_RETENTION.exec(item);
    const qCode = q ? exactLabel(dataCategoryMatcher, q[1]!) : null;
    const fate = q ? q[4]!.trim() : "";
    const qFate = q && !isNoneMarker(fate) ? exactLabel(finalFateMatcher, fate) : null;
    if (q && qCode && (qFate || isNoneMarker(fate))) {
      out.push({
        category: qCode,
        retention: { activePeriod: quoted(q[2]), intermediatePeriod: quoted(q[3]), finalFate: qFate ?? undefined, rule: quoted(q[5]) },
      });
      continue;
    }
    // "Label : active / intermediate / fate (rule)" as exported, or a period for the whole activity.
    const m = matchLabel(dataCategoryMatcher, item);
    if (m) {
      out.push({ category: m.code, retention: retentionOf(m.rest, c) });
    } else {
      out.push({ category: null, retention: retentionOf(item, c), column: c.header || undefined });
    }
  }
  return out;
}

function recipients(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["recipients"]> = [];
  for (const item of items) {
    const q = QUOTED_TEXT.exec(item);
    const qCode = q ? exactLabel(recipientTypeMatcher, q[1]!) : null;
    const qName = q ? quoted(q[2]) : undefined;
    if (qCode && qName) {
      out.push({ type: qCode, name: qName });
      continue;
    }
    const m = matchLabel(recipientTypeMatcher, item);
    if (!m) {
      c.warn("import.warn.unknownRecipientType", item);
      out.push({ type: "other", name: item });
      continue;
    }
    out.push({ type: m.code, name: blank(m.rest) ?? item });
  }
  return out;
}

const PARTS = /\s+[—–-]\s+|\s*\|\s*/;

type Transfer = NonNullable<ImportPatch["transfers"]>[number];
const TRANSFER_DETAILS = ["recipientKind", "art49Point", "tiaDone", "dpfCertified"] as const;
type TransferDetail = (typeof TRANSFER_DETAILS)[number];
/** The "Label : value" parts an export writes in a transfer line (app/documents/tabular.ts), by normalised label. */
const DETAIL_LABELS = new Map<string, TransferDetail>();
for (const d of TRANSFER_DETAILS) {
  DETAIL_LABELS.set(norm(frLegalExports[`tabular.transfer.${d}`]), d);
  DETAIL_LABELS.set(norm(enLegalExports[`tabular.transfer.${d}`]), d);
}

/**
 * One "Label : value" part of a transfer line: null when the label is not one of ours (the part is then
 * text, e.g. of the recipient's name); `ok: false` when the value cannot be read.
 */
function transferDetail(part: string): { ok: true; set: Partial<Transfer> } | { ok: false } | null {
  const m = /^(.+?)\s*:\s*(.+)$/.exec(part);
  const field = m ? DETAIL_LABELS.get(norm(m[1]!)) : undefined;
  if (!m || !field) return null;
  const value = m[2]!.trim();
  switch (field) {
    case "recipientKind": {
      const k = matchLabel(recipientKindMatcher, value);
      return k && k.rest === "" ? { ok: true, set: { recipientKind: k.code } } : { ok: false };
    }
    case "art49Point": {
      // "a", "a)" or the form's label "a) consentement explicite".
      const p = /^([a-g])(?:\)|$|\s)/i.exec(value);
      return p ? { ok: true, set: { art49Point: p[1]!.toLowerCase() as Transfer["art49Point"] } } : { ok: false };
    }
    case "tiaDone":
    case "dpfCertified": {
      const n = norm(value);
      if (YES.has(n)) return { ok: true, set: { [field]: true } };
      if (NO.has(n)) return { ok: true, set: { [field]: false } };
      return { ok: false };
    }
  }
}

function transfers(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["transfers"]> = [];
  for (const item of items) {
    const q = QUOTED_TRANSFER.exec(item);
    if (q) {
      const [safeguardPart, ...detailParts] = q[3]!.split(" — ");
      const sg = exactLabel(safeguardMatcher, safeguardPart!);
      const read = detailParts.map(transferDetail);
      const recipient = quoted(q[2]);
      if (sg && recipient && read.every((d) => d?.ok)) {
        const details = Object.assign({}, ...read.map((d) => (d as { set: Partial<Transfer> }).set)) as Partial<Transfer>;
        out.push({ country: q[1]!, recipient, safeguard: sg, documentationUrl: quoted(q[4]), ...details });
        continue;
      }
    }
    const parts = item
      .split(PARTS)
      .map((p) => p.trim())
      .filter(Boolean);
    let country: string | null = null;
    let safeguard: NonNullable<ImportPatch["transfers"]>[number]["safeguard"] | null = null;
    let url: string | undefined;
    let details: Partial<Transfer> = {};
    const rest: string[] = [];
    for (const part of parts) {
      if (!url && /^https?:\/\//i.test(part)) {
        url = part;
        continue;
      }
      const detail = transferDetail(part);
      if (detail) {
        if (detail.ok) details = { ...details, ...detail.set };
        else {
          c.warn("import.warn.badTransferDetail", part);
          c.note(part);
        }
        continue;
      }
      const code: string | null = country ? null : countryCode(part);
      if (code) {
        country = code;
        continue;
      }
      const s: ReturnType<typeof matchLabel<(typeof TRANSFER_SAFEGUARDS)[number]>> = safeguard ? null : matchLabel(safeguardMatcher, part);
      if (s && s.rest === "") {
        safeguard = s.code;
        continue;
      }
      rest.push(part);
    }
    const recipient = blank(rest.join(" — "));
    if (!country || !safeguard || !recipient) {
      c.warn(!country ? "import.warn.unknownCountry" : !safeguard ? "import.warn.unknownSafeguard" : "import.warn.transferIncomplete", item);
      c.note(item);
      continue;
    }
    out.push({ country, recipient, safeguard, documentationUrl: url, ...details });
  }
  return out;
}

function security(items: string[], c: Ctx) {
  const out: NonNullable<ImportPatch["securityMeasures"]> = [];
  for (const item of items) {
    const q = QUOTED_TEXT.exec(item);
    const qCode = q ? exactLabel(securityMatcher, q[1]!) : null;
    if (q && qCode) {
      out.push({ measure: qCode, details: quoted(q[2]) });
      continue;
    }
    const m = matchLabel(securityMatcher, item);
    if (!m) {
      c.warn("import.warn.unknownSecurityMeasure", item);
      out.push({ measure: "other", details: item });
      continue;
    }
    out.push({ measure: m.code, details: blank(m.rest) });
  }
  return out;
}

/** "name — contact — detail" lines (joint controllers, controllers of a processor). */
function dashed(items: string[]) {
  return items.map((item) => {
    const q = QUOTED_DASHED.exec(item);
    if (q && q[1] !== "") return [unquote(q[1]!), quoted(q[2]), quoted(q[3])] as const;
    const [a, b, ...rest] = item.split(/\s+[—–]\s+/);
    return [a!.trim(), blank(b ?? ""), blank(rest.join(" — "))] as const;
  });
}

/**
 * A filled offences cell: "Oui : legal basis" as exported (Art. 10), "Oui : "basis" ("description")" in
 * the quoted form, or a description typed by hand.
 */
export function readOffences(v: string): { yes: boolean; art10Basis?: string; description?: string } {
  const q = QUOTED_OFFENCES.exec(v);
  if (q && YES.has(norm(q[1]!))) return { yes: true, art10Basis: quoted(q[2]), description: quoted(q[3]) };
  if (isYes(v)) return { yes: true, art10Basis: blank(stripLead(v.replace(/^\s*\S+/, ""))) };
  return { yes: false, description: v };
}

/** The compound cells whose items an export checks against this reading (documents/tabular.ts). */
export type CompoundField =
  | "legalBases"
  | "art9Conditions"
  | "dataSubjects"
  | "dataCategories"
  | "retention"
  | "recipients"
  | "transfers"
  | "securityMeasures"
  | "jointControllers"
  | "processorFor";

/**
 * How an import reads one item of a compound cell, or null when reading it gives a warning or a note
 * (the item would be misread). The export writes an item in its readable form only when this gives
 * the item's values back, and in the quoted form otherwise.
 */
export function readItem(field: CompoundField, item: string): unknown {
  let misread = false;
  const c: Ctx = { header: "", warn: () => void (misread = true), note: () => void (misread = true) };
  const one = <T>(list: readonly T[]) => (misread || list.length !== 1 ? null : list[0]);
  switch (field) {
    case "legalBases":
      return one(legalBases([item], c));
    case "art9Conditions":
      return one(art9([item], c));
    case "dataSubjects":
      return one(subjects([item], c));
    case "dataCategories":
      return one(categories([item], c));
    case "retention":
      return one(retentions([item], c));
    case "recipients":
      return one(recipients([item], c));
    case "transfers":
      return one(transfers([item], c));
    case "securityMeasures":
      return one(security([item], c));
    case "jointControllers":
      return one(dashed([item]).map(([name, contact, arrangement]) => ({ name, contact, arrangement })));
    case "processorFor":
      return one(dashed([item]).map(([controller, contact, categories]) => ({ controller, contact, categories })));
  }
}

/** YYYY-MM-DD from "2026-03-01", "01/03/2026", "1.3.2026" or an ISO timestamp (XLSX dates). */
export function parseDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return null;
}

function isYes(s: string): boolean {
  return YES.has(norm(s).split(" ")[0] ?? "");
}

/**
 * Reads one row with the columns' fields. Every field of a column that exists is set in the patch,
 * even when its cell is empty (an empty cell in an existing column means "none").
 */
export function rowToPatch(row: RawRow, columns: ColumnInfo[], skip?: ReadonlySet<number>): RowPatch {
  const warnings: ImportMessage[] = [];
  const seen = new Set<string>();
  const patch: ImportPatch = { notes: [] };
  const out: RowPatch = { rowNumber: row.rowNumber, patch, warnings };
  const cats: { category: DataCategory; description?: string }[] = [];
  let catsCovered = false;
  const addCats = (list: { category: DataCategory; description?: string }[]) => {
    for (const d of list) if (!cats.some((x) => x.category === d.category)) cats.push(d);
  };
  const concat = <T>(a: T[] | undefined, b: T[]) => [...(a ?? []), ...b];

  for (const col of columns) {
    // `skip`: columns whose fields and messages applyRowData replaces anyway (see readRow).
    if (!col.field || col.informational || skip?.has(col.index)) continue;
    const field: ImportField = col.field;
    const c: Ctx = {
      header: col.header,
      warn: (key, value) => {
        const id = `${key}|${col.index}|${value ?? ""}`;
        if (seen.has(id)) return;
        seen.add(id);
        warnings.push({ key, params: { column: col.header || `#${col.index + 1}`, value: (value ?? "").slice(0, 120) } });
      },
      note: (value) => patch.notes.push(`${col.header || `#${col.index + 1}`} : ${value}`),
    };
    const text = cellText(row.cells[col.index], () => c.warn("import.warn.formula"));
    const items = () => splitValues(text);
    switch (field) {
      case "ref":
        out.ref = blank(text);
        break;
      case "department":
        out.department = blank(text) ?? null;
        break;
      case "name":
        patch.name = blank(text.replace(/\s*\n\s*/g, " ")) ?? patch.name;
        break;
      case "description":
      case "internalContact":
      case "art10Basis":
      case "ledLegalBasis":
      case "ledProfiling":
      case "rightsExercise":
      case "rightsInformation": {
        const v = blank(text);
        patch[field] = patch[field] && v ? `${patch[field]}\n${v}` : (v ?? patch[field]);
        break;
      }
      case "mainPurpose": {
        const v = blank(text);
        patch.purposesMain = patch.purposesMain && v ? `${patch.purposesMain}\n${v}` : (v ?? patch.purposesMain);
        break;
      }
      case "subPurposes":
        patch.purposesSub = concat(patch.purposesSub, items());
        break;
      case "implementationDate":
      case "nextReviewAt":
      case "lastReviewAt": {
        const v = blank(text);
        const d = v ? parseDate(v) : null;
        if (v && !d) {
          c.warn("import.warn.badDate", v);
          c.note(v);
        }
        patch[field] = d ?? undefined;
        break;
      }
      case "role": {
        const v = blank(text);
        const m = v ? matchLabel(roleMatcher, v) : null;
        if (v && !m) c.warn("import.warn.unknownRole", v);
        patch.role = m?.code;
        break;
      }
      case "domain": {
        const v = blank(text);
        const m = v ? matchLabel(domainMatcher, v) : null;
        if (v && (!m || m.rest !== "")) {
          c.warn("import.warn.unknownDomain", v);
          c.note(v);
        }
        patch.domain = m && m.rest === "" ? m.code : undefined;
        break;
      }
      case "regime": {
        const v = blank(text);
        const m = v ? matchLabel(regimeMatcher, v) : null;
        if (v && !m) c.warn("import.warn.unknownRegime", v);
        patch.regime = m?.code;
        break;
      }
      case "jointControllers":
        patch.jointControllers = concat(
          patch.jointControllers,
          dashed(items()).map(([name, contact, arrangement]) => ({ name, contact, arrangement })),
        );
        break;
      case "processorFor":
        patch.processorFor = concat(
          patch.processorFor,
          dashed(items()).map(([controller, contact, categories]) => ({ controller, contact, categories })),
        );
        break;
      case "legalBases":
        patch.legalBases = concat(patch.legalBases, legalBases(items(), c));
        break;
      case "art9Conditions":
        patch.art9Conditions = concat(patch.art9Conditions, art9(items(), c));
        break;
      case "dataSubjects":
        patch.dataSubjects = concat(patch.dataSubjects, subjects(items(), c));
        break;
      case "dataCategories":
      case "sensitiveCategories":
        catsCovered = true;
        addCats(categories(items(), c));
        break;
      case "sensitive": {
        // The export writes Oui/Non here (derived); a hand-kept register may list the categories.
        catsCovered = true;
        const v = blank(text);
        if (v && !YES.has(norm(v)) && !NO.has(norm(v))) {
          const list = categories(items(), c);
          for (const d of list) if (!isSensitiveCategory(d.category) && d.category !== "offences") c.warn("import.warn.notSensitive", d.category);
          addCats(list);
        }
        break;
      }
      case "offences": {
        catsCovered = true;
        const v = blank(text);
        if (!v || NO.has(norm(v)) || isNoneMarker(v)) {
          if (!("art10Basis" in patch)) patch.art10Basis = undefined;
          break;
        }
        const o = readOffences(v);
        if (o.art10Basis !== undefined || o.yes) patch.art10Basis = o.art10Basis;
        else if (!("art10Basis" in patch)) patch.art10Basis = undefined;
        addCats([o.description !== undefined ? { category: "offences", description: o.description } : { category: "offences" }]);
        break;
      }
      case "retention":
        patch.retentions = concat(patch.retentions, retentions(items(), c));
        break;
      case "recipients":
        patch.recipients = concat(patch.recipients, recipients(items(), c));
        break;
      case "transfers":
        patch.transfers = concat(patch.transfers, transfers(items(), c));
        break;
      case "securityMeasures":
        patch.securityMeasures = concat(patch.securityMeasures, security(items(), c));
        break;
      default:
        break;
    }
  }
  if (catsCovered) patch.dataCategories = cats;
  return out;
}

/** The patch fields of a group of readable columns, taken from a row's exact data. */
function groupFields(group: readonly RowDataColumn[], c: RowDataContent): Partial<ImportPatch> {
  switch (group[0]) {
    case "name":
      return { name: c.name };
    case "role":
      return { role: c.role };
    case "regime":
      return { regime: c.regime };
    case "processorFor":
      return { processorFor: [...c.processorFor] };
    case "jointControllers":
      return { jointControllers: [...c.jointControllers] };
    case "mainPurpose":
      return { purposesMain: c.purposes.main };
    case "subPurposes":
      return { purposesSub: [...c.purposes.sub] };
    case "legalBases":
      return { legalBases: [...c.legalBases] };
    case "art9Conditions":
      return { art9Conditions: [...c.art9Conditions] };
    case "dataSubjects":
      return { dataSubjects: [...c.dataSubjects] };
    case "dataCategories":
      return {
        dataCategories: c.dataCategories.map((d) => ({ category: d.category, description: d.description })),
        retentions: c.dataCategories.map((d) => ({ category: d.category, retention: { ...d.retention } })),
        art10Basis: c.art10Basis,
      };
    case "recipients":
      return { recipients: [...c.recipients] };
    case "transfers":
      return { transfers: [...c.transfers] };
    case "securityMeasures":
      return { securityMeasures: [...c.securityMeasures] };
    default:
      return {};
  }
}

/** A group of readable columns that was not edited since the export, and the exact patch fields it stands for. */
export type UneditedGroup = { columns: ColumnInfo[]; fields: Partial<ImportPatch> };

/**
 * Our own exports carry, per row, the exact values behind the readable cells (documents/tabular-data.ts).
 * The groups of columns whose cells were not edited since the export (same fingerprints), with the values
 * the patch takes for them. Malformed data is ignored (the text is read): an empty list.
 */
export function uneditedGroups(row: RawRow, columns: ColumnInfo[]): UneditedGroup[] {
  const dataColumns = columns.filter((c) => c.field === "registreData");
  if (dataColumns.length !== 1) return [];
  const data = decodeRowData(cellText(row.cells[dataColumns[0]!.index], () => undefined));
  if (!data) return [];
  const out: UneditedGroup[] = [];
  for (const group of ROW_DATA_GROUPS) {
    const cols = columns.filter((c) => c.field !== null && (group as readonly string[]).includes(c.field));
    if (cols.length !== group.length || new Set(cols.map((c) => c.field)).size !== group.length) continue;
    const unedited = cols.every((c) => data.h[c.field as RowDataColumn] === cellFingerprint(cellText(row.cells[c.index], () => undefined)));
    if (!unedited) continue;
    try {
      out.push({ columns: cols, fields: groupFields(group, data.c) });
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * For each unedited group (uneditedGroups), the patch takes the exact values, and the notes and warnings
 * that reading their text gave are dropped: the re-import is then exact. Edited cells keep what their
 * text says.
 */
export function applyRowData(rp: RowPatch, row: RawRow, columns: ColumnInfo[], groups: UneditedGroup[] = uneditedGroups(row, columns)): void {
  for (const { columns: cols, fields } of groups) {
    Object.assign(rp.patch, fields);
    const labels = new Set(cols.map((c) => c.header || `#${c.index + 1}`));
    rp.patch.notes = rp.patch.notes.filter((n) => ![...labels].some((l) => n.startsWith(`${l} : `)));
    rp.warnings = rp.warnings.filter((w) => !labels.has(String(w.params?.column ?? "")));
  }
}

/**
 * rowToPatch then applyRowData, without reading the text of the columns whose values the row's data
 * replaces (issue 18, ADR 025: for our own 5,000-row export, reading those cells was a third of the
 * import's parsing). The result is the same: everything reading those cells gives — their patch fields,
 * notes and warnings — is replaced or dropped by applyRowData. tests/unit/import-row-data-skip.test.ts
 * compares both on edited and unedited rows.
 */
export function readRow(row: RawRow, columns: ColumnInfo[]): RowPatch {
  const groups = uneditedGroups(row, columns);
  const skip = new Set<number>();
  for (const g of groups) for (const c of g.columns) skip.add(c.index);
  const rp = rowToPatch(row, columns, skip);
  applyRowData(rp, row, columns, groups);
  return rp;
}
