/**
 * CSV reading for imports: encoding (UTF-8 with or without BOM, else Windows-1252, what Excel writes
 * in France), separator (comma, semicolon or tab: the most frequent outside quotes on the header line),
 * RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes), with the import limits checked
 * while parsing, so that a huge row stops at its 201st column instead of being read whole.
 */
import { IMPORT_LIMITS, ImportFileError } from "./limits.ts";

export type CsvEncoding = "utf-8" | "windows-1252";
export type CsvSeparator = "," | ";" | "\t";

/** NUL bytes, or more than 5% control characters in the first 64 KB: not a text file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the BOM, if any, is dropped.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

const CANDIDATES: CsvSeparator[] = [";", ",", "\t"];

/** Counts of each candidate separator outside quotes, line by line, for the first lines. */
function separatorCounts(text: string, maxLines: number): Record<CsvSeparator, number>[] {
  const lines: Record<CsvSeparator, number>[] = [];
  let current: Record<CsvSeparator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let blank = true;
  const end = Math.min(text.length, 1024 * 1024);
  for (let i = 0; i < end && lines.length < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (!blank) lines.push(current);
      current = { ",": 0, ";": 0, "\t": 0 };
      blank = true;
      continue;
    } else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) current[ch]++;
    if (ch.trim() !== "") blank = false;
  }
  if (!blank && lines.length < maxLines) lines.push(current);
  return lines;
}

/**
 * The separator, by counting outside quotes on the header line: the most frequent one there, unless
 * another one gives the same number of fields on the following lines and that one does not (a French
 * header such as "Transferts (pays, destinataire, garantie)" has commas inside a semicolon file).
 * Comma if there is none.
 */
export function detectSeparator(text: string): CsvSeparator {
  const lines = separatorCounts(text, 20);
  const header = lines[0];
  if (!header) return ",";
  const byHeader = [...CANDIDATES].sort((a, b) => header[b] - header[a]);
  if (header[byHeader[0]!] === 0) return ",";
  const consistent = byHeader.filter((s) => header[s] > 0 && lines.length > 1 && lines.slice(1).every((l) => l[s] === header[s]));
  return consistent[0] ?? byHeader[0]!;
}

/**
 * RFC 4180 records. Limits: maxColumns per record, maxCellLength per field, maxRows + `extraRows`
 * records (the header and a few title lines above it). Throws ImportFileError as soon as one is passed.
 */
export function parseCsv(text: string, separator: CsvSeparator, extraRows = 11): string[][] {
  const { maxColumns, maxCellLength, maxRows } = IMPORT_LIMITS;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const sep = separator.charCodeAt(0);
  const pushField = (value: string) => {
    if (value.length > maxCellLength) throw new ImportFileError("errors.import.cellTooLong", { row: rows.length + 1, max: maxCellLength });
    row.push(value);
    if (row.length > maxColumns) throw new ImportFileError("errors.import.tooManyColumns", { row: rows.length + 1, max: maxColumns });
  };
  const pushRow = () => {
    rows.push(row);
    row = [];
    if (rows.length > maxRows + extraRows) throw new ImportFileError("errors.import.tooManyRows", { max: maxRows });
  };
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Quoted field: up to the closing quote; "" is a quote.
      let value = "";
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          // Unterminated quote: the rest of the file is the field (as spreadsheets read it).
          value += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          if (value.length > maxCellLength) break;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === 10 || d === 13) break;
        j++;
      }
      if (j > i) value += text.slice(i, j);
      i = j;
      pushField(value);
    } else {
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === 10 || d === 13) break;
        j++;
        if (j - i > maxCellLength) break;
      }
      pushField(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      pushRow();
      break;
    }
    c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) {
        pushField("");
        pushRow();
      }
    } else if (c === 13 || c === 10) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      pushRow();
    }
  }
  return rows;
}
