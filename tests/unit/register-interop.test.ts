/**
 * Issue 11, spreadsheets and open data, on the demo register: transfers computed from the vendors in
 * every tabular export, XLSX cell types, the CNIL model's date columns, and export → re-import = no change.
 */
import crypto from "node:crypto";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeBulletCell, encodeListCell } from "~/documents/list-cell.ts";
import { publicRegisterCsv } from "~/documents/open-data.ts";
import { csvBuffer, registerHeaders, TABULAR_COLUMNS, toCsv, toXlsx } from "~/documents/tabular.ts";
import { decodeText, parseCsv } from "~/import/csv.ts";
import { isNoneMarker, splitValues } from "~/import/normalize.ts";
import { createActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { commitImport, ImportHasErrorsError, previewImport, type ImportPreview } from "~/models/import.server.ts";
import { readDpaFile, storeDpaFile } from "~/models/vendor.server.ts";
import { translate } from "~/utils/messages.server.ts";
import { getPublicRegister, setActivityPublic } from "~/models/public-register.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import * as publicJson from "~/routes/public.$slug.register[.]json.ts";
import type { RegisterExport } from "~/schemas/register-export.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser, request } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

let orgId: string;
let slug: string;
let dpoId: string;
let data: RegisterExport;

beforeAll(async () => {
  const seeded = await seedDemo("demo-password-123");
  orgId = seeded.org.id;
  slug = seeded.org.slug;
  dpoId = (await getDb().user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } })).id;
  data = await buildRegisterExport(orgId, { generatedAt: new Date("2026-03-01T09:00:00.000Z") });
}, 180_000);

const col = (c: (typeof TABULAR_COLUMNS)[number]) => TABULAR_COLUMNS.indexOf(c);

/** The demo's HR activity whose payroll vendor has its support in Morocco (Ressourcia Maroc), not declared by the record. */
function moroccoActivity() {
  const a = data.activities.find((x) => x.analysis.transfers.some((t) => t.source === "computed" && t.country === "MA"));
  if (!a) throw new Error("the demo has no activity with support from Morocco");
  return a;
}

describe("computed transfers in the spreadsheets and the open data", () => {
  it("the demo has a computed, undeclared transfer to Morocco", () => {
    const a = moroccoActivity();
    expect(a.transfers.some((t) => t.country === "MA")).toBe(false);
  });

  it("CSV (both separators, both languages): a column lists each computed transfer with country, chain, status and safeguard", () => {
    const a = moroccoActivity();
    for (const locale of ["fr", "en"] as const) {
      for (const separator of [",", ";"] as const) {
        const rows = parseCsv(decodeText(toCsv(data, { locale, separator })).text, separator);
        expect(rows[0]).toEqual(registerHeaders(locale));
        const row = rows.find((r) => r[col("ref")] === a.ref)!;
        const cell = row[col("computedTransfers")]!;
        const line = cell.split("\n").find((l) => l.startsWith("MA — "));
        expect(line).toBeDefined();
        expect(line).toContain("Ressourcia");
        expect(line).toContain(
          locale === "fr" ? "Clauses contractuelles types, sous-traitant à sous-traitant" : "Standard contractual clauses, processor to processor",
        );
        // The declared transfers column is unchanged: the computed one is not declared there.
        expect(row[col("transfers")]).not.toContain("MA");
      }
    }
    // An activity without vendors abroad has an empty cell.
    const plain = data.activities.find((x) => !x.analysis.transfers.some((t) => t.source === "computed"))!;
    const rows = parseCsv(decodeText(toCsv(data, { locale: "fr", separator: "," })).text, ",");
    expect(rows.find((r) => r[col("ref")] === plain.ref)![col("computedTransfers")]).toBe("");
  });

  it("XLSX: the same column, same text", async () => {
    const a = moroccoActivity();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(data, { locale: "fr" })) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(col("computedTransfers") + 1).value).toBe(registerHeaders("fr")[col("computedTransfers")]);
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(col("ref") + 1).value !== a.ref) return;
      found = true;
      expect(String(row.getCell(col("computedTransfers") + 1).value)).toMatch(/^MA — .*Ressourcia/m);
    });
    expect(found).toBe(true);
  });

  it("public register: JSON and CSV open data list the computed transfers of a published activity", async () => {
    const a = moroccoActivity();
    const row = await getDb().activity.findFirstOrThrow({ where: { organizationId: orgId, ref: a.ref } });
    expect(row.approvedVersion).not.toBeNull();
    await setActivityPublic(dpoId, orgId, row.id, true);
    const reg = (await getPublicRegister(slug))!;
    const pub = reg.activities.find((x) => x.ref === a.ref)!;
    expect(pub.computedTransfers).toContainEqual(expect.objectContaining({ country: "MA", status: expect.any(String), safeguard: "SCC_P2P" }));
    expect(pub.computedTransfers.find((t) => t.country === "MA")!.chain.join(" ")).toContain("Ressourcia");

    const res = await call(publicJson.loader, request(`/public/${slug}/register.json`), { slug });
    const json = JSON.parse(res.text!) as { activities: { ref: string; computedTransfers: { country: string }[] }[] };
    expect(json.activities.find((x) => x.ref === a.ref)!.computedTransfers.map((t) => t.country)).toContain("MA");

    const csv = parseCsv(decodeText(publicRegisterCsv(reg, "en")).text, ",");
    const idx = csv[0]!.indexOf("computed_transfers");
    expect(idx).toBeGreaterThan(-1);
    expect(csv.find((r) => r[0] === a.ref)![idx]).toMatch(/^MA \(.*Ressourcia.*: /);
  });
});

describe("the CNIL model's creation and update dates", () => {
  /** Paris day of an ISO instant, as the register prints dates. */
  const parisDay = (iso: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

  it("every column of the CNIL model has its column, the creation and update dates included (fr and en headers)", () => {
    const cnilModel = [
      "name",
      "ref",
      "createdAt",
      "updatedAt",
      "controller",
      "dpo",
      "jointControllers",
      "mainPurpose",
      "subPurposes",
      "services",
      "dataSubjects",
      "dataCategories",
      "sensitiveCategories",
      "retention",
      "recipients",
      "transfers",
      "securityMeasures",
    ] as const;
    for (const c of cnilModel) expect(TABULAR_COLUMNS).toContain(c);
    expect(registerHeaders("fr")[col("createdAt")]).toBe("Date de création de la fiche");
    expect(registerHeaders("fr")[col("updatedAt")]).toBe("Mise à jour de la fiche");
    expect(registerHeaders("en")[col("createdAt")]).toBe("Record created on");
    expect(registerHeaders("en")[col("updatedAt")]).toBe("Record last updated on");
  });

  it("CSV: the creation date is the record's, the update date that of the version shown (approval) or of the draft", async () => {
    const rows = await getDb().activity.findMany({ where: { organizationId: orgId }, select: { ref: true, createdAt: true, updatedAt: true, status: true } });
    const csv = parseCsv(decodeText(toCsv(data, { locale: "fr", separator: ";" })).text, ";");
    const approved = data.activities.find((a) => a.status === "APPROVED")!;
    const draft = data.activities.find((a) => a.status === "DRAFT")!;
    for (const a of [approved, draft]) {
      const row = csv.find((r) => r[col("ref")] === a.ref)!;
      const db = rows.find((r) => r.ref === a.ref)!;
      expect(row[col("createdAt")]).toBe(parisDay(db.createdAt.toISOString()));
      expect(row[col("updatedAt")]).toBe(parisDay(a.status === "APPROVED" ? a.approvedAt! : db.updatedAt.toISOString()));
      expect(row[col("createdAt")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("XLSX: both are date cells with a date format", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(data, { locale: "fr" })) as unknown as ExcelJS.Buffer);
    const row = wb.worksheets[0]!.getRow(2);
    for (const c of ["createdAt", "updatedAt"] as const) {
      const cell = row.getCell(col(c) + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect((cell.value as Date).toISOString().slice(0, 10)).toBe(parisDay(data.activities[0]![c]!));
      expect(cell.numFmt).toBe("dd/mm/yyyy");
    }
  });
});

describe("export -> re-import of the demo register = no change", () => {
  /** What a dry run reports, with the rows that would change, for a readable failure. */
  function summary(p: ImportPreview) {
    return {
      fileErrors: p.fileErrors,
      unmatched: p.unmatched.map((c) => c.header),
      counts: { errors: p.counts.errors, create: p.counts.create, update: p.counts.update, newDraft: p.counts.newDraft, unchanged: p.counts.unchanged },
      changed: p.rows.filter((r) => r.action !== "unchanged").map((r) => ({ row: r.rowNumber, ref: r.sourceRef, action: r.action, errors: r.errors })),
    };
  }
  const expected = () => ({
    fileErrors: [],
    unmatched: [],
    counts: { errors: 0, create: 0, update: 0, newDraft: 0, unchanged: data.activities.length },
    changed: [],
  });

  it.each([
    ["CSV, comma, English", "en", ","],
    ["CSV, semicolon, French", "fr", ";"],
    ["CSV, comma, French", "fr", ","],
  ] as const)("%s", async (_label, locale, separator) => {
    const p = await previewImport(orgId, new Uint8Array(toCsv(data, { locale, separator })));
    expect(summary(p)).toEqual(expected());
  });

  it.each(["fr", "en"] as const)("XLSX (%s)", async (locale) => {
    const p = await previewImport(orgId, new Uint8Array(await toXlsx(data, { locale })));
    expect(summary(p)).toEqual(expected());
  });

  it("JSON (activities, and the vendor catalogue and links it carries)", async () => {
    const p = await previewImport(orgId, new TextEncoder().encode(JSON.stringify(data, null, 2)));
    expect(summary(p)).toEqual(expected());
    expect(p.catalogue).toEqual({ vendors: 0, services: 0, locations: 0, sites: 0, links: 0 });
    expect(p.fileWarnings).toEqual([]);
  });
});

describe("a register JSON restores the vendors into an empty organization", () => {
  it("vendors, services, locations, certifications, DPA metadata, own sites and activity links; computed transfers follow", async () => {
    const { org: target } = await createOrg("Commune restaurée");
    const user = await createUser();
    const bytes = new TextEncoder().encode(JSON.stringify(data));
    const preview = await previewImport(target.id, bytes);
    const linkCount = data.activities.reduce((n, a) => n + a.services.length, 0);
    const locationCount = data.vendors.reduce((n, v) => n + v.services.reduce((m, s) => m + s.locations.length, 0), 0);
    expect(preview.catalogue).toEqual({
      vendors: data.vendors.length,
      services: data.vendors.reduce((n, v) => n + v.services.length, 0),
      locations: locationCount,
      sites: data.hostingSites.length,
      links: linkCount,
    });
    expect(linkCount).toBeGreaterThan(10);
    expect(preview.fileWarnings).toEqual([{ key: "import.warn.catalogueAdded", params: preview.catalogue }]);
    const result = await commitImport(user.id, target.id, preview);
    expect(result.catalogue).toEqual(preview.catalogue);

    const again = await buildRegisterExport(target.id);
    // This export was built without the DPA files (as for the PDF): the restored vendor has no file (see the next test for the JSON download, which carries them).
    const vendorsWithoutFile = (r: RegisterExport) => r.vendors.map((v) => ({ ...v, dpa: { ...v.dpa, sha256: null } }));
    expect(vendorsWithoutFile(again)).toEqual(vendorsWithoutFile(data));
    expect(again.hostingSites).toEqual(data.hostingSites);
    expect(again.activities.map((a) => a.name)).toEqual(data.activities.map((a) => a.name));
    expect(again.activities.map((a) => a.services)).toEqual(data.activities.map((a) => a.services));
    // The transfers computed from the restored catalogue are the same: the support from Morocco is there again.
    // (Declared transfers are the activities' content, whose round trip the tests above check.)
    const computed = (r: RegisterExport) => r.activities.map((a) => a.analysis.transfers.filter((t) => t.source === "computed"));
    expect(computed(again)).toEqual(computed(data));
    expect(computed(data).flat().length).toBeGreaterThan(0);
    expect(again.activities.find((a) => a.name === moroccoActivity().name)!.analysis.transfers.some((t) => t.country === "MA")).toBe(true);

    // The same file again: the catalogue is complete, nothing to add (its activities are another register's: new drafts).
    const twice = await previewImport(target.id, bytes);
    expect({ ...twice.catalogue, links: 0 }).toEqual({ vendors: 0, services: 0, locations: 0, sites: 0, links: 0 });
  });

  /**
   * Columns that are ids, foreign keys, timestamps or the edit counter: regenerated by a restore; and the
   * catalogue's `shared` flag, an instance-level decision that a restore leaves off (ADR 008, ADR 020).
   */
  const REGENERATED = new Set([
    "shared",
    "id",
    "organizationId",
    "vendorId",
    "serviceId",
    "providerServiceId",
    "activityId",
    "siteId",
    "createdAt",
    "updatedAt",
    "version",
  ]);
  const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !REGENERATED.has(k)));
  const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  /**
   * Every column of every vendor, service, location, own site and activity link of an organization, ids replaced
   * by names. A shared vendor it subscribes to counts with the organization's own contract and links (ADR 020):
   * restored elsewhere, it becomes a vendor of the organization's own.
   */
  async function catalogueGraph(organizationId: string) {
    const db = getDb();
    const [owned, sites] = await Promise.all([
      db.vendor.findMany({
        where: { OR: [{ organizationId }, { shared: true, subscriptions: { some: { organizationId } } }] },
        orderBy: { name: "asc" },
        include: {
          subscriptions: { where: { organizationId } },
          services: {
            orderBy: { name: "asc" },
            include: {
              locations: { include: { providerService: { select: { name: true, vendor: { select: { name: true } } } } } },
              links: { where: { activity: { organizationId } }, include: { activity: { select: { name: true } } } },
            },
          },
        },
      }),
      db.hostingSite.findMany({
        where: { organizationId },
        orderBy: { name: "asc" },
        include: { links: { include: { activity: { select: { name: true } } } } },
      }),
    ]);
    const vendors = owned.map(({ subscriptions, ...v }) => {
      const c = v.organizationId === organizationId ? undefined : subscriptions[0];
      if (!c) return v;
      const { dpaStatus, dpaSignedAt, dpaReference, dpaNextReview, dpaFileHash, dpaFileName, dpaFileSize, notes } = c;
      return { ...v, dpaStatus, dpaSignedAt, dpaReference, dpaNextReview, dpaFileHash, dpaFileName, dpaFileSize, notes };
    });
    const link = (l: { activity: { name: string } } & Record<string, unknown>) => ({ ...strip(l), activity: l.activity.name });
    return {
      vendors: vendors.map(({ services, ...v }) => ({
        ...strip(v),
        services: services.map(({ locations, links, ...s }) => ({
          ...strip(s),
          locations: sorted(
            locations.map(({ providerService, ...l }) => ({
              ...strip(l),
              provider: providerService ? `${providerService.vendor.name} / ${providerService.name}` : null,
            })),
          ),
          links: sorted(links.map(link)),
        })),
      })),
      sites: sites.map(({ links, ...h }) => ({ ...strip(h), links: sorted(links.map(link)) })),
    };
  }

  it("every column a DPO entered comes back: deep equality of the vendor graph, the DPA file included", async () => {
    const db = getDb();
    const dpo = await db.user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
    // A source where every optional column is filled somewhere, so that a dropped field cannot go unnoticed.
    const vendor = await db.vendor.findFirstOrThrow({ where: { organizationId: orgId }, orderBy: { name: "asc" }, include: { services: true } });
    await db.vendor.update({
      where: { id: vendor.id },
      data: {
        legalName: "Éditeur « complet » SAS",
        registrationNumber: "123 456 789",
        website: "https://complet.example",
        parentName: "Groupe Complet",
        parentCountry: "FR",
        contactName: "Camille Contact",
        contactEmail: "camille@complet.example",
        hdsActivities: "1, 2; 5",
        hdsExpiry: new Date("2027-05-01T00:00:00.000Z"),
        iso27001Expiry: new Date("2027-06-01T00:00:00.000Z"),
        dpfCertified: false,
        dpfCheckedAt: new Date("2026-01-15T00:00:00.000Z"),
        shareholdingWithinLimits: true,
        dpaStatus: "SIGNED",
        dpaSignedAt: new Date("2025-02-03T00:00:00.000Z"),
        dpaReference: "CTR-2025-007",
        dpaNextReview: new Date("2027-02-03T00:00:00.000Z"),
        notes: "Notes du DPO : relancer; vérifier\nla clause 7 (audit).",
      },
    });
    const pdf = Buffer.from("%PDF-1.7\n% Contrat de sous-traitance signé\n1 0 obj << >> endobj\n%%EOF\n", "latin1");
    await storeDpaFile(dpo.id, orgId, vendor.id, { name: "DPA signé (v2).pdf", bytes: pdf });
    const service = vendor.services[0]!;
    await db.service.update({
      where: { id: service.id },
      data: {
        description: "Messagerie — hébergée; sauvegardes (J+1)",
        secNumCloudQualified: true,
        secNumCloudDate: new Date("2024-09-10T00:00:00.000Z"),
        secNumCloudVersion: "3.2",
        secNumCloudScope: "IaaS",
        nonEuAccess: true,
      },
    });
    const provider = await db.service.findFirstOrThrow({ where: { organizationId: orgId, vendorId: { not: vendor.id } } });
    await db.serviceLocation.create({
      data: {
        serviceId: service.id,
        role: "SUPPORT",
        country: "MA",
        region: "Casablanca",
        providerServiceId: provider.id,
        safeguard: "SCC_P2P",
        tiaDone: true,
        safeguardUrl: "https://complet.example/cct.pdf",
      },
    });
    const site = await db.hostingSite.findFirstOrThrow({ where: { organizationId: orgId } });
    await db.hostingSite.update({ where: { id: site.id }, data: { city: "Ville-Test", description: "Salle serveur (2ᵉ étage)" } });

    const source = await catalogueGraph(orgId);
    // Each column holds a value in the source (not only nulls and defaults), so the comparison below means something.
    const columnsWithValue = (rows: Record<string, unknown>[]) => {
      const keys = new Set(rows.flatMap((r) => Object.keys(r)));
      return [...keys].filter((k) => !rows.some((r) => r[k] !== null && r[k] !== false && r[k] !== "" && r[k] !== "NONE"));
    };
    const services = source.vendors.flatMap((v) => v.services);
    expect(columnsWithValue(source.vendors)).toEqual([]);
    expect(columnsWithValue(services)).toEqual([]);
    expect(columnsWithValue(services.flatMap((s) => s.locations))).toEqual([]);
    expect(columnsWithValue(source.sites)).toEqual([]);

    const full = await buildRegisterExport(orgId, { files: true });
    const exported = full.vendors.find((v) => v.name === vendor.name)!;
    expect(exported.dpa.file).toEqual({
      fileName: "DPA signé (v2).pdf",
      mediaType: "application/pdf",
      size: pdf.byteLength,
      sha256: exported.dpa.sha256,
      base64: pdf.toString("base64"),
    });
    const { org: target } = await createOrg("Commune restaurée en entier");
    const user = await createUser();
    const preview = await previewImport(target.id, new TextEncoder().encode(JSON.stringify(full, null, 2)));
    expect(preview.fileErrors).toEqual([]);
    await commitImport(user.id, target.id, preview);

    expect(await catalogueGraph(target.id)).toEqual(source);
    const restored = await db.vendor.findFirstOrThrow({ where: { organizationId: target.id, name: vendor.name } });
    expect((await readDpaFile(target.id, restored.id))!.bytes.equals(pdf)).toBe(true);
    // And an export of the restored register says the same about its vendors and sites.
    const again = await buildRegisterExport(target.id, { files: true });
    expect(again.vendors).toEqual(full.vendors);
    expect(again.hostingSites).toEqual(full.hostingSites);
  });

  it("a DPA file that does not match its SHA-256 (or is not a PDF) blocks the import with a translated error; nothing is written", async () => {
    const full = await buildRegisterExport(orgId, { files: true });
    const withFile = full.vendors.find((v) => v.dpa.file?.base64)!;
    expect(withFile).toBeDefined();
    const tamper = (f: (file: NonNullable<RegisterExport["vendors"][number]["dpa"]["file"]>) => void) => {
      const copy = JSON.parse(JSON.stringify(full)) as RegisterExport;
      f(copy.vendors.find((v) => v.name === withFile.name)!.dpa.file!);
      return new TextEncoder().encode(JSON.stringify(copy));
    };
    const altered = Buffer.from(withFile.dpa.file!.base64!, "base64");
    altered[altered.length - 2] = altered[altered.length - 2]! ^ 1;
    const notPdf = Buffer.from("<html>not a pdf</html>");
    const cases = [
      tamper((file) => (file.base64 = altered.toString("base64"))),
      tamper((file) =>
        Object.assign(file, { base64: notPdf.toString("base64"), size: notPdf.byteLength, sha256: crypto.createHash("sha256").update(notPdf).digest("hex") }),
      ),
      tamper((file) => (file.size += 1)),
    ];
    const { org: target } = await createOrg("Commune au fichier altéré");
    const user = await createUser();
    for (const bytes of cases) {
      const preview = await previewImport(target.id, bytes);
      expect(preview.fileErrors).toEqual([{ key: "errors.import.dpaFileMismatch", params: { vendor: withFile.name, file: withFile.dpa.file!.fileName } }]);
      expect(preview.canCommit).toBe(false);
      await expect(commitImport(user.id, target.id, preview)).rejects.toBeInstanceOf(ImportHasErrorsError);
    }
    expect(await getDb().vendor.count({ where: { organizationId: target.id } })).toBe(0);
    expect(await getDb().activity.count({ where: { organizationId: target.id } })).toBe(0);
    expect(translate("fr", "errors.import.dpaFileMismatch", { vendor: "V", file: "f.pdf" })).toContain("SHA-256");
    expect(translate("en", "errors.import.dpaFileMismatch", { vendor: "V", file: "f.pdf" })).toContain("SHA-256");
  });
});

describe("list cells: an encoding that cannot collide with the text", () => {
  const nasty = fc.constantFrom(";", "; ", ",", '"', '""', "\n", "\r\n", "• ", "•", "\\", "- ", "* ", " — ", " : ", "(", ")", "=", "'", "\t", "x", "Éé", " ");
  const value = fc
    .array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join("").replace(/\r\n?/g, "\n").trim())
    // The record trims its values and never keeps an empty one; "Non", "—"… mean "nothing" in a cell.
    .filter((v) => v !== "" && !isNoneMarker(v));

  it("splitValues(encodeListCell(values)) gives the values back, separators, quotes and line breaks included", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 6 }), (values) => {
        expect(splitValues(encodeListCell(values))).toEqual(values);
      }),
      { numRuns: 2000 },
    );
  });

  it("the bullet form, by example", () => {
    const values = ["Contact : a; b", 'Texte "cité"\n• pas une puce\n\\ antislash', "Simple"];
    const cell = encodeListCell(values);
    expect(cell).toBe('• Contact : a; b\n• Texte "cité"\n\\• pas une puce\n\\\\ antislash\n• Simple');
    expect(decodeBulletCell(cell)).toEqual(values);
    // Ordinary values keep the one-per-line form people read and type.
    expect(encodeListCell(["Usagers", "Agents"])).toBe("Usagers\nAgents");
    expect(encodeListCell(["Un seul ; avec point-virgule"])).toBe("• Un seul ; avec point-virgule");
  });

  it("adversarial text survives CSV and XLSX re-import, with and without the row data column", async () => {
    const { org } = await createOrg("Commune de Test-sur-Séparateurs");
    const user = await createUser();
    const content = ActivityContentSchema.parse({
      name: 'Traitement "adverse"; avec, séparateurs',
      purposes: { main: "Principale", sub: ["Une; deux", 'Ligne 1\nLigne 2 "citée"', "• fausse puce", "=1+1"] },
      jointControllers: [{ name: "Syndicat mixte", contact: "contact@smx.example; 01 02 03 04 05", arrangement: "Convention\nsignée; 2024" }],
      legalBases: [{ basis: "e_public_interest", text: "CGCT L2121-29" }],
      dataSubjects: [{ category: "residents" }],
      dataCategories: [{ category: "identity", retention: { activePeriod: "1 an" } }],
      recipients: [
        { type: "internal", name: "Service A; service B" },
        { type: "other", name: "Nom\n\\ avec antislash" },
      ],
      securityMeasures: [{ measure: "backups", details: "quotidiennes; chiffrées" }],
    });
    await createActivity(user.id, org.id, { content, departmentId: null });
    const exported = await buildRegisterExport(org.id);
    const dataIdx = col("registreData");
    const withoutData = (bytes: Buffer, sep: "," | ";") =>
      csvBuffer(
        parseCsv(decodeText(bytes).text, sep).map((r) => r.filter((_, i) => i !== dataIdx)),
        sep,
      );
    const files: [string, Uint8Array][] = [
      ["csv ;", toCsv(exported, { locale: "fr", separator: ";" })],
      ["csv ,", toCsv(exported, { locale: "en", separator: "," })],
      ["xlsx", await toXlsx(exported, { locale: "fr" })],
      ["csv ; without data", withoutData(toCsv(exported, { locale: "fr", separator: ";" }), ";")],
      ["csv , without data", withoutData(toCsv(exported, { locale: "en", separator: "," }), ",")],
    ];
    for (const [label, bytes] of files) {
      const p = await previewImport(org.id, new Uint8Array(bytes));
      const row = p.rows[0]!;
      expect([label, p.counts.errors, row.action]).toEqual([label, 0, "unchanged"]);
    }
    // Without the data column, the list cells alone give each value back whole.
    const p = await previewImport(org.id, new Uint8Array(files[3]![1]));
    const got = p.parsed.rows[0]!.content!;
    expect(got.purposes.sub).toEqual(content.purposes.sub);
    expect(got.jointControllers).toEqual(content.jointControllers);
    expect(got.recipients).toEqual(content.recipients);
    expect(got.securityMeasures).toEqual(content.securityMeasures);
  });
});
