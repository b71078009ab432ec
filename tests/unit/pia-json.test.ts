/** CNIL PIA tool interoperability: export structure, import of the tool's example, round trip, bad files. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  dpiaStatusFromPia,
  dpiaToPiaJson,
  htmlToText,
  PIA_STATUS,
  piaEvaluationRefs,
  piaJsonToDpia,
  PiaImportError,
  type PiaDpiaInput,
} from "~/documents/pia-json.ts";
import { DPIA_QUESTIONS, DPIA_STATUSES, type DpiaStatus } from "~/schemas/dpia.ts";
import { piaToolProgress } from "../helpers/pia-tool.ts";
import { createActivity } from "~/models/activity.server.ts";
import { getDpia, importPiaJson } from "~/models/dpia.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { projectRoot as root } from "~/utils/paths.ts";
import { PIA_IMPORT_MAX_BYTES } from "~/routes/o.$org.activities.$ref.dpia/dpia.server.ts";
import * as dpiaRoute from "~/routes/o.$org.activities.$ref.dpia/route.tsx";
import * as piaRoute from "~/routes/o.$org.activities.$ref.dpia.pia-json.ts";
import { createOrg, createUser, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

// Our own file in the PIA tool's format (every question, risk answer, evaluation kind and comment); no file outside the repository.
const examplePath = path.resolve(root, "tests", "fixtures", "pia", "validated-complete.json");
type Fixture = {
  pia: Record<string, unknown>;
  answers: { reference_to: number; data: { text: string | null; gauge: number | null; list: string[] | null } }[];
  measures: { id: number; title: string; content: string; placeholder: string }[];
  evaluations: {
    reference_to: string;
    status: number;
    global_status: number;
    action_plan_comment?: string;
    evaluation_comment?: string;
    gauges: { x: number; y: number };
  }[];
  comments: { description: string; reference_to: number; for_measure: boolean }[];
};
const example = JSON.parse(readFileSync(examplePath, "utf8")) as Fixture;
const textAnswers = example.answers.filter((a) => a.reference_to < 300 && a.data.text);

let orgId: string;
let userId: string;
let activityId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  userId = (await createUser()).id;
  const a = await createActivity(userId, org.id, {
    content: ActivityContentSchema.parse({ name: "Capteur de sommeil", purposes: { main: "Suivi" }, legalBases: [{ basis: "b" }] }),
    departmentId: null,
  });
  activityId = a.id;
});

describe("PIA JSON", () => {
  it("imports the CNIL example: answers for its question ids, risks and measures", () => {
    const d = piaJsonToDpia(example);
    const ids = textAnswers.map((a) => String(a.reference_to)).sort();
    expect(
      Object.keys(d.answers)
        .filter((q) => d.answers[q as keyof typeof d.answers]?.text)
        .sort(),
    ).toEqual(ids);
    expect(d.answers["111"]?.text).toContain("gestion des inscriptions");
    expect(d.answers["111"]?.text).not.toContain("<strong>");
    expect(d.measures.map((m) => m.title)).toEqual(example.measures.map((m) => m.title));
    expect(d.risks.access.impacts).toContain("Usurpation d'identité");
    expect(d.risks.access.likelihood).toBe(2);
    expect(d.risks.access.residualSeverity).toBe(2);
    expect(d.risks.access.residualLikelihood).toBe(1);
  });

  it("exports the example's top-level keys and question ids, and round-trips the answer texts", async () => {
    const dpia = await importPiaJson(userId, orgId, activityId, example);
    const out = dpiaToPiaJson(dpia, { ref: "T-0001", name: "Capteur" }, { name: "Commune" });
    expect(Object.keys(out).sort()).toEqual(Object.keys(example).sort());
    expect(Object.keys(out.pia).sort()).toEqual(Object.keys(example.pia).sort());
    expect(Object.keys(out.answers[0]!.data).sort()).toEqual(["gauge", "list", "text"]);
    const exportedIds = new Set(out.answers.map((a) => a.reference_to));
    for (const a of example.answers)
      if (a.data.text || a.data.list?.length || a.data.gauge) expect(exportedIds, String(a.reference_to)).toContain(a.reference_to);
    const exported = new Map(out.answers.map((a) => [a.reference_to, a.data.text]));
    for (const a of textAnswers) expect(htmlToText(exported.get(a.reference_to) ?? ""), String(a.reference_to)).toBe(htmlToText(a.data.text!));
    // Imported without a reviewer's role: the validated file arrives under review, every element evaluated.
    expect(dpia.status).toBe("in_review");
    expect(out.evaluations.map((e) => e.reference_to)).toEqual(piaEvaluationRefs(out.measures.map((m) => m.id)));
    // …and the export imports back to the same content.
    const back = piaJsonToDpia(JSON.parse(JSON.stringify(out)));
    expect(back.answers).toEqual(dpia.answers);
    expect(back.risks).toEqual(dpia.risks);
    const audit = await getDb().auditEvent.findFirst({ where: { organizationId: orgId, action: "dpia.imported" } });
    expect(audit?.entityId).toBe(dpia.id);
  });

  it("imports a partial file: unanswered questions are kept empty and marked to complete", () => {
    const d = piaJsonToDpia({ ...example, answers: example.answers.filter((a) => a.reference_to === 111), measures: [], evaluations: [] });
    expect(d.answers["111"]?.text).not.toBe("");
    expect(d.answers["112"]).toEqual({ text: "", prefilled: false, toComplete: true });
    expect(d.measures).toEqual([]);
    expect(d.risks.access.severity).toBeUndefined();
  });

  it("refuses malformed JSON and wrong shapes without writing anything", async () => {
    const before = await getDpia(orgId, activityId);
    const events = await getDb().auditEvent.count({ where: { organizationId: orgId } });
    for (const bad of [
      "{not json",
      { pia: {}, answers: "x", measures: [] },
      { foo: 1 },
      [],
      null,
      { ...example, answers: [{ reference_to: 111, data: { text: 3 } }] },
    ]) {
      await expect(importPiaJson(userId, orgId, activityId, bad)).rejects.toThrow(PiaImportError);
      await expect(importPiaJson(userId, orgId, activityId, bad)).rejects.toThrow("dpia.errors.importInvalid");
    }
    expect(await getDpia(orgId, activityId)).toEqual(before);
    expect(await getDb().auditEvent.count({ where: { organizationId: orgId } })).toBe(events);
  });
});

describe("PIA JSON routes", () => {
  let slug: string;
  let ref: string;
  let oid: string;
  let aid: string;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    const { org, departments } = await createOrg();
    slug = org.slug;
    oid = org.id;
    const a = await createActivity((await createUser()).id, org.id, {
      content: ActivityContentSchema.parse({ name: "Vidéoprotection", purposes: { main: "Sécurité" }, legalBases: [{ basis: "e_official_authority" }] }),
      departmentId: departments[2]!.id,
    });
    ref = a.ref;
    aid = a.id;
    c.DPO = (await signedInMember(org.id, "DPO")).cookie;
    c.EDITOR = (await signedInMember(org.id, "EDITOR", [departments[2]!.id])).cookie;
    c.VIEWER = (await signedInMember(org.id, "VIEWER")).cookie;
  });
  const upload = (who: string, content: string) => {
    const fd = new FormData();
    fd.append("intent", "importPia");
    fd.append("file", new File([content], "pia.json", { type: "application/json" }));
    return call(dpiaRoute.action, request(`/o/${slug}/activities/${ref}/dpia`, { method: "POST", cookie: c[who], body: fd }), { org: slug, ref });
  };
  const download = (who: string) => call(piaRoute.loader, request(`/o/${slug}/activities/${ref}/dpia/pia-json`, { cookie: c[who] }), { org: slug, ref });

  it("imports an uploaded file for the department's editor, refuses viewers, bad and oversized files", async () => {
    expect((await download("DPO")).status).toBe(404);
    expect((await upload("VIEWER", JSON.stringify(example))).status).toBe(403);
    const bad = await upload("EDITOR", "{oops");
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ alert: "dpia.errors.importInvalid" });
    const big = await upload("EDITOR", " ".repeat(PIA_IMPORT_MAX_BYTES + 10));
    expect(big.status).toBe(413);
    expect(await getDpia(oid, aid)).toBeNull();
    expect((await upload("EDITOR", JSON.stringify(example))).status).toBe(302);
    expect(Object.keys((await getDpia(oid, aid))!.answers)).toContain("121");
  });

  it("downloads the DPIA as a PIA tool file for readers", async () => {
    const res = await download("VIEWER");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(`aipd-${ref}-pia.json`);
    const json = JSON.parse(res.text!) as { pia: { name: string }; answers: { reference_to: number }[] };
    expect(json.pia.name).toContain(ref);
    expect(json.answers.map((a) => a.reference_to)).toContain(121);
  });
});

const NAME_FIELDS = [
  "author_name",
  "evaluator_name",
  "validator_name",
  "dpo_status",
  "dpo_opinion",
  "dpos_names",
  "concerned_people_opinion",
  "concerned_people_status",
  "concerned_people_searched_opinion",
  "concerned_people_searched_content",
  "people_names",
  "rejection_reason",
  "category",
] as const;

/** A DPIA as Registre holds it, every question and risk filled, two measures (one from the library). */
function fullDpia(status: DpiaStatus): PiaDpiaInput {
  const level = { severity: 3, likelihood: 2, residualSeverity: 2, residualLikelihood: 1 };
  const risk = { impacts: "Atteinte à la vie privée", threats: "Vol de poste", sources: "Attaquant", measures: "Chiffrement", ...level };
  return {
    status,
    createdAt: new Date("2026-01-05T10:00:00Z"),
    updatedAt: new Date("2026-02-05T10:00:00Z"),
    answers: Object.fromEntries(DPIA_QUESTIONS.map((q) => [q, { text: `Réponse ${q} <b> & "citée"\nseconde ligne`, prefilled: false, toComplete: false }])),
    measures: [
      { code: "encryption", title: "Chiffrement", text: "TLS et disques chiffrés." },
      { title: "Charte informatique", text: "Signée par chaque agent." },
    ],
    risks: { access: risk, modification: risk, disappearance: risk },
    actionPlan: [{ action: "Activer la double authentification", owner: "DSI", dueDate: "2026-06-30", status: "todo" }],
    opinions: {
      dpo: { name: "Paul Girard", canProceed: true, text: "Avis favorable." },
      subjects: { sought: true, reason: "", text: "Accord des représentants.", names: "Conseil des parents", favourable: true },
    },
    validation:
      status === "validated"
        ? { validator: "La maire", decision: "validated", date: "2026-02-05", reason: "" }
        : status === "refused"
          ? { validator: "La maire", decision: "refused", date: "2026-02-05", reason: "Mesures insuffisantes" }
          : { validator: "", reason: "" },
  };
}
const exportOf = (d: PiaDpiaInput) =>
  JSON.parse(JSON.stringify(dpiaToPiaJson(d, { ref: "T-0009", name: "Cantine" }, { name: "Commune" }))) as ReturnType<typeof dpiaToPiaJson>;

describe("PIA tool status table", () => {
  it("maps every Registre status to the tool's pia.status and back", () => {
    // 0 in progress, 1 rejected, 2 simple validation, 3 signed validation, 4 archived.
    expect(PIA_STATUS).toEqual({ draft: 0, in_review: 0, refused: 1, validated: 2, archived: 4 });
    const expected: Record<DpiaStatus, number> = { draft: 0, in_review: 0, refused: 1, validated: 2, archived: 4 };
    for (const status of DPIA_STATUSES) {
      const out = exportOf(fullDpia(status));
      expect(out.pia.status, status).toBe(expected[status]);
      // A draft has asked for no evaluation yet; under review every element waits for one.
      if (status === "draft") expect(out.evaluations).toEqual([]);
      if (status === "in_review") expect(out.evaluations.every((e) => e.status === 0 && e.global_status === 0)).toBe(true);
      expect(piaJsonToDpia(out).status, status).toBe(status);
    }
    expect(dpiaStatusFromPia(0, false)).toBe("draft");
    expect(dpiaStatusFromPia(0, true)).toBe("in_review");
    expect(dpiaStatusFromPia(1, true)).toBe("refused");
    expect(dpiaStatusFromPia(2, true)).toBe("validated");
    expect(dpiaStatusFromPia(3, true)).toBe("validated");
    expect(dpiaStatusFromPia(4, true)).toBe("archived");
    // Under review is never exported as "rejected" (the tool's 1).
    expect(exportOf(fullDpia("in_review")).pia.status).not.toBe(1);
    // A signed validation comes back signed.
    const signed = piaJsonToDpia({ ...example, pia: { ...example.pia, status: 3 } });
    expect(signed.validation.signed).toBe(true);
    expect(
      exportOf({ ...fullDpia("validated"), ...signed, status: "validated", actionPlan: [], createdAt: new Date(0), updatedAt: new Date(0) }).pia.status,
    ).toBe(3);
  });

  it("a validated DPIA imports into the tool as complete: every element evaluated and validated", () => {
    const out = exportOf(fullDpia("validated"));
    expect(out.evaluations.map((e) => e.reference_to)).toEqual([
      "1.1",
      "1.2",
      "2.1.211",
      "2.1.212",
      "2.1.213",
      "2.1.214",
      "2.1.215",
      "2.2.221",
      "2.2.222",
      "2.2.223",
      "2.2.224",
      "2.2.225",
      "2.2.226",
      "2.2.227",
      "3.1.1",
      "3.1.2",
      "3.2",
      "3.3",
      "3.4",
    ]);
    expect(piaToolProgress(out)).toEqual({ percent: 100, pending: [] });
    for (const r of [325, 326, 335, 336, 345, 346]) {
      const a = out.answers.find((x) => x.reference_to === r)!;
      expect(a.data.gauge, String(r)).toBeGreaterThan(0);
      expect(a.data.text, String(r)).toBeTruthy();
    }
    expect(out.evaluations.find((e) => e.reference_to === "3.2")!.gauges).toEqual({ x: 2, y: 1 });
    expect(out.evaluations.find((e) => e.reference_to === "3.2")!.action_plan_comment).toContain("Activer la double authentification");
    // Under review, the same DPIA is not complete in the tool (evaluations pending) nor rejected.
    expect(piaToolProgress(exportOf(fullDpia("in_review"))).percent).toBe(0);
  });

  it("exports names and opinions, the opinion given (not whether it was sought) as concerned_people_status, human placeholders", () => {
    const out = exportOf(fullDpia("refused"));
    expect(out.pia).toMatchObject({
      dpos_names: "Paul Girard",
      dpo_status: 1,
      dpo_opinion: "Avis favorable.",
      people_names: "Conseil des parents",
      concerned_people_status: 1,
      concerned_people_searched_opinion: true,
      rejection_reason: "Mesures insuffisantes",
      validator_name: "La maire",
    });
    const d = fullDpia("draft");
    const unfavourable = exportOf({ ...d, opinions: { ...d.opinions, subjects: { ...d.opinions.subjects, sought: true, favourable: false } } });
    expect(unfavourable.pia.concerned_people_status).toBe(0);
    const notGiven = exportOf({ ...d, opinions: { ...d.opinions, subjects: { sought: true, reason: "", text: "" } } });
    expect(notGiven.pia.concerned_people_status).toBeNull();
    for (const m of out.measures) expect(m.placeholder).not.toMatch(/registre\.|^[a-z_.]+$/);
    expect(out.measures[0]!.placeholder).toContain("Chiffrement");
    for (const field of NAME_FIELDS) expect(piaJsonToDpia(out) && field in out.pia, field).toBe(true);
  });
});

describe("PIA tool round trip on our own fixture", () => {
  it("import then export keeps every answer (rich text as is), gauge, list, measure, evaluation, comment and name", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const a = await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Cantine", purposes: { main: "Restauration" }, legalBases: [{ basis: "e_official_authority" }] }),
      departmentId: null,
    });
    const dpia = await importPiaJson(user.id, org.id, a.id, example, { role: "DPO" });
    expect(dpia.status).toBe("validated");
    const out = JSON.parse(JSON.stringify(dpiaToPiaJson(dpia, { ref: a.ref, name: a.name }, { name: org.name }))) as ReturnType<typeof dpiaToPiaJson>;
    expect(out.pia.status).toBe(example.pia.status);
    for (const field of NAME_FIELDS) expect(out.pia[field], field).toEqual(example.pia[field]);
    const exported = new Map(out.answers.map((x) => [x.reference_to, x.data]));
    expect(out.answers.length).toBe(example.answers.length);
    for (const x of example.answers) {
      const d = exported.get(x.reference_to)!;
      expect(d, String(x.reference_to)).toBeDefined();
      if (x.data.text) expect(d.text, String(x.reference_to)).toBe(x.data.text);
      if (x.data.list?.length) expect(d.list, String(x.reference_to)).toEqual(x.data.list);
      if (x.data.gauge) expect(d.gauge, String(x.reference_to)).toBe(x.data.gauge);
    }
    expect(out.measures.map((m) => [m.title, m.content, m.placeholder])).toEqual(example.measures.map((m) => [m.title, m.content, m.placeholder]));
    // Measure ids are renumbered; map the fixture's to the export's by position.
    const idMap = new Map(example.measures.map((m, i) => [m.id, out.measures[i]!.id]));
    const ref = (r: string) => (r.startsWith("3.1.") ? `3.1.${idMap.get(Number(r.slice(4)))}` : r);
    expect(out.evaluations.map((e) => e.reference_to).sort()).toEqual(example.evaluations.map((e) => ref(e.reference_to)).sort());
    for (const e of example.evaluations) {
      const o = out.evaluations.find((x) => x.reference_to === ref(e.reference_to))!;
      expect([o.status, o.global_status, o.action_plan_comment, o.evaluation_comment, o.gauges], e.reference_to).toEqual([
        e.status,
        e.global_status,
        e.action_plan_comment ?? "",
        e.evaluation_comment ?? "",
        e.gauges,
      ]);
    }
    expect(out.comments.map((c) => [c.description, c.for_measure ? `m${c.reference_to}` : c.reference_to])).toEqual(
      example.comments.map((c) => [c.description, c.for_measure ? `m${idMap.get(c.reference_to)}` : c.reference_to]),
    );
    expect(piaToolProgress(example).percent).toBe(100);
    expect(piaToolProgress(out)).toEqual({ percent: 100, pending: [] });
    // Editing an answer in Registre drops its rich text for that answer only.
    const edited = { ...dpia, answers: { ...dpia.answers, "111": { ...dpia.answers["111"]!, text: "Nouveau texte <b>" } } };
    const again = dpiaToPiaJson(edited, { ref: a.ref, name: a.name }, { name: org.name });
    expect(again.answers.find((x) => x.reference_to === 111)!.data.text).toBe("Nouveau texte &lt;b&gt;");
    expect(again.answers.find((x) => x.reference_to === 113)!.data.text).toBe(example.answers.find((x) => x.reference_to === 113)!.data.text);
  });

  it("a department editor's import of a validated file arrives under review, not validated", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const a = await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Cantine", purposes: { main: "Restauration" }, legalBases: [{ basis: "e_official_authority" }] }),
      departmentId: null,
    });
    expect((await importPiaJson(user.id, org.id, a.id, example, { role: "EDITOR" })).status).toBe("in_review");
  });
});
