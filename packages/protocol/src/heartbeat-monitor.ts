/**
 * Liveness of one connection, at either end (a switch's link, a terminal's connection to its
 * switch): a heartbeat every `intervalMs`, and the verdict "silent" when nothing at all (a
 * frame or a pong) was heard for `timeoutMs` (docs/protocol.md: Heartbeat either direction).
 * A half-open TCP connection can look alive for minutes; this notices it within the timeout. One timer serves both
 * jobs and wakes only when one of them is due; hearing a frame only stores the time, so
 * there is no timer to reset per frame.
 */
import type { LinkClock } from './clock.js';

export interface HeartbeatActions {
  /** Send Heartbeat{nonce, reply=false} (and a ws ping). */
  beat(nonce: number, now: number): void;
  /** Nothing heard for `silentForMs` >= timeoutMs: the link is dead. Called once. */
  silent(silentForMs: number): void;
}

export class HeartbeatMonitor {
  #lastHeardAt = 0;
  #nextBeatAt = 0;
  #nonce = 0;
  #timer: unknown;
  #running = false;

  constructor(
    private readonly clock: LinkClock,
    private readonly intervalMs: number,
    private readonly timeoutMs: number,
    private readonly actions: HeartbeatActions,
  ) {}

  /** Starts (or starts again, for a new connection) from now. */
  start(): void {
    this.stop();
    const now = this.clock.now();
    this.#running = true;
    this.#lastHeardAt = now;
    this.#nextBeatAt = now + this.intervalMs;
    this.#arm(this.intervalMs);
  }

  /** Something arrived from the peer. */
  heard(): void {
    this.#lastHeardAt = this.clock.now();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.#timer = undefined;
    if (!this.#running) return;
    const now = this.clock.now();
    const silentFor = now - this.#lastHeardAt;
    if (silentFor >= this.timeoutMs) {
      this.#running = false;
      this.actions.silent(silentFor);
      return;
    }
    if (now >= this.#nextBeatAt) {
      this.#nonce += 1;
      this.#nextBeatAt = now + this.intervalMs;
      this.actions.beat(this.#nonce, now);
    }
    if (this.#running) this.#arm(Math.min(this.#nextBeatAt, this.#lastHeardAt + this.timeoutMs) - now);
  }

  #arm(delayMs: number): void {
    this.#timer = this.clock.setTimeout(() => this.#tick(), Math.max(1, delayMs));
  }
}
