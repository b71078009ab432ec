/** The subscriber's signed DPA with a shared vendor (issue 14, ADR 020). */
import type { frCatalogueDpa } from "./fr.catalogue-dpa.ts";

export const enCatalogueDpa: Record<keyof typeof frCatalogueDpa, string> = {
  "catalogueDpa.delete": "Delete the signed agreement",
  "catalogueDpa.done.uploaded": "Signed agreement saved.",
  "catalogueDpa.done.deleted": "Signed agreement deleted.",
  "auditLog.action.catalogue.contract_dpa_uploaded": "uploaded its signed data processing agreement with the shared vendor",
  "auditLog.action.catalogue.contract_dpa_deleted": "deleted its signed data processing agreement with the shared vendor",
};
