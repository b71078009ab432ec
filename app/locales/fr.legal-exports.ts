/** Issue 10, second part: the legal facts in the exports (PDF, CSV/XLSX, import) and the prefilled keys. */
export const frLegalExports = {
  "guided.key.domain": "Domaine du traitement",
  "guided.key.ledLegalBasis": "Base légale (directive Police-Justice)",
  "guided.key.ledProfiling": "Profilage (directive Police-Justice)",
} as const;
