/**
 * The guided declaration (routes o.$org.activities.$ref.guided.$step) and the template library
 * (routes o.$org.templates.*), with the "prefilled from a template" marks of the full form.
 * Written for department heads who are not GDPR experts: every field has a plain help and an example,
 * all taken from the same running example (the registrations for the school canteen).
 */
export const frGuided = {
  // Guided declaration: page and progress
  "guided.breadcrumb": "Déclaration guidée",
  "guided.title": "Déclaration guidée : {name}",
  "guided.stepOf": "Étape {n} sur {total}",
  "guided.stepWithTitle": "Étape {n} sur {total} : {title}",
  "guided.progress.label": "Étapes de la déclaration",
  "guided.progress.hint":
    "Chaque étape est enregistrée quand vous passez à la suivante ou revenez à la précédente. Les liens ci-dessus changent d'étape sans enregistrer.",
  "guided.next": "Enregistrer et continuer",
  "guided.nextToReview": "Enregistrer et relire la fiche",
  "guided.prev": "Étape précédente",
  "guided.fullFormLink": "Voir toutes les rubriques dans le formulaire complet",
  "guided.toast.saved": "Étape {n} enregistrée.",
  "guided.exampleLabel": "Exemple :",
  "guided.conflict.title": "Cette étape n'a pas été enregistrée.",
  "guided.conflict.message":
    "Quelqu'un a modifié la fiche pendant que vous la remplissiez. Pour ne rien écraser, vos saisies n'ont pas été enregistrées : elles restent affichées ci-dessous. Rechargez l'étape pour voir la version à jour, puis reportez-y ce qu'il faut garder.",
  "guided.conflict.reload": "Recharger l'étape avec la version à jour",

  // Steps
  "guided.step.identity.short": "Identité et finalité",
  "guided.step.identity.title": "De quel traitement s'agit-il, et à quoi sert-il ?",
  "guided.step.identity.intro":
    "Donnez un nom au traitement, dites en quelques mots ce que fait votre service et dans quel but. Pas besoin de vocabulaire juridique : écrivez comme vous l'expliqueriez à un collègue.",
  "guided.step.people.short": "Personnes et données",
  "guided.step.people.title": "Sur qui portent les données, et lesquelles ?",
  "guided.step.people.intro":
    "Indiquez les groupes de personnes concernées, puis les types de données que vous utilisez à leur sujet. Les durées de conservation viendront à l'étape 4.",
  "guided.step.legal.short": "Base légale",
  "guided.step.legal.title": "Qu'est-ce qui autorise la collectivité à utiliser ces données ?",
  "guided.step.legal.intro":
    "Toute utilisation de données personnelles doit reposer sur une « base légale ». Pour une commune, c'est presque toujours un texte qui l'impose ou une mission de service public. En cas de doute, choisissez ce qui vous semble le plus proche : le DPO vérifiera.",
  "guided.step.retention.short": "Conservation",
  "guided.step.retention.title": "Combien de temps les données sont-elles gardées ?",
  "guided.step.retention.intro":
    "Pour chaque type de données indiqué à l'étape 2 : combien de temps le service s'en sert, combien de temps on les garde ensuite au cas où, et ce qu'elles deviennent à la fin. Votre service d'archives peut vous aider.",
  "guided.step.recipients.short": "Destinataires et prestataires",
  "guided.step.recipients.title": "Qui reçoit ou consulte les données ?",
  "guided.step.recipients.intro":
    "Listez les services de la collectivité, les organismes et les prestataires qui ont accès aux données. Les logiciels et hébergeurs se relient ensuite sur la page du traitement.",
  "guided.step.security.short": "Sécurité et risques",
  "guided.step.security.title": "Comment les données sont-elles protégées ?",
  "guided.step.security.intro":
    "Décrivez les protections qui existent réellement, même modestes, puis cochez les situations à risque qui vous concernent. Le DPO s'en sert pour savoir si une analyse plus poussée est nécessaire.",
  "guided.step.review.short": "Relecture et envoi",
  "guided.step.review.title": "Relisez, puis soumettez la fiche au DPO",
  "guided.step.review.intro":
    "Voici ce qui est complet, ce qui manque et ce que le DPO regardera. Vous pouvez revenir à n'importe quelle étape avant d'envoyer.",

  // Help and examples, field by field
  "guided.help.name": "Un nom court que tout le monde comprend, qui dit ce que fait le service.",
  "guided.example.name": "« Inscriptions à la restauration scolaire »",
  "guided.help.description": "En trois ou quatre phrases : ce que fait le service, pour qui, avec quel outil.",
  "guided.example.description":
    "« Les familles inscrivent leurs enfants à la cantine sur le portail famille. Le service enregistre les allergies déclarées, prépare les listes de repas et facture chaque mois. »",
  "guided.help.departmentId": "Le service qui fait vivre ce traitement au quotidien.",
  "guided.help.departmentIdEditor": "Le service qui fait vivre ce traitement au quotidien. Vous ne pouvez choisir que vos services.",
  "guided.example.departmentId": "« Éducation et enfance »",
  "guided.help.internalContact": "Qui joindre pour une question sur ce traitement : une fonction plutôt qu'un nom, avec une adresse de service.",
  "guided.example.internalContact": "« Responsable de la restauration scolaire, cantine@ville.fr »",
  "guided.help.implementationDate": "Depuis quand le traitement existe, même approximativement. Laissez vide si vous ne savez pas.",
  "guided.example.implementationDate": "01/09/2021 (rentrée de la mise en service du portail famille)",
  "guided.help.purposes.main": "Le but principal, en une phrase qui commence par un verbe.",
  "guided.example.purposes.main": "« Inscrire les enfants à la restauration scolaire et facturer les repas aux familles »",
  "guided.help.purposes.sub": "Un usage plus précis du même traitement, sur une ligne.",
  "guided.example.purposes.sub": "« Adapter les repas aux allergies déclarées »",
  "guided.help.dataSubjects.category": "Le groupe de personnes le plus proche ; vous préciserez juste en dessous.",
  "guided.example.dataSubjects.category": "« Enfants, élèves » pour les enfants inscrits",
  "guided.help.dataSubjects.description": "Précisez qui exactement, avec vos mots.",
  "guided.example.dataSubjects.description": "« Enfants des écoles maternelles et élémentaires inscrits à la cantine »",
  "guided.help.dataSubjects.estimatedCount": "Un ordre de grandeur en chiffres, sans espace. Laissez vide si vous ne savez pas.",
  "guided.example.dataSubjects.estimatedCount": "850",
  "guided.help.dataCategories.category":
    "Le type de données. Santé, opinions, religion, origine, syndicat, biométrie ou vie sexuelle sont des données « sensibles » ; condamnations et infractions ont leur propre catégorie.",
  "guided.example.dataCategories.category": "« Données de santé » pour les allergies alimentaires",
  "guided.help.dataCategories.description": "La liste des informations réellement collectées pour ce type.",
  "guided.example.dataCategories.description": "« Allergies et régimes alimentaires médicaux, projet d'accueil individualisé (PAI) »",
  "guided.help.dataCategories.source": "D'où viennent ces informations : la personne elle-même, un autre service, un autre organisme ?",
  "guided.example.dataCategories.source": "« Les parents, lors de l'inscription sur le portail famille ; le médecin scolaire pour le PAI »",
  "guided.help.legalBases.basis":
    "Ce qui autorise la collectivité à traiter ces données. Le plus souvent : « obligation légale » si un texte l'impose, « mission d'intérêt public » pour un service public. Le consentement et l'intérêt légitime conviennent rarement à une collectivité.",
  "guided.example.legalBases.basis": "« Mission d'intérêt public » pour un service de cantine que la commune a choisi d'organiser",
  "guided.help.legalBases.text": "Le texte qui fonde le traitement : code, loi, décret ou délibération du conseil municipal.",
  "guided.example.legalBases.text":
    "« Code de l'éducation, art. L131-13 ; délibération du conseil municipal du 12 juin 2021 fixant le règlement de la restauration scolaire »",
  "guided.help.legalBases.purpose": "Utile seulement s'il y a plusieurs bases légales : à quel usage s'applique celle-ci.",
  "guided.example.legalBases.purpose": "« Inscription et facturation des repas »",
  "guided.help.art9Conditions.condition":
    "Vous avez indiqué des données sensibles : leur utilisation est interdite sauf dans certains cas. Choisissez celui qui s'applique.",
  "guided.example.art9Conditions.condition": "« Motif d'intérêt public important (9.2.g) » pour adapter les repas des enfants allergiques",
  "guided.help.art9Conditions.text": "Le texte ou la situation qui justifie ce cas.",
  "guided.example.art9Conditions.text": "« Circulaire n° 2003-135 sur l'accueil des enfants atteints de troubles de santé (PAI) »",
  "guided.help.art10Basis": "Vous avez indiqué des données d'infractions : citez le texte qui permet à la collectivité de les traiter.",
  "guided.example.art10Basis": "« Code de la sécurité intérieure, art. L511-1 (pouvoirs de la police municipale) »",
  "guided.help.dataCategories.retention.activePeriod": "Combien de temps le service se sert de ces données au quotidien.",
  "guided.example.dataCategories.retention.activePeriod": "« Pendant l'année scolaire de l'inscription »",
  "guided.help.dataCategories.retention.intermediatePeriod":
    "Combien de temps on les garde ensuite à part, avec un accès limité, pour une obligation légale ou un éventuel litige. Laissez vide s'il n'y en a pas.",
  "guided.example.dataCategories.retention.intermediatePeriod": "« 5 ans après la dernière facture (délai de contestation) »",
  "guided.help.dataCategories.retention.finalFate":
    "Ce qu'elles deviennent à la fin : détruites, versées aux archives publiques, ou triées (une partie est gardée).",
  "guided.example.dataCategories.retention.finalFate": "« Destruction » pour les fiches d'allergies",
  "guided.help.dataCategories.retention.rule": "Le texte ou le tableau de gestion des archives qui fixe cette durée, si vous le connaissez.",
  "guided.example.dataCategories.retention.rule": "« Instruction DAF/DPACI/RES/2009/018, tableau de gestion des archives des communes »",
  "guided.help.recipients.type": "À qui vont les données. Un prestataire qui les traite pour vous (éditeur du logiciel, hébergeur) est un « sous-traitant ».",
  "guided.example.recipients.type": "« Sous-traitant » pour la société qui fournit le portail famille",
  "guided.help.recipients.name": "Le nom du destinataire, ou la catégorie s'il y en a plusieurs du même type.",
  "guided.example.recipients.name": "« Prestataire de restauration (liste des repas sans allergène) »",
  "guided.help.transfers.country":
    "Le code à deux lettres du pays hors de l'Espace économique européen où vont ou sont consultables les données (ou celui du siège de l'organisation internationale destinataire).",
  "guided.example.transfers.country": "US (États-Unis)",
  "guided.help.transfers.recipient": "Qui reçoit les données dans ce pays.",
  "guided.example.transfers.recipient": "« Éditeur de l'outil de sondage en ligne, hébergé aux États-Unis »",
  "guided.help.transfers.safeguard":
    "Le cadre qui protège les données dans ce pays ; il figure en général dans le contrat du prestataire. Le DPO peut vous aider.",
  "guided.example.transfers.safeguard": "« Clauses contractuelles types (art. 46.2.c) »",
  "guided.help.transfers.documentationUrl": "L'adresse de la page ou du document qui décrit cette garantie, si vous l'avez.",
  "guided.example.transfers.documentationUrl": "https://www.prestataire.example/accord-de-traitement",
  "guided.help.securityMeasures.measure": "Le type de protection.",
  "guided.example.securityMeasures.measure": "« Contrôle d'accès des utilisateurs »",
  "guided.help.securityMeasures.details": "Ce qui est fait concrètement, en une ou deux phrases.",
  "guided.example.securityMeasures.details":
    "« Seuls les agents de la restauration scolaire ont un compte ; les fiches d'allergies papier sont rangées dans une armoire fermée à clé. »",

  // Help and examples of the risk criteria
  "guided.help.riskFlags.largeScale": "Beaucoup de personnes ou de données, à l'échelle de la commune, ou sur une longue durée.",
  "guided.example.riskFlags.largeScale": "Les caméras de vidéoprotection de tout le centre-ville.",
  "guided.help.riskFlags.systematicMonitoring": "On observe ou on contrôle des personnes de façon régulière, surtout dans l'espace public.",
  "guided.example.riskFlags.systematicMonitoring": "La géolocalisation permanente des véhicules de service.",
  "guided.help.riskFlags.profiling": "On évalue, note ou classe des personnes d'après leurs données.",
  "guided.example.riskFlags.profiling": "Une grille de points pour classer les demandes de place en crèche.",
  "guided.help.riskFlags.automatedDecision": "Un programme décide seul, sans qu'un agent examine le dossier, et la décision compte pour la personne.",
  "guided.example.riskFlags.automatedDecision": "Le refus automatique d'une aide quand un revenu dépasse un seuil.",
  "guided.help.riskFlags.combiningDatasets": "On rapproche des fichiers créés pour des usages différents.",
  "guided.example.riskFlags.combiningDatasets": "Croiser le fichier de la cantine avec celui des impayés.",
  "guided.help.riskFlags.innovativeTechnology": "Une technologie ou un usage nouveau, dont les effets sont mal connus.",
  "guided.example.riskFlags.innovativeTechnology": "Des capteurs connectés ou un outil d'intelligence artificielle.",
  "guided.help.riskFlags.vulnerableSubjects": "Des personnes en position de faiblesse face à la collectivité.",
  "guided.example.riskFlags.vulnerableSubjects": "Des enfants, des personnes âgées aidées, des agents face à leur employeur.",
  "guided.help.riskFlags.preventsRightOrService": "Le traitement peut conduire à refuser un droit, une prestation ou un contrat.",
  "guided.example.riskFlags.preventsRightOrService": "L'instruction d'une demande d'aide sociale ou de logement.",

  // Hints of the repeatable lists
  "guided.listHint.purposes.sub": "Facultatif : les usages plus précis, un par ligne. Ajoutez-en autant que nécessaire.",
  "guided.listHint.dataSubjects": "Une ligne par groupe de personnes : par exemple les enfants, puis leurs parents.",
  "guided.listHint.dataCategories": "Une ligne par type de données. Chaque type ne peut figurer qu'une fois.",
  "guided.listHint.legalBases": "En général une seule ligne suffit ; ajoutez-en une si un autre usage repose sur un autre texte.",
  "guided.listHint.art9Conditions": "Au moins une ligne est nécessaire dès qu'il y a des données sensibles.",
  "guided.listHint.recipients": "Une ligne par destinataire ou type de destinataire, dans la collectivité comme à l'extérieur.",
  "guided.listHint.transfers":
    "Seulement si des données sortent de l'Union européenne (et de l'Islande, du Liechtenstein et de la Norvège), par exemple avec un logiciel en ligne hébergé aux États-Unis. Sinon, laissez vide.",
  "guided.listHint.securityMeasures": "Une ligne par type de protection. Décrivez ce qui existe, même si c'est modeste.",

  // Step notes
  "guided.people.sensitiveNotice": "Vous avez indiqué des données sensibles ou d'infractions : l'étape 3 vous demandera ce qui autorise à les utiliser.",
  "guided.legal.art10Legend": "Données d'infractions (article 10)",
  "guided.legal.nothingElse":
    "Vous n'avez indiqué ni données sensibles ni infractions à l'étape 2 : il n'y a rien d'autre à remplir ici. Si cela change, revenez à l'étape 2.",
  "guided.retention.noCategories": "Aucun type de données n'est encore indiqué : ajoutez-les d'abord à l'étape 2.",
  "guided.retention.backToData": "Aller à l'étape 2 : Personnes et données",
  "guided.recipients.vendorsTitle": "Logiciels, hébergeurs et services en ligne",
  "guided.recipients.vendorsText":
    "Les prestataires qui fournissent ou hébergent l'outil du service se relient sur la page du traitement, rubrique « Prestataires et hébergement ». Enregistrez d'abord cette étape.",
  "guided.recipients.vendorsLink": "Relier les services utilisés sur la page du traitement",
  "guided.security.risksLegend": "Situations à risque",
  "guided.security.risksHint":
    "Cochez ce qui s'applique. Dès que deux cases sont cochées, une analyse d'impact (AIPD) est en général nécessaire : le DPO vous accompagnera. En cas de doute, cochez.",
  "guided.security.dpiaLikely": "{count} situations à risque cochées : une analyse d'impact sera probablement nécessaire. Le DPO vous le confirmera.",

  // Step 7
  "guided.review.completenessTitle": "Complétude de la fiche",
  "guided.review.complete": "Tout ce que demande l'article 30 est renseigné.",
  "guided.review.missingTitle": "Ce qui manque encore ({count})",
  "guided.review.goToStep": "compléter à l'étape {n} ({title})",
  "guided.review.inFullForm": "compléter dans le formulaire complet",
  "guided.review.checkAtStep": "vérifier à l'étape {n} ({title})",
  "guided.review.checkInFullForm": "vérifier dans le formulaire complet",
  "guided.review.warningsTitle": "Points d'attention ({count})",
  "guided.review.prefilledTitle": "Rubriques préremplies à vérifier ({count})",
  "guided.review.prefilledIntro":
    "Ces rubriques viennent d'un modèle et n'ont pas encore été confirmées. Vérifiez-les et cochez la case de confirmation à l'étape indiquée.",
  "guided.review.dpoTitle": "Ce que le DPO va vérifier",
  "guided.review.dpoIntro": "Après votre envoi, le DPO relit la fiche. Il peut vous demander des précisions ; voici ce qu'il regardera.",
  "guided.review.dpo.purpose": "Le but est clair, précis, et correspond bien à ce que fait le service.",
  "guided.review.dpo.legalBasis": "La base légale choisie est la bonne, et le texte cité existe et s'applique.",
  "guided.review.dpo.minimisation": "Seules les données vraiment utiles sont collectées, ni plus ni moins.",
  "guided.review.dpo.retention": "Les durées de conservation sont justifiées et respectées en pratique, et le sort final est prévu.",
  "guided.review.dpo.recipients": "Chaque destinataire a une bonne raison d'accéder aux données ; les prestataires ont un contrat qui les protège.",
  "guided.review.dpo.security": "Les protections décrites sont en place et suffisantes au regard des données.",
  "guided.review.dpo.sensitive": "Les données sensibles sont justifiées par une condition de l'article 9 et particulièrement protégées.",
  "guided.review.dpo.offences": "Le traitement des infractions repose sur un texte qui l'autorise.",
  "guided.review.dpo.dpia": "Plusieurs situations à risque sont cochées : le DPO décidera si une analyse d'impact (AIPD) est nécessaire avant la validation.",
  "guided.review.dpo.information": "Les personnes sont informées de l'utilisation de leurs données et savent comment exercer leurs droits.",
  "guided.review.submitTitle": "Envoyer au DPO",
  "guided.review.submitHint": "La fiche est complète. En la soumettant, vous la transmettez au DPO ; vous ne pourrez plus la modifier pendant sa relecture.",
  "guided.review.submitHintIncomplete":
    "Vous pouvez soumettre une fiche incomplète : signalez alors au DPO ce que vous ne savez pas, dans les commentaires de la fiche. Vous ne pourrez plus la modifier pendant sa relecture.",
  "guided.review.submit": "Soumettre au DPO",
  "guided.review.cannotSubmit": "La fiche ne peut pas être soumise dans son état actuel ({status}).",
  "guided.review.viewRecord": "Voir la fiche du traitement",

  // Prefilled from a template
  "guided.prefilled.notice": "Prérempli depuis un modèle — vérifiez puis cochez",
  "guided.prefilled.explain":
    "Le contenu vient d'un modèle générique : adaptez-le à votre service, puis cochez pour confirmer. La case est enregistrée avec le reste.",
  "guided.prefilled.confirm": "J'ai vérifié et adapté : {label}",
  "guided.prefilled.stepNotice":
    "Une partie de cette étape a été préremplie depuis un modèle. Vérifiez chaque information, puis cochez les confirmations en bas de page.",
  "guided.prefilled.dataCategoriesLater":
    "Les types de données ont été préremplis depuis un modèle : vous les confirmerez à l'étape 4, avec leurs durées de conservation.",
  "guided.prefilled.pageNotice.one": "1 rubrique préremplie depuis un modèle reste à vérifier.",
  "guided.prefilled.pageNotice.other": "{count} rubriques préremplies depuis un modèle restent à vérifier.",
  "guided.key.name": "Nom du traitement",
  "guided.key.description": "Description",
  "guided.key.internalContact": "Contact dans le service",
  "guided.key.implementationDate": "Date de mise en œuvre",
  "guided.key.regime": "Régime juridique",
  "guided.key.role": "Rôle de la collectivité",
  "guided.key.jointControllers": "Responsables conjoints",
  "guided.key.processorFor": "Responsables pour le compte desquels vous agissez",
  "guided.key.purposes": "Finalités",
  "guided.key.legalBases": "Bases légales",
  "guided.key.art9Conditions": "Conditions pour les données sensibles",
  "guided.key.art10Basis": "Texte autorisant le traitement des infractions",
  "guided.key.dataSubjects": "Personnes concernées",
  "guided.key.dataCategories": "Données et durées de conservation",
  "guided.key.recipients": "Destinataires",
  "guided.key.transfers": "Transferts hors de l'EEE et vers des organisations internationales",
  "guided.key.securityMeasures": "Mesures de sécurité",
  "guided.key.rights": "Droits et information des personnes",
  "guided.key.riskFlags": "Critères de risque",
  "guided.key.nextReviewAt": "Date de prochaine revue",
  "guided.key.lastReviewAt": "Date de dernière revue",

  // Activity page and creation page
  "guided.page.guidedLink": "Déclaration guidée",
  "guided.new.modeLegend": "Comment voulez-vous remplir la fiche ?",
  "guided.new.modeHint": "Vous pourrez passer de l'un à l'autre à tout moment.",
  "guided.new.mode.guided": "Déclaration guidée, étape par étape",
  "guided.new.mode.guided.hint":
    "Sept étapes courtes, avec une aide et un exemple pour chaque question. Recommandé si vous déclarez un traitement pour la première fois.",
  "guided.new.mode.full": "Formulaire complet",
  "guided.new.mode.full.hint": "Toutes les rubriques de l'article 30 sur une seule page.",
  "guided.new.templatesText": "Votre traitement ressemble peut-être à un traitement courant des communes :",
  "guided.new.templatesLink": "partir d'un modèle",

  // Template library
  "templatesUi.title": "Modèles de traitements",
  "templatesUi.intro": "{count} traitements courants des communes, décrits en détail, pour ne pas partir d'une page blanche.",
  "templatesUi.startingPoint":
    "Un modèle est un point de départ : il décrit un cas type, que vous adaptez à votre collectivité et que le DPO vérifie. Rien n'est enregistré au registre tant que vous ne partez pas d'un modèle.",
  "templatesUi.readOnly":
    "Vous pouvez consulter les modèles ; seuls les responsables de service, le DPO et les administrateurs peuvent en partir pour déclarer un traitement.",
  "templatesUi.filters": "Rechercher un modèle",
  "templatesUi.search": "Rechercher",
  "templatesUi.searchHint": "Dans le titre, le résumé et les finalités. Exemple : cantine, urbanisme, vidéo.",
  "templatesUi.searchButton": "Rechercher",
  "templatesUi.filter.department": "Service type",
  "templatesUi.filter.departmentOption": "{name} ({count})",
  "templatesUi.reset": "Effacer la recherche",
  "templatesUi.count.one": "1 modèle",
  "templatesUi.count.other": "{count} modèles",
  "templatesUi.empty": "Aucun modèle ne correspond. Essayez un autre mot, sans filtre de service.",
  "templatesUi.department": "Service type : {name}",
  "templatesUi.dpia.likely": "AIPD probable",
  "templatesUi.dpia.unlikely": "AIPD peu probable",
  "templatesUi.dpia.depends": "AIPD selon les cas",
  "templatesUi.backToList": "Revenir à la liste des modèles",
  "templatesUi.toast.created": "Brouillon {ref} créé à partir du modèle. Vérifiez et adaptez chaque étape.",

  // Template preview
  "templatesUi.preview.version": "Modèle version {version}, à jour au {date}.",
  "templatesUi.preview.notice":
    "Ce modèle décrit un cas type. Il ne remplace pas l'analyse de votre DPO : les durées, les destinataires, les logiciels et les textes doivent être adaptés à votre collectivité.",
  "templatesUi.preview.startLink": "Partir de ce modèle",
  "templatesUi.preview.toVerifyTitle": "À vérifier par le DPO",
  "templatesUi.preview.toVerifyIntro": "Points qui varient d'une collectivité à l'autre et que le DPO doit confirmer :",
  "templatesUi.preview.toVerifyNone": "Aucun point particulier n'est signalé, mais tout le contenu reste à adapter.",
  "templatesUi.preview.dpiaTitle": "Analyse d'impact (AIPD)",
  "templatesUi.preview.cnilRequired":
    "Type n° {n} de la liste CNIL des traitements pour lesquels une AIPD est requise (délibération n° {deliberation}) : {label}.",
  "templatesUi.preview.cnilExempt": "Type n° {n} de la liste CNIL des traitements dispensés d'AIPD (délibération n° {deliberation}) : {label}.",
  "templatesUi.preview.cnilNone": "Ce traitement ne figure sur aucune des deux listes de la CNIL : l'analyse se fait au cas par cas.",
  "templatesUi.preview.contentTitle": "Contenu proposé",
  "templatesUi.preview.contentIntro": "Voici ce que le brouillon contiendra. Les dates et le contact restent à compléter.",
  "templatesUi.preview.softwareTitle": "Logiciels habituels",
  "templatesUi.preview.softwareIntro": "Types de logiciels ou de services généralement utilisés ; reliez ceux de votre collectivité sur la page du traitement.",
  "templatesUi.preview.sourcesTitle": "Sources",
  "templatesUi.start.title": "Partir de ce modèle",
  "templatesUi.start.intro":
    "Un brouillon est créé avec le contenu du modèle. Vous le vérifierez étape par étape dans la déclaration guidée ; chaque rubrique reste marquée « préremplie » tant que vous ne l'avez pas confirmée.",
  "templatesUi.start.departmentHint": "Le service qui mettra en œuvre le traitement. Vous pouvez le laisser vide et le préciser plus tard.",
  "templatesUi.start.name": "Nom du traitement (facultatif)",
  "templatesUi.start.nameHint": "Laissez vide pour garder le titre du modèle : « {title} ».",
  "templatesUi.start.submit": "Créer le brouillon à partir de ce modèle",

  // CNIL list of processing types requiring a DPIA (délibération n° 2018-327)
  "templatesUi.cnilRequired.1": "données de santé traitées par les établissements de santé ou médico-sociaux",
  "templatesUi.cnilRequired.2": "données génétiques de personnes vulnérables",
  "templatesUi.cnilRequired.3": "profilage des personnes à des fins de gestion des ressources humaines",
  "templatesUi.cnilRequired.4": "surveillance constante de l'activité des salariés",
  "templatesUi.cnilRequired.5": "gestion des alertes et signalements en matière sociale et sanitaire",
  "templatesUi.cnilRequired.6": "gestion des alertes et signalements en matière professionnelle",
  "templatesUi.cnilRequired.7": "entrepôts de données de santé et registres",
  "templatesUi.cnilRequired.8": "profilage pouvant conduire à exclure une personne d'un contrat",
  "templatesUi.cnilRequired.9": "fichiers mutualisés de manquements contractuels",
  "templatesUi.cnilRequired.10": "profilage à partir de données provenant de sources externes",
  "templatesUi.cnilRequired.11": "données biométriques de personnes vulnérables",
  "templatesUi.cnilRequired.12": "instruction des demandes et gestion des logements sociaux",
  "templatesUi.cnilRequired.13": "accompagnement social ou médico-social des personnes",
  "templatesUi.cnilRequired.14": "données de localisation à large échelle",

  // CNIL list of processing types exempt from a DPIA (délibération n° 2019-118)
  "templatesUi.cnilExempt.1": "gestion des ressources humaines dans un organisme de moins de 250 personnes, sans profilage",
  "templatesUi.cnilExempt.2": "gestion des relations avec les fournisseurs",
  "templatesUi.cnilExempt.3": "tenue de la liste électorale de la commune",
  "templatesUi.cnilExempt.4": "activités des comités sociaux et économiques",
  "templatesUi.cnilExempt.5": "gestion des membres et donateurs d'associations",
  "templatesUi.cnilExempt.6": "données de santé traitées par un professionnel de santé exerçant seul",
  "templatesUi.cnilExempt.7": "dossiers des avocats exerçant seuls",
  "templatesUi.cnilExempt.8": "dossiers des greffiers des tribunaux de commerce",
  "templatesUi.cnilExempt.9": "dossiers des notaires",
  "templatesUi.cnilExempt.10": "services scolaires, périscolaires et de la petite enfance des collectivités",
  "templatesUi.cnilExempt.11": "contrôle d'accès physique et horaires de travail, sans biométrie",
  "templatesUi.cnilExempt.12": "éthylotests",
} as const;
