/** GET: the activity's DPIA as a CNIL PIA tool JSON file (readers of the activity). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dpiaToPiaJson } from "~/documents/pia-json.ts";
import { getDpia } from "~/models/dpia.server.ts";
import { requireActivity } from "~/utils/activity-access.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const dpia = await getDpia(ctx.org.id, activity.id);
  if (!dpia) throw new Response("Not Found", { status: 404 });
  const json = dpiaToPiaJson(dpia, { ref: activity.ref, name: activity.name }, { name: ctx.org.name });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="aipd-${activity.ref}-pia.json"`,
      "Cache-Control": "no-store",
    },
  });
}
