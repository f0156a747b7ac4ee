/**
 * One WebSocket to a switch, speaking frames: the only place the client writes to a socket
 * or decodes what comes in. Binary messages only (a text message is a protocol error, as on
 * the switch side), compression off (docs/protocol.md), the frame size limits enforced both
 * ways: `maxPayload` makes ws close with 1009 on an oversized message received, encodeFrame
 * refuses to send one. The two differ: a terminal sends small frames, and receives answers
 * that may be large (a name search with many hits).
 */
import WebSocket from 'ws';
import { CletsError, decodeFrame, encodeFrame, toCletsError, type Frame } from '@clets/protocol';
import type { ReceivedFrame } from './frame-waiter.js';

export interface FrameSocketOptions {
  readonly url: string;
  /** Largest frame sent. */
  readonly maxFrameBytes: number;
  /** Largest frame accepted. */
  readonly maxReceivedFrameBytes: number;
  readonly openTimeoutMs: number;
  readonly tls?: { readonly ca?: string | Buffer | (string | Buffer)[]; readonly rejectUnauthorized?: boolean } | undefined;
}

export interface FrameSocketHandlers {
  frame(frame: ReceivedFrame): void;
  /** A message that is not a decodable frame (it is dropped). */
  malformed(error: CletsError): void;
  close(code: number, reason: string): void;
}

export class FrameSocket {
  #closed = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly maxFrameBytes: number,
  ) {}

  /** Opens the WebSocket; rejects with CLETS_ERR_SYSTEM_UNAVAILABLE when the switch cannot be reached. */
  static open(options: FrameSocketOptions, handlers: FrameSocketHandlers): Promise<FrameSocket> {
    return new Promise((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(options.url, {
          perMessageDeflate: false,
          maxPayload: options.maxReceivedFrameBytes,
          handshakeTimeout: options.openTimeoutMs,
          ...(options.tls?.ca !== undefined ? { ca: options.tls.ca } : {}),
          ...(options.tls?.rejectUnauthorized !== undefined ? { rejectUnauthorized: options.tls.rejectUnauthorized } : {}),
        });
      } catch (error) {
        reject(unreachable(options.url, error));
        return;
      }
      socket.binaryType = 'nodebuffer';
      const frameSocket = new FrameSocket(socket, options.maxFrameBytes);
      let opened = false;
      socket.once('open', () => {
        opened = true;
        resolve(frameSocket);
      });
      socket.on('error', (error) => {
        // Before 'open' this is the connection failing; after it, ws follows with 'close'.
        if (!opened) reject(unreachable(options.url, error));
      });
      socket.on('close', (code, reason) => {
        frameSocket.#closed = true;
        if (!opened) {
          reject(unreachable(options.url, new Error(`closed during the opening handshake (${code})`)));
          return;
        }
        handlers.close(code, reason.toString('utf8'));
      });
      socket.on('message', (data, isBinary) => {
        if (!isBinary) {
          handlers.malformed(new CletsError('CLETS_ERR_TEXT_FRAME', 'the switch sent a text message'));
          return;
        }
        let frame: ReceivedFrame;
        try {
          frame = decodeFrame(toBytes(data), { maxFrameBytes: options.maxReceivedFrameBytes });
        } catch (error) {
          handlers.malformed(toCletsError(error));
          return;
        }
        handlers.frame(frame);
      });
    });
  }

  /**
   * Encodes and queues one frame; never waits for the socket to drain (see bufferedAmount).
   * Throws CletsError: the frame is too large, or the connection is not open.
   */
  write(frame: Frame): void {
    const bytes = encodeFrame(frame, { maxFrameBytes: this.maxFrameBytes });
    if (this.#closed || this.socket.readyState !== WebSocket.OPEN) {
      throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', 'the connection to the switch is not open');
    }
    this.socket.send(bytes, { binary: true });
  }

  /** Bytes queued in the socket and not yet handed to the network. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  get isOpen(): boolean {
    return !this.#closed && this.socket.readyState === WebSocket.OPEN;
  }

  /** Starts the closing handshake. */
  close(code = 1000, reason = ''): void {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
  }

  /** Drops the connection at once (a peer that stopped answering). */
  terminate(): void {
    this.socket.terminate();
  }
}

function unreachable(url: string, error: unknown): CletsError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `cannot connect to ${displayUrl(url)}: ${detail}`, { cause: error });
}

/** The URL without any user name or password it may carry. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
