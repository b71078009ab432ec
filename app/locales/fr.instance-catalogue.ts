/** Catalogue de l'instance, tenu par les administrateurs de la plateforme (issue 14, ADR 020). */
export const frInstanceCatalogue = {
  "instanceCatalogue.title": "Catalogue de l'instance",
  "instanceCatalogue.link": "Catalogue de l'instance (administration de la plateforme)",
  "instanceCatalogue.intro":
    "Les prestataires partagés d'un catalogue de l'instance sont proposés à toutes les organisations de cette instance, sans autorisation à donner. Seuls les administrateurs de la plateforme (PLATFORM_ADMINS) le modifient ; les autres membres le lisent.",
  "instanceCatalogue.none": "Aucun catalogue de l'instance pour l'instant.",
  "instanceCatalogue.counts":
    "{vendors, plural, =0 {aucun prestataire partagé} one {# prestataire partagé} other {# prestataires partagés}}, {subscribers, plural, =0 {aucune organisation abonnée} one {# organisation abonnée} other {# organisations abonnées}}",
  "instanceCatalogue.join": "Rejoindre {name} comme administrateur",
  "instanceCatalogue.joined": "Vous administrez désormais ce catalogue.",
  "instanceCatalogue.create": "Créer un catalogue de l'instance",
  "instanceCatalogue.created": "Catalogue de l'instance créé : partagez-y des prestataires.",
  "instanceCatalogue.name": "Nom du catalogue",
  "instanceCatalogue.slug": "Identifiant (lettres minuscules, chiffres et tirets)",
  "instanceCatalogue.badge": "catalogue de l'instance",
  "instanceCatalogue.ownIntro":
    "Ce catalogue est celui de l'instance : ses prestataires partagés sont proposés à toutes les organisations, qui peuvent s'y abonner sans autorisation. Une autorisation ne sert ici qu'à proposer des activités modèles.",
  "auditLog.action.catalogue.instance_created": "a créé le catalogue de l'instance",
  "auditLog.action.catalogue.instance_joined": "a rejoint le catalogue de l'instance comme administrateur",
} as const;
