/** GET /ns/context.jsonld: the JSON-LD context of Registre's exports (public). */
import { jsonLdContext } from "~/documents/jsonld.ts";
import { getEnv } from "~/utils/env.server.ts";

export function loader({ request }: { request: Request }) {
  const publicUrl = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return new Response(`${JSON.stringify({ "@context": jsonLdContext(publicUrl) }, null, 2)}\n`, {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
