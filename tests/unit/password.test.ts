import { beforeAll, describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "~/models/session.server.ts";
import { changePassword, verifyLogin } from "~/models/user.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "~/utils/password.server.ts";
import { createUser, TEST_PASSWORD } from "../helpers/factories.ts";

describe("hashPassword / verifyPassword", () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword("une phrase de passe assez longue");
  });

  it("produces an argon2id PHC string with the OWASP parameters", () => {
    expect(hash.startsWith("$argon2id$")).toBe(true);
    const parts = hash.split("$");
    // "", "argon2id", "v=19", "m=19456,t=2,p=1", salt, hash
    expect(parts).toHaveLength(6);
    expect(parts[2]).toBe("v=19");
    const params = Object.fromEntries(parts[3]!.split(",").map((kv) => kv.split("=") as [string, string]));
    expect(params).toEqual({ m: "19456", t: "2", p: "1" });
    expect(hash).not.toContain("une phrase de passe");
  });

  it("salts every hash", async () => {
    const again = await hashPassword("une phrase de passe assez longue");
    expect(again).not.toBe(hash);
    expect(await verifyPassword(again, "une phrase de passe assez longue")).toBe(true);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    expect(await verifyPassword(hash, "une phrase de passe assez longue")).toBe(true);
    expect(await verifyPassword(hash, "une phrase de passe assez longue ")).toBe(false);
    expect(await verifyPassword(hash, "Une phrase de passe assez longue")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("normalises to NFKC, so a ligature and its letters match", async () => {
    const ligature = await hashPassword("ma\uFB01lle-est-gentille"); // "ﬁ"
    expect(await verifyPassword(ligature, "mafille-est-gentille")).toBe(true);
    const plain = await hashPassword("mafille-est-gentille");
    expect(await verifyPassword(plain, "ma\uFB01lle-est-gentille")).toBe(true);
    // Composed vs decomposed accents: "é" (U+00E9) vs "e" + U+0301.
    const composed = await hashPassword("d\u00E9l\u00E9gu\u00E9-prot\u00E9g\u00E9");
    expect(await verifyPassword(composed, "de\u0301le\u0301gue\u0301-prote\u0301ge\u0301")).toBe(true);
    // Normalisation does not make distinct passwords equal.
    expect(await verifyPassword(ligature, "mafiile-est-gentille")).toBe(false);
  });

  it.each([["not a hash"], [""], ["$argon2id$v=19$m=19456,t=2,p=1$broken"], ["$2b$10$abcdefghijklmnopqrstuv"]])(
    "returns false instead of throwing on a garbage hash (%j)",
    async (garbage) => {
      await expect(verifyPassword(garbage, "whatever")).resolves.toBe(false);
    },
  );

  it("burnPasswordCheck resolves without throwing", async () => {
    await expect(burnPasswordCheck("anything")).resolves.toBeUndefined();
  });
});

describe("verifyLogin", () => {
  it("accepts the right password (case-insensitive e-mail) and rejects the rest", async () => {
    const u = await createUser({ email: "Login.Case@test.example".toLowerCase() });
    expect((await verifyLogin("  LOGIN.case@TEST.example ", TEST_PASSWORD))?.id).toBe(u.id);
    expect(await verifyLogin(u.email, `${TEST_PASSWORD}!`)).toBeNull();
    expect(await verifyLogin("nobody@test.example", TEST_PASSWORD)).toBeNull();
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const u = await createUser();
    const s1 = await createSession(u.id);
    const s2 = await createSession(u.id);
    const auditBefore = await getDb().auditEvent.count({ where: { action: "user.password_changed", entityId: u.id } });
    const res = await changePassword(u.id, "not the password", "a brand new passphrase", s1.session.id);
    expect(res).toEqual({ ok: false });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.passwordHash).toBe(u.passwordHash);
    expect(await validateSessionToken(s2.token)).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "user.password_changed", entityId: u.id } })).toBe(auditBefore);
  });

  it("refuses an unknown user", async () => {
    expect(await changePassword("no-such-user", TEST_PASSWORD, "a brand new passphrase", "x")).toEqual({ ok: false });
  });

  it("changes the password, signs out the other sessions, keeps this one and audits", async () => {
    const u = await createUser();
    const other = await createUser();
    const keep = await createSession(u.id);
    const drop1 = await createSession(u.id);
    const drop2 = await createSession(u.id);
    const otherUsers = await createSession(other.id);
    const before = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });

    const res = await changePassword(u.id, TEST_PASSWORD, "a brand new passphrase", keep.session.id);
    expect(res).toEqual({ ok: true });

    const after = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThanOrEqual(before.passwordChangedAt.getTime());
    expect(await verifyLogin(u.email, "a brand new passphrase")).not.toBeNull();
    expect(await verifyLogin(u.email, TEST_PASSWORD)).toBeNull();

    expect(await validateSessionToken(keep.token)).not.toBeNull();
    expect(await validateSessionToken(drop1.token)).toBeNull();
    expect(await validateSessionToken(drop2.token)).toBeNull();
    expect(await getDb().session.findMany({ where: { userId: u.id }, select: { id: true } })).toEqual([{ id: keep.session.id }]);
    expect(await validateSessionToken(otherUsers.token)).not.toBeNull();

    const events = await getDb().auditEvent.findMany({ where: { action: "user.password_changed", entityId: u.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: u.id, organizationId: null, entity: "User" });
    // The audit trail never holds the password.
    expect(JSON.stringify(events)).not.toContain("brand new passphrase");
  });
});
