import { getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import type { Role } from "~/utils/permissions.ts";
import { recordAudit } from "./audit.server.ts";

export const DEMO_ORG_SLUG = "ville-demo";

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

type DemoAccount = { email: string; name: string; role: Role; departments: (typeof DEMO_DEPARTMENTS)[number][] };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@demo.example", name: "Camille Administratrice", role: "ADMIN", departments: [] },
  { email: "dpo@demo.example", name: "Dominique Delaunay (DPO)", role: "DPO", departments: [] },
  { email: "etat-civil@demo.example", name: "Étienne Civil", role: "EDITOR", departments: ["État civil"] },
  { email: "rh@demo.example", name: "Rachida Hamelin", role: "EDITOR", departments: ["Ressources humaines"] },
  { email: "lecteur@demo.example", name: "Léa Lecteur", role: "VIEWER", departments: [] },
];

/**
 * The demo city. The DPO is shared with the city's CCAS (a separate controller), as is common,
 * so the organization switcher has something to switch.
 */
export async function seedDemo(password: string) {
  const db = getDb();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        slug: DEMO_ORG_SLUG,
        name: "Ville de Démo",
        siren: "213401268",
        address: "Hôtel de ville, 1 place de la République, 34000 Démo-sur-Lez",
        legalRepresentative: "Mme Hélène Maire, maire de Démo-sur-Lez",
        dpoName: "Dominique Delaunay",
        dpoEmail: "dpo@demo.example",
        dpoPhone: "+33 4 00 00 00 00",
        dpoCnilNumber: "DPO-12345",
        defaultLocale: "fr",
      },
    });
    const ccas = await tx.organization.create({
      data: {
        slug: "ccas-demo",
        name: "CCAS de Démo",
        address: "12 rue de la Solidarité, 34000 Démo-sur-Lez",
        legalRepresentative: "Mme Hélène Maire, présidente du CCAS",
        dpoName: "Dominique Delaunay",
        dpoEmail: "dpo@demo.example",
        dpoCnilNumber: "DPO-12346",
        defaultLocale: "fr",
      },
    });
    const departments = new Map<string, string>();
    for (const name of DEMO_DEPARTMENTS) {
      const d = await tx.department.create({ data: { organizationId: org.id, name } });
      departments.set(name, d.id);
    }
    await tx.department.createMany({ data: ["Aide sociale légale", "Domiciliation", "Résidence autonomie"].map((name) => ({ organizationId: ccas.id, name })) });
    const users = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const user = await tx.user.create({ data: { email: a.email, name: a.name, passwordHash, locale: null } });
      users.set(a.email, user.id);
      const m = await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: a.role } });
      if (a.departments.length) {
        await tx.membershipDepartment.createMany({ data: a.departments.map((d) => ({ membershipId: m.id, departmentId: departments.get(d)! })) });
      }
    }
    await tx.membership.create({ data: { userId: users.get("dpo@demo.example")!, organizationId: ccas.id, role: "DPO" } });
    await tx.membership.create({ data: { userId: users.get("admin@demo.example")!, organizationId: ccas.id, role: "ADMIN" } });
    await recordAudit(tx, { actorId: null, organizationId: org.id, action: "demo.seeded", entity: "Organization", entityId: org.id, details: { accounts: DEMO_ACCOUNTS.length } });
    return { org, ccas };
  });
}
