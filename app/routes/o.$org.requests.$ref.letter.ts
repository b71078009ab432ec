/** GET ?format=pdf|txt&lang=fr|en: the answer letter of a request, filled from the register. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { textDocToPlain } from "~/documents/breach-drafts.ts";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { requestLetter } from "~/documents/request-letters.ts";
import { requestLetterData } from "~/models/request.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { requireDataSubjectRequest } from "~/http/request-access.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { z } from "~/utils/validation.ts";

const QuerySchema = z.object({ format: z.enum(["pdf", "txt"]), lang: z.enum(["fr", "en"]).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, dsr } = await requireDataSubjectRequest(request, params);
  const q = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw new Response("Bad Request", { status: 400 });
  const locale = q.data.lang ?? (await getLocale(request));
  const doc = requestLetter(await requestLetterData(ctx.org.id, dsr), locale);
  const name = `reponse-${dsr.ref}-${locale}.${q.data.format}`;
  if (q.data.format === "txt") return fileResponse(textDocToPlain(doc), { fileName: name, contentType: "text/plain; charset=utf-8", cache: "none" });
  const pdf = await renderPdfOffThread({ kind: "text", data: doc, opts: { locale, generatedAt: new Date().toISOString(), draft: true } });
  return fileResponse(pdf, { fileName: name, contentType: "application/pdf", cache: "none" });
}
