/**
 * Client-side liveness: every interval, if nothing at all came from the switch since the
 * previous tick and the heartbeat sent then is unanswered, the switch is declared dead (the
 * TCP connection may stay half-open for minutes; a terminal must notice sooner). Otherwise a
 * new Heartbeat{reply=false} goes out. The timer is unref()'d: it never keeps a process up.
 */
export interface HeartbeatPort {
  send(nonce: number): void;
  dead(): void;
}

export class HeartbeatMonitor {
  #timer: NodeJS.Timeout | undefined;
  #nonce = 0;
  #outstanding = false;
  #heard = false;

  constructor(private readonly intervalMs: number, private readonly port: HeartbeatPort) {}

  start(): void {
    this.stop();
    this.#outstanding = false;
    this.#heard = false;
    this.#timer = setInterval(() => this.#tick(), this.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Any frame from the switch proves it alive. */
  heard(): void {
    this.#heard = true;
  }

  #tick(): void {
    if (this.#outstanding && !this.#heard) {
      this.stop();
      this.port.dead();
      return;
    }
    this.#heard = false;
    this.#outstanding = true;
    this.#nonce += 1;
    this.port.send(this.#nonce);
  }
}
