/**
 * The activity form (creation and edition of an Art. 30 record) and its conflict screen.
 * Written for department heads who are not GDPR experts: every field says what to write, with an example.
 */
export const frActivityForm = {
  "toast.activityCreated": "Brouillon {ref} créé. Complétez maintenant la fiche du traitement.",

  // Creation
  "activityForm.new.title": "Déclarer un nouveau traitement",
  "activityForm.new.intro":
    "Commencez par un nom et le service concerné. Vous compléterez ensuite la fiche à votre rythme : elle reste un brouillon, visible de votre service et du DPO, tant que vous ne la soumettez pas.",
  "activityForm.new.submit": "Créer le brouillon",
  "activityForm.new.noDepartment":
    "Aucun service ne vous est attribué : vous ne pouvez pas encore déclarer de traitement. Demandez à votre DPO de vous rattacher à votre service.",
  "activityForm.new.breadcrumb": "Nouveau traitement",

  // Edition page
  "activityForm.edit.title": "Modifier : {name}",
  "activityForm.edit.meta": "Fiche {ref} · statut : {status}",
  "activityForm.edit.breadcrumb": "Modifier",
  "activityForm.edit.intro":
    "Remplissez ce que vous savez : vous pouvez enregistrer à tout moment et revenir plus tard. Enregistrer ne transmet pas la fiche au DPO. Les champs marqués d'un astérisque (*) sont obligatoires ; en cas de doute sur une question juridique, laissez vide et signalez-le au DPO.",
  "activityForm.save": "Enregistrer",
  "activityForm.cancel": "Annuler et revenir à la fiche",
  "activityForm.toc": "Rubriques de la fiche",
  "activityForm.choose": "— Choisir —",
  "activityForm.itemLegend": "{label} n° {n}",
  "activityForm.approvedNotice.title": "Ce traitement est validé (version {version}).",
  "activityForm.approvedNotice.body":
    "Si vous enregistrez une modification, un nouveau brouillon est ouvert. Le registre continue d'afficher la version {version} jusqu'à ce que le DPO valide la nouvelle version.",
  "activityForm.pendingNotice":
    "Des modifications sont en cours depuis la version {version} validée. Le registre affiche toujours la version {version} tant que ces modifications ne sont pas validées.",
  "activityForm.changesRequestedNotice":
    "Le DPO a demandé des modifications : ses commentaires figurent sur la page du traitement. Une fois la fiche corrigée et enregistrée, soumettez-la de nouveau depuis cette page.",

  // Summary of the saved record
  "activityForm.summary.title": "Où en est la fiche ?",
  "activityForm.summary.basis": "Ce bilan porte sur la dernière version enregistrée ; il se met à jour à chaque enregistrement.",
  "activityForm.summary.score": "Complétude : {score} %",
  "activityForm.summary.missingTitle": "Reste à compléter ({count})",
  "activityForm.summary.complete": "Toutes les informations exigées par l'article 30 sont renseignées.",
  "activityForm.summary.warningsTitle": "Points d'attention ({count})",

  // Sections
  "activityForm.section.identity": "Identification du traitement",
  "activityForm.section.identity.intro": "De quel traitement s'agit-il, et qui s'en occupe ?",
  "activityForm.section.regime": "Cadre juridique et rôle de la collectivité",
  "activityForm.section.regime.intro": "Sous quel texte le traitement est-il fait, et qui décide de son fonctionnement ?",
  "activityForm.section.purposes": "Finalités",
  "activityForm.section.purposes.intro": "À quoi servent les données ? (article 30.1.b du RGPD)",
  "activityForm.section.legal": "Base légale",
  "activityForm.section.legal.intro":
    "Ce qui autorise la collectivité à utiliser ces données (article 6 du RGPD ; articles 9 et 10 pour les données sensibles et les infractions).",
  "activityForm.section.subjects": "Personnes concernées",
  "activityForm.section.subjects.intro": "Sur qui portent les données ? (article 30.1.c)",
  "activityForm.section.data": "Données et durées de conservation",
  "activityForm.section.data.intro":
    "Quelles données sont collectées, d'où viennent-elles et combien de temps sont-elles gardées ? (articles 30.1.c et 30.1.f)",
  "activityForm.section.recipients": "Destinataires",
  "activityForm.section.recipients.intro": "Qui reçoit ou consulte les données, dans la collectivité comme à l'extérieur ? (article 30.1.d)",
  "activityForm.section.transfers": "Transferts hors de l'EEE et vers des organisations internationales",
  "activityForm.section.transfers.intro":
    "À remplir seulement si des données sont envoyées ou consultables hors de l'Union européenne et de l'Espace économique européen (Islande, Liechtenstein, Norvège), par exemple avec un logiciel en ligne hébergé aux États-Unis. (article 30.1.e)",
  "activityForm.section.security": "Mesures de sécurité",
  "activityForm.section.security.intro":
    "Comment les données sont protégées (articles 30.1.g et 32). Décrivez ce qui existe réellement, même si c'est modeste : le DPO vous aidera à l'améliorer.",
  "activityForm.section.rights": "Droits et information des personnes",
  "activityForm.section.rights.intro":
    "Comment les personnes savent que leurs données sont utilisées, et comment elles peuvent exercer leurs droits (articles 12 à 22).",
  "activityForm.section.risks": "Critères de risque",
  "activityForm.section.risks.intro":
    "Cochez ce qui s'applique. Ces critères, issus des lignes directrices européennes sur l'analyse d'impact, aident le DPO à décider si une analyse d'impact (AIPD, article 35) est nécessaire : c'est en général le cas dès que deux critères sont cochés. En cas de doute, cochez et signalez-le au DPO.",
  "activityForm.section.review": "Revue périodique",
  "activityForm.section.review.intro": "Une fiche doit être relue régulièrement pour rester exacte.",

  // Identity
  "activityForm.field.name": "Nom du traitement",
  "activityForm.hint.name": "Un nom court et parlant, compris de tous. Exemple : « Gestion des listes électorales ».",
  "activityForm.field.description": "Description",
  "activityForm.hint.description":
    "En quelques phrases : ce que fait le service, pour qui, avec quel outil. Exemple : « Inscription et radiation des électeurs, tenue du répertoire électoral unique avec le logiciel d'élections. »",
  "activityForm.field.departmentId": "Service responsable",
  "activityForm.hint.departmentId": "Le service qui met en œuvre le traitement au quotidien. Exemple : « Élections ».",
  "activityForm.hint.departmentIdEditor": "Le service qui met en œuvre le traitement au quotidien. Vous ne pouvez choisir que vos services.",
  "activityForm.department.none": "— Aucun service (à préciser) —",
  "activityForm.field.internalContact": "Contact dans le service",
  "activityForm.hint.internalContact":
    "La fonction (plutôt qu'une personne) à joindre pour toute question. Exemple : « Responsable du service élections, elections@ville.fr ».",
  "activityForm.field.implementationDate": "Date de mise en œuvre",
  "activityForm.hint.implementationDate": "Date à laquelle le traitement a commencé, même approximative. Exemple : 01/03/2019.",

  // Regime and role
  "activityForm.field.regime": "Régime juridique",
  "activityForm.hint.regime":
    "Presque tous les traitements d'une commune relèvent du RGPD. Choisissez la directive « police-justice » seulement pour la prévention, la recherche ou la constatation d'infractions, par exemple la verbalisation par la police municipale.",
  "activityForm.field.role": "Rôle de la collectivité",
  "activityForm.hint.role":
    "Responsable de traitement : la collectivité décide seule pourquoi et comment (cas le plus courant). Responsable conjoint : elle en décide avec un autre organisme, par exemple un portail partagé avec l'intercommunalité. Sous-traitant : elle agit pour le compte d'un autre organisme, par exemple l'instruction des permis de construire d'une autre commune. Les deux derniers choix font apparaître une liste à compléter.",
  "activityForm.field.jointControllers": "Responsable conjoint",
  "activityForm.list.jointControllers.legend": "Responsables conjoints (article 26)",
  "activityForm.list.jointControllers.hint":
    "Les organismes qui décident avec vous des finalités et des moyens du traitement. Un accord entre vous doit répartir les obligations.",
  "activityForm.list.jointControllers.add": "Ajouter un responsable conjoint",
  "activityForm.list.jointControllers.remove": "Retirer le responsable conjoint n° {n}",
  "activityForm.list.jointControllers.empty": "Aucun responsable conjoint pour l'instant.",
  "activityForm.list.jointControllers.notApplicable":
    "Ces informations ne servent que si le rôle est « Responsable conjoint ». Retirez-les si le rôle a changé.",
  "activityForm.field.jointControllers.name": "Organisme",
  "activityForm.hint.jointControllers.name": "Exemple : « Communauté de communes du Val ».",
  "activityForm.field.jointControllers.contact": "Contact",
  "activityForm.hint.jointControllers.contact": "Le service ou le DPO à joindre. Exemple : « dpo@cc-val.fr ».",
  "activityForm.field.jointControllers.arrangement": "Résumé de l'accord (article 26)",
  "activityForm.hint.jointControllers.arrangement":
    "Qui fait quoi : information des personnes, réponse aux demandes, sécurité. Exemple : « La commune informe les usagers ; la communauté de communes héberge le portail et répond aux demandes d'accès. »",
  "activityForm.field.processorFor": "Responsable de traitement",
  "activityForm.list.processorFor.legend": "Pour le compte de qui agissez-vous ? (article 30.2)",
  "activityForm.list.processorFor.hint": "Les organismes qui vous confient le traitement et en restent responsables.",
  "activityForm.list.processorFor.add": "Ajouter un responsable de traitement",
  "activityForm.list.processorFor.remove": "Retirer le responsable de traitement n° {n}",
  "activityForm.list.processorFor.empty": "Aucun responsable de traitement pour l'instant.",
  "activityForm.list.processorFor.notApplicable": "Ces informations ne servent que si le rôle est « Sous-traitant ». Retirez-les si le rôle a changé.",
  "activityForm.field.processorFor.controller": "Organisme responsable",
  "activityForm.hint.processorFor.controller": "Exemple : « Commune de Saint-Paul ».",
  "activityForm.field.processorFor.contact": "Contact",
  "activityForm.hint.processorFor.contact": "Exemple : « Mairie de Saint-Paul, urbanisme@saint-paul.fr ».",
  "activityForm.field.processorFor.categories": "Traitements effectués pour son compte",
  "activityForm.hint.processorFor.categories": "Exemple : « Instruction des demandes de permis de construire et des déclarations préalables ».",

  // Purposes
  "activityForm.field.purposes.main": "Finalité principale",
  "activityForm.hint.purposes.main":
    "Pourquoi ces données sont-elles utilisées ? Commencez par un verbe. Exemple : « Tenir les listes électorales de la commune ».",
  "activityForm.field.purposes.sub": "Sous-finalité",
  "activityForm.list.purposes.sub.legend": "Sous-finalités",
  "activityForm.list.purposes.sub.hint":
    "Les usages plus précis, un par ligne. Exemples : « Envoyer les cartes électorales », « Organiser les bureaux de vote ».",
  "activityForm.list.purposes.sub.add": "Ajouter une sous-finalité",
  "activityForm.list.purposes.sub.remove": "Retirer la sous-finalité n° {n}",
  "activityForm.list.purposes.sub.empty": "Aucune sous-finalité pour l'instant (facultatif).",

  // Legal bases
  "activityForm.field.legalBases": "Base légale",
  "activityForm.list.legalBases.legend": "Bases légales (article 6)",
  "activityForm.list.legalBases.hint":
    "Pour une commune, la base est le plus souvent l'obligation légale (un texte impose le traitement) ou la mission d'intérêt public. Exemple : obligation légale, « Code électoral, art. L16 ».",
  "activityForm.list.legalBases.add": "Ajouter une base légale",
  "activityForm.list.legalBases.remove": "Retirer la base légale n° {n}",
  "activityForm.list.legalBases.empty": "Aucune base légale pour l'instant.",
  "activityForm.field.legalBases.basis": "Base légale",
  "activityForm.hint.legalBases.basis": "Le consentement et l'intérêt légitime conviennent rarement à une collectivité : en cas de doute, demandez au DPO.",
  "activityForm.field.legalBases.text": "Texte de référence",
  "activityForm.hint.legalBases.text": "La loi, le décret ou la délibération qui fonde le traitement. Exemple : « Code électoral, art. L16 ».",
  "activityForm.field.legalBases.purpose": "Finalité couverte",
  "activityForm.hint.legalBases.purpose":
    "Utile s'il y a plusieurs bases légales : à quelle finalité s'applique celle-ci ? Exemple : « Tenue des listes électorales ».",
  "activityForm.field.art9Conditions": "Condition",
  "activityForm.list.art9Conditions.legend": "Conditions pour les données sensibles (article 9.2)",
  "activityForm.list.art9Conditions.hint":
    "Seulement si vous traitez des données sensibles (santé, opinions politiques, convictions religieuses, origine, appartenance syndicale, données biométriques ou génétiques, vie sexuelle) : leur traitement est interdit, sauf dans l'un de ces cas.",
  "activityForm.list.art9Conditions.add": "Ajouter une condition de l'article 9.2",
  "activityForm.list.art9Conditions.remove": "Retirer la condition n° {n}",
  "activityForm.list.art9Conditions.empty": "Aucune condition indiquée.",
  "activityForm.list.art9Conditions.needed": "Vous avez indiqué des données sensibles : ajoutez au moins une condition de l'article 9.2.",
  "activityForm.field.art9Conditions.condition": "Condition",
  "activityForm.hint.art9Conditions.condition": "Exemple : « prise en charge sanitaire ou sociale (9.2.h) » pour un dossier d'aide sociale.",
  "activityForm.field.art9Conditions.text": "Précisions et texte de référence",
  "activityForm.hint.art9Conditions.text": "Exemple : « Code de l'action sociale et des familles, art. L123-5 ».",
  "activityForm.field.art10Basis": "Texte autorisant le traitement des infractions (article 10)",
  "activityForm.hint.art10Basis":
    "Seulement si vous traitez des condamnations ou des infractions. Citez le texte qui vous y autorise. Exemple : « Code de la sécurité intérieure, art. L511-1 (police municipale) ».",
  "activityForm.art10Needed": "Vous avez indiqué des données d'infractions : précisez le texte qui autorise leur traitement.",

  // Data subjects
  "activityForm.field.dataSubjects": "Catégorie de personnes",
  "activityForm.list.dataSubjects.legend": "Catégories de personnes concernées",
  "activityForm.list.dataSubjects.hint": "Une ligne par type de personnes. Exemple : les électeurs, les agents du service.",
  "activityForm.list.dataSubjects.add": "Ajouter une catégorie de personnes",
  "activityForm.list.dataSubjects.remove": "Retirer la catégorie de personnes n° {n}",
  "activityForm.list.dataSubjects.empty": "Aucune catégorie de personnes pour l'instant.",
  "activityForm.field.dataSubjects.category": "Catégorie",
  "activityForm.hint.dataSubjects.category": "Choisissez la plus proche, puis précisez en dessous.",
  "activityForm.field.dataSubjects.description": "Précisions",
  "activityForm.hint.dataSubjects.description": "Exemple : « Électeurs inscrits sur les listes de la commune, y compris les listes complémentaires ».",
  "activityForm.field.dataSubjects.estimatedCount": "Nombre estimé de personnes",
  "activityForm.hint.dataSubjects.estimatedCount": "Un ordre de grandeur suffit, en chiffres. Exemple : 12000.",

  // Data categories
  "activityForm.field.dataCategories": "Catégorie de données",
  "activityForm.list.dataCategories.legend": "Catégories de données",
  "activityForm.list.dataCategories.hint":
    "Une ligne par catégorie de données, avec sa durée de conservation. Les données sensibles et les infractions demandent une condition particulière (rubrique « Base légale »).",
  "activityForm.list.dataCategories.add": "Ajouter une catégorie de données",
  "activityForm.list.dataCategories.remove": "Retirer la catégorie de données n° {n}",
  "activityForm.list.dataCategories.empty": "Aucune catégorie de données pour l'instant.",
  "activityForm.dataCategory.group.ordinary": "Données courantes",
  "activityForm.dataCategory.group.sensitive": "Données sensibles (article 9)",
  "activityForm.dataCategory.group.offences": "Infractions (article 10)",
  "activityForm.field.dataCategories.category": "Catégorie",
  "activityForm.hint.dataCategories.category": "Exemple : « État civil, identité » pour le nom, le prénom et la date de naissance.",
  "activityForm.field.dataCategories.description": "Données collectées",
  "activityForm.hint.dataCategories.description": "Quelles données exactement ? Exemple : « Nom, prénoms, date et lieu de naissance, adresse, nationalité ».",
  "activityForm.field.dataCategories.source": "Origine des données",
  "activityForm.hint.dataCategories.source": "Exemple : « La personne elle-même (formulaire d'inscription) ; l'INSEE par le répertoire électoral unique ».",
  "activityForm.field.dataCategories.retention": "Durée de conservation",
  "activityForm.field.dataCategories.retention.activePeriod": "Durée d'utilisation courante (DUA)",
  "activityForm.hint.dataCategories.retention.activePeriod":
    "Combien de temps le service utilise ces données au quotidien. Exemple : « Tant que l'électeur est inscrit ».",
  "activityForm.field.dataCategories.retention.intermediatePeriod": "Archivage intermédiaire",
  "activityForm.hint.dataCategories.retention.intermediatePeriod":
    "Durée pendant laquelle les données sont gardées à part, avec un accès restreint, pour une obligation légale ou un éventuel contentieux. Exemple : « 1 an après la radiation ».",
  "activityForm.field.dataCategories.retention.finalFate": "Sort final",
  "activityForm.hint.dataCategories.retention.finalFate":
    "Ce qui arrive ensuite : destruction, versement aux archives publiques, ou tri (une partie est conservée). Votre service d'archives peut vous aider.",
  "activityForm.field.dataCategories.retention.rule": "Règle ou référence",
  "activityForm.hint.dataCategories.retention.rule":
    "Le texte ou le tableau de gestion qui fixe la durée. Exemple : « Instruction DAF/DPACI/RES/2009/018 sur les archives des communes ».",

  // Recipients
  "activityForm.field.recipients": "Destinataire",
  "activityForm.list.recipients.legend": "Destinataires",
  "activityForm.list.recipients.hint":
    "Une ligne par destinataire ou catégorie de destinataires. Exemples : la préfecture, l'éditeur du logiciel, le service finances.",
  "activityForm.list.recipients.add": "Ajouter un destinataire",
  "activityForm.list.recipients.remove": "Retirer le destinataire n° {n}",
  "activityForm.list.recipients.empty": "Aucun destinataire pour l'instant.",
  "activityForm.field.recipients.type": "Type de destinataire",
  "activityForm.hint.recipients.type": "Un prestataire qui traite les données pour vous (hébergeur, éditeur de logiciel) est un sous-traitant.",
  "activityForm.field.recipients.name": "Nom ou catégorie",
  "activityForm.hint.recipients.name": "Exemples : « Préfecture de l'Hérault », « Éditeur du logiciel d'état civil ».",

  // Transfers
  "activityForm.field.transfers": "Transfert",
  "activityForm.list.transfers.legend": "Transferts déclarés",
  "activityForm.list.transfers.hint": "Une ligne par pays et par destinataire.",
  "activityForm.list.transfers.add": "Ajouter un transfert hors de l'EEE",
  "activityForm.list.transfers.remove": "Retirer le transfert n° {n}",
  "activityForm.list.transfers.empty": "Aucun transfert déclaré : les données restent dans l'Espace économique européen.",
  "activityForm.list.transfers.needed": "Vous avez indiqué un destinataire dans un pays tiers : déclarez le transfert ci-dessous.",
  "activityForm.field.transfers.country": "Pays (code à deux lettres)",
  "activityForm.hint.transfers.country": "Exemples : US pour les États-Unis, GB pour le Royaume-Uni, CH pour la Suisse.",
  "activityForm.field.transfers.recipient": "Destinataire",
  "activityForm.hint.transfers.recipient": "Exemple : « Hébergeur de l'outil de sondage en ligne ».",
  "activityForm.field.transfers.safeguard": "Garantie",
  "activityForm.hint.transfers.safeguard":
    "Le cadre qui protège les données dans ce pays. Avec un prestataire, c'est le plus souvent une décision d'adéquation ou des clauses contractuelles types. Le DPO peut vous aider.",
  "activityForm.field.transfers.documentationUrl": "Lien vers la documentation",
  "activityForm.hint.transfers.documentationUrl":
    "La page ou le document qui décrit la garantie. Exemple : https://www.prestataire.example/accord-de-traitement",

  // Security
  "activityForm.field.securityMeasures": "Mesure de sécurité",
  "activityForm.list.securityMeasures.legend": "Mesures en place",
  "activityForm.list.securityMeasures.hint": "Une ligne par type de mesure.",
  "activityForm.list.securityMeasures.add": "Ajouter une mesure de sécurité",
  "activityForm.list.securityMeasures.remove": "Retirer la mesure de sécurité n° {n}",
  "activityForm.list.securityMeasures.empty": "Aucune mesure de sécurité pour l'instant.",
  "activityForm.field.securityMeasures.measure": "Type de mesure",
  "activityForm.hint.securityMeasures.measure": "Exemple : « Contrôle d'accès des utilisateurs ».",
  "activityForm.field.securityMeasures.details": "Ce qui est fait concrètement",
  "activityForm.hint.securityMeasures.details": "Exemple : « Comptes nominatifs, mots de passe de 12 caractères, accès limité aux agents du service ».",

  // Rights
  "activityForm.field.rights.exercise": "Exercice des droits",
  "activityForm.hint.rights.exercise":
    "Comment une personne peut consulter, corriger ou contester ses données. Exemple : « Par courrier à la mairie ou par e-mail à dpo@ville.fr ; réponse sous un mois ».",
  "activityForm.field.rights.information": "Information des personnes",
  "activityForm.hint.rights.information":
    "Où et comment les personnes sont informées (articles 13 et 14). Exemple : « Mention sur le formulaire d'inscription et page « Vos données » du site de la ville ».",

  // Risk flags
  "activityForm.field.riskFlags": "Critère de risque",
  "activityForm.riskFlag.largeScale.hint":
    "Beaucoup de personnes, de données ou une longue durée, à l'échelle de la collectivité. Exemple : la vidéoprotection de tout le centre-ville.",
  "activityForm.riskFlag.systematicMonitoring.hint":
    "Observer ou contrôler des personnes de façon régulière, notamment dans l'espace public. Exemples : caméras, géolocalisation des véhicules de service.",
  "activityForm.riskFlag.profiling.hint":
    "Évaluer ou classer des personnes d'après leurs données. Exemple : une grille de points pour classer les demandes de place en crèche.",
  "activityForm.riskFlag.automatedDecision.hint":
    "Une décision prise par un programme, sans examen par un agent, qui a un effet important sur la personne. Exemple : le refus automatique d'une aide.",
  "activityForm.riskFlag.combiningDatasets.hint":
    "Rapprocher des fichiers créés pour des usages différents. Exemple : croiser le fichier de la restauration scolaire et celui des impayés.",
  "activityForm.riskFlag.innovativeTechnology.hint":
    "Une technologie ou un usage nouveau. Exemples : reconnaissance d'images, objets connectés, intelligence artificielle.",
  "activityForm.riskFlag.vulnerableSubjects.hint":
    "Des personnes en position de faiblesse face à la collectivité. Exemples : enfants, personnes âgées ou aidées, agents face à leur employeur.",
  "activityForm.riskFlag.preventsRightOrService.hint":
    "Le traitement peut conduire à refuser un droit, une prestation ou un contrat. Exemple : l'instruction d'une demande d'aide sociale.",

  // Review
  "activityForm.field.nextReviewAt": "Date de prochaine revue",
  "activityForm.hint.nextReviewAt": "En général un an après la dernière revue, ou plus tôt si le traitement change. Exemple : 15/01/2027.",
  "activityForm.field.lastReviewAt": "Date de dernière revue",
  "activityForm.hint.lastReviewAt": "La dernière fois que la fiche a été relue en entier avec le DPO. Laissez vide pour une nouvelle fiche.",

  // Conflict screen
  "activityForm.conflict.title": "Quelqu'un a enregistré cette fiche avant vous",
  "activityForm.conflict.caption": "Différences entre la version enregistrée et la vôtre ({count})",
  "activityForm.conflict.field": "Information",
  "activityForm.conflict.theirs": "Version enregistrée (la leur)",
  "activityForm.conflict.mine": "Votre version (non enregistrée)",
  "activityForm.conflict.empty": "(vide)",
  "activityForm.conflict.noDiff": "Les deux versions sont identiques : vous pouvez enregistrer à nouveau sans rien perdre.",
  "activityForm.conflict.choose": "Que voulez-vous faire ?",
  "activityForm.conflict.reload": "Recharger leur version",
  "activityForm.conflict.reloadHint": "Vos modifications sont abandonnées ; vous repartez de la version enregistrée.",
  "activityForm.conflict.reapply": "Réappliquer mes modifications",
  "activityForm.conflict.reapplyHint":
    "Le formulaire ci-dessous contient vos valeurs. En l'enregistrant, votre version remplace la leur : les valeurs de la colonne « Version enregistrée » seront perdues. Reportez-y d'abord ce qu'il faut garder.",
  "activityForm.conflict.formTitle": "Votre version",
  "activityForm.conflict.submit": "Enregistrer ma version à la place de la leur",
  "activityForm.value.yes": "Oui",
  "activityForm.value.no": "Non",
} as const;
