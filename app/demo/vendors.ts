/**
 * The demo city's vendors, their services, where those services store, process, back up or reach the
 * data (with sub-processor chains), the city's own hosting sites, and which service each demo activity
 * uses. The seed (app/models/demo-seed.server.ts, seedDemoVendors) replays it through the real domain
 * functions of app/models/vendor.server.ts, so every row has its audit event.
 *
 * Real providers appear only with facts that are publicly documented (country of establishment,
 * ultimate parent, SecNumCloud or DPF status). Anything not checked against a primary source at the
 * time of writing is said in the vendor's `notes` ("À vérifier par le DPO"), as are certificate expiry
 * dates, which are plausible placeholders. Municipal software editors, the HDS hoster, the UK
 * e-learning editor and the US survey tool without DPF certification are fictitious (their domains
 * end in .example, and their notes say so): no real company is described as lacking a safeguard.
 *
 * The story the sovereignty analysis tells with it:
 * - most business software is French SaaS hosted in France (OVHcloud, Scaleway, Outscale), or installed
 *   in the town hall's server room: level "eu";
 * - e-mail and office suite on Microsoft 365, stored in France but under US law through the parent
 *   company: "foreign_law"; the unlinked "Messagerie souveraine Courrielys" on OVHcloud's SecNumCloud
 *   offer is the what-if target (DEMO_WHAT_IF);
 * - French editors on AWS or Google Cloud in Paris: "foreign_law" through the hosting sub-processor;
 * - support from Canada or processing in Switzerland: "adequate";
 * - HR support from Morocco under SCCs with a TIA, and the newsletter's declared SCC transfer:
 *   "safeguarded_transfer";
 * - service-desk support from India without any safeguard, and a US survey tool without DPF:
 *   "unsafeguarded_transfer".
 */
import type { LinkRole, LocationRole, LocationSafeguard } from "~/analysis/sovereignty.ts";
import { LINK_ROLES, LOCATION_ROLES, LOCATION_SAFEGUARDS } from "~/analysis/sovereignty.ts";
import { isCountryCode } from "~/reference/countries.ts";
import { DEMO_ACTIVITIES } from "./activities.ts";

/** YYYY-MM-DD (UTC midnight when seeded). */
export type DemoDate = `${number}-${number}-${number}`;
export type DemoServiceRef = { vendor: string; service: string };
export type DemoSiteRef = { site: string };
export type DemoLinkTarget = DemoServiceRef | DemoSiteRef;

export type DemoLocation = {
  role: LocationRole;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region?: string;
  /** The service (of another demo vendor) that operates this location: a sub-processor. */
  provider?: DemoServiceRef;
  safeguard?: LocationSafeguard;
  tiaDone?: boolean;
  safeguardUrl?: string;
};

export type DemoService = {
  name: string;
  description?: string;
  /** Date of the ANSSI SecNumCloud qualification, when the service is qualified. */
  secNumCloudDate?: DemoDate;
  /** Referential version and qualified scope of the qualification (SecNumCloud 3.2 § 19.6). */
  secNumCloud?: { version: "3.2" | "3.1" | "older"; scope: string };
  /** A non-EU entity has technical access; undefined when not recorded. */
  nonEuAccess?: boolean;
  /** Empty for software installed on the city's servers whose editor never reaches the data. */
  locations: DemoLocation[];
};

export type DemoDpa =
  | { status: "SIGNED"; signedAt: DemoDate; reference: string; nextReview: DemoDate }
  | { status: "REQUESTED"; reference?: string }
  | { status: "NONE" }
  | { status: "NOT_REQUIRED" };

export type DemoVendor = {
  name: string;
  legalName?: string;
  registrationNumber?: string;
  website?: string;
  country: string;
  parent?: { name: string; country: string };
  contact?: { name?: string; email?: string };
  hds?: { activities: string; expiry: DemoDate };
  iso27001Expiry?: DemoDate;
  /** US vendors only: only an organisation established in the US can be DPF-certified (checkDemoVendors enforces it). */
  dpf?: { certified: boolean; checkedAt: DemoDate };
  /** SecNumCloud 3.2 § 19.6 shareholding limits (24 % / 39 %) respected; undefined when not recorded. */
  shareholdingWithinLimits?: boolean;
  dpa: DemoDpa;
  notes?: string;
  /** A fictitious company, made up for the demo. */
  fictitious: boolean;
  services: DemoService[];
};

export type DemoHostingSite = { name: string; country: string; city: string; description: string };

const FICTIF = "Entreprise fictive (données de démonstration).";
const NOT_DIRECT = "Pas de contrat direct avec la ville : sous-traitant ultérieur, encadré par le contrat de l'éditeur (RGPD, art. 28.4).";
const DPF_LIST = "liste consultable sur dataprivacyframework.gov";

/* ---------------- Service references, shared by locations, links and the what-if ---------------- */

const MICROSOFT_IE = "Microsoft Ireland Operations Ltd";
const OVH = "OVHcloud";
const OUTSCALE = "3DS Outscale";
const SCALEWAY = "Scaleway";

const M365: DemoServiceRef = { vendor: MICROSOFT_IE, service: "Microsoft 365 (Exchange Online, Teams, SharePoint, OneDrive)" };
const MS_SUPPORT: DemoServiceRef = { vendor: "Microsoft Corporation", service: "Support et opérations de sécurité Microsoft 365" };
const OVH_SNC: DemoServiceRef = { vendor: OVH, service: "Hosted Private Cloud SecNumCloud" };
const OVH_PUBLIC: DemoServiceRef = { vendor: OVH, service: "Public Cloud (Gravelines)" };
const OVH_BACKUP: DemoServiceRef = { vendor: OVH, service: "Object Storage – sauvegardes externalisées (Strasbourg)" };
const OUTSCALE_SNC: DemoServiceRef = { vendor: OUTSCALE, service: "Cloud IaaS qualifié SecNumCloud" };
const SCW_PAR: DemoServiceRef = { vendor: SCALEWAY, service: "Instances et bases de données – région Paris (fr-par)" };
const SCW_AMS: DemoServiceRef = { vendor: SCALEWAY, service: "Stockage objet – région Amsterdam (nl-ams)" };
const GCP_PARIS: DemoServiceRef = { vendor: "Google Cloud France SARL", service: "Google Cloud Platform – région europe-west9 (Paris)" };
const AWS_PARIS: DemoServiceRef = { vendor: "Amazon Web Services EMEA SARL", service: "Amazon EC2 et S3 – région eu-west-3 (Paris)" };
const YOUTUBE: DemoServiceRef = { vendor: "Google Ireland Limited", service: "YouTube – diffusion en direct des séances" };
const GOOGLE_LLC: DemoServiceRef = { vendor: "Google LLC", service: "Infrastructure YouTube aux États-Unis" };
const OCCITALIA_HDS: DemoServiceRef = { vendor: "Occitalia Hébergement", service: "Cloud privé HDS (Montpellier)" };

export const DEMO_EMAIL_ACTIVITY = "Annuaire, messagerie et outils collaboratifs";

/** "What if we move e-mail from Microsoft to an EU provider?": replace the vendor's services by the target. */
export const DEMO_WHAT_IF = {
  fromVendor: MICROSOFT_IE,
  to: { vendor: "Courrielys", service: "Messagerie souveraine Courrielys" } satisfies DemoServiceRef,
};

/* ---------------- The city's own hosting ---------------- */

export const DEMO_SERVER_ROOM = "Salle serveurs de l'hôtel de ville";
export const DEMO_BACKUP_ROOM = "Local de secours du centre technique municipal";

export const DEMO_HOSTING_SITES: DemoHostingSite[] = [
  {
    name: DEMO_SERVER_ROOM,
    country: "FR",
    city: "Démo-sur-Lez",
    description:
      "Salle climatisée au sous-sol de l'hôtel de ville, accès par badge réservé au service des systèmes d'information ; héberge les logiciels installés sur site (état civil, élections, vidéoprotection, archivage, action sociale du CCAS).",
  },
  {
    name: DEMO_BACKUP_ROOM,
    country: "FR",
    city: "Démo-sur-Lez",
    description: "Second site à 3 km de l'hôtel de ville : sauvegardes quotidiennes chiffrées et serveur de journalisation.",
  },
];

/* ---------------- Vendors ---------------- */

export const DEMO_VENDORS: DemoVendor[] = [
  /* ===== Real providers: public facts only; the rest is marked for verification ===== */
  {
    name: MICROSOFT_IE,
    legalName: "Microsoft Ireland Operations Limited",
    website: "https://www.microsoft.com",
    country: "IE",
    parent: { name: "Microsoft Corporation", country: "US" },
    iso27001Expiry: "2027-11-30",
    dpa: {
      status: "SIGNED",
      signedAt: "2025-01-20",
      reference: "Contrat de licences Microsoft 365 (accord-cadre UGAP) – Data Protection Addendum des produits et services Microsoft",
      nextReview: "2027-01-31",
    },
    notes:
      "Filiale irlandaise d'un groupe américain : le CLOUD Act et la section 702 du FISA peuvent atteindre les données même stockées dans l'UE. Locataire Microsoft 365 configuré avec la résidence des données en France ; traitements dans la frontière de données de l'UE (EU Data Boundary), sous réserve des exceptions documentées par Microsoft (support, opérations de sécurité) qui permettent des accès depuis les États-Unis. " +
      `Pas de certification DPF pour cette filiale irlandaise : seule une organisation établie aux États-Unis peut être certifiée. La certification est enregistrée sur Microsoft Corporation, importatrice des données pour ces accès (${DPF_LIST}). ` +
      "À vérifier par le DPO : entité contractante exacte dans le contrat de licences, version du DPA acceptée, échéance du certificat ISO 27001 (date saisie indicative), date de la dernière consultation de la liste DPF.",
    fictitious: false,
    services: [
      {
        name: M365.service,
        description: "Messagerie, agendas, visioconférence, stockage et partage de fichiers des agents et des élus.",
        locations: [
          { role: "STORAGE", country: "FR", region: "France Centre (Paris)" },
          { role: "BACKUP", country: "FR", region: "France Sud (Marseille)" },
          { role: "PROCESSING", country: "IE", region: "Frontière de données de l'UE (EU Data Boundary)" },
          { role: "SUPPORT", country: "US", region: "Support et sécurité hors EU Data Boundary", provider: MS_SUPPORT },
        ],
      },
    ],
  },
  {
    name: "Microsoft Corporation",
    legalName: "Microsoft Corporation",
    website: "https://www.microsoft.com",
    country: "US",
    dpf: { certified: true, checkedAt: "2026-10-05" },
    dpa: { status: "NOT_REQUIRED" },
    notes: `${NOT_DIRECT} Sous-traitant ultérieur de Microsoft Ireland Operations Ltd pour le support et les opérations de sécurité. Certifiée EU-U.S. Data Privacy Framework (${DPF_LIST}) : à revérifier par le DPO avant chaque revue.`,
    fictitious: false,
    services: [
      {
        name: MS_SUPPORT.service,
        description: "Accès ponctuels pour le support technique et la réponse aux incidents de sécurité.",
        locations: [{ role: "SUPPORT", country: "US" }],
      },
    ],
  },
  {
    name: OVH,
    legalName: "OVH SAS",
    website: "https://www.ovhcloud.com",
    country: "FR",
    parent: { name: "OVH Groupe SA", country: "FR" },
    hds: {
      activities: "Hébergement d'infrastructure physique et infogérance (certification HDS) – périmètre des offres certifiées à vérifier",
      expiry: "2027-09-30",
    },
    iso27001Expiry: "2027-09-30",
    dpa: { status: "NOT_REQUIRED" },
    notes:
      `${NOT_DIRECT} Hébergeur des logiciels de plusieurs éditeurs de la ville et de l'offre de messagerie étudiée (Courrielys). ` +
      "L'offre « Hosted Private Cloud SecNumCloud » (VMware on OVHcloud) est qualifiée SecNumCloud par l'ANSSI. À vérifier par le DPO : date et version du référentiel de la qualification (date saisie indicative), dates d'échéance des certificats HDS et ISO 27001 (indicatives), localisation des équipes de support.",
    fictitious: false,
    services: [
      {
        name: OVH_SNC.service,
        description: "Cloud privé dédié qualifié SecNumCloud, datacentres en France.",
        secNumCloudDate: "2024-02-01",
        secNumCloud: { version: "3.2", scope: "Hosted Private Cloud SecNumCloud (IaaS) – à reprendre du certificat ANSSI" },
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR" },
          { role: "BACKUP", country: "FR" },
          { role: "SUPPORT", country: "FR" },
        ],
      },
      {
        name: OVH_PUBLIC.service,
        description: "Instances et stockage en bloc.",
        locations: [
          { role: "STORAGE", country: "FR", region: "Gravelines (GRA)" },
          { role: "BACKUP", country: "FR", region: "Roubaix (RBX)" },
        ],
      },
      {
        name: OVH_BACKUP.service,
        description: "Stockage objet utilisé pour les copies de sauvegarde.",
        locations: [{ role: "BACKUP", country: "FR", region: "Strasbourg (SBG)" }],
      },
    ],
  },
  {
    name: OUTSCALE,
    legalName: "Outscale SAS",
    website: "https://www.outscale.com",
    country: "FR",
    parent: { name: "Dassault Systèmes SE", country: "FR" },
    hds: { activities: "Hébergement de données de santé (certification HDS) – périmètre à vérifier", expiry: "2028-01-31" },
    iso27001Expiry: "2028-01-31",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${NOT_DIRECT} Marque cloud de Dassault Systèmes ; offre IaaS qualifiée SecNumCloud (Outscale s'est présentée comme le premier cloud qualifié SecNumCloud 3.2). À vérifier par le DPO : dénomination sociale exacte, date de la qualification et nom de la région qualifiée (saisis indicativement), échéances des certificats HDS et ISO 27001.`,
    fictitious: false,
    services: [
      {
        name: OUTSCALE_SNC.service,
        description: "Région cloudgouv-eu-west-1, qualifiée SecNumCloud, datacentres en France.",
        secNumCloudDate: "2023-12-14",
        secNumCloud: { version: "3.2", scope: "Cloud IaaS – à reprendre du certificat ANSSI" },
        nonEuAccess: false,
        locations: [
          { role: "STORAGE", country: "FR" },
          { role: "BACKUP", country: "FR" },
        ],
      },
    ],
  },
  {
    name: SCALEWAY,
    legalName: "Scaleway SAS",
    website: "https://www.scaleway.com",
    country: "FR",
    parent: { name: "Iliad SA (groupe iliad)", country: "FR" },
    iso27001Expiry: "2027-04-30",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${NOT_DIRECT} Filiale du groupe iliad. Non qualifiée SecNumCloud à la date de la fiche (démarche de qualification annoncée par Scaleway). À vérifier par le DPO : état de la qualification SecNumCloud, échéance du certificat ISO 27001 (date indicative).`,
    fictitious: false,
    services: [
      {
        name: SCW_PAR.service,
        description: "Instances, bases de données managées et stockage objet.",
        locations: [{ role: "STORAGE", country: "FR", region: "Paris (fr-par)" }],
      },
      {
        name: SCW_AMS.service,
        description: "Stockage objet utilisé par les éditeurs pour leurs copies de sauvegarde hors de France.",
        locations: [{ role: "BACKUP", country: "NL", region: "Amsterdam (nl-ams)" }],
      },
    ],
  },
  {
    name: "Google Cloud France SARL",
    legalName: "Google Cloud France SARL",
    website: "https://cloud.google.com",
    country: "FR",
    parent: { name: "Alphabet Inc.", country: "US" },
    iso27001Expiry: "2027-06-30",
    dpa: { status: "NOT_REQUIRED" },
    notes:
      `${NOT_DIRECT} Hébergeur de l'agenda de rendez-vous RDVille : données stockées à Paris, mais société d'un groupe américain (CLOUD Act, FISA 702). Certification DPF : celle de Google LLC (${DPF_LIST}). ` +
      "À vérifier par le DPO : entité Google contractante de l'éditeur (Google Cloud France SARL ou Google Cloud EMEA Limited), échéance du certificat ISO 27001 (indicative).",
    fictitious: false,
    services: [
      {
        name: GCP_PARIS.service,
        description: "Calcul, bases de données et stockage de l'éditeur.",
        locations: [{ role: "STORAGE", country: "FR", region: "Paris (europe-west9)" }],
      },
    ],
  },
  {
    name: "Google Ireland Limited",
    legalName: "Google Ireland Limited",
    website: "https://www.youtube.com",
    country: "IE",
    parent: { name: "Alphabet Inc.", country: "US" },
    dpa: { status: "NOT_REQUIRED" },
    notes:
      `Fournisseur de YouTube dans l'Espace économique européen. La retransmission publique des séances y est un destinataire, non un sous-traitant : YouTube traite les vidéos publiées selon ses propres conditions. Données stockées dans les centres de données de Google dans le monde, dont les États-Unis ; certification DPF de Google LLC (${DPF_LIST}). ` +
      "À vérifier par le DPO : qualification de YouTube (responsable de traitement distinct) et information des élus et du public filmés.",
    fictitious: false,
    services: [
      {
        name: YOUTUBE.service,
        description: "Chaîne YouTube de la ville : diffusion en direct puis rediffusion des séances du conseil municipal.",
        locations: [{ role: "STORAGE", country: "US", region: "Centres de données Google (dont les États-Unis)", provider: GOOGLE_LLC }],
      },
    ],
  },
  {
    name: "Google LLC",
    legalName: "Google LLC",
    website: "https://www.google.com",
    country: "US",
    parent: { name: "Alphabet Inc.", country: "US" },
    dpf: { certified: true, checkedAt: "2026-10-05" },
    dpa: { status: "NOT_REQUIRED" },
    notes: `Société américaine qui exploite les centres de données de YouTube aux États-Unis : c'est elle qui reçoit les données, et sa certification DPF qui compte (${DPF_LIST}). À vérifier par le DPO : date de la dernière consultation de la liste DPF.`,
    fictitious: false,
    services: [
      { name: GOOGLE_LLC.service, description: "Stockage et diffusion des vidéos publiées sur YouTube.", locations: [{ role: "STORAGE", country: "US" }] },
    ],
  },
  {
    name: "Amazon Web Services EMEA SARL",
    legalName: "Amazon Web Services EMEA SARL",
    website: "https://aws.amazon.com",
    country: "LU",
    parent: { name: "Amazon.com, Inc.", country: "US" },
    iso27001Expiry: "2027-03-31",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${NOT_DIRECT} Hébergeur du prestataire de stationnement StationnPark : données dans la région de Paris, mais filiale d'un groupe américain (CLOUD Act, FISA 702). Certification DPF : celle d'Amazon Web Services, Inc. (${DPF_LIST}). À vérifier par le DPO : échéance du certificat ISO 27001 (indicative).`,
    fictitious: false,
    services: [
      {
        name: AWS_PARIS.service,
        description: "Calcul et stockage objet du prestataire.",
        locations: [{ role: "STORAGE", country: "FR", region: "Paris (eu-west-3)" }],
      },
    ],
  },
  {
    name: "Brevo",
    legalName: "Sendinblue SAS (nom commercial Brevo)",
    registrationNumber: "RCS Paris 498 019 298",
    website: "https://www.brevo.com",
    country: "FR",
    dpa: { status: "REQUESTED", reference: "Conditions de service Brevo, annexe 3 (DPA) – bon de commande en cours de signature" },
    notes:
      "Anciennement Sendinblue. Prestataire d'envoi des SMS de rappel des rendez-vous titres ; le contrat de sous-traitance est en cours de signature (voir la fiche de traitement). " +
      "À vérifier par le DPO : pays d'hébergement (Belgique ou Allemagne selon les sources ; Belgique saisie), hébergeurs sous-jacents dans la liste des sous-traitants ultérieurs de Brevo (un hébergeur de groupe non européen ferait passer la fiche en « droit étranger »), certification ISO 27001.",
    fictitious: false,
    services: [
      {
        name: "SMS transactionnels (rappels de rendez-vous)",
        locations: [
          { role: "STORAGE", country: "BE" },
          { role: "SUPPORT", country: "FR", region: "Paris" },
        ],
      },
    ],
  },
  {
    name: "Mailchimp (Intuit)",
    legalName: "The Rocket Science Group LLC (Mailchimp)",
    website: "https://mailchimp.com",
    country: "US",
    parent: { name: "Intuit Inc.", country: "US" },
    dpf: { certified: true, checkedAt: "2026-10-05" },
    dpa: {
      status: "SIGNED",
      signedAt: "2019-04-01",
      reference: "Data Processing Addendum de Mailchimp, intégré aux conditions d'utilisation (accepté en ligne)",
      nextReview: "2026-09-30",
    },
    notes:
      `Plateforme de la lettre d'information, hébergée aux États-Unis. Mailchimp indique être couverte par le programme Data Privacy Framework d'Intuit (EU-U.S. DPF), les clauses contractuelles types du DPA s'appliquant en repli ; la fiche de traitement mentionne encore les CCT (module 2) et l'analyse d'impact des transferts de 2024. Revue du DPA en retard. ` +
      `À vérifier par le DPO : inscription d'Intuit sur la liste DPF à la date de la revue (${DPF_LIST}) ; comparer avec une plateforme européenne (par exemple Brevo).`,
    fictitious: false,
    services: [
      {
        name: "Plateforme d'envoi de lettres d'information",
        locations: [
          {
            role: "STORAGE",
            country: "US",
            safeguard: "SCC_C2P",
            tiaDone: true,
            safeguardUrl: "https://www.demo-sur-lez.example/donnees-personnelles/transferts/lettre-information.pdf",
          },
          { role: "PROCESSING", country: "US", safeguard: "SCC_C2P", tiaDone: true },
        ],
      },
    ],
  },

  /* ===== Fictitious editors, hosters and tools ===== */
  {
    name: "Courrielys",
    legalName: "Courrielys SAS",
    website: "https://www.courrielys.example",
    country: "FR",
    contact: { name: "Service commercial secteur public", email: "collectivites@courrielys.example" },
    iso27001Expiry: "2027-06-30",
    dpa: { status: "NONE" },
    notes: `${FICTIF} Offre étudiée pour le scénario « et si la messagerie quittait Microsoft ? » : devis reçu en octobre 2026, aucun contrat. Suite collaborative hébergée sur l'offre SecNumCloud d'OVHcloud, support en France.`,
    fictitious: true,
    services: [
      {
        name: DEMO_WHAT_IF.to.service,
        description: "Messagerie, agendas, visioconférence et partage de fichiers ; alternative européenne étudiée, non déployée.",
        locations: [
          { role: "STORAGE", country: "FR", provider: OVH_SNC },
          { role: "BACKUP", country: "FR", provider: OVH_SNC },
          { role: "SUPPORT", country: "FR", region: "Lyon" },
        ],
      },
    ],
  },
  {
    name: "ActaCivis",
    legalName: "ActaCivis SAS",
    website: "https://www.actacivis.example",
    country: "FR",
    parent: { name: "ActaCivis Group SA", country: "BE" },
    contact: { name: "Support collectivités", email: "support@actacivis.example" },
    dpa: { status: "NOT_REQUIRED" },
    notes: `${FICTIF} Logiciels d'état civil et d'élections installés dans la salle serveurs de l'hôtel de ville ; l'éditeur n'accède pas aux données (mises à jour livrées, interventions sur site accompagnées par le service des systèmes d'information).`,
    fictitious: true,
    services: [
      { name: "ActaCivis État civil (installé sur site)", description: "Registres, mentions, délivrance d'actes, échanges COMEDEC.", locations: [] },
      {
        name: "ActaCivis Élections (installé sur site)",
        description: "Liste électorale synchronisée avec le répertoire électoral unique, jurés d'assises, bureaux de vote.",
        locations: [],
      },
    ],
  },
  {
    name: "Ressourcia",
    legalName: "Ressourcia SAS",
    website: "https://www.ressourcia.example",
    country: "FR",
    parent: { name: "Ressourcia Holding BV", country: "NL" },
    contact: { name: "Délégué à la protection des données", email: "dpo@ressourcia.example" },
    iso27001Expiry: "2027-02-28",
    dpa: { status: "SIGNED", signedAt: "2022-11-02", reference: "Marché 2022-RH-11 – accord de sous-traitance (art. 28)", nextReview: "2027-11-30" },
    notes: `${FICTIF} Support applicatif de niveau 2 assuré par la filiale Ressourcia Maroc SARL (Rabat) : clauses contractuelles types module 3 (sous-traitant à sous-traitant) entre Ressourcia SAS et sa filiale, analyse d'impact des transferts transmise à la ville le 14 mars 2025, accès par bastion journalisé, pas d'export des données.`,
    fictitious: true,
    services: [
      {
        name: "Ressourcia SIRH et paie (SaaS)",
        description: "Carrières, paie, DSN, recrutement.",
        locations: [
          { role: "STORAGE", country: "FR", region: "Gravelines (GRA)", provider: OVH_PUBLIC },
          { role: "BACKUP", country: "FR", region: "Strasbourg (SBG)", provider: OVH_BACKUP },
          {
            role: "SUPPORT",
            country: "MA",
            region: "Rabat",
            safeguard: "SCC_P2P",
            tiaDone: true,
            safeguardUrl: "https://www.demo-sur-lez.example/donnees-personnelles/transferts/ressourcia-maroc.pdf",
          },
        ],
      },
    ],
  },
  {
    name: "Coffrelys",
    legalName: "Coffrelys SAS",
    website: "https://www.coffrelys.example",
    country: "FR",
    dpa: {
      status: "SIGNED",
      signedAt: "2024-02-01",
      reference: "Convention 2024-RH-02 – coffre-fort numérique des agents, annexe RGPD",
      nextReview: "2027-02-01",
    },
    notes: `${FICTIF} Coffre-fort numérique où sont déposés les bulletins de paie dématérialisés ; hébergé sur l'offre SecNumCloud d'Outscale.`,
    fictitious: true,
    services: [
      {
        name: "Coffre-fort numérique des agents",
        locations: [
          { role: "STORAGE", country: "FR", provider: OUTSCALE_SNC },
          { role: "BACKUP", country: "FR", provider: OUTSCALE_SNC },
        ],
      },
    ],
  },
  {
    name: "Finalys Collectivités",
    legalName: "Finalys Collectivités SAS",
    website: "https://www.finalys.example",
    country: "FR",
    parent: { name: "Kommunalys Software GmbH", country: "DE" },
    iso27001Expiry: "2026-12-31",
    dpa: {
      status: "SIGNED",
      signedAt: "2021-09-15",
      reference: "Marché 2021-FIN-03 – clauses de sous-traitance (CCAG-TIC, annexe RGPD)",
      nextReview: "2026-12-31",
    },
    notes: `${FICTIF} Logiciel financier en SaaS sur l'offre SecNumCloud d'Outscale ; l'équipe de développement de la maison mère (Leipzig) intervient en troisième niveau de support. Renouvellement du certificat ISO 27001 et revue du DPA à la fin de l'année.`,
    fictitious: true,
    services: [
      {
        name: "Finalys Gestion financière (SaaS)",
        description: "Budget, engagements, mandats et titres, flux PES V2, tiers et subventions.",
        locations: [
          { role: "STORAGE", country: "FR", provider: OUTSCALE_SNC },
          { role: "BACKUP", country: "FR", provider: OUTSCALE_SNC },
          { role: "SUPPORT", country: "DE", region: "Leipzig" },
        ],
      },
    ],
  },
  {
    name: "Achat-Sud Dématérialisation",
    legalName: "Achat-Sud Dématérialisation SAS",
    website: "https://www.achat-sud.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2023-03-01", reference: "Convention d'adhésion 2023 à la plateforme de marchés publics", nextReview: "2027-03-01" },
    notes: `${FICTIF} Profil d'acheteur de la ville (publication des consultations, dépôt des offres).`,
    fictitious: true,
    services: [{ name: "Profil d'acheteur Achat-Sud", locations: [{ role: "STORAGE", country: "FR", provider: SCW_PAR }] }],
  },
  {
    name: "Famillio",
    legalName: "Famillio SAS",
    website: "https://www.famillio.example",
    country: "FR",
    parent: { name: "Famillio Group NV", country: "BE" },
    contact: { name: "Délégué à la protection des données", email: "dpo@famillio.example" },
    iso27001Expiry: "2027-10-31",
    dpa: { status: "SIGNED", signedAt: "2023-08-28", reference: "Marché 2023-EDU-07 – accord de sous-traitance (art. 28)", nextReview: "2027-08-31" },
    notes: `${FICTIF} Portail famille et logiciel enfance-éducation (inscriptions, périscolaire, multi-accueils, facturation).`,
    fictitious: true,
    services: [
      {
        name: "Famillio Portail famille (SaaS)",
        locations: [
          { role: "STORAGE", country: "FR", region: "Gravelines (GRA)", provider: OVH_PUBLIC },
          { role: "BACKUP", country: "FR", region: "Strasbourg (SBG)", provider: OVH_BACKUP },
          { role: "SUPPORT", country: "BE", region: "Gand" },
        ],
      },
    ],
  },
  {
    name: "Permisphère",
    legalName: "Permisphère SAS",
    website: "https://www.permisphere.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2022-01-10", reference: "Marché 2022-URB-01 – annexe RGPD", nextReview: "2027-01-10" },
    notes: `${FICTIF} Instruction des autorisations d'urbanisme et guichet numérique (SVE) ; copies de sauvegarde aux Pays-Bas chez le même hébergeur.`,
    fictitious: true,
    services: [
      {
        name: "Permisphère Urbanisme (SaaS)",
        locations: [
          { role: "STORAGE", country: "FR", region: "Paris (fr-par)", provider: SCW_PAR },
          { role: "BACKUP", country: "NL", region: "Amsterdam (nl-ams)", provider: SCW_AMS },
        ],
      },
    ],
  },
  {
    name: "Vigipol Logiciels",
    legalName: "Vigipol Logiciels SAS",
    website: "https://www.vigipol.example",
    country: "FR",
    contact: { name: "Support police municipale", email: "support@vigipol.example" },
    dpa: {
      status: "SIGNED",
      signedAt: "2024-05-06",
      reference: "Marché 2024-PM-02 – clauses de sous-traitance (directive « police-justice »)",
      nextReview: "2027-05-06",
    },
    notes: `${FICTIF} Main courante et verbalisation électronique en SaaS, hébergés sur l'offre SecNumCloud d'Outscale.`,
    fictitious: true,
    services: [
      { name: "Vigipol Main courante (SaaS)", locations: [{ role: "STORAGE", country: "FR", provider: OUTSCALE_SNC }] },
      {
        name: "Vigipol PVe (verbalisation électronique)",
        description: "Terminaux de verbalisation et transmission à l'ANTAI.",
        locations: [{ role: "STORAGE", country: "FR", provider: OUTSCALE_SNC }],
      },
    ],
  },
  {
    name: "Optivue Sécurité",
    legalName: "Optivue Sécurité SAS",
    website: "https://www.optivue.example",
    country: "FR",
    parent: { name: "Optivue Holding SpA", country: "IT" },
    dpa: { status: "NOT_REQUIRED" },
    notes: `${FICTIF} Logiciels de supervision vidéo, de déchargement des caméras individuelles et de contrôle d'accès installés dans la salle serveurs ; maintenance sur site accompagnée, aucun accès distant aux images.`,
    fictitious: true,
    services: [
      { name: "Optivue VMS (supervision vidéo, installé sur site)", locations: [] },
      { name: "Optivue Accès (contrôle d'accès par badge, installé sur site)", locations: [] },
    ],
  },
  {
    name: "StationnPark France",
    legalName: "StationnPark France SAS",
    website: "https://www.stationnpark.example",
    country: "FR",
    parent: { name: "StationnPark Group BV", country: "NL" },
    dpa: { status: "SIGNED", signedAt: "2025-04-01", reference: "Marché 2025-PM-01 – contrôle du stationnement payant, annexe RGPD", nextReview: "2028-04-01" },
    notes: `${FICTIF} Véhicule de lecture automatisée des plaques et gestion des forfaits post-stationnement ; la plateforme du prestataire est hébergée chez AWS dans la région de Paris.`,
    fictitious: true,
    services: [
      {
        name: "Plateforme LAPI et FPS",
        locations: [
          { role: "STORAGE", country: "FR", region: "Paris (eu-west-3)", provider: AWS_PARIS },
          { role: "SUPPORT", country: "NL", region: "Utrecht" },
        ],
      },
    ],
  },
  {
    name: "Entraide Logiciels",
    legalName: "Entraide Logiciels SAS",
    website: "https://www.entraide-logiciels.example",
    country: "FR",
    contact: { name: "Délégué à la protection des données", email: "dpo@entraide-logiciels.example" },
    dpa: {
      status: "SIGNED",
      signedAt: "2024-01-01",
      reference: "Contrat de maintenance 2024-SOC-01 et accord de sous-traitance (ville, CCAS)",
      nextReview: "2027-01-01",
    },
    notes: `${FICTIF} Logiciel d'action sociale : module de veille des personnes vulnérables en SaaS chez un hébergeur certifié HDS (sauvegardes externalisées chez OVHcloud), et logiciel d'instruction du CCAS installé dans la salle serveurs de la ville, maintenu à distance depuis Nantes.`,
    fictitious: true,
    services: [
      {
        name: "Entraide Veille sociale (SaaS)",
        description: "Registre des personnes vulnérables et appels de veille.",
        locations: [
          { role: "STORAGE", country: "FR", region: "Montpellier", provider: OCCITALIA_HDS },
          { role: "SUPPORT", country: "FR", region: "Nantes" },
        ],
      },
      {
        name: "Entraide CCAS – télémaintenance",
        description: "Télémaintenance du logiciel d'instruction installé sur site, ouverte à la demande.",
        locations: [{ role: "SUPPORT", country: "FR", region: "Nantes" }],
      },
    ],
  },
  {
    name: "Occitalia Hébergement",
    legalName: "Occitalia Hébergement SAS",
    website: "https://www.occitalia.example",
    country: "FR",
    hds: { activities: "Hébergeur d'infrastructure physique et hébergeur infogéreur (référentiel de certification HDS 2024)", expiry: "2028-03-14" },
    iso27001Expiry: "2028-03-14",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${FICTIF} ${NOT_DIRECT} Hébergeur régional certifié HDS ; copies de sauvegarde externalisées chez OVHcloud (Strasbourg), sous-traitant ultérieur déclaré à l'éditeur.`,
    fictitious: true,
    services: [
      {
        name: OCCITALIA_HDS.service,
        locations: [
          { role: "STORAGE", country: "FR", region: "Montpellier" },
          { role: "BACKUP", country: "FR", region: "Strasbourg (SBG)", provider: OVH_BACKUP },
          { role: "SUPPORT", country: "FR", region: "Montpellier" },
        ],
      },
    ],
  },
  {
    name: "Ticketeo",
    legalName: "Ticketeo SAS",
    website: "https://www.ticketeo.example",
    country: "FR",
    dpa: { status: "NONE" },
    notes: `${FICTIF} Outil de gestion des demandes en essai. Le support de niveau 1 est sous-traité à un centre à Pune (Inde) sans clauses contractuelles types ni analyse d'impact des transferts : à régulariser avant toute validation de la fiche (CCT module 3, ou support limité à l'UE).`,
    fictitious: true,
    services: [
      {
        name: "Ticketeo Service Desk (SaaS)",
        locations: [
          { role: "STORAGE", country: "FR", region: "Paris (fr-par)", provider: SCW_PAR },
          { role: "SUPPORT", country: "IN", region: "Pune" },
        ],
      },
    ],
  },
  {
    name: "SurveyNimbus Inc.",
    legalName: "SurveyNimbus Inc.",
    website: "https://www.surveynimbus.example",
    country: "US",
    dpf: { certified: false, checkedAt: "2026-09-12" },
    dpa: { status: "NONE" },
    notes: `${FICTIF} Offre gratuite de questionnaires en ligne, conditions acceptées en ligne par le service communication. Absente de la liste DPF à la date de vérification ; aucune clause contractuelle type.`,
    fictitious: true,
    services: [
      {
        name: "SurveyNimbus Free (questionnaires en ligne)",
        locations: [
          { role: "STORAGE", country: "US" },
          { role: "PROCESSING", country: "US" },
        ],
      },
    ],
  },
  {
    name: "Skillharbour Ltd",
    legalName: "Skillharbour Ltd",
    website: "https://www.skillharbour.example",
    country: "GB",
    dpa: { status: "REQUESTED", reference: "Demande d'accord de sous-traitance et de liste des sous-traitants ultérieurs (octobre 2026)" },
    notes: `${FICTIF} Plateforme de formation en ligne. Royaume-Uni : décision d'adéquation valable jusqu'au 27 décembre 2031 ; l'éditeur reste soumis à l'Investigatory Powers Act. Liste des sous-traitants ultérieurs demandée (voir la demande de modification sur la fiche).`,
    fictitious: true,
    services: [{ name: "Skillharbour Learning (formation en ligne)", locations: [{ role: "STORAGE", country: "GB", region: "Londres" }] }],
  },
  {
    name: "Lectura Libre",
    legalName: "Lectura Libre SCOP SARL",
    website: "https://www.lectura-libre.example",
    country: "FR",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${FICTIF} Hébergement et maintenance du SIGB libre Koha du réseau intercommunal ; contrat conclu par la communauté d'agglomération (convention de responsabilité conjointe), d'où l'absence de DPA signé par la ville. Support de second niveau assuré par la filiale canadienne (Montréal). À vérifier par le DPO : la filiale est-elle soumise à la LPRPDE (décision d'adéquation limitée aux organisations commerciales) ?`,
    fictitious: true,
    services: [
      {
        name: "Koha hébergé (SIGB du réseau intercommunal)",
        locations: [
          { role: "STORAGE", country: "FR", region: "Gravelines (GRA)", provider: OVH_PUBLIC },
          { role: "SUPPORT", country: "CA", region: "Montréal (Québec)" },
        ],
      },
    ],
  },
  {
    name: "Flottiq",
    legalName: "Flottiq SAS",
    website: "https://www.flottiq.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2023-10-02", reference: "Marché 2023-ST-05 – télématique embarquée, annexe RGPD", nextReview: "2027-10-02" },
    notes: `${FICTIF} Boîtiers de géolocalisation des véhicules de service ; données stockées en France, calcul des trajets et supervision depuis le centre d'exploitation de Genève.`,
    fictitious: true,
    services: [
      {
        name: "Flottiq Géolocalisation de flotte",
        locations: [
          { role: "STORAGE", country: "FR", region: "Paris (fr-par)", provider: SCW_PAR },
          { role: "PROCESSING", country: "CH", region: "Genève" },
        ],
      },
    ],
  },
  {
    name: "Memoria Funéraire",
    legalName: "Memoria Funéraire SARL",
    website: "https://www.memoria-funeraire.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2021-05-10", reference: "Contrat de service 2021-EC-03, clauses RGPD", nextReview: "2026-05-31" },
    notes: `${FICTIF} Gestion des cimetières et des concessions en SaaS. Revue du contrat de sous-traitance en retard depuis mai 2026.`,
    fictitious: true,
    services: [{ name: "Memoria Cimetières (SaaS)", locations: [{ role: "STORAGE", country: "FR", region: "Paris (fr-par)", provider: SCW_PAR }] }],
  },
  {
    name: "RDVille",
    legalName: "RDVille SAS",
    website: "https://www.rdville.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2024-10-01", reference: "Contrat 2024-EC-05 – agenda en ligne, accord de sous-traitance", nextReview: "2027-10-01" },
    notes: `${FICTIF} Agenda de rendez-vous en ligne pour les titres d'identité ; « hébergement en France » au sens de la région Paris de Google Cloud, ce qui expose les données au droit américain par l'hébergeur.`,
    fictitious: true,
    services: [{ name: "RDVille Agenda en ligne", locations: [{ role: "STORAGE", country: "FR", region: "Paris (europe-west9)", provider: GCP_PARIS }] }],
  },
  {
    name: "Guichet Libre",
    legalName: "Guichet Libre SCOP SA",
    website: "https://www.guichet-libre.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2022-06-15", reference: "Marché 2022-COM-04 – téléservices, annexe RGPD", nextReview: "2027-06-15" },
    notes: `${FICTIF} Plateforme de téléservices en logiciel libre, hébergée sur l'offre SecNumCloud d'OVHcloud.`,
    fictitious: true,
    services: [
      {
        name: "Guichet Libre Téléservices",
        locations: [
          { role: "STORAGE", country: "FR", provider: OVH_SNC },
          { role: "SUPPORT", country: "FR", region: "Toulouse" },
        ],
      },
    ],
  },
  {
    name: "Délibéra",
    legalName: "Délibéra SAS",
    website: "https://www.delibera.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2023-01-16", reference: "Marché 2023-AG-01 – gestion des assemblées, annexe RGPD", nextReview: "2027-01-16" },
    notes: `${FICTIF} Convocations dématérialisées des élus, circuit des délibérations et télétransmission au contrôle de légalité.`,
    fictitious: true,
    services: [{ name: "Délibéra Assemblées (SaaS)", locations: [{ role: "STORAGE", country: "FR", region: "Gravelines (GRA)", provider: OVH_PUBLIC }] }],
  },
  {
    name: "Captavox",
    legalName: "Captavox SARL",
    website: "https://www.captavox.example",
    country: "FR",
    dpa: { status: "SIGNED", signedAt: "2024-09-02", reference: "Marché 2024-COM-06 – captation des séances, annexe RGPD", nextReview: "2027-09-02" },
    notes: `${FICTIF} Captation des séances du conseil municipal et envoi du flux vers la chaîne YouTube de la ville ; rushs conservés un mois dans ses locaux.`,
    fictitious: true,
    services: [{ name: "Captation vidéo des séances", locations: [{ role: "STORAGE", country: "FR", region: "Montpellier" }] }],
  },
  {
    name: "Archivéa",
    legalName: "Archivéa SAS",
    website: "https://www.archivea.example",
    country: "FR",
    dpa: { status: "NOT_REQUIRED" },
    notes: `${FICTIF} Système d'archivage électronique installé sur site ; aucun accès de l'éditeur aux archives.`,
    fictitious: true,
    services: [{ name: "Archivéa SAE (installé sur site)", locations: [] }],
  },
];

/* ---------------- Which services each demo activity uses ---------------- */

const site = (name: string): DemoSiteRef => ({ site: name });
const svc = (vendor: string, service: string): DemoServiceRef => ({ vendor, service });
const ETAT_CIVIL = svc("ActaCivis", "ActaCivis État civil (installé sur site)");
const ELECTIONS = svc("ActaCivis", "ActaCivis Élections (installé sur site)");
const SIRH = svc("Ressourcia", "Ressourcia SIRH et paie (SaaS)");
const FINANCES = svc("Finalys Collectivités", "Finalys Gestion financière (SaaS)");
const PORTAIL_FAMILLE = svc("Famillio", "Famillio Portail famille (SaaS)");
const URBANISME = svc("Permisphère", "Permisphère Urbanisme (SaaS)");
const VMS = svc("Optivue Sécurité", "Optivue VMS (supervision vidéo, installé sur site)");

/** Activity name → the services (or own sites) it uses, with the role they play. Activities not listed stay "unknown". */
export const DEMO_LINKS: Record<string, readonly (readonly [DemoLinkTarget, LinkRole])[]> = {
  "Tenue des registres de l'état civil": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [site(DEMO_BACKUP_ROOM), "HOSTING"],
    [ETAT_CIVIL, "SOFTWARE_NO_ACCESS"],
    [svc("Archivéa", "Archivéa SAE (installé sur site)"), "SOFTWARE_NO_ACCESS"],
  ],
  "Prise de rendez-vous pour les cartes d'identité et passeports": [
    [svc("RDVille", "RDVille Agenda en ligne"), "PROCESSOR"],
    [svc("Brevo", "SMS transactionnels (rappels de rendez-vous)"), "PROCESSOR"],
  ],
  "Recensement citoyen des jeunes de 16 ans": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [ETAT_CIVIL, "SOFTWARE_NO_ACCESS"],
  ],
  "Attestations d'accueil des ressortissants étrangers": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [ETAT_CIVIL, "SOFTWARE_NO_ACCESS"],
  ],
  "Gestion des cimetières et des concessions funéraires": [[svc("Memoria Funéraire", "Memoria Cimetières (SaaS)"), "PROCESSOR"]],
  "Gestion des carrières et dossier individuel des agents": [[SIRH, "PROCESSOR"]],
  "Paie des agents et des élus, déclarations sociales": [
    [SIRH, "PROCESSOR"],
    [svc("Coffrelys", "Coffre-fort numérique des agents"), "PROCESSOR"],
  ],
  "Recrutement des agents": [[SIRH, "PROCESSOR"]],
  "Formation professionnelle des agents": [[svc("Skillharbour Ltd", "Skillharbour Learning (formation en ligne)"), "PROCESSOR"]],
  "Main courante et missions administratives de la police municipale": [[svc("Vigipol Logiciels", "Vigipol Main courante (SaaS)"), "PROCESSOR"]],
  "Constatation des infractions par procès-verbal électronique": [[svc("Vigipol Logiciels", "Vigipol PVe (verbalisation électronique)"), "PROCESSOR"]],
  "Caméras individuelles des agents de police municipale": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [VMS, "SOFTWARE_NO_ACCESS"],
  ],
  "Vidéoprotection de la voie publique et centre de supervision urbain": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [VMS, "SOFTWARE_NO_ACCESS"],
  ],
  "Stationnement payant, forfaits post-stationnement et lecture automatisée des plaques": [[svc("StationnPark France", "Plateforme LAPI et FPS"), "PROCESSOR"]],
  "Inscriptions scolaires dans les écoles publiques": [[PORTAIL_FAMILLE, "PROCESSOR"]],
  "Restauration scolaire, accueils périscolaires et de loisirs, facturation aux familles": [[PORTAIL_FAMILLE, "PROCESSOR"]],
  "Accueil des jeunes enfants dans les multi-accueils municipaux": [[PORTAIL_FAMILLE, "PROCESSOR"]],
  "Instruction des autorisations d'urbanisme": [[URBANISME, "PROCESSOR"]],
  "Déclarations d'intention d'aliéner et droit de préemption urbain": [[URBANISME, "PROCESSOR"]],
  "Facturation des usagers et recettes": [[FINANCES, "PROCESSOR"]],
  "Marchés publics et gestion des fournisseurs": [
    [FINANCES, "PROCESSOR"],
    [svc("Achat-Sud Dématérialisation", "Profil d'acheteur Achat-Sud"), "PROCESSOR"],
  ],
  "Subventions aux associations": [[FINANCES, "PROCESSOR"]],
  "Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)": [
    [svc("Entraide Logiciels", "Entraide Veille sociale (SaaS)"), "PROCESSOR"],
  ],
  [DEMO_EMAIL_ACTIVITY]: [[M365, "PROCESSOR"]],
  "Journalisation des accès aux systèmes d'information": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [site(DEMO_BACKUP_ROOM), "HOSTING"],
  ],
  "Hébergement et maintenance du logiciel d'action sociale pour le compte du CCAS": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [site(DEMO_BACKUP_ROOM), "HOSTING"],
    [svc("Entraide Logiciels", "Entraide CCAS – télémaintenance"), "SUB_PROCESSOR"],
  ],
  "Gestion du parc informatique et assistance aux utilisateurs": [[svc("Ticketeo", "Ticketeo Service Desk (SaaS)"), "PROCESSOR"]],
  "Réseau intercommunal de lecture publique : inscriptions et prêts": [[svc("Lectura Libre", "Koha hébergé (SIGB du réseau intercommunal)"), "PROCESSOR"]],
  "Archives municipales : collecte, conservation et communication": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [svc("Archivéa", "Archivéa SAE (installé sur site)"), "SOFTWARE_NO_ACCESS"],
  ],
  "Lettre d'information municipale": [[svc("Mailchimp (Intuit)", "Plateforme d'envoi de lettres d'information"), "PROCESSOR"]],
  "Relation usagers : téléservices, demandes en ligne et courrier": [[svc("Guichet Libre", "Guichet Libre Téléservices"), "PROCESSOR"]],
  "Enquête de satisfaction des usagers des services municipaux": [[svc("SurveyNimbus Inc.", "SurveyNimbus Free (questionnaires en ligne)"), "PROCESSOR"]],
  "Conseil municipal : convocations, délibérations, indemnités et retransmission des séances": [
    [M365, "PROCESSOR"],
    [svc("Délibéra", "Délibéra Assemblées (SaaS)"), "PROCESSOR"],
    [svc("Captavox", "Captation vidéo des séances"), "PROCESSOR"],
    [YOUTUBE, "RECIPIENT"],
  ],
  "Gestion des listes électorales": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [site(DEMO_BACKUP_ROOM), "HOSTING"],
    [ELECTIONS, "SOFTWARE_NO_ACCESS"],
  ],
  "Tirage au sort des jurés d'assises": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [ELECTIONS, "SOFTWARE_NO_ACCESS"],
  ],
  "Organisation des scrutins : bureaux de vote, assesseurs et scrutateurs": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [ELECTIONS, "SOFTWARE_NO_ACCESS"],
  ],
  "Géolocalisation des véhicules de service": [[svc("Flottiq", "Flottiq Géolocalisation de flotte"), "PROCESSOR"]],
  "Contrôle d'accès par badge et vidéoprotection des bâtiments municipaux": [
    [site(DEMO_SERVER_ROOM), "HOSTING"],
    [svc("Optivue Sécurité", "Optivue Accès (contrôle d'accès par badge, installé sur site)"), "SOFTWARE_NO_ACCESS"],
    [VMS, "SOFTWARE_NO_ACCESS"],
  ],
};

export const serviceKey = (ref: DemoServiceRef) => `${ref.vendor}\u0000${ref.service}`;
export const isSiteRef = (t: DemoLinkTarget): t is DemoSiteRef => "site" in t;

/**
 * Checks the data before anything is written: unique names, known countries, roles and safeguards,
 * and every reference (provider, link target, activity name) resolvable.
 */
export function checkDemoVendors(): void {
  const fail = (msg: string): never => {
    throw new Error(`Demo vendors: ${msg}`);
  };
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
  const country = (c: string, where: string) => isCountryCode(c) || fail(`${where}: unknown country ${c}`);
  const services = new Set<string>();
  const vendorNames = new Set<string>();
  for (const v of DEMO_VENDORS) {
    if (vendorNames.has(v.name)) fail(`duplicate vendor ${v.name}`);
    vendorNames.add(v.name);
    country(v.country, v.name);
    if (v.parent) country(v.parent.country, `${v.name} (parent)`);
    if (v.dpf && v.country !== "US") fail(`${v.name}: only an organisation established in the US can be DPF-certified`);
    for (const d of [
      v.hds?.expiry,
      v.iso27001Expiry,
      v.dpf?.checkedAt,
      v.dpa.status === "SIGNED" ? v.dpa.signedAt : undefined,
      v.dpa.status === "SIGNED" ? v.dpa.nextReview : undefined,
    ]) {
      if (d !== undefined && !isDate(d)) fail(`${v.name}: bad date ${d}`);
    }
    for (const s of v.services) {
      const key = serviceKey({ vendor: v.name, service: s.name });
      if (services.has(key)) fail(`duplicate service ${v.name} / ${s.name}`);
      services.add(key);
      if (s.secNumCloudDate !== undefined && !isDate(s.secNumCloudDate)) fail(`${s.name}: bad date`);
    }
  }
  for (const v of DEMO_VENDORS) {
    for (const s of v.services) {
      for (const l of s.locations) {
        const where = `${v.name} / ${s.name}`;
        country(l.country, where);
        if (!(LOCATION_ROLES as readonly string[]).includes(l.role)) fail(`${where}: unknown location role ${l.role}`);
        if (l.safeguard && !(LOCATION_SAFEGUARDS as readonly string[]).includes(l.safeguard)) fail(`${where}: unknown safeguard ${l.safeguard}`);
        if (l.provider && !services.has(serviceKey(l.provider))) fail(`${where}: unknown provider ${l.provider.vendor} / ${l.provider.service}`);
        if (l.provider && serviceKey(l.provider) === serviceKey({ vendor: v.name, service: s.name })) fail(`${where}: provides itself`);
      }
    }
  }
  const sites = new Set(DEMO_HOSTING_SITES.map((s) => s.name));
  if (sites.size !== DEMO_HOSTING_SITES.length) fail("duplicate hosting site");
  for (const s of DEMO_HOSTING_SITES) country(s.country, s.name);
  const activityNames = DEMO_ACTIVITIES.map((a) => String(a.content.name));
  if (new Set(activityNames).size !== activityNames.length) fail("demo activity names are not unique");
  for (const [activity, links] of Object.entries(DEMO_LINKS)) {
    if (!activityNames.includes(activity)) fail(`unknown activity "${activity}"`);
    for (const [target, role] of links) {
      if (!(LINK_ROLES as readonly string[]).includes(role)) fail(`${activity}: unknown link role ${role}`);
      if (isSiteRef(target) ? !sites.has(target.site) : !services.has(serviceKey(target))) fail(`${activity}: unknown link target ${JSON.stringify(target)}`);
    }
  }
  if (!services.has(serviceKey(DEMO_WHAT_IF.to)) || !vendorNames.has(DEMO_WHAT_IF.fromVendor)) fail("what-if references");
}
