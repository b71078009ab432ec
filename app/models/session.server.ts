import type { Session, User } from "~/generated/prisma/client.ts";
import { bytesEqual, generateSecureRandomString, sha256Bytes } from "~/utils/crypto.server.ts";
import { fromSqlDate, getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { MEMBERSHIP_COLUMNS, toMembershipContext, type MembershipContext, type MembershipRow } from "./membership.server.ts";

/** lastVerifiedAt is written at most this often, so reads stay reads. */
export const RENEWAL_INTERVAL_MS = 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function inactivityTimeoutMs(): number {
  return getEnv().SESSION_INACTIVITY_HOURS * 60 * 60 * 1000;
}

export type SessionWithUser = { session: Session; user: Pick<User, "id" | "email" | "name" | "locale"> };

export async function createSession(
  userId: string,
  meta: { ipAddress?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const session = await getDb().session.create({
    data: {
      id,
      secretHash: new Uint8Array(sha256Bytes(secret)),
      userId,
      createdAt: now,
      lastVerifiedAt: now,
      ipAddress: meta.ipAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token: `${id}.${secret}`, session };
}

/** Returns the session and whether its cookie should be re-sent with a fresh expiry. */
export async function validateSessionToken(token: string, now = new Date()): Promise<(SessionWithUser & { renewed: boolean }) | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await getDb().session.findUnique({
    where: { id: parsed.id },
    include: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  return row ? checkSession(row, parsed.secret, now) : null;
}

/**
 * The same check, and the user's membership of the organization `slug`, in one query: every
 * organization page needs both (issue 18: one round trip instead of three). `membership` is null when
 * the user is not a member.
 */
export async function validateSessionForOrganization(
  token: string,
  slug: string,
  now = new Date(),
): Promise<(SessionWithUser & { renewed: boolean; membership: MembershipContext | null }) | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const rows = await getDb().$queryRawUnsafe<
    (MembershipRow & {
      id: string;
      secretHash: Uint8Array;
      userId: string;
      createdAt: Date | string;
      lastVerifiedAt: Date | string;
      ipAddress: string | null;
      userAgent: string | null;
      email: string;
      name: string;
      locale: string | null;
    })[]
  >(
    `SELECT s."id", s."secretHash", s."userId", s."createdAt", s."lastVerifiedAt", s."ipAddress", s."userAgent",
            u."email", u."name", u."locale", ${MEMBERSHIP_COLUMNS}
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     LEFT JOIN "Organization" o ON o."slug" = ?
     LEFT JOIN "Membership" m ON m."userId" = s."userId" AND m."organizationId" = o."id"
     WHERE s."id" = ?
     LIMIT 1`,
    slug,
    parsed.id,
  );
  const r = rows[0];
  if (!r) return null;
  const checked = await checkSession(
    {
      id: r.id,
      secretHash: new Uint8Array(r.secretHash),
      userId: r.userId,
      createdAt: fromSqlDate(r.createdAt),
      lastVerifiedAt: fromSqlDate(r.lastVerifiedAt),
      ipAddress: r.ipAddress,
      userAgent: r.userAgent,
      user: { id: r.userId, email: r.email, name: r.name, locale: r.locale },
    },
    parsed.secret,
    now,
  );
  return checked ? { ...checked, membership: toMembershipContext(r) } : null;
}

function parseToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { id: parts[0], secret: parts[1] };
}

/** Secret, inactivity and absolute lifetime; renews lastVerifiedAt at most once per RENEWAL_INTERVAL_MS. */
async function checkSession(
  row: Session & { user: SessionWithUser["user"] },
  secret: string,
  now: Date,
): Promise<(SessionWithUser & { renewed: boolean }) | null> {
  const db = getDb();
  const id = row.id;
  if (!bytesEqual(sha256Bytes(secret), new Uint8Array(row.secretHash))) return null;
  const idle = now.getTime() - row.lastVerifiedAt.getTime();
  if (idle >= inactivityTimeoutMs() || now.getTime() - row.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  const { user, ...session } = row;
  if (idle >= RENEWAL_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastVerifiedAt: now } });
    return { session: { ...session, lastVerifiedAt: now }, user, renewed: true };
  }
  return { session, user, renewed: false };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const res = await getDb().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return res.count;
}

export function countUserSessions(userId: string): Promise<number> {
  return getDb().session.count({ where: { userId } });
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const res = await getDb().session.deleteMany({
    where: {
      OR: [{ lastVerifiedAt: { lt: new Date(now.getTime() - inactivityTimeoutMs()) } }, { createdAt: { lt: new Date(now.getTime() - ABSOLUTE_LIFETIME_MS) } }],
    },
  });
  return res.count;
}
