/**
 * The one place that writes frames to a terminal's WebSocket. It encodes, coalesces the
 * writes of one tick into one socket write (cork, uncork on nextTick: +36-44% measured on
 * this machine), and enforces the high-water mark: a terminal that does not read its
 * traffic is closed with 4904 instead of growing the switch's memory without bound.
 */
import type { WebSocket } from 'ws';
import { encodeFrame, ERROR_CODES, type Frame } from '@clets/protocol';
import { WriteCoalescer } from '../links/write-coalescer.js';

export interface WriterStats {
  framesSent: number;
  bytesSent: number;
}

export class ConnectionWriter {
  readonly stats: WriterStats = { framesSent: 0, bytesSent: 0 };
  readonly #coalescer: WriteCoalescer;
  #closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly highWaterMarkBytes: number,
    private readonly onSlowConsumer: () => void,
  ) {
    this.#coalescer = new WriteCoalescer(socket);
  }

  /**
   * Encodes and queues one frame. `encoded`, when given, is the frame's encoding made before
   * (the duplicate window keeps the same bytes): sent as it is. A server's frames are not
   * masked (RFC 6455 section 5.1), so ws never writes into them. Returns false when the
   * connection is closed or was dropped.
   */
  write(frame: Frame, encoded?: Uint8Array): boolean {
    if (this.#closed || this.socket.readyState !== this.socket.OPEN) return false;
    if (this.socket.bufferedAmount > this.highWaterMarkBytes) {
      this.#closed = true;
      this.onSlowConsumer();
      return false;
    }
    const bytes = encoded ?? encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    this.#coalescer.beforeWrite();
    this.socket.send(bytes, { binary: true });
    this.stats.framesSent += 1;
    this.stats.bytesSent += bytes.length;
    return true;
  }

  /** Closes with the close code of an error from the table. */
  closeWith(code: keyof typeof ERROR_CODES, reason?: string): void {
    if (this.#closed && this.socket.readyState !== this.socket.OPEN) return;
    this.#closed = true;
    const definition: { close?: number; message: string } = ERROR_CODES[code];
    const text = (reason ?? definition.message).slice(0, 120);
    try {
      this.socket.close(definition.close ?? 1000, text);
    } catch {
      this.socket.terminate();
    }
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }
}
