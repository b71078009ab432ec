/** Busy database, oversize requests and refused forms (issue 12, ADR 009). */
export const frIntegrity = {
  "integrity.busyTitle": "Service momentanément occupé",
  "integrity.busyBody": "Une autre opération (un import, une sauvegarde) est en cours d'écriture. Rien n'a été enregistré : réessayez dans quelques secondes.",
  "integrity.tooLargeTitle": "Requête trop volumineuse",
  "integrity.tooLargeBody": "Les données envoyées dépassent la taille autorisée ({max}). Rien n'a été enregistré.",
  "integrity.formRefusedTitle": "Formulaire refusé",
  "integrity.formTooLarge": "Le formulaire est trop volumineux ({max} champs au plus). Rien n'a été enregistré.",
  "integrity.formIndexOutOfRange": "Le champ « {field} » dépasse le nombre d'éléments autorisé ({max} au plus). Rien n'a été enregistré.",
  "integrity.formTooDeep": "Le champ « {field} » est trop imbriqué. Rien n'a été enregistré.",
  "integrity.formValueTooLong": "Le champ « {field} » est trop long ({max} caractères au plus). Rien n'a été enregistré.",
  "integrity.formBadBody": "Le formulaire n'a pas pu être lu. Rien n'a été enregistré.",
  "integrity.backHome": "Retour à l'accueil",
} as const;
