/**
 * Limits of a register import, checked while reading so that no file can hang the server or exhaust
 * its memory. They are shown on the import page (import.limits) and enforced by app/import/*.
 */
import type { MessageKey, Params } from "~/utils/i18n.ts";
import { DomainError } from "~/utils/domain-error.ts";

export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file (CSV, XLSX or JSON). */
  maxBytes: 10 * 1024 * 1024,
  /** Data rows after the header row. */
  maxRows: 20_000,
  /** Columns in any row (checked while parsing: a 100,000-column row stops at column 201). */
  maxColumns: 200,
  /** Characters in one cell (Excel's own limit). */
  maxCellLength: 32_767,
  /** Total uncompressed size of the entries of an XLSX (a 10 MB zip can hold gigabytes of XML). */
  maxXlsxUncompressedBytes: 120 * 1024 * 1024,
  /** How long an uploaded file waits for its confirmation on the server. */
  pendingTtlMs: 60 * 60 * 1000,
} as const;

/** A message key (most from fr.import.ts), with its parameters and, for a validation issue, the field path. */
export type ImportMessage = { key: MessageKey; params?: Params; path?: string };

/** The file as a whole cannot be read: nothing else is reported. */
/** A file the import cannot read (too large, too many rows, not a spreadsheet...). */
export class ImportFileError extends DomainError {
  constructor(key: MessageKey, params?: Params) {
    super(key, { status: 400, ...(params ? { params } : {}) });
  }
}
