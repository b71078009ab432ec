/** DPIA: prefilled start, editor drafting rights, DPO-only opinions, validation, versions, 409 on stale versions. */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { getDpia } from "~/models/dpia.server.ts";
import * as dpiaRoute from "~/routes/o.$org.activities.$ref.dpia/route.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let ref: string;
let activityId: string;
const c: Record<string, string> = {};

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  const a = await createActivity((await createUser()).id, org.id, {
    content: ActivityContentSchema.parse({
      name: "Vidéoprotection",
      purposes: { main: "Prévenir les atteintes aux biens" },
      legalBases: [{ basis: "e_official_authority" }],
      dataCategories: [{ category: "identity", retention: { activePeriod: "30 jours", finalFate: "destruction" } }],
      securityMeasures: [{ measure: "logging" }],
    }),
    departmentId: departments[2]!.id,
  });
  ref = a.ref;
  activityId = a.id;
  c.DPO = (await signedInMember(org.id, "DPO")).cookie;
  c.EDITOR = (await signedInMember(org.id, "EDITOR", [departments[2]!.id])).cookie;
  c.OTHER_EDITOR = (await signedInMember(org.id, "EDITOR", [departments[0]!.id])).cookie;
  c.VIEWER = (await signedInMember(org.id, "VIEWER")).cookie;
});

const post = (who: string, body: Record<string, string>) =>
  call(dpiaRoute.action, request(`/o/${slug}/activities/${ref}/dpia`, { method: "POST", cookie: c[who], body: form(body) }), { org: slug, ref });

describe("DPIA", () => {
  it("is started by an editor of the department, prefilled, and flagged where unknown", async () => {
    expect((await post("VIEWER", { intent: "start" })).status).toBe(403);
    expect((await post("OTHER_EDITOR", { intent: "start" })).status).toBe(403);
    expect((await post("EDITOR", { intent: "start" })).status).toBe(302);
    const d = (await getDpia(orgId, activityId))!;
    expect(d.status).toBe("draft");
    expect(d.answers["211"]).toMatchObject({ prefilled: true, toComplete: false });
    expect(d.answers["211"]?.text).toContain("Prévenir les atteintes aux biens");
    expect(d.answers["215"]?.text).toContain("30 jours");
    expect(d.answers["113"]?.toComplete).toBe(true);
    expect(d.measures.map((m) => m.code)).toEqual(["logging"]);
    expect((await post("EDITOR", { intent: "start" })).status).toBe(409);
  });

  it("saves risks and the action plan, and refuses a stale version", async () => {
    const body = {
      intent: "save",
      version: "1",
      "risks.access.severity": "3",
      "risks.access.likelihood": "2",
      "actionPlan[0].action": "Chiffrer les exports",
      "actionPlan[0].status": "todo",
    };
    expect((await post("EDITOR", body)).status).toBe(302);
    const d = (await getDpia(orgId, activityId))!;
    expect(d.version).toBe(2);
    expect(d.risks.access).toMatchObject({ severity: 3, likelihood: 2 });
    expect(d.actionPlan).toEqual([{ action: "Chiffrer les exports", status: "todo" }]);
    expect((await post("EDITOR", body)).status).toBe(409);
  });

  it("lets only the DPO record opinions, and only reviewers validate", async () => {
    const opinion = {
      intent: "opinion",
      version: "2",
      dpoName: "Mme DPO",
      canProceed: "yes",
      dpoText: "Favorable",
      subjectsSought: "no",
      subjectsReason: "Affichage public suffisant",
    };
    expect((await post("EDITOR", opinion)).status).toBe(403);
    expect((await post("DPO", opinion)).status).toBe(302);
    expect((await post("EDITOR", { intent: "transition", version: "3", transition: "validate", validator: "Le maire" })).status).toBe(403);
    expect((await post("EDITOR", { intent: "transition", version: "3", transition: "submit" })).status).toBe(302);
    expect((await post("DPO", { intent: "transition", version: "4", transition: "refuse", validator: "Le maire" })).status).toBe(400);
    expect((await post("DPO", { intent: "transition", version: "4", transition: "validate", validator: "Le maire" })).status).toBe(302);
    const d = (await getDpia(orgId, activityId))!;
    expect(d.status).toBe("validated");
    expect(d.validation).toMatchObject({ validator: "Le maire", decision: "validated" });
    expect(d.opinions.dpo).toMatchObject({ name: "Mme DPO", canProceed: true });
    const db = getDb();
    expect((await db.dpiaVersion.findMany({ where: { dpiaId: d.id }, orderBy: { number: "asc" } })).map((v) => v.status)).toEqual([
      "draft",
      "in_review",
      "validated",
    ]);
    expect(await db.auditEvent.count({ where: { organizationId: orgId, entity: "Dpia" } })).toBe(5); // started, updated, opinions, submit, validate
  });
});

describe("DPIA measures from the library", () => {
  let mRef: string;
  let mId: string;
  beforeAll(async () => {
    const a = await createActivity((await createUser()).id, orgId, {
      content: ActivityContentSchema.parse({
        name: "Badges d'accès",
        purposes: { main: "Contrôler l'accès aux locaux" },
        securityMeasures: [{ measure: "logging" }],
      }),
      departmentId: (await getDb().department.findFirstOrThrow({ where: { organizationId: orgId }, orderBy: { name: "asc" }, skip: 0 })).id,
    });
    mRef = a.ref;
    mId = a.id;
    expect((await postM("DPO", { intent: "start" })).status).toBe(302);
  });
  const postM = (who: string, body: Record<string, string>) =>
    call(dpiaRoute.action, request(`/o/${slug}/activities/${mRef}/dpia`, { method: "POST", cookie: c[who], body: form(body) }), { org: slug, ref: mRef });

  it("adds a library measure not yet present, with its details, audited", async () => {
    expect((await postM("VIEWER", { intent: "addMeasure", version: "1", code: "encryption" })).status).toBe(403);
    expect((await postM("DPO", { intent: "addMeasure", version: "1", code: "logging" })).status).toBe(400); // already there
    expect((await postM("DPO", { intent: "addMeasure", version: "1", code: "no-such-measure" })).status).toBe(400);
    expect((await postM("DPO", { intent: "addMeasure", version: "1", code: "encryption", details: "Clés gérées par la DSI" })).status).toBe(302);
    const d = (await getDpia(orgId, mId))!;
    expect(d.version).toBe(2);
    expect(d.measures.map((m) => m.code)).toEqual(["logging", "encryption"]);
    expect(d.measures[1]).toMatchObject({ title: "Chiffrement" });
    expect(d.measures[1]!.text).toContain("Clés gérées par la DSI");
    expect(await getDb().auditEvent.count({ where: { organizationId: orgId, entityId: d.id, action: "dpia.measureAdded" } })).toBe(1);
  });

  it("removes a measure, audited", async () => {
    expect((await postM("DPO", { intent: "removeMeasure", version: "2", index: "0" })).status).toBe(302);
    const d = (await getDpia(orgId, mId))!;
    expect(d.version).toBe(3);
    expect(d.measures.map((m) => m.code)).toEqual(["encryption"]);
    expect(await getDb().auditEvent.count({ where: { organizationId: orgId, entityId: d.id, action: "dpia.measureRemoved" } })).toBe(1);
  });

  it("refuses a stale version with a conflict and leaves the DPIA unchanged", async () => {
    const before = (await getDpia(orgId, mId))!;
    const audits = await getDb().auditEvent.count({ where: { organizationId: orgId, entityId: before.id } });
    expect((await postM("DPO", { intent: "addMeasure", version: "2", code: "backups" })).status).toBe(409);
    expect((await postM("DPO", { intent: "removeMeasure", version: "2", index: "0" })).status).toBe(409);
    const after = (await getDpia(orgId, mId))!;
    expect(after.version).toBe(before.version);
    expect(after.measures).toEqual(before.measures);
    expect(await getDb().auditEvent.count({ where: { organizationId: orgId, entityId: before.id } })).toBe(audits);
  });
});
