/**
 * The `registre:` terms of the JSON-LD export (what DPV has no term for), with a description in French
 * and English. Served as a JSON-LD vocabulary at `<PUBLIC_URL>/ns` (app/routes/ns.ts), the namespace
 * address written in every export, so that the namespace is a real, documented address.
 */
import { DPV_VERSION, jsonLdContext, registreNs, type JsonLdObject } from "./jsonld.ts";

export const REGISTRE_TERMS: Record<string, { fr: string; en: string }> = {
  activePeriod: { fr: "Durée d'utilisation courante (archives publiques)", en: "Active-use retention period (French public archives)" },
  art10Basis: { fr: "Fondement du traitement de données d'infractions (art. 10)", en: "Ground for processing offence data (Art. 10)" },
  fact: { fr: "Code du fait manquant (voir registre:toVerify)", en: "Code of the missing fact (see registre:toVerify)" },
  toVerify: {
    fr: "Fait à enregistrer avant que l'analyse puisse conclure (« à vérifier »)",
    en: 'Fact to record before the analysis can conclude ("to verify")',
  },
  auditAnchor: {
    fr: "Dernier événement de la chaîne d'audit au moment de l'export (numéro et empreinte SHA-256)",
    en: "Latest event of the audit hash chain when the export was made (number and SHA-256 hash)",
  },
  asOf: { fr: "Date à laquelle le registre est restitué", en: "Date the register is shown as of" },
  category: { fr: "Code propre au registre d'une catégorie de données ou de personnes", en: "The register's own code of a data or data subject category" },
  chain: { fr: "Chaîne de fournisseurs qui mène au pays (transfert calculé)", en: "Vendor chain that leads to the country (computed transfer)" },
  cnilDesignationNumber: { fr: "Numéro de désignation du DPO auprès de la CNIL", en: "DPO designation number at the CNIL" },
  completeness: { fr: "Score de complétude de la fiche (0 à 100)", en: "Completeness score of the record (0–100)" },
  department: { fr: "Service responsable de l'activité", en: "Department that owns the activity" },
  documentationUrl: { fr: "Documentation de la garantie de transfert", en: "Documentation of a transfer safeguard" },
  dpvVersion: { fr: `Version de DPV utilisée (${DPV_VERSION})`, en: `DPV release used (${DPV_VERSION})` },
  exposureLevel: { fr: "Niveau d'exposition (souveraineté) de l'activité", en: "Sovereignty exposure level of the activity" },
  exposureLevelLabel: { fr: "Libellés du niveau d'exposition", en: "Labels of the exposure level" },
  finalFate: { fr: "Sort final (archives publiques)", en: "Final fate (French public archives)" },
  intermediatePeriod: { fr: "Durée d'archivage intermédiaire", en: "Intermediate archiving period" },
  legalBasis: { fr: "Base légale citée par un texte", en: "Legal basis cited by a text" },
  legalRepresentative: { fr: "Représentant légal de l'organisme", en: "Legal representative of the organisation" },
  legalText: { fr: "Texte juridique cité et finalité couverte", en: "Legal text cited and purpose covered" },
  linkRole: { fr: "Rôle d'un service lié à l'activité", en: "Role of a service linked to the activity" },
  nextReviewAt: { fr: "Date de la prochaine revue", en: "Date of the next review" },
  ownHosting: { fr: "Hébergement propre de l'organisme utilisé", en: "The organisation's own hosting site used" },
  purpose: { fr: "Finalité couverte par un texte", en: "Purpose a legal text covers" },
  purposeLevel: { fr: "Finalité principale ou sous-finalité", en: "Main purpose or sub-purpose" },
  recipientType: { fr: "Catégorie de destinataire du registre", en: "The register's recipient category" },
  regime: { fr: "RGPD ou directive « police-justice »", en: "GDPR or Law Enforcement Directive" },
  riskFlag: { fr: "Critères de risque cochés (CEPD WP248, CNIL)", en: "Risk criteria ticked (WP248, CNIL)" },
  role: { fr: "Rôle de l'organisme (responsable, conjoint, sous-traitant)", en: "Role of the organisation (controller, joint, processor)" },
  rule: { fr: "Règle de durée de conservation", en: "Retention rule" },
  safeguard: { fr: "Code de la garantie de transfert", en: "Transfer safeguard code" },
  service: { fr: "Service d'un fournisseur lié à l'activité", en: "Vendor service linked to the activity" },
  slug: { fr: "Identifiant court de l'organisme", en: "Short identifier of the organisation" },
  software: { fr: "Logiciel utilisé sans accès aux données", en: "Software used without access to the data" },
  source: { fr: "« computed » : transfert calculé à partir des fournisseurs", en: '"computed": transfer computed from the vendors' },
  status: { fr: "Statut de la fiche dans le circuit de validation", en: "Workflow status of the record" },
  transferStatus: { fr: "Statut du transfert selon l'analyse", en: "Analysis status of the transfer" },
  version: { fr: "Numéro de la version approuvée", en: "Approved version number" },
};

/** The vocabulary document served at the namespace address. */
export function registreVocabulary(publicUrl?: string): JsonLdObject {
  const ns = registreNs(publicUrl);
  return {
    "@context": { ...jsonLdContext(publicUrl) },
    "@id": ns.replace(/#$/, ""),
    "dct:title": [
      { "@value": "Vocabulaire de Registre", "@language": "fr" },
      { "@value": "Registre vocabulary", "@language": "en" },
    ],
    "registre:dpvVersion": DPV_VERSION,
    "@graph": Object.entries(REGISTRE_TERMS).map(([term, d]) => ({
      "@id": `registre:${term}`,
      "rdfs:comment": [
        { "@value": d.fr, "@language": "fr" },
        { "@value": d.en, "@language": "en" },
      ],
    })),
  };
}
