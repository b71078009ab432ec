/** Register ZIP jobs kept across restarts (issue 14, ADR 019). */
export const frZipJobs = {
  "zipJobs.interrupted":
    "La génération a été interrompue par un redémarrage du serveur. Les registres déjà générés figurent dans le journal des exports de chaque organisation.",
  "zipJobs.restart": "Relancer la génération",
  "zipJobs.retention": "Le ZIP reste disponible {days, plural, one {# jour} other {# jours}}.",
  "zipJobs.noLongerAllowed": "Vous n'avez plus accès à toutes les organisations de ce ZIP : il ne peut plus être téléchargé.",
} as const;
