import { z } from "zod";
import { resolveDatabaseUrl } from "./paths.ts";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, 'must be an SQLite URL starting with "file:", e.g. file:./data/registre.db')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_INACTIVITY_HOURS: z.coerce.number().int().min(2).max(24 * 90).default(72),
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
  BACKUP_INTERVAL_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(24),
  BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
});

export type Env = z.infer<typeof EnvSchema> & { databaseFile: string; databaseUrl: string };

/** The value for Express's "trust proxy": a hop count, never `true` (which trusts a client-chosen X-Forwarded-For). */
export function trustedProxyHops(env: Pick<Env, "TRUST_PROXY" | "TRUST_PROXY_HOPS">): number {
  if (env.TRUST_PROXY_HOPS !== undefined) return env.TRUST_PROXY_HOPS;
  return env.TRUST_PROXY ? 1 : 0;
}

declare global {
  // eslint-disable-next-line no-var
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
