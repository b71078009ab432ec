import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { screeningOverview } from "~/models/dpia.server.ts";
import type { ScreeningListSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

/** The DPIA screening of each activity in the owner's scope, and its DPIA's status. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const rows = await screeningOverview(ctx.org.id, ctx.scope);
    const body: z.output<typeof ScreeningListSchema> = {
      items: rows.map((r) => ({
        ref: r.ref,
        name: r.name,
        departmentName: r.departmentName,
        result: r.result,
        saved: r.saved,
        decision: r.decision,
        dpiaStatus: r.dpiaStatus as z.output<typeof ScreeningListSchema>["items"][number]["dpiaStatus"],
      })),
    };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
