/**
 * Timeouts of the backends' HTTP servers (the control endpoint, and the link port until its
 * WebSocket upgrade), so a client that opens connections and sends nothing, or one header
 * line every few seconds (slowloris), cannot hold them open:
 *
 * - a connection must have sent a request's complete headers within `headersTimeoutMs` of
 *   connecting and of the end of its previous answer (keep-alive). Kept here per connection,
 *   not left to Node's `headersTimeout` alone: Node (20) starts that clock only once a
 *   request line is under way, and lets a connection that sent nothing, or half a request
 *   line, sit forever;
 * - the whole request within `requestTimeoutMs`; an idle keep-alive connection ends after
 *   `keepAliveTimeoutMs` (Node's own).
 *
 * An upgraded WebSocket leaves these behind: the link's LinkHello deadline and pings take over.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
}

/** Applies the timeouts to `server` (before it listens). `upgrades`: the server hands WebSocket upgrades over. */
export function applyHttpTimeouts(server: Server, timeouts: HttpTimeouts, options: { upgrades: boolean }): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Node checks its deadlines on this period (30 s by default).
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval =
    Math.max(50, Math.min(1_000, Math.floor(Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs) / 4)));

  // Keyed by remote address and port, the same for the TCP socket 'connection' gives and the
  // TLS socket over it that requests and upgrades carry: keyed by socket object, an upgraded
  // TLS link would keep its deadline and be cut one headers deadline after connecting.
  const deadlines = new Map<string, NodeJS.Timeout>();
  const inProgress = new Map<string, number>();
  const arm = (socket: Socket): void => {
    const key = socketKey(socket);
    clearTimeout(deadlines.get(key));
    deadlines.set(key, setTimeout(() => {
      deadlines.delete(key);
      socket.destroy();
    }, timeouts.headersTimeoutMs).unref());
  };
  const disarm = (socket: Socket): void => {
    const key = socketKey(socket);
    clearTimeout(deadlines.get(key));
    deadlines.delete(key);
  };
  server.on('connection', (socket: Socket) => {
    arm(socket);
    socket.once('close', () => disarm(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const key = socketKey(socket);
    disarm(socket);
    inProgress.set(key, (inProgress.get(key) ?? 0) + 1);
    response.once('close', () => {
      const left = (inProgress.get(key) ?? 1) - 1;
      if (left > 0) return void inProgress.set(key, left);
      inProgress.delete(key);
      if (!socket.destroyed) arm(socket);
    });
  });
  if (options.upgrades) server.on('upgrade', (request: IncomingMessage) => disarm(request.socket));
}

function socketKey(socket: Socket): string {
  return `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;
}
