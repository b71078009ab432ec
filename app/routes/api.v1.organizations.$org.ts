import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiRequest, methodNotAllowed, organizationView } from "~/http/api.server.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => apiJson(await organizationView(ctx)));
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
