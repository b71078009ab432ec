/** The activities behind a changed exposure in the portfolio (issue 14, ADR 026). */
export const enPortfolioChanges = {
  "portfolioChanges.label": "Activities whose exposure changed ({name})",
  "portfolioChanges.item": "{ref} — {name}: {before} → {after}",
  "portfolioChanges.more": "{count, plural, one {and # other activity} other {and # other activities}}",
  "portfolioChanges.details": "Details in its notifications",
} as const;
