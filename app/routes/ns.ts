/** GET /ns: the documentation of the `registre:` namespace written in JSON-LD exports (JSON-LD, public). */
import { registreVocabulary } from "~/documents/registre-vocabulary.ts";
import { getEnv } from "~/utils/env.server.ts";

export function loader({ request }: { request: Request }) {
  const publicUrl = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return new Response(`${JSON.stringify(registreVocabulary(publicUrl), null, 2)}\n`, {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
