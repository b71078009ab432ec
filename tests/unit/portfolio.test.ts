/**
 * Issue 14 (ADR 019): the portfolio's measures, groups, exports and ZIP, and who sees what: every
 * route as every kind of caller, and a member of one client reading nothing of another.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { filterAndSort, pageOf, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { createActivity } from "~/models/activity.server.ts";
import { createGroup, updateGroup } from "~/models/organization-group.server.ts";
import { portfolioRows } from "~/models/portfolio.server.ts";
import { getZipJob, startRegisterZip } from "~/models/register-zip.server.ts";
import { createVendor } from "~/models/vendor.server.ts";
import { canAddToGroup, canEditGroup, canOnboardOrganizations, canZipRegister } from "~/policies/portfolio.ts";
import * as exportRoute from "~/routes/portfolio.export.ts";
import * as groupsRoute from "~/routes/portfolio.groups._index.tsx";
import * as groupRoute from "~/routes/portfolio.groups.$id.tsx";
import * as portfolioRoute from "~/routes/portfolio._index.tsx";
import * as zipRoute from "~/routes/portfolio.zip.ts";
import * as zipPage from "~/routes/portfolio.zips.$id.tsx";
import * as zipDownload from "~/routes/portfolio.zips.$id.download.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";
import { createSession } from "~/models/session.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";

type Org = Awaited<ReturnType<typeof createOrg>>;
type Member = Awaited<ReturnType<typeof signedInMember>>;

let A: Org; // a commune of the DPO service
let B: Org; // a CCAS of the same service
let C: Org; // another client: the shared DPO is not a member
let dpo: Member; // DPO of A, ADMIN of B
let editorA: Member; // EDITOR of A (first department) only
let memberC: Member; // DPO of C only
let outsider: { cookie: string; id: string }; // signed in, member of nothing

const content = (name: string) =>
  ActivityContentSchema.parse({ name, purposes: { main: `Finalité de ${name}` }, legalBases: [{ basis: "e_official_authority" }] });

async function cookieFor(userId: string) {
  const { token } = await createSession(userId);
  return `${SESSION_COOKIE}=${token}`;
}

beforeAll(async () => {
  A = await createOrg("Commune d'Alpha");
  B = await createOrg("CCAS de Bêta");
  C = await createOrg("Commune de Gamma");
  const db = getDb();
  await db.organization.update({ where: { id: A.org.id }, data: { kind: "commune", departmentCode: "29" } });
  await db.organization.update({ where: { id: B.org.id }, data: { kind: "ccas", departmentCode: "56" } });
  await db.organization.update({ where: { id: C.org.id }, data: { kind: "commune", departmentCode: "29" } });
  dpo = await signedInMember(A.org.id, "DPO");
  await addMember(dpo.user.id, B.org.id, "ADMIN");
  editorA = await signedInMember(A.org.id, "EDITOR", [A.departments[0]!.id]);
  memberC = await signedInMember(C.org.id, "DPO");
  const u = await createUser();
  outsider = { id: u.id, cookie: await cookieFor(u.id) };

  // A: three activities, two in the editor's department; one overdue review; one DPIA required not started;
  // one DPIA with an overdue action; one archived (not counted).
  const dep0 = A.departments[0]!.id;
  const dep1 = A.departments[1]!.id;
  const a1 = await createActivity(dpo.user.id, A.org.id, { content: content("Cantine"), departmentId: dep0 });
  const a2 = await createActivity(dpo.user.id, A.org.id, { content: content("Paie"), departmentId: dep0 });
  const a3 = await createActivity(dpo.user.id, A.org.id, { content: content("Vidéoprotection"), departmentId: dep1 });
  const a4 = await createActivity(dpo.user.id, A.org.id, { content: content("Ancien fichier"), departmentId: dep1 });
  await db.activity.update({ where: { id: a1.id }, data: { status: "APPROVED", completeness: 80, nextReviewAt: new Date("2020-01-01") } });
  await db.activity.update({ where: { id: a2.id }, data: { completeness: 40 } });
  await db.activity.update({ where: { id: a3.id }, data: { status: "SUBMITTED", completeness: 60 } });
  await db.activity.update({ where: { id: a4.id }, data: { status: "ARCHIVED", completeness: 0, nextReviewAt: new Date("2020-01-01") } });
  await db.screening.create({ data: { organizationId: A.org.id, activityId: a3.id, result: "required" } });
  await db.screening.create({ data: { organizationId: A.org.id, activityId: a2.id, result: "required", decision: "no_dpia", decisionReason: "x" } });
  await db.screening.create({ data: { organizationId: A.org.id, activityId: a1.id, result: "required" } });
  await db.dpia.create({
    data: {
      organizationId: A.org.id,
      activityId: a1.id,
      actionPlan: JSON.stringify([
        { action: "Chiffrer", dueDate: "2020-02-01", status: "todo" },
        { action: "Former", dueDate: "2020-02-01", status: "done" },
        { action: "Plus tard", dueDate: "2999-01-01", status: "todo" },
      ]),
    },
  });
  await createVendor(dpo.user.id, A.org.id, vendorFields("Éditeur sans contrat"));
  await createVendor(dpo.user.id, A.org.id, vendorFields("Éditeur signé", { dpaStatus: "SIGNED", dpaNextReview: new Date(Date.now() + 5 * 86_400_000) }));
  await createVendor(dpo.user.id, A.org.id, vendorFields("Éditeur à jour", { dpaStatus: "SIGNED", dpaNextReview: new Date("2999-01-01") }));
  // C has activities too: they must never reach A's members.
  await createActivity(memberC.user.id, C.org.id, { content: content("Secret de Gamma"), departmentId: C.departments[0]!.id });
}, 60_000);

describe("portfolio measures (one aggregate query per measure)", () => {
  it("counts each organization's register as the DPO sees it", async () => {
    const rows = await portfolioRows(dpo.user.id);
    expect(rows.map((r) => r.name).sort()).toEqual(["CCAS de Bêta", "Commune d'Alpha"]);
    const a = rows.find((r) => r.id === A.org.id)!;
    expect(a.role).toBe("DPO");
    expect(a.status).toEqual({ DRAFT: 1, SUBMITTED: 1, CHANGES_REQUESTED: 0, APPROVED: 1 });
    expect(a.activities).toBe(3);
    expect(a.completeness).toBe(60); // (80 + 40 + 60) / 3; the archived one is left out
    expect(a.overdueReviews).toBe(1); // the archived overdue one is left out
    expect(a.dpiaMissing).toBe(1); // a3 only: a1 has a DPIA, a2 has a decision not to do one
    expect(a.overdueDpiaActions).toBe(1); // past due and not done
    expect(a.dpaMissing).toBe(1);
    expect(a.dpaDue).toBe(1);
    expect(a.lastActivityAt).not.toBeNull();
    expect(a.kind).toBe("commune");
    expect(a.departmentCode).toBe("29");
    const b = rows.find((r) => r.id === B.org.id)!;
    expect(b.role).toBe("ADMIN");
    expect(b.activities).toBe(0);
    expect(b.completeness).toBeNull();
    expect(b.exposure).toBe("unknown");
  });

  it("an EDITOR's row counts only their departments' activities", async () => {
    const rows = await portfolioRows(editorA.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.activities).toBe(2);
    expect(rows[0]!.status).toEqual({ DRAFT: 1, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 1 });
    expect(rows[0]!.dpiaMissing).toBe(0); // a3 is in another department
    expect(rows[0]!.overdueDpiaActions).toBe(1);
  });

  it("a member of one client sees nothing of another", async () => {
    const rows = await portfolioRows(memberC.user.id);
    expect(rows.map((r) => r.id)).toEqual([C.org.id]);
    expect(await portfolioRows(outsider.id)).toEqual([]);
  });

  it("keeps the worst exposure in a snapshot and flags a change of level", async () => {
    const db = getDb();
    const first = (await portfolioRows(dpo.user.id)).find((r) => r.id === A.org.id)!;
    expect(first.exposureChangedAt).toBeNull(); // the first computation is a baseline
    const snap = await db.exposureSnapshot.findUniqueOrThrow({ where: { organizationId: A.org.id } });
    // Pretend the previous level was different and the analysis moved on (a shared vendor changed).
    await db.exposureSnapshot.update({ where: { organizationId: A.org.id }, data: { level: "unsafeguarded_transfer" } });
    await db.organization.update({ where: { id: A.org.id }, data: { analysisVersion: { increment: 1 } } });
    const again = (await portfolioRows(dpo.user.id)).find((r) => r.id === A.org.id)!;
    expect(again.exposure).toBe(snap.level);
    expect(again.previousExposure).toBe("unsafeguarded_transfer");
    expect(again.exposureChangedAt).not.toBeNull();
    const q = parsePortfolioQuery(new URLSearchParams("changed=1"));
    expect(filterAndSort(await portfolioRows(dpo.user.id), q).map((r) => r.id)).toEqual([A.org.id]);
  });
});

describe("filters, sort and paging", () => {
  it("filters on kind, département and name, sorts both ways, pages", async () => {
    const rows = await portfolioRows(dpo.user.id);
    expect(filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("kind=ccas"))).map((r) => r.id)).toEqual([B.org.id]);
    expect(filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("dep=29"))).map((r) => r.id)).toEqual([A.org.id]);
    expect(filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("q=alpha"))).map((r) => r.id)).toEqual([A.org.id]);
    expect(filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("sort=activities&dir=desc"))).map((r) => r.id)).toEqual([A.org.id, B.org.id]);
    expect(filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("sort=activities"))).map((r) => r.id)).toEqual([B.org.id, A.org.id]);
    // Bad parameters fall back to defaults instead of failing.
    expect(parsePortfolioQuery(new URLSearchParams("sort=drop&dir=up&page=-3"))).toMatchObject({ sort: "name", dir: "asc", page: 1 });
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(many, 3, 50)).toMatchObject({ page: 3, pages: 3, total: 120 });
    expect(pageOf(many, 9, 50).rows).toEqual(many.slice(100));
  });
});

describe("policies", () => {
  it("onboarding: an ADMIN anywhere, or the DPO of a DPO service", () => {
    expect(canOnboardOrganizations([{ role: "ADMIN", kind: "commune" }])).toBe(true);
    expect(canOnboardOrganizations([{ role: "DPO", kind: "dpo_service" }])).toBe(true);
    expect(canOnboardOrganizations([{ role: "DPO", kind: "commune" }])).toBe(false);
    expect(
      canOnboardOrganizations([
        { role: "EDITOR", kind: "dpo_service" },
        { role: "VIEWER", kind: null },
      ]),
    ).toBe(false);
    expect(canOnboardOrganizations([])).toBe(false);
  });
  it("groups belong to their owner and hold only the owner's organizations", () => {
    expect(canEditGroup("u1", { ownerId: "u1", coOwnerIds: [] })).toBe(true);
    expect(canEditGroup("u2", { ownerId: "u1", coOwnerIds: [] })).toBe(false);
    expect(canAddToGroup(new Set(["o1"]), "o1")).toBe(true);
    expect(canAddToGroup(new Set(["o1"]), "o2")).toBe(false);
  });
  it("the register ZIP follows the register export permission", () => {
    expect(["ADMIN", "DPO", "EDITOR", "VIEWER"].map((r) => canZipRegister(r as "ADMIN"))).toEqual([true, true, false, true]);
  });
});

describe("routes × callers", () => {
  it("the portfolio page: anonymous goes to login, a member of nothing gets 403, members see their rows only", async () => {
    const anon = await call(portfolioRoute.loader, request("/portfolio"));
    expect(anon.status).toBe(302);
    expect(anon.location).toContain("/login");
    expect((await call(portfolioRoute.loader, request("/portfolio", { cookie: outsider.cookie }))).status).toBe(403);
    const mine = await call(portfolioRoute.loader, request("/portfolio", { cookie: dpo.cookie }));
    expect(mine.status).toBe(200);
    const ids = (mine.data as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids.sort()).toEqual([A.org.id, B.org.id].sort());
    const c = await call(portfolioRoute.loader, request("/portfolio", { cookie: memberC.cookie }));
    expect((c.data as { rows: { id: string; name: string }[] }).rows.map((r) => r.id)).toEqual([C.org.id]);
    const ed = await call(portfolioRoute.loader, request("/portfolio", { cookie: editorA.cookie }));
    expect((ed.data as { rows: { canZip: boolean }[]; canOnboard: boolean }).rows[0]!.canZip).toBe(false);
    expect((ed.data as { canOnboard: boolean }).canOnboard).toBe(false);
  });

  it("the CSV and XLSX exports carry the caller's rows only, and refuse an unknown format", async () => {
    const csv = await call(exportRoute.loader, request("/portfolio/export?format=csv", { cookie: dpo.cookie }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.text).toContain("Commune d'Alpha");
    expect(csv.text).toContain("CCAS de Bêta");
    expect(csv.text).not.toContain("Gamma");
    const ccas = await call(exportRoute.loader, request("/portfolio/export?format=csv&kind=ccas", { cookie: dpo.cookie }));
    expect(ccas.text).not.toContain("Alpha");
    const c = await call(exportRoute.loader, request("/portfolio/export?format=csv", { cookie: memberC.cookie }));
    expect(c.text).toContain("Gamma");
    expect(c.text).not.toContain("Alpha");
    const xlsx = await call(exportRoute.loader, request("/portfolio/export?format=xlsx", { cookie: dpo.cookie }));
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.raw!.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect((await call(exportRoute.loader, request("/portfolio/export?format=pdf", { cookie: dpo.cookie }))).status).toBe(400);
    expect((await call(exportRoute.loader, request("/portfolio/export?format=csv", { cookie: outsider.cookie }))).status).toBe(403);
    expect((await call(exportRoute.loader, request("/portfolio/export?format=csv"))).status).toBe(302);
  });

  it("groups: created and filled by their owner, invisible and untouchable for anyone else", async () => {
    const created = await call(
      groupsRoute.action,
      request("/portfolio/groups", { method: "POST", cookie: dpo.cookie, body: form({ name: "Intercommunalité" }) }),
    );
    expect(created.status).toBe(302);
    const id = created.location!.split("/").pop()!;
    expect((await call(groupsRoute.action, request("/portfolio/groups", { method: "POST", cookie: dpo.cookie, body: form({ name: "" }) }))).status).toBe(400);
    expect(
      (await call(groupsRoute.action, request("/portfolio/groups", { method: "POST", cookie: dpo.cookie, body: form({ name: "Intercommunalité" }) }))).status,
    ).toBe(400);
    // C is not the owner's: refused, nothing changes.
    const refused = await call(
      groupRoute.action,
      request(`/portfolio/groups/${id}`, {
        method: "POST",
        cookie: dpo.cookie,
        body: form({ intent: "update", name: "Intercommunalité", version: "1", org: [A.org.id, C.org.id] }),
      }),
      { id },
    );
    expect(refused.status).toBe(400);
    expect(await getDb().organizationGroupMember.count({ where: { groupId: id } })).toBe(0);
    const ok = await call(
      groupRoute.action,
      request(`/portfolio/groups/${id}`, {
        method: "POST",
        cookie: dpo.cookie,
        body: form({ intent: "update", name: "Intercommunalité", version: "1", org: [B.org.id] }),
      }),
      { id },
    );
    expect(ok.status).toBe(302);
    // A stale version is a conflict.
    const stale = await call(
      groupRoute.action,
      request(`/portfolio/groups/${id}`, { method: "POST", cookie: dpo.cookie, body: form({ intent: "update", name: "X", version: "1", org: [] }) }),
      { id },
    );
    expect(stale.status).toBe(409);
    // The portfolio and its exports filter on it.
    const filtered = await call(portfolioRoute.loader, request(`/portfolio?group=${id}`, { cookie: dpo.cookie }));
    expect((filtered.data as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([B.org.id]);
    const csv = await call(exportRoute.loader, request(`/portfolio/export?format=csv&group=${id}`, { cookie: dpo.cookie }));
    expect(csv.text).toContain("Bêta");
    expect(csv.text).not.toContain("Alpha");
    // Another user: 404 on the page and on every action, and the filter is ignored (reported as invalid).
    for (const who of [memberC, editorA]) {
      expect((await call(groupRoute.loader, request(`/portfolio/groups/${id}`, { cookie: who.cookie }), { id })).status).toBe(404);
      const del = await call(groupRoute.action, request(`/portfolio/groups/${id}`, { method: "POST", cookie: who.cookie, body: form({ intent: "delete" }) }), {
        id,
      });
      expect(del.status).toBe(404);
      const list = await call(groupsRoute.loader, request("/portfolio/groups", { cookie: who.cookie }));
      expect((list.data as { groups: unknown[] }).groups).toEqual([]);
      const p = await call(portfolioRoute.loader, request(`/portfolio?group=${id}`, { cookie: who.cookie }));
      expect((p.data as { invalid: boolean; rows: { id: string }[] }).invalid).toBe(true);
      expect((p.data as { rows: { id: string }[] }).rows.map((r) => r.id)).not.toContain(B.org.id);
    }
    expect((await call(groupRoute.loader, request(`/portfolio/groups/${id}`, { cookie: outsider.cookie }), { id })).status).toBe(403);
    expect(await getDb().organizationGroup.count({ where: { id } })).toBe(1);
    // Each organization's audit log records its joining.
    expect(await getDb().auditEvent.count({ where: { organizationId: B.org.id, action: "group.organizationAdded" } })).toBe(1);
    // The owner deletes it.
    const del = await call(groupRoute.action, request(`/portfolio/groups/${id}`, { method: "POST", cookie: dpo.cookie, body: form({ intent: "delete" }) }), {
      id,
    });
    expect(del.status).toBe(302);
    expect(await getDb().organizationGroup.count({ where: { id } })).toBe(0);
  });

  it("a group cannot be filled through the model with another client's organization either", async () => {
    const g = await createGroup(memberC.user.id, "Mes communes");
    await expect(updateGroup(memberC.user.id, g.id, 1, { name: "Mes communes", organizationIds: [A.org.id] })).rejects.toThrow();
    await expect(updateGroup(dpo.user.id, g.id, 1, { name: "Volé", organizationIds: [A.org.id] })).rejects.toThrow();
  });
});

describe("register ZIP", () => {
  it("one PDF per exportable organization, each recorded in its export log; the job is its starter's only", async () => {
    const before = await getDb().exportRecord.count({ where: { organizationId: { in: [A.org.id, B.org.id] } } });
    const { job, run } = await startRegisterZip(
      dpo.user.id,
      [A.org, B.org].map((o) => ({ id: o.id, slug: o.slug, name: o.name })),
      "fr",
    );
    const page = await call(zipPage.loader, request(`/portfolio/zips/${job.id}`, { cookie: dpo.cookie }), { id: job.id });
    expect(page.status).toBe(200);
    await run;
    expect((await getZipJob(dpo.user.id, job.id))!.state).toBe("done");
    expect(await getDb().exportRecord.count({ where: { organizationId: { in: [A.org.id, B.org.id] }, format: "pdf" } })).toBe(before + 2);
    const dl = await call(zipDownload.loader, request(`/portfolio/zips/${job.id}/download`, { cookie: dpo.cookie }), { id: job.id });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Type")).toBe("application/zip");
    const zip = Buffer.from(await dl.raw!.arrayBuffer());
    expect(zip.includes(Buffer.from(`registre-${A.org.slug}`))).toBe(true);
    expect(zip.includes(Buffer.from(`registre-${B.org.slug}`))).toBe(true);
    // Someone else: the job does not exist.
    for (const who of [memberC, editorA]) {
      expect((await call(zipPage.loader, request(`/portfolio/zips/${job.id}`, { cookie: who.cookie }), { id: job.id })).status).toBe(404);
      expect((await call(zipDownload.loader, request(`/portfolio/zips/${job.id}/download`, { cookie: who.cookie }), { id: job.id })).status).toBe(404);
    }
  }, 120_000);

  it("the start action leaves out organizations the caller may not export, and refuses when none is left", async () => {
    const ed = await call(zipRoute.action, request("/portfolio/zip", { method: "POST", cookie: editorA.cookie, body: form({}) }));
    expect(ed.status).toBe(302);
    expect(ed.location).toBe("/portfolio");
    // The DPO ticks an organization of another client: it is not in their portfolio, so nothing starts.
    const other = await call(zipRoute.action, request("/portfolio/zip", { method: "POST", cookie: dpo.cookie, body: form({ org: C.org.slug }) }));
    expect(other.location).toBe("/portfolio");
    expect((await call(zipRoute.action, request("/portfolio/zip", { method: "POST", body: form({}) }))).status).toBe(302);
    expect((await call(zipRoute.loader, request("/portfolio/zip", { cookie: dpo.cookie }))).status).toBe(405);
  });
});

describe("DPA measures include the organization's own contracts with shared vendors", () => {
  it("counts a subscription without a signed DPA as missing, and one whose review is near as due", async () => {
    const owner = await createOrg("Service mutualisé (catalogue)");
    const client = await createOrg("Commune de Delta");
    const clientDpo = await signedInMember(client.org.id, "DPO");
    const ownerDpo = await signedInMember(owner.org.id, "DPO");
    const db = getDb();
    const shared1 = await createVendor(
      ownerDpo.user.id,
      owner.org.id,
      vendorFields("Suite mairie partagée", { dpaStatus: "SIGNED", dpaNextReview: new Date("2999-01-01") }),
    );
    const shared2 = await createVendor(
      ownerDpo.user.id,
      owner.org.id,
      vendorFields("Paie partagée", { dpaStatus: "SIGNED", dpaNextReview: new Date("2999-01-01") }),
    );
    const shared3 = await createVendor(
      ownerDpo.user.id,
      owner.org.id,
      vendorFields("Messagerie partagée", { dpaStatus: "SIGNED", dpaNextReview: new Date("2999-01-01") }),
    );
    // The owner's signed contracts are not the client's: the client's own subscriptions decide.
    await db.vendorSubscription.create({ data: { organizationId: client.org.id, vendorId: shared1.id, dpaStatus: "REQUESTED" } });
    await db.vendorSubscription.create({
      data: { organizationId: client.org.id, vendorId: shared2.id, dpaStatus: "SIGNED", dpaNextReview: new Date(Date.now() + 3 * 86_400_000) },
    });
    await db.vendorSubscription.create({
      data: { organizationId: client.org.id, vendorId: shared3.id, dpaStatus: "SIGNED", dpaNextReview: new Date("2999-01-01") },
    });
    await createVendor(clientDpo.user.id, client.org.id, vendorFields("Prestataire local sans contrat"));

    const [row] = await portfolioRows(clientDpo.user.id);
    expect(row!.id).toBe(client.org.id);
    expect(row!.dpaMissing).toBe(2); // the requested subscription and the private vendor
    expect(row!.dpaDue).toBe(1); // the subscription due in 3 days
    const [ownerRow] = await portfolioRows(ownerDpo.user.id);
    expect(ownerRow!.dpaMissing).toBe(0);
    expect(ownerRow!.dpaDue).toBe(0);
  });
});
