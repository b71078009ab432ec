/** Issue 16: "Any OIDC provider can be configured per instance from the environment, validated at start." */
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "~/utils/env.server.ts";
import { matchingRules, parseRoleRules } from "~/utils/oidc.server.ts";

const VARS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_PROVIDER_NAME", "OIDC_SCOPES", "OIDC_ROLE_RULES"] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
const FULL = { OIDC_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2", OIDC_CLIENT_ID: "registre", OIDC_CLIENT_SECRET: "s3cret" };

function withEnv(vars: Partial<Record<(typeof VARS)[number], string>>) {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

afterEach(() => {
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe("single sign-on settings, validated at start", () => {
  it("is off by default, and on with issuer, client id and secret (any provider)", () => {
    withEnv({});
    expect(getEnv().OIDC_ISSUER).toBeUndefined();
    expect(getEnv()).toMatchObject({ OIDC_PROVIDER_NAME: "SSO", OIDC_SCOPES: "openid email profile", OIDC_ROLE_RULES: "" });
    for (const issuer of ["https://auth.agentconnect.gouv.fr/api/v2", "https://sso.ville.fr/realms/agents", "https://login.microsoftonline.com/tid/v2.0"]) {
      withEnv({ ...FULL, OIDC_ISSUER: issuer, OIDC_PROVIDER_NAME: "ProConnect" });
      expect(getEnv()).toMatchObject({ OIDC_ISSUER: issuer, OIDC_PROVIDER_NAME: "ProConnect" });
    }
    withEnv({ ...FULL, OIDC_ISSUER: "http://localhost:8080/realms/test" });
    expect(getEnv().OIDC_ISSUER).toBe("http://localhost:8080/realms/test");
  });

  it("names the variable at fault and never echoes the secret", () => {
    withEnv({ OIDC_ISSUER: FULL.OIDC_ISSUER });
    expect(errorOf(getEnv)).toMatch(/OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together/);
    withEnv({ OIDC_CLIENT_ID: "registre", OIDC_CLIENT_SECRET: "tres-secret-value" });
    const msg = errorOf(getEnv);
    expect(msg).toMatch(/go together/);
    expect(msg).not.toContain("tres-secret-value");
    withEnv({ ...FULL, OIDC_ISSUER: "http://sso.ville.fr" });
    expect(errorOf(getEnv)).toMatch(/OIDC_ISSUER: must use https/);
    withEnv({ ...FULL, OIDC_ISSUER: "sso.ville.fr" });
    expect(errorOf(getEnv)).toMatch(/OIDC_ISSUER/);
    withEnv({ ...FULL, OIDC_SCOPES: "email profile" });
    expect(errorOf(getEnv)).toMatch(/OIDC_SCOPES: must include "openid"/);
    withEnv({ ...FULL, OIDC_ROLE_RULES: "domain:ville.fr=ville:OWNER" });
    expect(errorOf(getEnv)).toMatch(/OIDC_ROLE_RULES/);
    withEnv({ ...FULL, OIDC_ROLE_RULES: "ville.fr=ville:VIEWER" });
    expect(errorOf(getEnv)).toMatch(/OIDC_ROLE_RULES/);
  });

  it("maps a domain or a claim (string or list) to an organization and role; nothing else matches", () => {
    withEnv({ ...FULL, OIDC_ROLE_RULES: "domain:ville.fr=ville-a:VIEWER; claim:groups=registre-dpo=ville-a:DPO;claim:siret=21380185500015=ville-b:EDITOR" });
    const rules = parseRoleRules(getEnv().OIDC_ROLE_RULES);
    expect(rules).toEqual([
      { kind: "domain", domain: "ville.fr", org: "ville-a", role: "VIEWER" },
      { kind: "claim", claim: "groups", value: "registre-dpo", org: "ville-a", role: "DPO" },
      { kind: "claim", claim: "siret", value: "21380185500015", org: "ville-b", role: "EDITOR" },
    ]);
    const pick = (email: string, claims: Record<string, unknown>) => matchingRules(rules, email, claims).map((r) => `${r.org}:${r.role}`);
    expect(pick("a@ville.fr", {})).toEqual(["ville-a:VIEWER"]);
    expect(pick("a@sub.ville.fr", {})).toEqual([]);
    expect(pick("a@ville.fr.evil.test", {})).toEqual([]);
    expect(pick("a@ailleurs.fr", { groups: ["agents", "registre-dpo"] })).toEqual(["ville-a:DPO"]);
    expect(pick("a@ailleurs.fr", { groups: "registre-dpo" })).toEqual(["ville-a:DPO"]);
    expect(pick("a@ailleurs.fr", { groups: ["registre-dpo-x"], siret: "21380185500015" })).toEqual(["ville-b:EDITOR"]);
    expect(pick("a@ailleurs.fr", { siret: 21380185500015 })).toEqual([]);
  });
});
