/** GET ?format=pdf|txt&lang=fr|en: the answer letter of a request, filled from the register. */
import { create as contentDisposition } from "content-disposition";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { textDocToPlain } from "~/documents/breach-drafts.ts";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { requestLetter } from "~/documents/request-letters.ts";
import { requestLetterData } from "~/models/request.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { requireDataSubjectRequest } from "~/http/request-access.server.ts";
import { z } from "~/utils/validation.ts";

const QuerySchema = z.object({ format: z.enum(["pdf", "txt"]), lang: z.enum(["fr", "en"]).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, dsr } = await requireDataSubjectRequest(request, params);
  const q = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw new Response("Bad Request", { status: 400 });
  const locale = q.data.lang ?? (await getLocale(request));
  const doc = requestLetter(await requestLetterData(ctx.org.id, dsr), locale);
  const name = `reponse-${dsr.ref}-${locale}.${q.data.format}`;
  if (q.data.format === "txt")
    return new Response(textDocToPlain(doc), {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": contentDisposition(name), "Cache-Control": "no-store" },
    });
  const pdf = await renderPdfOffThread({ kind: "text", data: doc, opts: { locale, generatedAt: new Date().toISOString(), draft: true } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
