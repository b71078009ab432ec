import { describe, expect, it } from "vitest";
import { prefillDpia, type PrefillLink } from "~/analysis/dpia-prefill.ts";
import { createAnalyser, type ServiceGraph } from "~/analysis/sovereignty.ts";
import { countryFacts } from "~/models/sovereignty.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { DPIA_QUESTIONS } from "~/schemas/dpia.ts";
import { createT } from "~/utils/messages.server.ts";

/** A rich record: every question the register can answer must come back prefilled with its facts. */
const content = ActivityContentSchema.parse({
  name: "Aide sociale facultative",
  description: "Instruction des demandes d'aide du CCAS.",
  internalContact: "Responsable du pôle solidarités",
  role: "JOINT_CONTROLLER",
  jointControllers: [{ name: "Département de Démo", arrangement: "Convention de gestion conjointe 2024" }],
  purposes: { main: "Attribuer des aides facultatives", sub: ["Suivre les dossiers"] },
  legalBases: [{ basis: "e_official_authority", text: "CASF L123-5", purpose: "Aides facultatives" }],
  art9Conditions: [{ condition: "h", text: "Prise en charge sociale" }],
  dataSubjects: [{ category: "vulnerable", description: "Demandeurs d'aide" }],
  dataCategories: [
    {
      category: "identity",
      description: "Nom, prénom",
      source: "Demandeur",
      retention: { activePeriod: "5 ans", intermediatePeriod: "5 ans", finalFate: "sorting", rule: "DGP/SIAF/2014/006" },
    },
    { category: "health", description: "Certificat médical", source: "Médecin traitant", retention: { activePeriod: "2 ans", finalFate: "destruction" } },
  ],
  recipients: [{ type: "internal", name: "Commission d'attribution" }],
  securityMeasures: [
    { measure: "access_control", details: "Profils par instructeur" },
    { measure: "encryption", details: "Chiffrement des sauvegardes" },
  ],
  rights: { exercise: "Auprès du DPO du CCAS", information: "Notice remise au dépôt du dossier" },
});
const graph: ServiceGraph = new Map([
  [
    "saas",
    {
      id: "saas",
      name: "Logiciel social",
      secNumCloudQualified: false,
      vendor: { id: "v", name: "Éditeur Social", country: "FR", parentName: "Holding", parentCountry: "US", dpfCertified: null },
      locations: [
        { role: "STORAGE", country: "FR", region: null, providerServiceId: null, safeguard: null, tiaDone: false },
        { role: "SUPPORT", country: "MA", region: null, providerServiceId: null, safeguard: "SCC_P2P", tiaDone: true },
      ],
    },
  ],
]);
const analysis = createAnalyser(graph, countryFacts)({ links: [{ role: "PROCESSOR", serviceId: "saas", site: null }], declaredTransfers: [] });
const links: PrefillLink[] = [{ role: "PROCESSOR", vendor: "Éditeur Social", service: "Logiciel social", dpaStatus: "SIGNED", siteName: null }];

describe("DPIA prefill from a rich activity", () => {
  const answers = prefillDpia({ content, links, analysis }, createT("fr"));

  it("answers every CNIL question id, marking what the register does not know", () => {
    expect(Object.keys(answers).sort()).toEqual([...DPIA_QUESTIONS].sort());
    expect(answers["113"]!.toComplete).toBe(true);
  });

  it.each([
    ["111", ["Aide sociale facultative", "Attribuer des aides facultatives"]],
    ["112", ["Département de Démo", "Convention de gestion conjointe 2024", "Éditeur Social"]],
    ["121", ["Certificat médical", "2 ans", "Commission d'attribution"]],
    ["122", ["Médecin traitant", "Demandeur"]],
    ["123", ["Logiciel social"]],
    ["211", ["Attribuer des aides facultatives"]],
    ["212", ["CASF L123-5"]],
    ["215", ["5 ans"]],
    ["221", ["Notice remise au dépôt du dossier"]],
    ["226", ["Éditeur Social"]],
    // Issue 10 point 8: country names, not codes.
    ["227", ["Maroc"]],
  ])("question %s is prefilled with the record's facts", (id, facts) => {
    const a = answers[id as keyof typeof answers]!;
    expect(a.prefilled).toBe(true);
    for (const f of facts) expect(a.text).toContain(f);
  });

  it("names the foreign jurisdiction that can reach the data in 227", () => {
    // The parent company is American: the exposure line names the country (issue 10 point 8) and the vendor it comes through.
    expect(answers["227"]!.text.split("\n")).toContain("Exposition à des lois étrangères : États-Unis (Éditeur Social)");
  });
});
