/**
 * Issue 13: route tests that can fail. Each one asserts what the response carries (status, body,
 * headers) and what it wrote or did not write, for: publishing an activity, reading a frozen version,
 * downloading a recorded export, the public register's open data, and another organization's exports
 * and share links.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, saveActivity, transitionActivity } from "~/models/activity.server.ts";
import { createShareLink, revokeShareLink } from "~/models/export-log.server.ts";
import { createExport } from "~/models/exports.server.ts";
import { setActivityPublic } from "~/models/public-register.server.ts";
import * as publish from "~/routes/o.$org.activities.$ref.publish.ts";
import * as version from "~/routes/o.$org.activities.$ref.versions.$number.tsx";
import * as download from "~/routes/o.$org.exports.$id.download.ts";
import * as exportsPage from "~/routes/o.$org.exports.tsx";
import * as publicJson from "~/routes/public.$slug.register[.]json.ts";
import * as shareFile from "~/routes/s.$token.file.ts";
import * as sharePage from "~/routes/s.$token.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { translate } from "~/utils/messages.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type Org = { id: string; slug: string; name: string };

let A: Org;
let B: Org;
let dpo: Member;
let admin: Member;
let editorIn: Member; // EDITOR of the activities' department
let editorOut: Member; // EDITOR of another department
let viewer: Member;
let dpoB: Member;
/** Approved twice: version 1 "Cantine (v1)", version 2 "Cantine (v2)". */
let approved: { id: string; ref: string };
/** Approved, never published. */
let privateOne: { id: string; ref: string };
/** Never approved. */
let draft: { id: string; ref: string };

const content = (name: string, extra: Record<string, unknown> = {}) =>
  ActivityContentSchema.parse({ name, purposes: { main: `Finalité de ${name}` }, legalBases: [{ basis: "e_official_authority" }], ...extra });

beforeAll(async () => {
  const a = await createOrg("Commune de Couverture");
  A = a.org;
  const [dep, otherDep] = [a.departments[0]!.id, a.departments[1]!.id];
  dpo = await signedInMember(A.id, "DPO");
  admin = await signedInMember(A.id, "ADMIN");
  editorIn = await signedInMember(A.id, "EDITOR", [dep]);
  editorOut = await signedInMember(A.id, "EDITOR", [otherDep]);
  viewer = await signedInMember(A.id, "VIEWER");
  const b = await createOrg("Commune d'Ailleurs");
  B = b.org;
  dpoB = await signedInMember(B.id, "DPO");

  let x = await createActivity(dpo.user.id, A.id, {
    content: content("Cantine (v1)", { internalContact: "M. Interne, poste 42" }),
    departmentId: dep,
  });
  x = await transitionActivity(dpo.user.id, A.id, x.id, x.revision, "approve");
  x = await saveActivity(dpo.user.id, A.id, x.id, x.revision, { content: content("Cantine (v2)"), departmentId: dep });
  x = await transitionActivity(dpo.user.id, A.id, x.id, x.revision, "approve");
  approved = { id: x.id, ref: x.ref };
  let p = await createActivity(dpo.user.id, A.id, { content: content("Vidéoprotection"), departmentId: dep });
  p = await transitionActivity(dpo.user.id, A.id, p.id, p.revision, "approve");
  privateOne = { id: p.id, ref: p.ref };
  const d = await createActivity(dpo.user.id, A.id, { content: content("Brouillon"), departmentId: dep });
  draft = { id: d.id, ref: d.ref };
});

const audits = (entityId: string, action: string) => getDb().auditEvent.count({ where: { organizationId: A.id, entityId, action } });
const isPublic = async (id: string) => (await getDb().activity.findUniqueOrThrow({ where: { id } })).isPublic;
const postPublish = (m: Member, org: Org, ref: string, value: "yes" | "no") =>
  call(publish.action, request(`/o/${org.slug}/activities/${ref}/publish`, { method: "POST", cookie: m.cookie, body: form({ public: value }) }), {
    org: org.slug,
    ref,
  });

describe("publishing an activity (o.$org.activities.$ref.publish)", () => {
  it("the DPO publishes an approved activity: redirect back, flag set, audited once", async () => {
    const res = await postPublish(dpo, A, approved.ref, "yes");
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${A.slug}/activities/${approved.ref}`);
    expect(res.headers.get("Set-Cookie")).toBeTruthy(); // the success toast
    expect(await isPublic(approved.id)).toBe(true);
    expect(await audits(approved.id, "activity.published")).toBe(1);
    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: approved.id, action: "activity.published" } });
    expect(ev.actorId).toBe(dpo.user.id);
  });

  it("an ADMIN unpublishes it, and publishes it again", async () => {
    const off = await postPublish(admin, A, approved.ref, "no");
    expect(off.status).toBe(302);
    expect(await isPublic(approved.id)).toBe(false);
    expect(await audits(approved.id, "activity.unpublished")).toBe(1);
    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: approved.id, action: "activity.unpublished" } });
    expect(ev.actorId).toBe(admin.user.id);
    expect((await postPublish(admin, A, approved.ref, "yes")).status).toBe(302);
    expect(await isPublic(approved.id)).toBe(true);
    expect(await audits(approved.id, "activity.published")).toBe(2);
  });

  it.each([
    ["EDITOR of the department", () => editorIn],
    ["VIEWER", () => viewer],
  ])("an %s gets 403 and changes nothing", async (_label, who) => {
    const before = await getDb().auditEvent.count({ where: { organizationId: A.id } });
    for (const value of ["no", "yes"] as const) {
      const res = await postPublish(who(), A, approved.ref, value);
      expect(res.status).toBe(403);
    }
    const res = await postPublish(who(), A, privateOne.ref, "yes");
    expect(res.status).toBe(403);
    expect(await isPublic(approved.id)).toBe(true);
    expect(await isPublic(privateOne.id)).toBe(false);
    expect(await getDb().auditEvent.count({ where: { organizationId: A.id } })).toBe(before);
  });

  it("an activity never approved is refused with 409 and a translated message, nothing written", async () => {
    const res = await postPublish(dpo, A, draft.ref, "yes");
    expect(res.status).toBe(409);
    expect(res.text).toBe(translate("fr", "activityPublic.needsApproval"));
    expect(await isPublic(draft.id)).toBe(false);
    expect(await getDb().auditEvent.count({ where: { organizationId: A.id, entityId: draft.id, action: { startsWith: "activity.p" } } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { organizationId: A.id, entityId: draft.id, action: "activity.unpublished" } })).toBe(0);
  });

  it("a bad value is a 400", async () => {
    const res = await call(
      publish.action,
      request(`/o/${A.slug}/activities/${privateOne.ref}/publish`, { method: "POST", cookie: dpo.cookie, body: form({ public: "maybe" }) }),
      { org: A.slug, ref: privateOne.ref },
    );
    expect(res.status).toBe(400);
    expect(await isPublic(privateOne.id)).toBe(false);
  });

  it("another organization's DPO gets 404, through A's URL or its own, and changes nothing", async () => {
    const before = await getDb().auditEvent.count();
    expect((await postPublish(dpoB, A, privateOne.ref, "yes")).status).toBe(404);
    expect((await postPublish(dpoB, B, privateOne.ref, "yes")).status).toBe(404);
    expect((await postPublish(dpoB, A, approved.ref, "no")).status).toBe(404);
    expect(await isPublic(privateOne.id)).toBe(false);
    expect(await isPublic(approved.id)).toBe(true);
    expect(await getDb().auditEvent.count()).toBe(before);
  });
});

const getVersion = (m: Member, org: Org, ref: string, n: string) =>
  call(version.loader, request(`/o/${org.slug}/activities/${ref}/versions/${n}`, { cookie: m.cookie }), { org: org.slug, ref, number: n });

describe("a frozen version (o.$org.activities.$ref.versions.$number)", () => {
  it("shows version 1's own content, not the current one", async () => {
    const res = await getVersion(dpo, A, approved.ref, "1");
    expect(res.status).toBe(200);
    const d = res.data as {
      activity: { ref: string; approvedVersion: number };
      version: { number: number; name: string; validTo: string | null; content: { name: string; internalContact: string | null } };
      latest: number;
    };
    expect(d.activity).toEqual({ ref: approved.ref, approvedVersion: 2 });
    expect(d.version.number).toBe(1);
    expect(d.version.name).toBe("Cantine (v1)");
    expect(d.version.content.name).toBe("Cantine (v1)");
    expect(d.version.content.internalContact).toBe("M. Interne, poste 42");
    expect(d.version.validTo).not.toBeNull();
    expect(d.latest).toBe(2);
    const v2 = await getVersion(dpo, A, approved.ref, "2");
    expect((v2.data as { version: { content: { name: string }; validTo: string | null } }).version).toMatchObject({
      content: { name: "Cantine (v2)" },
      validTo: null,
    });
  });

  it.each(["3", "99", "0", "abc", "1.0"])("version %j is a 404", async (n) => {
    const res = await getVersion(dpo, A, approved.ref, n);
    expect(res.status).toBe(404);
    expect(res.data).toBeNull();
  });

  it("a draft that was never approved has no version 1", async () => {
    expect((await getVersion(dpo, A, draft.ref, "1")).status).toBe(404);
  });

  it("an EDITOR of the department reads it; an EDITOR of another department gets 403 without the content", async () => {
    const inside = await getVersion(editorIn, A, approved.ref, "1");
    expect(inside.status).toBe(200);
    const outside = await getVersion(editorOut, A, approved.ref, "1");
    expect(outside.status).toBe(403);
    expect(outside.text ?? "").not.toContain("Cantine");
    expect(outside.data).toBeNull();
  });

  it("another organization's member gets 404", async () => {
    expect((await getVersion(dpoB, A, approved.ref, "1")).status).toBe(404);
    expect((await getVersion(dpoB, B, approved.ref, "1")).status).toBe(404);
  });
});

const getDownload = (m: Member, org: Org, id: string) =>
  call(download.loader, request(`/o/${org.slug}/exports/${id}/download`, { cookie: m.cookie }), { org: org.slug, id });

async function bodyOf(res: { raw: Response | null }) {
  return Buffer.from(await res.raw!.arrayBuffer());
}

describe("downloading a recorded export (o.$org.exports.$id.download)", () => {
  it("returns the stored bytes with their type, an attachment name and the recorded SHA-256", async () => {
    const cases = [
      { req: { format: "csv", locale: "fr", scope: "all", separator: ";" } as const, type: "text/csv; charset=utf-8" },
      { req: { format: "json", locale: "fr", scope: "all" } as const, type: "application/json; charset=utf-8" },
    ];
    for (const c of cases) {
      const { record, bytes } = await createExport(A.id, dpo.user.id, c.req, "ui");
      const res = await getDownload(dpo, A, record.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe(c.type);
      const disposition = res.headers.get("Content-Disposition") ?? "";
      expect(disposition).toMatch(/^attachment;/);
      expect(disposition).toContain(record.fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      const body = await bodyOf(res);
      expect(sha256Hex(body)).toBe(record.sha256);
      expect(body.equals(Buffer.from(bytes))).toBe(true);
      expect(res.headers.get("Content-Length")).toBe(String(record.size));
    }
  });

  it("a VIEWER may download; an EDITOR gets 403 without the bytes", async () => {
    const { record } = await createExport(A.id, dpo.user.id, { format: "csv", locale: "fr", scope: "all", separator: ";" }, "ui");
    expect((await getDownload(viewer, A, record.id)).status).toBe(200);
    for (const editor of [editorIn, editorOut]) {
      const res = await getDownload(editor, A, record.id);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain("Cantine");
    }
  });

  it("an unknown id is a 404", async () => {
    expect((await getDownload(dpo, A, "nope")).status).toBe(404);
    expect((await getDownload(dpo, A, "")).status).toBe(404);
  });
});

describe("the public register's open data (public.$slug.register.json)", () => {
  const logged = () => getDb().exportRecord.findMany({ where: { organizationId: A.id, format: "public-json" }, orderBy: { createdAt: "desc" } });

  it("lists only published activities, with the documented fields, CORS open, and logs the download (channel public)", async () => {
    const before = (await logged()).length;
    const res = await call(publicJson.loader, request(`/public/${A.slug}/register.json`), { slug: A.slug });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const body = res.data as {
      schemaVersion: number;
      generator: string;
      organization: { slug: string; name: string };
      dpo: unknown;
      activities: Record<string, unknown>[];
    };
    expect(body.schemaVersion).toBe(1);
    expect(body.generator).toBe("Registre");
    expect(body.organization).toMatchObject({ slug: A.slug, name: A.name });
    expect(Object.keys(body).sort()).toEqual(["activities", "dpo", "generator", "organization", "schemaVersion"]);
    // Only the published one; not the approved-but-private one, not the draft.
    expect(body.activities.map((x) => x.ref)).toEqual([approved.ref]);
    const act = body.activities[0]!;
    expect(Object.keys(act).sort()).toEqual(
      [
        "approvedAt",
        "computedTransfers",
        "dataCategories",
        "dataSubjects",
        "legalBases",
        "name",
        "purposes",
        "recipientTypes",
        "ref",
        "rightsExercise",
        "toVerify",
        "transfers",
        "version",
      ].sort(),
    );
    expect(act).toMatchObject({
      name: "Cantine (v2)",
      version: 2,
      purposes: { main: "Finalité de Cantine (v2)" },
      legalBases: [{ basis: "e_official_authority", text: null }],
    });
    expect(res.text).not.toContain("M. Interne");
    expect(res.text).not.toContain("Vidéoprotection");
    expect(res.text).not.toContain("Brouillon");

    const rows = await logged();
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ channel: "public", actorId: null, format: "public-json", fileName: `registre-public-${A.slug}.json` });
    expect(rows[0]!.sha256).toBe(sha256Hex(Buffer.from(res.text!, "utf8")));
  });

  it("an unknown or malformed slug is a 404 and logs nothing", async () => {
    const before = await getDb().exportRecord.count({ where: { channel: "public" } });
    for (const slug of ["commune-inconnue", "Pas_Valide", "../etc"]) {
      const res = await call(publicJson.loader, request(`/public/${encodeURIComponent(slug)}/register.json`), { slug });
      expect(res.status).toBe(404);
    }
    // An organization that publishes nothing has no public register either.
    expect((await call(publicJson.loader, request(`/public/${B.slug}/register.json`), { slug: B.slug })).status).toBe(404);
    expect(await getDb().exportRecord.count({ where: { channel: "public" } })).toBe(before);
  });

  it("unpublishing removes the activity from the open data", async () => {
    await setActivityPublic(dpo.user.id, A.id, privateOne.id, true);
    const both = await call(publicJson.loader, request(`/public/${A.slug}/register.json`), { slug: A.slug });
    expect((both.data as { activities: { ref: string }[] }).activities.map((x) => x.ref)).toEqual([approved.ref, privateOne.ref]);
    await setActivityPublic(dpo.user.id, A.id, privateOne.id, false);
    const one = await call(publicJson.loader, request(`/public/${A.slug}/register.json`), { slug: A.slug });
    expect((one.data as { activities: { ref: string }[] }).activities.map((x) => x.ref)).toEqual([approved.ref]);
  });
});

describe("another organization's exports and share links", () => {
  let recordB: { id: string; sha256: string };

  beforeAll(async () => {
    const { record } = await createExport(B.id, dpoB.user.id, { format: "csv", locale: "fr", scope: "all", separator: ";" }, "ui");
    recordB = record;
  });

  const inFiveDays = () => new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10);
  const postExports = (m: Member, org: Org, body: Record<string, string>) =>
    call(exportsPage.action, request(`/o/${org.slug}/exports`, { method: "POST", cookie: m.cookie, body: form(body) }), { org: org.slug });

  it("A's DPO cannot download B's export (404), neither through A's URL nor B's", async () => {
    const viaA = await getDownload(dpo, A, recordB.id);
    expect(viaA.status).toBe(404);
    expect(viaA.raw?.headers.get("Content-Disposition") ?? null).toBeNull();
    expect((await getDownload(dpo, B, recordB.id)).status).toBe(404);
    // B's own DPO still can: the 404 above is about the organization, not a broken record.
    expect((await getDownload(dpoB, B, recordB.id)).status).toBe(200);
  });

  it("A's DPO cannot share B's export (404) and no link is written", async () => {
    const res = await postExports(dpo, A, { intent: "share", exportId: recordB.id, recipient: "CNIL", expiresAt: inFiveDays() });
    expect(res.status).toBe(404);
    expect(await getDb().shareLink.count({ where: { exportId: recordB.id } })).toBe(0);
    expect(await getDb().shareLink.count({ where: { organizationId: A.id } })).toBe(0);
  });

  it("A's DPO cannot revoke B's share link (404) and the link stays usable", async () => {
    const { token, link } = await createShareLink(dpoB.user.id, B.id, recordB.id, {
      recipient: "Préfecture",
      expiresAt: new Date(Date.now() + 86400000),
      passphrase: null,
    });
    const res = await postExports(dpo, A, { intent: "revoke", id: link.id });
    expect(res.status).toBe(404);
    expect((await getDb().shareLink.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
    expect(await getDb().auditEvent.count({ where: { entityId: link.id, action: "share.revoked" } })).toBe(0);
    const file = await call(shareFile.loader, request(`/s/${token}/file`), { token });
    expect(file.status).toBe(200);
    expect(sha256Hex(await bodyOf(file))).toBe(recordB.sha256);
  });

  it("B's revoked share token is refused: no file, 410 page, the attempt logged", async () => {
    const { token, link } = await createShareLink(dpoB.user.id, B.id, recordB.id, {
      recipient: "Cour des comptes",
      expiresAt: new Date(Date.now() + 86400000),
      passphrase: null,
    });
    expect(await revokeShareLink(dpoB.user.id, B.id, link.id)).toBe(true);
    const file = await call(shareFile.loader, request(`/s/${token}/file`), { token });
    expect(file.status).toBe(302);
    expect(file.location).toBe(`/s/${token}`);
    expect(file.headers.get("Content-Disposition")).toBeNull();
    const page = await call(sharePage.loader, request(`/s/${token}`), { token });
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ status: "revoked" });
    expect(await getDb().shareAccess.findMany({ where: { shareLinkId: link.id }, select: { outcome: true } })).toEqual([{ outcome: "revoked" }]);
  });

  it("B's expired share token is refused: no file, 410 page, the attempt logged", async () => {
    const created = new Date(Date.now() - 3 * 86400000);
    const { token, link } = await createShareLink(
      dpoB.user.id,
      B.id,
      recordB.id,
      { recipient: "Archives", expiresAt: new Date(Date.now() - 86400000), passphrase: null },
      created,
    );
    const file = await call(shareFile.loader, request(`/s/${token}/file`), { token });
    expect(file.status).toBe(302);
    expect(file.location).toBe(`/s/${token}`);
    expect(file.headers.get("Content-Disposition")).toBeNull();
    const page = await call(sharePage.loader, request(`/s/${token}`), { token });
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ status: "expired" });
    expect(await getDb().shareAccess.findMany({ where: { shareLinkId: link.id }, select: { outcome: true } })).toEqual([{ outcome: "expired" }]);
  });
});
