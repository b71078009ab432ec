/**
 * Child process entry: receives one PdfWorkerRequest, writes the PDF into the file, answers, exits.
 * A register's activities come as a file of JSON lines (activity-file.ts), each parsed when drawn.
 */
import fs from "node:fs";
import type { PdfJob, PdfWorkerReply, PdfWorkerRequest } from "./pdf-runner.server.ts";
import { readActivityFile } from "./activity-file.ts";
import { renderActivityPdf } from "./activity-pdf.ts";
import { renderDpiaPdf } from "./dpia-pdf.ts";
import { renderRegisterPdf, startRegisterPdfFrom } from "./register-pdf.ts";
import { renderTextDocPdf } from "./text-pdf.ts";

function render(job: PdfJob, activities: PdfWorkerRequest["activities"]): NodeJS.ReadableStream {
  if (job.kind === "register")
    return activities ? startRegisterPdfFrom(job.data, readActivityFile(activities), job.opts).stream : renderRegisterPdf(job.data, job.opts);
  return job.kind === "dpia"
    ? renderDpiaPdf(job.data, job.opts)
    : job.kind === "text"
      ? renderTextDocPdf(job.data, job.opts)
      : renderActivityPdf(job.data, job.ref, job.opts);
}

const CHUNK = 256 * 1024;

/**
 * Writes the stream into `file` with synchronous writes, about 256 KB at a time. Not `pipeline()` to
 * a write stream: the renderer runs for seconds between its yields to the event loop, so the write
 * stream's back-pressure paused pdfkit's output, which then piled up in memory faster than the
 * drains let it out (the child's peak at 1,000 activities: ~500 MB piped, ~310 MB written
 * synchronously; ADR 024). This process does nothing else: blocking on the disk costs nobody.
 */
function writeInto(stream: NodeJS.ReadableStream, file: string): Promise<void> {
  const fd = fs.openSync(file, "w");
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    pending = [];
    size = 0;
  };
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      fs.closeSync(fd);
      if (err === undefined) resolve();
      else reject(err instanceof Error ? err : new Error(String(err)));
    };
    const step = (last: boolean) => {
      try {
        if (size >= CHUNK || (last && size > 0)) flush();
        if (last) settle();
      } catch (err) {
        settle(err);
      }
    };
    stream.on("data", (chunk: Buffer) => {
      if (settled) return;
      pending.push(chunk);
      size += chunk.length;
      step(false);
    });
    stream.once("end", () => step(true));
    stream.once("error", (err) => settle(err));
  });
}

const reply = (msg: PdfWorkerReply, code: number) => process.send!(msg, () => process.exit(code));

process.once("message", async ({ job, file, activities }: PdfWorkerRequest) => {
  try {
    // Each page goes to the file as soon as it is written: the whole document is never in memory.
    await writeInto(render(job, activities), file);
    const usage = process.resourceUsage();
    const cpuS = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e4) / 100;
    reply({ ok: true, file, peakRssMb: Math.round(usage.maxRSS / 1024), cpuS }, 0);
  } catch (err) {
    reply({ ok: false, error: err instanceof Error ? err.message : String(err) }, 1);
  }
});
