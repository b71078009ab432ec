/** DPIA screening: every path to each result, the "no DPIA" reason rule, the suggestions. */
import { describe, expect, it } from "vitest";
import {
  needsNoDpiaReason,
  preAnswers,
  screen,
  SCREENING_CRITERIA,
  suggestCnilListType,
  suggestExemptListType,
  type ScreeningInput,
} from "~/analysis/dpia-screening.ts";
import { ActivityContentSchema, type ActivityContentInput } from "~/schemas/activity.ts";
import { ScreeningFormSchema } from "~/schemas/dpia.ts";

const rec = (extra: Partial<ActivityContentInput> = {}) => ActivityContentSchema.parse({ name: "Traitement", ...extra });
const flags = (...on: string[]) => Object.fromEntries(on.map((f) => [f, true]));

type Case = {
  name: string;
  content: Partial<ActivityContentInput>;
  input?: Partial<ScreeningInput>;
  result: "required" | "recommended" | "not_required";
  reasons: string[];
  met?: number;
};

const cases: Case[] = [
  { name: "nothing at all", content: {}, result: "not_required", reasons: ["dpia.reason.noCriteria"], met: 0 },
  {
    name: "one flag (innovative)",
    content: { riskFlags: flags("innovativeTechnology") },
    result: "recommended",
    reasons: ["dpia.reason.oneCriterion"],
    met: 1,
  },
  {
    name: "sensitive data only (Art. 9)",
    content: { dataCategories: [{ category: "health" }] },
    result: "recommended",
    reasons: ["dpia.reason.oneCriterion"],
    met: 1,
  },
  { name: "NIR only", content: { dataCategories: [{ category: "nir" }] }, result: "recommended", reasons: ["dpia.reason.oneCriterion"] },
  { name: "offence data only", content: { dataCategories: [{ category: "offences" }] }, result: "recommended", reasons: ["dpia.reason.oneCriterion"] },
  { name: "children only", content: { dataSubjects: [{ category: "children" }] }, result: "recommended", reasons: ["dpia.reason.oneCriterion"] },
  {
    name: "two criteria: vulnerable + combining",
    content: { dataSubjects: [{ category: "vulnerable" }], riskFlags: flags("combiningDatasets") },
    result: "required",
    reasons: ["dpia.reason.twoCriteria"],
    met: 2,
  },
  {
    name: "two criteria via flags: monitoring + innovative",
    content: { riskFlags: flags("systematicMonitoring", "innovativeTechnology") },
    result: "required",
    reasons: ["dpia.reason.twoCriteria"],
  },
  {
    name: "Art. 35(3)(a): profiling + automated decision",
    content: { riskFlags: flags("profiling", "automatedDecision") },
    result: "required",
    reasons: ["dpia.reason.art35a"],
  },
  {
    name: "Art. 35(3)(b): large scale + Art. 9",
    content: { riskFlags: flags("largeScale"), dataCategories: [{ category: "health" }] },
    result: "required",
    reasons: ["dpia.reason.art35b"],
  },
  {
    name: "Art. 35(3)(b): large scale + Art. 10",
    content: { riskFlags: flags("largeScale"), dataCategories: [{ category: "offences" }] },
    result: "required",
    reasons: ["dpia.reason.art35b"],
  },
  {
    name: "large scale + NIR is two criteria, not 35(3)(b)",
    content: { riskFlags: flags("largeScale"), dataCategories: [{ category: "nir" }] },
    result: "required",
    reasons: ["dpia.reason.twoCriteria"],
  },
  { name: "Art. 35(3)(c) flag by the DPO", content: {}, input: { art35c: true }, result: "required", reasons: ["dpia.reason.art35c"] },
  { name: "CNIL list type", content: {}, input: { cnilListType: "13" }, result: "required", reasons: ["dpia.reason.cnilList"] },
  {
    name: "exempt type beats criteria",
    content: { domain: "electoral_roll", riskFlags: flags("largeScale", "innovativeTechnology") },
    input: { exemptListType: "3" },
    result: "not_required",
    reasons: ["dpia.reason.exempt"],
  },
  {
    name: "exempt type with one criterion",
    content: { dataSubjects: [{ category: "children" }] },
    input: { exemptListType: "10" },
    result: "not_required",
    reasons: ["dpia.reason.exempt"],
  },
  {
    name: "CNIL list beats exempt type",
    content: {},
    input: { cnilListType: "4", exemptListType: "1" },
    result: "required",
    reasons: ["dpia.reason.cnilList"],
  },
  {
    name: "override down: DPO says the flag is not met",
    content: { riskFlags: flags("innovativeTechnology") },
    input: { answers: { innovativeTechnology: { met: false, justification: "Outil éprouvé" } } },
    result: "not_required",
    reasons: ["dpia.reason.noCriteria"],
  },
  {
    name: "override up: two criteria by the DPO",
    content: {},
    input: { answers: { largeScale: { met: true, justification: "x" }, combiningDatasets: { met: true, justification: "y" } } },
    result: "required",
    reasons: ["dpia.reason.twoCriteria"],
  },
];

describe("screen()", () => {
  it.each(cases)("$name → $result", (c) => {
    const o = screen(rec(c.content), { answers: {}, ...c.input });
    expect(o.result).toBe(c.result);
    expect(o.reasons).toEqual(c.reasons);
    if (c.met !== undefined) expect(o.metCount).toBe(c.met);
  });

  it("marks an answer that differs from the record as overridden", () => {
    const o = screen(rec({ riskFlags: flags("largeScale") }), { answers: { largeScale: { met: false, justification: "Petite commune" } } });
    expect(o.criteria.largeScale).toMatchObject({ met: false, overridden: true, justification: "Petite commune" });
  });

  it("pre-answers every one of the nine criteria with a justification key", () => {
    const pre = preAnswers(rec({ riskFlags: flags("vulnerableSubjects") }));
    expect(Object.keys(pre).sort()).toEqual([...SCREENING_CRITERIA].sort());
    expect(pre.vulnerable).toEqual({ met: true, why: "dpia.why.flag" });
    expect(pre.sensitive.why).toBe("dpia.why.noSensitive");
    expect(preAnswers(rec({ dataCategories: [{ category: "location" }] })).sensitive).toEqual({ met: true, why: "dpia.why.highlyPersonal" });
  });

  it("requires a reason to skip a DPIA only when something is met", () => {
    expect(needsNoDpiaReason({ result: "not_required", metCount: 0 })).toBe(false);
    expect(needsNoDpiaReason({ result: "recommended", metCount: 1 })).toBe(true);
    expect(needsNoDpiaReason({ result: "not_required", metCount: 2 })).toBe(true); // exempt type, criteria still met
  });
});

describe("CNIL list suggestions", () => {
  // Issue 10 point 12: suggestions come from the structured "domain" answer, never from keywords.
  it("suggests from the record", () => {
    expect(suggestCnilListType(rec({ name: "Aide sociale facultative du CCAS", domain: "social_support" }))).toBe("13");
    expect(suggestCnilListType(rec({ dataSubjects: [{ category: "agents" }], riskFlags: flags("systematicMonitoring") }))).toBe("4");
    expect(suggestCnilListType(rec({ dataCategories: [{ category: "location" }], riskFlags: flags("largeScale") }))).toBe("14");
    expect(suggestCnilListType(rec())).toBeNull();
    expect(suggestExemptListType(rec({ name: "Gestion de la liste électorale", domain: "electoral_roll" }))).toBe("3");
    expect(suggestExemptListType(rec({ dataSubjects: [{ category: "suppliers" }], domain: "suppliers" }))).toBe("2");
  });
});

describe("ScreeningFormSchema", () => {
  const base = Object.fromEntries(SCREENING_CRITERIA.map((c) => [`criteria.${c}.met`, "no"]));
  const parse = (extra: Record<string, unknown>) => {
    const nested: Record<string, unknown> = {
      version: "0",
      criteria: Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, { met: base[`criteria.${c}.met`] }])),
      ...extra,
    };
    return ScreeningFormSchema.safeParse(nested);
  };
  it("refuses 'no DPIA' without a reason when a criterion is met", () => {
    const r = parse({
      criteria: { ...Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, { met: "no" }])), largeScale: { met: "yes" } },
      decision: "no_dpia",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("dpia.errors.reasonRequired");
  });
  it("accepts 'no DPIA' with a reason, and without one when nothing is met", () => {
    expect(
      parse({
        criteria: { ...Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, { met: "no" }])), largeScale: { met: "yes" } },
        decision: "no_dpia",
        decisionReason: "Volume réel très faible",
      }).success,
    ).toBe(true);
    expect(parse({ decision: "no_dpia" }).success).toBe(true);
  });
  it("refuses both lists at once", () => {
    const r = parse({ cnilListType: "1", exemptListType: "2" });
    expect(r.error?.issues.map((i) => i.message)).toContain("dpia.errors.bothLists");
  });
});
