import type { Session, User } from "~/generated/prisma/client.ts";
import { bytesEqual, generateSecureRandomString, sha256Bytes } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";

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
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [id, secret] = parts as [string, string];
  const db = getDb();
  const row = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  if (!row) return null;
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
