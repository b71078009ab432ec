import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { DatabaseBusyError, isDatabaseBusyError } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { domainErrorPage } from "~/http/domain-errors.server.ts";
import { errorPageResponse } from "~/utils/error-page.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { NonceContext } from "~/utils/nonce.tsx";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A write found the database locked by another process past the busy timeout: nothing was written,
  // the visitor may retry (ADR 009). Not a 500.
  if (busyRequests.has(loadContext)) return busyResponse(request);
  const refusal = refusedRequests.get(loadContext);
  if (refusal) return domainErrorPage(request, refusal);
  const nonce = loadContext.cspNonce ?? "";
  const bot = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = stripNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Requests whose loader or action failed on a locked database (keyed by their load context). */
const busyRequests = new WeakSet<object>();

export function busyResponse(request: Request): Response {
  const retry = String(new DatabaseBusyError().retryAfterSeconds);
  return errorPageResponse(request, 503, "integrity.busyTitle", "integrity.busyBody", undefined, { "Retry-After": retry });
}

/**
 * Requests whose loader or action threw a DomainError no route caught (keyed by their load context):
 * bad input is refused with its translated message and 4xx status, never a 500 (ADR 017).
 */
const refusedRequests = new WeakMap<object, DomainError>();

export function handleDataRequest(response: Response, { request, context }: { request: Request; context: AppLoadContext }) {
  if (busyRequests.has(context)) return busyResponse(request);
  const refusal = refusedRequests.get(context);
  return refusal ? domainErrorPage(request, refusal) : response;
}

export function handleError(error: unknown, { request, context }: { request: Request; context?: AppLoadContext }) {
  if (context && isDatabaseBusyError(error)) {
    busyRequests.add(context);
    logger.warn({ path: new URL(request.url).pathname.replace(/^\/(invitation|reset|s)\/[^/]+/, "/$1/[token]") }, "database busy: answered 503");
    return;
  }
  if (context && error instanceof DomainError) {
    refusedRequests.set(context, error);
    return;
  }
  if (request.signal.aborted) return;
  logger.error({ err: error, path: new URL(request.url).pathname.replace(/^\/(invitation|reset|s)\/[^/]+/, "/$1/[token]") }, "unhandled error");
}

/**
 * React 18.3 can emit a NUL byte where a multi-byte character straddles a stream chunk boundary
 * (facebook/react#24985). NUL is never valid in HTML, so it is dropped.
 */
function stripNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((b) => b !== 0)) : chunk);
    },
  });
}
