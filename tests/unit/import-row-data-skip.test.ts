/**
 * Issue 18 (ADR 025): readRow skips the text of the columns whose values the row's data replaces. It must
 * give exactly what reading every cell and then applying the row's data gives (rowToPatch + applyRowData),
 * for rows of our own exports as they are, with cells edited by hand, with broken or foreign row data.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registerRows, TABULAR_COLUMNS, registerHeaders } from "~/documents/tabular.ts";
import { describeColumns } from "~/import/headers.ts";
import { applyRowData, readRow, rowToPatch, type RawRow } from "~/import/rows.ts";
import { syntheticExport } from "../bench/synthetic-xlsx.ts";

const data = await syntheticExport(12, (i) => ({ ref: `T-${String(i).padStart(4, "0")}`, department: "Service 1" }));

/** The rows as an import reads them (cells as text), and the columns recognised from the headers. */
function table(locale: "fr" | "en") {
  const headers = registerHeaders(locale);
  const rows: RawRow[] = registerRows(data, locale).map((r, i) => ({ rowNumber: i + 2, cells: TABULAR_COLUMNS.map((c) => String(r[c] ?? "")) }));
  return { rows, columns: describeColumns(headers, undefined) };
}

const reference = (row: RawRow, columns: ReturnType<typeof describeColumns>) => {
  const rp = rowToPatch(row, columns);
  applyRowData(rp, row, columns);
  return rp;
};

/** Same values and the same keys present (toStrictEqual: a field present but undefined means "set to nothing"); key order does not matter. */
function expectSame(a: unknown, b: unknown) {
  expect(a).toStrictEqual(b);
}

describe("readRow = rowToPatch + applyRowData", () => {
  it("on our own export as it is (every group taken from the row data), both languages", () => {
    for (const locale of ["fr", "en"] as const) {
      const { rows, columns } = table(locale);
      expect(columns.some((c) => c.field === "registreData")).toBe(true);
      for (const row of rows) expectSame(readRow(row, columns), reference(row, columns));
    }
  });

  it("with cells edited by hand, the row data broken, foreign or unreadable", () => {
    const { rows, columns } = table("fr");
    const dataIndex = columns.find((c) => c.field === "registreData")!.index;
    const edits = [
      "",
      "Texte libre inconnu",
      "Obligation légale : Code (art. 5) (Non)",
      "Pays-Bas — Hébergeur — Inconnu",
      "Oui : loi X",
      "2026-13-45",
      "=SUM(A1)",
      "Santé; Inconnue; Identité",
    ];
    const dataEdits: ((d: string) => string)[] = [
      (d) => d,
      () => "",
      () => "{not json",
      (d) => d.replace('"v":1', '"v":2'),
      // groupFields throws on a list that is not one: that group is read from its text.
      (d) => d.replace(/"processorFor":\[[^\]]*\]/, '"processorFor":7'),
      (d) => d.replace(/"transfers":\[/, '"transfers":[null,'),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: TABULAR_COLUMNS.length - 1 }), fc.integer({ min: 0, max: edits.length - 1 })), { maxLength: 4 }),
        fc.integer({ min: 0, max: dataEdits.length - 1 }),
        (r, cellEdits, dataEdit) => {
          const cells = [...rows[r]!.cells] as string[];
          for (const [c, e] of cellEdits) if (c !== dataIndex) cells[c] = edits[e]!;
          cells[dataIndex] = dataEdits[dataEdit]!(cells[dataIndex]!);
          const row: RawRow = { rowNumber: rows[r]!.rowNumber, cells };
          expectSame(readRow(row, columns), reference(row, columns));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a file whose headers repeat a group's label elsewhere, or lack one of a group's columns", () => {
    const { rows, columns } = table("fr");
    // A column outside the groups named like a group's column: its notes and warnings carry that label too.
    const legalBases = columns.find((x) => x.field === "legalBases")!.header;
    const renamed = columns.map((c) => (c.field === "domain" ? { ...c, header: legalBases } : c));
    const without = columns.map((c) => (c.field === "offences" ? { ...c, field: null } : c));
    for (const cols of [columns, renamed, without])
      for (const row of rows) {
        const edited: RawRow = { ...row, cells: row.cells.map((v, i) => (cols[i]?.field === "domain" ? "Domaine inconnu" : v)) };
        const rp = readRow(edited, cols);
        if (cols === columns) expect(rp.warnings.map((w) => w.key)).toContain("import.warn.unknownDomain");
        expectSame(rp, reference(edited, cols));
      }
  });
});
