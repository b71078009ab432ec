/**
 * Several values in one spreadsheet cell (ADR 008). The usual form is one value per line, which people
 * read and type. A value that would be misread that way — it has a line break, or starts like a list
 * marker, or is alone on its line with a ";" (registers kept by hand separate values with it) —
 * switches the whole cell to the bullet form, which cannot collide with the text:
 *   "• " starts each value; the next lines of a value follow as they are, and a line of a value that
 *   itself starts with "•" or "\" is written with a "\" in front.
 * So "a ; b" stays one value, a value keeps its line breaks, and the cell is still readable.
 * An empty list is an empty cell. A value that reads as "nothing" on its own ("Non", "—", "Aucun"…:
 * what hand-kept registers write for an empty list) is written in the bullet form too, "• Non", so that
 * it stays a value.
 */
import { isNoneMarker } from "~/import/normalize.ts";

const BULLET = "• ";
/** A value that one-per-line reading would split or cut: a line break, a list marker in front. (Spaces around a value do not count: the record trims them.) */
const NEEDS_BULLETS = /[\r\n]|^\s*(?:[•·*]|-)\s/;

export function encodeListCell(values: string[]): string {
  // A single line is split on ";" when read (hand-kept registers): a lone value with a ";" needs bullets too.
  const plain = !values.some((v) => NEEDS_BULLETS.test(v) || isNoneMarker(v.trim())) && !(values.length === 1 && values[0]!.includes(";"));
  if (plain) return values.join("\n");
  return values
    .map((v) =>
      v
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line, i) => (i === 0 ? `${BULLET}${line}` : /^[•\\]/.test(line) ? `\\${line}` : line))
        .join("\n"),
    )
    .join("\n");
}

/** The values of a bullet-form cell, or null when the cell is not in that form (its first line is not a bullet). */
export function decodeBulletCell(cell: string): string[] | null {
  const lines = cell.replace(/\r\n?/g, "\n").split("\n");
  if (!lines[0]!.startsWith(BULLET)) return null;
  const values: string[] = [];
  for (const line of lines) {
    if (line.startsWith(BULLET)) values.push(line.slice(BULLET.length));
    else values[values.length - 1] += `\n${line.startsWith("\\") ? line.slice(1) : line}`;
  }
  return values;
}
