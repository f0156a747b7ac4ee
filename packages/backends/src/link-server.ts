/**
 * The WebSocket server switches link to. It owns the sockets: the upgrade (which path, is
 * the system up), ping/pong liveness, and the set of sessions; every frame goes through a
 * LinkSession.
 *
 * Paths: `/` reaches every system this process hosts; `/NCIC`, `/DMV`... reach one. A
 * `drop` outage of a system ends every link that reaches it and refuses new links to its
 * own path while set; a link to `/` is accepted again at once, its LinkWelcome leaving out
 * the dropped system, and it hears a StatusMessage when the system is back.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { CletsError, LinkState, SYSTEMS, type LinkHello, type SystemName } from '@clets/protocol';
import type { BehaviourController, BehaviourChange } from './behaviour.js';
import type { BackendConfig, BackendLimits } from './config.js';
import { applyHttpTimeouts } from './http-timeouts.js';
import { LinkSession, type LinkAuthResult, type LinkTransport, type RequestHandler } from './link-session.js';

export interface LinkServerOptions {
  readonly serverId: string;
  /** The systems hosted here. */
  readonly systems: readonly SystemName[];
  readonly links: BackendConfig['links'];
  readonly limits: BackendLimits;
  /** Serve wss:// with this certificate. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  readonly behaviour: BehaviourController;
  readonly requests: RequestHandler;
  readonly logger: Logger;
  readonly now?: () => number;
}

export class LinkServer {
  private readonly options: LinkServerOptions;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<LinkSession, WebSocket>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly secrets: ReadonlyMap<string, Buffer>;
  private readonly unsubscribe: () => void;
  private pingTimer: NodeJS.Timeout | undefined;
  private accepting = true;
  private nextConnectionId = 1;

  constructor(options: LinkServerOptions) {
    this.options = options;
    // Only digests are kept: equal-length buffers for timingSafeEqual, whatever the secret.
    this.secrets = new Map(options.links.map((link) => [link.peerId, digest(link.secret)]));
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: options.limits.maxFrameBytes,
      perMessageDeflate: false,
    });
    const upgradeRequired = (_request: unknown, response: ServerResponse): void => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('links speak WebSocket\n');
    };
    this.http = options.tls !== undefined ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, upgradeRequired) : createServer(upgradeRequired);
    applyHttpTimeouts(this.http, options.limits, { upgrades: true });
    this.http.on('upgrade', (request, socket, head) => {
      const served = this.admit(request.url ?? '/');
      if (typeof served === 'number') return refuseUpgrade(socket, served);
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, served, request.socket.remoteAddress ?? ''));
    });
    this.unsubscribe = options.behaviour.onChange((change) => this.onBehaviourChange(change));
  }

  /** Binds and starts the ping loop; resolves with the bound address. */
  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.pingTimer = setInterval(() => this.pingAll(), this.options.limits.pingIntervalMs);
    this.pingTimer.unref();
    return this.http.address() as AddressInfo;
  }

  /** Open (authenticated) connections. */
  get openLinks(): number {
    let count = 0;
    for (const session of this.sessions.keys()) if (session.isOpen) count += 1;
    return count;
  }

  /** An open connection of the peer, for replies whose own connection has gone. */
  findPeerSink(peerId: string): LinkSession | undefined {
    for (const session of this.sessions.keys()) if (session.isOpen && session.peerId === peerId) return session;
    return undefined;
  }

  /** New connections are refused (503) from now on. */
  stopAccepting(): void {
    this.accepting = false;
  }

  /**
   * Closes every link with 1001 (CLETS_ERR_SHUTTING_DOWN), waits for the closing handshakes
   * up to the deadline, ends whatever is left, and closes the listening socket.
   */
  async close(deadlineMs: number): Promise<void> {
    this.stopAccepting();
    this.unsubscribe();
    clearInterval(this.pingTimer);
    const shuttingDown = new CletsError('CLETS_ERR_SHUTTING_DOWN');
    const closed = [...this.sessions].map(
      ([session, ws]) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', () => resolve());
          session.close(shuttingDown.closeCode ?? 1001, shuttingDown.code);
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadlineMs);
    });
    await Promise.race([Promise.all(closed), deadline]);
    clearTimeout(timer);
    for (const ws of this.sessions.values()) ws.terminate();
    await new Promise<void>((resolve) => {
      if (!this.http.listening) return resolve();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    this.wss.close();
  }

  private authenticate = (hello: LinkHello): LinkAuthResult => {
    const peerId = hello.peerId ?? '';
    const expected = this.secrets.get(peerId);
    const given = digest(hello.secret ?? '');
    // Compare even for an unknown peer, so the answer takes the same time either way.
    const matches = timingSafeEqual(given, expected ?? UNKNOWN_PEER_DIGEST) && expected !== undefined;
    return matches ? { ok: true, peerId } : { ok: false, code: 'CLETS_ERR_LINK_AUTH' };
  };

  /** The systems a new connection to this path reaches, or the HTTP status refusing it. */
  private admit(url: string): ReadonlySet<SystemName> | number {
    if (!this.accepting) return 503;
    const path = (url.split('?')[0] ?? '/').replace(/\/+$/, '').toUpperCase();
    const hosted = this.options.systems;
    if (path === '') {
      const up = hosted.filter((system) => !this.isDropped(system));
      return up.length === 0 ? 503 : new Set(hosted);
    }
    const system = SYSTEMS.find((name) => `/${name}` === path);
    if (!system || !hosted.includes(system)) return 404;
    if (this.isDropped(system)) return 503;
    return new Set([system]);
  }

  private isDropped(system: SystemName): boolean {
    return this.options.behaviour.get(system).outage === 'drop';
  }

  private onConnection(ws: WebSocket, served: ReadonlySet<SystemName>, remote: string): void {
    const logger = this.options.logger.child({ link: this.nextConnectionId++, remote });
    const session = new LinkSession({
      transport: wsTransport(ws),
      served,
      available: () => [...served].filter((system) => !this.isDropped(system)),
      limits: this.options.limits,
      serverId: this.options.serverId,
      authenticate: this.authenticate,
      requests: this.options.requests,
      logger,
      now: this.options.now,
    });
    this.sessions.set(session, ws);
    this.alive.set(ws, true);
    ws.on('message', (data, isBinary) => session.receive(toBytes(data), isBinary));
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (error) => logger.warn({ err: error }, 'link socket error'));
    ws.on('close', (code) => {
      this.sessions.delete(session);
      session.transportClosed(code);
    });
    logger.debug({ systems: [...served] }, 'link connected');
  }

  /** One timer for every connection: a connection that missed the last ping is ended. */
  private pingAll(): void {
    for (const [session, ws] of this.sessions) {
      if (this.alive.get(ws) === false) {
        session.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  private onBehaviourChange({ system, previous, current }: BehaviourChange): void {
    if (current.outage === 'drop' && previous.outage !== 'drop') {
      for (const session of this.sessions.keys()) if (session.served.has(system)) session.terminate();
      this.options.logger.warn({ system }, 'outage drop: links to the system ended');
    } else if (previous.outage === 'drop' && current.outage !== 'drop') {
      // Links to `/` opened during the drop were welcomed without this system: tell them.
      const back = {
        system,
        state: LinkState.LINK_STATE_UP,
        atMs: (this.options.now ?? Date.now)(),
        text: `${system} BACK IN SERVICE`,
        reportedBy: this.options.serverId,
      };
      for (const session of this.sessions.keys()) {
        if (session.isOpen && session.served.has(system)) session.write({ statusMessage: back });
      }
    }
  }
}

const UNKNOWN_PEER_DIGEST = digest('\u0000unknown peer\u0000');

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function wsTransport(ws: WebSocket): LinkTransport {
  return {
    send: (bytes, onWritten) => ws.send(bytes, { binary: true }, onWritten),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    pause: () => ws.pause(),
    resume: () => ws.resume(),
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function refuseUpgrade(socket: Duplex, status: number): void {
  const text = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
