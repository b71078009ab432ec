/* eslint-disable @typescript-eslint/no-explicit-any -- these tests break raw JSON template files field by field. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CNIL_DPIA_EXEMPT_LIST,
  CNIL_DPIA_REQUIRED_LIST,
  parseTemplateFile,
  TemplateFileError,
  TemplateFileSchema,
  type TemplateFile,
} from "~/schemas/template.ts";
import { computeCompleteness, computeWarnings } from "~/domain/activity-rules.ts";
import { clearTemplateCache, loadTemplates, TEMPLATES_DIR } from "~/domain/templates.server.ts";
import { root, tmpRoot } from "../helpers/paths.ts";

const templates = loadTemplates();
const byId = new Map(templates.map((t) => [t.id, t]));
const files = fs
  .readdirSync(path.join(root, "templates"))
  .filter((f) => f.endsWith(".json"))
  .sort();
const rawOf = (id: string): Record<string, any> => JSON.parse(fs.readFileSync(path.join(root, "templates", `${id}.json`), "utf8"));

/** The 38 entries of shared/reference/municipal-activities.md and the template that covers each. */
const REFERENCE_ENTRIES: Record<number, string> = {
  1: "etat-civil",
  2: "listes-electorales",
  3: "recensement-population",
  4: "recensement-citoyen",
  5: "attestations-accueil",
  6: "cimetieres",
  7: "autorisations-urbanisme",
  8: "cadastre-sig",
  9: "inscriptions-scolaires",
  10: "restauration-periscolaire",
  11: "petite-enfance",
  12: "aide-sociale-domiciliation",
  13: "registre-personnes-vulnerables",
  14: "demandes-logement-social",
  15: "gestion-carrieres",
  16: "paie-declarations-sociales",
  17: "recrutement",
  18: "sante-travail",
  19: "dispositif-alerte",
  20: "facturation-recettes",
  21: "marches-publics",
  22: "subventions-associations",
  23: "police-municipale-administrative",
  24: "police-municipale-infractions",
  25: "cameras-pietons",
  26: "videoprotection",
  27: "stationnement-payant",
  28: "mediatheques",
  29: "equipements-sportifs-salles",
  30: "relation-citoyen",
  31: "lettre-information",
  32: "participation-citoyenne",
  33: "conseil-municipal",
  34: "archives",
  35: "messagerie-collaboratif",
  36: "journalisation",
  37: "badges-video-locaux",
  38: "geolocalisation-vehicules",
};

/** One template per section of the reference file, with the department it must carry. */
const SECTION_DEPARTMENTS: [section: string, id: string, departmentFr: string][] = [
  ["État civil, population", "etat-civil", "État civil et population"],
  ["État civil, population (élections)", "listes-electorales", "Élections"],
  ["Urbanisme", "autorisations-urbanisme", "Urbanisme"],
  ["Éducation, enfance", "inscriptions-scolaires", "Éducation et enfance"],
  ["Social (CCAS)", "aide-sociale-domiciliation", "CCAS (action sociale)"],
  ["Social (logement)", "demandes-logement-social", "Action sociale et logement"],
  ["Ressources humaines", "gestion-carrieres", "Ressources humaines"],
  ["Finances, achats", "marches-publics", "Finances et commande publique"],
  ["Sécurité", "videoprotection", "Police municipale et sécurité"],
  ["Culture, sport, vie associative", "mediatheques", "Culture, sport et vie associative"],
  ["Relation citoyens", "relation-citoyen", "Relation citoyens et communication"],
  ["Institution", "conseil-municipal", "Assemblées et secrétariat général"],
  ["Institution (archives)", "archives", "Archives"],
  ["Systèmes d'information", "journalisation", "Systèmes d'information"],
];

describe("template library", () => {
  it("loads every templates/*.json through the schema, at least 36 of them", () => {
    expect(templates.length).toBe(files.length);
    expect(templates.length).toBeGreaterThanOrEqual(36);
    for (const file of files) {
      const result = TemplateFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(root, "templates", file), "utf8")));
      expect(result.success, `${file}: ${result.success ? "" : JSON.stringify(result.error.issues)}`).toBe(true);
    }
  });

  it("caches the parsed library", () => {
    expect(loadTemplates()).toBe(templates);
    expect(loadTemplates(TEMPLATES_DIR)).toBe(templates);
  });

  it("has unique ids equal to the file names", () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((id) => `${id}.json`).sort()).toEqual(files);
  });

  it("gives every template sources, both languages and a real translation", () => {
    for (const t of templates) {
      expect(t.sources.length, t.id).toBeGreaterThanOrEqual(1);
      for (const field of [t.department, t.title, t.summary, t.dpiaHint.note]) {
        expect(field.fr.length, t.id).toBeGreaterThan(0);
        expect(field.en.length, t.id).toBeGreaterThan(0);
      }
      expect(t.software.fr.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.software.en.length, t.id).toBe(t.software.fr.length);
      expect(t.content.fr.name, t.id).not.toBe(t.content.en.name);
      expect(t.content.fr.description, t.id).not.toBe(t.content.en.description);
      expect(t.content.fr.purposes.main, t.id).not.toBe(t.content.en.purposes.main);
    }
  });

  it("covers every entry of the reference file", () => {
    const missing = Object.entries(REFERENCE_ENTRIES).filter(([, id]) => !byId.has(id));
    expect(missing).toEqual([]);
    expect(Object.keys(REFERENCE_ENTRIES)).toHaveLength(38);
  });

  it.each(SECTION_DEPARTMENTS)("covers the reference section %s (%s)", (_section, id, departmentFr) => {
    expect(byId.get(id)?.department.fr).toBe(departmentFr);
  });

  it("gives DPIA hints with valid CNIL list numbers", () => {
    for (const t of templates) {
      const { cnilListType, exemptListType, required } = t.dpiaHint;
      if (cnilListType !== null) {
        expect(cnilListType, t.id).toBeGreaterThanOrEqual(1);
        expect(cnilListType, t.id).toBeLessThanOrEqual(CNIL_DPIA_REQUIRED_LIST.size);
        expect(required, t.id).not.toBe("unlikely");
      }
      if (exemptListType !== null) {
        expect(exemptListType, t.id).toBeGreaterThanOrEqual(1);
        expect(exemptListType, t.id).toBeLessThanOrEqual(CNIL_DPIA_EXEMPT_LIST.size);
        expect(required, t.id).not.toBe("likely");
      }
    }
    // Facts from the reference file and the CNIL lists.
    expect(byId.get("listes-electorales")?.dpiaHint).toMatchObject({ required: "unlikely", exemptListType: 3 });
    expect(byId.get("marches-publics")?.dpiaHint).toMatchObject({ required: "unlikely", exemptListType: 2 });
    for (const id of ["inscriptions-scolaires", "restauration-periscolaire", "petite-enfance"]) expect(byId.get(id)?.dpiaHint.exemptListType, id).toBe(10);
    expect(byId.get("aide-sociale-domiciliation")?.dpiaHint).toMatchObject({ required: "likely", cnilListType: 13 });
    expect(byId.get("demandes-logement-social")?.dpiaHint).toMatchObject({ required: "likely", cnilListType: 12 });
    expect(byId.get("dispositif-alerte")?.dpiaHint).toMatchObject({ required: "likely", cnilListType: 6 });
    expect(byId.get("gestion-carrieres")?.dpiaHint).toMatchObject({ required: "depends", cnilListType: 3, exemptListType: 1 });
    expect(byId.get("videoprotection")?.dpiaHint.required).toBe("likely");
  });

  it("uses Directive 2016/680 for offence reports, body cams and CCTV, and the GDPR elsewhere", () => {
    const led = templates
      .filter((t) => t.content.fr.regime === "LED")
      .map((t) => t.id)
      .sort();
    expect(led).toEqual(["cameras-pietons", "police-municipale-infractions", "videoprotection"]);
    for (const id of led) {
      // Issue 10 point 15: LED activities carry their own legal basis, not the GDPR Art. 10 one.
      expect(byId.get(id)?.content.fr.ledLegalBasis, id).toMatch(/2016\/680/);
      expect(byId.get(id)?.content.fr.legalBases, id).toEqual([]);
    }
    expect(templates.some((t) => t.content.fr.role === "PROCESSOR" && t.content.fr.processorFor.length > 0)).toBe(true);
  });

  it("is complete on every Art. 30 point an organisation does not have to add itself", () => {
    for (const t of templates) {
      for (const lang of ["fr", "en"] as const) {
        const c = t.content[lang];
        expect(computeCompleteness(c, "department").missing, `${t.id} ${lang}`).toEqual(["nextReview"]);
        const warnings = computeWarnings(c).filter((w) => w !== "nirUse" && w !== "consentPublicAuthority");
        expect(warnings, `${t.id} ${lang}`).toEqual([]);
      }
    }
  });

  it("stays generic: kinds of software, no product or company names, no counts", () => {
    const names =
      /\b(openelec|opencimeti[eè]re|koha|pmb|publik|microsoft|google|bluemind|zimbra|nextcloud|berger[- ]levrault|ciril|jvs|arp[eè]ge|cegid|sage|orange|ovh|amazon|aws|azure)\b/i;
    for (const t of templates) {
      const text = JSON.stringify([t.software, t.content, t.title, t.summary]);
      expect(text.match(names)?.[0], t.id).toBeUndefined();
      for (const s of t.content.fr.dataSubjects) expect(s.estimatedCount, t.id).toBeUndefined();
      expect(JSON.stringify(rawOf(t.id))).not.toMatch(/estimatedCount|implementationDate|ReviewAt/);
    }
  });

  it("carries the reference file's [verify] marks and the Archives départementales caveat", () => {
    const toVerify = (id: string) => byId.get(id)?.toVerify.fr.join("\n") ?? "";
    expect(toVerify("recensement-citoyen")).toMatch(/L113-1/);
    expect(toVerify("attestations-accueil")).toMatch(/[Rr]esponsable de traitement/);
    expect(toVerify("gestion-carrieres")).toMatch(/80 ans/);
    // Issue 10 point 16: the retention of body-worn camera recordings is settled (one month, CSI L241-2 as amended by loi 2022-52).
    expect(toVerify("cameras-pietons")).not.toMatch(/1 mois ou 6 mois/);
    expect(byId.get("cameras-pietons")!.content.fr.dataCategories[0]!.retention.activePeriod).toMatch(/^1 mois .*L241-2.*2022-52/);
    expect(byId.get("videoprotection")!.content.fr.ledLegalBasis).toMatch(/L252-4/);
    expect(toVerify("badges-video-locaux")).toMatch(/3 mois/);
    for (const t of templates) {
      expect(t.toVerify.fr.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.toVerify.en.length, t.id).toBe(t.toVerify.fr.length);
    }
    const total = templates.reduce((n, t) => n + t.toVerify.fr.length, 0);
    expect(total).toBeGreaterThanOrEqual(templates.length);
    // Retention periods (DUA) are agreed with the Archives départementales, whose approval any destruction needs.
    const withoutArchivesCaveat = templates.filter((t) => !t.toVerify.fr.some((v) => v.includes("Archives départementales"))).map((t) => t.id);
    expect(withoutArchivesCaveat).toEqual([]);
    expect(templates.filter((t) => !t.toVerify.en.some((v) => v.includes("Archives départementales"))).map((t) => t.id)).toEqual([]);
  });
});

describe("broken template files", () => {
  const valid = rawOf("etat-civil");
  const dir = path.join(tmpRoot, `templates-${process.pid}-${Date.now()}`);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    clearTemplateCache();
  });

  function broken(id: string, edit: (t: Record<string, any>) => void): Record<string, any> {
    const t = structuredClone(valid);
    t.id = id;
    edit(t);
    return t;
  }

  const unknownBasis = broken("unknown-basis", (t) => (t.content.fr.legalBases[0].basis = "g"));
  const categoryMismatch = broken("category-mismatch", (t) => (t.content.en.dataCategories[1].category = "economic"));

  it("rejects an unknown legal basis, naming the file and the field", () => {
    expect(() => parseTemplateFile(unknownBasis, "unknown-basis.json")).toThrow(TemplateFileError);
    expect(() => parseTemplateFile(unknownBasis, "unknown-basis.json")).toThrow(/"unknown-basis\.json"[\s\S]*content\.fr\.legalBases\.0\.basis/);
  });

  it("rejects French and English contents whose categories differ", () => {
    expect(() => parseTemplateFile(categoryMismatch, "category-mismatch.json")).toThrow(
      /"category-mismatch\.json"[\s\S]*content\.en\.dataCategories: differs from the French content/,
    );
  });

  it.each([
    ["an id that is not the file name", (t: Record<string, any>) => (t.id = "something-else"), /must equal the file name/],
    ["a missing English content", (t: Record<string, any>) => delete t.content.en, /content\.en/],
    ["a misspelt field", (t: Record<string, any>) => (t.content.fr.legalBasis = []), /content\.fr\.legalBasis: unknown or empty field/],
    ["a CNIL list type out of range", (t: Record<string, any>) => (t.dpiaHint.cnilListType = 15), /dpiaHint\.cnilListType/],
    ["an estimated count", (t: Record<string, any>) => (t.content.fr.dataSubjects[0].estimatedCount = 1200), /estimatedCount/],
    ["no source", (t: Record<string, any>) => (t.sources = []), /sources/],
    ["a different number of recipients", (t: Record<string, any>) => t.content.en.recipients.pop(), /content\.en\.recipients/],
    ["different risk flags", (t: Record<string, any>) => (t.content.en.riskFlags = { largeScale: true }), /content\.en\.riskFlags/],
    [
      "Art. 9 data without an Art. 9 condition",
      (t: Record<string, any>) => {
        for (const lang of ["fr", "en"]) t.content[lang].dataCategories[1].category = "health";
      },
      /art9Conditions/,
    ],
  ])("rejects %s", (_name, edit, message) => {
    const t = broken("etat-civil", edit as (t: Record<string, any>) => void);
    expect(() => parseTemplateFile(t, "etat-civil.json")).toThrow(message);
  });

  it("makes loadTemplates throw an Error naming the broken file", () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "etat-civil.json"), JSON.stringify(valid));
    fs.writeFileSync(path.join(dir, "unknown-basis.json"), JSON.stringify(unknownBasis));
    expect(() => loadTemplates(dir)).toThrow(/unknown-basis\.json/);

    fs.rmSync(path.join(dir, "unknown-basis.json"));
    fs.writeFileSync(path.join(dir, "category-mismatch.json"), JSON.stringify(categoryMismatch));
    expect(() => loadTemplates(dir)).toThrow(/category-mismatch\.json[\s\S]*dataCategories/);

    fs.rmSync(path.join(dir, "category-mismatch.json"));
    fs.writeFileSync(path.join(dir, "not-json.json"), "{ oops");
    expect(() => loadTemplates(dir)).toThrow(/not-json\.json[\s\S]*not valid JSON/);

    fs.rmSync(path.join(dir, "not-json.json"));
    const ok: readonly TemplateFile[] = loadTemplates(dir);
    expect(ok.map((t) => t.id)).toEqual(["etat-civil"]);
  });
});
