/**
 * Fingerprints for the incremental sovereignty analysis (issue 18, ADR 021). An activity's analysis is a
 * pure function of its own inputs (links, declared transfers, regime, legal bases) and of the part of the
 * vendor graph reachable from the services it links to. Each service gets a key naming that reachable
 * part: two equal keys mean the same nodes with the same facts in the same walk order, so an activity
 * whose inputs and keys are unchanged has an unchanged analysis and need not be recomputed.
 */
import type { ServiceGraph, ServiceNode } from "./sovereignty.ts";

/** Interns strings into short tokens; kept across analyses so that equal content gets the same token. */
export class Interner {
  private readonly ids = new Map<string, string>();
  token(s: string): string {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size.toString(36);
      this.ids.set(s, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/**
 * Per service: a token of every fact of every service reachable from it through location providers, in
 * breadth-first order (the order walkServices visits them). A superset of what the analysis reads: a
 * change anywhere in the reachable part changes the key, never the reverse. With `roots`, only those
 * services get a key (the ones activities link to), and only the services they reach are serialised.
 */
export function reachableKeys(graph: ServiceGraph, interner: Interner, roots?: Iterable<string>, previous?: OwnTokens): Map<string, string> {
  const own = new Map<string, string>();
  const ownToken = (s: ServiceNode) => {
    let t = own.get(s.id);
    if (t === undefined) {
      // A node equal to the one the last graph had keeps its token: comparing is far cheaper than
      // serialising and hashing every reached service again after each change (ADR 027).
      const was = previous?.get(s.id);
      if (was && sameValue(was.node, s)) t = was.token;
      else {
        t = interner.token(JSON.stringify(s));
        previous?.set(s.id, { node: s, token: t });
      }
      own.set(s.id, t);
    }
    return t;
  };
  const keys = new Map<string, string>();
  for (const rootId of roots ?? graph.keys()) {
    const root = graph.get(rootId);
    if (!root || keys.has(rootId)) continue;
    const seen = new Set<string>([root.id]);
    const order: string[] = [];
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const s = queue[i]!;
      order.push(ownToken(s));
      for (const loc of s.locations) {
        if (!loc.providerServiceId || seen.has(loc.providerServiceId)) continue;
        seen.add(loc.providerServiceId);
        const next = graph.get(loc.providerServiceId);
        // A provider missing from the graph is named in its location's facts (providerServiceId) already.
        if (next) queue.push(next);
      }
    }
    keys.set(root.id, interner.token(order.join(",")));
  }
  return keys;
}

/**
 * The own token of each service in the last graph keyed, with the node it was made from. Kept per
 * organization across analyses by the caller; `reachableKeys` reuses a token when the new node is equal.
 */
export type OwnTokens = Map<string, { node: ServiceNode; token: string }>;

/**
 * Deep equality of JSON-like values (what a ServiceNode holds: strings, numbers, booleans, null, plain
 * objects, arrays). Anything else (a Date, a class instance, NaN) is only equal to itself, so an
 * unexpected value makes a new token, never a stale one. Equal values serialise to the same facts.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function isPlain(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null;
}
