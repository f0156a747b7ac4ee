/**
 * The audit store in memory: the same group commit, chain and failure behaviour as the SQLite
 * store, for tests of other components. `failWrites()` makes commits fail the way a full disk
 * does; `rows` is the committed log itself, so a test can tamper with it.
 */
import { ChainedAuditStore, type ChainedAuditStoreOptions } from './chained-audit-store.js';
import { isChainHash, linkRows, newGenesis, verifyChain } from './chain.js';
import { matchesFilter, type NormalizedAuditFilter } from './filter.js';
import type { AuditRowBody, StoredAuditRow } from './record.js';
import { buildHit, rowMatches, type NormalizedAuditScope, type NormalizedAuditSearch } from './search.js';
import type { AuditSearchHit, ChainHead, VerifyOptions, VerifyResult } from './types.js';

const ANSWER_TYPES: ReadonlySet<string> = new Set(['response', 'reject', 'queued', 'completion']);

export interface MemoryAuditStoreOptions extends ChainedAuditStoreOptions {
  /** Default random, as for a new database. */
  genesis?: string;
}

export class MemoryAuditStore extends ChainedAuditStore {
  readonly genesis: string;
  /** The committed rows in seq order. Editing them simulates tampering. */
  readonly rows: StoredAuditRow[] = [];
  /** The head recorded beside the rows (SQLite: the audit_head table); verify compares the last row with it. */
  recordedHead: ChainHead;
  #failure: Error | undefined;

  constructor(options: MemoryAuditStoreOptions = {}) {
    const genesis = options.genesis ?? newGenesis();
    if (!isChainHash(genesis)) throw new RangeError('genesis must be 64 lowercase hex digits');
    super({ seq: 0, hash: genesis }, options);
    this.genesis = genesis;
    this.recordedHead = { seq: 0, hash: genesis };
  }

  /** Every commit fails with this error (default: an SQLITE_FULL look-alike) until restoreWrites(). */
  failWrites(error: Error = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })): void {
    this.#failure = error;
  }

  restoreWrites(): void {
    this.#failure = undefined;
  }

  protected commitRows(head: ChainHead, bodies: readonly AuditRowBody[]): StoredAuditRow[] {
    const rows = linkRows(head, bodies);
    this.writeBatch(rows);
    return rows;
  }

  /** Stores linked rows, all or none (a subclass may make it fail after the write). */
  protected writeBatch(rows: readonly StoredAuditRow[]): void {
    if (this.#failure !== undefined) throw this.#failure;
    for (const row of rows) this.rows.push(row);
    const last = rows[rows.length - 1];
    if (last !== undefined) this.recordedHead = { seq: last.seq, hash: last.hash };
  }

  protected readHead(): ChainHead {
    const last = this.rows[this.rows.length - 1];
    return last === undefined ? { seq: 0, hash: this.genesis } : { seq: last.seq, hash: last.hash };
  }

  protected selectRows(filter: NormalizedAuditFilter): StoredAuditRow[] {
    const found: StoredAuditRow[] = [];
    for (const row of this.rows) {
      if (!matchesFilter(row, filter)) continue;
      found.push(row);
      if (found.length >= filter.limit) break;
    }
    return found;
  }

  protected searchRows(search: NormalizedAuditSearch, scope: NormalizedAuditScope): AuditSearchHit[] {
    const hits: AuditSearchHit[] = [];
    for (const row of this.rows) {
      if (!rowMatches(row, search, scope)) continue;
      const answers = this.rows.filter((other) => ANSWER_TYPES.has(other.type) && other.detail !== null && answerOf(other.detail) === row.seq);
      hits.push(buildHit(row, search, answers));
      if (hits.length >= search.limit) break;
    }
    return hits;
  }

  protected verifyStored(options: VerifyOptions): VerifyResult {
    const expectation = { genesis: this.genesis, storedHead: this.recordedHead };
    return verifyChain(this.rows, options.anchor === undefined ? expectation : { ...expectation, anchor: options.anchor });
  }

  protected releaseStorage(): Promise<void> {
    return Promise.resolve();
  }
}

function answerOf(detail: string): unknown {
  try {
    return (JSON.parse(detail) as { auditSeq?: unknown }).auditSeq;
  } catch {
    return undefined;
  }
}
