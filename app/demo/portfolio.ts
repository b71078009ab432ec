/**
 * The demo's shared DPO service (issue 14, ADR 019): a syndicat informatique whose DPO keeps the
 * registers of 12 member organizations (communes of different sizes, their intercommunalité and two
 * CCAS), and a group gathering the intercommunalité's members. No server code here.
 */
import type { OrganizationKind } from "~/analysis/portfolio.ts";
import { isValidSiren } from "~/utils/validation.ts";

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
  /** How many activities its register holds (0: nothing entered yet), and how many are approved. */
  activities: number;
  approved: number;
  /** Vendors without a signed processing agreement. */
  vendorsWithoutDpa: number;
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
    activities: 9,
    approved: 6,
    vendorsWithoutDpa: 1,
    inGroup: true,
  },
  {
    slug: "saint-martin-demo",
    name: "Commune de Saint-Martin-de-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 95,
    activities: 8,
    approved: 5,
    vendorsWithoutDpa: 2,
    inGroup: true,
  },
  {
    slug: "villeneuve-demo",
    name: "Commune de Villeneuve-lès-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 60,
    activities: 7,
    approved: 3,
    vendorsWithoutDpa: 1,
    inGroup: true,
  },
  {
    slug: "castelnau-demo",
    name: "Commune de Castelnau-la-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 24,
    activities: 5,
    approved: 1,
    vendorsWithoutDpa: 2,
    inGroup: true,
  },
  {
    slug: "le-puech-demo",
    name: "Commune du Puech",
    kind: "commune",
    departmentCode: "34",
    headcount: 6,
    activities: 3,
    approved: 0,
    vendorsWithoutDpa: 1,
    inGroup: true,
  },
  {
    slug: "les-garrigues-demo",
    name: "Commune des Garrigues",
    kind: "commune",
    departmentCode: "34",
    headcount: 3,
    activities: 2,
    approved: 0,
    vendorsWithoutDpa: 0,
    inGroup: true,
  },
  {
    slug: "ccas-saint-martin-demo",
    name: "CCAS de Saint-Martin-de-Démo",
    kind: "ccas",
    departmentCode: "34",
    headcount: 12,
    activities: 4,
    approved: 2,
    vendorsWithoutDpa: 1,
    inGroup: true,
  },
  {
    slug: "ccas-villeneuve-demo",
    name: "CCAS de Villeneuve-lès-Démo",
    kind: "ccas",
    departmentCode: "34",
    headcount: 5,
    activities: 2,
    approved: 0,
    vendorsWithoutDpa: 1,
    inGroup: true,
  },
  {
    slug: "aniane-demo",
    name: "Commune d'Aniane-sur-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 40,
    activities: 6,
    approved: 4,
    vendorsWithoutDpa: 0,
    inGroup: false,
  },
  {
    slug: "bessan-demo",
    name: "Commune de Bessan-la-Démo",
    kind: "commune",
    departmentCode: "34",
    headcount: 15,
    activities: 4,
    approved: 1,
    vendorsWithoutDpa: 1,
    inGroup: false,
  },
  {
    slug: "sauve-demo",
    name: "Commune de Sauve-en-Démo",
    kind: "commune",
    departmentCode: "30",
    headcount: 20,
    activities: 3,
    approved: 1,
    vendorsWithoutDpa: 1,
    inGroup: false,
  },
  {
    slug: "anduze-demo",
    name: "Commune d'Anduze-Démo",
    kind: "commune",
    departmentCode: "30",
    headcount: 0,
    activities: 0,
    approved: 0,
    vendorsWithoutDpa: 0,
    inGroup: false,
  },
];

export const DEMO_GROUP_NAME = "Pays de Démo (intercommunalité, communes et CCAS)";

export function demoMemberSiren(index: number): string {
  return demoSiren(`2134${String(9000 + index).padStart(4, "0")}`);
}
