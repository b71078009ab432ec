/**
 * GET ?doc=cnil|letter&format=pdf|txt[&lang=fr|en]: drafts from the breach register (DPO and ADMIN).
 * The PDF is rendered in a child process, like the other documents.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cnilNotificationDraft, subjectLetterDraft, textDocToPlain } from "~/documents/breach-drafts.ts";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { breachDraftData } from "~/models/breach.server.ts";
import { canDraftBreach } from "~/policies/breach.ts";
import { forbidden } from "~/http/auth.server.ts";
import { breachActor, requireBreach } from "~/http/breach-access.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { z } from "~/utils/validation.ts";

const QuerySchema = z.object({ doc: z.enum(["cnil", "letter"]), format: z.enum(["pdf", "txt"]), lang: z.enum(["fr", "en"]).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, breach } = await requireBreach(request, params);
  if (!canDraftBreach(breachActor(ctx))) throw forbidden();
  const q = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw new Response("Bad Request", { status: 400 });
  const locale = q.data.lang ?? (await getLocale(request));
  const data = await breachDraftData(ctx.org.id, breach);
  const doc = q.data.doc === "cnil" ? cnilNotificationDraft(data, locale) : subjectLetterDraft(data, locale);
  const name = `${q.data.doc === "cnil" ? "notification-cnil" : "lettre-personnes"}-${breach.ref}-${locale}.${q.data.format}`;
  if (q.data.format === "txt") return fileResponse(textDocToPlain(doc), { fileName: name, contentType: "text/plain; charset=utf-8", cache: "none" });
  const pdf = await renderPdfOffThread({ kind: "text", data: doc, opts: { locale, generatedAt: data.generatedAt, draft: true } });
  return fileResponse(pdf, { fileName: name, contentType: "application/pdf", cache: "none" });
}
