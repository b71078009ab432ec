/**
 * The few French messages of the root error page, for the one case where the root loader (which
 * sends the page's messages) failed, e.g. a busy database. The browser bundle holds only these.
 * tests/unit/i18n.test.ts checks that each one equals the French dictionary's.
 */
import type { Messages } from "~/utils/i18n.ts";

export const fallbackMessages: Messages = {
  "app.name": "Registre",
  "app.tagline": "Le registre des activités de traitement de votre collectivité (RGPD, article 30)",
  "app.footer": "Registre — registre des activités de traitement (RGPD art. 30), hébergé par votre collectivité.",
  "nav.skipToContent": "Aller au contenu",
  "nav.language": "Langue",
  "errors.code": "Erreur {status}",
  "errors.backHome": "Revenir à l'accueil",
  "errors.unexpectedTitle": "Une erreur inattendue s'est produite",
  "errors.unexpectedBody": "Rien n'a été perdu de ce qui était enregistré. Réessayez ; si le problème persiste, prévenez votre administrateur.",
  "errors.notFoundTitle": "Page introuvable",
  "errors.notFoundBody": "Cette page n'existe pas ou vous n'y avez pas accès.",
  "errors.forbiddenTitle": "Accès refusé",
  "errors.forbiddenBody": "Votre rôle ne permet pas d'ouvrir cette page ou de faire cette action.",
  "errors.tooManyTitle": "Trop de requêtes",
  "errors.tooManyBody": "Patientez quelques minutes avant de réessayer.",
  "integrity.busyTitle": "Service momentanément occupé",
  "integrity.busyBody": "Une autre opération (un import, une sauvegarde) est en cours d'écriture. Rien n'a été enregistré : réessayez dans quelques secondes.",
  "accessibility.footer.statement": "Accessibilité : {level}",
  "accessibility.footer.sitemap": "Plan du site",
  "accessibility.level.full": "totalement conforme",
  "accessibility.level.partial": "partiellement conforme",
  "accessibility.level.none": "non conforme",
};
