/**
 * The DPIA (AIPD) of one activity as a PDF: cover, screening result, the CNIL method's sections with
 * their answers (prefilled ones marked), measures, risks (table and a 4x4 map drawn with pdfkit,
 * severity vertical, likelihood horizontal, each risk before and after the action plan), action plan,
 * DPO and data-subject opinions, validation. Until the DPIA is validated every page carries a
 * diagonal draft mark. Deterministic: the same data give the same bytes (dates come from the data).
 */
import crypto from "node:crypto";
import type { ScreeningOutcome } from "~/analysis/dpia-screening.ts";
import { SCREENING_CRITERIA } from "~/analysis/dpia-screening.ts";
import {
  DPIA_RISKS,
  DPIA_SECTIONS,
  type ActionRow,
  type DpiaAnswers,
  type DpiaMeasure,
  type DpiaRisks,
  type DpiaStatus,
  type DpiaValidation,
  type Opinions,
} from "~/schemas/dpia.ts";
import { formatDate, type Locale, type MessageKey, type T } from "~/utils/i18n.ts";
import { createT, isMessageKey } from "~/utils/messages.server.ts";
import { collectStream, COLORS, createDocument, FONT_NAMES, PAGE, PdfLayout, STYLES } from "./layout.ts";
import type { PdfHooks, PdfRun } from "./register-pdf.ts";

export type DpiaPdfData = {
  organization: { name: string };
  activity: { ref: string; name: string };
  /** When the document is dated (the DPIA's last change: the same DPIA gives the same bytes). */
  generatedAt: string;
  screening: {
    outcome: Pick<ScreeningOutcome, "result" | "criteria" | "reasons">;
    saved: boolean;
    decision: "dpia" | "no_dpia" | null;
    decisionReason: string | null;
  };
  dpia: {
    status: DpiaStatus;
    version: number;
    answers: DpiaAnswers;
    measures: DpiaMeasure[];
    risks: DpiaRisks;
    actionPlan: ActionRow[];
    opinions: Opinions;
    validation: DpiaValidation;
  };
};
export type DpiaPdfOptions = { locale: Locale };

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";
const key = (t: T, k: string, fallback = k) => (isMessageKey(k) ? t(k) : fallback);

/** Labels of the risk map's points: R1…R3 with the existing measures, R1′…R3′ after the action plan. */
export const riskLabel = (i: number, residual: boolean) => `R${i + 1}${residual ? "′" : ""}`;

const MAP = { labelW: 92, cellW: 88, cellH: 34, top: 18, bottom: 30 } as const;
/** Cell colours: acceptable (low), to reduce (medium), to avoid (high), as in the CNIL method's map. */
function zoneColor(severity: number, likelihood: number): string {
  const s = severity + likelihood;
  if (severity >= 3 && likelihood >= 3) return "#f4c7c3";
  if (s >= 5) return "#fce8b2";
  return "#d9ead3";
}

function drawRiskMap(L: PdfLayout, t: T, risks: DpiaRisks) {
  const height = MAP.top + 4 * MAP.cellH + MAP.bottom;
  L.ensure(height + 8);
  const y0 = L.y;
  const x0 = PAGE.margin.left + MAP.labelW;
  const small = 7;
  L.artifact((d) => {
    const text = (
      s: string,
      x: number,
      y: number,
      opts: { size?: number; bold?: boolean; color?: string; width?: number; align?: "left" | "right" | "center" } = {},
    ) => {
      d.font(opts.bold ? FONT_NAMES.bold : FONT_NAMES.regular)
        .fontSize(opts.size ?? small)
        .fillColor(opts.color ?? COLORS.text);
      d.text(s, x, y, opts.width ? { width: opts.width, align: opts.align ?? "left", lineBreak: false } : { lineBreak: false });
    };
    text(t("dpia.risk.severity"), PAGE.margin.left, y0, { bold: true, size: 8, color: COLORS.accent });
    const gy = y0 + MAP.top;
    for (let sev = 4; sev >= 1; sev--) {
      const cy = gy + (4 - sev) * MAP.cellH;
      text(t(`dpia.scale.${sev}` as MessageKey), PAGE.margin.left, cy + MAP.cellH / 2 - 4, { width: MAP.labelW - 6, align: "right" });
      for (let lik = 1; lik <= 4; lik++) {
        const cx = x0 + (lik - 1) * MAP.cellW;
        d.rect(cx, cy, MAP.cellW, MAP.cellH).fillAndStroke(zoneColor(sev, lik), COLORS.rule);
        DPIA_RISKS.forEach((r, i) => {
          const risk = risks[r];
          if (risk.severity === sev && risk.likelihood === lik)
            text(riskLabel(i, false), cx + 6 + i * 26, cy + 5, { bold: true, size: 8, color: COLORS.accent });
          if (risk.residualSeverity === sev && risk.residualLikelihood === lik)
            text(riskLabel(i, true), cx + 6 + i * 26, cy + MAP.cellH / 2 + 3, { size: 8, color: "#2e6b30" });
        });
      }
    }
    const ly = gy + 4 * MAP.cellH + 4;
    for (let lik = 1; lik <= 4; lik++) text(t(`dpia.scale.${lik}` as MessageKey), x0 + (lik - 1) * MAP.cellW, ly, { width: MAP.cellW, align: "center" });
    text(t("dpia.risk.likelihood"), x0, ly + 12, { bold: true, size: 8, color: COLORS.accent, width: 4 * MAP.cellW, align: "center" });
  });
  L.y = y0 + height;
}

export function startDpiaPdf(data: DpiaPdfData, opts: DpiaPdfOptions, hooks: PdfHooks = {}): PdfRun {
  const t = createT(opts.locale);
  const { dpia, activity } = data;
  const org = data.organization.name;
  const title = t("dpia.pdf.title");
  const draft = dpia.status !== "validated";
  const doc = createDocument({
    title: `${title} — ${activity.ref}`,
    lang: opts.locale,
    author: org,
    subject: t("dpia.pdf.activity", { ref: activity.ref, name: activity.name }),
    creationDate: new Date(data.generatedAt),
    idSeed: crypto
      .createHash("sha256")
      .update(JSON.stringify(["dpia", opts.locale, data]))
      .digest(),
  });
  const L = new PdfLayout(doc, {
    headerLeft: org,
    // The full title does not fit half a line in French ("… — T-0…"): the running header says "AIPD — T-0001".
    headerRight: t("dpia.pdf.runningHeader", { ref: activity.ref }),
    footerLeft: `${activity.ref} · ${t("dpia.page.version", { version: dpia.version })} · ${t(`dpia.status.${dpia.status}`)}`,
    pageLabel: (page, pages) => t("pdf.footer.page", { page, pages }),
    // Bilingual on purpose: "PROJET / DRAFT" whatever the document's language.
    ...(draft ? { watermark: `${createT("fr")("dpia.pdf.draft")} / ${createT("en")("dpia.pdf.draft")}` } : {}),
  });
  L.onText = hooks.onText ?? null;
  const date = (iso: string) => formatDate(opts.locale, iso);

  const build = () => {
    // Cover
    L.newPage("cover");
    L.space(120);
    L.coverBand();
    L.paragraph(title, STYLES.title, { gap: 10, tag: "H1" });
    L.paragraph(t("dpia.pdf.activity", { ref: activity.ref, name: activity.name }), STYLES.subtitle, { gap: 4 });
    L.paragraph(t("dpia.pdf.organization", { name: org }), STYLES.subtitle, { gap: 4 });
    L.paragraph(t("dpia.pdf.status", { status: t(`dpia.status.${dpia.status}`) }), STYLES.subtitle, { gap: 4 });
    L.paragraph(t("dpia.page.version", { version: dpia.version }), STYLES.subtitle, { gap: 4 });
    L.paragraph(t("dpia.pdf.generated", { date: date(data.generatedAt) }), STYLES.note, { gap: 4 });

    // Screening
    L.newPage();
    L.beginGroup("Sect");
    const s = data.screening;
    L.heading(1, t("dpia.pdf.screening"), { bookmark: "root", anchor: "screening" });
    L.paragraph(t(`dpia.result.${s.outcome.result}`), STYLES.h3);
    if (!s.saved) L.paragraph(t("dpia.pdf.noScreening"), STYLES.note);
    L.list(s.outcome.reasons.map((r) => key(t, r)));
    L.table(
      [
        { header: t("dpia.pdf.criterion"), width: 0.7 },
        { header: t("dpia.pdf.criterionResult"), width: 0.3 },
      ],
      SCREENING_CRITERIA.map((c) => {
        const a = s.outcome.criteria[c];
        return [{ text: t(`dpia.criterion.${c}.label`), note: a.justification }, a.met ? t("dpia.pdf.criterionMet") : t("dpia.pdf.criterionNotMet")];
      }),
    );
    if (s.decision) L.keyValues([[t("dpia.pdf.decision"), [t(`dpia.decision.${s.decision}`), s.decisionReason].filter(present).join(" — ")]]);
    L.endGroup();

    // Sections 1 and 2
    for (const section of DPIA_SECTIONS) {
      L.beginGroup("Sect");
      const bm = L.heading(1, `${section.id}. ${t(`dpia.section.${section.id}` as MessageKey)}`, { bookmark: "root", anchor: `section-${section.id}` });
      for (const item of section.items) {
        L.heading(2, `${item.id[0]}.${item.id[1]} ${t(`dpia.item.${item.id}` as MessageKey)}`, { bookmark: bm });
        for (const q of item.questions) {
          const a = dpia.answers[q];
          L.heading(3, `${q} — ${t(`dpia.q.${q}` as MessageKey)}`, { keep: STYLES.body.leading * 2 });
          const marks = [a?.prefilled ? t("dpia.page.prefilled") : null, a?.toComplete ? t("dpia.page.toComplete") : null].filter(present);
          if (marks.length) L.paragraph(`[${marks.join(" · ")}]`, STYLES.note, { gap: 2 });
          L.paragraph(present(a?.text) ? a.text : t("dpia.pdf.noAnswer"), present(a?.text) ? STYLES.body : STYLES.note);
        }
      }
      L.endGroup();
    }

    // Risks
    L.beginGroup("Sect");
    const risksBm = L.heading(1, `3. ${t("dpia.section.3")}`, { bookmark: "root", anchor: "risks" });
    L.heading(2, `3.1 ${t("dpia.measures.title")}`, { bookmark: risksBm });
    if (dpia.measures.length === 0) L.paragraph(t("dpia.measures.none"), STYLES.note);
    else
      L.table(
        [
          { header: t("dpia.measures.name"), width: 0.35 },
          { header: t("dpia.measures.text"), width: 0.65 },
        ],
        dpia.measures.map((m) => [{ text: m.title, style: STYLES.cellBold }, m.text]),
      );
    DPIA_RISKS.forEach((r, i) => {
      const risk = dpia.risks[r];
      L.heading(2, `3.${i + 2} ${riskLabel(i, false)} — ${t(`dpia.risk.${r}`)}`, { bookmark: risksBm });
      L.keyValues(
        (["impacts", "threats", "sources", "measures"] as const).map((f) => [t(`dpia.risk.${f}`), present(risk[f]) ? risk[f] : t("dpia.pdf.noAnswer")]),
      );
    });
    const lvl = (n: number | undefined) => (n ? t(`dpia.scale.${n}` as MessageKey) : t("dpia.risk.notAssessed"));
    L.heading(2, t("dpia.pdf.riskTable"), { bookmark: risksBm });
    L.table(
      [
        { header: t("dpia.map.risk"), width: 0.28 },
        { header: t("dpia.risk.severity"), width: 0.18 },
        { header: t("dpia.risk.likelihood"), width: 0.18 },
        { header: t("dpia.pdf.residualSeverity"), width: 0.18 },
        { header: t("dpia.pdf.residualLikelihood"), width: 0.18 },
      ],
      DPIA_RISKS.map((r, i) => {
        const risk = dpia.risks[r];
        return [
          `${riskLabel(i, false)} ${t(`dpia.risk.${r}`)}`,
          lvl(risk.severity),
          lvl(risk.likelihood),
          lvl(risk.residualSeverity),
          lvl(risk.residualLikelihood),
        ];
      }),
    );
    L.heading(2, t("dpia.map.title"), { bookmark: risksBm, keep: MAP.top + 4 * MAP.cellH + MAP.bottom + 30 });
    L.paragraph(t("dpia.map.caption"), STYLES.note);
    drawRiskMap(L, t, dpia.risks);
    L.list(
      [
        ...DPIA_RISKS.map((r, i) => `${riskLabel(i, false)} / ${riskLabel(i, true)} : ${t(`dpia.risk.${r}`)}`),
        t("dpia.pdf.mapLegend", { initial: t("dpia.map.initial"), residual: t("dpia.map.residual") }),
      ],
      STYLES.note,
    );
    L.endGroup();

    // Action plan
    L.beginGroup("Sect");
    L.heading(1, t("dpia.plan.title"), { bookmark: "root", anchor: "plan" });
    if (dpia.actionPlan.length === 0) L.paragraph(t("dpia.plan.empty"), STYLES.note);
    else
      L.table(
        [
          { header: t("dpia.plan.action"), width: 0.46 },
          { header: t("dpia.plan.owner"), width: 0.22 },
          { header: t("dpia.plan.dueDate"), width: 0.16 },
          { header: t("dpia.plan.status"), width: 0.16 },
        ],
        dpia.actionPlan.map((a) => [a.action, a.owner ?? "", a.dueDate ? date(a.dueDate) : "", t(`dpia.plan.status.${a.status}`)]),
      );
    L.endGroup();

    // Opinions
    const o = dpia.opinions;
    const yesNo = (b: boolean | undefined) => (b === undefined ? "—" : b ? t("dpia.screening.yes") : t("dpia.screening.no"));
    L.beginGroup("Sect");
    const opBm = L.heading(1, t("dpia.opinion.title"), { bookmark: "root", anchor: "opinions" });
    L.heading(2, t("dpia.opinion.dpo"), { bookmark: opBm });
    if (!present(o.dpo.name) && !present(o.dpo.text)) L.paragraph(t("dpia.opinion.none"), STYLES.note);
    else
      L.keyValues([
        [t("dpia.opinion.dpoName"), o.dpo.name],
        [t("dpia.opinion.canProceed"), yesNo(o.dpo.canProceed)],
        [t("dpia.opinion.dpoText"), o.dpo.text],
      ]);
    L.heading(2, t("dpia.opinion.subjects"), { bookmark: opBm });
    if (o.subjects.sought === undefined && !present(o.subjects.text)) L.paragraph(t("dpia.opinion.none"), STYLES.note);
    else
      L.keyValues(
        [
          [t("dpia.opinion.sought"), yesNo(o.subjects.sought)],
          [t("dpia.opinion.reason"), o.subjects.reason],
          [t("dpia.opinion.subjectsText"), o.subjects.text],
        ].filter(([, v]) => present(v)) as [string, string][],
      );
    L.endGroup();

    // Validation
    const v = dpia.validation;
    L.beginGroup("Sect");
    L.heading(1, `4. ${t("dpia.validation.title")}`, { bookmark: "root", anchor: "validation" });
    L.paragraph(
      v.decision && v.date
        ? t("dpia.validation.decided", { decision: t(`dpia.status.${v.decision}`), validator: v.validator, date: date(v.date) })
        : t("dpia.validation.none"),
    );
    if (present(v.reason)) L.keyValues([[t("dpia.validation.reason"), v.reason]]);
    L.space(10);
    L.table(
      [
        { header: t("dpia.validation.validator"), width: 0.5 },
        { header: t("dpia.pdf.signature"), width: 0.5 },
      ],
      [[v.validator || " ", v.decision && v.date ? date(v.date) : " "]],
    );
    L.endGroup();
  };

  const done = (async () => {
    await Promise.resolve();
    const result = await L.run(build);
    doc.end();
    return result;
  })();
  done.catch((err: unknown) => doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: doc, done };
}

export function renderDpiaPdf(data: DpiaPdfData, opts: DpiaPdfOptions): NodeJS.ReadableStream {
  return startDpiaPdf(data, opts).stream;
}

export async function generateDpiaPdfBuffer(data: DpiaPdfData, opts: DpiaPdfOptions): Promise<Buffer> {
  const { stream, done } = startDpiaPdf(data, opts);
  const [buffer] = await Promise.all([collectStream(stream), done]);
  return buffer;
}
