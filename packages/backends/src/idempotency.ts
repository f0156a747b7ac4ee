/**
 * Request id -> reply, per link peer, so a request sent twice (a switch retrying after a
 * lost link) is answered again and never applied twice (docs/protocol.md, Links).
 *
 * This is the fast, bounded layer: the least recently used ids are forgotten first. Updates
 * are also protected by the mock system's own durable record of request ids, which survives
 * a restart and an eviction from here.
 */
import type { LinkReply } from '@clets/protocol';

/**
 * pending: the request is being answered; `interim` holds the non-final replies sent so far
 *          (a QueuedNotice), repeated to a retry.
 * done:    the final reply, sent again as it is.
 */
export type StoredReply =
  | { readonly state: 'pending'; readonly interim: readonly LinkReply[] }
  | { readonly state: 'done'; readonly reply: LinkReply };

export class IdempotencyStore {
  private readonly capacity: number;
  private readonly peers = new Map<string, Map<string, StoredReply>>();

  /** @param capacity entries kept per peer. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
  }

  /** The stored state of a request id, refreshed as most recently used. */
  get(peerId: string, requestId: string): StoredReply | undefined {
    const entries = this.peers.get(peerId);
    const entry = entries?.get(requestId);
    if (entries && entry) {
      entries.delete(requestId);
      entries.set(requestId, entry);
    }
    return entry;
  }

  /** Marks a request as being answered. */
  begin(peerId: string, requestId: string): void {
    this.put(peerId, requestId, { state: 'pending', interim: [] });
  }

  /** Adds a non-final reply already sent for a pending request. */
  addInterim(peerId: string, requestId: string, reply: LinkReply): void {
    const entry = this.peers.get(peerId)?.get(requestId);
    if (entry?.state !== 'pending') return;
    this.peers.get(peerId)?.set(requestId, { state: 'pending', interim: [...entry.interim, reply] });
  }

  /** Stores the final reply. */
  complete(peerId: string, requestId: string, reply: LinkReply): void {
    this.put(peerId, requestId, { state: 'done', reply });
  }

  /**
   * Forgets a request whose outcome was transient (an injected error, a hang): nothing was
   * applied, so a retry deserves a fresh attempt.
   */
  forget(peerId: string, requestId: string): void {
    this.peers.get(peerId)?.delete(requestId);
  }

  /** Entries held for one peer. */
  size(peerId: string): number {
    return this.peers.get(peerId)?.size ?? 0;
  }

  private put(peerId: string, requestId: string, entry: StoredReply): void {
    let entries = this.peers.get(peerId);
    if (!entries) {
      entries = new Map();
      this.peers.set(peerId, entries);
    }
    entries.delete(requestId);
    entries.set(requestId, entry);
    // A Map iterates in insertion order, and every use re-inserts: the first key is the
    // least recently used.
    while (entries.size > this.capacity) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  }
}
