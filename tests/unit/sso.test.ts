import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateSessionToken } from "~/models/session.server.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { setPasswordLogin } from "~/models/sso.server.ts";
import * as access from "~/routes/access.tsx";
import * as callback from "~/routes/auth.oidc.callback.tsx";
import * as oidcLogin from "~/routes/auth.oidc.login.ts";
import * as login from "~/routes/login.tsx";
import * as logout from "~/routes/logout.tsx";
import * as members from "~/routes/o.$org.members.tsx";
import * as register from "~/routes/o.$org.activities._index.tsx";
import * as signIn from "~/routes/o.$org.sign-in.tsx";
import { getDb } from "~/utils/db.server.ts";
import { translate } from "~/utils/messages.server.ts";
import { resetEnvCache } from "~/utils/env.server.ts";
import { resetOidcCache } from "~/utils/oidc.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember, TEST_PASSWORD } from "../helpers/factories.ts";
import { browseToCallback, ID_TOKEN_TTL_SECONDS, startIdp, type IdTokenSigning, type TestAccount, type TestIdp } from "../helpers/oidc.ts";
import { freePort } from "../helpers/smtp.ts";
import { call, formErrors, type Outcome } from "./route-helpers.ts";

const APP = "http://localhost:3000";
const REDIRECT = `${APP}/auth/oidc/callback`;
let idp: TestIdp;
let org: { id: string; slug: string };

function configure(issuer: string, clientId = "registre") {
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: "s3cret-registre-client",
    OIDC_PROVIDER_NAME: "ProConnect",
    PUBLIC_URL: APP,
    OIDC_ROLE_RULES: `domain:ville.test=${org.slug}:VIEWER`,
  });
  resetEnvCache();
  resetOidcCache();
}

beforeAll(async () => {
  const created = await createOrg("Ville SSO");
  org = created.org;
  const port = await freePort();
  idp = await startIdp({ port, clientId: "registre", clientSecret: "s3cret-registre-client", redirectUri: REDIRECT, postLogoutRedirectUri: `${APP}/login` });
  configure(idp.issuer);
});
afterAll(async () => {
  await idp.close();
  for (const k of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_RULES", "OIDC_PROVIDER_NAME"]) delete process.env[k];
  resetEnvCache();
});
beforeEach(() => configure(idp.issuer));

function setCookies(o: Outcome): string[] {
  return o.headers.getSetCookie();
}

function sessionTokenOf(o: Outcome): string | null {
  const c = setCookies(o).find((x) => x.startsWith(`${SESSION_COOKIE}=`));
  const v = c?.split(";")[0]!.slice(SESSION_COOKIE.length + 1);
  return v ? decodeURIComponent(v) : null;
}

/** The browser's trip: our login URL → the provider → back to our callback URL. */
async function startLogin(account: string, provider: TestIdp = idp) {
  provider.loginAs = account;
  const start = await call(oidcLogin.loader, request("/auth/oidc/login?redirectTo=/account"));
  expect(start.status).toBe(302);
  const stateCookie = setCookies(start)
    .find((c) => c.startsWith("registre_oidc_state="))!
    .split(";")[0]!;
  const authUrl = new URL(start.location!);
  expect(authUrl.origin).toBe(provider.issuer);
  expect(authUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authUrl.searchParams.get("nonce")).toBeTruthy();
  expect(authUrl.searchParams.get("state")).toBe(stateCookie.split("=")[1]);
  return { authUrl: authUrl.toString(), stateCookie };
}

async function fullLogin(account: string, provider: TestIdp = idp) {
  const { authUrl, stateCookie } = await startLogin(account, provider);
  const back = await browseToCallback(authUrl, REDIRECT);
  const res = await call(callback.loader, request(back.replace(APP, ""), { cookie: stateCookie }));
  return { res, back, stateCookie };
}

async function auditActions(action: string) {
  return getDb().auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });
}

describe("single sign-on against a real OpenID provider", () => {
  it("signs in an existing user matched by verified e-mail, audits it, and refuses a replayed state", async () => {
    const alice = await createUser({ email: "alice@ville.test", name: "Alice" });
    await addMember(alice.id, org.id, "DPO");
    idp.accounts.set("alice-sub", { sub: "alice-sub", email: "Alice@Ville.test", email_verified: true, name: "Alice Martin" });
    const before = (await auditActions("sso.login")).length;
    const { res, back, stateCookie } = await fullLogin("alice-sub");
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account");
    const token = sessionTokenOf(res);
    expect(token).toBeTruthy();
    expect((await validateSessionToken(token!))?.user.id).toBe(alice.id);
    const audits = await auditActions("sso.login");
    expect(audits.length).toBe(before + 1);
    expect(audits.at(-1)!.actorId).toBe(alice.id);
    expect(await getDb().ssoIdentity.findFirst({ where: { userId: alice.id } })).toMatchObject({ issuer: idp.issuer, subject: "alice-sub" });

    // The same callback again (replayed state and code): an error page and no session.
    const replay = await call(callback.loader, request(back.replace(APP, ""), { cookie: stateCookie }));
    expect(replay.status).toBe(400);
    expect(replay.data).toEqual({ reason: "state" });
    expect(sessionTokenOf(replay)).toBeNull();
    expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"state"');
  });

  it("refuses a callback whose state was not started in this browser", async () => {
    idp.accounts.set("eve-sub", { sub: "eve-sub", email: "eve@ville.test", email_verified: true, name: "Eve" });
    const { authUrl } = await startLogin("eve-sub");
    const back = await browseToCallback(authUrl, REDIRECT);
    const res = await call(callback.loader, request(back.replace(APP, ""), { cookie: "registre_oidc_state=forged" }));
    expect(res.status).toBe(400);
    expect(sessionTokenOf(res)).toBeNull();
    expect(await getDb().user.findUnique({ where: { email: "eve@ville.test" } })).toBeNull();
  });

  it("gives a new user a role only through a configured rule or an ADMIN's invitation", async () => {
    idp.accounts.set("bob-sub", { sub: "bob-sub", email: "bob@ville.test", email_verified: true, name: "Bob" });
    idp.accounts.set("carol-sub", { sub: "carol-sub", email: "carol@ailleurs.test", email_verified: true, name: "Carol" });
    idp.accounts.set("dan-sub", { sub: "dan-sub", email: "dan@ailleurs.test", email_verified: true, name: "Dan" });

    expect((await fullLogin("bob-sub")).res.status).toBe(302);
    const bob = await getDb().user.findUniqueOrThrow({ where: { email: "bob@ville.test" }, include: { memberships: true } });
    expect(bob.memberships.map((m) => [m.organizationId, m.role])).toEqual([[org.id, "VIEWER"]]);

    expect((await fullLogin("carol-sub")).res.status).toBe(302);
    const carol = await getDb().user.findUniqueOrThrow({ where: { email: "carol@ailleurs.test" }, include: { memberships: true } });
    expect(carol.memberships).toEqual([]);

    const admin = await createUser();
    await addMember(admin.id, org.id, "ADMIN");
    await createInvitation(admin.id, org.id, { email: "dan@ailleurs.test", role: "DPO", departmentIds: [] });
    expect((await fullLogin("dan-sub")).res.status).toBe(302);
    const dan = await getDb().user.findUniqueOrThrow({ where: { email: "dan@ailleurs.test" }, include: { memberships: true } });
    expect(dan.memberships.map((m) => m.role)).toEqual(["DPO"]);
  });

  it("refuses an e-mail the provider has not verified, without creating anyone", async () => {
    idp.accounts.set("mallory-sub", { sub: "mallory-sub", email: "alice@ville.test", email_verified: false, name: "Not Alice" });
    const { res } = await fullLogin("mallory-sub");
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ reason: "unverified_email" });
    expect(sessionTokenOf(res)).toBeNull();
    expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"unverified_email"');
    expect(await getDb().ssoIdentity.findFirst({ where: { subject: "mallory-sub" } })).toBeNull();
  });

  it("refuses an ID token issued for another client (audience), with no session", async () => {
    idp.accounts.set("frank-sub", { sub: "frank-sub", email: "frank@ville.test", email_verified: true, name: "Frank" });
    const { authUrl, stateCookie } = await startLogin("frank-sub");
    const back = await browseToCallback(authUrl, REDIRECT);
    // Registre now believes it is another client: the code and its ID token were issued to "registre".
    configure(idp.issuer, "another-client");
    const res = await call(callback.loader, request(back.replace(APP, ""), { cookie: stateCookie }));
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ reason: "token" });
    expect(sessionTokenOf(res)).toBeNull();
    expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"token"');
    expect(await getDb().user.findUnique({ where: { email: "frank@ville.test" } })).toBeNull();
  });

  it("shows a translated page when the provider is down, at the start or at the callback", async () => {
    idp.accounts.set("gina-sub", { sub: "gina-sub", email: "gina@ville.test", email_verified: true, name: "Gina" });
    const { authUrl, stateCookie } = await startLogin("gina-sub");
    const back = await browseToCallback(authUrl, REDIRECT);
    const port = idp.port;
    await idp.close();
    try {
      const res = await call(callback.loader, request(back.replace(APP, ""), { cookie: stateCookie }));
      expect(res.status).toBe(502);
      expect(res.data).toEqual({ reason: "unavailable" });
      expect(sessionTokenOf(res)).toBeNull();
      expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"unavailable"');

      resetOidcCache();
      const start = await call(oidcLogin.loader, request("/auth/oidc/login"));
      expect(start.status).toBe(302);
      expect(start.location).toBe("/auth/oidc/callback?registre_error=unavailable");
      expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"step":"discovery"');
      const page = await call(callback.loader, request(start.location!));
      expect(page.status).toBe(502);
      expect(sessionTokenOf(page)).toBeNull();
    } finally {
      idp = await startIdp({
        port,
        clientId: "registre",
        clientSecret: "s3cret-registre-client",
        redirectUri: REDIRECT,
        postLogoutRedirectUri: `${APP}/login`,
      });
      idp.accounts.set("gina-sub", { sub: "gina-sub", email: "gina@ville.test", email_verified: true, name: "Gina" });
    }
  });

  it("lets an organization switch off password login, and signs SSO users out at the provider", async () => {
    const { org: strict } = await createOrg("Ville stricte");
    const henri = await createUser({ email: "henri@ville.test", name: "Henri" });
    await addMember(henri.id, strict.id, "EDITOR");
    await setPasswordLogin(henri.id, strict.id, true);
    const refused = await call(login.action, request("/login", { method: "POST", body: form({ email: "henri@ville.test", password: TEST_PASSWORD }) }));
    expect(refused.status).toBe(403);
    expect(sessionTokenOf(refused)).toBeNull();
    expect(formErrors(refused.data)).toEqual([`sso.passwordDisabled|${JSON.stringify({ provider: "ProConnect" })}`]);
    expect(translate("fr", "sso.passwordDisabled", { provider: "ProConnect" })).toContain("ProConnect");
    expect(translate("en", "sso.passwordDisabled", { provider: "ProConnect" })).toContain("ProConnect");
    expect((await auditActions("login.password_refused")).at(-1)!.actorId).toBe(henri.id);
    // Per organization: a member of another organization still signs in with a password meanwhile.
    const { org: relaxed } = await createOrg("Ville souple");
    const iris = await createUser({ email: "iris@ville.test", name: "Iris" });
    await addMember(iris.id, relaxed.id, "EDITOR");
    const allowed = await call(login.action, request("/login", { method: "POST", body: form({ email: "iris@ville.test", password: TEST_PASSWORD }) }));
    expect(allowed.status).toBe(302);
    expect(sessionTokenOf(allowed)).toBeTruthy();
    await setPasswordLogin(henri.id, strict.id, false);
    expect((await call(login.action, request("/login", { method: "POST", body: form({ email: "henri@ville.test", password: TEST_PASSWORD }) }))).status).toBe(
      302,
    );

    idp.accounts.set("henri-sub", { sub: "henri-sub", email: "henri@ville.test", email_verified: true, name: "Henri" });
    const { res } = await fullLogin("henri-sub");
    const token = sessionTokenOf(res)!;
    const out = await call(logout.action, request("/logout", { method: "POST", cookie: `${SESSION_COOKIE}=${token}` }));
    expect(out.status).toBe(302);
    const end = new URL(out.location!);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${APP}/login`);
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("lets only an ADMIN require SSO, and never when SSO is not configured", async () => {
    const { org: o } = await createOrg("Ville réglage");
    const admin = await signedInMember(o.id, "ADMIN");
    const dpo = await signedInMember(o.id, "DPO");
    const post = (cookie: string, on: boolean) =>
      call(signIn.action, request(`/o/${o.slug}/sign-in`, { method: "POST", cookie, body: form(on ? { passwordLoginDisabled: "on" } : {}) }), { org: o.slug });
    expect((await post(dpo.cookie, true)).status).toBe(403);
    expect((await post(admin.cookie, true)).status).toBe(302);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: o.id } })).passwordLoginDisabled).toBe(true);
    expect((await auditActions("org.password_login_disabled")).at(-1)!.organizationId).toBe(o.id);
    expect((await post(admin.cookie, false)).status).toBe(302);
    delete process.env.OIDC_ISSUER;
    delete process.env.OIDC_CLIENT_ID;
    delete process.env.OIDC_CLIENT_SECRET;
    resetEnvCache();
    expect((await post(admin.cookie, true)).status).toBe(400);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: o.id } })).passwordLoginDisabled).toBe(false);
  });

  it("refuses a login the user cancelled at the provider, audited, with a translated page and no session", async () => {
    idp.accounts.set("jules-sub", { sub: "jules-sub", email: "jules@ville.test", email_verified: true, name: "Jules" });
    const { authUrl, stateCookie } = await startLogin("jules-sub");
    const state = new URL(authUrl).searchParams.get("state")!;
    // What the provider sends back when the person refuses consent (RFC 6749 §4.1.2.1).
    const res = await call(callback.loader, request(`/auth/oidc/callback?error=access_denied&state=${state}`, { cookie: stateCookie }));
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ reason: "denied" });
    expect(sessionTokenOf(res)).toBeNull();
    expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"denied"');
    expect(await getDb().user.findUnique({ where: { email: "jules@ville.test" } })).toBeNull();
    // An unknown error name on the error page falls back to a translated reason, still without a session.
    const odd = await call(callback.loader, request("/auth/oidc/callback?registre_error=<script>"));
    expect(odd.data).toEqual({ reason: "token" });
    expect(sessionTokenOf(odd)).toBeNull();
  });

  it("refuses an ID token whose nonce, or a code whose PKCE verifier, does not match this login", async () => {
    idp.accounts.set("lea-sub", { sub: "lea-sub", email: "lea@ville.test", email_verified: true, name: "Léa" });
    for (const tamper of [{ nonce: "another-nonce-of-another-login" }, { codeVerifier: "x".repeat(64) }]) {
      const { authUrl, stateCookie } = await startLogin("lea-sub");
      const state = new URL(authUrl).searchParams.get("state")!;
      const back = await browseToCallback(authUrl, REDIRECT);
      // What an attacker who injects their own code or token would leave us with: a mismatch with what we kept.
      await getDb().oidcLoginState.update({ where: { state }, data: tamper });
      const res = await call(callback.loader, request(back.replace(APP, ""), { cookie: stateCookie }));
      expect(res.status, JSON.stringify(tamper)).toBe(400);
      expect(res.data).toEqual({ reason: "token" });
      expect(sessionTokenOf(res)).toBeNull();
      expect((await auditActions("sso.login_failed")).at(-1)!.details).toContain('"reason":"token"');
    }
    expect(await getDb().user.findUnique({ where: { email: "lea@ville.test" } })).toBeNull();
  });

  it("refuses a provider that answers with another issuer than the configured one, with no session", async () => {
    // The same server reached under another name announces "http://localhost:…": not the issuer we trust.
    configure(idp.issuer.replace("localhost", "127.0.0.1"));
    const states = await getDb().oidcLoginState.count();
    const start = await call(oidcLogin.loader, request("/auth/oidc/login"));
    expect(start.location).toBe("/auth/oidc/callback?registre_error=unavailable");
    expect(sessionTokenOf(start)).toBeNull();
    expect(await getDb().oidcLoginState.count()).toBe(states);
    const failed = (await auditActions("sso.login_failed")).at(-1)!;
    expect(failed.details).toContain('"step":"discovery"');
    expect(failed.details).toMatch(/issuer/i);
  });

  it("has a French and an English message for every failure the page can show", () => {
    for (const reason of ["unavailable", "state", "denied", "token", "unverified_email", "password_only"] as const) {
      const fr = translate("fr", `sso.error.${reason}`);
      const en = translate("en", `sso.error.${reason}`);
      expect(fr).not.toBe(`sso.error.${reason}`);
      expect(en).not.toBe(`sso.error.${reason}`);
      expect(fr).not.toBe(en);
    }
  });

  it("a new user with no invitation or rule asks for access, an ADMIN accepts, and the user reaches the register", async () => {
    const { org: town, departments } = await createOrg("Ville accueillante");
    const admin = await signedInMember(town.id, "ADMIN");
    idp.accounts.set("karim-sub", { sub: "karim-sub", email: "karim@ailleurs.test", email_verified: true, name: "Karim" });

    const { res } = await fullLogin("karim-sub");
    expect(res.status).toBe(302);
    // No role anywhere: sent to the access page rather than to the page asked for.
    expect(res.location).toBe("/access");
    const token = sessionTokenOf(res)!;
    const cookie = `${SESSION_COOKIE}=${token}`;
    const karim = (await validateSessionToken(token))!.user;
    expect(await getDb().membership.count({ where: { userId: karim.id } })).toBe(0);
    expect((await auditActions("sso.login")).at(-1)!).toMatchObject({ actorId: karim.id });
    expect((await call(register.loader, request(`/o/${town.slug}/activities`, { cookie }), { org: town.slug })).status).toBe(404);

    expect((await call(access.loader, request("/access", { cookie }))).status).toBe(200);
    const asked = await call(access.action, request("/access", { method: "POST", cookie, body: form({ slug: town.slug }) }));
    expect(asked.status).toBe(200);
    const req = await getDb().ssoAccessRequest.findFirstOrThrow({ where: { userId: karim.id, organizationId: town.id } });
    expect(await getDb().mailMessage.count({ where: { kind: "access_request.created", userId: admin.user.id } })).toBe(1);

    const accepted = await call(
      members.action,
      request(`/o/${town.slug}/members`, {
        method: "POST",
        cookie: admin.cookie,
        body: form({ intent: "accept-request", requestId: req.id, role: "EDITOR", departmentIds: [departments[0]!.id] }),
      }),
      { org: town.slug },
    );
    expect(accepted.status).toBe(302);
    expect(await getDb().mailMessage.count({ where: { kind: "access_request.accepted", userId: karim.id } })).toBe(1);

    const page = await call(register.loader, request(`/o/${town.slug}/activities`, { cookie }), { org: town.slug });
    expect(page.status).toBe(200);
    // The next SSO login goes where it was asked to.
    expect((await fullLogin("karim-sub")).res.location).toBe("/account");
  });
});

describe("ID tokens that a real provider issues wrongly", () => {
  /** Another oidc-provider, configured to misbehave, stands in for the usual one during `run`. */
  async function withProvider(options: { clockShiftSeconds?: number; idTokenSigning?: IdTokenSigning }, run: (p: TestIdp) => Promise<void>) {
    const other = await startIdp({
      port: await freePort(),
      clientId: "registre",
      clientSecret: "s3cret-registre-client",
      redirectUri: REDIRECT,
      postLogoutRedirectUri: `${APP}/login`,
      ...options,
    });
    configure(other.issuer);
    try {
      await run(other);
    } finally {
      await other.close();
    }
  }

  function account(name: string): TestAccount {
    return { sub: `${name}-sub`, email: `${name}@ville.test`, email_verified: true, name };
  }

  /** The control: the same provider setup with a sound token signs the person in. */
  async function expectSignedIn(p: TestIdp, who: TestAccount) {
    p.accounts.set(who.sub, who);
    const { res } = await fullLogin(who.sub, p);
    expect(res.status).toBe(302);
    expect((await validateSessionToken(sessionTokenOf(res)!))?.user.email).toBe(who.email);
  }

  /** The translated error page, no session, no account, and the failure in the audit log with its cause. */
  async function expectRefused(p: TestIdp, who: TestAccount, why: { code: string; cause: RegExp }) {
    p.accounts.set(who.sub, who);
    const sessions = await getDb().session.count();
    const { res } = await fullLogin(who.sub, p);
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ reason: "token" });
    expect(sessionTokenOf(res)).toBeNull();
    expect(setCookies(res).some((c) => c.startsWith("registre_oidc_state=;"))).toBe(true);
    expect(await getDb().session.count()).toBe(sessions);
    expect(await getDb().user.findUnique({ where: { email: who.email } })).toBeNull();
    expect(await getDb().ssoIdentity.findFirst({ where: { subject: who.sub } })).toBeNull();
    const failed = (await auditActions("sso.login_failed")).at(-1)!;
    const details = JSON.parse(failed.details!) as Record<string, string>;
    expect(details).toMatchObject({ reason: "token", code: why.code });
    // openid-client's own message, or the cause under it when the message is generic.
    expect(details.cause ?? details.error).toMatch(why.cause);
    expect(translate("fr", "sso.error.token")).toMatch(/vérifiée/);
    expect(translate("en", "sso.error.token")).toMatch(/could not be verified/);
  }

  it("refuses an ID token that had already expired when the provider issued it (its clock is behind)", async () => {
    // A provider 10 minutes behind still issues tokens valid for an hour: accepted.
    await withProvider({ clockShiftSeconds: -10 * 60 }, (p) => expectSignedIn(p, account("olga")));
    // One hour past the token's lifetime behind: every ID token it issues is expired on arrival.
    await withProvider({ clockShiftSeconds: -(ID_TOKEN_TTL_SECONDS + 60 * 60) }, (p) =>
      expectRefused(p, account("paul"), { code: "OAUTH_JWT_TIMESTAMP_CHECK_FAILED", cause: /"exp" .*expiration is past current timestamp/ }),
    );
  });

  it("refuses an ID token signed with a key the provider's JWKS does not hold", async () => {
    // External signing with the published key: accepted, so the next refusal is the signature's alone.
    await withProvider({ idTokenSigning: "external" }, (p) => expectSignedIn(p, account("quentin")));
    // The token names the published key but was signed with another one.
    await withProvider({ idTokenSigning: "forged" }, (p) =>
      expectRefused(p, account("rose"), { code: "OAUTH_INVALID_RESPONSE", cause: /^JWT signature verification failed$/ }),
    );
    // The token is signed with a key that the JWKS endpoint does not list at all.
    await withProvider({ idTokenSigning: "unpublished" }, (p) =>
      expectRefused(p, account("simon"), { code: "OAUTH_KEY_SELECTION_FAILED", cause: /no applicable keys found/ }),
    );
  });
});
