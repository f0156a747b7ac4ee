/**
 * A state switch as a process (its three ports: terminals, county peers, HTTP API) tried by
 * an outsider on its sockets, with small limits so the test stays small: connections that
 * trickle their headers (slowloris), send half a request line or nothing at all are closed
 * by the timeouts; connections beyond the per-source and total caps are refused (1013 on a
 * WebSocket port, dropped on the HTTP port) while a bystander at another address gets in;
 * the metrics show the connections not yet authenticated and the refusals.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '@clets/fixtures';
import { startService, type ServiceProcess } from '@clets/launcher';
import { httpCall, RawTerminal } from './raw-clients.js';

let service: ServiceProcess;
let ports: { terminal: number; peer: number; http: number };
let stateTerminal: { mnemonic: string; deviceSecret: string };
const sockets: { destroy(): void }[] = [];

beforeAll(async () => {
  const fixtures = await loadFixtures();
  const state = new Set(fixtures.agencies.filter((agency) => agency.switchId === 'state').map((agency) => agency.ori));
  const terminal = fixtures.terminals.find((candidate) => state.has(candidate.ori))!;
  stateTerminal = { mnemonic: terminal.mnemonic, deviceSecret: terminal.deviceSecret };
  const dir = mkdtempSync(join(tmpdir(), 'clets-connections-'));
  const configPath = join(dir, 'state.json');
  writeFileSync(configPath, JSON.stringify({
    switchId: 'state', role: 'state', counties: [],
    peers: [{ peerId: 'county-19', secret: 'county-19-peer-secret', county: '19' }],
    audit: { path: join(dir, 'audit.db') }, messagesPath: join(dir, 'messages.db'),
    security: { policy: 'plain', databasePath: join(dir, 'security.db') },
    connections: {
      headersTimeoutMs: 1_500, requestTimeoutMs: 3_000, keepAliveTimeoutMs: 1_000,
      terminal: { maxPerSource: 3, maxTotal: 6 }, peer: { maxPerSource: 2, maxTotal: 6 }, http: { maxPerSource: 3, maxTotal: 6 },
    },
    log: { level: process.env['CLETS_LOG_LEVEL'] ?? 'warn' },
  }));
  service = await startService({ name: 'state', entry: 'packages/switch/src/main.ts', args: ['--config', configPath] });
  const port = (url: unknown): number => Number(new URL(String(url)).port);
  ports = { terminal: port(service.info['terminals']), peer: port(service.info['peers']), http: port(service.info['http']) };
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await service?.stop();
}, 30_000);

function tcp(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    sockets.push(socket);
    socket.on('error', () => undefined);
    // Flowing, so the server closing the connection is seen without reading what it sent.
    socket.once('connect', () => { socket.resume(); resolve(socket); });
    socket.once('error', reject);
  });
}

/** How long until the switch closed the socket, or 'open' after `ms`. */
function closedAfter(socket: Socket, ms: number): Promise<number | 'open'> {
  const started = Date.now();
  if (socket.destroyed || socket.readyState === 'closed') return Promise.resolve(0);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    socket.once('close', () => { clearTimeout(timer); resolve(Date.now() - started); });
  });
}

async function webSocket(port: number, localAddress: string): Promise<RawTerminal> {
  const terminal = await RawTerminal.open(`ws://127.0.0.1:${port}`, localAddress);
  sockets.push({ destroy: () => terminal.close() });
  return terminal;
}

async function metric(pattern: RegExp): Promise<number> {
  const text = (await httpCall(`http://127.0.0.1:${ports.http}/metrics`, { localAddress: '127.0.0.9' })).body;
  const match = pattern.exec(text);
  return match === null ? Number.NaN : Number(match[1]);
}

function refusals(port: string, reason: 'per_source' | 'total'): Promise<number> {
  return metric(new RegExp(`clets_connections_refused_total\\{port="${port}",reason="${reason}"\\} (\\d+)`));
}

describe('an outsider on the sockets of a running switch', () => {
  it('has every port close connections that trickle their headers, stop half-way, or send nothing', async () => {
    const attempts: Promise<number | 'open'>[] = [];
    const trickles: NodeJS.Timeout[] = [];
    for (const [index, port] of [ports.terminal, ports.peer, ports.http].entries()) {
      // Each from its own address: the caps are not what this is about.
      const slow = await tcp(port, `127.0.1.${index + 1}`);
      slow.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      trickles.push(setInterval(() => { if (!slow.destroyed) slow.write('X-Slow: 1\r\n'); }, 500));
      const half = await tcp(port, `127.0.2.${index + 1}`);
      half.write('GE');
      const silent = await tcp(port, `127.0.3.${index + 1}`);
      attempts.push(closedAfter(slow, 8_000), closedAfter(half, 8_000), closedAfter(silent, 8_000));
    }
    try {
      const closed = await Promise.all(attempts);
      expect(closed.filter((after) => after === 'open')).toEqual([]);
    } finally {
      for (const trickle of trickles) clearInterval(trickle);
    }
  }, 20_000);

  it('refuses connections beyond the per-source cap on every port while a bystander gets in, and counts them', async () => {
    const refusedBefore = await Promise.all(['terminal', 'peer', 'http'].map((port) => refusals(port, 'per_source')));
    // Terminal port: three unauthenticated connections from one address, the fourth closed with 1013.
    const held = await Promise.all([1, 2, 3].map(() => webSocket(ports.terminal, '127.0.0.1')));
    const fourth = await webSocket(ports.terminal, '127.0.0.1');
    expect(await fourth.closed()).toBe(1013);
    // Peer port: two before LinkHello, the third closed with 1013.
    const peers = await Promise.all([1, 2].map(() => webSocket(ports.peer, '127.0.0.1')));
    const thirdPeer = await webSocket(ports.peer, '127.0.0.1');
    expect(await thirdPeer.closed()).toBe(1013);
    // HTTP port: three connections held, the fourth dropped at once.
    const http = await Promise.all([1, 2, 3].map(() => tcp(ports.http, '127.0.0.1')));
    expect(await closedAfter(await tcp(ports.http, '127.0.0.1'), 1_000)).not.toBe('open');

    expect(await metric(/clets_unauthenticated_connections\{port="terminal"\} (\d+)/)).toBe(3);
    expect(await metric(/clets_unauthenticated_connections\{port="peer"\} (\d+)/)).toBe(2);
    const refusedAfter = await Promise.all(['terminal', 'peer', 'http'].map((port) => refusals(port, 'per_source')));
    expect(refusedAfter.map((after, index) => after - refusedBefore[index]!)).toEqual([1, 1, 1]);

    // A bystander at another address gets in on every port, and is served.
    const bystander = await webSocket(ports.terminal, '127.0.0.2');
    bystander.send({ terminalHello: stateTerminal });
    expect((await bystander.next())?.body).toBe('loginBanner');
    const county = await webSocket(ports.peer, '127.0.0.2');
    county.send({ linkHello: { peerId: 'county-19', secret: 'not-the-secret' } });
    expect((await county.next())?.linkWelcome?.ok).toBe(false);
    expect((await httpCall(`http://127.0.0.1:${ports.http}/healthz`, { localAddress: '127.0.0.2' })).status).toBe(200);

    for (const each of [...held, ...peers, bystander, county]) each.close();
    for (const socket of http) socket.destroy();
  }, 20_000);

  it('refuses connections beyond the total cap of a port, whatever their address', async () => {
    const sources = ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8'];
    await new Promise((resolve) => setTimeout(resolve, 200)); // the connections of the test before are gone
    const held = await Promise.all(sources.map((address) => webSocket(ports.terminal, address)));
    const before = await refusals('terminal', 'total');
    const over = await webSocket(ports.terminal, '127.0.0.10');
    expect(await over.closed()).toBe(1013);
    expect(await refusals('terminal', 'total')).toBe(before + 1);
    for (const each of held) each.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await webSocket(ports.terminal, '127.0.0.10');
    again.send({ terminalHello: stateTerminal });
    expect((await again.next())?.body).toBe('loginBanner');
  }, 20_000);
});
