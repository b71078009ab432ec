import ExcelJS from "exceljs";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { JSONLD_CONTEXT, REGISTRE_CONTEXT_URL, REGISTRE_NS, toJsonLd } from "~/documents/jsonld.ts";
import { neutraliseCell, neutraliseXlsxText, registerHeaders, registerRows, TABULAR_COLUMNS, toCsv, toXlsx, type CsvSeparator } from "~/documents/tabular.ts";
import { enTabular } from "~/locales/en.tabular.ts";
import { frTabular } from "~/locales/fr.tabular.ts";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { addLocation, createService, createVendor, linkActivity, type VendorInput } from "~/models/vendor.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { RegisterExportSchema, type RegisterExport } from "~/schemas/register-export.ts";
import { getDb } from "~/utils/db.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { createOrg, createUser, vendorFields } from "../helpers/factories.ts";

/** A strict RFC 4180 parser: quoted fields may hold separators, quotes ("") and line breaks; records end with CRLF. */
function parseCsv(text: string, separator: CsvSeparator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== separator && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`bare quote in unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (i >= n) throw new Error("the last record must end with CRLF");
    if (text[i] === separator) {
      i++;
    } else if (text[i] === "\r" && text[i + 1] === "\n") {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i} (records must end with CRLF)`);
    }
  }
  return rows;
}

const BOM = [0xef, 0xbb, 0xbf];
const EVIL_NAME = '=HYPERLINK("http://evil.example","x")';
const GENERATED_AT = new Date("2026-01-15T10:00:00.000Z");

const vendorInput = (over: Partial<VendorInput>): VendorInput => vendorFields("Vendor", { dpaStatus: "SIGNED", ...over });

let data: RegisterExport;

beforeAll(async () => {
  const { org, departments } = await createOrg("Ville de Saint-Étienne-du-Test");
  await getDb().organization.update({
    where: { id: org.id },
    data: {
      siren: "217500016",
      address: "1 place de l'Hôtel de Ville, 75004 Paris",
      legalRepresentative: "Mme la Maire",
      dpoName: "Délia Pô",
      dpoEmail: "dpo@mairie.example",
      dpoPhone: "+33 1 23 45 67 89",
      dpoCnilNumber: "DPO-12345",
    },
  });
  const user = await createUser();
  const content = (input: Record<string, unknown>) => ActivityContentSchema.parse(input);

  let a1 = await createActivity(user.id, org.id, {
    departmentId: departments[0]!.id,
    content: content({
      name: EVIL_NAME,
      description: "Gestion des listes électorales",
      purposes: {
        main: '+33 : numéro « accentué », avec virgule ; point-virgule\nligne 2 "citée"',
        sub: ["-10 % pour les élèves", 'Sous-finalité "entre guillemets", virgule; point-virgule'],
      },
      legalBases: [
        { basis: "c", text: "Code électoral L16" },
        { basis: "e_public_interest", text: "CGCT L2121-29", purpose: "Information des électeurs" },
      ],
      art9Conditions: [{ condition: "h", text: "CASF L123-5" }],
      art10Basis: "Code de procédure pénale, art. 777-3",
      dataSubjects: [{ category: "residents", description: "Électeurs inscrits", estimatedCount: 12000 }, { category: "children" }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, date de naissance",
          retention: { activePeriod: "Durée de l'inscription", intermediatePeriod: "5 ans", finalFate: "archives" },
        },
        { category: "health", retention: { activePeriod: "1 an", finalFate: "destruction", rule: "DAF/DPACI/RES/2009/018" } },
        { category: "offences" },
      ],
      recipients: [
        { type: "internal", name: "Service des élections" },
        { type: "institutional", name: "INSEE (REU)" },
      ],
      transfers: [{ country: "US", recipient: "Cloudy Inc.", safeguard: "scc", documentationUrl: "https://cloudy.example/scc" }],
      securityMeasures: [{ measure: "encryption", details: "=1+1 chiffrement AES" }, { measure: "access_control" }, { measure: "awareness" }],
      riskFlags: { largeScale: true },
    }),
  });
  const cloudy = await createVendor(user.id, org.id, vendorInput({ name: "Cloudy Inc.", country: "US", dpfCertified: false }));
  const mail = await createService(user.id, org.id, cloudy.id, { name: "Cloudy Mail", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  await addLocation(user.id, org.id, mail.id, {
    role: "STORAGE",
    country: "US",
    region: null,
    providerServiceId: null,
    safeguard: "SCC_C2P",
    tiaDone: true,
    safeguardUrl: null,
  });
  await linkActivity(user.id, org.id, a1.id, { serviceId: mail.id }, "PROCESSOR");
  a1 = await transitionActivity(user.id, org.id, a1.id, a1.revision, "approve", {}, new Date("2025-03-01T12:00:00Z"));

  await createActivity(user.id, org.id, {
    departmentId: departments[1]!.id,
    content: content({ name: "Brouillon, avec virgule; et point-virgule", purposes: { main: "@mairie sur les réseaux", sub: [] } }),
  });
  await createActivity(user.id, org.id, {
    departmentId: null,
    content: content({ name: "Crèche — inscriptions", purposes: { main: "Inscriptions", sub: [] } }),
  });

  const built = await buildRegisterExport(org.id, { generatedAt: GENERATED_AT });
  // The activity schema trims text, so a leading TAB or CR cannot come from the forms; an import or a
  // future field might still carry one, so the export data is given some directly.
  built.activities[1]!.purposes.sub = ["\tTabulé"];
  built.activities[2]!.purposes.main = "\rRetour chariot";
  data = RegisterExportSchema.parse(built);
});

function expectedCells(locale: Locale, neutralise = neutraliseCell): string[][] {
  return registerRows(data, locale).map((r) => TABULAR_COLUMNS.map((c) => (typeof r[c] === "number" ? String(r[c]) : neutralise(r[c] as string))));
}

describe("registerRows", () => {
  it("has one row per activity with the CNIL register columns", () => {
    const rows = registerRows(data, "fr");
    expect(rows.map((r) => r.ref)).toEqual(["T-0001", "T-0002", "T-0003"]);
    const r = rows[0]!;
    expect(r.name).toBe(EVIL_NAME);
    expect(r.department).toBe("État civil");
    expect(r.lastUpdate).toBe("2025-03-01");
    expect(r.controller).toBe("Ville de Saint-Étienne-du-Test");
    expect(r.dpo).toBe("Délia Pô — dpo@mairie.example — +33 1 23 45 67 89");
    expect(r.legalBases).toBe(
      "Obligation légale (art. 6.1.c) : Code électoral L16\nMission d'intérêt public (art. 6.1.e) : CGCT L2121-29 (Information des électeurs)",
    );
    expect(r.sensitive).toBe("Oui");
    expect(r.sensitiveCategories).toBe("Données de santé");
    expect(r.dataCategories).toBe("État civil, identité, données d'identification, images (Nom, prénoms, date de naissance)");
    expect(r.offences).toBe("Oui : Code de procédure pénale, art. 777-3");
    expect(r.retention).toContain("État civil, identité, données d'identification, images : Durée de l'inscription / 5 ans / Versement aux archives publiques");
    expect(r.retention).toContain("Données de santé : 1 an / — / Destruction (DAF/DPACI/RES/2009/018)");
    expect(r.transfers).toBe("US — Cloudy Inc. — Clauses contractuelles types (art. 46.2.c) — https://cloudy.example/scc");
    expect(r.services).toBe("Cloudy Inc. — Cloudy Mail [Sous-traitant]");
    expect(r.status).toBe("Validé");
    expect(r.version).toBe(1);
    expect(typeof r.completeness).toBe("number");
    expect(rows[1]!.sensitive).toBe("Non");
    expect(rows[1]!.version).toBe("");
    const en = registerRows(data, "en")[0]!;
    expect(en.legalBases).toBe(
      "Legal obligation (Art. 6(1)(c)): Code électoral L16\nTask in the public interest (Art. 6(1)(e)): CGCT L2121-29 (Information des électeurs)",
    );
    expect(en.sensitive).toBe("Yes");
  });
});

describe("neutraliseCell", () => {
  it.each(["=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with an apostrophe", (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it.each(["Texte", "'déjà", " =espace", "1-2", ""])("leaves %j alone", (v) => {
    expect(neutraliseCell(v)).toBe(v);
  });
  it.each(["=1+1", "+33 x", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx", "+HYPERLINK(1)", "-x"])("in XLSX, still prefixes %j", (v) => {
    expect(neutraliseXlsxText(v)).toBe(`'${v}`);
  });
  it.each(["+33 1 23 45 67 89", "+33 (0)1.23.45.67.89", "-15", "+1 212-555-0100", "Texte"])("in XLSX, leaves the inert %j alone", (v) => {
    expect(neutraliseXlsxText(v)).toBe(v);
  });
});

describe("toCsv", () => {
  it.each([
    [",", "fr"],
    [";", "fr"],
    [",", "en"],
    [";", "en"],
  ] as const)("separator %j, %s: BOM, CRLF, parses back to the same cells", (separator, locale) => {
    const buf = toCsv(data, { locale, separator });
    expect([...buf.subarray(0, 3)]).toEqual(BOM);
    const text = buf.subarray(3).toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text, separator);
    expect(rows[0]).toEqual(registerHeaders(locale));
    expect(rows.slice(1)).toEqual(expectedCells(locale));
    // Every record has the same number of fields.
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([TABULAR_COLUMNS.length]));
  });

  it("quotes fields with the separator, quotes or line breaks, and only those", () => {
    const text = toCsv(data, { locale: "fr", separator: ";" }).subarray(3).toString("utf8");
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"",""x"")";`);
    expect(text).toContain(';"Brouillon, avec virgule; et point-virgule";');
    expect(text).toContain("\r\nT-0003;Crèche — inscriptions;");
    const comma = toCsv(data, { locale: "fr", separator: "," }).subarray(3).toString("utf8");
    expect(comma).toContain("T-0003,Crèche — inscriptions,");
    expect(comma).toContain('"Brouillon, avec virgule; et point-virgule"');
  });

  it("neutralises cells that start with = + - @ TAB or CR", () => {
    const rows = parseCsv(toCsv(data, { locale: "fr", separator: "," }).subarray(3).toString("utf8"), ",").slice(1);
    const col = (name: (typeof TABULAR_COLUMNS)[number]) => TABULAR_COLUMNS.indexOf(name);
    expect(rows[0]![col("name")]).toBe(`'${EVIL_NAME}`);
    expect(rows[0]![col("mainPurpose")]!.startsWith("'+33 : numéro « accentué », avec virgule ; point-virgule\nligne 2")).toBe(true);
    expect(rows[0]![col("subPurposes")]).toBe('\'-10 % pour les élèves\nSous-finalité "entre guillemets", virgule; point-virgule');
    expect(rows[1]![col("mainPurpose")]).toBe("'@mairie sur les réseaux");
    expect(rows[1]![col("subPurposes")]).toBe("'\tTabulé");
    expect(rows[2]![col("mainPurpose")]).toBe("'\rRetour chariot");
    // No field of any row starts with a formula character.
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("French and English headers differ and come from the i18n files", () => {
    const fr = registerHeaders("fr");
    const en = registerHeaders("en");
    expect(fr).toEqual(TABULAR_COLUMNS.map((c) => frTabular[`tabular.column.${c}`]));
    expect(en).toEqual(TABULAR_COLUMNS.map((c) => enTabular[`tabular.column.${c}`]));
    const same = fr.filter((h, i) => h === en[i]);
    expect(same).toEqual([]);
    const frCsv = parseCsv(toCsv(data, { locale: "fr", separator: ";" }).subarray(3).toString("utf8"), ";");
    const enCsv = parseCsv(toCsv(data, { locale: "en", separator: ";" }).subarray(3).toString("utf8"), ";");
    expect(frCsv[0]).toEqual(fr);
    expect(enCsv[0]).toEqual(en);
  });
});

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  // Date cells: a day (midnight UTC) as YYYY-MM-DD, an instant as its ISO form.
  if (v instanceof Date) return v.toISOString().endsWith("T00:00:00.000Z") ? v.toISOString().slice(0, 10) : v.toISOString();
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

describe("toXlsx", () => {
  it.each(["fr", "en"] as const)("%s: round-trips through exceljs with the same values, no formula, neutralised text", async (locale) => {
    const buf = await toXlsx(data, { locale });
    expect(buf.subarray(0, 2).toString("latin1")).toBe("PK");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.creator).toBe("Registre");
    expect(wb.created.toISOString()).toBe(GENERATED_AT.toISOString());
    expect(wb.worksheets.map((w) => w.name)).toEqual(locale === "fr" ? ["Registre", "Organisme"] : ["Register", "Organization"]);

    const sheet = wb.worksheets[0]!;
    const values: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      values.push(TABULAR_COLUMNS.map((_, j) => cellText(row.getCell(j + 1).value)));
    });
    expect(values[0]).toEqual(registerHeaders(locale));
    // Line ends inside a cell are LF in XLSX (XML turns a raw CR into LF anyway).
    expect(values.slice(1)).toEqual(expectedCells(locale, neutraliseXlsxText).map((r) => r.map((c) => c.replace(/\r\n?/g, "\n"))));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    expect(sheet.getRow(2).getCell(TABULAR_COLUMNS.indexOf("mainPurpose") + 1).alignment?.wrapText).toBe(true);

    // Numbers stay numbers.
    const completeness = sheet.getRow(2).getCell(TABULAR_COLUMNS.indexOf("completeness") + 1);
    expect(completeness.type).toBe(ExcelJS.ValueType.Number);
    const nameCell = sheet.getRow(2).getCell(TABULAR_COLUMNS.indexOf("name") + 1);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.value).toBe(`'${EVIL_NAME}`);

    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells++;
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeFalsy();
          // Only inert signed text (a phone number) may start with + or -: it can call nothing.
          if (typeof cell.value === "string" && !/^[+-][\d ()./-]*$/.test(cell.value)) expect(cell.value, cell.address).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    expect(cells).toBeGreaterThan(50);

    const org = wb.worksheets[1]!;
    const orgValues: string[] = [];
    org.eachRow((row) => orgValues.push(`${cellText(row.getCell(1).value)}=${cellText(row.getCell(2).value)}`));
    const t = locale === "fr" ? frTabular : enTabular;
    expect(orgValues).toContain(`${t["tabular.org.name"]}=Ville de Saint-Étienne-du-Test`);
    expect(orgValues).toContain(`${t["tabular.org.dpoName"]}=Délia Pô`);
    expect(orgValues).toContain(`${t["tabular.org.dpoCnilNumber"]}=DPO-12345`);
    // The DPO phone starts with "+": a string cell (never evaluated), without a visible apostrophe.
    expect(orgValues).toContain(`${t["tabular.org.dpoPhone"]}=+33 1 23 45 67 89`);
    let phone: ExcelJS.Cell | undefined;
    org.eachRow((row) => {
      if (row.getCell(1).value === t["tabular.org.dpoPhone"]) phone = row.getCell(2);
    });
    expect(phone!.type).toBe(ExcelJS.ValueType.String);
    expect(phone!.value).toBe("+33 1 23 45 67 89");
    // The export's instant is a date cell with a date-time format.
    let generated: ExcelJS.Cell | undefined;
    org.eachRow((row) => {
      if (row.getCell(1).value === t["tabular.org.generatedAt"]) generated = row.getCell(2);
    });
    expect(generated!.type).toBe(ExcelJS.ValueType.Date);
    expect((generated!.value as Date).toISOString()).toBe(GENERATED_AT.toISOString());
    expect(generated!.numFmt).toMatch(/yyyy.*hh:mm/);

    // Dates are date cells with a date number format, not text.
    const last = sheet.getRow(2).getCell(TABULAR_COLUMNS.indexOf("lastUpdate") + 1);
    expect(last.type).toBe(ExcelJS.ValueType.Date);
    expect((last.value as Date).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(last.numFmt).toBe(locale === "fr" ? "dd/mm/yyyy" : "yyyy-mm-dd");
  });
});

describe("toXlsx reproducibility", () => {
  it("the same data gives the same bytes, whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2030-06-01T08:00:00Z"));
      const a = await toXlsx(data, { locale: "fr" });
      vi.setSystemTime(new Date("2031-12-24T23:59:58Z"));
      const b = await toXlsx(data, { locale: "fr" });
      expect(a.equals(b)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Serves only the context of the export: any other URL is an error (no network). */
async function documentLoader(url: string) {
  if (url === REGISTRE_CONTEXT_URL) return { contextUrl: undefined, documentUrl: url, document: { "@context": JSONLD_CONTEXT } };
  throw new Error(`no network in tests: ${url}`);
}

async function expand(doc: object): Promise<Json[]> {
  // `safe: true` makes jsonld throw instead of silently dropping a term it cannot expand.
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, options)) as unknown as Json[];
}

function walk(value: Json, onKey: (k: string) => void, onIri: (iri: string) => void) {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, onKey, onIri);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    onKey(k);
    if (k === "@id" && typeof v === "string") onIri(v);
    else if (k === "@type" && !("@value" in value)) for (const t of Array.isArray(v) ? v : [v]) if (typeof t === "string") onIri(t);
    if (k !== "@value") walk(v, onKey, onIri);
    if (!k.startsWith("@")) onIri(k);
  }
}

describe("toJsonLd", () => {
  it("expands with a standard processor into DPV IRIs, with every property an absolute IRI", async () => {
    const doc = toJsonLd(data);
    // Only the prefixes the document uses (issue 11: risk, legal-eu and skos were declared and never used).
    expect(doc["@context"]).toEqual({
      dpv: "https://w3id.org/dpv#",
      "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
      pd: "https://w3id.org/dpv/pd#",
      loc: "https://w3id.org/dpv/loc#",
      registre: REGISTRE_NS,
      dct: "http://purl.org/dc/terms/",
      rdfs: "http://www.w3.org/2000/01/rdf-schema#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    });
    const expanded = await expand(doc);
    const keys = new Set<string>();
    const iris = new Set<string>();
    walk(
      expanded,
      (k) => keys.add(k),
      (i) => iris.add(i),
    );
    const unexpanded = [...keys].filter((k) => !k.startsWith("@") && !/^(https?|urn):/.test(k));
    expect(unexpanded).toEqual([]);
    for (const iri of [
      "https://w3id.org/dpv#ROPA",
      "https://w3id.org/dpv#hasDataController",
      "https://w3id.org/dpv#DataController",
      "https://w3id.org/dpv#DataProtectionOfficer",
      "https://w3id.org/dpv#hasProcess",
      "https://w3id.org/dpv#Process",
      "https://w3id.org/dpv#hasPurpose",
      "https://w3id.org/dpv/legal/eu/gdpr#A6-1-c",
      "https://w3id.org/dpv/legal/eu/gdpr#A6-1-e-public-interest",
      "https://w3id.org/dpv/legal/eu/gdpr#A9-2-h",
      "https://w3id.org/dpv/pd#Health",
      "https://w3id.org/dpv/pd#Identifying",
      "https://w3id.org/dpv/pd#Criminal",
      "https://w3id.org/dpv#Citizen",
      "https://w3id.org/dpv#Child",
      "https://w3id.org/dpv#hasDataProcessor",
      "https://w3id.org/dpv#hasStorageCondition",
      "https://w3id.org/dpv#StorageDuration",
      "https://w3id.org/dpv#hasTechnicalMeasure",
      "https://w3id.org/dpv#Encryption",
      "https://w3id.org/dpv#hasOrganisationalMeasure",
      "https://w3id.org/dpv#CrossBorderTransfer",
      "https://w3id.org/dpv#hasThirdCountry",
      "https://w3id.org/dpv/loc#US",
      "https://w3id.org/dpv/legal/eu/gdpr#A46-2-c",
      `${REGISTRE_NS}exposureLevel`,
    ]) {
      expect(iris, iri).toContain(iri);
    }
    // Nothing stayed a compact IRI after expansion.
    expect([...iris].filter((i) => /^(dpv|pd|eu-gdpr|loc|risk|legal-eu|registre|dct|rdfs|xsd):/.test(i))).toEqual([]);
    // dpv:PersonalDataHandling is sunset in every DPV 2.x release.
    expect(iris).not.toContain("https://w3id.org/dpv#PersonalDataHandling");
  });

  it("the same document with the context by URL expands identically (served locally)", async () => {
    const doc = toJsonLd(data);
    const inline = await expand(doc);
    const byUrl = await expand({ ...doc, "@context": REGISTRE_CONTEXT_URL });
    expect(byUrl).toEqual(inline);
  });

  it("describes the activity with its text, the DPO, the exposure level and the US transfer", () => {
    const doc = toJsonLd(data) as Record<string, Json>;
    const controller = doc["dpv:hasDataController"] as Record<string, Json>;
    expect(controller["dpv:hasName"]).toBe("Ville de Saint-Étienne-du-Test");
    expect(controller["dpv:hasDataProtectionOfficer"]).toMatchObject({
      "@type": "dpv:DataProtectionOfficer",
      "dpv:hasName": "Délia Pô",
      "registre:cnilDesignationNumber": "DPO-12345",
    });
    const processes = doc["dpv:hasProcess"] as Record<string, Json>[];
    expect(processes).toHaveLength(3);
    const p = processes[0]!;
    expect(p["rdfs:label"]).toBe(EVIL_NAME);
    expect(p["registre:exposureLevel"]).toBe(data.activities[0]!.analysis.level);
    expect(p["dpv:hasProcessing"]).toEqual([
      {
        "@type": "dpv:CrossBorderTransfer",
        "dpv:hasThirdCountry": { "@id": "loc:US" },
        "dpv:hasRecipient": { "@type": "dpv:Recipient", "dpv:hasName": "Cloudy Inc." },
        "dpv:hasLegalBasis": { "@id": "eu-gdpr:A46-2-c" },
        "registre:safeguard": "scc",
        "registre:documentationUrl": { "@value": "https://cloudy.example/scc", "@type": "xsd:anyURI" },
      },
    ]);
    expect(p["dpv:hasDataProcessor"]).toEqual([
      {
        "@type": ["dpv:DataProcessor"],
        "dpv:hasName": "Cloudy Inc.",
        "registre:service": "Cloudy Mail",
        "registre:linkRole": "PROCESSOR",
        "dpv:hasCountry": { "@id": "loc:US" },
      },
    ]);
    expect(JSON.stringify(p["dpv:hasPurpose"])).toContain("+33 : numéro « accentué »");
    // Deterministic: the same data gives the same document.
    expect(JSON.stringify(toJsonLd(data))).toBe(JSON.stringify(doc));
  });
});
