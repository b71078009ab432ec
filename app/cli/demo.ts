/**
 * npm run demo — recreates data/demo.db (or DATABASE_URL), seeds the demo city and serves it.
 * The accounts' password is DEMO_PASSWORD when set, otherwise a random one printed here.
 */
import crypto from "node:crypto";
import fs from "node:fs";

process.env.DATABASE_URL ||= "file:./data/demo.db";

// Mails: a configured SMTP server wins; otherwise a local catcher (DEMO_SMTP=outbox keeps them in the outbox page).
if (!process.env.SMTP_HOST && process.env.DEMO_SMTP !== "outbox") {
  const { DEMO_MAIL_DIR, startDemoSmtp } = await import("./demo-smtp.ts");
  const catcher = await startDemoSmtp(DEMO_MAIL_DIR);
  if (catcher) {
    Object.assign(process.env, {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(catcher.port),
      SMTP_TLS: "none",
      MAIL_FROM: "Registre (démo) <registre@demo.invalid>",
    });
    console.log(`Demo mails are caught by a local SMTP server and saved in ${DEMO_MAIL_DIR}/`);
  } else console.log("Demo mails stay in the outbox page (Messages, as ADMIN)");
}

const { getEnv } = await import("../utils/env.server.ts");
const { applyMigrations } = await import("./migrate.ts");
const { DEMO_ACCOUNTS, DEMO_ORG_SLUG, seedDemo } = await import("../models/demo-seed.server.ts");
const { serve } = await import("./serve.ts");
const { DEMO_MEMBERS, DEMO_SHARED_DPO } = await import("../demo/portfolio.ts");
const { seedDemoPortfolio } = await import("../models/demo-portfolio.server.ts");
const { runCli } = await import("./run.ts");

await runCli(
  async () => {
    const env = getEnv();
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(env.databaseFile + suffix, { force: true });
    applyMigrations(env.databaseUrl);
    const password = env.DEMO_PASSWORD ?? crypto.randomBytes(9).toString("base64url");
    await seedDemo(password);
    await seedDemoPortfolio(password);
    console.log(`Demo database: ${env.databaseFile} (organization "${DEMO_ORG_SLUG}")`);
    console.log("Demo accounts (password below):");
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role}`);
    console.log(`  ${DEMO_SHARED_DPO.email.padEnd(26)} DPO of ${DEMO_MEMBERS.length} organizations (/portfolio)`);
    console.log(env.DEMO_PASSWORD ? "  password: the value of DEMO_PASSWORD" : `  password: ${password}`);
    await serve({ migrate: false });
  },
  { serving: true },
);
