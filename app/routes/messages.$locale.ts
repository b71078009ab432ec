import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/utils/i18n.ts";
import { clientMessages, messagesVersion } from "~/utils/messages.server.ts";

/**
 * One language's client messages, for a browser tab that lacks them (see utils/messages-cache.ts).
 * Public: they are the interface's words, the same for everyone. Cached while the version holds.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLocale(params.locale)) throw new Response("Not Found", { status: 404 });
  const current = new URL(request.url).searchParams.get("v") === messagesVersion(params.locale);
  return Response.json(clientMessages(params.locale), {
    headers: { "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache" },
  });
}
