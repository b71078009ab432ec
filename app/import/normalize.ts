/**
 * Text normalisation for matching spreadsheet headers and labels: lower case, no accents, ligatures
 * spelt out, every run of spaces and punctuation collapsed to one space. "Finalité principale :" and
 * "FINALITE  PRINCIPALE" both become "finalite principale".
 */

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l" };
const charCache = new Map<string, string>();

function foldChar(c: string): string {
  let out = charCache.get(c);
  if (out !== undefined) return out;
  const lower = c.toLowerCase();
  out = LIGATURES[lower] ?? lower.normalize("NFD").replace(/\p{M}+/gu, "");
  out = /^[\p{L}\p{N}]+$/u.test(out) ? out : "";
  if (charCache.size < 4096) charCache.set(c, out);
  return out;
}

/** The normalised form, and for each of its characters the index just after its source character. */
export function normWithMap(s: string): { text: string; ends: number[] } {
  let text = "";
  const ends: number[] = [];
  let pendingSpace = false;
  let i = 0;
  for (const c of s) {
    const start = i;
    i += c.length;
    const f = foldChar(c);
    if (f === "") {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += " ";
      ends.push(start);
      pendingSpace = false;
    }
    text += f;
    for (let k = 0; k < f.length; k++) ends.push(i);
  }
  return { text, ends };
}

export function norm(s: string): string {
  return normWithMap(s).text;
}

/**
 * If the normalised `s` starts with the normalised `prefix` on a word boundary, the rest of `s` after
 * the characters that matched (original text, untrimmed); otherwise null.
 */
export function stripPrefix(s: string, normPrefix: string, mapped = normWithMap(s)): string | null {
  if (!normPrefix || !mapped.text.startsWith(normPrefix)) return null;
  const next = mapped.text.charAt(normPrefix.length);
  if (next !== "" && next !== " ") return null;
  return s.slice(mapped.ends[normPrefix.length - 1]);
}

/** Splits a multi-valued cell: by line when it has several lines (as the exports write), else by ";". */
export function splitValues(cell: string): string[] {
  const parts = /[\r\n]/.test(cell) ? cell.split(/\r\n?|\n/) : cell.split(";");
  return parts.map((p) => p.trim().replace(/^[•·*]\s+|^-\s+/, "").trim()).filter((p) => p !== "" && !isNoneMarker(p));
}

const NONE_MARKERS = new Set(["", "non", "no", "aucun", "aucune", "none", "neant", "n a", "na", "sans objet", "nc", "sans"]);

/** "—", "-", "Non", "Aucun", "N/A", "Sans objet"… mean "nothing" in a register cell. */
export function isNoneMarker(s: string): boolean {
  return NONE_MARKERS.has(norm(s));
}

/**
 * Strips what separates a label from its detail: ":", "-", "—", spaces, and the closing bracket or
 * dot left over when the label matched without its punctuation ("Obligation légale (art. 6.1.c)").
 */
export function stripLead(s: string): string {
  return s.replace(/^[\s:：\-–—=).…\]]+/, "").trim();
}

/**
 * " (a, b)" at the very end of `s`, with balanced parentheses: returns [before, inside], or null.
 * Used to split "Label (detail)" as the exports write it.
 */
export function trailingParenthesis(s: string): [string, string] | null {
  const t = s.trimEnd();
  if (!t.endsWith(")")) return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === ")") depth++;
    else if (c === "(") {
      depth--;
      if (depth === 0) return [t.slice(0, i).trimEnd(), t.slice(i + 1, -1).trim()];
    }
  }
  return null;
}

export const YES = new Set(["oui", "yes", "o", "y", "x", "vrai", "true", "1"]);
export const NO = new Set(["non", "no", "n", "faux", "false", "0"]);
