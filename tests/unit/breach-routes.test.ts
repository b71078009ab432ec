/** Breach register routes: authorization matrix (every route × role, cross-organization), vendor scope, workflow, locking, drafts. */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { addLocation, createService, createVendor, linkActivity } from "~/models/vendor.server.ts";
import * as detail from "~/routes/o.$org.breaches.$ref.tsx";
import * as draft from "~/routes/o.$org.breaches.$ref.draft.ts";
import * as exportRoute from "~/routes/o.$org.breaches.export.ts";
import { createShareLink, openShareLink } from "~/models/export-log.server.ts";
import * as edit from "~/routes/o.$org.breaches.$ref.edit.tsx";
import * as list from "~/routes/o.$org.breaches._index.tsx";
import * as create from "~/routes/o.$org.breaches.new.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let depA: string;
let depB: string;
let vendorC: string;
const callers = {} as Record<Who | "EDITOR_B", { cookie?: string }>;
let refA: string; // reported by the EDITOR of department A
let refB: string; // department B

const vendorInput = (name: string, country = "FR") => vendorFields(name, { country });

function facts(over: Record<string, string | string[]> = {}) {
  return form({
    title: "Courriel mal adressé",
    discoveredAt: "2026-03-02T09:00",
    awareAt: "2026-03-02T10:00",
    nature: "confidentiality",
    description: "Un tableau envoyé au mauvais destinataire.",
    ...over,
  });
}
const post = (url: string, who: keyof typeof callers, body: FormData) => request(url, { method: "POST", cookie: callers[who].cookie, body });
const get = (url: string, who: keyof typeof callers) => request(url, { cookie: callers[who].cookie });

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  depA = departments[0]!.id;
  depB = departments[1]!.id;
  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.EDITOR = { cookie: (await signedInMember(org.id, "EDITOR", [depA])).cookie };
  callers.EDITOR_B = { cookie: (await signedInMember(org.id, "EDITOR", [depB])).cookie };
  callers.ANONYMOUS = {};
  const outsider = await createOrg();
  callers.OUTSIDER = { cookie: (await signedInMember(outsider.org.id, "ADMIN")).cookie };

  // Vendor graph: "Portail" (vendor P) runs on "IaaS" (vendor C); "Paie" uses Portail, "Archives" uses IaaS directly, "Voirie" uses neither.
  const actor = (await createUser()).id;
  const c = await createVendor(actor, orgId, vendorInput("Hébergeur C"));
  vendorC = c.id;
  const iaas = await createService(actor, orgId, c.id, { name: "IaaS", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  const p = await createVendor(actor, orgId, vendorInput("Éditeur P"));
  const portail = await createService(actor, orgId, p.id, { name: "Portail", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  await addLocation(actor, orgId, portail.id, {
    role: "STORAGE",
    country: "FR",
    region: null,
    providerServiceId: iaas.id,
    safeguard: null,
    tiaDone: false,
    safeguardUrl: null,
  });
  const mk = async (name: string, dep: string, subjects: { category: string; estimatedCount?: number }[], categories: string[]) =>
    createActivity(actor, orgId, {
      departmentId: dep,
      content: ActivityContentSchema.parse({ name, dataSubjects: subjects, dataCategories: categories.map((category) => ({ category })) }),
    });
  const paie = await mk("Paie des agents", depA, [{ category: "agents", estimatedCount: 250 }], ["identity", "economic"]);
  const archives = await mk("Archives numériques", depB, [{ category: "residents", estimatedCount: 12000 }], ["identity", "health"]);
  await mk("Voirie", depA, [], ["identity"]);
  await linkActivity(actor, orgId, paie.id, { serviceId: portail.id }, "PROCESSOR");
  await linkActivity(actor, orgId, archives.id, { serviceId: iaas.id }, "HOSTING");

  const a = await call(create.action, post(`/o/${slug}/breaches/new`, "EDITOR", facts({ departmentId: depA })), { org: slug });
  expect(a.status).toBe(302);
  refA = a.location!.split("/").pop()!;
  const b = await call(create.action, post(`/o/${slug}/breaches/new`, "DPO", facts({ departmentId: depB, title: "Panne" })), { org: slug });
  refB = b.location!.split("/").pop()!;
});

describe("authorization matrix", () => {
  it("every breach route × role, including another organization's members", async () => {
    const p = (sub: string) => (s: string) => `/o/${s}/breaches${sub}`;
    const params = (ref?: string) => (s: string) => ({ org: s, ...(ref ? { ref } : {}) });
    const rows: MatrixRow[] = [
      {
        name: "list",
        handler: list.loader,
        path: p(""),
        params: params(),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "new",
        handler: create.loader,
        path: p("/new"),
        params: params(),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "new (vendor)",
        handler: create.loader,
        path: (s) => `/o/${s}/breaches/new?vendor=${vendorC}`,
        params: params(),
        expect: { DPO: 200, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "report",
        handler: create.action,
        method: "POST",
        path: p("/new"),
        params: params(),
        body: () => facts({ departmentId: depB }),
        expect: { ADMIN: 302, DPO: 302, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "detail (own dept)",
        handler: detail.loader,
        path: p(`/${refA}`),
        params: params(refA),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "detail (other dept)",
        handler: detail.loader,
        path: p(`/${refB}`),
        params: params(refB),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "comment (own dept)",
        handler: detail.action,
        method: "POST",
        path: p(`/${refA}`),
        params: params(refA),
        body: () => form({ intent: "comment", body: "vu" }),
        expect: { DPO: 302, EDITOR: 302, VIEWER: 403, OUTSIDER: 404, ANONYMOUS: 302 },
      },
      {
        name: "assess",
        handler: detail.action,
        method: "POST",
        path: p(`/${refA}`),
        params: params(refA),
        body: () => form({ intent: "close", revision: "1" }),
        expect: { EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "edit",
        handler: edit.loader,
        path: p(`/${refA}/edit`),
        params: params(refA),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "edit (post)",
        handler: edit.action,
        method: "POST",
        path: p(`/${refB}/edit`),
        params: params(refB),
        body: () => facts(),
        expect: { EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "draft",
        handler: draft.loader,
        path: p(`/${refA}/draft?doc=cnil&format=txt`),
        params: params(refA),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
        // The drafted notification of this breach, as text.
        shows: mentions([() => refA]),
      },
      { name: "unknown breach", handler: detail.loader, path: p("/V-9999"), params: params("V-9999"), expect: { DPO: 404, OUTSIDER: 404 } },
    ];
    await checkMatrix(rows, callers, slug);
  });

  it("an EDITOR only sees their departments' breaches in the list and cannot report for another department", async () => {
    const mine = await call(list.loader, get(`/o/${slug}/breaches`, "EDITOR"), { org: slug });
    expect((mine.data as { rows: { ref: string }[] }).rows.map((r) => r.ref)).toEqual([refA]);
    const b = await call(list.loader, get(`/o/${slug}/breaches`, "EDITOR_B"), { org: slug });
    expect((b.data as { rows: { ref: string }[] }).rows.map((r) => r.ref)).not.toContain(refA);
    const none = await call(create.action, post(`/o/${slug}/breaches/new`, "EDITOR", facts()), { org: slug });
    expect(none.status).toBe(403);
    expect(fieldErrors(none.data, "departmentId")).toEqual(["errors.breachDepartment"]);
  });
});

describe("report from a vendor", () => {
  it("lists every activity using the vendor directly or through sub-processors, and prefills data and subjects", async () => {
    const r = await call(create.loader, get(`/o/${slug}/breaches/new?vendor=${vendorC}`, "DPO"), { org: slug });
    const d = r.data as {
      scope: { name: string; direct: boolean; via: string[]; people: number | null }[];
      defaults: { activityIds: string[]; dataCategories: string[]; subjects: { category: string; count: number | null }[] };
    };
    expect(d.scope.map((s) => [s.name, s.direct, s.via.join(">")])).toEqual([
      ["Paie des agents", false, "Éditeur P>Hébergeur C"],
      ["Archives numériques", true, "Hébergeur C"],
    ]);
    expect(d.defaults.activityIds).toHaveLength(2);
    expect(d.defaults.dataCategories.sort()).toEqual(["economic", "health", "identity"]);
    expect(d.defaults.subjects).toEqual([
      { category: "agents", count: 250 },
      { category: "residents", count: 12000 },
    ]);
    // An EDITOR sees only their own departments' activities in the scope.
    const e = await call(create.loader, get(`/o/${slug}/breaches/new?vendor=${vendorC}`, "EDITOR"), { org: slug });
    expect((e.data as { scope: { name: string }[] }).scope.map((s) => s.name)).toEqual(["Paie des agents"]);
    const unknown = await call(create.loader, get(`/o/${slug}/breaches/new?vendor=nope`, "DPO"), { org: slug });
    expect(unknown.status).toBe(404);
  });

  it("a report with activities but no data prefills them from the activities", async () => {
    const scope = await call(create.loader, get(`/o/${slug}/breaches/new?vendor=${vendorC}`, "DPO"), { org: slug });
    const ids = (scope.data as { defaults: { activityIds: string[] } }).defaults.activityIds;
    const r = await call(create.action, post(`/o/${slug}/breaches/new`, "DPO", facts({ title: "Rançongiciel", activityIds: ids, fromVendor: vendorC })), {
      org: slug,
    });
    expect(r.status).toBe(302);
    const ref = r.location!.split("/").pop()!;
    const b = await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    const content = JSON.parse(b.content) as { dataCategories: string[]; subjects: unknown[]; approxPeople: number; vendorIds: string[] };
    expect(content.dataCategories.sort()).toEqual(["economic", "health", "identity"]);
    expect(content.approxPeople).toBe(12250);
    expect(content.vendorIds).toEqual([vendorC]);
    expect(b.vendorId).toBe(vendorC);
  });
});

describe("validation", () => {
  it("refuses bad input with translated errors and writes nothing", async () => {
    const before = await getDb().breach.count({ where: { organizationId: orgId } });
    const r = await call(
      create.action,
      post(`/o/${slug}/breaches/new`, "DPO", facts({ nature: [], awareAt: "2026-03-01T10:00", discoveredAt: "not a date" })),
      { org: slug },
    );
    expect(r.status).toBe(400);
    expect(fieldErrors(r.data, "nature")).toEqual(["errors.breachNature"]);
    expect(fieldErrors(r.data, "discoveredAt")).toEqual(["errors.datetime"]);
    const r2 = await call(create.action, post(`/o/${slug}/breaches/new`, "DPO", facts({ discoveredAt: "2026-03-02T09:00", awareAt: "2026-03-01T10:00" })), {
      org: slug,
    });
    expect(fieldErrors(r2.data, "awareAt")).toEqual(["errors.breachAwareBeforeDiscovery"]);
    const r3 = await call(create.action, post(`/o/${slug}/breaches/new`, "DPO", facts({ departmentId: "forged" })), { org: slug });
    expect(r3.status).toBe(400);
    expect(formErrors(r3.data)).toEqual(["errors.breachDepartment"]);
    expect(await getDb().breach.count({ where: { organizationId: orgId } })).toBe(before);
  });
});

describe("workflow: assess, notify within the clock, complementary, close", () => {
  const assessForm = (revision: number, over: Record<string, string> = {}) =>
    form({
      intent: "assess",
      revision: String(revision),
      "enisa.dpc": "4",
      "enisa.ei": "0.75",
      "enisa.confidentiality": "0.5",
      "enisa.integrity": "0",
      "enisa.availability": "0",
      risk: "HIGH",
      reasoning: "Données de santé lisibles par un tiers.",
      notifyCnil: "yes",
      notifyReasoning: "Risque pour les droits des personnes.",
      informSubjects: "yes",
      informReasoning: "Risque élevé.",
      ...over,
    });
  const rev = async (ref: string) => (await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } })).revision;

  it("runs the states with versions, audit and optimistic locking", async () => {
    const ref = refA;
    const url = `/o/${slug}/breaches/${ref}`;
    // Notifying before the assessment is refused.
    expect(
      (
        await call(detail.action, post(url, "DPO", form({ intent: "notify", revision: String(await rev(ref)), kind: "INITIAL", sentAt: "2026-03-03T10:00" })), {
          org: slug,
          ref,
        })
      ).status,
    ).toBe(409);
    const r1 = await rev(ref);
    const bad = await call(detail.action, post(url, "DPO", assessForm(r1, { informSubjects: "no" })), { org: slug, ref });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "exemption")).toEqual(["errors.breachExemptionNeeded"]);
    expect((await call(detail.action, post(url, "DPO", assessForm(r1)), { org: slug, ref })).status).toBe(302);
    // A second writer with the old revision gets a conflict, nothing is written.
    const stale = await call(detail.action, post(url, "ADMIN", assessForm(r1, { risk: "RISK", informSubjects: "no" })), { org: slug, ref });
    expect(stale.status).toBe(409);
    expect(formErrors(stale.data)).toEqual(["errors.breachConflict"]);
    let b = await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect([b.status, b.risk]).toEqual(["ASSESSED", "HIGH"]);
    // Late initial notification (aware 2026-03-02 10:00 Paris) without reasons is refused.
    const late = await call(
      detail.action,
      post(url, "DPO", form({ intent: "notify", revision: String(b.revision), kind: "INITIAL", sentAt: "2026-03-05T11:00" })),
      { org: slug, ref },
    );
    expect(late.status).toBe(400);
    expect(formErrors(late.data)).toEqual(["errors.breachDelayReason"]);
    const comp = await call(
      detail.action,
      post(url, "DPO", form({ intent: "notify", revision: String(b.revision), kind: "COMPLEMENTARY", sentAt: "2026-03-04T11:00" })),
      { org: slug, ref },
    );
    expect(formErrors(comp.data)).toEqual(["errors.breachInitialFirst"]);
    expect(
      (
        await call(
          detail.action,
          post(url, "DPO", form({ intent: "notify", revision: String(b.revision), kind: "INITIAL", sentAt: "2026-03-04T09:30", reference: "CNIL-123" })),
          { org: slug, ref },
        )
      ).status,
    ).toBe(302);
    b = await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect(b.status).toBe("NOTIFIED");
    expect(
      (
        await call(
          detail.action,
          post(url, "DPO", form({ intent: "notify", revision: String(b.revision), kind: "COMPLEMENTARY", sentAt: "2026-03-10T09:30" })),
          { org: slug, ref },
        )
      ).status,
    ).toBe(302);
    const page = await call(detail.loader, get(url, "EDITOR"), { org: slug, ref });
    const pd = page.data as { clock: { state: string }; can: { manage: boolean; comment: boolean; drafts: boolean } };
    expect(pd.clock.state).toBe("notified_in_time");
    expect(pd.can).toMatchObject({ manage: false, comment: true, drafts: false });
    b = await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect((await call(detail.action, post(url, "DPO", form({ intent: "close", revision: String(b.revision) })), { org: slug, ref })).status).toBe(302);
    b = await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect(b.status).toBe("CLOSED");
    const versions = await getDb().breachVersion.findMany({ where: { breachId: b.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.status)).toEqual(["OPEN", "ASSESSED", "NOTIFIED", "NOTIFIED", "CLOSED"]);
    const audit = await getDb().auditEvent.findMany({ where: { organizationId: orgId, entity: "Breach", entityId: b.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "breach.reported",
      "breach.commented",
      "breach.commented",
      "breach.assessed",
      "breach.notified",
      "breach.notified",
      "breach.closed",
    ]);
    // Closed: no more edits.
    expect((await call(edit.loader, get(`${url}/edit`, "DPO"), { org: slug, ref })).status).toBe(403);
  });

  it("a breach decided not to notify moves to NOT_NOTIFIED, never with a notify decision", async () => {
    const ref = refB;
    const url = `/o/${slug}/breaches/${ref}`;
    const r = await rev(ref);
    expect(
      (await call(detail.action, post(url, "DPO", assessForm(r, { risk: "RISK", notifyCnil: "yes", informSubjects: "no" })), { org: slug, ref })).status,
    ).toBe(302);
    const refused = await call(detail.action, post(url, "DPO", form({ intent: "notNotified", revision: String(await rev(ref)) })), { org: slug, ref });
    expect(refused.status).toBe(400);
    expect(formErrors(refused.data)).toEqual(["errors.breachDecisionIsNotify"]);
    expect(
      (
        await call(
          detail.action,
          post(url, "DPO", assessForm(await rev(ref), { risk: "NONE", notifyCnil: "no", informSubjects: "no", "enisa.dpc": "1", "enisa.ei": "0.25" })),
          { org: slug, ref },
        )
      ).status,
    ).toBe(302);
    expect((await call(detail.action, post(url, "DPO", form({ intent: "notNotified", revision: String(await rev(ref)) })), { org: slug, ref })).status).toBe(
      302,
    );
    expect((await getDb().breach.findFirstOrThrow({ where: { organizationId: orgId, ref } })).status).toBe("NOT_NOTIFIED");
  });
});

describe("drafts", () => {
  it("the CNIL notification follows the form's section order; the letter exists in French and English; PDFs are PDFs", async () => {
    const url = `/o/${slug}/breaches/${refA}/draft`;
    const txt = await call(draft.loader, get(`${url}?doc=cnil&format=txt&lang=fr`, "DPO"), { org: slug, ref: refA });
    expect(txt.status).toBe(200);
    const text = txt.text!;
    const order = [
      "Type de notification",
      "Organisme responsable du traitement",
      "Chronologie",
      "Nature et circonstances",
      "Données concernées",
      "Personnes concernées",
      "Conséquences probables",
      "Mesures prises",
      "Information des personnes",
      "Aspects transfrontaliers",
    ].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("CNIL-123");
    expect(text).toContain("Courriel mal adressé");
    const en = await call(draft.loader, get(`${url}?doc=letter&format=txt&lang=en`, "DPO"), { org: slug, ref: refA });
    expect(en.text).toContain("lodge a complaint with the CNIL");
    const fr = await call(draft.loader, get(`${url}?doc=letter&format=txt&lang=fr`, "DPO"), { org: slug, ref: refA });
    expect(fr.text).toContain("réclamation à la CNIL");
    const pdf = await call(draft.loader, get(`${url}?doc=letter&format=pdf&lang=fr`, "DPO"), { org: slug, ref: refA });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.raw!.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await call(draft.loader, get(`${url}?doc=other&format=txt`, "DPO"), { org: slug, ref: refA })).status).toBe(400);
  }, 60_000);
});

describe("breach register exports", () => {
  it("PDF, CSV and XLSX for DPO and ADMIN only, each listed in the export log and shareable on its own", async () => {
    const rows: MatrixRow[] = [
      {
        name: "export csv",
        handler: exportRoute.loader,
        path: (s) => `/o/${s}/breaches/export?format=csv&lang=fr`,
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
        // The register itself, recorded in the export log.
        writes: true,
        shows: mentions(["Courriel mal adressé"]),
      },
    ];
    await checkMatrix(rows, callers, slug);
    const csv = await call(exportRoute.loader, get(`/o/${slug}/breaches/export?format=csv&lang=fr`, "DPO"), { org: slug });
    expect(csv.text).toContain("Courriel mal adressé");
    expect(csv.text).toContain("Notification initiale");
    expect(csv.text).toContain("CNIL-123");
    const xlsx = await call(exportRoute.loader, get(`/o/${slug}/breaches/export?format=xlsx`, "DPO"), { org: slug });
    expect(
      Buffer.from(await xlsx.raw!.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const pdf = await call(exportRoute.loader, get(`/o/${slug}/breaches/export?format=pdf`, "DPO"), { org: slug });
    expect(
      Buffer.from(await pdf.raw!.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await call(exportRoute.loader, get(`/o/${slug}/breaches/export?format=json`, "DPO"), { org: slug })).status).toBe(400);
    const logged = await getDb().exportRecord.findMany({ where: { organizationId: orgId, format: { startsWith: "breach-" } }, orderBy: { createdAt: "asc" } });
    expect(logged.map((r) => r.format)).toEqual(["breach-csv", "breach-csv", "breach-csv", "breach-xlsx", "breach-pdf"]);
    const actor = (await getDb().user.findFirstOrThrow()).id;
    const { token } = await createShareLink(actor, orgId, logged.at(-1)!.id, {
      recipient: "CNIL",
      expiresAt: new Date(Date.now() + 86400_000),
      passphrase: null,
    });
    const opened = await openShareLink(token, null, { ipAddress: null, userAgent: null });
    expect(opened.status).toBe("ok");
    expect(opened.status === "ok" && opened.format).toBe("breach-pdf");
  }, 60_000);
});
