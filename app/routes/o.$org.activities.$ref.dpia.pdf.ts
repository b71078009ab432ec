/** GET: the activity's DPIA as a PDF (readers of the activity), rendered in a child process and recorded in the export log. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createExport, UnknownActivityError } from "~/models/exports.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { getLocale } from "~/http/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang === "fr" || lang === "en" ? lang : await getLocale(request);
  let pdf: Buffer;
  try {
    // Same path as the exports page: rendered, stored and logged (ADR 007).
    ({ bytes: pdf } = await createExport(ctx.org.id, ctx.user.id, { format: "dpia-pdf", ref: activity.ref, locale, scope: "all" }, "ui"));
  } catch (err) {
    if (err instanceof UnknownActivityError) throw new Response("Not Found", { status: 404 });
    throw err;
  }
  return fileResponse(pdf, { fileName: `aipd-${activity.ref}.pdf`, contentType: "application/pdf", cache: "none" });
}
