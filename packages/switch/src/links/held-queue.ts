/**
 * Transactions held for a system that is down (Nlets `.02.`): each waits for its link to
 * come back, or for its time to live to run out. The queue only releases waiters; the link
 * dispatcher does the forwarding, so a held item is retried exactly like a new one.
 *
 * The waiters live in memory; what makes a hold survive a restart is the transaction
 * journal (pipeline/journal.ts): every held leg is marked there before its sender is told,
 * and resumed at the next start. At shutdown the waiters are suspended, not answered: the
 * next start takes them up where they were.
 */
import type { ErrorCode } from '@clets/protocol';

export type HeldRelease =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: ErrorCode; /** Shutdown: resumed at the next start, answer nothing now. */ readonly suspended?: true };

interface HeldItem {
  readonly expiresAt: number;
  readonly release: (outcome: HeldRelease) => void;
}

export class HeldQueue {
  readonly #byLink = new Map<string, HeldItem[]>();
  #suspended = false;

  constructor(private readonly maxPerLink: number) {}

  /**
   * Waits until the link is up again (ok) or the item expires or is dropped (not ok).
   * `cancel`, when given, receives a function that takes the item out without an answer
   * (its transaction was answered another way: a late reply).
   */
  hold(link: string, expiresAt: number, cancel?: (take: () => void) => void): Promise<HeldRelease> {
    if (this.#suspended) return Promise.resolve({ ok: false, code: 'CLETS_ERR_SHUTTING_DOWN', suspended: true });
    const items = this.#byLink.get(link) ?? [];
    if (items.length >= this.maxPerLink) return Promise.resolve({ ok: false, code: 'CLETS_ERR_QUEUE_FULL' });
    this.#byLink.set(link, items);
    return new Promise((release) => {
      const item: HeldItem = { expiresAt, release };
      items.push(item);
      cancel?.(() => this.#take(link, item));
    });
  }

  /** The link is up: every item held for it is retried, in arrival order. */
  release(link: string): number {
    const items = this.#byLink.get(link) ?? [];
    this.#byLink.delete(link);
    for (const item of items) item.release({ ok: true });
    return items.length;
  }

  /** Items past their time to live get a non-delivery. Called on a timer and by tests. */
  expire(now: number): number {
    let expired = 0;
    for (const [link, items] of this.#byLink) {
      const keep: HeldItem[] = [];
      for (const item of items) {
        if (item.expiresAt <= now) {
          item.release({ ok: false, code: 'CLETS_ERR_NON_DELIVERY' });
          expired += 1;
        } else {
          keep.push(item);
        }
      }
      if (keep.length > 0) this.#byLink.set(link, keep);
      else this.#byLink.delete(link);
    }
    return expired;
  }

  /** Shutdown, nothing kept for the next start: every held item ends with the given code. */
  drop(code: ErrorCode): void {
    for (const items of this.#byLink.values()) for (const item of items) item.release({ ok: false, code });
    this.#byLink.clear();
  }

  /**
   * Shutdown with the journal keeping every hold: the waiters are released as suspended
   * (their transactions end without an answer now and are resumed at the next start), and
   * so is any hold asked for from now on.
   */
  suspend(): void {
    this.#suspended = true;
    for (const items of this.#byLink.values()) {
      for (const item of items) item.release({ ok: false, code: 'CLETS_ERR_SHUTTING_DOWN', suspended: true });
    }
    this.#byLink.clear();
  }

  depth(link: string): number {
    return this.#byLink.get(link)?.length ?? 0;
  }

  depths(): ReadonlyArray<readonly [string, number]> {
    return [...this.#byLink].map(([link, items]) => [link, items.length] as const);
  }

  #take(link: string, item: HeldItem): void {
    const items = this.#byLink.get(link);
    if (items === undefined) return;
    const index = items.indexOf(item);
    if (index < 0) return;
    items.splice(index, 1);
    if (items.length === 0) this.#byLink.delete(link);
  }
}
