/**
 * The reachable-graph keys of the incremental analysis reuse a service's token when its node equals the
 * one of the last graph (ADR 027). Equality must never call two different nodes equal.
 */
import { describe, expect, it } from "vitest";
import { Interner, reachableKeys, sameValue, type OwnTokens } from "~/analysis/graph-fingerprint.ts";
import type { ServiceGraph, ServiceNode } from "~/analysis/sovereignty.ts";

const vendor = (country: string) => ({
  id: "v",
  name: "V",
  country,
  parentName: null,
  parentCountry: null,
  dpfCertified: null,
  shareholdingWithinLimits: null,
});
const node = (id: string, country: string, provider: string | null = null): ServiceNode => ({
  id,
  name: id,
  vendor: vendor("FR"),
  secNumCloudQualified: false,
  nonEuAccess: null,
  locations: [{ role: "STORAGE", country, region: null, providerServiceId: provider, safeguard: null, tiaDone: false }],
});
const graphOf = (...nodes: ServiceNode[]): ServiceGraph => new Map(nodes.map((n) => [n.id, n]));

describe("sameValue", () => {
  it("is deep equality of JSON-like values, and conservative otherwise", () => {
    expect(sameValue(node("a", "FR"), node("a", "FR"))).toBe(true);
    expect(sameValue(node("a", "FR"), node("a", "US"))).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0, false)).toBe(false);
    expect(sameValue("1", 1)).toBe(false);
    // Not JSON-like: only equal to itself.
    expect(sameValue(new Date(0), new Date(1))).toBe(false);
    expect(sameValue(new Date(0), new Date(0))).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(false);
  });
});

describe("reachableKeys with the last graph's tokens", () => {
  it("gives the keys a fresh computation tells apart, and keeps those of unchanged reachable parts", () => {
    const interner = new Interner();
    const previous: OwnTokens = new Map();
    const first = reachableKeys(graphOf(node("a", "FR", "b"), node("b", "FR"), node("c", "DE")), interner, undefined, previous);
    // b moves: a (which reaches b) and b get new keys, c keeps its key.
    const second = reachableKeys(graphOf(node("a", "FR", "b"), node("b", "US"), node("c", "DE")), interner, undefined, previous);
    expect(second.get("a")).not.toBe(first.get("a"));
    expect(second.get("b")).not.toBe(first.get("b"));
    expect(second.get("c")).toBe(first.get("c"));
    // Back to the first graph: the same keys as the first time (equal content, equal tokens).
    const third = reachableKeys(graphOf(node("a", "FR", "b"), node("b", "FR"), node("c", "DE")), interner, undefined, previous);
    expect(third).toEqual(first);
    // The same keys as without reuse, on the same interner.
    expect(reachableKeys(graphOf(node("a", "FR", "b"), node("b", "US"), node("c", "DE")), interner)).toEqual(second);
  });
});
