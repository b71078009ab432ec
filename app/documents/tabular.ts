/**
 * Spreadsheet exports of the register (CSV and XLSX): pure functions from a RegisterExport to bytes.
 * One row per activity; the columns follow the CNIL register model (2019 simplified spreadsheet),
 * with the Art. 30 items this product adds (regime, role, Art. 9 conditions, exposure level…).
 *
 * FORMULA NEUTRALISATION (OWASP "CSV injection"): a spreadsheet evaluates a cell whose text starts
 * with = + - @ (and, in some programs, TAB or CR) as a formula, e.g. =HYPERLINK("http://evil", "x").
 * Register content is typed by department staff and may be imported from elsewhere, so:
 * - in CSV, every such field is prefixed with an apostrophe, which spreadsheets treat as "this is text";
 * - in XLSX, every text is written as a string cell (never an exceljs formula object), which Excel and
 *   LibreOffice never evaluate. The apostrophe is ALSO added there when the text could act as a formula
 *   once the workbook is saved as CSV (a common step before an import elsewhere), so that it travels
 *   with the text. Text made only of digits, spaces and ( ) . / - after its leading + or - ("+33 1 23
 *   45 67 89", "-15") can call no function nor reach another program: it is written as it is, with no
 *   visible apostrophe (a phone number stays readable).
 * Dates are real date cells in XLSX (a date number format), ISO text (YYYY-MM-DD) in CSV.
 * Numbers (completeness, version) are written as numbers and need no neutralisation.
 */
import ExcelJS from "exceljs";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import { type Locale, type MessageKey } from "~/utils/i18n.ts";
import { isMessageKey, serverTranslator, translate } from "~/utils/messages.server.ts";
import { translateReason } from "~/utils/sovereignty-text.ts";
import { undeclaredComputedTransfers } from "./computed-transfers.ts";
import { encodeRowData, rowDataContent } from "./tabular-data.ts";
import { encodeListCell } from "./list-cell.ts";
import { readItem, readOffences, type CompoundField } from "~/import/rows.ts";

export const TABULAR_COLUMNS = [
  "ref",
  "name",
  "department",
  "role",
  "regime",
  "domain",
  "createdAt",
  "updatedAt",
  "lastUpdate",
  "controller",
  "processorFor",
  "dpo",
  "jointControllers",
  "mainPurpose",
  "subPurposes",
  "legalBases",
  "ledLegalBasis",
  "ledProfiling",
  "art9Conditions",
  "dataSubjects",
  "dataCategories",
  "sensitive",
  "sensitiveCategories",
  "offences",
  "retention",
  "recipients",
  "transfers",
  "computedTransfers",
  "securityMeasures",
  "services",
  "exposure",
  "toVerify",
  "secNumCloud",
  "completeness",
  "status",
  "version",
  "registreData",
] as const;
export type TabularColumn = (typeof TABULAR_COLUMNS)[number];
export type TabularCell = string | number;
export type TabularRow = Record<TabularColumn, TabularCell>;

/** Column widths in the XLSX sheet (characters). */
const WIDTHS: Record<TabularColumn, number> = {
  ref: 10,
  name: 32,
  department: 20,
  role: 20,
  regime: 14,
  domain: 24,
  createdAt: 14,
  updatedAt: 14,
  lastUpdate: 14,
  controller: 24,
  processorFor: 28,
  dpo: 28,
  jointControllers: 28,
  mainPurpose: 40,
  subPurposes: 36,
  legalBases: 40,
  ledLegalBasis: 32,
  ledProfiling: 28,
  art9Conditions: 32,
  dataSubjects: 30,
  dataCategories: 36,
  sensitive: 12,
  sensitiveCategories: 30,
  offences: 20,
  retention: 48,
  recipients: 32,
  transfers: 36,
  computedTransfers: 44,
  securityMeasures: 40,
  services: 36,
  exposure: 24,
  toVerify: 48,
  secNumCloud: 48,
  completeness: 12,
  status: 16,
  version: 10,
  registreData: 12,
};

const NONE = "—";

export function columnHeader(locale: Locale, column: TabularColumn): string {
  return translate(locale, `tabular.column.${column}`);
}

export function registerHeaders(locale: Locale): string[] {
  return TABULAR_COLUMNS.map((c) => columnHeader(locale, c));
}

/** French typography puts a space before the colon. */
function labelled(locale: Locale, label: string, value: string | undefined | null): string {
  if (!value) return label;
  return locale === "fr" ? `${label} : ${value}` : `${label}: ${value}`;
}

function joinDash(parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(" — ");
}

/* Compound cells (ADR 008): each item is written as people read it when the import reads it back
   exactly (app/import/rows.ts, readItem); otherwise in the quoted form, where every free-text part is in
   double quotes (a quote inside doubled) and cannot be taken for a separator, a parenthesis, "—" or "Non". */

/** A free-text part in the quoted form ("" for an absent value). */
export function q(text: string | null | undefined): string {
  return `"${(text ?? "").replace(/"/g, '""')}"`;
}

/** Sorted keys, no undefined: two readings compare equal when they say the same. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** The readable form when the import reads it back as `expected`, else the quoted form. */
function item(field: CompoundField, expected: unknown, readable: string, quotedForm: () => string): string {
  return canonical(readItem(field, readable.trim())) === canonical(expected) ? readable : quotedForm();
}

/** "Label : text" or "Label: text" (quoted form). */
function labelledQuoted(locale: Locale, label: string, text: string | undefined | null): string {
  return `${label}${locale === "fr" ? " : " : ": "}${q(text)}`;
}

/** Date part of an ISO timestamp, in Paris time (the register's legal time zone). */
function parisDay(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

function retentionLine(locale: Locale, d: ExportActivity["dataCategories"][number]): string {
  const r = d.retention;
  const fate = r.finalFate ? translate(locale, `vocab.finalFate.${r.finalFate}`) : NONE;
  const label = translate(locale, `vocab.dataCategory.${d.category}`);
  const line = labelled(locale, label, `${r.activePeriod ?? NONE} / ${r.intermediatePeriod ?? NONE} / ${fate}`);
  const readable = r.rule ? `${line} (${r.rule})` : line;
  const expected = {
    category: d.category,
    retention: { activePeriod: r.activePeriod, intermediatePeriod: r.intermediatePeriod, finalFate: r.finalFate, rule: r.rule },
  };
  return item("retention", expected, readable, () => `${labelledQuoted(locale, label, r.activePeriod)} / ${q(r.intermediatePeriod)} / ${fate} (${q(r.rule)})`);
}

/**
 * "US — Cloudy Inc. — Clauses contractuelles types — Nature du destinataire : Entreprise — AIT réalisée : Oui — https://…":
 * the facts the analysis needs (Art. 30(1)(e), Art. 49, TIA, DPF) are written only when recorded, as
 * "Label : value" parts that the import reads back (app/import/rows.ts).
 */
function transferLine(locale: Locale, tr: ExportActivity["transfers"][number]): string {
  const t = (key: MessageKey) => translate(locale, key);
  const yesNo = (b: boolean) => t(b ? "tabular.yes" : "tabular.no");
  const details = [
    tr.recipientKind ? labelled(locale, t("tabular.transfer.recipientKind"), t(`legal.transfer.recipientKind.${tr.recipientKind}`)) : null,
    tr.art49Point ? labelled(locale, t("tabular.transfer.art49Point"), tr.art49Point) : null,
    tr.tiaDone !== undefined ? labelled(locale, t("tabular.transfer.tiaDone"), yesNo(tr.tiaDone)) : null,
    tr.dpfCertified !== undefined ? labelled(locale, t("tabular.transfer.dpfCertified"), yesNo(tr.dpfCertified)) : null,
  ];
  const readable = joinDash([tr.country, tr.recipient, t(`vocab.safeguard.${tr.safeguard}`), ...details, tr.documentationUrl]);
  return item("transfers", tr, readable, () =>
    joinDash([tr.country, q(tr.recipient), t(`vocab.safeguard.${tr.safeguard}`), ...details, q(tr.documentationUrl)]),
  );
}

/** The SecNumCloud 3.2 § 19.6 check of each qualified service, in the words of the explanation. */
function secNumCloudLines(locale: Locale, a: ExportActivity): string {
  return encodeListCell(
    (a.analysis.secNumCloud ?? []).map((s) =>
      translateReason(
        {
          key: `sovereignty.reason.secNumCloud.${s.status}`,
          params: { vendor: s.vendor, service: s.service, facts: (s.status === "contradiction" ? s.contradictions : s.missing).join(", ") },
        },
        serverTranslator(locale),
      ),
    ),
  );
}

/** A location safeguard code (SCC_C2P…) or a declared one (scc…) as its label; the code itself when unknown. */
function safeguardLabel(locale: Locale, code: string | null): string {
  if (!code) return NONE;
  const key = [`vocab.safeguard.${code}`, `pdf.locationSafeguard.${code}`].find(isMessageKey);
  return key ? translate(locale, key) : code;
}

/**
 * Transfers computed from the vendors and not declared by the record: "country — chain — status —
 * safeguard", one per line. Informational (the import ignores this column: vendors are not in a row).
 */
function computedTransfersCell(locale: Locale, a: ExportActivity): string {
  return encodeListCell(
    undeclaredComputedTransfers(a).map((tr) =>
      joinDash([
        tr.country,
        tr.chain.length > 0 ? tr.chain.join(" → ") : tr.recipient,
        translate(locale, `sovereignty.transfer.${tr.status}`),
        safeguardLabel(locale, tr.safeguard),
      ]),
    ),
  );
}

/** "Oui : legal basis" (Art. 10), or "Oui : "basis" ("description")" when that would be misread. */
function offencesCell(locale: Locale, art10Basis: string | undefined, description: string | undefined): string {
  const yes = translate(locale, "tabular.yes");
  const readable = labelled(locale, yes, art10Basis);
  const r = readOffences(readable);
  return description === undefined && r.description === undefined && r.art10Basis === art10Basis
    ? readable
    : `${labelledQuoted(locale, yes, art10Basis)} (${q(description)})`;
}

function activityRow(data: RegisterExport, a: ExportActivity, locale: Locale): TabularRow {
  const t = (key: MessageKey) => translate(locale, key);
  const org = data.organization;
  const categoryLabel = (d: ExportActivity["dataCategories"][number]) => {
    const label = t(`vocab.dataCategory.${d.category}`);
    const readable = d.description ? `${label} (${d.description})` : label;
    return item("dataCategories", { category: d.category, description: d.description }, readable, () => `${label} (${q(d.description)})`);
  };
  /** "Label : text", or its quoted form. */
  const labelledItem = (field: CompoundField, expected: unknown, label: string, text: string | undefined) =>
    item(field, expected, labelled(locale, label, text), () => labelledQuoted(locale, label, text));
  const ordinary = a.dataCategories.filter((d) => !d.sensitive && d.category !== "offences");
  const sensitive = a.dataCategories.filter((d) => d.sensitive);
  const offences = a.dataCategories.find((d) => d.category === "offences");
  const row: Omit<TabularRow, "registreData"> = {
    ref: a.ref,
    name: a.name,
    department: a.department ?? "",
    role: t(`vocab.role.${a.role}`),
    regime: t(`vocab.regime.${a.regime}`),
    domain: a.domain ? t(`vocab.domain.${a.domain}`) : "",
    createdAt: a.createdAt ? parisDay(a.createdAt) : "",
    updatedAt: a.updatedAt ? parisDay(a.updatedAt) : "",
    lastUpdate: a.approvedAt ? parisDay(a.approvedAt) : "",
    controller: org.name,
    processorFor: encodeListCell(
      a.processorFor.map((p) =>
        item("processorFor", p, joinDash([p.controller, p.contact, p.categories]), () => [p.controller, p.contact, p.categories].map(q).join(" — ")),
      ),
    ),
    dpo: joinDash([org.dpo.name, org.dpo.email, org.dpo.phone]),
    jointControllers: encodeListCell(
      a.jointControllers.map((j) =>
        item("jointControllers", j, joinDash([j.name, j.contact, j.arrangement]), () => [j.name, j.contact, j.arrangement].map(q).join(" — ")),
      ),
    ),
    mainPurpose: a.purposes.main ?? "",
    subPurposes: encodeListCell(a.purposes.sub),
    legalBases: encodeListCell(
      a.legalBases.map((b) => {
        const label = t(`vocab.legalBasis.${b.basis}`);
        const line = labelled(locale, label, b.text);
        return item("legalBases", b, b.purpose ? `${line} (${b.purpose})` : line, () => `${labelledQuoted(locale, label, b.text)} (${q(b.purpose)})`);
      }),
    ),
    ledLegalBasis: a.ledLegalBasis ?? "",
    ledProfiling: a.ledProfiling ?? "",
    art9Conditions: encodeListCell(a.art9Conditions.map((c) => labelledItem("art9Conditions", c, t(`vocab.art9.${c.condition}`), c.text))),
    dataSubjects: encodeListCell(
      a.dataSubjects.map((s) => {
        const label = t(`vocab.dataSubject.${s.category}`);
        const count = s.estimatedCount !== undefined ? `≈ ${s.estimatedCount}` : undefined;
        const detail = [s.description, count].filter(Boolean).join(", ");
        return item("dataSubjects", s, detail ? `${label} (${detail})` : label, () => `${label} (${[q(s.description), count].filter(Boolean).join(", ")})`);
      }),
    ),
    dataCategories: encodeListCell(ordinary.map(categoryLabel)),
    sensitive: sensitive.length > 0 ? t("tabular.yes") : t("tabular.no"),
    sensitiveCategories: encodeListCell(sensitive.map(categoryLabel)),
    offences: offences ? offencesCell(locale, a.art10Basis, offences.description) : t("tabular.no"),
    retention: encodeListCell(a.dataCategories.map((d) => retentionLine(locale, d))),
    recipients: encodeListCell(a.recipients.map((r) => labelledItem("recipients", r, t(`vocab.recipientType.${r.type}`), r.name))),
    transfers: encodeListCell(a.transfers.map((tr) => transferLine(locale, tr))),
    computedTransfers: computedTransfersCell(locale, a),
    securityMeasures: encodeListCell(a.securityMeasures.map((m) => labelledItem("securityMeasures", m, t(`vocab.security.${m.measure}`), m.details))),
    services: encodeListCell(
      a.services.map((s) => {
        const what = s.ownHosting ? `${s.service} (${t("tabular.ownHosting")})` : joinDash([s.vendor, s.service]);
        return `${what} [${t(`tabular.linkRole.${s.role}`)}]`;
      }),
    ),
    exposure: t(`sovereignty.level.${a.analysis.level}`),
    toVerify: encodeListCell((a.analysis.toVerify ?? []).map((v) => v[locale])),
    secNumCloud: secNumCloudLines(locale, a),
    completeness: a.completeness.score,
    status: t(`vocab.status.${a.status}`),
    version: a.version ?? "",
  };
  // The exact values behind the readable cells, for a lossless re-import (see tabular-data.ts).
  return { ...row, registreData: encodeRowData(row, rowDataContent(a)) };
}

/** One row per activity, raw values (not yet neutralised: the writers do that). */
export function registerRows(data: RegisterExport, locale: Locale): TabularRow[] {
  return data.activities.map((a) => activityRow(data, a, locale));
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that already starts with the apostrophe an import removes ("'=x"): it gets one more, so that it comes back whole. */
const APOSTROPHE_THEN_FORMULA = /^'+[=+\-@\t\r]/;

/** OWASP CSV-injection neutralisation: see the comment at the top of this file. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || APOSTROPHE_THEN_FORMULA.test(value) ? `'${value}` : value;
}

/* CSV */

export type CsvSeparator = "," | ";";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function csvField(value: TabularCell, separator: CsvSeparator): string {
  const text = typeof value === "number" ? String(value) : neutraliseCell(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: TabularCell[], separator: CsvSeparator): string {
  return cells.map((c) => csvField(c, separator)).join(separator);
}

/**
 * RFC 4180 CSV, UTF-8 with a BOM (so that Excel detects the encoding), CRLF line ends. Use ";" for
 * a French Excel, which expects it because "," is the decimal separator.
 */
export function toCsv(data: RegisterExport, opts: { locale: Locale; separator: CsvSeparator }): Buffer {
  return csvBuffer([registerHeaders(opts.locale), ...registerRows(data, opts.locale).map((r) => TABULAR_COLUMNS.map((c) => r[c]))], opts.separator);
}

/** Any table as CSV with the same rules (BOM, quoting, CRLF, formula neutralisation). */
export function csvBuffer(rows: TabularCell[][], separator: CsvSeparator): Buffer {
  return Buffer.concat([BOM, Buffer.from(rows.map((r) => `${csvLine(r, separator)}\r\n`).join(""), "utf8")]);
}

/* XLSX */

const EXCEL_CELL_MAX = 32_767;
// Characters that XML 1.0 forbids (a workbook containing them is "corrupt" for Excel).
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A sign followed only by digits, spaces and ( ) . / -: a phone number or a signed number, never a formula that does harm. */
const INERT_SIGNED = /^[+-][\d ()./-]*$/;

/** XLSX neutralisation (see the top of this file): as in CSV, except for inert signed text such as phone numbers. */
export function neutraliseXlsxText(value: string): string {
  return INERT_SIGNED.test(value) ? value : neutraliseCell(value);
}

/**
 * Neutralised first (a leading CR counts), then line ends normalised to LF: XML parsers turn a raw CR
 * into LF anyway, and LF is the line break inside an Excel cell.
 */
function xlsxText(value: string): string {
  const clean = neutraliseXlsxText(value.replace(XML_INVALID, "")).replace(/\r\n?/g, "\n");
  return clean.length > EXCEL_CELL_MAX ? `${clean.slice(0, EXCEL_CELL_MAX - 1)}…` : clean;
}

/** Always a string or a number: never a formula object. Empty strings leave the cell empty. */
function xlsxValue(value: TabularCell | null | undefined): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "number" ? value : xlsxText(value);
}

/** Columns holding a day (YYYY-MM-DD in the rows): real date cells in XLSX. */
const DATE_COLUMNS: ReadonlySet<TabularColumn> = new Set<TabularColumn>(["createdAt", "updatedAt", "lastUpdate"]);
const DATE_FORMAT: Record<Locale, string> = { fr: "dd/mm/yyyy", en: "yyyy-mm-dd" };
const DATE_TIME_FORMAT: Record<Locale, string> = { fr: 'dd/mm/yyyy hh:mm:ss "UTC"', en: 'yyyy-mm-dd hh:mm:ss "UTC"' };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day as an Excel date: midnight UTC, which exceljs stores as a whole serial number (no time, no
 * time zone shift when opened anywhere). Anything else is written as text.
 */
function setDayCell(cell: ExcelJS.Cell, value: TabularCell | null | undefined, locale: Locale) {
  const m = typeof value === "string" ? ISO_DAY.exec(value) : null;
  if (!m) {
    cell.value = xlsxValue(value);
    return;
  }
  cell.value = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  cell.numFmt = DATE_FORMAT[locale];
}

export async function toXlsx(data: RegisterExport, opts: { locale: Locale }): Promise<Buffer> {
  const { locale } = opts;
  const generatedAt = new Date(data.generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Registre";
  wb.lastModifiedBy = "Registre";
  wb.created = generatedAt;
  wb.modified = generatedAt;
  wb.title = `${translate(locale, "tabular.sheet.register")} — ${data.organization.name}`;

  const sheet = wb.addWorksheet(translate(locale, "tabular.sheet.register"), { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  sheet.columns = TABULAR_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  const header = sheet.getRow(1);
  TABULAR_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = xlsxValue(columnHeader(locale, c));
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  registerRows(data, locale).forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    TABULAR_COLUMNS.forEach((c, j) => {
      if (DATE_COLUMNS.has(c)) setDayCell(row.getCell(j + 1), r[c], locale);
      else row.getCell(j + 1).value = xlsxValue(r[c]);
    });
    row.alignment = { wrapText: true, vertical: "top" };
  });
  // The re-import data is for Registre, not for reading: hidden (it stays in the file).
  sheet.getColumn(TABULAR_COLUMNS.indexOf("registreData") + 1).hidden = true;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TABULAR_COLUMNS.length } };

  const org = data.organization;
  const orgSheet = wb.addWorksheet(translate(locale, "tabular.sheet.organization"));
  orgSheet.columns = [{ width: 40 }, { width: 60 }];
  const orgRows: [MessageKey, string | number | null][] = [
    ["tabular.org.name", org.name],
    ["tabular.org.siren", org.siren],
    ["tabular.org.address", org.address],
    ["tabular.org.legalRepresentative", org.legalRepresentative],
    ["tabular.org.dpoName", org.dpo.name],
    ["tabular.org.dpoEmail", org.dpo.email],
    ["tabular.org.dpoPhone", org.dpo.phone],
    ["tabular.org.dpoCnilNumber", org.dpo.cnilDesignationNumber],
    ["tabular.org.asOf", data.asOf ?? translate(locale, "tabular.org.current")],
    ["tabular.org.generatedAt", data.generatedAt],
    ["tabular.org.auditAnchor", data.auditAnchor ? `#${data.auditAnchor.seq} ${data.auditAnchor.hash}` : null],
    ["tabular.org.activityCount", data.activities.length],
  ];
  const orgHeader = orgSheet.addRow([translate(locale, "tabular.org.field"), translate(locale, "tabular.org.value")]);
  orgHeader.font = { bold: true };
  for (const [key, value] of orgRows) {
    const row = orgSheet.addRow([]);
    row.getCell(1).value = xlsxValue(translate(locale, key));
    if (key === "tabular.org.generatedAt") {
      // The export's instant, in UTC (Excel dates carry no time zone: the format says it).
      row.getCell(2).value = generatedAt;
      row.getCell(2).numFmt = DATE_TIME_FORMAT[locale];
    } else if (key === "tabular.org.asOf") setDayCell(row.getCell(2), value, locale);
    else row.getCell(2).value = xlsxValue(value);
    row.alignment = { wrapText: true, vertical: "top" };
  }

  const out = await wb.xlsx.writeBuffer();
  return stampZipEntries(Buffer.from(out as ArrayBuffer), generatedAt);
}

/**
 * exceljs (through JSZip) dates every zip entry with the current time, so two exports of the same
 * data would differ in a few bytes. The entries are re-dated with the export's generatedAt (UTC, DOS
 * format, 2-second precision) in the central directory and in each local header, so that the same
 * register gives the same bytes and the same SHA-256. A buffer that does not look like a plain zip is
 * returned unchanged.
 */
export function stampZipEntries(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > out.length) return zip;
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  const dosDate = ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== 0x02014b50) return zip;
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== 0x04034b50) return zip;
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
