/**
 * The time source of a connection: the current time and one-shot timers. Nothing in this
 * package reads the clock itself; the services hand in `systemClock` (Node's clock, with
 * `unref()`'d timers: a link never keeps the process alive on its own), tests hand in
 * ManualClock so deadlines, heartbeats and reconnect delays fire exactly when the test says,
 * with no sleeping and no timing assertions.
 */
export interface LinkClock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's longest timer delay (2^31 - 1 ms, about 24.8 days); longer delays fire at once. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export const systemClock: LinkClock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const timer = setTimeout(callback, Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS));
    timer.unref();
    return timer;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

interface ManualTimer {
  readonly dueAt: number;
  readonly order: number;
  readonly callback: () => void;
}

/** A clock that moves only when told to. For tests and in-process benchmarks. */
export class ManualClock implements LinkClock {
  #now: number;
  #order = 0;
  readonly #timers = new Set<ManualTimer>();

  constructor(startMs = 1_700_000_000_000) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const timer: ManualTimer = { dueAt: this.#now + Math.max(0, delayMs), order: this.#order++, callback };
    this.#timers.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as ManualTimer);
  }

  /** Timers waiting to fire, and the delay of each from now (for asserting a backoff). */
  pendingDelays(): number[] {
    return [...this.#timers].map((timer) => timer.dueAt - this.#now).sort((a, b) => a - b);
  }

  /**
   * Moves time forward, firing every timer that falls due on the way in due order (timers
   * set by a callback fire too when they fall inside the step).
   */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      let next: ManualTimer | undefined;
      for (const timer of this.#timers) {
        if (timer.dueAt > target) continue;
        if (next === undefined || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.order < next.order)) {
          next = timer;
        }
      }
      if (next === undefined) break;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.dueAt);
      next.callback();
    }
    this.#now = target;
  }
}
