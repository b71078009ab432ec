/**
 * The portfolio as a table (CSV and XLSX), with the register exports' rules: CSV through csvBuffer
 * (BOM, quoting, formula neutralisation), XLSX cells neutralised the same way.
 */
import ExcelJS from "exceljs";
import type { ExposureLevel } from "~/analysis/sovereignty.ts";
import type { Locale, MessageKey } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";
import { csvBuffer, neutraliseXlsxText, stampZipEntries, type TabularCell } from "./tabular.ts";

export type PortfolioTableRow = {
  slug: string;
  name: string;
  kind: string | null;
  departmentCode: string | null;
  role: string;
  activities: number;
  status: { DRAFT: number; SUBMITTED: number; CHANGES_REQUESTED: number; APPROVED: number };
  completeness: number | null;
  overdueReviews: number;
  dpiaMissing: number;
  overdueDpiaActions: number;
  dpaMissing: number;
  dpaDue: number;
  exposure: ExposureLevel;
  exposureChangedAt: string | null;
  lastActivityAt: string | null;
};

const COLUMNS: [MessageKey, (r: PortfolioTableRow, l: Locale) => TabularCell][] = [
  ["portfolio.col.name", (r) => r.name],
  ["portfolio.col.slug", (r) => r.slug],
  ["portfolio.col.kind", (r, l) => (r.kind ? translate(l, `portfolio.kind.${r.kind}` as MessageKey) : "")],
  ["portfolio.col.department", (r) => r.departmentCode ?? ""],
  ["portfolio.col.role", (r, l) => translate(l, `roles.${r.role}` as MessageKey)],
  ["portfolio.col.activities", (r) => r.activities],
  ["portfolio.col.draft", (r) => r.status.DRAFT],
  ["portfolio.col.submitted", (r) => r.status.SUBMITTED],
  ["portfolio.col.changesRequested", (r) => r.status.CHANGES_REQUESTED],
  ["portfolio.col.approved", (r) => r.status.APPROVED],
  ["portfolio.col.completeness", (r) => r.completeness ?? ""],
  ["portfolio.col.overdueReviews", (r) => r.overdueReviews],
  ["portfolio.col.dpiaMissing", (r) => r.dpiaMissing],
  ["portfolio.col.overdueDpiaActions", (r) => r.overdueDpiaActions],
  ["portfolio.col.exposure", (r, l) => translate(l, `sovereignty.level.${r.exposure}`)],
  ["portfolio.col.exposureChangedAt", (r) => r.exposureChangedAt?.slice(0, 10) ?? ""],
  ["portfolio.col.dpaMissing", (r) => r.dpaMissing],
  ["portfolio.col.dpaDue", (r) => r.dpaDue],
  ["portfolio.col.lastActivity", (r) => r.lastActivityAt?.slice(0, 10) ?? ""],
];

export function portfolioTable(rows: PortfolioTableRow[], locale: Locale): TabularCell[][] {
  return [COLUMNS.map(([k]) => translate(locale, k)), ...rows.map((r) => COLUMNS.map(([, f]) => f(r, locale)))];
}

export function portfolioCsv(rows: PortfolioTableRow[], locale: Locale): Buffer {
  // A French Excel expects ";" (the comma is the decimal separator).
  return csvBuffer(portfolioTable(rows, locale), locale === "fr" ? ";" : ",");
}

export async function portfolioXlsx(rows: PortfolioTableRow[], locale: Locale, generatedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Registre";
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const sheet = wb.addWorksheet(translate(locale, "portfolio.title"), { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  for (const cells of portfolioTable(rows, locale)) {
    sheet.addRow(cells.map((c) => (typeof c === "number" ? c : c === "" ? null : neutraliseXlsxText(c))));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 16;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return stampZipEntries(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), generatedAt);
}
