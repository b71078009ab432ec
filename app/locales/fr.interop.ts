/** Fichiers échangés avec d'autres outils (outil PIA de la CNIL, tableurs, ré-import, vérification). */
export const frInterop = {
  "dpia.measurePlaceholder": "Décrivez comment la mesure « {title} » est mise en œuvre pour ce traitement.",
  "dpia.opinion.subjectsNames": "Personnes concernées consultées (noms ou représentants)",
  "dpia.opinion.subjectsFavourable": "Avis des personnes concernées favorable ?",
  "dpia.risk.severityText": "Justification de la gravité",
  "dpia.risk.likelihoodText": "Justification de la vraisemblance",
} as const;
