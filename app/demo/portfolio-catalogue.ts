/**
 * The shared catalogue of the demo's DPO service (issue 14, ADR 020, ADR 026): the vendors the syndicat
 * declares once for its members (a town-hall software suite, a payroll SaaS, an e-mail host, and the
 * French hoster they run on), the members' private vendors, and which service each member's activity
 * uses. Then one story: the payroll SaaS is bought by a US group, which the syndicat records on the
 * vendor page; the propagation tells the subscribers. Every company here is fictitious (domains end in
 * .example). No server code here: app/models/demo-portfolio.server.ts replays it through the domain.
 */
import type { DemoDpa, DemoServiceRef, DemoVendor } from "./vendors.ts";

const FICTIF = "Entreprise fictive (données de démonstration).";

export const GARRIGUE = "Garrigue Cloud";
export const CIVITELIS = "Civitélis";
export const HORIZON = "Horizon Paie";
export const AZUREL = "Azurel Messagerie";

const GARRIGUE_IAAS: DemoServiceRef = { vendor: GARRIGUE, service: "Cloud privé mutualisé (Montpellier et Toulouse)" };
export const CIVITELIS_POPULATION: DemoServiceRef = { vendor: CIVITELIS, service: "Civitélis Population : état civil, élections, cimetières" };
export const CIVITELIS_FINANCES: DemoServiceRef = { vendor: CIVITELIS, service: "Civitélis Finances : comptabilité, facturation, marchés" };
export const CIVITELIS_SOCIAL: DemoServiceRef = { vendor: CIVITELIS, service: "Civitélis Action sociale (CCAS)" };
export const HORIZON_PAIE: DemoServiceRef = { vendor: HORIZON, service: "Horizon Paie : paie, carrières et déclarations sociales" };
export const AZUREL_MAIL: DemoServiceRef = { vendor: AZUREL, service: "Messagerie, agenda et annuaire des agents" };

/** The syndicat's own contract is the framework agreement of its purchasing group; each member signs its own DPA. */
const FRAMEWORK: DemoDpa = { status: "SIGNED", signedAt: "2024-07-01", reference: "Accord-cadre SMDN 2024-03", nextReview: "2028-07-01" };

/** Shared by the syndicat ("Syndicat mixte Démo Numérique"); the hoster first, as the others' sub-processor. */
export const DEMO_CATALOGUE_VENDORS: DemoVendor[] = [
  {
    name: GARRIGUE,
    legalName: "Garrigue Cloud SAS",
    website: "https://garrigue-cloud.example",
    country: "FR",
    hds: { activities: "1 à 6", expiry: "2028-03-31" },
    iso27001Expiry: "2027-09-30",
    dpa: FRAMEWORK,
    notes: `Hébergeur régional des logiciels du catalogue (deux centres de données en Occitanie). ${FICTIF}`,
    fictitious: true,
    services: [
      {
        name: GARRIGUE_IAAS.service,
        description: "Machines virtuelles et stockage opérés par l'hébergeur dans ses deux centres de données.",
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR", region: "Occitanie (Montpellier)" },
          { role: "BACKUP", country: "FR", region: "Occitanie (Toulouse)" },
        ],
      },
    ],
  },
  {
    name: CIVITELIS,
    legalName: "Civitélis SAS",
    website: "https://civitelis.example",
    country: "FR",
    iso27001Expiry: "2027-05-31",
    contact: { name: "Service clients collectivités", email: "dpo@civitelis.example" },
    dpa: FRAMEWORK,
    notes: `Suite logicielle des mairies en ligne (SaaS), retenue par le groupement de commandes du syndicat. ${FICTIF}`,
    fictitious: true,
    services: [
      {
        name: CIVITELIS_POPULATION.service,
        description: "Actes et registres d'état civil, listes électorales, recensement citoyen, concessions funéraires.",
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR", provider: GARRIGUE_IAAS },
          { role: "BACKUP", country: "FR", provider: GARRIGUE_IAAS },
          { role: "SUPPORT", country: "FR", region: "Occitanie (Toulouse)" },
        ],
      },
      {
        name: CIVITELIS_FINANCES.service,
        description: "Comptabilité M57, facturation des usagers et des familles, marchés publics.",
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR", provider: GARRIGUE_IAAS },
          { role: "SUPPORT", country: "FR", region: "Occitanie (Toulouse)" },
        ],
      },
      {
        name: CIVITELIS_SOCIAL.service,
        description: "Aide sociale légale et facultative, registre des personnes vulnérables, domiciliation.",
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR", provider: GARRIGUE_IAAS },
          { role: "SUPPORT", country: "FR", region: "Occitanie (Toulouse)" },
        ],
      },
    ],
  },
  {
    name: HORIZON,
    legalName: "Horizon Paie Territoriale SAS",
    website: "https://horizon-paie.example",
    country: "FR",
    iso27001Expiry: "2027-02-28",
    contact: { name: "Délégué à la protection des données", email: "dpo@horizon-paie.example" },
    dpa: FRAMEWORK,
    notes: `Logiciel de paie et de gestion des carrières des agents territoriaux (SaaS), éditeur indépendant lyonnais. ${FICTIF}`,
    fictitious: true,
    services: [
      {
        name: HORIZON_PAIE.service,
        description: "Bulletins de paie, DSN, carrières et dossiers des agents, indemnités des élus.",
        locations: [
          { role: "STORAGE", country: "FR", provider: GARRIGUE_IAAS },
          { role: "BACKUP", country: "FR", provider: GARRIGUE_IAAS },
          { role: "SUPPORT", country: "FR", region: "Auvergne-Rhône-Alpes (Lyon)" },
        ],
      },
    ],
  },
  {
    name: AZUREL,
    legalName: "Azurel SAS",
    website: "https://azurel.example",
    country: "FR",
    iso27001Expiry: "2027-11-30",
    dpa: FRAMEWORK,
    notes: `Hébergeur français de messagerie pour les collectivités. ${FICTIF}`,
    fictitious: true,
    services: [
      {
        name: AZUREL_MAIL.service,
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR", region: "Hauts-de-France (Roubaix)" },
          { role: "BACKUP", country: "FR", region: "Grand Est (Strasbourg)" },
        ],
      },
    ],
  },
];

/**
 * What the syndicat records on the payroll vendor's page once the sale is closed: a French SaaS now
 * controlled by a US group, which US law (FISA section 702, CLOUD Act) can compel to hand data over.
 */
export const DEMO_ACQUISITION = {
  vendor: HORIZON,
  parent: { name: "Northbridge Workforce Holdings Inc.", country: "US" },
  notes:
    "Rachat annoncé le 2 novembre 2026 par Northbridge Workforce Holdings Inc. (Delaware, États-Unis) : le droit américain " +
    "(FISA section 702, CLOUD Act) peut désormais contraindre l'éditeur à communiquer des données, même hébergées en France. " +
    `Avenants aux contrats demandés à l'éditeur. ${FICTIF}`,
} as const;

export const CDG_PAIE = "Centre de gestion de Démo (paie à façon)";
export const CANTINE = "Cantine du Lez";
export const GEOCONCESSION = "Géoconcession";

/** Vendors some members keep in their own register; each member's contract is given with the member. */
export const DEMO_PRIVATE_VENDORS: Omit<DemoVendor, "dpa">[] = [
  {
    name: CDG_PAIE,
    legalName: "Centre de gestion de la fonction publique territoriale de Démo",
    country: "FR",
    notes: "Établissement public : paie à façon des petites collectivités affiliées (données de démonstration).",
    fictitious: true,
    services: [{ name: "Paie à façon", locations: [{ role: "STORAGE", country: "FR", region: "Occitanie" }] }],
  },
  {
    name: CANTINE,
    legalName: "Cantine du Lez SARL",
    website: "https://cantine-du-lez.example",
    country: "FR",
    notes: `Prestataire de restauration scolaire, avec son portail de réservation des repas. ${FICTIF}`,
    fictitious: true,
    services: [{ name: "Portail familles et réservation des repas", locations: [{ role: "STORAGE", country: "FR", region: "Occitanie" }] }],
  },
  {
    name: GEOCONCESSION,
    legalName: "Géoconcession SARL",
    website: "https://geoconcession.example",
    country: "FR",
    notes: `Cartographie et gestion en ligne des cimetières. ${FICTIF}`,
    fictitious: true,
    services: [{ name: "Plans et concessions en ligne", locations: [{ role: "STORAGE", country: "FR", region: "Île-de-France" }] }],
  },
];

const privateService = (vendor: string): DemoServiceRef => ({ vendor, service: DEMO_PRIVATE_VENDORS.find((v) => v.name === vendor)!.services[0]!.name });

/**
 * The services a demo activity (by name) can use, in order of preference: each member's activity is
 * linked (as PROCESSOR) to the first one its organization has, shared (subscribed) or private.
 */
export const DEMO_SERVICE_USES: Record<string, DemoServiceRef[]> = {
  "Tenue des registres de l'état civil": [CIVITELIS_POPULATION],
  "Gestion des listes électorales": [CIVITELIS_POPULATION],
  "Organisation des scrutins : bureaux de vote, assesseurs et scrutateurs": [CIVITELIS_POPULATION],
  "Tirage au sort des jurés d'assises": [CIVITELIS_POPULATION],
  "Recensement citoyen des jeunes de 16 ans": [CIVITELIS_POPULATION],
  "Gestion des cimetières et des concessions funéraires": [privateService(GEOCONCESSION), CIVITELIS_POPULATION],
  "Facturation des usagers et recettes": [CIVITELIS_FINANCES],
  "Marchés publics et gestion des fournisseurs": [CIVITELIS_FINANCES],
  "Restauration scolaire, accueils périscolaires et de loisirs, facturation aux familles": [privateService(CANTINE), CIVITELIS_FINANCES],
  "Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)": [CIVITELIS_SOCIAL],
  "Enregistrement et suivi des demandes de logement social": [CIVITELIS_SOCIAL],
  "Repas et colis de fin d'année des aînés": [CIVITELIS_SOCIAL],
  "Paie des agents et des élus, déclarations sociales": [HORIZON_PAIE, privateService(CDG_PAIE)],
  "Gestion des carrières et dossier individuel des agents": [HORIZON_PAIE],
  "Annuaire, messagerie et outils collaboratifs": [AZUREL_MAIL],
};

/** Contracts of the demo members, by how they stand today (a signed DPA whose review date has passed is "due"). */
export const SIGNED = (signedAt: `${number}-${number}-${number}`, nextReview: `${number}-${number}-${number}`, reference: string): DemoDpa => ({
  status: "SIGNED",
  signedAt,
  nextReview,
  reference,
});
export const REQUESTED: DemoDpa = { status: "REQUESTED", reference: "Demande envoyée à l'éditeur" };
export const NONE: DemoDpa = { status: "NONE" };
