/**
 * The state switch's server side of county links (docs/protocol.md, "Links"): a WebSocket
 * port of its own (`peerPort`), apart from the terminals'. A county says LinkHello with its
 * peer id and the secret configured for it; the state answers LinkWelcome with the systems
 * it reaches, learns the ORIs and terminals the county announced, and from then on the
 * connection carries the county's PeerLink: requests both ways, heartbeats, status messages.
 *
 * Each frame sent is stamped with `link_seq` (1, 2, 3... per connection); each one received
 * is checked against the previous one (a gap is counted and logged: loss or reordering).
 * A connection that does not say LinkHello in time, names an unknown peer or the wrong
 * secret is refused (LinkWelcome ok=false, close 4018). ws pings find dead connections.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  CletsError, PROTOCOL_VERSION, decodeFrame, encodeFrame, pb, toCletsError,
  type DecodedFrame, type ErrorCode, type Frame, type FrameKind, type LinkHello,
} from '@clets/protocol';
import { WriteCoalescer } from '../links/write-coalescer.js';
import type { PeerLink, PeerTransport } from './peer-link.js';

export interface PeerServerOptions {
  /** This switch's identity, sent in LinkWelcome.peer_id. */
  readonly switchId: string;
  /** Configured peers: id and secret. */
  readonly peers: readonly { readonly peerId: string; readonly secret: string }[];
  /** The PeerLink of each configured peer, by id. */
  readonly links: ReadonlyMap<string, PeerLink>;
  /** Serve wss:// with this certificate: the county's secret then never travels in clear. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer; readonly handshakeTimeout?: number };
  /** The systems reachable through this switch now (LinkWelcome.systems). */
  readonly systems: () => string[];
  readonly limits: {
    readonly maxFrameBytes: number;
    /** A connection that has not said LinkHello by then is closed. */
    readonly helloTimeoutMs: number;
    /** ws ping period; a connection that missed the last pong is ended. */
    readonly pingIntervalMs: number;
    /** Undecodable or text messages a linked peer may send before it is cut off (4007). */
    readonly maxMalformedFrames: number;
  };
  /**
   * A peer authenticated: what it announced, judged before LinkWelcome is sent and its link
   * is marked up. Claims refused are named in the (still ok) LinkWelcome.
   */
  readonly onHello: (link: PeerLink, hello: LinkHello, remoteAddress: string) => HelloOutcome;
  /** The peer's link is up on this connection. */
  readonly onWelcomed?: (link: PeerLink) => void;
  /** A linked peer was cut off for what it sent (garbage after LinkHello). */
  readonly onViolation?: (link: PeerLink, remoteAddress: string, error: CletsError) => void;
  /** Timeouts and connection caps of the port (http/server-guard.ts); absent: none. */
  readonly guard?: {
    watch(server: Server): void;
    /** False for a connection over a cap (the guard closes it). */
    admitWebSocket(ws: WebSocket, request: IncomingMessage): boolean;
  };
  readonly logger: {
    info(object: object, message?: string): void;
    warn(object: object, message?: string): void;
    error(object: object, message?: string): void;
  };
}

/** What the switch made of a LinkHello it accepted. */
export interface HelloOutcome {
  /** Some claims were refused: the link is up with the rest, and the county is told why. */
  readonly refusal?: { readonly code: ErrorCode; readonly reason: string };
}

interface PeerConnection extends PeerTransport {
  readonly ws: WebSocket;
  link: PeerLink | undefined;
  malformed: number;
  sentSeq: number;
  receivedSeq: number;
  alive: boolean;
  readonly coalescer: WriteCoalescer;
  helloTimer: NodeJS.Timeout | undefined;
}

const CLOSE_LINK_AUTH = 4018;
/** A county that lets this much pile up unread is cut off, as a silent one would be. */
const STUCK_PEER_BYTES = 16 * 1024 * 1024;

export class PeerServer {
  readonly #options: PeerServerOptions;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #secrets: ReadonlyMap<string, Buffer>;
  readonly #connections = new Set<PeerConnection>();
  #pingTimer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  /** link_seq values received that were not the previous one plus one. */
  gapsDetected = 0;

  constructor(options: PeerServerOptions) {
    this.#options = options;
    // Only digests are kept: equal lengths for timingSafeEqual, whatever the secret's length.
    this.#secrets = new Map(options.peers.map((peer) => [peer.peerId, digest(peer.secret)]));
    const upgradeRequired = (_request: unknown, response: ServerResponse): void => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('switch links speak WebSocket\n');
    };
    this.#http = options.tls !== undefined ? createTlsServer(options.tls, upgradeRequired) : createServer(upgradeRequired);
    options.guard?.watch(this.#http);
    this.#wss = new WebSocketServer({ server: this.#http, perMessageDeflate: false, maxPayload: options.limits.maxFrameBytes });
    this.#wss.on('connection', (ws, request) => {
      if (options.guard?.admitWebSocket(ws, request) === false) return;
      this.#onConnection(ws, request.socket.remoteAddress ?? 'unknown');
    });
  }

  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(port, host, () => {
        this.#http.off('error', reject);
        resolve();
      });
    });
    this.#pingTimer = setInterval(() => this.#pingAll(), this.#options.limits.pingIntervalMs).unref();
    return this.#http.address() as AddressInfo;
  }

  /** Connections that have not said LinkHello yet (for the metrics). */
  get unauthenticatedConnections(): number {
    let count = 0;
    for (const connection of this.#connections) if (connection.link === undefined) count += 1;
    return count;
  }

  /** Sends a frame to every linked county (a StatusMessage about a system, say). */
  broadcast(frame: Frame): number {
    let sent = 0;
    for (const link of this.#options.links.values()) if (link.send(frame)) sent += 1;
    return sent;
  }

  /** Stops accepting, ends every connection (1001), closes the port. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.#closeInOrder();
    return this.#closing;
  }

  async #closeInOrder(): Promise<void> {
    clearInterval(this.#pingTimer);
    const closed = new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    for (const connection of this.#connections) connection.close(1001, 'switch shutting down');
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([closed, grace]);
    for (const connection of this.#connections) connection.ws.terminate();
    await new Promise<void>((resolve) => {
      if (!this.#http.listening) return resolve();
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
  }

  #onConnection(ws: WebSocket, remoteAddress: string): void {
    const connection: PeerConnection = {
      ws, remoteAddress, link: undefined, malformed: 0, sentSeq: 0, receivedSeq: 0, alive: true, coalescer: new WriteCoalescer(ws), helloTimer: undefined,
      write: (frame) => this.#write(connection, frame),
      close: (code, reason) => {
        try {
          ws.close(code, reason.slice(0, 120));
        } catch {
          ws.terminate();
        }
      },
    };
    this.#connections.add(connection);
    connection.helloTimer = setTimeout(() => {
      this.#options.logger.warn({ remoteAddress }, 'peer did not say LinkHello in time');
      this.#refuse(connection, new CletsError('CLETS_ERR_AUTH_TIMEOUT', 'no LinkHello in time'));
    }, this.#options.limits.helloTimeoutMs).unref();
    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    ws.on('pong', () => { connection.alive = true; });
    ws.on('error', (error) => this.#options.logger.warn({ err: error.message, remoteAddress }, 'peer socket error'));
    ws.on('close', (code) => {
      clearTimeout(connection.helloTimer);
      this.#connections.delete(connection);
      connection.link?.detach(connection, `connection closed (${code})`);
    });
  }

  #onMessage(connection: PeerConnection, data: RawData, isBinary: boolean): void {
    connection.alive = true;
    if (!isBinary) {
      this.#malformed(connection, new CletsError('CLETS_ERR_TEXT_FRAME'));
      return;
    }
    let frame: DecodedFrame & { body: FrameKind };
    try {
      frame = decodeFrame(toBytes(data), { maxFrameBytes: this.#options.limits.maxFrameBytes });
    } catch (error) {
      this.#malformed(connection, toCletsError(error));
      return;
    }
    this.#checkLinkSeq(connection, Number(frame.linkSeq ?? 0));
    if (connection.link === undefined) {
      if (frame.body === 'linkHello') this.#onHello(connection, frame.linkHello ?? {});
      else this.#refuse(connection, new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `${frame.body} before LinkHello`));
      return;
    }
    try {
      connection.link.receive(frame);
    } catch (error) {
      // Nothing a peer sends may throw out of the socket handler.
      this.#options.logger.error({ err: error, kind: frame.body, peer: connection.link.name }, 'peer frame handling failed');
    }
  }

  #onHello(connection: PeerConnection, hello: LinkHello): void {
    clearTimeout(connection.helloTimer);
    const peerId = hello.peerId ?? '';
    const expected = this.#secrets.get(peerId);
    // Compare even for an unknown peer, so the answer takes the same time either way.
    const matches = timingSafeEqual(digest(hello.secret ?? ''), expected ?? UNKNOWN_PEER_DIGEST) && expected !== undefined;
    const link = this.#options.links.get(peerId);
    if (!matches || link === undefined) {
      this.#options.logger.warn({ peerId, remoteAddress: connection.remoteAddress }, 'peer link refused: unknown peer or wrong secret');
      this.#refuse(connection, new CletsError('CLETS_ERR_LINK_AUTH'));
      return;
    }
    const version = hello.protocolVersion ?? 0;
    if (version !== 0 && version !== PROTOCOL_VERSION) {
      this.#refuse(connection, new CletsError('CLETS_ERR_PROTOCOL_VERSION', `protocol ${version}; this switch speaks ${PROTOCOL_VERSION}`));
      return;
    }
    connection.link = link;
    const { refusal } = this.#options.onHello(link, hello, connection.remoteAddress);
    this.#write(connection, {
      linkWelcome: { ok: true, systems: this.#options.systems(), peerId: this.#options.switchId, ...(refusal !== undefined ? { code: refusal.code, reason: refusal.reason } : {}) },
    });
    link.attach(connection);
    this.#options.logger.info({ peer: peerId, oris: hello.servedOris?.length ?? 0, terminals: hello.servedTerminals?.length ?? 0 }, 'peer linked');
    this.#options.onWelcomed?.(link);
  }

  /**
   * A message that is not a frame. Before LinkHello nothing is listened to: refused at once.
   * After it, a few are tolerated (a bug, not an attack), then the peer is cut off (4007)
   * and the switch told, as the backends and the terminal port do.
   */
  #malformed(connection: PeerConnection, error: CletsError): void {
    const link = connection.link;
    if (link === undefined) {
      this.#refuse(connection, error);
      return;
    }
    connection.malformed += 1;
    this.#options.logger.warn({ code: error.code, peer: link.name, count: connection.malformed }, 'malformed message on a peer link dropped');
    if (connection.malformed !== this.#options.limits.maxMalformedFrames) return;
    const tooMany = new CletsError('CLETS_ERR_TOO_MANY_MALFORMED', `${connection.malformed} messages that were not frames (last: ${error.code})`);
    this.#options.onViolation?.(link, connection.remoteAddress, tooMany);
    connection.close(tooMany.closeCode ?? 4007, tooMany.code);
  }

  #refuse(connection: PeerConnection, error: CletsError): void {
    try {
      this.#write(connection, { linkWelcome: { ok: false, code: error.code, reason: error.message, peerId: this.#options.switchId } });
    } finally {
      connection.close(CLOSE_LINK_AUTH, error.code);
    }
  }

  #checkLinkSeq(connection: PeerConnection, seq: number): void {
    if (seq === 0) return;
    if (seq !== connection.receivedSeq + 1) {
      this.gapsDetected += 1;
      this.#options.logger.warn({ peer: connection.link?.name, expected: connection.receivedSeq + 1, received: seq }, 'link_seq gap or reordering');
    }
    connection.receivedSeq = seq;
  }

  /**
   * The one place that writes to a peer's socket: stamps link_seq, encodes, coalesces the
   * writes of one tick (cork until nextTick, as the terminal writer does).
   */
  #write(connection: PeerConnection, frame: Frame): boolean {
    const ws = connection.ws;
    if (ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount > STUCK_PEER_BYTES) {
      this.#options.logger.warn({ peer: connection.link?.name, buffered: ws.bufferedAmount }, 'peer not reading: connection ended');
      ws.terminate();
      return false;
    }
    const message = new pb.Frame(frame);
    message.linkSeq = connection.sentSeq + 1;
    const bytes = encodeFrame(message, { maxFrameBytes: this.#options.limits.maxFrameBytes });
    connection.sentSeq = message.linkSeq;
    connection.coalescer.beforeWrite();
    ws.send(bytes, { binary: true, compress: false });
    return true;
  }

  #pingAll(): void {
    for (const connection of this.#connections) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      try {
        connection.ws.ping();
      } catch {
        connection.ws.terminate();
      }
    }
  }
}

const UNKNOWN_PEER_DIGEST = digest('\u0000unknown peer\u0000');

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
