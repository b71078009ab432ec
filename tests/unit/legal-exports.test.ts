/**
 * Issue 10, second part: the new legal fields travel everywhere the content goes (prefilled-path
 * tracking, exports, imports), and the exports show the corrected conclusions.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { SECTION_CONTENT_KEYS } from "~/components/activity-form.tsx";
import { generateRegisterPdfBuffer } from "~/documents/register-pdf.ts";
import { registerRows, toCsv, toXlsx } from "~/documents/tabular.ts";
import { createActivity } from "~/models/activity.server.ts";
import { commitImport, previewImport } from "~/models/import.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { addLocation, createService, createVendor, linkActivity, type VendorInput } from "~/models/vendor.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { RegisterExportSchema, type ExportActivity, type RegisterExport } from "~/schemas/register-export.ts";
import { translate } from "~/utils/messages.server.ts";
import { CONTENT_KEYS, filledContentKeys, parsePrefilledPaths, withoutConfirmed } from "~/domain/prefilled.ts";
import { createOrg, createUser, vendorFields } from "../helpers/factories.ts";
import { toJsonLd } from "~/documents/jsonld.ts";
import { REGISTRE_TERMS } from "~/documents/registre-vocabulary.ts";

describe("prefilled paths cover every content field", () => {
  it("CONTENT_KEYS lists every top-level key of the activity content, and each has a section of the full form", () => {
    expect([...CONTENT_KEYS].sort()).toEqual(Object.keys(ActivityContentSchema.shape).sort());
    const inSections = Object.values(SECTION_CONTENT_KEYS).flat();
    for (const k of CONTENT_KEYS) expect(inSections, k).toContain(k);
  });

  it("a template's domain and LED fields are tracked as prefilled until confirmed", () => {
    const content = ActivityContentSchema.parse({
      name: "Vidéoprotection",
      regime: "LED",
      domain: "other",
      ledLegalBasis: "CSI L251-2",
      ledProfiling: "Aucun profilage",
    });
    const keys = filledContentKeys(content);
    expect(keys).toEqual(expect.arrayContaining(["regime", "domain", "ledLegalBasis", "ledProfiling"]));
    expect(parsePrefilledPaths(JSON.stringify(keys))).toEqual(keys);
    expect(withoutConfirmed(keys, ["domain", "ledProfiling"])).toEqual(keys.filter((k) => k !== "domain" && k !== "ledProfiling"));
  });
});

describe("round trip of the legal fields: export (JSON, CSV, XLSX) -> import into an empty organization", () => {
  /** A law-enforcement activity and a staff one, with every transfer fact the analysis relies on. */
  async function source() {
    const { org, departments } = await createOrg("Ville source");
    const user = await createUser();
    await createActivity(user.id, org.id, {
      departmentId: departments[2]!.id,
      content: ActivityContentSchema.parse({
        name: "Police municipale — mains courantes",
        regime: "LED",
        domain: "other",
        ledLegalBasis: "Code de la sécurité intérieure, art. L511-1",
        ledProfiling: "Aucun profilage",
        purposes: { main: "Consigner les interventions", sub: [] },
        transfers: [
          {
            country: "US",
            recipient: "Cloudy Inc.",
            safeguard: "scc",
            recipientKind: "private_company",
            tiaDone: true,
            dpfCertified: false,
            documentationUrl: "https://cloudy.example/scc",
          },
          { country: "CH", recipient: "CICR", safeguard: "art49_derogation", art49Point: "d", recipientKind: "international_organisation" },
          { country: "JP", recipient: "Mairie de Tokyo", safeguard: "adequacy", recipientKind: "public_authority", tiaDone: false },
        ],
      }),
    });
    await createActivity(user.id, org.id, {
      departmentId: departments[1]!.id,
      content: ActivityContentSchema.parse({ name: "Gestion des carrières", domain: "hr", purposes: { main: "Carrières", sub: [] } }),
    });
    return buildRegisterExport(org.id);
  }

  const legal = (a: ExportActivity) => ({
    name: a.name,
    regime: a.regime,
    domain: a.domain,
    ledLegalBasis: a.ledLegalBasis,
    ledProfiling: a.ledProfiling,
    transfers: a.transfers.map((t) => ({
      country: t.country,
      recipient: t.recipient,
      safeguard: t.safeguard,
      documentationUrl: t.documentationUrl,
      recipientKind: t.recipientKind,
      art49Point: t.art49Point,
      tiaDone: t.tiaDone,
      dpfCertified: t.dpfCertified,
    })),
  });

  it("the JSON export carries the fields (and validates against its own schema)", async () => {
    const exported = await source();
    const led = RegisterExportSchema.parse(exported).activities[0]!;
    expect(legal(led)).toMatchObject({
      domain: "other",
      ledLegalBasis: "Code de la sécurité intérieure, art. L511-1",
      ledProfiling: "Aucun profilage",
      transfers: [
        { recipientKind: "private_company", tiaDone: true, dpfCertified: false },
        { art49Point: "d", recipientKind: "international_organisation" },
        { recipientKind: "public_authority", tiaDone: false },
      ],
    });
  });

  it.each(["json", "xlsx", "csv-fr", "csv-en"] as const)("%s: the imported activities hold the same legal facts", async (kind) => {
    const exported = await source();
    const { org: target } = await createOrg("Ville cible");
    const user = await createUser();
    const bytes =
      kind === "json"
        ? Buffer.from(JSON.stringify(exported), "utf8")
        : kind === "xlsx"
          ? await toXlsx(exported, { locale: "fr" })
          : toCsv(exported, { locale: kind === "csv-fr" ? "fr" : "en", separator: kind === "csv-fr" ? ";" : "," });
    const preview = await previewImport(target.id, new Uint8Array(bytes));
    expect(preview.unmatched).toEqual([]);
    expect(preview.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(preview.rows.flatMap((r) => r.warnings)).toEqual([]);
    await commitImport(user.id, target.id, preview);
    const again = await buildRegisterExport(target.id);
    expect(again.activities.map(legal)).toEqual(exported.activities.map(legal));
    // The analysis reads the same facts, so it reaches the same conclusions.
    expect(again.activities.map((a) => [a.analysis.level, a.analysis.transfers, a.analysis.toVerify])).toEqual(
      exported.activities.map((a) => [a.analysis.level, a.analysis.transfers, a.analysis.toVerify]),
    );
  });

  it("a transfer detail that cannot be read is reported and kept as text, never guessed", async () => {
    const { org } = await createOrg();
    const csv = "Nom du traitement;Transferts\nTraitement;US — Cloudy Inc. — Clauses contractuelles types — AIT réalisée : peut-être\n";
    const preview = await previewImport(org.id, new Uint8Array(Buffer.from(csv, "utf8")));
    const row = preview.rows[0]!;
    expect(row.warnings.map((w) => w.key)).toEqual(["import.warn.badTransferDetail"]);
    expect(row.content!.transfers).toEqual([{ country: "US", recipient: "Cloudy Inc.", safeguard: "scc" }]);
    expect(row.content!.description).toContain("AIT réalisée : peut-être");
  });
});

describe("the exports show the corrected conclusions: SecNumCloud check and facts to verify", () => {
  const vendor = (name: string, country: string, extra: Partial<Pick<VendorInput, "dpfCertified" | "shareholdingWithinLimits">> = {}): VendorInput =>
    vendorFields(name, { country, dpaStatus: "SIGNED", ...extra });

  async function register(): Promise<RegisterExport> {
    const { org } = await createOrg("Ville souveraine");
    const user = await createUser();
    const a = await createActivity(user.id, org.id, {
      departmentId: null,
      content: ActivityContentSchema.parse({
        name: "Messagerie des services",
        legalBases: [{ basis: "e_official_authority" }],
        transfers: [{ country: "CH", recipient: "CICR", safeguard: "art49_derogation", art49Point: "d", recipientKind: "international_organisation" }],
      }),
    });
    // French provider, qualified under 3.2, but neither the qualified scope nor the shareholding is recorded.
    const nuage = await createVendor(user.id, org.id, vendor("Nuage Souverain", "FR"));
    const iaas = await createService(user.id, org.id, nuage.id, {
      name: "IaaS Souverain",
      description: null,
      secNumCloudQualified: true,
      secNumCloudDate: new Date("2025-01-15"),
      secNumCloudVersion: "3.2",
      secNumCloudScope: null,
      nonEuAccess: false,
    });
    await addLocation(user.id, org.id, iaas.id, {
      role: "STORAGE",
      country: "FR",
      region: null,
      providerServiceId: null,
      safeguard: null,
      tiaDone: false,
      safeguardUrl: null,
    });
    // A US vendor that ticked "qualified": its own law reaches it, so the immunity is contradicted.
    const cloudy = await createVendor(user.id, org.id, vendor("Cloudy Inc.", "US", { dpfCertified: false, shareholdingWithinLimits: true }));
    const mail = await createService(user.id, org.id, cloudy.id, {
      name: "Cloudy Mail",
      description: null,
      secNumCloudQualified: true,
      secNumCloudDate: new Date("2025-01-15"),
      secNumCloudVersion: "3.2",
      secNumCloudScope: "Messagerie",
      nonEuAccess: false,
    });
    await addLocation(user.id, org.id, mail.id, {
      role: "STORAGE",
      country: "FR",
      region: null,
      providerServiceId: null,
      safeguard: null,
      tiaDone: false,
      safeguardUrl: null,
    });
    await linkActivity(user.id, org.id, a.id, { serviceId: iaas.id }, "HOSTING");
    await linkActivity(user.id, org.id, a.id, { serviceId: mail.id }, "PROCESSOR");
    return RegisterExportSchema.parse(await buildRegisterExport(org.id));
  }

  let data: RegisterExport;
  beforeAll(async () => {
    data = await register();
  }, 60_000);

  it("JSON: the SecNumCloud status of each qualified service, and every fact to verify with its wording", () => {
    const a = data.activities[0]!.analysis;
    expect(a.secNumCloud).toEqual([
      expect.objectContaining({ vendor: "Nuage Souverain", status: "to_verify", missing: ["secNumCloudScope", "shareholding"] }),
      expect.objectContaining({ vendor: "Cloudy Inc.", status: "contradiction", contradictions: ["vendorOutsideEu"] }),
    ]);
    expect(a.toVerify!.map((v) => v.fact)).toEqual(["publicInterestLaw", "secNumCloud.secNumCloudScope", "secNumCloud.shareholding"]);
    expect(a.toVerify!.map((v) => v.fr)).toContain("Nuage Souverain — IaaS Souverain : périmètre qualifié SecNumCloud");
    expect(a.level).toBe("derogation");
    expect(a.exposure.find((e) => e.vendor === "Cloudy Inc.")).toMatchObject({ shielded: false, secNumCloudContradiction: true });
  });

  it("JSON-LD: the level and every fact to verify, in both languages, with documented registre: terms", () => {
    const doc = toJsonLd(data) as { "@graph"?: unknown };
    const text = JSON.stringify(doc);
    const a = data.activities[0]!.analysis;
    expect(text).toContain('"registre:exposureLevel":"derogation"');
    for (const v of a.toVerify!) {
      expect(text).toContain(`"registre:fact":"${v.fact}"`);
      expect(text).toContain(JSON.stringify({ "@value": v.fr, "@language": "fr" }));
      expect(text).toContain(JSON.stringify({ "@value": v.en, "@language": "en" }));
    }
    expect(REGISTRE_TERMS).toHaveProperty("toVerify");
    expect(REGISTRE_TERMS).toHaveProperty("fact");
  });

  it.each(["fr", "en"] as const)("CSV/XLSX rows (%s): level, facts to verify and the SecNumCloud check", (locale) => {
    const row = registerRows(data, locale)[0]!;
    const a = data.activities[0]!.analysis;
    expect(row.exposure).toBe(translate(locale, "sovereignty.level.derogation"));
    expect(row.toVerify).toBe(a.toVerify!.map((v) => v[locale]).join("\n"));
    const lines = String(row.secNumCloud).split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Nuage Souverain — IaaS Souverain");
    expect(lines[0]).toContain(locale === "fr" ? "est à vérifier" : "is to verify");
    expect(lines[1]).toContain("Cloudy Inc. — Cloudy Mail");
    expect(lines[1]).toContain(locale === "fr" ? "ne s'applique pas" : "does not apply");
  });

  it("PDF: the to-verify list names the missing facts, the exposure table shows the contradicted qualification, a transfer's open point is shown", async () => {
    const text = await pdfText(await generateRegisterPdfBuffer(data, { locale: "fr", scope: "all", fingerprint: "0".repeat(64) }));
    const has = (s: string) => expect(text).toContain(squash(s));
    has(translate("fr", "sovereignty.toVerifyTitle"));
    for (const v of data.activities[0]!.analysis.toVerify!) has(v.fr);
    has(translate("fr", "pdf.exposure.snc.contradiction"));
    has(translate("fr", "sovereignty.fact.vendorOutsideEu"));
    has(translate("fr", "legal.dashboard.missingFact", { fact: translate("fr", "sovereignty.fact.publicInterestLaw") }));
    has(translate("fr", "sovereignty.transfer.derogation"));
    // The vendors annex states what the immunity depends on: the version and the qualified scope.
    has(
      translate("fr", "pdf.annex.vendors.secNumCloudDetail", { service: "Cloudy Mail", date: "15/01/2025", version: "3.2", scope: "Messagerie" }).split(
        "(",
      )[0]!,
    );
    has("version du référentiel : 3.2 ; périmètre qualifié : Messagerie");
    has(`version du référentiel : 3.2 ; périmètre qualifié : ${translate("fr", "pdf.value.notAvailable")}`);
  }, 60_000);
});

const squash = (s: string) => s.replace(/\s+/g, "");

/** All the text of a PDF, whitespace removed (table cells and list items wrap). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const out: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const it of content.items) if ("str" in it) out.push(it.str);
  }
  await pdf.destroy();
  return squash(out.join(""));
}
