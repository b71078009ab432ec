/** Issue 10, points 10-15: DPIA screening that follows the CNIL lists, Art. 35(3), Art. 28(3)(f) and LIL art. 90. Each case failed before. */
import { describe, expect, it } from "vitest";
import { exemptionObstacle, screen, suggestExemptList, suggestExemptListType, suggestCnilListType } from "~/analysis/dpia-screening.ts";
import { prefillDpia } from "~/analysis/dpia-prefill.ts";
import { ActivityContentSchema, type ActivityContentInput } from "~/schemas/activity.ts";
import { computeCompleteness } from "~/domain/activity-rules.ts";
import { createT, translate } from "~/utils/messages.server.ts";
import { DEMO_ACTIVITIES } from "~/demo/activities.ts";

const rec = (extra: Partial<ActivityContentInput> = {}) => ActivityContentSchema.parse({ name: "Traitement", ...extra });
const flags = (...on: string[]) => Object.fromEntries(on.map((f) => [f, true]));

describe("10. Exempt type 1: HR only, fewer than 250 staff", () => {
  const hr = (extra: Partial<ActivityContentInput> = {}) => rec({ domain: "hr", dataSubjects: [{ category: "agents" }], ...extra });
  it("is suggested only for HR with a known headcount below 250", () => {
    expect(suggestExemptListType(hr(), { headcount: 120 })).toBe("1");
    expect(suggestExemptList(hr(), {})).toMatchObject({ type: null, why: "dpia.suggest.type1NeedsHeadcount" });
    expect(suggestExemptList(hr(), { headcount: 430 })).toMatchObject({ type: null, why: "dpia.suggest.type1TooLarge" });
  });
  it("is never suggested for an activity that is not HR, even if only agents are concerned (IT fleet)", () => {
    expect(suggestExemptListType(rec({ name: "Gestion du parc informatique", dataSubjects: [{ category: "agents" }] }), { headcount: 100 })).toBeNull();
    expect(suggestExemptListType(rec({ domain: "other", dataSubjects: [{ category: "agents" }] }), { headcount: 100 })).toBeNull();
  });
  it("a chosen type 1 is not applied to a body of 250 staff or more, or without a headcount", () => {
    expect(exemptionObstacle(hr(), "1", { headcount: 430 })).toBe("dpia.reason.exemptType1TooLarge");
    expect(exemptionObstacle(hr(), "1", {})).toBe("dpia.reason.exemptType1Headcount");
    expect(exemptionObstacle(rec({ domain: "other" }), "1", { headcount: 10 })).toBe("dpia.reason.exemptWrongDomain");
  });
  it("the demo 'Santé au travail' (430 agents, health data, two criteria) does not end as 'AIPD non requise'", () => {
    const demo = DEMO_ACTIVITIES.find((a) => String(a.content.name).startsWith("Santé au travail"))!;
    const c = ActivityContentSchema.parse(demo.content);
    expect(suggestExemptListType(c, { headcount: 430 })).toBeNull();
    const o = screen(c, { answers: {}, exemptListType: "1", headcount: 430 });
    expect(o.result).toBe("required");
    expect(o.reasons).toEqual(["dpia.reason.exemptType1TooLarge", "dpia.reason.twoCriteria"]);
  });
});

describe("11. Art. 35(3)(a) without an automated decision", () => {
  it("a scoring grid used by a person for social aid or housing is 35(3)(a)", () => {
    const o = screen(rec({ riskFlags: flags("profiling", "decisionEffects") }), { answers: {} });
    expect(o.art35.a).toBe(true);
    expect(o.reasons).toContain("dpia.reason.art35a");
    expect(screen(rec({ riskFlags: flags("profiling", "preventsRightOrService") }), { answers: {} }).art35.a).toBe(true);
  });
});

describe("12. Exempt type 3: the electoral roll only, from a structured answer", () => {
  it("a sentence saying electoral rolls are NOT used does not suggest type 3", () => {
    const c = rec({ name: "Fichier des associations", description: "Les listes électorales ne sont pas utilisées pour ce fichier." });
    expect(suggestExemptListType(c)).toBeNull();
    expect(suggestCnilListType(rec({ name: "Aide sociale facultative du CCAS" }))).toBeNull();
  });
  it("type 3 chosen for an activity whose area is not the electoral roll is not applied", () => {
    const o = screen(rec({ domain: "other", riskFlags: flags("largeScale", "innovativeTechnology") }), { answers: {}, exemptListType: "3" });
    expect(o.result).toBe("required");
    expect(o.reasons[0]).toBe("dpia.reason.exemptWrongDomain");
  });
  it("a suggestion always shows why", () => {
    expect(suggestExemptList(rec({ domain: "electoral_roll" }))).toEqual({ type: "3", why: "dpia.suggest.domain", params: { domain: "electoral_roll" } });
  });
});

describe("13. Processors", () => {
  it("the DPIA is the controller's, with the processor's assistance (Art. 28(3)(f))", () => {
    const o = screen(rec({ role: "PROCESSOR", processorFor: [{ controller: "Commune A" }], riskFlags: flags("largeScale", "innovativeTechnology") }), {
      answers: {},
    });
    expect(o.result).toBe("controller_duty");
    expect(o.reasons[0]).toBe("dpia.reason.processor");
    expect(translate("fr", "dpia.result.controller_duty")).toMatch(/responsable de traitement/);
  });
});

describe("14. Wording", () => {
  it("two criteria: required in principle; type 4 is works councils; 222 knows Art. 9(2)(a)", () => {
    expect(translate("fr", "dpia.reason.twoCriteria")).toMatch(/en principe/);
    expect(translate("en", "dpia.reason.twoCriteria")).toMatch(/in principle/);
    expect(translate("fr", "pdf.risk.intro")).toMatch(/en principe/);
    expect(translate("fr", "dpia.exempt.4")).toMatch(/comités d'entreprise et d'établissement/);
    const c = rec({ legalBases: [{ basis: "e_public_interest" }], art9Conditions: [{ condition: "a" }], dataCategories: [{ category: "health" }] });
    const a = prefillDpia({ content: c, links: [], analysis: null }, createT("fr"), "fr");
    expect(a["222"]!.text).not.toMatch(/ne repose pas sur le consentement/);
    expect(a["222"]!.text).toMatch(/9\.2\.a/);
  });
});

describe("15. Law-enforcement (LED) activities", () => {
  it("the DPIA rule is LIL art. 90 / Directive 2016/680 art. 27, not GDPR Art. 35(3)(c)", () => {
    const o = screen(rec({ regime: "LED" }), { answers: {}, art35c: true });
    expect(o.result).toBe("required");
    expect(o.reasons).toEqual(["dpia.reason.ledArt90"]);
    expect(screen(rec({ regime: "LED", riskFlags: flags("largeScale", "innovativeTechnology") }), { answers: {} }).reasons).toEqual([
      "dpia.reason.ledTwoCriteria",
    ]);
  });
  it("an LED activity needs its own legal basis for completeness, not the Art. 10 one", () => {
    const led = rec({ regime: "LED", dataCategories: [{ category: "offences" }], art10Basis: "CPP" });
    expect(computeCompleteness(led, null).missing).toContain("ledLegalBasis");
    expect(computeCompleteness(led, null).applicable).not.toContain("art10Basis");
    expect(computeCompleteness(rec({ regime: "LED", ledLegalBasis: "CSI L241-2" }), null).missing).not.toContain("ledLegalBasis");
  });
});
