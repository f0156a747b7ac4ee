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

/** A group's keys, oldest first, and where its oldest is read from. */
interface Group<K> {
  readonly name: string;
  readonly keys: Set<K>;
  oldest: Iterator<K> | undefined;
}

interface Entry<K, V> {
  readonly value: V;
  /** The group's own record, shared by its entries (not a copy of its name in each). */
  readonly group: Group<K> | undefined;
}

export class BoundedCache<K, V> {
  readonly #capacity: number;
  readonly #perGroup: number;
  readonly #refreshOnRead: boolean;
  /** Oldest first: a Map iterates in insertion order, and a refresh re-inserts. */
  readonly #entries = new Map<K, Entry<K, V>>();
  readonly #groups = new Map<string, Group<K>>();
  /**
   * Where the oldest entry is read from: one iterator kept from one eviction to the next. A
   * Map keeps a deleted entry's slot until it is rehashed, and a fresh iterator steps over
   * every such slot at its front: full, with one eviction per insert, that made an insert
   * into 100,000 entries cost 42 us instead of 1.2 us. A kept iterator has already passed
   * them (what it returned was deleted at once; a Map iterator goes on across deletes and
   * inserts). A group's oldest is read the same way.
   */
  readonly #front: { oldest: Iterator<K> | undefined } = { oldest: undefined };

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
    return this.#groups.get(group)?.keys.size ?? 0;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** The value of a key; with `refreshOnRead`, the entry becomes the newest. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#refreshOnRead) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      entry.group?.keys.delete(key);
      entry.group?.keys.add(key);
    }
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
    let shared: Group<K> | undefined;
    if (group !== undefined) {
      shared = this.#groups.get(group);
      if (shared === undefined) {
        shared = { name: group, keys: new Set(), oldest: undefined };
        this.#groups.set(group, shared);
      }
      shared.keys.add(key);
    }
    this.#entries.set(key, { value, group: shared });
    if (shared !== undefined) {
      while (shared.keys.size > this.#perGroup) this.delete(oldestOf(shared, shared.keys));
    }
    while (this.#entries.size > this.#capacity) this.delete(oldestOf(this.#front, this.#entries));
  }

  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    const group = entry.group;
    if (group !== undefined) {
      group.keys.delete(key);
      if (group.keys.size === 0) this.#groups.delete(group.name);
    }
    return true;
  }

  /** Keys and values, oldest first. */
  *entries(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.#entries) yield [key, entry.value];
  }
}

/**
 * The oldest key of a non-empty Map or Set, read with the iterator kept in `holder`: every
 * key it returned was deleted at once, so the next one it returns is the oldest still there.
 * An iterator that ran to the end stays done (later inserts are not seen): a new one starts.
 */
function oldestOf<K>(holder: { oldest: Iterator<K> | undefined }, keys: { keys(): Iterator<K> }): K {
  let next = holder.oldest?.next();
  if (next === undefined || next.done === true) {
    holder.oldest = keys.keys();
    next = holder.oldest.next();
  }
  return next.value as K;
}
