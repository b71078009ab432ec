/** Shared page pieces (app/components). */
export const frUi = {
  "ui.breadcrumb": "Fil d'Ariane",
};
