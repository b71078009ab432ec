/**
 * From what a spreadsheet row says (an ImportPatch: only the fields of the columns it has) to a full
 * ActivityContent. A new activity starts empty; an existing one keeps every field the file does not
 * cover (rights, risk flags, sources… which a spreadsheet does not carry), so re-importing an edited
 * export never erases what only the application holds.
 */
import type { ActivityContent, ActivityContentInput } from "~/schemas/activity.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import type { ACTIVITY_ROLES, DataCategory, REGIMES } from "~/reference/vocabularies.ts";
import { type MessageKey, type Params } from "~/utils/i18n.ts";
import { isMessageKey } from "~/utils/messages.server.ts";
import type { ImportMessage } from "./limits.ts";

type Content = ActivityContent;
type Retention = Content["dataCategories"][number]["retention"];

export type ImportPatch = {
  name?: string;
  description?: string;
  internalContact?: string;
  implementationDate?: string;
  role?: (typeof ACTIVITY_ROLES)[number];
  regime?: (typeof REGIMES)[number];
  jointControllers?: Content["jointControllers"];
  processorFor?: Content["processorFor"];
  purposesMain?: string;
  purposesSub?: string[];
  legalBases?: Content["legalBases"];
  art9Conditions?: Content["art9Conditions"];
  art10Basis?: string;
  ledLegalBasis?: string;
  ledProfiling?: string;
  domain?: Content["domain"];
  dataSubjects?: Content["dataSubjects"];
  /** The categories named by the category columns (ordinary, sensitive, offences). */
  dataCategories?: { category: DataCategory; description?: string }[];
  /** Retention lines; category null = a period given for the whole activity. */
  retentions?: { category: DataCategory | null; retention: Retention; column?: string }[];
  recipients?: Content["recipients"];
  transfers?: Content["transfers"];
  securityMeasures?: Content["securityMeasures"];
  nextReviewAt?: string;
  lastReviewAt?: string;
  rightsExercise?: string;
  rightsInformation?: string;
  /** Text the import could not place in a structured field, kept in the description ("Header : value"). */
  notes: string[];
};

const has = <K extends keyof ImportPatch>(p: ImportPatch, k: K): boolean => Object.prototype.hasOwnProperty.call(p, k);

function pick<K extends keyof ImportPatch, V>(p: ImportPatch, k: K, existing: V): ImportPatch[K] | V {
  return has(p, k) ? p[k] : existing;
}

function appendNotes(description: string | undefined, notes: string[]): string | undefined {
  const lines = (description ?? "").split("\n");
  const extra = notes.filter((n) => !lines.includes(n));
  const out = [description ?? "", ...extra].filter((s) => s !== "").join("\n");
  return out === "" ? undefined : out;
}

function mergeCategories(patch: ImportPatch, existing: Content | undefined, warnings: ImportMessage[], notes: string[]): Content["dataCategories"] {
  const before = existing?.dataCategories ?? [];
  const old = new Map(before.map((d) => [d.category, d]));
  let list: Content["dataCategories"];
  if (patch.dataCategories !== undefined) {
    list = patch.dataCategories.map((d) => ({
      category: d.category,
      description: d.description,
      source: old.get(d.category)?.source,
      retention: old.get(d.category)?.retention ?? {},
    }));
  } else {
    list = before.map((d) => ({ ...d, retention: { ...d.retention } }));
  }
  if (patch.retentions !== undefined) {
    const specific = new Set<DataCategory>();
    // A retention column replaces the retention of the categories that remain.
    if (has(patch, "retentions")) for (const d of list) d.retention = {};
    for (const r of patch.retentions) {
      if (!r.category) continue;
      specific.add(r.category);
      const found = list.find((d) => d.category === r.category);
      if (found) found.retention = r.retention;
      else list.push({ category: r.category, description: undefined, source: old.get(r.category)?.source, retention: r.retention });
    }
    const generic = patch.retentions.filter((r) => r.category === null);
    if (generic.length > 0) {
      const merged: Retention = { ...generic[0]!.retention };
      for (const g of generic.slice(1)) {
        for (const k of ["activePeriod", "intermediatePeriod", "rule"] as const) {
          if (g.retention[k]) merged[k] = merged[k] ? `${merged[k]} ; ${g.retention[k]}` : g.retention[k];
        }
        merged.finalFate ??= g.retention.finalFate;
      }
      const targets = list.filter((d) => !specific.has(d.category));
      if (targets.length === 0) {
        warnings.push({ key: "import.warn.retentionWithoutCategory" });
        const text = [merged.activePeriod, merged.intermediatePeriod, merged.rule].filter(Boolean).join(" / ");
        notes.push(generic[0]!.column ? `${generic[0]!.column} : ${text}` : text);
      }
      for (const d of targets) d.retention = { ...merged };
    }
  }
  return list;
}

/** Warnings that depend on what the activity already holds: recomputed when a row updates an activity. */
export const MERGE_WARNINGS: readonly string[] = ["import.warn.retentionWithoutCategory"];

/** The content the activity will have: the patch over `existing` (or over an empty activity). */
export function buildContentInput(patch: ImportPatch, existing?: Content): { input: ActivityContentInput; warnings: ImportMessage[] } {
  const warnings: ImportMessage[] = [];
  const notes = [...patch.notes];
  const e = existing;
  const dataCategories = mergeCategories(patch, e, warnings, notes);
  const input: ActivityContentInput = {
    // Every field of the existing activity first: a field no column covers (whatever it is) is kept.
    ...e,
    name: pick(patch, "name", e?.name) ?? "",
    description: appendNotes(pick(patch, "description", e?.description), notes),
    internalContact: pick(patch, "internalContact", e?.internalContact),
    implementationDate: pick(patch, "implementationDate", e?.implementationDate),
    regime: pick(patch, "regime", e?.regime),
    role: pick(patch, "role", e?.role),
    jointControllers: pick(patch, "jointControllers", e?.jointControllers),
    processorFor: pick(patch, "processorFor", e?.processorFor),
    purposes: { main: pick(patch, "purposesMain", e?.purposes.main), sub: pick(patch, "purposesSub", e?.purposes.sub) ?? [] },
    legalBases: pick(patch, "legalBases", e?.legalBases),
    art9Conditions: pick(patch, "art9Conditions", e?.art9Conditions),
    art10Basis: pick(patch, "art10Basis", e?.art10Basis),
    ledLegalBasis: pick(patch, "ledLegalBasis", e?.ledLegalBasis),
    ledProfiling: pick(patch, "ledProfiling", e?.ledProfiling),
    domain: pick(patch, "domain", e?.domain),
    dataSubjects: pick(patch, "dataSubjects", e?.dataSubjects),
    dataCategories,
    recipients: pick(patch, "recipients", e?.recipients),
    transfers: pick(patch, "transfers", e?.transfers),
    securityMeasures: pick(patch, "securityMeasures", e?.securityMeasures),
    rights: { exercise: pick(patch, "rightsExercise", e?.rights.exercise), information: pick(patch, "rightsInformation", e?.rights.information) },
    riskFlags: e?.riskFlags,
    nextReviewAt: pick(patch, "nextReviewAt", e?.nextReviewAt),
    lastReviewAt: pick(patch, "lastReviewAt", e?.lastReviewAt),
  };
  return { input, warnings };
}

/** "errors.tooLong|{"max":200}" -> { key, params }. */
export function issueMessage(message: string, path: (string | number | symbol)[]): ImportMessage {
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  let params: Params | undefined;
  if (bar !== -1) {
    try {
      params = JSON.parse(message.slice(bar + 1)) as Params;
    } catch {
      params = undefined;
    }
  }
  return { key: isMessageKey(key) ? (key as MessageKey) : "errors.invalid", params, path: path.map(String).join(".") };
}

/** Validates with the one activity schema; its issues become messages with the field path. */
export function validateContent(input: ActivityContentInput): { content?: Content; errors: ImportMessage[] } {
  const parsed = ActivityContentSchema.safeParse(input);
  if (parsed.success) return { content: parsed.data, errors: [] };
  return { errors: parsed.error.issues.map((i) => issueMessage(i.message, i.path)) };
}

export function buildContent(patch: ImportPatch, existing?: Content): { content?: Content; errors: ImportMessage[]; warnings: ImportMessage[] } {
  const { input, warnings } = buildContentInput(patch, existing);
  const { content, errors } = validateContent(input);
  return { content, errors, warnings };
}
