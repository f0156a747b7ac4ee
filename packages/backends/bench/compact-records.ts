/**
 * The generated million-person set held compactly: the same records, key order included, as
 * `generateFixtures` gives, stored the way a parser stores them rather than the way the
 * generator builds them.
 *
 * Why it matters: the generator assembles many records by spreading (`{ ...record, extra }`),
 * and V8 gives such objects a hidden class of their own, with the properties past the first
 * few in a separate backing store, and keeps every date and code it formats as a string of
 * its own. Held as they come, a million persons take over 1.5 GiB of heap. Each record here
 * is parsed from its JSON text instead, as the backends read the data files: records of one
 * shape share a hidden class with their fields inside the object, and the parser shares the
 * short strings (dates, codes, states). On top of that, longer repeated values (cities, courts,
 * charges, sentences) are shared through a bounded table per property name, and every empty
 * list (most vehicles' stops, most licences' restrictions and suspensions) is one frozen
 * empty array. Records are generated and compacted one at a time, so the generator's own
 * objects never pile up in the old generation.
 */
import { COLLECTIONS, streamFixtures, type CollectionName, type FixtureCollections, type FixtureSet, type GenerateOptions } from '@clets/fixtures';

/** Shared by every empty list of the set: the systems never change a record in place. */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

/**
 * Strings the parser leaves unshared are longer than this (V8 internalises JSON string values
 * of up to 10 characters); interning shorter ones would only duplicate its work.
 */
const PARSER_SHARES_UP_TO = 10;

/**
 * Shares equal strings per property name. A property whose values keep being new (streets,
 * VINs, names of persons) stops being interned once its table holds `limit` values, and its
 * table is dropped: a table of unique values would cost more than it saves.
 */
export class StringInterner {
  private readonly tables = new Map<string, Map<string, string> | null>();

  constructor(private readonly limit = 4096) {}

  intern(property: string, value: string): string {
    let table = this.tables.get(property);
    if (table === null) return value;
    if (table === undefined) {
      table = new Map();
      this.tables.set(property, table);
    }
    const shared = table.get(value);
    if (shared !== undefined) return shared;
    if (table.size >= this.limit) {
      this.tables.set(property, null);
      return value;
    }
    table.set(value, value);
    return value;
  }

  /** Properties still interned, and how many distinct values each holds. */
  sizes(): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const [property, table] of this.tables) if (table !== null) sizes.set(property, table.size);
    return sizes;
  }
}

type Mutable = Record<string, unknown>;

function compactList(list: unknown[], property: string, interner: StringInterner): void {
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    if (typeof item === 'string') {
      if (item.length > PARSER_SHARES_UP_TO) list[index] = interner.intern(property, item);
    } else if (typeof item === 'object' && item !== null) {
      compactObject(item as Mutable, interner);
    }
  }
}

function compactObject(object: Mutable, interner: StringInterner): void {
  for (const property in object) {
    const value = object[property];
    if (typeof value === 'string') {
      // Assigned even when unchanged: equal strings compare equal, whichever copy came back.
      if (value.length > PARSER_SHARES_UP_TO) object[property] = interner.intern(property, value);
    } else if (Array.isArray(value)) {
      if (value.length === 0) object[property] = EMPTY_LIST;
      else compactList(value, property, interner);
    } else if (typeof value === 'object' && value !== null) {
      compactObject(value as Mutable, interner);
    }
  }
}

/** One record, parsed from its JSON text, its long repeated strings and empty lists shared. */
export function compactRecord<T>(record: T, interner: StringInterner): T {
  const copy = JSON.parse(JSON.stringify(record)) as T;
  if (typeof copy === 'object' && copy !== null) compactObject(copy as Mutable, interner);
  return copy;
}

/**
 * `generateFixtures(options)`, record for record, held compactly. The collections keep the
 * generator's order (the indexes rely on ids and licence holders being sorted).
 */
export function generateCompactFixtures(options: GenerateOptions = {}): FixtureSet {
  const stream = streamFixtures(options);
  const interner = new StringInterner();
  const collections = {} as Record<CollectionName, unknown[]>;
  for (const { name } of COLLECTIONS) {
    const records: unknown[] = [];
    for (const record of stream.collections[name]() as Iterable<unknown>) records.push(compactRecord(record, interner));
    collections[name] = records;
  }
  return { meta: stream.meta, ...(collections as unknown as FixtureCollections) };
}
