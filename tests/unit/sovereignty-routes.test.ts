/**
 * The sovereignty routes on the real SQLite test database: the dashboard's counts, the what-if
 * simulation (which must write nothing), linking and unlinking vendors on the activity page, and the
 * analysis in the activity page's loader.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, getActivityByRef, transitionActivity } from "~/models/activity.server.ts";
import { addLocation, createHostingSite, createService, createVendor, linkActivity, type LocationInput, type VendorInput } from "~/models/vendor.server.ts";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import * as dashboard from "~/routes/o.$org.sovereignty.tsx";
import * as whatIfRoute from "~/routes/o.$org.sovereignty.what-if.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

function vendorInput(name: string, over: Partial<VendorInput> = {}): VendorInput {
  return vendorFields(name, { dpaStatus: "SIGNED", ...over });
}
const location = (country: string, over: Partial<LocationInput> = {}): LocationInput => ({
  role: "STORAGE",
  country,
  region: null,
  providerServiceId: null,
  safeguard: null,
  tiaDone: false,
  safeguardUrl: null,
  ...over,
});
const service = (name: string) => ({ name, description: null, secNumCloudQualified: false, secNumCloudDate: null });

let slug: string;
let orgId: string;
let ownDep: string;
let otherDep: string;
let actorId: string;
const refs = {} as Record<"mail" | "payroll" | "cctv" | "helpdesk" | "empty" | "approved" | "archived", string>;
const ids = {} as Record<
  "mail" | "payroll" | "cctv" | "helpdesk" | "empty" | "approved" | "archived" | "cloud" | "m365" | "host" | "frMail" | "desk" | "site",
  string
>;
const callers = {} as Record<Who | "EDITOR_OTHER", { cookie?: string }>;

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  ownDep = departments[0]!.id;
  otherDep = departments[1]!.id;
  const author = await createUser();
  actorId = author.id;
  const mk = async (name: string, departmentId: string, extra: Record<string, unknown> = {}) => {
    const a = await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name, ...extra }), departmentId });
    return a;
  };
  const mail = await mk("Messagerie", ownDep);
  const payroll = await mk("Paie", ownDep);
  // Sensitive (health data): weighs double on the dashboard.
  const cctv = await mk("Médecine du travail", otherDep, { dataCategories: [{ category: "health" }] });
  const helpdesk = await mk("Assistance informatique", otherDep);
  const empty = await mk("Sans prestataire", ownDep);
  const approved = await mk("Cantine", ownDep);
  const archived = await mk("Ancien traitement", ownDep);
  Object.assign(refs, {
    mail: mail.ref,
    payroll: payroll.ref,
    cctv: cctv.ref,
    helpdesk: helpdesk.ref,
    empty: empty.ref,
    approved: approved.ref,
    archived: archived.ref,
  });
  Object.assign(ids, {
    mail: mail.id,
    payroll: payroll.id,
    cctv: cctv.id,
    helpdesk: helpdesk.id,
    empty: empty.id,
    approved: approved.id,
    archived: archived.id,
  });
  await transitionActivity(author.id, org.id, approved.id, approved.revision, "approve");
  await transitionActivity(author.id, org.id, archived.id, archived.revision, "archive", { reason: "Fin" });

  // A US-parented cloud storing in Ireland (CLOUD Act), a French host, an Indian helpdesk without safeguard.
  const cloud = await createVendor(
    author.id,
    org.id,
    vendorInput("Cloud IE", { country: "IE", parentName: "Cloud Inc.", parentCountry: "US", dpfCertified: true }),
  );
  const m365 = await createService(author.id, org.id, cloud.id, service("Messagerie en ligne"));
  await addLocation(author.id, org.id, m365.id, location("IE"));
  const host = await createVendor(author.id, org.id, vendorInput("Hébergeur FR", { dpaStatus: "NONE" }));
  const frMail = await createService(author.id, org.id, host.id, service("Messagerie souveraine"));
  await addLocation(author.id, org.id, frMail.id, location("FR"));
  const support = await createVendor(author.id, org.id, vendorInput("Support Inde", { country: "IN" }));
  const desk = await createService(author.id, org.id, support.id, service("Centre d'appels"));
  await addLocation(author.id, org.id, desk.id, location("IN", { role: "SUPPORT" }));
  const site = await createHostingSite(author.id, org.id, { name: "Salle serveurs mairie", country: "FR", city: "Lyon", description: null });
  Object.assign(ids, { cloud: cloud.id, m365: m365.id, host: host.id, frMail: frMail.id, desk: desk.id, site: site.id });

  await linkActivity(author.id, org.id, mail.id, { serviceId: m365.id }, "PROCESSOR");
  await linkActivity(author.id, org.id, payroll.id, { serviceId: frMail.id }, "PROCESSOR");
  await linkActivity(author.id, org.id, cctv.id, { serviceId: m365.id }, "PROCESSOR");
  await linkActivity(author.id, org.id, helpdesk.id, { serviceId: desk.id }, "PROCESSOR");

  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.EDITOR = { cookie: (await signedInMember(org.id, "EDITOR", [ownDep])).cookie };
  callers.EDITOR_OTHER = { cookie: (await signedInMember(org.id, "EDITOR", [otherDep])).cookie };
  callers.ANONYMOUS = {};
  const outsider = await createOrg();
  callers.OUTSIDER = { cookie: (await signedInMember(outsider.org.id, "ADMIN")).cookie };
});

type Dashboard = {
  dashboard: {
    levels: { level: string; count: number; weighted: number }[];
    activityCount: number;
    missingSafeguards: { ref: string | null; name: string | null; country: string; status: string }[];
    vendorsRanked: { id: string; name: string; activities: number; sensitive: number }[];
    dpaAttention: { id: string; name: string }[];
    map: { stored: Record<string, number>; reachable: Record<string, number>; jurisdictions: Record<string, number> };
  };
};

describe("sovereignty dashboard", () => {
  it("counts the activities per exposure level, sensitive ones weighing double", async () => {
    const res = await call(dashboard.loader, request(`/o/${slug}/sovereignty`, { cookie: callers.DPO.cookie }), { org: slug });
    expect(res.status).toBe(200);
    const d = (res.data as Dashboard).dashboard;
    const level = (l: string) => d.levels.find((x) => x.level === l);
    // Archived activities are left out: mail, payroll, cctv, helpdesk, empty, approved.
    expect(d.activityCount).toBe(6);
    expect(level("foreign_law")).toEqual({ level: "foreign_law", count: 2, weighted: 3 });
    expect(level("eu")).toEqual({ level: "eu", count: 1, weighted: 1 });
    expect(level("unsafeguarded_transfer")).toEqual({ level: "unsafeguarded_transfer", count: 1, weighted: 1 });
    expect(level("unknown")).toEqual({ level: "unknown", count: 2, weighted: 2 });
    expect(level("adequate")).toEqual({ level: "adequate", count: 0, weighted: 0 });
    // Worst first.
    expect(d.levels[0]!.level).toBe("unsafeguarded_transfer");
    expect(d.levels.at(-1)!.level).toBe("unknown");
    expect(d.map).toEqual({ stored: { IE: 2, FR: 1 }, reachable: { IE: 2, FR: 1, IN: 1 }, jurisdictions: { US: 2, IN: 1 } });
    expect(d.missingSafeguards).toEqual([expect.objectContaining({ ref: refs.helpdesk, name: "Assistance informatique", country: "IN", status: "missing" })]);
    expect(d.vendorsRanked[0]).toMatchObject({ name: "Cloud IE", activities: 2, sensitive: 1 });
    expect(d.dpaAttention.map((v) => v.name)).toEqual(["Hébergeur FR"]);
  });

  it("every member may read it; an EDITOR does not see other departments' activity names", async () => {
    const rows: MatrixRow[] = [
      {
        name: "dashboard",
        handler: dashboard.loader,
        path: (s) => `/o/${s}/sovereignty`,
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
        shows: mentions(["Cloud IE"]),
      },
      {
        name: "what-if",
        handler: whatIfRoute.loader,
        path: (s) => `/o/${s}/sovereignty/what-if`,
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
        // The services one may move an activity from or to.
        shows: mentions(["Cloud IE"]),
      },
    ];
    await checkMatrix(rows, callers, slug);
    const res = await call(dashboard.loader, request(`/o/${slug}/sovereignty`, { cookie: callers.EDITOR.cookie }), { org: slug });
    const d = (res.data as Dashboard).dashboard;
    expect(d.activityCount).toBe(6);
    expect(d.missingSafeguards).toEqual([expect.objectContaining({ ref: null, name: null, country: "IN" })]);
  });

  it("the parent route does not compute the dashboard when the what-if child is shown", async () => {
    const res = await call(dashboard.loader, request(`/o/${slug}/sovereignty/what-if`, { cookie: callers.DPO.cookie }), { org: slug });
    expect((res.data as { dashboard: unknown }).dashboard).toBeNull();
  });
});

describe("what-if", () => {
  async function snapshot() {
    const db = getDb();
    const [audit, links] = await Promise.all([
      db.auditEvent.count({ where: { organizationId: orgId } }),
      db.activityLink.findMany({
        where: { organizationId: orgId },
        orderBy: { id: "asc" },
        select: { id: true, activityId: true, serviceId: true, siteId: true, role: true },
      }),
    ]);
    return { audit, links };
  }

  it("moving from the US-parented vendor to an EU service: affected activities go from foreign_law to eu, and nothing is written", async () => {
    const before = await snapshot();
    const url = `/o/${slug}/sovereignty/what-if?from=${encodeURIComponent(`vendor:${ids.cloud}`)}&to=${ids.frMail}`;
    const res = await call(whatIfRoute.loader, request(url, { cookie: callers.DPO.cookie }), { org: slug });
    expect(res.status).toBe(200);
    const d = res.data as {
      message: string | null;
      result: {
        summary: { improved: number; worse: number; unchanged: number };
        rows: {
          ref: string;
          before: { level: string; countries: string[]; jurisdictions: string[] };
          after: { level: string; countries: string[]; jurisdictions: string[] };
        }[];
      };
    };
    expect(d.message).toBeNull();
    expect(d.result.rows.map((r) => r.ref).sort()).toEqual([refs.mail, refs.cctv].sort());
    for (const r of d.result.rows) {
      expect(r.before).toEqual({ level: "foreign_law", countries: ["IE"], jurisdictions: ["US"] });
      expect(r.after).toEqual({ level: "eu", countries: ["FR"], jurisdictions: [] });
    }
    expect(d.result.summary).toEqual({ improved: 2, worse: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("one service to another works too; an EDITOR sees other departments' rows without their names", async () => {
    const url = `/o/${slug}/sovereignty/what-if?from=service:${ids.m365}&to=${ids.desk}`;
    const res = await call(whatIfRoute.loader, request(url, { cookie: callers.EDITOR.cookie }), { org: slug });
    const rows = (res.data as { result: { rows: { ref: string | null; after: { level: string } }[]; summary: { worse: number } } }).result;
    expect(rows.rows.map((r) => r.ref).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(
      [refs.mail, null].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(rows.rows.every((r) => r.after.level === "unsafeguarded_transfer")).toBe(true);
    expect(rows.summary.worse).toBe(2);
  });

  it("from == to, missing or unknown choices give a message and no result", async () => {
    const q = async (query: string) =>
      (await call(whatIfRoute.loader, request(`/o/${slug}/sovereignty/what-if?${query}`, { cookie: callers.VIEWER.cookie }), { org: slug })).data as {
        message: string | null;
        result: unknown;
      };
    expect(await q(`from=service:${ids.frMail}&to=${ids.frMail}`)).toMatchObject({ message: "sovereigntyUi.whatIf.same", result: null });
    expect(await q(`from=service:${ids.frMail}`)).toMatchObject({ message: "sovereigntyUi.whatIf.chooseBoth", result: null });
    expect(await q(`from=vendor:cnotavendor000000000000&to=${ids.frMail}`)).toMatchObject({ message: "sovereigntyUi.whatIf.unknown", result: null });
    expect(await q(`from=<script>&to=x`)).toMatchObject({ message: "sovereigntyUi.whatIf.invalid", result: null });
    expect(await q("")).toMatchObject({ message: null, result: null });
  });
});

describe("activity page: vendors and hosting", () => {
  const page = (ref: string) => `/o/${slug}/activities/${ref}`;
  const linkBody =
    (target: string, role = "PROCESSOR") =>
    () =>
      form({ intent: "link", target, role });

  it("the loader includes the links and the analysis", async () => {
    const res = await call(activityPage.loader, request(page(refs.mail), { cookie: callers.DPO.cookie }), { org: slug, ref: refs.mail });
    expect(res.status).toBe(200);
    const s = (
      res.data as {
        sovereignty: {
          links: { service: { name: string } | null }[];
          analysis: { level: string; exposure: { jurisdiction: string; via: string }[] };
          vendorIds: Record<string, string>;
          canLink: boolean;
          pickers: { services: unknown[]; sites: unknown[] } | null;
        };
      }
    ).sovereignty;
    expect(s.analysis.level).toBe("foreign_law");
    expect(s.analysis.exposure).toEqual([expect.objectContaining({ jurisdiction: "US", via: "parent" })]);
    expect(s.links.map((l) => l.service?.name)).toEqual(["Messagerie en ligne"]);
    expect(s.vendorIds["Cloud IE"]).toBe(ids.cloud);
    expect(s.canLink).toBe(true);
    expect(s.pickers?.services).toHaveLength(3);
    expect(s.pickers?.sites).toHaveLength(1);
    const viewer = await call(activityPage.loader, request(page(refs.mail), { cookie: callers.VIEWER.cookie }), { org: slug, ref: refs.mail });
    const vs = (viewer.data as { sovereignty: { canLink: boolean; pickers: unknown; analysis: { level: string } } }).sovereignty;
    expect(vs).toMatchObject({ canLink: false, pickers: null, analysis: { level: "foreign_law" } });
  });

  it("link and unlink: EDITOR of the department 302, EDITOR of another department 403, VIEWER 403, outsider 404", async () => {
    const linksOf = (activityId: string) => getDb().activityLink.findMany({ where: { activityId }, orderBy: { createdAt: "asc" } });
    const existing = (await linksOf(ids.empty)).length;
    const rows: MatrixRow[] = [
      {
        name: "link",
        handler: activityPage.action,
        method: "POST",
        path: () => page(refs.empty),
        params: (s) => ({ org: s, ref: refs.empty }),
        body: linkBody(`site:${ids.site}`, "HOSTING"),
        expect: { VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
    ];
    await checkMatrix(rows, callers, slug);
    const other = await call(
      activityPage.action,
      request(page(refs.empty), { method: "POST", cookie: callers.EDITOR_OTHER.cookie, body: linkBody(`service:${ids.frMail}`)() }),
      { org: slug, ref: refs.empty },
    );
    expect(other.status).toBe(403);
    expect(await linksOf(ids.empty)).toHaveLength(existing);

    const ok = await call(
      activityPage.action,
      request(page(refs.empty), { method: "POST", cookie: callers.EDITOR.cookie, body: linkBody(`site:${ids.site}`, "HOSTING")() }),
      { org: slug, ref: refs.empty },
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`${page(refs.empty)}#sovereignty-h`);
    const added = await linksOf(ids.empty);
    expect(added).toEqual([expect.objectContaining({ siteId: ids.site, serviceId: null, role: "HOSTING" })]);
    const audit = await getDb().auditEvent.findFirst({ where: { organizationId: orgId, action: "activity.linked", entityId: ids.empty } });
    expect(audit).not.toBeNull();

    const page2 = await call(activityPage.loader, request(page(refs.empty), { cookie: callers.EDITOR.cookie }), { org: slug, ref: refs.empty });
    expect((page2.data as { sovereignty: { analysis: { level: string } } }).sovereignty.analysis.level).toBe("eu");

    const unlinkBody = () => form({ intent: "unlink", linkId: added[0]!.id });
    await checkMatrix(
      [
        {
          name: "unlink",
          handler: activityPage.action,
          method: "POST",
          path: () => page(refs.empty),
          params: (s) => ({ org: s, ref: refs.empty }),
          body: unlinkBody,
          expect: { VIEWER: 403, OUTSIDER: 404, ANONYMOUS: 302 },
        },
      ],
      callers,
      slug,
    );
    const otherUnlink = await call(
      activityPage.action,
      request(page(refs.empty), { method: "POST", cookie: callers.EDITOR_OTHER.cookie, body: unlinkBody() }),
      { org: slug, ref: refs.empty },
    );
    expect(otherUnlink.status).toBe(403);
    expect(await linksOf(ids.empty)).toHaveLength(1);
    const removed = await call(activityPage.action, request(page(refs.empty), { method: "POST", cookie: callers.EDITOR.cookie, body: unlinkBody() }), {
      org: slug,
      ref: refs.empty,
    });
    expect(removed.status).toBe(302);
    expect(await linksOf(ids.empty)).toHaveLength(0);
    // Twice (another tab): already done, said so, not an error.
    const again = await call(activityPage.action, request(page(refs.empty), { method: "POST", cookie: callers.EDITOR.cookie, body: unlinkBody() }), {
      org: slug,
      ref: refs.empty,
    });
    expect(again.status).toBe(302);
  });

  it("an EDITOR may link on an APPROVED activity without reopening it; not on an ARCHIVED one", async () => {
    const res = await call(
      activityPage.action,
      request(page(refs.approved), { method: "POST", cookie: callers.EDITOR.cookie, body: linkBody(`service:${ids.frMail}`)() }),
      { org: slug, ref: refs.approved },
    );
    expect(res.status).toBe(302);
    expect(await getActivityByRef(orgId, refs.approved)).toMatchObject({ status: "APPROVED", pendingChanges: false });
    const archived = await call(
      activityPage.action,
      request(page(refs.archived), { method: "POST", cookie: callers.DPO.cookie, body: linkBody(`service:${ids.frMail}`)() }),
      { org: slug, ref: refs.archived },
    );
    expect(archived.status).toBe(403);
  });

  it("an invalid or stale target is a 400 with a field error, nothing linked", async () => {
    const count = () => getDb().activityLink.count({ where: { activityId: ids.payroll } });
    const before = await count();
    const bad = await call(
      activityPage.action,
      request(page(refs.payroll), { method: "POST", cookie: callers.DPO.cookie, body: form({ intent: "link", target: "service:../../x", role: "PROCESSOR" }) }),
      { org: slug, ref: refs.payroll },
    );
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "target")).toEqual(["errors.choice"]);
    const badRole = await call(
      activityPage.action,
      request(page(refs.payroll), { method: "POST", cookie: callers.DPO.cookie, body: form({ intent: "link", target: `service:${ids.m365}`, role: "OWNER" }) }),
      { org: slug, ref: refs.payroll },
    );
    expect(badRole.status).toBe(400);
    expect(fieldErrors(badRole.data, "role").length).toBe(1);
    const gone = await call(
      activityPage.action,
      request(page(refs.payroll), {
        method: "POST",
        cookie: callers.DPO.cookie,
        body: form({ intent: "link", target: "service:cgoneservice0000000000000", role: "PROCESSOR" }),
      }),
      { org: slug, ref: refs.payroll },
    );
    expect(gone.status).toBe(400);
    expect(fieldErrors(gone.data, "target")).toEqual(["sovereigntyUi.activity.targetGone"]);
    const dup = await call(
      activityPage.action,
      request(page(refs.payroll), {
        method: "POST",
        cookie: callers.DPO.cookie,
        body: form({ intent: "link", target: `service:${ids.frMail}`, role: "PROCESSOR" }),
      }),
      { org: slug, ref: refs.payroll },
    );
    expect(dup.status).toBe(400);
    expect(fieldErrors(dup.data, "target")).toEqual(["sovereigntyUi.activity.alreadyLinked"]);
    expect(await count()).toBe(before);
    expect(actorId).toBeTruthy();
  });
});
