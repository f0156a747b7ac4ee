/**
 * Timeouts and connection caps for every port the switch listens on: the HTTP API, the
 * terminal port and the peer port (the last two are HTTP servers until the WebSocket
 * upgrade). Without them a client that opens connections and sends nothing, or one header
 * line every few seconds (slowloris), holds a file descriptor each for as long as it likes,
 * and enough of them take every descriptor the process has.
 *
 * - Timeouts: a connection must have sent the complete headers of a request within
 *   `headersTimeoutMs` of connecting, and of the end of its previous answer (keep-alive);
 *   the whole request within `requestTimeoutMs`; an idle keep-alive connection ends after
 *   `keepAliveTimeoutMs`; a TLS handshake has `headersTimeoutMs` too. The headers deadline
 *   is kept here, per connection, rather than left to Node's `headersTimeout` alone: Node
 *   (20) starts that clock only once a request line is under way and lets a connection that
 *   sent nothing, or half a request line, sit forever. An upgraded WebSocket leaves these
 *   behind: its liveness is the ping/pong and the login deadline.
 * - Caps: at most `maxPerSource` connections from one source address (IPv6: one /64) and
 *   `maxTotal` in all, counted from the TCP accept. Over a cap an HTTP connection is
 *   destroyed at once; a WebSocket port lets the connection finish its upgrade only to close
 *   it with 1013 (CLETS_ERR_TOO_MANY_CONNECTIONS), so the client knows why and backs off,
 *   and never holds more than `REFUSED_PENDING_MAX` such connections at once.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { ERROR_CODES } from '@clets/protocol';
import { sourceKey } from '../security/login-rate-limiter.js';

export interface ServerTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
}

export interface ConnectionCaps {
  readonly maxPerSource: number;
  readonly maxTotal: number;
}

export type ListeningPort = 'terminal' | 'peer' | 'http';

/** Over-cap WebSocket connections waiting to be told 1013, at most; beyond, they are destroyed. */
export const REFUSED_PENDING_MAX = 64;

/** TLS server options that only take effect at creation. */
export function tlsTimeoutOptions(timeouts: ServerTimeouts): { handshakeTimeout: number } {
  return { handshakeTimeout: timeouts.headersTimeoutMs };
}

/** Sets the timeouts on a server (before it listens: the checking interval is read then). */
export function applyServerTimeouts(server: HttpServer, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Node checks the header and request deadlines on this period (30 s by default): often
  // enough that a deadline is kept to within a second or a quarter of itself.
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval =
    Math.max(50, Math.min(1_000, Math.floor(Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs) / 4)));
}

export interface ServerGuardOptions {
  readonly port: ListeningPort;
  /** 'websocket': over-cap connections are closed with 1013 after their upgrade; 'http': destroyed. */
  readonly mode: 'websocket' | 'http';
  readonly timeouts: ServerTimeouts;
  readonly caps: ConnectionCaps;
  /** A connection was refused by a cap. */
  readonly onRefused?: (reason: 'per_source' | 'total', address: string) => void;
}

/** The timeouts and caps of one listening port. */
export class ServerGuard {
  readonly port: ListeningPort;
  readonly #options: ServerGuardOptions;
  readonly #bySource = new Map<string, number>();
  /** Over-cap connections of a WebSocket port waiting for their upgrade, by remote address and port. */
  readonly #refused = new Set<string>();
  /** The headers deadline of each connection waiting for a request, by remote address and port. */
  readonly #deadlines = new Map<string, NodeJS.Timeout>();
  /** Requests received and not yet answered, per connection (pipelined ones included). */
  readonly #inProgress = new Map<string, number>();
  #open = 0;

  constructor(options: ServerGuardOptions) {
    this.port = options.port;
    this.#options = options;
  }

  /** Connections counted now (over-cap ones waiting for their 1013 are not). */
  get open(): number {
    return this.#open;
  }

  /** Applies the timeouts to `server` and counts its connections from now on. */
  watch(server: HttpServer): void {
    applyServerTimeouts(server, this.#options.timeouts);
    (server as NetServer).on('connection', (socket: Socket) => this.#admit(socket));
    // The headers came: the request is Node's to time (requestTimeout) until its answer is
    // sent, when the next request's headers are due.
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      const key = socketKey(socket);
      this.#disarm(socket);
      this.#inProgress.set(key, (this.#inProgress.get(key) ?? 0) + 1);
      response.once('close', () => {
        const left = (this.#inProgress.get(key) ?? 1) - 1;
        if (left > 0) return void this.#inProgress.set(key, left);
        this.#inProgress.delete(key);
        if (!socket.destroyed) this.#arm(socket);
      });
    });
    // Only a WebSocket port listens for upgrades: a listener makes Node hand them over.
    if (this.#options.mode === 'websocket') server.on('upgrade', (request: IncomingMessage) => this.#disarm(request.socket));
  }

  /**
   * For the WebSocket server's connection handler: false for a connection accepted over a
   * cap, which is then closed with 1013 (CLETS_ERR_TOO_MANY_CONNECTIONS).
   */
  admitWebSocket(ws: WebSocket, request: IncomingMessage): boolean {
    const key = socketKey(request.socket);
    if (!this.#refused.has(key)) return true;
    this.#refused.delete(key);
    const definition = ERROR_CODES.CLETS_ERR_TOO_MANY_CONNECTIONS;
    try {
      ws.close(definition.close, 'CLETS_ERR_TOO_MANY_CONNECTIONS');
    } catch {
      ws.terminate();
    }
    return false;
  }

  #admit(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const source = sourceKey(address);
    const fromSource = this.#bySource.get(source) ?? 0;
    const { maxPerSource, maxTotal } = this.#options.caps;
    const over = fromSource >= maxPerSource ? 'per_source' : this.#open >= maxTotal ? 'total' : undefined;
    if (over !== undefined) {
      this.#options.onRefused?.(over, address);
      this.#refuse(socket);
      return;
    }
    this.#bySource.set(source, fromSource + 1);
    this.#open += 1;
    this.#arm(socket);
    socket.once('close', () => {
      this.#disarm(socket);
      this.#open -= 1;
      const left = (this.#bySource.get(source) ?? 1) - 1;
      if (left <= 0) this.#bySource.delete(source);
      else this.#bySource.set(source, left);
    });
  }

  #arm(socket: Socket): void {
    const key = socketKey(socket);
    clearTimeout(this.#deadlines.get(key));
    this.#deadlines.set(key, setTimeout(() => {
      this.#deadlines.delete(key);
      socket.destroy();
    }, this.#options.timeouts.headersTimeoutMs).unref());
  }

  #disarm(socket: { remoteAddress?: string | undefined; remotePort?: number | undefined }): void {
    const key = socketKey(socket);
    const timer = this.#deadlines.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#deadlines.delete(key);
  }

  #refuse(socket: Socket): void {
    if (this.#options.mode === 'http' || this.#refused.size >= REFUSED_PENDING_MAX) {
      socket.destroy();
      return;
    }
    const key = socketKey(socket);
    this.#refused.add(key);
    // It has until its headers are due to ask for the upgrade, and no longer.
    const timer = setTimeout(() => socket.destroy(), this.#options.timeouts.headersTimeoutMs).unref();
    socket.once('close', () => {
      clearTimeout(timer);
      this.#refused.delete(key);
    });
  }
}

/** A connection's remote address and port: the same for the TCP socket and the TLS socket over it. */
function socketKey(socket: { remoteAddress?: string | undefined; remotePort?: number | undefined }): string {
  return `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;
}
