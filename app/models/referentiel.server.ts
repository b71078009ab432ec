/**
 * Model activities ("référentiel", issue 14, ADR 020). A DPO service writes a model as an ordinary
 * activity of its own organization (from a template or not) and publishes it: each publication freezes
 * the content as a numbered version. Proposing a model creates a DRAFT in each chosen organization
 * (one it was granted: CatalogueGrant), prefilled and marked with the model and its version. When a
 * newer version exists, the organization sees the difference field by field and accepts or ignores each
 * field: nothing is copied without that decision.
 */
import type { TemplateFile } from "~/schemas/template.ts";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { diffContents, type DiffRow } from "~/domain/activity-diff.ts";
import { getDb } from "~/utils/db.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { filledContentKeys } from "~/domain/prefilled.ts";
import { createActivityInUnit, parseContent, saveActivityInUnit } from "./activity.server.ts";
import { templateDraft } from "./template-draft.server.ts";
import { unitOfWork, type Work } from "./unit-of-work.server.ts";

export class ModelError extends Error {
  constructor(public reason: "not_found" | "no_grant" | "already_model" | "unchanged" | "stale" | "undecided" | "invalid") {
    super(reason);
    this.name = "ModelError";
  }
}

export function listModels(ownerOrgId: string) {
  return getDb()
    .activityModel.findMany({ where: { ownerOrgId }, orderBy: { name: "asc" } })
    .then(async (models) => {
      const [sources, uses] = await Promise.all([
        getDb().activity.findMany({ where: { id: { in: models.map((m) => m.sourceActivityId) } }, select: { id: true, ref: true, name: true } }),
        getDb().activity.groupBy({ by: ["modelId"], where: { modelId: { in: models.map((m) => m.id) } }, _count: { _all: true } }),
      ]);
      const src = new Map(sources.map((s) => [s.id, s]));
      const used = new Map(uses.map((u) => [u.modelId, u._count._all]));
      return models.map((m) => ({ ...m, source: src.get(m.sourceActivityId) ?? null, uses: used.get(m.id) ?? 0 }));
    });
}

async function createModelInUnit(w: Work, ownerOrgId: string, activity: { id: string; name: string; content: string }, templateId: string | null) {
  if (await w.tx.activityModel.findUnique({ where: { sourceActivityId: activity.id } })) throw new ModelError("already_model");
  const model = await w.tx.activityModel.create({
    data: { ownerOrgId, sourceActivityId: activity.id, templateId, name: activity.name, createdById: w.ctx.actorId },
  });
  await w.tx.activityModelVersion.create({ data: { modelId: model.id, number: 1, content: activity.content, createdById: w.ctx.actorId } });
  w.audit("model.created", "ActivityModel", model.id, { name: model.name, source: activity.id, templateId });
  return model;
}

/** An existing activity of the owner becomes a model (version 1 = its current content). */
export function createModelFromActivity(actorId: string, ownerOrgId: string, activityId: string) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const a = await w.tx.activity.findFirst({ where: { id: activityId, organizationId: ownerOrgId }, select: { id: true, name: true, content: true } });
    if (!a) throw new ModelError("not_found");
    return createModelInUnit(w, ownerOrgId, a, null);
  });
}

/** A template of templates/ becomes a draft of the owner and a model, at once. */
export function createModelFromTemplate(actorId: string, ownerOrgId: string, template: TemplateFile, locale: Locale) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const { content, prefilledPaths } = templateDraft(template, locale);
    const a = await createActivityInUnit(w, actorId, ownerOrgId, { content, departmentId: null, prefilledPaths });
    return createModelInUnit(w, ownerOrgId, { id: a.id, name: a.name, content: a.content }, template.id);
  });
}

/**
 * Freezes the source activity's current content as the next version and tells the DPOs/ADMINs of every
 * organization with an activity from the model. Throws "unchanged" when nothing changed.
 */
export function publishModelVersion(actorId: string, ownerOrgId: string, modelId: string) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const model = await w.tx.activityModel.findFirst({ where: { id: modelId, ownerOrgId } });
    if (!model) throw new ModelError("not_found");
    const [source, last] = await Promise.all([
      w.tx.activity.findUnique({ where: { id: model.sourceActivityId }, select: { name: true, content: true } }),
      w.tx.activityModelVersion.findUniqueOrThrow({ where: { modelId_number: { modelId, number: model.version } } }),
    ]);
    if (!source) throw new ModelError("not_found");
    if (diffContents(parseContent(last.content), parseContent(source.content)).length === 0) throw new ModelError("unchanged");
    const number = model.version + 1;
    await w.tx.activityModelVersion.create({ data: { modelId, number, content: source.content, createdById: actorId } });
    await w.tx.activityModel.update({ where: { id: modelId }, data: { version: number, name: source.name } });
    w.audit("model.published", "ActivityModel", modelId, { name: source.name, version: number });
    const users = await w.tx.activity.findMany({ where: { modelId }, select: { id: true, ref: true, organizationId: true } });
    const members = await w.tx.membership.findMany({
      where: { organizationId: { in: [...new Set(users.map((u) => u.organizationId))] }, role: { in: ["ADMIN", "DPO"] } },
      select: { userId: true, organizationId: true },
    });
    const params = JSON.stringify({ model: source.name, version: number });
    await w.tx.notification.createMany({
      data: users.flatMap((a) =>
        members
          .filter((m) => m.organizationId === a.organizationId)
          .map((m) => ({ userId: m.userId, organizationId: a.organizationId, kind: "model.updated", params, url: `/activities/${a.ref}/model` })),
      ),
    });
    for (const a of users)
      w.audit("model.update_available", "Activity", a.id, { ref: a.ref, model: modelId, version: number }, { organizationId: a.organizationId });
    return { version: number, organizations: new Set(users.map((u) => u.organizationId)).size };
  });
}

/**
 * A DRAFT from the model's current version in each organization (granted by the owner) that has none
 * yet; every filled field is marked prefilled until someone confirms it. All or nothing.
 */
export function proposeModel(actorId: string, ownerOrgId: string, modelId: string, organizationIds: readonly string[]) {
  return unitOfWork({ actorId, organizationId: ownerOrgId }, async (w) => {
    const model = await w.tx.activityModel.findFirst({ where: { id: modelId, ownerOrgId } });
    if (!model) throw new ModelError("not_found");
    const ids = [...new Set(organizationIds)];
    const granted = await w.tx.catalogueGrant.findMany({ where: { ownerOrgId, subscriberOrgId: { in: ids } }, select: { subscriberOrgId: true } });
    if (granted.length !== ids.length) throw new ModelError("no_grant");
    const version = await w.tx.activityModelVersion.findUniqueOrThrow({ where: { modelId_number: { modelId, number: model.version } } });
    const content = parseContent(version.content);
    const already = new Set(
      (await w.tx.activity.findMany({ where: { modelId, organizationId: { in: ids } }, select: { organizationId: true } })).map((a) => a.organizationId),
    );
    const members = await w.tx.membership.findMany({
      where: { organizationId: { in: ids }, role: { in: ["ADMIN", "DPO"] } },
      select: { userId: true, organizationId: true },
    });
    const created: { organizationId: string; ref: string }[] = [];
    for (const organizationId of ids) {
      if (already.has(organizationId)) continue;
      const a = await createActivityInUnit(w, actorId, organizationId, { content, departmentId: null, prefilledPaths: filledContentKeys(content) });
      await w.tx.activity.update({ where: { id: a.id }, data: { modelId, modelVersion: model.version } });
      w.audit("model.proposed", "Activity", a.id, { ref: a.ref, model: modelId, version: model.version }, { organizationId });
      created.push({ organizationId, ref: a.ref });
    }
    const refOf = new Map(created.map((c) => [c.organizationId, c.ref]));
    await w.tx.notification.createMany({
      data: members
        .filter((m) => refOf.has(m.organizationId))
        .map((m) => ({
          userId: m.userId,
          organizationId: m.organizationId,
          kind: "model.proposed",
          params: JSON.stringify({ model: model.name, version: model.version }),
          url: `/activities/${refOf.get(m.organizationId)!}`,
        })),
    });
    w.audit("model.proposed", "ActivityModel", modelId, { version: model.version, organizations: created.length, skipped: ids.length - created.length });
    return { created: created.length, skipped: ids.length - created.length };
  });
}

/** The activity's top-level field a diff path belongs to ("dataCategories[2].retention" -> "dataCategories"). */
export const fieldOf = (path: string): string => /^[^.[]+/.exec(path)![0];

export type ModelUpdate = {
  modelName: string;
  from: number;
  to: number;
  fields: { field: string; rows: DiffRow[] }[];
};

/** The model's changes since the version the organization last reviewed, grouped by field; null when none. */
export async function pendingModelUpdate(organizationId: string, activityId: string): Promise<ModelUpdate | null> {
  const a = await getDb().activity.findFirst({ where: { id: activityId, organizationId }, select: { modelId: true, modelVersion: true } });
  if (!a?.modelId || a.modelVersion === null) return null;
  const model = await getDb().activityModel.findUnique({ where: { id: a.modelId } });
  if (!model || model.version <= a.modelVersion) return null;
  const versions = await getDb().activityModelVersion.findMany({ where: { modelId: model.id, number: { in: [a.modelVersion, model.version] } } });
  const from = versions.find((v) => v.number === a.modelVersion);
  const to = versions.find((v) => v.number === model.version);
  if (!from || !to) return null;
  const rows = diffContents(parseContent(from.content), parseContent(to.content));
  const fields = new Map<string, DiffRow[]>();
  for (const r of rows) fields.set(fieldOf(r.path), [...(fields.get(fieldOf(r.path)) ?? []), r]);
  return { modelName: model.name, from: a.modelVersion, to: model.version, fields: [...fields].map(([field, rows]) => ({ field, rows })) };
}

/**
 * Applies a person's decision on each changed field: "accept" copies the model's new value of that
 * field into the activity, "ignore" keeps the organization's. Every field must be decided; the
 * activity then records the version as reviewed. Optimistic lock on the activity's revision.
 */
export async function reviewModelUpdate(
  actorId: string,
  organizationId: string,
  activityId: string,
  input: { revision: number; toVersion: number; decisions: Record<string, "accept" | "ignore"> },
) {
  const pending = await pendingModelUpdate(organizationId, activityId);
  if (!pending) throw new ModelError("not_found");
  if (pending.to !== input.toVersion) throw new ModelError("stale");
  if (pending.fields.some((f) => !input.decisions[f.field])) throw new ModelError("undecided");
  const accepted = pending.fields.filter((f) => input.decisions[f.field] === "accept").map((f) => f.field);
  const ignored = pending.fields.filter((f) => input.decisions[f.field] === "ignore").map((f) => f.field);
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const a = await w.tx.activity.findFirst({ where: { id: activityId, organizationId } });
    if (!a || a.modelId === null) throw new ModelError("not_found");
    if (accepted.length > 0) {
      const target = await w.tx.activityModelVersion.findUniqueOrThrow({ where: { modelId_number: { modelId: a.modelId, number: pending.to } } });
      const next = parseContent(target.content) as Record<string, unknown>;
      const content = structuredClone(parseContent(a.content)) as Record<string, unknown>;
      for (const f of accepted) {
        if (next[f] === undefined) delete content[f];
        else content[f] = structuredClone(next[f]);
      }
      const parsed = ActivityContentSchema.safeParse(content);
      if (!parsed.success) throw new ModelError("invalid");
      await saveActivityInUnit(w, actorId, organizationId, activityId, input.revision, {
        content: parsed.data as ActivityContent,
        departmentId: a.departmentId,
      });
    } else if (a.revision !== input.revision) throw new ModelError("stale");
    await w.tx.activity.update({ where: { id: activityId }, data: { modelVersion: pending.to } });
    w.audit("model.update_reviewed", "Activity", activityId, { ref: a.ref, from: pending.from, to: pending.to, accepted, ignored });
    return { accepted, ignored };
  });
}

/** The owner's activities that could become models (not archived, not models yet). */
export async function listModelCandidates(ownerOrgId: string) {
  const models = await getDb().activityModel.findMany({ where: { ownerOrgId }, select: { sourceActivityId: true } });
  return getDb().activity.findMany({
    where: { organizationId: ownerOrgId, status: { not: "ARCHIVED" }, id: { notIn: models.map((m) => m.sourceActivityId) }, modelId: null },
    orderBy: { seq: "asc" },
    select: { id: true, ref: true, name: true },
    take: 500,
  });
}

export type ModelOrigin = { model: string; owner: string; version: number; latest: number };

/**
 * Where an activity proposed from a model comes from, for its page (ADR 020): the model's name, the
 * organization that keeps it, the version this organization last reviewed and the model's newest one.
 * Null for an activity that does not come from a model. The caller has already checked that the
 * user may read the activity; the model's name and owner were told to its DPO/ADMIN when proposed.
 */
export async function modelOriginOf(activity: { modelId: string | null; modelVersion: number | null }): Promise<ModelOrigin | null> {
  if (!activity.modelId) return null;
  const model = await getDb().activityModel.findUnique({ where: { id: activity.modelId }, select: { name: true, version: true, ownerOrgId: true } });
  if (!model) return null;
  const owner = await getDb().organization.findUnique({ where: { id: model.ownerOrgId }, select: { name: true } });
  return { model: model.name, owner: owner?.name ?? "", version: activity.modelVersion ?? model.version, latest: model.version };
}
