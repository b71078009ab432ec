/**
 * Personal access tokens for the REST API (ADR 018). Same design as sessions (ADR 003): the token is
 * `rgt_<id>.<secret>`, only the SHA-256 of the secret is stored and compared in constant time, and the
 * token itself is shown once. A token grants nothing by itself: every use re-reads the owner's
 * membership, so a demoted or removed user's tokens lose those rights at once.
 */
import type { ApiToken } from "~/generated/prisma/client.ts";
import type { ApiTokenScope } from "~/policies/api-token.ts";
import { bytesEqual, generateSecureRandomString, sha256Bytes } from "~/utils/crypto.server.ts";
import { fromSqlDate, getDb } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { isRole } from "~/policies/roles.ts";
import type { MembershipContext } from "./membership.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export const TOKEN_PREFIX = "rgt_";
/** One chained audit event per token per minute at most; every use still gets its own ApiTokenUse row. */
export const AUDIT_INTERVAL_MS = 60 * 1000;

export type ApiTokenSummary = Pick<ApiToken, "id" | "name" | "scope" | "createdAt" | "expiresAt" | "revokedAt" | "lastUsedAt">;

export class ApiTokenNotFoundError extends Error {}

export async function createApiToken(
  actorId: string,
  organizationId: string,
  input: { name: string; scope: ApiTokenScope; expiresAt: Date },
  now = new Date(),
): Promise<{ token: string; record: ApiTokenSummary }> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const record = await unitOfWork({ actorId, organizationId }, async (w) => {
    const row = await w.tx.apiToken.create({
      data: {
        id,
        secretHash: new Uint8Array(sha256Bytes(secret)),
        userId: actorId,
        organizationId,
        name: input.name,
        scope: input.scope,
        createdAt: now,
        expiresAt: input.expiresAt,
      },
    });
    // The token id is not a secret (it only finds the row); the secret never reaches the log.
    w.audit("api_token.created", "ApiToken", id, { name: input.name, scope: input.scope, expiresAt: input.expiresAt.toISOString() });
    return summary(row);
  });
  return { token: `${TOKEN_PREFIX}${id}.${secret}`, record };
}

function summary(t: ApiToken): ApiTokenSummary {
  return { id: t.id, name: t.name, scope: t.scope, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt };
}

/** The user's own tokens for this organization, newest first. */
export async function listApiTokens(userId: string, organizationId: string): Promise<ApiTokenSummary[]> {
  const rows = await getDb().apiToken.findMany({ where: { userId, organizationId }, orderBy: { createdAt: "desc" } });
  return rows.map(summary);
}

/** Only the owner revokes a token (an ADMIN removes a member, which disables all their tokens). */
export async function revokeApiToken(actorId: string, organizationId: string, id: string, now = new Date()): Promise<void> {
  await unitOfWork({ actorId, organizationId }, async (w) => {
    const res = await w.tx.apiToken.updateMany({ where: { id, userId: actorId, organizationId, revokedAt: null }, data: { revokedAt: now } });
    if (res.count === 0) {
      const exists = await w.tx.apiToken.count({ where: { id, userId: actorId, organizationId } });
      if (!exists) throw new ApiTokenNotFoundError();
      return; // already revoked: nothing to do
    }
    w.audit("api_token.revoked", "ApiToken", id, {});
  });
}

export type ApiAuth = {
  token: Pick<ApiToken, "id" | "scope" | "organizationId" | "expiresAt" | "lastAuditedAt">;
  user: { id: string; name: string; email: string; locale: string | null };
  membership: MembershipContext;
};

export type ApiAuthFailure = "invalid" | "expired" | "revoked";

/**
 * Checks a bearer token and returns the owner's CURRENT membership in the token's organization. A user
 * who left the organization is refused like an unknown token.
 */
export async function authenticateApiToken(raw: string, now = new Date()): Promise<ApiAuth | { failure: ApiAuthFailure }> {
  if (!raw.startsWith(TOKEN_PREFIX)) return { failure: "invalid" };
  const parts = raw.slice(TOKEN_PREFIX.length).split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64 || parts[1].length > 64) return { failure: "invalid" };
  const [id, secret] = parts as [string, string];
  // One query per request (the bench's budget): the token, its owner, and the owner's membership and
  // departments in the token's organization (null when they are no longer a member).
  const rows = await getDb().$queryRaw<
    {
      id: string;
      secretHash: Uint8Array;
      scope: string;
      organizationId: string;
      expiresAt: Date | string | number;
      revokedAt: Date | string | number | null;
      lastAuditedAt: Date | string | number | null;
      userId: string;
      userName: string;
      email: string;
      locale: string | null;
      membershipId: string | null;
      role: string | null;
      orgSlug: string | null;
      orgName: string | null;
      defaultLocale: string | null;
      instanceCatalogue: boolean | number | bigint | null;
      departmentIds: string | null;
    }[]
  >`SELECT t."id", t."secretHash", t."scope", t."organizationId", t."expiresAt", t."revokedAt", t."lastAuditedAt",
           u."id" AS "userId", u."name" AS "userName", u."email", u."locale",
           m."id" AS "membershipId", m."role", o."slug" AS "orgSlug", o."name" AS "orgName", o."defaultLocale", o."instanceCatalogue",
           (SELECT json_group_array(md."departmentId") FROM "MembershipDepartment" md WHERE md."membershipId" = m."id") AS "departmentIds"
    FROM "ApiToken" t
    JOIN "User" u ON u."id" = t."userId"
    LEFT JOIN "Organization" o ON o."id" = t."organizationId"
    LEFT JOIN "Membership" m ON m."userId" = t."userId" AND m."organizationId" = t."organizationId"
    WHERE t."id" = ${id}
    LIMIT 1`;
  const row = rows[0];
  if (!row || !bytesEqual(sha256Bytes(secret), new Uint8Array(row.secretHash))) return { failure: "invalid" };
  if (row.revokedAt !== null) return { failure: "revoked" };
  const expiresAt = fromSqlDate(row.expiresAt);
  if (expiresAt.getTime() <= now.getTime()) return { failure: "expired" };
  if (!row.membershipId || !row.orgSlug || !row.orgName || !isRole(row.role)) return { failure: "invalid" };
  const membership: MembershipContext = {
    membershipId: row.membershipId,
    role: row.role,
    departmentIds: (JSON.parse(row.departmentIds ?? "[]") as (string | null)[]).filter((d): d is string => d !== null).sort(),
    organization: {
      id: row.organizationId,
      slug: row.orgSlug,
      name: row.orgName,
      defaultLocale: row.defaultLocale ?? "fr",
      instanceCatalogue: Boolean(Number(row.instanceCatalogue ?? 0)),
    },
  };
  return {
    token: {
      id: row.id,
      scope: row.scope,
      organizationId: row.organizationId,
      expiresAt,
      lastAuditedAt: row.lastAuditedAt === null ? null : fromSqlDate(row.lastAuditedAt),
    },
    user: { id: row.userId, name: row.userName, email: row.email, locale: row.locale },
    membership,
  };
}

/**
 * Every use is recorded (ADR 018): one ApiTokenUse row per request, and, at most once a minute per
 * token, a chained audit event `api_token.used` counting the uses since the previous one. Writes made
 * through the API are audited by the models as usual, as the token's owner.
 *
 * The use rows are buffered and written in one insert per USE_FLUSH_MS (or USE_FLUSH_ROWS): a write
 * transaction per GET would put every read in the single writer's queue (~8 ms each under load).
 * The server flushes on shutdown; a crash can lose at most the last USE_FLUSH_MS of use rows, never
 * an audit event (those are written in the request).
 */
export const USE_FLUSH_MS = 250;
const USE_FLUSH_ROWS = 500;
type UseRow = { tokenId: string; at: Date; method: string; path: string; status: number };
let pending: UseRow[] = [];
let flushTimer: NodeJS.Timeout | null = null;
let flushing: Promise<void> = Promise.resolve();

/** Writes the buffered use rows now (tests, shutdown, and before counting them for the audit). */
export function flushApiTokenUses(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const rows = pending;
  pending = [];
  flushing = flushing
    .catch(() => undefined)
    .then(async () => {
      if (rows.length === 0) return;
      // Tokens deleted meanwhile (their owner was deleted) would fail the foreign key: skip those rows.
      const alive = new Set(
        (await getDb().apiToken.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.tokenId))] } }, select: { id: true } })).map((t) => t.id),
      );
      await getDb().apiTokenUse.createMany({ data: rows.filter((r) => alive.has(r.tokenId)) });
    });
  return flushing;
}

function flushInBackground(): void {
  flushApiTokenUses().catch((err: unknown) => logger.error({ err }, "API token use log not written"));
}

export async function recordApiTokenUse(
  auth: Pick<ApiAuth, "token" | "user">,
  use: { method: string; path: string; status: number },
  now = new Date(),
): Promise<void> {
  pending.push({ tokenId: auth.token.id, at: now, method: use.method, path: use.path.slice(0, 300), status: use.status });
  const last = auth.token.lastAuditedAt;
  const auditDue = !last || now.getTime() - last.getTime() >= AUDIT_INTERVAL_MS;
  if (!auditDue) {
    if (pending.length >= USE_FLUSH_ROWS) flushInBackground();
    else flushTimer ??= setTimeout(flushInBackground, USE_FLUSH_MS).unref();
    return;
  }
  await flushApiTokenUses();
  await unitOfWork({ actorId: auth.user.id, organizationId: auth.token.organizationId }, async (w) => {
    // Another request of the same token may have written it meanwhile: the conditional update decides.
    const since = last ?? new Date(0);
    const claimed = await w.tx.apiToken.updateMany({
      where: { id: auth.token.id, OR: [{ lastAuditedAt: null }, { lastAuditedAt: { lte: new Date(now.getTime() - AUDIT_INTERVAL_MS) } }] },
      data: { lastAuditedAt: now, lastUsedAt: now },
    });
    if (claimed.count === 0) return;
    const uses = await w.tx.apiTokenUse.count({ where: { tokenId: auth.token.id, at: { gt: since, lte: now } } });
    w.audit("api_token.used", "ApiToken", auth.token.id, { uses, method: use.method, path: use.path.slice(0, 300), status: use.status });
  });
  auth.token.lastAuditedAt = now;
}

/** The per-use log of one token (newest first), for its owner. */
export function listApiTokenUses(userId: string, tokenId: string, take = 50) {
  return getDb().apiTokenUse.findMany({ where: { tokenId, token: { userId } }, orderBy: { id: "desc" }, take });
}
