/**
 * Prefilled paths: the top-level keys of an activity's content that came from a template (or an
 * import) and that nobody has confirmed yet. Stored on the Activity row as a JSON string array.
 * Pure: shared by the template library, the guided declaration, the full form and the activity page.
 */
import type { ActivityContent } from "~/schemas/activity.ts";

/** Every top-level key of ActivityContent, in the order of the full form. */
export const CONTENT_KEYS = [
  "name",
  "description",
  "internalContact",
  "implementationDate",
  "regime",
  "role",
  "jointControllers",
  "processorFor",
  "purposes",
  "legalBases",
  "art9Conditions",
  "art10Basis",
  "ledLegalBasis",
  "ledProfiling",
  "domain",
  "dataSubjects",
  "dataCategories",
  "recipients",
  "transfers",
  "securityMeasures",
  "rights",
  "riskFlags",
  "nextReviewAt",
  "lastReviewAt",
] as const satisfies readonly (keyof ActivityContent)[];
export type ContentKey = (typeof CONTENT_KEYS)[number];

export function isContentKey(v: unknown): v is ContentKey {
  return typeof v === "string" && (CONTENT_KEYS as readonly string[]).includes(v);
}

/**
 * The keys a template actually filled: non-empty text, non-empty lists, purposes and rights with
 * something in them, at least one risk criterion, a regime or role other than the default. The name
 * is left out: whoever starts from a template names the draft (or keeps the title) on purpose.
 */
export function filledContentKeys(c: ActivityContent): ContentKey[] {
  const filled = (k: ContentKey): boolean => {
    switch (k) {
      case "name":
        return false;
      case "regime":
        return c.regime !== "GDPR";
      case "role":
        return c.role !== "CONTROLLER";
      case "purposes":
        return Boolean(c.purposes.main) || c.purposes.sub.length > 0;
      case "rights":
        return Boolean(c.rights.exercise) || Boolean(c.rights.information);
      case "riskFlags":
        return Object.values(c.riskFlags).some(Boolean);
      default: {
        const v = c[k];
        return Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null;
      }
    }
  };
  return CONTENT_KEYS.filter(filled);
}

/** The stored list, read defensively: unknown keys and malformed JSON are dropped. */
export function parsePrefilledPaths(json: string | null | undefined): ContentKey[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? CONTENT_KEYS.filter((k) => v.includes(k)) : [];
  } catch {
    return [];
  }
}

/**
 * What remains prefilled once `confirmed` (form values, e.g. formData.getAll("confirmPrefilled")) are
 * ticked. `allowed` limits the confirmation to the keys the submitted form actually showed.
 */
export function withoutConfirmed(prefilled: readonly ContentKey[], confirmed: readonly unknown[], allowed?: readonly ContentKey[]): ContentKey[] {
  const ticked = new Set(confirmed.filter((v): v is ContentKey => isContentKey(v) && (!allowed || allowed.includes(v))));
  return prefilled.filter((k) => !ticked.has(k));
}
