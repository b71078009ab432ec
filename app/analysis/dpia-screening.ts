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

/** controller_duty: the organization is a processor; the controller carries out the DPIA (Art. 35(1)), assisted by it (Art. 28(3)(f)). */
export const SCREENING_RESULTS = ["required", "recommended", "not_required", "controller_duty"] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** A pre-answer: whether the record suggests the criterion is met, and why (an i18n key). */
export type PreAnswer = { met: boolean; why: string };
export type CriterionAnswer = { met: boolean; justification?: string };

export type ScreeningInput = {
  answers: Partial<Record<ScreeningCriterion, CriterionAnswer>>;
  cnilListType?: string | null;
  exemptListType?: string | null;
  art35c?: boolean;
  /** The organization's headcount (exempt type 1 applies below 250). */
  headcount?: number | null;
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

/** A suggested CNIL-list type and why (an i18n key with parameters): a suggestion always shows its reason. */
export type ListSuggestion<T extends string> = { type: T; why: string; params?: Record<string, string | number> };
export type ScreeningContext = { headcount?: number | null };

/** CNIL délibération 2019-118, type 1: staff management only, in bodies employing fewer than 250 people. */
export const EXEMPT_TYPE1_MAX_STAFF = 249;

/**
 * The CNIL-list type (délibération 2018-327) the record suggests, from its structured answers (the
 * activity's area, its subjects, data and risk flags), never from keywords in free text. The DPO chooses.
 */
export function suggestCnilList(c: ActivityContent): ListSuggestion<CnilListType> | null {
  const cats = new Set(c.dataCategories.map((d) => d.category));
  const subjects = new Set(c.dataSubjects.map((s) => s.category));
  const f = c.riskFlags;
  const vulnerable = subjects.has("children") || subjects.has("vulnerable") || f.vulnerableSubjects;
  if (cats.has("genetic") && vulnerable) return { type: "2", why: "dpia.suggest.geneticVulnerable" };
  if (cats.has("biometric") && vulnerable) return { type: "11", why: "dpia.suggest.biometricVulnerable" };
  if (subjects.has("agents") && f.profiling) return { type: "3", why: "dpia.suggest.agentsProfiling" };
  if (subjects.has("agents") && f.systematicMonitoring) return { type: "4", why: "dpia.suggest.agentsMonitoring" };
  if (c.domain === "whistleblowing") return { type: "6", why: "dpia.suggest.domain", params: { domain: "whistleblowing" } };
  if (c.domain === "social_housing") return { type: "12", why: "dpia.suggest.domain", params: { domain: "social_housing" } };
  if (c.domain === "patient_care" && cats.has("health")) return { type: "1", why: "dpia.suggest.domain", params: { domain: "patient_care" } };
  if (c.domain === "social_support") return { type: "13", why: "dpia.suggest.domain", params: { domain: "social_support" } };
  if (f.profiling && f.preventsRightOrService) return { type: "8", why: "dpia.suggest.profilingExclusion" };
  if (cats.has("location") && f.largeScale) return { type: "14", why: "dpia.suggest.locationLargeScale" };
  return null;
}

/**
 * The exempt-list type (délibération 2019-118) the record suggests, from the activity's declared area.
 * Type 1 also needs the headcount (fewer than 250) and no profiling; without the headcount, nothing is
 * suggested and the reason says so (type null, with its why).
 */
export function suggestExemptList(
  c: ActivityContent,
  ctx: ScreeningContext = {},
): ListSuggestion<ExemptListType> | { type: null; why: string; params?: Record<string, string | number> } | null {
  const sensitive = c.dataCategories.some((d) => isSensitiveCategory(d.category) || d.category === "nir" || d.category === OFFENCE_DATA_CATEGORY);
  switch (c.domain) {
    case "electoral_roll":
      return { type: "3", why: "dpia.suggest.domain", params: { domain: "electoral_roll" } };
    case "suppliers":
      return { type: "2", why: "dpia.suggest.domain", params: { domain: "suppliers" } };
    case "works_council":
      return { type: "4", why: "dpia.suggest.domain", params: { domain: "works_council" } };
    case "school_childhood":
      return { type: "10", why: "dpia.suggest.domain", params: { domain: "school_childhood" } };
    case "access_time":
      return c.dataCategories.some((d) => d.category === "biometric") ? null : { type: "11", why: "dpia.suggest.domain", params: { domain: "access_time" } };
    case "hr": {
      if (c.riskFlags.profiling) return { type: null, why: "dpia.suggest.type1Profiling" };
      const headcount = ctx.headcount ?? null;
      if (headcount === null) return { type: null, why: "dpia.suggest.type1NeedsHeadcount" };
      if (headcount > EXEMPT_TYPE1_MAX_STAFF) return { type: null, why: "dpia.suggest.type1TooLarge", params: { headcount } };
      // Sensitive data do not bar type 1, but the reason says they call for a second look.
      return { type: "1", why: sensitive ? "dpia.suggest.type1Sensitive" : "dpia.suggest.type1", params: { headcount } };
    }
    default:
      return null;
  }
}

/** The suggested type only. */
export function suggestCnilListType(c: ActivityContent): CnilListType | null {
  return suggestCnilList(c)?.type ?? null;
}
export function suggestExemptListType(c: ActivityContent, ctx: ScreeningContext = {}): ExemptListType | null {
  return suggestExemptList(c, ctx)?.type ?? null;
}

/**
 * Why a chosen exempt type does not apply to this record (an i18n key), or null when it may.
 * Délibération 2019-118 defines each type by area; type 1 also by headcount and the absence of profiling.
 */
export function exemptionObstacle(c: ActivityContent, type: string, ctx: ScreeningContext = {}): string | null {
  const area: Partial<Record<string, string>> = {
    "1": "hr",
    "2": "suppliers",
    "3": "electoral_roll",
    "4": "works_council",
    "10": "school_childhood",
    "11": "access_time",
  };
  const wanted = area[type];
  if (wanted && c.domain && c.domain !== wanted) return "dpia.reason.exemptWrongDomain";
  if (type === "1") {
    if (c.domain !== "hr") return "dpia.reason.exemptWrongDomain";
    if (c.riskFlags.profiling) return "dpia.reason.exemptType1Profiling";
    if (ctx.headcount === null || ctx.headcount === undefined) return "dpia.reason.exemptType1Headcount";
    if (ctx.headcount > EXEMPT_TYPE1_MAX_STAFF) return "dpia.reason.exemptType1TooLarge";
  }
  if (type === "3" && c.domain !== "electoral_roll") return "dpia.reason.exemptWrongDomain";
  return null;
}

/** The outcome of the screening: Art. 35(3) cases (or LIL art. 90 for LED), CNIL lists, WP248 criteria. */
export function screen(c: ActivityContent, input: ScreeningInput): ScreeningOutcome {
  const pre = preAnswers(c);
  const criteria = {} as ScreeningOutcome["criteria"];
  for (const id of SCREENING_CRITERIA) {
    const saved = input.answers[id];
    const met = saved ? saved.met : pre[id].met;
    criteria[id] = { met, overridden: Boolean(saved && saved.met !== pre[id].met), why: pre[id].why, justification: saved?.justification };
  }
  const metCount = SCREENING_CRITERIA.filter((id) => criteria[id].met).length;
  const led = c.regime === "LED";
  const art35 = {
    // Art. 35(3)(a): decisions "based on" a systematic and extensive evaluation, including decisions a
    // person takes with a scoring grid (social aid, housing): an automated decision is not required.
    a: criteria.evaluation.met && (criteria.automatedDecision.met || criteria.preventsRightOrService.met || c.riskFlags.decisionEffects),
    b: criteria.largeScale.met && hasArt9or10(c),
    c: Boolean(input.art35c),
  };
  const reasons: string[] = [];
  const ctx: ScreeningContext = { headcount: input.headcount };
  if (input.cnilListType) reasons.push("dpia.reason.cnilList");
  if (led) {
    // Law enforcement: loi Informatique et Libertés art. 90 (Directive 2016/680 art. 27), not GDPR Art. 35.
    if (art35.a || art35.b || art35.c) reasons.push("dpia.reason.ledArt90");
  } else {
    if (art35.a) reasons.push("dpia.reason.art35a");
    if (art35.b) reasons.push("dpia.reason.art35b");
    if (art35.c) reasons.push("dpia.reason.art35c");
  }
  const obstacle = input.exemptListType ? exemptionObstacle(c, input.exemptListType, ctx) : null;
  let result: ScreeningResult;
  if (reasons.length > 0) result = "required";
  else if (input.exemptListType && !obstacle) {
    result = "not_required";
    reasons.push("dpia.reason.exempt");
  } else {
    if (obstacle) reasons.push(obstacle);
    if (metCount >= 2) {
      // WP248: two criteria or more mean a DPIA is required in principle ("en principe", CNIL).
      result = "required";
      reasons.push(led ? "dpia.reason.ledTwoCriteria" : "dpia.reason.twoCriteria");
    } else if (metCount === 1) {
      result = "recommended";
      reasons.push("dpia.reason.oneCriterion");
    } else {
      result = "not_required";
      reasons.push("dpia.reason.noCriteria");
    }
  }
  // Art. 35(1) and 28(3)(f): the DPIA is the controller's duty; a processor assists it.
  if (c.role === "PROCESSOR" && result !== "not_required") {
    result = "controller_duty";
    reasons.unshift("dpia.reason.processor");
  }
  return { result, criteria, metCount, art35, reasons };
}

/** A decision not to carry out a DPIA needs a written reason when any criterion is met or one is required. */
export function needsNoDpiaReason(o: Pick<ScreeningOutcome, "result" | "metCount">): boolean {
  return o.result !== "not_required" || o.metCount > 0;
}
