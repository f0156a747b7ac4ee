import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkRequest } from '@clets/protocol';
import { connectLink, LinkUpgradeRefused, openLink, type LinkProbe } from './testing/link-probe.js';
import { startTestBackend, TEST_PEER, type TestBackend } from './testing/start-backend.js';
import type { FakeSystem } from './testing/fake-system.js';

// Sockets and child processes on a shared 2-core machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let backend: TestBackend | undefined;
const clients: LinkProbe[] = [];

async function start(...args: Parameters<typeof startTestBackend>): Promise<TestBackend> {
  backend = await startTestBackend(...args);
  return backend;
}

async function connect(url: string, credentials = TEST_PEER): Promise<LinkProbe> {
  const client = await connectLink(url, credentials);
  clients.push(client);
  return client;
}

function dq(requestId: string, system = 'DMV'): LinkRequest {
  return {
    requestId,
    system,
    transaction: { header: { clientMessageId: `m-${requestId}`, control: 'C1', messageKey: 'DQ', ori: 'CA0194200' }, text: 'DQ.CA0194200.OLN/A1234567' },
  };
}

async function put(system: string, body: unknown): Promise<void> {
  const response = await backend?.service.control.inject({ method: 'PUT', url: `/control/${system}`, payload: body as object });
  expect(response?.statusCode).toBe(200);
}

/** Polls until the condition holds; fails after a generous deadline. */
async function eventually(condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(async () => {
  for (const client of clients.splice(0)) if (client.isOpen) await client.close();
  await backend?.service.close();
  backend = undefined;
});

describe('link hello', () => {
  it('welcomes a configured peer with the hosted systems and this host id', async () => {
    const { addresses } = await start({ systems: ['DMV', 'NCIC'], id: 'mock-host-1' });
    const client = await openLink(addresses.link);
    clients.push(client);
    const welcome = await client.hello(TEST_PEER);
    expect(welcome).toMatchObject({ ok: true, systems: ['DMV', 'NCIC'], peerId: 'mock-host-1' });
  });

  it('refuses a wrong secret, or an unknown peer, with CLETS_ERR_LINK_AUTH and close 4018', async () => {
    const { addresses } = await start();
    for (const credentials of [{ ...TEST_PEER, secret: 'not-the-secret' }, { peerId: 'county-99', secret: TEST_PEER.secret }]) {
      const client = await openLink(addresses.link);
      const welcome = await client.hello(credentials);
      expect(welcome).toMatchObject({ ok: false, code: 'CLETS_ERR_LINK_AUTH' });
      expect(await client.closed).toMatchObject({ code: 4018 });
    }
  });

  it('closes a connection that says nothing within the hello timeout (4013)', async () => {
    const { addresses } = await start({ limits: { helloTimeoutMs: 50 } });
    const client = await openLink(addresses.link);
    expect((await client.closed).code).toBe(4013);
    expect(client.received[0]?.reject?.code).toBe('CLETS_ERR_AUTH_TIMEOUT');
  });

  it.skipIf(!hasOpenssl())('serves wss:// when given a certificate, and nothing in clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-backend-tls-'));
    try {
      const cert = join(dir, 'cert.pem');
      const key = join(dir, 'key.pem');
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
        '-subj', '/CN=clets-test', '-addext', 'subjectAltName=IP:127.0.0.1',
      ], { stdio: 'ignore' });
      const { addresses } = await start({ tls: { certFile: cert, keyFile: key } });
      expect(addresses.link).toMatch(/^wss:\/\//);
      const client = await openLink(addresses.link, { ca: readFileSync(cert) });
      clients.push(client);
      expect(await client.hello(TEST_PEER)).toMatchObject({ ok: true });
      // A plain WebSocket is not spoken on that port; an untrusted certificate is refused.
      await expect(openLink(addresses.link.replace('wss://', 'ws://'), { timeoutMs: 5_000 })).rejects.toThrow();
      await expect(openLink(addresses.link, { timeoutMs: 5_000 })).rejects.toThrow(/self-signed|certificate/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves one system on its own path, refuses an unknown path with 404', async () => {
    const { addresses } = await start({ systems: ['DMV', 'NCIC'] });
    const client = await openLink(`${addresses.link}/dmv`);
    clients.push(client);
    expect((await client.hello(TEST_PEER)).systems).toEqual(['DMV']);
    const [reply] = await client.request(dq('r1', 'NCIC'));
    expect(reply?.reject?.code).toBe('CLETS_ERR_NO_ROUTE');
    await expect(openLink(`${addresses.link}/CORI`)).rejects.toMatchObject({ status: 404 });
  });
});

describe('link liveness', () => {
  it('pings every link and cuts one that stops answering', async () => {
    const { addresses } = await start({ limits: { pingIntervalMs: 20 } });
    const silent = await connectLink(addresses.link, TEST_PEER, { autoPong: false });
    const healthy = await connect(addresses.link);
    expect((await silent.closed).code).toBe(1006);
    await eventually(() => healthy.pingsReceived >= 3);
    expect(healthy.isOpen).toBe(true);
    expect((await healthy.request(dq('still-here')))[0]?.final).toBe(true);
  });
});

describe('link traffic', () => {
  it('answers a heartbeat with reply=true and the same nonce', async () => {
    const { addresses } = await start();
    const client = await connect(addresses.link);
    const answer = client.waitFor((frame) => frame.body === 'heartbeat');
    client.send({ heartbeat: { nonce: 4242, sentAtMs: Date.now(), reply: false } });
    const frame = await answer;
    expect(frame.heartbeat?.reply).toBe(true);
    expect(Number(frame.heartbeat?.nonce)).toBe(4242);
  });

  it('correlates concurrent replies by request id and stamps link_seq 1, 2, 3...', async () => {
    const { addresses } = await start({ behaviour: { DMV: { latency: { kind: 'uniform', minMs: 0, maxMs: 20 } } } });
    const client = await connect(addresses.link);
    const ids = Array.from({ length: 30 }, (_, index) => `r${index}`);
    const replies = await Promise.all(ids.map((id) => client.request(dq(id))));
    replies.forEach((reply, index) => {
      expect(reply).toHaveLength(1);
      expect(reply[0]?.requestId).toBe(ids[index]);
      expect(reply[0]?.responses?.[0]?.header?.clientMessageId).toBe(`m-${ids[index]}`);
    });
    const seqs = client.received.map((frame) => Number(frame.linkSeq));
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });

  it('answers a repeated request id with the stored reply, across a reconnect, applying it once', async () => {
    const { addresses, systems } = await start();
    const first = await connect(addresses.link);
    const [original] = await first.request(dq('same-id'));
    await first.close();
    const second = await connect(addresses.link);
    const [again] = await second.request(dq('same-id'));
    expect(again).toEqual(original);
    expect((systems.get('DMV') as FakeSystem).calls).toHaveLength(1);
  });

  it('answers a request that names no system with the first hosted system answering its key', async () => {
    const { addresses } = await start({ systems: ['CORI', 'NCIC'] });
    const client = await connect(addresses.link);
    const [reply] = await client.request({ ...dq('r1', ''), transaction: { header: { messageKey: 'QW' } } });
    expect(reply?.responses?.[0]?.system).toBe('NCIC');
  });

  it('answers frames that are not link frames with typed rejects and closes 4007 after the limit', async () => {
    const { addresses } = await start({ limits: { maxMalformedFrames: 3 } });
    const client = await connect(addresses.link);
    client.sendBytes(new Uint8Array([0x0a, 0xff]));
    client.sendText('hello');
    client.send({ transaction: {} });
    expect((await client.closed).code).toBe(4007);
    expect(client.received.slice(1).map((frame) => frame.reject?.code)).toEqual([
      'CLETS_ERR_FRAME_MALFORMED',
      'CLETS_ERR_TEXT_FRAME',
      'CLETS_ERR_FRAME_UNEXPECTED',
      'CLETS_ERR_TOO_MANY_MALFORMED',
    ]);
  });

  it('closes a frame over maxFrameBytes with 1009', async () => {
    const { addresses } = await start({ limits: { maxFrameBytes: 2048 } });
    const client = await connect(addresses.link);
    client.sendBytes(new Uint8Array(4096));
    expect((await client.closed).code).toBe(1009);
  });
});

describe('behaviour knobs over a link', () => {
  it('latency: the reply waits for the configured delay', async () => {
    const { addresses, service } = await start({ behaviour: { DMV: { latency: { kind: 'fixed', ms: 200 } } } });
    const client = await connect(addresses.link);
    const reply = client.request(dq('slow'));
    await eventually(() => service.dispatcher.activity('DMV').inFlight === 1);
    expect(client.received.some((frame) => frame.linkReply?.requestId === 'slow')).toBe(false);
    expect((await reply)[0]?.final).toBe(true);
    expect(service.dispatcher.activity('DMV').inFlight).toBe(0);
  });

  it('error rate 1.0: CLETS_ERR_SYSTEM_ERROR', async () => {
    const { addresses } = await start();
    await put('DMV', { errorRate: 1 });
    const client = await connect(addresses.link);
    const [reply] = await client.request(dq('r1'));
    expect(reply?.reject).toMatchObject({ code: 'CLETS_ERR_SYSTEM_ERROR', system: 'DMV' });
  });

  it('refuse: .04. CLETS_ERR_SYSTEM_UNAVAILABLE at once; not_accepting: .01.', async () => {
    const { addresses } = await start();
    const client = await connect(addresses.link);
    await put('DMV', { outage: 'refuse' });
    expect((await client.request(dq('r1')))[0]?.reject?.code).toBe('CLETS_ERR_SYSTEM_UNAVAILABLE');
    await put('DMV', { outage: 'not_accepting' });
    expect((await client.request(dq('r2')))[0]?.reject?.code).toBe('CLETS_ERR_SYSTEM_NOT_ACCEPTING');
    // Other systems on the link are not affected.
    expect((await client.request(dq('r3', 'NCIC')))[0]?.responses).toHaveLength(1);
  });

  it('hang: the request is not answered before the client gives up', async () => {
    const { addresses, service } = await start();
    await put('DMV', { outage: 'hang' });
    const client = await connect(addresses.link);
    await expect(client.request(dq('r1'), { timeoutMs: 300 })).rejects.toThrow(/no matching frame/);
    expect(service.dispatcher.activity('DMV').hung).toBe(1);
    expect(client.isOpen).toBe(true);
  });

  it('drop: the link is cut, a reconnect refused while set, accepted after', async () => {
    const { addresses } = await start({ systems: ['DMV', 'NCIC'] });
    const dmvLink = await connect(`${addresses.link}/DMV`);
    const ncicLink = await connect(`${addresses.link}/NCIC`);
    await put('DMV', { outage: 'drop' });
    expect((await dmvLink.closed).code).toBe(1006);
    await expect(openLink(`${addresses.link}/DMV`)).rejects.toBeInstanceOf(LinkUpgradeRefused);
    // A link to one other system stays up.
    expect(ncicLink.isOpen).toBe(true);
    // A link to every system is accepted, without the dropped one, and hears when it is back.
    const allLink = await connect(addresses.link);
    expect(allLink.received[0]?.linkWelcome?.systems).toEqual(['NCIC']);
    expect((await allLink.request(dq('r1')))[0]?.reject?.code).toBe('CLETS_ERR_SYSTEM_UNAVAILABLE');
    const back = allLink.waitFor((frame) => frame.body === 'statusMessage');
    await put('DMV', { outage: 'none' });
    expect((await back).statusMessage).toMatchObject({ system: 'DMV', text: 'DMV BACK IN SERVICE' });
    const again = await connect(`${addresses.link}/DMV`);
    expect((await again.request(dq('r2')))[0]?.responses).toHaveLength(1);
  });

  it('queued: a .02. notice now, the real answer on reset', async () => {
    const { addresses, service, systems } = await start();
    await put('DMV', { outage: 'queued' });
    const client = await connect(addresses.link);
    const replies = client.request(dq('r1'));
    const notice = await client.waitFor((frame) => frame.linkReply?.requestId === 'r1');
    expect(notice.linkReply).toMatchObject({ final: false, queued: { system: 'DMV' } });
    expect((systems.get('DMV') as FakeSystem).calls).toHaveLength(0);
    const reset = await service.control.inject({ method: 'POST', url: '/control/reset' });
    expect(reset.statusCode).toBe(200);
    const all = await replies;
    expect(all.map((reply) => [Boolean(reply.queued), reply.final, reply.responses?.length ?? 0])).toEqual([
      [true, false, 0],
      [false, true, 1],
    ]);
  });
});
