/**
 * The queue of organizations whose exposure snapshot must be recomputed (ADR 022). Pure process state, no
 * database: the database stays the truth (a snapshot whose analysisVersion differs from its
 * organization's is stale), this queue only says which ones to refresh next. Lost on a restart, it is
 * rebuilt from the database at startup and by every portfolio read that finds a stale row.
 *
 * Kept on globalThis: the Remix build (routes, models called by them) and the server bundle (which starts
 * the worker) each have their own copy of this module, and both must see one queue.
 */
export type ExposureQueueState = {
  /** Organizations a user is waiting on (their portfolio showed them stale): refreshed first. */
  urgent: Set<string>;
  normal: Set<string>;
  /** Set when ids were dropped because the queue was full: the worker then sweeps the database. */
  overflow: boolean;
  /** Called after an enqueue; set by the running worker (null when none runs: tests, command line). */
  wake: (() => void) | null;
  /** Organizations whose last refresh failed, with the analysis version it failed at and when to retry. */
  failures: Map<string, { version: number; retryAt: number }>;
};

declare global {
  var __registreExposureQueue: ExposureQueueState | undefined;
}

/** Memory bound: ids beyond this are dropped and found again by a sweep of the database. */
export const MAX_QUEUED = 20_000;
/** A failed organization is not retried from a read before this delay (a change retries it at once). */
export const RETRY_AFTER_MS = 60_000;

export function exposureQueue(): ExposureQueueState {
  return (globalThis.__registreExposureQueue ??= { urgent: new Set(), normal: new Set(), overflow: false, wake: null, failures: new Map() });
}

/**
 * Asks for a refresh of these organizations' snapshots. Duplicates coalesce (a Set); `urgent` moves an id
 * ahead of the others. Called after the commit of every unit of work that changed an analysis, and by
 * the portfolio for the stale rows it shows.
 */
export function enqueueExposureRefresh(organizationIds: Iterable<string>, opts: { urgent?: boolean } = {}): void {
  const q = exposureQueue();
  let added = false;
  for (const id of organizationIds) {
    if (opts.urgent) {
      if (q.urgent.has(id)) continue;
      q.normal.delete(id);
    } else if (q.urgent.has(id) || q.normal.has(id)) continue;
    if (q.urgent.size + q.normal.size >= MAX_QUEUED) {
      q.overflow = true;
      continue;
    }
    (opts.urgent ? q.urgent : q.normal).add(id);
    added = true;
  }
  if (added || q.overflow) q.wake?.();
}

/** The next organization to refresh (urgent ones first, then in arrival order), removed from the queue. */
export function takeNextExposureRefresh(): string | undefined {
  const q = exposureQueue();
  for (const set of [q.urgent, q.normal]) {
    const first = set.values().next();
    if (!first.done) {
      set.delete(first.value);
      return first.value;
    }
  }
  return undefined;
}

export function queuedExposureRefreshes(): number {
  const q = exposureQueue();
  return q.urgent.size + q.normal.size;
}

/** Whether a read may enqueue this stale organization again (not while a recent failure at this version waits). */
export function mayRetry(organizationId: string, version: number, now = Date.now()): boolean {
  const f = exposureQueue().failures.get(organizationId);
  return !f || f.version !== version || f.retryAt <= now;
}

/** Remembers a failed refresh: reads leave it alone for RETRY_AFTER_MS at this version. */
export function recordExposureFailure(organizationId: string, version: number, now = Date.now()): void {
  exposureQueue().failures.set(organizationId, { version, retryAt: now + RETRY_AFTER_MS });
}

/** Empties the queue (tests). */
export function clearExposureQueue(): void {
  const q = exposureQueue();
  q.urgent.clear();
  q.normal.clear();
  q.failures.clear();
  q.overflow = false;
}
