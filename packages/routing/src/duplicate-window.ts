/**
 * Remembers what was answered to each transaction for a while, so a client that resends
 * (after a reconnect, say) gets the same answer again instead of a second inquiry or, worse,
 * a second entry. Time comes in as an argument: the structure is pure.
 *
 * A client message id is unique only where its sender chose it, so it names a transaction
 * only within a replay scope. A resend is answered again only inside its scope and only for
 * the same content: the answers to an inquiry are criminal-justice information for the one
 * person who asked (CJIS need to know), never for whoever reuses the id.
 */

import { BoundedCache } from '@clets/protocol';

/**
 * Where a client message id is unique, and so who may be answered again:
 * - terminal: the same operator at the same terminal. It outlives one connection (an
 *   operator who reconnects and resends is answered), and it is what the switch's journal keys
 *   its durable window on, so a resend after a restart of the switch is answered too;
 * - gateway: one inquiry gateway session (its clients number their own messages);
 * - link: one request of a linked switch, by its request id (that switch's terminals share
 *   client ids, so the id a terminal chose means nothing here).
 */
export type ReplayScope =
  | { readonly kind: 'terminal'; readonly terminal: string; readonly operatorId: string }
  | { readonly kind: 'gateway'; readonly sessionId: string }
  | { readonly kind: 'link'; readonly peer: string; readonly requestId: string };

/**
 * The duplicate key of a transaction: its scope, and its client message id within it. The
 * switch keeps it on disk (its durable window): the same scope and id must give the same key
 * in every version.
 */
export function replayKey(scope: ReplayScope, clientMessageId: string): string {
  // JSON keeps the parts apart whatever characters a client puts in its ids.
  switch (scope.kind) {
    case 'terminal': return JSON.stringify(['terminal', scope.terminal, scope.operatorId, clientMessageId]);
    case 'gateway': return JSON.stringify(['gateway', scope.sessionId, clientMessageId]);
    case 'link': return JSON.stringify(['link', scope.peer, scope.requestId]);
  }
}

/**
 * What the window knows of a key: nothing (a new transaction), the same content again (a
 * resend, to answer from `value`), or other content under the same key (the id was reused).
 */
export type DuplicateLookup<T> =
  | { readonly kind: 'new' }
  | { readonly kind: 'resend'; readonly value: T }
  | { readonly kind: 'reused'; readonly value: T };

/** Where the window keeps an entry: `replayScopeKey` of its scope, shared by its keys. */
export function replayScopeKey(scope: ReplayScope): string {
  return replayKey(scope, '');
}

interface Entry<T> {
  readonly at: number;
  readonly digest: string;
  readonly value: T;
}

export class DuplicateWindow<T> {
  /** Oldest first, each in its scope's share (`replayScopeKey`). */
  readonly #entries: BoundedCache<string, Entry<T>>;
  /**
   * No entry is older than this (the oldest entry's time after a prune, lowered by any set
   * with an earlier time): until `windowMs` past it nothing can have expired, so a prune
   * returns at once instead of starting an iteration on every set.
   */
  #oldestAt = Number.POSITIVE_INFINITY;

  /**
   * `maxEntries` bounds the memory of the whole window; `maxPerScope` bounds one scope's
   * share of it, so a session that sends thousands of transactions pushes out its own
   * oldest entries and not everyone else's (whose resends would then run again).
   */
  constructor(
    private readonly windowMs: number,
    maxEntries: number,
    maxPerScope: number = maxEntries,
  ) {
    this.#entries = new BoundedCache({ capacity: maxEntries, perGroup: maxPerScope });
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Looks a key up; `digest` stands for the content as sent, compared with the first one's. */
  lookup(key: string, digest: string, now: number): DuplicateLookup<T> {
    const entry = this.#entries.peek(key);
    if (entry === undefined) return { kind: 'new' };
    if (now - entry.at > this.windowMs) {
      this.#entries.delete(key);
      return { kind: 'new' };
    }
    return entry.digest === digest ? { kind: 'resend', value: entry.value } : { kind: 'reused', value: entry.value };
  }

  /** Remembers a transaction under `key`, in `scope` (default: a scope of its own). */
  set(key: string, digest: string, value: T, now: number, scope: string = key): void {
    this.#entries.set(key, { at: now, digest, value }, scope);
    if (now < this.#oldestAt) this.#oldestAt = now;
    this.prune(now);
  }

  /** Entries kept for one scope now. */
  sizeOf(scope: string): number {
    return this.#entries.sizeOf(scope);
  }

  /**
   * Drops expired entries from the oldest end (insertion order is time order; the cache keeps
   * the bounds). Costs nothing until the oldest entry can have expired, then one step per
   * entry dropped.
   */
  prune(now: number): void {
    if (now - this.#oldestAt <= this.windowMs) return;
    this.#oldestAt = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.#entries.entries()) {
      if (now - entry.at <= this.windowMs) {
        this.#oldestAt = entry.at;
        break;
      }
      this.#entries.delete(key);
    }
  }
}
