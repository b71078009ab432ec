/**
 * OpenID Connect relying party (openid-client): discovery, the authorization URL with PKCE, state and
 * nonce, and the code exchange, which checks the ID token's issuer, audience, expiry, nonce and its
 * signature against the provider's JWKS.
 */
import * as client from "openid-client";
import { getEnv } from "./env.server.ts";

/** The short-lived cookie binding an authorization request to this browser (login and callback routes). */
export const OIDC_STATE_COOKIE = "registre_oidc_state";

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; scopes: string; providerName: string };

export function oidcSettings(): OidcSettings | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES,
    providerName: env.OIDC_PROVIDER_NAME,
  };
}

let cached: { key: string; config: client.Configuration } | undefined;

/** The provider's metadata, discovered once and kept; a failure is retried on the next login. */
export async function oidcConfig(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (cached?.key === key) return cached.config;
  const insecure = s.issuer.startsWith("http:");
  const config = await client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
    execute: [
      // By default openid-client does not check the signature of an ID token received from the token
      // endpoint (TLS vouches for the issuer). We check it against the provider's JWKS anyway (issue 16):
      // a token signed with a key the provider does not publish is refused (tests/unit/sso.test.ts).
      client.enableNonRepudiationChecks,
      // Plain http is only accepted for localhost (checked in env.server.ts), for local providers and tests.
      ...(insecure ? [client.allowInsecureRequests] : []),
    ],
    timeout: 10,
  });
  cached = { key, config };
  return config;
}

export function resetOidcCache() {
  cached = undefined;
}

export async function authorizationRequest(s: OidcSettings, redirectUri: string) {
  const config = await oidcConfig(s);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: s.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

export type VerifiedClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  claims: Record<string, unknown>;
  idToken: string;
};

export async function exchangeCode(s: OidcSettings, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedClaims> {
  const config = await oidcConfig(s);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error("no ID token");
  // Many providers (ProConnect, oidc-provider by default) put e-mail and profile only in UserInfo; its
  // subject must be the ID token's (checked by fetchUserInfo).
  let claims: Record<string, unknown> = { ...idClaims };
  if (typeof idClaims.email !== "string" || idClaims.email_verified === undefined) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...info, ...idClaims, email: info.email ?? idClaims.email, email_verified: info.email_verified ?? idClaims.email_verified };
  }
  return {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" ? claims.name : null,
    claims,
    idToken: tokens.id_token,
  };
}

export async function endSessionUrl(s: OidcSettings, postLogoutRedirectUri: string, idTokenHint?: string): Promise<string | null> {
  const config = await oidcConfig(s);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      client_id: s.clientId,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    })
    .toString();
}

export type RoleRule =
  | { kind: "domain"; domain: string; org: string; role: "ADMIN" | "DPO" | "EDITOR" | "VIEWER" }
  | { kind: "claim"; claim: string; value: string; org: string; role: "ADMIN" | "DPO" | "EDITOR" | "VIEWER" };

/** OIDC_ROLE_RULES, already validated by its pattern in env.server.ts. */
export function parseRoleRules(raw: string): RoleRule[] {
  return raw
    .split(";")
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const eq = r.lastIndexOf("=");
      const [org, role] = r.slice(eq + 1).split(":") as [string, RoleRule["role"]];
      const left = r.slice(0, eq);
      if (left.startsWith("domain:")) return { kind: "domain" as const, domain: left.slice(7).toLowerCase(), org, role };
      const [claim, ...value] = left.slice(6).split("=");
      return { kind: "claim" as const, claim: claim!, value: value.join("="), org, role };
    });
}

export function matchingRules(rules: RoleRule[], email: string, claims: Record<string, unknown>): RoleRule[] {
  const domain = email.split("@")[1] ?? "";
  return rules.filter((r) => {
    if (r.kind === "domain") return r.domain === domain;
    const v = claims[r.claim];
    return Array.isArray(v) ? v.includes(r.value) : v === r.value;
  });
}
