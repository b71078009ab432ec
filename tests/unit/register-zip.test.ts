/**
 * Register ZIP jobs survive a restart (issue 14, ADR 019): a finished ZIP stays downloadable by its
 * requester while they may export every register in it; a job cut short by a restart shows as failed
 * with a way to start again; old jobs and files go after the retention period. A restart is simulated
 * by loading fresh copies of the model and the routes (vi.resetModules): the new "process" runs nothing.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { createOrg, form, request, signedInMember, addMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Org = Awaited<ReturnType<typeof createOrg>>;
type Member = Awaited<ReturnType<typeof signedInMember>>;

let A: Org;
let B: Org;
let dpo: Member; // DPO of A and B
let otherDpo: Member; // DPO of A only

/** A fresh process: new module state for the model and every route that uses it. */
async function restart() {
  vi.resetModules();
  return {
    model: await import("~/models/register-zip.server.ts"),
    page: await import("~/routes/portfolio.zips.$id.tsx"),
    download: await import("~/routes/portfolio.zips.$id.download.ts"),
    start: await import("~/routes/portfolio.zip.ts"),
  };
}

/** Entries of a store-only ZIP (what app/documents/zip.ts writes), read from the local headers. */
function unzipStored(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extraLen = zip.readUInt16LE(at + 28);
    expect(method).toBe(0);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString("utf8");
    const start = at + 30 + nameLen + extraLen;
    out.set(name, zip.subarray(start, start + size));
    at = start + size;
  }
  return out;
}

const sha256 = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const zipFile = (id: string) => path.join(path.dirname(getEnv().databaseFile), "zips", `${id}.zip`);
const orgsOf = (...orgs: Org[]) => orgs.map((o) => ({ id: o.org.id, slug: o.org.slug, name: o.org.name }));

beforeAll(async () => {
  A = await createOrg("Commune d'Aval");
  B = await createOrg("Commune de Bord");
  dpo = await signedInMember(A.org.id, "DPO");
  await addMember(dpo.user.id, B.org.id, "DPO");
  otherDpo = await signedInMember(A.org.id, "DPO");
});

describe("a finished ZIP after a restart", () => {
  let jobId = "";

  it("is still there, downloadable by its requester, and holds each organization's recorded PDF", async () => {
    const first = await restart();
    const { job, run } = await first.model.startRegisterZip(dpo.user.id, orgsOf(A, B), "fr");
    jobId = job.id;
    await run;
    expect(fs.existsSync(zipFile(job.id))).toBe(true);

    const { model, page, download } = await restart();
    const again = await model.getZipJob(dpo.user.id, job.id);
    expect(again).toMatchObject({ state: "done", failReason: null });
    expect(again!.organizations.map((o) => o.state)).toEqual(["done", "done"]);
    expect(await model.recoverZipJobs()).toBe(0);

    const p = await call(page.loader, request(`/portfolio/zips/${job.id}`, { cookie: dpo.cookie }), { id: job.id });
    expect(p.status).toBe(200);
    expect(p.data).toMatchObject({ state: "done", mayDownload: true, total: 2, done: 2 });

    const dl = await call(download.loader, request(`/portfolio/zips/${job.id}/download`, { cookie: dpo.cookie }), { id: job.id });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Type")).toBe("application/zip");
    const entries = unzipStored(Buffer.from(await dl.raw!.arrayBuffer()));
    // One entry per organization, each exactly the PDF recorded in that organization's export log.
    const records = await getDb().exportRecord.findMany({ where: { organizationId: { in: [A.org.id, B.org.id] }, format: "pdf" } });
    expect(records).toHaveLength(2);
    expect([...entries.keys()].sort()).toEqual(records.map((r) => r.fileName).sort());
    for (const r of records) {
      const bytes = entries.get(r.fileName)!;
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(sha256(bytes)).toBe(r.sha256);
    }
  }, 180_000);

  it("is nobody else's: another user gets a 404 on its page and its file", async () => {
    const { page, download } = await restart();
    for (const who of [otherDpo]) {
      expect((await call(page.loader, request(`/portfolio/zips/${jobId}`, { cookie: who.cookie }), { id: jobId })).status).toBe(404);
      expect((await call(download.loader, request(`/portfolio/zips/${jobId}/download`, { cookie: who.cookie }), { id: jobId })).status).toBe(404);
    }
    expect((await call(page.loader, request(`/portfolio/zips/not-an-id`, { cookie: dpo.cookie }), { id: "not-an-id" })).status).toBe(404);
  });

  it("is refused (403) to its requester once they may no longer export one of its registers", async () => {
    const { page, download } = await restart();
    const db = getDb();
    await db.membership.update({ where: { userId_organizationId: { userId: dpo.user.id, organizationId: B.org.id } }, data: { role: "EDITOR" } });
    try {
      expect((await call(download.loader, request(`/portfolio/zips/${jobId}/download`, { cookie: dpo.cookie }), { id: jobId })).status).toBe(403);
      const p = await call(page.loader, request(`/portfolio/zips/${jobId}`, { cookie: dpo.cookie }), { id: jobId });
      expect(p.data).toMatchObject({ state: "done", mayDownload: false });
      await db.membership.delete({ where: { userId_organizationId: { userId: dpo.user.id, organizationId: B.org.id } } });
      expect((await call(download.loader, request(`/portfolio/zips/${jobId}/download`, { cookie: dpo.cookie }), { id: jobId })).status).toBe(403);
    } finally {
      await db.membership.upsert({
        where: { userId_organizationId: { userId: dpo.user.id, organizationId: B.org.id } },
        create: { userId: dpo.user.id, organizationId: B.org.id, role: "DPO" },
        update: { role: "DPO" },
      });
    }
    expect((await call(download.loader, request(`/portfolio/zips/${jobId}/download`, { cookie: dpo.cookie }), { id: jobId })).status).toBe(200);
  });
});

describe("a job interrupted by a restart", () => {
  it("left running by the previous process is marked failed at start-up, with a way to start again", async () => {
    // What the previous process left behind: a row still "running" that no process carries on.
    const id = crypto.randomBytes(12).toString("hex");
    const orgs = orgsOf(A, B).map((o, i) => ({ ...o, state: i === 0 ? "done" : "waiting" }));
    await getDb().registerZipJob.create({
      data: { id, ownerId: dpo.user.id, state: "running", organizations: JSON.stringify(orgs), locale: "fr", fileName: "registres.zip" },
    });
    const { model, page, download, start } = await restart();
    expect(await model.recoverZipJobs()).toBe(1);
    expect(await getDb().registerZipJob.findUnique({ where: { id } })).toMatchObject({ state: "failed", failReason: "interrupted" });

    const p = await call(page.loader, request(`/portfolio/zips/${id}`, { cookie: dpo.cookie }), { id });
    expect(p.data).toMatchObject({ state: "failed", failReason: "interrupted", mayDownload: false, done: 1, total: 2 });
    expect((await call(download.loader, request(`/portfolio/zips/${id}/download`, { cookie: dpo.cookie }), { id })).status).toBe(404);

    // "Start again" posts the same organizations to the start action: a new job, running in this process.
    const again = await call(start.action, request("/portfolio/zip", { method: "POST", cookie: dpo.cookie, body: form({ org: orgs.map((o) => o.slug) }) }));
    expect(again.status).toBe(302);
    const newId = again.location!.split("/").pop()!;
    expect(newId).not.toBe(id);
    const job = await model.getZipJob(dpo.user.id, newId);
    expect(job!.organizations.map((o) => o.slug).sort()).toEqual(orgs.map((o) => o.slug).sort());
    // Let it finish before the next test (one running job per user).
    const { run } = await model.startRegisterZip(dpo.user.id, [], "fr");
    await run;
    expect((await model.getZipJob(dpo.user.id, newId))!.state).toBe("done");
  }, 180_000);

  it("is reported failed on its own page even without the start-up recovery, and a late end does not revive it", async () => {
    const before = await restart();
    const { job, run } = await before.model.startRegisterZip(dpo.user.id, orgsOf(A), "en");
    // The server restarts while the PDF renders: the new process reads the job.
    const after = await restart();
    const seen = await after.model.getZipJob(dpo.user.id, job.id);
    expect(seen).toMatchObject({ state: "failed", failReason: "interrupted" });
    // The old run ends later (in a real restart it never does): the job stays failed and keeps no file.
    await run;
    expect(await after.model.getZipJob(dpo.user.id, job.id)).toMatchObject({ state: "failed", failReason: "interrupted" });
    expect(fs.existsSync(zipFile(job.id))).toBe(false);
  }, 180_000);
});

describe("retention", () => {
  it("removes finished jobs and their files after the retention period, and keeps recent ones", async () => {
    const { model } = await restart();
    const { job, run } = await model.startRegisterZip(dpo.user.id, orgsOf(A), "fr");
    await run;
    expect(fs.existsSync(zipFile(job.id))).toBe(true);
    const now = new Date();
    expect(await model.purgeZipJobs(now)).toBe(0);
    expect(fs.existsSync(zipFile(job.id))).toBe(true);
    const later = new Date(now.getTime() + (model.ZIP_RETENTION_DAYS + 1) * 24 * 3600_000);
    expect(await model.purgeZipJobs(later)).toBeGreaterThanOrEqual(1);
    expect(await getDb().registerZipJob.findUnique({ where: { id: job.id } })).toBeNull();
    expect(fs.existsSync(zipFile(job.id))).toBe(false);
    expect(await model.getZipJob(dpo.user.id, job.id)).toBeNull();
  }, 180_000);
});
