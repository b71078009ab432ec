/**
 * DPIA screening and DPIA (AIPD) persistence. Every write is audited in its transaction and guarded
 * by an optimistic `version`.
 */
import {
  needsNoDpiaReason,
  screen,
  SCREENING_CRITERIA as SCREENING_CRITERIA_LIST,
  type ScreeningOutcome,
  type ScreeningResult,
} from "~/analysis/dpia-screening.ts";
import type { Dpia, Screening } from "~/generated/prisma/client.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import {
  ActionPlanSchema,
  DpiaAnswersSchema,
  DpiaMeasuresSchema,
  DpiaRisksSchema,
  OpinionsSchema,
  ScreeningAnswersSchema,
  ValidationSchema,
  type ActionRow,
  type DpiaAnswers,
  type DpiaMeasure,
  type DpiaRisks,
  type DpiaStatus,
  type DpiaTransition,
  type DpiaValidation,
  type Opinions,
  type ScreeningAnswers,
  type ScreeningForm,
} from "~/schemas/dpia.ts";
import { scopeDepartmentIds, type ActivityScope } from "~/policies/department.ts";
import { DPIA_TRANSITION_TARGET, dpiaTransitionFrom } from "~/policies/dpia.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { parseContent } from "./activity.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { analyseActivity } from "./sovereignty.server.ts";
import { prefillDpia, prefillMeasures } from "~/analysis/dpia-prefill.ts";
import { type Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { libraryMeasure } from "~/reference/dpia-measures.ts";
import { dpiaToPiaJson, piaJsonToDpia } from "~/documents/pia-json.ts";
import type { DpiaPdfData } from "~/documents/dpia-pdf.ts";
import { DomainError } from "~/utils/domain-error.ts";

export class DpiaConflictError extends DomainError {
  constructor() {
    super("dpia.errors.conflict", { status: 409, message: "conflict" });
  }
}
/** A locked DPIA, a move its status does not allow, or a decision without its validator or reason. */
export class DpiaTransitionError extends DomainError {
  constructor(reason: "locked" | "status" | "fields") {
    super("dpia.errors.transition", { status: 400, message: reason });
  }
}
export class ScreeningReasonError extends DomainError {
  constructor() {
    super("dpia.errors.reasonRequired", { status: 400, field: "decisionReason" });
  }
}
/** An unknown library measure, one already in the DPIA, or no measure at that index. */
export class DpiaMeasureError extends DomainError {
  constructor() {
    super("dpia.errors.measure", { status: 400 });
  }
}

// Screening ------------------------------------------------------------------------------------

export type ScreeningRecord = Screening & { parsedAnswers: ScreeningAnswers };

function parseScreening(s: Screening): ScreeningRecord {
  return { ...s, parsedAnswers: ScreeningAnswersSchema.parse(JSON.parse(s.answers)) };
}

export async function getScreening(organizationId: string, activityId: string): Promise<ScreeningRecord | null> {
  const s = await getDb().screening.findFirst({ where: { organizationId, activityId } });
  return s ? parseScreening(s) : null;
}

/** The organization's recorded headcount (null when not recorded). */
export async function getOrganizationHeadcount(organizationId: string): Promise<number | null> {
  return (await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { headcount: true } })).headcount;
}

/** The effective screening of an activity: the saved one, or the one computed from the record. */
export function evaluateScreening(
  content: ActivityContent,
  saved: Pick<ScreeningRecord, "parsedAnswers" | "cnilListType" | "exemptListType" | "art35c"> | null,
  headcount: number | null = null,
): ScreeningOutcome {
  return screen(
    content,
    saved
      ? { answers: saved.parsedAnswers, cnilListType: saved.cnilListType, exemptListType: saved.exemptListType, art35c: saved.art35c, headcount }
      : { answers: {}, headcount },
  );
}

/** Saves the DPO's screening. `expectedVersion` 0 means "none saved yet". */
export async function saveScreening(
  actorId: string,
  organizationId: string,
  activityId: string,
  expectedVersion: number,
  form: ScreeningForm,
): Promise<ScreeningRecord> {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const activity = await tx.activity.findFirstOrThrow({ where: { id: activityId, organizationId }, select: { content: true, ref: true } });
    const content = parseContent(activity.content);
    const answers: ScreeningAnswers = form.criteria;
    // Exempt type 1 depends on the organization's headcount (délibération 2019-118).
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { headcount: true } });
    const outcome = screen(content, {
      answers,
      cnilListType: form.cnilListType,
      exemptListType: form.exemptListType,
      art35c: form.art35c,
      headcount: org.headcount,
    });
    if (form.decision === "no_dpia" && needsNoDpiaReason(outcome) && !form.decisionReason) throw new ScreeningReasonError();
    const current = await tx.screening.findUnique({ where: { activityId } });
    if ((current?.version ?? 0) !== expectedVersion) throw new DpiaConflictError();
    const decisionChanged = form.decision !== (current?.decision ?? undefined) || (form.decisionReason ?? null) !== (current?.decisionReason ?? null);
    const data = {
      answers: JSON.stringify(answers),
      cnilListType: form.cnilListType ?? null,
      exemptListType: form.exemptListType ?? null,
      art35c: form.art35c,
      result: outcome.result,
      decision: form.decision ?? null,
      decisionReason: form.decisionReason ?? null,
      ...(decisionChanged ? { decidedById: form.decision ? actorId : null, decidedAt: form.decision ? new Date() : null } : {}),
    };
    let saved: Screening;
    if (!current) {
      saved = await tx.screening.create({ data: { ...data, organizationId, activityId, version: 1 } });
    } else {
      const res = await tx.screening.updateMany({ where: { id: current.id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
      if (res.count === 0) throw new DpiaConflictError();
      saved = await tx.screening.findUniqueOrThrow({ where: { id: current.id } });
    }
    await tx.screeningVersion.create({
      data: {
        screeningId: saved.id,
        number: saved.version,
        snapshot: JSON.stringify({ ...data, decidedById: saved.decidedById, decidedAt: saved.decidedAt }),
        actorId,
      },
    });
    await w.auditNow({
      action: "screening.saved",
      entity: "Screening",
      entityId: saved.id,
      details: { ref: activity.ref, version: saved.version, result: outcome.result, decision: saved.decision },
    });
    return parseScreening(saved);
  });
}

export type DpiaFilter = ScreeningResult | "none_started";

/**
 * Effective screening result of every non-archived activity of the organization (saved screening,
 * else computed from the record), and whether a DPIA exists.
 */
export async function screeningOverview(organizationId: string, scope: ActivityScope) {
  const db = getDb();
  const departmentScope = scopeDepartmentIds(scope);
  const [activities, screenings, dpias] = await Promise.all([
    db.activity.findMany({
      where: { organizationId, status: { not: "ARCHIVED" }, ...(departmentScope ? { departmentId: { in: [...departmentScope] } } : {}) },
      select: { id: true, ref: true, name: true, content: true, department: { select: { name: true } } },
      orderBy: { seq: "asc" },
    }),
    db.screening.findMany({ where: { organizationId } }),
    db.dpia.findMany({ where: { organizationId }, select: { activityId: true, status: true } }),
  ]);
  const byActivity = new Map(screenings.map((s) => [s.activityId, s]));
  const dpiaBy = new Map(dpias.map((d) => [d.activityId, d.status]));
  return activities.map((a) => {
    const s = byActivity.get(a.id);
    const result = s ? (s.result as ScreeningResult) : screen(parseContent(a.content), { answers: {} }).result;
    return {
      id: a.id,
      ref: a.ref,
      name: a.name,
      departmentName: a.department?.name ?? null,
      result,
      saved: Boolean(s),
      decision: s?.decision ?? null,
      dpiaStatus: dpiaBy.get(a.id) ?? null,
    };
  });
}

/** Ids of the activities matching a `dpia` register filter. */
export async function activityIdsForDpiaFilter(organizationId: string, filter: DpiaFilter, scope: ActivityScope): Promise<string[]> {
  const rows = await screeningOverview(organizationId, scope);
  return rows
    .filter((r) => (filter === "none_started" ? r.result === "required" && r.dpiaStatus === null && r.decision !== "no_dpia" : r.result === filter))
    .map((r) => r.id);
}

// DPIA -----------------------------------------------------------------------------------------

export type DpiaRecord = Omit<Dpia, "answers" | "measures" | "risks" | "actionPlan" | "opinions" | "validation" | "status"> & {
  status: DpiaStatus;
  answers: DpiaAnswers;
  measures: DpiaMeasure[];
  risks: DpiaRisks;
  actionPlan: ActionRow[];
  opinions: Opinions;
  validation: DpiaValidation;
};

export function parseDpia(d: Dpia): DpiaRecord {
  return {
    ...d,
    status: d.status,
    answers: DpiaAnswersSchema.parse(JSON.parse(d.answers)) as DpiaAnswers,
    measures: DpiaMeasuresSchema.parse(JSON.parse(d.measures)),
    risks: DpiaRisksSchema.parse(JSON.parse(d.risks)),
    actionPlan: ActionPlanSchema.parse(JSON.parse(d.actionPlan)),
    opinions: OpinionsSchema.parse(JSON.parse(d.opinions)),
    validation: ValidationSchema.parse(JSON.parse(d.validation)),
  };
}

export async function getDpia(organizationId: string, activityId: string): Promise<DpiaRecord | null> {
  const d = await getDb().dpia.findFirst({ where: { organizationId, activityId } });
  return d ? parseDpia(d) : null;
}

export type DpiaContent = { answers: DpiaAnswers; measures: DpiaMeasure[]; risks: DpiaRisks; actionPlan: ActionRow[] };

function serialise(c: Partial<DpiaContent & { opinions: Opinions; validation: DpiaValidation }>) {
  return {
    ...(c.answers ? { answers: JSON.stringify(c.answers) } : {}),
    ...(c.measures ? { measures: JSON.stringify(c.measures) } : {}),
    ...(c.risks ? { risks: JSON.stringify(c.risks) } : {}),
    ...(c.actionPlan ? { actionPlan: JSON.stringify(c.actionPlan) } : {}),
    ...(c.opinions ? { opinions: JSON.stringify(c.opinions) } : {}),
    ...(c.validation ? { validation: JSON.stringify(c.validation) } : {}),
  };
}

async function snapshot(tx: Tx, d: Dpia, actorId: string) {
  const last = await tx.dpiaVersion.findFirst({ where: { dpiaId: d.id }, orderBy: { number: "desc" }, select: { number: true } });
  const { id: _id, ...rest } = d;
  await tx.dpiaVersion.create({ data: { dpiaId: d.id, number: (last?.number ?? 0) + 1, status: d.status, snapshot: JSON.stringify(rest), actorId } });
}

/** Creates the DPIA of an activity from prefilled content; a second start is a conflict. */
export async function startDpia(actorId: string, organizationId: string, activityId: string, content: DpiaContent): Promise<DpiaRecord> {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const activity = await tx.activity.findFirstOrThrow({ where: { id: activityId, organizationId }, select: { ref: true } });
    if (await tx.dpia.findUnique({ where: { activityId } })) throw new DpiaConflictError();
    const d = await tx.dpia.create({ data: { organizationId, activityId, status: "draft", createdById: actorId, ...serialise(content) } });
    await snapshot(tx, d, actorId);
    await w.auditNow({
      action: "dpia.started",
      entity: "Dpia",
      entityId: d.id,
      details: { ref: activity.ref },
    });
    return parseDpia(d);
  });
}

async function update(
  actorId: string,
  organizationId: string,
  dpiaId: string,
  expectedVersion: number,
  action: string,
  data: Record<string, unknown>,
  details: Record<string, unknown> = {},
  snap = false,
) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.dpia.updateMany({ where: { id: dpiaId, organizationId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
    if (res.count === 0) throw new DpiaConflictError();
    const d = await tx.dpia.findUniqueOrThrow({ where: { id: dpiaId }, include: { activity: { select: { ref: true } } } });
    const { activity, ...row } = d;
    if (snap) await snapshot(tx, row, actorId);
    await w.auditNow({
      action,
      entity: "Dpia",
      entityId: dpiaId,
      details: { ref: activity.ref, version: d.version, ...details },
    });
    return parseDpia(row);
  });
}

export function saveDpiaContent(
  actorId: string,
  organizationId: string,
  dpia: Pick<DpiaRecord, "id" | "status">,
  expectedVersion: number,
  content: Partial<DpiaContent>,
) {
  if (dpia.status !== "draft" && dpia.status !== "in_review") throw new DpiaTransitionError("locked");
  return update(actorId, organizationId, dpia.id, expectedVersion, "dpia.updated", serialise(content), { fields: Object.keys(content) });
}

/** Adds a measure of the library (not already in the DPIA), in the DPIA's language, with optional details appended. */
export function addDpiaMeasure(
  actorId: string,
  organizationId: string,
  dpia: Pick<DpiaRecord, "id" | "status" | "version" | "measures">,
  expectedVersion: number,
  input: { code: string; details?: string },
  locale: Locale,
) {
  if (dpia.status !== "draft" && dpia.status !== "in_review") throw new DpiaTransitionError("locked");
  if (dpia.version !== expectedVersion) throw new DpiaConflictError();
  const lib = libraryMeasure(input.code);
  if (!lib || dpia.measures.some((m) => m.code === lib.code)) throw new DpiaMeasureError();
  const base = locale === "fr" ? lib.textFr : lib.textEn;
  const details = input.details?.trim();
  const measures = [...dpia.measures, { code: lib.code, title: locale === "fr" ? lib.fr : lib.en, text: details ? `${base}\n${details}` : base }];
  return update(actorId, organizationId, dpia.id, expectedVersion, "dpia.measureAdded", serialise({ measures: DpiaMeasuresSchema.parse(measures) }), {
    code: lib.code,
  });
}

/** Removes the measure at `index` (the version guards against a list changed in the meantime). */
export function removeDpiaMeasure(
  actorId: string,
  organizationId: string,
  dpia: Pick<DpiaRecord, "id" | "status" | "version" | "measures">,
  expectedVersion: number,
  index: number,
) {
  if (dpia.status !== "draft" && dpia.status !== "in_review") throw new DpiaTransitionError("locked");
  if (dpia.version !== expectedVersion) throw new DpiaConflictError();
  const removed = dpia.measures[index];
  if (!removed) throw new DpiaMeasureError();
  const measures = dpia.measures.filter((_, i) => i !== index);
  return update(
    actorId,
    organizationId,
    dpia.id,
    expectedVersion,
    "dpia.measureRemoved",
    { measures: JSON.stringify(measures) },
    { code: removed.code ?? null, title: removed.title },
  );
}

export function saveDpiaOpinions(
  actorId: string,
  organizationId: string,
  dpia: Pick<DpiaRecord, "id" | "status">,
  expectedVersion: number,
  opinions: Opinions,
) {
  if (dpia.status !== "draft" && dpia.status !== "in_review") throw new DpiaTransitionError("locked");
  return update(actorId, organizationId, dpia.id, expectedVersion, "dpia.opinions", serialise({ opinions }), { canProceed: opinions.dpo.canProceed ?? null });
}

/** Status change, with a snapshot in DpiaVersion. Validation and refusal record the validator. */
export function transitionDpia(
  actorId: string,
  organizationId: string,
  dpia: Pick<DpiaRecord, "id" | "status" | "validation">,
  expectedVersion: number,
  t: DpiaTransition,
  input: { validator?: string; reason?: string } = {},
) {
  if (!dpiaTransitionFrom(dpia.status, t)) throw new DpiaTransitionError("status");
  const data: Record<string, unknown> = { status: DPIA_TRANSITION_TARGET[t] };
  if (t === "validate" || t === "refuse") {
    if (!input.validator || (t === "refuse" && !input.reason)) throw new DpiaTransitionError("fields");
    // Names, evaluations and comments recorded earlier (e.g. from the PIA tool) stay.
    data.validation = JSON.stringify({
      ...dpia.validation,
      validator: input.validator,
      decision: t === "validate" ? "validated" : "refused",
      date: new Date().toISOString(),
      reason: input.reason ?? "",
      signed: undefined,
    } satisfies DpiaValidation);
  }
  if (t === "reopen") data.validation = JSON.stringify({ ...dpia.validation, decision: undefined });
  return update(actorId, organizationId, dpia.id, expectedVersion, `dpia.${t}`, data, { from: dpia.status, to: DPIA_TRANSITION_TARGET[t] }, true);
}

export function listDpiaVersions(organizationId: string, dpiaId: string) {
  return getDb().dpiaVersion.findMany({
    where: { dpiaId, dpia: { organizationId } },
    orderBy: { number: "desc" },
    select: { number: true, status: true, createdAt: true, actorId: true },
  });
}

/** Display name of a member who decided or validated (null when unknown). */
export async function userDisplayName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await getDb().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

/** What the activity page shows about DPIAs. */
export async function dpiaPanel(organizationId: string, activity: { id: string; parsed: ActivityContent }) {
  const [saved, dpia] = await Promise.all([
    getScreening(organizationId, activity.id),
    getDb().dpia.findFirst({ where: { organizationId, activityId: activity.id }, select: { status: true } }),
  ]);
  const outcome = evaluateScreening(activity.parsed, saved);
  return {
    result: outcome.result,
    metCount: outcome.metCount,
    saved: Boolean(saved),
    decision: saved?.decision ?? null,
    dpiaStatus: dpia?.status ?? null,
  };
}

/** Dashboard: activities whose screening requires a DPIA and which have none (nor a reasoned "no DPIA" decision). */
export async function listDpiaRequiredNoneStarted(organizationId: string, scope: ActivityScope, take = 10) {
  const rows = (await screeningOverview(organizationId, scope)).filter((r) => r.result === "required" && r.dpiaStatus === null && r.decision !== "no_dpia");
  return rows.slice(0, take).map((r) => ({ ref: r.ref, name: r.name, department: r.departmentName, completeness: 0, nextReviewAt: null as string | null }));
}

/** Per activity id: the saved screening and the DPIA status, for the register export. */
export async function loadScreeningsForExport(organizationId: string) {
  const db = getDb();
  const [screenings, dpias] = await Promise.all([
    db.screening.findMany({ where: { organizationId } }),
    db.dpia.findMany({ where: { organizationId }, select: { activityId: true, status: true } }),
  ]);
  const out = new Map<string, { screening: ScreeningRecord | null; dpiaStatus: DpiaStatus | null }>();
  for (const s of screenings) out.set(s.activityId, { screening: parseScreening(s), dpiaStatus: null });
  for (const d of dpias) out.set(d.activityId, { screening: out.get(d.activityId)?.screening ?? null, dpiaStatus: d.status });
  return out;
}

/** The `screening` (and `dpia`) fields of an exported activity. */
export function exportScreening(content: ActivityContent, info: { screening: ScreeningRecord | null; dpiaStatus: DpiaStatus | null } | undefined) {
  const s = info?.screening ?? null;
  const o = evaluateScreening(content, s);
  return {
    screening: {
      result: o.result,
      saved: s !== null,
      criteriaMet: SCREENING_CRITERIA_LIST.filter((c) => o.criteria[c].met),
      art35: o.art35,
      cnilListType: s?.cnilListType ?? null,
      exemptListType: s?.exemptListType ?? null,
      decision: (s?.decision ?? null) as "dpia" | "no_dpia" | null,
      decisionReason: s?.decisionReason ?? null,
      decidedAt: s?.decidedAt?.toISOString() ?? null,
    },
    ...(info?.dpiaStatus ? { dpia: { status: info.dpiaStatus } } : {}),
  };
}

/** What the prefill needs about an activity's links: vendor, service, role and DPA status. */
export async function loadPrefillLinks(organizationId: string, activityId: string) {
  const links = await getDb().activityLink.findMany({
    where: { organizationId, activityId },
    // Links made in the same millisecond: the id (a cuid: time, then a counter) keeps the order they were added in.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { service: { select: { name: true, vendor: { select: { name: true, dpaStatus: true } } } }, site: { select: { name: true } } },
  });
  return links.map((l) => ({
    role: l.role,
    vendor: l.service?.vendor.name ?? null,
    service: l.service?.name ?? l.site?.name ?? "",
    dpaStatus: l.service?.vendor.dpaStatus ?? null,
    siteName: l.site?.name ?? null,
  }));
}

/** Starts the DPIA of an activity prefilled from the register (record, links, sovereignty analysis). */
export async function startPrefilledDpia(actorId: string, organizationId: string, activity: { id: string; parsed: ActivityContent }, locale: Locale) {
  const [links, analysis] = await Promise.all([loadPrefillLinks(organizationId, activity.id), analyseActivity(organizationId, activity.id).catch(() => null)]);
  const t = createT(locale);
  return startDpia(actorId, organizationId, activity.id, {
    answers: prefillDpia({ content: activity.parsed, links, analysis }, t, locale),
    measures: prefillMeasures(activity.parsed, locale),
    risks: DpiaRisksSchema.parse({}),
    actionPlan: [],
  });
}

/**
 * Imports a CNIL PIA tool export into the activity's DPIA (created when there is none): status (see
 * PIA_STATUS), answers, measures, risks, names, opinions, evaluations and comments come from the file,
 * the action plan is kept. `role`: the importer's (a decided status needs DPO or ADMIN). The
 * file is validated before anything is written (PiaImportError); one audited transaction.
 */
export async function importPiaJson(
  actorId: string,
  organizationId: string,
  activityId: string,
  json: unknown,
  options: { role?: string } = {},
): Promise<DpiaRecord> {
  // The file's status, names, opinions, evaluations and comments come with it (PIA status table in pia-json.ts).
  const { status: fileStatus, ...content } = piaJsonToDpia(json);
  // Only those who may validate, refuse or archive here may bring such a decision in a file; for the
  // others the DPIA arrives under review, its evaluations kept.
  const decided = fileStatus !== "draft" && fileStatus !== "in_review";
  const status: DpiaStatus = decided && options.role !== "ADMIN" && options.role !== "DPO" ? "in_review" : fileStatus;
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const activity = await tx.activity.findFirstOrThrow({ where: { id: activityId, organizationId }, select: { ref: true } });
    const current = await tx.dpia.findUnique({ where: { activityId } });
    let d: Dpia;
    if (!current) {
      d = await tx.dpia.create({ data: { organizationId, activityId, status, createdById: actorId, ...serialise({ ...content, actionPlan: [] }) } });
    } else {
      if (current.organizationId !== organizationId) throw new DpiaConflictError();
      if (current.status !== "draft" && current.status !== "in_review") throw new DpiaTransitionError("locked");
      d = await tx.dpia.update({ where: { id: current.id }, data: { status, ...serialise(content), version: { increment: 1 } } });
    }
    await snapshot(tx, d, actorId);
    await w.auditNow({
      action: "dpia.imported",
      entity: "Dpia",
      entityId: d.id,
      details: {
        ref: activity.ref,
        version: d.version,
        status,
        fileStatus,
        answers: Object.keys(content.answers).length,
        measures: content.measures.length,
        created: !current,
      },
    });
    return parseDpia(d);
  });
}

/**
 * What the DPIA PDF shows (null when the activity has no DPIA). Dated by the DPIA's last change,
 * so the same DPIA version always gives the same document.
 */
export async function buildDpiaPdfData(organizationId: string, activityId: string): Promise<DpiaPdfData | null> {
  const db = getDb();
  const [activity, org, saved, row] = await Promise.all([
    db.activity.findFirst({ where: { id: activityId, organizationId }, select: { ref: true, name: true, content: true } }),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    getScreening(organizationId, activityId),
    db.dpia.findFirst({ where: { organizationId, activityId } }),
  ]);
  if (!activity || !row) return null;
  const d = parseDpia(row);
  const outcome = evaluateScreening(parseContent(activity.content), saved);
  return {
    organization: { name: org.name },
    activity: { ref: activity.ref, name: activity.name },
    generatedAt: d.updatedAt.toISOString(),
    screening: {
      outcome: { result: outcome.result, criteria: outcome.criteria, reasons: outcome.reasons },
      saved: Boolean(saved),
      decision: (saved?.decision ?? null) as "dpia" | "no_dpia" | null,
      decisionReason: saved?.decisionReason ?? null,
    },
    dpia: {
      status: d.status,
      version: d.version,
      answers: d.answers,
      measures: d.measures,
      risks: d.risks,
      actionPlan: d.actionPlan,
      opinions: d.opinions,
      validation: d.validation,
    },
  };
}

/** The DPIA of activity `ref` for the exports (PDF data and CNIL PIA tool JSON); null when there is none. */
export async function buildDpiaExport(organizationId: string, ref: string) {
  const activity = await getDb().activity.findFirst({ where: { organizationId, ref }, select: { id: true, organization: { select: { slug: true } } } });
  if (!activity) return null;
  const pdf = await buildDpiaPdfData(organizationId, activity.id);
  if (!pdf) return null;
  const row = await getDb().dpia.findFirstOrThrow({ where: { organizationId, activityId: activity.id } });
  return { slug: activity.organization.slug, pdf, piaJson: dpiaToPiaJson(parseDpia(row), pdf.activity, pdf.organization) };
}

/** Action-plan rows past their due date and not done, across the organization's open DPIAs (DPO dashboard). */
export async function listOverdueDpiaActions(organizationId: string, scope: ActivityScope, today = new Date().toISOString().slice(0, 10)) {
  const departmentScope = scopeDepartmentIds(scope);
  const dpias = await getDb().dpia.findMany({
    where: {
      organizationId,
      status: { in: ["draft", "in_review", "validated"] },
      ...(departmentScope ? { activity: { departmentId: { in: [...departmentScope] } } } : {}),
    },
    select: { actionPlan: true, activity: { select: { ref: true, name: true } } },
  });
  return dpias
    .flatMap((d) =>
      ActionPlanSchema.parse(JSON.parse(d.actionPlan))
        .filter((r) => r.dueDate !== undefined && r.dueDate < today && r.status !== "done")
        .map((r) => ({ ref: d.activity.ref, name: d.activity.name, action: r.action, owner: r.owner ?? null, dueDate: r.dueDate! })),
    )
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
}
