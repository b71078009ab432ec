import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ABSOLUTE_LIFETIME_MS,
  RENEWAL_INTERVAL_MS,
  createSession,
  deleteExpiredSessions,
  inactivityTimeoutMs,
  invalidateSession,
  invalidateUserSessions,
  validateSessionToken,
} from "~/models/session.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { createUser } from "../helpers/factories.ts";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

let userId: string;

beforeAll(async () => {
  userId = (await createUser()).id;
});

function sha256(s: string): Buffer {
  return crypto.createHash("sha256").update(s, "utf8").digest();
}

function splitToken(token: string): [string, string] {
  const parts = token.split(".");
  expect(parts).toHaveLength(2);
  return [parts[0]!, parts[1]!];
}

describe("createSession", () => {
  it("returns a token of the form id.secret whose id is the row id", async () => {
    const { token, session } = await createSession(userId);
    const [id, secret] = splitToken(token);
    expect(id).toBe(session.id);
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).not.toBe(id);
  });

  it("stores only the SHA-256 of the secret, never the secret itself", async () => {
    const { token } = await createSession(userId, { ipAddress: "192.0.2.1", userAgent: "vitest" });
    const [id, secret] = splitToken(token);
    const row = await getDb().session.findUniqueOrThrow({ where: { id } });
    const stored = Buffer.from(row.secretHash);
    expect(stored.length).toBe(32);
    expect(stored.equals(sha256(secret))).toBe(true);

    // The secret does not appear in any column, in clear or as its raw bytes.
    const flattened = Object.values(row)
      .map((v) => (v instanceof Uint8Array ? `${Buffer.from(v).toString("hex")} ${Buffer.from(v).toString("latin1")}` : String(v)))
      .join(" ");
    expect(flattened).not.toContain(secret);
    expect(flattened).not.toContain(Buffer.from(secret, "utf8").toString("hex"));
    // And the raw SQLite row agrees (no hidden column holding it).
    const raw = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Session" WHERE id = ?`, id);
    expect(raw).toHaveLength(1);
    const rawText = Object.values(raw[0]!)
      .map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : String(v)))
      .join(" ");
    expect(rawText).not.toContain(secret);
  });

  it("truncates a very long user agent", async () => {
    const { session } = await createSession(userId, { userAgent: "x".repeat(1000) });
    expect(session.userAgent).toHaveLength(300);
  });
});

describe("validateSessionToken", () => {
  it("accepts a valid token and returns the session and user", async () => {
    const now = new Date();
    const { token, session } = await createSession(userId, {}, now);
    const res = await validateSessionToken(token, now);
    expect(res).not.toBeNull();
    expect(res!.session.id).toBe(session.id);
    expect(res!.user.id).toBe(userId);
    expect(res!.renewed).toBe(false);
    // The user projection does not leak the password hash.
    expect(Object.keys(res!.user).sort()).toEqual(["email", "id", "locale", "name"]);
  });

  it("rejects a token with the wrong secret and keeps the row", async () => {
    const { token } = await createSession(userId);
    const [id, secret] = splitToken(token);
    const wrong = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(await validateSessionToken(`${id}.${wrong}`)).toBeNull();
    expect(await validateSessionToken(`${id}.${secret}${secret}`)).toBeNull();
    expect(await getDb().session.count({ where: { id } })).toBe(1);
    // The real token still works afterwards.
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("rejects an unknown session id", async () => {
    const { token } = await createSession(userId);
    const [, secret] = splitToken(token);
    expect(await validateSessionToken(`aaaaaaaaaaaaaaaaaaaaaaaa.${secret}`)).toBeNull();
  });

  it.each([
    ["no dot", (id: string, secret: string) => `${id}${secret}`],
    ["empty id", (_id: string, secret: string) => `.${secret}`],
    ["empty secret", (id: string) => `${id}.`],
    ["just a dot", () => "."],
    ["empty string", () => ""],
    ["three parts", (id: string, secret: string) => `${id}.${secret}.${secret}`],
    ["trailing dot", (id: string, secret: string) => `${id}.${secret}.`],
  ])("rejects a malformed token (%s)", async (_label, make) => {
    const { token } = await createSession(userId);
    const [id, secret] = splitToken(token);
    expect(await validateSessionToken(make(id, secret))).toBeNull();
  });

  it("uses a 72-hour inactivity timeout by default", () => {
    expect(process.env.SESSION_INACTIVITY_HOURS).toBeUndefined();
    expect(inactivityTimeoutMs()).toBe(72 * HOUR);
  });

  it("expires after the inactivity timeout and deletes the row", async () => {
    const t0 = new Date("2030-01-01T08:00:00Z");
    const { token, session } = await createSession(userId, {}, t0);
    // Just before the limit the session is still valid (and renewed).
    const justBefore = new Date(t0.getTime() + inactivityTimeoutMs() - MINUTE);
    const ok = await validateSessionToken(token, justBefore);
    expect(ok).not.toBeNull();
    // Idle from the renewal: one full timeout later it is gone.
    const later = new Date(justBefore.getTime() + inactivityTimeoutMs() + 1);
    expect(await validateSessionToken(token, later)).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("expires exactly at the inactivity timeout", async () => {
    const t0 = new Date("2030-02-01T08:00:00Z");
    const { token, session } = await createSession(userId, {}, t0);
    expect(await validateSessionToken(token, new Date(t0.getTime() + 72 * HOUR))).toBeNull();
    expect(await getDb().session.count({ where: { id: session.id } })).toBe(0);
  });

  it("does not write lastVerifiedAt within the renewal interval, and does after it", async () => {
    const t0 = new Date("2030-03-01T08:00:00Z");
    const { token, session } = await createSession(userId, {}, t0);
    expect(RENEWAL_INTERVAL_MS).toBe(HOUR);

    const at30 = new Date(t0.getTime() + 30 * MINUTE);
    const r30 = await validateSessionToken(token, at30);
    expect(r30).not.toBeNull();
    expect(r30!.renewed).toBe(false);
    expect(r30!.session.lastVerifiedAt.getTime()).toBe(t0.getTime());
    const row30 = await getDb().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row30.lastVerifiedAt.getTime()).toBe(t0.getTime());

    const at61 = new Date(t0.getTime() + 61 * MINUTE);
    const r61 = await validateSessionToken(token, at61);
    expect(r61).not.toBeNull();
    expect(r61!.renewed).toBe(true);
    expect(r61!.session.lastVerifiedAt.getTime()).toBe(at61.getTime());
    const row61 = await getDb().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row61.lastVerifiedAt.getTime()).toBe(at61.getTime());
    expect(row61.createdAt.getTime()).toBe(t0.getTime());

    // Right after a renewal, the next check is a read again.
    const r62 = await validateSessionToken(token, new Date(at61.getTime() + MINUTE));
    expect(r62!.renewed).toBe(false);
  });

  it("enforces the 30-day absolute lifetime even for an active session", async () => {
    expect(ABSOLUTE_LIFETIME_MS).toBe(30 * 24 * HOUR);
    const t0 = new Date("2030-04-01T08:00:00Z");
    const { token, session } = await createSession(userId, {}, t0);
    // Active every 24 hours for 29 days: always valid.
    for (let day = 1; day <= 29; day++) {
      const res = await validateSessionToken(token, new Date(t0.getTime() + day * 24 * HOUR));
      expect(res, `day ${day}`).not.toBeNull();
    }
    // Activity one hour before the end is still fine...
    expect(await validateSessionToken(token, new Date(t0.getTime() + ABSOLUTE_LIFETIME_MS - HOUR))).not.toBeNull();
    // ...but at 30 days the session ends although it was used an hour ago.
    expect(await validateSessionToken(token, new Date(t0.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
    expect(await getDb().session.count({ where: { id: session.id } })).toBe(0);
  });
});

describe("invalidation", () => {
  it("invalidateSession deletes one session only", async () => {
    const a = await createSession(userId);
    const b = await createSession(userId);
    await invalidateSession(a.session.id);
    expect(await validateSessionToken(a.token)).toBeNull();
    expect(await validateSessionToken(b.token)).not.toBeNull();
    // Idempotent on an id that no longer exists.
    await expect(invalidateSession(a.session.id)).resolves.toBeUndefined();
  });

  it("invalidateUserSessions deletes every session of the user, and only theirs", async () => {
    const u = await createUser();
    const other = await createUser();
    const s1 = await createSession(u.id);
    const s2 = await createSession(u.id);
    const s3 = await createSession(u.id);
    const o1 = await createSession(other.id);
    expect(await invalidateUserSessions(u.id)).toBe(3);
    for (const s of [s1, s2, s3]) expect(await validateSessionToken(s.token)).toBeNull();
    expect(await validateSessionToken(o1.token)).not.toBeNull();
    expect(await getDb().session.count({ where: { userId: u.id } })).toBe(0);
  });

  it("invalidateUserSessions keeps the excepted session", async () => {
    const u = await createUser();
    const keep = await createSession(u.id);
    const drop1 = await createSession(u.id);
    const drop2 = await createSession(u.id);
    expect(await invalidateUserSessions(u.id, keep.session.id)).toBe(2);
    expect(await validateSessionToken(keep.token)).not.toBeNull();
    expect(await validateSessionToken(drop1.token)).toBeNull();
    expect(await validateSessionToken(drop2.token)).toBeNull();
  });
});

describe("deleteExpiredSessions", () => {
  it("deletes idle and too-old sessions and keeps live ones", async () => {
    const u = await createUser();
    await getDb().session.deleteMany({});
    const now = new Date("2031-06-15T12:00:00Z");
    const live = await createSession(u.id, {}, new Date(now.getTime() - HOUR));
    const idle = await createSession(u.id, {}, new Date(now.getTime() - inactivityTimeoutMs() - MINUTE));
    // Created 31 days ago but active a minute ago: past the absolute lifetime.
    const old = await createSession(u.id, {}, new Date(now.getTime() - 31 * 24 * HOUR));
    await getDb().session.update({ where: { id: old.session.id }, data: { lastVerifiedAt: new Date(now.getTime() - MINUTE) } });

    expect(await deleteExpiredSessions(now)).toBe(2);
    const left = await getDb().session.findMany({ where: { userId: u.id }, select: { id: true } });
    expect(left.map((s) => s.id)).toEqual([live.session.id]);
    expect(idle.session.id).not.toBe(live.session.id);
    // Nothing more to delete on a second run.
    expect(await deleteExpiredSessions(now)).toBe(0);
  });
});
