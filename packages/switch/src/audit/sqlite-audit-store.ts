/**
 * The audit log in SQLite (better-sqlite3), WAL mode. One prepared INSERT per row, one
 * transaction per batch (77k rows/s in 100-row transactions against 13.6k autocommits/s
 * measured here), checkpoints off the event loop (checkpointer.ts).
 *
 * Durability of an acknowledged row (README.md has the measurements):
 * - synchronous=FULL (default): the WAL is fsync'd before COMMIT returns, so a row whose
 *   append resolved survives a process crash and a power loss.
 * - synchronous=NORMAL: COMMIT returns once the WAL frames are written to the OS, so the row
 *   survives a process crash (SIGKILL) but the last commits before a power loss or kernel
 *   crash may be lost (the database stays consistent: lost rows are a tail, not a hole).
 */
import Database from 'better-sqlite3';
import { CletsError } from '@clets/protocol';
import { ChainedAuditStore, type ChainedAuditStoreOptions } from './chained-audit-store.js';
import { isChainHash, linkRows, newGenesis } from './chain.js';
import { startTimerCheckpointer, startWorkerCheckpointer, type CheckpointListener, type CheckpointResult, type Checkpointer } from './checkpointer.js';
import { startWriterThread, type WriterThread } from './writer-thread.js';
import type { NormalizedAuditFilter } from './filter.js';
import type { AuditRowBody, StoredAuditRow } from './record.js';
import { buildHit, prefixEnd, type AnswerRow, type NormalizedAuditScope, type NormalizedAuditSearch } from './search.js';
import {
  INSERT_ROW_SQL,
  SCHEMA_SQL,
  SELECT_ANSWERS_SQL,
  SELECT_COLUMNS,
  UPSERT_HEAD_SQL,
  migrateSchema,
  readGenesis,
  readLastRow,
  readRecordedHead,
} from './sqlite-schema.js';
import type { AuditSearchHit, ChainHead, VerifyOptions, VerifyResult } from './types.js';
import { verifyOpenDatabase } from './verify-database.js';

export type AuditSynchronous = 'NORMAL' | 'FULL';

export interface SqliteAuditStoreOptions extends ChainedAuditStoreOptions {
  /** Database file; ':memory:' for a throw-away store (no WAL, no checkpoints). */
  path: string;
  /** Default FULL: see the durability statement above. */
  synchronous?: AuditSynchronous;
  /** PASSIVE checkpoint period; 0: none until close. Default 1000. */
  checkpointIntervalMs?: number;
  /** 'worker' (default): a worker thread with its own connection; 'timer': this thread. */
  checkpointMode?: 'worker' | 'timer';
  /**
   * WAL frames (pages) past which, after a worker checkpoint, this thread runs a short catch-up
   * checkpoint so the WAL can start over. 0: never. Default 4096 (16 MiB of 4 KiB pages).
   */
  checkpointRestartFrames?: number;
  /** How long a write waits for a lock held by another connection. Blocks the loop: keep it short. Default 100. */
  busyTimeoutMs?: number;
  /** Genesis of a new database (64 hex digits); default random. An existing database must match. */
  genesis?: string;
  /**
   * Where appends are committed: 'worker', a writer thread with its own connection
   * (writer-thread.ts: the fsync of each commit off the event loop); 'thread' (default),
   * this thread, through `connection`. Reads, verification and the recovery row always use
   * this thread's connection. An in-memory database is always written in this thread.
   */
  writer?: 'worker' | 'thread';
}

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;
export const DEFAULT_BUSY_TIMEOUT_MS = 100;
export const DEFAULT_CHECKPOINT_RESTART_FRAMES = 4096;
/** The writer truncates the WAL file back to this size when it starts it over. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

interface OpenedDatabase {
  db: Database.Database;
  genesis: string;
  head: ChainHead;
  memory: boolean;
}

export class SqliteAuditStore extends ChainedAuditStore {
  readonly path: string;
  readonly synchronous: AuditSynchronous;
  readonly genesis: string;
  readonly #db: Database.Database;
  readonly #commitRows: Database.Transaction<(head: ChainHead, bodies: readonly AuditRowBody[]) => StoredAuditRow[]>;
  readonly #selectAnswers: Database.Statement;
  readonly #selectCache = new Map<string, Database.Statement>();
  readonly #checkpointIntervalMs: number;
  readonly #checkpointListener: CheckpointListener;
  #checkpointer: Checkpointer | undefined;
  #writer: WriterThread | undefined;
  #released = false;

  constructor(options: SqliteAuditStoreOptions) {
    const synchronous = options.synchronous ?? 'FULL';
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new RangeError('synchronous must be FULL or NORMAL');
    const checkpointIntervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    if (!Number.isFinite(checkpointIntervalMs) || checkpointIntervalMs < 0) throw new RangeError('checkpointIntervalMs must be >= 0');
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    const opened = openDatabase(options.path, synchronous, busyTimeoutMs, options.genesis);
    super(opened.head, options);
    this.path = options.path;
    this.synchronous = synchronous;
    this.genesis = opened.genesis;
    this.#db = opened.db;
    this.#checkpointIntervalMs = checkpointIntervalMs;

    const insert = this.#db.prepare(INSERT_ROW_SQL);
    const upsertHead = this.#db.prepare(UPSERT_HEAD_SQL);
    const selectHead = this.#db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    this.#selectAnswers = this.#db.prepare(SELECT_ANSWERS_SQL);
    this.#commitRows = this.#db.transaction((head: ChainHead, bodies: readonly AuditRowBody[]) => {
      // Another process (an audit command recording its own read) may have appended since
      // this store's last commit; the head it recorded is where this batch goes on.
      const recorded = selectHead.get() as ChainHead | undefined;
      const base = recorded === undefined || (recorded.seq === head.seq && recorded.hash === head.hash) ? head : recorded;
      const rows = linkRows(base, bodies);
      for (const r of rows) {
        insert.run(r.seq, r.at, r.type, r.operatorId, r.terminal, r.ori, r.sourceAddress, r.messageKey, r.inputSeq,
          r.clientMessageId, r.routeTo, r.destinations, r.outcome, r.code, r.bytes, r.detail, r.switchId, r.subjectKeys, r.prevHash, r.hash);
      }
      const last = rows[rows.length - 1];
      if (last !== undefined) upsertHead.run(last.seq, last.hash);
      return rows;
    });

    this.#checkpointListener = {
      result: (result) => {
        this.counters.checkpoints += 1;
        this.counters.walFrames = result.log;
      },
      error: (error) => {
        this.counters.lastCheckpointError = error.message;
      },
    };
    if (!opened.memory && options.writer === 'worker') {
      this.#writer = startWriterThread({
        path: this.path,
        synchronous,
        busyTimeoutMs,
        journalSizeLimitBytes: JOURNAL_SIZE_LIMIT_BYTES,
        insertSql: INSERT_ROW_SQL,
        upsertHeadSql: UPSERT_HEAD_SQL,
        // The batch under way failed with it (an audit failure, alerted); what follows is written here.
        onExit: () => {
          this.#writer = undefined;
        },
      });
    }
    if (!opened.memory && checkpointIntervalMs > 0) {
      this.#checkpointer = options.checkpointMode === 'timer'
        ? startTimerCheckpointer(this.#db, checkpointIntervalMs, this.#checkpointListener)
        : this.#startWorker(busyTimeoutMs, options.checkpointRestartFrames ?? DEFAULT_CHECKPOINT_RESTART_FRAMES);
    }
  }

  /**
   * The worker copied the WAL up to where it was when it started; the frames committed since
   * are the only ones left. Copying them here, in the writer's own thread, leaves no frame
   * behind when the next commit begins, so that commit writes the WAL from its start instead
   * of growing it. PASSIVE never waits for a lock; it costs the event loop the copy of those
   * few frames and a database fsync, once per long-WAL checkpoint instead of every 1000 pages. A reader holding an old snapshot
   * (a `clets-audit verify` run) still keeps the WAL from starting over until it finishes.
   */
  #catchUp(workerResult: CheckpointResult, restartFrames: number): void {
    if (this.#released || restartFrames === 0 || workerResult.log < restartFrames) return;
    // The writer is the thread that must find the WAL copied to its end; it runs the catch-up between two commits.
    if (this.#writer !== undefined) {
      this.#writer.catchUp().then((restarted) => {
        if (restarted) this.counters.walRestarts += 1;
      }, (error: Error) => {
        this.counters.lastCheckpointError = error.message;
      });
      return;
    }
    try {
      const [row] = this.#db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      if (row !== undefined && row.busy === 0 && row.log === row.checkpointed) this.counters.walRestarts += 1;
    } catch (error) {
      this.counters.lastCheckpointError = (error as Error).message;
    }
  }

  /**
   * The store's own connection, for diagnostics and fault-injection tests (PRAGMA
   * max_page_count, query_only). Writing through it breaks the chain.
   */
  get connection(): Database.Database {
    return this.#db;
  }

  /** 'worker' when appends are committed by the writer thread; 'thread' when in this one. */
  get writerMode(): 'worker' | 'thread' {
    return this.#writer === undefined ? 'thread' : 'worker';
  }

  /** 'worker', 'timer', or 'none' (in-memory database or checkpointIntervalMs 0). */
  get checkpointMode(): 'worker' | 'timer' | 'none' {
    return this.#checkpointer?.mode ?? 'none';
  }

  /** One PASSIVE checkpoint now, through the checkpointer when there is one. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.#released) return Promise.reject(new Error('audit store closed'));
    return this.#checkpointer?.checkpointNow() ?? startTimerCheckpointer(this.#db, 0, this.#checkpointListener).checkpointNow();
  }

  protected commitRows(head: ChainHead, bodies: readonly AuditRowBody[]): StoredAuditRow[] {
    return this.#commitRows.immediate(head, bodies);
  }

  protected override commitAsync(head: ChainHead, bodies: readonly AuditRowBody[]): Promise<StoredAuditRow[]> | undefined {
    const writer = this.#writer;
    return writer === undefined ? undefined : commitThrough(writer, head, bodies);
  }

  protected readHead(): ChainHead {
    return readLastRow(this.#db, this.genesis);
  }

  protected selectRows(filter: NormalizedAuditFilter): StoredAuditRow[] {
    const { sql, params } = buildSelect(filter);
    let statement = this.#selectCache.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#selectCache.set(sql, statement);
    }
    return statement.all(...params) as StoredAuditRow[];
  }

  protected searchRows(search: NormalizedAuditSearch, scope: NormalizedAuditScope): AuditSearchHit[] {
    if (scope !== 'all' && scope.oris.length === 0) return [];
    const { sql, params } = buildSearch(search, scope);
    let statement = this.#selectCache.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#selectCache.set(sql, statement);
    }
    const rows = statement.all(...params) as StoredAuditRow[];
    return rows.map((row) => buildHit(row, search, this.#selectAnswers.all(row.seq) as AnswerRow[]));
  }

  protected verifyStored(options: VerifyOptions): VerifyResult {
    return verifyOpenDatabase(this.#db, options);
  }

  protected async releaseStorage(): Promise<void> {
    this.#released = true;
    const writer = this.#writer;
    this.#writer = undefined;
    await writer?.stop();
    const checkpointer = this.#checkpointer;
    this.#checkpointer = undefined;
    // The worker's connection goes first: closing the last connection checkpoints the WAL
    // into the database and removes it.
    await checkpointer?.stop();
    this.#db.close();
  }

  #startWorker(busyTimeoutMs: number, restartFrames: number): Checkpointer {
    return startWorkerCheckpointer({
      path: this.path,
      intervalMs: this.#checkpointIntervalMs,
      restartFrames,
      busyTimeoutMs,
      synchronous: this.synchronous,
      listener: {
        result: (result) => {
          this.#checkpointListener.result(result);
          this.#catchUp(result, restartFrames);
        },
        error: (error) => this.#checkpointListener.error(error),
      },
      onExit: (error) => {
        // Without checkpoints the WAL grows without bound: keep them going in this thread.
        this.counters.lastCheckpointError = `checkpoint worker stopped (${error?.message ?? 'no reason'}); checkpoints run on a timer in the main thread`;
        if (!this.#released) this.#checkpointer = startTimerCheckpointer(this.#db, this.#checkpointIntervalMs, this.#checkpointListener);
      },
    });
  }
}

/** How often a batch is linked again when another writer moved the head meanwhile, before it fails. */
const RELINK_ATTEMPTS = 3;

/**
 * Links a batch and has the writer thread commit it. Another writer (an audit command
 * recording its own read) may have appended since: the batch is then linked again onto the
 * head the writer found.
 */
async function commitThrough(writer: WriterThread, head: ChainHead, bodies: readonly AuditRowBody[]): Promise<StoredAuditRow[]> {
  let base = head;
  for (let attempt = 1; ; attempt++) {
    const canonical: string[] = [];
    const rows = linkRows(base, bodies, canonical);
    const outcome = await writer.commit(base, rows, canonical);
    if (outcome.kind === 'committed') return rows;
    if (outcome.kind === 'failed') throw outcome.error;
    if (attempt >= RELINK_ATTEMPTS) throw new Error(`the audit chain head kept moving under another writer (now at seq ${outcome.head.seq})`);
    base = outcome.head;
  }
}

/**
 * The query for a filter. The index is chosen here, not left to the planner: with
 * `ORDER BY seq LIMIT n` and no statistics SQLite prefers walking the primary key from seq 1,
 * which for "since last Monday" reads the whole year first. Operator and ORI indexes also
 * carry `at`, so a time window narrows them too; the matches are then sorted by seq.
 */
export function buildSelect(filter: NormalizedAuditFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.fromAt !== undefined) add('at >= ?', filter.fromAt);
  if (filter.toAt !== undefined) add('at < ?', filter.toAt);
  if (filter.operatorId !== undefined) add('operator_id = ?', filter.operatorId);
  if (filter.ori !== undefined) add('ori = ?', filter.ori);
  if (filter.terminal !== undefined) add('terminal = ?', filter.terminal);
  if (filter.types !== undefined) add(`type IN (${filter.types.map(() => '?').join(', ')})`, ...filter.types);
  if (filter.messageKey !== undefined) add('message_key = ?', filter.messageKey);
  if (filter.outcome !== undefined) add('outcome = ?', filter.outcome);
  if (filter.afterSeq !== undefined) add('seq > ?', filter.afterSeq);
  params.push(filter.limit);
  let index = '';
  if (filter.operatorId !== undefined) index = ' INDEXED BY audit_log_operator_at';
  else if (filter.ori !== undefined) index = ' INDEXED BY audit_log_ori_at';
  else if (filter.fromAt !== undefined || filter.toAt !== undefined) index = ' INDEXED BY audit_log_at';
  const whereSql = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT ${SELECT_COLUMNS} FROM audit_log${index}${whereSql} ORDER BY seq LIMIT ?`, params };
}

/**
 * The query for a search: transactions and refused transactions, by subject key (through the
 * `audit_subject` index: one B-tree range per key, then the rows by seq), else by operator,
 * ORI or time through the indexes `buildSelect` uses. The scope is a filter on the row's ORI.
 */
export function buildSearch(search: NormalizedAuditSearch, scope: NormalizedAuditScope): { sql: string; params: unknown[] } {
  const where: string[] = ["(type = 'transaction' OR (type = 'reject' AND input_seq IS NULL))"];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (search.keys !== undefined || search.keyPrefixes !== undefined) {
    const terms: string[] = [];
    const values: unknown[] = [];
    if (search.keys !== undefined) {
      terms.push(`key IN (${search.keys.map(() => '?').join(', ')})`);
      values.push(...search.keys);
    }
    for (const prefix of search.keyPrefixes ?? []) {
      terms.push('(key >= ? AND key < ?)');
      values.push(prefix, prefixEnd(prefix));
    }
    add(`seq IN (SELECT seq FROM audit_subject WHERE ${terms.join(' OR ')})`, ...values);
  }
  if (search.fromAt !== undefined) add('at >= ?', search.fromAt);
  if (search.toAt !== undefined) add('at < ?', search.toAt);
  if (search.operatorId !== undefined) add('operator_id = ?', search.operatorId);
  if (search.terminal !== undefined) add('terminal = ?', search.terminal);
  if (search.ori !== undefined) add('ori = ?', search.ori);
  if (scope !== 'all') add(`ori IN (${scope.oris.map(() => '?').join(', ')})`, ...scope.oris);
  if (search.afterSeq !== undefined) add('seq > ?', search.afterSeq);
  params.push(search.limit);
  // A subject key narrows most: its matches are looked up by seq (NOT INDEXED still allows the
  // rowid; left alone, the planner walks an agency's whole ORI index instead). Otherwise the
  // index of the narrowest other criterion is named, for the reason buildSelect gives.
  let index = ' NOT INDEXED';
  if (search.keys === undefined && search.keyPrefixes === undefined) {
    index = '';
    if (search.operatorId !== undefined) index = ' INDEXED BY audit_log_operator_at';
    else if (search.ori !== undefined || scope !== 'all') index = ' INDEXED BY audit_log_ori_at';
    else if (search.fromAt !== undefined || search.toAt !== undefined) index = ' INDEXED BY audit_log_at';
  }
  return { sql: `SELECT ${SELECT_COLUMNS} FROM audit_log${index} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`, params };
}

/** Opens (creating if needed) the audit database. Child processes use this too (crash tests). */
export function openAuditStore(options: SqliteAuditStoreOptions): SqliteAuditStore {
  return new SqliteAuditStore(options);
}

function openDatabase(path: string, synchronous: AuditSynchronous, busyTimeoutMs: number, wantedGenesis: string | undefined): OpenedDatabase {
  if (wantedGenesis !== undefined && !isChainHash(wantedGenesis)) throw new RangeError('genesis must be 64 lowercase hex digits');
  const memory = path === ':memory:' || path === '';
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: busyTimeoutMs });
    if (!memory) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, WAL needed`);
    }
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    const database = db;
    database.transaction(() => {
      database.exec(SCHEMA_SQL);
      migrateSchema(database, wantedGenesis, newGenesis);
    }).immediate();
    const genesis = readGenesis(db);
    if (wantedGenesis !== undefined && wantedGenesis !== genesis) throw new Error('database genesis differs from the one configured');
    const head = readLastRow(db, genesis);
    const recorded = readRecordedHead(db) ?? { seq: 0, hash: genesis };
    // Both are written in the same transaction: a difference means the file was edited.
    if (recorded.seq !== head.seq || recorded.hash !== head.hash) {
      throw new Error(`last row ${head.seq} differs from the recorded head ${recorded.seq}: the log was altered, run clets-audit verify`);
    }
    return { db, genesis, head, memory };
  } catch (error) {
    db?.close();
    const message = error instanceof Error ? error.message : String(error);
    throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `cannot open audit database ${path}: ${message}`, { cause: error });
  }
}
