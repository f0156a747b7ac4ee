/**
 * The transaction journal: every transaction the switch accepted, from its receipt to its
 * completion, and what it answered lately, in SQLite (the message store's file, its own
 * connection). A message switch's promise, since AFTN and X.400, is that what it accepted is
 * delivered or explicitly reported undeliverable across any crash; the audit log proves what
 * happened, this journal is what lets the switch keep the promise after a restart:
 *
 * - a transaction's row (the transaction as accepted, its legs or deliveries, its audit seq,
 *   who asked and where to answer) is committed before its Receipt is sent, together with
 *   the terminal's input sequence number, so a restart neither forgets it nor repeats an ISN;
 * - a leg held for a system that is down (Nlets `.02.`) is marked before the QueuedNotice
 *   is sent: the notice is a promise to forward, kept across a restart;
 * - a local delivery is marked before the message reaches a terminal, so a delivery resumed
 *   after a crash does not reach anyone twice;
 * - the frames a transaction was answered with are kept for the duplicate window, so a
 *   terminal that resends after a crash is answered again, not processed twice.
 *
 * Writes are grouped as the audit store's are: every write of one event-loop turn goes into
 * one SQLite transaction, and a promise resolves after that commit. With `writer: 'worker'`
 * a writer thread runs the commits (journal-writer.ts), so their fsync never stops the loop;
 * what is written while a commit is under way forms the next. WAL checkpoints run in a
 * worker thread (audit/checkpointer.ts): the journal writes on the transaction path, and an
 * automatic checkpoint would block the loop.
 */
import Database from 'better-sqlite3';
import { decodeFrame, encodeFrame, type DecodedFrame, type DownPolicy, type Frame, type Transaction } from '@clets/protocol';
import { startTimerCheckpointer, startWorkerCheckpointer, type Checkpointer } from '../audit/checkpointer.js';
import { startJournalWriter, type JournalStatement, type JournalWriter } from './journal-writer.js';

/** Who sent a transaction and where to answer, as the journal keeps it. */
export interface SavedOrigin {
  readonly kind: 'terminal' | 'gateway' | 'link';
  /** Terminal mnemonic, or the peer id of a link. */
  readonly terminal: string;
  readonly operatorId: string;
  readonly sourceAddress: string;
  readonly fromLink?: string;
  readonly requestId?: string;
  readonly system?: string;
}

export interface SavedLeg {
  readonly system: string;
  readonly link: string;
  /** The files of that system the key searches. */
  readonly targets: readonly string[];
  readonly destinations: readonly string[];
}

/** The routing decision of an accepted transaction. */
export type SavedDecision =
  | { readonly kind: 'systems'; readonly legs: readonly SavedLeg[]; readonly whenDown: DownPolicy }
  /** A key the switch answers itself (RL). */
  | { readonly kind: 'local' }
  | {
    readonly kind: 'deliver';
    readonly local: readonly { readonly terminal: string; readonly destination: string }[];
    readonly remote: readonly (readonly [link: string, destinations: readonly string[]])[];
    readonly unknown: readonly string[];
    readonly whenDown: DownPolicy;
  };

/** What a transaction needs to be run again after a restart. */
export interface AcceptedTransaction {
  /** As accepted: header filled and stamped (input sequence, receive time). */
  readonly transaction: Transaction;
  /**
   * Its transaction row's seq; 0 while unknown: the row is written beside the audit row, not
   * after it, and the seq is only known once the audit row is committed (`audited`). At start,
   * an open row still at 0 is matched to its audit row, if there is one (TransactionPipeline.resume).
   */
  readonly auditSeq: number;
  /** The audit log's committed head when it was accepted: its transaction row's seq is past it. */
  readonly auditAfter?: number;
  readonly inputSeq: number;
  readonly receivedAt: number;
  readonly decision: SavedDecision;
  readonly origin: SavedOrigin;
}

/** Where a transaction sits in the duplicate window. */
export interface WindowPlace {
  readonly key: string;
  /** The replay scope's share of the window. */
  readonly share: string;
  readonly digest: string;
  readonly at: number;
}

/** A leg held for a link that is down (Nlets `.02.`): the sender was told. */
export interface HeldMark {
  readonly system: string;
  readonly link: string;
  readonly expiresAt: number;
}

/** One journal row as read back at start. */
export interface JournalEntry {
  readonly id: number;
  readonly place: WindowPlace;
  /** open: accepted and not finished (resumed at start); finished: answered to the end. */
  readonly state: 'open' | 'finished';
  /** The seq of its first audit row (the transaction's, or its reject's). */
  readonly auditSeq: number | undefined;
  /** What it was answered with (finished rows). */
  readonly frames: readonly DecodedFrame[];
  readonly accepted: AcceptedTransaction | undefined;
  readonly held: readonly HeldMark[];
  /** Deliveries already made (`local:<destination>`). */
  readonly parts: ReadonlySet<string>;
}

export interface TransactionJournalOptions {
  /** SQLite file (the message store's), or ':memory:' (nothing survives a restart). */
  readonly path: string;
  /** FULL: a commit survives a power loss (the default); NORMAL: a process crash only. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** WAL checkpoint period (worker thread); 0: none until close. */
  readonly checkpointIntervalMs?: number;
  /** 'worker': a writer thread commits (a file only); 'thread' (default): this thread. Reads are always this thread's. */
  readonly writer?: 'worker' | 'thread';
  readonly log?: { error(object: object, message?: string): void };
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS journal (
  id INTEGER PRIMARY KEY,
  replay_key TEXT NOT NULL,
  share TEXT NOT NULL,
  digest TEXT NOT NULL,
  at INTEGER NOT NULL,
  state TEXT NOT NULL,
  audit_seq INTEGER,
  accepted TEXT,
  transaction_frame BLOB,
  frames BLOB
) STRICT;
CREATE INDEX IF NOT EXISTS journal_open ON journal (id) WHERE state = 'open';
CREATE INDEX IF NOT EXISTS journal_finished ON journal (id, at) WHERE state = 'finished';
CREATE INDEX IF NOT EXISTS journal_at ON journal (at);
CREATE INDEX IF NOT EXISTS journal_audit_seq ON journal (audit_seq);
CREATE TABLE IF NOT EXISTS journal_held (
  journal_id INTEGER NOT NULL,
  system TEXT NOT NULL,
  link TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (journal_id, system)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journal_parts (
  journal_id INTEGER NOT NULL,
  part TEXT NOT NULL,
  PRIMARY KEY (journal_id, part)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journal_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS input_sequences (
  terminal TEXT NOT NULL,
  day TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (terminal, day)
) STRICT, WITHOUT ROWID;
`;

interface Row {
  id: number;
  replay_key: string;
  share: string;
  digest: string;
  at: number;
  state: string;
  audit_seq: number | null;
  accepted: string | null;
  transaction_frame: Uint8Array | null;
  frames: Uint8Array | null;
}

interface Write {
  readonly statements: readonly JournalStatement[];
  resolve(): void;
  reject(error: unknown): void;
}

const ACCEPT_SQL = `INSERT INTO journal (id, replay_key, share, digest, at, state, audit_seq, accepted, transaction_frame)
  VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`;
const FINISH_SQL = `INSERT INTO journal (id, replay_key, share, digest, at, state, audit_seq, frames)
  VALUES (?, ?, ?, ?, ?, 'finished', ?, ?)
  ON CONFLICT (id) DO UPDATE SET state = 'finished', frames = excluded.frames, audit_seq = coalesce(journal.audit_seq, excluded.audit_seq)`;
const AUDITED_SQL = 'UPDATE journal SET audit_seq = ? WHERE id = ? AND audit_seq IS NULL';
const DISCARD_SQL = "DELETE FROM journal WHERE id = ? AND state = 'open'";
const HELD_SQL = 'INSERT OR REPLACE INTO journal_held (journal_id, system, link, expires_at) VALUES (?, ?, ?, ?)';
const PART_SQL = 'INSERT OR IGNORE INTO journal_parts (journal_id, part) VALUES (?, ?)';
const SEQUENCE_SQL = 'INSERT INTO input_sequences (terminal, day, seq) VALUES (?, ?, ?) ON CONFLICT (terminal, day) DO UPDATE SET seq = max(seq, excluded.seq)';
const AUDITED_THROUGH_SQL = `INSERT INTO journal_meta (key, value) VALUES ('last_audit_seq', ?)
  ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`;
const KEEP_LAST_AUDIT_SEQ_SQL = `INSERT INTO journal_meta (key, value) VALUES ('last_audit_seq', coalesce((SELECT max(audit_seq) FROM journal), 0))
  ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`;

/**
 * The prune's selection, in this thread once a second: the finished rows past the window,
 * then the oldest finished rows beyond the count. Both are read from the partial index
 * `journal_finished` alone, in id order (a scan of the table's rows, frames and all, took
 * milliseconds per prune on a full window).
 */
export const PRUNE_EXPIRED_SQL = "SELECT id FROM journal WHERE state = 'finished' AND at <= ? ORDER BY id LIMIT ?";
export const PRUNE_OLDEST_SQL = "SELECT id FROM journal WHERE state = 'finished' AND id > ? ORDER BY id LIMIT ?";

/**
 * Rows deleted by one prune at most: a prune must not hold the loop for long. Pruned once a
 * second (switch.ts), it keeps up with 10,000 transactions a second.
 */
const PRUNE_CHUNK = 10_000;
const BUSY_TIMEOUT_MS = 1_000;

/**
 * The day an input sequence number counts in: the UTC date. The audit log keeps UTC times
 * (CJIS: time of every event in UTC), so an ISN and its transaction row name the same day
 * whatever the switch's time zone.
 */
export function sequenceDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export class TransactionJournal {
  /** False for ':memory:': nothing is kept across a restart. */
  readonly durable: boolean;
  /** Opened on a file that held no journal yet (a new switch, or one upgraded to the journal). */
  readonly fresh: boolean;
  readonly #db: Database.Database;
  readonly #log: TransactionJournalOptions['log'];
  /** Statements run in this thread, by their text (the same ones the writer thread runs). */
  readonly #prepared = new Map<string, Database.Statement>();
  #writer: JournalWriter | undefined;
  /** A batch is being committed by the writer thread. */
  #inFlight = false;
  #pruning = false;
  readonly #readSequenceStatement: Database.Statement;
  readonly #checkpointer: Checkpointer | undefined;
  #nextId: number;
  #queue: Write[] = [];
  #immediate: NodeJS.Immediate | undefined;
  /** Today's last input sequence number of each terminal seen. */
  readonly #sequences = new Map<string, { day: string; seq: number }>();
  /** Sequence numbers handed out and not yet committed. */
  readonly #dirtySequences = new Map<string, { day: string; seq: number }>();
  #finished = 0;
  #lastError: string | undefined;
  #closed: Promise<void> | undefined;

  constructor(options: TransactionJournalOptions) {
    this.durable = options.path !== ':memory:';
    this.#log = options.log;
    this.#db = new Database(options.path, { timeout: BUSY_TIMEOUT_MS });
    if (this.durable) {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      this.#db.pragma('wal_autocheckpoint = 0');
    }
    this.#db.exec(SCHEMA_SQL);
    this.#readSequenceStatement = this.#db.prepare('SELECT seq FROM input_sequences WHERE terminal = ? AND day = ?').pluck();
    this.#nextId = ((this.#db.prepare('SELECT max(id) FROM journal').pluck().get() as number | null) ?? 0) + 1;
    this.fresh = this.#nextId === 1 && this.#db.prepare('SELECT count(*) FROM journal_meta').pluck().get() === 0;
    this.#finished = this.#db.prepare("SELECT count(*) FROM journal WHERE state = 'finished'").pluck().get() as number;
    const intervalMs = options.checkpointIntervalMs ?? 1_000;
    if (this.durable && intervalMs > 0) this.#checkpointer = this.#startCheckpointer(options.path, intervalMs, options.synchronous ?? 'FULL');
    if (this.durable && options.writer === 'worker') {
      this.#writer = startJournalWriter({
        path: options.path, synchronous: options.synchronous ?? 'FULL', busyTimeoutMs: BUSY_TIMEOUT_MS,
        // The batch under way failed with it (logged, its promises rejected); what follows is written here.
        onExit: (error) => {
          this.#writer = undefined;
          this.#log?.error({ err: error }, 'journal: the writer thread stopped; writing in the main thread');
        },
      });
    }
  }

  /** 'worker' when a writer thread commits the journal's writes; 'thread' when this one does. */
  get writerMode(): 'worker' | 'thread' {
    return this.#writer === undefined ? 'thread' : 'worker';
  }

  /** An id for a new transaction (its row is written when it is accepted or finished). */
  nextId(): number {
    const id = this.#nextId;
    this.#nextId += 1;
    return id;
  }

  /**
   * The next input sequence number of a terminal line (per terminal per UTC day, as the
   * operator sees them), continuing from the last one handed out before a restart. It is
   * committed with the next write, at the latest with the transaction's own row, so before
   * its Receipt: a restart never hands out the same number twice in a day.
   */
  nextInputSeq(terminal: string, now: number): number {
    const day = sequenceDay(now);
    let current = this.#sequences.get(terminal);
    if (current === undefined || current.day !== day) {
      const stored = this.#readSequence(terminal, day);
      current = { day, seq: Math.max(stored, current?.day === day ? current.seq : 0) };
    }
    const next = { day, seq: current.seq + 1 };
    this.#sequences.set(terminal, next);
    this.#dirtySequences.set(terminal, next);
    this.#schedule();
    return next.seq;
  }

  /**
   * Commits an accepted transaction's row. Rejects when it cannot be written. Its audit seq
   * may be 0 (unknown yet: the audit row commits at the same time); `audited` fills it in.
   */
  accept(id: number, place: WindowPlace, accepted: AcceptedTransaction): Promise<void> {
    const frame = encodeFrame({ transaction: accepted.transaction }, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    const { transaction: _transaction, ...rest } = accepted;
    const json = JSON.stringify(rest);
    return this.#write([{ sql: ACCEPT_SQL, params: [id, place.key, place.share, place.digest, place.at, accepted.auditSeq > 0 ? accepted.auditSeq : null, json, frame] }]);
  }

  /**
   * The audit seq of a row accepted before its audit row was committed. Not waited for: it
   * goes with the next write; a row a crash left without it is matched at start.
   */
  audited(id: number, auditSeq: number): void {
    this.#write([{ sql: AUDITED_SQL, params: [auditSeq, id] }]).catch((error: unknown) => {
      this.#log?.error({ err: error, journalId: id }, 'journal: an audit seq could not be recorded');
    });
  }

  /** Drops an open row whose transaction was never audited (so never acknowledged): found at start. */
  discard(id: number): void {
    this.#write([{ sql: DISCARD_SQL, params: [id] }]).catch((error: unknown) => {
      this.#log?.error({ err: error, journalId: id }, 'journal: an unaudited row could not be dropped');
    });
  }

  /** Commits a held mark: called before the sender is told the leg is held (`.02.`). */
  held(id: number, mark: HeldMark): Promise<void> {
    return this.#write([{ sql: HELD_SQL, params: [id, mark.system, mark.link, mark.expiresAt] }]);
  }

  /** Commits that one part of a delivery is done (before the message reaches anyone). */
  part(id: number, part: string): Promise<void> {
    return this.#write([{ sql: PART_SQL, params: [id, part] }]);
  }

  /**
   * A transaction answered to its end (or refused before acceptance): its frames are kept
   * for the duplicate window. Not waited for: what was answered is already in the audit
   * log, and a transaction whose finish was lost in a crash is settled at start from there.
   * `frames` may come encoded already (`encodeFrames`), as the duplicate window keeps them.
   */
  finish(id: number, place: WindowPlace, auditSeq: number | undefined, frames: readonly Frame[] | Uint8Array): void {
    // Bound as it is (the driver takes a Uint8Array); the writer thread's batch copies it once.
    const blob = frames instanceof Uint8Array ? frames : encodeFrames(frames);
    this.#write([{ sql: FINISH_SQL, params: [id, place.key, place.share, place.digest, place.at, auditSeq ?? null, blob] }]).then(() => { this.#finished += 1; }, (error: unknown) => {
      this.#log?.error({ err: error, journalId: id }, 'journal: a finished transaction could not be recorded');
    });
  }

  /**
   * Every open row (accepted, not finished: to resume), and the finished rows still inside
   * the duplicate window, oldest first.
   */
  load(now: number, windowMs: number): JournalEntry[] {
    const rows = this.#db.prepare("SELECT * FROM journal WHERE state = 'open' OR at > ? ORDER BY id").all(now - windowMs) as Row[];
    const held = new Map<number, HeldMark[]>();
    for (const row of this.#db.prepare('SELECT * FROM journal_held').all() as { journal_id: number; system: string; link: string; expires_at: number }[]) {
      const marks = held.get(row.journal_id) ?? [];
      marks.push({ system: row.system, link: row.link, expiresAt: row.expires_at });
      held.set(row.journal_id, marks);
    }
    const parts = new Map<number, Set<string>>();
    for (const row of this.#db.prepare('SELECT * FROM journal_parts').all() as { journal_id: number; part: string }[]) {
      const done = parts.get(row.journal_id) ?? new Set<string>();
      done.add(row.part);
      parts.set(row.journal_id, done);
    }
    return rows.map((row) => toEntry(row, held.get(row.id) ?? [], parts.get(row.id) ?? new Set()));
  }

  /**
   * The highest audit seq of a transaction this journal recorded (kept when its row is
   * pruned): a transaction row the audit log has past it was written just before a crash that
   * came before its journal row, so before its Receipt.
   */
  lastAuditSeq(): number {
    const kept = this.#db.prepare("SELECT value FROM journal_meta WHERE key = 'last_audit_seq'").pluck().get() as number | undefined;
    const live = this.#db.prepare('SELECT max(audit_seq) FROM journal').pluck().get() as number | null;
    return Math.max(kept ?? 0, live ?? 0);
  }

  /**
   * What the audit log held when this journal began: its transaction rows are not this
   * journal's to account for (the start-up check looks only past them).
   */
  recordAuditedThrough(auditSeq: number): Promise<void> {
    return this.#write([{ sql: AUDITED_THROUGH_SQL, params: [auditSeq] }]);
  }

  /**
   * An input sequence number used before a crash that the journal did not record (its
   * transaction row is in the audit log): the terminal's next number comes after it.
   */
  sequenceUsed(terminal: string, at: number, seq: number): void {
    const day = sequenceDay(at);
    const current = this.#sequences.get(terminal);
    const known = current?.day === day ? current.seq : this.#readSequence(terminal, day);
    if (seq <= known) return;
    const value = { day, seq };
    this.#sequences.set(terminal, value);
    this.#dirtySequences.set(terminal, value);
    this.#schedule();
  }

  /** The finished row of a transaction by its audit seq (a late reply to one of its legs). */
  finishedByAuditSeq(auditSeq: number): JournalEntry | undefined {
    const row = this.#db.prepare("SELECT * FROM journal WHERE audit_seq = ? AND state = 'finished' ORDER BY id DESC LIMIT 1").get(auditSeq) as Row | undefined;
    return row === undefined ? undefined : toEntry(row, [], new Set());
  }

  /**
   * Drops finished rows older than the duplicate window, and the oldest finished rows beyond
   * `maxEntries` (the window's own bound), a chunk at a time; and sequence numbers of past days.
   */
  prune(now: number, windowMs: number, maxEntries: number): void {
    // One prune at a time: the rows are chosen from what is committed, and counted off when the deletion is.
    if (this.#closed !== undefined || this.#pruning) return;
    let ids: number[];
    try {
      const expired = this.#prepare(PRUNE_EXPIRED_SQL).pluck().all(now - windowMs, PRUNE_CHUNK) as number[];
      const excess = Math.max(0, this.#finished - expired.length - maxEntries);
      const oldest = excess === 0 ? [] : this.#prepare(PRUNE_OLDEST_SQL).pluck().all(expired[expired.length - 1] ?? 0, Math.min(excess, PRUNE_CHUNK)) as number[];
      ids = [...expired, ...oldest];
    } catch (error) {
      this.#log?.error({ err: error }, 'journal: prune failed');
      return;
    }
    const statements: JournalStatement[] = [];
    if (ids.length > 0) {
      // The ids as one JSON parameter: one statement text whatever their number, prepared once.
      const list = JSON.stringify(ids);
      statements.push(
        { sql: KEEP_LAST_AUDIT_SEQ_SQL, params: [] },
        { sql: 'DELETE FROM journal WHERE id IN (SELECT value FROM json_each(?))', params: [list] },
        { sql: 'DELETE FROM journal_held WHERE journal_id IN (SELECT value FROM json_each(?))', params: [list] },
        { sql: 'DELETE FROM journal_parts WHERE journal_id IN (SELECT value FROM json_each(?))', params: [list] },
      );
    }
    statements.push({ sql: 'DELETE FROM input_sequences WHERE day < ?', params: [sequenceDay(now)] });
    this.#pruning = true;
    this.#write(statements).then(() => {
      this.#finished = Math.max(0, this.#finished - ids.length);
    }, (error: unknown) => this.#log?.error({ err: error }, 'journal: prune failed')).finally(() => {
      this.#pruning = false;
    });
  }

  /**
   * The journal's own connection, for diagnostics and fault-injection tests (PRAGMA
   * max_page_count: a disk that fills).
   */
  get connection(): Database.Database {
    return this.#db;
  }

  /** Finished rows kept (the duplicate window's durable part). */
  get finishedRows(): number {
    return this.#finished;
  }

  health(): { writable: boolean; lastError: string | undefined; pending: number } {
    return { writable: this.#lastError === undefined, lastError: this.#lastError, pending: this.#queue.length + this.#dirtySequences.size };
  }

  /** Commits what is queued now. */
  flush(): Promise<void> {
    return this.#write([]);
  }

  /** Commits what is queued, stops the checkpointer, closes the file. Idempotent. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        await this.flush();
      } catch {
        // reported with the write that failed
      }
      await this.#writer?.stop();
      this.#writer = undefined;
      await this.#checkpointer?.stop();
      if (this.durable) {
        try {
          this.#db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // the WAL is replayed at the next open
        }
      }
      this.#db.close();
    })();
    return this.#closed;
  }

  #readSequence(terminal: string, day: string): number {
    try {
      return (this.#readSequenceStatement.get(terminal, day) as number | undefined) ?? 0;
    } catch (error) {
      this.#log?.error({ err: error, terminal }, 'journal: input sequence could not be read');
      return 0;
    }
  }

  #write(statements: readonly JournalStatement[]): Promise<void> {
    if (!this.#db.open) return Promise.reject(new Error('journal closed'));
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ statements, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    // A batch under way with the writer thread takes what is queued up when it is committed.
    if (this.#inFlight) return;
    this.#immediate ??= setImmediate(() => {
      this.#immediate = undefined;
      this.#commit();
    });
  }

  /** Everything queued in this turn, and the sequence numbers handed out, in one transaction. */
  #commit(): void {
    const writes = this.#queue;
    this.#queue = [];
    const sequences = [...this.#dirtySequences];
    this.#dirtySequences.clear();
    if (!this.#db.open) {
      const error = new Error('journal closed');
      for (const write of writes) write.reject(error);
      return;
    }
    if (writes.length === 0 && sequences.length === 0) return;
    const statements: JournalStatement[] = [];
    for (const [terminal, { day, seq }] of sequences) statements.push({ sql: SEQUENCE_SQL, params: [terminal, day, seq] });
    for (const write of writes) statements.push(...write.statements);
    const writer = this.#writer;
    if (writer === undefined) {
      try {
        this.#db.transaction(() => {
          for (const statement of statements) this.#prepare(statement.sql).run(...statement.params);
        })();
      } catch (error) {
        this.#failed(error, writes, sequences);
        return;
      }
      this.#committed(writes);
      return;
    }
    this.#inFlight = true;
    writer.commit(statements).then(() => {
      this.#inFlight = false;
      this.#committed(writes);
      if (this.#queue.length > 0 || this.#dirtySequences.size > 0) this.#schedule();
    }, (error: unknown) => {
      this.#inFlight = false;
      this.#failed(error, writes, sequences);
      // Numbers put back wait for the next write, as after a failure in this thread.
      if (this.#queue.length > 0) this.#schedule();
    });
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#prepared.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#prepared.set(sql, statement);
    }
    return statement;
  }

  #committed(writes: readonly Write[]): void {
    this.#lastError = undefined;
    for (const write of writes) write.resolve();
  }

  #failed(error: unknown, writes: readonly Write[], sequences: readonly (readonly [string, { day: string; seq: number }])[]): void {
    this.#lastError = error instanceof Error ? error.message : String(error);
    this.#log?.error({ err: error, writes: writes.length }, 'journal commit failed');
    // The numbers were handed out: they are written with the next commit that succeeds.
    for (const [terminal, value] of sequences) if (!this.#dirtySequences.has(terminal)) this.#dirtySequences.set(terminal, value);
    for (const write of writes) write.reject(error);
  }

  #startCheckpointer(path: string, intervalMs: number, synchronous: string): Checkpointer {
    const listener = {
      result: () => {},
      error: (error: Error) => this.#log?.error({ err: error }, 'journal checkpoint failed'),
    };
    try {
      return startWorkerCheckpointer({
        path, intervalMs, restartFrames: 4096, busyTimeoutMs: BUSY_TIMEOUT_MS, synchronous, listener,
        onExit: () => {},
      });
    } catch {
      return startTimerCheckpointer(this.#db, intervalMs, listener);
    }
  }
}

/** Frames one after another, each preceded by its length (4 bytes, big-endian). */
export function encodeFrames(frames: readonly Frame[]): Uint8Array {
  return joinFrames(frames.map((frame) => encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER })));
}

/** Frames already encoded, one after another in the layout of `encodeFrames`. */
export function joinFrames(encoded: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(encoded.reduce((total, bytes) => total + 4 + bytes.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const bytes of encoded) {
    view.setUint32(offset, bytes.length);
    out.set(bytes, offset + 4);
    offset += 4 + bytes.length;
  }
  return out;
}

export function decodeFrames(bytes: Uint8Array): DecodedFrame[] {
  const frames: DecodedFrame[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset + 4 <= bytes.length;) {
    const length = view.getUint32(offset);
    frames.push(decodeFrame(bytes.subarray(offset + 4, offset + 4 + length), { maxFrameBytes: Number.MAX_SAFE_INTEGER }));
    offset += 4 + length;
  }
  return frames;
}

function toEntry(row: Row, held: readonly HeldMark[], parts: ReadonlySet<string>): JournalEntry {
  let accepted: AcceptedTransaction | undefined;
  if (row.accepted !== null && row.transaction_frame !== null) {
    const rest = JSON.parse(row.accepted) as Omit<AcceptedTransaction, 'transaction'>;
    const transaction = decodeFrame(row.transaction_frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }).transaction ?? {};
    accepted = { ...rest, auditSeq: row.audit_seq ?? (rest.auditSeq || 0), transaction };
  }
  return {
    id: row.id,
    place: { key: row.replay_key, share: row.share, digest: row.digest, at: row.at },
    state: row.state === 'finished' ? 'finished' : 'open',
    auditSeq: row.audit_seq ?? undefined,
    frames: row.frames === null ? [] : decodeFrames(row.frames),
    accepted, held, parts,
  };
}
