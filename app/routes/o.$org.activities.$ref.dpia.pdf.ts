/** GET: the activity's DPIA as a PDF (readers of the activity), rendered in a child process. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { buildDpiaPdfData } from "~/models/dpia.server.ts";
import { requireActivity } from "~/utils/activity-access.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { getLocale } from "~/utils/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const data = await buildDpiaPdfData(ctx.org.id, activity.id);
  if (!data) throw new Response("Not Found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang === "fr" || lang === "en" ? lang : await getLocale(request);
  const pdf = await renderPdfOffThread({ kind: "dpia", data, opts: { locale } });
  return fileResponse(pdf, { fileName: `aipd-${activity.ref}.pdf`, contentType: "application/pdf", cache: "none" });
}
