/**
 * Issue 10, second part: the new legal fields travel everywhere the content goes (prefilled-path
 * tracking, exports, imports), and the exports show the corrected conclusions.
 */
import { describe, expect, it } from "vitest";
import { SECTION_CONTENT_KEYS } from "~/components/activity-form.tsx";
import { toCsv, toXlsx } from "~/documents/tabular.ts";
import { createActivity } from "~/models/activity.server.ts";
import { commitImport, previewImport } from "~/models/import.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { RegisterExportSchema, type ExportActivity } from "~/schemas/register-export.ts";
import { CONTENT_KEYS, filledContentKeys, parsePrefilledPaths, withoutConfirmed } from "~/utils/prefilled.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

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
