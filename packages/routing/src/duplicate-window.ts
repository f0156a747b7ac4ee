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

/**
 * Where a client message id is unique, and so who may be answered again:
 * - terminal: the same operator at the same terminal. It outlives one connection (an
 *   operator who reconnects and resends is answered), and it is what a durable window would
 *   key on to answer a resend after a restart of the switch;
 * - gateway: one inquiry gateway session (its clients number their own messages);
 * - link: one request of a linked switch, by its request id (that switch's terminals share
 *   client ids, so the id a terminal chose means nothing here).
 */
export type ReplayScope =
  | { readonly kind: 'terminal'; readonly terminal: string; readonly operatorId: string }
  | { readonly kind: 'gateway'; readonly sessionId: string }
  | { readonly kind: 'link'; readonly peer: string; readonly requestId: string };

/** The duplicate key of a transaction: its scope, and its client message id within it. */
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

export class DuplicateWindow<T> {
  readonly #entries = new Map<string, { at: number; digest: string; value: T }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** Looks a key up; `digest` stands for the content as sent, compared with the first one's. */
  lookup(key: string, digest: string, now: number): DuplicateLookup<T> {
    const entry = this.#entries.get(key);
    if (entry === undefined) return { kind: 'new' };
    if (now - entry.at > this.windowMs) {
      this.#entries.delete(key);
      return { kind: 'new' };
    }
    return entry.digest === digest ? { kind: 'resend', value: entry.value } : { kind: 'reused', value: entry.value };
  }

  set(key: string, digest: string, value: T, now: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, digest, value });
    this.prune(now);
  }

  /** Drops expired entries (insertion order is time order) and the oldest beyond the cap. */
  prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size > this.maxEntries || now - entry.at > this.windowMs) this.#entries.delete(key);
      else break;
    }
  }
}
