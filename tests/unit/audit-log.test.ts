/** Issue 17: the audit log reads as sentences, filters, exports as CSV, and keeps the raw event for ADMINs. */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, saveActivity } from "~/models/activity.server.ts";
import { updateMembership } from "~/models/membership.server.ts";
import type { ReadableAuditEvent } from "~/models/audit-log.server.ts";
import { updateOrganization } from "~/models/organization.server.ts";
import { createVendor, updateVendor, type VendorInput } from "~/models/vendor.server.ts";
import * as auditPage from "~/routes/o.$org.audit.tsx";
import * as auditCsv from "~/routes/o.$org.audit[.]csv.ts";
import * as auditRaw from "~/routes/o.$org.audit_.$seq.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { describeAuditEvent } from "~/domain/audit-log.ts";
import { AUDIT_VALUE_MAX_LENGTH } from "~/utils/audit-values.ts";
import { getDb } from "~/utils/db.server.ts";
import { createT } from "~/utils/messages.server.ts";
import { createOrg, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Sentence = { seq: number; person: string; action: string; object: { label: string; href: string | null } | null; changes: string[] };
type PageData = {
  total: number;
  events: Sentence[];
  canSeeRaw: boolean;
  options: { actions: { value: string; label: string }[]; entities: { value: string; label: string }[]; actors: { id: string; name: string }[] };
};

const vendor = (name: string): VendorInput => vendorFields(name);

let slug: string;
let orgId: string;
let admin: Awaited<ReturnType<typeof signedInMember>>;
let dpo: Awaited<ReturnType<typeof signedInMember>>;
let vendorId: string;
let activityId: string;
let editorMembershipId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  admin = await signedInMember(org.id, "ADMIN");
  await getDb().user.update({ where: { id: admin.user.id }, data: { name: "Alice Admin" } });
  dpo = await signedInMember(org.id, "DPO");
  await getDb().user.update({ where: { id: dpo.user.id }, data: { name: "Denis Dpo" } });
  const editor = await signedInMember(org.id, "VIEWER");
  editorMembershipId = editor.membership.id;
  await getDb().user.update({ where: { id: editor.user.id }, data: { name: "Eve Lectrice" } });
  const a = await createActivity(dpo.user.id, org.id, { content: ActivityContentSchema.parse({ name: "Cantine scolaire" }), departmentId: null });
  activityId = a.id;
  await saveActivity(dpo.user.id, org.id, a.id, a.revision, {
    content: ActivityContentSchema.parse({ name: "Cantine scolaire", purposes: { main: "Inscrire les enfants" } }),
    departmentId: null,
  });
  vendorId = (await createVendor(admin.user.id, org.id, vendor("Éditeur Cantine"))).id;
  await updateMembership(admin.user.id, org.id, editorMembershipId, { role: "DPO", departmentIds: [] });
});

const load = async (query = "", cookie = dpo.cookie) => {
  const res = await call(auditPage.loader, request(`/o/${slug}/audit${query}`, { cookie }), { org: slug });
  expect(res.status).toBe(200);
  return res.data as PageData;
};

describe("readable audit log", () => {
  it("shows who did what to which item, with links and the changed fields, in the user's language", async () => {
    const d = await load();
    const created = d.events.find((e) => e.action === "a créé l'activité")!;
    expect(created).toMatchObject({ person: "Denis Dpo", object: { label: "T-0001 — Cantine scolaire", href: `/o/${slug}/activities/T-0001` } });
    const updated = d.events.find((e) => e.action === "a modifié l'activité")!;
    expect(updated.changes).toEqual(["Éléments modifiés : Finalités", "Finalités › Finalité principale : (vide) → Inscrire les enfants"]);
    expect(d.events.find((e) => e.action === "a ajouté le prestataire")).toMatchObject({
      person: "Alice Admin",
      object: { label: "Éditeur Cantine", href: `/o/${slug}/vendors/${vendorId}` },
    });
    const role = d.events.find((e) => e.action === "a changé le rôle du membre")!;
    expect(role.object?.label).toBe("Eve Lectrice");
    expect(role.changes).toEqual(["Lecteur → Délégué à la protection des données"]);

    const en = await call(auditPage.loader, request(`/o/${slug}/audit`, { cookie: dpo.cookie, headers: { Cookie: `${dpo.cookie}; lang=en` } }), { org: slug });
    expect(en.status).toBe(200);
  });

  it("never shows action codes, JSON or internal ids", async () => {
    const d = await load();
    const shown = JSON.stringify({
      events: d.events.map((e) => [e.person, e.action, e.object?.label ?? "", ...e.changes]),
      labels: [...d.options.actions.map((a) => a.label), ...d.options.entities.map((e) => e.label)],
    });
    for (const raw of [
      "activity.created",
      "activity.updated",
      "vendor.created",
      "member.role_changed",
      activityId,
      vendorId,
      editorMembershipId,
      dpo.user.id,
      '\\"fields\\"',
    ]) {
      expect(shown, raw).not.toContain(raw);
    }
  });

  it("filters by person, type of item, action and date", async () => {
    const byPerson = await load(`?actor=${admin.user.id}`);
    expect(byPerson.total).toBeGreaterThan(0);
    expect(byPerson.events.every((e) => e.person === "Alice Admin")).toBe(true);
    const byEntity = await load("?entity=Vendor");
    expect(byEntity.events.map((e) => e.action)).toEqual(["a ajouté le prestataire"]);
    const byAction = await load("?action=activity.updated");
    expect(byAction.total).toBe(1);
    const past = await load("?to=2000-01-01");
    expect(past.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await load(`?from=${today}&to=${today}`)).total).toBe((await load()).total);
    const bad = await load("?from=yesterday");
    expect(bad).toMatchObject({ invalidQuery: true });
  });

  it("exports the filtered log as CSV, in sentences", async () => {
    const res = await call(auditCsv.loader, request(`/o/${slug}/audit.csv?entity=Activity`, { cookie: dpo.cookie }), { org: slug });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = res.text!.replace(/^\uFEFF/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Date;Personne;Action;Objet;Changements");
    expect(lines).toHaveLength(3);
    expect(text).toContain(
      `Denis Dpo;a modifié l'activité;T-0001 — Cantine scolaire;"Éléments modifiés : Finalités ; Finalités › Finalité principale : (vide) → Inscrire les enfants"`,
    );
    expect(text).not.toContain("activity.");
    expect(text).not.toContain(activityId);
    const bad = await call(auditCsv.loader, request(`/o/${slug}/audit.csv?from=x`, { cookie: dpo.cookie }), { org: slug });
    expect(bad.status).toBe(400);
    const viewer = await signedInMember(orgId, "VIEWER");
    expect((await call(auditCsv.loader, request(`/o/${slug}/audit.csv`, { cookie: viewer.cookie }), { org: slug })).status).toBe(403);
  });

  it("keeps the raw event for ADMINs only, within their organization", async () => {
    const seq = (await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: orgId, action: "vendor.created" } })).seq;
    expect((await load("", dpo.cookie)).canSeeRaw).toBe(false);
    expect((await load("", admin.cookie)).canSeeRaw).toBe(true);
    const raw = await call(auditRaw.loader, request(`/o/${slug}/audit/${seq}`, { cookie: admin.cookie }), { org: slug, seq: String(seq) });
    expect(raw.status).toBe(200);
    expect(raw.data).toMatchObject({ event: { seq, action: "vendor.created", entity: "Vendor", entityId: vendorId } });
    expect((await call(auditRaw.loader, request(`/o/${slug}/audit/${seq}`, { cookie: dpo.cookie }), { org: slug, seq: String(seq) })).status).toBe(403);
    const other = await createOrg();
    const otherAdmin = await signedInMember(other.org.id, "ADMIN");
    expect(
      (await call(auditRaw.loader, request(`/o/${other.org.slug}/audit/${seq}`, { cookie: otherAdmin.cookie }), { org: other.org.slug, seq: String(seq) }))
        .status,
    ).toBe(404);
    expect((await call(auditRaw.loader, request(`/o/${slug}/audit/abc`, { cookie: admin.cookie }), { org: slug, seq: "abc" })).status).toBe(404);
  });
});

describe("field values in the readable audit log", () => {
  const event = (over: Partial<ReadableAuditEvent>): ReadableAuditEvent => ({
    seq: 1,
    at: new Date("2026-12-02T10:00:00Z"),
    actorName: "Alice Admin",
    system: false,
    action: "vendor.updated",
    entity: "Vendor",
    details: {},
    target: { label: "Éditeur Cantine", href: "/o/x/vendors/v1", deleted: false },
    names: {},
    ...over,
  });

  it("shows before → after for simple fields, translated, in French and English", () => {
    const e = event({
      details: {
        fields: ["name", "country", "dpaStatus", "dpfCertified", "dpaNextReview", "notes"],
        values: [
          { field: "name", from: "Éditeur Cantine", to: "Éditeur Cantine SAS" },
          { field: "country", from: "FR", to: "IE" },
          { field: "dpaStatus", from: "NONE", to: "SIGNED" },
          { field: "dpfCertified", from: null, to: "true" },
          { field: "dpaNextReview", from: null, to: "2027-03-01" },
          { field: "notes", from: "à revoir", to: null },
        ],
      },
    });
    expect(describeAuditEvent(createT("fr"), e, "fr").changes).toEqual([
      "Éléments modifiés : Nom usuel, Pays d'établissement, État du contrat, Certification Data Privacy Framework (prestataires américains), Prochaine revue, Notes internes",
      "Nom usuel : Éditeur Cantine → Éditeur Cantine SAS",
      "Pays d'établissement : France → Irlande",
      "État du contrat : Aucun contrat → Signé",
      "Certification Data Privacy Framework (prestataires américains) : (vide) → Oui",
      "Prochaine revue : (vide) → 1 mars 2027",
      "Notes internes : à revoir → (vide)",
    ]);
    const en = describeAuditEvent(createT("en"), e, "en").changes;
    expect(en).toContain("Country of establishment: France → Ireland");
    expect(en).toContain("Agreement status: No agreement → Signed");
    expect(en).toContain("Next review: (empty) → 1 Mar 2027");
  });

  it("never shows a secret, a malformed value or a raw field name", () => {
    const e = event({
      entity: "Organization",
      action: "organization.updated",
      details: {
        values: [
          { field: "passwordHash", from: "$argon2id$v=19$old", to: "$argon2id$v=19$new" },
          { field: "apiToken", from: "tok-old", to: "tok-new" },
          { field: "dpoEmail", from: { nested: true }, to: "dpo@ville.example" },
          "not an object",
          { field: "mysteryField", from: "a", to: "b" },
          { field: "dpoName", from: "Jean Dupont", to: "Marie Curie" },
        ],
      },
    });
    const shown = describeAuditEvent(createT("fr"), e, "fr").changes;
    expect(shown).toEqual(["autre champ : a → b", "Nom du DPO : Jean Dupont → Marie Curie"]);
    const text = JSON.stringify(shown);
    for (const raw of ["argon2id", "tok-", "passwordHash", "apiToken", "mysteryField", "nested"]) expect(text, raw).not.toContain(raw);
  });

  it("is recorded by the models: vendor and organization updates carry their changed values, long texts cut", async () => {
    const v = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    await updateVendor(admin.user.id, orgId, vendorId, v.version, {
      ...vendor("Éditeur Cantine"),
      country: "IE",
      dpaStatus: "SIGNED",
      dpaSignedAt: new Date("2026-11-30T00:00:00Z"),
      notes: "n".repeat(500),
    });
    const org = await getDb().organization.findUniqueOrThrow({ where: { id: orgId } });
    await updateOrganization(admin.user.id, orgId, org.version, { name: org.name, defaultLocale: "en", dpoName: "Marie Curie" });

    const vendorEvent = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: orgId, action: "vendor.updated" } });
    const values = (JSON.parse(vendorEvent.details) as { values: { field: string; from: string | null; to: string | null }[] }).values;
    expect(values.filter((c) => c.field !== "notes")).toEqual([
      { field: "country", from: "FR", to: "IE" },
      { field: "dpaStatus", from: "NONE", to: "SIGNED" },
      { field: "dpaSignedAt", from: null, to: "2026-11-30" },
    ]);
    const notes = values.find((c) => c.field === "notes")!;
    expect(notes.to).toHaveLength(AUDIT_VALUE_MAX_LENGTH);
    expect(notes.to!.endsWith("…")).toBe(true);

    const d = await load("?entity=Vendor");
    const updated = d.events.find((e) => e.action === "a modifié le prestataire")!;
    expect(updated.changes).toContain("Pays d'établissement : France → Irlande");
    expect(updated.changes).toContain("État du contrat : Aucun contrat → Signé");
    expect(updated.changes).toContain("Date de signature : (vide) → 30 nov. 2026");
    const orgEvents = await load("?entity=Organization");
    expect(orgEvents.events[0]!.changes).toContain("Langue par défaut des documents : Français → English");
    // People's contact details are named as changed, but their values stay out of the immutable chain.
    expect(JSON.stringify(orgEvents.events[0]!.changes)).not.toContain("Marie Curie");
    const orgEvent = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: orgId, action: "organization.updated" }, orderBy: { seq: "desc" } });
    expect(orgEvent.details).not.toContain("Marie Curie");
    expect((JSON.parse(orgEvent.details) as { fields: string[] }).fields).toContain("dpoName");
  });
});
