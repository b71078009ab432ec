/** CNIL PIA tool interoperability: export structure, import of the tool's example, round trip, bad files. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dpiaToPiaJson, htmlToText, piaJsonToDpia, PiaImportError } from "~/documents/pia-json.ts";
import { createActivity } from "~/models/activity.server.ts";
import { getDpia, importPiaJson } from "~/models/dpia.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { projectRoot as root } from "~/utils/paths.ts";
import * as dpiaRoute from "~/routes/o.$org.activities.$ref.dpia.tsx";
import * as piaRoute from "~/routes/o.$org.activities.$ref.dpia.pia-json.ts";
import { createOrg, createUser, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

// Our own file in the PIA tool's format (every question, risk answer, evaluation kind and comment); no file outside the repository.
const examplePath = path.resolve(root, "tests", "fixtures", "pia", "validated-complete.json");
const example = JSON.parse(readFileSync(examplePath, "utf8")) as { pia: Record<string, unknown>; answers: { reference_to: number; data: { text: string | null; gauge: number | null; list: string[] | null } }[]; measures: { title: string }[]; evaluations: unknown[]; comments: unknown[] };
const textAnswers = example.answers.filter((a) => a.reference_to < 300 && a.data.text);

let orgId: string;
let userId: string;
let activityId: string;

beforeAll(async () => {
  const { org } = await createOrg();
  orgId = org.id;
  userId = (await createUser()).id;
  const a = await createActivity(userId, org.id, { content: ActivityContentSchema.parse({ name: "Capteur de sommeil", purposes: { main: "Suivi" }, legalBases: [{ basis: "b" }] }), departmentId: null });
  activityId = a.id;
});

describe("PIA JSON", () => {
  it("imports the CNIL example: answers for its question ids, risks and measures", () => {
    const d = piaJsonToDpia(example);
    const ids = textAnswers.map((a) => String(a.reference_to)).sort();
    expect(Object.keys(d.answers).filter((q) => d.answers[q as keyof typeof d.answers]?.text).sort()).toEqual(ids);
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
    for (const a of example.answers) if (a.data.text || a.data.list?.length || a.data.gauge) expect(exportedIds, String(a.reference_to)).toContain(a.reference_to);
    const exported = new Map(out.answers.map((a) => [a.reference_to, a.data.text]));
    for (const a of textAnswers) expect(htmlToText(exported.get(a.reference_to) ?? ""), String(a.reference_to)).toBe(htmlToText(a.data.text!));
    expect(out.evaluations.map((e) => e.reference_to)).toEqual(["3.2", "3.3", "3.4"]);
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
    for (const bad of ["{not json", { pia: {}, answers: "x", measures: [] }, { foo: 1 }, [], null, { ...example, answers: [{ reference_to: 111, data: { text: 3 } }] }]) {
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
    const a = await createActivity((await createUser()).id, org.id, { content: ActivityContentSchema.parse({ name: "Vidéoprotection", purposes: { main: "Sécurité" }, legalBases: [{ basis: "e_official_authority" }] }), departmentId: departments[2]!.id });
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
    const big = await upload("EDITOR", " ".repeat(dpiaRoute.PIA_IMPORT_MAX_BYTES + 10));
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
