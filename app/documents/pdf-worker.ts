/** Child process entry: receives one PdfJob and a file path, streams the PDF into the file, answers, exits. */
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { PdfJob, PdfWorkerReply } from "./pdf-runner.server.ts";
import { renderActivityPdf } from "./activity-pdf.ts";
import { renderDpiaPdf } from "./dpia-pdf.ts";
import { renderRegisterPdf } from "./register-pdf.ts";
import { renderTextDocPdf } from "./text-pdf.ts";

function render(job: PdfJob): NodeJS.ReadableStream {
  return job.kind === "register"
    ? renderRegisterPdf(job.data, job.opts)
    : job.kind === "dpia"
      ? renderDpiaPdf(job.data, job.opts)
      : job.kind === "text"
        ? renderTextDocPdf(job.data, job.opts)
        : renderActivityPdf(job.data, job.ref, job.opts);
}

const reply = (msg: PdfWorkerReply, code: number) => process.send!(msg, () => process.exit(code));

process.once("message", async ({ job, file }: { job: PdfJob; file: string }) => {
  try {
    // Each page goes to the file as soon as it is written: the whole document is never in memory.
    await pipeline(render(job), fs.createWriteStream(file));
    reply({ ok: true, file, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, 0);
  } catch (err) {
    reply({ ok: false, error: err instanceof Error ? err.message : String(err) }, 1);
  }
});
