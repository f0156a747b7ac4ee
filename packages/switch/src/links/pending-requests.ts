/**
 * The requests of one link that have no final reply yet: a bounded FIFO of requests waiting
 * for a window slot, the requests on the wire (at most `window`), and a deadline for each.
 * No sockets here: the link client asks for the next request to send and hands over every
 * LinkReply it receives; everything else (window, queue bound, deadlines, correlation) is
 * decided here, so it is tested with a manual clock and no network.
 */
import { CletsError, type LinkClock, type LinkReply, type Transaction } from '@clets/protocol';

/** One request as the switch hands it to a link. */
export interface OutgoingLinkRequest {
  /** Unique per link (the peer answers a repeated id from memory, never applies it twice). */
  requestId: string;
  /** The system the request is for, when the link serves several. */
  system: string;
  transaction: Transaction;
  /** Epoch ms after which the caller stops waiting. */
  deadlineMs: number;
}

type Stage = 'queued' | 'inFlight' | 'settled';

interface Entry {
  readonly request: OutgoingLinkRequest;
  readonly onPartial: ((reply: LinkReply) => void) | undefined;
  readonly resolve: (reply: LinkReply) => void;
  readonly reject: (error: CletsError) => void;
  stage: Stage;
  timer: unknown;
}

export interface PendingRequestsHooks {
  /** A slot on the wire became free (final reply, timeout, failed write): send more. */
  onSlotFreed(): void;
  /** An `onPartial` callback threw; the request stays pending. */
  onCallbackError(error: unknown, requestId: string): void;
}

export type DeliveryOutcome = 'final' | 'partial' | 'unmatched';

/** Compact the queue array once this many dequeued slots lead it (and they are the larger half). */
const QUEUE_COMPACT_AT = 1024;

export class PendingRequests {
  readonly #byId = new Map<string, Entry>();
  /** FIFO of waiting entries; entries that timed out while queued are skipped lazily. */
  #queue: (Entry | undefined)[] = [];
  #head = 0;
  #queued = 0;
  #inFlight = 0;
  #timeouts = 0;
  #unmatched = 0;

  constructor(
    private readonly limits: { window: number; maxQueue: number },
    private readonly clock: LinkClock,
    private readonly hooks: PendingRequestsHooks,
  ) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    return this.#queued;
  }

  /** Requests that reached their deadline without a final reply. */
  get timeouts(): number {
    return this.#timeouts;
  }

  /** Replies that matched no request on the wire (unknown id, or late after a timeout). */
  get unmatchedReplies(): number {
    return this.#unmatched;
  }

  /**
   * Queues a request. Rejects with CLETS_ERR_QUEUE_FULL when `maxQueue` requests already
   * wait, CLETS_ERR_SYSTEM_TIMEOUT when the deadline has passed, CLETS_ERR_REQUEST_INVALID
   * when the id is already pending on this link.
   */
  admit(request: OutgoingLinkRequest, onPartial?: (reply: LinkReply) => void): Promise<LinkReply> {
    const system = request.system;
    if (this.#byId.has(request.requestId)) {
      return Promise.reject(new CletsError('CLETS_ERR_REQUEST_INVALID', `request id ${request.requestId} is already pending on this link`, { system }));
    }
    // A request that goes straight into a free window slot does not count against maxQueue.
    const freeSlots = Math.max(0, this.limits.window - this.#inFlight);
    if (this.#queued + 1 > this.limits.maxQueue + freeSlots) {
      return Promise.reject(new CletsError('CLETS_ERR_QUEUE_FULL', `${this.#queued} requests waiting`, { system }));
    }
    const now = this.clock.now();
    if (request.deadlineMs <= now) {
      this.#timeouts += 1;
      return Promise.reject(new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', 'deadline passed before sending', { system }));
    }
    return new Promise<LinkReply>((resolve, reject) => {
      const entry: Entry = { request, onPartial, resolve, reject, stage: 'queued', timer: undefined };
      entry.timer = this.clock.setTimeout(() => this.#onDeadline(entry), request.deadlineMs - now);
      this.#byId.set(request.requestId, entry);
      this.#queue.push(entry);
      this.#queued += 1;
    });
  }

  /** The oldest waiting request, now counted on the wire; undefined when the window is full or none waits. */
  nextToSend(): OutgoingLinkRequest | undefined {
    if (this.#inFlight >= this.limits.window) return undefined;
    let found: Entry | undefined;
    while (found === undefined && this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head];
      this.#queue[this.#head] = undefined; // let the GC have it
      this.#head += 1;
      if (entry !== undefined && entry.stage === 'queued') found = entry;
    }
    this.#compact();
    if (found === undefined) return undefined;
    found.stage = 'inFlight';
    this.#queued -= 1;
    this.#inFlight += 1;
    return found.request;
  }

  /** Routes one LinkReply to its request: a partial (`final=false`) or the final answer. */
  deliver(reply: LinkReply): DeliveryOutcome {
    const entry = this.#byId.get(reply.requestId ?? '');
    if (entry === undefined || entry.stage !== 'inFlight') {
      // Never attach a reply to another request: a stray or late reply is only counted.
      this.#unmatched += 1;
      return 'unmatched';
    }
    if (!reply.final) {
      if (entry.onPartial !== undefined) {
        try {
          entry.onPartial(reply);
        } catch (error) {
          this.hooks.onCallbackError(error, entry.request.requestId);
        }
      }
      return 'partial';
    }
    this.#settle(entry);
    entry.resolve(reply);
    this.hooks.onSlotFreed();
    return 'final';
  }

  /** A request taken by nextToSend could not be written: it fails now and frees its slot. */
  fail(requestId: string, error: CletsError): void {
    const entry = this.#byId.get(requestId);
    if (entry === undefined || entry.stage === 'settled') return;
    const wasInFlight = entry.stage === 'inFlight';
    this.#settle(entry);
    entry.reject(error);
    if (wasInFlight) this.hooks.onSlotFreed();
  }

  /** Every pending request (on the wire first, then waiting, each in arrival order) fails. */
  failAll(errorFor: (system: string) => CletsError): number {
    const entries = [...this.#byId.values()];
    const ordered = [...entries.filter((e) => e.stage === 'inFlight'), ...entries.filter((e) => e.stage === 'queued')];
    for (const entry of ordered) this.#settle(entry);
    this.#queue.length = 0;
    this.#head = 0;
    for (const entry of ordered) entry.reject(errorFor(entry.request.system));
    return ordered.length;
  }

  #onDeadline(entry: Entry): void {
    if (entry.stage === 'settled') return;
    const left = entry.request.deadlineMs - this.clock.now();
    if (left > 0) {
      // A timer may fire early (delays over ~24.8 days are clamped): wait for the rest.
      entry.timer = this.clock.setTimeout(() => this.#onDeadline(entry), left);
      return;
    }
    const wasInFlight = entry.stage === 'inFlight';
    entry.timer = undefined;
    this.#settle(entry);
    this.#timeouts += 1;
    entry.reject(new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', `no final reply to request ${entry.request.requestId}`, { system: entry.request.system }));
    if (wasInFlight) this.hooks.onSlotFreed();
  }

  #settle(entry: Entry): void {
    if (entry.stage === 'inFlight') this.#inFlight -= 1;
    else if (entry.stage === 'queued') this.#queued -= 1;
    entry.stage = 'settled';
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
    entry.timer = undefined;
    this.#byId.delete(entry.request.requestId);
  }

  #compact(): void {
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    } else if (this.#head >= QUEUE_COMPACT_AT && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
