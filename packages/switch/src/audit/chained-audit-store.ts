/**
 * Group commit, the chain head and failure handling, shared by every audit store; a subclass
 * only writes a batch atomically and reads rows back.
 *
 * Group commit: `append` queues the row and returns a promise. The queue is committed in one
 * transaction per event-loop turn (setImmediate), or at once when batchMaxRows rows wait; each
 * promise resolves after the commit that holds its row. The switch sends its Receipt only then
 * (CJIS: never process what cannot be audited).
 *
 * A store may commit off this thread (`commitAsync`): then one batch is under way at a time,
 * and what is appended while it commits waits for it and forms the next batch.
 *
 * Seqs and hashes are given at commit time, from the head of the last *committed* row, so a
 * failed batch leaves nothing to roll back: the head never moved. A store whose storage another
 * process may append to (an audit command recording its own read) links the batch inside its
 * write transaction from the head storage holds.
 */
import { CletsError } from '@clets/protocol';
import { normalizeFilter, type NormalizedAuditFilter } from './filter.js';
import { formatAuditTime, toAuditRow, toRowBody, type AuditRowBody, type StoredAuditRow } from './record.js';
import { normalizeScope, normalizeSearch, type NormalizedAuditScope, type NormalizedAuditSearch } from './search.js';
import type {
  AuditEvent,
  AuditFailure,
  AuditFilter,
  AuditHealth,
  AuditReader,
  AuditReceipt,
  AuditRecovery,
  AuditRow,
  AuditScope,
  AuditSearch,
  AuditSearchHit,
  AuditStats,
  AuditStore,
  ChainHead,
  VerifyOptions,
  VerifyResult,
} from './types.js';

export interface ChainedAuditStoreOptions {
  /** Most rows in one transaction; a full queue commits at once. Default 1000. */
  batchMaxRows?: number;
  /** While not writable, probe this often (timer unref'd); 0: only explicit probe(). Default 1000. */
  retryIntervalMs?: number;
  /** Time of the rows the store writes itself (audit_state, audit_read). Default Date.now. */
  clock?: () => number;
  /** Stamped on rows that carry no switchId. */
  switchId?: string;
}

interface PendingAppend {
  body: AuditRowBody;
  resolve: (receipt: AuditReceipt) => void;
  reject: (error: Error) => void;
}

export const DEFAULT_BATCH_MAX_ROWS = 1000;
export const DEFAULT_RETRY_INTERVAL_MS = 1000;

export abstract class ChainedAuditStore implements AuditStore {
  protected readonly clock: () => number;
  protected readonly counters: AuditStats = {
    commits: 0,
    rowsCommitted: 0,
    largestBatch: 0,
    failedCommits: 0,
    rejectedAppends: 0,
    checkpoints: 0,
    walRestarts: 0,
    walFrames: 0,
  };

  readonly #batchMaxRows: number;
  readonly #retryIntervalMs: number;
  readonly #switchId: string | null;
  readonly #failureListeners = new Set<(failure: AuditFailure) => void>();
  readonly #recoverListeners = new Set<(recovery: AuditRecovery) => void>();
  #head: ChainHead;
  #queue: PendingAppend[] = [];
  #immediate: NodeJS.Immediate | undefined;
  #draining = false;
  #writable = true;
  #lastError: string | undefined;
  #downSince: number | undefined;
  #rejectedWhileDown = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #closing = false;
  #closed: Promise<void> | undefined;
  /** A batch is being committed off this thread. */
  #inFlight = false;
  /** flush() callers waiting for the queue and the batch under way to be committed. */
  #idleWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  protected constructor(head: ChainHead, options: ChainedAuditStoreOptions) {
    const batchMaxRows = options.batchMaxRows ?? DEFAULT_BATCH_MAX_ROWS;
    const retryIntervalMs = options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
    if (!Number.isSafeInteger(batchMaxRows) || batchMaxRows < 1) throw new RangeError('batchMaxRows must be a positive integer');
    if (!Number.isFinite(retryIntervalMs) || retryIntervalMs < 0) throw new RangeError('retryIntervalMs must be >= 0');
    this.#head = head;
    this.#batchMaxRows = batchMaxRows;
    this.#retryIntervalMs = retryIntervalMs;
    this.#switchId = options.switchId ?? null;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Links the bodies onto `head` (or onto the head storage holds, when another writer moved
   * it) and writes them in one transaction, all or none; returns the rows written. Throws on
   * failure.
   */
  protected abstract commitRows(head: ChainHead, bodies: readonly AuditRowBody[]): StoredAuditRow[];
  /**
   * The same, committed off this thread: the promise settles once the rows are committed (or
   * not). Undefined: this store commits in this thread, through commitRows, now.
   */
  protected commitAsync(_head: ChainHead, _bodies: readonly AuditRowBody[]): Promise<StoredAuditRow[]> | undefined {
    return undefined;
  }
  /** The last committed link as storage has it (re-read after a failure whose outcome is unknown). */
  protected abstract readHead(): ChainHead;
  protected abstract selectRows(filter: NormalizedAuditFilter): StoredAuditRow[];
  protected abstract searchRows(search: NormalizedAuditSearch, scope: NormalizedAuditScope): AuditSearchHit[];
  protected abstract verifyStored(options: VerifyOptions): VerifyResult;
  protected abstract releaseStorage(): Promise<void>;

  append(event: AuditEvent): Promise<AuditReceipt> {
    let body: AuditRowBody;
    try {
      body = toRowBody(event, this.#switchId);
    } catch (error) {
      return Promise.reject(error);
    }
    const refusal = this.#refusal(1);
    if (refusal !== undefined) return Promise.reject(refusal);
    return new Promise((resolve, reject) => this.#enqueue({ body, resolve, reject }));
  }

  appendMany(events: readonly AuditEvent[]): Promise<AuditReceipt[]> {
    let bodies: AuditRowBody[];
    try {
      bodies = events.map((event) => toRowBody(event, this.#switchId));
    } catch (error) {
      return Promise.reject(error);
    }
    if (bodies.length === 0) return Promise.resolve([]);
    const refusal = this.#refusal(bodies.length);
    if (refusal !== undefined) return Promise.reject(refusal);
    return Promise.all(bodies.map((body) => new Promise<AuditReceipt>((resolve, reject) => this.#enqueue({ body, resolve, reject }))));
  }

  flush(): Promise<void> {
    const failure = this.#drain();
    if (failure !== undefined) return Promise.reject(failure);
    if (!this.#inFlight && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.#idleWaiters.push({ resolve, reject }));
  }

  query(filter?: AuditFilter): AuditRow[] {
    return this.selectRows(normalizeFilter(filter)).map(toAuditRow);
  }

  async queryAudited(filter: AuditFilter, reader: AuditReader): Promise<AuditRow[]> {
    const normalized = normalizeFilter(filter);
    await this.append(readEvent(reader, this.clock(), { action: 'query', filter: normalized }));
    return this.selectRows(normalized).map(toAuditRow);
  }

  search(criteria: AuditSearch, scope: AuditScope): AuditSearchHit[] {
    return this.searchRows(normalizeSearch(criteria), normalizeScope(scope));
  }

  async searchAudited(criteria: AuditSearch, scope: AuditScope, reader: AuditReader): Promise<AuditSearchHit[]> {
    const search = normalizeSearch(criteria);
    const normalizedScope = normalizeScope(scope);
    // CJIS: any access to the audit log is audited; what was looked for is part of the record.
    await this.append(readEvent(reader, this.clock(), { action: 'search', search, scope: normalizedScope }));
    return this.searchRows(search, normalizedScope);
  }

  verify(options: VerifyOptions = {}): VerifyResult {
    return this.verifyStored(options);
  }

  async verifyAudited(reader: AuditReader, options: VerifyOptions = {}): Promise<VerifyResult> {
    await this.append(readEvent(reader, this.clock(), { action: 'verify' }));
    return this.verifyStored(options);
  }

  health(): AuditHealth {
    const health: AuditHealth = {
      writable: this.#writable && !this.#closing,
      pending: this.#queue.length + (this.#inFlight ? 1 : 0),
      lastSeq: this.#head.seq,
      lastHash: this.#head.hash,
    };
    if (this.#lastError !== undefined) health.lastError = this.#lastError;
    else if (this.#closing) health.lastError = 'audit store closed';
    return health;
  }

  stats(): AuditStats {
    return { ...this.counters };
  }

  async probe(): Promise<boolean> {
    if (this.#closing) return false;
    if (this.#writable) return true;
    const now = this.clock();
    const downSince = this.#downSince ?? now;
    let row: StoredAuditRow;
    try {
      // The failed commit may have reached the disk after all (an error after the WAL write):
      // continue from what storage holds, never from memory.
      const head = this.readHead();
      const body = toRowBody(
        {
          type: 'audit_state',
          at: now,
          outcome: 'recovered',
          detail: { downSince: formatAuditTime(downSince), lastError: this.#lastError ?? null, rejectedAppends: this.#rejectedWhileDown },
        },
        this.#switchId,
      );
      [row] = this.commitRows(head, [body]) as [StoredAuditRow];
    } catch (error) {
      this.#lastError = describeWriteError(error);
      return false;
    }
    this.#head = { seq: row.seq, hash: row.hash };
    this.#countCommit(1);
    this.#writable = true;
    this.#lastError = undefined;
    this.#downSince = undefined;
    this.#rejectedWhileDown = 0;
    this.#stopRetry();
    emit(this.#recoverListeners, { at: now, downSince, seq: row.seq });
    return true;
  }

  onFailure(listener: (failure: AuditFailure) => void): () => void {
    this.#failureListeners.add(listener);
    return () => this.#failureListeners.delete(listener);
  }

  onRecover(listener: (recovery: AuditRecovery) => void): () => void {
    this.#recoverListeners.add(listener);
    return () => this.#recoverListeners.delete(listener);
  }

  close(): Promise<void> {
    this.#closed ??= this.#shutdown();
    return this.#closed;
  }

  async #shutdown(): Promise<void> {
    this.#closing = true;
    // What was appended before close() is committed (or failed) before storage is released.
    await this.flush().catch(() => undefined);
    this.#stopRetry();
    await this.releaseStorage();
  }

  #refusal(count: number): CletsError | undefined {
    if (!this.#closing && this.#writable) return undefined;
    this.counters.rejectedAppends += count;
    if (this.#closing) return new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', 'audit store closed');
    this.#rejectedWhileDown += count;
    return new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', this.#lastError);
  }

  #enqueue(pending: PendingAppend): void {
    this.#queue.push(pending);
    // The batch under way takes the queue up when it is committed.
    if (this.#inFlight) return;
    if (this.#queue.length >= this.#batchMaxRows && !this.#draining) this.#drain();
    else this.#immediate ??= setImmediate(() => {
      this.#immediate = undefined;
      this.#drain();
    });
  }

  /** Commits the queue, batchMaxRows rows a transaction. Returns the failure, if any. */
  #drain(): CletsError | undefined {
    if (this.#immediate !== undefined) {
      clearImmediate(this.#immediate);
      this.#immediate = undefined;
    }
    if (this.#draining || this.#inFlight) return undefined;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const queued = this.#queue;
        this.#queue = [];
        for (let start = 0; start < queued.length; start += this.#batchMaxRows) {
          const batch = queued.slice(start, start + this.#batchMaxRows);
          const committing = this.commitAsync(this.#head, batch.map((pending) => pending.body));
          if (committing !== undefined) {
            this.#queue = [...queued.slice(start + this.#batchMaxRows), ...this.#queue];
            this.#await(batch, committing);
            return undefined;
          }
          const failed = this.#commit(batch);
          if (failed !== undefined) {
            return this.#fail(failed.cause, [...queued.slice(start), ...this.#queue.splice(0)]);
          }
        }
      }
      return undefined;
    } finally {
      this.#draining = false;
    }
  }

  /** One batch committing off this thread; the next one leaves when it is done. */
  #await(batch: readonly PendingAppend[], committing: Promise<StoredAuditRow[]>): void {
    this.#inFlight = true;
    committing.then((rows) => {
      this.#inFlight = false;
      this.#committed(batch, rows);
      if (this.#queue.length > 0) {
        const failure = this.#drain();
        if (failure !== undefined) this.#settleIdle(failure);
      } else {
        this.#settleIdle(undefined);
      }
    }, (cause: unknown) => {
      this.#inFlight = false;
      this.#settleIdle(this.#fail(cause, [...batch, ...this.#queue.splice(0)]));
    });
  }

  #settleIdle(failure: Error | undefined): void {
    if (failure === undefined && (this.#inFlight || this.#queue.length > 0)) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) {
      if (failure === undefined) waiter.resolve();
      else waiter.reject(failure);
    }
  }

  #commit(batch: readonly PendingAppend[]): { cause: unknown } | undefined {
    let rows: StoredAuditRow[];
    try {
      rows = this.commitRows(this.#head, batch.map((pending) => pending.body));
    } catch (cause) {
      return { cause };
    }
    this.#committed(batch, rows);
    return undefined;
  }

  #committed(batch: readonly PendingAppend[], rows: readonly StoredAuditRow[]): void {
    const last = rows[rows.length - 1] as StoredAuditRow;
    this.#head = { seq: last.seq, hash: last.hash };
    this.#countCommit(rows.length);
    for (let i = 0; i < batch.length; i += 1) {
      const row = rows[i] as StoredAuditRow;
      (batch[i] as PendingAppend).resolve({ seq: row.seq, hash: row.hash });
    }
  }

  /** Rejects every uncommitted append, stops accepting, alerts: nothing uncommitted is acknowledged. */
  #fail(cause: unknown, rejected: readonly PendingAppend[]): CletsError {
    const reason = describeWriteError(cause);
    const error = new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', reason, { cause });
    const at = this.clock();
    this.#writable = false;
    this.#lastError = reason;
    this.#downSince ??= at;
    this.#rejectedWhileDown += rejected.length;
    this.counters.failedCommits += 1;
    this.counters.rejectedAppends += rejected.length;
    for (const pending of rejected) pending.reject(error);
    this.#startRetry();
    const failure: AuditFailure = { error, at, rejected: rejected.length };
    const sqliteCode = sqliteCodeOf(cause);
    if (sqliteCode !== undefined) failure.sqliteCode = sqliteCode;
    emit(this.#failureListeners, failure);
    return error;
  }

  #countCommit(rows: number): void {
    this.counters.commits += 1;
    this.counters.rowsCommitted += rows;
    if (rows > this.counters.largestBatch) this.counters.largestBatch = rows;
  }

  #startRetry(): void {
    if (this.#retryTimer !== undefined || this.#retryIntervalMs === 0 || this.#closing) return;
    this.#retryTimer = setInterval(() => void this.probe(), this.#retryIntervalMs);
    this.#retryTimer.unref();
  }

  #stopRetry(): void {
    if (this.#retryTimer === undefined) return;
    clearInterval(this.#retryTimer);
    this.#retryTimer = undefined;
  }
}

function readEvent(reader: AuditReader, at: number, detail: Record<string, unknown>): AuditEvent {
  if (typeof reader?.operatorId !== 'string' || reader.operatorId.length === 0) {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'audit reader must be identified', { field: 'operatorId' });
  }
  return {
    type: 'audit_read',
    at,
    outcome: 'success',
    operatorId: reader.operatorId,
    ...(reader.sourceAddress === undefined ? {} : { sourceAddress: reader.sourceAddress }),
    ...(reader.terminal === undefined ? {} : { terminal: reader.terminal }),
    detail,
  };
}

/** better-sqlite3 errors carry the SQLite result code ('SQLITE_FULL', 'SQLITE_IOERR_WRITE'...). */
export function sqliteCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function describeWriteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = sqliteCodeOf(error);
  return code === undefined ? message : `${code}: ${message}`;
}

/** A listener that throws must not stop the others or the store. */
function emit<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      process.emitWarning(`audit store listener threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
