/**
 * The Art. 30 record of one processing activity. One schema for forms, imports, exports and
 * templates: what is valid here is valid everywhere.
 */
import {
  ACTIVITY_DOMAINS,
  ACTIVITY_ROLES,
  ART9_CONDITIONS,
  DATA_CATEGORIES,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  LEGAL_BASES,
  RECIPIENT_TYPES,
  REGIMES,
  RISK_FLAGS,
  SECURITY_MEASURES,
  TRANSFER_SAFEGUARDS,
} from "~/reference/vocabularies.ts";
import { ART49_POINTS, RECIPIENT_KINDS } from "~/analysis/sovereignty.ts";
import { blank, z } from "~/utils/validation.ts";

const text = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const required = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));
const isoDate = z.preprocess(blank, z.iso.date({ error: "errors.date" }).optional());
const list = <T extends z.ZodType>(item: T, max = 50) => z.preprocess((v) => (v === undefined || v === null ? [] : v), z.array(item).max(max));
const bool = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const count = z.preprocess(
  blank,
  z.coerce
    .number({ error: (iss) => (iss.code === "invalid_type" ? "errors.number" : undefined) })
    .int()
    .min(0)
    .max(100_000_000)
    .optional(),
);
const url = z.preprocess(
  blank,
  z
    .url({ protocol: /^https?$/, error: "errors.url" })
    .max(500)
    .optional(),
);
const country = z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/, "errors.country"));

export const RetentionSchema = z.object({
  activePeriod: text(200),
  intermediatePeriod: text(200),
  finalFate: z.preprocess(blank, z.enum(FINAL_FATES).optional()),
  rule: text(500),
});

export const ActivityContentSchema = z
  .object({
    name: required(200),
    description: text(4000),
    internalContact: text(200),
    implementationDate: isoDate,
    regime: z.enum(REGIMES).default("GDPR"),
    role: z.enum(ACTIVITY_ROLES).default("CONTROLLER"),
    jointControllers: list(z.object({ name: required(200), contact: text(300), arrangement: text(2000) })),
    processorFor: list(z.object({ controller: required(200), contact: text(300), categories: text(2000) })),
    purposes: z.object({ main: text(1000), sub: list(required(500), 30) }).default({ main: undefined, sub: [] }),
    legalBases: list(z.object({ basis: z.enum(LEGAL_BASES), text: text(500), purpose: text(500) }), 10),
    art9Conditions: list(z.object({ condition: z.enum(ART9_CONDITIONS), text: text(500) }), 10),
    art10Basis: text(1000),
    /** LED activities (Directive 2016/680 art. 8, Loi Informatique et Libertés art. 87): the text authorising the processing. */
    ledLegalBasis: text(1000),
    /** LED art. 24(1)(e): any profiling. */
    ledProfiling: text(1000),
    /** The activity's area, asked explicitly: drives the CNIL-list suggestions of the DPIA screening. */
    domain: z.preprocess(blank, z.enum(ACTIVITY_DOMAINS).optional()),
    dataSubjects: list(z.object({ category: z.enum(DATA_SUBJECT_CATEGORIES), description: text(500), estimatedCount: count }), 20),
    dataCategories: list(
      z.object({ category: z.enum(DATA_CATEGORIES), description: text(1000), source: text(500), retention: RetentionSchema.default({}) }),
      40,
    ),
    recipients: list(z.object({ type: z.enum(RECIPIENT_TYPES), name: required(300) }), 50),
    /** Art. 30(1)(e): third countries and international organisations (country = the organisation's seat). */
    transfers: list(
      z.object({
        country,
        recipient: required(300),
        safeguard: z.enum(TRANSFER_SAFEGUARDS),
        documentationUrl: url,
        recipientKind: z.preprocess(blank, z.enum(RECIPIENT_KINDS).optional()),
        /** Art. 49(1) point relied on, for a derogation. */
        art49Point: z.preprocess(blank, z.enum(ART49_POINTS).optional()),
        /** Transfer impact assessment done (EDPB Recommendations 01/2020), for Art. 46 tools. */
        tiaDone: bool.optional(),
        /** US recipient certified under the DPF, checked on dataprivacyframework.gov. */
        dpfCertified: bool.optional(),
      }),
      30,
    ),
    securityMeasures: list(z.object({ measure: z.enum(SECURITY_MEASURES), details: text(2000) }), 20),
    rights: z.object({ exercise: text(2000), information: text(2000) }).default({ exercise: undefined, information: undefined }),
    riskFlags: z
      .object(Object.fromEntries(RISK_FLAGS.map((f) => [f, bool.default(false)])) as Record<(typeof RISK_FLAGS)[number], z.ZodDefault<typeof bool>>)
      .default(Object.fromEntries(RISK_FLAGS.map((f) => [f, false])) as Record<(typeof RISK_FLAGS)[number], boolean>),
    nextReviewAt: isoDate,
    lastReviewAt: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.lastReviewAt && v.nextReviewAt && v.nextReviewAt < v.lastReviewAt) {
      ctx.addIssue({ code: "custom", path: ["nextReviewAt"], message: "errors.reviewOrder" });
    }
    const seen = new Set<string>();
    v.dataCategories.forEach((c, i) => {
      if (seen.has(c.category)) ctx.addIssue({ code: "custom", path: ["dataCategories", i, "category"], message: "errors.duplicateCategory" });
      seen.add(c.category);
    });
    if (v.role === "JOINT_CONTROLLER" && v.jointControllers.length === 0) {
      ctx.addIssue({ code: "custom", path: ["jointControllers"], message: "errors.jointControllerNeeded" });
    }
    v.transfers.forEach((t, i) => {
      if (t.art49Point && t.safeguard !== "art49_derogation")
        ctx.addIssue({ code: "custom", path: ["transfers", i, "art49Point"], message: "errors.art49PointOnlyForDerogation" });
    });
    if (v.role === "PROCESSOR" && v.processorFor.length === 0) {
      ctx.addIssue({ code: "custom", path: ["processorFor"], message: "errors.controllerNeeded" });
    }
  });

export type ActivityContent = z.infer<typeof ActivityContentSchema>;
export type ActivityContentInput = z.input<typeof ActivityContentSchema>;

export function emptyActivityContent(name: string): ActivityContent {
  return ActivityContentSchema.parse({ name });
}

/** The department <select>: empty means none. Shared by the activity forms and their actions. */
export const DepartmentIdField = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  z.string().max(40).nullable(),
);

/** Each item names the Art. 30 (or Art. 6/9/10/26) point it checks; labels are `completeness.<item>`. */
export const COMPLETENESS_ITEMS = [
  "department",
  "purposes",
  "legalBases",
  "art9Conditions",
  "art10Basis",
  "ledLegalBasis",
  "jointControllers",
  "processorFor",
  "dataSubjects",
  "dataCategories",
  "retention",
  "recipients",
  "transfers",
  "securityMeasures",
  "rights",
  "nextReview",
] as const;
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];
