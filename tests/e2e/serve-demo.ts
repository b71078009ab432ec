/**
 * The demo server of the browser tests. It seeds the demo city once, keeps a copy of that database,
 * and answers POST /reset on a control port (127.0.0.1 only, never part of the app) by closing the
 * database and putting the copy back. Every demo spec file resets in its beforeAll, so each starts
 * from the same seeded data whatever ran before it: the specs no longer depend on their order (ADR 017).
 */
import fs from "node:fs";
import http from "node:http";
import Database from "better-sqlite3";

// As `npm run demo`: mails go to a local SMTP catcher.
if (!process.env.SMTP_HOST && process.env.DEMO_SMTP !== "outbox") {
  const { DEMO_MAIL_DIR, startDemoSmtp } = await import("../../app/cli/demo-smtp.ts");
  const catcher = await startDemoSmtp(DEMO_MAIL_DIR);
  if (catcher)
    Object.assign(process.env, {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(catcher.port),
      SMTP_TLS: "none",
      MAIL_FROM: "Registre (démo) <registre@demo.invalid>",
    });
}

const { getEnv } = await import("../../app/utils/env.server.ts");
const { applyMigrations } = await import("../../app/cli/migrate.ts");
const { seedDemo } = await import("../../app/models/demo-seed.server.ts");
const { seedDemoPortfolio } = await import("../../app/models/demo-portfolio.server.ts");
const { disconnectDb } = await import("../../app/utils/db.server.ts");
const { serve } = await import("../../app/cli/serve.ts");

const env = getEnv();
const file = env.databaseFile;
const pristine = `${file}.pristine`;
const SIDE_FILES = ["-wal", "-shm", "-journal"];

for (const suffix of ["", ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
applyMigrations(env.databaseUrl);
// As `npm run demo`: the city, then the shared DPO's twelve member organizations.
await seedDemo(env.DEMO_PASSWORD ?? "demo-password-e2e");
await seedDemoPortfolio(env.DEMO_PASSWORD ?? "demo-password-e2e");
// Closing the last connection checkpoints the WAL into the file: the copy is the whole database.
await disconnectDb();
fs.copyFileSync(file, pristine);

/**
 * Copies the pristine database into the live one with SQLite's backup API. A file copy under open
 * connections (a request or a background job may reconnect at any moment) left them reading a file
 * whose WAL had just been deleted: SQLITE_IOERR_SHORT_READ, and the server died. The backup API
 * writes through SQLite's own locks, so every connection sees the restored pages.
 */
async function reset() {
  await disconnectDb(); // drops Prisma's statement caches; the next request reconnects
  const source = new Database(pristine, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file, { progress: () => 0x7fffffff }); // one step: one write transaction
  } finally {
    source.close();
  }
}

const controlPort = Number(process.env.E2E_CONTROL_PORT);
let queue = Promise.resolve();
http
  .createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/reset") {
      res.writeHead(404).end();
      return;
    }
    queue = queue.then(reset).then(
      () => void res.writeHead(204).end(),
      (err: unknown) => void res.writeHead(500).end(String(err)),
    );
  })
  .listen(controlPort, "127.0.0.1");

await serve({ migrate: false });
