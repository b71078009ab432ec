import type { ActionFunctionArgs } from "@remix-run/node";
import { buildOpenApiDocument } from "~/schemas/openapi.ts";
import { methodNotAllowed } from "~/http/api.server.ts";

let cached: string | null = null;

/** The OpenAPI 3.1 document, generated from the Zod schemas (public: it describes, it discloses nothing). */
export function loader() {
  cached ??= JSON.stringify(buildOpenApiDocument(), null, 2);
  return new Response(cached, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
