/**
 * Reading a folder of data files: one file per collection plus `manifest.json` (the format
 * `@clets/fixtures` writes, fixtures/README.md). Each record is checked against its file's
 * schema as it is read, so a folder that is not what a service expects fails at its start
 * with the file, the record and the field named.
 *
 * Two formats, both one record per line: `json` (`agencies.json` is a JSON array, the
 * committed set) and `ndjson` (`agencies.ndjson`, one JSON record per line, streamed: large
 * sets).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COLLECTIONS, type CollectionName, type CollectionRecord, type FixtureCollections, type FixtureMeta, type FixtureSet } from './model.js';
import { RECORD_SCHEMAS } from './schemas.js';

export type FixtureFormat = 'json' | 'ndjson';

/** `manifest.json`: what the folder holds and how it was made. */
export interface FixtureManifest {
  readonly generator: '@clets/fixtures';
  /** Bumped when the file layout changes. */
  readonly formatVersion: 1;
  readonly seed: number;
  readonly persons: number;
  readonly referenceDate: string;
  readonly format: FixtureFormat;
  /** Collection -> file name, in file order. */
  readonly files: Readonly<Record<CollectionName, string>>;
  /** Collection -> number of records. */
  readonly counts: Readonly<Record<CollectionName, number>>;
}

export const MANIFEST_FILE = 'manifest.json';

const collectionNames = COLLECTIONS.map((collection) => collection.name) as [CollectionName, ...CollectionName[]];
const manifestSchema: z.ZodType<FixtureManifest> = z.strictObject({
  generator: z.literal('@clets/fixtures'),
  formatVersion: z.literal(1),
  seed: z.number().int(),
  persons: z.number().int().min(0),
  referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  format: z.enum(['json', 'ndjson']),
  files: z.record(z.enum(collectionNames), z.string().min(1)),
  counts: z.record(z.enum(collectionNames), z.number().int().min(0)),
});

/** The repository's `fixtures/` folder (the committed set), found from this package's own files. */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../fixtures/', import.meta.url)).replace(/[\\/]$/, '');
}

/** Reads and checks a folder's manifest. */
export async function readManifest(dir: string = defaultDataDir()): Promise<FixtureManifest> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`no fixture set at ${dir} (${MANIFEST_FILE} unreadable: ${(error as Error).message}); run \`pnpm fixtures\``);
  }
  const raw = JSON.parse(text) as Partial<FixtureManifest>;
  if (raw.generator !== '@clets/fixtures' || raw.formatVersion !== 1) {
    throw new Error(`${path} is not a version-1 @clets/fixtures manifest`);
  }
  if (raw.format !== 'json' && raw.format !== 'ndjson') throw new Error(`${path}: unknown format ${String(raw.format)}`);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/**
 * One collection's records, one at a time, each checked against its schema (NDJSON is
 * streamed line by line; a JSON array file is parsed whole). For backends that index a
 * large set without holding every collection.
 */
export async function* readCollection<N extends CollectionName>(
  name: N,
  dir: string = defaultDataDir(),
  manifest?: FixtureManifest,
): AsyncGenerator<CollectionRecord<N>> {
  const found = manifest ?? await readManifest(dir);
  const file = found.files[name];
  if (file === undefined) throw new Error(`the manifest in ${dir} lists no ${name}`);
  const path = join(dir, file);
  const schema = RECORD_SCHEMAS[name] as z.ZodType<CollectionRecord<N>>;
  const checked = (record: unknown, index: number): CollectionRecord<N> => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`${path}: record ${index + 1}: ${describeIssue(parsed.error)}`);
    return parsed.data;
  };
  if (found.format === 'json') {
    const records = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (!Array.isArray(records)) throw new Error(`${path}: not a JSON array`);
    for (let index = 0; index < records.length; index++) yield checked(records[index], index);
    return;
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let index = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    yield checked(JSON.parse(line), index);
    index += 1;
  }
}

/** The collections named, read once each, with what the set was generated from. */
export async function readCollections<N extends CollectionName>(
  dir: string,
  names: readonly N[],
): Promise<{ readonly meta: FixtureMeta } & Pick<FixtureCollections, N>> {
  const manifest = await readManifest(dir);
  const collections = {} as Record<CollectionName, unknown[]>;
  for (const name of names) {
    const records: unknown[] = [];
    for await (const record of readCollection(name, dir, manifest)) records.push(record);
    if (records.length !== manifest.counts[name]) {
      throw new Error(`${join(dir, manifest.files[name])} holds ${records.length} records, the manifest says ${manifest.counts[name]}`);
    }
    collections[name] = records;
  }
  const meta: FixtureMeta = { seed: manifest.seed, persons: manifest.persons, referenceDate: manifest.referenceDate };
  return { meta, ...(collections as unknown as Pick<FixtureCollections, N>) };
}

/**
 * Reads a whole set, every collection.
 * @param dir the folder (default: the repository's committed `fixtures/`).
 */
export async function readDataSet(dir: string = defaultDataDir()): Promise<FixtureSet> {
  return readCollections(dir, COLLECTIONS.map((collection) => collection.name));
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return `${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid'}`;
}
