import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { registerHeaders, TABULAR_COLUMNS, toCsv, toXlsx } from "~/documents/tabular.ts";
import { EXPORT_COLUMNS, recogniseHeader } from "~/import/headers.ts";
import { IMPORT_LIMITS, ImportFileError } from "~/import/limits.ts";
import { parseImportFile } from "~/import/parse.ts";
import { createActivity, getActivityByRef, transitionActivity } from "~/models/activity.server.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { commitImport, createActivitiesInUnit, ImportHasErrorsError, previewImport, readPendingImport } from "~/models/import.server.ts";
import { unitOfWork } from "~/models/unit-of-work.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { ActivityContentSchema, type ActivityContentInput } from "~/schemas/activity.ts";
import type { ExportActivity } from "~/schemas/register-export.ts";
import { getDb } from "~/utils/db.server.ts";
import * as route from "~/routes/o.$org.import.tsx";
import { checkMatrix, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, request, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registre-import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const enc = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** Activities of the org and audit events overall: what "nothing written" is checked against. */
async function snapshot(organizationId: string) {
  const db = getDb();
  const [activities, audit, versions] = await Promise.all([
    db.activity.count({ where: { organizationId } }),
    db.auditEvent.count(),
    db.activityVersion.count({ where: { organizationId } }),
  ]);
  return { activities, audit, versions };
}

async function fileError(orgId: string, bytes: Uint8Array): Promise<string> {
  try {
    await previewImport(orgId, bytes);
  } catch (err) {
    if (err instanceof ImportFileError) return err.key;
    throw err;
  }
  throw new Error("expected an ImportFileError");
}

async function xlsxOf(rows: ExcelJS.CellValue[][], sheetName = "Registre"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csvOf = (rows: string[][], sep = ";") => rows.map((r) => r.map((c) => (/[";\n,\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join("\r\n");

function rich(i: number): ActivityContentInput {
  return {
    name: `Traitement riche ${i}`,
    description: `Description ${i}`,
    internalContact: "Mme Dupont",
    implementationDate: "2020-01-15",
    regime: "GDPR",
    role: "CONTROLLER",
    jointControllers: [],
    processorFor: [],
    purposes: { main: `Finalité principale ${i}`, sub: ["Sous-finalité A", "Sous-finalité B"] },
    legalBases: [
      { basis: "c", text: "Code électoral L16", purpose: "Tenue des listes" },
      { basis: "e_public_interest", text: "CGCT L2121-29" },
    ],
    art9Conditions: [{ condition: "h", text: "CASF L123-5" }],
    art10Basis: "Code de procédure pénale art. 21",
    dataSubjects: [{ category: "residents", description: "inscrits", estimatedCount: 1200 }, { category: "agents" }],
    dataCategories: [
      {
        category: "identity",
        description: "nom, prénom",
        retention: { activePeriod: "5 ans", intermediatePeriod: "10 ans", finalFate: "archives", rule: "Instruction 2014/006" },
      },
      { category: "economic", retention: { activePeriod: "1 an", finalFate: "destruction" } },
      { category: "health", description: "certificats médicaux", retention: { activePeriod: "2 ans", finalFate: "destruction" } },
      { category: "offences", retention: { activePeriod: "1 an", finalFate: "destruction" } },
    ],
    recipients: [
      { type: "internal", name: "Service état civil" },
      { type: "processor", name: "Éditeur du logiciel" },
    ],
    transfers: [{ country: "US", recipient: "Hébergeur américain", safeguard: "scc", documentationUrl: "https://example.org/cct" }],
    securityMeasures: [
      { measure: "backups", details: "quotidiennes" },
      { measure: "access_control", details: "habilitations par service" },
      { measure: "logging" },
    ],
    rights: { exercise: "Auprès du DPO", information: "Mentions sur le formulaire" },
    riskFlags: { largeScale: true, vulnerableSubjects: true },
    nextReviewAt: "2027-06-30",
  };
}

describe("malformed files: a clear message key, and nothing written", () => {
  it("truncated XLSX, fake XLSX, binary garbage, oversize, empty, foreign JSON", async () => {
    const { org } = await createOrg();
    const before = await snapshot(org.id);
    const good = await xlsxOf([
      ["Nom du traitement", "Finalité principale"],
      ["Listes électorales", "Tenue des listes"],
    ]);
    expect(await fileError(org.id, good.subarray(0, Math.floor(good.length / 2)))).toBe("errors.import.badXlsx");
    const fake = new Uint8Array(4096);
    crypto.randomFillSync(fake);
    fake.set([0x50, 0x4b, 0x03, 0x04], 0);
    expect(await fileError(org.id, fake)).toBe("errors.import.badXlsx");
    // A zip whose central directory is intact but whose entries are garbage.
    const corrupt = new Uint8Array(good);
    for (let i = 40; i < corrupt.length - 600; i++) corrupt[i] = (corrupt[i]! * 31 + 7) & 0xff;
    expect(await fileError(org.id, corrupt)).toBe("errors.import.badXlsx");

    const garbage = new Uint8Array(8192);
    crypto.randomFillSync(garbage);
    garbage[0] = 0x01;
    expect(await fileError(org.id, garbage)).toBe("errors.import.binary");
    expect(await fileError(org.id, new Uint8Array([0x4e, 0x6f, 0x6d, 0x00, 0x41]))).toBe("errors.import.binary");

    const big = new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61);
    expect(await fileError(org.id, big)).toBe("errors.import.tooLarge");
    expect(await fileError(org.id, new Uint8Array())).toBe("errors.import.empty");
    expect(await fileError(org.id, enc("\n\n ;; \n"))).toBe("errors.import.empty");
    expect(await fileError(org.id, enc('{"hello": "world"}'))).toBe("errors.import.notRegisterJson");
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("a row of 100,000 columns is refused while parsing", async () => {
    const { org } = await createOrg();
    const before = await snapshot(org.id);
    const wide = `Nom du traitement;Finalité principale\nA;B\n${"x;".repeat(100_000)}x\n`;
    expect(await fileError(org.id, enc(wide))).toBe("errors.import.tooManyColumns");
    // A quoted cell longer than Excel allows.
    expect(await fileError(org.id, enc(`Nom du traitement\n"${"a".repeat(IMPORT_LIMITS.maxCellLength + 1)}"\n`))).toBe("errors.import.cellTooLong");
    const many = `Nom du traitement\n${"Traitement\n".repeat(IMPORT_LIMITS.maxRows + 20)}`;
    expect(await fileError(org.id, enc(many))).toBe("errors.import.tooManyRows");
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe("CSV: encoding and separator", () => {
  it("decodes Windows-1252 (accents right) and detects the semicolon", async () => {
    const text = "Nom du traitement;Finalité principale;Catégories de personnes concernées\r\nÉtat civil;Délivrance des actes;Usagers\r\n";
    const bytes = new Uint8Array(Buffer.from(text, "latin1"));
    const parsed = await parseImportFile(bytes);
    expect(parsed).toMatchObject({ format: "csv", encoding: "windows-1252", separator: ";" });
    expect(parsed.columns.map((c) => c.field)).toEqual(["name", "mainPurpose", "dataSubjects"]);
    expect(parsed.rows[0]!.content).toMatchObject({
      name: "État civil",
      purposes: { main: "Délivrance des actes" },
      dataSubjects: [{ category: "service_users" }],
    });
  });

  it("UTF-8 with a BOM, comma separator, quotes and line breaks inside quotes; tab too", async () => {
    const text = `\uFEFFNom du traitement,Finalité principale,Sous-finalités\r\n"Cantine, périscolaire","Inscriptions ""cantine""","Facturation\nRelances"\r\n`;
    const parsed = await parseImportFile(enc(text));
    expect(parsed).toMatchObject({ format: "csv", encoding: "utf-8", separator: "," });
    expect(parsed.columns[0]!.field).toBe("name");
    expect(parsed.rows[0]!.content).toMatchObject({
      name: "Cantine, périscolaire",
      purposes: { main: 'Inscriptions "cantine"', sub: ["Facturation", "Relances"] },
    });
    const tab = await parseImportFile(enc("Nom du traitement\tService\nÉlections\tÉtat civil\n"));
    expect(tab.separator).toBe("\t");
    expect(tab.rows[0]).toMatchObject({ department: "État civil", content: { name: "Élections" } });
  });

  it("semicolon wins over commas inside the header's text, and the other way round", async () => {
    const semi = await parseImportFile(enc("Nom du traitement;Transferts hors UE (pays, destinataire, garantie)\nA;\n"));
    expect(semi.separator).toBe(";");
    expect(semi.columns.map((c) => c.field)).toEqual(["name", "transfers"]);
    const comma = await parseImportFile(enc('Nom du traitement,"Finalité; principale",Service\nA,B,C\n'));
    expect(comma.separator).toBe(",");
  });
});

describe("formulas", () => {
  it("XLSX: the cached result is used; a formula without one is not evaluated and warned; a neutralised apostrophe is removed", async () => {
    const bytes = await xlsxOf([
      ["Nom du traitement", "Finalité principale", "Sous-finalités"],
      ["Listes électorales", { formula: 'CONCAT("Tenue ","des listes")', result: "Tenue des listes" } as ExcelJS.CellValue, '\'=HYPERLINK("http://evil")'],
      ["Urbanisme", { formula: "A1&B1" } as ExcelJS.CellValue, "'-moins"],
    ]);
    const parsed = await parseImportFile(bytes);
    expect(parsed.rows[0]!.content?.purposes).toEqual({ main: "Tenue des listes", sub: ['=HYPERLINK("http://evil")'] });
    expect(parsed.rows[0]!.warnings).toEqual([]);
    expect(parsed.rows[1]!.content?.purposes).toEqual({ main: undefined, sub: ["-moins"] });
    expect(parsed.rows[1]!.warnings.map((w) => w.key)).toEqual(["import.warn.formula"]);
  });

  it("CSV: a cell starting with = is a formula, never evaluated", async () => {
    const parsed = await parseImportFile(enc("Nom du traitement;Finalité principale\nA;=1+1\nB;'=1+1\n"));
    expect(parsed.rows[0]!.warnings.map((w) => w.key)).toEqual(["import.warn.formula"]);
    expect(parsed.rows[0]!.content?.purposes.main).toBeUndefined();
    expect(parsed.rows[1]!.content?.purposes.main).toBe("=1+1");
  });
});

describe("header recognition", () => {
  it("the export's French and English headers", () => {
    expect(EXPORT_COLUMNS).toEqual([...TABULAR_COLUMNS]);
    for (const locale of ["fr", "en"] as const) {
      const fields = registerHeaders(locale).map(recogniseHeader);
      expect(fields.every(Boolean), locale).toBe(true);
    }
  });

  it("CNIL model synonyms, accent/case/punctuation-insensitive, with a title row above the header", async () => {
    const rows = [
      ["REGISTRE DES ACTIVITÉS DE TRAITEMENT — Commune de Test"],
      [],
      [
        "Référence",
        "NOM DU TRAITEMENT",
        "finalite principale :",
        "Catégories de personnes concernées",
        "Catégories de données",
        "Durée de conservation",
        "Destinataires",
        "Transferts hors UE",
        "Mesures de sécurité",
        "Service",
        "Base légale",
        "Date de création",
      ],
      [
        "R-12",
        "Gestion du cimetière",
        "Concessions",
        "Administrés; Familles",
        "Identité; Coordonnées bancaires",
        "Durée de la concession",
        "Service interne : Régie; Trésor public",
        "Non",
        "Sauvegardes; Antivirus; Coffre-fort",
        "Cimetière",
        "6-1-e",
        "2019-05-01",
      ],
      [
        "R-13",
        "Listes électorales",
        "Tenue des listes",
        "Habitants",
        "État civil",
        "5 ans / — / Versement aux archives",
        "Préfecture",
        "—",
        "Contrôle d'accès",
        "État civil",
        "Obligation légale (art. 6.1.c) : Code électoral L16\nc",
        "",
      ],
    ];
    const parsed = await parseImportFile(await xlsxOf(rows));
    expect(parsed.headerRow).toBe(3);
    expect(parsed.columns.map((c) => c.field)).toEqual([
      "ref",
      "name",
      "mainPurpose",
      "dataSubjects",
      "dataCategories",
      "retention",
      "recipients",
      "transfers",
      "securityMeasures",
      "department",
      "legalBases",
      "createdAt",
    ]);
    expect(parsed.unmatched).toEqual([]);
    const [a, b] = parsed.rows;
    expect(a!.errors).toEqual([]);
    expect(a!.content).toMatchObject({
      name: "Gestion du cimetière",
      legalBases: [{ basis: "e_public_interest" }],
      dataSubjects: [{ category: "residents" }, { category: "families" }],
      dataCategories: [
        { category: "identity", retention: { activePeriod: "Durée de la concession" } },
        { category: "economic", retention: { activePeriod: "Durée de la concession" } },
      ],
      recipients: [
        { type: "internal", name: "Régie" },
        { type: "other", name: "Trésor public" },
      ],
      transfers: [],
      securityMeasures: [{ measure: "backups" }, { measure: "software_protection" }, { measure: "other", details: "Coffre-fort" }],
    });
    expect(a!.warnings.map((w) => w.key).sort()).toEqual(["import.warn.unknownRecipientType", "import.warn.unknownSecurityMeasure"]);
    expect(b!.content).toMatchObject({
      legalBases: [{ basis: "c", text: "Code électoral L16" }, { basis: "c" }],
      dataCategories: [{ category: "identity", retention: { activePeriod: "5 ans", intermediatePeriod: undefined, finalFate: "archives" } }],
      securityMeasures: [{ measure: "access_control" }],
    });
    expect(b!.department).toBe("État civil");
  });

  it("an unknown label is warned about and its text kept in the description", async () => {
    const parsed = await parseImportFile(
      enc("Nom du traitement;Base légale;Catégories de données\nA;Article 12 du règlement intérieur;Plaques d'immatriculation\n"),
    );
    const row = parsed.rows[0]!;
    expect(row.warnings.map((w) => w.key)).toEqual(["import.warn.unknownLegalBasis", "import.warn.unknownDataCategory"]);
    expect(row.content?.description).toBe("Base légale : Article 12 du règlement intérieur\nCatégories de données : Plaques d'immatriculation");
  });

  it("manual mapping: an unrecognised column mapped by hand, another ignored", async () => {
    const bytes = enc("Nom du traitement;Objet;Remarques\nA;Gestion des salles;interne\n");
    const auto = await parseImportFile(bytes);
    expect(auto.unmatched.map((c) => c.header)).toEqual(["Objet", "Remarques"]);
    expect(auto.fileWarnings.map((w) => w.key)).toEqual(["import.warn.unmatchedColumns"]);
    expect(auto.rows[0]!.content?.purposes.main).toBeUndefined();
    const mapped = await parseImportFile(bytes, { mapping: { 1: "mainPurpose", 2: "ignore" } });
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.columns.map((c) => [c.field, c.source])).toEqual([
      ["name", "header"],
      ["mainPurpose", "manual"],
      [null, "manual"],
    ]);
    expect(mapped.rows[0]!.content?.purposes.main).toBe("Gestion des salles");
    const noName = await parseImportFile(bytes, { mapping: { 0: "ignore" } });
    expect(noName.fileErrors.map((e) => e.key)).toEqual(["errors.import.noNameColumn"]);
  });
});

describe("commit: all or nothing, idempotent, approved versions kept", () => {
  it("a file with one bad row writes nothing, even when commit is called anyway", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const before = await snapshot(org.id);
    const bytes = enc(`Nom du traitement;Finalité principale\nA;Une\n;Finalité sans nom\nC;${"x".repeat(1200)}\n`);
    const preview = await previewImport(org.id, bytes);
    expect(preview.canCommit).toBe(false);
    expect(preview.rows.map((r) => [r.rowNumber, r.errors.map((e) => `${e.path} ${e.key}`)])).toEqual([
      [2, []],
      [3, ["name errors.required"]],
      [4, ["purposes.main errors.tooLong"]],
    ]);
    await expect(commitImport(user.id, org.id, preview)).rejects.toBeInstanceOf(ImportHasErrorsError);
    // A forged preview that claims to be valid is re-planned inside the transaction, and refused.
    await expect(commitImport(user.id, org.id, { ...preview, canCommit: true })).rejects.toBeInstanceOf(ImportHasErrorsError);
    expect(await snapshot(org.id)).toEqual(before);
  });

  it("importing the same file twice creates once; an edited file updates the same drafts; an approved activity gets a new draft and stays approved in the register", async () => {
    const { org, departments } = await createOrg();
    const user = await createUser();
    const header = ["Référence", "Nom du traitement", "Service", "Finalité principale", "Base légale"];
    const v1 = csvOf([
      header,
      ["", "Listes électorales", "État civil", "Tenue des listes", "c"],
      ["", "Paie des agents", "ressources HUMAINES", "Paie", "Obligation légale"],
      ["", "Vidéoprotection", "Service inconnu", "Sécurité", "6.1.e"],
    ]);
    const first = await previewImport(org.id, enc(v1));
    expect(first.counts).toMatchObject({ rows: 3, create: 3, update: 0, errors: 0 });
    expect(first.rows.map((r) => r.departmentName)).toEqual(["État civil", "Ressources humaines", null]);
    expect(first.rows[2]!.warnings.map((w) => w.key)).toEqual(["import.warn.unknownDepartment"]);
    const r1 = await commitImport(user.id, org.id, first);
    expect(r1).toMatchObject({ created: 3, updated: 0, refs: ["T-0001", "T-0002", "T-0003"] });
    const audit = await getDb().auditEvent.findFirst({ where: { organizationId: org.id, action: "import.committed" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(audit!.details)).toMatchObject({ format: "csv", rows: 3, created: 3, updated: 0, newDrafts: 0, unchanged: 0 });
    const t1 = (await getActivityByRef(org.id, "T-0001"))!;
    expect(t1).toMatchObject({ status: "DRAFT", departmentId: departments[0]!.id, parsed: { name: "Listes électorales", legalBases: [{ basis: "c" }] } });

    // The same file again: nothing to do.
    const before = await snapshot(org.id);
    const again = await previewImport(org.id, enc(v1));
    expect(again.counts).toMatchObject({ create: 0, update: 0, newDraft: 0, unchanged: 3 });
    await commitImport(user.id, org.id, again);
    expect((await snapshot(org.id)).activities).toBe(before.activities);

    // Approve T-0002, then import an edited file (by name for T-0001, by reference for T-0002).
    const t2 = (await getActivityByRef(org.id, "T-0002"))!;
    await transitionActivity(user.id, org.id, t2.id, t2.revision, "approve");
    const v2 = csvOf([
      header,
      ["", "Listes électorales", "État civil", "Tenue et révision des listes", "c"],
      ["T-0002", "Paie des agents", "Ressources humaines", "Paie et cotisations", "c"],
      ["", "Vidéoprotection", "", "Sécurité", "6.1.e"],
    ]);
    const second = await previewImport(org.id, enc(v2));
    expect(second.rows.map((r) => [r.action, r.target?.ref])).toEqual([
      ["update", "T-0001"],
      ["newDraft", "T-0002"],
      ["unchanged", "T-0003"],
    ]);
    const r2 = await commitImport(user.id, org.id, second);
    expect(r2).toMatchObject({ created: 0, updated: 1, newDrafts: 1, unchanged: 1 });
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(3);
    const after2 = (await getActivityByRef(org.id, "T-0002"))!;
    expect(after2).toMatchObject({ status: "DRAFT", approvedVersion: 1, pendingChanges: true, parsed: { purposes: { main: "Paie et cotisations" } } });
    const exported = await buildRegisterExport(org.id);
    expect(exported.activities.find((a) => a.ref === "T-0002")).toMatchObject({ status: "APPROVED", version: 1, purposes: { main: "Paie" } });
    expect(exported.activities.find((a) => a.ref === "T-0001")).toMatchObject({ status: "DRAFT", purposes: { main: "Tenue et révision des listes" } });
  });

  it("a submitted activity is withdrawn to a new draft; fields the file lacks are kept", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    let a = await createActivity(user.id, org.id, { content: ActivityContentSchema.parse(rich(1)), departmentId: null });
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "submit");
    const preview = await previewImport(org.id, enc(`Référence;Nom du traitement;Finalité principale\n${a.ref};${a.parsed.name};Nouvelle finalité\n`));
    expect(preview.rows[0]).toMatchObject({ action: "newDraft", target: { ref: a.ref, status: "SUBMITTED" } });
    await commitImport(user.id, org.id, preview);
    const after = (await getActivityByRef(org.id, a.ref))!;
    expect(after.status).toBe("DRAFT");
    expect(after.parsed).toEqual({ ...a.parsed, purposes: { ...a.parsed.purposes, main: "Nouvelle finalité" } });
    const withdraw = await getDb().auditEvent.findFirst({ where: { organizationId: org.id, action: "activity.withdraw", entityId: a.id } });
    expect(withdraw).not.toBeNull();
  });
});

describe("bulk creation", () => {
  it("writes the same activity row, search entry and audit event as createActivityInUnit, and keeps the audit chain valid", async () => {
    const { org, departments } = await createOrg();
    const user = await createUser();
    const content = ActivityContentSchema.parse(rich(7));
    const one = await createActivity(user.id, org.id, { content, departmentId: departments[1]!.id });
    const [bulk] = await unitOfWork({ actorId: user.id, organizationId: org.id }, (w) =>
      createActivitiesInUnit(w, user.id, org.id, [{ content, departmentId: departments[1]!.id }]),
    );
    expect(bulk!.ref).toBe("T-0002");
    const db = getDb();
    const strip = ({ id: _i, seq: _s, ref: _r, createdAt: _c, updatedAt: _u, ca: _ca, ua: _ua, ...rest }: Record<string, unknown>) => rest;
    const [a, b] = await Promise.all([db.activity.findUniqueOrThrow({ where: { id: one.id } }), db.activity.findUniqueOrThrow({ where: { id: bulk!.id } })]);
    expect(strip(b)).toEqual(strip(a));
    expect(b.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(b.id).toHaveLength(one.id.length);
    // Stored the same way, column by column (types and date format), as SQL queries read them.
    const raw = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT *, typeof(createdAt) AS tc, typeof(updatedAt) AS tu, typeof(nextReviewAt) AS tn, typeof(hasSensitive) AS th, CAST(createdAt AS TEXT) AS ca, CAST(updatedAt AS TEXT) AS ua, CAST(nextReviewAt AS TEXT) AS na FROM "Activity" WHERE id IN (?, ?) ORDER BY seq`,
      one.id,
      bulk!.id,
    );
    expect(strip(raw[1]!)).toEqual(strip(raw[0]!));
    for (const r of raw) {
      expect(r.ca).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect(r.ua).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect(r.na).toBe("2027-06-30T00:00:00.000+00:00");
    }
    const fts = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM "ActivitySearch" WHERE organizationId = ? ORDER BY activityId = ?`,
      org.id,
      bulk!.id,
    );
    expect(fts).toHaveLength(2);
    expect({ ...fts[1], activityId: null }).toEqual({ ...fts[0], activityId: null });
    const events = await db.auditEvent.findMany({ where: { organizationId: org.id, action: "activity.created" }, orderBy: { seq: "asc" } });
    const rawEvents = await db.$queryRawUnsafe<{ at: string; t: string }[]>(
      `SELECT CAST(at AS TEXT) AS at, typeof(at) AS t FROM "AuditEvent" WHERE entityId IN (?, ?) ORDER BY seq`,
      one.id,
      bulk!.id,
    );
    expect(rawEvents.map((e) => e.t)).toEqual(["text", "text"]);
    expect(rawEvents[1]!.at).toMatch(/\+00:00$/);
    expect(events.map((e) => [e.actorId, e.entity, e.entityId, e.details])).toEqual([
      [user.id, "Activity", one.id, JSON.stringify({ prefilled: false, ref: "T-0001" })],
      [user.id, "Activity", bulk!.id, JSON.stringify({ prefilled: false, ref: "T-0002" })],
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    // The register search finds it like any other.
    expect((await getActivityByRef(org.id, "T-0002"))?.parsed).toEqual(content);
  });
});

describe("updates merge over what the activity holds", () => {
  it("a retention column alone applies to the activity's own categories; a new activity without categories keeps the text", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const a = await createActivity(user.id, org.id, { content: ActivityContentSchema.parse(rich(3)), departmentId: null });
    const file = enc(`Référence;Nom du traitement;Durée de conservation\n${a.ref};${a.parsed.name};3 ans\n;Nouveau;5 ans\n`);
    const preview = await previewImport(org.id, file);
    expect(preview.rows.map((r) => [r.action, r.warnings.map((w) => w.key)])).toEqual([
      ["update", []],
      ["create", ["import.warn.retentionWithoutCategory"]],
    ]);
    expect(preview.rows[0]!.content!.dataCategories.map((d) => [d.category, d.retention, d.description, d.source])).toEqual(
      a.parsed.dataCategories.map((d) => [d.category, { activePeriod: "3 ans" }, d.description, d.source]),
    );
    expect(preview.rows[0]!.content!.rights).toEqual(a.parsed.rights);
    expect(preview.rows[1]!.content!.description).toBe("Durée de conservation : 5 ans");
  });
});

/** An exported activity without what belongs to the source register (reference, workflow, vendor links). */
function comparable(a: ExportActivity) {
  // Record metadata (reference, workflow, dates of the record) belongs to the register that holds it.
  const { ref: _r, status: _s, version: _v, approvedAt: _a, createdAt: _c, updatedAt: _u, services: _sv, ...rest } = a;
  return rest;
}

describe("round trips", () => {
  async function sourceOrg() {
    const { org, departments } = await createOrg("Ville source");
    const user = await createUser();
    for (let i = 1; i <= 4; i++) {
      const a = await createActivity(user.id, org.id, { content: ActivityContentSchema.parse(rich(i)), departmentId: departments[i % 3]!.id });
      if (i % 2 === 0) await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    }
    await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({
        name: "Police municipale — mains courantes",
        regime: "LED",
        role: "PROCESSOR",
        processorFor: [{ controller: "Métropole", contact: "dpo@metropole.fr", categories: "Mains courantes" }],
      }),
      departmentId: null,
    });
    return { org, user, exported: await buildRegisterExport(org.id) };
  }

  it("JSON: export -> import into an empty organization -> export gives the same activities", async () => {
    const { exported } = await sourceOrg();
    const { org: target } = await createOrg("Ville cible");
    const user = await createUser();
    const bytes = enc(JSON.stringify(exported));
    const preview = await previewImport(target.id, bytes);
    expect(preview.format).toBe("json");
    expect(preview.counts).toMatchObject({ rows: 5, create: 5, errors: 0 });
    await commitImport(user.id, target.id, preview);
    const again = await buildRegisterExport(target.id);
    expect(again.activities.map((a) => [a.ref, a.status, a.version])).toEqual(exported.activities.map((_, i) => [`T-000${i + 1}`, "DRAFT", null]));
    expect(again.activities.map(comparable)).toEqual(exported.activities.map(comparable));
    // A register JSON always creates (its references belong to another register); duplicates are pointed out.
    const twice = await previewImport(target.id, bytes);
    expect(twice.counts).toMatchObject({ create: 5, update: 0 });
    expect(twice.rows.map((r) => r.warnings.map((w) => w.key))).toEqual(Array(5).fill(["import.warn.sameNameExists"]));
  });

  it.each(["xlsx", "csv-fr", "csv-en"] as const)("%s: export -> import -> export keeps the register's content", async (kind) => {
    const { exported } = await sourceOrg();
    const { org: target } = await createOrg("Ville cible");
    const user = await createUser();
    const bytes =
      kind === "xlsx"
        ? await toXlsx(exported, { locale: "fr" })
        : toCsv(exported, { locale: kind === "csv-fr" ? "fr" : "en", separator: kind === "csv-fr" ? ";" : "," });
    const preview = await previewImport(target.id, new Uint8Array(bytes));
    expect(preview.unmatched).toEqual([]);
    expect(preview.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(preview.rows.flatMap((r) => r.warnings)).toEqual([]);
    await commitImport(user.id, target.id, preview);
    const again = await buildRegisterExport(target.id);
    const spreadsheet = (a: ExportActivity) => ({
      name: a.name,
      department: a.department,
      role: a.role,
      regime: a.regime,
      purposes: a.purposes,
      legalBases: a.legalBases,
      art9Conditions: a.art9Conditions,
      dataSubjects: a.dataSubjects,
      categories: a.dataCategories
        .map((d) => ({ category: d.category, retention: d.retention, description: d.category === "offences" ? undefined : d.description }))
        .sort((x, y) => x.category.localeCompare(y.category)),
      recipients: a.recipients,
      transfers: a.transfers,
      securityMeasures: a.securityMeasures,
      processorFor: a.processorFor,
      jointControllers: a.jointControllers,
    });
    expect(again.activities.map(spreadsheet)).toEqual(exported.activities.map(spreadsheet));
    // Re-importing the same export into the same organization changes nothing.
    const twice = await previewImport(target.id, new Uint8Array(bytes));
    expect(twice.counts).toMatchObject({ create: 0, update: 0, newDraft: 0, unchanged: 5 });
  });
});

describe("npm run import", () => {
  it("--dry-run reports and writes nothing; an invalid file exits 1 and writes nothing; a valid one is written", async () => {
    const { org } = await createOrg();
    const file = path.join(tmp, "registre.csv");
    fs.writeFileSync(file, "Nom du traitement;Finalité principale;Base légale\nÉlections;Listes;c\nCantine;Inscriptions;Règlement intérieur\n");
    const before = await snapshot(org.id);
    const dry = spawnSync(tsx, ["app/cli/import.ts", "--org", org.slug, "--file", file, "--dry-run"], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      encoding: "utf8",
    });
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("Rows: 2 — 2 to create");
    expect(dry.stdout).toContain("warning: Column “Base légale”: unrecognised legal basis “Règlement intérieur”");
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    expect(await snapshot(org.id)).toEqual(before);

    const bad = path.join(tmp, "bad.csv");
    fs.writeFileSync(bad, "Nom du traitement;Finalité principale\nA;B\n;orpheline\n");
    const invalid = spawnSync(tsx, ["app/cli/import.ts", "--org", org.slug, "--file", bad], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      encoding: "utf8",
    });
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain("Row 3");
    expect(invalid.stdout).toContain("error: name: This field is required.");
    expect(invalid.stderr).toContain("The import has errors: nothing was saved.");
    const garbage = path.join(tmp, "garbage.xlsx");
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from("PK\x03\x04"), crypto.randomBytes(2000)]));
    const unreadable = spawnSync(tsx, ["app/cli/import.ts", "--org", org.slug, "--file", garbage], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      encoding: "utf8",
    });
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain("This XLSX workbook cannot be read");
    expect(await snapshot(org.id)).toEqual(before);

    const real = spawnSync(tsx, ["app/cli/import.ts", "--org", org.slug, "--file", file], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      encoding: "utf8",
    });
    expect(real.status).toBe(0);
    expect(real.stdout).toContain("Written: 2 created, 0 updated");
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(2);
    // Each step spawns a tsx process: seconds apiece, many more on a loaded machine.
  }, 90_000);
});

describe("the import page", () => {
  it("authorization matrix: ADMIN and DPO; others 403; a non-member 404; anonymous to login", async () => {
    const { org } = await createOrg();
    const outsider = await createOrg();
    const callers = {} as Record<Who, { cookie?: string }>;
    for (const role of ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
    callers.ANONYMOUS = {};
    callers.OUTSIDER = { cookie: (await signedInMember(outsider.org.id, "ADMIN")).cookie };
    const upload = () => {
      const fd = new FormData();
      fd.set("intent", "upload");
      fd.set("file", new File(["Nom du traitement\nA\n"], "r.csv"));
      return fd;
    };
    await checkMatrix(
      [
        {
          name: "import page",
          handler: route.loader,
          path: (s) => `/o/${s}/import`,
          params: (s) => ({ org: s }),
          expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
        },
        {
          name: "upload",
          handler: route.action,
          method: "POST",
          body: upload,
          path: (s) => `/o/${s}/import`,
          params: (s) => ({ org: s }),
          expect: { ADMIN: 303, DPO: 303, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
          // The file waits on disk for the preview: nothing is in the database until the commit.
          writes: false,
          shows: (o, _who, s) => (o.location?.startsWith(`/o/${s}/import?upload=`) ? null : `redirects to ${o.location}`),
        },
      ],
      callers,
      org.slug,
    );
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("ADMIN/DPO only; upload -> preview -> confirm, nothing written before", async () => {
    const { org } = await createOrg();
    const editor = await signedInMember(org.id, "EDITOR");
    const dpo = await signedInMember(org.id, "DPO");
    const url = `/o/${org.slug}/import`;
    expect((await call(route.loader, request(url, { cookie: editor.cookie }), { org: org.slug })).status).toBe(403);

    const fd = new FormData();
    fd.set("intent", "upload");
    fd.set("file", new File(["Nom du traitement;Finalité principale;Objet\nÉlections;Listes;x\n"], "registre.csv", { type: "text/csv" }));
    expect((await call(route.action, request(url, { method: "POST", body: fd, cookie: editor.cookie }), { org: org.slug })).status).toBe(403);
    const before = await snapshot(org.id);
    const up = await call(route.action, request(url, { method: "POST", body: fd, cookie: dpo.cookie }), { org: org.slug });
    expect(up.status).toBe(303);
    const id = new URL(up.location!, "http://localhost").searchParams.get("upload")!;
    expect(readPendingImport(org.id, dpo.user.id, id)).not.toBeNull();
    expect(readPendingImport(org.id, editor.user.id, id)).toBeNull();

    const page = await call(route.loader, request(`${url}?upload=${id}&map.2=subPurposes`, { cookie: dpo.cookie }), { org: org.slug });
    const preview = (page.data as Awaited<ReturnType<typeof route.loader>>).preview!;
    expect(preview.counts).toMatchObject({ rows: 1, create: 1, errors: 0 });
    expect(preview.canCommit).toBe(true);
    expect(preview.columns.map((c) => c.field)).toEqual(["name", "mainPurpose", "subPurposes"]);
    expect(await snapshot(org.id)).toEqual(before);

    const garbageForm = new FormData();
    garbageForm.set("intent", "upload");
    garbageForm.set("file", new File([new Uint8Array([1, 2, 0, 3, 4, 5])], "x.csv"));
    const refused = await call(route.action, request(url, { method: "POST", body: garbageForm, cookie: dpo.cookie }), { org: org.slug });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ error: { key: "errors.import.binary" } });

    const huge = new FormData();
    huge.set("intent", "upload");
    huge.set("file", new File([new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61)], "huge.csv"));
    const tooLarge = await call(route.action, request(url, { method: "POST", body: huge, cookie: dpo.cookie }), { org: org.slug });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.data).toMatchObject({ error: { key: "errors.import.tooLarge" } });
    expect(await snapshot(org.id)).toEqual(before);

    const commit = await call(
      route.action,
      request(url, { method: "POST", body: new URLSearchParams({ intent: "commit", upload: id, "map.2": "subPurposes" }), cookie: dpo.cookie }),
      { org: org.slug },
    );
    expect(commit.status).toBe(302);
    expect(commit.location).toBe(`/o/${org.slug}/activities`);
    expect((await getActivityByRef(org.id, "T-0001"))?.parsed.purposes).toEqual({ main: "Listes", sub: ["x"] });
    expect(readPendingImport(org.id, dpo.user.id, id)).toBeNull();
  });
});
