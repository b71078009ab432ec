/**
 * One ZIP of the PDF registers of several organizations (issue 14, ADR 019). A background job: each
 * register is rendered in its own child process (renderPdfOffThread, through createExport) one after
 * the other, and recorded in its organization's export log like any other export; the progress page
 * reads the job's state.
 *
 * Jobs are rows (RegisterZipJob) and the finished ZIP a file under data/zips, so a restart keeps a
 * finished ZIP downloadable. A job still "running" that this process is not running was cut short by a
 * restart: `recoverZipJobs` (server start) marks those failed, and every read does the same for its own
 * job, so a progress page never waits forever. Finished jobs and their files are removed after
 * ZIP_RETENTION_DAYS (`purgeZipJobs`, a scheduled task).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { zipStore, type ZipEntry } from "~/documents/zip.ts";
import { effectiveRole } from "~/policies/platform.ts";
import { canDownloadZip } from "~/policies/portfolio.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { trackJob } from "~/utils/jobs.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { createExport } from "./exports.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export const ZIP_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ZipJobState = "running" | "done" | "failed";
export type ZipFailReason = "interrupted" | "render";
export type ZipJobOrganization = { id: string; slug: string; name: string; state: "waiting" | "done" | "failed" };
export type ZipJob = {
  id: string;
  ownerId: string;
  state: ZipJobState;
  failReason: ZipFailReason | null;
  createdAt: Date;
  organizations: ZipJobOrganization[];
  fileName: string;
  size: number | null;
};

/** The runs of THIS process. A "running" row without one here was interrupted by a restart. */
const runs = new Map<string, Promise<void>>();

const UNAUDITED = "a register ZIP job's progress; each PDF in it is recorded in its organization's export log";

function zipDir(): string {
  return path.join(path.dirname(getEnv().databaseFile), "zips");
}

function zipPath(id: string): string {
  if (!/^[0-9a-f]{24}$/.test(id)) throw new Error("bad ZIP job id");
  return path.join(zipDir(), `${id}.zip`);
}

type Row = {
  id: string;
  ownerId: string;
  state: string;
  failReason: string | null;
  organizations: string;
  fileName: string;
  size: number | null;
  createdAt: Date;
};

function toJob(r: Row): ZipJob {
  return {
    id: r.id,
    ownerId: r.ownerId,
    state: r.state === "done" || r.state === "failed" ? r.state : "running",
    failReason: r.failReason === "interrupted" || r.failReason === "render" ? r.failReason : null,
    createdAt: r.createdAt,
    organizations: JSON.parse(r.organizations) as ZipJobOrganization[],
    fileName: r.fileName,
    size: r.size,
  };
}

/** Marks running jobs that no run of this process carries on as failed ("interrupted"). */
async function failOrphans(ids: string[]): Promise<number> {
  const orphans = ids.filter((id) => !runs.has(id));
  if (orphans.length === 0) return 0;
  return unitOfWork(
    { actorId: null, organizationId: null },
    async (w) => {
      const res = await w.tx.registerZipJob.updateMany({
        where: { id: { in: orphans }, state: "running" },
        data: { state: "failed", failReason: "interrupted", finishedAt: new Date() },
      });
      return res.count;
    },
    { unaudited: UNAUDITED },
  ).then((count) => {
    // A crash between writing the file and recording it leaves a complete file no one may download.
    for (const id of orphans) fs.rmSync(zipPath(id), { force: true });
    return count;
  });
}

/**
 * Server start: every job left "running" by the previous process was interrupted (one process serves
 * the instance, ADR 019). Returns how many were marked failed.
 */
export async function recoverZipJobs(): Promise<number> {
  const running = await getDb().registerZipJob.findMany({ where: { state: "running" }, select: { id: true } });
  return failOrphans(running.map((r) => r.id));
}

/**
 * Removes jobs older than the retention period with their files, and temporary files a crash left
 * behind (older than a day by the clock, whatever `now` says: a younger one may be being written).
 */
export async function purgeZipJobs(now = new Date(), retentionDays = ZIP_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const old = await getDb().registerZipJob.findMany({ where: { createdAt: { lt: cutoff }, state: { not: "running" } }, select: { id: true } });
  if (old.length > 0) {
    await unitOfWork({ actorId: null, organizationId: null }, (w) => w.tx.registerZipJob.deleteMany({ where: { id: { in: old.map((o) => o.id) } } }), {
      unaudited: "retention of register ZIP jobs (derived files, ADR 019)",
    });
    for (const o of old) fs.rmSync(zipPath(o.id), { force: true });
  }
  const dir = zipDir();
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      if (f.endsWith(".tmp") && fs.statSync(file).mtimeMs < Date.now() - DAY_MS) fs.rmSync(file, { force: true });
    }
  }
  return old.length;
}

/**
 * The job if `userId` started it (another user's job does not exist for them). A running job that no
 * run of this process carries on is reported failed at once.
 */
export async function getZipJob(userId: string, id: string): Promise<ZipJob | null> {
  if (!/^[0-9a-f]{24}$/.test(id)) return null;
  let row = await getDb().registerZipJob.findFirst({ where: { id, ownerId: userId } });
  if (row?.state === "running" && (await failOrphans([row.id])) > 0) row = await getDb().registerZipJob.findFirst({ where: { id, ownerId: userId } });
  return row ? toJob(row) : null;
}

/**
 * Whether the user may still read every register in the job, by their memberships NOW: a member who
 * has since lost an organization (or become its EDITOR) no longer downloads its register.
 */
export async function mayDownloadZip(userId: string, job: ZipJob, platformAdmin = false): Promise<boolean> {
  const ids = job.organizations.map((o) => o.id);
  const memberships = await getDb().membership.findMany({
    where: { userId, organizationId: { in: ids } },
    select: { organizationId: true, role: true, organization: { select: { instanceCatalogue: true } } },
  });
  const roles = new Map(memberships.map((m) => [m.organizationId, effectiveRole(m.role, m.organization, platformAdmin)]));
  return canDownloadZip(ids.map((id) => roles.get(id) ?? null));
}

export function readZip(job: ZipJob): Buffer | null {
  if (job.state !== "done") return null;
  const p = zipPath(job.id);
  return fs.existsSync(p) ? fs.readFileSync(p) : null;
}

async function saveProgress(id: string, organizations: ZipJobOrganization[]) {
  await unitOfWork(
    { actorId: null, organizationId: null },
    (w) => w.tx.registerZipJob.updateMany({ where: { id, state: "running" }, data: { organizations: JSON.stringify(organizations) } }),
    { unaudited: UNAUDITED },
  );
}

/** Ends a job; a job already marked failed (interrupted) stays so, and its file is not kept. */
async function finish(id: string, data: { state: ZipJobState; failReason?: ZipFailReason; size?: number; organizations: ZipJobOrganization[] }) {
  const count = await unitOfWork(
    { actorId: null, organizationId: null },
    async (w) =>
      (
        await w.tx.registerZipJob.updateMany({
          where: { id, state: "running" },
          data: {
            state: data.state,
            failReason: data.failReason ?? null,
            size: data.size ?? null,
            organizations: JSON.stringify(data.organizations),
            finishedAt: new Date(),
          },
        })
      ).count,
    { unaudited: UNAUDITED },
  );
  if (count === 0) fs.rmSync(zipPath(id), { force: true });
}

/**
 * Starts the job and returns once it is recorded. `organizations`: those the caller may export (the
 * route checks each with canZipRegister). `run` resolves when the ZIP is written (tests and the bench
 * await it).
 */
export async function startRegisterZip(
  actorId: string,
  organizations: { id: string; slug: string; name: string }[],
  locale: Locale,
  now = new Date(),
): Promise<{ job: ZipJob; run: Promise<void> }> {
  // One running ZIP per user: a second request (a double click, a reload of the form) joins the first,
  // unless that one was interrupted by a restart.
  const running = await getDb().registerZipJob.findMany({ where: { ownerId: actorId, state: "running" } });
  await failOrphans(running.map((r) => r.id));
  const live = running.find((r) => runs.has(r.id));
  if (live) return { job: toJob(live), run: runs.get(live.id)! };

  const id = crypto.randomBytes(12).toString("hex");
  const orgs: ZipJobOrganization[] = organizations.map((o) => ({ id: o.id, slug: o.slug, name: o.name, state: "waiting" }));
  // Claimed before the row exists, so a concurrent read never takes the new job for an interrupted one.
  runs.set(id, Promise.resolve());
  const row = await unitOfWork(
    { actorId, organizationId: null },
    (w) =>
      w.tx.registerZipJob.create({
        data: {
          id,
          ownerId: actorId,
          state: "running",
          organizations: JSON.stringify(orgs),
          locale,
          fileName: `registres-${now.toISOString().slice(0, 10)}.zip`,
          createdAt: now,
        },
      }),
    { unaudited: UNAUDITED },
  ).catch((err: unknown) => {
    runs.delete(id);
    throw err;
  });
  const job = toJob(row);
  const run = trackJob(
    (async () => {
      const entries: ZipEntry[] = [];
      for (const o of orgs) {
        try {
          const { bytes, fileName } = await createExport(o.id, actorId, { format: "pdf", locale, scope: "all" }, "ui", now);
          entries.push({ name: fileName, bytes });
          o.state = "done";
        } catch {
          o.state = "failed";
        }
        await saveProgress(id, orgs);
      }
      if (orgs.length > 0 && orgs.every((o) => o.state === "failed")) {
        await finish(id, { state: "failed", failReason: "render", organizations: orgs });
        return;
      }
      // Written under a temporary name, then renamed: a ZIP file on disk is always complete.
      fs.mkdirSync(zipDir(), { recursive: true });
      const zip = zipStore(entries, now);
      const tmp = `${zipPath(id)}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, zip);
      fs.renameSync(tmp, zipPath(id));
      await finish(id, { state: "done", size: zip.length, organizations: orgs });
    })().catch(async () => {
      await finish(id, { state: "failed", failReason: "render", organizations: orgs }).catch(() => undefined);
    }),
  );
  runs.set(id, run);
  void run.finally(() => runs.delete(id));
  return { job, run };
}
