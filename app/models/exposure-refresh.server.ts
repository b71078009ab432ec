/**
 * The background refresh of exposure snapshots (ADR 022). Drains the queue of exposure-queue.server.ts one
 * organization at a time, yielding to the event loop (setImmediate) after each, so that a shared vendor's
 * change reaching 300 organizations never holds another user's request for longer than one
 * organization's analysis. A failing organization is logged and skipped (retried after a delay or on its
 * next change); the queue goes on. At startup, and when the queue overflowed, the database is swept for
 * stale snapshots: a restart loses nothing but the queue's order.
 */
import { logger } from "~/utils/logger.server.ts";
import { trackJob } from "~/utils/jobs.server.ts";
import { getAnalysisVersion } from "./analysis-version.server.ts";
import { exposureQueue, MAX_QUEUED, recordExposureFailure, takeNextExposureRefresh } from "./exposure-queue.server.ts";
import { refreshExposureSnapshot, staleSnapshotOrganizationIds } from "./portfolio.server.ts";

export type DrainReport = { refreshed: number; failed: number };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Queues every organization whose snapshot is missing or stale (a page of ids at a time). */
export async function sweepStaleSnapshots(): Promise<number> {
  const q = exposureQueue();
  q.overflow = false;
  let after = "";
  let n = 0;
  for (;;) {
    const ids = await staleSnapshotOrganizationIds(after);
    if (ids.length === 0) return n;
    for (const id of ids) if (!q.urgent.has(id)) q.normal.add(id);
    n += ids.length;
    after = ids.at(-1)!;
    // The queue is full: the rest is found by the next sweep, once these are done.
    if (q.urgent.size + q.normal.size >= MAX_QUEUED) {
      q.overflow = true;
      return n;
    }
  }
}

/**
 * Refreshes queued organizations until the queue is empty (or `shouldStop` says so), one at a time,
 * yielding between them. `refresh` is the unit of work per organization (replaced in tests to make one fail).
 */
export async function drainExposureQueue(
  opts: { shouldStop?: () => boolean; refresh?: (organizationId: string) => Promise<unknown> } = {},
): Promise<DrainReport> {
  const q = exposureQueue();
  const refresh = opts.refresh ?? ((id: string) => refreshExposureSnapshot(id));
  const report: DrainReport = { refreshed: 0, failed: 0 };
  while (!opts.shouldStop?.()) {
    const id = takeNextExposureRefresh();
    if (id === undefined) {
      if (!q.overflow) break;
      await sweepStaleSnapshots();
      continue;
    }
    try {
      await refresh(id);
      q.failures.delete(id);
      report.refreshed++;
    } catch (err) {
      report.failed++;
      const version = await currentVersion(id);
      recordExposureFailure(id, version);
      logger.error({ organizationId: id, err: err instanceof Error ? err.message : String(err) }, "exposure snapshot refresh failed");
    }
    // Requests waiting on the event loop run before the next organization.
    await nextTurn();
  }
  return report;
}

async function currentVersion(organizationId: string): Promise<number> {
  try {
    return await getAnalysisVersion(organizationId);
  } catch {
    return -1;
  }
}

export type ExposureRefresher = {
  /** Resolves once the queue is empty and no refresh runs (tests, benchmark, shutdown). */
  idle(): Promise<void>;
  /** Stops after the organization being refreshed; returns once it is written. */
  stop(): Promise<void>;
};

/**
 * Starts the worker of this process: sweeps the database for stale snapshots, then refreshes whatever is
 * queued, and wakes up on every later enqueue. Runs never overlap. `refresh` is for tests.
 */
export function startExposureRefresher(opts: { sweep?: boolean; refresh?: (organizationId: string) => Promise<unknown> } = {}): ExposureRefresher {
  const q = exposureQueue();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      // Woken while draining: the loop picks the new ids up itself; `again` covers the end of a run.
      again = true;
      return running;
    }
    running = trackJob(
      (async () => {
        // Never inside the caller's turn (a request that just committed answers first).
        await nextTurn();
        do {
          again = false;
          const report = await drainExposureQueue({ shouldStop: () => stopped, refresh: opts.refresh });
          if (report.failed > 0) logger.warn(report, "exposure snapshots refreshed with failures");
        } while (again && !stopped);
      })(),
    )
      .catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, "exposure refresh stopped"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const wake = () => {
    if (!stopped) void run();
  };
  q.wake = wake;
  let first: Promise<unknown> = Promise.resolve();
  if (opts.sweep !== false) {
    first = sweepStaleSnapshots()
      .then((n) => {
        if (n > 0) logger.info({ stale: n }, "stale exposure snapshots queued for refresh");
      })
      .catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, "exposure snapshot sweep failed"));
  }
  void first.then(wake);
  return {
    async idle() {
      await first;
      while (running || (!stopped && (q.urgent.size > 0 || q.normal.size > 0 || q.overflow))) {
        if (!running) void run();
        await running;
      }
    },
    async stop() {
      stopped = true;
      if (q.wake === wake) q.wake = null;
      await running;
    },
  };
}
