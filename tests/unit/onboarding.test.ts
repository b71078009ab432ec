/**
 * Issue 17, the first hour of a new organization: the checklist, creating activities with no
 * department, several drafts from templates at once, and the guided declaration reaching 100 %.
 */
import { describe, expect, it } from "vitest";
import { getActivityByRef } from "~/models/activity.server.ts";
import { dismissOnboarding, getOnboardingState } from "~/models/onboarding.server.ts";
import * as dashboard from "~/routes/o.$org._index.tsx";
import * as register from "~/routes/o.$org.activities._index.tsx";
import * as guided from "~/routes/o.$org.activities.$ref.guided.$step/route.tsx";
import * as onboardingRoute from "~/routes/o.$org.onboarding.ts";
import * as templateList from "~/routes/o.$org.templates._index.tsx";
import { computeCompleteness } from "~/domain/activity-rules.ts";
import { getDb } from "~/utils/db.server.ts";
import { COMPLETENESS_STEP, stepDefaults } from "~/domain/guided.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

/** A brand-new organization, as after setup: no departments, one DPO. */
async function freshOrg() {
  const db = getDb();
  const slug = `fresh-${Math.random().toString(36).slice(2, 10)}`;
  const org = await db.organization.create({ data: { name: "Commune neuve", slug, defaultLocale: "fr" } });
  const dpo = await signedInMember(org.id, "DPO");
  return { org, slug, dpo };
}

const auditCount = (organizationId: string) => getDb().auditEvent.count({ where: { organizationId } });

function fields(value: unknown, prefix: string, out: Record<string, string[]> = {}): Record<string, string[]> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) value.forEach((v, i) => fields(v, `${prefix}[${i}]`, out));
  else if (typeof value === "object") for (const [k, v] of Object.entries(value)) fields(v, prefix ? `${prefix}.${k}` : k, out);
  else if (typeof value === "boolean") {
    if (value) (out[prefix] ??= []).push("on");
  } else (out[prefix] ??= []).push(String(value));
  return out;
}

describe("onboarding checklist", () => {
  it("starts with every step to do, ticks steps from the data, and the dismissal persists", async () => {
    const { org, slug, dpo } = await freshOrg();
    const first = await getOnboardingState(org.id);
    expect(first.steps.map((s) => s.key)).toEqual(["identity", "departments", "members", "register", "vendors", "dpia", "publish"]);
    expect(first.steps.every((s) => !s.done)).toBe(true);
    expect(first.visible).toBe(true);

    const page = await call(dashboard.loader, request(`/o/${slug}`, { cookie: dpo.cookie }), { org: slug });
    expect(page.data).toMatchObject({ onboarding: { visible: true }, canCreate: true });

    await getDb().department.create({ data: { organizationId: org.id, name: "Accueil" } });
    await signedInMember(org.id, "EDITOR");
    const later = await getOnboardingState(org.id);
    expect(later.steps.filter((s) => s.done).map((s) => s.key)).toEqual(["departments", "members"]);

    // Only those who run the organization may hide it; a GET is refused.
    const viewer = await signedInMember(org.id, "VIEWER");
    const refused = await call(
      onboardingRoute.action,
      request(`/o/${slug}/onboarding`, { method: "POST", cookie: viewer.cookie, body: form({ intent: "dismiss" }) }),
      { org: slug },
    );
    expect(refused.status).toBe(403);
    expect((await getOnboardingState(org.id)).dismissed).toBe(false);
    const viewerPage = await call(dashboard.loader, request(`/o/${slug}`, { cookie: viewer.cookie }), { org: slug });
    expect(viewerPage.data).toMatchObject({ onboarding: null, canCreate: false });

    const before = await auditCount(org.id);
    const res = await call(
      onboardingRoute.action,
      request(`/o/${slug}/onboarding`, { method: "POST", cookie: dpo.cookie, body: form({ intent: "dismiss" }) }),
      { org: slug },
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${slug}`);
    await dismissOnboarding(dpo.user.id, org.id); // idempotent: no second event
    expect(await auditCount(org.id)).toBe(before + 1);
    const hidden = await call(dashboard.loader, request(`/o/${slug}`, { cookie: dpo.cookie }), { org: slug });
    expect(hidden.data).toMatchObject({ onboarding: { dismissed: true, visible: false } });
  });

  it("disappears once every step is done", async () => {
    const { org } = await freshOrg();
    const db = getDb();
    await db.organization.update({
      where: { id: org.id },
      data: {
        siren: "123456789",
        address: "1 place de la Mairie",
        legalRepresentative: "Le maire",
        dpoName: "D. P. O.",
        dpoEmail: "dpo@example.org",
        dpoCnilNumber: "DPO-1",
      },
    });
    await db.department.create({ data: { organizationId: org.id, name: "Accueil" } });
    await signedInMember(org.id, "EDITOR");
    const a = await db.activity.create({ data: { organizationId: org.id, seq: 1, ref: "T-0001", content: "{}", name: "X", isPublic: true } });
    await db.vendor.create({ data: { organizationId: org.id, name: "Éditeur", country: "FR" } });
    await db.screening.create({ data: { organizationId: org.id, activityId: a.id, result: "not_required" } });
    expect((await getOnboardingState(org.id)).visible).toBe(true); // the PDF is not exported yet
    await db.exportRecord.create({ data: { organizationId: org.id, format: "pdf", sha256: "0".repeat(64), size: 1, fileName: "r.pdf" } });
    const state = await getOnboardingState(org.id);
    expect(state.steps.every((s) => s.done)).toBe(true);
    expect(state.visible).toBe(false);
  });
});

describe("creating activities in a new organization", () => {
  it("the register offers creation to a DPO even with no departments", async () => {
    const { slug, dpo } = await freshOrg();
    const res = await call(register.loader, request(`/o/${slug}/activities`, { cookie: dpo.cookie }), { org: slug });
    expect(res.data).toMatchObject({ canCreate: true, canImport: true, total: 0 });
  });

  it("creates several drafts from templates at once, with no department", async () => {
    const { org, slug, dpo } = await freshOrg();
    const list = await call(templateList.loader, request(`/o/${slug}/templates`, { cookie: dpo.cookie }), { org: slug });
    expect(list.data).toMatchObject({ canCreate: true, allowNoDepartment: true, pickDepartments: [] });
    const post = (body: Record<string, string | string[]>, cookie = dpo.cookie) =>
      call(templateList.action, request(`/o/${slug}/templates`, { method: "POST", cookie, body: form(body) }), { org: slug });

    const none = await post({ departmentId: "" });
    expect(none.status).toBe(400);
    expect(fieldErrors(none.data, "template")).toEqual(["templatesPick.none"]);
    const unknown = await post({ template: ["etat-civil", "nope-nope"], departmentId: "" });
    expect(unknown.status).toBe(400);
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(0);

    const res = await post({ template: ["etat-civil", "listes-electorales", "archives"], departmentId: "" });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${slug}/activities?status=DRAFT`);
    const rows = await getDb().activity.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.ref)).toEqual(["T-0001", "T-0002", "T-0003"]);
    expect(rows.every((r) => r.status === "DRAFT" && r.departmentId === null && JSON.parse(r.prefilledPaths).length > 0)).toBe(true);
  });

  it("an EDITOR picks only in their departments; a foreign department writes nothing", async () => {
    const { org, departments } = await createOrg();
    const other = await createOrg();
    const editor = await signedInMember(org.id, "EDITOR", [departments[0]!.id]);
    const post = (body: Record<string, string | string[]>) =>
      call(templateList.action, request(`/o/${org.slug}/templates`, { method: "POST", cookie: editor.cookie, body: form(body) }), { org: org.slug });
    expect((await post({ template: ["etat-civil"], departmentId: "" })).status).toBe(400);
    expect((await post({ template: ["etat-civil"], departmentId: departments[1]!.id })).status).toBe(400);
    expect((await post({ template: ["etat-civil"], departmentId: other.departments[0]!.id })).status).toBe(400);
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(0);
    const ok = await post({ template: ["etat-civil", "archives"], departmentId: departments[0]!.id });
    expect(ok.status).toBe(302);
    expect(await getDb().activity.count({ where: { organizationId: org.id, departmentId: departments[0]!.id } })).toBe(2);
    const viewer = await signedInMember(org.id, "VIEWER");
    const refused = await call(
      templateList.action,
      request(`/o/${org.slug}/templates`, { method: "POST", cookie: viewer.cookie, body: form({ template: "etat-civil" }) }),
      { org: org.slug },
    );
    expect(refused.status).toBe(403);
  });
});

describe("guided declaration", () => {
  it("maps every always-applicable completeness item to a guided step", () => {
    for (const item of [
      "department",
      "purposes",
      "dataSubjects",
      "dataCategories",
      "retention",
      "recipients",
      "securityMeasures",
      "rights",
      "nextReview",
    ] as const) {
      expect(COMPLETENESS_STEP[item], item).toBeDefined();
    }
  });

  it("step 6 records the rights, the information and the review date; a step that changed nothing writes no event", async () => {
    const { org, departments } = await createOrg();
    const dpo = await signedInMember(org.id, "DPO");
    const post = (ref: string, step: number, body: Record<string, string | string[]>) =>
      call(guided.action, request(`/o/${org.slug}/activities/${ref}/guided/${step}`, { method: "POST", cookie: dpo.cookie, body: form(body) }), {
        org: org.slug,
        ref,
        step: String(step),
      });
    const created = await call(
      templateList.action,
      request(`/o/${org.slug}/templates`, { method: "POST", cookie: dpo.cookie, body: form({ template: "etat-civil", departmentId: departments[0]!.id }) }),
      { org: org.slug },
    );
    expect(created.status).toBe(302);
    const ref = "T-0001";
    let a = (await getActivityByRef(org.id, ref))!;
    const defaults = stepDefaults(6, a.parsed, a.departmentId) as { content: Record<string, unknown> };
    const body = {
      ...fields(defaults, ""),
      revision: String(a.revision),
      "content.rights.exercise": "Courrier à la mairie",
      "content.rights.information": "Mention sur le formulaire",
      "content.nextReviewAt": "2027-01-15",
    };
    const res = await post(ref, 6, body);
    expect(res.status).toBe(302);
    a = (await getActivityByRef(org.id, ref))!;
    expect(a.parsed.rights).toEqual({ exercise: "Courrier à la mairie", information: "Mention sur le formulaire" });
    expect(a.parsed.nextReviewAt).toBe("2027-01-15");
    const completeness = computeCompleteness(a.parsed, a.departmentId);
    expect(completeness.missing).not.toContain("rights");
    expect(completeness.missing).not.toContain("nextReview");

    // Every step posted again with what is saved: nothing changes, so nothing is written.
    const before = await auditCount(org.id);
    const revision = a.revision;
    for (const step of [1, 2, 3, 4, 5, 6] as const) {
      const current = (await getActivityByRef(org.id, ref))!;
      const again = await post(ref, step, { ...fields(stepDefaults(step, current.parsed, current.departmentId), ""), revision: String(current.revision) });
      expect(again.status, `step ${step}`).toBe(302);
    }
    expect(await auditCount(org.id)).toBe(before);
    expect((await getActivityByRef(org.id, ref))!.revision).toBe(revision);
  });
});
