/** GET: the activity's DPIA as a CNIL PIA tool JSON file (readers of the activity). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dpiaToPiaJson } from "~/documents/pia-json.ts";
import { getDpia } from "~/models/dpia.server.ts";
import { requireActivity } from "~/utils/activity-access.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const dpia = await getDpia(ctx.org.id, activity.id);
  if (!dpia) throw new Response("Not Found", { status: 404 });
  const json = dpiaToPiaJson(dpia, { ref: activity.ref, name: activity.name }, { name: ctx.org.name });
  return fileResponse(`${JSON.stringify(json, null, 2)}\n`, { fileName: `aipd-${activity.ref}-pia.json`, contentType: "application/json; charset=utf-8", cache: "none" });
}
