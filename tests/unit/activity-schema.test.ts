import { describe, expect, it } from "vitest";
import { fr } from "~/locales/fr.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { computeCompleteness, computeWarnings } from "~/domain/activity-rules.ts";
import { diffContents, pathParts } from "~/domain/activity-diff.ts";
import { canEditActivity, canReadActivity, canTransition } from "~/policies/index.ts";

function issues(input: unknown) {
  const r = ActivityContentSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("ActivityContentSchema", () => {
  it("accepts a minimal activity and fills defaults", () => {
    const c = ActivityContentSchema.parse({ name: "  Listes électorales " });
    expect(c).toMatchObject({ name: "Listes électorales", regime: "GDPR", role: "CONTROLLER", legalBases: [], purposes: { sub: [] } });
    expect(Object.values(c.riskFlags).every((v) => v === false)).toBe(true);
  });

  it.each([
    [{}, "name", "errors.required"],
    [{ name: "" }, "name", "errors.required"],
    [{ name: "x".repeat(201) }, "name", "errors.tooLong"],
    [{ name: "A", regime: "OTHER" }, "regime", "errors.choice"],
    [{ name: "A", legalBases: [{ basis: "g" }] }, "legalBases.0.basis", "errors.choice"],
    [{ name: "A", dataCategories: [{ category: "shoe_size" }] }, "dataCategories.0.category", "errors.choice"],
    [{ name: "A", transfers: [{ country: "USA", recipient: "R", safeguard: "scc" }] }, "transfers.0.country", "errors.country"],
    [
      { name: "A", transfers: [{ country: "US", recipient: "R", safeguard: "scc", documentationUrl: "javascript:alert(1)" }] },
      "transfers.0.documentationUrl",
      "errors.url",
    ],
    [{ name: "A", implementationDate: "31/12/2024" }, "implementationDate", "errors.date"],
    [{ name: "A", implementationDate: "2024-02-30" }, "implementationDate", "errors.date"],
    [{ name: "A", lastReviewAt: "2026-05-01", nextReviewAt: "2026-01-01" }, "nextReviewAt", "errors.reviewOrder"],
    [{ name: "A", dataSubjects: [{ category: "residents", estimatedCount: "beaucoup" }] }, "dataSubjects.0.estimatedCount", "errors.number"],
    [{ name: "A", dataSubjects: [{ category: "residents", estimatedCount: "-3" }] }, "dataSubjects.0.estimatedCount", "errors.tooSmall"],
    [{ name: "A", dataCategories: [{ category: "health" }, { category: "health" }] }, "dataCategories.1.category", "errors.duplicateCategory"],
    [{ name: "A", role: "JOINT_CONTROLLER" }, "jointControllers", "errors.jointControllerNeeded"],
    [{ name: "A", role: "PROCESSOR" }, "processorFor", "errors.controllerNeeded"],
    [{ name: "A", recipients: [{ type: "internal", name: " " }] }, "recipients.0.name", "errors.required"],
  ])("rejects %j at %s with %s", (input, path, key) => {
    const found = issues(input);
    const match = found.find((i) => i.path === path);
    expect(match, JSON.stringify(found)).toBeDefined();
    expect(match!.message.split("|")[0]).toBe(key);
    expect(Object.keys(fr)).toContain(key);
  });

  it("accepts form-shaped values (checkbox 'on', numbers as text, blank optionals)", () => {
    const c = ActivityContentSchema.parse({
      name: "Cantine",
      riskFlags: { vulnerableSubjects: "on" },
      dataSubjects: [{ category: "children", estimatedCount: "1200", description: "" }],
      nextReviewAt: "",
    });
    expect(c.riskFlags.vulnerableSubjects).toBe(true);
    expect(c.riskFlags.largeScale).toBe(false);
    expect(c.dataSubjects[0]).toEqual({ category: "children", estimatedCount: 1200, description: undefined });
    expect(c.nextReviewAt).toBeUndefined();
  });
});

describe("completeness", () => {
  it("lists exactly the Art. 30 items that are missing", () => {
    const c = ActivityContentSchema.parse({ name: "A" });
    expect(computeCompleteness(c, null).missing).toEqual([
      "department",
      "purposes",
      "legalBases",
      "dataSubjects",
      "dataCategories",
      "recipients",
      "securityMeasures",
      "rights",
      "nextReview",
    ]);
  });

  it("adds conditional items only when they apply, and reaches 100", () => {
    const full = ActivityContentSchema.parse({
      name: "Aide sociale",
      role: "JOINT_CONTROLLER",
      jointControllers: [{ name: "CCAS" }],
      purposes: { main: "Instruire" },
      legalBases: [{ basis: "e_official_authority", text: "CASF L123-5" }],
      art9Conditions: [{ condition: "h" }],
      art10Basis: "Code pénal",
      dataSubjects: [{ category: "vulnerable" }],
      dataCategories: [
        { category: "health", retention: { activePeriod: "5 ans", finalFate: "destruction" } },
        { category: "offences", retention: { activePeriod: "1 an", finalFate: "destruction" } },
      ],
      recipients: [{ type: "third_country", name: "Prestataire US" }],
      transfers: [{ country: "US", recipient: "Prestataire US", safeguard: "scc" }],
      securityMeasures: [{ measure: "encryption" }],
      rights: { exercise: "DPO", information: "Notice" },
      nextReviewAt: "2027-01-01",
    });
    const r = computeCompleteness(full, "dep");
    expect(r.missing).toEqual([]);
    expect(r.score).toBe(100);
    expect(r.applicable).toEqual(expect.arrayContaining(["art9Conditions", "art10Basis", "jointControllers", "transfers", "retention"]));
    expect(r.applicable).not.toContain("processorFor");
    const noRetention = { ...full, dataCategories: [{ ...full.dataCategories[0]!, retention: {} }] };
    expect(computeCompleteness(noRetention, "dep").missing).toEqual(["retention"]);
  });
});

describe("warnings", () => {
  it("warns when a public authority relies on legitimate interest or on consent alone", () => {
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", legalBases: [{ basis: "f" }] }))).toContain("legitimateInterestPublicAuthority");
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", legalBases: [{ basis: "a" }] }))).toEqual(["consentPublicAuthority"]);
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", legalBases: [{ basis: "a" }, { basis: "c" }] }))).toEqual([]);
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", regime: "LED", legalBases: [{ basis: "f" }] }))).toContain("ledWithGdprBasis");
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", transfers: [{ country: "CN", recipient: "X", safeguard: "none" }] }))).toEqual([
      "transferWithoutSafeguard",
    ]);
    expect(computeWarnings(ActivityContentSchema.parse({ name: "A", dataCategories: [{ category: "nir" }] }))).toEqual(["nirUse"]);
  });
});

describe("diff", () => {
  it("reports changed, added and removed fields with readable paths", () => {
    const a = ActivityContentSchema.parse({ name: "A", recipients: [{ type: "internal", name: "RH" }] });
    const b = ActivityContentSchema.parse({
      name: "B",
      recipients: [
        { type: "internal", name: "RH" },
        { type: "processor", name: "Éditeur" },
      ],
    });
    expect(diffContents(a, b)).toEqual([
      { path: "name", before: "A", after: "B" },
      { path: "recipients[1].name", before: null, after: "Éditeur" },
      { path: "recipients[1].type", before: null, after: "processor" },
    ]);
    expect(pathParts("dataCategories[2].retention.activePeriod")).toEqual(["dataCategories", 3, "retention", "activePeriod"]);
    expect(diffContents(a, a)).toEqual([]);
  });
});

describe("workflow rules", () => {
  const editor = { role: "EDITOR" as const, departmentIds: ["d1"] };
  const dpo = { role: "DPO" as const, departmentIds: [] };
  const viewer = { role: "VIEWER" as const, departmentIds: [] };
  it.each([
    ["EDITOR submits own draft", editor, { departmentId: "d1", status: "DRAFT" }, "submit", true],
    ["EDITOR cannot submit another department's draft", editor, { departmentId: "d2", status: "DRAFT" }, "submit", false],
    ["EDITOR cannot approve", editor, { departmentId: "d1", status: "SUBMITTED" }, "approve", false],
    ["EDITOR withdraws own submission", editor, { departmentId: "d1", status: "SUBMITTED" }, "withdraw", true],
    ["DPO approves a submission", dpo, { departmentId: "d1", status: "SUBMITTED" }, "approve", true],
    ["DPO requests changes on a submission", dpo, { departmentId: "d1", status: "SUBMITTED" }, "requestChanges", true],
    ["no change request on a draft", dpo, { departmentId: "d1", status: "DRAFT" }, "requestChanges", false],
    ["DPO archives", dpo, { departmentId: null, status: "APPROVED" }, "archive", true],
    ["no approval of an archived activity", dpo, { departmentId: null, status: "ARCHIVED" }, "approve", false],
    ["DPO restores an archived activity", dpo, { departmentId: null, status: "ARCHIVED" }, "restore", true],
    ["VIEWER does nothing", viewer, { departmentId: "d1", status: "DRAFT" }, "submit", false],
  ] as const)("%s", (_name, m, a, t, expected) => {
    expect(canTransition(m, a, t)).toBe(expected);
  });

  it("limits EDITORs to their departments and freezes submitted records for them", () => {
    expect(canReadActivity(editor, { departmentId: "d2", status: "APPROVED" })).toBe(false);
    expect(canEditActivity(editor, { departmentId: "d1", status: "SUBMITTED" })).toBe(false);
    expect(canEditActivity(editor, { departmentId: "d1", status: "APPROVED" })).toBe(true);
    expect(canEditActivity(dpo, { departmentId: "d1", status: "SUBMITTED" })).toBe(true);
    expect(canEditActivity(dpo, { departmentId: "d1", status: "ARCHIVED" })).toBe(false);
    expect(canEditActivity(viewer, { departmentId: "d1", status: "DRAFT" })).toBe(false);
  });
});
