/**
 * Issue 14 (ADR 020): a draft proposed from a model activity says so on its page (the model, its
 * version, the organization that keeps it), and points to a newer version's review only for a member
 * who may review it. An ordinary activity says nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, saveActivity } from "~/models/activity.server.ts";
import { grantCatalogue } from "~/models/catalogue.server.ts";
import { createModelFromActivity, modelOriginOf, proposeModel, publishModelVersion } from "~/models/referentiel.server.ts";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
let serviceName: string;
let communeSlug: string;
let draftRef: string;
let ownRef: string;
let dpo: Member;
let viewer: Member;
let sourceId: string;

const origin = (data: unknown) => (data as { modelOrigin: unknown }).modelOrigin;

beforeAll(async () => {
  const service = (await createOrg("Centre de gestion de Démo")).org;
  serviceName = service.name;
  const commune = (await createOrg("Commune de Modèle-sur-Test")).org;
  communeSlug = commune.slug;
  dpo = await signedInMember(service.id, "DPO");
  await addMember(dpo.user.id, commune.id, "DPO");
  viewer = await signedInMember(commune.id, "VIEWER");
  await grantCatalogue(dpo.user.id, service.id, commune.slug);
  const source = await createActivity(dpo.user.id, service.id, { content: ActivityContentSchema.parse({ name: "Gestion du cimetière" }), departmentId: null });
  sourceId = source.id;
  const model = await createModelFromActivity(dpo.user.id, service.id, source.id);
  await proposeModel(dpo.user.id, service.id, model.id, [commune.id]);
  const draft = await getDb().activity.findFirstOrThrow({ where: { organizationId: commune.id, modelId: model.id } });
  draftRef = draft.ref;
  const own = await createActivity(dpo.user.id, commune.id, { content: ActivityContentSchema.parse({ name: "Paie des agents" }), departmentId: null });
  ownRef = own.ref;
});

describe("the origin of a model's draft", () => {
  it("names the model, its version and its owner on the draft's page", async () => {
    const page = await call(activityPage.loader, request(`/o/${communeSlug}/activities/${draftRef}`, { cookie: dpo.cookie }), {
      org: communeSlug,
      ref: draftRef,
    });
    expect(page.status).toBe(200);
    expect(origin(page.data)).toEqual({ model: "Gestion du cimetière", owner: serviceName, version: 1, latest: 1, canReview: true });
  });

  it("is null for an activity that does not come from a model", async () => {
    const page = await call(activityPage.loader, request(`/o/${communeSlug}/activities/${ownRef}`, { cookie: dpo.cookie }), { org: communeSlug, ref: ownRef });
    expect(page.status).toBe(200);
    expect(origin(page.data)).toBeNull();
    expect(await modelOriginOf({ modelId: null, modelVersion: null })).toBeNull();
    expect(await modelOriginOf({ modelId: "no-such-model", modelVersion: 1 })).toBeNull();
  });

  it("keeps the version last reviewed when the model moves on; only an editor of the activity may review it", async () => {
    const source = await getDb().activity.findUniqueOrThrow({ where: { id: sourceId } });
    const model = await getDb().activityModel.findFirstOrThrow({ where: { sourceActivityId: sourceId } });
    await saveActivity(dpo.user.id, source.organizationId, source.id, source.revision, {
      content: ActivityContentSchema.parse({ name: "Gestion du cimetière", purposes: { main: "Gestion des concessions funéraires", sub: [] } }),
      departmentId: null,
    });
    await publishModelVersion(dpo.user.id, source.organizationId, model.id);
    const asDpo = await call(activityPage.loader, request(`/o/${communeSlug}/activities/${draftRef}`, { cookie: dpo.cookie }), {
      org: communeSlug,
      ref: draftRef,
    });
    expect(origin(asDpo.data)).toEqual({ model: "Gestion du cimetière", owner: serviceName, version: 1, latest: 2, canReview: true });
    const asViewer = await call(activityPage.loader, request(`/o/${communeSlug}/activities/${draftRef}`, { cookie: viewer.cookie }), {
      org: communeSlug,
      ref: draftRef,
    });
    expect(asViewer.status).toBe(200);
    expect(origin(asViewer.data)).toEqual({ model: "Gestion du cimetière", owner: serviceName, version: 1, latest: 2, canReview: false });
  });
});
