import PDFDocument from "pdfkit";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const font = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const N = Number(process.argv[2] ?? 1000);
const buffered = process.argv[3] === "buf";
const t0 = performance.now();
const doc = new PDFDocument({ bufferPages: buffered, size: "A4" });
doc.font(font).fontSize(9);
const chunks = [];
doc.on("data", (c) => chunks.push(c));
const done = new Promise((r) => doc.on("end", r));
for (let i = 0; i < N; i++) {
  for (let k = 0; k < 100; k++) doc.text(`Traitement ${i} ligne ${k} — gestion des données état civil, urbanisme, médiathèque élections crèche`);
}
const t1 = performance.now();
doc.end();
const t2 = performance.now();
await done;
console.log({ layout: t1 - t0, end: t2 - t1, total: performance.now() - t0, pages: doc._offsets.length, bytes: chunks.reduce((a, c) => a + c.length, 0), rss: process.memoryUsage().rss / 1e6 });
