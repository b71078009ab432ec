/** Issue 17: the export log translates every format and every parameter, in French and English (no message key, no code). */
import { describe, expect, it } from "vitest";
import { createExport, type ExportRequest } from "~/models/exports.server.ts";
import { listExports, recordExport } from "~/models/export-log.server.ts";
import { EXPORT_FORMATS } from "~/schemas/export-request.ts";
import { exportFormatLabel, exportParamLabels } from "~/utils/export-log-labels.ts";
import { LOCALES, type Locale } from "~/utils/i18n.ts";
import { createT, serverTranslator } from "~/utils/messages.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

type LoggedFormat = Parameters<typeof recordExport>[0]["format"];
/** Every format an export record can carry (the compile-time check below fails when one is added and not listed here). */
const LOGGED_FORMATS = [...EXPORT_FORMATS, "public-json", "public-csv", "breach-pdf", "breach-csv", "breach-xlsx"] as const satisfies readonly LoggedFormat[];
const everyFormatListed: [Exclude<LoggedFormat, (typeof LOGGED_FORMATS)[number]>] extends [never] ? true : false = true;

const RAW = /exports?Log\.|exports\.|\{[a-z]+\}/;
const date = (iso: string) => `«${iso}»`;

describe("export log labels", () => {
  it("lists every format an export record can carry", () => {
    expect(everyFormatListed).toBe(true);
    expect(new Set(LOGGED_FORMATS).size).toBe(LOGGED_FORMATS.length);
  });

  for (const locale of LOCALES as readonly Locale[]) {
    it(`names every format in ${locale}, never by its key or code`, () => {
      const other = exportFormatLabel(serverTranslator(locale), "no-such-format");
      expect(other).toBe(locale === "fr" ? "autre format" : "another format");
      const labels = LOGGED_FORMATS.map((f) => exportFormatLabel(serverTranslator(locale), f));
      for (const [i, label] of labels.entries()) {
        const f = LOGGED_FORMATS[i]!;
        expect(label, f).not.toBe(other);
        expect(label, f).not.toMatch(RAW);
        expect(label, f).not.toBe(f);
        expect(label, f).not.toBe(f.toUpperCase());
      }
      expect(new Set(labels).size, "one label per format").toBe(labels.length);
    });

    it(`says every export parameter in words in ${locale}`, () => {
      const t = createT(locale);
      for (const scope of ["all", "controller", "processor", "breaches"])
        for (const separator of ["comma", "semicolon", ",", ";"])
          for (const lang of ["fr", "en"]) {
            const params = {
              locale: lang,
              scope,
              asOf: "2026-11-30",
              ref: "T-0007",
              departments: ["État civil", "Cantine"],
              separator,
              public: true,
              fingerprint: "ab".repeat(32),
              auditAnchor: { seq: 12, hash: "cd".repeat(32) },
            };
            const labels = exportParamLabels(t, date, params);
            const shown = labels.join(" · ");
            // locale, scope, as-of date, activity, departments, separator, public: one label each; no hash shown.
            expect(labels, shown).toHaveLength(7);
            expect(shown).not.toMatch(RAW);
            for (const code of [scope, ...(separator.length > 1 ? [separator] : []), "ab".repeat(32), "cd".repeat(32), "true"])
              expect(shown, code).not.toContain(code);
            expect(labels[0]).not.toMatch(/\b(fr|en)$/);
          }
    });
  }

  it("reads the same in each language as the page shows it", () => {
    const params = { locale: "en", scope: "controller", asOf: "2026-11-30", ref: "T-0007", departments: ["État civil"], separator: "semicolon" };
    expect(exportParamLabels(createT("fr"), date, params)).toEqual([
      "Langue : anglais",
      "Périmètre : Responsable de traitement (art. 30.1)",
      "Registre au «2026-11-30»",
      "Activité T-0007",
      "Services : État civil",
      "Séparateur : Point-virgule (;) — Excel français",
    ]);
    expect(exportParamLabels(createT("en"), date, { ...params, locale: "fr", scope: "breaches" })).toEqual([
      "Language: French",
      "Scope: breach register",
      "Register as of «2026-11-30»",
      "Activity T-0007",
      "Departments: État civil",
      "Separator: Semicolon (;) — French Excel",
    ]);
    expect(exportFormatLabel(serverTranslator("en"), "breach-xlsx")).toBe("Excel (breach register)");
  });

  it("translates what the export models really store", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const req: ExportRequest = { format: "csv", locale: "en", scope: "processor", departments: [], separator: ";" };
    await createExport(org.id, user.id, req, "ui");
    await recordExport({
      organizationId: org.id,
      actorId: user.id,
      format: "breach-xlsx",
      params: { locale: "fr", scope: "breaches" },
      bytes: new Uint8Array([1, 2, 3]),
      fileName: "x.xlsx",
      channel: "ui",
    });
    const rows = await listExports(org.id);
    expect(rows).toHaveLength(2);
    for (const locale of ["fr", "en"] as const) {
      const t = createT(locale);
      for (const r of rows) {
        const shown = [
          exportFormatLabel(serverTranslator(locale), r.format),
          ...exportParamLabels(t, date, JSON.parse(r.params) as Record<string, unknown>),
        ].join(" · ");
        expect(shown, r.format).not.toMatch(RAW);
        for (const code of ["processor", "breaches", r.format]) expect(shown, code).not.toContain(code);
      }
    }
    const csv = rows.find((r) => r.format === "csv")!;
    expect(exportParamLabels(createT("fr"), date, JSON.parse(csv.params) as Record<string, unknown>)).toEqual([
      "Langue : anglais",
      "Périmètre : Sous-traitant (art. 30.2)",
      "Séparateur : Point-virgule (;) — Excel français",
    ]);
  });
});
