/**
 * PDF documents (app/documents/): rendered from a rich in-memory export, then read back with pdfjs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { generateActivityPdfBuffer, renderActivityPdf } from "~/documents/activity-pdf.ts";
import { collectStream, PAGE } from "~/documents/layout.ts";
import { activitySectionKeys, anchorOf, generateRegisterPdfBuffer, renderRegisterPdf, selectActivities } from "~/documents/register-pdf.ts";
import { createActivity } from "~/models/activity.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { RISK_FLAGS } from "~/reference/vocabularies.ts";
import { RegisterExportSchema, type ExportActivity, type RegisterExport } from "~/schemas/register-export.ts";
import { type Locale } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";
import { syntheticContent } from "../bench/synthetic-register.ts";

// ---------------------------------------------------------------------------------------------
// Fixture: a rich export (every Art. 30 item filled, vendors, transfers, non-Latin names)

const FINGERPRINT = "3f7a9c0d5e1b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
const flags = (on: string[] = []) => Object.fromEntries(RISK_FLAGS.map((f) => [f, on.includes(f)])) as ExportActivity["riskFlags"];

/** 10,000 characters of numbered words: every one must come back. */
const LONG_WORDS = Array.from({ length: 1300 }, (_, i) => `mot${String(i).padStart(4, "0")}`);
const LONG_TEXT = (LONG_WORDS.join(" ") + " ").repeat(2).slice(0, 9960) + " fin du très long texte zèbre";
const TALL_CELL = Array.from({ length: 700 }, (_, i) => `cellule${String(i).padStart(3, "0")}`).join(" ") + " dernière-ligne-de-cellule";

function activity(i: number, over: Partial<ExportActivity> = {}): ExportActivity {
  return {
    ref: `T-${String(i).padStart(4, "0")}`,
    name: `Inscriptions à la cantine scolaire ${i}`,
    department: i % 3 === 0 ? "Éducation" : i % 3 === 1 ? "État civil" : "Ressources humaines",
    status: "APPROVED",
    version: 2,
    approvedAt: "2026-03-04T09:30:00.000Z",
    role: "CONTROLLER",
    regime: "GDPR",
    description: "Gestion des inscriptions, des menus et de la facturation ; cœur de l'œuvre périscolaire, tarifs de 3,50 € selon le quotient familial.",
    internalContact: "Mme Zoé Lefèvre, service Éducation",
    implementationDate: "2019-09-01",
    jointControllers: [{ name: "Caisse des écoles", contact: "caisse@commune.fr", arrangement: "Convention du 12 mars 2021" }],
    processorFor: [],
    purposes: {
      main: "Inscrire les enfants au restaurant scolaire et facturer les repas",
      sub: ["Gérer les régimes alimentaires (PAI)", "Facturer les familles"],
    },
    legalBases: [{ basis: "e_public_interest", text: "Code de l'éducation L131-13", purpose: "Restauration scolaire" }],
    art9Conditions: [{ condition: "h", text: "Projet d'accueil individualisé" }],
    dataSubjects: [
      { category: "children", description: "Élèves des écoles maternelles et élémentaires", estimatedCount: 1250 },
      { category: "families", description: "Représentants légaux", estimatedCount: 2100 },
    ],
    dataCategories: [
      {
        category: "identity",
        sensitive: false,
        description: "Nom, prénom, date de naissance",
        source: "Famille",
        retention: { activePeriod: "Durée de la scolarité", intermediatePeriod: "1 an", finalFate: "destruction", rule: "Instruction DAF/DPACI/RES/2009/018" },
      },
      {
        category: "economic",
        sensitive: false,
        description: "Quotient familial, coordonnées bancaires",
        source: "CAF",
        retention: { activePeriod: "5 ans", finalFate: "archives", rule: "CGCT" },
      },
      {
        category: "health",
        sensitive: true,
        description: "Allergies (PAI)",
        source: "Médecin scolaire",
        retention: { activePeriod: "Année scolaire", finalFate: "destruction" },
      },
    ],
    recipients: [
      { type: "internal", name: "Service Éducation" },
      { type: "processor", name: "Éditeur du portail famille" },
    ],
    transfers: [{ country: "US", recipient: "Support de l'éditeur", safeguard: "scc", documentationUrl: "https://example.org/scc.pdf" }],
    securityMeasures: [
      { measure: "access_control", details: "Comptes nominatifs, droits par école" },
      { measure: "backups", details: "Quotidiennes, chiffrées" },
    ],
    rights: { exercise: "Auprès du DPO : dpo@commune.fr", information: "Mentions sur le formulaire d'inscription" },
    riskFlags: flags(["vulnerableSubjects", "largeScale"]),
    nextReviewAt: "2027-06-30",
    lastReviewAt: "2026-03-01",
    completeness: { score: 93, missing: ["nextReview"] },
    services: [
      { vendor: "Famille+", service: "Portail famille", role: "PROCESSOR", ownHosting: false },
      { vendor: null, service: "Salle serveur mairie", role: "HOSTING", ownHosting: true },
    ],
    analysis: {
      level: "safeguarded_transfer",
      countries: ["FR", "US"],
      reach: [
        { country: "FR", region: "Île-de-France", role: "STORAGE", chain: ["Famille+"], ownHosting: false },
        { country: "US", region: null, role: "SUPPORT", chain: ["Famille+", "CloudCo"], ownHosting: false },
        { country: "FR", region: null, role: "STORAGE", chain: ["Salle serveur mairie"], ownHosting: true },
      ],
      transfers: [
        {
          country: "US",
          recipient: "CloudCo",
          chain: ["Famille+", "CloudCo"],
          source: "computed",
          adequacy: "dpf_certified",
          status: "safeguarded",
          safeguard: "SCC_P2P",
          tiaMissing: true,
        },
        {
          country: "US",
          recipient: "Support de l'éditeur",
          chain: [],
          source: "declared",
          adequacy: "dpf_certified",
          status: "safeguarded",
          safeguard: "scc",
          tiaMissing: false,
        },
      ],
      exposure: [
        {
          jurisdiction: "US",
          laws: [{ id: "cloud-act", name: "CLOUD Act" }],
          vendor: "CloudCo",
          via: "establishment",
          chain: ["Famille+", "CloudCo"],
          shielded: false,
          shieldReason: null,
        },
      ],
      explanation: {
        fr: ["Les données peuvent se trouver dans 2 pays : FR, US.", "Famille+ → CloudCo : transfert vers US encadré par des clauses types."],
        en: ["The data can be in 2 countries: FR, US.", "Famille+ → CloudCo: transfer to US under standard clauses."],
      },
    },
    ...over,
  };
}

function register(activities: ExportActivity[]): RegisterExport {
  return RegisterExportSchema.parse({
    schemaVersion: 1,
    generator: "Registre",
    organization: {
      slug: "saint-etienne-du-lac",
      name: "Commune de Saint-Étienne-du-Lac & <associés>",
      siren: "213800000",
      address: "1 place de la Mairie, 38000 Saint-Étienne-du-Lac",
      legalRepresentative: "Ирина Соколова, maire",
      dpo: { name: "Ζωή Παπαδοπούλου", email: "dpo@saint-etienne.fr", phone: "04 76 00 00 00", cnilDesignationNumber: "DPO-123456" },
    },
    generatedAt: "2026-11-28T14:05:00.000Z",
    asOf: null,
    activities,
    vendors: [
      {
        name: "Famille+",
        legalName: "Famille Plus SAS",
        registrationNumber: "RCS Lyon 123 456 789",
        website: "https://familleplus.example",
        country: "FR",
        parent: { name: null, country: null },
        certifications: { hds: { activities: null, expiry: null }, iso27001Expiry: "2027-01-31", dpf: { certified: null, checkedAt: null } },
        dpa: { status: "SIGNED", signedAt: "2024-05-02", reference: "DPA-2024-07", nextReview: "2027-05-02", sha256: null },
        services: [
          {
            name: "Portail famille",
            secNumCloud: { qualified: false, date: null },
            locations: [
              { role: "STORAGE", country: "FR", region: "Île-de-France", provider: null, safeguard: null, tiaDone: false },
              { role: "SUPPORT", country: "US", region: null, provider: { vendor: "CloudCo", service: "Helpdesk" }, safeguard: "SCC_P2P", tiaDone: false },
            ],
          },
        ],
      },
      {
        name: "CloudCo",
        legalName: "CloudCo Inc.",
        registrationNumber: null,
        website: null,
        country: "US",
        parent: { name: "CloudCo Holdings", country: "US" },
        certifications: { hds: { activities: "1 à 6", expiry: "2026-12-31" }, iso27001Expiry: null, dpf: { certified: true, checkedAt: "2026-10-01" } },
        dpa: { status: "REQUESTED", signedAt: null, reference: null, nextReview: null, sha256: null },
        services: [
          {
            name: "Helpdesk",
            secNumCloud: { qualified: false, date: null },
            locations: [{ role: "SUPPORT", country: "US", region: "Virginia", provider: null, safeguard: "SCC_P2P", tiaDone: false }],
          },
        ],
      },
      {
        name: "Unused Vendor",
        legalName: null,
        registrationNumber: null,
        website: null,
        country: "DE",
        parent: { name: null, country: null },
        certifications: { hds: { activities: null, expiry: null }, iso27001Expiry: null, dpf: { certified: null, checkedAt: null } },
        dpa: { status: "NONE", signedAt: null, reference: null, nextReview: null, sha256: null },
        services: [],
      },
    ],
    hostingSites: [{ name: "Salle serveur mairie", country: "FR", city: "Saint-Étienne-du-Lac" }],
  });
}

function richActivities(): ExportActivity[] {
  return [
    activity(1, { name: "État civil — actes de naissance, de mariage et de décès" }),
    activity(2, { name: "Liste électorale", regime: "GDPR", legalBases: [{ basis: "c", text: "Code électoral L16", purpose: "Tenue de la liste" }] }),
    activity(3, {
      name: "Fichier des Ζωή et Ирина : jumelage",
      description: LONG_TEXT,
      dataCategories: [
        ...activity(3).dataCategories,
        { category: "location", sensitive: false, description: TALL_CELL, source: "Usager", retention: { activePeriod: "1 an", finalFate: "destruction" } },
      ],
    }),
    activity(4, {
      name: "Vidéoprotection urbaine",
      regime: "LED",
      legalBases: [],
      art9Conditions: [],
      art10Basis: "Code de la sécurité intérieure L251-2",
      dataCategories: [{ category: "offences", sensitive: false, description: "Images", retention: { activePeriod: "30 jours", finalFate: "destruction" } }],
      department: "Police municipale",
    }),
    activity(5, {
      name: "Instruction des autorisations d'urbanisme pour les communes membres",
      role: "PROCESSOR",
      jointControllers: [],
      processorFor: [
        { controller: "Commune de Vif", contact: "mairie@vif.fr", categories: "Instruction des permis de construire" },
        { controller: "Commune de Varces", contact: "mairie@varces.fr", categories: "Déclarations préalables" },
      ],
      services: [],
      analysis: {
        level: "unknown",
        countries: [],
        reach: [],
        transfers: [],
        exposure: [],
        explanation: { fr: ["Aucun prestataire n'est renseigné."], en: ["No vendor is recorded."] },
      },
      transfers: [],
      completeness: { score: 100, missing: [] },
      riskFlags: flags(),
    }),
    activity(6, { name: "Gestion des agents", status: "DRAFT", version: null, approvedAt: null, jointControllers: [] }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading PDFs back

type Item = { str: string; x: number; y: number; w: number; size: number };
type Parsed = {
  bytes: Buffer;
  pages: Item[][];
  texts: string[];
  squashed: string[];
  outline: { title: string; page: number; items: { title: string; page: number }[] }[];
  destinations: Record<string, number>;
  info: Record<string, unknown>;
  numPages: number;
};

const squash = (s: string) => s.replace(/\s+/g, "");

async function parse(bytes: Buffer): Promise<Parsed> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: Item[][] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!("str" in it) || it.str === "") continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, w: it.width, size: Math.abs(it.transform[3] as number) });
    }
    pages.push(items);
  }
  const pageOfDest = async (dest: string | unknown[] | null): Promise<number> => {
    const explicit = typeof dest === "string" ? await pdf.getDestination(dest) : dest;
    return explicit ? (await pdf.getPageIndex(explicit[0] as never)) + 1 : -1;
  };
  const outline = await Promise.all(
    ((await pdf.getOutline()) ?? []).map(async (o) => ({
      title: o.title,
      page: await pageOfDest(o.dest as never),
      items: await Promise.all(o.items.map(async (c) => ({ title: c.title, page: await pageOfDest(c.dest as never) }))),
    })),
  );
  /** Named destinations (the TOC's and summary's links point at them) → page number. */
  const destinations: Record<string, number> = {};
  for (const [name, dest] of Object.entries((await pdf.getDestinations()) as Record<string, unknown[]>)) destinations[name] = await pageOfDest(dest);
  const meta = await pdf.getMetadata();
  const numPages = pdf.numPages;
  await pdf.destroy();
  const texts = pages.map((items) => items.map((i) => i.str).join(" "));
  return { bytes, pages, texts, squashed: texts.map(squash), outline, destinations, info: meta.info as Record<string, unknown>, numPages };
}

/** Index (0-based) of the first page at or after `from` whose text contains `needle` (whitespace ignored). */
function findPage(doc: Parsed, needle: string, from = 0): number {
  const n = squash(needle);
  for (let i = from; i < doc.squashed.length; i++) if (doc.squashed[i]!.includes(n)) return i;
  return -1;
}

const fr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("fr", key, params);
const heading = (locale: Locale, a: ExportActivity) => translate(locale, "pdf.activity.heading", { ref: a.ref, name: a.name });

// ---------------------------------------------------------------------------------------------

describe("register PDF (French)", () => {
  const activities = richActivities();
  const data = register(activities);
  let doc: Parsed;

  beforeAll(async () => {
    doc = await parse(await collectStream(renderRegisterPdf(data, { locale: "fr", scope: "all", fingerprint: FINGERPRINT })));
  }, 60_000);

  it("is a PDF 1.7 with PDF/A metadata, language, structure tree and outlines", () => {
    const raw = doc.bytes.toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).toMatch(/\/Lang \(fr-FR\)/);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/MarkInfo");
    expect(raw).toContain("/Outlines");
    expect(raw).toContain("/OutputIntents");
    // The "&" and "<" of the organization name are escaped in the XMP packet.
    expect(raw).toContain(Buffer.from("<rdf:li>Commune de Saint-Étienne-du-Lac &amp; &lt;associés&gt;</rdf:li>", "utf8").toString("latin1"));
    expect(doc.info.Title).toBe(fr("pdf.register.title"));
    expect(doc.info.Author).toBe(data.organization.name);
    expect(doc.info.Subject).toBe(fr("pdf.register.subject", { org: data.organization.name }));
    expect(doc.info.Creator).toBe("Registre");
    expect(doc.info.Producer).toBe("Registre");
    expect(doc.info.Language).toBe("fr-FR");
  });

  it("has a cover with the organization, its DPO and the export's fingerprint", () => {
    const cover = doc.squashed[0]!;
    for (const s of [
      "Commune de Saint-Étienne-du-Lac & <associés>",
      "213800000",
      "DPO-123456",
      "Ζωή Παπαδοπούλου",
      "Ирина Соколова",
      fr("pdf.scope.all"),
      fr("pdf.cover.current"),
      "28 nov. 2026, 15:05",
      FINGERPRINT,
    ])
      expect(cover, s).toContain(squash(s));
    expect(cover).toContain(squash(`${fr("pdf.cover.activityCount")} ${activities.length}`));
  });

  it("shows each activity's reference and name, and every Art. 30 heading in each activity's section", () => {
    const starts = activities.map((a) => findPage(doc, heading("fr", a), 3));
    const annexes = findPage(doc, fr("pdf.annex.vendors.title"), starts[starts.length - 1]!);
    expect(starts.every((p) => p > 0)).toBe(true);
    expect(annexes).toBeGreaterThan(0);
    activities.forEach((a, k) => {
      const from = starts[k]!;
      const to = k + 1 < starts.length ? starts[k + 1]! : annexes;
      const section = doc.squashed.slice(from, to + 1).join("");
      expect(section).toContain(squash(a.ref));
      expect(section).toContain(squash(a.name));
      for (const key of activitySectionKeys(a.role)) expect(section, `${a.ref}: ${key}`).toContain(squash(fr(key)));
    });
    // Every item of Art. 30(1) a-g and 30(2) a-d has its heading, plus the other required parts.
    expect(activitySectionKeys("CONTROLLER")).toEqual(
      expect.arrayContaining([
        "pdf.section.controllers",
        "pdf.section.purposes",
        "pdf.section.dataSubjects",
        "pdf.section.dataCategories",
        "pdf.section.recipients",
        "pdf.section.transfers",
        "pdf.section.security",
        "pdf.section.legalBases",
        "pdf.section.sensitive",
        "pdf.section.rights",
        "pdf.section.vendors",
        "pdf.section.exposure",
        "pdf.section.completeness",
      ]),
    );
    expect(activitySectionKeys("PROCESSOR")).toEqual(
      expect.arrayContaining([
        "pdf.section.controllersProcessor",
        "pdf.section.purposesProcessor",
        "pdf.section.transfersProcessor",
        "pdf.section.securityProcessor",
      ]),
    );
  });

  it("prints every Art. 30 item of an activity", () => {
    const from = findPage(doc, heading("fr", activities[0]!), 3);
    const to = findPage(doc, heading("fr", activities[1]!), from + 1);
    const s = doc.squashed.slice(from, to).join("");
    for (const text of [
      "Caisse des écoles", // joint controller
      "Inscrire les enfants au restaurant scolaire", // purpose
      "Facturer les familles",
      fr("vocab.legalBasis.e_public_interest"),
      "Code de l'éducation L131-13",
      fr("vocab.art9.h"),
      fr("vocab.dataSubject.children"),
      "1 250".replace(" ", "\u202f"),
      fr("pdf.dataCategories.sensitiveMark", { label: fr("vocab.dataCategory.health") }),
      "Durée de la scolarité",
      "Instruction DAF/DPACI/RES/2009/018",
      fr("vocab.finalFate.archives"),
      "Éditeur du portail famille",
      "États-Unis (US)",
      "https://example.org/scc.pdf",
      fr("vocab.safeguard.scc"),
      fr("sovereignty.transfer.safeguarded"),
      "Comptes nominatifs, droits par école",
      "Mentions sur le formulaire d'inscription",
      "Portail famille",
      fr("pdf.vendors.ownHosting"),
      fr("sovereignty.level.safeguarded_transfer"),
      "CLOUD Act",
      "Famille+ → CloudCo : transfert vers US encadré par des clauses types.",
      fr("vocab.riskFlag.vulnerableSubjects"),
      fr("completeness.nextReview"),
    ])
      expect(s, text).toContain(squash(text));
  });

  it("lists each activity in the table of contents with the page its section starts on", () => {
    const summary = findPage(doc, fr("pdf.summary.title"), 2);
    const tocPages = doc.pages.slice(1, summary);
    expect(tocPages.length).toBeGreaterThan(0);
    for (const a of activities) {
      const start = findPage(doc, heading("fr", a), summary + 1);
      let found: number | null = null;
      for (const items of tocPages) {
        const entry = items.find((i) => i.str.startsWith(a.ref));
        if (!entry) continue;
        // The page number is the right-most item of the entry's (last) line.
        const numbers = items.filter((i) => /^\d+$/.test(i.str) && i.x > PAGE.width / 2 && i.y <= entry.y + 0.5 && i.y > entry.y - 30);
        numbers.sort((p, q) => q.y - p.y);
        found = Number(numbers[0]!.str);
      }
      expect(found, a.ref).toBe(start + 1);
    }
  });

  it("has bookmarks and link targets for each section and each activity, on the right pages", () => {
    expect(doc.outline.map((o) => o.title)).toEqual([fr("pdf.toc.title"), fr("pdf.summary.title"), fr("pdf.activities.title"), fr("pdf.annexes.title")]);
    expect(doc.outline[2]!.items.map((i) => i.title)).toEqual(activities.map((a) => heading("fr", a)));
    for (const [k, a] of activities.entries()) {
      const start = findPage(doc, heading("fr", a), 3) + 1;
      expect(doc.outline[2]!.items[k]!.page, a.ref).toBe(start);
      expect(doc.destinations[anchorOf(a.ref)], a.ref).toBe(start);
    }
    expect(doc.outline[1]!.page).toBe(findPage(doc, fr("pdf.summary.intro", { count: activities.length }), 1) + 1);
    expect(doc.outline[3]!.items.map((i) => i.title)).toEqual([fr("pdf.annex.vendors.title"), fr("pdf.annex.transfers.title"), fr("pdf.annex.glossary.title")]);
  });

  it('puts "Page X sur Y" in the footer of every page', () => {
    expect(doc.numPages).toBeGreaterThan(10);
    doc.pages.forEach((items, i) => {
      const label = fr("pdf.footer.page", { page: i + 1, pages: doc.numPages });
      const footer = items
        .filter((it) => it.y < PAGE.margin.bottom)
        .map((it) => it.str)
        .join(" ");
      expect(footer, `page ${i + 1}`).toContain(label);
      expect(footer).toContain(FINGERPRINT.slice(0, 12));
    });
  });

  it("keeps accents, œ, € and Greek and Cyrillic names", () => {
    const all = doc.squashed.join("");
    for (const s of ["cœur de l'œuvre", "3,50 €", "Ζωή Παπαδοπούλου", "Ирина Соколова", "Fichier des Ζωή et Ирина : jumelage", "Île-de-France", "Éducation"])
      expect(all, s).toContain(squash(s));
  });

  it("wraps a 10,000-character text across pages without losing a word", () => {
    const start = findPage(doc, heading("fr", activities[2]!), 3);
    const end = findPage(doc, "fin du très long texte zèbre", start);
    expect(end).toBeGreaterThan(start); // it took more than one page
    const text = doc.texts.slice(start, end + 1).join(" ");
    let at = 0;
    for (const w of LONG_TEXT.split(" ").filter((x) => /^mot\d{4}$/.test(x))) {
      const next = text.indexOf(w, at);
      expect(next, w).toBeGreaterThanOrEqual(0);
      at = next;
    }
    expect(squash(text)).toContain(squash("fin du très long texte zèbre"));
    // A table cell taller than a page is split across pages, not clipped.
    const tall = doc.squashed.slice(start).join("");
    expect(tall).toContain("cellule000");
    expect(tall).toContain("cellule699dernière-ligne-de-cellule");
  });

  it("never draws text outside the page's margins", () => {
    const slack = 1;
    doc.pages.forEach((items, p) => {
      for (const it of items) {
        expect(it.x, `page ${p + 1}: ${it.str}`).toBeGreaterThanOrEqual(PAGE.margin.left - slack);
        expect(it.x + it.w, `page ${p + 1}: ${it.str}`).toBeLessThanOrEqual(PAGE.width - PAGE.margin.right + slack);
        expect(it.y).toBeGreaterThan(0);
        expect(it.y).toBeLessThan(PAGE.height);
      }
    });
  });

  it("has the annexes: vendors and hosting, transfers with safeguards, glossary", () => {
    const a = findPage(doc, fr("pdf.annex.vendors.title"), 5);
    const s = doc.squashed.slice(a).join("");
    for (const text of [
      "Famille Plus SAS",
      "DPA-2024-07",
      "CloudCo Holdings",
      "Salle serveur mairie",
      fr("pdf.locationSafeguard.SCC_P2P"),
      fr("pdf.annex.transfers.title"),
      fr("pdf.glossary.controller.term"),
      fr("pdf.glossary.controller.definition"),
      "Unused Vendor",
    ])
      expect(s, text).toContain(squash(text));
  });

  it("is byte-identical for the same data and generation time", async () => {
    const again = await generateRegisterPdfBuffer(data, { locale: "fr", scope: "all", fingerprint: FINGERPRINT });
    expect(again.equals(doc.bytes)).toBe(true);
    const other = await generateRegisterPdfBuffer(
      { ...data, generatedAt: "2026-11-29T08:00:00.000Z" },
      { locale: "fr", scope: "all", fingerprint: FINGERPRINT },
    );
    expect(other.equals(doc.bytes)).toBe(false);
    // The file ID is derived from the content: a different export has a different /ID.
    const id = (b: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(b.toString("latin1"))?.[1];
    expect(id(doc.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(doc.bytes));
  });
});

describe("register PDF: scope, departments, English", () => {
  const activities = richActivities();
  const data = register(activities);

  it("selects processor activities for the Art. 30(2) register and filters by department", () => {
    expect(selectActivities(data, "processor").map((a) => a.ref)).toEqual(["T-0005"]);
    expect(selectActivities(data, "controller").map((a) => a.ref)).toEqual(["T-0001", "T-0002", "T-0003", "T-0004", "T-0006"]);
    expect(selectActivities(data, "all", ["Police municipale"]).map((a) => a.ref)).toEqual(["T-0004"]);
    expect(selectActivities(data, "all", []).length).toBe(6);
  });

  it("renders the processor register with Art. 30(2) headings and only the vendors it uses", async () => {
    const doc = await parse(await generateRegisterPdfBuffer(data, { locale: "fr", scope: "processor", fingerprint: FINGERPRINT }));
    const all = doc.squashed.join("");
    expect(all).toContain(squash(fr("pdf.scope.processor")));
    expect(all).toContain(squash(fr("pdf.section.controllersProcessor")));
    expect(all).toContain(squash("Commune de Varces"));
    expect(all).not.toContain(squash(activities[0]!.name));
    expect(all).not.toContain("UnusedVendor");
    expect(all).not.toContain("FamillePlusSAS");
  });

  it("uses English headings and labels in English", async () => {
    const doc = await parse(await generateRegisterPdfBuffer(data, { locale: "en", scope: "all", fingerprint: FINGERPRINT }));
    const en = (key: Parameters<typeof translate>[1]) => translate("en", key);
    const all = doc.squashed.join("");
    for (const key of [
      "pdf.register.title",
      "pdf.toc.title",
      "pdf.summary.title",
      "pdf.activities.title",
      "pdf.section.purposes",
      "pdf.section.dataCategories",
      "pdf.annex.glossary.title",
      "pdf.section.controllersProcessor",
    ] as const)
      expect(all, key).toContain(squash(en(key)));
    expect(all).not.toContain(squash(fr("pdf.section.purposes")));
    expect(all).toContain(squash("The data can be in 2 countries: FR, US."));
    expect(doc.texts[doc.numPages - 1]).toContain(`Page ${doc.numPages} of ${doc.numPages}`);
    expect(doc.info.Language).toBe("en-GB");
  });
});

describe("register PDF: a long register", () => {
  it("repeats the summary table's header on each of its pages (120 activities)", async () => {
    const many = Array.from({ length: 120 }, (_, k) => activity(k + 1, { name: `Traitement numéro ${k + 1} de la commune` }));
    const doc = await parse(await generateRegisterPdfBuffer(register(many), { locale: "fr", scope: "all", fingerprint: FINGERPRINT }));
    const summary = findPage(doc, fr("pdf.summary.intro", { count: 120 }), 1);
    const activitiesStart = findPage(doc, fr("pdf.activities.title"), summary + 1);
    const pages = doc.pages.slice(summary, activitiesStart);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const header = squash(
      (
        [
          "pdf.summary.col.ref",
          "pdf.summary.col.name",
          "pdf.summary.col.department",
          "pdf.summary.col.legalBasis",
          "pdf.summary.col.sensitive",
          "pdf.summary.col.dpia",
          "pdf.summary.col.lastReview",
        ] as const
      )
        .map((h) => fr(h))
        .join(""),
    );
    // The whole header row, cell after cell, on every page of the table.
    pages.forEach((items, k) => expect(squash(items.map((i) => i.str).join("")), `summary page ${k + 1}`).toContain(header));
    const all = doc.squashed.slice(summary, activitiesStart).join("");
    for (const a of many) expect(all).toContain(squash(a.ref) + squash(a.name));
    // Every activity in the TOC, with its page.
    const toc = doc.squashed.slice(1, summary).join("");
    for (const a of many) expect(toc).toContain(squash(heading("fr", a)));
  }, 60_000);
});

describe("register PDF: edge cases", () => {
  it("renders an empty register and odd text (control characters, an unbreakable 3,000-character URL)", async () => {
    const empty = await parse(await generateRegisterPdfBuffer(register([]), { locale: "fr", scope: "all", fingerprint: FINGERPRINT }));
    expect(empty.squashed.join("")).toContain(squash(fr("pdf.summary.empty")));
    const url = "https://example.org/" + "a".repeat(3000);
    const odd = activity(1, { name: "Nom\u0007 avec\ttabulation", description: `${url}\n\nfin-de-description` });
    const doc = await parse(await generateRegisterPdfBuffer(register([odd]), { locale: "en", scope: "all", fingerprint: FINGERPRINT }));
    const all = doc.squashed.join("");
    expect(all).toContain("Nomavectabulation");
    expect(all).toContain(url);
    expect(all).toContain("fin-de-description");
  });
});

describe("activity PDF", () => {
  const activities = richActivities();
  const data = register(activities);

  it("renders one activity with every Art. 30 heading, bookmarked, and the same footer", async () => {
    const a = activities[4]!;
    const doc = await parse(await generateActivityPdfBuffer(data, a.ref, { locale: "fr", fingerprint: FINGERPRINT }));
    const all = doc.squashed.join("");
    expect(all).toContain(squash(heading("fr", a)));
    for (const key of activitySectionKeys(a.role)) expect(all, key).toContain(squash(fr(key)));
    expect(all).not.toContain(squash(activities[0]!.name));
    expect(doc.outline[0]!.title).toBe(heading("fr", a));
    expect(doc.outline[0]!.items.map((i) => i.title)).toEqual(activitySectionKeys(a.role).map((k) => fr(k)));
    doc.pages.forEach((_, i) => expect(doc.texts[i]).toContain(fr("pdf.footer.page", { page: i + 1, pages: doc.numPages })));
    expect(doc.info.Title).toBe(fr("pdf.activitySheet.title", { ref: a.ref }));
    const again = await collectStream(renderActivityPdf(data, a.ref, { locale: "fr", fingerprint: FINGERPRINT }));
    expect(again.equals(doc.bytes)).toBe(true);
  });

  it("refuses an unknown reference", () => {
    expect(() => renderActivityPdf(data, "T-9999", { locale: "en", fingerprint: FINGERPRINT })).toThrow("T-9999");
  });
});

describe("register PDF from the database", () => {
  it("renders buildRegisterExport's output", async () => {
    const { org, departments } = await createOrg("Commune d'Œuilly");
    const user = await createUser();
    await createActivity(user.id, org.id, { content: syntheticContent(1), departmentId: departments[0]!.id });
    await createActivity(user.id, org.id, { content: syntheticContent(2), departmentId: departments[2]!.id });
    const data = await buildRegisterExport(org.id, { generatedAt: new Date("2026-11-28T10:00:00Z") });
    const bytes = await generateRegisterPdfBuffer(data, { locale: "fr", scope: "all", departments: [departments[2]!.name], fingerprint: FINGERPRINT });
    const doc = await parse(bytes);
    const all = doc.squashed.join("");
    expect(all).toContain(squash("Commune d'Œuilly"));
    expect(all).toContain(squash(syntheticContent(2).name));
    expect(all).not.toContain(squash(syntheticContent(1).name));
    expect(all).toContain(squash(departments[2]!.name));
  });
});
