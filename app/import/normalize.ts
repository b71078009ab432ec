/**
 * Text normalisation for matching spreadsheet headers and labels: lower case, no accents, ligatures
 * spelt out, every run of spaces and punctuation collapsed to one space. "Finalité principale :" and
 * "FINALITE  PRINCIPALE" both become "finalite principale".
 */
import { decodeBulletCell } from "~/documents/list-cell.ts";

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l" };
const charCache = new Map<number, string>();

/** Folded form of a non-ASCII code point: "" for punctuation and spaces. */
function foldCodePoint(cp: number): string {
  let out = charCache.get(cp);
  if (out !== undefined) return out;
  const lower = String.fromCodePoint(cp).toLowerCase();
  out = LIGATURES[lower] ?? lower.normalize("NFD").replace(/\p{M}+/gu, "");
  out = /^[\p{L}\p{N}]+$/u.test(out) ? out : "";
  if (charCache.size < 8192) charCache.set(cp, out);
  return out;
}

/**
 * Walks `s` once, calling `emit(folded, endIndex)` for each kept piece; ASCII takes a fast path.
 * Runs of anything else become one space between words.
 */
function fold(s: string, emit: (piece: string, end: number) => void): void {
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < s.length;) {
    const code = s.charCodeAt(i);
    let piece: string;
    let next: number;
    if (code < 0x80) {
      next = i + 1;
      if (code >= 0x61 && code <= 0x7a) piece = s[i]!;
      else if (code >= 0x41 && code <= 0x5a) piece = String.fromCharCode(code + 32);
      else if (code >= 0x30 && code <= 0x39) piece = s[i]!;
      else piece = "";
    } else {
      const cp = s.codePointAt(i)!;
      next = i + (cp > 0xffff ? 2 : 1);
      piece = foldCodePoint(cp);
    }
    if (piece === "") {
      pendingSpace = started;
    } else {
      if (pendingSpace) {
        emit(" ", i);
        pendingSpace = false;
      }
      emit(piece, next);
      started = true;
    }
    i = next;
  }
}

/** The normalised form, and for each of its characters the index just after its source character. */
export function normWithMap(s: string): { text: string; ends: number[] } {
  let text = "";
  const ends: number[] = [];
  fold(s, (piece, end) => {
    text += piece;
    for (let k = 0; k < piece.length; k++) ends.push(end);
  });
  return { text, ends };
}

export function norm(s: string): string {
  let text = "";
  fold(s, (piece) => {
    text += piece;
  });
  return text;
}

/**
 * If the normalised `s` starts with the normalised `prefix` on a word boundary, the rest of `s` after
 * the characters that matched (original text, untrimmed); otherwise null.
 */
export function stripPrefix(s: string, normPrefix: string, normalised = norm(s)): string | null {
  if (!normPrefix || !normalised.startsWith(normPrefix)) return null;
  const next = normalised.charAt(normPrefix.length);
  if (next !== "" && next !== " ") return null;
  return s.slice(normWithMap(s).ends[normPrefix.length - 1]);
}

/**
 * Splits a multi-valued cell: the bullet form of the exports exactly (documents/list-cell.ts: each value
 * whole, line breaks and ";" included), else by line when it has several lines, else by ";".
 */
export function splitValues(cell: string): string[] {
  const bullets = decodeBulletCell(cell);
  if (bullets) return bullets.map((v) => v.trim()).filter((v) => v !== "");
  const parts = /[\r\n]/.test(cell) ? cell.split(/\r\n?|\n/) : cell.split(";");
  return parts
    .map((p) =>
      p
        .trim()
        .replace(/^[•·*]\s+|^-\s+/, "")
        .trim(),
    )
    .filter((p) => p !== "" && !isNoneMarker(p));
}

const NONE_MARKERS = new Set(["", "non", "no", "aucun", "aucune", "none", "neant", "n a", "na", "sans objet", "nc", "sans"]);

/** "—", "-", "Non", "Aucun", "N/A", "Sans objet"… mean "nothing" in a register cell. */
export function isNoneMarker(s: string): boolean {
  return s.length <= 12 && NONE_MARKERS.has(norm(s));
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
