import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDpia } from "~/models/dpia.server.ts";
import type { DpiaSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed, requireApiActivity } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

/** The activity's DPIA: whoever may read the activity may read it (as on the DPIA page). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const activity = await requireApiActivity(ctx, params.ref, "read");
    const dpia = await getDpia(ctx.org.id, activity.id);
    if (!dpia) return ctx.problem(404, "not_found", { detail: "no DPIA for this activity" });
    const body: z.output<typeof DpiaSchema> = {
      ref: activity.ref,
      status: dpia.status,
      version: dpia.version,
      updatedAt: dpia.updatedAt.toISOString(),
      answers: dpia.answers as Record<string, unknown>,
      measures: dpia.measures as unknown as Record<string, unknown>[],
      risks: dpia.risks as unknown as Record<string, unknown>,
      actionPlan: dpia.actionPlan as unknown as Record<string, unknown>[],
    };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
