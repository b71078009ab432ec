import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listActivityIdsInScope } from "~/models/activity.server.ts";
import { analyseOrganization } from "~/models/sovereignty.server.ts";
import type { AnalysisSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

type Item = z.output<typeof AnalysisSchema>["items"][number];

/** The (cached) organization analysis, narrowed to the activities the token's owner may see. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const [analysis, visible] = await Promise.all([analyseOrganization(ctx.org.id), listActivityIdsInScope(ctx.org.id, ctx.scope)]);
    const body: z.output<typeof AnalysisSchema> = {
      items: analysis.activities
        .filter((a) => visible.has(a.id))
        .map((a) => ({
          ref: a.ref,
          name: a.name,
          status: a.status as Item["status"],
          sensitive: a.sensitive,
          level: a.analysis.level,
          countries: a.analysis.countries,
          transfers: a.analysis.transfers as unknown as Item["transfers"],
          exposure: a.analysis.exposure as unknown as Item["exposure"],
          toVerify: a.analysis.toVerify as unknown as Item["toVerify"],
        })),
    };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
