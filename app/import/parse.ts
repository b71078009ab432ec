/**
 * Entry point of the import parser (pure: no database). The content decides the format, never the
 * file name: "PK\x03\x04" -> XLSX; a JSON document matching the register export schema -> register JSON;
 * anything else that is text -> CSV. Then the header row is found and recognised, each data row becomes
 * an ActivityContent validated by ActivityContentSchema, with its errors and warnings.
 */
import crypto from "node:crypto";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { RegisterExportSchema, type ExportActivity, type RegisterExport } from "~/schemas/register-export.ts";
import { decodeText, detectSeparator, looksBinary, parseCsv, type CsvEncoding, type CsvSeparator } from "./csv.ts";
import { describeColumns, headerScore, type ColumnInfo, type ColumnMapping, type ImportField } from "./headers.ts";
import { IMPORT_LIMITS, ImportFileError, type ImportMessage } from "./limits.ts";
import { buildContent, issueMessage, type ImportPatch } from "./merge.ts";
import { cellText, readRow, type RawRow } from "./rows.ts";
import { clearMatchCaches } from "./vocabulary.ts";
import { isZip, readXlsx, zipUncompressedSize } from "./xlsx.ts";

export type ImportFormat = "xlsx" | "csv" | "json";

export type ParsedRow = {
  /** Row of the spreadsheet (1 = first line), or position of the activity in a register JSON. */
  rowNumber: number;
  ref?: string;
  /** undefined: the file has no department column; null: empty for this row. */
  department?: string | null;
  /** What the row says, field by field (spreadsheets); absent for a register JSON, whose content is complete. */
  patch?: ImportPatch;
  /** The content of a new activity made from this row, valid for ActivityContentSchema, when there are no errors. */
  content?: ActivityContent;
  errors: ImportMessage[];
  warnings: ImportMessage[];
  /** Register JSON: the activity's links to vendor services and own hosting sites (names, as exported). */
  services?: ExportActivity["services"];
};

export type ParsedImport = {
  format: ImportFormat;
  encoding?: CsvEncoding;
  separator?: CsvSeparator;
  sheet?: string;
  /** Row number of the header row (spreadsheets). */
  headerRow?: number;
  columns: ColumnInfo[];
  /** Columns whose header was not recognised and that are not mapped by hand: ignored. */
  unmatched: ColumnInfo[];
  /** Problems of the file as a whole that block the import (no name column…). */
  fileErrors: ImportMessage[];
  fileWarnings: ImportMessage[];
  rows: ParsedRow[];
  /** Register JSON: the slug of the organization it was exported from (its references are that register's). */
  sourceOrganization?: string;
  /** Register JSON: the vendors (services, locations, certifications, DPA metadata) and own hosting sites. */
  catalogue?: { vendors: RegisterExport["vendors"]; hostingSites: RegisterExport["hostingSites"] };
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function firstSignificantByte(bytes: Uint8Array): number | undefined {
  let i = UTF8_BOM.every((b, k) => bytes[k] === b) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i];
}

export type Detected = { format: "xlsx" } | { format: "json"; data: ReturnType<typeof RegisterExportSchema.parse> } | { format: "csv" };

/** Format by content. Throws ImportFileError for an empty, oversized, binary or foreign-JSON file. */
export function detectFormat(bytes: Uint8Array): Detected {
  if (bytes.byteLength === 0) throw new ImportFileError("errors.import.empty");
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) throw new ImportFileError("errors.import.tooLarge", { max: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
  if (isZip(bytes)) {
    // Truncated files and zip bombs are refused here, from the central directory alone.
    if (zipUncompressedSize(bytes) > IMPORT_LIMITS.maxXlsxUncompressedBytes)
      throw new ImportFileError("errors.import.tooLarge", { max: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
    return { format: "xlsx" };
  }
  const first = firstSignificantByte(bytes);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    let json: unknown;
    let parsed = false;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      parsed = true;
    } catch {
      parsed = false;
    }
    if (parsed) {
      const r = RegisterExportSchema.safeParse(json);
      if (r.success) return { format: "json", data: r.data };
      const issue = r.error.issues[0];
      throw new ImportFileError("errors.import.notRegisterJson", { path: issue ? issue.path.join(".") || "/" : "/" });
    }
  }
  if (looksBinary(bytes)) throw new ImportFileError("errors.import.binary");
  return { format: "csv" };
}

/** Content fields of an exported activity (the rest — ref, status, analysis… — belongs to the source register). */
export function contentFromExport(a: ExportActivity): unknown {
  return {
    name: a.name,
    description: a.description,
    internalContact: a.internalContact,
    implementationDate: a.implementationDate,
    regime: a.regime,
    role: a.role,
    jointControllers: a.jointControllers,
    processorFor: a.processorFor,
    purposes: a.purposes,
    legalBases: a.legalBases,
    art9Conditions: a.art9Conditions,
    art10Basis: a.art10Basis,
    ledLegalBasis: a.ledLegalBasis,
    ledProfiling: a.ledProfiling,
    domain: a.domain,
    dataSubjects: a.dataSubjects,
    dataCategories: a.dataCategories.map(({ sensitive: _sensitive, ...d }) => d),
    recipients: a.recipients,
    transfers: a.transfers,
    securityMeasures: a.securityMeasures,
    rights: a.rights,
    riskFlags: a.riskFlags,
    nextReviewAt: a.nextReviewAt,
    lastReviewAt: a.lastReviewAt,
  };
}

/**
 * A DPA file carried by a register JSON must be the file it describes: its bytes have the SHA-256, the
 * size and the PDF signature the file says. Anything else blocks the import (nothing is written).
 */
export function dpaFileErrors(vendors: RegisterExport["vendors"]): ImportMessage[] {
  const errors: ImportMessage[] = [];
  for (const v of vendors) {
    const f = v.dpa.file;
    if (!f?.base64) continue;
    const bytes = Buffer.from(f.base64, "base64");
    const hash = crypto.createHash("sha256").update(bytes).digest("hex");
    const ok =
      hash === f.sha256 &&
      (v.dpa.sha256 === null || v.dpa.sha256 === f.sha256) &&
      bytes.byteLength === f.size &&
      bytes.byteLength > 0 &&
      bytes.subarray(0, 5).toString("latin1") === "%PDF-";
    if (!ok) errors.push({ key: "errors.import.dpaFileMismatch", params: { vendor: v.name, file: f.fileName } });
  }
  return errors;
}

function parseRegisterJson(data: ReturnType<typeof RegisterExportSchema.parse>): ParsedImport {
  if (data.activities.length > IMPORT_LIMITS.maxRows) throw new ImportFileError("errors.import.tooManyRows", { max: IMPORT_LIMITS.maxRows });
  const fileWarnings: ImportMessage[] = [];
  const rows = data.activities.map((a, i): ParsedRow => {
    const parsed = ActivityContentSchema.safeParse(contentFromExport(a));
    return {
      rowNumber: i + 1,
      ref: a.ref,
      department: a.department,
      content: parsed.success ? parsed.data : undefined,
      errors: parsed.success ? [] : parsed.error.issues.map((iss) => issueMessage(iss.message, iss.path)),
      warnings: [],
      services: a.services,
    };
  });
  return {
    format: "json",
    columns: [],
    unmatched: [],
    fileErrors: dpaFileErrors(data.vendors),
    fileWarnings,
    rows,
    sourceOrganization: data.organization.slug,
    catalogue: { vendors: data.vendors, hostingSites: data.hostingSites },
  };
}

const isBlankRow = (r: RawRow) => r.cells.every((c) => typeof c === "string" && c.trim() === "");

/** Fields that hold one value: two columns for one of them is a mistake to fix by hand. */
const SINGLE_FIELDS: readonly ImportField[] = ["ref", "name", "department", "role", "regime", "domain", "implementationDate", "nextReviewAt", "lastReviewAt"];

/**
 * The table's rows -> parsed rows. Consumes `raw`: each row's cells are released once the row is read,
 * so a large file's cells and its parsed rows are not all in memory at once (issue 18, ADR 025).
 */
function parseTable(raw: RawRow[], mapping: ColumnMapping | undefined): Omit<ParsedImport, "format"> {
  const rows = raw.filter((r) => !isBlankRow(r));
  raw.length = 0;
  if (rows.length === 0) throw new ImportFileError("errors.import.empty");
  // The header row: the most recognisable of the first rows (a register may have a title above it).
  let headerAt = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const score = headerScore(rows[i]!.cells.map((c) => (typeof c === "string" ? c : "")));
    if (score > bestScore) {
      bestScore = score;
      headerAt = i;
    }
  }
  const headerRow = rows[headerAt]!;
  const data = rows.slice(headerAt + 1);
  if (data.length > IMPORT_LIMITS.maxRows) throw new ImportFileError("errors.import.tooManyRows", { max: IMPORT_LIMITS.maxRows });
  const width = Math.max(headerRow.cells.length, ...data.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) =>
    cellText(headerRow.cells[i], () => undefined)
      .replace(/\s+/g, " ")
      .trim(),
  );
  const columns = describeColumns(headers, mapping);

  const fileErrors: ImportMessage[] = [];
  const fileWarnings: ImportMessage[] = [];
  if (!columns.some((c) => c.field === "name")) fileErrors.push({ key: "errors.import.noNameColumn" });
  for (const field of SINGLE_FIELDS) {
    const same = columns.filter((c) => c.field === field);
    if (same.length > 1)
      fileErrors.push({ key: "errors.import.duplicateColumn", params: { columns: same.map((c) => c.header || `#${c.index + 1}`).join(", ") } });
  }
  const hasData = (i: number) =>
    data.some((r) => {
      const c = r.cells[i];
      return c !== undefined && (typeof c !== "string" || c.trim() !== "");
    });
  const unmatched = columns.filter((c) => c.source === "none" && (c.header !== "" || hasData(c.index)));
  if (unmatched.length > 0) fileWarnings.push({ key: "import.warn.unmatchedColumns", params: { count: unmatched.length } });

  rows.length = 0;
  const parsedRows = data.map((r, i): ParsedRow => {
    (data as (RawRow | undefined)[])[i] = undefined;
    const rp = readRow(r, columns);
    const built = buildContent(rp.patch);
    return {
      rowNumber: r.rowNumber,
      ref: rp.ref,
      department: rp.department,
      patch: rp.patch,
      content: built.content,
      errors: built.errors,
      warnings: [...rp.warnings, ...built.warnings],
    };
  });
  return { headerRow: headerRow.rowNumber, columns, unmatched, fileErrors, fileWarnings, rows: parsedRows };
}

export type ParseOptions = { mapping?: ColumnMapping };

/** Reads a file into rows. Throws ImportFileError when the file as a whole cannot be read. */
export async function parseImportFile(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedImport> {
  try {
    return await parseFile(bytes, opts);
  } finally {
    // The file's cells are not needed once its rows are read (see clearMatchCaches).
    clearMatchCaches();
  }
}

async function parseFile(bytes: Uint8Array, opts: ParseOptions): Promise<ParsedImport> {
  const detected = detectFormat(bytes);
  if (detected.format === "json") return parseRegisterJson(detected.data);
  if (detected.format === "xlsx") {
    const { sheet, rows } = await readXlsx(bytes);
    return { format: "xlsx", sheet, ...parseTable(rows, opts.mapping) };
  }
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  const records = parseCsv(text, separator);
  const rows: RawRow[] = records.map((cells, i) => ({
    rowNumber: i + 1,
    // In a CSV, "=…" is a formula someone typed for a spreadsheet to compute: it has no value here.
    cells: cells.map((c) => (c.startsWith("=") ? { formula: c.slice(1) } : c)),
  }));
  return { format: "csv", encoding, separator, ...parseTable(rows, opts.mapping) };
}
