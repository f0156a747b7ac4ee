/**
 * The switch's outgoing link to a backend system (NCIC, DMV...) or to the state switch: the
 * client side of docs/protocol.md, "Links". It connects, says LinkHello, waits for
 * LinkWelcome, then carries LinkRequests out and LinkReplies back through a bounded window,
 * answers heartbeats and requests sent down by an upstream switch, and reconnects with
 * backoff until closed.
 *
 * A link does not hold traffic across an outage: while it is not up, `request()` fails at
 * once with CLETS_ERR_SYSTEM_UNAVAILABLE and the switch's dispatcher decides what waits
 * (Nlets `.02.` queue-and-forward is the switch's job, not the wire's).
 */
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import {
  CletsError, decodeFrame, encodeFrame, HeartbeatMonitor, pb, PROTOCOL_VERSION, ReconnectBackoff, toCletsError,
  type DecodedFrame, type Frame, type FrameKind, type LinkReply, type LinkRequest, type LinkWelcome,
} from '@clets/protocol';
import {
  resolveLinkSettings,
  type LinkClientEvents,
  type LinkClientOptions,
  type LinkClientState,
  type LinkClientStats,
  type LinkLogger,
  type LinkSettings,
} from './link-options.js';
import { PendingRequests, type OutgoingLinkRequest } from './pending-requests.js';
import { rejectReply, UpstreamRequests, type LinkRequestHandler } from './upstream-requests.js';
import { underlyingSocket, WriteCoalescer } from './write-coalescer.js';

/** One WebSocket connection attempt and what belongs to it alone. */
interface Connection {
  readonly ws: WebSocket;
  welcomed: boolean;
  sentSeq: number;
  receivedSeq: number;
  helloTimer: unknown;
  /** Started on LinkWelcome. */
  heartbeat: HeartbeatMonitor | undefined;
  readonly coalescer: WriteCoalescer;
  awaitingDrain: boolean;
  /** Why we ended it, when we did (else the close code says). */
  endReason: string | undefined;
  /** LinkWelcome{ok=false} or close 4018: the next attempt waits the maximum delay. */
  refused: boolean;
}


/** A peer that lets this many high-water marks pile up unread is as dead as a silent one. */
const STUCK_PEER_FACTOR = 16;
/** How many request ids sent down by an upstream switch are remembered for retries. */
const UPSTREAM_REQUESTS_REMEMBERED = 10_000;
/** A close handshake the peer never finishes is cut after this long. */
const CLOSE_GRACE_MS = 5_000;
const CLOSE_LINK_AUTH = 4018;

export class LinkClient {
  readonly #settings: LinkSettings;
  readonly #backoff: ReconnectBackoff;
  readonly #pending: PendingRequests;
  readonly #upstream: UpstreamRequests;
  readonly #events = new EventEmitter();

  #state: LinkClientState = 'down';
  #started = false;
  #conn: Connection | undefined;
  #systems: readonly string[] = [];
  #reconnectTimer: unknown;
  #closing: Promise<void> | undefined;
  #pumping = false;
  #failuresInARow = 0;
  #lastLinkSeqReceived = 0;
  readonly #counters = {
    sent: 0, received: 0, bytesSent: 0, bytesReceived: 0, reconnects: 0, gapsDetected: 0,
    decodeErrors: 0, unexpectedFrames: 0,
  };

  /** Checks the options (RangeError listing every problem); connects only on start(). */
  constructor(options: LinkClientOptions) {
    const settings = resolveLinkSettings(options);
    this.#settings = settings;
    this.#backoff = new ReconnectBackoff(settings.reconnect, settings.random);
    this.#pending = new PendingRequests({ window: settings.window, maxQueue: settings.maxQueue }, settings.clock, {
      onSlotFreed: () => this.#pump(),
      onCallbackError: (error, requestId) => this.#log('error', { err: describe(error), requestId }, 'onPartial callback threw'),
    });
    this.#upstream = new UpstreamRequests(UPSTREAM_REQUESTS_REMEMBERED, (error, requestId) => {
      this.#log('error', { err: describe(error), requestId }, 'onRequest handler failed');
    });
  }

  get state(): LinkClientState {
    return this.#state;
  }

  /** The systems of the last LinkWelcome (kept while down, for routing). */
  get systems(): readonly string[] {
    return this.#systems;
  }

  /** Connects, and keeps reconnecting until close(). Calling it again does nothing. */
  start(): void {
    if (this.#started || this.#state === 'closed') return;
    this.#started = true;
    this.#connect();
  }

  /**
   * Sends one request and resolves with its final LinkReply (which may itself carry a
   * Reject from the system). Replies with `final=false` (a `.02.` queued notice) go to
   * `onPartial`. Rejects with CletsError: SYSTEM_UNAVAILABLE when the link is not up or goes
   * down, QUEUE_FULL, SYSTEM_TIMEOUT at `deadlineMs`, SHUTTING_DOWN after close().
   */
  request(request: OutgoingLinkRequest, onPartial?: (reply: LinkReply) => void): Promise<LinkReply> {
    if (this.#state !== 'up') {
      const code = this.#state === 'closed' ? 'CLETS_ERR_SHUTTING_DOWN' : 'CLETS_ERR_SYSTEM_UNAVAILABLE';
      return Promise.reject(new CletsError(code, `link ${this.#settings.name} is ${this.#state}`, { system: request.system }));
    }
    const reply = this.#pending.admit(request, onPartial);
    this.#pump();
    return reply;
  }

  /** Handles LinkRequests sent down by an upstream switch (AM, YQ for a county terminal). */
  onRequest(handler: LinkRequestHandler): void {
    this.#upstream.setHandler(handler);
  }

  on<E extends keyof LinkClientEvents>(event: E, listener: (...args: LinkClientEvents[E]) => void): this {
    this.#events.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  off<E extends keyof LinkClientEvents>(event: E, listener: (...args: LinkClientEvents[E]) => void): this {
    this.#events.off(event, listener as (...args: unknown[]) => void);
    return this;
  }

  /**
   * Sends one frame as is (a StatusMessage upstream, say), stamped with the next link_seq.
   * False when the link is not up. Throws CletsError when the frame cannot be encoded.
   */
  send(frame: Frame): boolean {
    const conn = this.#conn;
    if (this.#state !== 'up' || conn === undefined) return false;
    return this.#write(conn, frame);
  }

  stats(): LinkClientStats {
    return {
      state: this.#state,
      inFlight: this.#pending.inFlight,
      queued: this.#pending.queued,
      ...this.#counters,
      lastLinkSeqReceived: this.#lastLinkSeqReceived,
      timeouts: this.#pending.timeouts,
      unmatchedReplies: this.#pending.unmatchedReplies,
      bufferedAmount: this.#conn?.ws.bufferedAmount ?? 0,
    };
  }

  /**
   * Stops reconnecting, fails every pending request with CLETS_ERR_SHUTTING_DOWN and closes
   * the socket with 1000. Idempotent: every call returns the same promise. Emits no 'down'.
   */
  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    this.#state = 'closed';
    if (this.#reconnectTimer !== undefined) this.#settings.clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    const failed = this.#pending.failAll((system) => new CletsError('CLETS_ERR_SHUTTING_DOWN', `link ${this.#settings.name} closed`, { system }));
    const conn = this.#conn;
    this.#conn = undefined;
    this.#log('info', { failed }, 'link closing');
    this.#closing = conn === undefined ? Promise.resolve() : this.#closeSocket(conn);
    return this.#closing;
  }

  // --- connection lifecycle ---------------------------------------------------------------

  #connect(): void {
    this.#state = 'connecting';
    const tls = this.#settings.tls;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.#settings.url, {
        perMessageDeflate: false,
        maxPayload: this.#settings.maxFrameBytes,
        handshakeTimeout: this.#settings.helloTimeoutMs,
        ...(tls?.ca !== undefined ? { ca: tls.ca } : {}),
        ...(tls?.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
      });
    } catch (error) {
      this.#log('error', { err: describe(error) }, 'link could not connect');
      this.#state = 'down';
      this.#scheduleReconnect(false);
      return;
    }
    const conn: Connection = {
      ws, welcomed: false, sentSeq: 0, receivedSeq: 0, helloTimer: undefined, heartbeat: undefined,
      coalescer: new WriteCoalescer(ws), awaitingDrain: false, endReason: undefined, refused: false,
    };
    this.#conn = conn;
    this.#lastLinkSeqReceived = 0;
    conn.helloTimer = this.#settings.clock.setTimeout(() => {
      conn.helloTimer = undefined;
      this.#end(conn, `no LinkWelcome within ${this.#settings.helloTimeoutMs} ms`);
    }, this.#settings.helloTimeoutMs);
    this.#log('debug', { url: this.#settings.safeUrl }, 'link connecting');

    ws.on('open', () => this.#onOpen(conn));
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => this.#onMessage(conn, data, isBinary));
    ws.on('pong', () => conn.heartbeat?.heard());
    ws.on('error', (error: Error) => {
      // 'close' follows and drives the state; the message names no secret (only host and port).
      this.#log(conn.welcomed ? 'warn' : 'debug', { err: error.message, url: this.#settings.safeUrl }, 'link socket error');
    });
    ws.on('close', (code: number, reason: Buffer) => this.#onClose(conn, code, reason.toString('utf8')));
  }

  #onOpen(conn: Connection): void {
    if (conn !== this.#conn) return;
    const options = this.#settings;
    // The one frame that carries the secret: it is written, never logged.
    this.#write(conn, {
      linkHello: {
        peerId: options.peerId,
        secret: options.secret,
        role: options.role,
        servedOris: [...options.servedOris],
        servedTerminals: [...options.servedTerminals],
        protocolVersion: PROTOCOL_VERSION,
      },
    });
  }

  #onWelcome(conn: Connection, welcome: LinkWelcome): void {
    if (conn.welcomed) {
      this.#unexpected('linkWelcome', 'LinkWelcome on a link already up');
      return;
    }
    this.#clearHelloTimer(conn);
    if (!welcome.ok) {
      conn.refused = true;
      this.#log('warn', { code: welcome.code, reason: welcome.reason, peer: welcome.peerId }, 'link refused by peer');
      this.#end(conn, `LinkWelcome refused (${welcome.code || 'no code'})`);
      return;
    }
    conn.welcomed = true;
    if (welcome.code) {
      // Up, with part of what we announced refused (an ORI or terminal the far side gives to
      // another switch): traffic for those will not reach us until the configs agree.
      this.#log('warn', { code: welcome.code, reason: welcome.reason, peer: welcome.peerId }, 'link up with a warning from the peer');
    }
    this.#failuresInARow = 0;
    this.#systems = Object.freeze([...(welcome.systems ?? [])]);
    this.#state = 'up';
    this.#backoff.reset();
    this.#startHeartbeat(conn);
    this.#log('info', { peer: welcome.peerId, systems: this.#systems, url: this.#settings.safeUrl }, 'link up');
    this.#emit('up', [...this.#systems]);
    this.#pump();
  }

  #onClose(conn: Connection, code: number, reason: string): void {
    if (conn !== this.#conn) return; // replaced, or close() already took it
    this.#conn = undefined;
    this.#clearHelloTimer(conn);
    conn.heartbeat?.stop();
    const wasUp = this.#state === 'up';
    this.#state = 'down';
    const why = conn.endReason ?? `socket closed (${code}${reason ? `: ${reason}` : ''})`;
    const refused = conn.refused || code === CLOSE_LINK_AUTH;
    if (wasUp) {
      const failed = this.#pending.failAll(
        (system) => new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `link ${this.#settings.name} went down`, { system }),
      );
      this.#log('warn', { reason: why, failed }, 'link down');
      this.#emit('down', why);
    } else {
      // The first failure of a series is worth a warning; the retries that follow are not.
      this.#failuresInARow += 1;
      const level = refused || this.#failuresInARow === 1 ? 'warn' : 'debug';
      this.#log(level, { reason: why, failuresInARow: this.#failuresInARow }, 'link connection attempt failed');
    }
    this.#scheduleReconnect(refused);
  }

  #scheduleReconnect(refused: boolean): void {
    if (this.#state === 'closed') return;
    const delay = refused ? this.#backoff.atMaximum() : this.#backoff.next();
    this.#log('debug', { delayMs: delay }, 'link reconnect scheduled');
    this.#reconnectTimer = this.#settings.clock.setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (this.#state === 'closed') return;
      this.#counters.reconnects += 1;
      this.#connect();
    }, delay);
  }

  /** Ends a connection from our side; its 'close' event does the rest. */
  #end(conn: Connection, reason: string): void {
    conn.endReason ??= reason;
    conn.ws.terminate();
  }

  #closeSocket(conn: Connection): Promise<void> {
    this.#clearHelloTimer(conn);
    conn.heartbeat?.stop();
    const ws = conn.ws;
    if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const grace = this.#settings.clock.setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
      ws.once('close', () => {
        this.#settings.clock.clearTimeout(grace);
        resolve();
      });
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'link closed');
      else if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    });
  }

  // --- heartbeats -------------------------------------------------------------------------

  #startHeartbeat(conn: Connection): void {
    const { clock, heartbeatIntervalMs, heartbeatTimeoutMs } = this.#settings;
    conn.heartbeat = new HeartbeatMonitor(clock, heartbeatIntervalMs, heartbeatTimeoutMs, {
      beat: (nonce, now) => {
        this.#write(conn, { heartbeat: { nonce, sentAtMs: now, reply: false } });
        if (conn.ws.readyState === WebSocket.OPEN) conn.ws.ping();
      },
      silent: (silentForMs) => this.#end(conn, `nothing heard for ${silentForMs} ms (heartbeat timeout)`),
    });
    conn.heartbeat.start();
  }

  // --- receiving --------------------------------------------------------------------------

  #onMessage(conn: Connection, data: WebSocket.RawData, isBinary: boolean): void {
    if (conn !== this.#conn) return;
    conn.heartbeat?.heard();
    this.#counters.received += 1;
    const bytes = toBytes(data);
    this.#counters.bytesReceived += bytes.length;
    if (!isBinary) {
      this.#counters.decodeErrors += 1;
      this.#log('warn', { bytes: bytes.length }, 'text message on a link ignored (frames are binary)');
      return;
    }
    let frame: ReturnType<typeof decodeFrame>;
    try {
      frame = decodeFrame(bytes, { maxFrameBytes: this.#settings.maxFrameBytes });
    } catch (error) {
      this.#counters.decodeErrors += 1;
      this.#log('warn', { code: toCletsError(error).code, bytes: bytes.length }, 'undecodable frame on link dropped');
      return;
    }
    this.#checkLinkSeq(conn, Number(frame.linkSeq ?? 0));
    try {
      this.#dispatch(conn, frame);
    } catch (error) {
      // Nothing a peer sends may throw out of the socket handler.
      this.#log('error', { err: describe(error), kind: frame.body }, 'link frame handling failed');
    }
  }

  /** Frame.link_seq: one more than the previous frame of this connection, else loss or reordering. */
  #checkLinkSeq(conn: Connection, seq: number): void {
    if (seq === 0) return; // not stamped
    const expected = conn.receivedSeq + 1;
    if (seq !== expected) {
      this.#counters.gapsDetected += 1;
      this.#log('warn', { expected, received: seq }, 'link_seq gap or reordering');
    }
    conn.receivedSeq = seq;
    this.#lastLinkSeqReceived = seq;
  }

  #dispatch(conn: Connection, frame: DecodedFrame & { body: FrameKind }): void {
    const kind = frame.body;
    if (!conn.welcomed && kind !== 'linkWelcome' && kind !== 'heartbeat') {
      this.#unexpected(kind, 'frame before LinkWelcome');
      return;
    }
    switch (kind) {
      case 'linkWelcome':
        this.#onWelcome(conn, frame.linkWelcome ?? {});
        return;
      case 'linkReply': {
        const reply = frame.linkReply ?? {};
        if (this.#pending.deliver(reply) === 'unmatched' && reply.final) this.#emit('lateReply', reply);
        return;
      }
      case 'linkRequest':
        this.#onLinkRequest(conn, frame.linkRequest ?? {});
        return;
      case 'heartbeat': {
        const heartbeat = frame.heartbeat ?? {};
        if (!heartbeat.reply) {
          this.#write(conn, { heartbeat: { nonce: heartbeat.nonce ?? 0, sentAtMs: this.#settings.clock.now(), reply: true } });
        }
        return;
      }
      case 'statusMessage':
        this.#emit('statusMessage', frame.statusMessage ?? {});
        return;
      case 'linkHello':
        this.#unexpected(kind, 'LinkHello sent to the client side of a link');
        return;
      case 'terminalHello': case 'loginBanner': case 'bannerAck': case 'operatorLogin':
      case 'secondFactorChallenge': case 'secondFactorAnswer': case 'loginResult': case 'logout':
      case 'transaction': case 'receipt': case 'response': case 'completion': case 'reject':
      case 'queuedNotice': case 'adminMessage': case 'deliveryReport':
      case 'hitConfirmationRequest': case 'hitConfirmationResponse':
        this.#emit('frame', frame);
        return;
      default: {
        const unhandled: never = kind;
        this.#unexpected(String(unhandled), 'unknown frame kind');
      }
    }
  }

  /** A request sent down by the upstream switch: answered once per id, final, on the same connection. */
  #onLinkRequest(conn: Connection, request: LinkRequest): void {
    const requestId = request.requestId ?? '';
    if (requestId === '') {
      this.#unexpected('linkRequest', 'LinkRequest without request_id');
      return;
    }
    const { reply, repeated } = this.#upstream.answer(request);
    if (repeated) this.#log('info', { requestId }, 'repeated LinkRequest answered from memory');
    void reply.then((answer) => this.#replyDown(conn, requestId, answer));
  }

  #replyDown(conn: Connection, requestId: string, reply: LinkReply): void {
    if (conn !== this.#conn || !conn.welcomed) {
      // The request came on a connection that is gone: the upstream retries on the new one.
      this.#log('debug', { requestId }, 'reply to a LinkRequest of a closed connection dropped');
      return;
    }
    try {
      this.#write(conn, { linkReply: { ...reply, requestId, final: true } });
    } catch (error) {
      const clets = toCletsError(error);
      this.#log('error', { code: clets.code, requestId }, 'reply to LinkRequest could not be encoded');
      this.#write(conn, { linkReply: { ...rejectReply(clets, {}), requestId, final: true } });
    }
  }

  // --- sending ----------------------------------------------------------------------------

  /** Moves requests from the queue to the wire while the window and the socket buffer allow. */
  #pump(): void {
    const conn = this.#conn;
    if (this.#pumping || this.#state !== 'up' || conn === undefined) return;
    this.#pumping = true;
    try {
      while (!this.#overHighWater(conn)) {
        const next = this.#pending.nextToSend();
        if (next === undefined) break;
        try {
          const written = this.#write(conn, {
            linkRequest: { requestId: next.requestId, system: next.system, transaction: next.transaction, deadlineMs: next.deadlineMs },
          });
          if (!written) {
            this.#pending.fail(next.requestId, new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `link ${this.#settings.name} is closing`, { system: next.system }));
          }
        } catch (error) {
          const clets = toCletsError(error);
          this.#pending.fail(next.requestId, new CletsError(clets.code, `request ${next.requestId} not sent`, { system: next.system, cause: error }));
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Past the high-water mark: wait for the socket's 'drain' before sending more requests. */
  #overHighWater(conn: Connection): boolean {
    if (conn.ws.bufferedAmount <= this.#settings.highWaterMarkBytes) return false;
    if (!conn.awaitingDrain) {
      const raw = underlyingSocket(conn.ws);
      if (raw !== undefined) {
        conn.awaitingDrain = true;
        raw.once('drain', () => {
          conn.awaitingDrain = false;
          if (conn === this.#conn) this.#pump();
        });
      }
    }
    return true;
  }

  /**
   * The only place that writes to the link's socket: stamps Frame.link_seq (1, 2, 3... per
   * connection), encodes, coalesces the writes of one tick into one socket write (cork until
   * nextTick; bench/src/measure-corking.ts: 35-42% less CPU per request, and a 10,000-request burst
   * 1.2-1.8x faster when the cores are not shared) and counts. False when the socket is not
   * open; throws CletsError when the frame cannot be encoded (no link_seq is used up).
   */
  #write(conn: Connection, frame: Frame): boolean {
    const ws = conn.ws;
    if (ws.readyState !== WebSocket.OPEN) return false;
    if (ws.bufferedAmount > this.#settings.highWaterMarkBytes * STUCK_PEER_FACTOR) {
      this.#end(conn, `peer not reading (${ws.bufferedAmount} bytes buffered)`);
      return false;
    }
    // An instance of the generated class, not a plain object: protobufjs encodes it about
    // five times faster (its field checks stay monomorphic), measured 2.7 us against 17 us
    // for a LinkRequest frame.
    const message = new pb.Frame(frame);
    message.linkSeq = conn.sentSeq + 1;
    const bytes = encodeFrame(message, { maxFrameBytes: this.#settings.maxFrameBytes });
    conn.sentSeq = message.linkSeq;
    if (this.#settings.coalesceWrites) conn.coalescer.beforeWrite();
    ws.send(bytes, { binary: true, compress: false });
    this.#counters.sent += 1;
    this.#counters.bytesSent += bytes.length;
    return true;
  }

  // --- small helpers ----------------------------------------------------------------------

  #emit<E extends keyof LinkClientEvents>(event: E, ...args: LinkClientEvents[E]): void {
    for (const listener of this.#events.listeners(event)) {
      try {
        (listener as (...values: unknown[]) => void)(...args);
      } catch (error) {
        this.#log('error', { err: describe(error), event }, 'link event listener threw');
      }
    }
  }

  #unexpected(kind: string, why: string): void {
    this.#counters.unexpectedFrames += 1;
    this.#log('warn', { kind }, why);
  }

  #clearHelloTimer(conn: Connection): void {
    if (conn.helloTimer !== undefined) this.#settings.clock.clearTimeout(conn.helloTimer);
    conn.helloTimer = undefined;
  }

  #log(level: keyof LinkLogger, obj: object, msg: string): void {
    this.#settings.logger[level]({ link: this.#settings.name, ...obj }, msg);
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
