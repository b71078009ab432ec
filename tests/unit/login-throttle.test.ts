import { describe, expect, it } from "vitest";
import {
  attemptSucceeded,
  beginAttempt,
  clearAccountFailures,
  lockedUntil,
  recordFailure,
  THROTTLE_RULES,
  throttleKeys,
} from "~/models/login-throttle.server.ts";
import { validateSessionToken } from "~/models/session.server.ts";
import * as login from "~/routes/login.tsx";
import { getDb } from "~/utils/db.server.ts";
import { createUser, form, request, TEST_PASSWORD } from "../helpers/factories.ts";
import { call, formErrors } from "./route-helpers.ts";

const MINUTE = 60 * 1000;

function attempt(email: string, password: string, ip: string | null, url = "/login") {
  return call(login.action, request(url, { method: "POST", body: form({ email, password }) }), {}, ip);
}

function cookieAttributes(setCookie: string) {
  return setCookie.split(";").map((p) => p.trim());
}

function countAudit(action: string) {
  return getDb().auditEvent.count({ where: { action } });
}

describe("login action", () => {
  it("rejects a wrong password with 400 and errors.invalidCredentials, and audits it", async () => {
    const u = await createUser();
    const failedBefore = await countAudit("login.failed");
    const res = await attempt(u.email, "wrong password", "10.0.0.1");
    expect(res.status).toBe(400);
    expect(formErrors(res.data)).toEqual(["errors.invalidCredentials"]);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await countAudit("login.failed")).toBe(failedBefore + 1);
    const last = await getDb().auditEvent.findFirstOrThrow({ where: { action: "login.failed" }, orderBy: { seq: "desc" } });
    expect(last.actorId).toBeNull();
    expect(JSON.parse(last.details)).toEqual({ ip: "10.0.0.1" });
    // The password never reaches the audit log nor the reply.
    expect(last.details).not.toContain("wrong password");
    expect(JSON.stringify(res.data)).not.toContain("wrong password");
  });

  it("gives an unknown account the same answer as a wrong password", async () => {
    const res = await attempt("nobody-here@test.example", TEST_PASSWORD, "10.0.0.2");
    expect(res.status).toBe(400);
    expect(formErrors(res.data)).toEqual(["errors.invalidCredentials"]);
  });

  it("rejects a malformed submission with 400 and no audit", async () => {
    const failedBefore = await countAudit("login.failed");
    const res = await attempt("not-an-email", "", "10.0.0.3");
    expect(res.status).toBe(400);
    expect(await countAudit("login.failed")).toBe(failedBefore);
  });

  it("signs in: cookie is HttpOnly, SameSite=Lax, not Secure on http://localhost; success is audited", async () => {
    const u = await createUser();
    const okBefore = await countAudit("login.succeeded");
    const res = await attempt(u.email.toUpperCase(), TEST_PASSWORD, "10.0.0.4");
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toBeTruthy();
    const attrs = cookieAttributes(setCookie);
    expect(attrs[0]).toMatch(/^registre_session=[a-z2-7]{24}\.[a-z2-7]{24}$/);
    expect(attrs).toContain("HttpOnly");
    expect(attrs).toContain("SameSite=Lax");
    expect(attrs).toContain("Path=/");
    expect(attrs).not.toContain("Secure");

    // The cookie carries a live session of that user.
    const token = decodeURIComponent(attrs[0]!.slice("registre_session=".length));
    const s = await validateSessionToken(token);
    expect(s?.user.id).toBe(u.id);
    expect(s?.session.ipAddress).toBe("10.0.0.4");

    expect(await countAudit("login.succeeded")).toBe(okBefore + 1);
    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { action: "login.succeeded" }, orderBy: { seq: "desc" } });
    expect(ev).toMatchObject({ actorId: u.id, entity: "Session", entityId: s!.session.id });
  });

  it("sets a Secure cookie when served over https", async () => {
    const u = await createUser();
    const res = await attempt(u.email, TEST_PASSWORD, "10.0.0.5", "https://registre.example/login");
    expect(res.status).toBe(302);
    const attrs = cookieAttributes(res.headers.get("Set-Cookie")!);
    expect(attrs[0]).toMatch(/^registre_session=/);
    expect(attrs).toContain("Secure");
    expect(attrs).toContain("HttpOnly");
    expect(attrs).toContain("SameSite=Lax");
  });

  it("follows a local redirectTo but never an external one", async () => {
    const u = await createUser();
    const local = await call(
      login.action,
      request("/login", { method: "POST", body: form({ email: u.email, password: TEST_PASSWORD, redirectTo: "/account" }) }),
      {},
      "10.0.0.6",
    );
    expect(local.location).toBe("/account");
    for (const evil of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await call(
        login.action,
        request("/login", { method: "POST", body: form({ email: u.email, password: TEST_PASSWORD, redirectTo: evil }) }),
        {},
        "10.0.0.6",
      );
      expect(res.location, evil).toBe("/");
    }
  });

  // Regression (open redirect): browsers strip ASCII tab/newline when parsing a URL, so "/\t/evil.example"
  // becomes "//evil.example"; safeRedirectPath must refuse it, not only "//" and "/\\".
  it("never redirects off-site, even through characters a browser strips from URLs", async () => {
    const u = await createUser();
    for (const evil of ["/\t/evil.example", "/\t\\evil.example", "\t//evil.example"]) {
      const res = await call(
        login.action,
        request("/login", { method: "POST", body: form({ email: u.email, password: TEST_PASSWORD, redirectTo: evil }) }),
        {},
        "10.0.0.7",
      );
      expect(res.status, JSON.stringify(evil)).toBe(302);
      // Where a browser goes when it follows this Location header from our login page.
      const target = new URL(res.location!, "https://registre.example/login");
      expect(target.origin, JSON.stringify(evil)).toBe("https://registre.example");
    }
  });

  // Regression (throttle bypass): reading the lock before the password check and recording the failure
  // after it let concurrent requests all pass the check.
  it("parallel attempts cannot check more than 5 passwords for one account", async () => {
    const u = await createUser();
    const ip = "10.0.9.1";
    const failedBefore = await countAudit("login.failed");
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? TEST_PASSWORD : `guess-${i}`));
    const results = await Promise.all(guesses.map((g) => attempt(u.email, g, ip)));
    const failed = (await countAudit("login.failed")) - failedBefore;
    const succeeded = results.filter((r) => r.status === 302).length;
    // Every password actually compared is either a failure or a success: at most 5 per window.
    expect(failed + succeeded).toBeLessThanOrEqual(THROTTLE_RULES.account.maxFailures);
    expect(await getDb().session.count({ where: { userId: u.id } })).toBe(succeeded);
  });

  it("locks an account after 5 failures: even the right password then gets 429", async () => {
    const u = await createUser();
    const ip = "10.0.1.1";
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE_RULES.account.maxFailures; i++) statuses.push((await attempt(u.email, `wrong-${i}`, ip)).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    // The 5th failure is the one that sets the lock.
    expect([400, 429]).toContain(statuses[4]);

    const throttledBefore = await countAudit("login.throttled");
    const sixth = await attempt(u.email, TEST_PASSWORD, ip);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("Set-Cookie")).toBeNull();
    const errors = formErrors(sixth.data);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith("errors.tooManyAttempts")).toBe(true);
    expect(errors[0]).toBe(`errors.tooManyAttempts|${JSON.stringify({ minutes: 15 })}`);
    expect(await countAudit("login.throttled")).toBe(throttledBefore + 1);
    expect(await getDb().session.count({ where: { userId: u.id } })).toBe(0);

    // The account lock follows the account to another IP.
    expect((await attempt(u.email, TEST_PASSWORD, "10.0.1.2")).status).toBe(429);
    // And the e-mail is matched case-insensitively.
    expect((await attempt(u.email.toUpperCase(), TEST_PASSWORD, "10.0.1.3")).status).toBe(429);
  });

  it("does not affect another account from another IP", async () => {
    const victim = await createUser();
    const bystander = await createUser();
    for (let i = 0; i < 6; i++) await attempt(victim.email, "wrong", "10.0.2.1");
    expect((await attempt(victim.email, TEST_PASSWORD, "10.0.2.1")).status).toBe(429);
    const res = await attempt(bystander.email, TEST_PASSWORD, "10.0.2.2");
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/^registre_session=/);
  });

  it("locks an IP after 30 failures across different accounts", async () => {
    const ip = "10.0.3.1";
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) {
      statuses.push((await attempt(`spray-${i}@test.example`, "Password123!", ip)).status);
    }
    expect(statuses.slice(0, 29).every((s) => s === 400)).toBe(true);
    // No account got 5 failures: only the IP counter can be locked.
    const ipRow = await getDb().loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(ipRow.failures).toBe(30);
    expect(ipRow.lockedUntil).not.toBeNull();

    const u = await createUser();
    const locked = await attempt(u.email, TEST_PASSWORD, ip);
    expect(locked.status).toBe(429);
    expect(formErrors(locked.data)[0]).toMatch(/^errors\.tooManyAttempts\|/);
    // The same account from another IP is fine.
    expect((await attempt(u.email, TEST_PASSWORD, "10.0.3.2")).status).toBe(302);
  });

  it("a successful login never counts as a failure towards the IP rule", async () => {
    const ip = "10.0.3.50";
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures - 1; i++) expect((await attempt(`spray-ok-${i}@test.example`, "Password123!", ip)).status).toBe(400);
    // 29 failures: the IP is not locked, and a right password gets in.
    const u = await createUser();
    expect((await attempt(u.email, TEST_PASSWORD, ip)).status).toBe(302);
    // Still only 29 failures from this IP: the next right password gets in too.
    const v = await createUser();
    expect((await attempt(v.email, TEST_PASSWORD, ip)).status).toBe(302);
    // The 30th failure locks it.
    expect((await attempt("spray-ok-last@test.example", "Password123!", ip)).status).toBe(429);
    expect((await attempt(v.email, TEST_PASSWORD, ip)).status).toBe(429);
  });

  it("a successful login clears the account's counter", async () => {
    const u = await createUser();
    for (let i = 0; i < 4; i++) expect((await attempt(u.email, "wrong", "10.0.4.1")).status).toBe(400);
    expect((await attempt(u.email, TEST_PASSWORD, "10.0.4.1")).status).toBe(302);
    expect(await getDb().loginThrottle.findUnique({ where: { key: `account:${u.email}` } })).toBeNull();
    // The counter starts again: 4 more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await attempt(u.email, "wrong", "10.0.4.1")).status).toBe(400);
    expect((await attempt(u.email, TEST_PASSWORD, "10.0.4.1")).status).toBe(302);
  });
});

describe("throttle model with explicit clocks", () => {
  const t0 = new Date("2032-01-01T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("builds one key per account (normalised) and one per IP", () => {
    expect(throttleKeys("  Alice@Example.FR ", "192.0.2.7")).toEqual([
      { kind: "account", key: "account:alice@example.fr" },
      { kind: "ip", key: "ip:192.0.2.7" },
    ]);
    expect(throttleKeys("a@b.fr", null)).toEqual([{ kind: "account", key: "account:a@b.fr" }]);
  });

  it("locks at the 5th failure within the window, for 15 minutes", async () => {
    const keys = throttleKeys("clock-1@test.example", null);
    for (let i = 0; i < 4; i++) {
      expect(await recordFailure(keys, at(i * MINUTE))).toBeNull();
      expect(await lockedUntil(keys, at(i * MINUTE))).toBeNull();
    }
    const until = await recordFailure(keys, at(4 * MINUTE));
    expect(until?.getTime()).toBe(at(4 * MINUTE + 15 * MINUTE).getTime());
    expect((await lockedUntil(keys, at(5 * MINUTE)))?.getTime()).toBe(until!.getTime());
    expect(await lockedUntil(keys, at(19 * MINUTE - 1))).not.toBeNull();
    // The lock ends on time.
    expect(await lockedUntil(keys, at(19 * MINUTE))).toBeNull();
    expect(await lockedUntil(keys, at(60 * MINUTE))).toBeNull();
  });

  it("starts a new window when the old one has expired", async () => {
    const keys = throttleKeys("clock-2@test.example", null);
    for (let i = 0; i < 4; i++) await recordFailure(keys, at(i * MINUTE));
    // 16 minutes after the window started: fresh window, the count restarts at 1.
    expect(await recordFailure(keys, at(16 * MINUTE))).toBeNull();
    const row = await getDb().loginThrottle.findUniqueOrThrow({ where: { key: keys[0]!.key } });
    expect(row.failures).toBe(1);
    expect(row.windowStart.getTime()).toBe(at(16 * MINUTE).getTime());
    expect(row.lockedUntil).toBeNull();
    // 4 more in the new window are needed to lock again.
    for (let i = 17; i < 20; i++) expect(await recordFailure(keys, at(i * MINUTE))).toBeNull();
    expect(await recordFailure(keys, at(20 * MINUTE))).not.toBeNull();
  });

  it("does not carry an expired lock into a fresh window", async () => {
    const keys = throttleKeys("clock-3@test.example", null);
    for (let i = 0; i < 5; i++) await recordFailure(keys, at(i));
    expect(await lockedUntil(keys, at(MINUTE))).not.toBeNull();
    // An hour later: a new failure opens a fresh window with no lock.
    expect(await recordFailure(keys, at(60 * MINUTE))).toBeNull();
    expect(await lockedUntil(keys, at(60 * MINUTE))).toBeNull();
  });

  it("reports the latest lock among the keys", async () => {
    const a = throttleKeys("clock-4@test.example", "198.51.100.1");
    for (let i = 0; i < 5; i++) await recordFailure([a[0]!], at(i * MINUTE));
    const accountUntil = await lockedUntil(a, at(5 * MINUTE));
    expect(accountUntil?.getTime()).toBe(at(19 * MINUTE).getTime());
    // Lock the IP later than the account.
    const ipKey = [a[1]!];
    for (let i = 0; i < 30; i++) await recordFailure(ipKey, at(10 * MINUTE));
    expect((await lockedUntil(a, at(11 * MINUTE)))?.getTime()).toBe(at(25 * MINUTE).getTime());
    expect(await lockedUntil(a, at(25 * MINUTE))).toBeNull();
  });

  it("the IP rule needs 30 failures", async () => {
    const keys = [{ kind: "ip" as const, key: "ip:203.0.113.9" }];
    for (let i = 0; i < 29; i++) expect(await recordFailure(keys, at(i * 1000))).toBeNull();
    expect((await recordFailure(keys, at(29 * 1000)))?.getTime()).toBe(at(29 * 1000 + 15 * MINUTE).getTime());
  });

  it("clearAccountFailures removes the account key only", async () => {
    const keys = throttleKeys("clock-5@test.example", "198.51.100.5");
    await recordFailure(keys, at(0));
    await clearAccountFailures("CLOCK-5@test.example ");
    expect(await getDb().loginThrottle.findUnique({ where: { key: keys[0]!.key } })).toBeNull();
    expect(await getDb().loginThrottle.findUnique({ where: { key: keys[1]!.key } })).not.toBeNull();
  });
});

describe("beginAttempt / attemptSucceeded (a password check is reserved before it happens)", () => {
  const t0 = new Date("2033-03-01T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("lets 5 checks through per account and window, then refuses until the lock ends", async () => {
    const keys = throttleKeys("reserve-1@test.example", null);
    for (let i = 0; i < 5; i++) expect(await beginAttempt(keys, at(i * MINUTE)), `attempt ${i + 1}`).toBeNull();
    const refused = await beginAttempt(keys, at(5 * MINUTE));
    expect(refused?.getTime()).toBe(at(4 * MINUTE + 15 * MINUTE).getTime());
    // A refused attempt does not extend the lock.
    expect((await beginAttempt(keys, at(10 * MINUTE)))?.getTime()).toBe(refused!.getTime());
    expect(await beginAttempt(keys, at(19 * MINUTE))).toBeNull();
    const row = await getDb().loginThrottle.findUniqueOrThrow({ where: { key: keys[0]!.key } });
    expect(row.failures).toBe(1);
    expect(row.windowStart.getTime()).toBe(at(19 * MINUTE).getTime());
  });

  it("concurrent reservations cannot exceed the limit", async () => {
    const keys = throttleKeys("reserve-2@test.example", "198.51.100.77");
    const results = await Promise.all(Array.from({ length: 20 }, () => beginAttempt(keys, at(0))));
    expect(results.filter((r) => r === null)).toHaveLength(THROTTLE_RULES.account.maxFailures);
  });

  it("a success gives the account a fresh start and the IP its reserved attempt back", async () => {
    const keys = throttleKeys("reserve-3@test.example", "198.51.100.78");
    for (let i = 0; i < 3; i++) expect(await beginAttempt(keys, at(i * MINUTE))).toBeNull();
    await attemptSucceeded(keys);
    expect(await getDb().loginThrottle.findUnique({ where: { key: keys[0]!.key } })).toBeNull();
    expect((await getDb().loginThrottle.findUniqueOrThrow({ where: { key: keys[1]!.key } })).failures).toBe(2);
    // Four more wrong checks are allowed again for the account.
    for (let i = 3; i < 7; i++) expect(await beginAttempt(keys, at(i * MINUTE))).toBeNull();
  });

  it("a locked IP refuses every account", async () => {
    const ip = "198.51.100.79";
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) expect(await beginAttempt(throttleKeys(`spray-r-${i}@test.example`, ip), at(i * 1000))).toBeNull();
    expect(await beginAttempt(throttleKeys("someone-else@test.example", ip), at(60 * 1000))).not.toBeNull();
    expect(await beginAttempt(throttleKeys("someone-else@test.example", "198.51.100.80"), at(60 * 1000))).toBeNull();
  });
});
