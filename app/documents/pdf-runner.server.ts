/**
 * PDF generation off the request thread: each job runs in a child process (Node 20 worker threads
 * cannot load TypeScript through tsx), so a 1,000-activity register never blocks other requests.
 * The child streams the PDF into a temporary file as it is drawn and answers with its path: it never
 * holds the whole document (issue 18: collecting it, then copying it into the IPC message, cost the
 * child four times the PDF's size at its peak). A register's activities go to the child as a file
 * of JSON lines, each parsed when it is drawn, not as one IPC message of objects (ADR 024).
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RegisterExport } from "~/schemas/register-export.ts";
import type { DpiaPdfData } from "./dpia-pdf.ts";
import { writeActivityFile, type ActivityFile } from "./activity-file.ts";
import type { TextDoc } from "./breach-drafts.ts";
import { trackJob } from "~/utils/jobs.server.ts";
import { projectRoot } from "~/utils/paths.ts";

export type PdfJob =
  | {
      kind: "register";
      data: RegisterExport;
      opts: { locale: "fr" | "en"; scope: "controller" | "processor" | "all"; departments: string[] | null; fingerprint: string };
    }
  | { kind: "activity"; data: RegisterExport; ref: string; opts: { locale: "fr" | "en"; fingerprint: string } }
  | { kind: "dpia"; data: DpiaPdfData; opts: { locale: "fr" | "en" } }
  | { kind: "text"; data: TextDoc; opts: { locale: "fr" | "en"; generatedAt: string; draft: boolean } };

const TIMEOUT_MS = 5 * 60 * 1000;

const BUILT_WORKER = path.join(projectRoot, "build", "node", "pdf-worker.js");

/**
 * Compiled code (the Remix build, the server bundle) runs the compiled worker with plain node; source
 * code (tsx, vitest), or a build without the server bundle, runs the TypeScript worker through tsx.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const compiled = fileURLToPath(import.meta.url).includes(`${path.sep}build${path.sep}`);
  if (compiled && fs.existsSync(BUILT_WORKER)) return { file: BUILT_WORKER, execArgv: [] };
  return { file: path.join(projectRoot, "app", "documents", "pdf-worker.ts"), execArgv: ["--import", "tsx"] };
}

/**
 * What the child receives: the job, the file to write the PDF into and, for a register, its
 * activities as JSON lines (then the job's `data.activities` is empty).
 */
export type PdfWorkerRequest = { job: PdfJob; file: string; activities?: ActivityFile };

/** The child's answer: the PDF is in `file`; `peakRssMb` and `cpuS` are the child's peak resident memory and CPU seconds (benchmarks). */
export type PdfWorkerReply = { ok: true; file: string; peakRssMb: number; cpuS: number } | { ok: false; error: string };

export function renderPdfOffThread(job: PdfJob): Promise<Buffer> {
  // Tracked so that a graceful shutdown lets the rendering finish.
  return trackJob(renderPdfInChild(job).then((r) => r.bytes));
}

/**
 * Renders in a child process; the bytes, and the child's peak resident memory and CPU time.
 * `timeoutMs` (benchmarks on a loaded machine) replaces the 5-minute limit.
 */
export async function renderPdfInChild(job: PdfJob, timeoutMs = TIMEOUT_MS): Promise<{ bytes: Buffer; childPeakRssMb: number; childCpuS: number }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "registre-pdf-"));
  try {
    const request: PdfWorkerRequest =
      job.kind === "register"
        ? {
            job: { ...job, data: { ...job.data, activities: [] } },
            file: path.join(dir, "document.pdf"),
            activities: await writeActivityFile(path.join(dir, "activities.jsonl"), job.data.activities),
          }
        : { job, file: path.join(dir, "document.pdf") };
    const { file, peakRssMb, cpuS } = await renderInChild(request, timeoutMs);
    return { bytes: await fs.promises.readFile(file), childPeakRssMb: peakRssMb, childCpuS: cpuS };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

function renderInChild(request: PdfWorkerRequest, timeoutMs: number): Promise<{ file: string; peakRssMb: number; cpuS: number }> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("PDF generation timed out"));
    }, timeoutMs);
    child.once("message", (msg: PdfWorkerReply) => {
      clearTimeout(timer);
      child.disconnect();
      if (msg.ok) resolve({ file: msg.file, peakRssMb: msg.peakRssMb, cpuS: msg.cpuS });
      else reject(new Error(msg.error));
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`PDF process exited with code ${code}`));
    });
    child.send(request);
  });
}
