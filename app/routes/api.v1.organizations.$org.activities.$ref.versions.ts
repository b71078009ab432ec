import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listVersions } from "~/models/activity.server.ts";
import type { ActivityVersionListSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed, requireApiActivity } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const activity = await requireApiActivity(ctx, params.ref, "read");
    const versions = await listVersions(ctx.org.id, activity.id);
    const body: z.output<typeof ActivityVersionListSchema> = {
      items: versions.map((v) => ({
        number: v.number,
        name: v.name,
        departmentName: v.departmentName,
        approvedAt: v.approvedAt.toISOString(),
        approvedBy: v.approvedBy,
        validFrom: v.validFrom.toISOString(),
        validTo: v.validTo ? v.validTo.toISOString() : null,
        content: v.parsed,
      })),
    };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
