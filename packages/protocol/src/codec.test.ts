import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CletsError } from './errors.js';
import { decodeFrame, encodeFrame, frameFromJson, frameKind, frameToJson } from './codec.js';
import { GOLDEN_FRAMES } from './golden-samples.js';
import { FRAME_KINDS } from './types.js';

const goldenDir = new URL('../golden/', import.meta.url);

describe('golden wire fixtures', () => {
  it('has one JSON and one binary fixture for every frame kind', () => {
    const files = readdirSync(goldenDir).sort();
    const expected = FRAME_KINDS.flatMap((kind) => [`${kind}.bin`, `${kind}.json`]).sort();
    expect(files).toEqual(expected);
  });

  for (const kind of FRAME_KINDS) {
    it(`${kind}: binary decodes to the JSON, and the JSON encodes to the same bytes`, () => {
      const bytes = new Uint8Array(readFileSync(new URL(`${kind}.bin`, goldenDir)));
      const json = JSON.parse(readFileSync(new URL(`${kind}.json`, goldenDir), 'utf8'));
      const decoded = decodeFrame(bytes);
      expect(decoded.body).toBe(kind);
      expect(frameToJson(decoded)).toEqual(json);
      expect(Buffer.from(encodeFrame(frameFromJson(json)))).toEqual(Buffer.from(bytes));
      expect(Buffer.from(encodeFrame(GOLDEN_FRAMES[kind]))).toEqual(Buffer.from(bytes));
    });
  }
});

describe('encodeFrame / decodeFrame', () => {
  it('refuses a frame with no body', () => {
    expect(() => encodeFrame({ linkSeq: 3 })).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_EMPTY' }));
    expect(() => decodeFrame(new Uint8Array([0x08, 0x03]))).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_EMPTY' }));
  });

  it('enforces the size limit both ways', () => {
    const big = { adminMessage: { text: 'X'.repeat(2000) } };
    expect(() => encodeFrame(big, { maxFrameBytes: 1000 })).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_TOO_LARGE' }));
    const bytes = encodeFrame(big);
    expect(() => decodeFrame(bytes, { maxFrameBytes: 1000 })).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_TOO_LARGE' }));
    expect(decodeFrame(bytes).adminMessage?.text).toHaveLength(2000);
  });

  it('refuses nesting deeper than the limit', () => {
    // 200 nested start-group tags of field 1, closed again: legal wire format, hostile depth.
    const deep = new Uint8Array(400).map((_, index) => (index < 200 ? 0x0b : 0x0c));
    expect(() => decodeFrame(deep)).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_TOO_DEEP' }));
  });

  it('names the frame kind of built and decoded frames', () => {
    expect(frameKind({ heartbeat: { nonce: 1 } })).toBe('heartbeat');
    expect(frameKind(decodeFrame(encodeFrame({ logout: {} })))).toBe('logout');
    expect(frameKind({})).toBeUndefined();
  });

  it('refuses JSON that is not a frame object', () => {
    expect(() => frameFromJson([])).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_MALFORMED' }));
    expect(() => frameFromJson({ response: { status: 'NOT_A_STATUS' } })).toThrow(/frame.response.status/);
    expect(() => frameFromJson({ transaction: { header: { mesageKey: 'QW' } } })).toThrow(/frame.transaction.header.mesageKey/);
    // A misspelt member is refused even when its value is empty, which a round trip cannot see.
    expect(() => frameFromJson({ transaction: { feilds: [], text: 'QW.CA0190000.NAM/DOE,JOHN' } })).toThrow(/frame\.transaction\.feilds is not a member/);
    expect(() => frameFromJson({ transaction: { header: { clientMessageId: 'A', hops: [{ switch_id: '' }] } } })).toThrow(/frame\.transaction\.header\.hops\[0\]\.switch_id/);
    expect(frameFromJson({ transaction: { header: { messageKey: 'QW', inputSeq: 0 } } }).transaction?.header?.messageKey).toBe('QW');
  });
});

describe('decodeFrame on hostile input', () => {
  // A deterministic PRNG, so a failure can be replayed.
  function prng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('throws only CletsError on 100,000 random and mutated buffers, and leaves Object.prototype alone', { timeout: 120_000 }, () => {
    const random = prng(20261125);
    const seeds = Object.values(GOLDEN_FRAMES).map((frame) => encodeFrame(frame));
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    let decoded = 0;
    let rejected = 0;
    for (let i = 0; i < 100_000; i += 1) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        bytes = new Uint8Array(Math.floor(random() * 300)).map(() => Math.floor(random() * 256));
      } else {
        const seed = seeds[i % seeds.length]!;
        bytes = Uint8Array.from(seed);
        const mutations = 1 + Math.floor(random() * 4);
        for (let m = 0; m < mutations; m += 1) {
          const at = Math.floor(random() * bytes.length);
          const choice = random();
          if (choice < 0.6) bytes[at] = Math.floor(random() * 256);
          else if (choice < 0.8) bytes = bytes.subarray(0, at);
          else bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at, at + 8), ...bytes.subarray(at)]);
        }
      }
      try {
        decodeFrame(bytes);
        decoded += 1;
      } catch (error) {
        if (!(error instanceof CletsError)) throw new Error(`untyped error on input ${Buffer.from(bytes).toString('hex')}: ${String(error)}`);
        rejected += 1;
      }
    }
    expect(decoded + rejected).toBe(100_000);
    expect(rejected).toBeGreaterThan(10_000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('64-bit fields: exact or refused, never changed', () => {
  /** A heartbeat frame whose nonce is the given unsigned value, encoded by hand (varint). */
  function heartbeatWithNonce(nonce: bigint): Uint8Array {
    const varint: number[] = [];
    let rest = nonce;
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      varint.push(rest > 0n ? low | 0x80 : low);
    } while (rest > 0n);
    const heartbeat = [0x08, ...varint]; // field 1 (nonce), varint
    return new Uint8Array([0x92, 0x01, heartbeat.length, ...heartbeat]); // Frame.heartbeat = 18, length-delimited
  }

  it('carries the largest exact value, 2^53 - 1, unchanged both ways', () => {
    const largest = Number.MAX_SAFE_INTEGER;
    const decoded = decodeFrame(heartbeatWithNonce(BigInt(largest)));
    expect(decoded.heartbeat?.nonce).toBe(largest);
    expect(decodeFrame(encodeFrame({ heartbeat: { nonce: largest, sentAtMs: largest } })).heartbeat).toMatchObject({ nonce: largest, sentAtMs: largest });
    expect(frameFromJson({ heartbeat: { nonce: String(largest) } }).heartbeat?.nonce).toBe(largest);
  });

  for (const value of [2n ** 53n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n]) {
    it(`refuses ${value} in a 64-bit field, naming the field, instead of rounding it`, () => {
      let error: unknown;
      try {
        decodeFrame(heartbeatWithNonce(value));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CletsError);
      expect(error).toMatchObject({ code: 'CLETS_ERR_FRAME_MALFORMED', field: 'frame.heartbeat.nonce' });
    });
  }

  it('refuses an inexact value given as a decimal string in JSON', () => {
    expect(() => frameFromJson({ heartbeat: { nonce: '9007199254740993' } }))
      .toThrow(expect.objectContaining({ code: 'CLETS_ERR_FRAME_MALFORMED', field: 'frame.heartbeat.nonce' }));
  });

  it('names a nested 64-bit field: a hop stamp in a transaction header', () => {
    const hugeVarint = [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]; // 2^53 + 1
    const hop = [0x0a, 0x09, ...Buffer.from('county-19'), 0x10, ...hugeVarint];
    const header = [0x62, hop.length, ...hop]; // Header.hops = 12
    const transaction = [0x0a, header.length, ...header]; // Transaction.header = 1
    let error: unknown;
    try {
      decodeFrame(new Uint8Array([0xa2, 0x01, transaction.length, ...transaction])); // Frame.transaction = 20
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'CLETS_ERR_FRAME_MALFORMED' });
    expect((error as CletsError).field).toMatch(/^frame\.transaction\.header\.hops\[0\]\.inputSeq$/);
  });
});
