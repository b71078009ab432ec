/** Fichiers échangés avec d'autres outils (outil PIA de la CNIL, tableurs, ré-import, vérification). */
export const frInterop = {
  "dpia.pdf.runningHeader": "AIPD — {ref}",
  "dpia.measurePlaceholder": "Décrivez comment la mesure « {title} » est mise en œuvre pour ce traitement.",
  "dpia.opinion.subjectsNames": "Personnes concernées consultées (noms ou représentants)",
  "dpia.opinion.subjectsFavourable": "Avis des personnes concernées favorable ?",
  "dpia.risk.severityText": "Justification de la gravité",
  "dpia.risk.likelihoodText": "Justification de la vraisemblance",
  "exports.format.public_json": "JSON (registre public, données ouvertes)",
  "exports.format.public_csv": "CSV (registre public, données ouvertes)",
  "exports.channel.public": "registre public",
  "verify.fingerprints":
    "Deux empreintes sont acceptées : celle du fichier (SHA-256 du fichier reçu, calculée en le déposant ici) et l'empreinte du document imprimée sur la couverture des PDF (SHA-256 des données du registre au moment de l'export ; le pied de page en montre les 12 premiers caractères, acceptés aussi).",
  "verify.matchFile": "Empreinte du fichier reconnue.",
  "verify.matchDocument": "Empreinte du document (couverture du PDF) reconnue.",
  "errors.import.dpaFileMismatch":
    "Le fichier du contrat de sous-traitance de « {vendor} » ({file}) ne correspond pas à son empreinte SHA-256, à sa taille ou n'est pas un PDF : le fichier JSON a été modifié ou tronqué. Rien n'a été importé.",
  "public.computedTransfers": "Transferts hors de l'EEE déduits des prestataires",
  "public.computedTransfersHint": "Calculés à partir des lieux d'hébergement, de support et des sous-traitants des prestataires du traitement.",
  "public.toVerify": "Points encore à vérifier par la collectivité",
} as const;
