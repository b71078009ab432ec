/** Niveaux d'exposition du portefeuille recalculés en arrière-plan (issue 14, ADR 022). */
export const frExposureRefresh = {
  "exposureRefresh.updating": "mise à jour en cours",
  "exposureRefresh.notice":
    "{count, plural, one {Le niveau d'exposition d'# organisation est en cours de mise à jour : sa ligne montre le dernier niveau connu.} other {Les niveaux d'exposition de # organisations sont en cours de mise à jour : leurs lignes montrent le dernier niveau connu.}} Le filtre « Exposition modifiée seulement » en tiendra compte une fois la mise à jour faite.",
  "exposureRefresh.reload": "Recharger le portefeuille",
} as const;
