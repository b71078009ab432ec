/** Refusals of the domain (ADR 017): the page shown when no form can carry the message. */
export const frDomainErrors = {
  "domainErrors.refusedTitle": "Demande refusée",
  "domainErrors.conflictTitle": "Modification concurrente",
  "domainErrors.setupClosed": "L'installation est déjà faite : connectez-vous.",
  "domainErrors.invalidBackup": "Cette sauvegarde ne peut pas être restaurée : {reason}.",
} as const;
