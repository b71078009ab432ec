/**
 * Issue 12 §9: an attacker cannot lock the real user out, the shared address of a proxy cannot lock
 * everyone out, locks back off, and the current-password check on /account is throttled too.
 */
import { describe, expect, it } from "vitest";
import { beginAttempt, DEVICE_COOKIE, MAX_LOCK_MS, THROTTLE_RULES, throttleKeys } from "~/models/login-throttle.server.ts";
import * as account from "~/routes/account.tsx";
import * as login from "~/routes/login.tsx";
import { getDb } from "~/utils/db.server.ts";
import { createSession } from "~/models/session.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";
import { createUser, form, request, TEST_PASSWORD } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

const MINUTE = 60 * 1000;

function attempt(email: string, password: string, ip: string | null, device?: string) {
  return call(
    login.action,
    request("/login", { method: "POST", body: form({ email, password }), cookie: device ? `${DEVICE_COOKIE}=${device}` : undefined }),
    {},
    ip,
  );
}

/** Signs in once and returns the device token the browser got. */
async function knownDevice(email: string, ip: string): Promise<string> {
  const res = await attempt(email, TEST_PASSWORD, ip);
  expect(res.status).toBe(302);
  const m = /registre_device=([a-z0-9]+)/.exec(res.headers.get("Set-Cookie") ?? "");
  expect(m).not.toBeNull();
  return m![1]!;
}

describe("nobody locks the real user out", () => {
  it("an attacker's failures lock the account for new browsers, not for the user's known browser", async () => {
    const u = await createUser();
    const device = await knownDevice(u.email, "192.0.2.10");
    for (let i = 0; i < 8; i++) await attempt(u.email, `guess-${i}`, "203.0.113.66");
    // The attacker, and any unknown browser, is locked out...
    expect((await attempt(u.email, TEST_PASSWORD, "203.0.113.66")).status).toBe(429);
    expect((await attempt(u.email, TEST_PASSWORD, "192.0.2.10")).status).toBe(429);
    // ...the user's own browser is not, from any address.
    expect((await attempt(u.email, TEST_PASSWORD, "192.0.2.10", device)).status).toBe(302);
    expect((await attempt(u.email, TEST_PASSWORD, "198.51.100.3", device)).status).toBe(302);
  });

  it("30 failures through a shared proxy address do not lock out users who signed in before", async () => {
    const proxy = "10.99.0.1";
    const users = [await createUser(), await createUser()];
    const devices = [await knownDevice(users[0]!.email, proxy), await knownDevice(users[1]!.email, proxy)];
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures + 5; i++) await attempt(`spray-proxy-${i}@test.example`, "Password123!", proxy);
    expect((await getDb().loginThrottle.findUniqueOrThrow({ where: { key: `ip:${proxy}` } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    for (const [i, u] of users.entries()) expect((await attempt(u.email, TEST_PASSWORD, proxy, devices[i])).status).toBe(302);
    // A browser that never signed in is still held back by the address lock.
    expect((await attempt((await createUser()).email, TEST_PASSWORD, proxy)).status).toBe(429);
  });

  it("a device token is worth nothing for another account, and a forged one is ignored", async () => {
    const a = await createUser();
    const b = await createUser();
    const device = await knownDevice(a.email, "192.0.2.20");
    for (let i = 0; i < 6; i++) await attempt(b.email, `guess-${i}`, "192.0.2.21");
    expect((await attempt(b.email, TEST_PASSWORD, "192.0.2.20", device)).status).toBe(429);
    expect((await attempt(b.email, TEST_PASSWORD, "192.0.2.20", "a".repeat(48))).status).toBe(429);
  });

  it("a known browser still gets only 5 wrong guesses (a stolen device cookie is no free pass)", async () => {
    const u = await createUser();
    const device = await knownDevice(u.email, "192.0.2.30");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt(u.email, `guess-${i}`, "192.0.2.30", device)).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await attempt(u.email, TEST_PASSWORD, "192.0.2.30", device)).status).toBe(429);
  });
});

describe("backoff", () => {
  const t0 = new Date("2034-05-01T08:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("each consecutive lock lasts twice as long, up to the cap; a quiet day resets it", async () => {
    const keys = throttleKeys("backoff-1@test.example", null);
    let now = 0;
    const lockLengths: number[] = [];
    for (let round = 0; round < 9; round++) {
      for (let i = 0; i < THROTTLE_RULES.account.maxFailures; i++) expect(await beginAttempt(keys, at(now))).toBeNull();
      const until = await beginAttempt(keys, at(now));
      expect(until).not.toBeNull();
      lockLengths.push(until!.getTime() - at(now).getTime());
      now = until!.getTime() - t0.getTime() + 1;
    }
    expect(lockLengths.slice(0, 4)).toEqual([15, 30, 60, 120].map((m) => m * MINUTE));
    expect(Math.max(...lockLengths)).toBe(MAX_LOCK_MS);
    // A day and a minute after the last lock ended, the next lock is back to 15 minutes.
    now += MAX_LOCK_MS + MINUTE;
    for (let i = 0; i < THROTTLE_RULES.account.maxFailures; i++) await beginAttempt(keys, at(now));
    expect((await beginAttempt(keys, at(now)))!.getTime() - at(now).getTime()).toBe(15 * MINUTE);
  });
});

describe("the current-password check on /account", () => {
  it("is throttled like a login: after 5 wrong passwords even the right one gets 429", async () => {
    const u = await createUser();
    const { token } = await createSession(u.id);
    const cookie = `${SESSION_COOKIE}=${token}`;
    const change = (current: string) =>
      call(
        account.action,
        request("/account", {
          method: "POST",
          cookie,
          body: form({ intent: "password", current, password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }),
        }),
        {},
        "192.0.2.40",
      );
    for (let i = 0; i < THROTTLE_RULES.account.maxFailures; i++) {
      const res = await change(`wrong-${i}`);
      expect(res.status).toBe(400);
      expect(fieldErrors(res.data, "current")).toEqual(["errors.wrongCurrentPassword"]);
    }
    const locked = await change(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(formErrors(locked.data)[0]).toMatch(/^errors\.tooManyAttempts\|/);
    // The password was not changed.
    expect((await attempt(u.email, "une toute nouvelle phrase", "192.0.2.41")).status).not.toBe(302);
  });
});
