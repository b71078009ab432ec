import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

/**
 * Failures allowed in a window before a lock; an IP gets more room (shared offices, NAT). A key locked
 * again soon after its previous lock is locked twice as long each time, up to MAX_LOCK_MS (backoff).
 * A "device" is a browser that has signed in to the account before (device cookie, see ADR 010): it is
 * exempt from the account and IP locks, so an attacker failing on purpose cannot lock the real user out,
 * and gets its own counter instead.
 */
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
  ip: { maxFailures: 30, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
  device: { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
} as const;
export const MAX_LOCK_MS = 24 * 60 * 60 * 1000;
/** A lock that ended longer ago than this no longer counts towards the backoff. */
const BACKOFF_MEMORY_MS = 24 * 60 * 60 * 1000;
/** How long a browser stays "known" for an account after its last successful sign-in. */
export const DEVICE_TTL_MS = 90 * 24 * 60 * 60 * 1000;
export const DEVICE_COOKIE = "registre_device";

type Kind = keyof typeof THROTTLE_RULES;
export type ThrottleKey = { kind: Kind; key: string };

const accountId = (email: string) => email.trim().toLowerCase();

// Throttling counters are security bookkeeping written on every sign-in attempt, not register data:
// the unit of work serializes them but they are not audited (failed sign-ins are audited by the route).
const SYSTEM = { actorId: null, organizationId: null };
const UNAUDITED = { unaudited: "login throttling counters" };

/**
 * The keys one password check counts against. With a device token known for this account, the
 * device's own key replaces the account and IP keys.
 */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: "account", key: `account:${accountId(email)}` }];
  if (ip) keys.push({ kind: "ip", key: `ip:${ip}` });
  return keys;
}

/** Keys for a check, taking a device cookie into account (see throttleKeys). */
export async function throttleKeysFor(email: string, ip: string | null, deviceToken: string | null, now = new Date()): Promise<ThrottleKey[]> {
  if (deviceToken && deviceToken.length <= 100) {
    const marker = await getDb().loginThrottle.findUnique({ where: { key: deviceMarkerKey(email, deviceToken) } });
    if (marker && now.getTime() - marker.windowStart.getTime() < DEVICE_TTL_MS)
      return [{ kind: "device", key: `device:${sha256Hex(deviceToken)}:${accountId(email)}` }];
  }
  return throttleKeys(email, ip);
}

function deviceMarkerKey(email: string, token: string) {
  return `known:${accountId(email)}:${sha256Hex(token)}`;
}

/**
 * After a successful sign-in: remembers the browser as known for the account (creating a device token
 * when it has none) and returns the token to set as cookie.
 */
export async function rememberDevice(email: string, deviceToken: string | null, now = new Date()): Promise<string> {
  const token = deviceToken && /^[a-z0-9]{24,100}$/.test(deviceToken) ? deviceToken : generateSecureRandomString() + generateSecureRandomString();
  const key = deviceMarkerKey(email, token);
  // The marker reuses the throttle table: windowStart is the last successful sign-in.
  await getDb().loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStart: now }, update: { windowStart: now } });
  return token;
}

/** How long the next lock of a key lasts: doubled per consecutive lock, capped. */
function lockDuration(kind: Kind, lockCount: number): number {
  return Math.min(MAX_LOCK_MS, THROTTLE_RULES[kind].lockMs * 2 ** Math.max(0, lockCount - 1));
}

/** Consecutive locks so far: forgotten once the last lock ended long enough ago. */
function previousLocks(row: { lockCount: number; lockedUntil: Date | null } | undefined | null, now: Date): number {
  if (!row || !row.lockedUntil) return row?.lockCount ?? 0;
  return now.getTime() - row.lockedUntil.getTime() > BACKOFF_MEMORY_MS ? 0 : row.lockCount;
}

/** The latest time any of the keys is locked until, or null when login may be tried. */
export async function lockedUntil(keys: { key: string }[], now = new Date()): Promise<Date | null> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  let until: Date | null = null;
  for (const r of rows) {
    if (r.lockedUntil && r.lockedUntil > now && (!until || r.lockedUntil > until)) until = r.lockedUntil;
  }
  return until;
}

/**
 * Reserves one password check before it happens, atomically: concurrent requests cannot all slip
 * under the limit. Returns the lock end when the attempt is refused, or null when it may proceed.
 * The attempt counts as a failure until `attemptSucceeded` gives it back.
 */
export async function beginAttempt(keys: { kind: Kind; key: string }[], now = new Date()): Promise<Date | null> {
  return unitOfWork(
    SYSTEM,
    async ({ tx }) => {
      const rows = await tx.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
      let until: Date | null = null;
      for (const r of rows) if (r.lockedUntil && r.lockedUntil > now && (!until || r.lockedUntil > until)) until = r.lockedUntil;
      if (until) return until;
      for (const { kind, key } of keys) {
        const rule = THROTTLE_RULES[kind];
        const row = rows.find((r) => r.key === key);
        const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
        const failures = fresh ? 1 : row.failures + 1;
        const locks = previousLocks(row, now) + (failures >= rule.maxFailures ? 1 : 0);
        const lock = failures >= rule.maxFailures ? new Date(now.getTime() + lockDuration(kind, locks)) : null;
        // An ended lock stays recorded (for the backoff) until a new one replaces it.
        const keepEnded = lock ?? row?.lockedUntil ?? null;
        await tx.loginThrottle.upsert({
          where: { key },
          create: { key, failures, windowStart: now, lockedUntil: lock, lockCount: locks },
          update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: keepEnded, lockCount: locks },
        });
      }
      return null;
    },
    UNAUDITED,
  );
}

/** A right password: the account starts afresh and the IP gets its reserved attempt back. */
export async function attemptSucceeded(keys: { kind: Kind; key: string }[]): Promise<void> {
  await unitOfWork(
    SYSTEM,
    async ({ tx }) => {
      for (const { kind, key } of keys) {
        if (kind === "account" || kind === "device") await tx.loginThrottle.deleteMany({ where: { key } });
        else {
          // A lock here can only come from this very attempt (a locked key refuses the attempt), so it goes too.
          const row = await tx.loginThrottle.findUnique({ where: { key } });
          if (!row || row.failures <= 0) continue;
          const failures = row.failures - 1;
          await tx.loginThrottle.update({
            where: { key },
            data: { failures, lockedUntil: failures < THROTTLE_RULES[kind].maxFailures ? null : row.lockedUntil },
          });
        }
      }
    },
    UNAUDITED,
  );
}

export async function recordFailure(keys: { kind: Kind; key: string }[], now = new Date()): Promise<Date | null> {
  let until: Date | null = null;
  await unitOfWork(
    SYSTEM,
    async ({ tx }) => {
      for (const { kind, key } of keys) {
        const rule = THROTTLE_RULES[kind];
        const row = await tx.loginThrottle.findUnique({ where: { key } });
        const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
        const failures = fresh ? 1 : row.failures + 1;
        const locks = previousLocks(row, now) + (failures >= rule.maxFailures ? 1 : 0);
        const lock = failures >= rule.maxFailures ? new Date(now.getTime() + lockDuration(kind, locks)) : (row?.lockedUntil ?? null);
        await tx.loginThrottle.upsert({
          where: { key },
          create: { key, failures, windowStart: now, lockedUntil: lock, lockCount: locks },
          update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock, lockCount: locks },
        });
        if (lock && lock > now && (!until || lock > until)) until = lock;
      }
    },
    UNAUDITED,
  );
  return until;
}

/** A successful login clears the account's counter, not the IP's. */
export async function clearAccountFailures(email: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
