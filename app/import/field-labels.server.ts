/**
 * The label of an import field, for the mapping menu: an export column keeps its spreadsheet header
 * (tabular.*, which stays on the server), any other field has its own label.
 */
import type { Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { isExportColumn, type ImportField } from "./headers.ts";

export function importFieldLabel(locale: Locale, field: ImportField): string {
  const t = createT(locale);
  return isExportColumn(field) ? t(`tabular.column.${field}`) : t(`import.field.${field}`);
}
