/**
 * The transactions in flight on one connection, keyed by client message id: the only place
 * answers are matched to questions. Matching is by `header.client_message_id` and nothing
 * else (docs/protocol.md "Rules"), so an answer with an unknown id is reported, never
 * attached to whichever request happens to be waiting. No I/O: the client feeds it frames.
 */
import { performance } from 'node:perf_hooks';
import { CletsError, type Completion, type QueuedNotice, type Receipt, type Reject, type Response, type Transaction } from '@clets/protocol';
import { rethrowLater } from './typed-emitter.js';
import { isHit, type TransactionProgress, type TransactionResult } from './transaction-result.js';

/** A frame that answers a transaction, by kind. */
export type Answer =
  | { readonly kind: 'receipt'; readonly body: Receipt }
  | { readonly kind: 'queuedNotice'; readonly body: QueuedNotice }
  | { readonly kind: 'response'; readonly body: Response }
  | { readonly kind: 'reject'; readonly body: Reject }
  | { readonly kind: 'completion'; readonly body: Completion };

/** correlated: matched a request in flight. late: its request already gave up (deadline).
 *  uncorrelated: no request ever had that id here. */
export type DeliveryOutcome = 'correlated' | 'late' | 'uncorrelated';

export interface TrackOptions {
  readonly timeoutMs: number;
  readonly onProgress?: ((progress: TransactionProgress) => void) | undefined;
}

interface Entry {
  readonly transaction: Transaction;
  readonly startedAt: number;
  readonly onProgress: ((progress: TransactionProgress) => void) | undefined;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (result: TransactionResult) => void;
  readonly reject: (error: CletsError) => void;
  receipt: Receipt | undefined;
  readonly responses: Response[];
  readonly rejects: Reject[];
  readonly queued: QueuedNotice[];
}

/** How many timed-out ids are remembered, to tell a late answer from a stray one. */
const REMEMBERED_EXPIRED_IDS = 4096;

export class InFlightTransactions {
  readonly #entries = new Map<string, Entry>();
  readonly #expired = new Set<string>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  get size(): number {
    return this.#entries.size;
  }

  has(clientMessageId: string): boolean {
    return this.#entries.has(clientMessageId);
  }

  /**
   * Tracks a transaction about to be written (its header must carry a client message id).
   * Resolves on the Completion or a Reject before any Receipt; rejects with
   * CLETS_ERR_SYSTEM_TIMEOUT after `timeoutMs` without a Completion, or when abandoned.
   */
  track(transaction: Transaction, options: TrackOptions): Promise<TransactionResult> {
    const id = transaction.header?.clientMessageId ?? '';
    if (id === '') throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'header.client_message_id is required');
    if (this.#entries.has(id)) throw new CletsError('CLETS_ERR_REQUEST_INVALID', `client message id ${id} is already in flight`);
    return new Promise<TransactionResult>((resolve, reject) => {
      const timer = setTimeout(() => this.#expire(id, options.timeoutMs), options.timeoutMs);
      timer.unref();
      this.#entries.set(id, {
        transaction, startedAt: this.now(), onProgress: options.onProgress, timer, resolve, reject,
        receipt: undefined, responses: [], rejects: [], queued: [],
      });
    });
  }

  /** Offers one answer frame. */
  deliver(answer: Answer): DeliveryOutcome {
    const id = answer.body.header?.clientMessageId ?? '';
    const entry = this.#entries.get(id);
    if (entry === undefined) return this.#expired.has(id) ? 'late' : 'uncorrelated';
    switch (answer.kind) {
      case 'receipt':
        entry.receipt ??= answer.body;
        this.#progress(entry, { kind: 'receipt', receipt: answer.body });
        break;
      case 'queuedNotice':
        entry.queued.push(answer.body);
        this.#progress(entry, { kind: 'queued', notice: answer.body });
        break;
      case 'response':
        entry.responses.push(answer.body);
        this.#progress(entry, { kind: 'response', response: answer.body });
        break;
      case 'reject':
        // Before the Receipt a Reject refuses the whole transaction and is final; after it,
        // it concerns one system of the fan-out and the Completion still follows.
        if (entry.receipt === undefined) {
          this.#settle(id, entry, { outcome: 'rejected', rejected: answer.body });
        } else {
          entry.rejects.push(answer.body);
          this.#progress(entry, { kind: 'reject', reject: answer.body });
        }
        break;
      case 'completion':
        this.#settle(id, entry, { outcome: 'completed', receipt: entry.receipt, completion: answer.body });
        break;
    }
    return 'correlated';
  }

  /** Fails one request (its write failed). */
  fail(clientMessageId: string, error: CletsError): void {
    const entry = this.#entries.get(clientMessageId);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    this.#entries.delete(clientMessageId);
    entry.reject(error);
  }

  /** Fails every request in flight (the connection is gone). Returns how many there were. */
  abandonAll(error: CletsError): number {
    const count = this.#entries.size;
    for (const id of [...this.#entries.keys()]) this.fail(id, error);
    return count;
  }

  #settle(
    id: string,
    entry: Entry,
    end: { outcome: 'rejected'; rejected: Reject } | { outcome: 'completed'; receipt: Receipt | undefined; completion: Completion },
  ): void {
    clearTimeout(entry.timer);
    this.#entries.delete(id);
    const common = {
      clientMessageId: id,
      control: entry.transaction.header?.control ?? '',
      transaction: entry.transaction,
      responses: entry.responses,
      rejects: entry.rejects,
      queued: entry.queued,
      durationMs: this.now() - entry.startedAt,
      hit: entry.responses.some(isHit),
    };
    entry.resolve(end.outcome === 'rejected' ? { ...common, ...end } : { ...common, ...end });
  }

  #expire(id: string, timeoutMs: number): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    this.#entries.delete(id);
    this.#expired.add(id);
    if (this.#expired.size > REMEMBERED_EXPIRED_IDS) {
      const oldest = this.#expired.values().next().value;
      if (oldest !== undefined) this.#expired.delete(oldest);
    }
    const seen = entry.receipt === undefined ? 'no receipt' : `receipt, ${entry.responses.length} response(s)`;
    entry.reject(new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', `no completion for ${id} within ${timeoutMs} ms (${seen})`));
  }

  #progress(entry: Entry, progress: TransactionProgress): void {
    if (entry.onProgress === undefined) return;
    try {
      entry.onProgress(progress);
    } catch (error) {
      rethrowLater(error);
    }
  }
}
