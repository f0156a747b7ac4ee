/**
 * A bare terminal connection for the conformance checks: it sends exactly the bytes a check
 * asks for (including ones no well-behaved client would send) and records every frame that
 * comes back, so a check can ask "what arrived, in what order, and how did it end". It does
 * no login, no correlation and no retry of its own: those are what is being checked.
 */
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, type DecodedFrame, type Frame, type FrameKind } from '@clets/protocol';

export interface ConnectionOptions {
  readonly url: string;
  /** PEM of the CA that signed the switch's certificate (wss:// with a private CA). */
  readonly ca?: Buffer;
  /** How long to wait for the connection to open. */
  readonly openTimeoutMs: number;
  /** Largest frame this side accepts (answers can be large). */
  readonly maxFrameBytes?: number;
}

export interface ReceivedFrame {
  readonly frame: DecodedFrame;
  readonly kind: FrameKind;
  readonly at: number;
}

/** How a connection ended: the WebSocket close code and reason, as the server sent them. */
export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export class RawConnection {
  readonly received: ReceivedFrame[] = [];
  /** Binary messages from the server that did not decode (a conformance failure in itself). */
  readonly undecodable: string[] = [];
  #closed: Closed | undefined;
  readonly #waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        this.undecodable.push('text message');
      } else {
        try {
          const frame = decodeFrame(toBytes(data), { maxFrameBytes: Number.MAX_SAFE_INTEGER });
          this.received.push({ frame, kind: frame.body, at: Date.now() });
        } catch (error) {
          this.undecodable.push(error instanceof Error ? error.message : String(error));
        }
      }
      this.#wake();
    });
    socket.on('close', (code, reason) => {
      this.#closed = { code, reason: reason.toString('utf8') };
      this.#wake();
    });
    // Errors surface as a close (or a failed open); nothing here may throw out of the socket.
    socket.on('error', () => undefined);
  }

  static open(options: ConnectionOptions): Promise<RawConnection> {
    const socket = new WebSocket(options.url, {
      perMessageDeflate: false,
      maxPayload: options.maxFrameBytes ?? 16 * 1024 * 1024,
      handshakeTimeout: options.openTimeoutMs,
      ...(options.ca !== undefined ? { ca: options.ca } : {}),
    });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawConnection(socket)));
      socket.once('error', (error) => reject(new Error(`cannot connect to ${options.url}: ${error.message}`)));
    });
  }

  get closed(): Closed | undefined {
    return this.#closed;
  }

  send(frame: Frame): void {
    this.sendBytes(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }));
  }

  sendBytes(bytes: Uint8Array): void {
    this.socket.send(bytes, { binary: true });
  }

  sendText(text: string): void {
    this.socket.send(text, { binary: false });
  }

  /** Frames received from index `from` on that satisfy `match`. */
  since(from: number, match: (received: ReceivedFrame) => boolean = () => true): ReceivedFrame[] {
    return this.received.slice(from).filter(match);
  }

  /**
   * Waits until `done()` holds, the connection closes, or the timeout passes. Resolves true
   * when `done()` held; never rejects.
   */
  async until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0 || this.#closed !== undefined) return done();
      await new Promise<void>((resolve) => {
        const waiters = this.#waiters;
        const timer = setTimeout(wake, left);
        waiters.add(wake);
        function wake(): void {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        }
      });
    }
    return true;
  }

  /** The first frame of a kind received from index `from` on, waiting for it up to the timeout. */
  async next(kind: FrameKind, from: number, timeoutMs: number): Promise<ReceivedFrame | undefined> {
    const find = (): ReceivedFrame | undefined => this.received.slice(from).find((received) => received.kind === kind);
    await this.until(() => find() !== undefined, timeoutMs);
    return find();
  }

  /** Waits for the server to close; the close, or undefined if it stayed open. */
  async closedWithin(timeoutMs: number): Promise<Closed | undefined> {
    await this.until(() => this.#closed !== undefined, timeoutMs);
    return this.#closed;
  }

  /** Quietly sends nothing for a while, collecting whatever still arrives. */
  async settle(ms: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  close(): void {
    if (this.#closed !== undefined) return;
    try {
      this.socket.close(1000, 'conformance check done');
    } catch {
      this.socket.terminate();
    }
    // Do not wait for the closing handshake of a server that may be misbehaving.
    setTimeout(() => this.socket.terminate(), 1_000).unref();
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
