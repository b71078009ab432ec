/**
 * Template library and guided declaration, through the routes' loaders and actions on the real
 * SQLite test database: starting a draft from a template, the seven steps (each saves only its own
 * fields, validates, advances, detects a stale revision), submission, and the confirmation of
 * prefilled sections in the full form.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, getActivityByRef } from "~/models/activity.server.ts";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import * as activityEdit from "~/routes/o.$org.activities.$ref.edit.tsx";
import * as guided from "~/routes/o.$org.activities.$ref.guided.$step/route.tsx";
import * as activityNew from "~/routes/o.$org.activities.new.tsx";
import * as templateList from "~/routes/o.$org.templates._index.tsx";
import * as templatePage from "~/routes/o.$org.templates.$id.tsx";
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { filledContentKeys, parsePrefilledPaths } from "~/domain/prefilled.ts";
import { findTemplate } from "~/domain/templates.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let ownDep: string;
let otherDep: string;
let editor: { cookie: string; userId: string };
let otherEditor: { cookie: string };
let viewer: { cookie: string };
let dpo: { cookie: string };

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  ownDep = departments[0]!.id;
  otherDep = departments[1]!.id;
  const e = await signedInMember(org.id, "EDITOR", [ownDep]);
  editor = { cookie: e.cookie, userId: e.user.id };
  otherEditor = { cookie: (await signedInMember(org.id, "EDITOR", [otherDep])).cookie };
  viewer = { cookie: (await signedInMember(org.id, "VIEWER")).cookie };
  dpo = { cookie: (await signedInMember(org.id, "DPO")).cookie };
});

const template = () => findTemplate("etat-civil")!;

/** Conform field names for a value: { a: { b: [x] } } -> { "a.b[0]": x }; true -> "on", false -> absent. */
function fields(value: unknown, prefix: string, out: Record<string, string[]> = {}): Record<string, string[]> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) value.forEach((v, i) => fields(v, `${prefix}[${i}]`, out));
  else if (typeof value === "object") for (const [k, v] of Object.entries(value)) fields(v, prefix ? `${prefix}.${k}` : k, out);
  else if (typeof value === "boolean") {
    if (value) (out[prefix] ??= []).push("on");
  } else (out[prefix] ??= []).push(String(value));
  return out;
}

async function startFromTemplate(cookie: string, body: Record<string, string>, id = "etat-civil") {
  return call(templatePage.action, request(`/o/${slug}/templates/${id}`, { method: "POST", cookie, body: form(body) }), { org: slug, id });
}

/** A fresh draft from the etat-civil template, in the editor's department. */
async function draft(): Promise<string> {
  const res = await startFromTemplate(editor.cookie, { departmentId: ownDep });
  expect(res.status).toBe(302);
  return /activities\/(T-\d+)\/guided\/1$/.exec(res.location!)![1]!;
}

async function load(ref: string) {
  return (await getActivityByRef(orgId, ref))!;
}

function postStep(ref: string, step: number, body: Record<string, string | string[]>, cookie = editor.cookie) {
  return call(guided.action, request(`/o/${slug}/activities/${ref}/guided/${step}`, { method: "POST", cookie, body: form(body) }), {
    org: slug,
    ref,
    step: String(step),
  });
}

/** Everything but `keys` is unchanged. */
function expectUnchangedExcept(before: ActivityContent, after: ActivityContent, keys: (keyof ActivityContent)[]) {
  const strip = (c: ActivityContent) => Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k as keyof ActivityContent)));
  expect(strip(after)).toEqual(strip(before));
}

describe("template library", () => {
  it("every member may browse; the search ignores accents and case; the department filter applies", async () => {
    for (const cookie of [editor.cookie, viewer.cookie, dpo.cookie]) {
      const res = await call(templateList.loader, request(`/o/${slug}/templates`, { cookie }), { org: slug });
      expect(res.status).toBe(200);
      expect((res.data as { rows: unknown[] }).rows).toHaveLength(40);
    }
    const viewerList = await call(templateList.loader, request(`/o/${slug}/templates`, { cookie: viewer.cookie }), { org: slug });
    expect((viewerList.data as { canCreate: boolean }).canCreate).toBe(false);

    const search = await call(templateList.loader, request(`/o/${slug}/templates?q=ETAT+civil`, { cookie: editor.cookie }), { org: slug });
    const ids = (search.data as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids).toContain("etat-civil");

    const byDep = await call(templateList.loader, request(`/o/${slug}/templates?department=elections`, { cookie: editor.cookie }), { org: slug });
    const rows = (byDep.data as { rows: { id: string; department: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.department === "Élections")).toBe(true);

    const bad = await call(templateList.loader, request(`/o/${slug}/templates?department=nope`, { cookie: editor.cookie }), { org: slug });
    expect(bad.data).toMatchObject({ invalidQuery: true });
    expect((bad.data as { rows: unknown[] }).rows).toHaveLength(40);
  });

  it("previews a template in the user's language; an unknown template is a 404", async () => {
    const res = await call(templatePage.loader, request(`/o/${slug}/templates/etat-civil`, { cookie: viewer.cookie }), { org: slug, id: "etat-civil" });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ canCreate: false, template: { title: template().title.fr, toVerify: template().toVerify.fr } });
    const missing = await call(templatePage.loader, request(`/o/${slug}/templates/nope`, { cookie: viewer.cookie }), { org: slug, id: "nope" });
    expect(missing.status).toBe(404);
  });

  it("an EDITOR starts a draft in their department with the template's French content and prefilled paths", async () => {
    const res = await startFromTemplate(editor.cookie, { departmentId: ownDep });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^/o/${slug}/activities/T-\\d+/guided/1$`));
    expect(res.headers.get("Set-Cookie")).toContain("registre_toast");
    const ref = /activities\/(T-\d+)\//.exec(res.location!)![1]!;
    const a = await load(ref);
    expect(a.status).toBe("DRAFT");
    expect(a.departmentId).toBe(ownDep);
    expect(a.parsed).toEqual(template().content.fr);
    const prefilled = parsePrefilledPaths(a.prefilledPaths);
    expect(prefilled).toEqual(filledContentKeys(template().content.fr));
    expect(prefilled).toEqual(
      expect.arrayContaining(["description", "purposes", "legalBases", "dataSubjects", "dataCategories", "recipients", "securityMeasures", "rights"]),
    );
    expect(prefilled).not.toContain("name");
  });

  it("a name replaces the template's title; an English user gets the English content", async () => {
    const en = await signedInMember(orgId, "DPO");
    await getDb().user.update({ where: { id: en.user.id }, data: { locale: "en" } });
    const res = await startFromTemplate(en.cookie, { departmentId: "", name: "  Civil registers  " });
    expect(res.status).toBe(302);
    const a = await load(/activities\/(T-\d+)\//.exec(res.location!)![1]!);
    expect(a.departmentId).toBeNull();
    expect(a.parsed).toEqual({ ...template().content.en, name: "Civil registers" });
  });

  it("refuses an EDITOR of another department (400), an EDITOR without department (400) and a VIEWER (403)", async () => {
    const count = await getDb().activity.count({ where: { organizationId: orgId } });
    const other = await startFromTemplate(otherEditor.cookie, { departmentId: ownDep });
    expect(other.status).toBe(400);
    expect(fieldErrors(other.data, "departmentId")).toEqual(["errors.departmentNotAllowed"]);
    const none = await startFromTemplate(editor.cookie, { departmentId: "" });
    expect(none.status).toBe(400);
    const v = await startFromTemplate(viewer.cookie, { departmentId: ownDep });
    expect(v.status).toBe(403);
    const unknown = await startFromTemplate(editor.cookie, { departmentId: ownDep }, "nope");
    expect(unknown.status).toBe(404);
    expect(await getDb().activity.count({ where: { organizationId: orgId } })).toBe(count);
  });
});

describe("guided declaration", () => {
  it("opens each step for those who may edit: 403 for a VIEWER or another department, 404 for a step that does not exist", async () => {
    const ref = await draft();
    const get = (cookie: string, step: string) =>
      call(guided.loader, request(`/o/${slug}/activities/${ref}/guided/${step}`, { cookie }), { org: slug, ref, step });
    for (const step of ["1", "2", "3", "4", "5", "6", "7"]) expect((await get(editor.cookie, step)).status).toBe(200);
    expect((await get(dpo.cookie, "3")).status).toBe(200);
    expect((await get(viewer.cookie, "1")).status).toBe(403);
    expect((await get(otherEditor.cookie, "1")).status).toBe(403);
    expect((await get(editor.cookie, "8")).status).toBe(404);
    expect((await get(editor.cookie, "0")).status).toBe(404);
    expect((await postStep(ref, 1, { revision: "1", departmentId: ownDep, "content.name": "Piraté" }, viewer.cookie)).status).toBe(403);
    expect((await postStep(ref, 1, { revision: "1", departmentId: ownDep, "content.name": "Piraté" }, otherEditor.cookie)).status).toBe(403);
    expect((await load(ref)).revision).toBe(1);
  });

  it("step 1 saves only identity and purposes, then goes to step 2; 'previous' saves and goes back", async () => {
    const ref = await draft();
    const before = (await load(ref)).parsed;
    const res = await postStep(ref, 1, {
      revision: "1",
      nav: "next",
      departmentId: ownDep,
      "content.name": "État civil de Saint-Paul",
      "content.description": "Actes et mentions",
      "content.internalContact": "",
      "content.implementationDate": "2019-03-01",
      "content.purposes.main": "Tenir les registres",
      "content.purposes.sub[0]": "Délivrer les copies",
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${slug}/activities/${ref}/guided/2`);
    const a = await load(ref);
    expect(a.revision).toBe(2);
    expect(a.name).toBe("État civil de Saint-Paul");
    expect(a.parsed).toMatchObject({
      description: "Actes et mentions",
      implementationDate: "2019-03-01",
      purposes: { main: "Tenir les registres", sub: ["Délivrer les copies"] },
    });
    expect(a.parsed.internalContact).toBeUndefined();
    expectUnchangedExcept(before, a.parsed, ["name", "description", "internalContact", "implementationDate", "purposes"]);

    const back = await postStep(ref, 2, {
      revision: "2",
      nav: "prev",
      ...fields(
        {
          dataSubjects: a.parsed.dataSubjects,
          dataCategories: a.parsed.dataCategories.map(({ category, description, source }) => ({ category, description, source })),
        },
        "content",
      ),
    });
    expect(back.status).toBe(302);
    expect(back.location).toBe(`/o/${slug}/activities/${ref}/guided/1`);
    // Nothing changed: no new revision.
    expect((await load(ref)).revision).toBe(2);
  });

  it("step 1 refuses a department that is not the EDITOR's (400, nothing saved)", async () => {
    const ref = await draft();
    const res = await postStep(ref, 1, { revision: "1", departmentId: otherDep, "content.name": "Ailleurs" });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "departmentId")).toEqual(["errors.departmentNotAllowed"]);
    const a = await load(ref);
    expect(a).toMatchObject({ revision: 1, departmentId: ownDep, name: template().content.fr.name });
  });

  it("bad input answers 400 with message keys and saves nothing", async () => {
    const ref = await draft();
    const empty = await postStep(ref, 1, { revision: "1", departmentId: ownDep, "content.name": "  ", "content.implementationDate": "03/2019" });
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty.data, "content.name")).toEqual(["errors.required"]);
    expect(fieldErrors(empty.data, "content.implementationDate")).toEqual(["errors.date"]);

    const count = await postStep(ref, 2, {
      revision: "1",
      "content.dataSubjects[0].category": "residents",
      "content.dataSubjects[0].estimatedCount": "beaucoup",
    });
    expect(count.status).toBe(400);
    expect(fieldErrors(count.data, "content.dataSubjects[0].estimatedCount")).toEqual(["errors.number"]);

    const dup = await postStep(ref, 2, { revision: "1", "content.dataCategories[0].category": "identity", "content.dataCategories[1].category": "identity" });
    expect(dup.status).toBe(400);
    expect(fieldErrors(dup.data, "content.dataCategories[1].category")).toEqual(["errors.duplicateCategory"]);

    const basis = await postStep(ref, 3, { revision: "1", "content.legalBases[0].basis": "z" });
    expect(basis.status).toBe(400);
    expect(fieldErrors(basis.data, "content.legalBases[0].basis")).toEqual(["errors.choice"]);

    const fate = await postStep(ref, 4, {
      revision: "1",
      "content.dataCategories[0].category": "identity",
      "content.dataCategories[0].retention.finalFate": "burn",
    });
    expect(fate.status).toBe(400);
    expect(fieldErrors(fate.data, "content.dataCategories[0].retention.finalFate")).toEqual(["errors.choice"]);

    const url = await postStep(ref, 5, {
      revision: "1",
      "content.transfers[0].country": "USA",
      "content.transfers[0].recipient": "X",
      "content.transfers[0].safeguard": "scc",
      "content.transfers[0].documentationUrl": "ftp://x",
    });
    expect(url.status).toBe(400);
    expect(fieldErrors(url.data, "content.transfers[0].country")).toEqual(["errors.country"]);
    expect(fieldErrors(url.data, "content.transfers[0].documentationUrl")).toEqual(["errors.url"]);

    const measure = await postStep(ref, 6, { revision: "1", "content.securityMeasures[0].measure": "" });
    expect(measure.status).toBe(400);

    const a = await load(ref);
    expect(a.revision).toBe(1);
    expect(a.parsed).toEqual(template().content.fr);
  });

  it("step 2 replaces people and data but keeps each remaining category's retention; other keys unchanged", async () => {
    const ref = await draft();
    const before = (await load(ref)).parsed;
    const identity = before.dataCategories.find((d) => d.category === "identity")!;
    const res = await postStep(ref, 2, {
      revision: "1",
      "content.dataSubjects[0].category": "residents",
      "content.dataSubjects[0].description": "Habitants",
      "content.dataSubjects[0].estimatedCount": "12000",
      "content.dataCategories[0].category": "identity",
      "content.dataCategories[0].description": "Nom, prénoms",
      "content.dataCategories[0].source": "Déclarants",
      "content.dataCategories[1].category": "health",
      "content.dataCategories[1].description": "Causes de décès",
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${slug}/activities/${ref}/guided/3`);
    const a = await load(ref);
    expect(a.parsed.dataSubjects).toEqual([{ category: "residents", description: "Habitants", estimatedCount: 12000 }]);
    expect(a.parsed.dataCategories).toEqual([
      { category: "identity", description: "Nom, prénoms", source: "Déclarants", retention: identity.retention },
      { category: "health", description: "Causes de décès", retention: {} },
    ]);
    expect(a.hasSensitive).toBe(true);
    expectUnchangedExcept(before, a.parsed, ["dataSubjects", "dataCategories"]);

    // Sensitive data now applies: step 3 shows and saves the Art. 9 conditions.
    const legal = await call(guided.loader, request(`/o/${slug}/activities/${ref}/guided/3`, { cookie: editor.cookie }), { org: slug, ref, step: "3" });
    expect(legal.data).toMatchObject({ applies: { art9: true, art10: false } });
    const step3 = await postStep(ref, 3, {
      revision: "2",
      "content.legalBases[0].basis": "c",
      "content.legalBases[0].text": "Code civil, art. 34",
      "content.art9Conditions[0].condition": "g",
      "content.art9Conditions[0].text": "Code civil",
      // Not shown (no offence data): ignored.
      "content.art10Basis": "Code de la sécurité intérieure",
    });
    expect(step3.status).toBe(302);
    const b = await load(ref);
    expect(b.parsed.legalBases).toEqual([{ basis: "c", text: "Code civil, art. 34" }]);
    expect(b.parsed.art9Conditions).toEqual([{ condition: "g", text: "Code civil" }]);
    expect(b.parsed.art10Basis).toBeUndefined();
    expectUnchangedExcept(a.parsed, b.parsed, ["legalBases", "art9Conditions"]);
  });

  it("step 4 changes only the retention; steps 5 and 6 only recipients/transfers and security/risks", async () => {
    const ref = await draft();
    const before = (await load(ref)).parsed;
    const step4 = await postStep(ref, 4, {
      revision: "1",
      ...fields(
        {
          dataCategories: before.dataCategories.map((d, i) => ({
            category: d.category,
            // The description is not a field of step 4: whatever is posted is ignored.
            description: "ignorée",
            retention: { activePeriod: `Durée ${i}`, finalFate: "destruction", rule: "" },
          })),
        },
        "content",
      ),
    });
    expect(step4.status).toBe(302);
    expect(step4.location).toBe(`/o/${slug}/activities/${ref}/guided/5`);
    const a = await load(ref);
    a.parsed.dataCategories.forEach((d, i) => {
      expect(d.retention).toEqual({ activePeriod: `Durée ${i}`, finalFate: "destruction" });
      expect(d.description).toBe(before.dataCategories[i]!.description);
    });
    expectUnchangedExcept(before, a.parsed, ["dataCategories"]);

    const step5 = await postStep(ref, 5, {
      revision: "2",
      "content.recipients[0].type": "third_country",
      "content.recipients[0].name": "Outil de sondage",
      "content.transfers[0].country": "us",
      "content.transfers[0].recipient": "Outil de sondage",
      "content.transfers[0].safeguard": "scc",
    });
    expect(step5.status).toBe(302);
    const b = await load(ref);
    expect(b.parsed.recipients).toEqual([{ type: "third_country", name: "Outil de sondage" }]);
    expect(b.parsed.transfers).toEqual([{ country: "US", recipient: "Outil de sondage", safeguard: "scc" }]);
    expectUnchangedExcept(a.parsed, b.parsed, ["recipients", "transfers"]);

    const step6 = await postStep(ref, 6, {
      revision: "3",
      "content.securityMeasures[0].measure": "backups",
      "content.securityMeasures[0].details": "Chaque nuit",
      "content.riskFlags.largeScale": "on",
      // Step 6 also shows the rights and the review date (issue 17): the form sends them back as they are.
      ...fields({ rights: b.parsed.rights, nextReviewAt: b.parsed.nextReviewAt }, "content"),
    });
    expect(step6.status).toBe(302);
    expect(step6.location).toBe(`/o/${slug}/activities/${ref}/guided/7`);
    const c = await load(ref);
    expect(c.parsed.securityMeasures).toEqual([{ measure: "backups", details: "Chaque nuit" }]);
    expect(c.parsed.riskFlags).toEqual({
      largeScale: true,
      systematicMonitoring: false,
      profiling: false,
      automatedDecision: false,
      combiningDatasets: false,
      innovativeTechnology: false,
      vulnerableSubjects: false,
      preventsRightOrService: false,
      // Issue 10 point 11: the flag for decisions based on an evaluation (Art. 35(3)(a)).
      decisionEffects: false,
    });
    expectUnchangedExcept(b.parsed, c.parsed, ["securityMeasures", "riskFlags"]);
  });

  it("a list button (add a row) re-renders the step without saving", async () => {
    const ref = await draft();
    const res = await postStep(ref, 5, {
      revision: "1",
      "content.recipients[0].type": "internal",
      "content.recipients[0].name": "Service",
      __intent__: JSON.stringify({ type: "insert", payload: { name: "content.recipients" } }),
    });
    expect(res.status).toBe(200);
    expect((await load(ref)).revision).toBe(1);
  });

  it("a stale revision answers 409 and saves nothing", async () => {
    const ref = await draft();
    expect((await postStep(ref, 1, { revision: "1", departmentId: ownDep, "content.name": "Première" })).status).toBe(302);
    const stale = await postStep(ref, 1, { revision: "1", departmentId: ownDep, "content.name": "Seconde" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ conflict: true });
    expect(await load(ref)).toMatchObject({ revision: 2, name: "Première" });

    const staleSubmit = await postStep(ref, 7, { revision: "1", intent: "submit" });
    expect(staleSubmit.status).toBe(409);
    expect((await load(ref)).status).toBe("DRAFT");
  });

  it("step 7 shows the completeness and submits to the DPO", async () => {
    const ref = await draft();
    const review = await call(guided.loader, request(`/o/${slug}/activities/${ref}/guided/7`, { cookie: editor.cookie }), { org: slug, ref, step: "7" });
    const data = review.data as { review: { completeness: { missing: string[] }; canSubmit: boolean } };
    expect(data.review.canSubmit).toBe(true);
    expect(data.review.completeness.missing).toContain("nextReview");

    const res = await postStep(ref, 7, { revision: "1", intent: "submit" });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${slug}/activities/${ref}`);
    expect((await load(ref)).status).toBe("SUBMITTED");
    // Submitted: the EDITOR may no longer edit it, nor submit again.
    expect((await postStep(ref, 7, { revision: "2", intent: "submit" })).status).toBe(403);
  });

  it("a DPO cannot submit an approved record again from step 7 (400)", async () => {
    const ref = await draft();
    const a = await load(ref);
    await getDb().activity.update({ where: { id: a.id }, data: { status: "APPROVED" } });
    const res = await postStep(ref, 7, { revision: "1", intent: "submit" }, dpo.cookie);
    expect(res.status).toBe(400);
    expect((await load(ref)).status).toBe("APPROVED");
  });
});

describe("prefilled sections", () => {
  it("a guided step confirms only its own prefilled keys", async () => {
    const ref = await draft();
    const before = parsePrefilledPaths((await load(ref)).prefilledPaths);
    const a = await load(ref);
    const res = await postStep(ref, 1, {
      revision: "1",
      departmentId: ownDep,
      ...fields({ name: a.parsed.name, description: a.parsed.description, internalContact: a.parsed.internalContact, purposes: a.parsed.purposes }, "content"),
      confirmPrefilled: ["description", "purposes", "legalBases"],
    });
    expect(res.status).toBe(302);
    const after = parsePrefilledPaths((await load(ref)).prefilledPaths);
    expect(after).toEqual(before.filter((k) => k !== "description" && k !== "purposes"));
    expect(after).toContain("legalBases");
  });

  it("the full edit form shows the prefilled keys and removes the confirmed ones", async () => {
    const ref = await draft();
    const a = await load(ref);
    const before = parsePrefilledPaths(a.prefilledPaths);
    const edit = await call(activityEdit.loader, request(`/o/${slug}/activities/${ref}/edit`, { cookie: editor.cookie }), { org: slug, ref });
    expect((edit.data as { activity: { prefilledPaths: string[] } }).activity.prefilledPaths).toEqual(before);
    const page = await call(activityPage.loader, request(`/o/${slug}/activities/${ref}`, { cookie: editor.cookie }), { org: slug, ref });
    expect(page.data).toMatchObject({ prefilledCount: before.length });

    const res = await call(
      activityEdit.action,
      request(`/o/${slug}/activities/${ref}/edit`, {
        method: "POST",
        cookie: editor.cookie,
        body: form({ revision: "1", departmentId: ownDep, ...fields(a.parsed, "content"), confirmPrefilled: ["legalBases", "recipients", "unknown"] }),
      }),
      { org: slug, ref },
    );
    expect(res.status).toBe(302);
    const saved = await load(ref);
    expect(saved.parsed).toEqual(a.parsed);
    expect(parsePrefilledPaths(saved.prefilledPaths)).toEqual(before.filter((k) => k !== "legalBases" && k !== "recipients"));

    // Saving without ticking anything keeps the remaining marks.
    const again = await call(
      activityEdit.action,
      request(`/o/${slug}/activities/${ref}/edit`, {
        method: "POST",
        cookie: editor.cookie,
        body: form({ revision: String(saved.revision), departmentId: ownDep, ...fields({ ...a.parsed, description: "Adaptée" }, "content") }),
      }),
      { org: slug, ref },
    );
    expect(again.status).toBe(302);
    expect(parsePrefilledPaths((await load(ref)).prefilledPaths)).toEqual(parsePrefilledPaths(saved.prefilledPaths));
  });

  it("a draft created without a template has no prefilled paths", async () => {
    const e = await getDb().user.findUniqueOrThrow({ where: { id: editor.userId } });
    const a = await createActivity(e.id, orgId, { content: ActivityContentSchema.parse({ name: "Sans modèle" }), departmentId: ownDep });
    expect(parsePrefilledPaths(a.prefilledPaths)).toEqual([]);
  });
});

describe("creation page", () => {
  it("opens the guided declaration or the full form, as chosen (full form when not said)", async () => {
    const post = (body: Record<string, string>) =>
      call(activityNew.action, request(`/o/${slug}/activities/new`, { method: "POST", cookie: editor.cookie, body: form(body) }), { org: slug });
    expect((await post({ name: "Guidé", departmentId: ownDep, mode: "guided" })).location).toMatch(/\/activities\/T-\d+\/guided\/1$/);
    expect((await post({ name: "Complet", departmentId: ownDep, mode: "full" })).location).toMatch(/\/activities\/T-\d+\/edit$/);
    expect((await post({ name: "Sans choix", departmentId: ownDep })).location).toMatch(/\/activities\/T-\d+\/edit$/);
    const loader = await call(activityNew.loader, request(`/o/${slug}/activities/new`, { cookie: editor.cookie }), { org: slug });
    expect(loader.data).toMatchObject({ guidedByDefault: true });
  });
});
