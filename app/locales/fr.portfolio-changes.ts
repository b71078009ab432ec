/** Les activités derrière une exposition modifiée dans le portefeuille (issue 14, ADR 026). */
export const frPortfolioChanges = {
  "portfolioChanges.label": "Activités dont l'exposition a changé ({name})",
  "portfolioChanges.item": "{ref} — {name} : {before} → {after}",
  "portfolioChanges.more": "{count, plural, one {et # autre activité} other {et # autres activités}}",
  "portfolioChanges.details": "Détail dans ses notifications",
} as const;
