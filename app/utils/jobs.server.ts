/**
 * Background jobs (PDF renderings, scheduled backups) that a graceful shutdown must let finish.
 * Kept on globalThis: the Remix build and the server bundle each have their own copy of this module.
 */
declare global {
  var __registreJobs: Set<Promise<unknown>> | undefined;
}

function jobs(): Set<Promise<unknown>> {
  return (globalThis.__registreJobs ??= new Set());
}

/** Registers a running job; returns the same promise. */
export function trackJob<T>(p: Promise<T>): Promise<T> {
  const set = jobs();
  const tracked = p.finally(() => set.delete(tracked));
  // A failed job is reported to its caller; the tracker itself must not raise an unhandled rejection.
  tracked.catch(() => undefined);
  set.add(tracked);
  return p;
}

export function runningJobs(): number {
  return jobs().size;
}

/** Resolves once every job registered so far (and any started meanwhile) has settled. */
export async function drainJobs(): Promise<void> {
  while (jobs().size > 0) await Promise.allSettled([...jobs()]);
}
