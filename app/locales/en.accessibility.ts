import type { frAccessibility } from "./fr.accessibility.ts";

export const enAccessibility: Record<keyof typeof frAccessibility, string> = {
  "accessibility.settings.legend": "Accessibility",
  "accessibility.settings.contact": "Contact to report an accessibility issue",
  "accessibility.settings.contactHint": "E-mail address, web page or postal address, shown on the accessibility statement. Example: accessibility@town.example",
  "accessibility.footer.statement": "Accessibility: {level}",
  "accessibility.footer.sitemap": "Site map",
  "accessibility.footer.nav": "Footer links",
  "accessibility.level.full": "fully compliant",
  "accessibility.level.partial": "partially compliant",
  "accessibility.level.none": "not compliant",
  "accessibility.title": "Accessibility statement",
  "accessibility.intro":
    "{organization} is committed to making its digital services accessible, in accordance with Article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to Registre, the register of processing activities.",
  "accessibility.someOrganization": "The organisation that hosts Registre",
  "accessibility.status.title": "Compliance status",
  "accessibility.status.body": "Registre is {level} with the French accessibility standard (RGAA), version 4.1.",
  "accessibility.results.title": "Test results",
  "accessibility.results.rate": "The compliance audit carried out on {date} shows that {rate}% of the applicable RGAA 4.1 criteria are met.",
  "accessibility.results.counts": "{c} criteria compliant, {nc} not compliant, {na} not applicable, out of 106.",
  "accessibility.nonConformant.title": "Non-accessible content",
  "accessibility.nonConformant.none": "The audit found no non-compliant criterion.",
  "accessibility.nonConformant.item": "Criterion {id}",
  "accessibility.method.title": "How this statement was prepared",
  "accessibility.method.body":
    "Self-assessment of the main pages (sign-in, dashboard, register, activity page, form, guided declaration, vendor, sovereignty, impact assessment, exports, public register) with axe-core and keyboard-only and screen-reader-oriented tests (headings, landmarks, focus order and visibility, input errors, the map's text alternative, table headers), in Chromium.",
  "accessibility.contact.title": "Feedback and contact",
  "accessibility.contact.body":
    "If you cannot access some content or a service, contact the organisation to be directed to an accessible alternative or to get the content in another form:",
  "accessibility.contact.dpo": "failing a dedicated contact, the data protection officer: {email}",
  "accessibility.contact.missing": "The organisation has not given a contact yet. Ask its front desk.",
  "accessibility.remedy.title": "Remedies",
  "accessibility.remedy.body":
    "If you reported an accessibility issue that prevents you from accessing content or a service and did not get a satisfactory answer, you may write to the Défenseur des droits (online form on defenseurdesdroits.fr, or free post: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07) or contact its delegate in your region.",
  "accessibility.sitemap.title": "Site map",
  "accessibility.sitemap.intro": "Every page of {organization} you may open.",
  "accessibility.sitemap.activities": "Activities",
  "accessibility.sitemap.organization": "Organisation",
  "accessibility.sitemap.you": "You",
};
