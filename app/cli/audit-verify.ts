/**
 * npm run audit:verify [-- --anchor HASH] — recomputes the audit hash chain and names the first broken
 * link. With --anchor (the hash printed on an export), also proves the log still contains that event:
 * a truncation or a rewrite at or before it removes the hash. Exit codes: 0 intact, 1 broken or anchor
 * missing, 2 usage or runtime error.
 */
import { parseArgs } from "node:util";
import { verifyAuditAnchor, verifyAuditChain } from "../models/audit.server.ts";
import { getEnv } from "../utils/env.server.ts";
import { runCli } from "./run.ts";

await runCli(
  async () => {
    const { values } = parseArgs({ options: { anchor: { type: "string" } } });
    const anchor = values.anchor
      ?.trim()
      .toLowerCase()
      .replace(/^#\d+\s+/, "");
    if (anchor !== undefined && !/^[0-9a-f]{64}$/.test(anchor)) {
      console.error("--anchor expects the 64-hexadecimal-digit hash printed on an export.");
      return 2;
    }
    const env = getEnv();
    const report = anchor ? await verifyAuditAnchor(anchor) : { ...(await verifyAuditChain()), anchor: null };
    let code = 0;
    if (report.ok) {
      console.log(`Audit chain intact: ${report.count} event(s), last hash ${report.lastHash} (${env.databaseFile}).`);
    } else {
      console.error(`Audit chain BROKEN at event #${report.brokenAt} (${report.reason} mismatch) after ${report.count} valid event(s) (${env.databaseFile}).`);
      code = 1;
    }
    if (report.anchor?.found) console.log(`Anchor ${anchor} found: event #${report.anchor.seq} is still in the intact chain.`);
    else if (report.anchor) {
      console.error(`Anchor ${anchor} NOT FOUND: the log was truncated or rewritten at or before the anchored event.`);
      code = 1;
    }
    return code;
  },
  { errorCode: 2 },
);
