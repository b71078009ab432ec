/**
 * ADR 022: portfolio exposure snapshots are refreshed by a background job, not by the DPO's next load.
 * A DPO service shares a vendor with eight communes (more than a portfolio request computes inline); a
 * ninth organization does not use it. Moving the vendor's hosting queues exactly the eight; the job
 * refreshes exactly them; a portfolio read during the refresh computes at most a few itself and shows
 * the others "updating" with their last level; the "changed" filter is right once the job has run; a
 * stale snapshot left by a previous process is found at startup; a failing organization does not stop
 * the others.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { filterAndSort, parsePortfolioQuery } from "~/analysis/portfolio.ts";
import { createActivity } from "~/models/activity.server.ts";
import { grantCatalogue, setVendorShared, subscribeVendor } from "~/models/catalogue.server.ts";
import {
  clearExposureQueue,
  enqueueExposureRefresh,
  exposureQueue,
  mayRetry,
  queuedExposureRefreshes,
  RETRY_AFTER_MS,
} from "~/models/exposure-queue.server.ts";
import { drainExposureQueue, startExposureRefresher, sweepStaleSnapshots, type ExposureRefresher } from "~/models/exposure-refresh.server.ts";
import { exposureSnapshots, exposureSnapshotStats, INLINE_SNAPSHOT_LIMIT, portfolioRows, refreshExposureSnapshot } from "~/models/portfolio.server.ts";
import { addLocation, createService, createVendor, linkActivity, removeLocation, type LocationInput } from "~/models/vendor.server.ts";
import * as portfolioRoute from "~/routes/portfolio._index.tsx";
import { createSession } from "~/models/session.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser, vendorFields } from "../helpers/factories.ts";

const location = (country: string): LocationInput => ({
  role: "STORAGE",
  country,
  region: null,
  providerServiceId: null,
  safeguard: null,
  tiaDone: false,
  safeguardUrl: null,
});

const COMMUNES = 8;
let service: { id: string; slug: string };
let communes: { id: string; slug: string }[] = [];
let other: { id: string };
let dpo: { id: string };
let serviceId: string;
let frLocationId: string;

/** Organizations whose snapshot is missing or older than their analysis. */
async function staleIds(): Promise<string[]> {
  const rows = await getDb().$queryRawUnsafe<{ id: string }[]>(
    `SELECT o."id" FROM "Organization" o LEFT JOIN "ExposureSnapshot" s ON s."organizationId" = o."id"
     WHERE s."organizationId" IS NULL OR s."analysisVersion" <> o."analysisVersion"`,
  );
  return rows.map((r) => r.id).sort();
}
const sorted = (ids: Iterable<string>) => [...ids].sort();
/** What a change of the shared vendor reaches: the subscribers, and its owner (its own vendor changed). */
const affected = () => sorted([service.id, ...communes.map((c) => c.id)]);

/** Drains the queue, recording which organizations were actually recomputed. */
async function drainRecording() {
  const outcomes = new Map<string, string>();
  const report = await drainExposureQueue({ refresh: async (id) => outcomes.set(id, await refreshExposureSnapshot(id)) });
  return { report, refreshed: sorted([...outcomes].filter(([, o]) => o === "refreshed").map(([id]) => id)) };
}

beforeAll(async () => {
  service = (await createOrg("Syndicat numérique")).org;
  dpo = await createUser();
  await addMember(dpo.id, service.id, "DPO");
  const v = await createVendor(dpo.id, service.id, vendorFields("Suite Mairie"));
  serviceId = (
    await createService(dpo.id, service.id, v.id, { name: "État civil en ligne", description: null, secNumCloudQualified: false, secNumCloudDate: null })
  ).id;
  frLocationId = (await addLocation(dpo.id, service.id, serviceId, location("FR"))).id;
  await setVendorShared(dpo.id, service.id, v.id, true);
  for (let i = 0; i < COMMUNES; i++) {
    const o = (await createOrg(`Commune ${i + 1}`)).org;
    await addMember(dpo.id, o.id, "DPO");
    await grantCatalogue(dpo.id, service.id, o.slug);
    await subscribeVendor(dpo.id, o.id, v.id);
    const a = await createActivity(dpo.id, o.id, { content: ActivityContentSchema.parse({ name: "État civil" }), departmentId: null });
    await linkActivity(dpo.id, o.id, a.id, { serviceId }, "PROCESSOR");
    communes.push(o);
  }
  other = (await createOrg("Commune sans le prestataire")).org;
  await addMember(dpo.id, other.id, "DPO");
  await createActivity(dpo.id, other.id, { content: ActivityContentSchema.parse({ name: "Cantine" }), departmentId: null });
  // The baseline: every snapshot computed once (a first computation never counts as a change).
  clearExposureQueue();
  await sweepStaleSnapshots();
  await drainExposureQueue();
  expect(await staleIds()).toEqual([]);
  communes = [...communes].sort((x, y) => x.id.localeCompare(y.id));
}, 60_000);

beforeEach(() => clearExposureQueue());

describe("after a shared vendor's change", () => {
  it("queues exactly the affected organizations, once each, after the commit", async () => {
    await addLocation(dpo.id, service.id, serviceId, location("US"));
    await removeLocation(dpo.id, service.id, frLocationId);
    // Two changes, nine organizations each: coalesced into nine entries. The other organization is not queued.
    const q = exposureQueue();
    expect(sorted(q.normal)).toEqual(affected());
    expect(q.urgent.size).toBe(0);
    expect(await staleIds()).toEqual(affected());
    // Not drained here: the next test is the job.
  });

  it("the job refreshes exactly those snapshots; the portfolio then shows the new levels and the changed marks", async () => {
    enqueueExposureRefresh(affected()); // what the previous test found queued (each test starts from an empty queue)
    const untouched = await getDb().exposureSnapshot.findUniqueOrThrow({ where: { organizationId: other.id } });
    const { report, refreshed } = await drainRecording();
    expect(report).toEqual({ refreshed: COMMUNES + 1, failed: 0 });
    expect(refreshed).toEqual(affected());
    expect(await staleIds()).toEqual([]);
    expect(await getDb().exposureSnapshot.findUniqueOrThrow({ where: { organizationId: other.id } })).toEqual(untouched);

    const before = exposureSnapshotStats.inline;
    const rows = await portfolioRows(dpo.id);
    expect(exposureSnapshotStats.inline).toBe(before); // nothing left to compute in the request
    for (const c of communes) {
      const row = rows.find((r) => r.id === c.id)!;
      expect(row.exposurePending).toBe(false);
      expect(row.exposure).not.toBe("eu");
      expect(row.previousExposure).toBe("eu");
      expect(row.exposureChangedAt).not.toBeNull();
    }
    const changed = filterAndSort(rows, parsePortfolioQuery(new URLSearchParams("changed=1")));
    expect(sorted(changed.map((r) => r.id))).toEqual(sorted(communes.map((c) => c.id)));
  });
});

describe("a portfolio read during the refresh", () => {
  it("computes at most a few snapshots itself, shows the others as updating with their last level, and queues them first", async () => {
    const levelBefore = (await portfolioRows(dpo.id)).find((r) => r.id === communes[0]!.id)!.exposure;
    // The vendor comes back to France: every commune's snapshot is stale again.
    const fr = await addLocation(dpo.id, service.id, serviceId, location("FR"));
    const us = await getDb().serviceLocation.findFirstOrThrow({ where: { serviceId, country: "US" } });
    await removeLocation(dpo.id, service.id, us.id);
    expect(fr.id).toBeTruthy();
    expect(await staleIds()).toEqual(affected());
    clearExposureQueue(); // as after a restart: only the database knows

    // The page (its loader), as the DPO opens it.
    const { token } = await createSession(dpo.id);
    const before = exposureSnapshotStats.inline;
    const data = await portfolioRoute.loader({
      request: new Request("http://localhost/portfolio", { headers: { Cookie: `${SESSION_COOKIE}=${token}` } }),
      params: {},
      context: { cspNonce: "", clientIp: null },
    });
    expect(exposureSnapshotStats.inline - before).toBe(INLINE_SNAPSHOT_LIMIT);
    expect(INLINE_SNAPSHOT_LIMIT).toBeLessThan(COMMUNES);
    const rows = data.rows;
    expect(rows).toHaveLength(COMMUNES + 2);
    const pending = rows.filter((r) => r.exposurePending);
    expect(pending).toHaveLength(COMMUNES + 1 - INLINE_SNAPSHOT_LIMIT);
    expect(data.pendingExposure).toBe(pending.length);
    // Their last known level, and their last known change, are shown.
    for (const r of pending.filter((x) => x.id !== service.id)) {
      expect(r.exposure).toBe(levelBefore);
      expect(r.previousExposure).toBe("eu");
    }
    // Those rows are still stale in the database, and queued ahead of the rest.
    expect(await staleIds()).toEqual(sorted(pending.map((r) => r.id)));
    expect(sorted(exposureQueue().urgent)).toEqual(sorted(pending.map((r) => r.id)));
    // The computed ones already show their new level (back to EU, changed from the previous one).
    for (const r of rows.filter((x) => communes.some((c) => c.id === x.id) && !x.exposurePending)) {
      expect(r.exposure).toBe("eu");
      expect(r.previousExposure).toBe(levelBefore);
    }

    // Once the job has run: nothing pending, every commune back to EU and marked changed.
    const { refreshed } = await drainRecording();
    expect(refreshed).toEqual(sorted(pending.map((r) => r.id)));
    const after = await portfolioRows(dpo.id);
    expect(after.some((r) => r.exposurePending)).toBe(false);
    const changed = filterAndSort(after, parsePortfolioQuery(new URLSearchParams("changed=1")));
    expect(sorted(changed.map((r) => r.id))).toEqual(sorted(communes.map((c) => c.id)));
    for (const r of changed) {
      expect(r.exposure).toBe("eu");
      expect(r.previousExposure).toBe(levelBefore);
    }
  });

  it("never computes more than the limit, whatever the number of stale rows", async () => {
    await getDb().organization.updateMany({ data: { analysisVersion: { increment: 1 } } });
    const before = exposureSnapshotStats.inline;
    await portfolioRows(dpo.id);
    expect(exposureSnapshotStats.inline - before).toBe(INLINE_SNAPSHOT_LIMIT);
    expect((await staleIds()).length).toBe(COMMUNES + 2 - INLINE_SNAPSHOT_LIMIT);
    await drainExposureQueue();
    expect(await staleIds()).toEqual([]);
  });
});

describe("restart and failures", () => {
  let refresher: ExposureRefresher | null = null;
  afterEach(async () => {
    await refresher?.stop();
    refresher = null;
  });

  it("a stale snapshot left by a previous process is picked up at startup", async () => {
    // A change committed just before the process stopped: its queue entry is lost, the database says stale.
    await getDb().organization.update({ where: { id: communes[2]!.id }, data: { analysisVersion: { increment: 1 } } });
    await getDb().exposureSnapshot.delete({ where: { organizationId: other.id } });
    expect(queuedExposureRefreshes()).toBe(0);
    expect(await staleIds()).toEqual(sorted([communes[2]!.id, other.id]));
    const background = exposureSnapshotStats.background;
    refresher = startExposureRefresher();
    await refresher.idle();
    expect(await staleIds()).toEqual([]);
    expect(exposureSnapshotStats.background - background).toBe(2);
  });

  it("the running worker picks up a change committed after it started", async () => {
    refresher = startExposureRefresher();
    await refresher.idle();
    await addLocation(dpo.id, service.id, serviceId, location("DE"));
    expect((await staleIds()).length).toBe(COMMUNES + 1);
    await refresher.idle();
    expect(await staleIds()).toEqual([]);
  });

  it("an organization that fails is logged and skipped; the others are refreshed; a read does not retry it at once", async () => {
    await getDb().organization.updateMany({ where: { id: { in: communes.slice(0, 3).map((c) => c.id) } }, data: { analysisVersion: { increment: 1 } } });
    const failing = communes[1]!.id;
    const refresh = async (id: string) => {
      if (id === failing) throw new Error("analysis failed");
      return refreshExposureSnapshot(id);
    };
    enqueueExposureRefresh(communes.slice(0, 3).map((c) => c.id));
    refresher = startExposureRefresher({ sweep: false, refresh });
    await refresher.idle();
    expect(await staleIds()).toEqual([failing]);
    const version = (await getDb().organization.findUniqueOrThrow({ where: { id: failing } })).analysisVersion;
    expect(exposureQueue().failures.get(failing)?.version).toBe(version);
    expect(mayRetry(failing, version)).toBe(false);
    // The portfolio does not try it again itself (a failing analysis must not break the page): shown as updating.
    const inline0 = exposureSnapshotStats.inline;
    expect((await portfolioRows(dpo.id)).find((r) => r.id === failing)!.exposurePending).toBe(true);
    expect(exposureSnapshotStats.inline).toBe(inline0);
    // A read that leaves it to the job shows it as updating, and does not queue it again before the retry delay.
    const shown = await exposureSnapshots([failing], new Date(), 0);
    expect(shown.get(failing)?.pending).toBe(true);
    expect(queuedExposureRefreshes()).toBe(0);
    expect(mayRetry(failing, version, Date.now() + RETRY_AFTER_MS)).toBe(true);
    // A new change of its analysis queues it again at once.
    await addLocation(dpo.id, service.id, serviceId, location("BE"));
    expect(exposureQueue().normal.has(failing)).toBe(true);
    await refresher.idle();
    expect(await staleIds()).toEqual([failing]); // still failing: logged, skipped, the queue emptied
    expect(queuedExposureRefreshes()).toBe(0);
  });
});
