import { getDb } from "~/utils/db.server.ts";

/** Failures allowed in a window before a lock; an IP gets more room (shared offices, NAT). */
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
  ip: { maxFailures: 30, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

export function throttleKeys(email: string, ip: string | null): { kind: Kind; key: string }[] {
  const keys: { kind: Kind; key: string }[] = [{ kind: "account", key: `account:${email.trim().toLowerCase()}` }];
  if (ip) keys.push({ kind: "ip", key: `ip:${ip}` });
  return keys;
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
  return getDb().$transaction(async (tx) => {
    const rows = await tx.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
    let until: Date | null = null;
    for (const r of rows) if (r.lockedUntil && r.lockedUntil > now && (!until || r.lockedUntil > until)) until = r.lockedUntil;
    if (until) return until;
    for (const { kind, key } of keys) {
      const rule = THROTTLE_RULES[kind];
      const row = rows.find((r) => r.key === key);
      const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lock = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil: lock },
        update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock },
      });
    }
    return null;
  });
}

/** A right password: the account starts afresh and the IP gets its reserved attempt back. */
export async function attemptSucceeded(keys: { kind: Kind; key: string }[]): Promise<void> {
  await getDb().$transaction(async (tx) => {
    for (const { kind, key } of keys) {
      if (kind === "account") await tx.loginThrottle.deleteMany({ where: { key } });
      else {
        // A lock here can only come from this very attempt (a locked key refuses the attempt), so it goes too.
        const row = await tx.loginThrottle.findUnique({ where: { key } });
        if (!row || row.failures <= 0) continue;
        const failures = row.failures - 1;
        await tx.loginThrottle.update({ where: { key }, data: { failures, lockedUntil: failures < THROTTLE_RULES[kind].maxFailures ? null : row.lockedUntil } });
      }
    }
  });
}

export async function recordFailure(keys: { kind: Kind; key: string }[], now = new Date()): Promise<Date | null> {
  const db = getDb();
  let until: Date | null = null;
  await db.$transaction(async (tx) => {
    for (const { kind, key } of keys) {
      const rule = THROTTLE_RULES[kind];
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lock = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : (fresh ? null : row.lockedUntil);
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil: lock },
        update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock },
      });
      if (lock && lock > now && (!until || lock > until)) until = lock;
    }
  });
  return until;
}

/** A successful login clears the account's counter, not the IP's. */
export async function clearAccountFailures(email: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
