/** Analysis vocabulary: exposure levels, transfer statuses and the plain-language reasons (legal sources: docs/legal-sources.md). */
export const frSovereignty = {
  "sovereignty.level.unknown": "Inconnu : aucun prestataire ni hébergement renseigné",
  "sovereignty.level.eu": "Hébergé et contrôlé dans l'UE",
  "sovereignty.level.adequate": "Données vers un pays adéquat",
  "sovereignty.level.to_verify": "À vérifier : un fait manque pour conclure",
  "sovereignty.level.foreign_law": "Exposé à une loi extra-européenne",
  "sovereignty.level.safeguarded_transfer": "Transfert hors EEE encadré",
  "sovereignty.level.derogation": "Transfert hors EEE sur dérogation (art. 49)",
  "sovereignty.level.unsafeguarded_transfer": "Transfert hors EEE sans garantie",
  "sovereignty.levelHelp.unknown": "Renseignez les prestataires et l'hébergement du traitement pour savoir où vont ses données.",
  "sovereignty.levelHelp.eu": "Les données restent dans l'Espace économique européen et aucun prestataire de la chaîne ne relève d'une loi étrangère d'accès.",
  "sovereignty.levelHelp.adequate":
    "Des données vont dans un pays reconnu adéquat par la Commission européenne (RGPD, art. 45), ou chez une organisation américaine certifiée DPF.",
  "sovereignty.levelHelp.to_verify":
    "Les faits enregistrés ne suffisent pas pour conclure : la liste « À vérifier » nomme ce qui manque. Tant qu'il manque, ne présentez pas ce traitement comme sûr.",
  "sovereignty.levelHelp.foreign_law":
    "Même si les données restent en Europe, un prestataire ou sa maison mère relève d'un État dont la loi peut l'obliger à les livrer.",
  "sovereignty.levelHelp.safeguarded_transfer":
    "Des données sortent vers un pays sans décision d'adéquation, avec un instrument de l'art. 46 (clauses types, BCR, arrangement administratif) et son analyse d'impact (TIA).",
  "sovereignty.levelHelp.derogation":
    "Un transfert repose sur une dérogation de l'art. 49.1 : ce n'est pas une garantie, elle ne vaut que pour des transferts occasionnels et ne peut pas fonder un hébergement ou un support récurrent.",
  "sovereignty.levelHelp.unsafeguarded_transfer": "Au moins un transfert hors EEE n'a pas de garantie valable : il faut le régulariser ou l'arrêter.",
  "sovereignty.transfer.adequate": "Pays adéquat",
  "sovereignty.transfer.adequate_certified": "Adéquat (destinataire certifié DPF)",
  "sovereignty.transfer.not_certified": "Adéquat seulement si certifié DPF : destinataire non certifié, garantie manquante",
  "sovereignty.transfer.out_of_scope": "Destinataire hors du champ de la décision d'adéquation",
  "sovereignty.transfer.safeguarded": "Garantie de l'art. 46 documentée",
  "sovereignty.transfer.derogation": "Dérogation (art. 49), pas une garantie",
  "sovereignty.transfer.missing": "Garantie manquante",
  "sovereignty.transfer.refused_derogation":
    "Dérogation de l'art. 49.1.a-c indisponible à une autorité publique dans l'exercice de ses prérogatives de puissance publique (art. 49.3)",
  "sovereignty.transfer.to_verify": "À vérifier",
  "sovereignty.reason.unknown": "Aucun prestataire, hébergement ni transfert n'est renseigné pour ce traitement.",
  "sovereignty.reason.countries": "Les données peuvent se trouver dans {count} pays : {list}.",
  "sovereignty.reason.euOnly": "Toutes les données restent dans l'EEE, chez des prestataires européens.",
  "sovereignty.reason.transfer.adequate": "{who} : données transférées {inCountry}, pays adéquat (RGPD, art. 45).",
  "sovereignty.reason.transfer.adequate_certified":
    "{who} : données transférées {inCountry}, couvertes par la certification DPF de {recipient} (décision 2023/1795).",
  "sovereignty.reason.transfer.not_certified":
    "{who} : données transférées {inCountry}, mais {recipient} n'est pas certifié DPF et aucune autre garantie n'est documentée.",
  "sovereignty.reason.transfer.out_of_scope":
    "{who} : données transférées {inCountry}, mais le destinataire est hors du champ de la décision d'adéquation (autorité publique, ou hébergement propre de la collectivité) : il faut un instrument de l'art. 46.",
  "sovereignty.reason.transfer.safeguarded": "{who} : données transférées {inCountry}, encadrées par {safeguard} (RGPD, art. 46).",
  "sovereignty.reason.transfer.derogation":
    "{who} : données transférées {inCountry} sur une dérogation ({safeguard}, art. 49.1) : ce n'est pas une garantie, et elle ne vaut que pour un transfert occasionnel.",
  "sovereignty.reason.transfer.missing": "{who} : données transférées {inCountry} sans garantie documentée.",
  "sovereignty.reason.transfer.refused_derogation":
    "{who} : données transférées {inCountry} sur une dérogation ({safeguard}) qu'une autorité publique ne peut pas invoquer dans l'exercice de ses prérogatives de puissance publique (art. 49.3).",
  "sovereignty.reason.transfer.to_verify":
    "{who} : données transférées {inCountry} ; la conclusion dépend d'un fait à vérifier (voir la liste « À vérifier »).",
  "sovereignty.reason.transferIo.adequate": "{who} : transfert à une organisation internationale, couvert par une décision d'adéquation.",
  "sovereignty.reason.transferIo.adequate_certified": "{who} : transfert à une organisation internationale.",
  "sovereignty.reason.transferIo.not_certified": "{who} : transfert à une organisation internationale sans garantie documentée.",
  "sovereignty.reason.transferIo.out_of_scope": "{who} : transfert à une organisation internationale hors du champ d'une décision d'adéquation.",
  "sovereignty.reason.transferIo.safeguarded": "{who} : transfert à une organisation internationale, encadré par {safeguard} (RGPD, art. 46).",
  "sovereignty.reason.transferIo.derogation":
    "{who} : transfert à une organisation internationale sur une dérogation ({safeguard}, art. 49.1), pour un transfert occasionnel seulement.",
  "sovereignty.reason.transferIo.missing": "{who} : transfert à une organisation internationale sans garantie documentée.",
  "sovereignty.reason.transferIo.refused_derogation":
    "{who} : transfert à une organisation internationale sur une dérogation ({safeguard}) indisponible à une autorité publique dans l'exercice de ses prérogatives de puissance publique (art. 49.3).",
  "sovereignty.reason.transferIo.to_verify":
    "{who} : transfert à une organisation internationale ; seule l'Organisation européenne des brevets bénéficie d'une décision d'adéquation (2025) : vérifiez la garantie.",
  "sovereignty.reason.derogationStructural":
    "{who} : un hébergement ou un support récurrent {inCountry} ne peut pas reposer sur une dérogation de l'art. 49, réservée aux transferts occasionnels (CEPD, lignes directrices 2/2018) : prévoir un instrument de l'art. 46.",
  "sovereignty.reason.art49d":
    "{who} : la dérogation pour motifs importants d'intérêt public (art. 49.1.d) suppose un intérêt public reconnu par le droit de l'Union ou le droit français (art. 49.4) : citez ce texte.",
  "sovereignty.reason.missing.art49Point": "{who} : précisez le point de l'art. 49.1 invoqué pour le transfert {inCountry}.",
  "sovereignty.reason.missing.publicPowers":
    "{who} : les dérogations de l'art. 49.1.a à c sont indisponibles à une autorité publique dans l'exercice de ses prérogatives de puissance publique (art. 49.3) : vérifiez que ce traitement n'en relève pas.",
  "sovereignty.reason.missing.publicInterestLaw":
    "{who} : citez le texte de droit de l'Union ou de droit français qui reconnaît l'intérêt public invoqué (art. 49.4).",
  "sovereignty.reason.missing.dpfCertification": "{who} : à vérifier : la certification DPF de {recipient} sur dataprivacyframework.gov.",
  "sovereignty.reason.missing.usRecipient":
    "{who} : à vérifier : l'organisation établie aux États-Unis qui reçoit les données et sa certification DPF ({recipient} n'est pas établi aux États-Unis et ne peut pas être certifié).",
  "sovereignty.reason.missing.pipedaScope":
    "{who} : à vérifier : que le destinataire {inCountry} relève de la loi PIPEDA (seul champ de la décision 2002/2/CE).",
  "sovereignty.reason.missing.appiScope":
    "{who} : à vérifier : que le destinataire {inCountry} est une entreprise soumise à la loi APPI (seul champ de la décision 2019/419).",
  "sovereignty.reason.missing.recipientKind":
    "{who} : à vérifier : la nature du destinataire {inCountry} (entreprise, autorité publique), dont dépend la décision d'adéquation partielle.",
  "sovereignty.reason.missing.ioAdequacy": "{who} : à vérifier : la décision d'adéquation couvrant cette organisation internationale.",
  "sovereignty.reason.missing.nonEuAccessCountry":
    "{who} : une entité hors UE a un accès technique ; enregistrez son pays comme lieu de support pour savoir quelle loi l'atteint.",
  "sovereignty.reason.tiaMissing": "{who} : l'analyse d'impact du transfert {inCountry} (TIA, recommandations 01/2020 du CEPD) n'est pas faite.",
  "sovereignty.reason.exposure.establishment": "{vendor} est établi {inCountry} : {laws} peuvent l'obliger à livrer les données (chaîne : {chain}).",
  "sovereignty.reason.exposure.parent":
    "La maison mère de {vendor} est établie {inCountry} : {laws} peuvent l'obliger à livrer les données, même hébergées en Europe (chaîne : {chain}).",
  "sovereignty.reason.exposure.noKnownLaw": "{vendor} relève du droit d'un État tiers ({country}) ; aucune loi d'accès n'y est répertoriée (chaîne : {chain}).",
  "sovereignty.reason.exposure.context":
    "Par ailleurs, {laws} permet aux services de renseignement {inCountry} de collecter des données sans la coopération du prestataire ; ce texte n'oblige pas le prestataire à livrer les données.",
  "sovereignty.reason.secNumCloud.exposed":
    "{vendor} est déclaré qualifié SecNumCloud mais relève du droit {inCountry} : contradiction. L'immunité du § 19.6 (SecNumCloud 3.2) suppose un siège et une administration centrale dans l'UE ; elle ne protège pas ici.",
  "sovereignty.reason.secNumCloud.immune":
    "{vendor} — {service} : qualifié SecNumCloud 3.2 ; immunité aux lois extra-européennes (§ 19.6) dans le périmètre qualifié seulement, jamais pour les sous-traitants ultérieurs.",
  "sovereignty.reason.secNumCloud.contradiction": "{vendor} — {service} : déclaré qualifié SecNumCloud, mais l'immunité du § 19.6 ne s'applique pas : {facts}.",
  "sovereignty.reason.secNumCloud.to_verify": "{vendor} — {service} : déclaré qualifié SecNumCloud ; l'immunité du § 19.6 est à vérifier : {facts}.",
  "sovereignty.toVerifyTitle": "À vérifier",
  "sovereignty.toVerifyLine": "{subject}{where} : {fact}",
  "sovereignty.fact.secNumCloudVersion": "version du référentiel SecNumCloud (seule la 3.2 prévoit l'immunité du § 19.6)",
  "sovereignty.fact.secNumCloudScope": "périmètre qualifié indiqué par l'ANSSI",
  "sovereignty.fact.vendorOutsideEu": "le prestataire n'a pas son siège dans l'UE",
  "sovereignty.fact.parentOutsideEu": "la maison mère est établie hors de l'UE",
  "sovereignty.fact.parentCountry": "pays de la maison mère",
  "sovereignty.fact.shareholding": "actionnariat hors UE (plafonds de 24 % individuellement et 39 % ensemble)",
  "sovereignty.fact.nonEuAccess": "accès technique par une entité hors UE (support, administration à distance)",
  "sovereignty.fact.locationOutsideEu": "un lieu de traitement ou de support est hors de l'EEE",
  "sovereignty.fact.providerOutsideEu": "un sous-traitant ultérieur relève d'un État hors UE",
  "sovereignty.fact.secNumCloud.secNumCloudVersion": "version du référentiel SecNumCloud de la qualification",
  "sovereignty.fact.secNumCloud.secNumCloudScope": "périmètre qualifié SecNumCloud",
  "sovereignty.fact.secNumCloud.parentCountry": "pays de la maison mère (immunité SecNumCloud)",
  "sovereignty.fact.secNumCloud.shareholding": "respect des plafonds d'actionnariat hors UE (24 % / 39 %, SecNumCloud 3.2 § 19.6)",
  "sovereignty.fact.secNumCloud.nonEuAccess": "absence d'accès technique par une entité hors UE (SecNumCloud 3.2 § 19.6)",
  "sovereignty.fact.art49Point": "point de l'art. 49.1 invoqué",
  "sovereignty.fact.publicPowers": "le traitement relève-t-il de prérogatives de puissance publique (art. 49.3) ?",
  "sovereignty.fact.publicInterestLaw": "texte reconnaissant l'intérêt public (art. 49.4)",
  "sovereignty.fact.dpfCertification": "certification DPF du destinataire (dataprivacyframework.gov)",
  "sovereignty.fact.usRecipient": "organisation américaine qui reçoit les données et sa certification DPF",
  "sovereignty.fact.pipedaScope": "le destinataire relève-t-il de la loi PIPEDA ?",
  "sovereignty.fact.appiScope": "le destinataire est-il une entreprise soumise à la loi APPI ?",
  "sovereignty.fact.recipientKind": "nature du destinataire (entreprise, autorité publique, organisation internationale)",
  "sovereignty.fact.ioAdequacy": "décision d'adéquation de l'organisation internationale",
  "sovereignty.fact.nonEuAccessCountry": "pays de l'entité hors UE qui a un accès technique",
} as const;
