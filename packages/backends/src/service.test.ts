import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GOLDEN_FRAMES, encodeFrame, type LinkRequest } from '@clets/protocol';
import { parseBackendConfig } from './config.js';
import { buildBackendService, createBackendLogger } from './service.js';
import { createFakeSystems, type FakeSystem } from './testing/fake-system.js';
import { connectLink, openLink, type LinkProbe } from './testing/link-probe.js';
import { startTestBackend, TEST_PEER, type TestBackend } from './testing/start-backend.js';

// Sockets and child processes on a shared 2-core machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let backend: TestBackend | undefined;

afterEach(async () => {
  await backend?.service.close();
  backend = undefined;
});

function dq(requestId: string): LinkRequest {
  return { requestId, system: 'DMV', transaction: { header: { messageKey: 'DQ', control: 'C9' }, text: 'DQ.CA0194200.OLN/A1' } };
}

async function eventually(condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('buildBackendService', () => {
  it('builds without listening and refuses a missing system', () => {
    const config = parseBackendConfig({ links: [TEST_PEER], systems: ['DMV', 'CORI'], log: { level: 'silent' } });
    expect(() => buildBackendService(config, { systems: createFakeSystems(['DMV']) })).toThrow(/CORI/);
  });

  it('listen() returns the bound link and control URLs; the control endpoint answers over HTTP', async () => {
    backend = await startTestBackend({ systems: ['NLETS'] });
    const { addresses } = backend;
    expect(addresses.link).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(addresses.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(addresses.systems).toEqual(['NLETS']);
    const health = await fetch(`${addresses.control}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, systems: ['NLETS'] });
  });
});

describe('createBackendLogger', () => {
  it('never writes a link secret, a password, a TOTP code, a device secret, a token or an authorization header', () => {
    const config = parseBackendConfig({ links: [{ peerId: 'state', secret: 'backend-link-secret-1' }], log: { level: 'info' } });
    const lines: string[] = [];
    const logger = createBackendLogger(config, { write: (line: string) => { lines.push(line); } });
    logger.info({ config }, 'config');
    logger.warn({ hello: { peerId: 'state', secret: 'hello-secret-2' }, login: { password: 'pw-3', totpCode: '654321' }, deviceSecret: 'dev-4', headers: { authorization: 'Bearer tok-5' }, token: 'tok-6' }, 'attempt');
    const text = lines.join('');
    for (const secret of ['backend-link-secret-1', 'hello-secret-2', 'pw-3', '654321', 'dev-4', 'tok-5', 'tok-6']) expect(text).not.toContain(secret);
    expect(text).toContain('"peerId":"state"');
  });
});

describe('close()', () => {
  it('is idempotent, closes links with 1001, closes each system once and frees the ports', async () => {
    backend = await startTestBackend();
    const { service, addresses, systems } = backend;
    const client = await connectLink(addresses.link, TEST_PEER);
    const first = service.close();
    const second = service.close();
    expect(second).toBe(first);
    await first;
    await service.close();
    expect(await client.closed).toMatchObject({ code: 1001, reason: 'CLETS_ERR_SHUTTING_DOWN' });
    for (const system of systems.values()) expect((system as FakeSystem).closeCount).toBe(1);
    await expect(openLink(addresses.link, { timeoutMs: 2_000 })).rejects.toThrow();
    await expect(fetch(`${addresses.control}/healthz`)).rejects.toThrow();
  });

  it('lets a reply in flight go out before closing the link', async () => {
    backend = await startTestBackend({ behaviour: { DMV: { latency: { kind: 'fixed', ms: 150 } } }, limits: { shutdownGraceMs: 10_000 } });
    const { service, addresses } = backend;
    const client = await connectLink(addresses.link, TEST_PEER);
    const reply = client.request(dq('in-flight'));
    await eventually(() => service.dispatcher.activity('DMV').inFlight === 1);
    const closing = service.close();
    const [answer] = await reply;
    expect(answer?.responses).toHaveLength(1);
    await closing;
    expect((await client.closed).code).toBe(1001);
  });

  it('works before listen() and refuses listen() after it', async () => {
    const config = parseBackendConfig({ links: [TEST_PEER], systems: ['DMV'], log: { level: 'silent' } });
    const service = buildBackendService(config, { systems: createFakeSystems(['DMV']) });
    await service.close();
    await expect(service.listen()).rejects.toThrow(/closed/);
  });
});

describe('random frames', () => {
  it('a few thousand random frames over real links never bring the service down', async () => {
    backend = await startTestBackend({ limits: { maxMalformedFrames: 50 } });
    const { addresses, service } = backend;
    const golden = Object.values(GOLDEN_FRAMES).map((frame) => encodeFrame(frame, { maxFrameBytes: 1 << 20 }));
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(fc.constantFrom(...golden), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([bytes, at, value]) => {
        const copy = Uint8Array.from(bytes);
        if (copy.length > 0) copy[at % copy.length] = value;
        return copy;
      }),
      fc
        .record({ id: fc.string({ maxLength: 6 }), system: fc.constantFrom('', 'DMV', 'NCIC', 'XX', 'dmv'), key: fc.constantFrom('', 'DQ', 'QW', 'ZZ') })
        .map(({ id, system, key }) => encodeFrame({ linkRequest: { requestId: id, system, transaction: { header: { messageKey: key } } } })),
    );
    const frames = fc.sample(arbitrary, { seed: 1104, numRuns: 3_000 });
    let client: LinkProbe | undefined;
    let sent = 0;
    for (const bytes of frames) {
      if (!client?.isOpen) client = await connectLink(addresses.link, TEST_PEER);
      client.sendBytes(bytes);
      sent += 1;
      // Let the server keep pace, so a 4007 close is seen before the next frame.
      if (sent % 25 === 0) await client.request(dq(`probe-${sent}`)).catch(() => undefined);
    }
    expect(sent).toBe(3_000);
    await client?.close();
    const fresh = await connectLink(addresses.link, TEST_PEER);
    const [reply] = await fresh.request(dq('after-fuzz'));
    expect(reply?.responses).toHaveLength(1);
    expect((await service.control.inject({ method: 'GET', url: '/healthz' })).json().ok).toBe(true);
    await fresh.close();
  }, 120_000);
});
