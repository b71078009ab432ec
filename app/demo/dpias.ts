/**
 * The demo city's three DPIAs (CNIL method): public-space CCTV (validated), social housing requests
 * (in review), occupational health of the staff (draft). Data only; the seed writes them through the
 * DPIA model functions. Answers given here replace the prefilled ones; the others stay prefilled.
 */
import type { ActionRow, DpiaMeasure, DpiaQuestion, DpiaRisks } from "~/schemas/dpia.ts";

export type DemoDpia = {
  /** Name of the demo activity. */
  activity: string;
  /** Who starts and drafts it: the department's editor, or the DPO. */
  author: "dpo" | "editor";
  status: "draft" | "in_review" | "validated";
  answers: Partial<Record<DpiaQuestion, string>>;
  measures: DpiaMeasure[];
  risks: DpiaRisks;
  actionPlan: ActionRow[];
  opinions?: { dpoName: string; canProceed: boolean; dpoText: string; subjectsSought: boolean; subjectsReason: string; subjectsText: string };
  validator?: string;
};

export const DEMO_DPIAS: DemoDpia[] = [
  {
    activity: "Vidéoprotection de la voie publique et centre de supervision urbain",
    author: "dpo",
    status: "validated",
    answers: {
      "111":
        "42 caméras fixes et 6 caméras dôme installées sur la voie publique (centre-ville, abords des écoles, parkings, gare routière), reliées au centre de supervision urbain (CSU) de la police municipale. Les images sont visionnées en direct par des opérateurs habilités et enregistrées pendant 30 jours.",
      "112":
        "Responsable du traitement : la commune, représentée par la maire. Sous-traitants : l'intégrateur chargé de la maintenance du système et l'hébergeur du serveur d'enregistrement (salle serveurs de l'hôtel de ville).",
      "113":
        "Code de la sécurité intérieure (articles L. 251-1 et suivants, R. 251-1 et suivants) ; autorisation préfectorale n° 2024-VP-017 ; référentiel technique de la vidéoprotection (arrêté du 3 août 2007) ; doctrine de la CNIL sur les caméras « augmentées » (aucune analyse automatisée n'est utilisée).",
      "121":
        "Images des personnes et des véhicules circulant sur la voie publique (visage, silhouette, plaque d'immatriculation visible), horodatage et identifiant de la caméra. Journal des consultations et extractions (identifiant de l'opérateur, date, motif, réquisition).",
      "122":
        "Captation continue → enregistrement chiffré sur le serveur du CSU → visionnage en direct par les opérateurs → extraction sur réquisition d'un officier de police judiciaire → effacement automatique au bout de 30 jours.",
      "123":
        "Caméras, réseau fibre dédié de la ville, serveur d'enregistrement et postes du CSU (salle à accès contrôlé), support de remise chiffré pour les extractions.",
      "211":
        "Prévenir les atteintes à la sécurité des personnes et des biens dans les lieux particulièrement exposés, réguler le trafic routier, faciliter la constatation des infractions et l'identification de leurs auteurs (article L. 251-2 du code de la sécurité intérieure).",
      "212":
        "Mission d'intérêt public (article 6.1.e du RGPD) ; traitement autorisé par le préfet après avis de la commission départementale de vidéoprotection. Les extractions pour la police judiciaire relèvent de la directive « police-justice ».",
      "213":
        "Zones de masquage dynamique sur les façades, fenêtres et entrées d'immeubles ; pas de captation du son ; pas de reconnaissance faciale ni d'analyse automatisée ; champ de vision limité à la voie publique.",
      "214":
        "Horloges des caméras synchronisées (NTP) ; contrôle hebdomadaire du bon fonctionnement et de l'orientation des caméras ; registre des incidents techniques.",
      "215":
        "30 jours au plus (durée fixée par l'autorisation préfectorale), effacement automatique par écrasement ; les extractions remises sur réquisition suivent la procédure judiciaire.",
      "221":
        "Panneaux d'information à l'entrée des zones vidéoprotégées (pictogramme, responsable, durée de conservation, contact) ; page dédiée sur le site de la ville ; mention dans le magazine municipal.",
      "222": "Sans objet : le traitement ne repose pas sur le consentement (mission d'intérêt public).",
      "223":
        "Droit d'accès auprès du délégué à la protection des données (dpo@demo.example) ou du chef de la police municipale, dans le délai de conservation ; floutage des tiers avant toute communication.",
      "224": "Droit d'effacement : sans objet pour des images qui s'effacent au bout de 30 jours ; rectification sans objet pour des images.",
      "225":
        "Droit d'opposition écarté par la loi (article L. 251-1 du code de la sécurité intérieure) ; limitation possible sur demande pendant l'instruction d'une réclamation.",
      "226":
        "Contrat de maintenance avec clause de sous-traitance (article 28 du RGPD) : accès du mainteneur uniquement sur site ou par VPN, journalisé, sur demande de la ville.",
      "227": "Aucun transfert hors de l'Espace économique européen : enregistrement sur un serveur de la ville, maintenance par une société française.",
    },
    measures: [
      {
        code: "access_control",
        title: "Habilitations nominatives des opérateurs",
        text: "Liste des opérateurs habilités arrêtée par la maire ; comptes nominatifs, authentification forte sur les postes du CSU ; revue trimestrielle.",
      },
      {
        code: "logging",
        title: "Journalisation des consultations et extractions",
        text: "Chaque consultation d'archive et chaque extraction est journalisée (opérateur, date, motif, réquisition) ; journaux conservés un an et contrôlés par le DPO.",
      },
      {
        code: "encryption",
        title: "Chiffrement des enregistrements et des extractions",
        text: "Disques du serveur chiffrés ; extractions remises sur support chiffré, mot de passe transmis séparément.",
      },
      { title: "Masquage des zones privées", text: "Masquage dynamique paramétré caméra par caméra, vérifié à chaque réorientation." },
      {
        code: "physical_security",
        title: "Sécurité physique du CSU",
        text: "Accès par badge nominatif, salle sans vue depuis l'extérieur, registre des visiteurs.",
      },
    ],
    risks: {
      access: {
        impacts:
          "Atteinte à la vie privée (habitudes, fréquentations, lieux visités) ; divulgation d'images sur les réseaux sociaux ; sentiment de surveillance.",
        threats: "Consultation d'images hors finalité par un opérateur ; copie d'une séquence sur un téléphone ; intrusion sur le réseau des caméras.",
        sources: "Opérateur du CSU ; prestataire de maintenance ; attaquant externe.",
        measures: "Habilitations nominatives, journalisation, chiffrement, sécurité physique du CSU, réseau fibre dédié isolé d'Internet.",
        severity: 3,
        likelihood: 2,
        residualSeverity: 3,
        residualLikelihood: 1,
      },
      modification: {
        impacts: "Images altérées rendues inexploitables ou trompeuses dans une procédure.",
        threats: "Modification d'un enregistrement ou de l'horodatage.",
        sources: "Opérateur ; attaquant externe.",
        measures: "Horloges synchronisées, empreinte des extractions, journalisation.",
        severity: 2,
        likelihood: 1,
        residualSeverity: 2,
        residualLikelihood: 1,
      },
      disappearance: {
        impacts: "Impossibilité de fournir les images demandées par une victime ou par la justice.",
        threats: "Panne du serveur d'enregistrement ; effacement prématuré ; rançongiciel.",
        sources: "Défaillance matérielle ; attaquant externe.",
        measures: "Supervision du serveur, disques redondants, réseau isolé.",
        severity: 2,
        likelihood: 2,
        residualSeverity: 2,
        residualLikelihood: 1,
      },
    },
    actionPlan: [
      { action: "Faire signer la charte d'usage du CSU à chaque opérateur", owner: "Chef de la police municipale", dueDate: "2025-01-31", status: "done" },
      { action: "Mettre en place le contrôle trimestriel des journaux d'extraction par le DPO", owner: "DPO", dueDate: "2025-03-31", status: "done" },
      {
        action: "Ajouter une alerte de supervision en cas d'arrêt d'enregistrement d'une caméra",
        owner: "Systèmes d'information",
        dueDate: "2025-06-30",
        status: "in_progress",
      },
    ],
    opinions: {
      dpoName: "Dominique Delaunay",
      canProceed: true,
      dpoText:
        "Avis favorable : le dispositif est proportionné aux finalités autorisées par le préfet et les risques résiduels sont acceptables, sous réserve de la mise en œuvre complète du plan d'action et d'une revue annuelle de l'implantation des caméras.",
      subjectsSought: true,
      subjectsReason: "",
      subjectsText:
        "Présentation du projet aux conseils de quartier du centre-ville et de la gare (mars 2024) : demande de masquage des fenêtres des immeubles, prise en compte.",
    },
    validator: "Mme Hélène Maire, maire de Démo-sur-Lez",
  },
  {
    activity: "Enregistrement et suivi des demandes de logement social",
    author: "dpo",
    status: "in_review",
    answers: {
      "111":
        "Enregistrement des demandes de logement social dans le système national d'enregistrement (SNE), instruction des dossiers par le service Action sociale et présentation en commission d'attribution des bailleurs.",
      "113":
        "Code de la construction et de l'habitation (articles L. 441-2-1 et R. 441-2-1 et suivants) ; traitement figurant sur la liste CNIL des traitements soumis à AIPD (instruction des demandes de logement social).",
      "211":
        "Enregistrer les demandes, délivrer le numéro unique, instruire les dossiers et les présenter aux commissions d'attribution ; suivre les relogements prioritaires.",
      "213":
        "Seules les pièces exigées par l'arrêté fixant la liste des justificatifs sont demandées ; pas de collecte de données de santé hors demande de logement adapté (avec l'accord du demandeur).",
      "221": "Notice d'information remise avec le formulaire CERFA et affichée à l'accueil ; mention sur le téléservice.",
    },
    measures: [
      {
        code: "access_control",
        title: "Accès au SNE limité aux instructeurs habilités",
        text: "Comptes nominatifs délivrés par le gestionnaire départemental ; retrait à chaque départ.",
      },
      { code: "logging", title: "Journalisation des consultations", text: "Journaux du SNE et du logiciel d'action sociale consultables par le DPO." },
      { title: "Dossiers papier sous clé", text: "Armoires fermées dans le bureau de l'instruction ; destruction par broyage." },
    ],
    risks: {
      access: {
        impacts: "Divulgation de la situation financière, familiale ou de santé ; stigmatisation ; pressions sur le demandeur.",
        threats: "Consultation par un agent non habilité ; dossier laissé à l'accueil ; envoi à un mauvais destinataire.",
        sources: "Agents ; élus ; tiers à l'accueil.",
        measures: "Habilitations, journalisation, dossiers sous clé.",
        severity: 3,
        likelihood: 3,
        residualSeverity: 3,
        residualLikelihood: 2,
      },
      modification: {
        impacts: "Ancienneté de la demande ou priorité faussée : attribution retardée.",
        threats: "Saisie erronée ; modification volontaire d'un dossier.",
        sources: "Agents.",
        measures: "Contrôle croisé des saisies, journalisation.",
        severity: 3,
        likelihood: 2,
      },
      disappearance: {
        impacts: "Perte de l'ancienneté de la demande, nouvelles démarches pour le demandeur.",
        threats: "Perte d'un dossier papier ; panne du logiciel.",
        sources: "Agents ; défaillance technique.",
        measures: "Numérisation des pièces, sauvegardes du logiciel.",
        severity: 2,
        likelihood: 2,
      },
    },
    actionPlan: [
      {
        action: "Former les agents de l'accueil à la confidentialité des demandes",
        owner: "Responsable de l'action sociale",
        dueDate: "2025-09-30",
        status: "todo",
      },
      { action: "Supprimer les copies de pièces justificatives stockées hors du SNE", owner: "Action sociale", dueDate: "2025-06-30", status: "in_progress" },
    ],
  },
  {
    activity: "Santé au travail, accidents de service et congés pour raison de santé",
    author: "editor",
    status: "draft",
    answers: {
      "111":
        "Suivi des visites médicales, des déclarations d'accidents de service et de maladies professionnelles, des congés pour raison de santé et des reclassements des agents de la ville.",
      "211":
        "Organiser le suivi médical des agents, instruire les accidents de service et les congés pour raison de santé, mettre en œuvre les préconisations du médecin du travail.",
    },
    measures: [
      {
        code: "access_control",
        title: "Dossiers réservés au pôle santé au travail",
        text: "Accès limité à deux gestionnaires ; le dossier médical reste chez le médecin du travail.",
      },
    ],
    risks: {
      access: {
        impacts: "Divulgation de l'état de santé d'un agent à ses collègues ou à sa hiérarchie ; discrimination dans la carrière.",
        threats: "Consultation par un agent RH non habilité ; certificat transmis au service.",
        sources: "Agents RH ; encadrants.",
        measures: "",
        severity: 3,
      },
      modification: { impacts: "", threats: "", sources: "", measures: "" },
      disappearance: { impacts: "", threats: "", sources: "", measures: "" },
    },
    actionPlan: [],
  },
];
