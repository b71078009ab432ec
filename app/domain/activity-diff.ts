/** Field-level diff between two states of an activity, as rows a person can read. */

export type DiffRow = { path: string; before: string | null; after: string | null };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function scalar(v: Json | undefined): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** Flattens to "dataCategories[2].retention.activePeriod" -> value; array items keep their position. */
export function flatten(value: Json | undefined, prefix = "", out = new Map<string, string | null>()): Map<string, string | null> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    const s = scalar(value);
    if (s !== null) out.set(prefix, s);
  }
  return out;
}

/** Rows in a stable order: every path present in either side whose value differs. */
export function diffContents(
  before: unknown,
  after: unknown,
  extra: { before?: Record<string, string | null>; after?: Record<string, string | null> } = {},
): DiffRow[] {
  const a = flatten(before as Json);
  const b = flatten(after as Json);
  for (const [k, v] of Object.entries(extra.before ?? {})) if (v) a.set(k, v);
  for (const [k, v] of Object.entries(extra.after ?? {})) if (v) b.set(k, v);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const order = (p: string) => p.replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(4, "0")}]`);
  paths.sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  return paths.flatMap((path) => {
    const x = a.get(path) ?? null;
    const y = b.get(path) ?? null;
    return x === y ? [] : [{ path, before: x, after: y }];
  });
}

/** "dataCategories[2].retention.activePeriod" -> ["dataCategories", 3, "retention", "activePeriod"] (1-based items) for labels. */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const seg of path.split(".")) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    parts.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]) + 1);
  }
  return parts;
}
