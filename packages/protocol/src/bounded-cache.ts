/**
 * A map that keeps a bounded number of entries and forgets the oldest first: the oldest
 * inserted, or with `refreshOnRead` the least recently used. Keys may belong to a group (a
 * peer, a session) with a share of its own, so a group that adds thousands of keys pushes
 * out its own oldest entries, not another group's.
 *
 * It is the one memory of answers given to retries in this network (docs/protocol.md: a
 * request_id or a client_message_id seen again is answered from memory, never run twice):
 * the requests a linked switch sends down, the backends' idempotency store, and the switch's
 * duplicate window. Pure: no clock, no timers; an entry's age, when it matters, is the
 * caller's business.
 */
export interface BoundedCacheOptions {
  /** Entries kept in all (default: no limit but the groups'). */
  readonly capacity?: number;
  /** Entries kept per group (default: no limit but the capacity). */
  readonly perGroup?: number;
  /** A read makes an entry the newest (least recently used goes first); default false. */
  readonly refreshOnRead?: boolean;
}

interface Entry<V> {
  readonly value: V;
  readonly group: string | undefined;
}

export class BoundedCache<K, V> {
  readonly #capacity: number;
  readonly #perGroup: number;
  readonly #refreshOnRead: boolean;
  /** Oldest first: a Map iterates in insertion order, and a refresh re-inserts. */
  readonly #entries = new Map<K, Entry<V>>();
  /** Each group's keys, oldest first. */
  readonly #groups = new Map<string, Set<K>>();

  constructor(options: BoundedCacheOptions) {
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    const perGroup = options.perGroup ?? Number.POSITIVE_INFINITY;
    for (const [name, value] of [['capacity', capacity], ['perGroup', perGroup]] as const) {
      if (!(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value))) throw new RangeError(`${name} must be a positive integer`);
    }
    this.#capacity = capacity;
    this.#perGroup = perGroup;
    this.#refreshOnRead = options.refreshOnRead ?? false;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Entries kept for one group now. */
  sizeOf(group: string): number {
    return this.#groups.get(group)?.size ?? 0;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value of a key; with `refreshOnRead`, the entry becomes the newest. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#refreshOnRead) this.#insert(key, entry);
    return entry.value;
  }

  /** The value of a key, leaving its age as it is. */
  peek(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  /**
   * Keeps `value` under `key` as the newest entry (in `group`, when given), then forgets the
   * group's oldest beyond its share and the oldest of all beyond the capacity.
   */
  set(key: K, value: V, group?: string): void {
    this.delete(key);
    this.#insert(key, { value, group });
    if (group !== undefined) {
      const keys = this.#groups.get(group)!;
      while (keys.size > this.#perGroup) this.delete(keys.values().next().value as K);
    }
    while (this.#entries.size > this.#capacity) this.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    if (entry.group !== undefined) {
      const keys = this.#groups.get(entry.group);
      keys?.delete(key);
      if (keys?.size === 0) this.#groups.delete(entry.group);
    }
    return true;
  }

  /** Keys and values, oldest first. */
  *entries(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.#entries) yield [key, entry.value];
  }

  #insert(key: K, entry: Entry<V>): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (entry.group === undefined) return;
    let keys = this.#groups.get(entry.group);
    if (keys === undefined) {
      keys = new Set();
      this.#groups.set(entry.group, keys);
    }
    keys.delete(key);
    keys.add(key);
  }
}
