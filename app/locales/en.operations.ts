import type { frOperations } from "./fr.operations.ts";

export const enOperations: Record<keyof typeof frOperations, string> = {
  "errors.invitationForbidden":
    "This invitation cannot be accepted: it would change this account's role beyond what the person who sent it may grant. Ask for a new invitation.",
  "errors.invitationLastAdmin": "This invitation cannot be accepted: the organisation would be left without an administrator.",
  "shares.ipRetention": "Recipients' IP addresses are personal data: they are erased after {days} days.",
  "shares.ipHidden": "Recipients' IP addresses are visible to the DPO and administrators only.",
  "pdf.cover.auditAnchor": "Audit log anchor",
  "pdf.cover.auditAnchorValue": "event #{seq}, hash {hash}",
  "pdf.cover.auditAnchorNone": "empty log",
  "tabular.org.auditAnchor": "Audit log anchor (event # and hash)",
  "exports.auditAnchor": "Audit log anchor (event #{seq})",
};
