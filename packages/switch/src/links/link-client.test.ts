import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import pino from 'pino';
import {
  CletsError, decodeFrame, encodeFrame, ManualClock,
  type DecodedFrame, type Frame, type FrameKind, type LinkHello, type LinkReply, type LinkRequest, type StatusMessage, type Transaction,
} from '@clets/protocol';
import type { SystemLink } from './types.js';
import { LinkClient } from './link-client.js';
import type { LinkClientOptions, LinkLogger } from './link-options.js';

const SECRET = 'link-secret-4f8a-DO-NOT-LOG';
const BIG = { maxFrameBytes: 64 * 1024 * 1024 };

// --- a fake link server: the system or upstream switch side of docs/protocol.md "Links" ---

/** One connection accepted by the fake server. */
class FakePeer {
  readonly frames: Array<DecodedFrame & { body: FrameKind }> = [];
  /** LinkRequests without a final reply from us yet. */
  readonly outstanding = new Map<string, LinkRequest>();
  maxOutstanding = 0;
  closeCode: number | undefined;
  #seq = 0;

  constructor(readonly ws: WebSocket) {}

  /** Sends a frame stamped with the next link_seq, or with `linkSeq` to fake loss or reordering. */
  send(frame: Frame, linkSeq = this.#seq + 1): void {
    this.#seq = linkSeq;
    this.ws.send(encodeFrame({ ...frame, linkSeq }, BIG));
  }

  reply(requestId: string, reply: LinkReply = {}): void {
    const full: LinkReply = { requestId, final: true, ...reply };
    if (full.final) this.outstanding.delete(requestId);
    this.send({ linkReply: full });
  }

  of<K extends FrameKind>(kind: K): Array<NonNullable<DecodedFrame[K]>> {
    return this.frames.filter((frame) => frame.body === kind).map((frame) => frame[kind] as NonNullable<DecodedFrame[K]>);
  }
}

interface FakeServerBehaviour {
  welcome: 'ok' | 'refuse' | 'never';
  systems: string[];
  /** Answer each LinkRequest at once with one Response (else onRequest or hold it). */
  autoReply: boolean;
  onRequest?: (peer: FakePeer, request: LinkRequest) => void;
  answerHeartbeats: boolean;
  /** ws-level pong to the client's pings; off to play a peer that went silent. */
  autoPong: boolean;
}

class FakeLinkServer {
  readonly behaviour: FakeServerBehaviour;
  readonly hellos: LinkHello[] = [];
  readonly peers: FakePeer[] = [];
  port = 0;
  #wss: WebSocketServer | undefined;

  constructor(behaviour: Partial<FakeServerBehaviour> = {}) {
    this.behaviour = { welcome: 'ok', systems: ['NCIC', 'NLETS'], autoReply: true, answerHeartbeats: true, autoPong: true, ...behaviour };
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The most recent connection. */
  get peer(): FakePeer {
    const peer = this.peers.at(-1);
    if (peer === undefined) throw new Error('no connection yet');
    return peer;
  }

  async listen(port = this.port): Promise<void> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, autoPong: this.behaviour.autoPong, maxPayload: BIG.maxFrameBytes });
    await once(wss, 'listening');
    this.port = (wss.address() as AddressInfo).port;
    wss.on('connection', (ws) => this.#accept(ws));
    this.#wss = wss;
  }

  /** Drops every connection and stops listening (ws's close() leaves clients open). */
  async stop(): Promise<void> {
    const wss = this.#wss;
    this.#wss = undefined;
    if (wss === undefined) return;
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  #accept(ws: WebSocket): void {
    const peer = new FakePeer(ws);
    this.peers.push(peer);
    ws.on('close', (code) => { peer.closeCode = code; });
    ws.on('message', (data) => {
      const frame = decodeFrame(data as Buffer, BIG);
      peer.frames.push(frame);
      if (frame.linkHello) this.#onHello(peer, frame.linkHello);
      if (frame.linkRequest) {
        const request = frame.linkRequest;
        const id = request.requestId ?? '';
        peer.outstanding.set(id, request);
        peer.maxOutstanding = Math.max(peer.maxOutstanding, peer.outstanding.size);
        if (this.behaviour.onRequest) this.behaviour.onRequest(peer, request);
        else if (this.behaviour.autoReply) peer.reply(id, { responses: [{ system: request.system ?? '', text: `ANSWER ${id}` }] });
      }
      if (frame.heartbeat && !frame.heartbeat.reply && this.behaviour.answerHeartbeats) {
        peer.send({ heartbeat: { nonce: frame.heartbeat.nonce ?? 0, reply: true } });
      }
    });
  }

  #onHello(peer: FakePeer, hello: LinkHello): void {
    this.hellos.push(hello);
    if (this.behaviour.welcome === 'ok') {
      peer.send({ linkWelcome: { ok: true, systems: this.behaviour.systems, peerId: 'fake-system' } });
    } else if (this.behaviour.welcome === 'refuse') {
      peer.send({ linkWelcome: { ok: false, code: 'CLETS_ERR_LINK_AUTH', reason: 'link peer or secret invalid' } });
      peer.ws.close(4018, 'link peer or secret invalid');
    }
  }
}

// --- test scaffolding ------------------------------------------------------------------------

interface LogLine { level: string; obj: object; msg: string | undefined }

function captureLogger(): { logger: LinkLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object, msg?: string) => { lines.push({ level, obj, msg }); };
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') } };
}

const servers: FakeLinkServer[] = [];
const clients: Array<{ client: LinkClient; lines: LogLine[] }> = [];

afterEach(async () => {
  for (const { client, lines } of clients.splice(0)) {
    await client.close();
    // The per-link secret never reaches a log line, whatever happened in the test.
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  }
  for (const server of servers.splice(0)) await server.stop();
});

async function startServer(behaviour: Partial<FakeServerBehaviour> = {}): Promise<FakeLinkServer> {
  const server = new FakeLinkServer(behaviour);
  await server.listen();
  servers.push(server);
  return server;
}

function makeClient(server: FakeLinkServer, overrides: Partial<LinkClientOptions> = {}) {
  const { logger, lines } = captureLogger();
  const client = new LinkClient({
    name: 'NCIC', url: server.url, peerId: 'county-19', secret: SECRET, role: 'client',
    reconnect: { minDelayMs: 10, maxDelayMs: 100 }, logger, ...overrides,
  });
  const events = { up: 0, down: [] as string[] };
  client.on('up', () => { events.up += 1; });
  client.on('down', (reason) => { events.down.push(reason); });
  clients.push({ client, lines });
  return { client, lines, events };
}

async function connected(server: FakeLinkServer, overrides: Partial<LinkClientOptions> = {}) {
  const made = makeClient(server, overrides);
  const up = new Promise<string[]>((resolve) => made.client.on('up', resolve));
  made.client.start();
  const systems = await up;
  return { ...made, systems };
}

/** Waits for a condition with a generous deadline (never a timing assertion). */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A promise's outcome, observed without leaving an unhandled rejection. */
function settle<T>(promise: Promise<T>): { value?: T; error?: CletsError; done: boolean } {
  const box: { value?: T; error?: CletsError; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(box, { value, done: true }),
    (error: CletsError) => Object.assign(box, { error, done: true }),
  );
  return box;
}

const transaction: Transaction = {
  header: { clientMessageId: 'm-1', messageKey: 'QW', ori: 'CA0194200', terminal: 'T001', operatorId: 'OP1' },
  fields: [{ tag: 'NAM', value: 'DOE,JOHN' }, { tag: 'DOB', value: '19800101' }],
};

function req(requestId: string, deadlineMs = Date.now() + 60_000, system = 'NCIC') {
  return { requestId, system, transaction, deadlineMs };
}

// --- tests -----------------------------------------------------------------------------------

describe('LinkClient: connecting', () => {
  it('says LinkHello and goes up with the systems of LinkWelcome', async () => {
    const server = await startServer({ systems: ['NCIC', 'III'] });
    const { client, systems } = await connected(server, {
      role: 'switch', servedOris: ['CA0194200'], servedTerminals: ['T001', 'T002'],
    });
    expect(systems).toEqual(['NCIC', 'III']);
    expect(client.state).toBe('up');
    expect(client.systems).toEqual(['NCIC', 'III']);
    expect(server.hellos).toEqual([expect.objectContaining({
      peerId: 'county-19', secret: SECRET, role: 'switch', servedOris: ['CA0194200'],
      servedTerminals: ['T001', 'T002'], protocolVersion: 1,
    })]);
    expect(Number(server.peer.frames[0]?.linkSeq)).toBe(1);
    expect(client.stats()).toMatchObject({ state: 'up', inFlight: 0, queued: 0, sent: 1, received: 1, reconnects: 0 });
  });

  it('refused by the peer: never up, retries at the maximum delay, says why without the secret', async () => {
    const server = await startServer({ welcome: 'refuse' });
    const clock = new ManualClock();
    const { client, lines, events } = makeClient(server, { clock, random: () => 1, reconnect: { minDelayMs: 100, maxDelayMs: 60_000 } });
    client.start();
    await until(() => server.hellos.length === 1 && client.state === 'down', 'first refusal');
    expect(clock.pendingDelays()).toEqual([60_000]);
    const refused = settle(client.request(req('r1')));
    clock.advance(60_000);
    await until(() => server.hellos.length === 2 && client.state === 'down', 'second refusal');
    expect(clock.pendingDelays()).toEqual([60_000]);
    expect(events.up).toBe(0);
    expect(events.down).toEqual([]); // never up, so never "down"
    expect(refused.error?.code).toBe('CLETS_ERR_SYSTEM_UNAVAILABLE');
    expect(refused.error?.message).not.toContain(SECRET);
    expect(lines.some((line) => line.level === 'warn' && JSON.stringify(line.obj).includes('CLETS_ERR_LINK_AUTH'))).toBe(true);
  });

  it('reconnects with growing delays while the peer is away, and comes back up', async () => {
    const server = await startServer();
    const clock = new ManualClock();
    const { client, events } = await connected(server, { clock, random: () => 1, reconnect: { minDelayMs: 100, maxDelayMs: 1000 } });
    const port = server.port;
    await server.stop();
    await until(() => events.down.length === 1, 'down');
    expect(client.state).toBe('down');
    expect(clock.pendingDelays()).toEqual([100]);
    const whileDown = settle(client.request(req('r1')));
    clock.advance(100); // refused connection
    await until(() => client.state === 'down' && clock.pendingDelays().length === 1, 'second delay');
    expect(clock.pendingDelays()).toEqual([200]);
    clock.advance(200);
    await until(() => client.state === 'down' && clock.pendingDelays().length === 1, 'third delay');
    expect(clock.pendingDelays()).toEqual([400]);

    await server.listen(port); // the system restarts on the same port
    clock.advance(400);
    await until(() => client.state === 'up', 'up again');
    expect(events).toMatchObject({ up: 2, down: [expect.stringContaining('1006')] });
    expect(client.stats().reconnects).toBe(3);
    expect(whileDown.error).toMatchObject({ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', system: 'NCIC' });
    const reply = await client.request(req('r2', clock.now() + 60_000));
    expect(reply.responses?.[0]?.text).toBe('ANSWER r2');

    // A success resets the backoff: the next loss starts from the minimum again.
    await server.stop();
    await until(() => events.down.length === 2, 'down again');
    expect(clock.pendingDelays()).toEqual([100]);
  });

  it('cuts and retries a peer that never answers LinkHello', async () => {
    const server = await startServer({ welcome: 'never' });
    const clock = new ManualClock();
    const { client } = makeClient(server, { clock, random: () => 1, helloTimeoutMs: 3000, reconnect: { minDelayMs: 100, maxDelayMs: 1000 } });
    client.start();
    await until(() => server.hellos.length === 1, 'hello');
    expect(client.state).toBe('connecting');
    clock.advance(3000);
    await until(() => client.state === 'down', 'hello timeout');
    expect(clock.pendingDelays()).toEqual([100]);
    clock.advance(100);
    await until(() => server.hellos.length === 2, 'second hello');
  });
});

describe('LinkClient: requests', () => {
  it('correlates 1,000 concurrent requests answered out of order', async () => {
    const held: string[] = [];
    const server = await startServer({
      onRequest: (peer, request) => {
        held.push(request.requestId ?? '');
        if (held.length < 1000) return;
        // Answer in a scrambled but reproducible order.
        const order = held.map((id, i) => ({ id, key: (i * 7919) % 1000 })).sort((a, b) => a.key - b.key);
        for (const { id } of order) peer.reply(id, { responses: [{ system: 'NCIC', text: `ANSWER ${id}` }] });
      },
    });
    const { client } = await connected(server, { window: 1000 });
    const ids = Array.from({ length: 1000 }, (_, i) => `q${i}`);
    const replies = await Promise.all(ids.map((id) => client.request(req(id))));
    replies.forEach((reply, i) => {
      expect(reply.requestId).toBe(ids[i]);
      expect(reply.responses?.[0]?.text).toBe(`ANSWER ${ids[i]}`);
    });
    // Every frame we sent carried the next link_seq: hello = 1, requests 2..1001.
    expect(server.peer.frames.map((frame) => Number(frame.linkSeq))).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
    expect(client.stats()).toMatchObject({ inFlight: 0, queued: 0, unmatchedReplies: 0, gapsDetected: 0 });
  });

  it('keeps at most `window` requests on the wire and queues the rest in order', async () => {
    const answered: string[] = [];
    const server = await startServer({
      onRequest: (peer) => {
        setImmediate(() => {
          const oldest = peer.outstanding.keys().next();
          if (oldest.done) return;
          answered.push(oldest.value);
          peer.reply(oldest.value);
        });
      },
    });
    const { client } = await connected(server, { window: 8 });
    const all = Promise.all(Array.from({ length: 100 }, (_, i) => client.request(req(`w${i}`))));
    expect(client.stats()).toMatchObject({ inFlight: 8, queued: 92 });
    await all;
    expect(server.peer.maxOutstanding).toBe(8);
    expect(server.peer.of('linkRequest').map((r) => r.requestId)).toEqual(Array.from({ length: 100 }, (_, i) => `w${i}`));
  });

  it('refuses a request beyond maxQueue with CLETS_ERR_QUEUE_FULL', async () => {
    const server = await startServer({ autoReply: false });
    const { client } = await connected(server, { window: 1, maxQueue: 2 });
    const kept = ['a', 'b', 'c'].map((id) => settle(client.request(req(id))));
    await expect(client.request(req('d'))).rejects.toMatchObject({ code: 'CLETS_ERR_QUEUE_FULL', system: 'NCIC' });
    expect(client.stats()).toMatchObject({ inFlight: 1, queued: 2 });
    expect(kept.every((k) => !k.done)).toBe(true);
  });

  it('times out at the deadline, frees the slot, and drops the late reply', async () => {
    const server = await startServer({ autoReply: false });
    const clock = new ManualClock();
    const { client } = await connected(server, { clock, window: 1 });
    const first = settle(client.request(req('slow', clock.now() + 1000, 'DMV')));
    const second = settle(client.request(req('next', clock.now() + 60_000)));
    await until(() => server.peer.outstanding.has('slow'), 'first request on the wire');
    expect(server.peer.outstanding.has('next')).toBe(false);

    clock.advance(1000);
    await until(() => first.done, 'timeout');
    expect(first.error).toBeInstanceOf(CletsError);
    expect(first.error).toMatchObject({ code: 'CLETS_ERR_SYSTEM_TIMEOUT', system: 'DMV' });
    await until(() => server.peer.outstanding.has('next'), 'freed slot used');

    server.peer.reply('slow', { responses: [{ system: 'DMV', text: 'TOO LATE' }] });
    await until(() => client.stats().unmatchedReplies === 1, 'late reply counted');
    expect(second.done).toBe(false);
    server.peer.reply('next');
    await until(() => second.done, 'second answered');
    expect(second.value?.requestId).toBe('next');
    expect(client.stats()).toMatchObject({ timeouts: 1, inFlight: 0 });
  });

  it('counts and drops a reply for an unknown request_id', async () => {
    const server = await startServer({
      onRequest: (peer, request) => {
        peer.reply('no-such-request', { responses: [{ system: 'NCIC', text: 'NOT YOURS' }] });
        peer.reply(request.requestId ?? '', { responses: [{ system: 'NCIC', text: 'YOURS' }] });
      },
    });
    const { client } = await connected(server);
    const reply = await client.request(req('mine'));
    expect(reply.responses?.[0]?.text).toBe('YOURS');
    expect(client.stats().unmatchedReplies).toBe(1);
  });

  it('passes a partial reply (.02. queued) to onPartial and resolves on the final one', async () => {
    const server = await startServer({
      onRequest: (peer, request) => {
        const id = request.requestId ?? '';
        peer.reply(id, { final: false, queued: { system: 'NLETS', text: '.02. NV OUT OF SERVICE', expiresAtMs: 1 } });
        setImmediate(() => peer.reply(id, { responses: [{ system: 'NLETS', text: 'NV RESPONSE' }] }));
      },
    });
    const { client } = await connected(server);
    const partials: LinkReply[] = [];
    const reply = await client.request(req('nv', Date.now() + 60_000, 'NLETS'), (partial) => partials.push(partial));
    expect(partials).toHaveLength(1);
    expect(partials[0]?.queued?.text).toBe('.02. NV OUT OF SERVICE');
    expect(reply.final).toBe(true);
    expect(reply.responses?.[0]?.text).toBe('NV RESPONSE');
  });

  it('accepts by default a reply of up to the links\' 1 MiB (an answer with hundreds of hits)', async () => {
    const server = await startServer({ onRequest: (peer, request) => peer.reply(request.requestId ?? '', { responses: [{ system: 'NCIC', text: 'H'.repeat(900 * 1024) }] }) });
    const { client, events } = await connected(server);
    const reply = await client.request(req('large'));
    expect(reply.responses?.[0]?.text).toHaveLength(900 * 1024);
    expect(client.state).toBe('up');
    expect(events.down).toEqual([]);
  });

  it('fails requests that cannot be encoded without taking the link down', async () => {
    const server = await startServer();
    const { client } = await connected(server, { maxFrameBytes: 2048 });
    const huge: Transaction = { ...transaction, text: 'X'.repeat(4096) };
    await expect(client.request({ ...req('huge'), transaction: huge })).rejects.toMatchObject({ code: 'CLETS_ERR_FRAME_TOO_LARGE', system: 'NCIC' });
    const reply = await client.request(req('small'));
    expect(reply.requestId).toBe('small');
    // The failed frame used no link_seq: the peer sees no gap.
    expect(server.peer.frames.map((frame) => Number(frame.linkSeq))).toEqual([1, 2]);
  });
});

describe('LinkClient: losing the link', () => {
  it('fails in-flight and queued requests with SYSTEM_UNAVAILABLE and emits down once', async () => {
    const server = await startServer({ autoReply: false });
    const { client, events } = await connected(server, { window: 2 });
    const pending = ['a', 'b', 'c', 'd'].map((id) => settle(client.request(req(id))));
    await until(() => server.peer.outstanding.size === 2, 'two on the wire');
    const stateWhenDown: string[] = [];
    client.on('down', () => stateWhenDown.push(client.state));
    server.peer.ws.terminate();
    await until(() => pending.every((p) => p.done), 'all failed');
    expect(pending.map((p) => [p.error?.code, p.error?.system])).toEqual(
      Array.from({ length: 4 }, () => ['CLETS_ERR_SYSTEM_UNAVAILABLE', 'NCIC']),
    );
    expect(stateWhenDown).toEqual(['down']);
    await expect(client.request(req('while-down'))).rejects.toMatchObject({ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', system: 'NCIC' });
    await until(() => client.state === 'up', 'reconnected');
    expect(events.down).toHaveLength(1);
    expect(client.stats()).toMatchObject({ inFlight: 0, queued: 0, reconnects: 1 });
  });

  it('declares a silent link down after heartbeatTimeoutMs and reconnects', async () => {
    const server = await startServer({ answerHeartbeats: false, autoPong: false });
    const clock = new ManualClock();
    const { client, events } = await connected(server, { clock, heartbeatIntervalMs: 5000, heartbeatTimeoutMs: 15_000 });
    let pings = 0;
    server.peer.ws.on('ping', () => { pings += 1; });
    clock.advance(5000);
    await until(() => server.peer.of('heartbeat').length === 1 && pings === 1, 'first heartbeat and ping');
    expect(server.peer.of('heartbeat')[0]).toMatchObject({ reply: false });
    clock.advance(5000);
    await until(() => server.peer.of('heartbeat').length === 2, 'second heartbeat');
    expect(client.state).toBe('up');
    clock.advance(5000);
    await until(() => events.down.length === 1, 'down');
    expect(events.down[0]).toContain('heartbeat timeout');
    expect(clock.pendingDelays()).toHaveLength(1); // the reconnect
  });

  it('stays up while the peer answers heartbeats, and answers the peer\'s own', async () => {
    const server = await startServer({ answerHeartbeats: true });
    const clock = new ManualClock();
    const { client, events } = await connected(server, { clock, heartbeatIntervalMs: 5000, heartbeatTimeoutMs: 15_000 });
    for (let beat = 1; beat <= 6; beat += 1) {
      clock.advance(5000);
      await until(() => client.stats().received === 1 + beat, `heartbeat answer ${beat}`);
    }
    expect(client.state).toBe('up');
    expect(events.down).toEqual([]);
    server.peer.send({ heartbeat: { nonce: 77, reply: false } });
    await until(() => server.peer.of('heartbeat').some((h) => h.reply), 'our answer');
    expect(Number(server.peer.of('heartbeat').find((h) => h.reply)?.nonce)).toBe(77);
  });
});

describe('LinkClient: frames from the peer', () => {
  it('counts gaps and reordering in the peer\'s link_seq without dropping the link', async () => {
    const server = await startServer();
    const { client, lines } = await connected(server);
    const status: StatusMessage[] = [];
    client.on('statusMessage', (message) => status.push(message));
    const peer = server.peer; // welcome was link_seq 1
    peer.send({ statusMessage: { system: 'NCIC', text: 'two' } }, 2);
    peer.send({ statusMessage: { system: 'NCIC', text: 'five' } }, 5);
    peer.send({ statusMessage: { system: 'NCIC', text: 'four' } }, 4);
    await until(() => status.length === 3, 'three status messages');
    expect(client.stats()).toMatchObject({ gapsDetected: 2, lastLinkSeqReceived: 4, state: 'up' });
    expect(lines.filter((line) => line.msg?.includes('link_seq')).map((line) => line.obj)).toEqual([
      expect.objectContaining({ expected: 3, received: 5 }),
      expect.objectContaining({ expected: 6, received: 4 }),
    ]);
  });

  it('logs and counts undecodable and text messages, and stays up', async () => {
    const server = await startServer();
    const { client } = await connected(server);
    const frames: DecodedFrame[] = [];
    client.on('frame', (frame) => frames.push(frame));
    server.peer.ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]));
    server.peer.ws.send('hello, text');
    server.peer.ws.send(Buffer.alloc(0));
    server.peer.send({ adminMessage: { text: 'AM FOR T001', messageId: 'am-1' } });
    await until(() => frames.length === 1, 'admin message');
    expect(frames[0]?.adminMessage?.messageId).toBe('am-1');
    expect(client.stats()).toMatchObject({ decodeErrors: 3, state: 'up' });
  });

  it('drops frames that come before LinkWelcome', async () => {
    const server = await startServer({ welcome: 'never' });
    const { client } = makeClient(server);
    const status: StatusMessage[] = [];
    client.on('statusMessage', (message) => status.push(message));
    client.start();
    await until(() => server.hellos.length === 1, 'hello');
    server.peer.send({ statusMessage: { system: 'NCIC' } });
    server.peer.send({ linkWelcome: { ok: true, systems: ['NCIC'] } });
    await until(() => client.state === 'up', 'up');
    expect(status).toEqual([]);
    expect(client.stats().unexpectedFrames).toBe(1);
  });

  it('answers a LinkRequest sent down once per request_id, through onRequest', async () => {
    const server = await startServer();
    const { client } = await connected(server, { role: 'switch' });
    let calls = 0;
    client.onRequest(async (request) => {
      calls += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return { deliveryReports: [{ messageId: request.transaction?.header?.clientMessageId ?? '', destination: 'T001', state: 1 }] };
    });
    const am: Transaction = { header: { clientMessageId: 'am-7', messageKey: 'AM', destinations: ['T001'] }, text: 'SUSPECT IN CUSTODY' };
    server.peer.send({ linkRequest: { requestId: 'down-1', transaction: am, deadlineMs: Date.now() + 60_000 } });
    server.peer.send({ linkRequest: { requestId: 'down-1', transaction: am, deadlineMs: Date.now() + 60_000 } }); // a retry
    await until(() => server.peer.of('linkReply').length === 2, 'two replies');
    const replies = server.peer.of('linkReply');
    expect(calls).toBe(1);
    for (const reply of replies) {
      expect(reply).toMatchObject({ requestId: 'down-1', final: true });
      expect(reply.deliveryReports?.[0]).toMatchObject({ messageId: 'am-7', destination: 'T001' });
    }
  });

  it('answers a failing or missing handler with a Reject that leaks no internals', async () => {
    const server = await startServer();
    const { client } = await connected(server, { role: 'switch' });
    server.peer.send({ linkRequest: { requestId: 'n1', system: 'C19' } });
    await until(() => server.peer.of('linkReply').length === 1, 'no-handler reply');
    expect(server.peer.of('linkReply')[0]?.reject).toMatchObject({ code: 'CLETS_ERR_SYSTEM_NOT_ACCEPTING', wireCode: 503, system: 'C19' });

    client.onRequest((request) => {
      if (request.requestId === 'bug') throw new Error('db at /var/lib/clets.sqlite is locked');
      throw new CletsError('CLETS_ERR_UNKNOWN_DESTINATION', 'no terminal T999', { system: 'C19' });
    });
    server.peer.send({ linkRequest: { requestId: 'bug' } });
    server.peer.send({ linkRequest: { requestId: 'nodest' } });
    await until(() => server.peer.of('linkReply').length === 3, 'handler replies');
    const [, bug, nodest] = server.peer.of('linkReply');
    expect(bug?.reject).toMatchObject({ code: 'CLETS_ERR_INTERNAL', reason: 'internal error' });
    expect(nodest?.reject).toMatchObject({ code: 'CLETS_ERR_UNKNOWN_DESTINATION', system: 'C19' });
  });
});

describe('LinkClient: sending and closing', () => {
  it('send() stamps link_seq on a raw frame, and is false when the link is not up', async () => {
    const server = await startServer();
    const { client } = makeClient(server);
    expect(client.send({ statusMessage: { system: 'DMV', state: 2 } })).toBe(false);
    const up = new Promise((resolve) => client.on('up', resolve));
    client.start();
    await up;
    expect(client.send({ statusMessage: { system: 'DMV', state: 2, reportedBy: 'county-19' } })).toBe(true);
    await until(() => server.peer.of('statusMessage').length === 1, 'status message');
    expect(Number(server.peer.frames[1]?.linkSeq)).toBe(2);
    expect(server.peer.of('statusMessage')[0]).toMatchObject({ system: 'DMV', reportedBy: 'county-19' });
  });

  it('close() is idempotent, fails pending requests with SHUTTING_DOWN, closes 1000, stops reconnecting', async () => {
    const server = await startServer({ autoReply: false });
    const clock = new ManualClock();
    const { client, events } = await connected(server, { clock, window: 1 });
    const pending = ['a', 'b'].map((id) => settle(client.request(req(id, clock.now() + 60_000))));
    await until(() => server.peer.outstanding.size === 1, 'one on the wire');
    const first = client.close();
    const second = client.close();
    expect(second).toBe(first);
    await first;
    await client.close();
    await until(() => server.peer.closeCode !== undefined && pending.every((p) => p.done), 'closed');
    expect(server.peer.closeCode).toBe(1000);
    expect(pending.map((p) => p.error?.code)).toEqual(['CLETS_ERR_SHUTTING_DOWN', 'CLETS_ERR_SHUTTING_DOWN']);
    expect(client.state).toBe('closed');
    expect(events.down).toEqual([]);
    expect(clock.pendingDelays()).toEqual([]); // no reconnect, no heartbeat, no deadline left
    await expect(client.request(req('after', clock.now() + 60_000))).rejects.toMatchObject({ code: 'CLETS_ERR_SHUTTING_DOWN' });
    client.start();
    expect(client.state).toBe('closed');
    expect(server.hellos).toHaveLength(1);
  });

  it('close() while connecting ends the attempt', async () => {
    const server = await startServer({ welcome: 'never' });
    const { client } = makeClient(server);
    client.start();
    await until(() => server.hellos.length === 1, 'hello');
    await client.close();
    expect(client.state).toBe('closed');
  });

  it('stops taking requests off the queue above the high-water mark until the socket drains', async () => {
    const server = await startServer();
    const { client } = await connected(server, { window: 10_000, highWaterMarkBytes: 256 * 1024, maxFrameBytes: 1024 * 1024 });
    const reader = server.peer.ws as unknown as { pause(): void; resume(): void };
    reader.pause(); // the peer stops reading: our socket buffer fills
    const bulky: Transaction = { ...transaction, text: 'X'.repeat(60_000) };
    const all = Promise.all(Array.from({ length: 400 }, (_, i) => client.request({ ...req(`b${i}`), transaction: bulky })));
    await until(() => client.stats().bufferedAmount > 256 * 1024, 'buffer above the mark');
    const stalled = client.stats();
    expect(stalled.queued).toBeGreaterThan(0);
    expect(stalled.inFlight).toBeLessThan(400);
    reader.resume();
    const replies = await all;
    expect(replies).toHaveLength(400);
    expect(client.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});

describe('LinkClient: types', () => {
  it('fits the switch\'s SystemLink port and takes a pino logger', () => {
    const link: SystemLink = new LinkClient({ name: 'DMV', url: 'ws://127.0.0.1:1', peerId: 'p', secret: 's', role: 'client', logger: pino({ level: 'silent' }) });
    expect(link.state).toBe('down');
    expect(() => new LinkClient({ name: 'x', url: 'http://example', peerId: 'p', secret: 's', role: 'client', window: 0 }))
      .toThrow(/url must be ws:\/\/ or wss:\/\/; window must be an integer >= 1/);
  });
});
