/** GET: the activity's DPIA as a CNIL PIA tool JSON file (readers of the activity), recorded in the export log. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createExport, UnknownActivityError } from "~/models/exports.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { getLocale } from "~/http/i18n.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  let bytes: Buffer;
  try {
    // Same path as the exports page: rendered, stored and logged (ADR 007).
    ({ bytes } = await createExport(ctx.org.id, ctx.user.id, { format: "pia-json", ref: activity.ref, locale: await getLocale(request), scope: "all" }, "ui"));
  } catch (err) {
    if (err instanceof UnknownActivityError) throw new Response("Not Found", { status: 404 });
    throw err;
  }
  return fileResponse(bytes, { fileName: `aipd-${activity.ref}-pia.json`, contentType: "application/json; charset=utf-8", cache: "none" });
}
