/**
 * Issue 11 (ADR 008): every list and compound cell of the CSV and XLSX exports reads back exactly from
 * its text alone — as after a person edits the row (the edit invalidates the row's data column, so the
 * import reads the cells). Adversarial text for every part: separators, quotes, parentheses, " — ",
 * "; ", line breaks, a leading = + - @ or apostrophe, and values that are exactly "Non", "—", "" or spaces.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ART49_POINTS, RECIPIENT_KINDS } from "~/analysis/sovereignty.ts";
import { encodeListCell } from "~/documents/list-cell.ts";
import { TABULAR_COLUMNS, toCsv, toXlsx, type CsvSeparator } from "~/documents/tabular.ts";
import { decodeText, parseCsv } from "~/import/csv.ts";
import { parseImportFile } from "~/import/parse.ts";
import { splitValues } from "~/import/normalize.ts";
import { createActivity } from "~/models/activity.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import {
  ART9_CONDITIONS,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  isSensitiveCategory,
  LEGAL_BASES,
  ORDINARY_DATA_CATEGORIES,
  RECIPIENT_TYPES,
  SECURITY_MEASURES,
  SENSITIVE_DATA_CATEGORIES,
  TRANSFER_SAFEGUARDS,
} from "~/reference/vocabularies.ts";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import type { RegisterExport } from "~/schemas/register-export.ts";
import type { Locale } from "~/utils/i18n.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

let template: RegisterExport;

beforeAll(async () => {
  const { org } = await createOrg("Commune des cellules composées");
  const user = await createUser();
  await createActivity(user.id, org.id, { content: ActivityContentSchema.parse({ name: "Modèle" }), departmentId: null });
  template = await buildRegisterExport(org.id, { generatedAt: new Date("2026-03-01T09:00:00.000Z") });
}, 60_000);

/* Adversarial text */
const pieces = fc.constantFrom(
  ";",
  "; ",
  ",",
  ", ",
  " — ",
  " – ",
  " - ",
  " / ",
  " : ",
  ": ",
  "|",
  "(",
  ")",
  " (",
  ") ",
  "(art. 6)",
  '"',
  '""',
  '"x"',
  "\n",
  "\n• ",
  "• ",
  "- ",
  "\\",
  "=",
  "+",
  "@",
  "'",
  "'=",
  "≈ 5",
  ", ≈ 3",
  "Non",
  "—",
  "Oui",
  "Aucun",
  "https://a.example",
  "Obligation légale",
  "Usagers",
  "Destruction",
  "FR",
  "US",
  " ",
  "é",
);
const EXACT = ["Non", "—", "", " ", "  ", "-", "Aucun", "N/A", "non", "=1+1", "'=x", "+33 1 23 45 67 89", "@SOMME(A1)", '"cité"', "(x)", "a (b)", "x — y"];
const text = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...EXACT) },
  { weight: 4, arbitrary: fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 7 }).map((p) => p.join("")) },
);
/** A free-text part: any of the above, or absent. */
const optText = fc.option(text, { nil: undefined });
/** A part the record requires (not blank once trimmed). */
const reqText = text.filter((t) => t.trim() !== "");
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 0, maxLength: 3 });
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string) => fc.uniqueArray(arb, { selector: key, maxLength: 4 });

const retention = fc.record({
  activePeriod: optText,
  intermediatePeriod: optText,
  finalFate: fc.option(fc.constantFrom(...FINAL_FATES), { nil: undefined }),
  rule: optText,
});
const contentArb = fc.record({
  name: reqText.map((t) => t.replace(/\s*\n\s*/g, " ")),
  purposes: fc.record({ main: optText, sub: list(reqText) }),
  jointControllers: list(fc.record({ name: reqText, contact: optText, arrangement: optText })),
  processorFor: list(fc.record({ controller: reqText, contact: optText, categories: optText })),
  legalBases: list(fc.record({ basis: fc.constantFrom(...LEGAL_BASES), text: optText, purpose: optText })),
  art9Conditions: list(fc.record({ condition: fc.constantFrom(...ART9_CONDITIONS), text: optText })),
  art10Basis: optText,
  dataSubjects: list(
    fc.record({ category: fc.constantFrom(...DATA_SUBJECT_CATEGORIES), description: optText, estimatedCount: fc.option(fc.nat(100_000), { nil: undefined }) }),
  ),
  ordinary: uniqueBy(fc.record({ category: fc.constantFrom(...ORDINARY_DATA_CATEGORIES), description: optText, retention }), (d) => d.category),
  sensitive: uniqueBy(fc.record({ category: fc.constantFrom(...SENSITIVE_DATA_CATEGORIES), description: optText, retention }), (d) => d.category),
  offences: fc.option(fc.record({ description: optText, retention }), { nil: undefined }),
  recipients: list(fc.record({ type: fc.constantFrom(...RECIPIENT_TYPES), name: reqText })),
  transfers: list(
    fc
      .record({
        country: fc.constantFrom("US", "MA", "CN", "IN"),
        recipient: reqText,
        safeguard: fc.constantFrom(...TRANSFER_SAFEGUARDS),
        documentationUrl: fc.option(fc.constantFrom("https://a.example/cct.pdf", "https://a.example/x_(y)", "http://b.example/?q=%22—%22"), { nil: undefined }),
        recipientKind: fc.option(fc.constantFrom(...RECIPIENT_KINDS), { nil: undefined }),
        art49Point: fc.option(fc.constantFrom(...ART49_POINTS), { nil: undefined }),
        tiaDone: fc.option(fc.boolean(), { nil: undefined }),
        dpfCertified: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map((t) => (t.safeguard === "art49_derogation" ? t : { ...t, art49Point: undefined })),
  ),
  securityMeasures: list(fc.record({ measure: fc.constantFrom(...SECURITY_MEASURES), details: optText })),
});

type Generated = typeof contentArb extends fc.Arbitrary<infer T> ? T : never;

/** The record the generated values make (the schema trims text and drops blank optional parts). */
function contentOf(g: Generated): ActivityContent {
  const { ordinary, sensitive, offences, ...rest } = g;
  return ActivityContentSchema.parse({
    ...rest,
    dataCategories: [...ordinary, ...sensitive, ...(offences ? [{ category: "offences", ...offences }] : [])],
  });
}

function exportOf(c: ActivityContent): RegisterExport {
  const a = template.activities[0]!;
  return {
    ...template,
    activities: [
      {
        ...a,
        name: c.name,
        purposes: c.purposes,
        jointControllers: c.jointControllers,
        processorFor: c.processorFor,
        legalBases: c.legalBases,
        art9Conditions: c.art9Conditions,
        art10Basis: c.art10Basis,
        dataSubjects: c.dataSubjects,
        dataCategories: c.dataCategories.map((d) => ({ ...d, sensitive: isSensitiveCategory(d.category) })),
        recipients: c.recipients,
        transfers: c.transfers,
        securityMeasures: c.securityMeasures,
      },
    ],
  };
}

/** The fields the spreadsheet's cells carry, comparable (categories by code: their columns group them by kind). */
function carried(c: ActivityContent) {
  return {
    name: c.name,
    purposes: c.purposes,
    jointControllers: c.jointControllers,
    processorFor: c.processorFor,
    legalBases: c.legalBases,
    art9Conditions: c.art9Conditions,
    art10Basis: c.dataCategories.some((d) => d.category === "offences") ? c.art10Basis : undefined,
    dataSubjects: c.dataSubjects,
    dataCategories: [...c.dataCategories].sort((x, y) => x.category.localeCompare(y.category)),
    recipients: c.recipients,
    transfers: c.transfers,
    securityMeasures: c.securityMeasures,
  };
}

const DATA = TABULAR_COLUMNS.indexOf("registreData");

/** The CSV as a person's edit leaves it: the row's data column no longer matches, so the import reads the cells (here: removed). */
function csvWithoutData(bytes: Buffer, separator: CsvSeparator): Uint8Array {
  // The cells as exported (already neutralised): quoted, not neutralised a second time.
  const rows = parseCsv(decodeText(bytes).text, separator).map((r) => r.filter((_, i) => i !== DATA));
  return new TextEncoder().encode(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(separator)).join("\r\n"));
}

async function readBack(bytes: Uint8Array) {
  const parsed = await parseImportFile(bytes);
  expect(parsed.fileErrors).toEqual([]);
  const row = parsed.rows[0]!;
  expect(row.errors).toEqual([]);
  return { content: row.content!, warnings: row.warnings };
}

describe("compound cells read back exactly from their text (no row data)", () => {
  it.each([
    ["fr", ";"],
    ["en", ","],
    ["fr", ","],
  ] as const)(
    "CSV (%s, %s): every list and compound field, adversarial text",
    async (locale: Locale, separator: CsvSeparator) => {
      await fc.assert(
        fc.asyncProperty(contentArb, async (g) => {
          const c = contentOf(g);
          const { content, warnings } = await readBack(csvWithoutData(toCsv(exportOf(c), { locale, separator }), separator));
          expect(carried(content)).toEqual(carried(c));
          expect(warnings).toEqual([]);
        }),
        { numRuns: 250 },
      );
    },
    120_000,
  );

  it("XLSX, the data column hidden and emptied: the same", async () => {
    await fc.assert(
      fc.asyncProperty(contentArb, fc.constantFrom<Locale>("fr", "en"), async (g, locale) => {
        const c = contentOf(g);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await toXlsx(exportOf(c), { locale })) as unknown as ExcelJS.Buffer);
        wb.worksheets[0]!.getRow(2).getCell(DATA + 1).value = null;
        const { content } = await readBack(new Uint8Array(await wb.xlsx.writeBuffer()));
        expect(carried(content)).toEqual(carried(c));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("ordinary values keep their readable form; only ambiguous ones are quoted", async () => {
    const c = ActivityContentSchema.parse({
      name: "Cantine",
      purposes: { main: "Restauration scolaire", sub: ["Non"] },
      legalBases: [
        { basis: "c", text: "Code de l'éducation", purpose: "inscriptions" },
        { basis: "e_public_interest", text: "Délibération (cantine)" },
      ],
      jointControllers: [
        { name: "Syndicat", contact: "contact@s.example" },
        { name: "Caisse", arrangement: "Convention 2024" },
      ],
      recipients: [
        { type: "internal", name: "Service scolaire" },
        { type: "other", name: "Non" },
      ],
      dataCategories: [{ category: "identity", retention: { activePeriod: "—", intermediatePeriod: "1 an", finalFate: "destruction" } }],
    });
    const rows = parseCsv(decodeText(toCsv(exportOf(c), { locale: "fr", separator: ";" })).text, ";");
    const cell = (col: (typeof TABULAR_COLUMNS)[number]) => rows[1]![TABULAR_COLUMNS.indexOf(col)]!;
    // "Délibération (cantine)" would read as a text and a purpose: quoted.
    expect(splitValues(cell("legalBases"))).toEqual([
      "Obligation légale (art. 6.1.c) : Code de l'éducation (inscriptions)",
      'Mission d\'intérêt public (art. 6.1.e) : "Délibération (cantine)" ("")',
    ]);
    // "Caisse — Convention 2024" would make the arrangement a contact: quoted, the empty contact as "".
    expect(splitValues(cell("jointControllers"))).toEqual(["Syndicat — contact@s.example", '"Caisse" — "" — "Convention 2024"']);
    // A value that is only "Non" is a value: the bullet form keeps it (an empty list is an empty cell).
    expect(cell("subPurposes")).toBe("• Non");
    expect(cell("recipients")).toBe("Service interne : Service scolaire\nAutre destinataire : Non");
    // A retention period that is literally "—" (which the cell writes for "none").
    expect(cell("retention")).toMatch(/ : "—" \/ "1 an" \/ Destruction \(""\)$/);
    const { content } = await readBack(csvWithoutData(toCsv(exportOf(c), { locale: "fr", separator: ";" }), ";"));
    expect(carried(content)).toEqual(carried(c));
  });

  it("a list value that is only 'Non' or '—' survives; an empty list is an empty cell, a hand-typed 'Non' still means none", () => {
    expect(encodeListCell([])).toBe("");
    expect(splitValues(encodeListCell(["Non"]))).toEqual(["Non"]);
    expect(splitValues(encodeListCell(["—", "Aucun"]))).toEqual(["—", "Aucun"]);
    expect(splitValues("Non")).toEqual([]);
    expect(splitValues("—")).toEqual([]);
  });
});
