import { DEMO_ACTIVITIES, type DemoActivity } from "~/demo/activities.ts";
import { DEMO_DEPARTMENTS } from "~/demo/departments.ts";
import { DEMO_DPIAS } from "~/demo/dpias.ts";
import { screen, SCREENING_CRITERIA } from "~/analysis/dpia-screening.ts";
import { DPIA_QUESTIONS, type DpiaAnswers, type ScreeningForm } from "~/schemas/dpia.ts";
import { seedDemoRegisters } from "./demo-registers.server.ts";
import { seedDemoSharedCatalogue } from "./demo-shared.server.ts";
import { checkDemoVendors, DEMO_HOSTING_SITES, DEMO_LINKS, DEMO_VENDORS, isSiteRef, serviceKey, type DemoDate, type DemoVendor } from "~/demo/vendors.ts";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { dbReady, getDb } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";
import type { Role } from "~/policies/roles.ts";
import type { Transition } from "~/policies/activity.ts";
import { addComment, createActivity, saveActivity, transitionActivity, type ActivityRecord } from "./activity.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { saveDpiaContent, saveDpiaOpinions, saveScreening, startPrefilledDpia, transitionDpia } from "./dpia.server.ts";
import { addLocation, createHostingSite, createService, createVendor, linkActivity, type VendorInput } from "./vendor.server.ts";

export { DEMO_DEPARTMENTS };

export const DEMO_ORG_SLUG = "ville-demo";

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
 * so the organization switcher has something to switch. Its register (app/demo/activities.ts) is
 * replayed through the domain functions after the organization and accounts exist.
 */
export async function seedDemo(password: string) {
  await dbReady(); // the connection pragmas must not land inside the seed's transactions
  DEMO_ACTIVITIES.forEach((a) => (checkStory(a), demoContentHistory(a))); // fail before writing anything
  checkDemoVendors();
  const passwordHash = await hashPassword(password);
  const seeded = await unitOfWork({ actorId: null, organizationId: null }, async ({ tx, ...w }) => {
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
        headcount: 430,
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
    await tx.department.createMany({
      data: ["Aide sociale légale", "Domiciliation", "Résidence autonomie"].map((name) => ({ organizationId: ccas.id, name })),
    });
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
    w.audit("demo.seeded", "Organization", org.id, { accounts: DEMO_ACCOUNTS.length }, { organizationId: org.id });
    return { org, ccas, users };
  });
  await seedDemoActivities(seeded.org.id, seeded.users);
  await seedDemoVendors(seeded.org.id, seeded.users.get("dpo@demo.example")!);
  await seedDemoDpias(seeded.org.id, seeded.users);
  await seedDemoRegisters(seeded.org.id, seeded.users.get("dpo@demo.example")!);
  await seedDemoSharedCatalogue(seeded.org.id, seeded.users.get("dpo@demo.example")!, seeded.users.get("admin@demo.example")!);
  return { org: seeded.org, ccas: seeded.ccas };
}

/**
 * The contents an activity went through, oldest first: version 1, then one state per edit. Each
 * state is parsed, and each edit must change something (a no-op edit would not make a version).
 */
export function demoContentHistory(a: DemoActivity): ActivityContent[] {
  const edits = a.story.edits ?? [];
  const states: ActivityContent[] = [ActivityContentSchema.parse(a.content)];
  for (let i = edits.length - 1; i >= 0; i--) {
    const before = ActivityContentSchema.parse(edits[i]!.undo(structuredClone(states[0]!)));
    if (JSON.stringify(before) === JSON.stringify(states[0])) throw new Error(`Demo activity "${a.content.name as string}": edit ${i + 1} changes nothing`);
    states.unshift(before);
  }
  return states;
}

/** Checks a story before anything is written, so a bad entry cannot leave a half-seeded demo. */
function checkStory(a: DemoActivity) {
  const { story } = a;
  const name = String(a.content.name);
  const versions = story.versions ?? 1;
  const approved = story.status === "APPROVED" || story.status === "ARCHIVED";
  const expectedEdits = approved ? versions - 1 + (story.pendingDraft ? 1 : 0) : 0;
  if ((story.edits?.length ?? 0) !== expectedEdits) throw new Error(`Demo activity "${name}": expected ${expectedEdits} edit(s)`);
  if (story.pendingDraft && story.status !== "APPROVED") throw new Error(`Demo activity "${name}": pendingDraft needs APPROVED`);
  if (story.status === "CHANGES_REQUESTED" && !story.changeRequest) throw new Error(`Demo activity "${name}": changeRequest missing`);
  if (story.status === "ARCHIVED" && !story.archiveReason) throw new Error(`Demo activity "${name}": archiveReason missing`);
  if (story.comments?.some((c) => c.author === "editor") && !DEMO_ACCOUNTS.some((u) => u.role === "EDITOR" && u.departments.includes(a.department)))
    throw new Error(`Demo activity "${name}": no editor in ${a.department}`);
}

/**
 * Replays each demo activity's story through the real domain functions, so that its versions,
 * comments and audit events are the ones the app itself would have written. The department's
 * EDITOR writes and submits (the DPO when the department has none); the DPO reviews.
 */
export async function seedDemoActivities(orgId: string, users: Map<string, string>): Promise<void> {
  const dpo = users.get("dpo@demo.example");
  if (!dpo) throw new Error("Demo DPO account missing");
  const editorOf = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const id = users.get(account.email);
    if (account.role === "EDITOR" && id) for (const d of account.departments) editorOf.set(d, id);
  }
  const departments = await getDb().department.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
  const departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  const plans = DEMO_ACTIVITIES.map((a) => {
    checkStory(a);
    const departmentId = departmentIds.get(a.department);
    if (!departmentId) throw new Error(`Demo department missing: ${a.department}`);
    return { a, departmentId, states: demoContentHistory(a), author: editorOf.get(a.department) ?? dpo };
  });

  const DAY = 24 * 60 * 60 * 1000;
  const today = Date.now();
  for (const [index, { a, departmentId, states, author }] of plans.entries()) {
    const { story } = a;
    let rec: ActivityRecord = await createActivity(author, orgId, { content: states[0]!, departmentId });
    // Approvals are spread over the past two years, so "the register as of" a past date has a history.
    let clock = Date.UTC(2024, 0, 15) + index * 9 * DAY;
    const step = async (actorId: string, t: Transition, opts: { comment?: string; reason?: string } = {}) => {
      const when = new Date(Math.min(clock, today - DAY));
      rec = await transitionActivity(actorId, orgId, rec.id, rec.revision, t, opts, when);
      if (t === "approve") clock += 130 * DAY;
    };
    /** The editor submits, the DPO approves; a DPO-written entry is approved directly. */
    const approve = async (note?: string) => {
      if (author !== dpo) await step(author, "submit", note ? { comment: note } : {});
      await step(dpo, "approve", author === dpo && note ? { comment: note } : {});
    };

    if (story.status === "SUBMITTED" || story.status === "CHANGES_REQUESTED") await step(author, "submit");
    if (story.status === "CHANGES_REQUESTED") await step(dpo, "requestChanges", { comment: story.changeRequest! });
    if (story.status === "APPROVED" || story.status === "ARCHIVED") {
      await approve();
      for (let i = 1; i < states.length; i++) {
        rec = await saveActivity(author, orgId, rec.id, rec.revision, { content: states[i]!, departmentId });
        const pending = story.pendingDraft === true && i === states.length - 1;
        if (!pending) await approve(story.edits![i - 1]!.summary);
      }
    }
    if (story.status === "ARCHIVED") await step(dpo, "archive", { reason: story.archiveReason! });
    for (const c of story.comments ?? []) {
      await addComment(c.author === "dpo" ? dpo : editorOf.get(a.department)!, orgId, rec.id, c.body);
    }
  }
}

const day = (d: DemoDate | undefined): Date | null => (d ? new Date(`${d}T00:00:00.000Z`) : null);

/** Also used by the DPO service's catalogue (demo-portfolio.server.ts). */
export function demoVendorInput(v: DemoVendor): VendorInput {
  return {
    name: v.name,
    legalName: v.legalName ?? null,
    registrationNumber: v.registrationNumber ?? null,
    website: v.website ?? null,
    country: v.country,
    parentName: v.parent?.name ?? null,
    parentCountry: v.parent?.country ?? null,
    contactName: v.contact?.name ?? null,
    contactEmail: v.contact?.email ?? null,
    hdsActivities: v.hds?.activities ?? null,
    hdsExpiry: day(v.hds?.expiry),
    iso27001Expiry: day(v.iso27001Expiry),
    dpfCertified: v.dpf?.certified ?? null,
    dpfCheckedAt: day(v.dpf?.checkedAt),
    shareholdingWithinLimits: v.shareholdingWithinLimits ?? null,
    dpaStatus: v.dpa.status,
    dpaSignedAt: v.dpa.status === "SIGNED" ? day(v.dpa.signedAt) : null,
    dpaReference: v.dpa.status === "SIGNED" || v.dpa.status === "REQUESTED" ? (v.dpa.reference ?? null) : null,
    dpaNextReview: v.dpa.status === "SIGNED" ? day(v.dpa.nextReview) : null,
    notes: v.notes ?? null,
  };
}

/**
 * Vendors, services and locations, through the vendor domain functions. Every service is created first:
 * a location may name a provider (resolved among `vendors`) declared further down the list.
 */
export async function replayVendors(actorId: string, orgId: string, vendors: DemoVendor[]) {
  const vendorIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  for (const v of vendors) {
    const vendor = await createVendor(actorId, orgId, demoVendorInput(v));
    vendorIds.set(v.name, vendor.id);
    for (const s of v.services) {
      const service = await createService(actorId, orgId, vendor.id, {
        name: s.name,
        description: s.description ?? null,
        secNumCloudQualified: s.secNumCloudDate !== undefined,
        secNumCloudDate: day(s.secNumCloudDate),
        secNumCloudVersion: s.secNumCloud?.version ?? null,
        secNumCloudScope: s.secNumCloud?.scope ?? null,
        nonEuAccess: s.nonEuAccess ?? null,
      });
      serviceIds.set(serviceKey({ vendor: v.name, service: s.name }), service.id);
    }
  }
  for (const v of vendors) {
    for (const s of v.services) {
      for (const l of s.locations) {
        await addLocation(actorId, orgId, serviceIds.get(serviceKey({ vendor: v.name, service: s.name }))!, {
          role: l.role,
          country: l.country,
          region: l.region ?? null,
          providerServiceId: l.provider ? serviceIds.get(serviceKey(l.provider))! : null,
          safeguard: l.safeguard ?? null,
          tiaDone: l.tiaDone ?? false,
          safeguardUrl: l.safeguardUrl ?? null,
        });
      }
    }
  }
  return { vendorIds, serviceIds };
}

/**
 * The demo city's vendors, services, locations (sub-processor chains included), own hosting sites
 * and activity links (app/demo/vendors.ts), written by the DPO through the real domain functions so
 * that each row has its audit event. Activities are resolved by name within the organization.
 */
export async function seedDemoVendors(orgId: string, dpoUserId: string): Promise<void> {
  checkDemoVendors();
  const { serviceIds } = await replayVendors(dpoUserId, orgId, DEMO_VENDORS);
  const siteIds = new Map<string, string>();
  for (const s of DEMO_HOSTING_SITES) {
    const site = await createHostingSite(dpoUserId, orgId, { name: s.name, country: s.country, city: s.city, description: s.description });
    siteIds.set(s.name, site.id);
  }
  const activities = await getDb().activity.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
  const activityIds = new Map(activities.map((a) => [a.name, a.id]));
  for (const [name, links] of Object.entries(DEMO_LINKS)) {
    const activityId = activityIds.get(name);
    if (!activityId) throw new Error(`Demo activity not found for vendor links: ${name}`);
    for (const [target, role] of links) {
      await linkActivity(
        dpoUserId,
        orgId,
        activityId,
        isSiteRef(target) ? { siteId: siteIds.get(target.site)! } : { serviceId: serviceIds.get(serviceKey(target))! },
        role,
      );
    }
  }
}

/** CNIL list types and Art. 35(3)(c) cases of the demo activities, as the DPO recorded them. */
const DEMO_SCREENING_LISTS: Record<string, { cnilListType?: ScreeningForm["cnilListType"]; art35c?: boolean }> = {
  "Vidéoprotection de la voie publique et centre de supervision urbain": { art35c: true },
  "Enregistrement et suivi des demandes de logement social": { cnilListType: "12" },
  "Dispositif de recueil et de traitement des signalements (lanceurs d'alerte)": { cnilListType: "6" },
};

/**
 * The DPO's screening of every demo activity (the record's pre-answers, confirmed), then the three
 * demo DPIAs (app/demo/dpias.ts), each through the DPIA model functions: started prefilled, drafted,
 * given opinions, submitted and validated as their story says.
 */
export async function seedDemoDpias(orgId: string, users: Map<string, string>): Promise<void> {
  const dpo = users.get("dpo@demo.example");
  const hrEditor = users.get("rh@demo.example");
  if (!dpo || !hrEditor) throw new Error("Demo accounts missing");
  const activities = await getDb().activity.findMany({
    where: { organizationId: orgId },
    orderBy: { seq: "asc" },
    select: { id: true, name: true, content: true },
  });
  const byName = new Map(activities.map((a) => [a.name, a]));
  for (const d of DEMO_DPIAS) if (!byName.has(d.activity)) throw new Error(`Demo DPIA: no activity "${d.activity}"`);
  for (const a of activities) {
    const content = ActivityContentSchema.parse(JSON.parse(a.content));
    const lists = DEMO_SCREENING_LISTS[a.name] ?? {};
    const outcome = screen(content, { answers: {}, ...lists });
    const form: ScreeningForm = {
      version: 0,
      criteria: Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, { met: outcome.criteria[c].met }])) as ScreeningForm["criteria"],
      cnilListType: lists.cnilListType,
      exemptListType: undefined,
      art35c: lists.art35c ?? false,
      decision: outcome.result === "required" || DEMO_DPIAS.some((x) => x.activity === a.name) ? "dpia" : undefined,
      decisionReason: undefined,
    };
    await saveScreening(dpo, orgId, a.id, 0, form);
  }
  for (const d of DEMO_DPIAS) {
    const a = byName.get(d.activity)!;
    const actor = d.author === "editor" ? hrEditor : dpo;
    let dpia = await startPrefilledDpia(actor, orgId, { id: a.id, parsed: ActivityContentSchema.parse(JSON.parse(a.content)) }, "fr");
    const answers: DpiaAnswers = { ...dpia.answers };
    for (const q of DPIA_QUESTIONS) {
      const text = d.answers[q];
      if (text) answers[q] = { text, prefilled: false, toComplete: false };
    }
    dpia = await saveDpiaContent(actor, orgId, dpia, dpia.version, { answers, measures: d.measures, risks: d.risks, actionPlan: d.actionPlan });
    if (d.opinions) {
      const o = d.opinions;
      dpia = await saveDpiaOpinions(dpo, orgId, dpia, dpia.version, {
        dpo: { name: o.dpoName, canProceed: o.canProceed, text: o.dpoText },
        subjects: { sought: o.subjectsSought, reason: o.subjectsReason, text: o.subjectsText },
      });
    }
    if (d.status === "in_review" || d.status === "validated") dpia = await transitionDpia(actor, orgId, dpia, dpia.version, "submit");
    if (d.status === "validated") await transitionDpia(dpo, orgId, dpia, dpia.version, "validate", { validator: d.validator ?? "" });
  }
}
