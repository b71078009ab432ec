/**
 * The analysis keeps per-organization state in memory (cached results, the incremental memo, the activity
 * rows): on a shared-DPO instance of hundreds of organizations it must stay bounded, forgetting the least
 * recently used organization first, and an organization it forgot is analysed again to the same result.
 */
import { describe, expect, it } from "vitest";
import { analyseOrganization, ANALYSIS_CACHE_ORGANIZATIONS, analysisCacheSizes, resetIncrementalAnalysis } from "~/models/sovereignty.server.ts";
import { createActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { LruMap } from "~/utils/lru-map.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

describe("LruMap", () => {
  it("keeps at most max entries and forgets the least recently used first", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1).set("b", 2);
    expect(m.get("a")).toBe(1); // "a" is now the most recent: "b" goes first
    m.set("c", 3);
    expect([m.has("a"), m.has("b"), m.has("c"), m.size]).toEqual([true, false, true, 2]);
    m.set("a", 10); // a new value also makes it the most recent
    m.set("d", 4);
    expect([m.get("a"), m.has("c"), m.get("d"), m.size]).toEqual([10, false, 4, 2]);
    expect(m.get("zzz")).toBeUndefined();
    expect(m.delete("a")).toBe(true);
    m.clear();
    expect(m.size).toBe(0);
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});

describe("the analysis's per-organization memory", () => {
  it(`holds at most ${ANALYSIS_CACHE_ORGANIZATIONS} organizations, and one it forgot is analysed again to the same result`, async () => {
    resetIncrementalAnalysis();
    const user = await createUser();
    const orgs: string[] = [];
    const first: Record<string, unknown> = {};
    for (let i = 0; i < ANALYSIS_CACHE_ORGANIZATIONS + 6; i++) {
      const { org } = await createOrg();
      await createActivity(user.id, org.id, { content: ActivityContentSchema.parse({ name: `Traitement ${i}` }), departmentId: null });
      orgs.push(org.id);
      first[org.id] = (await analyseOrganization(org.id)).activities.map((a) => ({ id: a.id, level: a.analysis.level }));
      const sizes = analysisCacheSizes();
      expect(sizes.memos).toBe(Math.min(i + 1, ANALYSIS_CACHE_ORGANIZATIONS));
      expect(sizes.activitySides).toBe(Math.min(i + 1, ANALYSIS_CACHE_ORGANIZATIONS));
      expect(sizes.results).toBeLessThanOrEqual(3 * ANALYSIS_CACHE_ORGANIZATIONS);
    }
    // The first organization was forgotten: analysed again, it gives the same result.
    const again = (await analyseOrganization(orgs[0]!)).activities.map((a) => ({ id: a.id, level: a.analysis.level }));
    expect(again).toEqual(first[orgs[0]!]);
    expect(analysisCacheSizes().memos).toBe(ANALYSIS_CACHE_ORGANIZATIONS);
  }, 120_000);
});
