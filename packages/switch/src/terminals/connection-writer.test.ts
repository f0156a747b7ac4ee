import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type Frame } from '@clets/protocol';
import { ConnectionWriter } from './connection-writer.js';

const NO_LIMIT = { maxFrameBytes: Number.MAX_SAFE_INTEGER };

/** A socket that keeps what is sent on it; open, with `buffered` bytes not yet written. */
function fakeSocket(buffered = 0): { socket: WebSocket; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const socket = {
    OPEN: 1, readyState: 1, bufferedAmount: buffered,
    send: (bytes: Uint8Array) => { sent.push(bytes); },
    close: () => {}, terminate: () => {},
  };
  return { socket: socket as unknown as WebSocket, sent };
}

const frame: Frame = { receipt: { header: { clientMessageId: 'W-1', control: '000001', messageKey: 'QW', inputSeq: 3 } } };

describe('ConnectionWriter', () => {
  it('encodes a frame given alone, and sends the bytes given with a frame as they are', () => {
    const { socket, sent } = fakeSocket();
    const writer = new ConnectionWriter(socket, 1024, () => {});
    expect(writer.write(frame)).toBe(true);
    expect(decodeFrame(sent[0]!, NO_LIMIT).receipt?.header?.clientMessageId).toBe('W-1');
    const encoded = encodeFrame(frame, NO_LIMIT);
    expect(writer.write(frame, encoded)).toBe(true);
    expect(sent[1]).toBe(encoded);
    expect(writer.stats).toEqual({ framesSent: 2, bytesSent: 2 * encoded.length });
  });

  it('drops a terminal past the high-water mark instead of queueing the bytes it was given', () => {
    const { socket, sent } = fakeSocket(2048);
    let dropped = 0;
    const writer = new ConnectionWriter(socket, 1024, () => { dropped += 1; });
    expect(writer.write(frame, encodeFrame(frame, NO_LIMIT))).toBe(false);
    expect([sent.length, dropped]).toEqual([0, 1]);
  });
});
