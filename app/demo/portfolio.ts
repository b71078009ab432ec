/**
 * The demo's shared DPO service (issue 14, ADR 019): a syndicat informatique whose DPO keeps the
 * registers of 12 member organizations (communes of different sizes, their intercommunalité and two
 * CCAS), and a group gathering the intercommunalité's members. Their shared vendors come from the
 * syndicat's catalogue (app/demo/portfolio-catalogue.ts, ADR 026). No server code here.
 */
import type { OrganizationKind } from "~/analysis/portfolio.ts";
import { isValidSiren } from "~/utils/validation.ts";
import { AZUREL, CDG_PAIE, CANTINE, CIVITELIS, GEOCONCESSION, HORIZON, NONE, REQUESTED, SIGNED } from "./portfolio-catalogue.ts";
import type { DemoDpa } from "./vendors.ts";

/** A valid SIREN from 8 digits: the 9th is the Luhn check digit. */
export function demoSiren(prefix: string): string {
  for (let d = 0; d < 10; d++) if (isValidSiren(prefix + d)) return prefix + d;
  throw new Error(`no SIREN for ${prefix}`);
}

export const DEMO_SERVICE = {
  slug: "syndicat-numerique-demo",
  name: "Syndicat mixte Démo Numérique",
  siren: demoSiren("25340001"),
  kind: "dpo_service" satisfies OrganizationKind,
  departmentCode: "34",
  address: "3 allée des Serveurs, 34000 Démo-sur-Lez",
};

export const DEMO_SHARED_DPO = { email: "dpo-mutualise@demo.example", name: "Sacha Mutualisé (DPO du syndicat)" };

export type DemoMember = {
  slug: string;
  name: string;
  kind: OrganizationKind;
  departmentCode: string;
  headcount: number;
  /** The demo activities (by name, app/demo/activities.ts) its register holds (none: nothing entered yet); the first `approved` are approved. */
  register: string[];
  approved: number;
  /** The shared vendors (app/demo/portfolio-catalogue.ts) it subscribes to, with its own contract. */
  shared: Partial<Record<string, DemoDpa>>;
  /** Its private vendors (DEMO_PRIVATE_VENDORS), with their contract. */
  private: Partial<Record<string, DemoDpa>>;
  /** In the "Pays de Démo" group (the intercommunalité, its communes and their CCAS). */
  inGroup: boolean;
};

export const DEMO_MEMBERS: DemoMember[] = [
  {
    slug: "cc-pays-de-demo",
    name: "Communauté de communes du Pays de Démo",
    kind: "epci",
    departmentCode: "34",
    headcount: 180,
    register: [
      "Paie des agents et des élus, déclarations sociales",
      "Gestion des carrières et dossier individuel des agents",
      "Recrutement des agents",
      "Réseau intercommunal de lecture publique : inscriptions et prêts",
      "Marchés publics et gestion des fournisseurs",
      "Facturation des usagers et recettes",
      "Annuaire, messagerie et outils collaboratifs",
      "Instruction des autorisations d'urbanisme",
      "Conseil municipal : convocations, délibérations, indemnités et retransmission des séances",
    ],
    approved: 6,
    shared: {
      [CIVITELIS]: SIGNED("2024-09-15", "2027-09-15", "CCPD-2024-041"),
      [HORIZON]: SIGNED("2024-09-15", "2026-10-31", "CCPD-2024-042"),
      [AZUREL]: SIGNED("2025-01-10", "2028-01-10", "CCPD-2025-003"),
    },
    private: {},
    inGroup: true,
  },
  {
    slug: "saint-martin-demo",
    name: "Commune de Saint-Martin-de-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 95,
    register: [
      "Tenue des registres de l'état civil",
      "Gestion des listes électorales",
      "Recensement citoyen des jeunes de 16 ans",
      "Gestion des cimetières et des concessions funéraires",
      "Paie des agents et des élus, déclarations sociales",
      "Inscriptions scolaires dans les écoles publiques",
      "Annuaire, messagerie et outils collaboratifs",
      "Tirage au sort des jurés d'assises",
    ],
    approved: 5,
    shared: { [CIVITELIS]: SIGNED("2024-10-01", "2027-10-01", "SMD-2024-17"), [HORIZON]: REQUESTED, [AZUREL]: NONE },
    private: { [GEOCONCESSION]: SIGNED("2023-05-12", "2027-05-12", "SMD-2023-08") },
    inGroup: true,
  },
  {
    slug: "villeneuve-demo",
    name: "Commune de Villeneuve-lès-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 60,
    register: [
      "Tenue des registres de l'état civil",
      "Gestion des listes électorales",
      "Organisation des scrutins : bureaux de vote, assesseurs et scrutateurs",
      "Paie des agents et des élus, déclarations sociales",
      "Restauration scolaire, accueils périscolaires et de loisirs, facturation aux familles",
      "Gestion des cimetières et des concessions funéraires",
      "Annuaire, messagerie et outils collaboratifs",
    ],
    approved: 3,
    shared: {
      [CIVITELIS]: SIGNED("2024-10-20", "2027-10-20", "VLD-2024-11"),
      [HORIZON]: SIGNED("2024-10-20", "2027-10-20", "VLD-2024-12"),
      [AZUREL]: SIGNED("2023-06-30", "2026-06-30", "VLD-2023-05"),
    },
    private: { [CANTINE]: NONE },
    inGroup: true,
  },
  {
    slug: "castelnau-demo",
    name: "Commune de Castelnau-la-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 24,
    register: [
      "Tenue des registres de l'état civil",
      "Gestion des listes électorales",
      "Paie des agents et des élus, déclarations sociales",
      "Gestion des cimetières et des concessions funéraires",
      "Instruction des autorisations d'urbanisme",
    ],
    approved: 1,
    shared: { [CIVITELIS]: SIGNED("2025-02-03", "2028-02-03", "CLD-2025-02"), [HORIZON]: NONE },
    private: {},
    inGroup: true,
  },
  {
    slug: "le-puech-demo",
    name: "Commune du Puech",
    kind: "commune",
    departmentCode: "34",
    headcount: 6,
    register: ["Tenue des registres de l'état civil", "Gestion des listes électorales", "Paie des agents et des élus, déclarations sociales"],
    approved: 0,
    shared: { [CIVITELIS]: NONE },
    private: { [CDG_PAIE]: SIGNED("2022-01-01", "2028-01-01", "Convention CDG 2022") },
    inGroup: true,
  },
  {
    slug: "les-garrigues-demo",
    name: "Commune des Garrigues",
    kind: "commune",
    departmentCode: "34",
    headcount: 3,
    register: ["Tenue des registres de l'état civil", "Gestion des listes électorales"],
    approved: 0,
    shared: { [CIVITELIS]: SIGNED("2023-09-30", "2026-09-30", "LGD-2023-01") },
    private: {},
    inGroup: true,
  },
  {
    slug: "ccas-saint-martin-demo",
    name: "CCAS de Saint-Martin-de-Démo",
    kind: "ccas",
    departmentCode: "34",
    headcount: 12,
    register: [
      "Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)",
      "Enregistrement et suivi des demandes de logement social",
      "Repas et colis de fin d'année des aînés",
      "Paie des agents et des élus, déclarations sociales",
    ],
    approved: 2,
    shared: { [CIVITELIS]: SIGNED("2024-11-05", "2027-11-05", "CCAS-SMD-2024-3"), [HORIZON]: SIGNED("2024-11-05", "2027-11-05", "CCAS-SMD-2024-4") },
    private: {},
    inGroup: true,
  },
  {
    slug: "ccas-villeneuve-demo",
    name: "CCAS de Villeneuve-lès-Démo",
    kind: "ccas",
    departmentCode: "34",
    headcount: 5,
    register: ["Registre des personnes vulnérables (plan d'alerte et d'urgence canicule et grand froid)", "Repas et colis de fin d'année des aînés"],
    approved: 0,
    shared: { [CIVITELIS]: REQUESTED },
    private: {},
    inGroup: true,
  },
  {
    slug: "aniane-demo",
    name: "Commune d'Aniane-sur-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 40,
    register: [
      "Tenue des registres de l'état civil",
      "Gestion des listes électorales",
      "Tirage au sort des jurés d'assises",
      "Paie des agents et des élus, déclarations sociales",
      "Lettre d'information municipale",
      "Annuaire, messagerie et outils collaboratifs",
    ],
    approved: 4,
    shared: {
      [CIVITELIS]: SIGNED("2024-12-02", "2027-12-02", "AND-2024-09"),
      [HORIZON]: SIGNED("2024-12-02", "2027-12-02", "AND-2024-10"),
      [AZUREL]: SIGNED("2025-03-14", "2028-03-14", "AND-2025-02"),
    },
    private: {},
    inGroup: false,
  },
  {
    slug: "bessan-demo",
    name: "Commune de Bessan-la-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 15,
    register: [
      "Tenue des registres de l'état civil",
      "Gestion des listes électorales",
      "Paie des agents et des élus, déclarations sociales",
      "Enquête de satisfaction des usagers des services municipaux",
    ],
    approved: 1,
    shared: { [CIVITELIS]: SIGNED("2025-01-20", "2028-01-20", "BLD-2025-01") },
    private: { [CDG_PAIE]: NONE },
    inGroup: false,
  },
  {
    slug: "sauve-demo",
    name: "Commune de Sauve-en-Démo",
    kind: "commune",
    departmentCode: "30",
    headcount: 20,
    register: [
      "Tenue des registres de l'état civil",
      "Paie des agents et des élus, déclarations sociales",
      "Gestion des cimetières et des concessions funéraires",
    ],
    approved: 1,
    shared: { [CIVITELIS]: REQUESTED },
    private: { [CDG_PAIE]: SIGNED("2021-01-01", "2028-01-01", "Convention CDG 2021"), [GEOCONCESSION]: NONE },
    inGroup: false,
  },
  {
    slug: "anduze-demo",
    name: "Commune d'Anduze-Démo",
    kind: "commune",
    departmentCode: "30",
    headcount: 0,
    register: [],
    approved: 0,
    shared: { [CIVITELIS]: NONE, [HORIZON]: NONE },
    private: {},
    inGroup: false,
  },
];

export const DEMO_GROUP_NAME = "Pays de Démo (intercommunalité, communes et CCAS)";

export function demoMemberSiren(index: number): string {
  return demoSiren(`2134${String(9000 + index).padStart(4, "0")}`);
}
