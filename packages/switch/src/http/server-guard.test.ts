import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { hasOpenssl, selfSignedCertificate } from '@clets/launcher';
import { WebSocket, WebSocketServer } from 'ws';
import { REFUSED_PENDING_MAX, ServerGuard, tlsTimeoutOptions, type ServerGuardOptions } from './server-guard.js';

const TIMEOUTS = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300 };
const opened: { close(): void }[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const each of opened.splice(0)) each.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A WebSocket server behind a guard, as the terminal and peer ports are. */
async function webSocketPort(options: Partial<ServerGuardOptions> = {}): Promise<{ port: number; guard: ServerGuard; refused: string[]; accepted: () => number }> {
  const refused: string[] = [];
  const guard = new ServerGuard({ port: 'terminal', mode: 'websocket', timeouts: TIMEOUTS, caps: { maxPerSource: 2, maxTotal: 3 }, onRefused: (reason) => refused.push(reason), ...options });
  const server = createServer();
  guard.watch(server);
  const wss = new WebSocketServer({ server });
  let accepted = 0;
  wss.on('connection', (ws, request) => {
    if (!guard.admitWebSocket(ws, request)) return;
    accepted += 1;
    ws.send('welcome');
  });
  return { port: await listen(server), guard, refused, accepted: () => accepted };
}

/** Opens a WebSocket from `localAddress`; resolves with its first message, or its close code. */
function webSocketFrom(port: number, localAddress = '127.0.0.1'): Promise<{ socket: WebSocket; first: string | number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`, { localAddress });
    opened.push({ close: () => socket.terminate() });
    socket.once('message', (data) => resolve({ socket, first: String(data) }));
    socket.once('close', (code) => resolve({ socket, first: code }));
    socket.once('error', reject);
  });
}

function tcpFrom(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    opened.push({ close: () => socket.destroy() });
    // Flowing, so the end of the stream (the server closing) is seen without reading it.
    socket.once('connect', () => { socket.resume(); resolve(socket); });
    socket.once('error', reject);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed || socket.readyState === 'closed') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => { clearTimeout(timer); resolve(true); });
  });
}

describe('ServerGuard on a WebSocket port', () => {
  it('closes a connection over the per-source cap with 1013, and lets another source in', async () => {
    const { port, refused, guard } = await webSocketPort();
    const first = await webSocketFrom(port);
    const second = await webSocketFrom(port);
    expect([first.first, second.first]).toEqual(['welcome', 'welcome']);
    expect((await webSocketFrom(port)).first).toBe(1013);
    expect((await webSocketFrom(port, '127.0.0.2')).first).toBe('welcome');
    expect(refused).toEqual(['per_source']);
    expect(guard.open).toBe(3);
    // A source that closes a connection may open another.
    first.socket.close();
    await new Promise((resolve) => first.socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await webSocketFrom(port)).first).toBe('welcome');
  });

  it('closes a connection over the total cap with 1013, whatever its source', async () => {
    const { port, refused } = await webSocketPort({ caps: { maxPerSource: 10, maxTotal: 2 } });
    await webSocketFrom(port, '127.0.0.2');
    await webSocketFrom(port, '127.0.0.3');
    expect((await webSocketFrom(port, '127.0.0.4')).first).toBe(1013);
    expect(refused).toEqual(['total']);
  });

  it('destroys over-cap connections that never upgrade, and holds only a bounded number of them', async () => {
    const { port, accepted } = await webSocketPort({ caps: { maxPerSource: 1, maxTotal: 1 } });
    await webSocketFrom(port);
    const silent = await tcpFrom(port);
    expect(await closedWithin(silent, 2_000)).toBe(true);
    const many = await Promise.all(Array.from({ length: REFUSED_PENDING_MAX + 10 }, () => tcpFrom(port, '127.0.0.2')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Beyond the pending bound they are destroyed at once, before any timeout.
    expect(many.filter((socket) => socket.destroyed || socket.readyState === 'closed').length).toBeGreaterThanOrEqual(10);
    expect(accepted()).toBe(1);
  });
});

describe('ServerGuard on an HTTP port', () => {
  async function httpPort(): Promise<{ port: number; refused: string[] }> {
    const refused: string[] = [];
    const guard = new ServerGuard({ port: 'http', mode: 'http', timeouts: TIMEOUTS, caps: { maxPerSource: 2, maxTotal: 10 }, onRefused: (reason) => refused.push(reason) });
    const server = createServer((_request, response) => response.end('ok'));
    guard.watch(server);
    return { port: await listen(server), refused };
  }

  it('drops a connection over the per-source cap at once, and serves another source', async () => {
    const { port, refused } = await httpPort();
    await tcpFrom(port);
    await tcpFrom(port);
    const third = await tcpFrom(port);
    expect(await closedWithin(third, 200)).toBe(true);
    const bystander = await tcpFrom(port, '127.0.0.2');
    bystander.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const answer = await new Promise<string>((resolve) => bystander.once('data', (data) => resolve(String(data))));
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(refused).toEqual(['per_source']);
  });

  it('closes a connection whose headers trickle in (slowloris), and one that sends nothing', async () => {
    const { port } = await httpPort();
    const slow = await tcpFrom(port);
    slow.write('GET / HTTP/1.1\r\n');
    const trickle = setInterval(() => { if (!slow.destroyed) slow.write('X-Slow: 1\r\n'); }, 100);
    const silent = await tcpFrom(port, '127.0.0.2');
    try {
      expect(await closedWithin(slow, 3_000)).toBe(true);
      expect(await closedWithin(silent, 3_000)).toBe(true);
    } finally {
      clearInterval(trickle);
    }
  });

  it('closes a connection that sent half a request line and stopped, also after an answer (keep-alive)', async () => {
    const { port } = await httpPort();
    const half = await tcpFrom(port);
    half.write('GE');
    const again = await tcpFrom(port, '127.0.0.2');
    again.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => again.once('data', resolve));
    again.write('G');
    expect(await closedWithin(half, 2_000)).toBe(true);
    expect(await closedWithin(again, 2_000)).toBe(true);
  });

  it('keeps a connection whose request is answered late (the gateway waits for a completion)', async () => {
    const guard = new ServerGuard({ port: 'http', mode: 'http', timeouts: TIMEOUTS, caps: { maxPerSource: 2, maxTotal: 10 } });
    const server = createServer((_request, response) => { setTimeout(() => response.end('late'), 1_000); });
    guard.watch(server);
    const client = await tcpFrom(await listen(server));
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const answer = await new Promise<string>((resolve) => client.once('data', (data) => resolve(String(data))));
    expect(answer).toMatch(/late$/);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    const { port } = await httpPort();
    const client = await tcpFrom(port);
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => client.once('data', resolve));
    expect(await closedWithin(client, 2_000)).toBe(true);
  });
});

describe.skipIf(!hasOpenssl())('ServerGuard on a TLS port', () => {
  /** A wss:// port as the switch serves it with `tls`: a self-signed certificate for 127.0.0.1. */
  async function tlsWebSocketPort(): Promise<{ port: number; ca: Buffer }> {
    const dir = mkdtempSync(join(tmpdir(), 'clets-guard-tls-'));
    const files = selfSignedCertificate(dir, { subject: '/CN=127.0.0.1', days: 1 });
    const cert = readFileSync(files.cert);
    const guard = new ServerGuard({ port: 'terminal', mode: 'websocket', timeouts: TIMEOUTS, caps: { maxPerSource: 1, maxTotal: 10 } });
    const server = createHttpsServer({ cert, key: readFileSync(files.key), ...tlsTimeoutOptions(TIMEOUTS) });
    guard.watch(server);
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws, request) => {
      if (guard.admitWebSocket(ws, request)) ws.send('welcome');
    });
    return { port: await listen(server), ca: cert };
  }

  it('closes a connection that never starts TLS, and one that finishes the handshake and sends nothing', async () => {
    const { port, ca } = await tlsWebSocketPort();
    const silent = await tcpFrom(port);
    const handshaken = await new Promise<Socket>((resolve, reject) => {
      const socket = connectTls({ socket: connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' }), host: '127.0.0.1', ca }, () => { socket.resume(); resolve(socket); });
      opened.push({ close: () => socket.destroy() });
      socket.once('error', reject);
    });
    const [silentClosed, handshakenClosed] = await Promise.all([closedWithin(silent, 2_000), closedWithin(handshaken, 2_000)]);
    expect([silentClosed, handshakenClosed]).toEqual([true, true]);
  });

  it('lets a WebSocket in over TLS and closes the one over the per-source cap with 1013', async () => {
    const { port, ca } = await tlsWebSocketPort();
    const open = (): Promise<string | number> => new Promise((resolve, reject) => {
      const socket = new WebSocket(`wss://127.0.0.1:${port}`, { ca });
      opened.push({ close: () => socket.terminate() });
      socket.once('message', (data) => resolve(String(data)));
      socket.once('close', (code) => resolve(code));
      socket.once('error', reject);
    });
    expect(await open()).toBe('welcome');
    expect(await open()).toBe(1013);
  });
});
