/** The subscriber's signed DPA with a shared vendor (issue 14, ADR 020). */
export const frCatalogueDpa = {
  "catalogueDpa.delete": "Supprimer le contrat signé",
  "catalogueDpa.done.uploaded": "Contrat signé enregistré.",
  "catalogueDpa.done.deleted": "Contrat signé supprimé.",
  "auditLog.action.catalogue.contract_dpa_uploaded": "a déposé son contrat de sous-traitance signé avec le prestataire partagé",
  "auditLog.action.catalogue.contract_dpa_deleted": "a supprimé son contrat de sous-traitance signé avec le prestataire partagé",
} as const;
