/**
 * The streamed XLSX reader (app/import/xlsx.ts, issue 18) reads every cell exactly as the reader it
 * replaced, which loaded the whole workbook with exceljs (kept below as the reference): the same sheet,
 * rows, cells and errors, on workbooks written by exceljs (shared and inline strings, rich text,
 * formulas with and without cached results, shared formulas, dates, booleans, errors, hyperlinks,
 * merged and styled empty cells, several sheets) and on hand-written XML that exceljs never writes
 * (cells without a reference, rows out of order or repeated, inline rich text, 1904 dates, entities).
 */
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "~/documents/tabular.ts";
import { headerScore } from "~/import/headers.ts";
import { IMPORT_LIMITS, ImportFileError } from "~/import/limits.ts";
import type { RawCell, RawRow } from "~/import/rows.ts";
import { readXlsx, xlsxCell, zipUncompressedSize, type XlsxSheet } from "~/import/xlsx.ts";
import { buildFixtureExport } from "../helpers/register-export-fixture.ts";

/** The reader before issue 18 (Workbook.xlsx.load, the whole workbook in memory), kept as the reference. */
async function referenceReadXlsx(bytes: Uint8Array): Promise<XlsxSheet> {
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

async function outcome(read: (b: Uint8Array) => Promise<XlsxSheet>, bytes: Uint8Array): Promise<unknown> {
  try {
    return await read(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) return { error: err.key, params: err.params };
    throw err;
  }
}

async function expectSame(bytes: Uint8Array) {
  const expected = await outcome(referenceReadXlsx, bytes);
  expect(await outcome(readXlsx, bytes)).toEqual(expected);
  return expected;
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void, options: Partial<ExcelJS.XlsxWriteOptions> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer(options));
}

/** A zip of stored entries (enough for hand-written XLSX parts). */
function zip(files: Record<string, string>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const n = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(n.length, 26);
    local.push(h, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook from sheet XML bodies (the part inside <sheetData>), with optional shared strings and styles. */
function handWritten(sheets: { name: string; rows: string }[], opts: { shared?: string[]; date1904?: boolean; dateStyle?: boolean } = {}): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}</Relationships>`,
  };
  if (opts.shared)
    files["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${opts.shared.length}" uniqueCount="${opts.shared.length}">${opts.shared
        .map((s) => `<si>${s}</si>`)
        .join("")}</sst>`;
  if (opts.dateStyle)
    files["xl/styles.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`;
  });
  return zip(files);
}

describe("the streamed XLSX reader reads as the whole-workbook reader did", () => {
  it("cell types written by exceljs, with shared and with inline strings", async () => {
    const build = (wb: ExcelJS.Workbook) => {
      const ws = wb.addWorksheet("Registre");
      ws.addRow(["Nom du traitement", "Finalité principale", "Date", "Nombre", "Oui/Non", "Formule", "Lien"]);
      ws.addRow([
        "État civil — actes",
        { richText: [{ text: "Délivrance " }, { font: { bold: true }, text: "des actes" }] },
        new Date(Date.UTC(2026, 0, 15)),
        42.5,
        true,
        { formula: "1+1", result: 2 },
        { text: "site", hyperlink: "https://example.fr" },
      ]);
      ws.addRow(["Cantine", "", new Date(Date.UTC(2026, 5, 1, 10, 30)), 0, false, { formula: "A1", result: "texte" }, { error: "#N/A" }]);
      ws.addRow([null, "seule", undefined, -1, null, { formula: "X9" }, { formula: "1/0", result: { error: "#DIV/0!" } }]);
      ws.addRow(["zéro", "", "", "", "", { formula: "0*1", result: 0 }, { formula: '""', result: "" }]);
      ws.getCell("C3").numFmt = "dd/mm/yyyy";
      ws.getCell("H2").value = "au-delà du dernier en-tête";
      ws.getCell("J5").style = { font: { bold: true } };
      ws.mergeCells("A7:C7");
      ws.getCell("A7").value = "fusionnée";
      ws.getCell("B9").value = "ligne éparse";
      ws.getCell("B9").style = { font: { italic: true } };
      ws.getCell("F10").value = { formula: "D2*2", result: 85, shareType: "shared", ref: "F10:F12" } as ExcelJS.CellValue;
      ws.getCell("F11").value = { sharedFormula: "F10", result: 86 } as ExcelJS.CellValue;
      ws.getCell("F12").value = { sharedFormula: "F10" } as ExcelJS.CellValue;
      ws.getCell("A13").value = "&amp; &lt;x&gt; ' \" <tag> ; =SOMME(A1) \n ligne 2";
      // Long enough to cross the inflated chunks, with characters of 2, 3 and 4 bytes in UTF-8.
      ws.getCell("A14").value = `${"é".repeat(30_000)}😀${"—".repeat(10)}`;
    };
    const cases: Partial<ExcelJS.XlsxWriteOptions>[] = [{}, { useSharedStrings: false }, { useStyles: false }];
    for (const options of cases) {
      const bytes = await workbookBytes(build, options);
      const result = (await expectSame(bytes)) as XlsxSheet;
      expect(result.rows.length).toBeGreaterThan(8);
    }
  });

  it("several sheets: the most recognisable header wins, empty sheets are skipped, ties keep the first", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("Vide");
      const notes = wb.addWorksheet("Notes");
      notes.addRow(["Remarques", "sur", "le", "registre"]);
      const hidden = wb.addWorksheet("Masquée", { state: "hidden" });
      hidden.addRow(["Nom du traitement"]);
      const reg = wb.addWorksheet("Registre");
      for (let i = 0; i < 12; i++) reg.addRow([]);
      reg.getCell("A3").value = "Titre du registre";
      reg.getCell("A5").value = "Nom du traitement";
      reg.getCell("B5").value = "Finalité principale";
      reg.getCell("C5").value = { richText: [{ text: "Base légale" }] };
      reg.getCell("A12").value = "Ligne au-delà de dix";
    });
    expect(((await expectSame(bytes)) as XlsxSheet).sheet).toBe("Registre");
    const tie = await workbookBytes((wb) => {
      wb.addWorksheet("Un").addRow(["a"]);
      wb.addWorksheet("Deux").addRow(["b"]);
    });
    expect(((await expectSame(tie)) as XlsxSheet).sheet).toBe("Un");
  });

  it("our own register export, and the import limits on rows, columns and cell length", { timeout: 180_000 }, async () => {
    await expectSame(await toXlsx(await buildFixtureExport(), { locale: "fr" }));
    await expectSame(
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet("Large");
        ws.addRow(["Nom du traitement"]);
        ws.getCell(2, IMPORT_LIMITS.maxColumns + 3).value = "trop loin";
      }),
    );
    await expectSame(
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet("Large");
        ws.addRow(["Nom du traitement"]);
        ws.getCell(4, IMPORT_LIMITS.maxColumns + 1).style = { font: { bold: true } };
      }),
    );
    await expectSame(
      await workbookBytes((wb) => {
        const ws = wb.addWorksheet("Long");
        ws.addRow(["Nom du traitement"]);
        ws.addRow(["a".repeat(IMPORT_LIMITS.maxCellLength + 1)]);
      }),
    );
    const many = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Beaucoup");
      for (let i = 0; i < IMPORT_LIMITS.maxRows + 12; i++) ws.addRow([`Traitement ${i}`]);
    });
    expect(await expectSame(many)).toMatchObject({ error: "errors.import.tooManyRows" });
  });

  it("hand-written XML: inline rich text, cells without a reference, rows out of order or repeated, formula results, 1904 dates", async () => {
    const rows =
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>Deux </t></r><r><rPr><b/></rPr><t>morceaux</t></r></is></c><c t="inlineStr"><is><t>sans r</t></is></c><c t="n"><v>7</v></c></row>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>avant</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>après &amp;amp; &lt;</t></is></c><c r="B2" t="str"><f>A1</f><v>résultat &amp;lt;</v></c><c r="C2" t="b"><f>TRUE()</f><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#REF!</v></c><c r="G2" s="1"><v>45000</v></c><c r="H2" s="1"><f>G2+1</f><v>45001</v></c></row>' +
      '<row r="4"><c r="B4"/><c r="C4" s="1"/><c r="D4"><f t="shared" ref="D4:D6" si="0">A1</f><v>3</v></c></row>' +
      '<row r="5"><c r="D5"><f t="shared" si="0"/><v>4</v></c><c r="E5"><f t="shared" si="0"/></c></row>' +
      '<row r="0"><c r="A9" t="inlineStr"><is><t>ligne numéro 0</t></is></c></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>un</t></is></c><c r="A6" t="inlineStr"><is><t>remplacé</t></is></c><c r="B6" t="inlineStr"><is><t>vidé</t></is></c><c r="B6" s="1"/></row>';
    const shared = [
      "<t>Nom du traitement</t>",
      '<r><t xml:space="preserve">Finalité </t></r><r><rPr><i/></rPr><t>principale</t></r>',
      "<t>Base légale</t><rPh><t>ふりがな</t></rPh>",
    ];
    for (const date1904 of [false, true]) {
      const result = (await expectSame(handWritten([{ name: "Registre", rows }], { shared, date1904, dateStyle: true }))) as XlsxSheet;
      expect(result.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it("damaged and odd files: the same error or the same reading", async () => {
    const good = await workbookBytes((wb) => wb.addWorksheet("Registre").addRow(["Nom du traitement", "Finalité principale"]));
    await expectSame(good.subarray(0, Math.floor(good.length / 2)));
    const corrupt = new Uint8Array(good);
    for (let i = 40; i < corrupt.length - 600; i++) corrupt[i] = (corrupt[i]! * 31 + 7) & 0xff;
    await expectSame(corrupt);
    // A first cell without a reference; a shared string that does not exist; XML that is not well formed.
    await expectSame(handWritten([{ name: "R", rows: '<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>' }]));
    await expectSame(handWritten([{ name: "R", rows: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }], { shared: ["<t>seule</t>"] }));
    await expectSame(handWritten([{ name: "R", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2">' }]));
    // A row without a number.
    await expectSame(
      handWritten([
        { name: "R", rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row><c r="A2" t="inlineStr"><is><t>y</t></is></c></row>' },
      ]),
    );
    // No sheet with a value; a workbook without its workbook part.
    await expectSame(handWritten([{ name: "R", rows: '<row r="1"><c r="A1" s="0"/></row>' }]));
    await expectSame(zip({ "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData/></worksheet>` }));
    expect(zipUncompressedSize(good)).toBeGreaterThan(0);
  });
});
