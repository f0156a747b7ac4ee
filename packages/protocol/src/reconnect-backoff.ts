/**
 * Reconnect delays, for a switch's links and a terminal's connection alike: exponential from
 * `minDelayMs`, doubling per failed attempt up to `maxDelayMs`, with "equal jitter" (half of
 * each step fixed, half random). The jitter spreads the counties behind a restarted state
 * switch, and the terminals a restarted switch dropped, so they do not come back in lockstep,
 * at the maximum too; the fixed half means a delay is never under half its step, so a
 * connection that is refused over and over never spins. Pure: the caller brings the random.
 */
export interface ReconnectDelays {
  minDelayMs: number;
  maxDelayMs: number;
}

export class ReconnectBackoff {
  #step: number;

  constructor(
    private readonly delays: ReconnectDelays,
    private readonly random: () => number = Math.random,
  ) {
    if (!(delays.minDelayMs >= 1) || !(delays.maxDelayMs >= delays.minDelayMs)) {
      throw new RangeError('reconnect delays need 1 <= minDelayMs <= maxDelayMs');
    }
    this.#step = delays.minDelayMs;
  }

  /** The delay before the next attempt; each call doubles the step until the maximum. */
  next(): number {
    const step = this.#step;
    this.#step = Math.min(this.delays.maxDelayMs, step * 2);
    return this.#jitter(step);
  }

  /**
   * The delay after a refusal (bad peer id or secret): retrying sooner would not help and
   * would fill the peer's security log, so the step jumps to the maximum and stays there
   * until a connection succeeds.
   */
  atMaximum(): number {
    this.#step = this.delays.maxDelayMs;
    return this.#jitter(this.#step);
  }

  /** A connection succeeded: the next failure starts again from the minimum. */
  reset(): void {
    this.#step = this.delays.minDelayMs;
  }

  #jitter(step: number): number {
    const r = Math.min(Math.max(this.random(), 0), 1);
    return Math.max(1, Math.round(step / 2 + (r * step) / 2));
  }
}
