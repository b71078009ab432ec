/**
 * Interoperability with the CNIL PIA tool: its JSON export format (see the 2018-02-21 example in
 * shared/reference/cnil-pia): top-level `pia`, `answers` (`reference_to` = question id, `data:
 * { text, gauge, list }`), `measures`, `evaluations`, `comments`.
 *
 * The tool stores HTML; the register stores plain text. Export turns text into HTML (escaped, line
 * breaks as <br />), import turns HTML back into text. Risks: 3x1 impacts, 3x2 threats, 3x3 sources,
 * 3x4 measures (lists), 3x5 severity and 3x6 likelihood (gauges); the residual levels are the
 * gauges (x = severity, y = likelihood) of the 3.2 / 3.3 / 3.4 evaluations.
 */
import {
  DPIA_QUESTIONS,
  DPIA_RISKS,
  DpiaAnswersSchema,
  DpiaMeasuresSchema,
  DpiaRisksSchema,
  RISK_REFERENCE,
  type DpiaAnswers,
  type DpiaMeasure,
  type DpiaQuestion,
  type DpiaRisks,
  type DpiaStatus,
  type Opinions,
  type DpiaValidation,
  type ActionRow,
} from "~/schemas/dpia.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { z } from "~/utils/validation.ts";

/** A file that is not a PIA export: `message` is an i18n key. */
export class PiaImportError extends Error {
  constructor(readonly key: MessageKey = "dpia.errors.importInvalid") {
    super(key);
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
/** The tool's statuses: 0 started, 1 ready for evaluation, 2 significant changes asked, 3 validated, 4 signed. */
const STATUS: Record<DpiaStatus, number> = { draft: 0, in_review: 1, refused: 2, validated: 3, archived: 3 };

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const textToHtml = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br />\n");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "’", lsquo: "‘", laquo: "«", raquo: "»", eacute: "é", egrave: "è", agrave: "à", ccedil: "ç" };

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

const RISK_FIELDS = ["impacts", "threats", "sources", "measures"] as const;

/** The DPIA in the PIA tool's format. Deterministic: dates come from the DPIA, ids are sequential. */
export function dpiaToPiaJson(dpia: PiaDpiaInput, activity: { ref: string; name: string }, org: { name: string }) {
  const created = dpia.createdAt.toISOString();
  const updated = dpia.updatedAt.toISOString();
  let nextId = 1;
  const answer = (reference_to: number, data: { text: string | null; gauge: number | null; list: string[] }) => ({ pia_id: PIA_ID, reference_to, data, created_at: created, id: nextId++, updated_at: updated });
  const answers = DPIA_QUESTIONS.filter((q) => dpia.answers[q]?.text).map((q) => answer(Number(q), { text: textToHtml(dpia.answers[q]!.text), gauge: 0, list: [] }));
  for (const r of DPIA_RISKS) {
    const risk = dpia.risks[r];
    const base = Number(RISK_REFERENCE[r]) * 10;
    RISK_FIELDS.forEach((f, i) => {
      if (risk[f]) answers.push(answer(base + i + 1, { text: null, gauge: null, list: lines(risk[f]) }));
    });
    if (risk.severity) answers.push(answer(base + 5, { text: null, gauge: risk.severity, list: [] }));
    if (risk.likelihood) answers.push(answer(base + 6, { text: null, gauge: risk.likelihood, list: [] }));
  }
  nextId = 1;
  const measures = dpia.measures.map((m) => ({ title: m.title, pia_id: PIA_ID, content: textToHtml(m.text), placeholder: m.code ? `registre.measure.${m.code}` : "", created_at: created, id: nextId++, updated_at: updated }));
  nextId = 1;
  const evalStatus = dpia.status === "validated" ? 3 : dpia.status === "refused" ? 1 : 0;
  const actionPlanHtml = dpia.actionPlan.length ? `<ul>\n${dpia.actionPlan.map((a) => `<li>${escapeHtml(a.action)}${a.owner ? ` (${escapeHtml(a.owner)})` : ""}${a.dueDate ? ` — ${a.dueDate}` : ""}</li>`).join("\n")}\n</ul>` : "";
  const evaluations = DPIA_RISKS.map((r, i) => {
    const risk = dpia.risks[r];
    const ref = `3.${RISK_REFERENCE[r].slice(1)}`;
    return {
      status: evalStatus,
      pia_id: PIA_ID,
      reference_to: ref,
      ...(i === 0 && actionPlanHtml ? { action_plan_comment: actionPlanHtml } : {}),
      evaluation_comment: "",
      gauges: { x: risk.residualSeverity ?? 0, y: risk.residualLikelihood ?? 0 },
      estimated_implementation_date: null as string | null,
      person_in_charge: null as string | null,
      global_status: dpia.status === "validated" ? 2 : 0,
      created_at: created,
      id: nextId++,
      updated_at: updated,
    };
  });
  const o = dpia.opinions;
  return {
    pia: {
      dbVersion: DB_VERSION,
      tableName: "pia",
      serverUrl: null,
      numberOfQuestions: 36,
      created_at: created,
      id: PIA_ID,
      objectStore: {},
      status: STATUS[dpia.status],
      name: `${activity.ref} ${activity.name}`,
      author_name: org.name,
      evaluator_name: "",
      validator_name: dpia.validation.validator,
      dpo_status: o.dpo.canProceed === undefined ? null : o.dpo.canProceed ? 1 : 0,
      dpo_opinion: o.dpo.text,
      concerned_people_opinion: o.subjects.text,
      concerned_people_status: o.subjects.sought ? 1 : 0,
      rejection_reason: dpia.validation.decision === "refused" ? dpia.validation.reason : "",
      applied_adjustments: "",
      updated_at: updated,
      dpos_names: o.dpo.name,
      people_names: "",
      concerned_people_searched_opinion: o.subjects.sought ?? false,
      concerned_people_searched_content: o.subjects.reason,
      category: "",
    },
    answers,
    measures,
    evaluations,
    comments: [] as { description: string; pia_id: number; reference_to: number; for_measure: boolean; created_at: string; id: number }[],
  };
}
export type PiaJson = ReturnType<typeof dpiaToPiaJson>;

// Import ---------------------------------------------------------------------------------------

const nullableText = z.string().nullish();
const PiaFileSchema = z.object({
  pia: z.looseObject({ name: nullableText }),
  answers: z
    .array(
      z.looseObject({
        reference_to: z.union([z.number().int(), z.string().regex(/^\d{3}$/)]),
        data: z.looseObject({ text: nullableText, gauge: z.number().nullish(), list: z.array(z.string()).nullish() }),
      }),
    )
    .max(500),
  measures: z.array(z.looseObject({ title: nullableText, content: nullableText })).max(500),
  evaluations: z.array(z.looseObject({ reference_to: z.string(), gauges: z.looseObject({ x: z.number().nullish(), y: z.number().nullish() }).nullish() })).max(500).default([]),
  comments: z.array(z.unknown()).max(1000).default([]),
});

export type PiaImport = { answers: DpiaAnswers; measures: DpiaMeasure[]; risks: DpiaRisks };

const gaugeLevel = (g: number | null | undefined) => (typeof g === "number" && Number.isInteger(g) && g >= 1 && g <= 4 ? g : undefined);

/**
 * A PIA tool export (parsed JSON, or its text) into the DPIA's answers, risks and measures.
 * Throws PiaImportError (message key `dpia.errors.importInvalid`) when it is not one.
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
  const byRef = new Map(file.data.answers.map((a) => [String(a.reference_to), a.data]));
  const answers: DpiaAnswers = {};
  // Every question has an entry (the stored record is exhaustive); those the file leaves empty are to complete.
  for (const q of DPIA_QUESTIONS) {
    const text = byRef.get(q)?.text;
    const plain = text ? htmlToText(text) : "";
    answers[q as DpiaQuestion] = { text: plain, prefilled: false, toComplete: plain === "" };
  }
  const evaluations = new Map(file.data.evaluations.map((e) => [e.reference_to, e.gauges]));
  const risks = Object.fromEntries(
    DPIA_RISKS.map((r) => {
      const base = Number(RISK_REFERENCE[r]) * 10;
      const field = (i: number) => {
        const d = byRef.get(String(base + i));
        return [...(d?.list ?? []), ...(d?.text ? [htmlToText(d.text)] : [])].join("\n");
      };
      const residual = evaluations.get(`3.${RISK_REFERENCE[r].slice(1)}`);
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
        },
      ];
    }),
  );
  const measures = file.data.measures.filter((m) => m.title?.trim()).map((m) => ({ title: m.title!.trim(), text: m.content ? htmlToText(m.content) : "" }));
  const out = {
    answers: DpiaAnswersSchema.safeParse(answers),
    measures: DpiaMeasuresSchema.safeParse(measures),
    risks: DpiaRisksSchema.safeParse(risks),
  };
  if (!out.answers.success || !out.measures.success || !out.risks.success) throw new PiaImportError();
  return { answers: out.answers.data as DpiaAnswers, measures: out.measures.data, risks: out.risks.data };
}
