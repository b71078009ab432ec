/** Legal facts recorded for issue 10 (SecNumCloud, DPF, Art. 49, TIA, headcount, LED): forms and errors. */
export const frLegal = {
  "pdf.transfers.source.own_site": "Hébergement propre",
  "errors.dpfUsOnly":
    "Seule une organisation établie aux États-Unis peut être certifiée au Data Privacy Framework : pour ce prestataire, laissez « sans objet » et enregistrez la certification de l'entité américaine qui reçoit les données.",
  "errors.art49PointOnlyForDerogation": "Le point de l'article 49.1 ne s'indique que pour une dérogation.",
  "errors.headcount": "Indiquez un effectif en nombre entier, de 0 à 10 000 000, ou laissez le champ vide.",
  "legal.choice.unknown": "Non renseigné",
  "legal.vendor.shareholding": "Actionnariat hors UE dans les limites SecNumCloud",
  "legal.vendor.shareholding.hint":
    "SecNumCloud 3.2 § 19.6 : aucun actionnaire hors UE au-delà de 24 % du capital ou des droits de vote, ni 39 % pour l'ensemble des actionnaires hors UE.",
  "legal.service.secNumCloudVersion": "Version du référentiel SecNumCloud",
  "legal.service.secNumCloudVersion.hint": "Seule la version 3.2 prévoit l'immunité aux lois extra-européennes (§ 19.6).",
  "legal.service.secNumCloudVersion.3.2": "3.2 (2022)",
  "legal.service.secNumCloudVersion.3.1": "3.1",
  "legal.service.secNumCloudVersion.older": "Antérieure",
  "legal.service.secNumCloudScope": "Périmètre qualifié",
  "legal.service.secNumCloudScope.hint": "Tel qu'indiqué par l'ANSSI : l'immunité ne vaut que dans ce périmètre.",
  "legal.service.nonEuAccess": "Une entité hors UE a-t-elle un accès technique (support, administration à distance) ?",
  "legal.transfer.recipientKind": "Nature du destinataire",
  "legal.transfer.recipientKind.private_company": "Entreprise",
  "legal.transfer.recipientKind.public_authority": "Autorité publique",
  "legal.transfer.recipientKind.international_organisation": "Organisation internationale",
  "legal.transfer.art49Point": "Point de l'art. 49.1 (dérogation)",
  "legal.transfer.art49Point.a": "a) consentement explicite",
  "legal.transfer.art49Point.b": "b) exécution d'un contrat avec la personne",
  "legal.transfer.art49Point.c": "c) contrat conclu dans l'intérêt de la personne",
  "legal.transfer.art49Point.d": "d) motifs importants d'intérêt public",
  "legal.transfer.art49Point.e": "e) droits en justice",
  "legal.transfer.art49Point.f": "f) intérêts vitaux",
  "legal.transfer.art49Point.g": "g) registre public",
  "legal.transfer.tiaDone": "Analyse d'impact du transfert (TIA) réalisée",
  "legal.transfer.dpfCertified": "Destinataire américain certifié DPF (vérifié sur dataprivacyframework.gov)",
  "legal.organization.headcount": "Effectif de l'organisme (agents)",
  "legal.organization.headcount.hint":
    "Sert au criblage AIPD : l'exemption de type 1 (gestion du personnel, délibération 2019-118) ne vaut que sous 250 personnes.",
  "completeness.ledLegalBasis": "Base légale du traitement Police-Justice (directive 2016/680, art. 8 ; loi Informatique et Libertés, art. 87)",
  "vocab.domain.hr": "Gestion du personnel",
  "vocab.domain.electoral_roll": "Gestion de la liste électorale de la commune",
  "vocab.domain.suppliers": "Gestion des fournisseurs",
  "vocab.domain.works_council": "Comités d'entreprise et d'établissement",
  "vocab.domain.school_childhood": "Services scolaires, périscolaires et de la petite enfance",
  "vocab.domain.access_time": "Contrôle d'accès physique et gestion des horaires (sans biométrie)",
  "vocab.domain.social_housing": "Demandes et gestion de logements sociaux",
  "vocab.domain.social_support": "Accompagnement social ou médico-social",
  "vocab.domain.whistleblowing": "Alertes professionnelles (lanceurs d'alerte)",
  "vocab.domain.patient_care": "Prise en charge de patients (données de santé)",
  "vocab.domain.other": "Autre",
  "vocab.riskFlag.decisionEffects": "Décisions à effet juridique ou similaire fondées sur l'évaluation (même prises par un agent)",
  "activityForm.riskFlag.decisionEffects.hint":
    "Une évaluation systématique (grille de cotation, score) fonde des décisions qui comptent pour la personne, même si un agent les prend. Exemple : attribution d'une aide sociale ou d'un logement selon une grille.",
  "guided.help.riskFlags.decisionEffects":
    "Un agent décide à l'aide d'une grille de cotation ou d'un score, et la décision compte pour la personne (article 35.3.a du RGPD).",
  "guided.example.riskFlags.decisionEffects": "L'attribution des logements sociaux selon une grille de cotation des demandes.",
  "dpia.result.controller_duty": "AIPD à mener par le responsable de traitement (assistance du sous-traitant, art. 28.3.f)",
  "dpia.reason.processor":
    "L'organisme agit comme sous-traitant : l'AIPD incombe au responsable de traitement (art. 35.1) ; l'organisme l'assiste (art. 28.3.f) en lui fournissant les éléments ci-dessous.",
  "dpia.reason.ledArt90":
    "Traitement relevant de la directive Police-Justice : une AIPD est requise lorsqu'il est susceptible d'engendrer un risque élevé (loi Informatique et Libertés, art. 90 ; directive 2016/680, art. 27), ce que les cas ci-dessus caractérisent.",
  "dpia.reason.ledTwoCriteria":
    "Traitement relevant de la directive Police-Justice : au moins deux critères du G29 sont remplis, ce qui caractérise en principe un risque élevé (loi Informatique et Libertés, art. 90 ; directive 2016/680, art. 27).",
  "dpia.reason.exemptWrongDomain":
    "Le type de dispense choisi ne correspond pas au domaine du traitement (délibération CNIL 2019-118) : la dispense n'est pas retenue.",
  "dpia.reason.exemptType1Headcount":
    "La dispense de type 1 (gestion du personnel) ne vaut que pour un organisme de moins de 250 personnes : indiquez l'effectif de l'organisme ; la dispense n'est pas retenue en attendant.",
  "dpia.reason.exemptType1TooLarge":
    "La dispense de type 1 (gestion du personnel) ne vaut que pour un organisme de moins de 250 personnes : elle n'est pas retenue.",
  "dpia.reason.exemptType1Profiling": "La dispense de type 1 exclut le profilage : elle n'est pas retenue.",
  "dpia.suggest.domain": "domaine déclaré du traitement : {domain}",
  "dpia.suggest.geneticVulnerable": "données génétiques de personnes vulnérables",
  "dpia.suggest.biometricVulnerable": "données biométriques et personnes vulnérables parmi les personnes identifiées",
  "dpia.suggest.agentsProfiling": "agents concernés et profilage coché",
  "dpia.suggest.agentsMonitoring": "agents concernés et surveillance systématique cochée",
  "dpia.suggest.profilingExclusion": "profilage pouvant priver d'un droit ou d'un service",
  "dpia.suggest.locationLargeScale": "données de localisation à grande échelle",
  "dpia.suggest.type1": "gestion du personnel, effectif de {headcount} personnes (moins de 250), sans profilage",
  "dpia.suggest.type1Sensitive":
    "gestion du personnel, effectif de {headcount} personnes, sans profilage ; le traitement comporte des données sensibles : vérifiez qu'il s'agit seulement de gestion du personnel",
  "dpia.suggest.type1NeedsHeadcount":
    "Pas de suggestion : la dispense de type 1 suppose un effectif de moins de 250 personnes ; indiquez l'effectif de l'organisme dans ses paramètres.",
  "dpia.suggest.type1TooLarge": "Pas de suggestion : l'organisme compte {headcount} personnes ; la dispense de type 1 ne vaut que sous 250.",
  "dpia.suggest.type1Profiling": "Pas de suggestion : la dispense de type 1 exclut le profilage.",
  "dpia.screening.suggestionWhy": "Suggestion d'après la fiche : {type} (pourquoi : {why}).",
  "dpia.prefill.explicitConsent9":
    "Les données sensibles sont traitées sur le consentement explicite des personnes (article 9.2.a) : décrivez comment il est recueilli et retiré.",
  "activityForm.field.ledLegalBasis": "Base légale (directive Police-Justice)",
  "activityForm.hint.ledLegalBasis":
    "Pour un traitement relevant de la directive 2016/680 : le texte qui l'autorise (directive, art. 8 ; loi Informatique et Libertés, art. 87), par exemple CSI L241-2 pour les caméras-piétons.",
  "activityForm.field.ledProfiling": "Profilage (directive Police-Justice)",
  "activityForm.hint.ledProfiling": "Pour un traitement relevant de la directive 2016/680 : tout profilage (art. 24.1.e), ou « aucun ».",
  "activityForm.field.domain": "Domaine du traitement",
  "activityForm.hint.domain": "Sert au criblage AIPD (listes de la CNIL) : choisissez le domaine qui décrit le traitement, sinon « Autre ».",
  "activityForm.field.transfers.recipientKind": "Nature du destinataire",
  "activityForm.hint.transfers.recipientKind":
    "Une organisation internationale est un destinataire de transfert même si son siège est dans l'EEE (art. 30.1.e) ; les décisions d'adéquation partielles (Canada, Japon, États-Unis) ne couvrent pas les autorités publiques.",
  "activityForm.field.transfers.art49Point": "Point de l'art. 49.1 (dérogation)",
  "activityForm.hint.transfers.art49Point":
    "Seulement pour une dérogation, réservée aux transferts occasionnels ; les points a à c sont indisponibles dans l'exercice de prérogatives de puissance publique (art. 49.3).",
  "activityForm.hint.transfers.tiaDone":
    "Requise pour tout instrument de l'art. 46 (clauses types, BCR, arrangement administratif) : recommandations 01/2020 du CEPD.",
  "activityForm.hint.transfers.dpfCertified": "Seulement pour un destinataire établi aux États-Unis, certification vérifiée sur dataprivacyframework.gov.",
  "legal.dashboard.missingFact": "fait manquant : {fact}",
} as const;
