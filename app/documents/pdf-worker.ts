/** Child process entry: receives one PdfJob, renders it, sends the bytes back, exits. */
import type { PdfJob } from "./pdf-runner.server.ts";
import { renderActivityPdf } from "./activity-pdf.ts";
import { renderDpiaPdf } from "./dpia-pdf.ts";
import { renderRegisterPdf } from "./register-pdf.ts";
import { renderTextDocPdf } from "./text-pdf.ts";

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

process.once("message", async (job: PdfJob) => {
  try {
    const stream =
      job.kind === "register"
        ? renderRegisterPdf(job.data, job.opts)
        : job.kind === "dpia"
          ? renderDpiaPdf(job.data, job.opts)
          : job.kind === "text"
            ? renderTextDocPdf(job.data, job.opts)
            : renderActivityPdf(job.data, job.ref, job.opts);
    const pdf = await collect(stream);
    process.send!({ ok: true, pdf: new Uint8Array(pdf) }, () => process.exit(0));
  } catch (err) {
    process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1));
  }
});
