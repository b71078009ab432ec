/**
 * npm run demo — recreates data/demo.db (or DATABASE_URL), seeds the demo city and serves it.
 * The accounts' password is DEMO_PASSWORD when set, otherwise a random one printed here.
 */
import crypto from "node:crypto";
import fs from "node:fs";

process.env.DATABASE_URL ||= "file:./data/demo.db";

const { getEnv } = await import("../utils/env.server.ts");
const { applyMigrations } = await import("./migrate.ts");
const { DEMO_ACCOUNTS, DEMO_ORG_SLUG, seedDemo } = await import("../models/demo-seed.server.ts");
const { serve } = await import("./serve.ts");

try {
  const env = getEnv();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(env.databaseFile + suffix, { force: true });
  applyMigrations(env.databaseUrl);
  const password = env.DEMO_PASSWORD ?? crypto.randomBytes(9).toString("base64url");
  await seedDemo(password);
  console.log(`Demo database: ${env.databaseFile} (organization "${DEMO_ORG_SLUG}")`);
  console.log("Demo accounts (password below):");
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role}`);
  console.log(env.DEMO_PASSWORD ? "  password: the value of DEMO_PASSWORD" : `  password: ${password}`);
  await serve({ migrate: false });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
