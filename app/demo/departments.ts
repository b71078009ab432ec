/** The demo city's departments. Shared by the seed and by the demo activities (no server code here). */
export const DEMO_DEPARTMENTS = [
  "État civil",
  "Ressources humaines",
  "Police municipale",
  "Affaires scolaires et périscolaires",
  "Urbanisme",
  "Finances et commande publique",
  "Action sociale",
  "Systèmes d'information",
  "Culture et médiathèque",
  "Communication",
  "Élections",
  "Services techniques",
] as const;

export type DemoDepartment = (typeof DEMO_DEPARTMENTS)[number];
