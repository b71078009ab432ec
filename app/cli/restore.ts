/**
 * npm run restore -- --file FILE [--check]: checks a backup (checksums, SQLite integrity, audit chain)
 * and restores it over the configured database. Stop the server first. With --check, only checks.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { checkBackup, restoreBackup } from "../models/backup.server.ts";
import { getEnv } from "../utils/env.server.ts";
import { runCli } from "./run.ts";

await runCli(async () => {
  const { values } = parseArgs({ options: { file: { type: "string" }, check: { type: "boolean", default: false } } });
  if (!values.file) {
    console.error("Usage: npm run restore -- --file FILE [--check]");
    return 2;
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.file);
  const res = values.check ? { ...(await checkBackup(file)), previous: null } : await restoreBackup(file);
  const summary = `${res.counts.organizations} organization(s), ${res.counts.activities} activitie(s), ${res.counts.auditEvents} audit event(s); integrity ${res.integrity}; audit chain ${res.chain.ok ? "intact" : `BROKEN at #${res.chain.brokenAt}`}`;
  if (values.check) {
    console.log(`Backup of ${res.manifest.createdAt} checked: ${summary}.`);
    return res.integrity !== "ok" || !res.chain.ok ? 1 : 0;
  }
  console.log(`Restored the backup of ${res.manifest.createdAt} into ${getEnv().databaseFile}: ${summary}.`);
  if (res.previous) console.log(`The previous database is kept as ${res.previous}.`);
  return 0;
});
