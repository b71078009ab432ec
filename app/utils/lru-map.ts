/**
 * A Map that keeps at most `max` entries, forgetting the least recently used first. For per-organization
 * caches of the analysis: a shared-DPO instance holds hundreds of organizations, and a cache entry per
 * organization, kept forever, would grow the process with the instance rather than with its active use.
 */
export class LruMap<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`LruMap: max must be a positive integer, got ${max}`);
  }
  get size(): number {
    return this.#map.size;
  }
  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    if (!this.#map.has(key)) return undefined;
    const value = this.#map.get(key) as V;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }
  has(key: K): boolean {
    return this.#map.has(key);
  }
  set(key: K, value: V): this {
    this.#map.delete(key);
    this.#map.set(key, value);
    // A Map iterates in insertion order: its first key is the least recently used.
    while (this.#map.size > this.max) this.#map.delete(this.#map.keys().next().value as K);
    return this;
  }
  delete(key: K): boolean {
    return this.#map.delete(key);
  }
  clear(): void {
    this.#map.clear();
  }
}
