/** npm run backup -- --out FILE: consistent online backup of the database and the stored files (the server may run). */
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "../models/backup.server.ts";
import { getEnv } from "../utils/env.server.ts";
import { runCli } from "./run.ts";

await runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("Usage: npm run backup -- --out FILE");
    return 2;
  }
  // npm runs scripts from the project root: a relative path means the caller's directory.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const m = await createBackup(out);
  const bytes = m.entries.reduce((s, e) => s + e.size, 0);
  console.log(`Backup written: ${out} (${getEnv().databaseFile}, ${m.entries.length - 1} stored file(s), ${bytes} bytes before compression).`);
  return 0;
});
