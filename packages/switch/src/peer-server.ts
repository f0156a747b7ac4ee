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
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  CletsError, PROTOCOL_VERSION, decodeFrame, encodeFrame, pb, toCletsError,
  type DecodedFrame, type Frame, type FrameKind, type LinkHello,
} from '@clets/protocol';
import type { PeerLink, PeerTransport } from './peer-link.js';

export interface PeerServerOptions {
  /** This switch's identity, sent in LinkWelcome.peer_id. */
  readonly switchId: string;
  /** Configured peers: id and secret. */
  readonly peers: readonly { readonly peerId: string; readonly secret: string }[];
  /** The PeerLink of each configured peer, by id. */
  readonly links: ReadonlyMap<string, PeerLink>;
  /** The systems reachable through this switch now (LinkWelcome.systems). */
  readonly systems: () => string[];
  readonly limits: {
    readonly maxFrameBytes: number;
    /** A connection that has not said LinkHello by then is closed. */
    readonly helloTimeoutMs: number;
    /** ws ping period; a connection that missed the last pong is ended. */
    readonly pingIntervalMs: number;
  };
  /** A peer was welcomed: what it announced, before its link is marked up. */
  readonly onHello: (link: PeerLink, hello: LinkHello) => void;
  /** The peer's link is up on this connection. */
  readonly onWelcomed?: (link: PeerLink) => void;
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

interface PeerConnection extends PeerTransport {
  readonly ws: WebSocket;
  link: PeerLink | undefined;
  sentSeq: number;
  receivedSeq: number;
  alive: boolean;
  corked: boolean;
  helloTimer: NodeJS.Timeout | undefined;
}

interface CorkableSocket {
  cork(): void;
  uncork(): void;
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
    this.#http = createServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('switch links speak WebSocket\n');
    });
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
      ws, remoteAddress, link: undefined, sentSeq: 0, receivedSeq: 0, alive: true, corked: false, helloTimer: undefined,
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
      this.#options.logger.warn({ remoteAddress: connection.remoteAddress }, 'text message on a peer link ignored');
      return;
    }
    let frame: DecodedFrame & { body: FrameKind };
    try {
      frame = decodeFrame(toBytes(data), { maxFrameBytes: this.#options.limits.maxFrameBytes });
    } catch (error) {
      this.#options.logger.warn({ code: toCletsError(error).code, remoteAddress: connection.remoteAddress }, 'undecodable frame on a peer link dropped');
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
    this.#write(connection, { linkWelcome: { ok: true, systems: this.#options.systems(), peerId: this.#options.switchId } });
    this.#options.onHello(link, hello);
    link.attach(connection);
    this.#options.logger.info({ peer: peerId, oris: hello.servedOris?.length ?? 0, terminals: hello.servedTerminals?.length ?? 0 }, 'peer linked');
    this.#options.onWelcomed?.(link);
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
    this.#cork(connection);
    ws.send(bytes, { binary: true, compress: false });
    return true;
  }

  #cork(connection: PeerConnection): void {
    if (connection.corked) return;
    const raw = (connection.ws as unknown as { _socket?: CorkableSocket | null })._socket ?? undefined;
    if (raw === undefined) return;
    connection.corked = true;
    raw.cork();
    process.nextTick(() => {
      connection.corked = false;
      raw.uncork();
    });
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
