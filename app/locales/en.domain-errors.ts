import type { frDomainErrors } from "./fr.domain-errors.ts";

export const enDomainErrors: Record<keyof typeof frDomainErrors, string> = {
  "domainErrors.refusedTitle": "Request refused",
  "domainErrors.conflictTitle": "Concurrent change",
  "domainErrors.setupClosed": "Setup is already done: sign in.",
  "domainErrors.invalidBackup": "This backup cannot be restored: {reason}.",
};
