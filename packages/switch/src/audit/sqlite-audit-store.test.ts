import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CletsError } from '@clets/protocol';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeAuditStoreContract } from './audit-store-contract.js';
import { GENESIS_ZERO } from './chain.js';
import type { StoredAuditRow } from './record.js';
import { writeV1Database } from './v1-fixture.js';
import { INSERT_ROW_SQL, SELECT_COLUMNS, UPSERT_HEAD_SQL, insertParams } from './sqlite-schema.js';
import { buildSearch, buildSelect, openAuditStore, type SqliteAuditStore, type SqliteAuditStoreOptions } from './sqlite-audit-store.js';
import { normalizeSearch } from './search.js';
import { normalizeFilter } from './filter.js';
import type { AuditEvent, AuditFailure, AuditFilter, AuditRecovery } from './types.js';
import { verifyAuditDatabase } from './verify-database.js';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-audit-'));
  dirs.push(dir);
  return join(dir, 'audit.db');
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A second connection with the append-only triggers dropped: an attacker holding the file. */
function attacker(path: string): Database.Database {
  const db = new Database(path);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  return db;
}

const UPDATE_ROW_SQL = `UPDATE audit_log SET seq = ?, at = ?, type = ?, operator_id = ?, terminal = ?, ori = ?,
  source_address = ?, message_key = ?, input_seq = ?, client_message_id = ?, route_to = ?, destinations = ?,
  outcome = ?, code = ?, bytes = ?, detail = ?, switch_id = ?, subject_keys = ?, prev_hash = ?, hash = ? WHERE seq = ?`;

function fillDisk(store: SqliteAuditStore): void {
  const pages = store.connection.pragma('page_count', { simple: true }) as number;
  store.connection.pragma(`max_page_count = ${pages}`);
}
function freeDisk(store: SqliteAuditStore): void {
  store.connection.pragma('max_page_count = 4294967294');
}

describeAuditStoreContract('SqliteAuditStore', ({ batchMaxRows }) => {
  const path = tempPath();
  const store = openAuditStore({ path, batchMaxRows, retryIntervalMs: 0 });
  let raw: Database.Database | undefined;
  const rawDb = (): Database.Database => (raw ??= attacker(path));
  return {
    store,
    genesis: store.genesis,
    breakWrites: () => fillDisk(store),
    repairWrites: () => freeDisk(store),
    rawRows: () => rawDb().prepare(`SELECT ${SELECT_COLUMNS} FROM audit_log ORDER BY seq`).all() as StoredAuditRow[],
    replaceRow: (seq, row) => void rawDb().prepare(UPDATE_ROW_SQL).run(...insertParams(row), seq),
    deleteRow: (seq) => void rawDb().prepare('DELETE FROM audit_log WHERE seq = ?').run(seq),
    insertRow: (row) => void rawDb().prepare(INSERT_ROW_SQL).run(...insertParams(row)),
    setRecordedHead: (head) => void rawDb().prepare(UPSERT_HEAD_SQL).run(head.seq, head.hash),
    cleanup: async () => {
      raw?.close();
      await store.close();
    },
  };
});

// The writer thread has its own connection, which a PRAGMA on this one does not reach: a
// trigger in the database refuses every insert, from any connection, as a full disk would.
const FULL_TRIGGER_SQL = `CREATE TRIGGER IF NOT EXISTS test_disk_full BEFORE INSERT ON audit_log
  BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`;

describeAuditStoreContract('SqliteAuditStore, writer thread', ({ batchMaxRows }) => {
  const path = tempPath();
  const store = openAuditStore({ path, batchMaxRows, retryIntervalMs: 0, writer: 'worker' });
  expect(store.writerMode).toBe('worker');
  let raw: Database.Database | undefined;
  const rawDb = (): Database.Database => (raw ??= attacker(path));
  return {
    store,
    genesis: store.genesis,
    breakWrites: () => void store.connection.exec(FULL_TRIGGER_SQL),
    repairWrites: () => void store.connection.exec('DROP TRIGGER IF EXISTS test_disk_full'),
    rawRows: () => rawDb().prepare(`SELECT ${SELECT_COLUMNS} FROM audit_log ORDER BY seq`).all() as StoredAuditRow[],
    replaceRow: (seq, row) => void rawDb().prepare(UPDATE_ROW_SQL).run(...insertParams(row), seq),
    deleteRow: (seq) => void rawDb().prepare('DELETE FROM audit_log WHERE seq = ?').run(seq),
    insertRow: (row) => void rawDb().prepare(INSERT_ROW_SQL).run(...insertParams(row)),
    setRecordedHead: (head) => void rawDb().prepare(UPSERT_HEAD_SQL).run(head.seq, head.hash),
    cleanup: async () => {
      raw?.close();
      await store.close();
    },
  };
});

const at = Date.UTC(2025, 5, 1, 12, 0, 0, 0);
const event = (i: number): AuditEvent => ({ type: 'transaction', at: at + i, outcome: 'accepted', operatorId: `OP${i % 5}`, ori: 'CA0190000', inputSeq: i });
const bulky = (i: number): AuditEvent => ({ ...event(i), detail: { text: 'Y'.repeat(500) } });

describe('SqliteAuditStore', () => {
  const open: SqliteAuditStore[] = [];
  const openStore = (options: Partial<SqliteAuditStoreOptions> & { path?: string } = {}): SqliteAuditStore => {
    const store = openAuditStore({ path: tempPath(), retryIntervalMs: 0, ...options });
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('resolves an append only once another connection can read the row', async () => {
    const store = openStore();
    const reader = new Database(store.path, { readonly: true });
    const count = (): number => (reader.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const appended = store.append(event(1));
    expect(count()).toBe(0);
    const receipt = await appended;
    expect(count()).toBe(1);
    expect(reader.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(receipt.seq)).toEqual({ hash: receipt.hash });
    reader.close();
  });

  it('runs WAL, the chosen synchronous level, no auto-checkpoint, and the indexes the queries need', () => {
    const full = openStore();
    const normal = openStore({ synchronous: 'NORMAL' });
    expect(full.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(full.connection.pragma('synchronous', { simple: true })).toBe(2);
    expect(normal.connection.pragma('synchronous', { simple: true })).toBe(1);
    expect(full.connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const indexes = (full.connection.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['audit_log_at', 'audit_log_operator_at', 'audit_log_ori_at']));
    const plan = (filter: AuditFilter): string => {
      const { sql, params } = buildSelect(normalizeFilter(filter));
      const rows = full.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return rows.map((r) => r.detail).join('; ');
    };
    expect(plan({ operatorId: 'OP1', from: at })).toContain('USING INDEX audit_log_operator_at (operator_id=? AND at>?)');
    expect(plan({ ori: 'CA0190000' })).toContain('USING INDEX audit_log_ori_at (ori=?)');
    expect(plan({ from: at, to: at + 1000, type: 'logon' })).toContain('USING INDEX audit_log_at (at>? AND at<?)');
    expect(plan({ afterSeq: 10 })).toContain('USING INTEGER PRIMARY KEY (rowid>?)');
  });

  it('refuses UPDATE and DELETE from plain SQL (append-only triggers)', async () => {
    const store = openStore();
    await store.append(event(1));
    const other = new Database(store.path);
    expect(() => other.prepare("UPDATE audit_log SET outcome = 'rejected'").run()).toThrow(/append-only/);
    expect(() => other.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    other.close();
  });

  describe('write failures', () => {
    const failAndCollect = (store: SqliteAuditStore): AuditFailure[] => {
      const failures: AuditFailure[] = [];
      store.onFailure((failure) => failures.push(failure));
      return failures;
    };

    it('reports SQLITE_FULL when the database may not grow, and recovers when it may', async () => {
      const store = openStore();
      const failures = failAndCollect(store);
      await store.append(event(0));
      fillDisk(store);
      const results = await Promise.allSettled(Array.from({ length: 300 }, (_, i) => store.append(bulky(i + 1))));
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(failures.map((f) => f.sqliteCode)).toEqual(['SQLITE_FULL']);
      expect(store.health()).toMatchObject({ writable: false, lastSeq: 1 });
      freeDisk(store);
      expect(await store.probe()).toBe(true);
      await expect(store.append(bulky(400))).resolves.toMatchObject({ seq: 3 });
      expect(verifyAuditDatabase(store.path)).toMatchObject({ ok: true, rows: 3 });
    });

    it('reports SQLITE_READONLY, stays down while read-only, recovers after', async () => {
      const store = openStore();
      const failures = failAndCollect(store);
      await store.append(event(0));
      store.connection.pragma('query_only = 1');
      const rejected = await store.append(event(1)).catch((error: unknown) => error);
      expect(rejected).toBeInstanceOf(CletsError);
      expect((rejected as CletsError).code).toBe('CLETS_ERR_AUDIT_UNAVAILABLE');
      expect(failures.map((f) => f.sqliteCode)).toEqual(['SQLITE_READONLY']);
      expect(await store.probe()).toBe(false);
      expect(store.health().lastError).toMatch(/SQLITE_READONLY/);
      store.connection.pragma('query_only = 0');
      expect(await store.probe()).toBe(true);
      expect(store.verify()).toMatchObject({ ok: true, rows: 2 });
    });

    it('reports SQLITE_BUSY while another connection holds the write lock', async () => {
      const store = openStore({ busyTimeoutMs: 5 });
      const failures = failAndCollect(store);
      const other = new Database(store.path);
      other.exec('BEGIN IMMEDIATE');
      await expect(store.append(event(1))).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });
      expect(failures[0]?.sqliteCode).toMatch(/^SQLITE_BUSY/);
      expect(await store.probe()).toBe(false);
      other.exec('ROLLBACK');
      other.close();
      expect(await store.probe()).toBe(true);
      expect(store.query().map((r) => r.type)).toEqual(['audit_state']);
    });

    it('probes by itself on a timer and tells its listeners when it is back', async () => {
      const store = openStore({ retryIntervalMs: 5 });
      store.connection.pragma('query_only = 1');
      const recovered = new Promise<AuditRecovery>((resolve) => store.onRecover(resolve));
      await expect(store.append(event(1))).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });
      store.connection.pragma('query_only = 0');
      await expect(recovered).resolves.toMatchObject({ seq: 1 });
      expect(store.health().writable).toBe(true);
    });
  });

  describe('reopening', () => {
    it('continues the chain of an existing database', async () => {
      const path = tempPath();
      const first = openAuditStore({ path });
      await Promise.all(Array.from({ length: 50 }, (_, i) => first.append(event(i))));
      const genesis = first.genesis;
      await first.close();
      expect(existsSync(`${path}-wal`)).toBe(false);
      const second = openStore({ path });
      expect(second.genesis).toBe(genesis);
      expect(second.health().lastSeq).toBe(50);
      await expect(second.append(event(50))).resolves.toMatchObject({ seq: 51 });
      expect(second.verify()).toMatchObject({ ok: true, rows: 51 });
    });

    it('refuses to open a database whose last rows were cut off', async () => {
      const path = tempPath();
      const store = openAuditStore({ path });
      await Promise.all(Array.from({ length: 5 }, (_, i) => store.append(event(i))));
      await store.close();
      const db = attacker(path);
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      db.close();
      let caught: unknown;
      try {
        openAuditStore({ path });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CletsError);
      expect((caught as CletsError).code).toBe('CLETS_ERR_AUDIT_UNAVAILABLE');
      expect((caught as CletsError).message).toMatch(/altered/);
    });

    it('uses a configured genesis for a new database and refuses a different one later', async () => {
      const path = tempPath();
      const store = openAuditStore({ path, genesis: GENESIS_ZERO });
      await store.append(event(1));
      expect(store.query()[0]?.prevHash).toBe(GENESIS_ZERO);
      await store.close();
      expect(() => openAuditStore({ path, genesis: 'ab'.repeat(32) })).toThrow(/genesis/);
    });

    it('refuses a file that is not a database', () => {
      expect(() => openAuditStore({ path: join(tempPath(), 'missing-dir', 'a.db') })).toThrow(CletsError);
    });
  });

  describe('checkpoints', () => {
    it('checkpoints from a worker thread with its own connection', async () => {
      const store = openStore({ checkpointIntervalMs: 60_000 });
      expect(store.checkpointMode).toBe('worker');
      await Promise.all(Array.from({ length: 500 }, (_, i) => store.append(bulky(i))));
      const result = await store.checkpoint();
      expect(result.busy).toBe(0);
      expect(result.log).toBeGreaterThan(0);
      expect(result.checkpointed).toBe(result.log);
      expect(store.stats().checkpoints).toBe(1);
    });

    it('lets the WAL start over once it has grown past checkpointRestartFrames', async () => {
      const store = openStore({ checkpointIntervalMs: 60_000, checkpointRestartFrames: 8 });
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(bulky(i))));
      const result = await store.checkpoint();
      expect(result.busy).toBe(0);
      // The worker's checkpoint reported a long WAL; the catch-up in the writer's thread left
      // nothing behind, so the next commit starts the WAL over.
      expect(store.stats()).toMatchObject({ checkpoints: 1, walRestarts: 1, walFrames: result.log });
      await store.append(event(1));
      const walFrames = (await store.checkpoint()).log;
      expect(walFrames).toBeLessThan(result.log);
    });

    it('can checkpoint on a timer in this thread instead', async () => {
      const store = openStore({ checkpointMode: 'timer', checkpointIntervalMs: 60_000 });
      expect(store.checkpointMode).toBe('timer');
      await store.append(event(1));
      await expect(store.checkpoint()).resolves.toMatchObject({ busy: 0 });
      expect(store.stats().checkpoints).toBe(1);
    });

    it('has no checkpointer for an in-memory database', async () => {
      const store = openStore({ path: ':memory:' });
      expect(store.checkpointMode).toBe('none');
      await store.append(event(1));
      expect(store.verify()).toMatchObject({ ok: true, rows: 1 });
    });
  });
});

describe('SqliteAuditStore: subject keys, search and schema version 2', () => {
  const open: SqliteAuditStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  const openStore = (path = tempPath(), options: Partial<SqliteAuditStoreOptions> = {}): SqliteAuditStore => {
    const store = openAuditStore({ path, retryIntervalMs: 0, checkpointIntervalMs: 0, ...options });
    open.push(store);
    return store;
  };
  const keyed = (i: number, keys: string[]): AuditEvent => ({ ...event(i), subjectKeys: keys });

  it('reads a version 1 database, migrates it, and verifies old and new rows each in its own format', async () => {
    const path = tempPath();
    writeV1Database(path, Array.from({ length: 20 }, (_, i) => ({ ...event(i + 1), type: i % 2 === 0 ? 'transaction' : 'response' })));
    expect(verifyAuditDatabase(path)).toEqual({ ok: true, rows: 20, head: expect.objectContaining({ seq: 20 }) });
    const store = openStore(path);
    expect(store.genesis).toBe(GENESIS_ZERO);
    await store.append(keyed(21, ['VIN:1M8GDM9AXKP042788']));
    expect(store.connection.prepare("SELECT value FROM audit_meta WHERE key = 'chain_formats'").pluck().get()).toBe(
      '[{"format":"clets-audit/1","fromSeq":1},{"format":"clets-audit/2","fromSeq":21}]',
    );
    expect(store.verify()).toMatchObject({ ok: true, rows: 21 });
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 21 });
    expect(store.search({ keys: ['VIN:1M8GDM9AXKP042788'] }, 'all').map((hit) => hit.seq)).toEqual([21]);
    await store.close();
    // Reopening does not migrate again.
    const again = openStore(path);
    await again.append(event(22));
    expect(again.verify()).toMatchObject({ ok: true, rows: 22 });
  });

  it('refuses subject keys added to a row hashed without them', async () => {
    const path = tempPath();
    writeV1Database(path, Array.from({ length: 5 }, (_, i) => event(i + 1)));
    const store = openStore(path);
    await store.append(event(6));
    const db = attacker(path);
    db.prepare("UPDATE audit_log SET subject_keys = '[\"NAM:KORVALE,DESMIN/19860412\"]' WHERE seq = 3").run();
    db.close();
    expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'subject keys on a row hashed as clets-audit/1, which has none' });
  });

  it('finds a hidden or forged search index entry', async () => {
    const store = openStore();
    await store.appendMany([keyed(1, ['NAM:KORVALE,DESMIN/19860412', 'SOC:900123456']), event(2), keyed(3, ['VIN:1M8GDM9AXKP042788'])]);
    expect(store.verify()).toMatchObject({ ok: true, rows: 3 });
    const db = attacker(store.path);
    db.exec('DROP TRIGGER IF EXISTS audit_subject_no_delete');
    db.prepare("DELETE FROM audit_subject WHERE key = 'SOC:900123456'").run();
    expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'search index lacks subject key SOC:900123456 of row 1' });
    db.prepare("INSERT INTO audit_subject (key, seq) VALUES ('SOC:900123456', 1), ('LIC:8ABC123/CA', 2)").run();
    expect(verifyAuditDatabase(store.path)).toMatchObject({ ok: false, reason: 'search index holds 4 subject keys for the live rows, the rows carry 3' });
    db.close();
  });

  it('keeps the chain when another process appends to the same file (an audit command recording its read)', async () => {
    const path = tempPath();
    const switchStore = openStore(path);
    const command = openStore(path);
    await switchStore.append(event(1));
    await command.append({ type: 'audit_read', at, outcome: 'success', operatorId: 'ACC19' });
    await switchStore.appendMany([event(3), event(4)]);
    await command.append({ type: 'audit_read', at, outcome: 'success', operatorId: 'ACC19' });
    await switchStore.append(event(6));
    expect(switchStore.query().map((row) => [row.seq, row.type])).toEqual([
      [1, 'transaction'], [2, 'audit_read'], [3, 'transaction'], [4, 'transaction'], [5, 'audit_read'], [6, 'transaction'],
    ]);
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 6 });
  });

  it('keeps the chain when another process appends while the writer thread commits', async () => {
    const path = tempPath();
    const switchStore = openStore(path, { writer: 'worker' });
    const command = openStore(path);
    await switchStore.append(event(1));
    await command.append({ type: 'audit_read', at, outcome: 'success', operatorId: 'ACC19' });
    // Linked onto seq 1 in this thread; the writer finds seq 2 and has the batch linked again.
    const receipts = await switchStore.appendMany([event(3), event(4)]);
    expect(receipts.map((receipt) => receipt.seq)).toEqual([3, 4]);
    await command.append({ type: 'audit_read', at, outcome: 'success', operatorId: 'ACC19' });
    await switchStore.append(event(6));
    expect(switchStore.query().map((row) => [row.seq, row.type])).toEqual([
      [1, 'transaction'], [2, 'audit_read'], [3, 'transaction'], [4, 'transaction'], [5, 'audit_read'], [6, 'transaction'],
    ]);
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 6 });
  });

  it('commits through the writer thread: a row is readable by another connection once its append resolved, and what one turn appends is one commit', async () => {
    const store = openStore(tempPath(), { writer: 'worker' });
    expect(store.writerMode).toBe('worker');
    const reader = new Database(store.path, { readonly: true });
    const count = (): number => (reader.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const appended = Array.from({ length: 50 }, (_, i) => store.append(event(i)));
    expect(count()).toBe(0);
    const receipts = await Promise.all(appended);
    expect(count()).toBe(50);
    expect(receipts.map((receipt) => receipt.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(store.stats()).toMatchObject({ commits: 1, rowsCommitted: 50 });
    reader.close();
  });

  it('looks subject keys up in their index and rows by seq; other searches use the indexes queries use', () => {
    const store = openStore();
    const plan = (criteria: Parameters<typeof normalizeSearch>[0], scope: 'all' | { oris: string[] } = 'all'): string => {
      const { sql, params } = buildSearch(normalizeSearch(criteria), scope);
      return (store.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
    };
    const keyed = plan({ keys: ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412'], keyPrefixes: ['LIC:8ABC123/'], from: at }, { oris: ['CA0190000'] });
    expect(keyed).toContain('USING INTEGER PRIMARY KEY (rowid=?)');
    expect(keyed).toMatch(/SEARCH audit_subject USING PRIMARY KEY \(key=\?\)|MULTI-INDEX OR/);
    expect(keyed).not.toMatch(/SCAN audit_log/);
    expect(plan({ operatorId: 'OP1', from: at })).toContain('USING INDEX audit_log_operator_at');
    expect(plan({ terminal: 'LA01' }, { oris: ['CA0190000'] })).toContain('USING INDEX audit_log_ori_at');
    const answers = (store.connection.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM audit_log INDEXED BY audit_log_answer
      WHERE json_extract(detail, '$.auditSeq') = 5 AND type IN ('response', 'reject', 'queued', 'completion')`).all() as { detail: string }[]);
    expect(answers.map((r) => r.detail).join()).toContain('USING INDEX audit_log_answer');
  });
});
