/**
 * The demo city's register: 45 processing activities of a French commune of about 25,000
 * inhabitants (source: docs of the project, shared/reference/municipal-activities.md), each with
 * the story the seed replays through the real domain functions (app/models/demo-seed.server.ts).
 *
 * `content` is the activity's current working copy. A story with several versions, or with a
 * pending draft, lists its `edits` oldest first: each `undo` turns the content after that edit back
 * into the content before it, so the seed can rebuild version 1 and replay every change.
 *
 * Retention periods are examples: in a real commune each DUA is agreed with the Archives
 * départementales. Points the reference marks as uncertain are phrased as such ("à vérifier").
 */
import type { ActivityContent, ActivityContentInput } from "~/schemas/activity.ts";
import type { DataCategory } from "~/reference/vocabularies.ts";
import type { DEMO_DEPARTMENTS } from "./departments.ts";

export type DemoStatus = "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "ARCHIVED";

/** One change made after an approval; `summary` goes with the resubmission (or re-approval). */
export type DemoEdit = { summary: string; undo: (after: ActivityContent) => ActivityContent };

export type DemoStory = {
  status: DemoStatus;
  /** Approved versions (APPROVED or ARCHIVED stories); 1 when absent. */
  versions?: number;
  comments?: { author: "dpo" | "editor"; body: string }[];
  /** The DPO's change request (CHANGES_REQUESTED). */
  changeRequest?: string;
  /** Required for ARCHIVED. */
  archiveReason?: string;
  /** Approved, then edited again and not yet re-approved: the last edit stays a draft. */
  pendingDraft?: boolean;
  /** Exactly (versions - 1) edits, plus one when pendingDraft. */
  edits?: DemoEdit[];
};

export type DemoActivity = { department: (typeof DEMO_DEPARTMENTS)[number]; content: ActivityContentInput; story: DemoStory };

/* The schema's input type is loose (preprocessed fields are `unknown`); this one catches typos in codes. */
type Retention = ActivityContent["dataCategories"][number]["retention"];
type DemoContent = Omit<Partial<ActivityContent>, "name" | "purposes" | "riskFlags" | "dataCategories"> & {
  name: string;
  purposes?: { main?: string; sub?: string[] };
  riskFlags?: Partial<ActivityContent["riskFlags"]>;
  dataCategories?: (Omit<ActivityContent["dataCategories"][number], "retention"> & { retention?: Retention })[];
};

const EMPTY_LISTS = {
  jointControllers: [],
  processorFor: [],
  legalBases: [],
  art9Conditions: [],
  dataSubjects: [],
  dataCategories: [],
  recipients: [],
  transfers: [],
  securityMeasures: [],
} satisfies Partial<ActivityContent>;

function demo(department: DemoActivity["department"], content: DemoContent, story: DemoStory): DemoActivity {
  const { purposes, ...rest } = content;
  return { department, content: { ...EMPTY_LISTS, ...rest, ...(purposes ? { purposes: { sub: [], ...purposes } } : {}) }, story };
}

/* ---------- undo helpers (edits between versions) ---------- */
type Undo = DemoEdit["undo"];
const chain =
  (...fns: Undo[]): Undo =>
  (c) =>
    fns.reduce((acc, f) => f(acc), c);
const dropRecipient =
  (prefix: string): Undo =>
  (c) => ({ ...c, recipients: c.recipients.filter((r) => !r.name.startsWith(prefix)) });
const dropSubPurpose =
  (prefix: string): Undo =>
  (c) => ({ ...c, purposes: { ...c.purposes, sub: c.purposes.sub.filter((s) => !s.startsWith(prefix)) } });
const replaceSubPurpose =
  (prefix: string, text: string): Undo =>
  (c) => ({ ...c, purposes: { ...c.purposes, sub: c.purposes.sub.map((s) => (s.startsWith(prefix) ? text : s)) } });
const dropCategory =
  (category: DataCategory): Undo =>
  (c) => ({ ...c, dataCategories: c.dataCategories.filter((d) => d.category !== category) });
const dropMeasure =
  (measure: ActivityContent["securityMeasures"][number]["measure"]): Undo =>
  (c) => ({ ...c, securityMeasures: c.securityMeasures.filter((m) => m.measure !== measure) });
const setRetention =
  (categories: DataCategory[], retention: Retention): Undo =>
  (c) => ({ ...c, dataCategories: c.dataCategories.map((d) => (categories.includes(d.category) ? { ...d, retention: { ...d.retention, ...retention } } : d)) });
const replaceInDescription =
  (from: string, to: string): Undo =>
  (c) => ({ ...c, description: c.description?.replace(from, to) });
const setReviews =
  (lastReviewAt: string, nextReviewAt: string): Undo =>
  (c) => ({ ...c, lastReviewAt, nextReviewAt });

/* ---------- shared wording ---------- */
const CIRC_2009 = "Circulaire DAF/DPACI/RES/2009/018 (tableau de gestion des services communs des collectivités)";
const INSTR_2014 = "Instruction DGP/SIAF/2014/006 (tableau de gestion des archives communales)";
const INSTR_2004 = "Instruction DPACI/RES/2004/01 (documents électoraux)";
const AD = "durée à confirmer avec les Archives départementales, dont le visa est requis avant toute élimination (Code du patrimoine L212-2)";
const DPO = "du délégué à la protection des données (dpo@demo.example, Hôtel de ville, 1 place de la République)";
const PAGE = "la page « Données personnelles » du site de la ville";

export const DEMO_ACTIVITIES: DemoActivity[] = [
  /* ======================= État civil (compte éditeur) ======================= */
  demo(
    "État civil",
    {
      name: "Tenue des registres de l'état civil",
      description:
        "Établissement des actes de naissance, de reconnaissance, de mariage et de décès, apposition des mentions marginales, délivrance des copies intégrales et extraits, et réponse aux demandes de vérification dématérialisée des données d'état civil (COMEDEC).",
      internalContact: "Responsable du service État civil",
      implementationDate: "2015-03-02",
      regime: "GDPR",
      role: "CONTROLLER",
      purposes: {
        main: "Tenir les registres de l'état civil de la commune et en délivrer les copies et extraits",
        sub: [
          "Rédaction des actes et apposition des mentions marginales",
          "Délivrance des copies intégrales et extraits aux personnes habilitées",
          "Transmission des avis à l'INSEE et aux communes concernées",
          "Vérification dématérialisée des données d'état civil par les notaires (COMEDEC)",
        ],
      },
      legalBases: [
        {
          basis: "c",
          text: "Code civil, art. 34 et suivants ; décret n° 2017-890 du 6 mai 2017 relatif à l'état civil",
          purpose: "Établissement des actes et des mentions",
        },
        {
          basis: "e_official_authority",
          text: "Code civil, art. 34 et suivants : le maire, officier de l'état civil, agit au nom de l'État",
          purpose: "Délivrance des copies et extraits",
        },
      ],
      dataSubjects: [
        { category: "residents", description: "Personnes dont l'acte est dressé dans la commune, déclarants, parents, époux", estimatedCount: 2600 },
        { category: "other", description: "Témoins, déclarants non résidents, notaires demandeurs", estimatedCount: 700 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, sexe, date et lieu de naissance, filiation, nationalité le cas échéant, domicile, profession",
          source: "Déclarants, pièces justificatives, avis transmis par d'autres communes ou par le procureur",
          retention: {
            activePeriod: "Registres : conservation permanente en mairie",
            finalFate: "archives",
            rule: `${INSTR_2014} ; communicabilité : naissance et mariage après 75 ans, décès immédiatement (Code du patrimoine L213-2)`,
          },
        },
        {
          category: "personal_life",
          description: "Situation matrimoniale, mentions marginales (divorce, PACS, changement de nom ou de prénom)",
          source: "Jugements, avis de mention, déclarations",
          retention: { activePeriod: "Registres : conservation permanente en mairie", finalFate: "archives", rule: INSTR_2014 },
        },
      ],
      recipients: [
        { type: "internal", name: "Service État civil (officiers et agents délégués)" },
        { type: "institutional", name: "INSEE (avis de naissance, de mariage et de décès)" },
        { type: "institutional", name: "Procureur de la République et greffe du tribunal judiciaire" },
        { type: "institutional", name: "Communes de naissance ou de mariage (avis de mention)" },
        { type: "other", name: "Notaires, par la plateforme COMEDEC (vérification sécurisée)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Habilitations nominatives dans le logiciel d'état civil ; profils officier / agent" },
        { measure: "logging", details: "Traçabilité des consultations, des mentions et des délivrances" },
        { measure: "physical_security", details: "Registres papier en armoire forte ignifugée, local fermé hors présence des agents" },
        { measure: "backups", details: "Sauvegarde quotidienne chiffrée de la base, copie hors site" },
      ],
      rights: {
        exercise: `Rectification des actes par voie administrative ou judiciaire uniquement (Code civil, art. 99 et 99-1) ; droit d'accès et demandes auprès du service État civil ou ${DPO}.`,
        information: `Affichage au guichet État civil et ${PAGE}.`,
      },
      lastReviewAt: "2026-05-12",
      nextReviewAt: "2027-05-31",
    },
    {
      status: "APPROVED",
      versions: 2,
      edits: [
        {
          summary: "Ajout de la vérification dématérialisée des données d'état civil par les notaires (COMEDEC)",
          undo: chain(dropRecipient("Notaires"), dropSubPurpose("Vérification dématérialisée"), setReviews("2024-03-18", "2026-03-31")),
        },
      ],
      comments: [
        { author: "dpo", body: "Version 2 validée. Pensez à mettre à jour l'affiche d'information du guichet pour mentionner COMEDEC." },
        { author: "editor", body: "C'est fait : la nouvelle affiche est en place au guichet depuis le 3 novembre." },
      ],
    },
  ),
  demo(
    "État civil",
    {
      name: "Collecte de l'enquête annuelle de recensement de la population",
      description:
        "Préparation et réalisation de la collecte annuelle du recensement pour le compte de l'INSEE (commune de plus de 10 000 habitants : échantillon d'environ 8 % des logements chaque année) : recrutement et suivi des agents recenseurs, distribution et collecte des questionnaires, suivi de l'avancement.",
      internalContact: "Coordonnateur communal du recensement (service État civil)",
      implementationDate: "2004-01-15",
      purposes: {
        main: "Réaliser la collecte du recensement de la population confiée à la commune",
        sub: [
          "Recrutement, formation et encadrement des agents recenseurs",
          "Distribution et collecte des questionnaires",
          "Suivi de la collecte et remise des questionnaires à l'INSEE",
        ],
      },
      legalBases: [
        { basis: "c", text: "Loi n° 2002-276 du 27 février 2002, art. 156 à 158 ; décret n° 2003-485 du 5 juin 2003", purpose: "Collecte du recensement" },
      ],
      dataSubjects: [
        { category: "residents", description: "Habitants des logements tirés dans l'échantillon annuel", estimatedCount: 2000 },
        { category: "agents", description: "Agents recenseurs recrutés pour la collecte", estimatedCount: 12 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, adresse du logement, réponses aux questionnaires papier le temps de la collecte",
          source: "Habitants (questionnaires papier ou réponse en ligne sur le site de l'INSEE)",
          retention: {
            activePeriod: "Durée de la collecte (janvier-février)",
            finalFate: "destruction",
            rule: "La commune ne conserve aucune copie : questionnaires remis à l'INSEE ; imprimés inutilisés détruits, procès-verbal de destruction adressé à l'INSEE",
          },
        },
        {
          category: "professional_life",
          description: "Agents recenseurs : disponibilités, secteurs attribués, suivi de leur collecte",
          source: "Agents recenseurs",
          retention: { activePeriod: "Fin de la campagne + 1 an", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "institutional", name: "INSEE (seul destinataire des questionnaires)" },
        { type: "internal", name: "Coordonnateur communal et agents recenseurs" },
      ],
      securityMeasures: [
        { measure: "physical_security", details: "Questionnaires papier conservés sous clé en mairie pendant la collecte" },
        { measure: "awareness", details: "Agents recenseurs tenus au secret statistique, formés par l'INSEE" },
        { measure: "access_control", details: "Accès à l'outil de suivi de collecte de l'INSEE limité au coordonnateur" },
      ],
      rights: {
        exercise: `Les droits s'exercent auprès de l'INSEE ; le service État civil et ${DPO} orientent les demandes.`,
        information: "Notice de l'INSEE remise avec les questionnaires ; affichage en mairie et article dans le magazine municipal avant chaque collecte.",
      },
      lastReviewAt: "2026-01-08",
      nextReviewAt: "2027-01-15",
    },
    { status: "APPROVED" },
  ),
  demo(
    "État civil",
    {
      name: "Prise de rendez-vous pour les cartes d'identité et passeports",
      description:
        "Gestion de l'agenda en ligne et téléphonique des rendez-vous de dépôt et de retrait des demandes de carte nationale d'identité et de passeport (deux dispositifs de recueil en mairie). L'instruction des titres relève de l'État (traitement TES, décret n° 2016-1460) et n'est pas décrite ici : la commune ne tient que l'agenda.",
      internalContact: "Responsable de l'accueil titres (service État civil)",
      implementationDate: "2019-09-02",
      purposes: {
        main: "Organiser l'accueil des demandeurs de titres d'identité",
        sub: [
          "Prise, modification et annulation des rendez-vous",
          "Rappel automatique par SMS la veille du rendez-vous",
          "Statistiques de fréquentation anonymes",
        ],
      },
      legalBases: [
        {
          basis: "e_public_interest",
          text: "CGCT, art. L2122-27 (missions exercées par le maire au nom de l'État)",
          purpose: "Accueil des demandeurs de titres",
        },
      ],
      dataSubjects: [{ category: "service_users", description: "Demandeurs de titres (résidents et non-résidents)", estimatedCount: 6500 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénom, téléphone, courriel, type de titre demandé, numéro de pré-demande en ligne",
          source: "Demandeur (agenda en ligne ou appel téléphonique)",
          retention: { activePeriod: "3 mois après la date du rendez-vous", finalFate: "destruction", rule: "Purge automatique paramétrée dans l'agenda" },
        },
      ],
      recipients: [
        { type: "internal", name: "Agents de l'accueil titres" },
        { type: "processor", name: "Éditeur de l'agenda de rendez-vous en ligne (hébergement en France)" },
        { type: "processor", name: "Prestataire d'envoi de SMS (rappels de rendez-vous)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Comptes nominatifs des agents dans l'agenda" },
        { measure: "processor_control", details: "Contrat de sous-traitance (art. 28) avec l'éditeur de l'agenda et le prestataire SMS" },
        { measure: "encryption", details: "Connexion HTTPS à l'agenda en ligne" },
      ],
      rights: {
        exercise: `Modification ou annulation du rendez-vous en ligne ; autres droits auprès du service État civil ou ${DPO}.`,
        information: "Mention d'information sur le formulaire de réservation en ligne.",
      },
      lastReviewAt: "2025-09-30",
      nextReviewAt: "2026-09-30",
    },
    {
      status: "APPROVED",
      pendingDraft: true,
      edits: [
        { summary: "Ajout du rappel de rendez-vous par SMS", undo: chain(dropRecipient("Prestataire d'envoi de SMS"), dropSubPurpose("Rappel automatique")) },
      ],
      comments: [
        {
          author: "editor",
          body: "J'ai ajouté le prestataire SMS retenu en octobre ; le contrat de sous-traitance est en cours de signature, je soumettrai ensuite.",
        },
      ],
    },
  ),
  demo(
    "État civil",
    {
      name: "Recensement citoyen des jeunes de 16 ans",
      description:
        "Enregistrement des jeunes qui se font recenser dans les trois mois suivant leur seizième anniversaire, délivrance de l'attestation de recensement et transmission des listes au centre du service national.",
      internalContact: "Agent chargé du recensement citoyen (service État civil)",
      implementationDate: "1999-01-01",
      purposes: {
        main: "Recenser les jeunes Français de 16 ans en vue de la journée défense et citoyenneté",
        sub: ["Délivrance de l'attestation de recensement", "Transmission des listes au centre du service national"],
      },
      legalBases: [{ basis: "c", text: "Code du service national, art. L113-1 (référence à vérifier)" }],
      dataSubjects: [{ category: "children", description: "Jeunes de 16 ans domiciliés dans la commune", estimatedCount: 300 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, date et lieu de naissance, adresse, nationalité, filiation, situation scolaire",
          source: "Le jeune ou son représentant légal (pièce d'identité, livret de famille)",
        },
      ],
      recipients: [{ type: "institutional", name: "Centre du service national" }],
    },
    { status: "DRAFT" },
  ),
  demo(
    "État civil",
    {
      name: "Attestations d'accueil des ressortissants étrangers",
      description:
        "Réception des demandes d'attestation d'accueil pour la visite privée d'un ressortissant étranger, vérification des conditions d'hébergement (le cas échéant par une visite du logement), validation ou refus par le maire, et tenue du fichier des attestations délivrées.",
      internalContact: "Responsable du pôle formalités administratives",
      implementationDate: "2010-06-01",
      purposes: {
        main: "Instruire et délivrer les attestations d'accueil",
        sub: ["Vérification des conditions d'hébergement", "Tenue du fichier des attestations"],
      },
      legalBases: [
        {
          basis: "e_official_authority",
          text: "CESEDA, art. L313-1 et suivants (le maire agit au nom de l'État)",
          purpose: "Validation des attestations d'accueil",
        },
      ],
      dataSubjects: [
        { category: "residents", description: "Hébergeants domiciliés dans la commune", estimatedCount: 150 },
        { category: "visitors", description: "Ressortissants étrangers accueillis", estimatedCount: 220 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Hébergeant et personne accueillie : nom, prénoms, date et lieu de naissance, nationalité, numéro de passeport, adresse",
          source: "Hébergeant (formulaire Cerfa et pièces justificatives)",
          retention: { activePeriod: "5 ans après la délivrance", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Lien de parenté, dates du séjour, caractéristiques du logement (surface, nombre d'occupants)",
          source: "Hébergeant ; visite du logement le cas échéant",
          retention: { activePeriod: "5 ans après la délivrance", finalFate: "destruction" },
        },
        {
          category: "economic",
          description: "Justificatifs de ressources de l'hébergeant",
          source: "Hébergeant",
          retention: { activePeriod: "5 ans après la délivrance", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Pôle formalités administratives" },
        { type: "institutional", name: "Préfecture (recours contre un refus)" },
        { type: "institutional", name: "Office français de l'immigration et de l'intégration (vérification du logement, le cas échéant)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Dossiers accessibles aux seuls agents du pôle formalités" },
        { measure: "physical_security", details: "Dossiers papier en armoire fermée" },
      ],
      rights: { exercise: `Auprès du pôle formalités ou ${DPO}.`, information: "Mention d'information remise avec le formulaire." },
      nextReviewAt: "2027-03-31",
    },
    {
      status: "CHANGES_REQUESTED",
      changeRequest:
        "Merci de revoir trois points avant validation :\n1. Responsable de traitement : le maire agit ici comme agent de l'État. Vérifiez avec la préfecture si le fichier des attestations relève de l'État ou de la commune, et adaptez la fiche.\n2. La durée de 5 ans n'est appuyée sur aucun texte : citez la référence ou faites-la valider par les Archives départementales.\n3. Justificatifs de ressources : sont-ils conservés ou seulement présentés ? S'ils ne sont que présentés, retirez cette catégorie.",
      comments: [{ author: "editor", body: "J'ai écrit au bureau de l'immigration de la préfecture pour le point 1 ; je reviens vers vous dès leur réponse." }],
    },
  ),
  demo(
    "État civil",
    {
      name: "Gestion des cimetières et des concessions funéraires",
      description:
        "Attribution, renouvellement et reprise des concessions, tenue des registres d'inhumation et du plan des deux cimetières communaux, autorisations d'opérations funéraires. Les personnes décédées ne relèvent pas du RGPD ; seules les données des titulaires, ayants droit et opérateurs sont décrites ici.",
      internalContact: "Responsable du service État civil – cimetières",
      implementationDate: "2017-02-01",
      purposes: {
        main: "Gérer les cimetières communaux et les concessions funéraires",
        sub: [
          "Attribution, renouvellement et reprise des concessions",
          "Tenue des registres et du plan des cimetières",
          "Autorisation des opérations funéraires",
        ],
      },
      legalBases: [
        { basis: "e_official_authority", text: "CGCT, art. L2213-8 et L2223-1 et suivants (police des funérailles et des lieux de sépulture)" },
        { basis: "e_public_interest", text: "CGCT, art. L2223-13 (concessions funéraires)" },
      ],
      dataSubjects: [
        { category: "service_users", description: "Titulaires de concessions et ayants droit", estimatedCount: 4200 },
        { category: "other", description: "Opérateurs funéraires habilités", estimatedCount: 25 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, adresse et coordonnées des titulaires et ayants droit",
          source: "Titulaires, familles, opérateurs funéraires",
          retention: {
            activePeriod: "Durée de la concession et de ses renouvellements",
            intermediatePeriod: "Jusqu'à la reprise de la concession",
            finalFate: "archives",
            rule: INSTR_2014,
          },
        },
        {
          category: "personal_life",
          description: "Lien de parenté avec les défunts, titres de concession, emplacement",
          source: "Titulaires et familles",
          retention: {
            activePeriod: "Durée de la concession et de ses renouvellements",
            intermediatePeriod: "Jusqu'à la reprise de la concession",
            finalFate: "archives",
            rule: INSTR_2014,
          },
        },
        {
          category: "economic",
          description: "Montant des redevances de concession et règlements",
          source: "Service, régie de recettes",
          retention: { activePeriod: "Exercice en cours + 10 ans (pièces de l'ordonnateur)", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "internal", name: "Service État civil – cimetières et gardiens des cimetières" },
        { type: "processor", name: "Éditeur du logiciel de gestion des cimetières" },
        { type: "institutional", name: "Comptable public (DGFiP) pour les redevances" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Profils distincts pour les agents d'accueil et les gardiens" },
        { measure: "backups", details: "Sauvegarde quotidienne de la base" },
        { measure: "physical_security", details: "Registres papier historiques en armoire forte" },
      ],
      rights: {
        exercise: `Auprès du service État civil – cimetières ou ${DPO}.`,
        information: "Mention d'information sur les demandes de concession et au bureau du cimetière.",
      },
      lastReviewAt: "2026-11-02",
      nextReviewAt: "2027-11-30",
    },
    {
      status: "SUBMITTED",
      comments: [
        {
          author: "editor",
          body: "Soumis : j'ai repris les durées du tableau de gestion communal ; la DUA des pièces comptables reste à confirmer par les Archives départementales.",
        },
      ],
    },
  ),

  /* ======================= Ressources humaines (compte éditeur) ======================= */
  demo(
    "Ressources humaines",
    {
      name: "Gestion des carrières et dossier individuel des agents",
      domain: "hr",
      description:
        "Gestion administrative des agents titulaires, stagiaires et contractuels : recrutement administratif, positions, avancements, promotions, entretiens professionnels annuels, discipline et fin de fonctions ; tenue du dossier individuel de chaque agent.",
      internalContact: "Responsable du pôle carrières (direction des ressources humaines)",
      implementationDate: "2011-01-03",
      purposes: {
        main: "Gérer la situation administrative et la carrière des agents",
        sub: [
          "Actes de gestion (arrêtés, contrats, positions)",
          "Avancements et promotions",
          "Entretiens professionnels annuels",
          "Procédures disciplinaires",
          "Tenue du dossier individuel",
        ],
      },
      legalBases: [
        { basis: "c", text: "Code général de la fonction publique ; décret n° 2011-675 du 15 juin 2011 relatif au dossier individuel des agents publics" },
      ],
      art9Conditions: [
        {
          condition: "b",
          text: "Obligations de l'employeur public en droit du travail et de la protection sociale : reconnaissance de la qualité de travailleur handicapé, décharges d'activité pour mandat syndical (Code général de la fonction publique)",
        },
      ],
      dataSubjects: [
        { category: "agents", description: "Agents titulaires, stagiaires et contractuels", estimatedCount: 430 },
        { category: "other", description: "Anciens agents dont le dossier est conservé", estimatedCount: 1500 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "État civil, adresse, coordonnées, personne à prévenir",
          source: "Agent",
          retention: {
            activePeriod: "Jusqu'aux 80 ans de l'agent (durée usuelle des tableaux de gestion, à vérifier)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "personal_life",
          description: "Situation familiale, enfants à charge (supplément familial de traitement)",
          source: "Agent",
          retention: {
            activePeriod: "Jusqu'aux 80 ans de l'agent (durée usuelle des tableaux de gestion, à vérifier)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "professional_life",
          description: "Diplômes, arrêtés et contrats, évaluations professionnelles, formations suivies, sanctions disciplinaires",
          source: "Agent, hiérarchie, centre de gestion",
          retention: {
            activePeriod: "Jusqu'aux 80 ans de l'agent (durée usuelle des tableaux de gestion, à vérifier)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "trade_union",
          description: "Mandats syndicaux et décharges d'activité de service",
          source: "Organisations syndicales, agent",
          retention: { activePeriod: "Durée du mandat + 5 ans", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "health",
          description: "Reconnaissance de la qualité de travailleur handicapé et besoins d'aménagement de poste (sans la nature du handicap)",
          source: "Agent, médecine préventive",
          retention: {
            activePeriod: "Jusqu'aux 80 ans de l'agent (durée usuelle des tableaux de gestion, à vérifier)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
      ],
      recipients: [
        { type: "internal", name: "Direction des ressources humaines" },
        { type: "institutional", name: "Centre de gestion de la fonction publique territoriale (instances paritaires, conseil de discipline)" },
        { type: "institutional", name: "CNRACL et CNFPT" },
        { type: "processor", name: "Éditeur du système d'information des ressources humaines (SIRH)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Dossiers consultables par la seule DRH ; profils différenciés dans le SIRH" },
        { measure: "physical_security", details: "Dossiers papier en armoires fermées à clé dans un local dédié" },
        { measure: "logging", details: "Journalisation des consultations dans le SIRH" },
        { measure: "backups", details: "Sauvegardes quotidiennes chiffrées" },
      ],
      rights: {
        exercise: `Consultation du dossier individuel par l'agent (Code général de la fonction publique) ; droits d'accès et de rectification auprès de la DRH ou ${DPO}.`,
        information: "Note d'information remise à l'arrivée et publiée sur l'intranet.",
      },
      lastReviewAt: "2026-02-10",
      nextReviewAt: "2027-02-10",
    },
    {
      status: "APPROVED",
      versions: 2,
      edits: [
        {
          summary:
            "Durée de conservation des dossiers individuels alignée sur le tableau de gestion (jusqu'aux 80 ans de l'agent), à confirmer par les Archives départementales",
          undo: setRetention(["identity", "personal_life", "professional_life", "health"], {
            activePeriod: "Durée de la carrière dans la collectivité + 5 ans",
            finalFate: "destruction",
            rule: undefined,
          }),
        },
      ],
    },
  ),
  demo(
    "Ressources humaines",
    {
      name: "Paie des agents et des élus, déclarations sociales",
      domain: "hr",
      description:
        "Calcul et versement des rémunérations des agents et des indemnités des élus, déclarations sociales et fiscales, prélèvement à la source, mise à disposition des bulletins de paie.",
      internalContact: "Responsable du pôle paie (direction des ressources humaines)",
      implementationDate: "2011-01-03",
      purposes: {
        main: "Rémunérer les agents et indemniser les élus",
        sub: [
          "Calcul de la paie et des indemnités",
          "Déclaration sociale nominative mensuelle (DSN)",
          "Prélèvement à la source de l'impôt sur le revenu",
          "Mise à disposition des bulletins de paie",
        ],
      },
      legalBases: [
        {
          basis: "c",
          text: "Code général de la fonction publique (rémunération) ; Code de la sécurité sociale, art. L133-5-3 (DSN) ; Code général des impôts, art. 204 A (prélèvement à la source) ; CGCT, art. L2123-20 et suivants (indemnités des élus)",
        },
      ],
      dataSubjects: [
        { category: "agents", description: "Agents rémunérés (titulaires, contractuels, vacataires)", estimatedCount: 470 },
        { category: "elected_members", description: "Élus percevant une indemnité de fonction", estimatedCount: 14 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, adresse, matricule",
          source: "Agent, SIRH",
          retention: { activePeriod: "Durée de l'emploi + 5 ans", finalFate: "sorting", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "nir",
          description: "Numéro d'inscription au répertoire (NIR), pour les seules déclarations sociales",
          source: "Agent",
          retention: { activePeriod: "Durée de l'emploi + 5 ans", finalFate: "sorting", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "economic",
          description: "Éléments de rémunération, coordonnées bancaires, taux de prélèvement à la source, cotisations",
          source: "SIRH, DGFiP (taux), agent (RIB)",
          retention: {
            activePeriod: "Bulletins et états de paie : 5 ans pour les pièces justificatives",
            intermediatePeriod: "Éléments utiles à la reconstitution de carrière jusqu'à la liquidation des droits à pension (à vérifier)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "professional_life",
          description: "Grade, échelon, quotité de travail, absences ayant une incidence sur la paie",
          source: "SIRH",
          retention: { activePeriod: "Durée de l'emploi + 5 ans", finalFate: "sorting", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "internal", name: "Pôle paie de la DRH" },
        { type: "institutional", name: "URSSAF, CNRACL et IRCANTEC" },
        { type: "institutional", name: "DGFiP (prélèvement à la source, via la DSN)" },
        { type: "institutional", name: "Comptable public (mandatement de la paie)" },
        { type: "institutional", name: "GIP-MDS, portail net-entreprises (dépôt de la DSN)" },
        { type: "processor", name: "Prestataire de coffre-fort numérique (bulletins de paie dématérialisés)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Accès au module paie limité au pôle paie ; double validation des virements" },
        { measure: "logging", details: "Journal des modifications des coordonnées bancaires" },
        { measure: "encryption", details: "Transmission chiffrée des DSN et des flux vers le comptable public" },
        { measure: "backups", details: "Sauvegardes quotidiennes chiffrées" },
        { measure: "processor_control", details: "Contrat de sous-traitance (art. 28) avec le prestataire de coffre-fort numérique" },
      ],
      rights: {
        exercise: `Auprès du pôle paie ou ${DPO}. Pas de droit d'opposition (obligation légale).`,
        information: "Note d'information remise à l'arrivée ; mention sur le bulletin de paie.",
      },
      lastReviewAt: "2026-03-02",
      nextReviewAt: "2027-03-31",
    },
    {
      status: "APPROVED",
      versions: 3,
      edits: [
        {
          summary: "Passage à la déclaration sociale nominative (DSN) en remplacement des déclarations sociales annuelles",
          undo: chain(
            dropRecipient("GIP-MDS"),
            replaceSubPurpose("Déclaration sociale nominative", "Déclarations sociales annuelles (N4DS)"),
            setReviews("2021-02-15", "2022-02-15"),
          ),
        },
        {
          summary: "Dématérialisation des bulletins de paie dans un coffre-fort numérique",
          undo: chain(dropRecipient("Prestataire de coffre-fort"), dropMeasure("processor_control"), setReviews("2023-01-20", "2025-01-31")),
        },
      ],
    },
  ),
  demo(
    "Ressources humaines",
    {
      name: "Recrutement des agents",
      domain: "hr",
      description:
        "Publication des offres d'emploi, réception et présélection des candidatures, organisation des jurys, décision de recrutement et constitution d'un vivier de candidatures.",
      internalContact: "Chargée de recrutement (direction des ressources humaines)",
      implementationDate: "2018-05-25",
      purposes: {
        main: "Recruter les agents de la ville",
        sub: [
          "Publication des offres",
          "Sélection des candidatures et jurys",
          "Vérification de l'honorabilité pour les postes au contact de mineurs",
          "Vivier de candidatures",
        ],
      },
      legalBases: [
        { basis: "c", text: "Code général de la fonction publique (recrutement, publicité des créations et vacances d'emploi)" },
        { basis: "e_public_interest", text: "Organisation des services municipaux", purpose: "Vivier de candidatures" },
      ],
      art10Basis:
        "Vérification du bulletin n° 2 du casier judiciaire et consultation du FIJAIS pour les emplois au contact de mineurs, dans les cas prévus par la loi",
      dataSubjects: [{ category: "applicants", description: "Candidats aux emplois de la ville", estimatedCount: 1300 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, coordonnées",
          source: "Candidat",
          retention: { activePeriod: "2 ans après le dernier contact pour les candidats non retenus", finalFate: "destruction" },
        },
        {
          category: "professional_life",
          description: "CV, lettre de motivation, diplômes, évaluations du jury",
          source: "Candidat, membres du jury",
          retention: { activePeriod: "2 ans après le dernier contact pour les candidats non retenus (recommandation CNIL)", finalFate: "destruction" },
        },
        {
          category: "offences",
          description: "Mention de l'absence de condamnation incompatible avec l'emploi (bulletin n° 2)",
          source: "Casier judiciaire national, FIJAIS",
          retention: { activePeriod: "Jusqu'à la décision de recrutement", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Direction des ressources humaines et membres des jurys" },
        { type: "institutional", name: "Centre de gestion (publication des vacances d'emploi)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Dossiers de candidature accessibles à la DRH et aux membres du jury pour le seul poste concerné" },
        { measure: "awareness", details: "Rappel de confidentialité remis aux membres de jury" },
      ],
      rights: { exercise: `Auprès de la DRH ou ${DPO}.`, information: "Mention d'information dans chaque offre d'emploi." },
      nextReviewAt: "2027-06-30",
    },
    {
      status: "CHANGES_REQUESTED",
      changeRequest:
        "Merci de préciser :\n1. la liste des emplois pour lesquels le bulletin n° 2 et le FIJAIS sont consultés, avec le texte applicable à chacun ;\n2. comment les candidats sont informés de leur inscription au vivier et peuvent s'y opposer ;\n3. la plateforme de candidature en ligne : c'est un sous-traitant, ajoutez-la aux destinataires et indiquez si le contrat art. 28 est signé.",
      comments: [{ author: "editor", body: "Je vois avec le service juridique pour la liste des postes ; retour prévu début décembre." }],
    },
  ),
  demo(
    "Ressources humaines",
    {
      name: "Santé au travail, accidents de service et congés pour raison de santé",
      domain: "hr",
      description:
        "Suivi des arrêts de travail et congés pour raison de santé, déclaration et instruction des accidents de service et maladies professionnelles, saisine du conseil médical, organisation des visites de médecine préventive et des aménagements de poste. Le volet médical reste détenu par le service de médecine préventive.",
      internalContact: "Conseillère prévention et santé au travail (direction des ressources humaines)",
      implementationDate: "2012-09-01",
      purposes: {
        main: "Protéger la santé des agents et gérer les absences pour raison de santé",
        sub: [
          "Gestion des congés pour raison de santé",
          "Accidents de service et maladies professionnelles",
          "Organisation de la médecine préventive",
          "Aménagements de poste et reclassements",
        ],
      },
      legalBases: [
        {
          basis: "c",
          text: "Code général de la fonction publique (congés pour raison de santé) ; décret n° 85-603 du 10 juin 1985 (hygiène, sécurité et médecine préventive dans la FPT)",
        },
      ],
      art9Conditions: [
        { condition: "b", text: "Obligations de l'employeur en matière de santé et sécurité au travail (décret n° 85-603 du 10 juin 1985)" },
        { condition: "h", text: "Médecine préventive : appréciation de l'aptitude par un médecin soumis au secret professionnel" },
      ],
      dataSubjects: [{ category: "agents", description: "Agents de la ville", estimatedCount: 430 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, matricule, service",
          source: "SIRH",
          retention: { activePeriod: "Durée de l'emploi", finalFate: "undetermined" },
        },
        {
          category: "health",
          description:
            "Arrêts de travail (volets sans motif médical), déclarations d'accident de service, avis du conseil médical, aptitude et restrictions d'aptitude",
          source: "Agent, médecin traitant, conseil médical, médecine préventive",
          retention: { activePeriod: "Durée de la carrière (à préciser)", finalFate: "undetermined", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "professional_life",
          description: "Aménagements de poste, temps partiel thérapeutique, reclassement",
          source: "DRH, médecine préventive",
          retention: { activePeriod: "Durée de la carrière (à préciser)", finalFate: "undetermined" },
        },
      ],
      recipients: [
        { type: "internal", name: "Pôle santé au travail de la DRH" },
        { type: "institutional", name: "Service de médecine préventive du centre de gestion" },
        { type: "institutional", name: "Conseil médical départemental" },
        { type: "other", name: "Assureur statutaire de la ville (risques accident et maladie)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Dossiers de santé au travail séparés du dossier individuel, accessibles à deux agents" },
        { measure: "physical_security", details: "Armoire fermée à clé dans un bureau individuel" },
        { measure: "encryption", details: "Échanges avec le conseil médical par messagerie sécurisée" },
      ],
      rights: {
        exercise: `Auprès de la DRH ou ${DPO} ; dossier médical auprès du médecin de prévention.`,
        information: "Note d'information sur l'intranet et dans le livret d'accueil.",
      },
      riskFlags: { vulnerableSubjects: true },
      nextReviewAt: "2027-09-30",
    },
    {
      status: "SUBMITTED",
      comments: [
        { author: "editor", body: "Soumis pour avis. À noter : la DRH ne reçoit que les volets de l'arrêt de travail sans motif médical." },
        { author: "dpo", body: "Bien reçu, je l'examine cette semaine. Données de santé d'agents : une AIPD sera probablement à prévoir." },
      ],
    },
  ),
  demo(
    "Ressources humaines",
    {
      name: "Dispositif de recueil et de traitement des signalements (lanceurs d'alerte)",
      domain: "whistleblowing",
      description:
        "Canal interne de signalement ouvert aux agents, anciens agents, candidats et collaborateurs extérieurs, obligatoire pour les communes de plus de 10 000 habitants ; recueil, examen de la recevabilité, enquête et clôture des signalements. Traitement figurant sur la liste CNIL des traitements soumis à AIPD.",
      internalContact: "Référent alerte (direction générale des services)",
      implementationDate: "2023-03-01",
      purposes: {
        main: "Recueillir et traiter les signalements de lanceurs d'alerte",
        sub: ["Examen de la recevabilité", "Enquête interne", "Information de l'auteur du signalement"],
      },
      legalBases: [
        {
          basis: "c",
          text: "Loi n° 2016-1691 du 9 décembre 2016, art. 8, modifiée par la loi n° 2022-401 du 21 mars 2022 ; décret n° 2022-1284 du 3 octobre 2022",
        },
      ],
      art10Basis: "Loi n° 2016-1691, art. 8 et 9 : traitement des faits signalés et confidentialité de l'identité des personnes concernées",
      dataSubjects: [
        { category: "agents", description: "Auteurs de signalements (agents, anciens agents, candidats, collaborateurs extérieurs)", estimatedCount: 10 },
        { category: "other", description: "Personnes visées par un signalement et témoins", estimatedCount: 20 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Identité et coordonnées de l'auteur (sauf signalement anonyme), des personnes visées et des témoins",
          source: "Auteur du signalement, enquête",
          retention: {
            activePeriod:
              "Signalement irrecevable : destruction ou anonymisation sans délai ; sinon durée nécessaire au traitement puis à la protection de l'auteur (référentiel CNIL, à vérifier)",
            finalFate: "destruction",
          },
        },
        {
          category: "offences",
          description: "Faits signalés pouvant constituer un crime, un délit ou une violation du droit",
          source: "Auteur du signalement, enquête",
          retention: { activePeriod: "Jusqu'à la clôture du signalement et, le cas échéant, des procédures", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Référent alerte" },
        { type: "institutional", name: "Autorité judiciaire ou autorité externe compétente, le cas échéant" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Boîte de signalement accessible au seul référent" },
        { measure: "encryption", details: "Formulaire et stockage chiffrés" },
        { measure: "logging", details: "Journal des accès aux dossiers de signalement" },
      ],
      rights: {
        exercise: `Auprès du référent alerte ou ${DPO} ; le droit d'accès de la personne visée ne porte pas sur l'identité de l'auteur.`,
        information: "Procédure de signalement diffusée sur l'intranet et affichée dans les services.",
      },
      nextReviewAt: "2027-03-01",
    },
    { status: "DRAFT" },
  ),
  demo(
    "Ressources humaines",
    {
      name: "Formation professionnelle des agents",
      domain: "hr",
      description:
        "Recueil des besoins, plan de formation, inscriptions aux sessions du CNFPT et d'autres organismes, suivi du compte personnel de formation, formations en ligne sur une plateforme externe.",
      internalContact: "Responsable formation (direction des ressources humaines)",
      implementationDate: "2016-01-04",
      purposes: { main: "Organiser la formation des agents", sub: ["Plan de formation", "Inscriptions et suivi des formations", "Formations en ligne"] },
      legalBases: [{ basis: "c", text: "Code général de la fonction publique (droit à la formation professionnelle, compte personnel de formation)" }],
      dataSubjects: [{ category: "agents", description: "Agents de la ville", estimatedCount: 430 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, service, courriel professionnel",
          source: "SIRH",
          retention: { activePeriod: "Durée de l'emploi", finalFate: "destruction" },
        },
        {
          category: "professional_life",
          description: "Demandes et parcours de formation, attestations, heures de compte personnel de formation",
          source: "Agent, organismes de formation",
          retention: { activePeriod: "Durée de l'emploi + 5 ans", finalFate: "sorting", rule: CIRC_2009 },
        },
        { category: "connection", description: "Comptes et progression sur la plateforme de formation en ligne", source: "Plateforme", retention: {} },
      ],
      recipients: [
        { type: "internal", name: "Direction des ressources humaines et encadrants" },
        { type: "institutional", name: "CNFPT" },
        { type: "third_country", name: "Éditeur de la plateforme de formation en ligne (Royaume-Uni)" },
      ],
      transfers: [{ country: "GB", recipient: "Éditeur de la plateforme de formation en ligne", safeguard: "adequacy" }],
      securityMeasures: [
        { measure: "access_control", details: "Authentification unique avec le compte professionnel" },
        { measure: "processor_control", details: "Contrat de sous-traitance en cours de révision" },
      ],
      rights: { exercise: `Auprès de la DRH ou ${DPO}.`, information: "Note d'information sur l'intranet." },
      nextReviewAt: "2027-01-31",
    },
    {
      status: "CHANGES_REQUESTED",
      changeRequest:
        "La décision d'adéquation du Royaume-Uni vaut jusqu'au 27 décembre 2031 : indiquez où les données sont hébergées (Royaume-Uni ou Union européenne) et si l'éditeur recourt à des sous-traitants hors Royaume-Uni. Précisez aussi la durée de conservation des comptes de la plateforme après le départ d'un agent.",
      comments: [{ author: "editor", body: "Demande transmise à l'éditeur ; j'attends sa liste de sous-traitants ultérieurs." }],
    },
  ),

  /* ======================= Police municipale ======================= */
  demo(
    "Police municipale",
    {
      name: "Main courante et missions administratives de la police municipale",
      description:
        "Tenue de la main courante des interventions et des appels, opération tranquillité vacances (surveillance des logements pendant l'absence des occupants), gestion des objets trouvés. La constatation des infractions fait l'objet d'une fiche distincte (directive 2016/680).",
      internalContact: "Chef de service de la police municipale",
      implementationDate: "2014-06-01",
      purposes: {
        main: "Assurer les missions de police administrative du maire",
        sub: ["Main courante des interventions", "Opération tranquillité vacances", "Gestion des objets trouvés"],
      },
      legalBases: [
        {
          basis: "e_official_authority",
          text: "CGCT, art. L2212-1 et L2212-2 (pouvoirs de police du maire) ; CSI, art. L511-1 (missions des agents de police municipale)",
        },
      ],
      dataSubjects: [
        { category: "residents", description: "Requérants et personnes concernées par une intervention", estimatedCount: 2500 },
        { category: "service_users", description: "Bénéficiaires de l'opération tranquillité vacances", estimatedCount: 600 },
        { category: "other", description: "Déposants et propriétaires d'objets trouvés", estimatedCount: 400 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, coordonnées",
          source: "Personnes concernées, agents",
          retention: { activePeriod: "Selon la donnée de rattachement (voir ci-dessous)", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Description des faits et circonstances de l'intervention, objets trouvés",
          source: "Agents de police municipale, requérants",
          retention: {
            activePeriod: "Main courante : 5 ans ; objets trouvés : 1 an et 1 jour après le dépôt",
            finalFate: "sorting",
            rule: `${INSTR_2014} ; ${AD}`,
          },
        },
        {
          category: "location",
          description: "Adresse du logement surveillé et période d'absence (opération tranquillité vacances)",
          source: "Bénéficiaire",
          retention: { activePeriod: "Fin de la période d'absence + 3 mois", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Agents de police municipale" },
        { type: "institutional", name: "Police nationale (convention de coordination)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Logiciel de main courante avec comptes nominatifs" },
        { measure: "logging", details: "Historique des saisies et modifications" },
        { measure: "physical_security", details: "Poste de police à accès contrôlé" },
        { measure: "backups", details: "Sauvegarde quotidienne par le service des systèmes d'information" },
      ],
      rights: { exercise: `Auprès du chef de service de la police municipale ou ${DPO}.`, information: `Formulaire tranquillité vacances et ${PAGE}.` },
      lastReviewAt: "2025-05-20",
      nextReviewAt: "2026-05-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Police municipale",
    {
      name: "Constatation des infractions par procès-verbal électronique",
      description:
        "Relevé des contraventions au code de la route et aux arrêtés municipaux par les agents de police municipale, agents de police judiciaire adjoints, au moyen de terminaux de verbalisation électronique, et transmission à l'ANTAI. Traitement relevant de la directive (UE) 2016/680 (titre III de la loi Informatique et Libertés).",
      internalContact: "Chef de service de la police municipale",
      implementationDate: "2016-04-01",
      regime: "LED",
      purposes: {
        main: "Constater les infractions relevant de la compétence des agents de police municipale",
        sub: ["Relevé des contraventions", "Transmission à l'ANTAI et à l'officier du ministère public"],
      },
      ledLegalBasis:
        "Directive (UE) 2016/680 et loi Informatique et Libertés, titre III ; Code de procédure pénale, art. 21 (agents de police judiciaire adjoints) ; CSI, art. L511-1",
      ledProfiling: "Aucun profilage (directive 2016/680, art. 24.1.e).",
      dataSubjects: [{ category: "residents", description: "Contrevenants (conducteurs, titulaires de certificats d'immatriculation)", estimatedCount: 9000 }],
      dataCategories: [
        {
          category: "identity",
          description: "Immatriculation du véhicule ; identité du contrevenant lorsqu'elle est relevée",
          source: "Constat de l'agent",
          retention: {
            activePeriod: "Sur les terminaux : jusqu'à la transmission à l'ANTAI",
            finalFate: "destruction",
            rule: "Les données sont ensuite traitées par l'ANTAI, responsable du traitement national",
          },
        },
        {
          category: "offences",
          description: "Nature, date et lieu de l'infraction, observations de l'agent",
          source: "Constat de l'agent",
          retention: { activePeriod: "Sur les terminaux : jusqu'à la transmission à l'ANTAI", finalFate: "destruction" },
        },
        {
          category: "location",
          description: "Lieu de constatation",
          source: "Terminal de verbalisation",
          retention: { activePeriod: "Sur les terminaux : jusqu'à la transmission à l'ANTAI", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "institutional", name: "ANTAI (Agence nationale de traitement automatisé des infractions)" },
        { type: "institutional", name: "Officier du ministère public et procureur de la République" },
        { type: "processor", name: "Éditeur de la solution de verbalisation électronique" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Terminaux nominatifs protégés par un code personnel" },
        { measure: "encryption", details: "Transmission chiffrée vers l'ANTAI" },
        { measure: "logging", details: "Traçabilité des relevés par agent" },
      ],
      rights: {
        exercise:
          "Droits d'accès, de rectification et d'effacement dans les conditions du titre III de la loi Informatique et Libertés, le cas échéant restreints ; contestation de l'avis de contravention selon les voies indiquées sur l'avis.",
        information: `Mentions figurant sur l'avis de contravention ; ${PAGE}.`,
      },
      lastReviewAt: "2026-04-14",
      nextReviewAt: "2027-04-30",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Police municipale",
    {
      name: "Caméras individuelles des agents de police municipale",
      description:
        "Enregistrement audiovisuel de certaines interventions des agents de police municipale au moyen de caméras individuelles portées de façon apparente, dans les conditions de l'autorisation préfectorale : prévention des incidents, constat des infractions, formation des agents.",
      internalContact: "Chef de service de la police municipale",
      implementationDate: "2020-02-01",
      regime: "LED",
      purposes: {
        main: "Prévenir les incidents au cours des interventions et constater les infractions",
        sub: ["Enregistrement des interventions", "Extraction sur réquisition judiciaire", "Formation et pédagogie des agents"],
      },
      ledLegalBasis: "Directive (UE) 2016/680 ; CSI, art. L241-2 ; autorisation préfectorale délivrée à la commune",
      ledProfiling: "Aucun profilage (directive 2016/680, art. 24.1.e).",
      dataSubjects: [
        { category: "residents", description: "Personnes filmées lors des interventions", estimatedCount: 1000 },
        { category: "agents", description: "Agents porteurs de caméras", estimatedCount: 14 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Image et voix des personnes filmées",
          source: "Caméras individuelles",
          retention: {
            activePeriod:
              "1 mois (CSI L241-2 modifié par la loi n° 2022-52 ; décret n° 2022-1395), sauf extraction pour une procédure judiciaire, administrative ou disciplinaire",
            finalFate: "destruction",
            rule: "Effacement automatique à l'échéance, paramétré dans le logiciel de déchargement",
          },
        },
        {
          category: "offences",
          description: "Faits enregistrés susceptibles de constituer une infraction",
          source: "Caméras individuelles",
          retention: { activePeriod: "Même durée ; extraits remis à l'autorité judiciaire sur réquisition", finalFate: "destruction" },
        },
        {
          category: "location",
          description: "Date, heure et lieu de l'enregistrement, agent porteur",
          source: "Caméras individuelles",
          retention: { activePeriod: "Même durée que les images", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Chef de service et agents habilités (consultation des enregistrements)" },
        { type: "institutional", name: "Officiers de police judiciaire et autorité judiciaire (extractions sur réquisition)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Les agents porteurs n'ont pas accès aux enregistrements ; consultation réservée aux personnes habilitées" },
        { measure: "logging", details: "Journal des consultations et des extractions" },
        { measure: "encryption", details: "Enregistrements chiffrés sur les caméras" },
        { measure: "physical_security", details: "Station de déchargement dans un local fermé" },
      ],
      rights: {
        exercise:
          "Droits d'accès dans les conditions du titre III de la loi Informatique et Libertés, éventuellement restreints ; demandes auprès du chef de service ou du DPO.",
        information: `Signal visuel d'enregistrement, information orale par l'agent sauf si les circonstances l'interdisent ; ${PAGE}.`,
      },
      lastReviewAt: "2026-06-20",
      nextReviewAt: "2027-06-30",
    },
    {
      status: "APPROVED",
      comments: [
        { author: "dpo", body: "Validé. Joindre l'arrêté préfectoral en vigueur ; conservation ramenée à un mois (CSI L241-2 modifié par la loi n° 2022-52)." },
      ],
    },
  ),
  demo(
    "Police municipale",
    {
      name: "Vidéoprotection de la voie publique et centre de supervision urbain",
      description:
        "Exploitation du système de vidéoprotection de la voie publique (41 caméras) et du centre de supervision urbain (CSU) : visionnage en temps réel par des opérateurs habilités, enregistrement, extraction d'images sur réquisition. Finalités de prévention des atteintes à la sécurité des personnes et des biens et de constatation des infractions : directive (UE) 2016/680.",
      internalContact: "Responsable du centre de supervision urbain",
      implementationDate: "2013-10-01",
      regime: "LED",
      purposes: {
        main: "Prévenir les atteintes à la sécurité des personnes et des biens dans les lieux exposés et constater les infractions",
        sub: [
          "Visionnage en temps réel et appui aux patrouilles",
          "Enregistrement et extraction sur réquisition",
          "Régulation du trafic aux abords des écoles",
        ],
      },
      ledLegalBasis:
        "Directive (UE) 2016/680 ; CSI, art. L251-2 et L252-1 ; autorisation préfectorale valable cinq ans, renouvelable (CSI, art. L252-4) ; arrêté préfectoral d'autorisation en vigueur",
      ledProfiling: "Aucun profilage (directive 2016/680, art. 24.1.e).",
      dataSubjects: [
        { category: "residents", description: "Habitants et usagers de la voie publique dans le champ des caméras", estimatedCount: 25000 },
        { category: "visitors", description: "Personnes de passage dans la commune", estimatedCount: 15000 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Images des personnes et des plaques d'immatriculation visibles",
          source: "Caméras de voie publique",
          retention: { activePeriod: "21 jours (au plus 1 mois, CSI L252-5)", finalFate: "destruction", rule: "Écrasement automatique des enregistrements" },
        },
        {
          category: "location",
          description: "Date, heure et emplacement de la caméra",
          source: "Système de vidéoprotection",
          retention: { activePeriod: "21 jours", finalFate: "destruction" },
        },
        {
          category: "offences",
          description: "Images de faits susceptibles de constituer une infraction",
          source: "Extractions",
          retention: { activePeriod: "Extraits remis à l'OPJ sur réquisition ; aucune copie conservée au CSU", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Opérateurs du CSU habilités par le maire" },
        { type: "institutional", name: "Officiers de police judiciaire (extractions sur réquisition)" },
        { type: "institutional", name: "Commissariat de police nationale : déport des images en temps réel (convention de coordination)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Accès nominatif au logiciel de supervision, habilitations individuelles" },
        { measure: "logging", details: "Registre des extractions et journalisation des consultations" },
        { measure: "physical_security", details: "CSU à accès restreint par badge" },
        { measure: "encryption", details: "Liaisons chiffrées entre les caméras et le CSU" },
        { measure: "awareness", details: "Formation des opérateurs et charte d'éthique signée" },
      ],
      rights: {
        exercise:
          "Accès aux enregistrements (CSI L253-5) et droits du titre III de la loi Informatique et Libertés, auprès du maire (police municipale) ; réclamation auprès de la CNIL.",
        information: "Panneaux d'information à l'entrée des zones vidéoprotégées (CSI L251-3) ; carte des caméras publiée sur le site de la ville.",
      },
      riskFlags: { systematicMonitoring: true, largeScale: true },
      lastReviewAt: "2026-06-25",
      nextReviewAt: "2027-06-30",
    },
    {
      status: "APPROVED",
      versions: 2,
      edits: [
        {
          summary: "Extension du parc à 41 caméras et déport des images vers le commissariat (convention de coordination 2026)",
          undo: chain(
            dropRecipient("Commissariat de police nationale"),
            replaceInDescription("(41 caméras)", "(32 caméras)"),
            setReviews("2024-09-10", "2026-09-30"),
          ),
        },
      ],
      comments: [
        {
          author: "dpo",
          body: "AIPD mise à jour en juin 2026 pour l'extension du parc ; mon avis est joint au dossier de demande d'autorisation préfectorale.",
        },
      ],
    },
  ),
  demo(
    "Police municipale",
    {
      name: "Stationnement payant, forfaits post-stationnement et lecture automatisée des plaques",
      description:
        "Gestion du stationnement payant sur voirie : abonnements résidents, contrôle du paiement par véhicule équipé d'un dispositif de lecture automatisée des plaques d'immatriculation (LAPI), émission des forfaits post-stationnement (FPS).",
      internalContact: "Responsable du pôle stationnement (police municipale)",
      implementationDate: "2018-01-01",
      purposes: {
        main: "Gérer le stationnement payant et le recouvrement des forfaits post-stationnement",
        sub: ["Abonnements résidents", "Contrôle du paiement par LAPI", "Émission et recouvrement des FPS"],
      },
      legalBases: [{ basis: "e_official_authority", text: "CGCT, art. L2333-87 (redevance de stationnement et forfait post-stationnement)" }],
      dataSubjects: [
        { category: "residents", description: "Usagers du stationnement payant (titulaires des certificats d'immatriculation)", estimatedCount: 20000 },
        { category: "service_users", description: "Abonnés résidents", estimatedCount: 900 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Plaque d'immatriculation ; identité et adresse des abonnés",
          source: "LAPI, abonnés",
          retention: { activePeriod: "Abonnements : durée de l'abonnement + 1 an", finalFate: "destruction" },
        },
        {
          category: "location",
          description: "Lieu et horodatage du contrôle, photographie du véhicule",
          source: "Véhicule LAPI",
          retention: { activePeriod: "Effacement dès la vérification du paiement, sauf FPS émis", finalFate: "destruction" },
        },
        {
          category: "economic",
          description: "Paiements, abonnements, FPS émis et leur recouvrement",
          source: "Horodateurs, application de paiement, ANTAI",
          retention: { activePeriod: "Délais de recouvrement et de contestation des FPS", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "institutional", name: "ANTAI (notification des FPS)" },
        { type: "processor", name: "Prestataire du véhicule de contrôle LAPI" },
        { type: "institutional", name: "Commission du contentieux du stationnement payant (recours)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Comptes nominatifs des agents de contrôle" },
        { measure: "processor_control", details: "Contrat de sous-traitance avec le prestataire LAPI, audit annuel" },
        { measure: "encryption", details: "Transmission chiffrée des FPS" },
      ],
      rights: {
        exercise: `Recours administratif préalable obligatoire contre le FPS ; droits RGPD auprès du pôle stationnement ou ${DPO}.`,
        information: "Mentions sur les horodateurs, les avis de FPS et le site de la ville.",
      },
      riskFlags: { systematicMonitoring: true, largeScale: true },
      nextReviewAt: "2027-01-31",
    },
    { status: "SUBMITTED" },
  ),

  /* ======================= Affaires scolaires et périscolaires ======================= */
  demo(
    "Affaires scolaires et périscolaires",
    {
      name: "Inscriptions scolaires dans les écoles publiques",
      domain: "school_childhood",
      description:
        "Inscription des enfants dans les écoles maternelles et élémentaires publiques selon la sectorisation, dérogations de secteur, liste des enfants soumis à l'obligation d'instruction.",
      internalContact: "Responsable du service des affaires scolaires",
      implementationDate: "2014-09-01",
      purposes: {
        main: "Inscrire les enfants dans les écoles publiques de la commune",
        sub: ["Affectation selon le périmètre scolaire", "Dérogations de secteur", "Liste des enfants soumis à l'obligation d'instruction"],
      },
      legalBases: [
        { basis: "c", text: "Code de l'éducation, art. L131-5 et L131-6 (obligation d'instruction et liste des enfants), L212-7 (périmètres scolaires)" },
      ],
      dataSubjects: [
        { category: "children", description: "Enfants de 3 à 11 ans scolarisés dans les 11 écoles publiques", estimatedCount: 2300 },
        { category: "families", description: "Représentants légaux", estimatedCount: 3500 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Enfant : nom, prénoms, date de naissance ; représentants légaux : nom, adresse, coordonnées",
          source: "Représentants légaux (portail famille ou guichet)",
          retention: { activePeriod: "Scolarité dans le premier degré + 1 an", finalFate: "sorting", rule: `${INSTR_2014} ; ${AD}` },
        },
        {
          category: "personal_life",
          description: "Composition du foyer, exercice de l'autorité parentale, justificatif de domicile, motif de dérogation",
          source: "Représentants légaux",
          retention: { activePeriod: "Année scolaire en cours + 1 an", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service des affaires scolaires" },
        { type: "institutional", name: "Directeurs et directrices d'école" },
        { type: "institutional", name: "Services départementaux de l'Éducation nationale" },
        { type: "institutional", name: "Service de PMI du Département (bilans de santé en école maternelle)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Profils distincts pour le service scolaire et les écoles" },
        { measure: "processor_control", details: "Contrat de sous-traitance avec l'éditeur du portail famille" },
        { measure: "backups", details: "Sauvegardes quotidiennes chez l'hébergeur" },
      ],
      rights: { exercise: `Auprès du service des affaires scolaires ou ${DPO}.`, information: "Mention sur le dossier d'inscription et le portail famille." },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2026-08-25",
      nextReviewAt: "2027-08-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Affaires scolaires et périscolaires",
    {
      name: "Restauration scolaire, accueils périscolaires et de loisirs, facturation aux familles",
      domain: "school_childhood",
      description:
        "Inscriptions à la restauration scolaire, aux accueils périscolaires et aux accueils de loisirs du mercredi et des vacances, pointage des présences, calcul du quotient familial et facturation. Les menus proposent des options sans porc et végétarienne, sans aucun libellé religieux.",
      internalContact: "Responsable du service enfance-éducation",
      implementationDate: "2016-09-01",
      purposes: {
        main: "Organiser la restauration scolaire et les accueils périscolaires et de loisirs",
        sub: [
          "Inscriptions et réservations",
          "Pointage des présences",
          "Prise en compte des allergies et projets d'accueil individualisés",
          "Calcul du quotient familial et facturation",
        ],
      },
      legalBases: [
        {
          basis: "e_public_interest",
          text: "CGCT, art. L2121-29 (services publics facultatifs) ; Code de l'éducation, art. L551-1 (activités périscolaires) ; CASF, art. L227-4 (accueils collectifs de mineurs)",
        },
      ],
      art9Conditions: [
        { condition: "a", text: "Consentement explicite des représentants légaux pour la communication des allergies et du projet d'accueil individualisé" },
      ],
      dataSubjects: [
        { category: "children", description: "Enfants inscrits à la restauration et aux accueils", estimatedCount: 1900 },
        { category: "families", description: "Représentants légaux et personnes autorisées à récupérer l'enfant", estimatedCount: 2800 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Enfant et représentants légaux : nom, prénoms, date de naissance, coordonnées",
          source: "Représentants légaux",
          retention: { activePeriod: "Durée de la fréquentation + 1 an", finalFate: "destruction" },
        },
        {
          category: "economic",
          description: "Quotient familial, revenus, numéro d'allocataire CAF, coordonnées bancaires (prélèvement), factures",
          source: "Représentants légaux ; CAF (consultation du quotient)",
          retention: {
            activePeriod:
              "Quotient familial : année scolaire + 1 an ; justificatifs de revenus supprimés dès le calcul du quotient ; factures selon les règles de la comptabilité publique",
            finalFate: "destruction",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "health",
          description:
            "Allergies et projet d'accueil individualisé (besoin d'adaptation, sans diagnostic détaillé) ; besoin d'accompagnement lié à un handicap, sans sa nature",
          source: "Représentants légaux, médecin scolaire",
          retention: { activePeriod: "Année scolaire en cours ; renouvelé à chaque rentrée", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Présences, choix de menu (sans porc, végétarien), personnes autorisées à récupérer l'enfant",
          source: "Représentants légaux, animateurs",
          retention: { activePeriod: "Année scolaire + 1 an", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service enfance-éducation ; animateurs et agents de restauration (liste des allergies et PAI uniquement)" },
        { type: "processor", name: "Prestataire de restauration collective (effectifs et régimes alimentaires)" },
        { type: "processor", name: "Éditeur du portail famille" },
        { type: "institutional", name: "CAF (consultation du quotient familial via le service CDAP)" },
        { type: "institutional", name: "Comptable public (titres de recettes et prélèvements)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Les animateurs ne voient que leur groupe et les informations de santé utiles à l'accueil" },
        { measure: "processor_control", details: "Contrats de sous-traitance avec l'éditeur du portail et le prestataire de restauration" },
        { measure: "encryption", details: "Portail famille en HTTPS, tablettes de pointage chiffrées" },
        { measure: "backups", details: "Sauvegardes quotidiennes chez l'éditeur" },
        { measure: "awareness", details: "Sensibilisation annuelle des animateurs à la confidentialité" },
      ],
      rights: {
        exercise: `Auprès du service enfance-éducation ou ${DPO}.`,
        information: "Mention d'information sur le portail famille et dans le règlement des accueils.",
      },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2026-07-03",
      nextReviewAt: "2027-07-31",
    },
    {
      status: "APPROVED",
      versions: 2,
      edits: [
        {
          summary: "Minimisation : les justificatifs de revenus sont supprimés dès le calcul du quotient familial",
          undo: chain(
            setRetention(["economic"], { activePeriod: "10 ans pour l'ensemble des pièces (revenus, quotient, factures)", rule: undefined }),
            setReviews("2024-06-18", "2026-06-30"),
          ),
        },
      ],
      comments: [{ author: "dpo", body: "Merci pour cette réduction. La mention d'information du portail famille doit être mise à jour avant la rentrée." }],
    },
  ),
  demo(
    "Affaires scolaires et périscolaires",
    {
      name: "Accueil des jeunes enfants dans les multi-accueils municipaux",
      domain: "school_childhood",
      description:
        "Pré-inscriptions, commission d'attribution des places, contrats d'accueil, suivi quotidien et facturation dans les trois multi-accueils municipaux.",
      internalContact: "Coordinatrice petite enfance",
      implementationDate: "2015-01-05",
      purposes: {
        main: "Accueillir les jeunes enfants dans les établissements municipaux",
        sub: [
          "Pré-inscriptions et commission d'attribution",
          "Pré-inscription en ligne via le portail famille",
          "Contrats d'accueil et facturation",
          "Suivi quotidien et santé de l'enfant",
        ],
      },
      legalBases: [
        { basis: "e_public_interest", text: "Code de la santé publique, art. L2324-1 (établissements d'accueil du jeune enfant)" },
        { basis: "b", text: "Contrat d'accueil signé avec les familles", purpose: "Contrats d'accueil et facturation" },
      ],
      art9Conditions: [
        { condition: "g", text: "Code de la santé publique, art. L3111-2 : vérification des vaccinations obligatoires à l'admission" },
        { condition: "h", text: "Protocoles de soins et projets d'accueil individualisés suivis par le référent santé de l'établissement" },
      ],
      dataSubjects: [
        { category: "children", description: "Enfants accueillis ou pré-inscrits", estimatedCount: 260 },
        { category: "families", description: "Parents et personnes autorisées", estimatedCount: 420 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Enfant et parents : identité, coordonnées, personnes autorisées",
          source: "Parents",
          retention: { activePeriod: "Durée de l'accueil + 1 an", finalFate: "destruction" },
        },
        {
          category: "economic",
          description: "Ressources (barème national), numéro d'allocataire, factures",
          source: "Parents, CAF",
          retention: {
            activePeriod: "Durée de l'accueil ; factures selon les règles de la comptabilité publique",
            finalFate: "destruction",
            rule: `${INSTR_2014} ; ${AD}`,
          },
        },
        {
          category: "health",
          description: "Vaccinations obligatoires, allergies, protocoles de soins et PAI",
          source: "Parents, médecin traitant",
          retention: { activePeriod: "Durée de l'accueil ; restitution ou destruction au départ de l'enfant", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Planning d'accueil, transmissions quotidiennes",
          source: "Parents, professionnels",
          retention: { activePeriod: "Durée de l'accueil", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Direction et équipes des multi-accueils" },
        { type: "institutional", name: "CAF (prestation de service et statistiques, après information des familles)" },
        { type: "institutional", name: "Service de PMI du Département" },
        { type: "processor", name: "Éditeur du portail famille (pré-inscriptions en ligne)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Dossiers de santé accessibles à la direction et au référent santé" },
        { measure: "physical_security", details: "Classeurs de transmissions rangés dans le bureau de direction" },
        { measure: "backups", details: "Sauvegardes du logiciel de gestion" },
      ],
      rights: {
        exercise: `Auprès de la coordinatrice petite enfance ou ${DPO}.`,
        information: "Règlement de fonctionnement des multi-accueils et formulaire de pré-inscription.",
      },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2025-10-15",
      nextReviewAt: "2026-10-15",
    },
    {
      status: "APPROVED",
      pendingDraft: true,
      edits: [
        {
          summary: "Ouverture de la pré-inscription en ligne via le portail famille",
          undo: chain(dropSubPurpose("Pré-inscription en ligne"), dropRecipient("Éditeur du portail famille")),
        },
      ],
    },
  ),

  /* ======================= Urbanisme ======================= */
  demo(
    "Urbanisme",
    {
      name: "Instruction des autorisations d'urbanisme",
      description:
        "Réception (y compris par le guichet numérique), instruction et délivrance des permis de construire, d'aménager, de démolir, déclarations préalables et certificats d'urbanisme ; suivi des travaux et constatation des infractions d'urbanisme.",
      internalContact: "Responsable du service urbanisme",
      implementationDate: "2022-01-01",
      purposes: {
        main: "Instruire et délivrer les autorisations d'urbanisme",
        sub: [
          "Dépôt papier et numérique des demandes",
          "Consultation des services et instruction",
          "Affichage et publicité des décisions",
          "Contrôle de conformité et infractions d'urbanisme",
        ],
      },
      legalBases: [
        {
          basis: "e_official_authority",
          text: "Code de l'urbanisme, art. L421-1 et suivants ; art. L423-3 (saisine par voie électronique, plateforme PLAT'AU)",
        },
      ],
      art10Basis:
        "Code de l'urbanisme, art. L480-1 : constatation des infractions par des agents commissionnés et assermentés et transmission au procureur de la République",
      dataSubjects: [
        { category: "applicants", description: "Pétitionnaires (particuliers et professionnels)", estimatedCount: 900 },
        { category: "other", description: "Architectes, géomètres, voisins formant un recours", estimatedCount: 300 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, adresse, coordonnées du pétitionnaire et de l'architecte",
          source: "Pétitionnaire (formulaires Cerfa)",
          retention: {
            activePeriod: "Durée de l'instruction et des recours",
            finalFate: "sorting",
            rule: `${INSTR_2014} : sort final selon la nature de la décision ; ${AD}`,
          },
        },
        {
          category: "location",
          description: "Adresse et références cadastrales du terrain, plans",
          source: "Pétitionnaire",
          retention: { activePeriod: "Durée de l'instruction et des recours", finalFate: "sorting", rule: INSTR_2014 },
        },
        {
          category: "economic",
          description: "Éléments nécessaires au calcul des taxes d'urbanisme",
          source: "Pétitionnaire",
          retention: { activePeriod: "Durée de l'instruction", finalFate: "destruction" },
        },
        {
          category: "offences",
          description: "Procès-verbaux d'infraction au code de l'urbanisme",
          source: "Agents assermentés",
          retention: { activePeriod: "Jusqu'à l'extinction de l'action publique et des recours", finalFate: "sorting", rule: `${INSTR_2014} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "internal", name: "Service urbanisme" },
        { type: "institutional", name: "Services consultés (architecte des Bâtiments de France, gestionnaires de réseaux, SDIS)" },
        { type: "institutional", name: "Préfecture (contrôle de légalité)" },
        { type: "institutional", name: "DGFiP (taxes d'urbanisme)" },
        { type: "institutional", name: "Procureur de la République (infractions)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Habilitations par profil dans le logiciel d'instruction" },
        { measure: "logging", details: "Historique des actes d'instruction" },
        { measure: "processor_control", details: "Contrat de sous-traitance avec l'éditeur du logiciel d'instruction" },
        { measure: "backups", details: "Sauvegardes quotidiennes" },
      ],
      rights: {
        exercise: `Auprès du service urbanisme ou ${DPO}. Les décisions font l'objet d'un affichage et sont communicables à toute personne.`,
        information: "Mention figurant sur les formulaires Cerfa et sur le guichet numérique des autorisations d'urbanisme.",
      },
      lastReviewAt: "2026-03-20",
      nextReviewAt: "2027-03-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Urbanisme",
    {
      name: "Déclarations d'intention d'aliéner et droit de préemption urbain",
      description:
        "Réception des déclarations d'intention d'aliéner adressées par les notaires, instruction et décision d'exercer ou non le droit de préemption urbain.",
      internalContact: "Chargé des affaires foncières (service urbanisme)",
      implementationDate: "2008-01-01",
      purposes: { main: "Instruire les déclarations d'intention d'aliéner et exercer, le cas échéant, le droit de préemption" },
      legalBases: [{ basis: "c", text: "Code de l'urbanisme, art. L213-2" }],
      dataSubjects: [{ category: "residents", description: "Propriétaires vendeurs et acquéreurs", estimatedCount: 700 }],
      dataCategories: [
        { category: "identity", description: "Identité et adresse des vendeurs et acquéreurs, références du bien", source: "Notaires" },
        { category: "economic", description: "Prix et conditions de la cession", source: "Notaires" },
      ],
      recipients: [
        { type: "internal", name: "Service urbanisme" },
        { type: "institutional", name: "Notaires" },
      ],
    },
    { status: "DRAFT" },
  ),

  /* ======================= Finances et commande publique ======================= */
  demo(
    "Finances et commande publique",
    {
      name: "Facturation des usagers et recettes",
      description:
        "Émission des titres de recettes pour les services facturés (restauration, accueils, multi-accueils, concessions, occupation du domaine public), encaissement par les régies et par paiement en ligne, transmission dématérialisée au comptable public (flux PES V2).",
      internalContact: "Responsable du service des finances",
      implementationDate: "2015-01-01",
      purposes: {
        main: "Facturer les usagers et recouvrer les recettes de la commune",
        sub: ["Émission des titres de recettes", "Régies et paiement en ligne", "Transmission au comptable public"],
      },
      legalBases: [
        {
          basis: "c",
          text: "CGCT, art. L1617-5 (recouvrement des produits locaux) ; décret n° 2012-1246 du 7 novembre 2012 (gestion budgétaire et comptable publique)",
        },
      ],
      dataSubjects: [{ category: "service_users", description: "Usagers facturés des services municipaux", estimatedCount: 12000 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, adresse, identifiant de facturation",
          source: "Services gestionnaires",
          retention: { activePeriod: "Exercice en cours + 10 ans (pièces de l'ordonnateur)", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "economic",
          description: "Montants facturés, paiements, mandats de prélèvement SEPA, relances",
          source: "Services gestionnaires, régies, usagers",
          retention: { activePeriod: "Exercice en cours + 10 ans (pièces de l'ordonnateur)", finalFate: "destruction", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "internal", name: "Service des finances et régisseurs" },
        { type: "institutional", name: "Comptable public (DGFiP), flux PES V2" },
        { type: "institutional", name: "DGFiP, service de paiement en ligne PayFiP" },
        { type: "processor", name: "Éditeur du logiciel financier" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Séparation des fonctions d'ordonnateur et de régisseur ; profils dans le logiciel financier" },
        { measure: "logging", details: "Journal des opérations comptables" },
        { measure: "encryption", details: "Flux PES signés électroniquement et transmis par canal sécurisé" },
        { measure: "backups", details: "Sauvegardes quotidiennes" },
      ],
      rights: { exercise: `Auprès du service des finances ou ${DPO}.`, information: "Mention sur les factures et le portail de paiement." },
      lastReviewAt: "2025-11-12",
      nextReviewAt: "2026-11-15",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Finances et commande publique",
    {
      name: "Marchés publics et gestion des fournisseurs",
      domain: "suppliers",
      description:
        "Passation des marchés publics (publicité, réception et analyse des candidatures et des offres, attribution), exécution et paiement des fournisseurs. Traitement figurant sur la liste CNIL des traitements dispensés d'AIPD.",
      internalContact: "Responsable de la commande publique",
      implementationDate: "2018-10-01",
      purposes: {
        main: "Passer et exécuter les marchés publics de la commune",
        sub: ["Analyse des candidatures et des offres", "Vérification des motifs d'exclusion", "Exécution et paiement"],
      },
      legalBases: [{ basis: "c", text: "Code de la commande publique" }],
      art10Basis:
        "Code de la commande publique, art. L2141-1 et suivants : vérification des motifs d'exclusion liés à des condamnations définitives, sur déclaration et justificatifs du candidat",
      dataSubjects: [
        {
          category: "suppliers",
          description: "Représentants et interlocuteurs des entreprises candidates et titulaires, intervenants proposés",
          estimatedCount: 800,
        },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, fonction, coordonnées professionnelles",
          source: "Candidats",
          retention: { activePeriod: "Selon le dossier de marché (voir ci-dessous)", finalFate: "sorting", rule: CIRC_2009 },
        },
        {
          category: "professional_life",
          description: "Références, qualifications, CV des intervenants proposés",
          source: "Candidats",
          retention: {
            activePeriod: "Offres non retenues : 5 ans ; marchés attribués : 10 ans après leur échéance",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "economic",
          description: "Coordonnées bancaires, montants",
          source: "Titulaires",
          retention: { activePeriod: "10 ans après l'échéance du marché", finalFate: "sorting", rule: CIRC_2009 },
        },
        {
          category: "offences",
          description: "Attestations relatives aux motifs d'exclusion",
          source: "Candidats",
          retention: { activePeriod: "Durée de conservation du dossier de marché", finalFate: "sorting", rule: CIRC_2009 },
        },
      ],
      recipients: [
        { type: "internal", name: "Service de la commande publique et services prescripteurs" },
        { type: "institutional", name: "Comptable public" },
        { type: "institutional", name: "Préfecture (contrôle de légalité)" },
        { type: "processor", name: "Plateforme de dématérialisation des marchés (profil d'acheteur)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Ouverture des plis réservée aux agents habilités" },
        { measure: "encryption", details: "Dépôt chiffré des offres sur le profil d'acheteur" },
        { measure: "logging", details: "Horodatage des dépôts et des ouvertures" },
      ],
      rights: { exercise: `Auprès du service de la commande publique ou ${DPO}.`, information: "Mention dans le règlement de consultation." },
      lastReviewAt: "2026-09-01",
      nextReviewAt: "2028-09-01",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Finances et commande publique",
    {
      name: "Subventions aux associations",
      description:
        "Réception et instruction des demandes de subvention, délibérations d'attribution, conventions d'objectifs et contrôle de l'emploi des fonds.",
      internalContact: "Chargée de la vie associative",
      implementationDate: "2012-01-01",
      purposes: {
        main: "Attribuer et contrôler les subventions aux associations",
        sub: ["Instruction des demandes", "Conventions d'objectifs au-delà de 23 000 €", "Contrôle de l'emploi des fonds"],
      },
      legalBases: [
        {
          basis: "c",
          text: "CGCT, art. L1611-4 ; loi n° 2000-321 du 12 avril 2000, art. 10 ; loi n° 2021-1109 du 24 août 2021 (contrat d'engagement républicain)",
        },
      ],
      dataSubjects: [{ category: "other", description: "Dirigeants et contacts des associations demandeuses", estimatedCount: 350 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, fonction et coordonnées des dirigeants",
          source: "Associations",
          retention: { activePeriod: "Exercice + 10 ans", finalFate: "sorting", rule: CIRC_2009 },
        },
        {
          category: "economic",
          description: "Budgets, comptes annuels, montants demandés et versés",
          source: "Associations",
          retention: { activePeriod: "Exercice + 10 ans", finalFate: "sorting", rule: CIRC_2009 },
        },
      ],
      recipients: [
        { type: "internal", name: "Service vie associative, élus (commission et conseil municipal)" },
        { type: "institutional", name: "Comptable public" },
      ],
      lastReviewAt: "2025-12-01",
      nextReviewAt: "2027-12-01",
    },
    { status: "APPROVED" },
  ),

  /* ======================= Action sociale ======================= */
  demo(
    "Action sociale",
    {
      name: "Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)",
      description:
        "Registre nominatif des personnes âgées et des personnes handicapées vivant à domicile qui demandent à y figurer, utilisé exclusivement pour les contacter en cas de déclenchement du plan d'alerte et d'urgence par le préfet.",
      internalContact: "Responsable du service action sociale",
      implementationDate: "2004-06-01",
      purposes: {
        main: "Permettre l'intervention des services sociaux et sanitaires en cas de déclenchement du plan d'alerte et d'urgence",
        sub: ["Inscription volontaire", "Appels de veille pendant les épisodes de canicule ou de grand froid"],
      },
      legalBases: [{ basis: "c", text: "Code de l'action sociale et des familles, art. L121-6-1 et R121-2 et suivants" }],
      art9Conditions: [
        { condition: "g", text: "CASF, art. L121-6-1 : registre à finalité exclusive, inscription à la demande de la personne ou d'un tiers avec son accord" },
      ],
      dataSubjects: [
        { category: "vulnerable", description: "Personnes âgées, personnes handicapées isolées à domicile inscrites au registre", estimatedCount: 380 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, date de naissance, adresse, téléphone, personne à prévenir, médecin traitant",
          source: "La personne, un proche ou un service d'aide à domicile avec son accord",
          retention: {
            activePeriod: "Jusqu'à la demande de radiation ; mise à jour annuelle avant l'été",
            finalFate: "destruction",
            rule: "Finalité exclusive (CASF L121-6-1)",
          },
        },
        {
          category: "health",
          description: "Qualité de personne handicapée et besoins particuliers d'assistance, sans diagnostic",
          source: "La personne ou son représentant",
          retention: { activePeriod: "Jusqu'à la demande de radiation", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Isolement, services intervenant à domicile",
          source: "La personne ou son représentant",
          retention: { activePeriod: "Jusqu'à la demande de radiation", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Agents du service action sociale chargés des appels de veille" },
        { type: "institutional", name: "Préfet, à sa demande, en cas de déclenchement du plan d'alerte et d'urgence" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Registre accessible aux seuls agents désignés" },
        { measure: "physical_security", details: "Formulaires papier en armoire fermée" },
        { measure: "backups", details: "Sauvegarde quotidienne ; copie papier à jour pour les situations de crise" },
        { measure: "awareness", details: "Agents appelants formés à la confidentialité" },
      ],
      rights: {
        exercise: `Radiation à tout moment sur simple demande ; droits d'accès et de rectification auprès du service action sociale ou ${DPO}.`,
        information: "Formulaire d'inscription et campagne annuelle d'information.",
      },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2025-04-30",
      nextReviewAt: "2026-04-30",
    },
    {
      status: "APPROVED",
      comments: [{ author: "dpo", body: "Rappel : le registre ne sert qu'au plan d'alerte et d'urgence. Il ne doit pas servir à inviter au repas des aînés." }],
    },
  ),
  demo(
    "Action sociale",
    {
      name: "Enregistrement et suivi des demandes de logement social",
      domain: "social_housing",
      description:
        "La commune, service enregistreur, reçoit et enregistre les demandes de logement social dans le système national d'enregistrement, accompagne les demandeurs et propose des candidats sur les logements réservés à la ville. Traitement figurant sur la liste CNIL des traitements soumis à AIPD.",
      internalContact: "Responsable du pôle logement (action sociale)",
      implementationDate: "2011-04-01",
      purposes: {
        main: "Enregistrer les demandes de logement social et proposer des candidats sur le contingent communal",
        sub: ["Enregistrement dans le système national", "Accompagnement des demandeurs", "Propositions aux commissions d'attribution"],
      },
      legalBases: [
        { basis: "c", text: "Code de la construction et de l'habitation, art. L441-2-1 (enregistrement des demandes)" },
        {
          basis: "e_public_interest",
          text: "Code de la construction et de l'habitation, art. L441-1 (logements réservés à la commune)",
          purpose: "Propositions de candidats",
        },
      ],
      art9Conditions: [{ condition: "g", text: "CCH, art. L441-1 : prise en compte du handicap parmi les critères de priorité" }],
      dataSubjects: [{ category: "applicants", description: "Demandeurs de logement social et membres de leur ménage", estimatedCount: 650 }],
      dataCategories: [
        {
          category: "identity",
          description: "Identité et coordonnées du demandeur et des membres du ménage",
          source: "Demandeur",
          retention: {
            activePeriod: "Durée de validité de la demande (1 an, renouvelable)",
            finalFate: "destruction",
            rule: `Règles du système national d'enregistrement ; ${AD}`,
          },
        },
        {
          category: "personal_life",
          description: "Composition du ménage, logement actuel, motifs de la demande",
          source: "Demandeur",
          retention: { activePeriod: "Durée de validité de la demande", finalFate: "destruction" },
        },
        {
          category: "economic",
          description: "Ressources, avis d'imposition",
          source: "Demandeur",
          retention: { activePeriod: "Durée de validité de la demande", finalFate: "destruction" },
        },
        {
          category: "health",
          description: "Situation de handicap ou de perte d'autonomie motivant la demande (déclarée par le demandeur)",
          source: "Demandeur",
          retention: { activePeriod: "Durée de validité de la demande", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Pôle logement" },
        { type: "institutional", name: "Système national d'enregistrement des demandes de logement social" },
        { type: "institutional", name: "Bailleurs sociaux et commissions d'attribution des logements" },
        { type: "institutional", name: "Services de l'État (contingent préfectoral)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Accès au système national avec comptes nominatifs" },
        { measure: "physical_security", details: "Entretiens en bureau fermé ; pièces papier en armoire fermée" },
        { measure: "awareness", details: "Charte de confidentialité signée par les agents du pôle" },
        { measure: "logging", details: "Traçabilité des accès dans le système national" },
      ],
      rights: {
        exercise: `Auprès du pôle logement ou ${DPO} ; le demandeur peut consulter sa demande en ligne.`,
        information: "Mention sur le formulaire Cerfa de demande de logement social.",
      },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2026-02-02",
      nextReviewAt: "2027-02-28",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Action sociale",
    {
      name: "Repas et colis de fin d'année des aînés",
      description:
        "Inscription des habitants de 70 ans et plus au repas annuel des aînés et à la distribution des colis de fin d'année. Les listes électorales ne sont pas utilisées pour ce traitement.",
      internalContact: "Responsable du service action sociale",
      implementationDate: "2019-10-01",
      purposes: { main: "Organiser le repas et les colis de fin d'année offerts aux aînés" },
      legalBases: [{ basis: "e_public_interest", text: "CGCT, art. L2121-29 ; délibération du conseil municipal instituant l'action" }],
      dataSubjects: [{ category: "residents", description: "Habitants de 70 ans et plus inscrits", estimatedCount: 1100 }],
      dataCategories: [
        { category: "identity", description: "Nom, adresse, date de naissance, téléphone", source: "Inscription volontaire en mairie ou par coupon-réponse" },
        { category: "personal_life", description: "Préférence de menu, besoin de livraison du colis à domicile", source: "La personne" },
      ],
      recipients: [
        { type: "internal", name: "Service action sociale" },
        { type: "processor", name: "Traiteur (nombre de repas et menus)" },
      ],
      securityMeasures: [{ measure: "access_control", details: "Fichier partagé réservé au service" }],
    },
    { status: "DRAFT" },
  ),
  demo(
    "Action sociale",
    {
      name: "Prise de rendez-vous pour le centre de vaccination contre la COVID-19",
      description:
        "Appui de la commune à la campagne de vaccination (2021-2022) : prise de rendez-vous par téléphone pour les personnes sans accès à internet, appels des personnes âgées isolées, organisation logistique du centre installé à la salle des fêtes.",
      internalContact: "Responsable du service action sociale",
      implementationDate: "2021-01-18",
      purposes: {
        main: "Faciliter l'accès à la vaccination des personnes prioritaires",
        sub: ["Prise de rendez-vous téléphonique", "Appels des personnes âgées isolées"],
      },
      legalBases: [
        {
          basis: "e_public_interest",
          text: "Mission d'intérêt public d'appui à la campagne de vaccination organisée par l'État (convention avec l'agence régionale de santé)",
        },
      ],
      art9Conditions: [{ condition: "i", text: "Motifs d'intérêt public dans le domaine de la santé publique (campagne nationale de vaccination)" }],
      dataSubjects: [{ category: "vulnerable", description: "Personnes prioritaires accompagnées dans la prise de rendez-vous", estimatedCount: 2400 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, date de naissance, téléphone, adresse",
          source: "La personne ou un proche",
          retention: { activePeriod: "Fin de la campagne", finalFate: "destruction" },
        },
        {
          category: "health",
          description: "Éligibilité à la vaccination prioritaire (âge, pathologie à risque déclarée), sans dossier médical",
          source: "La personne",
          retention: { activePeriod: "Fin de la campagne", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "processor", name: "Plateforme de prise de rendez-vous retenue par l'agence régionale de santé" },
        { type: "institutional", name: "Agence régionale de santé" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Comptes nominatifs sur la plateforme de rendez-vous" },
        { measure: "awareness", details: "Consignes de confidentialité aux agents et bénévoles" },
      ],
      rights: {
        exercise: `Auprès du service action sociale ou ${DPO}.`,
        information: "Information orale lors de l'appel et page dédiée sur le site de la ville.",
      },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2021-09-15",
      nextReviewAt: "2022-06-30",
    },
    {
      status: "ARCHIVED",
      archiveReason:
        "Centre de vaccination fermé le 30 juin 2022 ; fichiers de rendez-vous détruits (procès-verbal d'élimination visé par les Archives départementales). Fiche conservée au registre pour mémoire.",
    },
  ),

  /* ======================= Systèmes d'information ======================= */
  demo(
    "Systèmes d'information",
    {
      name: "Annuaire, messagerie et outils collaboratifs",
      description:
        "Annuaire des agents et des élus, messagerie électronique, agendas partagés, stockage et partage de fichiers, visioconférence. Suite Microsoft 365 (données hébergées dans l'Union européenne) ; la maison mère américaine relève du CLOUD Act : une migration vers une messagerie souveraine est à l'étude.",
      internalContact: "Responsable du service des systèmes d'information",
      implementationDate: "2025-02-03",
      purposes: {
        main: "Permettre aux agents et aux élus de communiquer et de travailler ensemble",
        sub: ["Annuaire", "Messagerie et agendas", "Partage de documents et visioconférence"],
      },
      legalBases: [{ basis: "e_public_interest", text: "CGCT, art. L2122-18 (administration de la commune par le maire) : fonctionnement des services" }],
      dataSubjects: [
        { category: "agents", description: "Agents de la ville", estimatedCount: 430 },
        { category: "elected_members", description: "Membres du conseil municipal", estimatedCount: 35 },
        { category: "other", description: "Correspondants extérieurs", estimatedCount: 20000 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, fonction, service, coordonnées professionnelles, photo facultative",
          source: "SIRH, agent",
          retention: { activePeriod: "Durée des fonctions", finalFate: "destruction" },
        },
        {
          category: "professional_life",
          description: "Contenu des courriels, agendas et documents partagés",
          source: "Utilisateurs",
          retention: {
            activePeriod: "Durée des fonctions + 3 mois après le départ (messages utiles classés dans les dossiers)",
            finalFate: "sorting",
            rule: `${CIRC_2009} ; ${AD}`,
          },
        },
        {
          category: "connection",
          description: "Journaux de connexion et métadonnées des messages",
          source: "Plateforme",
          retention: { activePeriod: "6 mois", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Administrateurs du service des systèmes d'information" },
        { type: "processor", name: "Éditeur de la suite collaborative (filiale européenne d'un groupe américain, hébergement dans l'UE)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Authentification multifacteur pour tout accès depuis l'extérieur" },
        { measure: "encryption", details: "Chiffrement des échanges et des données au repos chez l'hébergeur" },
        { measure: "backups", details: "Sauvegardes quotidiennes sur un second site en France" },
        { measure: "logging", details: "Journaux d'administration conservés 1 an" },
        { measure: "software_protection", details: "Antivirus et antispam, correctifs appliqués mensuellement" },
      ],
      rights: { exercise: `Auprès du service des systèmes d'information ou ${DPO}.`, information: "Charte informatique signée à l'arrivée de chaque agent." },
      lastReviewAt: "2026-04-01",
      nextReviewAt: "2027-04-30",
    },
    {
      status: "APPROVED",
      versions: 2,
      edits: [
        {
          summary: "Conservation des boîtes aux lettres des agents partis ramenée d'un an à trois mois",
          undo: setRetention(["professional_life"], { activePeriod: "Durée des fonctions + 1 an après le départ", rule: CIRC_2009 }),
        },
      ],
    },
  ),
  demo(
    "Systèmes d'information",
    {
      name: "Journalisation des accès aux systèmes d'information",
      description:
        "Collecte et conservation des journaux techniques (pare-feu, serveurs, applications métier, portail usagers) pour détecter les incidents de sécurité et en reconstituer le déroulement.",
      internalContact: "Responsable de la sécurité des systèmes d'information",
      implementationDate: "2019-03-01",
      purposes: {
        main: "Assurer la sécurité des systèmes d'information de la ville",
        sub: ["Détection des incidents", "Investigation après incident", "Réponse aux réquisitions judiciaires"],
      },
      legalBases: [
        { basis: "c", text: "RGPD, art. 32 (sécurité du traitement)" },
        { basis: "e_public_interest", text: "Sécurité des services publics numériques de la commune" },
      ],
      dataSubjects: [
        { category: "agents", description: "Agents et élus utilisateurs", estimatedCount: 465 },
        { category: "service_users", description: "Usagers des téléservices (adresses IP)", estimatedCount: 15000 },
      ],
      dataCategories: [
        {
          category: "connection",
          description: "Identifiants, adresses IP, horodatage, actions réalisées",
          source: "Équipements et applications",
          retention: {
            activePeriod: "6 mois ; jusqu'à 1 an pour les journaux de sécurité",
            finalFate: "destruction",
            rule: "Recommandation CNIL de 2021 sur la journalisation",
          },
        },
      ],
      recipients: [
        { type: "internal", name: "Administrateurs habilités du service des systèmes d'information" },
        { type: "institutional", name: "Autorités judiciaires sur réquisition" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Accès aux journaux réservé à deux administrateurs" },
        { measure: "logging", details: "Les accès aux journaux sont eux-mêmes journalisés" },
        { measure: "other", details: "Horloges synchronisées et stockage des journaux en écriture seule" },
      ],
      rights: {
        exercise: `Auprès du responsable de la sécurité des systèmes d'information ou ${DPO}.`,
        information: "Charte informatique et mentions du portail usagers.",
      },
      lastReviewAt: "2026-03-15",
      nextReviewAt: "2027-03-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Systèmes d'information",
    {
      name: "Hébergement et maintenance du logiciel d'action sociale pour le compte du CCAS",
      domain: "social_support",
      description:
        "Le service des systèmes d'information de la ville héberge, sauvegarde et maintient, pour le compte du CCAS de Démo (responsable de traitement distinct), le logiciel d'instruction des aides sociales et de domiciliation. La ville agit en sous-traitant (art. 28 RGPD) selon la convention de mutualisation du 1er janvier 2024. La nécessité d'une certification HDS pour cet hébergement pour le compte d'un tiers est à vérifier.",
      internalContact: "Responsable du service des systèmes d'information",
      implementationDate: "2024-01-01",
      role: "PROCESSOR",
      processorFor: [
        {
          controller: "CCAS de Démo",
          contact: "12 rue de la Solidarité, 34000 Démo-sur-Lez ; DPO : dpo@demo.example",
          categories:
            "Hébergement dans la salle serveurs municipale, sauvegardes, gestion des comptes utilisateurs, mises à jour et maintenance du logiciel d'instruction des aides sociales et de domiciliation",
        },
      ],
      purposes: {
        main: "Héberger et maintenir le logiciel d'action sociale du CCAS sur ses instructions",
        sub: ["Hébergement et sauvegardes", "Gestion des comptes", "Maintenance et mises à jour"],
      },
      legalBases: [
        {
          basis: "e_public_interest",
          text: "Convention de mutualisation ville-CCAS (art. 28 RGPD) ; base légale du responsable de traitement : CASF, art. L123-5 et L264-1",
        },
      ],
      art9Conditions: [{ condition: "h", text: "Condition retenue par le responsable de traitement (CCAS) : gestion des services d'action sociale" }],
      dataSubjects: [{ category: "vulnerable", description: "Demandeurs et bénéficiaires des aides du CCAS, personnes domiciliées", estimatedCount: 1800 }],
      dataCategories: [
        {
          category: "identity",
          description: "Identité et coordonnées des demandeurs",
          source: "CCAS",
          retention: {
            activePeriod: "Fixée par le CCAS ; restitution puis suppression en fin de convention",
            finalFate: "destruction",
            rule: "Durées fixées dans le registre du CCAS",
          },
        },
        {
          category: "economic",
          description: "Ressources et prestations",
          source: "CCAS",
          retention: { activePeriod: "Fixée par le CCAS ; restitution puis suppression en fin de convention", finalFate: "destruction" },
        },
        {
          category: "health",
          description: "Éléments de santé ou de handicap produits à l'appui d'une demande",
          source: "CCAS",
          retention: { activePeriod: "Fixée par le CCAS ; restitution puis suppression en fin de convention", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Situation familiale et de logement",
          source: "CCAS",
          retention: { activePeriod: "Fixée par le CCAS ; restitution puis suppression en fin de convention", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Administrateurs du service des systèmes d'information (maintenance uniquement)" },
        { type: "processor", name: "Éditeur du logiciel d'action sociale (sous-traitant ultérieur autorisé par le CCAS, télémaintenance)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Les administrateurs n'accèdent pas aux dossiers sans demande écrite du CCAS" },
        { measure: "encryption", details: "Base de données et sauvegardes chiffrées" },
        { measure: "backups", details: "Sauvegardes quotidiennes sur un second site, test de restauration semestriel" },
        { measure: "logging", details: "Journalisation des accès des administrateurs et de l'éditeur" },
        { measure: "processor_control", details: "Sous-traitant ultérieur autorisé par écrit par le CCAS ; télémaintenance ouverte à la demande" },
      ],
      rights: { exercise: "Les demandes des personnes sont transmises sans délai au CCAS, responsable de traitement.", information: "Assurée par le CCAS." },
      riskFlags: { vulnerableSubjects: true },
      lastReviewAt: "2026-01-20",
      nextReviewAt: "2027-01-31",
    },
    {
      status: "APPROVED",
      comments: [
        {
          author: "dpo",
          body: "Le CCAS a validé la liste des sous-traitants ultérieurs. Point ouvert : la question de la certification HDS est soumise au service juridique.",
        },
      ],
    },
  ),
  demo(
    "Systèmes d'information",
    {
      name: "Gestion du parc informatique et assistance aux utilisateurs",
      domain: "other",
      description: "Inventaire des postes et des équipements affectés aux agents, gestion des demandes d'assistance et des interventions à distance.",
      internalContact: "Responsable du support informatique",
      implementationDate: "2020-09-01",
      purposes: { main: "Gérer le parc informatique et assister les utilisateurs" },
      legalBases: [{ basis: "e_public_interest", text: "Fonctionnement des services municipaux" }],
      dataSubjects: [{ category: "agents", description: "Agents et élus équipés", estimatedCount: 465 }],
      dataCategories: [
        { category: "identity", description: "Nom, service, équipements affectés", source: "SIRH, service informatique" },
        { category: "connection", description: "Demandes d'assistance, identifiants de prise en main à distance", source: "Outil d'assistance" },
      ],
      recipients: [
        { type: "internal", name: "Techniciens du support" },
        { type: "processor", name: "Éditeur de l'outil de gestion des demandes" },
      ],
    },
    { status: "DRAFT" },
  ),

  /* ======================= Culture et médiathèque ======================= */
  demo(
    "Culture et médiathèque",
    {
      name: "Réseau intercommunal de lecture publique : inscriptions et prêts",
      description:
        "Inscriptions, prêts, réservations et accès aux ressources numériques dans les médiathèques du réseau intercommunal (carte unique de lecteur). La ville et la communauté d'agglomération sont responsables conjoints : l'agglomération gère le système intégré de gestion de bibliothèque (SIGB) et la carte unique, la ville gère les inscriptions et prêts dans ses deux médiathèques.",
      internalContact: "Directrice des médiathèques",
      implementationDate: "2021-09-01",
      role: "JOINT_CONTROLLER",
      jointControllers: [
        {
          name: "Communauté d'agglomération Démo Agglo",
          contact: "Direction de la lecture publique, 5 avenue de l'Europe, 34000 Démo-sur-Lez ; dpo@agglo-demo.example",
          arrangement:
            "Convention de réseau du 1er septembre 2021 (art. 26 RGPD) : l'agglomération choisit et administre le SIGB, conclut les contrats avec l'éditeur et l'hébergeur, et tient la documentation de sécurité ; chaque commune inscrit ses usagers et informe les personnes ; les demandes d'exercice des droits peuvent être adressées à toute médiathèque du réseau et sont traitées par le DPO de l'agglomération. Les grandes lignes de l'accord sont publiées sur le portail du réseau.",
        },
      ],
      purposes: {
        main: "Permettre l'emprunt de documents et l'accès aux ressources dans les médiathèques du réseau",
        sub: ["Inscriptions et carte unique", "Prêts, retours et réservations", "Accès aux ressources numériques"],
      },
      legalBases: [{ basis: "e_public_interest", text: "Code du patrimoine, art. L310-1 et suivants (bibliothèques des collectivités territoriales)" }],
      dataSubjects: [
        { category: "service_users", description: "Lecteurs inscrits habitant la commune", estimatedCount: 6200 },
        { category: "children", description: "Lecteurs mineurs inscrits par un représentant légal", estimatedCount: 2100 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénom, date de naissance, adresse, courriel, numéro de carte",
          source: "Lecteur",
          retention: { activePeriod: "1 an après le dernier prêt ou la dernière activité", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Prêts en cours et réservations (pas d'historique des lectures)",
          source: "SIGB",
          retention: { activePeriod: "Jusqu'à la fin du 4e mois suivant le retour du document, sauf retard ou litige", finalFate: "destruction" },
        },
        {
          category: "connection",
          description: "Compte du portail en ligne et accès aux ressources numériques",
          source: "Portail",
          retention: { activePeriod: "Durée de l'inscription", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Bibliothécaires des médiathèques de la ville" },
        { type: "institutional", name: "Communauté d'agglomération Démo Agglo (administration du SIGB et de la carte unique)" },
        { type: "processor", name: "Éditeur du SIGB libre et hébergeur (contrats conclus par l'agglomération)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Comptes nominatifs, chaque médiathèque ne modifie que ses lecteurs" },
        { measure: "backups", details: "Sauvegardes quotidiennes assurées par l'agglomération" },
        { measure: "encryption", details: "Portail en HTTPS" },
        { measure: "processor_control", details: "Contrats de sous-traitance conclus et suivis par l'agglomération" },
      ],
      rights: {
        exercise: "Auprès de toute médiathèque du réseau ou du DPO de l'agglomération, point de contact unique prévu par l'accord de responsabilité conjointe.",
        information: "Règlement du réseau et portail en ligne, qui présentent les grandes lignes de l'accord.",
      },
      lastReviewAt: "2026-09-10",
      nextReviewAt: "2027-09-30",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Culture et médiathèque",
    {
      name: "Archives municipales : collecte, conservation et communication",
      description:
        "Collecte des archives des services, conservation, classement et communication au public des archives historiques, traitement des demandes de recherche. Traitement à des fins archivistiques dans l'intérêt public (art. 89 RGPD).",
      internalContact: "Archiviste municipal",
      implementationDate: "2009-01-01",
      purposes: {
        main: "Conserver et communiquer les archives publiques de la commune",
        sub: ["Collecte et éliminations réglementaires", "Classement et inventaires", "Communication au public et recherches"],
      },
      legalBases: [
        { basis: "c", text: "Code du patrimoine, art. L211-1, L212-2 et L213-2" },
        { basis: "e_public_interest", text: "Archivage dans l'intérêt public (RGPD, art. 89)" },
      ],
      art9Conditions: [{ condition: "j", text: "Archivage dans l'intérêt public (RGPD, art. 89 ; Code du patrimoine)" }],
      art10Basis: "Code du patrimoine, art. L213-2 : les documents relatifs à des infractions ne sont communicables qu'à l'expiration des délais prévus",
      dataSubjects: [
        { category: "residents", description: "Personnes citées dans les documents conservés", estimatedCount: 60000 },
        { category: "other", description: "Lecteurs de la salle de consultation et demandeurs de recherches", estimatedCount: 400 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Toutes données figurant dans les documents versés par les services",
          source: "Services versants",
          retention: {
            activePeriod: "Conservation définitive des archives historiques",
            finalFate: "archives",
            rule: "Communicabilité selon le Code du patrimoine, art. L213-2",
          },
        },
        {
          category: "health",
          description: "Données de santé contenues dans certains dossiers versés (dossiers sociaux, personnel)",
          source: "Services versants",
          retention: {
            activePeriod: "Conservation définitive",
            finalFate: "archives",
            rule: "Délais de communicabilité prolongés (Code du patrimoine, art. L213-2)",
          },
        },
        {
          category: "offences",
          description: "Documents de police municipale et de contentieux versés",
          source: "Services versants",
          retention: {
            activePeriod: "Conservation définitive",
            finalFate: "archives",
            rule: "Délais de communicabilité prolongés (Code du patrimoine, art. L213-2)",
          },
        },
        {
          category: "connection",
          description: "Registre des lecteurs et des communications",
          source: "Lecteurs",
          retention: { activePeriod: "5 ans", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service des archives municipales" },
        { type: "other", name: "Public, pour les documents communicables" },
        { type: "third_country", name: "Chercheurs et généalogistes résidant hors de l'EEE (reproductions envoyées à leur demande)" },
      ],
      // Occasional sending of copies of freely communicable archives: GDPR Art. 49(1)(g) (public register
      // open to consultation, Code du patrimoine L213-1), a derogation, not a safeguard.
      transfers: [
        { country: "CA", recipient: "Généalogiste résidant au Canada (envoi ponctuel de reproductions)", safeguard: "art49_derogation", art49Point: "g" },
      ],
      securityMeasures: [
        { measure: "physical_security", details: "Magasins à accès contrôlé, détection incendie et régulation climatique" },
        { measure: "access_control", details: "Communication des documents non librement communicables sur dérogation uniquement" },
        { measure: "logging", details: "Registre des communications" },
      ],
      rights: {
        exercise: `Les droits de rectification, d'opposition et d'effacement ne s'appliquent pas aux archives publiques dans les limites de l'art. 89 ; demandes auprès de l'archiviste ou ${DPO}.`,
        information: "Règlement de la salle de lecture.",
      },
      lastReviewAt: "2024-07-01",
      nextReviewAt: "2026-07-01",
    },
    { status: "APPROVED" },
  ),

  /* ======================= Communication ======================= */
  demo(
    "Communication",
    {
      name: "Lettre d'information municipale",
      description:
        "Envoi d'une lettre d'information électronique mensuelle et d'alertes ponctuelles (travaux, événements, alertes météo) aux personnes qui s'y sont abonnées. Aucun usage politique du fichier. La plateforme d'envoi est américaine et n'est pas certifiée au Data Privacy Framework : transfert encadré par des clauses contractuelles types.",
      internalContact: "Responsable du service communication",
      implementationDate: "2019-04-01",
      purposes: { main: "Informer les abonnés de l'actualité municipale", sub: ["Lettre mensuelle", "Alertes ponctuelles", "Mesure d'audience des envois"] },
      legalBases: [{ basis: "a", text: "Consentement de l'abonné (inscription volontaire, lien de désinscription dans chaque envoi)" }],
      dataSubjects: [{ category: "residents", description: "Abonnés à la lettre d'information", estimatedCount: 4800 }],
      dataCategories: [
        {
          category: "identity",
          description: "Adresse électronique, prénom facultatif, thèmes choisis",
          source: "Abonné",
          retention: { activePeriod: "Jusqu'à la désinscription ; abonnés inactifs depuis 3 ans supprimés après relance", finalFate: "destruction" },
        },
        {
          category: "connection",
          description: "Ouvertures et clics par abonné",
          source: "Plateforme d'envoi",
          retention: { activePeriod: "13 mois", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service communication" },
        { type: "third_country", name: "Éditeur de la plateforme d'envoi de courriels (États-Unis)" },
      ],
      transfers: [
        {
          country: "US",
          recipient: "Éditeur de la plateforme d'envoi de courriels",
          safeguard: "scc",
          documentationUrl: "https://www.demo-sur-lez.example/donnees-personnelles/transferts/lettre-information.pdf",
        },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Deux comptes nominatifs avec authentification multifacteur" },
        { measure: "processor_control", details: "Clauses contractuelles types (module 2) et analyse d'impact des transferts réalisée en 2024" },
        { measure: "encryption", details: "Chiffrement des données chez l'éditeur" },
      ],
      rights: {
        exercise: `Désinscription en un clic ; autres droits auprès du service communication ou ${DPO}.`,
        information: "Mention sous le formulaire d'inscription.",
      },
      lastReviewAt: "2026-02-15",
      nextReviewAt: "2027-02-28",
    },
    {
      status: "APPROVED",
      pendingDraft: true,
      edits: [
        {
          summary: "Activation des statistiques d'ouverture et de clic par abonné",
          undo: chain(dropCategory("connection"), dropSubPurpose("Mesure d'audience")),
        },
      ],
      comments: [
        {
          author: "dpo",
          body: "Avant de valider cette modification : la mesure individuelle des ouvertures repose sur des traceurs et demande un consentement distinct. Prévoir une case à cocher séparée à l'inscription, ou se limiter à des statistiques agrégées.",
        },
      ],
    },
  ),
  demo(
    "Communication",
    {
      name: "Relation usagers : téléservices, demandes en ligne et courrier",
      description:
        "Portail de démarches en ligne, formulaires de contact et de signalement, enregistrement du courrier entrant et suivi des réponses. Les champs libres peuvent contenir des données sensibles : les formulaires invitent à ne pas en communiquer.",
      internalContact: "Responsable de la relation usagers",
      implementationDate: "2020-01-06",
      purposes: {
        main: "Recevoir, orienter et suivre les demandes des usagers",
        sub: ["Téléservices et formulaires en ligne", "Enregistrement du courrier", "Suivi des délais de réponse"],
      },
      legalBases: [{ basis: "e_public_interest", text: "Code des relations entre le public et l'administration, art. L112-8 (saisine par voie électronique)" }],
      dataSubjects: [{ category: "residents", description: "Usagers qui saisissent la mairie", estimatedCount: 9000 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, adresse, coordonnées",
          source: "Usager",
          retention: { activePeriod: "Traitement de la demande + 2 ans", finalFate: "sorting", rule: `${CIRC_2009} ; ${AD}` },
        },
        {
          category: "personal_life",
          description: "Objet de la demande et échanges",
          source: "Usager, services",
          retention: { activePeriod: "Traitement de la demande + 2 ans", finalFate: "sorting", rule: CIRC_2009 },
        },
        {
          category: "connection",
          description: "Compte usager et journaux du portail",
          source: "Portail",
          retention: { activePeriod: "Compte supprimé après 2 ans d'inactivité", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Services municipaux compétents pour répondre" },
        { type: "processor", name: "Éditeur de la plateforme de téléservices (logiciel libre, hébergement en France)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Chaque service ne voit que les demandes qui lui sont affectées" },
        { measure: "encryption", details: "Portail en HTTPS" },
        { measure: "backups", details: "Sauvegardes quotidiennes chez l'hébergeur" },
        { measure: "processor_control", details: "Contrat de sous-traitance (art. 28)" },
      ],
      rights: { exercise: `Depuis le compte usager ou auprès ${DPO}.`, information: "Mention sur chaque formulaire et page « Données personnelles »." },
      lastReviewAt: "2026-05-05",
      nextReviewAt: "2027-05-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Communication",
    {
      name: "Budget participatif 2024 : dépôt de projets et vote en ligne",
      description: "Dépôt de projets par les habitants, commentaires, vote en ligne et publication des lauréats de l'édition 2024 du budget participatif.",
      internalContact: "Chargée de la participation citoyenne",
      implementationDate: "2024-02-01",
      purposes: {
        main: "Associer les habitants au choix d'investissements",
        sub: ["Dépôt et publication des projets", "Vote en ligne", "Publication des résultats"],
      },
      legalBases: [
        { basis: "e_public_interest", text: "CGCT, art. L2121-29 ; délibération du conseil municipal instituant le budget participatif" },
        { basis: "a", text: "Consentement à la publication du nom du porteur de projet", purpose: "Publication des projets" },
      ],
      art9Conditions: [{ condition: "e", text: "Opinions rendues publiques par les participants eux-mêmes dans leurs projets et commentaires" }],
      dataSubjects: [{ category: "residents", description: "Habitants participants (porteurs de projets et votants)", estimatedCount: 1800 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, courriel, quartier",
          source: "Participant",
          retention: { activePeriod: "Fin de l'édition + 1 an", finalFate: "destruction" },
        },
        {
          category: "political",
          description: "Opinions pouvant apparaître dans les projets et commentaires",
          source: "Participant",
          retention: { activePeriod: "Fin de l'édition + 1 an", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service communication et comité de suivi" },
        { type: "processor", name: "Éditeur de la plateforme de participation" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Modération par deux agents habilités" },
        { measure: "other", details: "Un vote par compte vérifié par courriel" },
      ],
      rights: { exercise: `Depuis le compte participant ou auprès ${DPO}.`, information: "Charte de participation acceptée à l'inscription." },
      lastReviewAt: "2024-01-25",
      nextReviewAt: "2025-01-31",
    },
    {
      status: "ARCHIVED",
      archiveReason:
        "Édition 2024 clôturée. Depuis 2026, la participation citoyenne passe par la plateforme de la communauté d'agglomération, qui en est responsable. Comptes des participants supprimés le 31 janvier 2026.",
    },
  ),
  demo(
    "Communication",
    {
      name: "Enquête de satisfaction des usagers des services municipaux",
      description:
        "Questionnaire en ligne facultatif sur la qualité de l'accueil et des services municipaux, diffusé pendant deux mois par la lettre d'information et aux guichets.",
      internalContact: "Responsable du service communication",
      implementationDate: "2026-12-01",
      purposes: { main: "Mesurer la satisfaction des usagers pour améliorer les services" },
      legalBases: [
        { basis: "e_public_interest", text: "CGCT, art. L2121-29 : amélioration de la qualité des services publics municipaux ; participation facultative" },
      ],
      dataSubjects: [{ category: "service_users", description: "Usagers répondant au questionnaire", estimatedCount: 1500 }],
      dataCategories: [
        {
          category: "identity",
          description: "Adresse électronique facultative pour être recontacté",
          source: "Répondant",
          retention: { activePeriod: "3 mois après la clôture de l'enquête", finalFate: "destruction" },
        },
        {
          category: "personal_life",
          description: "Quartier, services utilisés, appréciations",
          source: "Répondant",
          retention: { activePeriod: "3 mois après la clôture, puis anonymisation", finalFate: "destruction" },
        },
        {
          category: "connection",
          description: "Adresse IP collectée par l'outil",
          source: "Outil de sondage",
          retention: { activePeriod: "Inconnue (politique de l'éditeur)", finalFate: "undetermined" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service communication" },
        { type: "third_country", name: "Outil de sondage en ligne (offre gratuite, éditeur établi aux États-Unis)" },
      ],
      transfers: [{ country: "US", recipient: "Éditeur de l'outil de sondage en ligne", safeguard: "none" }],
      securityMeasures: [{ measure: "access_control", details: "Compte unique du service communication" }],
      rights: { exercise: `Auprès du service communication ou ${DPO}.`, information: "Texte d'introduction du questionnaire." },
      nextReviewAt: "2027-06-30",
    },
    {
      status: "SUBMITTED",
      comments: [
        {
          author: "dpo",
          body: "À la relecture : le transfert vers les États-Unis n'a aucune garantie (ni certification DPF, ni clauses contractuelles types). Avant toute validation, vérifier si l'éditeur est certifié DPF ou utiliser l'outil de questionnaire libre hébergé par l'agglomération.",
        },
      ],
    },
  ),
  demo(
    "Communication",
    {
      name: "Conseil municipal : convocations, délibérations, indemnités et retransmission des séances",
      description:
        "Convocation des élus, préparation et publication des délibérations et procès-verbaux, versement des indemnités de fonction, retransmission vidéo en direct des séances publiques.",
      internalContact: "Responsable du secrétariat des assemblées",
      implementationDate: "2020-07-01",
      purposes: {
        main: "Assurer le fonctionnement du conseil municipal",
        sub: ["Convocations et dossiers de séance", "Publication des délibérations et procès-verbaux", "Indemnités de fonction", "Retransmission des séances"],
      },
      legalBases: [
        { basis: "c", text: "CGCT, art. L2121-10 (convocation), L2131-1 (publication électronique des actes), L2123-20 et suivants (indemnités)" },
        { basis: "e_public_interest", text: "CGCT, art. L2121-18 (retransmission des séances publiques)", purpose: "Retransmission des séances" },
      ],
      art9Conditions: [{ condition: "e", text: "Appartenance à un groupe politique du conseil, rendue publique par les élus eux-mêmes" }],
      dataSubjects: [
        { category: "elected_members", description: "Membres du conseil municipal", estimatedCount: 35 },
        { category: "residents", description: "Public des séances et personnes citées dans les délibérations", estimatedCount: 500 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, coordonnées des élus ; image et voix lors des séances retransmises",
          source: "Élus, captation vidéo",
          retention: {
            activePeriod: "Délibérations et procès-verbaux : conservation définitive ; vidéos en ligne pendant la durée du mandat",
            finalFate: "archives",
            rule: INSTR_2014,
          },
        },
        {
          category: "political",
          description: "Groupe politique, votes exprimés en séance",
          source: "Séances",
          retention: { activePeriod: "Conservation définitive (registre des délibérations)", finalFate: "archives", rule: INSTR_2014 },
        },
        {
          category: "economic",
          description: "Indemnités de fonction et coordonnées bancaires des élus",
          source: "Élus",
          retention: { activePeriod: "Durée du mandat + 5 ans", finalFate: "sorting", rule: `${CIRC_2009} ; ${AD}` },
        },
      ],
      recipients: [
        { type: "internal", name: "Secrétariat des assemblées" },
        { type: "institutional", name: "Préfecture (contrôle de légalité)" },
        { type: "other", name: "Public (publication électronique des actes, retransmission en direct)" },
        { type: "processor", name: "Prestataire de captation et de diffusion vidéo" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Espace élus avec comptes nominatifs" },
        { measure: "processor_control", details: "Contrat de sous-traitance avec le prestataire vidéo" },
        { measure: "backups", details: "Sauvegarde des actes et du registre électronique" },
      ],
      rights: {
        exercise: `Auprès du secrétariat des assemblées ou ${DPO}.`,
        information: "Affichage dans la salle du conseil ; mention sur la page de diffusion des séances.",
      },
      lastReviewAt: "2026-06-30",
      nextReviewAt: "2027-06-30",
    },
    { status: "APPROVED" },
  ),

  /* ======================= Élections ======================= */
  demo(
    "Élections",
    {
      name: "Gestion des listes électorales",
      domain: "electoral_roll",
      description:
        "Inscriptions et radiations sur les listes électorales extraites du répertoire électoral unique tenu par l'INSEE, commission de contrôle, répartition des électeurs par bureau de vote, édition des cartes électorales et des listes d'émargement. Traitement figurant sur la liste CNIL des traitements dispensés d'AIPD.",
      internalContact: "Responsable du service des élections",
      implementationDate: "2019-01-01",
      purposes: {
        main: "Tenir les listes électorales de la commune",
        sub: ["Inscriptions et radiations", "Cartes électorales et listes d'émargement", "Communication des listes dans les conditions légales"],
      },
      legalBases: [{ basis: "c", text: "Code électoral, art. L16 et suivants ; loi n° 2016-1048 du 1er août 2016 (répertoire électoral unique)" }],
      dataSubjects: [
        {
          category: "residents",
          description: "Électeurs inscrits, y compris les citoyens de l'Union européenne sur les listes complémentaires",
          estimatedCount: 17500,
        },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, date et lieu de naissance, adresse, bureau de vote, nationalité pour les listes complémentaires",
          source: "Électeurs, INSEE (répertoire électoral unique)",
          retention: {
            activePeriod: "Listes électorales : 3 ans ; dossiers d'inscription et de radiation : 3 ans après la radiation",
            finalFate: "sorting",
            rule: `${INSTR_2004} ; ${AD}`,
          },
        },
        {
          category: "personal_life",
          description: "Procurations reçues et listes d'émargement",
          source: "Électeurs, bureaux de vote",
          retention: {
            activePeriod: "Jusqu'à l'expiration des délais de recours contentieux contre l'élection",
            finalFate: "sorting",
            rule: `${INSTR_2004} ; ${AD}`,
          },
        },
      ],
      recipients: [
        { type: "internal", name: "Service des élections et commission de contrôle" },
        { type: "institutional", name: "INSEE (répertoire électoral unique)" },
        { type: "institutional", name: "Préfecture" },
        { type: "other", name: "Électeurs, candidats et partis politiques sur demande (Code électoral, art. L37 ; aucun usage commercial)" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Accès au logiciel électoral limité au service des élections" },
        { measure: "logging", details: "Traçabilité des inscriptions et radiations" },
        { measure: "backups", details: "Sauvegardes quotidiennes" },
        { measure: "other", details: "Attestation d'usage non commercial signée par tout demandeur de communication" },
      ],
      rights: {
        exercise: `Vérification de sa situation électorale en ligne ou en mairie ; droits auprès du service des élections ou ${DPO}.`,
        information: "Mentions sur le formulaire d'inscription et le site de la ville.",
      },
      lastReviewAt: "2026-03-05",
      nextReviewAt: "2027-03-31",
    },
    {
      status: "APPROVED",
      versions: 3,
      edits: [
        {
          summary: "Durées de conservation précisées d'après l'instruction DPACI/RES/2004/01",
          undo: chain(
            setRetention(["identity", "personal_life"], { activePeriod: "3 ans", finalFate: "destruction", rule: undefined }),
            setReviews("2019-01-10", "2021-01-31"),
          ),
        },
        {
          summary: "Ajout de la communication de la liste aux électeurs, candidats et partis (Code électoral, art. L37)",
          undo: chain(
            dropRecipient("Électeurs, candidats"),
            dropSubPurpose("Communication des listes"),
            dropMeasure("other"),
            setReviews("2021-02-01", "2023-02-28"),
          ),
        },
      ],
      comments: [{ author: "dpo", body: "Version 3 : penser à faire signer l'attestation d'usage non commercial à chaque communication de la liste." }],
    },
  ),
  demo(
    "Élections",
    {
      name: "Tirage au sort des jurés d'assises",
      description:
        "Tirage au sort public, à partir de la liste électorale, des personnes inscrites sur la liste préparatoire des jurés d'assises, information des personnes tirées au sort et transmission de la liste au greffe.",
      internalContact: "Responsable du service des élections",
      implementationDate: "2010-01-01",
      purposes: { main: "Établir la liste préparatoire communale des jurés d'assises" },
      legalBases: [{ basis: "c", text: "Code de procédure pénale, art. 260 à 261-1" }],
      dataSubjects: [{ category: "residents", description: "Électeurs tirés au sort chaque année", estimatedCount: 60 }],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, prénoms, date et lieu de naissance, adresse, profession",
          source: "Liste électorale",
          retention: { activePeriod: "Jusqu'à l'établissement de la liste de l'année suivante", finalFate: "destruction", rule: `${INSTR_2014} ; ${AD}` },
        },
      ],
      recipients: [{ type: "institutional", name: "Greffe de la cour d'assises" }],
      securityMeasures: [
        { measure: "access_control", details: "Tirage effectué par le service des élections, liste transmise par envoi sécurisé" },
        { measure: "physical_security", details: "Procès-verbal de tirage conservé sous clé" },
      ],
      rights: {
        exercise: `Auprès du service des élections ou ${DPO}.`,
        information: "Les personnes tirées au sort en sont avisées par le maire (Code de procédure pénale, art. 261-1).",
      },
      lastReviewAt: "2026-05-15",
      nextReviewAt: "2028-05-31",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Élections",
    {
      name: "Organisation des scrutins : bureaux de vote, assesseurs et scrutateurs",
      description:
        "Constitution des bureaux de vote, désignation des présidents et assesseurs, appel aux électeurs volontaires pour la tenue des bureaux et le dépouillement.",
      internalContact: "Responsable du service des élections",
      implementationDate: "2014-03-01",
      purposes: { main: "Organiser la tenue des bureaux de vote lors des scrutins" },
      legalBases: [{ basis: "c", text: "Code électoral, art. R42 à R44" }],
      dataSubjects: [
        { category: "residents", description: "Électeurs volontaires (assesseurs, scrutateurs)", estimatedCount: 250 },
        { category: "elected_members", description: "Conseillers municipaux présidant les bureaux", estimatedCount: 35 },
      ],
      dataCategories: [{ category: "identity", description: "Nom, coordonnées, disponibilités, bureau affecté", source: "Volontaires, élus" }],
      recipients: [{ type: "internal", name: "Service des élections" }],
    },
    { status: "DRAFT" },
  ),

  /* ======================= Services techniques ======================= */
  demo(
    "Services techniques",
    {
      name: "Géolocalisation des véhicules de service",
      description:
        "Géolocalisation des véhicules des services techniques pour organiser les interventions (voirie, espaces verts, propreté), assurer la sécurité des agents isolés et suivre l'entretien du parc. Pas de contrôle de la vitesse ; géolocalisation désactivable hors temps de travail.",
      internalContact: "Responsable du parc automobile",
      implementationDate: "2022-04-01",
      purposes: {
        main: "Organiser les interventions et assurer la sécurité des agents",
        sub: ["Planification des interventions", "Sécurité des agents isolés", "Suivi du kilométrage et de l'entretien"],
      },
      legalBases: [{ basis: "e_public_interest", text: "CGCT, art. L2122-18 (organisation des services) ; obligation de sécurité de l'employeur" }],
      dataSubjects: [{ category: "agents", description: "Agents conduisant les 45 véhicules équipés", estimatedCount: 120 }],
      dataCategories: [
        {
          category: "identity",
          description: "Véhicule, conducteur affecté",
          source: "Service du parc",
          retention: { activePeriod: "Durée de l'affectation", finalFate: "destruction" },
        },
        {
          category: "location",
          description: "Position du véhicule, horodatage, kilométrage",
          source: "Boîtier de géolocalisation",
          retention: { activePeriod: "2 mois", finalFate: "destruction", rule: "Recommandation CNIL sur la géolocalisation des véhicules des salariés" },
        },
      ],
      recipients: [
        { type: "internal", name: "Responsable du parc et chefs d'équipe" },
        { type: "processor", name: "Prestataire de télématique embarquée" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Consultation en temps réel limitée aux chefs d'équipe" },
        { measure: "processor_control", details: "Contrat de sous-traitance, hébergement dans l'Union européenne" },
        { measure: "encryption", details: "Transmission chiffrée des positions" },
      ],
      rights: {
        exercise: `Auprès du responsable du parc ou ${DPO}.`,
        information: "Information individuelle des agents et du comité social territorial avant la mise en service ; autocollant dans chaque véhicule.",
      },
      riskFlags: { systematicMonitoring: true },
      lastReviewAt: "2026-04-12",
      nextReviewAt: "2027-04-30",
    },
    { status: "APPROVED" },
  ),
  demo(
    "Services techniques",
    {
      name: "Contrôle d'accès par badge et vidéoprotection des bâtiments municipaux",
      description:
        "Badges d'accès aux bâtiments municipaux et caméras dans les halls d'accueil et les parkings de l'hôtel de ville et du centre technique municipal (hors voie publique).",
      internalContact: "Responsable du service bâtiments",
      implementationDate: "2018-09-01",
      purposes: {
        main: "Sécuriser l'accès aux bâtiments municipaux et protéger les biens",
        sub: ["Gestion des badges", "Vidéoprotection des halls et parkings"],
      },
      legalBases: [{ basis: "e_public_interest", text: "Sécurité des bâtiments et des biens communaux (CGCT, art. L2122-18 et L2122-21)" }],
      dataSubjects: [
        { category: "agents", description: "Agents titulaires d'un badge", estimatedCount: 430 },
        { category: "visitors", description: "Visiteurs et usagers filmés dans les halls d'accueil", estimatedCount: 30000 },
      ],
      dataCategories: [
        {
          category: "identity",
          description: "Nom, numéro et photographie du badge ; images des caméras",
          source: "Service bâtiments, caméras",
          retention: { activePeriod: "Images : 1 mois au plus ; badges : durée de l'affectation", finalFate: "destruction" },
        },
        {
          category: "location",
          description: "Horodatage et lieu des passages aux lecteurs de badge",
          source: "Lecteurs de badge",
          retention: { activePeriod: "3 mois environ (durée couramment recommandée, à vérifier)", finalFate: "destruction" },
        },
      ],
      recipients: [
        { type: "internal", name: "Service bâtiments ; direction générale en cas d'incident" },
        { type: "institutional", name: "Forces de l'ordre sur réquisition" },
      ],
      securityMeasures: [
        { measure: "access_control", details: "Consultation des images par deux agents habilités, uniquement après incident" },
        { measure: "logging", details: "Journal des consultations" },
        { measure: "physical_security", details: "Enregistreur dans un local technique fermé" },
      ],
      rights: { exercise: `Auprès du service bâtiments ou ${DPO}.`, information: "Panneaux à l'entrée des bâtiments ; note d'information aux agents." },
      riskFlags: { systematicMonitoring: true },
      lastReviewAt: "2026-10-01",
      nextReviewAt: "2027-10-31",
    },
    { status: "APPROVED" },
  ),
];
