/** Shared page pieces (app/components): breadcrumbs, the way back from a section's error page. */
export const frUi = {
  "ui.breadcrumb": "Fil d'Ariane",
  "ui.error.back.activity": "Revenir au traitement",
  "ui.error.back.register": "Revenir au registre",
  "ui.error.back.vendors": "Revenir aux prestataires",
};
