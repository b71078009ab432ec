/** A register XLSX in Registre's own French export format, built from synthetic activities (benchmarks). */
import fs from "node:fs";
import type { RegisterExport } from "../../app/schemas/register-export.ts";

type RowIdentity = { ref: string; department: string; name?: string };

/**
 * A register export of `rows` synthetic approved activities (benchmarks, and tests of the import's readers).
 * Modules are loaded here, not at the top, so a caller measuring its own memory does not pay for them.
 */
export async function syntheticExport(rows: number, identity: (i: number) => RowIdentity): Promise<RegisterExport> {
  const { syntheticContent } = await import("./synthetic-register.ts");
  const { isSensitiveCategory } = await import("../../app/reference/vocabularies.ts");
  const activities: RegisterExport["activities"] = [];
  for (let i = 1; i <= rows; i++) {
    const c = syntheticContent(i);
    activities.push({
      ...c,
      ...identity(i),
      status: "APPROVED",
      version: 1,
      approvedAt: "2026-01-15T10:00:00.000Z",
      dataCategories: c.dataCategories.map((d) => ({ ...d, sensitive: isSensitiveCategory(d.category) })),
      completeness: { score: 80, missing: [] },
      services: [],
      analysis: { level: "unknown", countries: [], reach: [], transfers: [], exposure: [], explanation: { fr: [], en: [] } },
    });
  }
  return {
    schemaVersion: 1,
    generator: "Registre",
    organization: {
      slug: "source",
      name: "Commune source",
      siren: null,
      address: null,
      legalRepresentative: null,
      dpo: { name: null, email: null, phone: null, cnilDesignationNumber: null },
    },
    generatedAt: "2026-11-28T12:00:00.000Z",
    asOf: null,
    activities,
    vendors: [],
    hostingSites: [],
  };
}

/** The same export as an XLSX file, in Registre's French format. */
export async function writeSyntheticXlsx(file: string, rows: number, identity: (i: number) => RowIdentity): Promise<void> {
  const data = await syntheticExport(rows, identity);
  const { toXlsx } = await import("../../app/documents/tabular.ts");
  fs.writeFileSync(file, await toXlsx(data, { locale: "fr" }));
}
