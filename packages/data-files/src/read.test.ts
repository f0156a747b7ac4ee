import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir, readCollection, readCollections, readDataSet, readManifest } from './read.js';

const temporary: string[] = [];

/** A copy of the committed set, with one file's text changed. */
async function copyWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clets-data-files-'));
  temporary.push(dir);
  await cp(defaultDataDir(), dir, { recursive: true });
  await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  return dir;
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('reading the data files', () => {
  it('reads every collection of the committed set, as many records as the manifest says', async () => {
    const manifest = await readManifest();
    const set = await readDataSet();
    for (const [name, count] of Object.entries(manifest.counts)) expect(set[name as keyof typeof manifest.counts], name).toHaveLength(count);
    expect(set.meta).toEqual({ seed: manifest.seed, persons: manifest.persons, referenceDate: manifest.referenceDate });
  });

  it('reads only the collections asked for', async () => {
    const registry = await readCollections(defaultDataDir(), ['agencies', 'terminals', 'operators']);
    expect(Object.keys(registry).sort()).toEqual(['agencies', 'meta', 'operators', 'terminals']);
    expect(registry.terminals.length).toBeGreaterThan(0);
  });

  it('refuses a record that is not what its file holds, naming the file, the record and the field', async () => {
    const dir = await copyWith('agencies.json', (text) => text.replace('"ori":"CA0190000"', '"ori":"CA-019"'));
    await expect(readCollections(dir, ['agencies'])).rejects.toThrow(/agencies\.json: record \d+: ori: must be a 9-character ORI/);
  });

  it('refuses a field the format does not know', async () => {
    const dir = await copyWith('terminals.json', (text) => text.replace('"mnemonic":"LA01"', '"mnemonic":"LA01","admin":true'));
    await expect(readCollections(dir, ['terminals'])).rejects.toThrow(/terminals\.json: record \d+: .*admin/);
  });

  it('refuses a file whose record count is not the manifest\'s', async () => {
    const dir = await copyWith('manifest.json', (text) => text.replace(/"watchlist": \d+/, '"watchlist": 1'));
    await expect(readCollections(dir, ['watchlist'])).rejects.toThrow(/watchlist\.json holds \d+ records, the manifest says 1/);
  });

  it('streams one collection record by record', async () => {
    let count = 0;
    for await (const person of readCollection('persons')) {
      expect(person.id).toMatch(/^P\d{7}$/);
      count += 1;
    }
    expect(count).toBe((await readManifest()).counts.persons);
  });
});
