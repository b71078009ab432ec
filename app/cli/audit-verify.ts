/**
 * npm run audit:verify [-- --anchor HASH] — recomputes the audit hash chain and names the first broken
 * link. With --anchor (the hash printed on an export), also proves the log still contains that event:
 * a truncation or a rewrite at or before it removes the hash. Exit codes: 0 intact, 1 broken or anchor
 * missing, 2 usage or runtime error.
 */
import { parseArgs } from "node:util";
import { verifyAuditAnchor, verifyAuditChain } from "../models/audit.server.ts";
import { disconnectDb } from "../utils/db.server.ts";
import { getEnv } from "../utils/env.server.ts";

try {
  const { values } = parseArgs({ options: { anchor: { type: "string" } } });
  const anchor = values.anchor
    ?.trim()
    .toLowerCase()
    .replace(/^#\d+\s+/, "");
  if (anchor !== undefined && !/^[0-9a-f]{64}$/.test(anchor)) {
    console.error("--anchor expects the 64-hexadecimal-digit hash printed on an export.");
    process.exitCode = 2;
  } else {
    const env = getEnv();
    const report = anchor ? await verifyAuditAnchor(anchor) : { ...(await verifyAuditChain()), anchor: null };
    if (report.ok) {
      console.log(`Audit chain intact: ${report.count} event(s), last hash ${report.lastHash} (${env.databaseFile}).`);
    } else {
      console.error(`Audit chain BROKEN at event #${report.brokenAt} (${report.reason} mismatch) after ${report.count} valid event(s) (${env.databaseFile}).`);
      process.exitCode = 1;
    }
    if (report.anchor?.found) console.log(`Anchor ${anchor} found: event #${report.anchor.seq} is still in the intact chain.`);
    else if (report.anchor) {
      console.error(`Anchor ${anchor} NOT FOUND: the log was truncated or rewritten at or before the anchored event.`);
      process.exitCode = 1;
    }
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await disconnectDb();
}
