/**
 * Turns a stored audit event into what a person reads: who, did what, to which item, and which
 * fields changed, all in the user's language. Never returns an action code, JSON or an internal id:
 * an unknown action reads "performed an action", an unknown field "another field".
 */
import type { ReadableAuditEvent } from "~/models/audit-log.server.ts";
import { countryName } from "~/reference/countries.ts";
import { pathLabelOrNull, diffValue } from "./activity-diff-labels.ts";
import { readValueChanges } from "~/utils/audit-values.ts";
import { DEFAULT_LOCALE, formatDate, type Locale, type MessageKey, type T } from "~/utils/i18n.ts";
import { isMessageKey } from "~/utils/messages.server.ts";

export type AuditSentence = {
  person: string;
  action: string;
  object: { label: string; href: string | null } | null;
  changes: string[];
};

function label(t: T, candidates: string[], fallback: string): string {
  const key = candidates.find((k) => isMessageKey(k));
  return key ? t(key as MessageKey) : fallback;
}

/** Organization fields whose label key is not `fields.<name>`. */
const ORGANIZATION_FIELD_KEYS: Record<string, string> = {
  name: "fields.orgName",
  defaultLocale: "fields.defaultLanguage",
  accessibilityContact: "accessibility.settings.contact",
};

/** The readable name of a field an event says was changed. */
function fieldLabel(t: T, entity: string, path: string): string {
  const top = path.split(/[.[]/)[0] ?? path;
  if (entity === "Activity") return label(t, top === "department" ? ["activityForm.field.departmentId"] : [`guided.key.${top}`], t("auditLog.otherField"));
  if (entity === "Vendor") return label(t, [`vendors.field.${top}`], t("auditLog.otherField"));
  if (entity === "Organization") return label(t, [`fields.${top}`, ORGANIZATION_FIELD_KEYS[top] ?? ""], t("auditLog.otherField"));
  if (entity === "Dpia") return label(t, [`dpia.section.${top}`, `dpia.field.${top}`], t("auditLog.otherField"));
  if (entity === "Service")
    return label(t, [top === "secNumCloudQualified" ? "vendors.service.secNumCloud" : `vendors.service.${top}`], t("auditLog.otherField"));
  return label(t, [`activityForm.field.${top}`], t("auditLog.otherField"));
}

/** A status or role code from `from`/`to`, in words; null when it is not a known value. */
function valueLabel(t: T, entity: string, v: unknown): string | null {
  if (typeof v !== "string") return null;
  const candidates = entity === "Membership" ? [`roles.${v}`] : entity === "Dpia" ? [`dpia.status.${v}`] : [`vocab.status.${v}`];
  const key = candidates.find((k) => isMessageKey(k));
  return key ? t(key as MessageKey) : null;
}

const LANGUAGE_NAMES: Record<string, string> = { fr: "Français", en: "English" };
const COUNTRY_FIELDS = new Set(["country", "parentCountry"]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One stored before/after value in words: vocabulary, yes/no, country and language names, dates. */
function changeValue(t: T, locale: Locale, entity: string, field: string, v: string | null): string {
  if (v === null) return t("auditLog.empty");
  const day = (d: string) => (ISO_DAY.test(d) ? formatDate(locale, `${d}T12:00:00Z`) : d);
  if (entity === "Activity" && field !== "department") return day(diffValue({ t, has: isMessageKey }, day, field, v));
  if (v === "true" || v === "false") return t(v === "true" ? "activityView.yes" : "activityView.no");
  if (COUNTRY_FIELDS.has(field)) return countryName(v, locale);
  if (field === "defaultLocale") return LANGUAGE_NAMES[v] ?? v;
  if (field === "dpaStatus") return label(t, [`vendors.dpaStatus.${v}`], v);
  return day(v);
}

/** "Field: before → after" for each simple field the event recorded the values of. */
function valueLines(t: T, locale: Locale, e: ReadableAuditEvent): string[] {
  return readValueChanges(e.details.values).map((c) =>
    t("auditLog.change", {
      field:
        e.entity === "Activity" && c.field !== "department"
          ? (pathLabelOrNull({ t, has: isMessageKey }, c.field) ?? fieldLabel(t, e.entity, c.field))
          : fieldLabel(t, e.entity, c.field),
      from: changeValue(t, locale, e.entity, c.field, c.from),
      to: changeValue(t, locale, e.entity, c.field, c.to),
    }),
  );
}

export function actionLabel(t: T, action: string): string {
  const key = `auditLog.action.${action}`;
  return isMessageKey(key) ? t(key) : t("auditLog.action.other");
}

export function entityLabel(t: T, entity: string): string {
  const key = `auditLog.entity.${entity}`;
  return isMessageKey(key) ? t(key) : t("auditLog.otherField");
}

/** `locale` formats dates and country names in values (the language `t` speaks). */
export function describeAuditEvent(t: T, e: ReadableAuditEvent, locale: Locale = DEFAULT_LOCALE): AuditSentence {
  const d = e.details;
  const person = e.system ? t("auditLog.system") : (e.actorName ?? t("auditLog.someone"));
  let object: AuditSentence["object"] = e.target.label
    ? { label: e.target.deleted ? `${e.target.label} ${t("auditLog.deletedItem")}` : e.target.label, href: e.target.href }
    : null;
  if (e.entity === "Export") {
    const format = typeof d.format === "string" ? label(t, [`exports.format.${d.format.replace(/-/g, "_")}`], d.format.toUpperCase()) : "";
    object = { label: t("auditLog.export", { format }), href: e.target.href };
  }
  if (!object && e.target.deleted) object = { label: t("auditLog.deletedItem"), href: null };
  // The actor is the object of "signed in", "changed their password": no need to repeat it.
  if ((e.entity === "User" || e.entity === "Session") && (e.target.label === e.actorName || e.target.label === null)) object = null;
  if (e.action === "invitation.accepted" || e.action === "setup.completed") object = object?.href ? object : null;

  const changes: string[] = [];
  if (Array.isArray(d.fields)) {
    const labels = [...new Set(d.fields.filter((f): f is string => typeof f === "string").map((f) => fieldLabel(t, e.entity, f)))];
    if (labels.length) changes.push(t("auditLog.changedFields", { fields: labels.join(", ") }));
  }
  changes.push(...valueLines(t, locale, e));
  const from = valueLabel(t, e.entity, d.from);
  const to = valueLabel(t, e.entity, d.to);
  if (from && to) changes.push(`${from} → ${to}`);
  if (e.action === "department.renamed" && typeof d.name === "string") changes.push(d.name);
  if (e.action === "import.committed")
    changes.push(t("auditLog.import", { rows: Number(d.rows ?? 0), created: Number(d.created ?? 0), updated: Number(d.updated ?? 0) }));
  if (typeof d.reason === "string" && d.reason.trim()) changes.push(d.reason);
  return { person, action: actionLabel(t, e.action), object, changes };
}
