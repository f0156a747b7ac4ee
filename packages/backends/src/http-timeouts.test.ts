import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectLink, type LinkProbe } from './testing/link-probe.js';
import { startTestBackend, TEST_PEER, type TestBackend } from './testing/start-backend.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const backends: TestBackend[] = [];
const sockets: Socket[] = [];
const links: LinkProbe[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const link of links.splice(0)) if (link.isOpen) await link.close();
  for (const backend of backends.splice(0)) await backend.service.close();
});

async function start(): Promise<{ control: number; link: number }> {
  const backend = await startTestBackend({ limits: { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300 } });
  backends.push(backend);
  return { control: Number(new URL(backend.addresses.control).port), link: Number(new URL(backend.addresses.link).port) };
}

function tcp(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    sockets.push(socket);
    socket.on('error', () => undefined);
    // Flowing, so the server closing the connection is seen without reading what it sent.
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

describe('HTTP timeouts of the control endpoint and the link port', () => {
  it('close connections that trickle their headers, stop half-way through a request line, or send nothing', async () => {
    const ports = await start();
    const trickles: NodeJS.Timeout[] = [];
    const waits: Promise<boolean>[] = [];
    for (const port of [ports.control, ports.link]) {
      const slow = await tcp(port);
      slow.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
      trickles.push(setInterval(() => { if (!slow.destroyed) slow.write('X-Slow: 1\r\n'); }, 100));
      const half = await tcp(port);
      half.write('GE');
      waits.push(closedWithin(slow, 3_000), closedWithin(half, 3_000), closedWithin(await tcp(port), 3_000));
    }
    try {
      expect(await Promise.all(waits)).toEqual([true, true, true, true, true, true]);
    } finally {
      for (const trickle of trickles) clearInterval(trickle);
    }
  });

  it('still answers a prompt request, and closes its connection once idle', async () => {
    const ports = await start();
    const client = await tcp(ports.control);
    const answer = new Promise<string>((resolve) => client.once('data', (data) => resolve(String(data))));
    client.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    expect(await closedWithin(client, 2_000)).toBe(true);
  });

  it('refuses a headers deadline longer than the request deadline', async () => {
    await expect(startTestBackend({ limits: { headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 } })).rejects.toThrow(/headersTimeoutMs/);
  });

  // Over TLS the server's 'connection' socket is the TCP socket and the upgrade's is the TLS
  // socket over it: the deadline armed on one must be disarmed through the other, or every
  // link is cut one headers deadline after it connects.
  it.skipIf(!hasOpenssl())('leaves an upgraded link alone past the headers deadline, over TLS too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-backend-timeouts-'));
    try {
      const cert = join(dir, 'cert.pem');
      const key = join(dir, 'key.pem');
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
        '-subj', '/CN=clets-test', '-addext', 'subjectAltName=IP:127.0.0.1',
      ], { stdio: 'ignore' });
      const backend = await startTestBackend({ tls: { certFile: cert, keyFile: key }, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
      backends.push(backend);
      const link = await connectLink(backend.addresses.link, TEST_PEER, { ca: readFileSync(cert) });
      links.push(link);
      const cut = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 1_200);
        void link.closed.then(() => { clearTimeout(timer); resolve(true); });
      });
      expect(cut).toBe(false);
      expect(link.isOpen).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
