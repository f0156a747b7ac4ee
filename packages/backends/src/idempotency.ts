/**
 * Request id -> reply, per link peer, so a request sent twice (a switch retrying after a
 * lost link) is answered again and never applied twice (docs/protocol.md, Links).
 *
 * This is the fast, bounded layer: the least recently used ids of a peer are forgotten first.
 * Updates are also protected by the mock system's own durable record of request ids, which
 * survives a restart and an eviction from here.
 */
import { BoundedCache, type LinkReply } from '@clets/protocol';

/**
 * pending: the request is being answered; `interim` holds the non-final replies sent so far
 *          (a QueuedNotice), repeated to a retry.
 * done:    the final reply, sent again as it is.
 */
export type StoredReply =
  | { readonly state: 'pending'; readonly interim: readonly LinkReply[] }
  | { readonly state: 'done'; readonly reply: LinkReply };

export class IdempotencyStore {
  /** Keyed by peer and request id; each peer's share is the capacity. */
  private readonly entries: BoundedCache<string, StoredReply>;

  /** @param capacity entries kept per peer. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.entries = new BoundedCache({ perGroup: capacity, refreshOnRead: true });
  }

  /** The stored state of a request id, refreshed as most recently used. */
  get(peerId: string, requestId: string): StoredReply | undefined {
    return this.entries.get(keyOf(peerId, requestId));
  }

  /** Marks a request as being answered. */
  begin(peerId: string, requestId: string): void {
    this.entries.set(keyOf(peerId, requestId), { state: 'pending', interim: [] }, peerId);
  }

  /** Adds a non-final reply already sent for a pending request. */
  addInterim(peerId: string, requestId: string, reply: LinkReply): void {
    const key = keyOf(peerId, requestId);
    const entry = this.entries.peek(key);
    if (entry?.state !== 'pending') return;
    this.entries.set(key, { state: 'pending', interim: [...entry.interim, reply] }, peerId);
  }

  /** Stores the final reply. */
  complete(peerId: string, requestId: string, reply: LinkReply): void {
    this.entries.set(keyOf(peerId, requestId), { state: 'done', reply }, peerId);
  }

  /**
   * Forgets a request whose outcome was transient (an injected error, a hang): nothing was
   * applied, so a retry deserves a fresh attempt.
   */
  forget(peerId: string, requestId: string): void {
    this.entries.delete(keyOf(peerId, requestId));
  }

  /** Entries held for one peer. */
  size(peerId: string): number {
    return this.entries.sizeOf(peerId);
  }
}

/** One key for a peer's request id: JSON keeps the two apart whatever characters they hold. */
function keyOf(peerId: string, requestId: string): string {
  return JSON.stringify([peerId, requestId]);
}
