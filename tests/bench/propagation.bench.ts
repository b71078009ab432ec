/**
 * npm run bench:propagation — a shared vendor used by 300 organizations × 100 activities (issue 14).
 * Measures the request that moves the vendor's hosting to the United States: the catalogue change, the
 * analysis version of the 300 organizations bumped, 300 impacts, the DPOs'/ADMINs' notifications and
 * the 300 audit events, in one transaction. The exposure changes themselves are computed lazily, on
 * first read: `exposure_changes_one_org_ms` is that first read for one organization.
 * Prints one JSON line last: propagate_vendor_change_ms (one change = one request; target < 2,000),
 * hosting_move_two_edits_ms (add the US location, remove the French one), exposure_changes_one_org_ms, rss_mb.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, useTemporaryDatabase } from "./bench-utils.ts";

const ORGS = Number(process.env.BENCH_ORGS ?? 300);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 100);
useTemporaryDatabase("propagation");
execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-propagation.ts"), String(ORGS), String(ACTIVITIES)], {
  stdio: "inherit",
  env: process.env,
});

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { addLocation, removeLocation } = await import("../../app/models/vendor.server.ts");
const { listExposureChanges } = await import("../../app/models/catalogue.server.ts");

await dbReady();
const db = getDb();
const owner = await db.organization.findUniqueOrThrow({ where: { slug: "service-dpo" } });
const dpo = await db.user.findUniqueOrThrow({ where: { email: "dpo@bench.example" } });
const service = await db.service.findFirstOrThrow({ where: { organizationId: owner.id } });
const france = await db.serviceLocation.findFirstOrThrow({ where: { serviceId: service.id } });
let peak = rssMb();

const t0 = performance.now();
// The hosting move: storage in the United States instead of France (two edits, as the vendor page makes them).
await addLocation(dpo.id, owner.id, service.id, {
  role: "STORAGE",
  country: "US",
  region: null,
  providerServiceId: null,
  safeguard: null,
  tiaDone: false,
  safeguardUrl: null,
});
const tAdd = performance.now() - t0;
await removeLocation(dpo.id, owner.id, france.id);
const twoEdits = Math.round((performance.now() - t0) * 100) / 100;
// One change of the shared vendor is one request (one unit of work): the first edit.
const propagate = Math.round(tAdd * 100) / 100;
peak = Math.max(peak, rssMb());

const impacts = await db.catalogueImpact.count();
const notifications = await db.notification.count();
if (impacts !== 2 * ORGS) throw new Error(`expected ${2 * ORGS} impacts, got ${impacts}`);
if (notifications !== 2 * 2 * ORGS) throw new Error(`expected ${4 * ORGS} notifications, got ${notifications}`);

const one = await db.organization.findUniqueOrThrow({ where: { slug: "commune-1" } });
const t1 = performance.now();
const changes = await listExposureChanges([one.id], new Date(0));
const lazy = Math.round((performance.now() - t1) * 100) / 100;
peak = Math.max(peak, rssMb());
const moved = changes.reduce((n, c) => n + c.activities.length, 0);
if (moved !== ACTIVITIES) throw new Error(`expected ${ACTIVITIES} activities to change exposure in commune-1, got ${moved}`);
await disconnectDb();

console.log(
  `propagation to ${ORGS} organizations × ${ACTIVITIES} activities: ${propagate} ms for one change (${twoEdits} ms for the two edits of a hosting move)`,
);
console.log(`first read of one organization's exposure changes: ${lazy} ms (${moved} activities changed level)`);
console.log(JSON.stringify({ propagate_vendor_change_ms: propagate, hosting_move_two_edits_ms: twoEdits, exposure_changes_one_org_ms: lazy, rss_mb: peak }));
