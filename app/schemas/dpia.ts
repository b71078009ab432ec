/**
 * Screening and DPIA (AIPD) data: what the forms post and what the JSON columns hold.
 * Messages are i18n keys (see app/utils/validation.ts).
 */
import { CNIL_LIST_TYPES, EXEMPT_LIST_TYPES, SCREENING_CRITERIA } from "~/analysis/dpia-screening.ts";
import { blank, z } from "~/utils/validation.ts";

const text = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const bool = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const yesNo = z.preprocess((v) => (v === "yes" || v === true ? true : v === "no" || v === false ? false : v), z.boolean());
const int = z.preprocess((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : v), z.number().int().min(1));

export const SCREENING_DECISIONS = ["dpia", "no_dpia"] as const;

const CriterionAnswerSchema = z.object({ met: yesNo, justification: text(2000) });

/** Stored in Screening.answers. */
export const ScreeningAnswersSchema = z.object(
  Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, CriterionAnswerSchema.optional()])) as Record<
    (typeof SCREENING_CRITERIA)[number],
    z.ZodOptional<typeof CriterionAnswerSchema>
  >,
);
export type ScreeningAnswers = z.infer<typeof ScreeningAnswersSchema>;

/** The screening form. Whether a reason is needed for "no DPIA" depends on the record: see the route's second check. */
export const ScreeningFormSchema = z
  .object({
    version: z.preprocess((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : v), z.number().int().min(0)),
    criteria: z.object(
      Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, CriterionAnswerSchema])) as Record<
        (typeof SCREENING_CRITERIA)[number],
        typeof CriterionAnswerSchema
      >,
    ),
    cnilListType: z.preprocess(blank, z.enum(CNIL_LIST_TYPES).optional()),
    exemptListType: z.preprocess(blank, z.enum(EXEMPT_LIST_TYPES).optional()),
    art35c: bool.default(false),
    decision: z.preprocess(blank, z.enum(SCREENING_DECISIONS).optional()),
    decisionReason: text(4000),
  })
  .superRefine((v, ctx) => {
    if (v.cnilListType && v.exemptListType) ctx.addIssue({ code: "custom", path: ["exemptListType"], message: "dpia.errors.bothLists" });
    // Deciding against a DPIA while a criterion is met (or a list/Art. 35(3) case applies) needs a written reason.
    const anyMet = SCREENING_CRITERIA.some((c) => v.criteria[c].met) || Boolean(v.cnilListType) || v.art35c;
    if (v.decision === "no_dpia" && anyMet && !v.decisionReason)
      ctx.addIssue({ code: "custom", path: ["decisionReason"], message: "dpia.errors.reasonRequired" });
  });
export type ScreeningForm = z.infer<typeof ScreeningFormSchema>;

// ---------------------------------------------------------------------------------------------
// DPIA (CNIL method)

export const DPIA_STATUSES = ["draft", "in_review", "validated", "refused", "archived"] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];
export const DPIA_QUESTIONS = [
  "111",
  "112",
  "113",
  "121",
  "122",
  "123",
  "211",
  "212",
  "213",
  "214",
  "215",
  "221",
  "222",
  "223",
  "224",
  "225",
  "226",
  "227",
] as const;
export type DpiaQuestion = (typeof DPIA_QUESTIONS)[number];
export const DPIA_SECTIONS: { id: string; items: { id: string; questions: DpiaQuestion[] }[] }[] = [
  {
    id: "1",
    items: [
      { id: "11", questions: ["111", "112", "113"] },
      { id: "12", questions: ["121", "122", "123"] },
    ],
  },
  {
    id: "2",
    items: [
      { id: "21", questions: ["211", "212", "213", "214", "215"] },
      { id: "22", questions: ["221", "222", "223", "224", "225", "226", "227"] },
    ],
  },
];
export const DPIA_RISKS = ["access", "modification", "disappearance"] as const;
export type DpiaRiskId = (typeof DPIA_RISKS)[number];
/** The CNIL tool's question ids for the three risks. */
export const RISK_REFERENCE: Record<DpiaRiskId, string> = { access: "32", modification: "33", disappearance: "34" };
export const ACTION_STATUSES = ["todo", "in_progress", "done"] as const;

const level = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : typeof v === "string" ? Number(v) : v),
  z.number().int().min(1).max(4).optional(),
);

/** `html`: the rich text as the CNIL PIA tool sent it; exported again while `text` is still its plain-text reading. */
export const DpiaAnswerSchema = z.object({
  text: z.string().max(20_000).default(""),
  prefilled: z.boolean().default(false),
  toComplete: z.boolean().default(false),
  html: z.string().max(60_000).optional(),
});
export type DpiaAnswer = z.infer<typeof DpiaAnswerSchema>;
export const DpiaAnswersSchema = z.record(z.enum(DPIA_QUESTIONS), DpiaAnswerSchema);
export type DpiaAnswers = Partial<Record<DpiaQuestion, DpiaAnswer>>;

/** Evaluation of one element as the CNIL PIA tool records it (status 0 pending, 1 to correct, 2 improvable, 3 acceptable). */
export const PiaEvaluationSchema = z.object({
  status: z.number().int().min(0).max(3).default(0),
  globalStatus: z.number().int().min(0).max(2).default(0),
  actionPlan: z.string().max(20_000).default(""),
  comment: z.string().max(20_000).default(""),
  personInCharge: z.string().max(200).optional(),
  dueDate: z.string().max(40).optional(),
});
export type PiaEvaluation = z.infer<typeof PiaEvaluationSchema>;

/** `html`, `placeholder`, `evaluation`: what the CNIL PIA tool sent for this measure, kept for the round trip. */
export const DpiaMeasureSchema = z.object({
  code: z.preprocess(blank, z.string().max(60).optional()),
  title: z.string().min(1).max(300),
  text: z.string().max(5000).default(""),
  html: z.string().max(20_000).optional(),
  placeholder: z.string().max(1000).optional(),
  evaluation: PiaEvaluationSchema.optional(),
});
export const DpiaMeasuresSchema = z.array(DpiaMeasureSchema).max(60);
export type DpiaMeasure = z.infer<typeof DpiaMeasureSchema>;

export const DpiaRiskSchema = z.object({
  impacts: z.string().max(5000).default(""),
  threats: z.string().max(5000).default(""),
  sources: z.string().max(5000).default(""),
  measures: z.string().max(5000).default(""),
  severity: level,
  likelihood: level,
  residualSeverity: level,
  residualLikelihood: level,
  /** Why this severity / likelihood (the PIA tool's text of questions 3x5 / 3x6), and its rich text when imported. */
  severityText: z.string().max(5000).optional(),
  likelihoodText: z.string().max(5000).optional(),
  severityHtml: z.string().max(20_000).optional(),
  likelihoodHtml: z.string().max(20_000).optional(),
});
export type DpiaRisk = z.infer<typeof DpiaRiskSchema>;
const emptyRisk = () => ({ impacts: "", threats: "", sources: "", measures: "" });
export const DpiaRisksSchema = z.object({
  access: DpiaRiskSchema.default(emptyRisk),
  modification: DpiaRiskSchema.default(emptyRisk),
  disappearance: DpiaRiskSchema.default(emptyRisk),
});
export type DpiaRisks = z.infer<typeof DpiaRisksSchema>;

export const ActionRowSchema = z.object({
  action: z.string().min(1).max(1000),
  owner: z.preprocess(blank, z.string().max(200).optional()),
  dueDate: z.preprocess(blank, z.iso.date({ error: "errors.date" }).optional()),
  status: z.enum(ACTION_STATUSES).default("todo"),
});
export const ActionPlanSchema = z.array(ActionRowSchema).max(100);
export type ActionRow = z.infer<typeof ActionRowSchema>;

export const OpinionsSchema = z.object({
  dpo: z
    .object({ name: z.string().max(200).default(""), canProceed: z.boolean().optional(), text: z.string().max(10_000).default("") })
    .default({ name: "", text: "" }),
  /** `favourable`: the opinion the concerned people gave (PIA tool `concerned_people_status`); `names`: who they are. */
  subjects: z
    .object({
      sought: z.boolean().optional(),
      reason: z.string().max(5000).default(""),
      text: z.string().max(10_000).default(""),
      names: z.string().max(1000).optional(),
      favourable: z.boolean().optional(),
    })
    .default({ reason: "", text: "" }),
});
export type Opinions = z.infer<typeof OpinionsSchema>;

export const ValidationSchema = z.object({
  validator: z.string().max(200).default(""),
  decision: z.enum(["validated", "refused"]).optional(),
  date: z.string().max(40).optional(),
  reason: z.string().max(5000).default(""),
  /** Who wrote and who evaluated the DPIA (PIA tool `author_name`, `evaluator_name`). */
  author: z.string().max(200).optional(),
  evaluator: z.string().max(200).optional(),
  appliedAdjustments: z.string().max(10_000).optional(),
  /** The PIA tool's "signed validation" (status 3) rather than a simple one (status 2). */
  signed: z.boolean().optional(),
  category: z.string().max(200).optional(),
  /** Evaluations of the questions and risks by PIA tool reference ("1.1", "2.1.211", "3.2"); measures carry their own. */
  evaluations: z.record(z.string().regex(/^[1-3](\.\d{1,3}){1,2}$/), PiaEvaluationSchema).optional(),
  /** Comments left in the PIA tool: on a question (reference 111…346) or on a measure (index in `measures`). */
  comments: z
    .array(
      z.object({
        reference: z.number().int().min(0),
        forMeasure: z.boolean().default(false),
        text: z.string().max(20_000),
        createdAt: z.string().max(40).optional(),
      }),
    )
    .max(1000)
    .optional(),
});
export type DpiaValidation = z.infer<typeof ValidationSchema>;

// Forms ---------------------------------------------------------------------------------------

export const DpiaContentFormSchema = z.object({
  intent: z.literal("save"),
  version: int,
  answers: z.object(
    Object.fromEntries(DPIA_QUESTIONS.map((q) => [q, z.object({ text: text(20_000), toComplete: bool.default(false) })])) as Record<
      DpiaQuestion,
      z.ZodObject<{ text: ReturnType<typeof text>; toComplete: z.ZodDefault<typeof bool> }>
    >,
  ),
  measures: z.preprocess(
    (v) => v ?? [],
    z.array(z.object({ code: text(60), title: z.preprocess(blank, z.string().min(1).max(300)), text: text(5000) })).max(60),
  ),
  risks: z.object(
    Object.fromEntries(
      DPIA_RISKS.map((r) => [
        r,
        z.object({
          impacts: text(5000),
          threats: text(5000),
          sources: text(5000),
          measures: text(5000),
          severity: level,
          likelihood: level,
          residualSeverity: level,
          residualLikelihood: level,
          severityText: text(5000),
          likelihoodText: text(5000),
        }),
      ]),
    ) as Record<
      DpiaRiskId,
      z.ZodObject<{
        impacts: ReturnType<typeof text>;
        threats: ReturnType<typeof text>;
        sources: ReturnType<typeof text>;
        measures: ReturnType<typeof text>;
        severity: typeof level;
        likelihood: typeof level;
        residualSeverity: typeof level;
        residualLikelihood: typeof level;
        severityText: ReturnType<typeof text>;
        likelihoodText: ReturnType<typeof text>;
      }>
    >,
  ),
  actionPlan: z.preprocess(
    (v) => v ?? [],
    z
      .array(
        z.object({
          action: z.preprocess(blank, z.string().min(1).max(1000)),
          owner: text(200),
          dueDate: z.preprocess(blank, z.iso.date({ error: "errors.date" }).optional()),
          status: z.enum(ACTION_STATUSES).default("todo"),
        }),
      )
      .max(100),
  ),
});
export type DpiaContentForm = z.infer<typeof DpiaContentFormSchema>;

export const AddMeasureFormSchema = z.object({
  intent: z.literal("addMeasure"),
  version: int,
  code: z.preprocess(blank, z.string().min(1).max(60)),
  details: text(2000),
});

export const RemoveMeasureFormSchema = z.object({
  intent: z.literal("removeMeasure"),
  version: int,
  index: z.preprocess((v) => (typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : v), z.number().int().min(0)),
});

export const DpoOpinionFormSchema = z
  .object({
    intent: z.literal("opinion"),
    version: int,
    dpoName: z.preprocess(blank, z.string().min(1).max(200)),
    canProceed: yesNo,
    dpoText: z.preprocess(blank, z.string().min(1).max(10_000)),
    subjectsSought: yesNo,
    subjectsReason: text(5000),
    subjectsText: text(10_000),
    subjectsNames: text(1000),
    subjectsFavourable: z.preprocess(blank, yesNo.optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.subjectsSought && !v.subjectsReason) ctx.addIssue({ code: "custom", path: ["subjectsReason"], message: "dpia.errors.subjectsReason" });
  });

export const DPIA_TRANSITIONS = ["submit", "withdraw", "validate", "refuse", "archive", "reopen"] as const;
export type DpiaTransition = (typeof DPIA_TRANSITIONS)[number];

export const DpiaTransitionFormSchema = z
  .object({
    intent: z.literal("transition"),
    version: int,
    transition: z.enum(DPIA_TRANSITIONS),
    validator: text(200),
    reason: text(5000),
  })
  .superRefine((v, ctx) => {
    if ((v.transition === "validate" || v.transition === "refuse") && !v.validator)
      ctx.addIssue({ code: "custom", path: ["validator"], message: "errors.required" });
    if (v.transition === "refuse" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "dpia.errors.refuseReason" });
  });
