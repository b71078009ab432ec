/** Words for the rows of an activity diff (history page, audit log): field paths and values in the reader's language. */
import { pathParts } from "./activity-diff.ts";
import type { Translator } from "~/utils/i18n.ts";

/** The translator of either side: the server holds every message, the browser its language's client messages. */
type Words = Pick<Translator, "t" | "has">;

/** Vocabulary list for a diff value, by the field it belongs to. */
function vocabPrefix(parts: (string | number)[]): string | null {
  const last = parts[parts.length - 1];
  switch (last) {
    case "basis":
      return "vocab.legalBasis";
    case "category":
      return parts[0] === "dataSubjects" ? "vocab.dataSubject" : parts[0] === "dataCategories" ? "vocab.dataCategory" : null;
    case "finalFate":
      return "vocab.finalFate";
    case "type":
      return "vocab.recipientType";
    case "safeguard":
      return "vocab.safeguard";
    case "measure":
      return "vocab.security";
    case "condition":
      return "vocab.art9";
    case "regime":
      return "vocab.regime";
    case "role":
      return "vocab.role";
    default:
      return null;
  }
}

const DATE_FIELDS = new Set(["implementationDate", "nextReviewAt", "lastReviewAt"]);

/** "dataCategories[1].retention.activePeriod" -> "Catégories de données › 2 › Conservation › Durée active". */
export function pathLabel(w: Words, path: string): string {
  return labelParts(w, path)
    .map((p) => p.label)
    .join(" › ");
}

/** The same label, or null when a part of the path has no translation (never a raw field name). */
export function pathLabelOrNull(w: Words, path: string): string | null {
  const parts = labelParts(w, path);
  return parts.every((p) => p.translated) ? parts.map((p) => p.label).join(" › ") : null;
}

function labelParts({ t, has }: Words, path: string): { label: string; translated: boolean }[] {
  let parent: string | null = null;
  return pathParts(path).map((p) => {
    if (typeof p === "number") return { label: String(p), translated: true };
    const contextual = parent ? `activityView.path.${parent}.${p}` : null;
    parent = p;
    if (contextual && has(contextual)) return { label: t(contextual), translated: true };
    const key = `activityView.path.${p}`;
    return has(key) ? { label: t(key), translated: true } : { label: p, translated: false };
  });
}

export function diffValue({ t, has }: Words, formatDate: (d: string) => string, path: string, value: string): string {
  const parts = pathParts(path);
  const prefix = vocabPrefix(parts);
  if (prefix) {
    const key = `${prefix}.${value}`;
    return has(key) ? t(key) : value;
  }
  if (parts[0] === "riskFlags") return value === "true" ? t("activityView.yes") : t("activityView.no");
  if (parts.length === 1 && typeof parts[0] === "string" && DATE_FIELDS.has(parts[0]) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}
