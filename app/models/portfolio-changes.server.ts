/**
 * The activities behind a changed portfolio row (issue 14, ADR 026): the portfolio marks an
 * organization whose worst exposure level moved; this says which of its activities the shared
 * vendors' changes moved (before → after), from the impacts the propagation recorded (ADR 020).
 */
import { listExposureChanges, type ExposureChange } from "./catalogue.server.ts";

/** How long before the row's change an impact still explains it (a level is recomputed on the next read). */
export const CHANGE_WINDOW_DAYS = 30;

/**
 * For each row, the activities moved by the catalogue changes received in the CHANGE_WINDOW_DAYS up to
 * the moment its level was seen to change, newest change first and each activity once. The caller
 * passes only organizations the user belongs to, with a role that may see them.
 */
export async function changedActivities(rows: readonly { id: string; exposureChangedAt: string | null }[]): Promise<Map<string, ExposureChange[]>> {
  const out = new Map<string, ExposureChange[]>();
  const changed = rows.flatMap((r) => (r.exposureChangedAt ? [{ id: r.id, at: Date.parse(r.exposureChangedAt) }] : []));
  if (changed.length === 0) return out;
  const window = CHANGE_WINDOW_DAYS * 86_400_000;
  const since = new Date(Math.min(...changed.map((c) => c.at)) - window);
  const impacts = await listExposureChanges(
    changed.map((c) => c.id),
    since,
  ); // newest first
  for (const c of changed) {
    const seen = new Set<string>();
    const list: ExposureChange[] = [];
    for (const i of impacts) {
      const at = i.at.getTime();
      if (i.organizationId !== c.id || at > c.at || at < c.at - window) continue;
      for (const a of i.activities) {
        if (seen.has(a.activityId)) continue;
        seen.add(a.activityId);
        list.push(a);
      }
    }
    if (list.length) out.set(c.id, list);
  }
  return out;
}
