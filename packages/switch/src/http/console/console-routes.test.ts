import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import newFastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { adminApi } from '../admin/admin-api.js';
import { errorReply, httpFailure } from '../http-contract.js';
import { AdminSessions } from '../admin/admin-sessions.js';
import { codeAt, keyDefinition, pipelineHarness, loginAt, testSecurity, type TestSecurity } from '../../testing/security.js';
import { ChainVerification } from './chain-verification.js';
import { CONSOLE_CSP, consoleRoutes } from './console-routes.js';
import { LiveFeed } from './live-figures.js';
import { liveRoutes } from './live-routes.js';
import { verificationRoutes } from './verification-routes.js';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="./assets/page-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'page-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  return dir;
}

/** A fastify app that answers errors as the switch's API does. */
function Fastify(): FastifyInstance {
  const server = newFastify();
  server.setErrorHandler((error: unknown, _request, reply) => {
    const failure = httpFailure(error);
    void reply.status(failure.httpStatus).send(errorReply(failure));
  });
  return server;
}

let app: FastifyInstance | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

describe('the console at /console/', () => {
  it('serves the page with its content security policy, and its assets compressed and cached for good', async () => {
    app = Fastify();
    await app.register(consoleRoutes, { dir: builtConsole() });
    const page = await app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = await app.inject({ url: '/console/assets/page-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect([script.statusCode, script.headers['content-encoding'], script.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    expect(gunzipSync(script.rawPayload).toString()).toContain('console.log');
    const again = await app.inject({ url: '/console/assets/page-abc123.js', headers: { 'if-none-match': String(script.headers['etag']) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/console' })).headers['location']).toBe('/console/');
    const missing = await app.inject({ url: '/console/assets/nope.js' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'CLETS_ERR_NOT_FOUND']);
    expect((await app.inject({ url: '/console/assets/..%2Findex.html' })).statusCode).toBe(400);
  });

  it('says how to build it when the console was not built', async () => {
    app = Fastify();
    await app.register(consoleRoutes, { dir: join(tmpdir(), 'clets-console-none') });
    const page = await app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(404);
    expect(page.json().error.message).toContain('pnpm build');
  });
});

/** The administration API and the console's routes on one set of administrator sessions. */
async function consoleApp(security: TestSecurity, feed: LiveFeed): Promise<FastifyInstance> {
  const sessions = new AdminSessions(security.policy, security.hasher);
  const server = Fastify();
  const clock = (): number => security.clock.now;
  await server.register(adminApi, { security, audit: security.audit, clock, switchId: 'county-19', sessions, requiresRouteTo: (key) => keyDefinition(key).routeToRequired });
  await server.register(liveRoutes, { switchId: 'county-19', clock, audit: security.audit, sessions, feed });
  await server.register(verificationRoutes, {
    switchId: 'county-19', clock, audit: security.audit, sessions,
    verification: new ChainVerification(async () => security.audit.verify(), clock),
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  return server;
}

async function login(server: FastifyInstance, security: TestSecurity, id: string): Promise<string> {
  security.clock.now += 30_000;
  const answer = await server.inject({
    method: 'POST', url: '/v1/admin/sessions',
    payload: { operatorId: id, password: `Demo-Pass-${id.slice(2)}!`, totpCode: codeAt(security.store.operator(id)?.totpSecret ?? null, security.clock.now) },
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return `Bearer ${(answer.json() as { token: string }).token}`;
}

/** The first `figures` event of the live stream, then the stream is dropped. */
async function firstFigures(server: FastifyInstance, authorization: string): Promise<Record<string, unknown>> {
  const address = server.addresses()[0] as { port: number };
  const controller = new AbortController();
  const answer = await fetch(`http://127.0.0.1:${address.port}/v1/admin/live`, { headers: { authorization }, signal: controller.signal });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = answer.body!.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended: ${text}`);
    text += new TextDecoder().decode(value);
    const match = /event: figures\ndata: (.*)\n\n/.exec(text);
    if (match) {
      controller.abort();
      return JSON.parse(match[1]!) as Record<string, unknown>;
    }
  }
}

describe('the live view, GET /v1/admin/live', () => {
  it('sends an administrator every refusal and terminal, an ACC their agency\'s only, and audits who watched', async () => {
    const security = await testSecurity();
    const feed = new LiveFeed({
      clock: () => security.clock.now,
      transactionCounts: async () => [{ key: 'QW', outcome: 'accepted', value: 0 }],
      links: () => [{ name: 'state', kind: 'link', state: 'up', systems: ['NCIC'], held: 0 }],
      terminals: () => [
        { mnemonic: 'LA01', ori: 'CA0190000', operatorId: 'OP1001', since: 0 },
        { mnemonic: 'PD01', ori: 'CA0190100', operatorId: 'OP1101', since: 0 },
      ],
      queues: () => ({ inFlight: 0, stored: 0 }),
      audit: { query: (filter) => security.audit.query(filter), health: () => security.audit.health() },
    }, { intervalMs: 60_000 });
    app = await consoleApp(security, feed);
    await feed.tick();
    // A refused transaction of county 19's sheriff, between two ticks.
    const pipeline = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    await pipeline.send(session, 'QW.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800101');
    await security.audit.flush();
    await feed.tick();

    const admin = await firstFigures(app, await login(app, security, 'OP1010'));
    expect(admin['scope']).toBe('all');
    expect(admin['refusals']).toEqual([{ code: 'CLETS_ERR_ROUTE_TO_MISSING', count: 1 }]);
    expect((admin['terminals'] as unknown[]).length).toBe(2);

    const acc = await firstFigures(app, await login(app, security, 'OP1008'));
    expect(acc['scope']).toEqual({ oris: ['CA0190000'] });
    expect(acc['terminalsLoggedIn']).toBe(2);
    expect(acc['terminals']).toEqual([{ mnemonic: 'LA01', ori: 'CA0190000', operatorId: 'OP1001', since: 0 }]);

    const reads = security.audit.query({ type: 'audit_read', limit: 100 }).filter((row) => row.detail?.['action'] === 'live');
    expect(reads.map((row) => [row.operatorId, row.outcome])).toEqual([['OP1010', 'success'], ['OP1008', 'success']]);
  });

  it('refuses a caller without a session, and audits the refusal', async () => {
    const security = await testSecurity();
    const feed = new LiveFeed({
      clock: () => security.clock.now, transactionCounts: async () => [], links: () => [], terminals: () => [], queues: () => ({ inFlight: 0, stored: 0 }),
      audit: { health: () => security.audit.health() },
    });
    app = await consoleApp(security, feed);
    const refused = await app.inject({ url: '/v1/admin/live', headers: { authorization: 'Bearer nope' } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
    await security.audit.flush();
    expect(security.audit.query({ type: 'audit_read', outcome: 'denied', limit: 10 }).length).toBe(1);
  });
});

describe('the audit chain\'s verification, /v1/audit/verification', () => {
  it('is started by an administrator, refused to an ACC, and read by both', async () => {
    const security = await testSecurity();
    app = await consoleApp(security, new LiveFeed({
      clock: () => 0, transactionCounts: async () => [], links: () => [], terminals: () => [], queues: () => ({ inFlight: 0, stored: 0 }), audit: { health: () => ({ pending: 0, writable: true }) },
    }));
    const acc = await login(app, security, 'OP1008');
    expect((await app.inject({ url: '/v1/audit/verification', headers: { authorization: acc } })).json()).toEqual({ state: 'never', last: null, runningSince: null });
    const refused = await app.inject({ method: 'POST', url: '/v1/audit/verification', headers: { authorization: acc } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    const admin = await login(app, security, 'OP1010');
    const started = await app.inject({ method: 'POST', url: '/v1/audit/verification', headers: { authorization: admin } });
    expect([started.statusCode, started.json().state]).toEqual([202, 'running']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const done = (await app.inject({ url: '/v1/audit/verification', headers: { authorization: acc } })).json();
    expect(done).toMatchObject({ state: 'done', last: { ok: true, by: 'OP1010', firstBadSeq: null } });
    expect(done.last.rows).toBeGreaterThan(3);
  });
});
