/** npm start: apply pending migrations, then serve. */
import { applyMigrations } from "./migrate.ts";
import { createServer } from "../../server.ts";
import { getEnv } from "../utils/env.server.ts";
import { logger } from "../utils/logger.server.ts";
import { startScheduler } from "../models/scheduler.server.ts";

export async function serve(opts: { migrate?: boolean } = {}) {
  const env = getEnv();
  if (opts.migrate !== false) applyMigrations(env.databaseUrl);
  const app = await createServer();
  // Reminders, digests and mail retries run in this process: no external cron.
  if (env.SCHEDULER_ENABLED) startScheduler();
  return new Promise<void>((resolve) => {
    app.listen(env.PORT, env.HOST, () => {
      logger.info({ port: env.PORT }, "Registre is listening");
      console.log(`Registre: http://localhost:${env.PORT}`);
      resolve();
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
