import { z } from "zod";
import { resolveDatabaseUrl } from "./paths.ts";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^file:/, 'must be an SQLite URL starting with "file:", e.g. file:./data/registre.db')
      .optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SESSION_INACTIVITY_HOURS: z.coerce
      .number()
      .int()
      .min(2)
      .max(24 * 90)
      .default(72),
    DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    /** Sites allowed to embed the public register page (CSP frame-ancestors), e.g. "https://www.ville.fr". */
    PUBLIC_EMBED_ORIGINS: z
      .string()
      .regex(/^(\*|(https?:\/\/[^\s;,]+)(\s+https?:\/\/[^\s;,]+)*)$/, 'must be "*" or space-separated https:// origins')
      .default("*"),
    TRUST_PROXY: z.stringbool({ error: 'must be "true" or "false"' }).default(false),
    /**
     * How many reverse proxies in front of the server append to X-Forwarded-For. The client address is
     * the one that many hops from the right; anything further left was written by the client. Setting it
     * implies TRUST_PROXY; TRUST_PROXY=true alone means 1.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
    /** Days the IP address and user agent of a share-link access are kept; then they are erased (the access stays). */
    SHARE_IP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** Folder of the scheduled backups; unset: no scheduled backup. */
    BACKUP_DIR: z.string().min(1).optional(),
    BACKUP_INTERVAL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(24),
    BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    /** Outgoing mail. Without SMTP_HOST, mails stay in the outbox page an ADMIN can read. */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** implicit: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (local catcher only). */
    SMTP_TLS: z.enum(["implicit", "starttls", "none"], { error: 'must be "implicit", "starttls" or "none"' }).default("starttls"),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** Sender, e.g. "Registre <registre@ville.fr>". */
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address or "Name <address>"')
      .optional(),
    /** Hour (0-23, Europe/Paris) at which daily digests are sent. */
    MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    /** A submitted declaration waiting longer than this many days triggers a reminder to the DPOs. */
    REMINDER_SUBMITTED_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    /** Days before a review or DPA review date at which the "due soon" reminder is sent. */
    REMINDER_DUE_SOON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Run the in-process scheduler (reminders, digests, mail retries). */
    SCHEDULER_ENABLED: z.stringbool({ error: 'must be "true" or "false"' }).default(true),
    /** REST API: requests per minute per personal access token (429 with Retry-After above). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /** Single sign-on (OpenID Connect). All three are needed to turn it on. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's absolute issuer URL" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Label of the sign-in button, e.g. "ProConnect". */
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).default("SSO"),
    OIDC_SCOPES: z
      .string()
      .regex(/(^|\s)openid(\s|$)/, 'must include "openid"')
      .default("openid email profile"),
    /**
     * Rules giving a new SSO user a role, separated by ";": "domain:ville.fr=ville-saint-martin:VIEWER" or
     * "claim:groups=registre-dpo=ville-saint-martin:DPO". Without a matching rule the user has no role.
     */
    OIDC_ROLE_RULES: z
      .string()
      .regex(
        /^\s*((domain:[a-z0-9.-]+|claim:[A-Za-z0-9_.-]+=[^=;]+)=[a-z0-9-]+:(ADMIN|DPO|EDITOR|VIEWER)\s*(;\s*|$))*$/,
        'must look like "domain:ville.fr=org-slug:VIEWER; claim:groups=dpo=org-slug:DPO"',
      )
      .default(""),
    /**
     * Platform administrators (ADR 020): e-mail addresses, separated by commas or spaces, of the people
     * who keep the instance catalogue offered to every organization. Empty: no platform administrator.
     */
    PLATFORM_ADMINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((e) => e.toLowerCase()),
      )
      .pipe(z.array(z.email({ error: "must be e-mail addresses separated by commas" }))),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3)
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together" });
    if (env.OIDC_ISSUER && env.OIDC_ISSUER.startsWith("http:") && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(env.OIDC_ISSUER)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must use https (http only for localhost)" });
    }
    if (env.SMTP_HOST && !env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_HOST is set" });
    if (!env.SMTP_HOST) {
      for (const k of ["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD"] as const) {
        if (env[k] !== undefined) ctx.addIssue({ code: "custom", path: [k], message: "is set but SMTP_HOST is not" });
      }
    }
    if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [env.SMTP_USER ? "SMTP_PASSWORD" : "SMTP_USER"], message: "SMTP_USER and SMTP_PASSWORD go together" });
    }
  });

export type Env = z.infer<typeof EnvSchema> & { databaseFile: string; databaseUrl: string };

/** The value for Express's "trust proxy": a hop count, never `true` (which trusts a client-chosen X-Forwarded-For). */
export function trustedProxyHops(env: Pick<Env, "TRUST_PROXY" | "TRUST_PROXY_HOPS">): number {
  if (env.TRUST_PROXY_HOPS !== undefined) return env.TRUST_PROXY_HOPS;
  return env.TRUST_PROXY ? 1 : 0;
}

declare global {
  var __registreEnv: Env | undefined;
}

/**
 * Parsed once per process; a bad variable stops the process with a message naming it. The cache lives
 * on globalThis because the server bundle and the Remix build each carry a copy of this module.
 */
export function getEnv(): Env {
  const cached = globalThis.__registreEnv;
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  const { url, file } = resolveDatabaseUrl(parsed.data.DATABASE_URL);
  globalThis.__registreEnv = { ...parsed.data, databaseUrl: url, databaseFile: file };
  return globalThis.__registreEnv;
}

/** For tests that change the environment between runs. */
export function resetEnvCache() {
  globalThis.__registreEnv = undefined;
}
