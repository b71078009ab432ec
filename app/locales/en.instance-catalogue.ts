/** Instance catalogue, kept by the platform administrators (issue 14, ADR 020). */
import type { frInstanceCatalogue } from "./fr.instance-catalogue.ts";

export const enInstanceCatalogue: Record<keyof typeof frInstanceCatalogue, string> = {
  "instanceCatalogue.title": "Instance catalogue",
  "instanceCatalogue.link": "Instance catalogue (platform administration)",
  "instanceCatalogue.intro":
    "The shared vendors of an instance catalogue are offered to every organization of this instance, with no grant needed. Only the platform administrators (PLATFORM_ADMINS) edit it; other members read it.",
  "instanceCatalogue.none": "No instance catalogue yet.",
  "instanceCatalogue.counts":
    "{vendors, plural, =0 {no shared vendor} one {# shared vendor} other {# shared vendors}}, {subscribers, plural, =0 {no subscribing organization} one {# subscribing organization} other {# subscribing organizations}}",
  "instanceCatalogue.join": "Join {name} as administrator",
  "instanceCatalogue.joined": "You now administer this catalogue.",
  "instanceCatalogue.create": "Create an instance catalogue",
  "instanceCatalogue.created": "Instance catalogue created: share vendors in it.",
  "instanceCatalogue.name": "Catalogue name",
  "instanceCatalogue.slug": "Identifier (lower-case letters, digits and hyphens)",
  "instanceCatalogue.badge": "instance catalogue",
  "instanceCatalogue.ownIntro":
    "This is the instance catalogue: its shared vendors are offered to every organization, which may subscribe without a grant. A grant here only serves to propose model activities.",
  "auditLog.action.catalogue.instance_created": "created the instance catalogue",
  "auditLog.action.catalogue.instance_joined": "joined the instance catalogue as administrator",
};
