/** Groupes d'organisations partagés entre plusieurs DPO d'un service (issue 14, ADR 019). */
export const frGroupSharing = {
  "groupSharing.title": "Partage du groupe",
  "groupSharing.owner": "Propriétaire : {name} ({email})",
  "groupSharing.none": "Ce groupe n'est partagé avec personne.",
  "groupSharing.rule":
    "Un copropriétaire voit ce groupe dans son portefeuille et peut le modifier, mais seulement pour les organisations dont il est lui-même membre. Il doit être membre d'au moins une organisation du groupe, ou d'un service DPO dont vous êtes membre.",
  "groupSharing.email": "Adresse e-mail du copropriétaire",
  "groupSharing.add": "Partager le groupe",
  "groupSharing.added": "Groupe partagé.",
  "groupSharing.remove": "Retirer {name}",
  "groupSharing.removed": "Copropriétaire retiré.",
  "groupSharing.leave": "Quitter ce groupe",
  "groupSharing.left": "Vous ne partagez plus ce groupe.",
  "groupSharing.sharedWithYou": "partagé avec vous",
  "groupSharing.emailInvalid": "Indiquez une adresse e-mail valide.",
  "groupSharing.notEligible":
    "Impossible de partager le groupe avec cette adresse : la personne doit avoir un compte et être membre d'une organisation du groupe ou d'un service DPO dont vous êtes membre.",
  "groupSharing.already": "Ce groupe est déjà partagé avec cette personne.",
  "groupSharing.hiddenOrganizations":
    "{count, plural, one {Le groupe compte aussi # organisation dont vous n'êtes pas membre : elle ne vous est pas montrée.} other {Le groupe compte aussi # organisations dont vous n'êtes pas membre : elles ne vous sont pas montrées.}}",
  "auditLog.action.group.coOwnerAdded": "a partagé un groupe d'organisations avec un copropriétaire",
  "auditLog.action.group.coOwnerRemoved": "a retiré un copropriétaire d'un groupe d'organisations",
  "auditLog.action.group.coOwnerLeft": "a quitté un groupe d'organisations partagé",
} as const;
