/**
 * A map that keeps its `capacity` most recently used entries and lets the oldest go, telling `letGo` so that what
 * it held can be released. The panel's kept statements and generated SQL are kept in these.
 */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number, private readonly letGo: (value: V) => void = () => undefined) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const [oldest, held] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldest);
      this.letGo(held);
    }
  }

  /** Forgets `key` if it still holds `value` (a newer value under the same key stays). */
  forget(key: K, value: V): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }

  /** Empties the map and returns what it held. */
  drain(): V[] {
    const held = [...this.entries.values()];
    this.entries.clear();
    return held;
  }
}
