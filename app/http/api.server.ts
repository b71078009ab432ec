/**
 * Request helper of the REST API (ADR 018): bearer authentication, the scope check, per-token rate
 * limits, problem+json errors, JSON bodies with a size limit, and If-Match. Routes under /api/v1 call
 * `apiRequest` and stay thin: Zod parse -> policy -> model.
 *
 * The API never reads the session cookie: a request is authenticated by `Authorization: Bearer` only,
 * so a browser cannot be made to call it with the user's ambient credentials (no CSRF surface).
 */
import { getActivityByRef, type ActivityRecord } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { authenticateApiToken, recordApiTokenUse, type ApiAuth } from "~/models/api-token.server.ts";
import { canEditActivity, canReadActivity } from "~/policies/activity.ts";
import { apiScopeAllowsWrite } from "~/policies/api-token.ts";
import { activityScope, type ActivityScope } from "~/policies/department.ts";
import { API_MAX_BODY_BYTES, type ActivitySchema, type ApiErrorCode, type OrganizationSchema } from "~/schemas/api.ts";
import { getEnv } from "~/utils/env.server.ts";
import { localeFromAcceptLanguage, type Locale } from "~/utils/i18n.ts";
import { isMessageKey, translate, translateMessage } from "~/utils/messages.server.ts";
import type { z } from "~/utils/validation.ts";
import { withPlatformRule } from "./platform-rule.server.ts";

const TITLES: Record<ApiErrorCode, `api.error.${ApiErrorCode}`> = {
  unauthenticated: "api.error.unauthenticated",
  token_invalid: "api.error.token_invalid",
  token_expired: "api.error.token_expired",
  token_revoked: "api.error.token_revoked",
  insufficient_scope: "api.error.insufficient_scope",
  forbidden: "api.error.forbidden",
  not_found: "api.error.not_found",
  method_not_allowed: "api.error.method_not_allowed",
  cors_disabled: "api.error.cors_disabled",
  rate_limited: "api.error.rate_limited",
  body_too_large: "api.error.body_too_large",
  length_required: "api.error.length_required",
  unsupported_media_type: "api.error.unsupported_media_type",
  invalid_json: "api.error.invalid_json",
  validation_failed: "api.error.validation_failed",
  precondition_required: "api.error.precondition_required",
  precondition_failed: "api.error.precondition_failed",
  invalid_transition: "api.error.invalid_transition",
};

function apiLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "fr";
}

/** An RFC 9457 problem: `code` is stable, `title` follows Accept-Language (French by default). */
export function problem(
  request: Request,
  status: number,
  code: ApiErrorCode,
  extra: { detail?: string; issues?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: `/api/v1/openapi.json#problem-${code}`,
    title: translate(apiLocale(request), TITLES[code]),
    status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.issues ? { issues: extra.issues } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...extra.headers },
  });
}

export function apiJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(data), {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...init.headers },
  });
}

// Rate limit -------------------------------------------------------------------------------------

/**
 * A fixed one-minute window per token, in memory (one server process; ADR 001). Cheap, and enough to
 * stop a runaway script from monopolising the single SQLite writer and the two cores.
 */
const windows = new Map<string, { start: number; count: number }>();
const WINDOW_MS = 60_000;

export function checkRateLimit(
  tokenId: string,
  now = Date.now(),
  limit = getEnv().API_RATE_LIMIT_PER_MINUTE,
): { ok: true } | { ok: false; retryAfter: number } {
  let w = windows.get(tokenId);
  if (!w || now - w.start >= WINDOW_MS) {
    w = { start: now, count: 0 };
    windows.set(tokenId, w);
    if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
  }
  w.count++;
  if (w.count <= limit) return { ok: true };
  return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
}

/** Tests start each case with fresh windows. */
export function resetRateLimits(): void {
  windows.clear();
}

// The request ------------------------------------------------------------------------------------

export type ApiContext = ApiAuth & {
  request: Request;
  org: ApiAuth["membership"]["organization"];
  /** The activities the token's owner may see now (their department scope). */
  scope: ActivityScope;
  problem: (status: number, code: ApiErrorCode, extra?: Parameters<typeof problem>[3]) => Response;
};

/**
 * Authenticates, rate-limits, checks the organization in the URL and the token's scope, runs `fn`,
 * and records the use. A token of another organization gets 404 (existence is not disclosed).
 */
export async function apiRequest(
  request: Request,
  opts: { org?: string | undefined; write?: boolean },
  fn: (ctx: ApiContext) => Promise<Response>,
): Promise<Response> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = (code: ApiErrorCode) => problem(request, 401, code, { headers: { "WWW-Authenticate": 'Bearer realm="registre"' } });
  if (!match) return unauthorized("unauthenticated");
  const auth = await authenticateApiToken(match[1]!);
  if ("failure" in auth) return unauthorized(`token_${auth.failure}`);
  const url = new URL(request.url);
  const finish = async (res: Response) => {
    await recordApiTokenUse(auth, { method: request.method, path: url.pathname, status: res.status });
    return res;
  };
  const limit = checkRateLimit(auth.token.id);
  if (!limit.ok) return finish(problem(request, 429, "rate_limited", { headers: { "Retry-After": String(limit.retryAfter) } }));
  if (opts.org !== undefined && opts.org !== auth.membership.organization.slug) return finish(problem(request, 404, "not_found"));
  if (opts.write && !apiScopeAllowsWrite(auth.token.scope)) return finish(problem(request, 403, "insufficient_scope"));
  // In an instance catalogue, only platform administrators keep their role (ADR 020).
  const membership = withPlatformRule(auth.membership, auth.user.email);
  const ctx: ApiContext = {
    ...auth,
    membership,
    request,
    org: auth.membership.organization,
    scope: activityScope(membership),
    problem: (status, code, extra) => problem(request, status, code, extra),
  };
  let res: Response;
  try {
    res = await fn(ctx);
  } catch (err) {
    if (!(err instanceof Response)) {
      await recordApiTokenUse(auth, { method: request.method, path: url.pathname, status: 500 }).catch(() => undefined);
      throw err;
    }
    res = err;
  }
  return finish(res);
}

/** Reads and validates a JSON body: 413 over the limit, 415 when not JSON, 400 when unreadable, 422 when invalid. */
export async function readJsonBody<S extends z.ZodType>(ctx: ApiContext, schema: S): Promise<z.output<S>> {
  const { request } = ctx;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > API_MAX_BODY_BYTES) throw ctx.problem(413, "body_too_large", { detail: `max ${API_MAX_BODY_BYTES} bytes` });
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw ctx.problem(415, "unsupported_media_type");
  const bytes = new Uint8Array(await request.arrayBuffer());
  // The declared length can lie (or be absent): the bytes actually read decide too.
  if (bytes.byteLength > API_MAX_BODY_BYTES) throw ctx.problem(413, "body_too_large", { detail: `max ${API_MAX_BODY_BYTES} bytes` });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw ctx.problem(400, "invalid_json");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const locale = apiLocale(request);
    throw ctx.problem(422, "validation_failed", {
      issues: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join("."), message: translateIssue(locale, i.message) })),
    });
  }
  return parsed.data;
}

/** Schema messages are often message keys, optionally with JSON params after a pipe: give the text; Zod's own messages stay as they are. */
function translateIssue(locale: Locale, message: string): string {
  return isMessageKey(message.split("|")[0] ?? message) ? translateMessage(locale, message) : message;
}

/**
 * The revision named by If-Match (`"3"`, `W/"3"` or `3`): 428 when absent, 412 when unreadable
 * (it cannot match any revision).
 */
export function requireIfMatch(ctx: ApiContext): number {
  const raw = ctx.request.headers.get("if-match");
  if (!raw) throw ctx.problem(428, "precondition_required");
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw ctx.problem(412, "precondition_failed");
  return Number(m[1]);
}

export function etag(revision: number): string {
  return `"${revision}"`;
}

/** Routes answer this for a method they do not serve. */
export function methodNotAllowed(request: Request, allow: string): Response {
  if (request.method === "OPTIONS") return problem(request, 403, "cors_disabled");
  return problem(request, 405, "method_not_allowed", { headers: { Allow: allow } });
}

// Loading and shaping -----------------------------------------------------------------------------

const RefSchema = /^T-\d{4,}$/;

/**
 * The activity `ref` of the token's organization, checked against the owner's rights as the UI does
 * (requireActivity): 404 when it does not exist, 403 when the role or department scope forbids `need`.
 */
export async function requireApiActivity(ctx: ApiContext, ref: string | undefined, need: "read" | "edit"): Promise<ActivityRecord> {
  if (!ref || !RefSchema.test(ref)) throw ctx.problem(404, "not_found");
  const activity = await getActivityByRef(ctx.org.id, ref);
  if (!activity) throw ctx.problem(404, "not_found");
  if (!canReadActivity(ctx.membership, activity)) throw ctx.problem(403, "forbidden");
  if (need === "edit" && !canEditActivity(ctx.membership, activity)) throw ctx.problem(403, "forbidden");
  return activity;
}

export function activityView(a: ActivityRecord): z.output<typeof ActivitySchema> {
  return {
    ref: a.ref,
    name: a.name,
    status: a.status as z.output<typeof ActivitySchema>["status"],
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    revision: a.revision,
    approvedVersion: a.approvedVersion,
    pendingChanges: a.pendingChanges,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    content: a.parsed,
  };
}

/** The activity with its ETag (the revision), as every activity endpoint answers it. */
export function activityResponse(a: ActivityRecord, status = 200, extra: Record<string, string> = {}): Response {
  return apiJson(activityView(a), { status, headers: { ETag: etag(a.revision), ...extra } });
}

/** The organization as the token's owner sees it (GET /organizations and /organizations/{org}). */
export async function organizationView(ctx: ApiContext): Promise<z.output<typeof OrganizationSchema>> {
  const departments = await listDepartments(ctx.org.id);
  return {
    slug: ctx.org.slug,
    name: ctx.org.name,
    role: ctx.membership.role,
    tokenScope: ctx.token.scope === "write" ? "write" : "read",
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
  };
}
