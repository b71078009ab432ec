/**
 * Interoperability with the CNIL PIA tool (LINCnil/pia): its JSON export format: top-level `pia`,
 * `answers` (`reference_to` = question id, `data: { text, gauge, list }`), `measures`, `evaluations`,
 * `comments`. Semantics follow the tool's own import (`pia.service` importData) and its progress
 * (`sid-status`, `global-evaluation`): an element counts as done when it is answered and its
 * evaluation has status 2 (improvable) or 3 (acceptable) with `global_status` 2 (validated).
 *
 * The tool stores HTML; the register stores plain text. Import keeps the tool's HTML next to its
 * plain-text reading and export sends that HTML back while the text is unchanged (so rich text
 * survives a round trip); text written in Registre goes out escaped, line breaks as <br />.
 * Risks: 3x1 impacts, 3x2 threats, 3x3 sources, 3x4 measures (lists), 3x5 severity and 3x6
 * likelihood (gauge + justification text); the residual levels are the gauges (x = severity,
 * y = likelihood) of the 3.2 / 3.3 / 3.4 evaluations. See docs/decisions/008-file-interoperability.md.
 */
import {
  DPIA_QUESTIONS,
  DPIA_RISKS,
  DpiaAnswersSchema,
  DpiaMeasuresSchema,
  DpiaRisksSchema,
  OpinionsSchema,
  ValidationSchema,
  RISK_REFERENCE,
  type DpiaAnswers,
  type DpiaMeasure,
  type DpiaQuestion,
  type DpiaRisks,
  type DpiaStatus,
  type Opinions,
  type DpiaValidation,
  type ActionRow,
  type PiaEvaluation,
} from "~/schemas/dpia.ts";
import { LOCALES, type Locale, type MessageKey } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { z } from "~/utils/validation.ts";
import { DomainError } from "~/utils/domain-error.ts";

/** A file that is not a PIA export: `message` is an i18n key. */
export class PiaImportError extends DomainError {
  constructor(key: MessageKey = "dpia.errors.importInvalid") {
    super(key, { status: 400 });
  }
}

export type PiaDpiaInput = {
  status: DpiaStatus;
  createdAt: Date;
  updatedAt: Date;
  answers: DpiaAnswers;
  measures: DpiaMeasure[];
  risks: DpiaRisks;
  actionPlan: ActionRow[];
  opinions: Opinions;
  validation: DpiaValidation;
};

const PIA_ID = 1;
const DB_VERSION = 201707071818;

/**
 * The PIA tool's `pia.status`: 0 in progress, 1 rejected, 2 simple validation, 3 signed validation,
 * 4 archived. A DPIA under review is still "in progress" there: what tells it apart from a draft is
 * that its elements carry evaluations (pending, status 0), as when the tool's user asks for one.
 */
export const PIA_STATUS: Record<DpiaStatus, 0 | 1 | 2 | 3 | 4> = { draft: 0, in_review: 0, refused: 1, validated: 2, archived: 4 };

/** Registre's status for a PIA tool status (`hasEvaluations`: the file evaluates at least one element). */
export function dpiaStatusFromPia(status: number | null | undefined, hasEvaluations: boolean): DpiaStatus {
  switch (status) {
    case 1:
      return "refused";
    case 2:
    case 3:
      return "validated";
    case 4:
      return "archived";
    default:
      return hasEvaluations ? "in_review" : "draft";
  }
}

/** Every element the tool evaluates, in its order: 1.1, 1.2, 2.1.211…, 2.2.221…, 3.1.<measure id>, 3.2–3.4. */
export function piaEvaluationRefs(measureIds: number[]): string[] {
  return [
    "1.1",
    "1.2",
    ...DPIA_QUESTIONS.filter((q) => q.startsWith("21")).map((q) => `2.1.${q}`),
    ...DPIA_QUESTIONS.filter((q) => q.startsWith("22")).map((q) => `2.2.${q}`),
    ...measureIds.map((id) => `3.1.${id}`),
    ...DPIA_RISKS.map((r) => `3.${RISK_REFERENCE[r].slice(1)}`),
  ];
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const textToHtml = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br />\n");

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  laquo: "«",
  raquo: "»",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
};

/** HTML of the tool's rich-text fields to plain text (lists as "- " lines). */
export function htmlToText(html: string): string {
  return html
    .replace(/\r/g, "")
    .replace(/\n/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(p|div|ul|ol|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m)
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.replace(/^[-•*]\s*/, "").trim())
    .filter(Boolean);

/** The tool's HTML when it still reads as `text`, else `text` as HTML. */
const richOrText = (text: string, html: string | undefined) => (html !== undefined && htmlToText(html) === text.trim() ? html : textToHtml(text));

const RISK_FIELDS = ["impacts", "threats", "sources", "measures"] as const;

export type PiaExportOptions = { locale?: Locale };

/** The DPIA in the PIA tool's format. Deterministic: dates come from the DPIA, ids are sequential. */
export function dpiaToPiaJson(dpia: PiaDpiaInput, activity: { ref: string; name: string }, org: { name: string }, options: PiaExportOptions = {}) {
  const t = createT(options.locale ?? "fr");
  const created = dpia.createdAt.toISOString();
  const updated = dpia.updatedAt.toISOString();
  const v = dpia.validation;
  let nextId = 1;
  const answer = (reference_to: number, data: { text: string | null; gauge: number | null; list: string[] }) => ({
    pia_id: PIA_ID,
    reference_to,
    data,
    created_at: created,
    id: nextId++,
    updated_at: updated,
  });
  const answers = DPIA_QUESTIONS.filter((q) => dpia.answers[q]?.text).map((q) =>
    answer(Number(q), { text: richOrText(dpia.answers[q]!.text, dpia.answers[q]!.html), gauge: 0, list: [] }),
  );
  for (const r of DPIA_RISKS) {
    const risk = dpia.risks[r];
    const base = Number(RISK_REFERENCE[r]) * 10;
    RISK_FIELDS.forEach((f, i) => {
      if (risk[f]) answers.push(answer(base + i + 1, { text: null, gauge: null, list: lines(risk[f]) }));
    });
    // The tool counts a gauge question as answered only with a justification text and a gauge above 0:
    // without a written justification, the level's own label is the justification.
    const gauge = (level: number | undefined, text: string | undefined, html: string | undefined) =>
      level
        ? { text: text?.trim() ? richOrText(text, html) : textToHtml(t(`dpia.scale.${level}` as MessageKey)), gauge: level, list: [] }
        : text?.trim()
          ? { text: richOrText(text, html), gauge: 0, list: [] }
          : null;
    const sev = gauge(risk.severity, risk.severityText, risk.severityHtml);
    if (sev) answers.push(answer(base + 5, sev));
    const lik = gauge(risk.likelihood, risk.likelihoodText, risk.likelihoodHtml);
    if (lik) answers.push(answer(base + 6, lik));
  }
  nextId = 1;
  const measures = dpia.measures.map((m) => ({
    title: m.title,
    pia_id: PIA_ID,
    content: richOrText(m.text, m.html),
    // The tool shows the placeholder as help text in an empty measure: human text, never an internal key.
    placeholder: m.placeholder ?? (m.code ? t("dpia.measurePlaceholder", { title: m.title }) : ""),
    created_at: created,
    id: nextId++,
    updated_at: updated,
  }));
  const measureIds = measures.map((m) => m.id);
  const actionPlanHtml = dpia.actionPlan.length
    ? `<ul>\n${dpia.actionPlan.map((a) => `<li>${escapeHtml(a.action)}${a.owner ? ` (${escapeHtml(a.owner)})` : ""}${a.dueDate ? ` — ${a.dueDate}` : ""}</li>`).join("\n")}\n</ul>`
    : "";
  const stored = (ref: string): PiaEvaluation | undefined => {
    if (ref.startsWith("3.1.")) return dpia.measures[Number(ref.slice(4)) - 1]?.evaluation;
    return v.evaluations?.[ref];
  };
  /** Status and global status of an element: a validated (or archived) DPIA has every element validated. */
  const judged = (e: PiaEvaluation | undefined): { status: number; global: number } | null => {
    switch (dpia.status) {
      case "draft":
        return e ? { status: e.status, global: e.globalStatus } : null;
      case "in_review":
        return { status: e?.status ?? 0, global: e?.globalStatus ?? 0 };
      case "refused":
        return { status: e?.status ?? 2, global: e ? e.globalStatus : 2 };
      default:
        return { status: e && e.status >= 2 ? e.status : 3, global: 2 };
    }
  };
  nextId = 1;
  const evaluations = piaEvaluationRefs(measureIds).flatMap((ref) => {
    const e = stored(ref);
    const j = judged(e);
    if (!j) return [];
    const risk = DPIA_RISKS.find((r) => `3.${RISK_REFERENCE[r].slice(1)}` === ref);
    let actionPlan = e?.actionPlan ?? "";
    if (ref === "3.2" && actionPlanHtml && !actionPlan.includes(actionPlanHtml)) actionPlan = actionPlan ? `${actionPlan}\n${actionPlanHtml}` : actionPlanHtml;
    return [
      {
        status: j.status,
        pia_id: PIA_ID,
        reference_to: ref,
        action_plan_comment: actionPlan,
        evaluation_comment: e?.comment ?? "",
        gauges: { x: risk ? (dpia.risks[risk].residualSeverity ?? 0) : 0, y: risk ? (dpia.risks[risk].residualLikelihood ?? 0) : 0 },
        estimated_implementation_date: e?.dueDate ?? null,
        person_in_charge: e?.personInCharge ?? null,
        global_status: j.global,
        created_at: created,
        id: nextId++,
        updated_at: updated,
      },
    ];
  });
  const comments = (v.comments ?? []).map((c, i) => ({
    description: c.text,
    pia_id: PIA_ID,
    reference_to: c.forMeasure ? (measureIds[c.reference] ?? 0) : c.reference,
    for_measure: c.forMeasure,
    created_at: c.createdAt ?? updated,
    id: i + 1,
  }));
  const o = dpia.opinions;
  const piaStatus = dpia.status === "validated" && v.signed ? 3 : PIA_STATUS[dpia.status];
  return {
    pia: {
      dbVersion: DB_VERSION,
      tableName: "pia",
      serverUrl: null,
      numberOfQuestions: 36,
      created_at: created,
      id: PIA_ID,
      objectStore: {},
      status: piaStatus,
      name: `${activity.ref} ${activity.name}`,
      author_name: v.author || org.name,
      evaluator_name: v.evaluator ?? "",
      validator_name: v.validator,
      dpo_status: o.dpo.canProceed === undefined ? null : o.dpo.canProceed ? 1 : 0,
      dpo_opinion: o.dpo.text,
      concerned_people_opinion: o.subjects.text,
      // The opinion the people gave (favourable or not), not whether it was sought.
      concerned_people_status: o.subjects.favourable === undefined ? null : o.subjects.favourable ? 1 : 0,
      rejection_reason: v.reason,
      applied_adjustments: v.appliedAdjustments ?? "",
      updated_at: updated,
      dpos_names: o.dpo.name,
      people_names: o.subjects.names ?? "",
      concerned_people_searched_opinion: o.subjects.sought ?? false,
      concerned_people_searched_content: o.subjects.reason,
      category: v.category ?? "",
    },
    answers,
    measures,
    evaluations,
    comments,
  };
}
export type PiaJson = ReturnType<typeof dpiaToPiaJson>;

// Import ---------------------------------------------------------------------------------------

const nullableText = z.string().nullish();
const PiaFileSchema = z.object({
  pia: z.looseObject({
    name: nullableText,
    status: z.number().int().min(0).max(4).nullish(),
    author_name: nullableText,
    evaluator_name: nullableText,
    validator_name: nullableText,
    dpo_status: z.number().int().nullish(),
    dpo_opinion: nullableText,
    dpos_names: nullableText,
    concerned_people_opinion: nullableText,
    concerned_people_status: z.number().int().nullish(),
    concerned_people_searched_opinion: z.boolean().nullish(),
    concerned_people_searched_content: nullableText,
    people_names: nullableText,
    rejection_reason: nullableText,
    applied_adjustments: nullableText,
    category: nullableText,
    updated_at: nullableText,
  }),
  answers: z
    .array(
      z.looseObject({
        reference_to: z.union([z.number().int(), z.string().regex(/^\d{3}$/)]),
        data: z.looseObject({ text: nullableText, gauge: z.number().nullish(), list: z.array(z.string()).nullish() }),
      }),
    )
    .max(500),
  measures: z.array(z.looseObject({ id: z.number().int().nullish(), title: nullableText, content: nullableText, placeholder: nullableText })).max(500),
  evaluations: z
    .array(
      z.looseObject({
        reference_to: z.string(),
        status: z.number().int().min(0).max(3).nullish(),
        global_status: z.number().int().min(0).max(2).nullish(),
        action_plan_comment: nullableText,
        evaluation_comment: nullableText,
        estimated_implementation_date: nullableText,
        person_in_charge: nullableText,
        gauges: z.looseObject({ x: z.number().nullish(), y: z.number().nullish() }).nullish(),
      }),
    )
    .max(500)
    .default([]),
  comments: z
    .array(
      z.looseObject({
        description: nullableText,
        reference_to: z.union([z.number().int(), z.string().regex(/^\d{1,9}$/)]).nullish(),
        for_measure: z.boolean().nullish(),
        created_at: nullableText,
      }),
    )
    .max(1000)
    .default([]),
});

export type PiaImport = { status: DpiaStatus; answers: DpiaAnswers; measures: DpiaMeasure[]; risks: DpiaRisks; opinions: Opinions; validation: DpiaValidation };

const gaugeLevel = (g: number | null | undefined) => (typeof g === "number" && Number.isInteger(g) && g >= 1 && g <= 4 ? g : undefined);

/**
 * A PIA tool export (parsed JSON, or its text) into the DPIA: status, answers, risks, measures,
 * evaluations, comments, names and opinions. Throws PiaImportError (message key
 * `dpia.errors.importInvalid`) when it is not one.
 */
export function piaJsonToDpia(json: unknown): PiaImport {
  let input = json;
  if (typeof json === "string") {
    try {
      input = JSON.parse(json);
    } catch {
      throw new PiaImportError();
    }
  }
  const file = PiaFileSchema.safeParse(input);
  if (!file.success) throw new PiaImportError();
  const f = file.data;
  const byRef = new Map(f.answers.map((a) => [String(a.reference_to), a.data]));
  const rich = (html: string | null | undefined) => {
    const text = html ? htmlToText(html) : "";
    // Keep the tool's markup only when it says more than the plain text would.
    return { text, html: html && text && html !== textToHtml(text) ? html : undefined };
  };
  const answers: DpiaAnswers = {};
  // Every question has an entry (the stored record is exhaustive); those the file leaves empty are to complete.
  for (const q of DPIA_QUESTIONS) {
    const { text, html } = rich(byRef.get(q)?.text);
    answers[q as DpiaQuestion] = { text, prefilled: false, toComplete: text === "", ...(html ? { html } : {}) };
  }
  const evaluation = (e: (typeof f.evaluations)[number]): PiaEvaluation => ({
    status: e.status ?? 0,
    globalStatus: e.global_status ?? 0,
    actionPlan: e.action_plan_comment ?? "",
    comment: e.evaluation_comment ?? "",
    ...(e.person_in_charge ? { personInCharge: e.person_in_charge } : {}),
    ...(e.estimated_implementation_date ? { dueDate: e.estimated_implementation_date } : {}),
  });
  const evaluations = new Map(f.evaluations.map((e) => [e.reference_to, e]));
  const risks = Object.fromEntries(
    DPIA_RISKS.map((r) => {
      const base = Number(RISK_REFERENCE[r]) * 10;
      const field = (i: number) => {
        const d = byRef.get(String(base + i));
        return [...(d?.list ?? []), ...(d?.text ? [htmlToText(d.text)] : [])].join("\n");
      };
      // A justification that is only the level's label is the one export writes when there is none.
      const justification = (q: number) => {
        const d = byRef.get(String(base + q));
        const r = rich(d?.text);
        const level = gaugeLevel(d?.gauge);
        return level && LOCALES.some((l) => createT(l)(`dpia.scale.${level}` as MessageKey) === r.text) ? { text: "", html: undefined } : r;
      };
      const sev = justification(5);
      const lik = justification(6);
      const residual = evaluations.get(`3.${RISK_REFERENCE[r].slice(1)}`)?.gauges;
      return [
        r,
        {
          impacts: field(1),
          threats: field(2),
          sources: field(3),
          measures: field(4),
          severity: gaugeLevel(byRef.get(String(base + 5))?.gauge),
          likelihood: gaugeLevel(byRef.get(String(base + 6))?.gauge),
          residualSeverity: gaugeLevel(residual?.x),
          residualLikelihood: gaugeLevel(residual?.y),
          ...(sev.text ? { severityText: sev.text } : {}),
          ...(sev.html ? { severityHtml: sev.html } : {}),
          ...(lik.text ? { likelihoodText: lik.text } : {}),
          ...(lik.html ? { likelihoodHtml: lik.html } : {}),
        },
      ];
    }),
  );
  const kept = f.measures.filter((m) => m.title?.trim());
  const measures = kept.map((m) => {
    const { text, html } = rich(m.content);
    const e = m.id != null ? evaluations.get(`3.1.${m.id}`) : undefined;
    return {
      title: m.title!.trim(),
      text,
      ...(html ? { html } : {}),
      ...(m.placeholder ? { placeholder: m.placeholder } : {}),
      ...(e ? { evaluation: evaluation(e) } : {}),
    };
  });
  const measureIndex = new Map(kept.map((m, i) => [m.id, i]));
  const others = Object.fromEntries(f.evaluations.filter((e) => !e.reference_to.startsWith("3.1.")).map((e) => [e.reference_to, evaluation(e)]));
  const comments = f.comments.flatMap((c) => {
    if (!c.description?.trim() || c.reference_to == null) return [];
    const ref = Number(c.reference_to);
    const reference = c.for_measure ? measureIndex.get(ref) : ref;
    return reference === undefined
      ? []
      : [{ reference, forMeasure: Boolean(c.for_measure), text: c.description, ...(c.created_at ? { createdAt: c.created_at } : {}) }];
  });
  const p = f.pia;
  const status = dpiaStatusFromPia(p.status, f.evaluations.length > 0);
  const opinions = {
    dpo: {
      name: p.dpos_names ?? "",
      text: p.dpo_opinion ?? "",
      ...(p.dpo_status === 1 || p.dpo_status === 0 ? (p.dpo_status === 0 && !p.dpo_opinion ? {} : { canProceed: p.dpo_status === 1 }) : {}),
    },
    subjects: {
      ...(typeof p.concerned_people_searched_opinion === "boolean" ? { sought: p.concerned_people_searched_opinion } : {}),
      reason: p.concerned_people_searched_content ?? "",
      text: p.concerned_people_opinion ?? "",
      names: p.people_names ?? "",
      ...(p.concerned_people_status === 1 || (p.concerned_people_status === 0 && p.concerned_people_opinion)
        ? { favourable: p.concerned_people_status === 1 }
        : {}),
    },
  };
  const validation = {
    validator: p.validator_name ?? "",
    ...(status === "validated" || status === "refused" ? { decision: status, ...(p.updated_at ? { date: p.updated_at } : {}) } : {}),
    reason: p.rejection_reason ?? "",
    author: p.author_name ?? "",
    evaluator: p.evaluator_name ?? "",
    appliedAdjustments: p.applied_adjustments ?? "",
    category: p.category ?? "",
    ...(p.status === 3 ? { signed: true } : {}),
    evaluations: others,
    comments,
  };
  const out = {
    answers: DpiaAnswersSchema.safeParse(answers),
    measures: DpiaMeasuresSchema.safeParse(measures),
    risks: DpiaRisksSchema.safeParse(risks),
    opinions: OpinionsSchema.safeParse(opinions),
    validation: ValidationSchema.safeParse(validation),
  };
  if (!out.answers.success || !out.measures.success || !out.risks.success || !out.opinions.success || !out.validation.success) throw new PiaImportError();
  return {
    status,
    answers: out.answers.data as DpiaAnswers,
    measures: out.measures.data,
    risks: out.risks.data,
    opinions: out.opinions.data,
    validation: out.validation.data,
  };
}
