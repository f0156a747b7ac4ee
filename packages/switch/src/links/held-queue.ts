/**
 * Transactions held for a system that is down (Nlets `.02.`): each waits for its link to
 * come back, or for its time to live to run out. The queue only releases waiters; the link
 * dispatcher does the forwarding, so a held item is retried exactly like a new one.
 *
 * Held transactions live in memory: a switch restart loses them (each one's audit row and
 * receipt survive, so the loss is visible in the audit log as a transaction with no
 * completion).
 */
import type { ErrorCode } from '@clets/protocol';

export type HeldRelease = { readonly ok: true } | { readonly ok: false; readonly code: ErrorCode };

interface HeldItem {
  readonly expiresAt: number;
  readonly release: (outcome: HeldRelease) => void;
}

export class HeldQueue {
  readonly #byLink = new Map<string, HeldItem[]>();

  constructor(private readonly maxPerLink: number) {}

  /** Waits until the link is up again (ok) or the item expires or is dropped (not ok). */
  hold(link: string, expiresAt: number): Promise<HeldRelease> {
    const items = this.#byLink.get(link) ?? [];
    if (items.length >= this.maxPerLink) return Promise.resolve({ ok: false, code: 'CLETS_ERR_QUEUE_FULL' });
    this.#byLink.set(link, items);
    return new Promise((release) => items.push({ expiresAt, release }));
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

  /** Shutdown: every held item ends with the given code. */
  drop(code: ErrorCode): void {
    for (const items of this.#byLink.values()) for (const item of items) item.release({ ok: false, code });
    this.#byLink.clear();
  }

  depth(link: string): number {
    return this.#byLink.get(link)?.length ?? 0;
  }

  depths(): ReadonlyArray<readonly [string, number]> {
    return [...this.#byLink].map(([link, items]) => [link, items.length] as const);
  }
}
