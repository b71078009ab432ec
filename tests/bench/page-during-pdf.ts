/**
 * Child of pdf.bench.ts: while a 1,000-activity register PDF is generated the way the server does it
 * (app/documents/pdf-runner.server.ts, a child process), a register page loader is called every
 * 100 ms in this process; prints the page times as one JSON line.
 */
import { rssMb, useTemporaryDatabase } from "./bench-utils.ts";
import { syntheticExport } from "./pdf.bench.ts";

useTemporaryDatabase("page-during-pdf");
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { seedDemo } = await import("../../app/models/demo-seed.server.ts");
const { createSession } = await import("../../app/models/session.server.ts");
const { renderPdfOffThread } = await import("../../app/documents/pdf-runner.server.ts");
const list = await import("../../app/routes/o.$org.activities._index.tsx");

await dbReady();
await seedDemo("bench-password-123");
const dpo = await getDb().user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
const { token } = await createSession(dpo.id);
const page = () =>
  list.loader({
    request: new Request("http://localhost/o/ville-demo/activities?sort=name", { headers: { Cookie: `registre_session=${token}` } }),
    params: { org: "ville-demo" },
    context: { cspNonce: "", clientIp: null },
  });
await page();

const data = syntheticExport(Number(process.argv[2] ?? 1000));
const started = performance.now();
let done = false;
const pdf = renderPdfOffThread({ kind: "register", data, opts: { locale: "fr", scope: "all", departments: null, fingerprint: "0".repeat(64) } }).finally(
  () => (done = true),
);
const samples: number[] = [];
while (!done) {
  const t0 = performance.now();
  await page();
  samples.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 100));
}
const bytes = (await pdf).byteLength;
const pdfS = (performance.now() - started) / 1000;
await disconnectDb();
samples.sort((a, b) => a - b);
const q = (p: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! * 10) / 10;
console.log(
  JSON.stringify({
    pdf_s: Math.round(pdfS * 100) / 100,
    pdf_bytes: bytes,
    page_requests: samples.length,
    page_p50_ms: q(0.5),
    page_p95_ms: q(0.95),
    page_max_ms: q(1),
    rss_mb: rssMb(),
  }),
);
