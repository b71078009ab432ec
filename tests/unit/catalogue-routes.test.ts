/**
 * Issue 14 (ADR 020): every new route × role × organization. A DPO service S keeps a shared vendor and
 * a model activity; communes A and B are its clients (granted, subscribed); commune D is not. A user of
 * one client reads nothing of another; a subscriber cannot edit the catalogue; a model update is applied
 * field by field, only as decided.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, getActivityByRef, saveActivity } from "~/models/activity.server.ts";
import { grantCatalogue, setVendorShared, subscribeVendor } from "~/models/catalogue.server.ts";
import { addLocation, createService, createVendor, linkActivity, type LocationInput } from "~/models/vendor.server.ts";
import * as activityModel from "~/routes/o.$org.activities.$ref.model.tsx";
import * as catalogue from "~/routes/o.$org.catalogue.tsx";
import * as models from "~/routes/o.$org.models.tsx";
import * as notifications from "~/routes/o.$org.notifications.tsx";
import * as vendorEdit from "~/routes/o.$org.vendors.$vendorId.edit.tsx";
import * as vendorPage from "~/routes/o.$org.vendors.$vendorId/route.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { addMember, createOrg, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type Org = { id: string; slug: string };
const location = (country: string): LocationInput => ({
  role: "STORAGE",
  country,
  region: null,
  providerServiceId: null,
  safeguard: null,
  tiaDone: false,
  safeguardUrl: null,
});

let S: Org;
let A: Org;
let B: Org;
let D: Org;
let dpoS: Member; // DPO of S, A and B (the shared DPO)
let dpoB: Member; // B's own DPO, not a member of A
let dpoD: Member;
const inA = {} as Record<Who, { cookie?: string }>;
const userIn = {} as Record<"ADMIN" | "DPO", string>;
let vendorId: string;
let serviceId: string;
let actARef: string;

beforeAll(async () => {
  S = (await createOrg("Centre de gestion")).org;
  const a = await createOrg("Commune A");
  A = a.org;
  B = (await createOrg("Commune B")).org;
  D = (await createOrg("Commune D")).org;
  dpoS = await signedInMember(S.id, "DPO");
  await addMember(dpoS.user.id, A.id, "DPO");
  await addMember(dpoS.user.id, B.id, "DPO");
  dpoB = await signedInMember(B.id, "DPO");
  dpoD = await signedInMember(D.id, "DPO");
  inA.ADMIN = await signedInMember(A.id, "ADMIN");
  inA.DPO = await signedInMember(A.id, "DPO");
  inA.EDITOR = await signedInMember(A.id, "EDITOR", [a.departments[0]!.id]);
  inA.VIEWER = await signedInMember(A.id, "VIEWER");
  inA.ANONYMOUS = {};
  userIn.ADMIN = (inA.ADMIN as Member).user.id;
  userIn.DPO = (inA.DPO as Member).user.id;
  inA.OUTSIDER = dpoB;

  const v = await createVendor(dpoS.user.id, S.id, vendorFields("Suite Mairie SaaS"));
  vendorId = v.id;
  serviceId = (
    await createService(dpoS.user.id, S.id, vendorId, { name: "Logiciel de paie", description: null, secNumCloudQualified: false, secNumCloudDate: null })
  ).id;
  await addLocation(dpoS.user.id, S.id, serviceId, location("FR"));
  await setVendorShared(dpoS.user.id, S.id, vendorId, true);
  await grantCatalogue(dpoS.user.id, S.id, A.slug);
  await grantCatalogue(dpoS.user.id, S.id, B.slug);
  await subscribeVendor(dpoS.user.id, A.id, vendorId);
  await subscribeVendor(dpoS.user.id, B.id, vendorId);
  const act = await createActivity(dpoS.user.id, A.id, {
    content: ActivityContentSchema.parse({ name: "Paie des agents" }),
    departmentId: a.departments[0]!.id,
  });
  actARef = act.ref;
  await linkActivity(dpoS.user.id, A.id, act.id, { serviceId }, "PROCESSOR");
});

describe("authorization matrix (in commune A)", () => {
  it("every new route answers each role as the policy says", async () => {
    const everyone = { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 };
    const managers = { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 };
    const rows: MatrixRow[] = [
      {
        name: "catalogue",
        handler: catalogue.loader,
        path: (o) => `/o/${o}/catalogue`,
        params: (o) => ({ org: o }),
        expect: everyone,
        // The shared vendor A subscribes to, with its service.
        shows: mentions(["Suite Mairie SaaS", "Logiciel de paie"]),
      },
      {
        name: "catalogue contract",
        handler: catalogue.action,
        method: "POST",
        path: (o) => `/o/${o}/catalogue`,
        params: (o) => ({ org: o }),
        body: () => form({ intent: "contract", vendorId, dpaStatus: "REQUESTED" }),
        expect: { ADMIN: 302, DPO: 302, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "catalogue grant",
        handler: catalogue.action,
        method: "POST",
        path: (o) => `/o/${o}/catalogue`,
        params: (o) => ({ org: o }),
        body: () => form({ intent: "grant", slug: "no-such-organization" }),
        expect: { ADMIN: 409, DPO: 409, EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "notifications",
        handler: notifications.loader,
        path: (o) => `/o/${o}/notifications`,
        params: (o) => ({ org: o }),
        expect: everyone,
        // The caller's own list (empty here: the shared vendor has not changed since A subscribed).
        shows: (o) => (Array.isArray((o.data as { items?: unknown } | null)?.items) ? null : "no notification list"),
      },
      {
        name: "notifications clear all",
        handler: notifications.action,
        method: "POST",
        path: (o) => `/o/${o}/notifications`,
        params: (o) => ({ org: o }),
        body: () => form({ intent: "clearAll" }),
        expect: { ADMIN: 302, DPO: 302, EDITOR: 302, VIEWER: 302, ANONYMOUS: 302, OUTSIDER: 404 },
        // Nobody has a notification to clear here; clearing real ones is tested in shared-catalogue.test.ts.
        writes: false,
      },
      {
        name: "models",
        handler: models.loader,
        path: (o) => `/o/${o}/models`,
        params: (o) => ({ org: o }),
        expect: managers,
        // The templates a model can start from.
        shows: (o) => ((o.data as { templates?: unknown[] } | null)?.templates?.length ? null : "no template offered"),
      },
      {
        name: "models propose",
        handler: models.action,
        method: "POST",
        path: (o) => `/o/${o}/models`,
        params: (o) => ({ org: o }),
        body: () => form({ intent: "propose", modelId: "nope", organizationIds: "nope" }),
        expect: { ADMIN: 404, DPO: 404, EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "model update review",
        handler: activityModel.loader,
        path: (o) => `/o/${o}/activities/${actARef}/model`,
        params: (o) => ({ org: o, ref: actARef }),
        expect: everyone,
        shows: mentions([() => actARef, "Paie des agents"]),
      },
    ];
    await checkMatrix(rows, inA, A.slug);
  });
});

describe("isolation between clients", () => {
  it("a subscriber cannot edit the shared vendor, neither through its vendor pages nor the catalogue page", async () => {
    const before = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const body = form({ version: String(before.version), name: "Repris", country: "US", dpaStatus: "NONE" });
    const edit = await call(vendorEdit.action, request(`/o/${A.slug}/vendors/${vendorId}/edit`, { method: "POST", cookie: inA.DPO.cookie, body }), {
      org: A.slug,
      vendorId,
    });
    expect(edit.status).toBe(404);
    const page = await call(vendorPage.loader, request(`/o/${A.slug}/vendors/${vendorId}`, { cookie: inA.DPO.cookie }), { org: A.slug, vendorId });
    expect(page.status).toBe(404);
    const loc = await call(
      vendorPage.action,
      request(`/o/${A.slug}/vendors/${vendorId}`, {
        method: "POST",
        cookie: inA.DPO.cookie,
        body: form({ intent: "addLocation", serviceId, role: "STORAGE", country: "US" }),
      }),
      { org: A.slug, vendorId },
    );
    expect(loc.status).toBe(404);
    const unshare = await call(
      catalogue.action,
      request(`/o/${A.slug}/catalogue`, { method: "POST", cookie: inA.DPO.cookie, body: form({ intent: "share", vendorId, shared: "false" }) }),
      { org: A.slug },
    );
    expect(unshare.status).toBe(404);
    const after = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(after).toEqual(before);
    expect(await getDb().serviceLocation.count({ where: { serviceId } })).toBe(1);
  });

  it("B's DPO reads nothing of A: not its catalogue page, contract, notifications nor activities", async () => {
    for (const [handler, path, params] of [
      [catalogue.loader, `/o/${A.slug}/catalogue`, { org: A.slug }],
      [notifications.loader, `/o/${A.slug}/notifications`, { org: A.slug }],
      [activityModel.loader, `/o/${A.slug}/activities/${actARef}/model`, { org: A.slug, ref: actARef }],
    ] as const) {
      const r = await call(handler, request(path, { cookie: dpoB.cookie }), params);
      expect(r.status, path).toBe(404);
    }
    // On B's own catalogue page, the shared vendor shows B's contract, never A's.
    await call(
      catalogue.action,
      request(`/o/${A.slug}/catalogue`, {
        method: "POST",
        cookie: inA.DPO.cookie,
        body: form({ intent: "contract", vendorId, dpaStatus: "SIGNED", dpaReference: "SECRET-A-42", notes: "A only" }),
      }),
      { org: A.slug },
    );
    const own = await call(catalogue.loader, request(`/o/${B.slug}/catalogue`, { cookie: dpoB.cookie }), { org: B.slug });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.data)).not.toContain("SECRET-A-42");
    const vendor = (own.data as { available: { id: string; subscription: { dpaStatus: string } | null }[] }).available.find((v) => v.id === vendorId);
    expect(vendor?.subscription?.dpaStatus).toBe("NONE");
    // The owner's vendor page lists only the owner's links, not the clients' activities.
    const ownerPage = await call(vendorPage.loader, request(`/o/${S.slug}/vendors/${vendorId}`, { cookie: dpoS.cookie }), { org: S.slug, vendorId });
    expect(ownerPage.status).toBe(200);
    expect(JSON.stringify(ownerPage.data)).not.toContain("Paie des agents");
  });

  it("an organization without a grant sees no shared vendor and cannot subscribe", async () => {
    const page = await call(catalogue.loader, request(`/o/${D.slug}/catalogue`, { cookie: dpoD.cookie }), { org: D.slug });
    expect((page.data as { available: unknown[] }).available).toEqual([]);
    const sub = await call(
      catalogue.action,
      request(`/o/${D.slug}/catalogue`, { method: "POST", cookie: dpoD.cookie, body: form({ intent: "subscribe", vendorId }) }),
      { org: D.slug },
    );
    expect(sub.status).toBe(404);
    expect(await getDb().vendorSubscription.count({ where: { organizationId: D.id } })).toBe(0);
  });

  it("bad input is a translated 400, not a 500", async () => {
    const r = await call(
      catalogue.action,
      request(`/o/${A.slug}/catalogue`, { method: "POST", cookie: inA.DPO.cookie, body: form({ intent: "contract", vendorId, dpaStatus: "MAYBE" }) }),
      { org: A.slug },
    );
    expect(r.status).toBe(400);
    expect(r.data).toEqual({ error: "catalogue.error.invalid" });
  });
});

describe("propagation seen through the routes", () => {
  it("moving the shared service to the US shows in A's notifications with the exposure change; D sees nothing", async () => {
    await call(notifications.action, request(`/o/${A.slug}/notifications`, { method: "POST", cookie: inA.DPO.cookie, body: form({ intent: "clearAll" }) }), {
      org: A.slug,
    });
    const loc = await getDb().serviceLocation.findFirstOrThrow({ where: { serviceId } });
    const page = `/o/${S.slug}/vendors/${vendorId}`;
    const add = await call(
      vendorPage.action,
      request(page, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "addLocation", serviceId, role: "STORAGE", country: "US" }) }),
      { org: S.slug, vendorId },
    );
    expect(add.status).toBe(302);
    const remove = await call(
      vendorPage.action,
      request(page, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "removeLocation", serviceId, locationId: loc.id }) }),
      { org: S.slug, vendorId },
    );
    expect(remove.status).toBe(302);
    const r = await call(notifications.loader, request(`/o/${A.slug}/notifications`, { cookie: inA.DPO.cookie }), { org: A.slug });
    const items = (r.data as { items: { kind: string; vendor: string; changes: { ref: string; before: string; after: string }[] }[] }).items;
    expect(items.map((i) => [i.kind, i.vendor])).toEqual([
      ["catalogue.vendor_changed", "Suite Mairie SaaS"],
      ["catalogue.vendor_changed", "Suite Mairie SaaS"],
    ]);
    const moved = items.flatMap((i) => i.changes);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ ref: actARef, before: "eu" });
    expect(moved[0]!.after).not.toBe("eu");
    const d = await call(notifications.loader, request(`/o/${D.slug}/notifications`, { cookie: dpoD.cookie }), { org: D.slug });
    expect((d.data as { items: unknown[] }).items).toEqual([]);
    // The EDITOR of A is not told (only DPOs and ADMINs are).
    const e = await call(notifications.loader, request(`/o/${A.slug}/notifications`, { cookie: inA.EDITOR.cookie }), { org: A.slug });
    expect((e.data as { items: unknown[] }).items).toEqual([]);
  });

  it("clearing another member's notification by id is a 404 and clears nothing", async () => {
    const theirs = await getDb().notification.findFirstOrThrow({ where: { userId: userIn.ADMIN, clearedAt: null } });
    const r = await call(
      notifications.action,
      request(`/o/${A.slug}/notifications`, { method: "POST", cookie: inA.DPO.cookie, body: form({ intent: "clear", id: theirs.id }) }),
      { org: A.slug },
    );
    expect(r.status).toBe(404);
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: theirs.id } })).clearedAt).toBeNull();
  });
});

describe("model activities", () => {
  let modelId: string;
  let sourceId: string;
  let refInA: string;

  it("the DPO service makes a model from a template and proposes it to A and B at once", async () => {
    const created = await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "fromTemplate", templateId: "etat-civil" }) }),
      { org: S.slug },
    );
    expect(created.status).toBe(302);
    const model = await getDb().activityModel.findFirstOrThrow({ where: { ownerOrgId: S.id } });
    modelId = model.id;
    sourceId = model.sourceActivityId;
    expect(model.templateId).toBe("etat-civil");
    // Proposing to an organization S was not granted fails as a whole: no draft anywhere.
    const refused = await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "propose", modelId, organizationIds: [A.id, D.id] }) }),
      { org: S.slug },
    );
    expect(refused.status).toBe(404);
    expect(await getDb().activity.count({ where: { modelId } })).toBe(0);
    const ok = await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "propose", modelId, organizationIds: [A.id, B.id] }) }),
      { org: S.slug },
    );
    expect(ok.status).toBe(302);
    const drafts = await getDb().activity.findMany({ where: { modelId }, orderBy: { organizationId: "asc" } });
    expect(drafts.map((x) => [x.organizationId, x.status, x.modelVersion])).toEqual(
      [
        [A.id, "DRAFT", 1],
        [B.id, "DRAFT", 1],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(drafts.every((x) => JSON.parse(x.prefilledPaths).length > 0)).toBe(true);
    refInA = drafts.find((x) => x.organizationId === A.id)!.ref;
    // Proposing again skips the organizations that already have it.
    await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "propose", modelId, organizationIds: [A.id] }) }),
      { org: S.slug },
    );
    expect(await getDb().activity.count({ where: { modelId } })).toBe(2);
    const told = await getDb().notification.findMany({ where: { organizationId: A.id, kind: "model.proposed", userId: userIn.DPO } });
    expect(told.map((n) => n.url)).toEqual([`/activities/${refInA}`]);
  });

  it("a new model version shows field by field; nothing changes until every field is decided", async () => {
    const source = (await getDb().activity.findUniqueOrThrow({ where: { id: sourceId } }))!;
    const content = JSON.parse(source.content) as Record<string, unknown>;
    await saveActivity(dpoS.user.id, S.id, sourceId, source.revision, {
      content: ActivityContentSchema.parse({
        ...content,
        name: "État civil (modèle 2027)",
        purposes: { main: "Tenue des registres d'état civil, nouvelle rédaction" },
      }),
      departmentId: null,
    });
    const published = await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "publish", modelId }) }),
      { org: S.slug },
    );
    expect(published.status).toBe(302);
    const again = await call(
      models.action,
      request(`/o/${S.slug}/models`, { method: "POST", cookie: dpoS.cookie, body: form({ intent: "publish", modelId }) }),
      { org: S.slug },
    );
    expect(again.status).toBe(409);

    const view = await call(activityModel.loader, request(`/o/${A.slug}/activities/${refInA}/model`, { cookie: inA.VIEWER.cookie }), {
      org: A.slug,
      ref: refInA,
    });
    const update = (view.data as { update: { from: number; to: number; fields: { field: string }[] }; canReview: boolean }).update;
    expect(update.from).toBe(1);
    expect(update.to).toBe(2);
    expect(update.fields.map((f) => f.field).sort()).toEqual(["name", "purposes"]);
    expect((view.data as { canReview: boolean }).canReview).toBe(false);

    const a = (await getActivityByRef(A.id, refInA))!;
    const url = `/o/${A.slug}/activities/${refInA}/model`;
    const viewerPost = await call(
      activityModel.action,
      request(url, {
        method: "POST",
        cookie: inA.VIEWER.cookie,
        body: form({ revision: String(a.revision), toVersion: "2", "field.name": "accept", "field.purposes": "accept" }),
      }),
      { org: A.slug, ref: refInA },
    );
    expect(viewerPost.status).toBe(403);
    const undecided = await call(
      activityModel.action,
      request(url, { method: "POST", cookie: inA.DPO.cookie, body: form({ revision: String(a.revision), toVersion: "2", "field.name": "accept" }) }),
      { org: A.slug, ref: refInA },
    );
    expect(undecided.status).toBe(409);
    expect(undecided.data).toEqual({ error: "models.error.undecided" });
    expect((await getActivityByRef(A.id, refInA))!.content).toBe(a.content);

    const decided = await call(
      activityModel.action,
      request(url, {
        method: "POST",
        cookie: inA.DPO.cookie,
        body: form({ revision: String(a.revision), toVersion: "2", "field.name": "ignore", "field.purposes": "accept" }),
      }),
      { org: A.slug, ref: refInA },
    );
    expect(decided.status).toBe(302);
    const after = (await getActivityByRef(A.id, refInA))!;
    expect(after.parsed.name).toBe(a.parsed.name);
    expect(after.parsed.purposes.main).toBe("Tenue des registres d'état civil, nouvelle rédaction");
    expect(after.modelVersion).toBe(2);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: A.id, action: "model.update_reviewed" } });
    expect(JSON.parse(audit.details)).toMatchObject({ ref: refInA, from: 1, to: 2, accepted: ["purposes"], ignored: ["name"] });
    const done = await call(activityModel.loader, request(url, { cookie: inA.DPO.cookie }), { org: A.slug, ref: refInA });
    expect((done.data as { update: unknown }).update).toBeNull();
    // B has not decided yet: its draft is untouched and still offered the update.
    const inB = await getDb().activity.findFirstOrThrow({ where: { modelId, organizationId: B.id } });
    expect(JSON.parse(inB.content).name).not.toBe("État civil (modèle 2027)");
    expect(inB.modelVersion).toBe(1);
    expect(await getDb().notification.count({ where: { organizationId: B.id, kind: "model.updated" } })).toBeGreaterThan(0);
  });
});
