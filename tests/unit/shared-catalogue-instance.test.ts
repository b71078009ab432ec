/**
 * Issue 14 (ADR 020): the instance catalogue kept by the platform administrators (PLATFORM_ADMINS).
 * Any organization reads and subscribes to it without a grant; only platform administrators edit it
 * (a member who is not one reads it as a VIEWER); a change propagates and notifies exactly as for a
 * DPO service's catalogue. Route × role: platform administrator, ordinary DPO, viewer, a member of the
 * catalogue who is not a platform administrator, a user of another organization.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { getAnalysisVersion } from "~/models/analysis-version.server.ts";
import { hasGrant, listExposureChanges, listNotifications } from "~/models/catalogue.server.ts";
import { createModelFromActivity, proposeModel } from "~/models/referentiel.server.ts";
import { createSession } from "~/models/session.server.ts";
import { addLocation, createService, createVendor, linkActivity } from "~/models/vendor.server.ts";
import { effectiveRole, isPlatformAdmin } from "~/policies/platform.ts";
import * as account from "~/routes/account.tsx";
import * as catalogue from "~/routes/o.$org.catalogue.tsx";
import * as vendorEdit from "~/routes/o.$org.vendors.$vendorId.edit.tsx";
import * as vendorPage from "~/routes/o.$org.vendors.$vendorId/route.tsx";
import * as platform from "~/routes/platform.tsx";
import * as onboard from "~/routes/portfolio.onboard.tsx";
import * as portfolio from "~/routes/portfolio._index.tsx";
import { heldRoles, portfolioRows } from "~/models/portfolio.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv, resetEnvCache } from "~/utils/env.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type Org = { id: string; slug: string; name: string };
type Signed = { id: string; email: string; cookie: string };

const savedAdmins = process.env.PLATFORM_ADMINS;
const ADMIN_EMAIL = "plateforme@instance.example";
const ADMIN2_EMAIL = "plateforme-2@instance.example";

async function signedInUser(email?: string): Promise<Signed> {
  const u = await createUser(email ? { email } : {});
  const { token } = await createSession(u.id);
  return { id: u.id, email: u.email, cookie: `${SESSION_COOKIE}=${token}` };
}

function setAdmins(v: string | undefined) {
  if (v === undefined) delete process.env.PLATFORM_ADMINS;
  else process.env.PLATFORM_ADMINS = v;
  resetEnvCache();
}

let platformAdmin: Signed;
let platformAdmin2: Signed;
let P: Org; // the instance catalogue
let A: Org; // a commune that subscribes
let E: Org; // another commune that subscribes
let F: Org; // a commune that does not
let dpoA: Member;
let viewerA: Member;
let dpoE: Member;
let dpoF: Member;
let notAdminInP: Signed; // ADMIN member of P, not a platform administrator
let vendorId: string;
let serviceId: string;
let actA: string;

beforeAll(async () => {
  // Mixed case and separators: the list is normalised when parsed.
  setAdmins(` ${ADMIN_EMAIL.toUpperCase()}, ${ADMIN2_EMAIL} `);
  platformAdmin = await signedInUser(ADMIN_EMAIL);
  platformAdmin2 = await signedInUser(ADMIN2_EMAIL);
  const a = await createOrg("Commune d'Abeille");
  A = a.org;
  E = (await createOrg("Commune d'Épi")).org;
  F = (await createOrg("Commune de Fougère")).org;
  dpoA = await signedInMember(A.id, "DPO");
  viewerA = await signedInMember(A.id, "VIEWER");
  dpoE = await signedInMember(E.id, "DPO");
  dpoF = await signedInMember(F.id, "DPO");
  notAdminInP = await signedInUser();
  actA = (
    await createActivity(dpoA.user.id, A.id, {
      content: ActivityContentSchema.parse({ name: "Messagerie des agents" }),
      departmentId: a.departments[0]!.id,
    })
  ).id;
}, 60_000);

afterAll(() => setAdmins(savedAdmins));

describe("configuration and policies", () => {
  it("PLATFORM_ADMINS is a normalised list of e-mail addresses; a bad one stops the start", () => {
    expect(getEnv().PLATFORM_ADMINS).toEqual([ADMIN_EMAIL, ADMIN2_EMAIL]);
    setAdmins("ok@instance.example; pas-une-adresse");
    expect(() => getEnv()).toThrow(/PLATFORM_ADMINS/);
    setAdmins(undefined);
    expect(getEnv().PLATFORM_ADMINS).toEqual([]);
    setAdmins(`${ADMIN_EMAIL},${ADMIN2_EMAIL}`);
  });
  it("only platform administrators keep their role in an instance catalogue", () => {
    expect(isPlatformAdmin(" Plateforme@Instance.example", [ADMIN_EMAIL])).toBe(true);
    expect(isPlatformAdmin("autre@instance.example", [ADMIN_EMAIL])).toBe(false);
    expect(effectiveRole("ADMIN", { instanceCatalogue: true }, true)).toBe("ADMIN");
    expect(effectiveRole("ADMIN", { instanceCatalogue: true }, false)).toBe("VIEWER");
    expect(effectiveRole("DPO", { instanceCatalogue: false }, false)).toBe("DPO");
  });
});

describe("the platform page", () => {
  it("is a 404 for anyone but a platform administrator, who creates and joins instance catalogues", async () => {
    for (const who of [dpoA, notAdminInP]) {
      expect((await call(platform.loader, request("/platform", { cookie: who.cookie }))).status).toBe(404);
      const post = await call(
        platform.action,
        request("/platform", { method: "POST", cookie: who.cookie, body: form({ intent: "create", name: "Pirate", slug: "pirate" }) }),
      );
      expect(post.status).toBe(404);
    }
    expect(await getDb().organization.count({ where: { slug: "pirate" } })).toBe(0);
    expect((await call(platform.loader, request("/platform"))).status).toBe(302);
    // The account page links to it for platform administrators only.
    expect((await call(account.loader, request("/account", { cookie: platformAdmin.cookie }))).data).toMatchObject({ platformAdmin: true });
    expect((await call(account.loader, request("/account", { cookie: dpoA.cookie }))).data).toMatchObject({ platformAdmin: false });

    const bad = await call(
      platform.action,
      request("/platform", { method: "POST", cookie: platformAdmin.cookie, body: form({ intent: "create", name: "Catalogue", slug: "Pas Valide" }) }),
    );
    expect(bad.status).toBe(400);
    const created = await call(
      platform.action,
      request("/platform", {
        method: "POST",
        cookie: platformAdmin.cookie,
        body: form({ intent: "create", name: "Catalogue national des éditeurs", slug: "catalogue-instance" }),
      }),
    );
    expect(created.status).toBe(302);
    expect(created.location).toBe("/o/catalogue-instance/catalogue");
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug: "catalogue-instance" } });
    expect(org.instanceCatalogue).toBe(true);
    P = org;
    const taken = await call(
      platform.action,
      request("/platform", { method: "POST", cookie: platformAdmin.cookie, body: form({ intent: "create", name: "Encore", slug: A.slug }) }),
    );
    expect(taken.status).toBe(400);
    expect(taken.data).toEqual({ error: "errors.slugTaken" });
    // The second platform administrator joins it; listing shows whether one is a member.
    const list = await call(platform.loader, request("/platform", { cookie: platformAdmin2.cookie }));
    expect((list.data as { catalogues: { id: string; member: boolean }[] }).catalogues).toEqual([expect.objectContaining({ id: P.id, member: false })]);
    const join = await call(
      platform.action,
      request("/platform", { method: "POST", cookie: platformAdmin2.cookie, body: form({ intent: "join", organizationId: P.id }) }),
    );
    expect(join.status).toBe(302);
    expect((await getDb().membership.findFirstOrThrow({ where: { userId: platformAdmin2.id, organizationId: P.id } })).role).toBe("ADMIN");
    // Joining an ordinary organization that way is not possible.
    const sneak = await call(
      platform.action,
      request("/platform", { method: "POST", cookie: platformAdmin2.cookie, body: form({ intent: "join", organizationId: A.id }) }),
    );
    expect(sneak.status).toBe(404);
    expect(await getDb().membership.count({ where: { userId: platformAdmin2.id, organizationId: A.id } })).toBe(0);
    expect(
      await getDb().auditEvent.count({ where: { organizationId: P.id, action: { in: ["catalogue.instance_created", "catalogue.instance_joined"] } } }),
    ).toBe(2);
  });
});

describe("the instance catalogue: routes × roles", () => {
  beforeAll(async () => {
    const v = await createVendor(platformAdmin.id, P.id, {
      name: "Messagerie Souveraine SAS",
      legalName: null,
      registrationNumber: null,
      website: null,
      country: "FR",
      parentName: null,
      parentCountry: null,
      contactName: null,
      contactEmail: null,
      hdsActivities: null,
      hdsExpiry: null,
      iso27001Expiry: null,
      dpfCertified: null,
      dpfCheckedAt: null,
      shareholdingWithinLimits: null,
      dpaStatus: "NONE",
      dpaSignedAt: null,
      dpaReference: null,
      dpaNextReview: null,
      notes: null,
    });
    vendorId = v.id;
    serviceId = (
      await createService(platformAdmin.id, P.id, vendorId, {
        name: "Messagerie hébergée",
        description: null,
        secNumCloudQualified: false,
        secNumCloudDate: null,
      })
    ).id;
    await addLocation(platformAdmin.id, P.id, serviceId, {
      role: "STORAGE",
      country: "FR",
      region: null,
      providerServiceId: null,
      safeguard: null,
      tiaDone: false,
      safeguardUrl: null,
    });
    // A member of P who is not a platform administrator (invited there, say).
    await addMember(notAdminInP.id, P.id, "ADMIN");
  });

  const share = (cookie: string) =>
    call(catalogue.action, request(`/o/${P.slug}/catalogue`, { method: "POST", cookie, body: form({ intent: "share", vendorId, shared: "true" }) }), {
      org: P.slug,
    });

  it("only a platform administrator shares a vendor of it; another member of P reads it as a VIEWER", async () => {
    expect((await share(notAdminInP.cookie)).status).toBe(403);
    expect((await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } })).shared).toBe(false);
    const page = await call(catalogue.loader, request(`/o/${P.slug}/catalogue`, { cookie: notAdminInP.cookie }), { org: P.slug });
    expect(page.status).toBe(200);
    expect((page.data as { manage: boolean }).manage).toBe(false);
    expect((await share(platformAdmin.cookie)).status).toBe(302);
    expect((await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } })).shared).toBe(true);
    const own = await call(catalogue.loader, request(`/o/${P.slug}/catalogue`, { cookie: platformAdmin.cookie }), { org: P.slug });
    expect(own.data).toMatchObject({ manage: true, instanceCatalogue: true });
  });

  it("the portfolio applies the same rule: another member of P is a VIEWER there, and cannot onboard through it", async () => {
    const [row] = await portfolioRows(notAdminInP.id);
    expect(row).toMatchObject({ id: P.id, role: "VIEWER" });
    expect(await heldRoles(notAdminInP.id)).toEqual([expect.objectContaining({ id: P.id, role: "VIEWER" })]);
    // Held as ADMIN in the database, so before the rule reached the portfolio this answered 200.
    expect((await call(onboard.loader, request("/portfolio/onboard", { cookie: notAdminInP.cookie }))).status).toBe(403);
    const page = await call(portfolio.loader, request("/portfolio", { cookie: notAdminInP.cookie }));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ canOnboard: false });
    // A platform administrator keeps the role stored for them.
    const own = (await portfolioRows(platformAdmin.id, new Date(), true)).find((r) => r.id === P.id);
    expect(own?.role).toBe("ADMIN");
  });

  it("every organization reads it and subscribes without a grant; a viewer reads but does not subscribe", async () => {
    expect(await getDb().catalogueGrant.count({ where: { ownerOrgId: P.id } })).toBe(0);
    expect(await hasGrant(P.id, A.id)).toBe(true);
    expect(await hasGrant(P.id, P.id)).toBe(false);
    for (const who of [dpoA, viewerA]) {
      const page = await call(catalogue.loader, request(`/o/${A.slug}/catalogue`, { cookie: who.cookie }), { org: A.slug });
      expect(page.status).toBe(200);
      const available = (page.data as { available: { id: string; owner: string; instance: boolean }[] }).available;
      expect(available).toEqual([expect.objectContaining({ id: vendorId, owner: "Catalogue national des éditeurs", instance: true })]);
    }
    const subscribe = (who: Member, org: Org) =>
      call(catalogue.action, request(`/o/${org.slug}/catalogue`, { method: "POST", cookie: who.cookie, body: form({ intent: "subscribe", vendorId }) }), {
        org: org.slug,
      });
    expect((await subscribe(viewerA, A)).status).toBe(403);
    expect((await subscribe(dpoA, A)).status).toBe(302);
    expect((await subscribe(dpoE, E)).status).toBe(302);
    expect(await getDb().vendorSubscription.count({ where: { vendorId } })).toBe(2);
    // A user of another organization reads nothing of A's catalogue page, nor subscribes A.
    expect((await call(catalogue.loader, request(`/o/${A.slug}/catalogue`, { cookie: dpoE.cookie }), { org: A.slug })).status).toBe(404);
    expect((await subscribe(dpoE, A)).status).toBe(404);
    await linkActivity(dpoA.user.id, A.id, actA, { serviceId }, "PROCESSOR");
  });

  it("a subscriber, a member of P who is not a platform administrator, and a stranger cannot edit the vendor", async () => {
    const v = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const body = () => form({ version: String(v.version), name: "Repris", country: "US", dpaStatus: "NONE" });
    const edit = (cookie: string, org: string) =>
      call(vendorEdit.action, request(`/o/${org}/vendors/${vendorId}/edit`, { method: "POST", cookie, body: body() }), { org, vendorId });
    expect((await edit(dpoA.cookie, A.slug)).status).toBe(404); // not A's vendor
    expect((await edit(dpoA.cookie, P.slug)).status).toBe(404); // not a member of P
    expect((await edit(dpoF.cookie, P.slug)).status).toBe(404);
    expect((await edit(notAdminInP.cookie, P.slug)).status).toBe(403); // a member, but only a VIEWER there
    const loc = await call(
      vendorPage.action,
      request(`/o/${P.slug}/vendors/${vendorId}`, {
        method: "POST",
        cookie: notAdminInP.cookie,
        body: form({ intent: "addLocation", serviceId, role: "STORAGE", country: "US" }),
      }),
      { org: P.slug, vendorId },
    );
    expect(loc.status).toBe(403);
    const after = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect([after.name, after.country, after.version]).toEqual([v.name, "FR", v.version]);
    expect(await getDb().serviceLocation.count({ where: { serviceId } })).toBe(1);
  });

  it("a platform administrator's hosting move propagates to every subscriber, as for a DPO service's catalogue", async () => {
    const before = Object.fromEntries(await Promise.all([A, E, F].map(async (o) => [o.id, await getAnalysisVersion(o.id)] as const)));
    const add = await call(
      vendorPage.action,
      request(`/o/${P.slug}/vendors/${vendorId}`, {
        method: "POST",
        cookie: platformAdmin.cookie,
        body: form({ intent: "addLocation", serviceId, role: "STORAGE", country: "US" }),
      }),
      { org: P.slug, vendorId },
    );
    expect(add.status).toBe(302);
    expect(await getAnalysisVersion(A.id)).toBeGreaterThan(before[A.id]!);
    expect(await getAnalysisVersion(E.id)).toBeGreaterThan(before[E.id]!);
    expect(await getAnalysisVersion(F.id)).toBe(before[F.id]);
    // The subscribers' DPOs are told in the app; the non-subscriber's are not.
    for (const [who, org] of [
      [dpoA, A],
      [dpoE, E],
    ] as const) {
      const n = await listNotifications(who.user.id, org.id);
      expect(n.map((x) => [x.kind, JSON.parse(x.params).vendor])).toEqual([["catalogue.vendor_changed", "Messagerie Souveraine SAS"]]);
    }
    expect(await listNotifications(viewerA.user.id, A.id)).toEqual([]);
    expect(await listNotifications(dpoF.user.id, F.id)).toEqual([]);
    const change = await getDb().catalogueChange.findFirstOrThrow({ where: { vendorId }, include: { impacts: true } });
    expect(change.ownerOrgId).toBe(P.id);
    expect(change.impacts.map((i) => i.organizationId).sort()).toEqual([A.id, E.id].sort());
    // The portfolio's view: A's activity moved out of "eu".
    const changes = await listExposureChanges([A.id], new Date(0));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.activities).toEqual([expect.objectContaining({ activityId: actA, before: "eu" })]);
    expect(changes[0]!.activities[0]!.after).not.toBe("eu");
  });

  it("removed from PLATFORM_ADMINS, an administrator loses the catalogue and the platform page at once", async () => {
    setAdmins(ADMIN2_EMAIL);
    try {
      expect((await share(platformAdmin.cookie)).status).toBe(403);
      expect((await call(platform.loader, request("/platform", { cookie: platformAdmin.cookie }))).status).toBe(404);
      expect((await call(platform.loader, request("/platform", { cookie: platformAdmin2.cookie }))).status).toBe(200);
    } finally {
      setAdmins(`${ADMIN_EMAIL},${ADMIN2_EMAIL}`);
    }
  });
});

describe("model proposals still need an explicit grant", () => {
  it("an instance catalogue cannot push drafts into every organization's register", async () => {
    const departmentId = (await getDb().department.create({ data: { organizationId: P.id, name: "Catalogue" } })).id;
    const src = await createActivity(platformAdmin.id, P.id, { content: ActivityContentSchema.parse({ name: "Messagerie (modèle)" }), departmentId });
    const model = await createModelFromActivity(platformAdmin.id, P.id, src.id);
    await expect(proposeModel(platformAdmin.id, P.id, model.id, [A.id])).rejects.toMatchObject({ reason: "no_grant" });
    expect(await getDb().activity.count({ where: { organizationId: A.id, modelId: model.id } })).toBe(0);
  });
});
