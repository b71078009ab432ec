import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "~/utils/env.server.ts";
import { DEFAULT_DATABASE_URL, projectRoot, resolveDatabaseUrl } from "~/utils/paths.ts";
import { root } from "../helpers/paths.ts";

const VARS = ["NODE_ENV", "PORT", "HOST", "DATABASE_URL", "PUBLIC_URL", "LOG_LEVEL", "SESSION_INACTIVITY_HOURS", "DEMO_PASSWORD", "TRUST_PROXY"] as const;
let saved: Record<string, string | undefined>;
/** process.env with NODE_ENV widened to a plain string, so any value can be set in a test. */
const penv = process.env as Record<string, string | undefined>;
let savedCwd: string;

beforeEach(() => {
  saved = Object.fromEntries(VARS.map((k) => [k, penv[k]]));
  savedCwd = process.cwd();
  resetEnvCache();
});

afterEach(() => {
  process.chdir(savedCwd);
  for (const k of VARS) {
    if (saved[k] === undefined) delete penv[k];
    else penv[k] = saved[k];
  }
  resetEnvCache();
});

function set(vars: Partial<Record<(typeof VARS)[number], string | undefined>>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete penv[k];
    else penv[k] = v;
  }
  resetEnvCache();
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return e as Error;
  }
  throw new Error("expected getEnv() to throw");
}

describe("getEnv", () => {
  it("the project root is the repository root", () => {
    expect(projectRoot).toBe(root);
  });

  it.each(["abc", "70000", "0", "-1", "3.5"])("rejects PORT=%j with a message naming PORT", (port) => {
    set({ PORT: port });
    const err = errorOf(() => getEnv());
    expect(err.message).toMatch(/Invalid configuration/);
    expect(err.message).toMatch(/\bPORT\b/);
    expect(err.message).not.toMatch(/DATABASE_URL/);
  });

  it.each(["postgres://localhost/registre", "./data/registre.db", "sqlite:./x.db", " file:./x.db"])(
    "rejects DATABASE_URL=%j with a message naming DATABASE_URL",
    (url) => {
      set({ DATABASE_URL: url });
      const err = errorOf(() => getEnv());
      expect(err.message).toMatch(/\bDATABASE_URL\b/);
      expect(err.message).toContain("file:");
    },
  );

  it("names every bad variable at once", () => {
    set({ PORT: "abc", DATABASE_URL: "mysql://x", SESSION_INACTIVITY_HOURS: "1", TRUST_PROXY: "maybe", PUBLIC_URL: "ftp://example.org", LOG_LEVEL: "loud" });
    const msg = errorOf(() => getEnv()).message;
    for (const name of ["PORT", "DATABASE_URL", "SESSION_INACTIVITY_HOURS", "TRUST_PROXY", "PUBLIC_URL", "LOG_LEVEL"])
      expect(msg).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("never echoes a secret value in the error", () => {
    set({ DEMO_PASSWORD: "s3cr" });
    const msg = errorOf(() => getEnv()).message;
    expect(msg).toMatch(/\bDEMO_PASSWORD\b/);
    expect(msg).not.toContain("s3cr");
  });

  it("applies the defaults", () => {
    set({
      NODE_ENV: undefined,
      PORT: undefined,
      HOST: undefined,
      DATABASE_URL: undefined,
      PUBLIC_URL: undefined,
      LOG_LEVEL: undefined,
      SESSION_INACTIVITY_HOURS: undefined,
      DEMO_PASSWORD: undefined,
      TRUST_PROXY: undefined,
    });
    const env = getEnv();
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.NODE_ENV).toBe("production");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.SESSION_INACTIVITY_HOURS).toBe(72);
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.PUBLIC_URL).toBeUndefined();
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/registre.db");
    expect(env.databaseFile).toBe(path.join(root, "data", "registre.db"));
    expect(env.databaseUrl).toBe(`file:${path.join(root, "data", "registre.db")}`);
  });

  it("coerces valid values", () => {
    set({ PORT: "8080", SESSION_INACTIVITY_HOURS: "8", TRUST_PROXY: "true", PUBLIC_URL: "https://registre.example", NODE_ENV: "development" });
    const env = getEnv();
    expect(env.PORT).toBe(8080);
    expect(env.SESSION_INACTIVITY_HOURS).toBe(8);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.PUBLIC_URL).toBe("https://registre.example");
    expect(env.NODE_ENV).toBe("development");
  });

  it("resolves a relative DATABASE_URL against the project root, not the working directory", () => {
    process.chdir(os.tmpdir());
    expect(process.cwd()).not.toBe(root);
    set({ DATABASE_URL: "file:./somewhere/test.db" });
    const env = getEnv();
    expect(env.databaseFile).toBe(path.join(root, "somewhere", "test.db"));
    expect(env.databaseUrl).toBe(`file:${path.join(root, "somewhere", "test.db")}`);
  });

  it("keeps an absolute DATABASE_URL and drops its query string from the file name", () => {
    const abs = path.join(os.tmpdir(), "registre-abs.db");
    set({ DATABASE_URL: `file:${abs}?connection_limit=1` });
    expect(getEnv().databaseFile).toBe(abs);
    expect(resolveDatabaseUrl("file::memory:")).toEqual({ url: "file::memory:", file: ":memory:" });
    expect(() => resolveDatabaseUrl("http://x")).toThrow(/DATABASE_URL/);
  });

  it("caches until resetEnvCache()", () => {
    set({ PORT: "4000" });
    const first = getEnv();
    process.env.PORT = "5000";
    expect(getEnv()).toBe(first);
    expect(getEnv().PORT).toBe(4000);
    resetEnvCache();
    expect(getEnv().PORT).toBe(5000);
  });
});

describe("after the env tests", () => {
  it("the test database URL set by setup-db is back in force", () => {
    resetEnvCache();
    expect(process.env.DATABASE_URL).toMatch(/^file:.*tests[/\\]\.tmp[/\\](.+[/\\])?test-[^/\\]+\.db$/);
    expect(getEnv().databaseFile).toBe(process.env.DATABASE_URL!.slice("file:".length));
  });
});
