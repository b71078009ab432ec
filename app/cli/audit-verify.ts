/** npm run audit:verify — recomputes the audit hash chain and names the first broken link. */
import { verifyAuditChain } from "../models/audit.server.ts";
import { disconnectDb } from "../utils/db.server.ts";
import { getEnv } from "../utils/env.server.ts";

try {
  const env = getEnv();
  const report = await verifyAuditChain();
  if (report.ok) {
    console.log(`Audit chain intact: ${report.count} event(s), last hash ${report.lastHash} (${env.databaseFile}).`);
  } else {
    console.error(`Audit chain BROKEN at event #${report.brokenAt} (${report.reason} mismatch) after ${report.count} valid event(s) (${env.databaseFile}).`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await disconnectDb();
}
