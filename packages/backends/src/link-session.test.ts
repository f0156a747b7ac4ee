import fc from 'fast-check';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GOLDEN_FRAMES,
  decodeFrame,
  encodeFrame,
  type DecodedFrame,
  type Frame,
  type LinkRequest,
  type SystemName,
} from '@clets/protocol';
import { LinkSession, type LinkSessionOptions, type LinkTransport } from './link-session.js';
import type { ReplySink } from './request-dispatcher.js';

// Sockets and child processes on a shared 2-core machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

class FakeTransport implements LinkTransport {
  readonly sent: DecodedFrame[] = [];
  bufferedAmount = 0;
  closedWith: { code: number; reason: string } | undefined;
  terminated = false;
  paused = false;
  private readonly pendingWrites: (() => void)[] = [];
  holdWrites = false;

  send(bytes: Uint8Array, onWritten: (error?: Error) => void): void {
    this.sent.push(decodeFrame(bytes, { maxFrameBytes: 1024 * 1024 }));
    if (this.holdWrites) this.pendingWrites.push(() => onWritten());
    else onWritten();
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }
  terminate(): void {
    this.terminated = true;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  flush(): void {
    this.holdWrites = false;
    for (const write of this.pendingWrites.splice(0)) write();
  }
}

const PEER = { peerId: 'county-19', secret: 'right-secret-19' };

function newSession(overrides: Partial<LinkSessionOptions> = {}) {
  const transport = new FakeTransport();
  const dispatched: { request: LinkRequest; sink: ReplySink }[] = [];
  const session = new LinkSession({
    transport,
    served: new Set<SystemName>(['DMV']),
    available: () => ['DMV'],
    limits: { maxFrameBytes: 64 * 1024, helloTimeoutMs: 60_000, maxMalformedFrames: 3, maxBufferedBytes: 1000, drainTimeoutMs: 60_000 },
    serverId: 'backends-test',
    authenticate: (hello) =>
      hello.peerId === PEER.peerId && hello.secret === PEER.secret ? { ok: true, peerId: PEER.peerId } : { ok: false, code: 'CLETS_ERR_LINK_AUTH' },
    requests: {
      dispatch: (request, sink) => {
        dispatched.push({ request, sink });
        sink.sendReply({ requestId: request.requestId ?? '', final: true });
      },
    },
    logger: pino({ level: 'silent' }),
    now: () => 1_700_000_000_000,
    ...overrides,
  });
  const receive = (frame: Frame): void => session.receive(encodeFrame(frame, { maxFrameBytes: 64 * 1024 }), true);
  return { session, transport, dispatched, receive };
}

function authenticated(overrides: Partial<LinkSessionOptions> = {}) {
  const setup = newSession(overrides);
  setup.receive({ linkHello: { ...PEER, role: 'client', protocolVersion: 1 } });
  return setup;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LinkSession hello', () => {
  it('welcomes a peer with the right secret and lists the systems up', () => {
    const { session, transport } = authenticated();
    expect(session.isOpen).toBe(true);
    expect(session.peerId).toBe('county-19');
    expect(transport.sent[0]?.linkWelcome).toMatchObject({ ok: true, systems: ['DMV'], peerId: 'backends-test' });
  });

  it('refuses a wrong secret with CLETS_ERR_LINK_AUTH and closes 4018', () => {
    const { session, transport, receive } = newSession();
    receive({ linkHello: { peerId: PEER.peerId, secret: 'wrong' } });
    expect(transport.sent[0]?.linkWelcome).toMatchObject({ ok: false, code: 'CLETS_ERR_LINK_AUTH' });
    expect(transport.closedWith).toEqual({ code: 4018, reason: 'CLETS_ERR_LINK_AUTH' });
    expect(session.isOpen).toBe(false);
  });

  it('refuses another protocol version with 4006', () => {
    const { transport, receive } = newSession();
    receive({ linkHello: { ...PEER, protocolVersion: 9 } });
    expect(transport.sent[0]?.linkWelcome?.code).toBe('CLETS_ERR_PROTOCOL_VERSION');
    expect(transport.closedWith?.code).toBe(4006);
  });

  it('closes an unauthenticated connection when the hello timeout passes (4013)', () => {
    vi.useFakeTimers();
    const { transport } = newSession({
      limits: { maxFrameBytes: 64 * 1024, helloTimeoutMs: 1_000, maxMalformedFrames: 3, maxBufferedBytes: 1000, drainTimeoutMs: 60_000 },
    });
    vi.advanceTimersByTime(999);
    expect(transport.closedWith).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(transport.sent[0]?.reject?.code).toBe('CLETS_ERR_AUTH_TIMEOUT');
    expect(transport.closedWith?.code).toBe(4013);
  });

  it('refuses requests and heartbeats before the hello, and a second hello after it', () => {
    const { transport, receive, dispatched } = newSession();
    receive({ linkRequest: { requestId: 'r1' } });
    expect(transport.sent[0]?.reject?.code).toBe('CLETS_ERR_FRAME_UNEXPECTED');
    expect(dispatched).toHaveLength(0);
    receive({ linkHello: { ...PEER } });
    receive({ linkHello: { ...PEER } });
    expect(transport.sent.at(-1)?.reject?.code).toBe('CLETS_ERR_FRAME_UNEXPECTED');
  });
});

describe('LinkSession traffic', () => {
  it('answers a heartbeat with reply=true and the same nonce, and ignores a heartbeat reply', () => {
    const { transport, receive } = authenticated();
    receive({ heartbeat: { nonce: 77, reply: false } });
    expect(transport.sent[1]?.heartbeat?.reply).toBe(true);
    expect(Number(transport.sent[1]?.heartbeat?.nonce)).toBe(77);
    receive({ heartbeat: { nonce: 78, reply: true } });
    expect(transport.sent).toHaveLength(2);
  });

  it('stamps every frame it sends with link_seq 1, 2, 3...', () => {
    const { transport, receive } = authenticated();
    for (let index = 0; index < 5; index += 1) receive({ linkRequest: { requestId: `r${index}` } });
    receive({ heartbeat: { nonce: 1 } });
    receive({ transaction: {} });
    expect(transport.sent.map((frame) => Number(frame.linkSeq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('hands requests to the dispatcher with itself as the reply sink', () => {
    const { session, transport, receive, dispatched } = authenticated();
    receive({ linkRequest: { requestId: 'abc', system: 'DMV', transaction: { header: { messageKey: 'DQ' } } } });
    expect(dispatched[0]?.request.requestId).toBe('abc');
    expect(dispatched[0]?.sink).toBe(session);
    expect(transport.sent[1]?.linkReply).toMatchObject({ requestId: 'abc', final: true });
  });

  it('rejects a request without a request id with a Reject frame', () => {
    const { transport, receive, dispatched } = authenticated();
    receive({ linkRequest: { system: 'DMV' } });
    expect(transport.sent[1]?.reject?.code).toBe('CLETS_ERR_REQUEST_INVALID');
    expect(dispatched).toHaveLength(0);
  });

  it('turns a reply too large for the link into a reject for the same request', () => {
    const { transport, receive } = authenticated({
      requests: {
        dispatch: (request, sink) =>
          sink.sendReply({ requestId: request.requestId ?? '', responses: [{ text: 'X'.repeat(70_000) }], final: true }),
      },
    });
    receive({ linkRequest: { requestId: 'big' } });
    expect(transport.sent[1]?.linkReply).toMatchObject({ requestId: 'big', final: true, reject: { code: 'CLETS_ERR_FRAME_TOO_LARGE' } });
  });
});

describe('LinkSession malformed frames', () => {
  it('answers undecodable bytes, text and wrong kinds with typed rejects, then closes 4007 at the limit', () => {
    const { session, transport } = authenticated();
    session.receive(new Uint8Array([0xff, 0xff, 0xff]), true);
    session.receive(new TextEncoder().encode('QW.CA0194200'), false);
    expect(transport.sent.slice(1).map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_FRAME_MALFORMED', 'CLETS_ERR_TEXT_FRAME']);
    expect(transport.closedWith).toBeUndefined();
    session.receive(encodeFrame({ loginBanner: { text: 'hi' } }), true);
    expect(transport.sent.slice(3).map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_FRAME_UNEXPECTED', 'CLETS_ERR_TOO_MANY_MALFORMED']);
    expect(transport.closedWith).toEqual({ code: 4007, reason: 'CLETS_ERR_TOO_MANY_MALFORMED' });
    // Nothing more is read once closing.
    session.receive(new Uint8Array([1]), true);
    expect(transport.sent).toHaveLength(5);
  });

  it('an empty frame is CLETS_ERR_FRAME_EMPTY', () => {
    const { session, transport } = authenticated();
    session.receive(new Uint8Array(0), true);
    expect(transport.sent[1]?.reject?.code).toBe('CLETS_ERR_FRAME_EMPTY');
  });

  it('never throws on random input, and every frame it sends decodes with consecutive link_seq', () => {
    const golden = Object.values(GOLDEN_FRAMES).map((frame) => encodeFrame(frame, { maxFrameBytes: 1024 * 1024 }));
    const mutated = fc
      .tuple(fc.constantFrom(...golden), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat())
      .map(([bytes, at, value, cut]) => {
        const copy = Uint8Array.from(bytes);
        if (copy.length > 0) copy[at % copy.length] = value;
        return copy.subarray(0, Math.max(0, copy.length - (cut % 4)));
      });
    const request = fc
      .record({ requestId: fc.string({ maxLength: 8 }), system: fc.string({ maxLength: 6 }), key: fc.string({ maxLength: 4 }) })
      .map(({ requestId, system, key }) => encodeFrame({ linkRequest: { requestId, system, transaction: { header: { messageKey: key } } } }));
    const message = fc.record({
      bytes: fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated, request, fc.constantFrom(...golden)),
      isBinary: fc.boolean(),
    });
    let frames = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(message, { minLength: 5, maxLength: 40 }), (sayHello, messages) => {
        const { session, transport } = newSession({
          limits: { maxFrameBytes: 64 * 1024, helloTimeoutMs: 60_000, maxMalformedFrames: 25, maxBufferedBytes: 1 << 20, drainTimeoutMs: 60_000 },
        });
        if (sayHello) session.receive(encodeFrame({ linkHello: { ...PEER } }), true);
        for (const { bytes, isBinary } of messages) {
          session.receive(bytes, isBinary);
          frames += 1;
        }
        const seqs = transport.sent.map((frame) => Number(frame.linkSeq));
        expect(seqs).toEqual(seqs.map((_, index) => index + 1));
        for (const frame of transport.sent) {
          if (frame.reject) expect(frame.reject.code).toMatch(/^CLETS_ERR_/);
        }
        if (transport.closedWith) expect([4007, 4018]).toContain(transport.closedWith.code);
      }),
      { seed: 20_261_104, numRuns: 250 },
    );
    expect(frames).toBeGreaterThan(2_000);
  }, 120_000);
});

describe('LinkSession backpressure', () => {
  it('pauses reading while too much is buffered and resumes once the peer has read', () => {
    const { transport, receive } = authenticated();
    transport.holdWrites = true;
    transport.bufferedAmount = 5_000;
    receive({ heartbeat: { nonce: 1 } });
    expect(transport.paused).toBe(true);
    transport.bufferedAmount = 100;
    transport.flush();
    expect(transport.paused).toBe(false);
  });

  it('ends a peer that stays paused past the drain timeout', () => {
    vi.useFakeTimers();
    const { transport, receive } = authenticated({
      limits: { maxFrameBytes: 64 * 1024, helloTimeoutMs: 60_000, maxMalformedFrames: 3, maxBufferedBytes: 1000, drainTimeoutMs: 500 },
    });
    transport.holdWrites = true;
    transport.bufferedAmount = 5_000;
    receive({ heartbeat: { nonce: 1 } });
    vi.advanceTimersByTime(500);
    expect(transport.terminated).toBe(true);
  });
});
