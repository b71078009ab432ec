/**
 * XLSX reading for imports. Before exceljs sees the file, its zip central directory is read: a
 * truncated file (no central directory) or one that would inflate beyond the limit (a "zip bomb") is
 * refused there. exceljs then loads the workbook inside try/catch, so random bytes that happen to start
 * with "PK" give a clear error instead of an exception.
 *
 * Cells are read as text. A formula cell gives its cached result (what the spreadsheet last showed); a
 * formula without one is never evaluated and is reported to the row as a formula.
 */
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

/** The first worksheet that has rows; the one whose header row is the most recognisable, if several. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet> {
  if (zipUncompressedSize(bytes) > IMPORT_LIMITS.maxXlsxUncompressedBytes)
    throw new ImportFileError("errors.import.tooLarge", { max: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024) });
  const wb = new ExcelJS.Workbook();
  try {
    // Only cell values matter: the rest of each sheet's XML is skipped.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof wb.xlsx.load>[0], {
      ignoreNodes: [
        "dataValidations",
        "conditionalFormatting",
        "hyperlinks",
        "drawing",
        "picture",
        "tableParts",
        "extLst",
        "mergeCells",
        "sheetProtection",
        "autoFilter",
        "pageMargins",
        "pageSetup",
        "headerFooter",
        "rowBreaks",
        "printOptions",
      ],
    });
  } catch {
    throw new ImportFileError("errors.import.badXlsx");
  }
  const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0);
  if (sheets.length === 0) throw new ImportFileError("errors.import.empty");
  let best = sheets[0]!;
  if (sheets.length > 1) {
    let bestScore = -1;
    for (const ws of sheets) {
      let score = 0;
      ws.eachRow((row, n) => {
        if (n > 10) return;
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        score = Math.max(score, headerScore(values.map((v) => (typeof v === "string" ? v : ""))));
      });
      if (score > bestScore) {
        bestScore = score;
        best = ws;
      }
    }
  }
  const { maxRows, maxColumns, maxCellLength } = IMPORT_LIMITS;
  if (best.actualRowCount > maxRows + 11) throw new ImportFileError("errors.import.tooManyRows", { max: maxRows });
  if (best.columnCount > maxColumns) throw new ImportFileError("errors.import.tooManyColumns", { row: 1, max: maxColumns });
  const rows: RawRow[] = [];
  best.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > maxColumns) throw new ImportFileError("errors.import.tooManyColumns", { row: rowNumber, max: maxColumns });
      const v = xlsxCell(cell.value);
      if (typeof v === "string" && v.length > maxCellLength) throw new ImportFileError("errors.import.cellTooLong", { row: rowNumber, max: maxCellLength });
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = v;
    });
    rows.push({ rowNumber, cells });
  });
  return { sheet: best.name, rows };
}
