/**
 * Request body limits, per route, checked on the declared length BEFORE the body is read (issue 12.5,
 * ADR 009). A 150 MB POST /login used to be read whole; it is now answered 413 at once and the
 * connection closed, so the rest of the upload is never read.
 *
 * - anonymous routes (login, setup, invitation, reset, public pages, share links, language): 16 KiB;
 * - signed-in forms: 1 MiB;
 * - the three upload forms (import, DPA file, PIA import): their file cap plus 64 KiB of form;
 * - /verify (public fingerprint check of an export): the export size cap; it is streamed to disk;
 * - any request without a session cookie gets the anonymous limit on a signed-in route (it would only be
 *   redirected to the login page anyway).
 * A body without a declared length (chunked) is refused with 411: browsers always declare it.
 * Multipart part counts and per-file caps are enforced while parsing (form-limits.server.ts).
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { IMPORT_LIMITS } from "~/import/limits.ts";
import { cookieFromHeader } from "~/utils/cookies.server.ts";
import { errorPageHtml, localeOfHeaders } from "~/utils/error-page.server.ts";

// Copies, so that server.ts does not load the models (and Prisma) outside the Remix build;
// tests/unit/body-limits.test.ts checks they match vendor.server.ts and session.server.ts.
export const MAX_DPA_BYTES = 10 * 1024 * 1024;
export const SESSION_COOKIE = "registre_session";

const KiB = 1024;
const MiB = 1024 * KiB;
const FORM_OVERHEAD = 64 * KiB;

export const BODY_LIMITS = {
  anonymous: 16 * KiB,
  signedIn: 1 * MiB,
  import: IMPORT_LIMITS.maxBytes + FORM_OVERHEAD,
  dpa: MAX_DPA_BYTES + FORM_OVERHEAD,
  pia: 2 * MiB + FORM_OVERHEAD,
  verify: 100 * MiB + FORM_OVERHEAD,
  /** The REST API's JSON bodies (a copy of API_MAX_BODY_BYTES in schemas/api.ts; a test checks they match). */
  api: 256 * KiB,
} as const;

const API_PATH = /^\/api\//;

/**
 * The API answers problem+json (ADR 018), even from this middleware. Titles stay in English here: the
 * stable `code` is what clients read.
 */
export function apiEdgeProblem(res: ExpressResponse, status: number, code: string, title: string) {
  res
    .status(status)
    .type("application/problem+json; charset=utf-8")
    .send(JSON.stringify({ type: `/api/v1/openapi.json#problem-${code}`, title, status, code }));
}

// Single fetch posts to "<path>.data": the same limits apply.
const UPLOADS: [RegExp, number][] = [
  [/^\/o\/[^/]+\/import(?:\.data)?\/?$/, BODY_LIMITS.import],
  [/^\/o\/[^/]+\/vendors\/[^/]+(?:\.data)?\/?$/, BODY_LIMITS.dpa],
  [/^\/o\/[^/]+\/activities\/[^/]+\/dpia(?:\.data)?\/?$/, BODY_LIMITS.pia],
];
const VERIFY = /^\/verify(?:\.data)?\/?$/;

function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return !!cookieFromHeader(cookieHeader, SESSION_COOKIE);
}

/** The largest body accepted for this request, in bytes. */
export function bodyLimitFor(pathname: string, cookieHeader: string | undefined): number {
  if (VERIFY.test(pathname)) return BODY_LIMITS.verify;
  // Bearer-authenticated, never by cookie: the same limit for every caller.
  if (API_PATH.test(pathname)) return BODY_LIMITS.api;
  // Everything outside /o/, /orgs/ and /account is reachable without a session.
  const signedInRoute = /^\/(o|orgs|account)(\/|\.data|$)/.test(pathname);
  if (!signedInRoute || !hasSessionCookie(cookieHeader)) return BODY_LIMITS.anonymous;
  for (const [re, limit] of UPLOADS) if (re.test(pathname)) return limit;
  return BODY_LIMITS.signedIn;
}

const formatBytes = (n: number) => (n >= MiB ? `${Math.round(n / MiB)} Mo` : `${Math.round(n / KiB)} Ko`);

function refuse(req: ExpressRequest, res: ExpressResponse, status: 411 | 413, limit: number) {
  const locale = localeOfHeaders({ cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") });
  // Closing the connection is what stops the client's upload: nothing more of it is read.
  res.set("Connection", "close");
  if (API_PATH.test(req.path)) {
    return status === 413
      ? apiEdgeProblem(res, 413, "body_too_large", "Request body too large")
      : apiEdgeProblem(res, 411, "length_required", "Content-Length required");
  }
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(errorPageHtml(locale, status, "integrity.tooLargeTitle", "integrity.tooLargeBody", { max: formatBytes(limit) }));
}

export function bodyLimits() {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const limit = bodyLimitFor(req.path, req.get("cookie"));
    const declared = req.get("content-length");
    if (declared === undefined) {
      if (req.get("transfer-encoding")) return refuse(req, res, 411, limit);
      return next(); // no body at all
    }
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0 || length > limit) return refuse(req, res, 413, limit);
    next();
  };
}
