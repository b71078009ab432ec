/**
 * XLSX reading for imports, streamed. Before any XML is read, the zip central directory is checked: a
 * truncated file (no central directory) or one that would inflate beyond the limit (a "zip bomb") is
 * refused there; a file exceljs-style parsing cannot read gives a clear error instead of an exception.
 *
 * Cells are read as text. A formula cell gives its cached result (what the spreadsheet last showed); a
 * formula without one is never evaluated and is reported to the row as a formula.
 *
 * Memory (issue 18, ADR 021): `Workbook.xlsx.load` inflated each sheet into one string, copied it into
 * 16 KB chunks, built the whole sheet model, then a Row and a Cell object (with its style) per cell:
 * ~8× the file's XML for a 5,000-row register. Here each sheet is inflated and parsed as a stream, row
 * by row, and only each cell's value is kept. The XML is still read by exceljs's own parsers (the row
 * and cell parsers of `Workbook.xlsx.load`, its shared strings, styles and workbook parsers), and a
 * parsed row goes through the same steps as `Row.model` and `Cell.value` do, so every cell reads exactly
 * as before: rich text, shared formulas and their cached results, dates by number format, errors,
 * cells without a reference. tests/unit/xlsx-stream.test.ts compares both readers on tricky workbooks.
 */
import { createRequire } from "node:module";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { IMPORT_LIMITS, ImportFileError } from "./limits.ts";
import { headerScore } from "./headers.ts";
import type { RawCell, RawRow } from "./rows.ts";

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Sum of the uncompressed sizes in the central directory; throws badXlsx if there is none. */
export function zipUncompressedSize(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw new ImportFileError("errors.import.badXlsx");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportFileError("errors.import.badXlsx");
    total += buf.readUInt32LE(p + 24);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (count === 0) throw new ImportFileError("errors.import.badXlsx");
  return total;
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** The text of a cell value; a formula without a cached result becomes { formula }. */
export function xlsxCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const r = f.result;
      if (r === undefined || r === null || (typeof r === "object" && !(r instanceof Date) && "error" in (r as object)))
        return { formula: f.formula ?? f.sharedFormula ?? "" };
      return xlsxCell(r as ExcelJS.CellValue);
    }
    if ("text" in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === "string" ? t : typeof t === "object" && t && "richText" in t ? xlsxCell(t as ExcelJS.CellValue) : "";
    }
    if ("error" in v) return { formula: String((v as { error: unknown }).error) };
  }
  return "";
}

export type XlsxSheet = { sheet: string; rows: RawRow[] };

/* exceljs's own XML parsers (exceljs 4.4 internals, the ones Workbook.xlsx.load runs). */
type SaxNode = { name: string; attributes: Record<string, string> };
type SaxEvent = { eventType: "opentag"; value: SaxNode } | { eventType: "text"; value: string } | { eventType: "closetag"; value: SaxNode };
type Xform = {
  parseOpen(node: SaxNode): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  parseStream(stream: AsyncIterable<string>): Promise<unknown>;
};
type CellModel = {
  type: number;
  address?: string;
  value?: unknown;
  formula?: string;
  result?: unknown;
  ref?: string;
  shareType?: string;
  sharedFormula?: string;
};
type RowModel = { number: number; cells: CellModel[] };
type RowXform = Xform & { model: RowModel; reconcile(model: RowModel, options: object): void };
const require = createRequire(import.meta.url);
const parseSax = require("exceljs/lib/utils/parse-sax.js") as (chunks: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;
const colCache = require("exceljs/lib/utils/col-cache.js") as { decodeAddress(a: string): { row: number; col: number } };
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform.js") as new () => Xform;
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform.js") as new () => Xform;
const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => Xform;
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform.js") as new () => Xform;
const RowXformClass = require("exceljs/lib/xlsx/xform/sheet/row-xform.js") as new (options?: object) => RowXform;
const { ValueType } = ExcelJS;

type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

/** The entries of the central directory (names without a leading "/", as JSZip gives them). */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw new ImportFileError("errors.import.badXlsx");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportFileError("errors.import.badXlsx");
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength).replace(/^\//, "");
    out.set(name, { name, method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** An entry's bytes inflated chunk by chunk, decoded as UTF-8 text (a character split across chunks stays whole). */
async function* entryText(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new ImportFileError("errors.import.badXlsx");
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (start + e.compressedSize > buf.length) throw new ImportFileError("errors.import.badXlsx");
  const decoder = new TextDecoder("utf-8");
  if (e.method === 0) {
    yield decoder.decode(data);
    return;
  }
  if (e.method !== 8) throw new ImportFileError("errors.import.badXlsx");
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  for await (const chunk of inflate as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A row as exceljs's Row keeps it: each non-empty cell's value by column (a sparse array, as `row.values`). */
type SheetRow = { number: number; values: unknown[]; cellCount: number };

/** The value `Cell.value` gives for a parsed cell model (exceljs's Value classes), or undefined for an empty cell. */
function cellValue(m: CellModel): unknown {
  switch (m.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return undefined;
    case ValueType.Formula: {
      // FormulaValue keeps only the truthy parts of its model.
      const copy: Record<string, unknown> = {};
      for (const k of ["formula", "result", "ref", "shareType", "sharedFormula"] as const) if (m[k]) copy[k] = m[k];
      return copy;
    }
    default:
      return m.value;
  }
}

/** Row.model: cells by column (a later cell in the same column replaces an earlier one), no merge placeholders. */
function sheetRow(model: RowModel): SheetRow {
  const values: unknown[] = [];
  let cellCount = 0;
  let previous: { row: number; col: number } | undefined;
  const present: boolean[] = [];
  for (const c of model.cells) {
    if (c.type === ValueType.Merge) continue;
    const address = c.address ? colCache.decodeAddress(c.address) : previous ? { row: previous.row, col: previous.col + 1 } : undefined;
    // exceljs fails on a first cell without a reference (the file was refused as unreadable).
    if (!address) throw new ImportFileError("errors.import.badXlsx");
    previous = address;
    cellCount = Math.max(cellCount, address.col);
    const v = cellValue(c);
    if (c.type === ValueType.Null) {
      delete values[address.col];
      present[address.col] = false;
    } else {
      values[address.col] = v;
      present[address.col] = true;
    }
  }
  return { number: model.number, values: present.some(Boolean) ? values : [], cellCount };
}

type Sheet = { name: string; rows: SheetRow[] };

/** The rows of one worksheet, parsed as the XML streams in; rows are kept by row number, as exceljs does. */
async function readSheet(text: AsyncIterable<string>, options: object): Promise<SheetRow[]> {
  const rowXform = new RowXformClass();
  const rows: SheetRow[] = [];
  let depth = 0;
  let sheetData = -1;
  let inRow = false;
  for await (const events of parseSax(text)) {
    for (const ev of events) {
      if (ev.eventType === "opentag") {
        depth++;
        if (inRow) rowXform.parseOpen(ev.value);
        else if (sheetData >= 0 && ev.value.name === "row") inRow = rowXform.parseOpen(ev.value);
        else if (sheetData < 0 && ev.value.name === "sheetData") sheetData = depth;
      } else if (ev.eventType === "text") {
        if (inRow) rowXform.parseText(ev.value);
      } else {
        if (inRow) {
          if (!rowXform.parseClose(ev.value.name)) {
            inRow = false;
            const model = rowXform.model;
            rowXform.reconcile(model, options);
            // exceljs refuses a row without a number, and drops one numbered 0 or less (never iterated).
            if (Number.isNaN(model.number)) throw new ImportFileError("errors.import.badXlsx");
            if (model.number >= 1) rows[model.number - 1] = sheetRow(model);
          }
        } else if (depth === sheetData) sheetData = -1;
        depth--;
      }
    }
  }
  return rows.filter(Boolean);
}

async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buf);
  const read = new Set<string>();
  const text = (e: ZipEntry) => {
    read.add(e.name);
    return entryText(buf, e);
  };
  const parse = async <T>(name: string, X: new () => Xform): Promise<[Xform, T] | undefined> => {
    const e = entries.get(name);
    if (!e) return undefined;
    const xform = new X();
    return [xform, (await xform.parseStream(text(e))) as T];
  };
  const workbook = (
    await parse<{ sheets?: { name: string; id: number; rId: string }[]; properties?: { date1904?: boolean } }>("xl/workbook.xml", WorkbookXform)
  )?.[1];
  const rels = (await parse<{ Id: string; Target: string }[]>("xl/_rels/workbook.xml.rels", RelationshipsXform))?.[1] ?? [];
  const sharedStrings = (await parse("xl/sharedStrings.xml", SharedStringsXform))?.[0];
  const styles = (await parse("xl/styles.xml", StylesXform))?.[0];
  const relById = new Map(rels.map((r) => [r.Id, r]));
  const sheets: Sheet[] = [];
  const seen = new Map<number, number>();
  for (const s of workbook?.sheets ?? []) {
    const rel = relById.get(s.rId);
    if (!rel) continue;
    const path = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const entry = entries.get(path);
    // Only sheetN.xml parts are worksheets for exceljs (chart sheets are skipped).
    if (!entry || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(path)) continue;
    // Per sheet, as WorksheetXform.reconcile: shared formulas refer to their sheet's master cells.
    const options = { styles, sharedStrings, date1904: workbook?.properties?.date1904, formulae: {}, hyperlinkMap: {}, commentsMap: {} };
    const rows = await readSheet(text(entry), options);
    // Two sheets with the same id: exceljs keeps the last one, in the place of the first.
    const at = seen.get(s.id);
    if (at !== undefined) sheets[at] = { name: s.name, rows };
    else {
      seen.set(s.id, sheets.length);
      sheets.push({ name: s.name, rows });
    }
  }
  // Every other entry must inflate too, as when exceljs read each one whole (a damaged file is refused).
  for (const e of entries.values()) if (!read.has(e.name) && !e.name.endsWith("/")) for await (const _ of entryText(buf, e));
  return sheets;
}

/** The first worksheet that has rows; the one whose header row is the most recognisable, if several. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet> {
  if (zipUncompressedSize(bytes) > IMPORT_LIMITS.maxXlsxUncompressedBytes)
    throw new ImportFileError("errors.import.tooLarge", { max: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
  let all: Sheet[];
  try {
    all = await readWorkbook(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError("errors.import.badXlsx");
  }
  const hasValues = (r: SheetRow) => r.values.length > 0;
  const sheets = all.filter((ws) => ws.rows.some(hasValues));
  if (sheets.length === 0) throw new ImportFileError("errors.import.empty");
  let best = sheets[0]!;
  if (sheets.length > 1) {
    let bestScore = -1;
    for (const ws of sheets) {
      let score = 0;
      for (const row of ws.rows) {
        if (!hasValues(row) || row.number > 10) continue;
        const values = row.values.slice(1);
        score = Math.max(score, headerScore(values.map((v) => (typeof v === "string" ? v : ""))));
      }
      if (score > bestScore) {
        bestScore = score;
        best = ws;
      }
    }
  }
  const { maxRows, maxColumns, maxCellLength } = IMPORT_LIMITS;
  const withValues = best.rows.filter(hasValues);
  if (withValues.length > maxRows + 11) throw new ImportFileError("errors.import.tooManyRows", { max: maxRows });
  if (withValues.reduce((m, r) => Math.max(m, r.cellCount), 0) > maxColumns)
    throw new ImportFileError("errors.import.tooManyColumns", { row: 1, max: maxColumns });
  const rows: RawRow[] = [];
  for (const row of withValues) {
    const rowNumber = row.number;
    const cells: RawCell[] = [];
    row.values.forEach((value, col) => {
      if (col > maxColumns) throw new ImportFileError("errors.import.tooManyColumns", { row: rowNumber, max: maxColumns });
      const v = xlsxCell(value as ExcelJS.CellValue);
      if (typeof v === "string" && v.length > maxCellLength) throw new ImportFileError("errors.import.cellTooLong", { row: rowNumber, max: maxCellLength });
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = v;
    });
    rows.push({ rowNumber, cells });
  }
  return { sheet: best.name, rows };
}
