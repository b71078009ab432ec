import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { OrganizationListSchema } from "~/schemas/api.ts";
import { apiJson, apiRequest, methodNotAllowed, organizationView } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

/** A token belongs to one organization: the list holds that one. */
export function loader({ request }: LoaderFunctionArgs) {
  return apiRequest(request, {}, async (ctx) => {
    const body: z.output<typeof OrganizationListSchema> = { items: [await organizationView(ctx)] };
    return apiJson(body);
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
