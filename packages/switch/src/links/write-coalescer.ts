/**
 * The writes of one tick on a WebSocket, coalesced into one socket write: the first write of
 * a tick corks the socket under it, and the next tick uncorks it. Every writer of the switch
 * does it (to a terminal, to a county, on a link: bench/src/measure-corking.ts measured
 * 35-44% less CPU per frame); this is the one place that reaches under ws for the socket.
 */
import type { WebSocket } from 'ws';

/** The net.Socket under a ws WebSocket, as far as the switch uses it. */
export interface UnderlyingSocket {
  cork(): void;
  uncork(): void;
  once(event: 'drain', listener: () => void): unknown;
}

/** The socket under a WebSocket, or undefined before it connected or after it closed. */
export function underlyingSocket(ws: WebSocket): UnderlyingSocket | undefined {
  return (ws as unknown as { _socket?: UnderlyingSocket | null })._socket ?? undefined;
}

export class WriteCoalescer {
  #corked = false;

  constructor(private readonly ws: WebSocket) {}

  /** Call before each send: the first of a tick corks the socket until the next tick. */
  beforeWrite(): void {
    if (this.#corked) return;
    const raw = underlyingSocket(this.ws);
    if (raw === undefined) return;
    this.#corked = true;
    raw.cork();
    process.nextTick(() => {
      this.#corked = false;
      raw.uncork();
    });
  }
}
