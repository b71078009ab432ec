/** Accessibilité : déclaration d'accessibilité, contact de l'organisme, plan du site. */
export const frAccessibility = {
  "accessibility.settings.legend": "Accessibilité",
  "accessibility.settings.contact": "Contact pour signaler un défaut d'accessibilité",
  "accessibility.settings.contactHint":
    "Adresse e-mail, page web ou adresse postale, affichée dans la déclaration d'accessibilité. Exemple : accessibilite@ville.fr",
  "accessibility.footer.statement": "Accessibilité : {level}",
  "accessibility.footer.sitemap": "Plan du site",
  "accessibility.footer.nav": "Liens de pied de page",
  "accessibility.level.full": "totalement conforme",
  "accessibility.level.partial": "partiellement conforme",
  "accessibility.level.none": "non conforme",
  "accessibility.title": "Déclaration d'accessibilité",
  "accessibility.intro":
    "{organization} s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique à Registre, le registre des activités de traitement.",
  "accessibility.someOrganization": "L'organisme qui héberge Registre",
  "accessibility.status.title": "État de conformité",
  "accessibility.status.body": "Registre est {level} avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.",
  "accessibility.results.title": "Résultats des tests",
  "accessibility.results.rate": "L'audit de conformité réalisé le {date} révèle que {rate} % des critères du RGAA 4.1 applicables sont respectés.",
  "accessibility.results.counts": "{c} critères conformes, {nc} non conformes, {na} non applicables, sur 106.",
  "accessibility.nonConformant.title": "Contenus non accessibles",
  "accessibility.nonConformant.none": "Aucun critère n'a été relevé non conforme lors de l'audit.",
  "accessibility.nonConformant.item": "Critère {id}",
  "accessibility.method.title": "Établissement de cette déclaration",
  "accessibility.method.body":
    "Auto-évaluation des pages principales (connexion, tableau de bord, registre, fiche d'une activité, formulaire, déclaration guidée, prestataire, souveraineté, analyse d'impact, exports, registre public) avec axe-core et des tests au clavier seul et orientés lecteur d'écran (titres, régions, ordre et visibilité du focus, erreurs de saisie, alternative de la carte, en-têtes de tableaux), dans Chromium.",
  "accessibility.contact.title": "Retour d'information et contact",
  "accessibility.contact.body":
    "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'organisme pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :",
  "accessibility.contact.dpo": "à défaut de contact dédié, le délégué à la protection des données : {email}",
  "accessibility.contact.missing": "L'organisme n'a pas encore indiqué de contact. Adressez-vous à son accueil.",
  "accessibility.remedy.title": "Voies de recours",
  "accessibility.remedy.body":
    "Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr, ou courrier gratuit sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07) ou contacter son délégué dans votre région.",
  "accessibility.sitemap.title": "Plan du site",
  "accessibility.sitemap.intro": "Toutes les pages de {organization} que vous pouvez ouvrir.",
  "accessibility.sitemap.activities": "Activités",
  "accessibility.sitemap.organization": "Organisme",
  "accessibility.sitemap.you": "Vous",
} as const;
