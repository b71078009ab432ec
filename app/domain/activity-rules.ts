/** Pure rules on an activity's content: completeness against Art. 30, and legal warnings. */
import type { ActivityContent, CompletenessItem } from "~/schemas/activity.ts";
import { isSensitiveCategory, OFFENCE_DATA_CATEGORY } from "~/reference/vocabularies.ts";

// The item list is part of the export schema, so it lives in schemas/ (a lower layer); rules import it.
export { COMPLETENESS_ITEMS, type CompletenessItem } from "~/schemas/activity.ts";

export type Completeness = { score: number; missing: CompletenessItem[]; applicable: CompletenessItem[] };

export function hasSensitiveData(c: ActivityContent): boolean {
  return c.dataCategories.some((d) => isSensitiveCategory(d.category));
}

export function hasOffenceData(c: ActivityContent): boolean {
  return c.dataCategories.some((d) => d.category === OFFENCE_DATA_CATEGORY);
}

/** Which items apply to this activity, and which of them are missing; the score is the share present. */
export function computeCompleteness(c: ActivityContent, departmentId: string | null): Completeness {
  const checks: [CompletenessItem, boolean, boolean][] = [
    // [item, applies, present]
    ["department", true, departmentId !== null],
    ["purposes", true, Boolean(c.purposes.main)],
    ["legalBases", c.regime === "GDPR", c.legalBases.length > 0],
    ["art9Conditions", hasSensitiveData(c), c.art9Conditions.length > 0],
    // Art. 10 is a GDPR article; a law-enforcement (LED) activity records its own legal basis instead.
    ["art10Basis", c.regime === "GDPR" && hasOffenceData(c), Boolean(c.art10Basis)],
    ["ledLegalBasis", c.regime === "LED", Boolean(c.ledLegalBasis)],
    ["jointControllers", c.role === "JOINT_CONTROLLER", c.jointControllers.length > 0],
    ["processorFor", c.role === "PROCESSOR", c.processorFor.length > 0],
    ["dataSubjects", true, c.dataSubjects.length > 0],
    ["dataCategories", true, c.dataCategories.length > 0],
    ["retention", c.dataCategories.length > 0, c.dataCategories.every((d) => Boolean(d.retention.activePeriod) && Boolean(d.retention.finalFate))],
    ["recipients", true, c.recipients.length > 0],
    ["transfers", c.recipients.some((r) => r.type === "third_country"), c.transfers.length > 0],
    ["securityMeasures", true, c.securityMeasures.length > 0],
    ["rights", true, Boolean(c.rights.exercise) && Boolean(c.rights.information)],
    ["nextReview", true, Boolean(c.nextReviewAt)],
  ];
  const applicable = checks.filter(([, applies]) => applies).map(([item]) => item);
  const missing = checks.filter(([, applies, present]) => applies && !present).map(([item]) => item);
  const score = applicable.length === 0 ? 100 : Math.round(((applicable.length - missing.length) / applicable.length) * 100);
  return { score, missing, applicable };
}

export const WARNINGS = ["legitimateInterestPublicAuthority", "ledWithGdprBasis", "consentPublicAuthority", "transferWithoutSafeguard", "nirUse"] as const;
export type ActivityWarning = (typeof WARNINGS)[number];

/** Warnings for a public body (a commune is one): each is a message key `warnings.<name>`. */
export function computeWarnings(c: ActivityContent): ActivityWarning[] {
  const w: ActivityWarning[] = [];
  if (c.regime === "GDPR" && c.legalBases.some((b) => b.basis === "f")) w.push("legitimateInterestPublicAuthority");
  if (c.regime === "LED" && c.legalBases.some((b) => b.basis === "a" || b.basis === "f")) w.push("ledWithGdprBasis");
  if (c.legalBases.length > 0 && c.legalBases.every((b) => b.basis === "a")) w.push("consentPublicAuthority");
  if (c.transfers.some((t) => t.safeguard === "none")) w.push("transferWithoutSafeguard");
  if (c.dataCategories.some((d) => d.category === "nir")) w.push("nirUse");
  return w;
}
