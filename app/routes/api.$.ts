import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/http/api.server.ts";

/** Any other /api path: a problem+json 404, not the HTML error page. */
export function loader({ request }: LoaderFunctionArgs) {
  return problem(request, 404, "not_found");
}

export function action({ request }: ActionFunctionArgs) {
  return problem(request, request.method === "OPTIONS" ? 403 : 404, request.method === "OPTIONS" ? "cors_disabled" : "not_found");
}
