/**
 * The guided declaration: the Art. 30 record split into seven short steps for department heads.
 * Each step edits only its own keys of the content; its schema reuses the field schemas of
 * ActivityContentSchema (one source of truth for what is valid), and `mergeStep` puts the step's
 * values back into the saved content without touching anything else.
 *
 * Pure: shared by the route's action (server) and its form (client validation).
 */
import { ActivityContentSchema, DepartmentIdField, type ActivityContent } from "~/schemas/activity.ts";
import { hasOffenceData, hasSensitiveData, type CompletenessItem } from "~/domain/activity-rules.ts";
import type { ContentKey } from "~/domain/prefilled.ts";
import { z } from "~/utils/validation.ts";

export const GUIDED_STEPS = [1, 2, 3, 4, 5, 6, 7] as const;
export type GuidedStep = (typeof GUIDED_STEPS)[number];
export const LAST_STEP: GuidedStep = 7;

/** Names of the steps, for message keys `guided.step.<name>.*`. */
export const STEP_NAMES = {
  1: "identity",
  2: "people",
  3: "legal",
  4: "retention",
  5: "recipients",
  6: "security",
  7: "review",
} as const satisfies Record<GuidedStep, string>;
export type StepName = (typeof STEP_NAMES)[GuidedStep];

export function parseStep(param: string | undefined): GuidedStep | null {
  if (!param || !/^[1-7]$/.test(param)) return null;
  return Number(param) as GuidedStep;
}

/** Prefilled keys that each step shows, and so may confirm (dataCategories: with the retention, step 4). */
export const STEP_CONFIRM_KEYS: Record<GuidedStep, readonly ContentKey[]> = {
  1: ["name", "description", "internalContact", "implementationDate", "purposes"],
  2: ["dataSubjects"],
  3: ["legalBases", "art9Conditions", "art10Basis"],
  4: ["dataCategories"],
  5: ["recipients", "transfers"],
  6: ["securityMeasures", "riskFlags", "rights", "nextReviewAt"],
  7: [],
};

/** The step where a prefilled key is confirmed; undefined: only in the full form. */
export function confirmStepOf(key: ContentKey): GuidedStep | undefined {
  return GUIDED_STEPS.find((s) => STEP_CONFIRM_KEYS[s].includes(key));
}

/** Where each completeness item is filled in the guided declaration; the others are in the full form. */
export const COMPLETENESS_STEP: Partial<Record<CompletenessItem, GuidedStep>> = {
  department: 1,
  purposes: 1,
  dataSubjects: 2,
  dataCategories: 2,
  legalBases: 3,
  art9Conditions: 3,
  art10Basis: 3,
  retention: 4,
  recipients: 5,
  transfers: 5,
  securityMeasures: 6,
  // Also at step 6, so the guided declaration alone can reach 100 %.
  rights: 6,
  nextReview: 6,
};

/** Step 3 shows the Art. 9 and Art. 10 fields only when they apply (or already hold something). */
export function legalApplicability(c: ActivityContent): { art9: boolean; art10: boolean } {
  return { art9: hasSensitiveData(c) || c.art9Conditions.length > 0, art10: hasOffenceData(c) || Boolean(c.art10Basis) };
}

/* ------------------------------------------------------------------ */
/* Step schemas, built from the field schemas of ActivityContentSchema   */
/* ------------------------------------------------------------------ */

const S = ActivityContentSchema.shape;
const categoryRow = S.dataCategories.out.element.shape;

/** The same list field (same preprocessing, same maximum length) with other rows. */
function sameListOf<T extends z.ZodType>(list: typeof S.dataCategories, item: T) {
  const checks = (list.out._zod.def.checks ?? []) as unknown as z.core.$ZodCheck<z.output<T>[]>[];
  return z.pipe(list.in, z.array(item).check(...checks));
}

const revision = z.coerce.number().int().min(1);
/** Which button was pressed: save and go on (also Enter), or save and go back. */
const nav = z.enum(["next", "prev"]).default("next");

const noDuplicateCategory = (v: { dataCategories: { category: string }[] }, ctx: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  v.dataCategories.forEach((c, i) => {
    if (seen.has(c.category)) ctx.addIssue({ code: "custom", path: ["dataCategories", i, "category"], message: "errors.duplicateCategory" });
    seen.add(c.category);
  });
};

export const GuidedStepSchemas = {
  1: z.object({
    revision,
    nav,
    departmentId: DepartmentIdField,
    content: z.object({
      name: S.name,
      description: S.description,
      internalContact: S.internalContact,
      implementationDate: S.implementationDate,
      purposes: S.purposes,
    }),
  }),
  2: z.object({
    revision,
    nav,
    content: z
      .object({
        dataSubjects: S.dataSubjects,
        dataCategories: sameListOf(
          S.dataCategories,
          z.object({ category: categoryRow.category, description: categoryRow.description, source: categoryRow.source }),
        ),
      })
      .superRefine(noDuplicateCategory),
  }),
  3: z.object({
    revision,
    nav,
    content: z.object({ legalBases: S.legalBases, art9Conditions: S.art9Conditions, art10Basis: S.art10Basis }),
  }),
  4: z.object({
    revision,
    nav,
    content: z.object({ dataCategories: sameListOf(S.dataCategories, z.object({ category: categoryRow.category, retention: categoryRow.retention })) }),
  }),
  5: z.object({
    revision,
    nav,
    content: z.object({ recipients: S.recipients, transfers: S.transfers }),
  }),
  6: z.object({
    revision,
    nav,
    content: z.object({ securityMeasures: S.securityMeasures, riskFlags: S.riskFlags, rights: S.rights, nextReviewAt: S.nextReviewAt }),
  }),
  7: z.object({ revision, intent: z.literal("submit") }),
} as const;

export type EditStep = Exclude<GuidedStep, 7>;
export type StepValue<N extends EditStep> = z.output<(typeof GuidedStepSchemas)[N]>;

/** The values a step's form starts from, taken from the saved content. */
export function stepDefaults(step: EditStep, c: ActivityContent, departmentId: string | null): Record<string, unknown> {
  switch (step) {
    case 1:
      return {
        departmentId: departmentId ?? "",
        content: {
          name: c.name,
          description: c.description,
          internalContact: c.internalContact,
          implementationDate: c.implementationDate,
          purposes: c.purposes,
        },
      };
    case 2:
      return {
        content: {
          dataSubjects: c.dataSubjects,
          dataCategories: c.dataCategories.map(({ category, description, source }) => ({ category, description, source })),
        },
      };
    case 3:
      return { content: { legalBases: c.legalBases, art9Conditions: c.art9Conditions, art10Basis: c.art10Basis } };
    case 4:
      return { content: { dataCategories: c.dataCategories.map(({ category, retention }) => ({ category, retention })) } };
    case 5:
      return { content: { recipients: c.recipients, transfers: c.transfers } };
    case 6:
      return { content: { securityMeasures: c.securityMeasures, riskFlags: c.riskFlags, rights: c.rights, nextReviewAt: c.nextReviewAt } };
  }
}

/**
 * The saved content with this step's keys replaced by the submitted ones; every other key is kept as
 * saved. Step 2 keeps each category's retention (matched by category, unique in a record); step 4
 * changes only the retention of the categories it showed; step 3 touches Art. 9 and Art. 10 only
 * when it showed them.
 */
export function mergeStep(step: EditStep, current: ActivityContent, value: StepValue<EditStep>["content"]): ActivityContent {
  switch (step) {
    case 1: {
      const v = value as StepValue<1>["content"];
      return {
        ...current,
        name: v.name,
        description: v.description,
        internalContact: v.internalContact,
        implementationDate: v.implementationDate,
        purposes: v.purposes,
      };
    }
    case 2: {
      const v = value as StepValue<2>["content"];
      const retentionOf = new Map(current.dataCategories.map((d) => [d.category, d.retention]));
      return {
        ...current,
        dataSubjects: v.dataSubjects,
        dataCategories: v.dataCategories.map((d) => ({ ...d, retention: retentionOf.get(d.category) ?? {} })),
      };
    }
    case 3: {
      const v = value as StepValue<3>["content"];
      const applies = legalApplicability(current);
      return {
        ...current,
        legalBases: v.legalBases,
        ...(applies.art9 ? { art9Conditions: v.art9Conditions } : {}),
        ...(applies.art10 ? { art10Basis: v.art10Basis } : {}),
      };
    }
    case 4: {
      const v = value as StepValue<4>["content"];
      const submitted = new Map(v.dataCategories.map((d) => [d.category, d.retention]));
      return {
        ...current,
        dataCategories: current.dataCategories.map((d) => (submitted.has(d.category) ? { ...d, retention: submitted.get(d.category)! } : d)),
      };
    }
    case 5: {
      const v = value as StepValue<5>["content"];
      return { ...current, recipients: v.recipients, transfers: v.transfers };
    }
    case 6: {
      const v = value as StepValue<6>["content"];
      return { ...current, securityMeasures: v.securityMeasures, riskFlags: v.riskFlags, rights: v.rights, nextReviewAt: v.nextReviewAt };
    }
  }
}
