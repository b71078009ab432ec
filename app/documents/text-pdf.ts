/** A drafted letter or notification (TextDoc) as a tagged PDF, with the layout of the other documents. */
import crypto from "node:crypto";
import { type Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { collectStream, createDocument, PdfLayout, STYLES } from "./layout.ts";
import type { TextDoc } from "./breach-drafts.ts";

export function renderTextDocPdf(d: TextDoc, opts: { locale: Locale; generatedAt: string; draft: boolean }): NodeJS.ReadableStream {
  return startTextDocPdf(d, opts).stream;
}

function startTextDocPdf(d: TextDoc, opts: { locale: Locale; generatedAt: string; draft: boolean }) {
  const t = createT(opts.locale);
  const doc = createDocument({
    title: d.title,
    lang: opts.locale,
    author: d.subtitle ?? d.title,
    subject: d.title,
    creationDate: new Date(opts.generatedAt),
    idSeed: crypto
      .createHash("sha256")
      .update(JSON.stringify(["textdoc", opts, d]))
      .digest(),
  });
  const L = new PdfLayout(doc, {
    headerLeft: d.subtitle ?? "",
    headerRight: d.title,
    footerLeft: d.title,
    pageLabel: (page, pages) => t("pdf.footer.page", { page, pages }),
    ...(opts.draft ? { watermark: `${createT("fr")("breaches.draft.mark")} / ${createT("en")("breaches.draft.mark")}` } : {}),
  });
  const build = () => {
    L.newPage();
    L.paragraph(d.title, STYLES.title, { gap: 8, tag: "H1" });
    if (d.subtitle) L.paragraph(d.subtitle, STYLES.subtitle, { gap: 12 });
    d.sections.forEach((s, i) => {
      L.beginGroup("Sect");
      L.heading(2, `${i + 1}. ${s.heading}`, { bookmark: "root" });
      for (const p of s.paragraphs) L.paragraph(p);
      L.endGroup();
    });
    if (d.note) L.paragraph(d.note, STYLES.note);
  };
  const done = (async () => {
    await Promise.resolve();
    const result = await L.run(build);
    doc.end();
    return result;
  })();
  done.catch((err: unknown) => doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: doc, done };
}

export async function generateTextDocPdfBuffer(d: TextDoc, opts: { locale: Locale; generatedAt: string; draft: boolean }): Promise<Buffer> {
  const { stream, done } = startTextDocPdf(d, opts);
  const [buffer] = await Promise.all([collectStream(stream), done]);
  return buffer;
}
