import fs from "node:fs";
import path from "node:path";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

export const E2E_PASSWORD = "demo-password-e2e";
// E2E_PORT_BASE lets several checkouts run their browser tests side by side on one machine.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const FRESH_PORT = PORT_BASE + 1;
const DEMO_PORT = PORT_BASE + 2;
const FIRST_HOUR_PORT = PORT_BASE + 3;
/** The demo harness's control port: POST /reset puts the seeded database back (tests/e2e/serve-demo.ts). */
export const DEMO_CONTROL_PORT = PORT_BASE + 4;

/** The specs served by the demo server; each resets the database first, so their order does not matter. */
const OWN_SERVER_SPECS = ["first-run.spec.ts", "first-hour.spec.ts"];
const DEMO_SPECS = fs
  .readdirSync(path.join(import.meta.dirname, "tests", "e2e"))
  .filter((f) => f.endsWith(".spec.ts") && !OWN_SERVER_SPECS.includes(f))
  .sort();
const demoUse = { baseURL: `http://localhost:${DEMO_PORT}` };

/**
 * E2E_ORDER=reverse runs the demo specs in reverse alphabetical order (one project per file, each
 * depending on the one before), to prove that no spec relies on state another one left (ADR 017).
 */
const demoProjects: NonNullable<PlaywrightTestConfig["projects"]> =
  process.env.E2E_ORDER === "reverse"
    ? [...DEMO_SPECS].reverse().map((f, i, all) => ({ name: `demo:${f}`, testMatch: f, dependencies: i ? [`demo:${all[i - 1]}`] : [], use: demoUse }))
    : [{ name: "demo", testMatch: DEMO_SPECS, use: demoUse }];

/** Debian's Chromium, headless, with no background traffic (the machine has no outside network). */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    locale: "fr-FR",
    trace: "off",
  },
  projects: [
    { name: "first-run", testMatch: "first-run.spec.ts", use: { baseURL: `http://localhost:${FRESH_PORT}` } },
    { name: "first-hour", testMatch: "first-hour.spec.ts", use: { baseURL: `http://localhost:${FIRST_HOUR_PORT}` } },
    ...demoProjects,
  ],
  webServer: [
    {
      command: "tsx tests/e2e/serve-fresh.ts",
      url: `http://localhost:${FRESH_PORT}/healthz`,
      env: { PORT: String(FRESH_PORT), DATABASE_URL: "file:./tests/.tmp/e2e-fresh.db", LOG_LEVEL: "warn" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: "tsx tests/e2e/serve-fresh.ts",
      url: `http://localhost:${FIRST_HOUR_PORT}/healthz`,
      env: { PORT: String(FIRST_HOUR_PORT), DATABASE_URL: "file:./tests/.tmp/e2e-first-hour.db", LOG_LEVEL: "warn" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: "tsx tests/e2e/serve-demo.ts",
      url: `http://localhost:${DEMO_PORT}/healthz`,
      env: {
        PORT: String(DEMO_PORT),
        E2E_CONTROL_PORT: String(DEMO_CONTROL_PORT),
        DATABASE_URL: "file:./tests/.tmp/e2e-demo.db",
        DEMO_PASSWORD: E2E_PASSWORD,
        LOG_LEVEL: "warn",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
