/**
 * DPIA screening (is an AIPD needed?): WP248 rev.01 nine criteria, the three Art. 35(3) cases and the
 * CNIL lists (délibérations 2018-327 and 2019-118). Pure: no database, no i18n (keys only).
 */
import type { ActivityContent } from "~/schemas/activity.ts";
import { isSensitiveCategory, OFFENCE_DATA_CATEGORY } from "~/reference/vocabularies.ts";

export const SCREENING_CRITERIA = [
  "evaluation",
  "automatedDecision",
  "systematicMonitoring",
  "sensitive",
  "largeScale",
  "combiningDatasets",
  "vulnerable",
  "innovativeTechnology",
  "preventsRightOrService",
] as const;
export type ScreeningCriterion = (typeof SCREENING_CRITERIA)[number];

/** CNIL list of processing types requiring a DPIA (1-14) and of exempt types (1-12). */
export const CNIL_LIST_TYPES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"] as const;
export const EXEMPT_LIST_TYPES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;
export type CnilListType = (typeof CNIL_LIST_TYPES)[number];
export type ExemptListType = (typeof EXEMPT_LIST_TYPES)[number];

export const SCREENING_RESULTS = ["required", "recommended", "not_required"] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** A pre-answer: whether the record suggests the criterion is met, and why (an i18n key). */
export type PreAnswer = { met: boolean; why: string };
export type CriterionAnswer = { met: boolean; justification?: string };

export type ScreeningInput = {
  answers: Partial<Record<ScreeningCriterion, CriterionAnswer>>;
  cnilListType?: string | null;
  exemptListType?: string | null;
  art35c?: boolean;
};

export type ScreeningOutcome = {
  result: ScreeningResult;
  /** Effective answer for each criterion (saved override, else the pre-answer). */
  criteria: Record<ScreeningCriterion, { met: boolean; overridden: boolean; why: string; justification?: string }>;
  metCount: number;
  art35: { a: boolean; b: boolean; c: boolean };
  /** i18n keys explaining the result, most decisive first. */
  reasons: string[];
};

const HIGHLY_PERSONAL = ["nir", "location", "economic"];

function hasArt9or10(c: ActivityContent): boolean {
  return c.dataCategories.some((d) => isSensitiveCategory(d.category) || d.category === OFFENCE_DATA_CATEGORY);
}

/** What the record says about each criterion. */
export function preAnswers(c: ActivityContent): Record<ScreeningCriterion, PreAnswer> {
  const f = c.riskFlags;
  const flag = (v: boolean): PreAnswer => ({ met: v, why: v ? "dpia.why.flag" : "dpia.why.noFlag" });
  let sensitive: PreAnswer = { met: false, why: "dpia.why.noSensitive" };
  if (c.dataCategories.some((d) => isSensitiveCategory(d.category))) sensitive = { met: true, why: "dpia.why.art9" };
  else if (c.dataCategories.some((d) => d.category === OFFENCE_DATA_CATEGORY)) sensitive = { met: true, why: "dpia.why.art10" };
  else if (c.dataCategories.some((d) => d.category === "nir")) sensitive = { met: true, why: "dpia.why.nir" };
  else if (c.dataCategories.some((d) => HIGHLY_PERSONAL.includes(d.category))) sensitive = { met: true, why: "dpia.why.highlyPersonal" };
  const vulnerableSubjects = c.dataSubjects.some((s) => s.category === "children" || s.category === "vulnerable");
  const vulnerable: PreAnswer = vulnerableSubjects ? { met: true, why: "dpia.why.vulnerableSubjects" } : flag(f.vulnerableSubjects);
  return {
    evaluation: flag(f.profiling),
    automatedDecision: flag(f.automatedDecision),
    systematicMonitoring: flag(f.systematicMonitoring),
    sensitive,
    largeScale: flag(f.largeScale),
    combiningDatasets: flag(f.combiningDatasets),
    vulnerable,
    innovativeTechnology: flag(f.innovativeTechnology),
    preventsRightOrService: flag(f.preventsRightOrService),
  };
}

const words = (c: ActivityContent) => [c.name, c.description ?? "", c.purposes.main ?? "", ...c.purposes.sub].join(" ").toLowerCase();

/** The CNIL-list type the record suggests (the DPO chooses). */
export function suggestCnilListType(c: ActivityContent): CnilListType | null {
  const cats = new Set(c.dataCategories.map((d) => d.category));
  const subjects = new Set(c.dataSubjects.map((s) => s.category));
  const f = c.riskFlags;
  const vulnerable = subjects.has("children") || subjects.has("vulnerable") || f.vulnerableSubjects;
  const w = words(c);
  if (cats.has("genetic") && vulnerable) return "2";
  if (cats.has("biometric") && vulnerable) return "11";
  if (subjects.has("agents") && f.profiling) return "3";
  if (subjects.has("agents") && f.systematicMonitoring) return "4";
  if (/lanceur|alerte professionnelle|whistleblow/.test(w)) return "6";
  if (/logement social|social housing|demande de logement/.test(w)) return "12";
  if (cats.has("health") && /soin|patient|ehpad|care/.test(w)) return "1";
  if (/aide sociale|ccas|accompagnement social|social support|social aid|social care|action sociale/.test(w)) return "13";
  if (f.profiling && f.preventsRightOrService) return "8";
  if (cats.has("location") && f.largeScale) return "14";
  return null;
}

/** The exempt-list type the record suggests (the DPO chooses). */
export function suggestExemptListType(c: ActivityContent): ExemptListType | null {
  const subjects = new Set(c.dataSubjects.map((s) => s.category));
  const w = words(c);
  if (/liste électorale|listes électorales|electoral roll/.test(w)) return "3";
  if (subjects.size > 0 && [...subjects].every((s) => s === "suppliers")) return "2";
  if (/badge|contrôle d'accès|temps de travail|working time|access control/.test(w) && !c.dataCategories.some((d) => d.category === "biometric")) return "11";
  if (/périscolaire|scolaire|cantine|crèche|petite enfance|school|early childhood/.test(w)) return "10";
  if (subjects.size > 0 && [...subjects].every((s) => s === "agents") && !c.riskFlags.profiling) return "1";
  return null;
}

/** Whether the record alone triggers Art. 35(3)(b): large scale and Art. 9/10 data. */
export function screen(c: ActivityContent, input: ScreeningInput): ScreeningOutcome {
  const pre = preAnswers(c);
  const criteria = {} as ScreeningOutcome["criteria"];
  for (const id of SCREENING_CRITERIA) {
    const saved = input.answers[id];
    const met = saved ? saved.met : pre[id].met;
    criteria[id] = { met, overridden: Boolean(saved && saved.met !== pre[id].met), why: pre[id].why, justification: saved?.justification };
  }
  const metCount = SCREENING_CRITERIA.filter((id) => criteria[id].met).length;
  const art35 = {
    a: criteria.evaluation.met && criteria.automatedDecision.met,
    b: criteria.largeScale.met && hasArt9or10(c),
    c: Boolean(input.art35c),
  };
  const reasons: string[] = [];
  if (input.cnilListType) reasons.push("dpia.reason.cnilList");
  if (art35.a) reasons.push("dpia.reason.art35a");
  if (art35.b) reasons.push("dpia.reason.art35b");
  if (art35.c) reasons.push("dpia.reason.art35c");
  let result: ScreeningResult;
  if (reasons.length > 0) result = "required";
  else if (input.exemptListType) {
    result = "not_required";
    reasons.push("dpia.reason.exempt");
  } else if (metCount >= 2) {
    result = "required";
    reasons.push("dpia.reason.twoCriteria");
  } else if (metCount === 1) {
    result = "recommended";
    reasons.push("dpia.reason.oneCriterion");
  } else {
    result = "not_required";
    reasons.push("dpia.reason.noCriteria");
  }
  return { result, criteria, metCount, art35, reasons };
}

/** A decision not to carry out a DPIA needs a written reason when any criterion is met or one is required. */
export function needsNoDpiaReason(o: Pick<ScreeningOutcome, "result" | "metCount">): boolean {
  return o.result !== "not_required" || o.metCount > 0;
}
