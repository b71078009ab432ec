/** Issue 10, second part: the legal facts in the exports (PDF, CSV/XLSX, import) and the prefilled keys. */
export const frLegalExports = {
  "guided.key.domain": "Domaine du traitement",
  "guided.key.ledLegalBasis": "Base légale (directive Police-Justice)",
  "guided.key.ledProfiling": "Profilage (directive Police-Justice)",
  "tabular.transfer.recipientKind": "Nature du destinataire",
  "tabular.transfer.art49Point": "Point de l'art. 49.1",
  "tabular.transfer.tiaDone": "AIT réalisée",
  "tabular.transfer.dpfCertified": "Certifié DPF",
  "import.warn.unknownDomain": "Colonne « {column} » : domaine non reconnu « {value} » ; le texte est conservé dans la description.",
  "import.warn.badTransferDetail": "Colonne « {column} » : précision de transfert illisible « {value} » ; le texte est conservé dans la description.",
  "pdf.transfers.judged": "Appréciation des transferts déclarés et de l'hébergement propre",
  "pdf.exposure.snc.none": "Aucune (service non qualifié)",
  "pdf.exposure.snc.immune": "Immunité (qualifié 3.2, conditions du § 19.6 remplies)",
  "pdf.exposure.snc.contradiction": "Aucune : qualification déclarée mais contredite",
  "pdf.exposure.snc.to_verify": "À vérifier : qualification déclarée, faits manquants",
  "pdf.annex.vendors.secNumCloudDetail": "{service} : qualifié SecNumCloud ({date}) ; version du référentiel : {version} ; périmètre qualifié : {scope}",
} as const;
