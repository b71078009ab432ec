/** A breach's record and the forms that write it. One schema for forms, model and demo. */
import { DATA_CATEGORIES, DATA_SUBJECT_CATEGORIES } from "~/reference/vocabularies.ts";
import { parisLocalToUtc } from "~/utils/paris-time.ts";
import { blank, z } from "~/utils/validation.ts";

const text = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const required = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));
const list = <T extends z.ZodType>(item: T, max = 200) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
const bool = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const count = z.preprocess(
  blank,
  z.coerce
    .number({ error: (iss) => (iss.code === "invalid_type" ? "errors.number" : undefined) })
    .int()
    .min(0)
    .max(1_000_000_000)
    .optional(),
);
const id = z.string().min(1).max(40);

/** Stored instants are ISO strings in UTC. */
const instant = z.iso.datetime({ offset: true });
/** Form instants: a Paris wall-clock time, turned into an ISO instant. */
const localInstant = z.preprocess(blank, z.string().optional()).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const d = parisLocalToUtc(v);
  if (!d) {
    ctx.addIssue({ code: "custom", message: "errors.datetime" });
    return z.NEVER;
  }
  return d.toISOString();
});
const requiredLocalInstant = localInstant.refine((v) => v !== undefined, "errors.required");

export const BREACH_NATURES = ["confidentiality", "integrity", "availability"] as const;
export const RISK_LEVELS = ["NONE", "RISK", "HIGH"] as const;
/** Art. 34(3): (a) data unintelligible, e.g. encrypted; (b) measures make the high risk unlikely; (c) disproportionate effort (public communication instead). */
export const ART34_EXEMPTIONS = ["a", "b", "c"] as const;
export const NOTIFICATION_KINDS = ["INITIAL", "COMPLEMENTARY", "FINAL"] as const;
export const CB_LEVELS = [0, 0.25, 0.5] as const;

const EnisaSchema = z.object({
  dpc: z.coerce.number().int().min(1).max(4),
  ei: z.coerce.number().refine((n) => [0.25, 0.5, 0.75, 1].includes(n), "errors.choice"),
  confidentiality: z.coerce.number().refine((n) => (CB_LEVELS as readonly number[]).includes(n), "errors.choice"),
  integrity: z.coerce.number().refine((n) => (CB_LEVELS as readonly number[]).includes(n), "errors.choice"),
  availability: z.coerce.number().refine((n) => (CB_LEVELS as readonly number[]).includes(n), "errors.choice"),
  malicious: bool.default(false),
});

export const AssessmentSchema = z
  .object({
    enisa: EnisaSchema,
    risk: z.enum(RISK_LEVELS),
    reasoning: required(4000),
    notifyCnil: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    notifyReasoning: required(4000),
    informSubjects: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    informReasoning: required(4000),
    exemption: z.preprocess(blank, z.enum(ART34_EXEMPTIONS).optional()),
    subjectsInformedAt: z.preprocess(blank, instant.optional()),
    informChannel: text(500),
  })
  .superRefine((v, ctx) => {
    // A high risk means the people are informed unless an Art. 34(3) exemption applies.
    if (v.risk === "HIGH" && !v.informSubjects && !v.exemption) ctx.addIssue({ code: "custom", path: ["exemption"], message: "errors.breachExemptionNeeded" });
    if (v.informSubjects && v.exemption) ctx.addIssue({ code: "custom", path: ["exemption"], message: "errors.breachExemptionUnneeded" });
  });
export type Assessment = z.infer<typeof AssessmentSchema>;

/** The assessment as stored (already parsed: booleans and numbers, no form coercion). */
export const StoredAssessmentSchema = z.object({
  enisa: z.object({ dpc: z.number(), ei: z.number(), confidentiality: z.number(), integrity: z.number(), availability: z.number(), malicious: z.boolean() }),
  risk: z.enum(RISK_LEVELS),
  reasoning: z.string(),
  notifyCnil: z.boolean(),
  notifyReasoning: z.string(),
  informSubjects: z.boolean(),
  informReasoning: z.string(),
  exemption: z.enum(ART34_EXEMPTIONS).optional(),
  subjectsInformedAt: instant.optional(),
  informChannel: z.string().optional(),
}) satisfies z.ZodType<Assessment>;

export const BreachContentSchema = z.object({
  title: required(200),
  discoveredAt: instant,
  awareAt: instant,
  startedAt: instant.optional(),
  endedAt: instant.optional(),
  nature: z.array(z.enum(BREACH_NATURES)).min(1).max(3),
  description: required(8000),
  cause: text(4000),
  discoveryMeans: text(2000),
  activityIds: z.array(id).max(500),
  vendorIds: z.array(id).max(100),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(40),
  subjects: z.array(z.object({ category: z.enum(DATA_SUBJECT_CATEGORIES), count: z.number().int().min(0).nullable() })).max(20),
  approxPeople: z.number().int().min(0).nullable(),
  approxRecords: z.number().int().min(0).nullable(),
  consequences: text(8000),
  measures: text(8000),
  crossBorder: text(2000),
  assessment: StoredAssessmentSchema.optional(),
});
export type BreachContent = z.infer<typeof BreachContentSchema>;

/** The report / facts form. Dates are Paris wall-clock times (datetime-local). */
export const BreachFactsFormSchema = z
  .object({
    title: required(200),
    departmentId: z.preprocess(blank, id.optional()),
    discoveredAt: requiredLocalInstant,
    awareAt: requiredLocalInstant,
    startedAt: localInstant,
    endedAt: localInstant,
    nature: list(z.enum(BREACH_NATURES), 3).pipe(z.array(z.enum(BREACH_NATURES)).min(1, "errors.breachNature")),
    description: required(8000),
    cause: text(4000),
    discoveryMeans: text(2000),
    activityIds: list(id, 500),
    vendorIds: list(id, 100),
    dataCategories: list(z.enum(DATA_CATEGORIES), 40),
    subjects: list(z.enum(DATA_SUBJECT_CATEGORIES), 20),
    counts: z
      .object(Object.fromEntries(DATA_SUBJECT_CATEGORIES.map((c) => [c, count])) as Record<(typeof DATA_SUBJECT_CATEGORIES)[number], typeof count>)
      .default({}),
    approxPeople: count,
    approxRecords: count,
    consequences: text(8000),
    measures: text(8000),
    crossBorder: text(2000),
  })
  .superRefine((v, ctx) => {
    if (v.awareAt && v.discoveredAt && v.awareAt < v.discoveredAt)
      ctx.addIssue({ code: "custom", path: ["awareAt"], message: "errors.breachAwareBeforeDiscovery" });
    if (v.startedAt && v.endedAt && v.endedAt < v.startedAt) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "errors.breachEndBeforeStart" });
    if (v.startedAt && v.discoveredAt && v.discoveredAt < v.startedAt)
      ctx.addIssue({ code: "custom", path: ["discoveredAt"], message: "errors.breachDiscoveryBeforeStart" });
  });
export type BreachFactsForm = z.infer<typeof BreachFactsFormSchema>;

export const NotificationFormSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  sentAt: requiredLocalInstant,
  reference: text(100),
  delayReason: text(4000),
  summary: text(4000),
});

export const AssessmentFormSchema = z.preprocess((v) => {
  // Conform posts "subjectsInformedAt" as a Paris wall-clock time.
  if (v && typeof v === "object" && "subjectsInformedAt" in v) {
    const raw = (v as Record<string, unknown>).subjectsInformedAt;
    if (typeof raw === "string" && raw.trim() !== "") {
      const d = parisLocalToUtc(raw.trim());
      return { ...v, subjectsInformedAt: d ? d.toISOString() : raw };
    }
  }
  return v;
}, AssessmentSchema);

export const CommentFormSchema = z.object({ body: required(4000) });
