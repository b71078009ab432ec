/**
 * Legal vocabularies of the register (GDPR Art. 6, 9, 10, 30; the CNIL register model, 2018/2019).
 * Codes only: their French and English labels are i18n keys `vocab.<list>.<code>`.
 */
export const VOCABULARIES_AS_OF = "2026-11-28";

export const REGIMES = ["GDPR", "LED"] as const; // LED: Directive 2016/680, Loi Informatique et Libertés Titre III
export const ACTIVITY_ROLES = ["CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR"] as const;

/** Art. 6(1)(a)-(f), with (e) split into public interest and official authority. */
export const LEGAL_BASES = ["a", "b", "c", "d", "e_public_interest", "e_official_authority", "f"] as const;

/** Art. 9(2)(a)-(j). */
export const ART9_CONDITIONS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] as const;

export const DATA_SUBJECT_CATEGORIES = [
  "residents",
  "service_users",
  "agents",
  "elected_members",
  "children",
  "families",
  "applicants",
  "suppliers",
  "vulnerable",
  "visitors",
  "other",
] as const;

export const ORDINARY_DATA_CATEGORIES = ["identity", "personal_life", "professional_life", "economic", "connection", "location", "nir"] as const;
export const SENSITIVE_DATA_CATEGORIES = ["racial_ethnic", "political", "religious", "trade_union", "genetic", "biometric", "health", "sex_life"] as const;
export const OFFENCE_DATA_CATEGORY = "offences" as const;
export const DATA_CATEGORIES = [...ORDINARY_DATA_CATEGORIES, ...SENSITIVE_DATA_CATEGORIES, OFFENCE_DATA_CATEGORY] as const;

export const FINAL_FATES = ["destruction", "archives", "sorting", "undetermined"] as const;
export const RECIPIENT_TYPES = ["internal", "processor", "institutional", "third_country", "other"] as const;
export const TRANSFER_SAFEGUARDS = [
  "adequacy",
  "scc",
  "bcr",
  "art46_2a",
  "art46_3b",
  "code_of_conduct",
  "certification",
  "art49_derogation",
  "none",
] as const;
export const SECURITY_MEASURES = [
  "logging",
  "software_protection",
  "backups",
  "encryption",
  "access_control",
  "processor_control",
  "physical_security",
  "awareness",
  "other",
] as const;
export const RISK_FLAGS = [
  "largeScale",
  "systematicMonitoring",
  "profiling",
  "automatedDecision",
  "combiningDatasets",
  "innovativeTechnology",
  "vulnerableSubjects",
  "preventsRightOrService",
] as const;

export const ACTIVITY_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "ARCHIVED"] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export function isSensitiveCategory(c: string): boolean {
  return (SENSITIVE_DATA_CATEGORIES as readonly string[]).includes(c);
}
