import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasOpenssl, selfSignedCertificate } from '@clets/launcher';
import { MemoryAuditStore } from '../audit/index.js';
import { buildRegistry } from '../security/registry.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { waitFor } from '../testing/network-harness.js';

const HAS_OPENSSL = hasOpenssl();

const SECRET = 'county-19-secret-never-in-clear';
const dirs: string[] = [];
const switches: CletsSwitch[] = [];
const proxies: { server: Server; sockets: Set<Socket> }[] = [];

afterEach(async () => {
  for (const sw of switches.splice(0).reverse()) await sw.close();
  for (const { server, sockets } of proxies.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A self-signed certificate for 127.0.0.1 (it is its own CA), as the demo makes one. */
function certificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clets-peer-tls-'));
  dirs.push(dir);
  return selfSignedCertificate(dir, { subject: '/CN=clets-test' });
}

/** A TCP relay that keeps every byte the county sends: what an eavesdropper on the wire sees. */
async function recordingProxy(target: string): Promise<{ url: (scheme: string) => string; seen: () => Buffer; connections: () => number }> {
  const { port: targetPort } = new URL(target);
  const chunks: Buffer[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    connections += 1;
    const outbound = connect(Number(targetPort), '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => { inbound.destroy(); outbound.destroy(); });
    }
    inbound.on('data', (chunk: Buffer) => chunks.push(chunk));
    inbound.pipe(outbound).pipe(inbound);
  });
  proxies.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (scheme) => `${scheme}://127.0.0.1:${port}`, seen: () => Buffer.concat(chunks), connections: () => connections };
}

/**
 * What a reader of the recording gets in clear: for a plain WebSocket, the upgrade request
 * and every frame's payload unmasked (a client masks its frames, which hides nothing); for
 * anything else, the bytes as they are.
 */
function cleartextOf(bytes: Buffer): Buffer {
  const end = bytes.indexOf('\r\n\r\n');
  if (!bytes.subarray(0, 4).equals(Buffer.from('GET ')) || end < 0) return bytes;
  const parts = [bytes.subarray(0, end + 4)];
  let at = end + 4;
  while (at + 2 <= bytes.length) {
    const masked = (bytes[at + 1]! & 0x80) !== 0;
    let length = bytes[at + 1]! & 0x7f;
    at += 2;
    if (length === 126) { length = bytes.readUInt16BE(at); at += 2; } else if (length === 127) { length = Number(bytes.readBigUInt64BE(at)); at += 8; }
    const mask = masked ? bytes.subarray(at, at + 4) : undefined;
    if (masked) at += 4;
    const payload = Buffer.from(bytes.subarray(at, at + length));
    if (mask !== undefined) for (let i = 0; i < payload.length; i += 1) payload[i]! ^= mask[i % 4]!;
    parts.push(payload);
    at += length;
  }
  return Buffer.concat(parts);
}

const registry = (ori: string, mnemonic: string) => buildRegistry({
  agencies: [{ ori, name: `AGENCY ${ori}`, countyCode: ori.slice(3, 5), active: true }],
  terminals: [{ mnemonic, ori, class: 'desk', deviceSecret: `device-${mnemonic}` }],
  operators: [],
});

async function startState(tls: { cert: string; key: string } | undefined): Promise<string> {
  const state = await buildSwitch({
    switchId: 'state', role: 'state', counties: [], messagesPath: ':memory:', log: { level: 'silent' },
    peers: [{ peerId: 'county-19', secret: SECRET, county: '19' }],
    ...(tls !== undefined ? { tls: { certFile: tls.cert, keyFile: tls.key } } : {}),
  }, { audit: new MemoryAuditStore(), registry: registry('CA0349400', 'DJ01') });
  switches.push(state);
  const { peers } = await state.listen();
  return peers ?? '';
}

async function startCounty(url: string, caFile: string | undefined): Promise<CletsSwitch> {
  const county = await buildSwitch({
    switchId: 'county-19', role: 'county', counties: ['19'], messagesPath: ':memory:', log: { level: 'silent' },
    links: [{ name: 'state', url, secret: SECRET, role: 'switch', reconnect: { minDelayMs: 20, maxDelayMs: 100 }, ...(caFile !== undefined ? { tls: { caFile } } : {}) }],
    upstreamLink: 'state',
  }, { audit: new MemoryAuditStore(), registry: registry('CA0190000', 'LA01') });
  switches.push(county);
  await county.listen();
  return county;
}

describe.skipIf(!HAS_OPENSSL)('county links over TLS', () => {
  it('serves the peer port as wss:// with the switch\'s certificate; the county\'s secret never crosses the wire in clear', async () => {
    const tls = certificate();
    const peers = await startState(tls);
    expect(peers).toMatch(/^wss:\/\//);
    const proxy = await recordingProxy(peers);
    const county = await startCounty(proxy.url('wss'), tls.cert);
    await waitFor(() => county.links.get('state')?.state === 'up');
    // A TLS handshake record first; no upgrade request, no frame, no secret in clear.
    expect(proxy.seen()[0]).toBe(0x16);
    expect(cleartextOf(proxy.seen()).includes('Upgrade: websocket')).toBe(false);
    expect(cleartextOf(proxy.seen()).includes(SECRET)).toBe(false);
  });

  it('over plain ws:// the same recording shows the secret: what the TLS check above would catch', async () => {
    const peers = await startState(undefined);
    const proxy = await recordingProxy(peers);
    const county = await startCounty(proxy.url('ws'), undefined);
    await waitFor(() => county.links.get('state')?.state === 'up');
    expect(cleartextOf(proxy.seen()).includes(SECRET)).toBe(true);
  });

  it('a county that does not trust the state\'s certificate never links (and so never sends its secret)', async () => {
    const tls = certificate();
    const other = certificate();
    const peers = await startState(tls);
    const proxy = await recordingProxy(peers);
    const county = await startCounty(proxy.url('wss'), other.cert);
    // It tried, was refused by its own certificate check, and tried again: never up.
    await waitFor(() => proxy.connections() >= 3);
    expect(county.links.get('state')?.state).not.toBe('up');
    expect(proxy.seen().length).toBeGreaterThan(0);
    expect(cleartextOf(proxy.seen()).includes(SECRET)).toBe(false);
  });

  it('refuses a link config with tls on a ws:// url', async () => {
    await expect(startCounty('ws://127.0.0.1:1', '/nonexistent.pem')).rejects.toThrow(/'state' has tls but its url is not wss:\/\//);
  });
});
