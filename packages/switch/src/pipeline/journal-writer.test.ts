import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { batchPayload, startJournalWriter } from './journal-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('batchPayload', () => {
  it('names each statement text once and puts every blob in one buffer, each parameter list pointing at its bytes', () => {
    const first = Buffer.from([1, 2, 3]);
    const second = new Uint8Array([9, 8, 7, 6]);
    const payload = batchPayload([
      { sql: 'INSERT INTO a VALUES (?, ?)', params: [1, first] },
      { sql: 'UPDATE b SET c = ?', params: ['x', null] },
      { sql: 'INSERT INTO a VALUES (?, ?)', params: [2, second] },
    ]);
    expect(payload.sqls).toEqual(['INSERT INTO a VALUES (?, ?)', 'UPDATE b SET c = ?']);
    expect(payload.statements).toEqual([[0, 1, [0, 3]], [1, 'x', null], [0, 2, [3, 4]]]);
    expect([...new Uint8Array(payload.blobs)]).toEqual([1, 2, 3, 9, 8, 7, 6]);
    // Its own buffer, not a pool the blobs were sliced from: handing it over takes nothing else with it.
    expect(payload.blobs).not.toBe(first.buffer);
    expect(payload.blobs.byteLength).toBe(7);
  });

  it('refuses a parameter the worker would take for a blob', () => {
    expect(() => batchPayload([{ sql: 'SELECT ?', params: [{ b: 1 }] }])).toThrow(/object other than a blob/);
  });
});

describe('the journal writer thread', () => {
  it('commits a batch with its blobs and texts as given, and fails one a statement of which fails, writing none of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-journal-writer-'));
    dirs.push(dir);
    const path = join(dir, 'j.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, body BLOB)');
    const writer = startJournalWriter({ path, synchronous: 'FULL', busyTimeoutMs: 100, onExit: () => {} });
    try {
      const insert = 'INSERT INTO t (id, label, body) VALUES (?, ?, ?)';
      await writer.commit([
        { sql: insert, params: [1, 'ÉTÉ "ONE"', Buffer.from('first frame')] },
        { sql: insert, params: [2, null, new Uint8Array([0, 255, 1])] },
        { sql: 'UPDATE t SET label = ? WHERE id = ?', params: ['TWO', 2] },
      ]);
      await expect(writer.commit([
        { sql: insert, params: [3, 'THREE', Buffer.from('x')] },
        { sql: insert, params: [1, 'AGAIN', Buffer.from('y')] },
      ])).rejects.toThrow(/UNIQUE constraint failed/);
      const rows = db.prepare('SELECT id, label, body FROM t ORDER BY id').all() as { id: number; label: string; body: Buffer }[];
      expect(rows.map((row) => [row.id, row.label, [...row.body]])).toEqual([
        [1, 'ÉTÉ "ONE"', [...Buffer.from('first frame')]],
        [2, 'TWO', [0, 255, 1]],
      ]);
    } finally {
      await writer.stop();
      db.close();
    }
  });
});
