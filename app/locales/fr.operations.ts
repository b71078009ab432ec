/** Strings of issue 12 (access rules, throttling, audit anchoring, operations). French is the reference. */
export const frOperations = {
  "errors.invitationForbidden":
    "Cette invitation ne peut pas être acceptée : elle changerait le rôle de ce compte au-delà de ce que la personne qui l'a envoyée peut accorder. Demandez une nouvelle invitation.",
  "errors.invitationLastAdmin": "Cette invitation ne peut pas être acceptée : l'organisme n'aurait plus d'administrateur.",
  "shares.ipRetention": "Les adresses IP des destinataires sont des données personnelles : elles sont effacées après {days} jours.",
  "shares.ipHidden": "Les adresses IP des destinataires ne sont visibles que du DPO et des administrateurs.",
  "pdf.cover.auditAnchor": "Point d'ancrage du journal d'audit",
  "pdf.cover.auditAnchorValue": "événement n° {seq}, empreinte {hash}",
  "pdf.cover.auditAnchorNone": "journal vide",
  "tabular.org.auditAnchor": "Point d'ancrage du journal d'audit (n° et empreinte)",
  "exports.auditAnchor": "Ancrage du journal d'audit (événement n° {seq})",
} as const;
