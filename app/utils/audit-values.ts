/**
 * Before → after values of simple fields, stored in an audit event's details as `values` so the
 * readable audit log can show what changed, not only which field. Only scalar fields (text, number,
 * yes/no, date) are kept, long texts are cut, and anything that looks like a secret is never written
 * nor shown (defence in depth: no model passes one today).
 */

export type AuditValueChange = { field: string; from: string | null; to: string | null };

/** Longest value kept in the log (a long description is cut, its end marked with "…"). */
export const AUDIT_VALUE_MAX_LENGTH = 200;
/** Most value changes kept for one event (the `fields` list still names every changed field). */
export const AUDIT_VALUES_MAX = 30;

const SECRET = /pass(word)?|hash|secret|token|salt|credential|api_?key|private|otp|totp/i;

export function isSecretField(field: string): boolean {
  return SECRET.test(field);
}

function cut(s: string): string {
  return s.length > AUDIT_VALUE_MAX_LENGTH ? `${s.slice(0, AUDIT_VALUE_MAX_LENGTH - 1)}…` : s;
}

/** A scalar in the log's text form; undefined when the value is not simple (object, list). */
function simple(v: unknown): string | null | undefined {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return cut(v);
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return undefined;
}

/** The simple fields among `keys` whose value differs between `before` and `after`. */
export function valueChanges(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): AuditValueChange[] {
  const out: AuditValueChange[] = [];
  for (const field of keys) {
    if (isSecretField(field)) continue;
    const from = simple(before[field]);
    const to = simple(after[field]);
    if (from === undefined || to === undefined || from === to) continue;
    out.push({ field, from, to });
  }
  return out.slice(0, AUDIT_VALUES_MAX);
}

/** Rows of an activity diff (already flattened to text) on simple paths: no list item, no secret. */
export function activityValueChanges(rows: readonly { path: string; before: string | null; after: string | null }[]): AuditValueChange[] {
  return rows
    .filter((r) => !r.path.includes("[") && !isSecretField(r.path))
    .map((r) => ({ field: r.path, from: r.before === null ? null : cut(r.before), to: r.after === null ? null : cut(r.after) }))
    .slice(0, AUDIT_VALUES_MAX);
}

/** The `values` of stored details, checked: malformed entries and secret fields are dropped. */
export function readValueChanges(values: unknown): AuditValueChange[] {
  if (!Array.isArray(values)) return [];
  const text = (v: unknown): v is string | null => v === null || typeof v === "string";
  return values
    .filter((v): v is AuditValueChange => {
      if (typeof v !== "object" || v === null) return false;
      const o = v as Record<string, unknown>;
      return typeof o.field === "string" && text(o.from) && text(o.to) && !isSecretField(o.field);
    })
    .slice(0, AUDIT_VALUES_MAX);
}
