/** The production server: apply pending migrations, serve, and stop gracefully on SIGTERM/SIGINT. */
import type { Server } from "node:http";
import { applyMigrations } from "./migrate.ts";
import { createServer } from "../../server.ts";
import { disconnectDb } from "../utils/db.server.ts";
import { getEnv } from "../utils/env.server.ts";
import { drainJobs, runningJobs } from "../utils/jobs.server.ts";
import { logger } from "../utils/logger.server.ts";
import { flushApiTokenUses } from "../models/api-token.server.ts";
import { startScheduler } from "../models/scheduler.server.ts";
import { startScheduledTasks } from "../models/scheduled-tasks.server.ts";
import { recoverZipJobs } from "../models/register-zip.server.ts";
import { startExposureRefresher } from "../models/exposure-refresh.server.ts";

/** A shutdown that takes longer than this (a stuck request) ends with exit code 1. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

export async function serve(opts: { migrate?: boolean } = {}): Promise<Server> {
  const env = getEnv();
  if (opts.migrate !== false) applyMigrations(env.databaseUrl);
  const app = await createServer();
  // Register ZIPs the previous process was generating will never finish: say so on their pages (ADR 019).
  const interrupted = await recoverZipJobs();
  if (interrupted > 0) logger.warn({ interrupted }, "register ZIP jobs interrupted by the restart marked failed");
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(env.PORT, env.HOST, () => {
      logger.info({ port: env.PORT }, "Registre is listening");
      console.log(`Registre: http://localhost:${env.PORT}`);
      resolve(s);
    });
    // A port already taken is a setup problem: say which variable to change, without a stack trace.
    s.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${env.PORT} is already in use: stop the other server or set PORT`) : err),
    );
  });
  const stopTasks = startScheduledTasks();
  // Reminders, digests and mail retries run in this process: no external cron.
  const mailScheduler = env.SCHEDULER_ENABLED ? startScheduler() : null;
  // Portfolio exposure snapshots are refreshed in the background; stale ones left by the previous process
  // are found again by its first sweep (ADR 022).
  const exposureRefresher = startExposureRefresher();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, jobs: runningJobs() }, "shutting down: no new connections, finishing requests and jobs");
    const timer = setTimeout(() => {
      logger.error("shutdown timed out");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    stopTasks();
    mailScheduler?.stop();
    // The organization being refreshed is finished (drainJobs waits for it); the rest is found at the next start.
    void exposureRefresher.stop();
    // close() stops accepting, closes idle keep-alive connections and calls back once in-flight requests are answered.
    server.close((err) => {
      void (async () => {
        await drainJobs();
        await flushApiTokenUses().catch((e: unknown) => logger.error({ err: e }, "API use log not written"));
        await disconnectDb();
        logger.info("stopped");
        process.exit(err ? 1 : 0);
      })();
    });
    // Keep-alive connections that become idle after their last response must not hold the shutdown.
    const idle = setInterval(() => server.closeIdleConnections(), 200);
    idle.unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return server;
}
