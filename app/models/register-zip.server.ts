/**
 * One ZIP of the PDF registers of several organizations (issue 14, ADR 019). A background job: each
 * register is rendered in its own child process (renderPdfOffThread, through createExport) one after
 * the other, and recorded in its organization's export log like any other export; the progress page
 * reads the job's state. Jobs live in this process's memory (a restart loses a running job, whose
 * PDFs are still in the export logs) and their ZIP in data/tmp/zips for an hour.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { zipStore, type ZipEntry } from "~/documents/zip.ts";
import { getEnv } from "~/utils/env.server.ts";
import { trackJob } from "~/utils/jobs.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { createExport } from "./exports.server.ts";

export type ZipJobState = "running" | "done" | "failed";
export type ZipJob = {
  id: string;
  ownerId: string;
  state: ZipJobState;
  createdAt: Date;
  organizations: { id: string; slug: string; name: string; state: "waiting" | "done" | "failed" }[];
  fileName: string;
  size: number | null;
};

const jobs = new Map<string, ZipJob>();
const runs = new Map<string, Promise<void>>();
const JOB_TTL_MS = 60 * 60 * 1000;

function zipDir(): string {
  return path.join(path.dirname(getEnv().databaseFile), "tmp", "zips");
}

function zipPath(id: string): string {
  return path.join(zipDir(), `${id}.zip`);
}

function sweep(now = Date.now()) {
  for (const [id, j] of jobs) {
    if (j.state !== "running" && now - j.createdAt.getTime() > JOB_TTL_MS) {
      jobs.delete(id);
      fs.rmSync(zipPath(id), { force: true });
    }
  }
}

/** The job if `userId` started it; another user's job does not exist for them. */
export function getZipJob(userId: string, id: string): ZipJob | null {
  const j = jobs.get(id);
  return j && j.ownerId === userId ? j : null;
}

export function readZip(job: ZipJob): Buffer | null {
  if (job.state !== "done") return null;
  const p = zipPath(job.id);
  return fs.existsSync(p) ? fs.readFileSync(p) : null;
}

/**
 * Starts the job and returns at once. `organizations`: those the caller may export (the route checks
 * each with canZipRegister). `run` resolves when the ZIP is written (tests and the bench await it).
 */
export function startRegisterZip(
  actorId: string,
  organizations: { id: string; slug: string; name: string }[],
  locale: Locale,
  now = new Date(),
): { job: ZipJob; run: Promise<void> } {
  sweep(now.getTime());
  // One running ZIP per user: a second request (a double click, a reload of the form) joins the first.
  const running = [...jobs.values()].find((j) => j.ownerId === actorId && j.state === "running");
  if (running) return { job: running, run: runs.get(running.id) ?? Promise.resolve() };
  const id = crypto.randomBytes(12).toString("hex");
  const job: ZipJob = {
    id,
    ownerId: actorId,
    state: "running",
    createdAt: now,
    organizations: organizations.map((o) => ({ ...o, state: "waiting" })),
    fileName: `registres-${now.toISOString().slice(0, 10)}.zip`,
    size: null,
  };
  jobs.set(id, job);
  const run = trackJob(
    (async () => {
      const entries: ZipEntry[] = [];
      for (const o of job.organizations) {
        try {
          const { bytes, fileName } = await createExport(o.id, actorId, { format: "pdf", locale, scope: "all" }, "ui", now);
          entries.push({ name: fileName, bytes });
          o.state = "done";
        } catch {
          o.state = "failed";
        }
      }
      fs.mkdirSync(zipDir(), { recursive: true });
      const zip = zipStore(entries, now);
      fs.writeFileSync(zipPath(id), zip);
      job.size = zip.length;
      job.state = job.organizations.every((o) => o.state === "failed") && job.organizations.length > 0 ? "failed" : "done";
    })().catch(() => {
      job.state = "failed";
    }),
  );
  runs.set(id, run);
  void run.finally(() => runs.delete(id));
  return { job, run };
}
