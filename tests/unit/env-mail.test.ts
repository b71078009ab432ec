import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "~/utils/env.server.ts";

const VARS = [
  "SMTP_HOST",
  "SMTP_PORT",
  "SMTP_TLS",
  "SMTP_USER",
  "SMTP_PASSWORD",
  "MAIL_FROM",
  "MAIL_DIGEST_HOUR",
  "REMINDER_SUBMITTED_DAYS",
  "REMINDER_DUE_SOON_DAYS",
  "SCHEDULER_ENABLED",
] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));

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

describe("mail and scheduler settings, validated at start", () => {
  it("has safe defaults: no SMTP (outbox), STARTTLS when configured, scheduler on", () => {
    withEnv({});
    expect(getEnv().SMTP_HOST).toBeUndefined();
    expect(getEnv()).toMatchObject({
      SMTP_TLS: "starttls",
      MAIL_DIGEST_HOUR: 7,
      REMINDER_SUBMITTED_DAYS: 7,
      REMINDER_DUE_SOON_DAYS: 30,
      SCHEDULER_ENABLED: true,
    });
    withEnv({
      SMTP_HOST: "smtp.ville.fr",
      SMTP_PORT: "465",
      SMTP_TLS: "implicit",
      SMTP_USER: "registre",
      SMTP_PASSWORD: "secret",
      MAIL_FROM: "Registre <registre@ville.fr>",
    });
    expect(getEnv()).toMatchObject({ SMTP_PORT: 465, SMTP_TLS: "implicit" });
  });

  it("names the variable at fault", () => {
    withEnv({ SMTP_HOST: "smtp.ville.fr" });
    expect(errorOf(getEnv)).toMatch(/MAIL_FROM: is required when SMTP_HOST is set/);
    withEnv({ SMTP_HOST: "smtp.ville.fr", MAIL_FROM: "pas une adresse" });
    expect(errorOf(getEnv)).toMatch(/MAIL_FROM/);
    withEnv({ SMTP_HOST: "smtp.ville.fr", MAIL_FROM: "a@b.fr", SMTP_TLS: "ssl" });
    expect(errorOf(getEnv)).toMatch(/SMTP_TLS/);
    withEnv({ SMTP_HOST: "smtp.ville.fr", MAIL_FROM: "a@b.fr", SMTP_USER: "u" });
    expect(errorOf(getEnv)).toMatch(/SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together/);
    withEnv({ SMTP_PORT: "25" });
    expect(errorOf(getEnv)).toMatch(/SMTP_PORT: is set but SMTP_HOST is not/);
    withEnv({ MAIL_DIGEST_HOUR: "24" });
    expect(errorOf(getEnv)).toMatch(/MAIL_DIGEST_HOUR/);
    withEnv({ SCHEDULER_ENABLED: "maybe" });
    expect(errorOf(getEnv)).toMatch(/SCHEDULER_ENABLED/);
  });
});
