/**
 * Issue 12 §7: an EDITOR sees only their departments' activities, on every page that lists activities.
 * Each page is loaded as a DPO (who must see the other department's activity, so the check cannot pass
 * vacuously) and as an EDITOR of the own department (whose answer must not contain its ref or name).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { addLocation, createHostingSite, createService, createVendor, linkActivity, type VendorInput } from "~/models/vendor.server.ts";
import * as dashboard from "~/routes/o.$org._index.tsx";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import * as activityList from "~/routes/o.$org.activities._index.tsx";
import * as audit from "~/routes/o.$org.audit.tsx";
import * as exportsPage from "~/routes/o.$org.exports.tsx";
import * as hosting from "~/routes/o.$org.hosting.tsx";
import * as registerJson from "~/routes/o.$org.register[.]json.ts";
import * as sovereignty from "~/routes/o.$org.sovereignty.tsx";
import * as whatIf from "~/routes/o.$org.sovereignty.what-if.tsx";
import * as vendorPage from "~/routes/o.$org.vendors.$vendorId/route.tsx";
import * as vendors from "~/routes/o.$org.vendors._index.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { createOrg, createUser, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

const HIDDEN = "Vidéoprotection confidentielle";
const OWN = "Paie des agents municipaux";
let slug: string;
let hiddenRef: string;
let ownRef: string;
let vendorId: string;
let serviceId: string;
let otherServiceId: string;
let editor: string;
let dpo: string;

function vendorInput(name: string): VendorInput {
  return vendorFields(name, { parentName: "Parent Inc.", parentCountry: "US" });
}

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  const author = await createUser();
  const own = await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: OWN }), departmentId: departments[0]!.id });
  const hidden = await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: HIDDEN }), departmentId: departments[1]!.id });
  ownRef = own.ref;
  hiddenRef = hidden.ref;
  const v = await createVendor(author.id, org.id, vendorInput("Nuage partagé"));
  vendorId = v.id;
  const s = await createService(author.id, org.id, v.id, { name: "Stockage", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  serviceId = s.id;
  await addLocation(author.id, org.id, s.id, {
    country: "US",
    role: "STORAGE",
    region: null,
    safeguard: null,
    tiaDone: false,
    safeguardUrl: null,
    providerServiceId: null,
  });
  const other = await createService(author.id, org.id, v.id, { name: "Sauvegarde", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  otherServiceId = other.id;
  const site = await createHostingSite(author.id, org.id, { name: "Salle serveurs", country: "FR", city: null, description: null });
  for (const a of [own, hidden]) {
    await linkActivity(author.id, org.id, a.id, { serviceId: s.id }, "PROCESSOR");
    await linkActivity(author.id, org.id, a.id, { siteId: site.id }, "HOSTING");
  }
  editor = (await signedInMember(org.id, "EDITOR", [departments[0]!.id])).cookie;
  dpo = (await signedInMember(org.id, "DPO")).cookie;
});

type Page = { name: string; handler: (args: never) => Promise<unknown>; url: () => string; params: () => Record<string, string>; listsOwn: boolean };
const pages: Page[] = [
  { name: "dashboard", handler: dashboard.loader as never, url: () => `/o/${slug}`, params: () => ({ org: slug }), listsOwn: false },
  { name: "register", handler: activityList.loader as never, url: () => `/o/${slug}/activities`, params: () => ({ org: slug }), listsOwn: true },
  {
    name: "register search",
    handler: activityList.loader as never,
    url: () => `/o/${slug}/activities?q=${encodeURIComponent("confidentielle")}`,
    params: () => ({ org: slug }),
    listsOwn: false,
  },
  { name: "sovereignty", handler: sovereignty.loader as never, url: () => `/o/${slug}/sovereignty`, params: () => ({ org: slug }), listsOwn: true },
  {
    name: "what-if",
    handler: whatIf.loader as never,
    url: () => `/o/${slug}/sovereignty/what-if?from=service:${serviceId}&to=${otherServiceId}`,
    params: () => ({ org: slug }),
    listsOwn: true,
  },
  {
    name: "vendor page",
    handler: vendorPage.loader as never,
    url: () => `/o/${slug}/vendors/${vendorId}`,
    params: () => ({ org: slug, vendorId }),
    listsOwn: true,
  },
  { name: "vendor catalogue", handler: vendors.loader as never, url: () => `/o/${slug}/vendors`, params: () => ({ org: slug }), listsOwn: false },
  { name: "hosting", handler: hosting.loader as never, url: () => `/o/${slug}/hosting`, params: () => ({ org: slug }), listsOwn: false },
];

describe("department scope on every page that lists activities", () => {
  for (const p of pages) {
    it(`${p.name}: a DPO sees the other department's activity, the EDITOR does not`, async () => {
      const asDpo = await call(p.handler as never, request(p.url(), { cookie: dpo }), p.params());
      expect(asDpo.status).toBe(200);
      const asEditor = await call(p.handler as never, request(p.url(), { cookie: editor }), p.params());
      expect(asEditor.status).toBe(200);
      const editorText = JSON.stringify(asEditor.data);
      expect(editorText).not.toContain(hiddenRef);
      expect(editorText).not.toContain(HIDDEN);
      if (p.listsOwn) {
        const dpoText = JSON.stringify(asDpo.data);
        expect(dpoText).toContain(hiddenRef);
        expect(editorText).toContain(ownRef);
      }
    });
  }

  it("the vendor page lists the other department's activity to a DPO only", async () => {
    const asDpo = await call(vendorPage.loader as never, request(`/o/${slug}/vendors/${vendorId}`, { cookie: dpo }), { org: slug, vendorId });
    const asEditor = await call(vendorPage.loader as never, request(`/o/${slug}/vendors/${vendorId}`, { cookie: editor }), { org: slug, vendorId });
    const refs = (d: unknown) => (d as { activities: { ref: string }[] }).activities.map((a) => a.ref).sort();
    expect(refs(asDpo.data)).toEqual([ownRef, hiddenRef].sort());
    expect(refs(asEditor.data)).toEqual([ownRef]);
  });

  it("the activity itself, exports, the JSON register and the audit log are refused to the EDITOR", async () => {
    expect(
      (await call(activityPage.loader as never, request(`/o/${slug}/activities/${hiddenRef}`, { cookie: editor }), { org: slug, ref: hiddenRef })).status,
    ).toBe(403);
    expect((await call(exportsPage.loader as never, request(`/o/${slug}/exports`, { cookie: editor }), { org: slug })).status).toBe(403);
    expect((await call(registerJson.loader as never, request(`/o/${slug}/register.json`, { cookie: editor }), { org: slug })).status).toBe(403);
    expect((await call(audit.loader as never, request(`/o/${slug}/audit`, { cookie: editor }), { org: slug })).status).toBe(403);
  });
});
