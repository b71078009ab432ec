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
export const TRANSFER_SAFEGUARDS = ["adequacy", "scc", "bcr", "art46_2a", "art46_3b", "code_of_conduct", "certification", "art49_derogation", "none"] as const;
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
  // Decisions with legal or similarly significant effects are based on an evaluation (Art. 35(3)(a)), even when a person takes them.
  "decisionEffects",
] as const;

/**
 * The area an activity belongs to, asked as an explicit question: the CNIL lists (délibérations 2018-327
 * and 2019-118) are defined by area, so screening suggestions come from this answer, never from keywords.
 */
export const ACTIVITY_DOMAINS = [
  "hr", // staff management (exempt type 1 below 250 staff; CNIL list types 3 and 4 when profiling or monitoring)
  "electoral_roll", // management of the commune's electoral roll (exempt type 3)
  "suppliers", // supplier relationship management (exempt type 2)
  "works_council", // comités d'entreprise et d'établissement (exempt type 4)
  "school_childhood", // school, after-school and early-childhood services (exempt type 10)
  "access_time", // physical access control and working time, no biometrics (exempt type 11)
  "social_housing", // social-housing applications (CNIL list type 12)
  "social_support", // social or social-care support (CNIL list type 13)
  "whistleblowing", // professional alerts (CNIL list type 6)
  "patient_care", // health data processed for patient care (CNIL list type 1)
  "other",
] as const;
export type ActivityDomain = (typeof ACTIVITY_DOMAINS)[number];

export const ACTIVITY_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "ARCHIVED"] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export function isSensitiveCategory(c: string): boolean {
  return (SENSITIVE_DATA_CATEGORIES as readonly string[]).includes(c);
}
