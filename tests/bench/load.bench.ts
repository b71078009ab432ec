/**
 * npm run bench:load — 50 simulated users for 2 minutes on the demo city against the compiled server,
 * with a concurrent CLI import (see load-runner.ts). Prints one JSON line last:
 * requests, errors, lost_updates, p95_ms, rss_mb. Needs `npm run build` (builds what is missing).
 */
import { useTemporaryDatabase } from "./bench-utils.ts";

useTemporaryDatabase("load");
const { runLoad } = await import("./load-runner.ts");
const result = await runLoad({
  users: Number(process.env.BENCH_USERS ?? 50),
  durationMs: Number(process.env.BENCH_SECONDS ?? 120) * 1000,
  importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 1000),
  log: (s) => console.log(s),
});
console.log(JSON.stringify(result));
process.exit(0);
