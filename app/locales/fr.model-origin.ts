/** Issue 14 (ADR 020): on an activity's page, the model activity it was proposed from. */
export const frModelOrigin = {
  "activityView.modelOrigin": "Issue de l'activité modèle « {model} » (version {version}) de {owner}.",
  "activityView.modelUpdate": "La version {version} du modèle attend votre décision.",
} as const;
