/** One processing activity as a PDF sheet: the same layout and sections as in the register. */
import type { RegisterExport } from "~/schemas/register-export.ts";
import { formatDate, type Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import { collectStream, createDocument, PdfLayout, STYLES } from "./layout.ts";
import { documentChrome, documentId, renderActivity, type DocContext, type PdfHooks, type PdfRun } from "./register-pdf.ts";

export type ActivityPdfOptions = { locale: Locale; fingerprint: string };

export function startActivityPdf(data: RegisterExport, ref: string, opts: ActivityPdfOptions, hooks: PdfHooks = {}): PdfRun {
  const t = createT(opts.locale);
  const activity = data.activities.find((a) => a.ref === ref);
  if (!activity) throw new Error(t("pdf.activitySheet.notFound", { ref }));
  const org = data.organization.name;
  const title = t("pdf.activitySheet.title", { ref });
  const doc = createDocument({
    title,
    lang: opts.locale,
    author: org,
    subject: t("pdf.activitySheet.subject", { ref, name: activity.name, org }),
    keywords: t("pdf.activitySheet.keywords", { ref, org }),
    creationDate: new Date(data.generatedAt),
    idSeed: documentId(["activity", ref, opts.locale, opts.fingerprint, data.generatedAt, data.asOf, data.organization], [activity]),
  });
  const L = new PdfLayout(doc, documentChrome(t, opts.locale, data, title, opts.fingerprint));
  L.onText = hooks.onText ?? null;
  const ctx: DocContext = { L, t, locale: opts.locale, data };
  const done = (async () => {
    await Promise.resolve();
    const result = await L.run(() => {
      L.newPage();
      L.paragraph(`${t("pdf.register.title")} — ${t("pdf.register.subtitle")}`, STYLES.note, { gap: 2 });
      L.paragraph(data.asOf ? t("pdf.cover.asOf", { date: formatDate(opts.locale, data.asOf) }) : t("pdf.cover.current"), STYLES.note, { gap: 2 });
      L.paragraph(
        `${t("pdf.cover.auditAnchor")} : ${data.auditAnchor ? t("pdf.cover.auditAnchorValue", { seq: data.auditAnchor.seq, hash: data.auditAnchor.hash }) : t("pdf.cover.auditAnchorNone")}`,
        STYLES.note,
        { gap: 8 },
      );
      L.beginGroup("Sect");
      renderActivity(ctx, activity, { level: 1, bookmark: "root", sectionBookmarks: true });
      L.endGroup();
    });
    doc.end();
    return result;
  })();
  done.catch((err: unknown) => doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: doc, done };
}

/** The sheet of activity `ref` as a PDF stream; throws if the export has no such activity. */
export function renderActivityPdf(data: RegisterExport, ref: string, opts: ActivityPdfOptions): NodeJS.ReadableStream {
  return startActivityPdf(data, ref, opts).stream;
}

export async function generateActivityPdfBuffer(data: RegisterExport, ref: string, opts: ActivityPdfOptions): Promise<Buffer> {
  const { stream, done } = startActivityPdf(data, ref, opts);
  const [buffer] = await Promise.all([collectStream(stream), done]);
  return buffer;
}
