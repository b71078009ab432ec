/** Periodic tasks of a running server. Returns a function that stops them (graceful shutdown). */
import path from "node:path";
import { scheduledBackup } from "./backup.server.ts";
import { purgeShareAccessIps } from "./export-log.server.ts";
import { purgeZipJobs } from "./register-zip.server.ts";
import { anonymizeExpiredRequestsEverywhere } from "./request.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { projectRoot } from "~/utils/paths.ts";
import { trackJob } from "~/utils/jobs.server.ts";
import { logger } from "~/utils/logger.server.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export function startScheduledTasks(): () => void {
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, task: () => Promise<unknown>, firstAfterMs = ms) => {
    const run = () => {
      trackJob(task()).catch((err: unknown) => logger.error({ task: name, err: err instanceof Error ? err.message : String(err) }, "scheduled task failed"));
    };
    const first = setTimeout(() => {
      run();
      const t = setInterval(run, ms);
      t.unref();
      timers.push(t);
    }, firstAfterMs);
    first.unref();
    timers.push(first);
  };
  // Share-link recipients' addresses past their retention period (issue 12 §10).
  every(DAY_MS, "purge-share-ips", () => purgeShareAccessIps(), 60_000);
  // Requesters' details past each organization's retention period (issue 15).
  every(DAY_MS, "anonymize-requests", () => anonymizeExpiredRequestsEverywhere(), 90_000);
  // Register ZIPs past their retention period, with their files (ADR 019).
  every(DAY_MS, "purge-register-zips", () => purgeZipJobs(), 120_000);
  const env = getEnv();
  if (env.BACKUP_DIR) {
    const dir = path.resolve(projectRoot, env.BACKUP_DIR);
    every(env.BACKUP_INTERVAL_HOURS * 60 * 60 * 1000, "backup", async () => {
      const { file, removed } = await scheduledBackup(dir, env.BACKUP_RETENTION_DAYS);
      logger.info({ file: path.basename(file), removed: removed.length }, "scheduled backup written");
    });
  }
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
