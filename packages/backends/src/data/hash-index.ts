/**
 * Lean lookups for the million-person data set.
 *
 * A `Map<string, number>` over a million persons costs some 80-100 bytes an entry (the key
 * string plus the hash-table entry) for every index. Here the key strings are never kept:
 * an open-addressing table of two typed arrays holds the key's 32-bit hash and the record
 * number (8 bytes a slot, at most 3/4 full), and a lookup re-derives the key of each
 * candidate record to drop hash collisions. Stale entries (a record whose key changed after
 * a modify) fall out the same way, so the table only ever grows.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text` (32 bits, unsigned). */
export function hashKey(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

const EMPTY: readonly number[] = Object.freeze([]);
const MIN_CAPACITY = 16;
/** Slots per entry when sized for a known count: load 0.7, where linear probing stays short. */
const SLOTS_PER_ENTRY = 1 / 0.7;
/** Grown by half when more than 3/4 full. */
const MAX_LOAD = 0.75;
const GROWTH = 1.5;
const TWO_TO_32 = 4_294_967_296;

/** Open-addressing multimap: key hash -> record numbers (non-negative integers below 2^31 - 1). */
export class HashIndex {
  private hashes: Uint32Array;
  /** Record number + 1; 0 marks an empty slot. */
  private slots: Int32Array;
  private used = 0;

  constructor(expected = 0) {
    const capacity = Math.max(MIN_CAPACITY, Math.ceil(expected * SLOTS_PER_ENTRY));
    this.hashes = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** Entries stored (stale ones included). */
  get size(): number {
    return this.used;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.hashes.byteLength + this.slots.byteLength;
  }

  add(hash: number, record: number): void {
    if (this.used + 1 > this.slots.length * MAX_LOAD) this.grow();
    this.place(hash >>> 0, record + 1);
    this.used++;
  }

  /** Record numbers stored under `hash`, in probe order; callers verify the key. */
  candidates(hash: number): readonly number[] {
    const wanted = hash >>> 0;
    const capacity = this.slots.length;
    let slot = this.home(wanted);
    let found: number[] | undefined;
    for (;;) {
      const value = this.slots[slot] ?? 0;
      if (value === 0) return found ?? EMPTY;
      if (this.hashes[slot] === wanted) (found ??= []).push(value - 1);
      if (++slot === capacity) slot = 0;
    }
  }

  /** The first slot of a hash: the hash scaled to the capacity (no power-of-two size needed). */
  private home(hash: number): number {
    return Math.floor((hash / TWO_TO_32) * this.slots.length);
  }

  private place(hash: number, value: number): void {
    const capacity = this.slots.length;
    let slot = this.home(hash);
    while ((this.slots[slot] ?? 0) !== 0) if (++slot === capacity) slot = 0;
    this.hashes[slot] = hash;
    this.slots[slot] = value;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldSlots = this.slots;
    const capacity = Math.ceil(oldSlots.length * GROWTH);
    this.hashes = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
    for (let slot = 0; slot < oldSlots.length; slot++) {
      const value = oldSlots[slot] ?? 0;
      if (value !== 0) this.place(oldHashes[slot] ?? 0, value);
    }
  }
}

/**
 * A collection that is a fixture array (never copied) followed by records appended by
 * updates. Record numbers run over both.
 */
export class Appendable<T> {
  private readonly added: T[] = [];

  constructor(private readonly base: readonly T[]) {}

  get length(): number {
    return this.base.length + this.added.length;
  }

  /** Records [0, baseLength) are the fixtures'. */
  get baseLength(): number {
    return this.base.length;
  }

  at(record: number): T | undefined {
    return record < this.base.length ? this.base[record] : this.added[record - this.base.length];
  }

  /** Appends a record; returns its number. */
  push(item: T): number {
    this.added.push(item);
    return this.length - 1;
  }

  /** Replaces an appended record, or shadows a fixture one (modify). */
  set(record: number, item: T): void {
    if (record >= this.base.length) {
      this.added[record - this.base.length] = item;
      return;
    }
    (this.shadowed ??= new Map()).set(record, item);
  }

  /** Modified fixture records, by number (the fixture array itself is never written). */
  private shadowed: Map<number, T> | undefined;

  /** The current version of a record: a modified fixture record reads as modified. */
  current(record: number): T | undefined {
    return this.shadowed?.get(record) ?? this.at(record);
  }
}

/** Anything a KeyIndex can read records from by number. */
export interface RecordSource<T> {
  readonly length: number;
  /** The current record with this number. */
  current(record: number): T | undefined;
}

/** A plain array as a RecordSource. */
export function arraySource<T>(items: readonly T[]): RecordSource<T> {
  return { get length() { return items.length; }, current: (record) => items[record] };
}

/**
 * An index over one collection: `keyOf` gives a record's key (or undefined to leave it out)
 * and is used both to build the table and to verify candidates.
 */
export class KeyIndex<T> {
  private readonly table: HashIndex;

  constructor(
    private readonly items: RecordSource<T>,
    private readonly keyOf: (item: T) => string | undefined,
  ) {
    this.table = new HashIndex(items.length);
    for (let record = 0; record < items.length; record++) this.addRecord(record);
  }

  get bytes(): number {
    return this.table.bytes;
  }

  /** Indexes record `record` (after an append, or after a modify changed its key). */
  addRecord(record: number): void {
    const item = this.items.current(record);
    if (item === undefined) return;
    const key = this.keyOf(item);
    if (key !== undefined) this.table.add(hashKey(key), record);
  }

  /** Record numbers whose current key is exactly `key`, without duplicates. */
  find(key: string): number[] {
    const candidates = this.table.candidates(hashKey(key));
    const out: number[] = [];
    for (const record of candidates) {
      const item = this.items.current(record);
      if (item !== undefined && this.keyOf(item) === key && !out.includes(record)) out.push(record);
    }
    return out;
  }

  /** The records themselves. */
  findItems(key: string): T[] {
    const out: T[] = [];
    for (const record of this.find(key)) {
      const item = this.items.current(record);
      if (item !== undefined) out.push(item);
    }
    return out;
  }
}

/**
 * A lookup over a fixture array by a key the generator emits in ascending order (person ids
 * 'P0000001'..., licences in their holder's order): a binary search needs no table at all.
 * An array that turns out not to be sorted gets a KeyIndex instead. Keys may repeat.
 */
export class SortedLookup<T> {
  private readonly table: KeyIndex<T> | undefined;

  constructor(
    private readonly items: readonly T[],
    private readonly keyOf: (item: T) => string,
  ) {
    let sorted = true;
    for (let record = 1; record < items.length && sorted; record++) {
      const previous = items[record - 1];
      const item = items[record];
      if (previous !== undefined && item !== undefined && keyOf(item) < keyOf(previous)) sorted = false;
    }
    this.table = sorted ? undefined : new KeyIndex(arraySource(items), keyOf);
  }

  /** Whether the binary search is used (no table). */
  get isSorted(): boolean {
    return this.table === undefined;
  }

  get bytes(): number {
    return this.table?.bytes ?? 0;
  }

  /** Record numbers with this key, ascending. */
  find(key: string): number[] {
    if (this.table !== undefined) return this.table.find(key);
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const item = this.items[middle];
      if (item !== undefined && this.keyOf(item) < key) low = middle + 1;
      else high = middle;
    }
    const out: number[] = [];
    for (let record = low; record < this.items.length; record++) {
      const item = this.items[record];
      if (item === undefined || this.keyOf(item) !== key) break;
      out.push(record);
    }
    return out;
  }
}

/**
 * Records by their unique id: the fixture part through a SortedLookup, records appended by
 * updates in a small Map.
 */
export class IdIndex<T> {
  private readonly fixtures: SortedLookup<T>;
  private readonly appended = new Map<string, number>();

  constructor(
    private readonly items: Appendable<T>,
    private readonly idOf: (item: T) => string,
    base: readonly T[],
  ) {
    this.fixtures = new SortedLookup(base, idOf);
  }

  get bytes(): number {
    return this.fixtures.bytes;
  }

  /** The record number of an id, or undefined. */
  find(id: string): number | undefined {
    return this.appended.get(id) ?? this.fixtures.find(id)[0];
  }

  /** Indexes an appended record. */
  addRecord(record: number): void {
    const item = this.items.current(record);
    if (item !== undefined) this.appended.set(this.idOf(item), record);
  }
}
