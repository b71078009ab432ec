/** A synthetic organization for benchmarks: N activities of about 15 data categories each. */
import { DATA_CATEGORIES, DATA_SUBJECT_CATEGORIES, LEGAL_BASES, SECURITY_MEASURES } from "../../app/reference/vocabularies.ts";
import { ActivityContentSchema, type ActivityContent } from "../../app/schemas/activity.ts";

const WORDS = [
  "gestion",
  "inscription",
  "facturation",
  "dossier",
  "usagers",
  "agents",
  "contrôle",
  "subvention",
  "cantine",
  "état civil",
  "urbanisme",
  "médiathèque",
  "élections",
  "crèche",
  "voirie",
  "police",
  "cimetière",
  "marché",
  "aide sociale",
  "sport",
];

export function syntheticContent(i: number): ActivityContent {
  const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
  return ActivityContentSchema.parse({
    name: `Traitement ${i} — ${w(0)} ${w(1)}`,
    description: `Description du traitement ${i} : ${w(2)}, ${w(3)} et ${w(4)}.`,
    regime: i % 17 === 0 ? "LED" : "GDPR",
    role: "CONTROLLER",
    purposes: { main: `Finalité ${w(5)} ${i}`, sub: [`Sous-finalité ${w(6)}`, `Sous-finalité ${w(7)}`] },
    legalBases: [{ basis: LEGAL_BASES[i % LEGAL_BASES.length], text: "CGCT L2121-1", purpose: "Mission" }],
    dataSubjects: [{ category: DATA_SUBJECT_CATEGORIES[i % DATA_SUBJECT_CATEGORIES.length], estimatedCount: 100 + i }],
    dataCategories: DATA_CATEGORIES.slice(0, 15)
      .map((c, k) => ({
        category: DATA_CATEGORIES[(i + k) % DATA_CATEGORIES.length] ?? c,
        description: `Données ${w(k)} ${k}`,
        source: "Usager",
        retention: { activePeriod: `${1 + (k % 5)} ans`, finalFate: "destruction", rule: "Circulaire 2009/018" },
      }))
      .filter((c, k, all) => all.findIndex((x) => x.category === c.category) === k),
    recipients: [{ type: "internal", name: "Service instructeur" }],
    securityMeasures: SECURITY_MEASURES.slice(0, 4).map((m) => ({ measure: m, details: "En place" })),
    rights: { exercise: "Auprès du DPO", information: "Mentions sur le formulaire" },
    nextReviewAt: i % 5 === 0 ? "2025-01-01" : "2027-06-30",
  });
}
