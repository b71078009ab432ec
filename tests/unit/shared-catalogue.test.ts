/**
 * Issue 14 (ADR 020): the shared vendor catalogue and its propagation, on the real SQLite test database.
 * A DPO service shares a vendor; two communes are granted the catalogue and subscribe; a third is granted
 * but does not subscribe; a fourth keeps a private vendor of the same name. Moving the shared vendor's
 * hosting to the United States must change the subscribers' analyses and notify their DPOs/ADMINs, and
 * leave the others untouched.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { getAnalysisVersion } from "~/models/analysis-version.server.ts";
import {
  CatalogueError,
  clearNotifications,
  exposureChangesOf,
  grantCatalogue,
  listAvailableSharedVendors,
  listExposureChanges,
  listNotifications,
  revokeGrant,
  setVendorShared,
  subscribeVendor,
  unsubscribeVendor,
  updateSubscriptionContract,
} from "~/models/catalogue.server.ts";
import { analyseActivity, sovereigntyDashboard } from "~/models/sovereignty.server.ts";
import {
  addLocation,
  createService,
  createVendor,
  deleteVendor,
  linkActivity,
  removeLocation,
  SharedVendorInUseError,
  updateVendor,
  VendorNotFoundError,
  type LocationInput,
} from "~/models/vendor.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser, vendorFields } from "../helpers/factories.ts";

const location = (country: string): LocationInput => ({
  role: "STORAGE",
  country,
  region: null,
  providerServiceId: null,
  safeguard: null,
  tiaDone: false,
  safeguardUrl: null,
});

type Org = { id: string; slug: string };
let service: Org; // the DPO service (catalogue owner)
let a: Org; // subscriber
let b: Org; // subscriber
let c: Org; // granted, not subscribed
let d: Org; // not granted, private vendor
let dpo: { id: string };
let dpoA: { id: string };
let adminA: { id: string };
let editorA: { id: string };
let dpoB: { id: string };
let dpoC: { id: string };
let dpoD: { id: string };
let vendorId: string;
let serviceId: string;
let frLocationId: string;
let actA: string;
let actB: string;
let actD: string;

const act = async (actor: string, org: string, name: string) =>
  (await createActivity(actor, org, { content: ActivityContentSchema.parse({ name }), departmentId: null })).id;

beforeAll(async () => {
  service = (await createOrg("Service DPO mutualisé")).org;
  a = (await createOrg("Commune A")).org;
  b = (await createOrg("Commune B")).org;
  c = (await createOrg("Commune C")).org;
  d = (await createOrg("Commune D")).org;
  dpo = await createUser();
  for (const o of [service, a, b, c]) await addMember(dpo.id, o.id, "DPO");
  dpoA = await createUser();
  await addMember(dpoA.id, a.id, "DPO");
  adminA = await createUser();
  await addMember(adminA.id, a.id, "ADMIN");
  editorA = await createUser();
  await addMember(editorA.id, a.id, "EDITOR");
  dpoB = dpo;
  dpoC = dpo;
  dpoD = await createUser();
  await addMember(dpoD.id, d.id, "DPO");

  const v = await createVendor(dpo.id, service.id, vendorFields("Berger-Levrault"));
  vendorId = v.id;
  serviceId = (
    await createService(dpo.id, service.id, vendorId, { name: "Suite mairie", description: null, secNumCloudQualified: false, secNumCloudDate: null })
  ).id;
  frLocationId = (await addLocation(dpo.id, service.id, serviceId, location("FR"))).id;
  await setVendorShared(dpo.id, service.id, vendorId, true);
  for (const o of [a, b, c]) await grantCatalogue(dpo.id, service.id, o.slug);
  await subscribeVendor(dpoA.id, a.id, vendorId);
  await subscribeVendor(dpo.id, b.id, vendorId);
  actA = await act(dpoA.id, a.id, "État civil");
  actB = await act(dpo.id, b.id, "Paie");
  await act(dpo.id, c.id, "Cantine");
  await linkActivity(dpoA.id, a.id, actA, { serviceId }, "PROCESSOR");
  await linkActivity(dpo.id, b.id, actB, { serviceId }, "PROCESSOR");
  // D has its own vendor of the same name, hosted in France too.
  const own = await createVendor(dpoD.id, d.id, vendorFields("Berger-Levrault"));
  const ownService = await createService(dpoD.id, d.id, own.id, {
    name: "Suite mairie",
    description: null,
    secNumCloudQualified: false,
    secNumCloudDate: null,
  });
  await addLocation(dpoD.id, d.id, ownService.id, location("FR"));
  actD = await act(dpoD.id, d.id, "Urbanisme");
  await linkActivity(dpoD.id, d.id, actD, { serviceId: ownService.id }, "PROCESSOR");
});

describe("subscribing", () => {
  it("a subscriber's analysis reads the shared vendor's services and locations", async () => {
    const analysis = await analyseActivity(a.id, actA);
    expect(analysis.level).toBe("eu");
    expect(analysis.countries).toEqual(["FR"]);
  });

  it("lists the granted catalogues' shared vendors with the organization's own subscription", async () => {
    const forA = await listAvailableSharedVendors(a.id);
    expect(forA.map((v) => [v.name, v.subscription !== null])).toEqual([["Berger-Levrault", true]]);
    const forC = await listAvailableSharedVendors(c.id);
    expect(forC.map((v) => [v.name, v.subscription !== null])).toEqual([["Berger-Levrault", false]]);
    expect(await listAvailableSharedVendors(d.id)).toEqual([]);
  });

  it("an organization without a grant can neither subscribe nor link the shared service", async () => {
    await expect(subscribeVendor(dpoD.id, d.id, vendorId)).rejects.toMatchObject({ reason: "no_grant" });
    await expect(linkActivity(dpoD.id, d.id, actD, { serviceId }, "PROCESSOR")).rejects.toBeInstanceOf(VendorNotFoundError);
    expect(await getDb().vendorSubscription.count({ where: { organizationId: d.id } })).toBe(0);
  });

  it("a granted organization that did not subscribe cannot link the shared service", async () => {
    const cAct = (await getDb().activity.findFirstOrThrow({ where: { organizationId: c.id } })).id;
    await expect(linkActivity(dpo.id, c.id, cAct, { serviceId }, "PROCESSOR")).rejects.toBeInstanceOf(VendorNotFoundError);
  });

  it("the contract stays the subscriber's own and shows on its dashboard", async () => {
    await updateSubscriptionContract(dpoA.id, a.id, vendorId, {
      dpaStatus: "SIGNED",
      dpaSignedAt: new Date("2026-01-15"),
      dpaReference: "A-2026-1",
      dpaNextReview: null,
      notes: null,
    });
    const subs = await getDb().vendorSubscription.findMany({ where: { vendorId }, orderBy: { organizationId: "asc" } });
    expect(Object.fromEntries(subs.map((s) => [s.organizationId, s.dpaStatus]))).toEqual({ [a.id]: "SIGNED", [b.id]: "NONE" });
    const vendor = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(vendor.dpaStatus).toBe("NONE");
    const dashA = await sovereigntyDashboard(a.id);
    const dashB = await sovereigntyDashboard(b.id);
    expect(dashA.dpaAttention.map((x) => x.name)).toEqual([]);
    expect(dashB.dpaAttention.map((x) => [x.name, x.dpaStatus])).toEqual([["Berger-Levrault", "NONE"]]);
    expect(dashA.vendorsRanked.map((x) => x.name)).toEqual(["Berger-Levrault"]);
  });

  it("only the owner edits a shared vendor: a subscriber's edit finds nothing", async () => {
    const v = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    await expect(updateVendor(dpoA.id, a.id, vendorId, v.version, vendorFields("Pirate", { country: "US" }))).rejects.toBeInstanceOf(VendorNotFoundError);
    await expect(addLocation(dpoA.id, a.id, serviceId, location("CN"))).rejects.toBeInstanceOf(VendorNotFoundError);
    await expect(setVendorShared(dpoA.id, a.id, vendorId, false)).rejects.toMatchObject({ reason: "not_found" });
    expect((await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } })).name).toBe("Berger-Levrault");
  });

  it("an owner cannot unshare, delete or revoke what is in use", async () => {
    await expect(setVendorShared(dpo.id, service.id, vendorId, false)).rejects.toMatchObject({ reason: "in_use" });
    await expect(deleteVendor(dpo.id, service.id, vendorId)).rejects.toBeInstanceOf(SharedVendorInUseError);
    await expect(revokeGrant(dpo.id, service.id, a.id)).rejects.toMatchObject({ reason: "subscribed" });
    await expect(unsubscribeVendor(dpoA.id, a.id, vendorId)).rejects.toMatchObject({ reason: "in_use" });
  });

  it("a grant needs the granting person to be a reviewer of the other organization", async () => {
    await expect(grantCatalogue(dpo.id, service.id, d.slug)).rejects.toBeInstanceOf(CatalogueError);
    expect(await getDb().catalogueGrant.count({ where: { subscriberOrgId: d.id } })).toBe(0);
  });
});

describe("propagation of a hosting move", () => {
  let versions: Record<string, number>;
  let auditBefore: number;
  beforeAll(async () => {
    await clearNotifications(dpoA.id, a.id);
    versions = Object.fromEntries(await Promise.all([a, b, c, d].map(async (o) => [o.id, await getAnalysisVersion(o.id)] as const)));
    auditBefore = await getDb().auditEvent.count();
    // The DPO service moves the shared service's storage from France to the United States.
    await addLocation(dpo.id, service.id, serviceId, location("US"));
    await removeLocation(dpo.id, service.id, frLocationId);
  });

  it("bumps the analysis version of the subscribers only", async () => {
    expect(await getAnalysisVersion(a.id)).toBeGreaterThan(versions[a.id]!);
    expect(await getAnalysisVersion(b.id)).toBeGreaterThan(versions[b.id]!);
    expect(await getAnalysisVersion(c.id)).toBe(versions[c.id]);
    expect(await getAnalysisVersion(d.id)).toBe(versions[d.id]);
  });

  it("changes the subscribers' analysis and leaves the private vendor's organization alone", async () => {
    const after = await analyseActivity(a.id, actA);
    expect(after.countries).toEqual(["US"]);
    expect(after.level).not.toBe("eu");
    expect((await analyseActivity(b.id, actB)).countries).toEqual(["US"]);
    const own = await analyseActivity(d.id, actD);
    expect(own.countries).toEqual(["FR"]);
    expect(own.level).toBe("eu");
  });

  it("notifies the DPOs and ADMINs of each subscriber, not its EDITORs nor other organizations", async () => {
    const forDpoA = await listNotifications(dpoA.id, a.id);
    expect(forDpoA.map((n) => [n.kind, JSON.parse(n.params).vendor])).toEqual([
      ["catalogue.vendor_changed", "Berger-Levrault"],
      ["catalogue.vendor_changed", "Berger-Levrault"],
    ]);
    expect((await listNotifications(adminA.id, a.id)).length).toBe(2);
    expect(await listNotifications(editorA.id, a.id)).toEqual([]);
    expect((await listNotifications(dpoB.id, b.id)).length).toBe(2);
    expect(await listNotifications(dpoC.id, c.id)).toEqual([]);
    expect(await listNotifications(dpoD.id, d.id)).toEqual([]);
  });

  it("each subscriber's audit log records the change; the owner's too", async () => {
    const events = await getDb().auditEvent.findMany({ where: { seq: { gt: auditBefore }, action: "catalogue.vendor_changed" } });
    const byOrg = new Map<string | null, number>();
    for (const e of events) byOrg.set(e.organizationId, (byOrg.get(e.organizationId) ?? 0) + 1);
    expect(Object.fromEntries(byOrg)).toEqual({ [service.id]: 2, [a.id]: 2, [b.id]: 2 });
  });

  it("says which activities changed exposure level, before → after, and lists it for the portfolio", async () => {
    const [first] = await listNotifications(dpoA.id, a.id);
    // The newest notification is the removal of the French location: that one moved the level.
    const changes = await listExposureChanges([a.id, b.id, c.id, d.id], new Date(0));
    const forA = changes.filter((x) => x.organizationId === a.id);
    expect(forA.length).toBe(2);
    const moved = forA.flatMap((x) => x.activities);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m.activityId === actA)).toBe(true);
    const finalLevel = (await analyseActivity(a.id, actA)).level;
    // Chained: first eu → (FR+US), then → US only; the last "after" is the current level.
    const newest = forA[0]!;
    const oldest = forA[1]!;
    // Adding the US storage moved the activity out of "eu"; removing the French one then changed no level.
    expect(oldest.activities).toEqual([{ activityId: actA, ref: expect.any(String), name: "État civil", before: "eu", after: finalLevel }]);
    expect(newest.activities).toEqual([]);
    expect(newest.fields).toEqual(["locations"]);
    expect(changes.some((x) => x.organizationId === c.id || x.organizationId === d.id)).toBe(false);
    const one = await exposureChangesOf(a.id, first!.impactId!);
    expect(one?.vendorName).toBe("Berger-Levrault");
    // Another organization's impact is not readable through this one.
    expect(await exposureChangesOf(d.id, first!.impactId!)).toBeNull();
    // Stored once computed: the answer does not change when read again.
    const stored = await getDb().catalogueImpact.findUniqueOrThrow({ where: { id: first!.impactId! } });
    expect(stored.computedAt).not.toBeNull();
  });

  it("a change that the analysis does not read (contact name) propagates nothing", async () => {
    const v = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    const n = await getDb().catalogueChange.count();
    await updateVendor(dpo.id, service.id, vendorId, v.version, { ...vendorFields("Berger-Levrault"), contactName: "Service commercial" });
    expect(await getDb().catalogueChange.count()).toBe(n);
  });

  it("a change of parent company and a lost certification propagate, with the facts named", async () => {
    const v = await getDb().vendor.findUniqueOrThrow({ where: { id: vendorId } });
    await updateVendor(dpo.id, service.id, vendorId, v.version, {
      ...vendorFields("Berger-Levrault"),
      parentName: "Global Holdings Inc.",
      parentCountry: "US",
      contactName: "Service commercial",
    });
    const last = await getDb().catalogueChange.findFirstOrThrow({ where: { vendorId }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(last.fields)).toEqual(["parentName", "parentCountry"]);
    expect(await getDb().catalogueImpact.count({ where: { changeId: last.id } })).toBe(2);
  });

  it("clearing is per user: one DPO's clearing leaves the ADMIN's list", async () => {
    const before = (await listNotifications(adminA.id, a.id)).length;
    expect(await clearNotifications(dpoA.id, a.id)).toBeGreaterThan(0);
    expect(await listNotifications(dpoA.id, a.id)).toEqual([]);
    expect((await listNotifications(adminA.id, a.id)).length).toBe(before);
    // Clearing someone else's notification by id does nothing.
    const theirs = (await listNotifications(adminA.id, a.id))[0]!;
    expect(await clearNotifications(dpoA.id, a.id, theirs.id)).toBe(0);
    expect((await listNotifications(adminA.id, a.id)).length).toBe(before);
  });
});
