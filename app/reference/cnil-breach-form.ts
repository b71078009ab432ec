/**
 * Section order of the CNIL's online breach notification form ("Notifier une violation de données
 * personnelles", téléservice notifications.cnil.fr). As of 2026-12-02, from the form's public
 * description; check it again when the CNIL changes its form [verify]. The plain-text draft follows
 * this order so each block can be pasted into the matching step.
 */
export const CNIL_FORM_AS_OF = "2026-12-02";

export const CNIL_FORM_SECTIONS = [
  "notificationType",
  "organization",
  "chronology",
  "nature",
  "data",
  "subjects",
  "consequences",
  "measures",
  "information",
  "crossBorder",
] as const;
export type CnilFormSection = (typeof CNIL_FORM_SECTIONS)[number];
