import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBackendConfig } from './config.js';
import { buildBackendService, type BackendService } from './service.js';
import { createFakeSystems } from './testing/fake-system.js';
import { TEST_PEER } from './testing/start-backend.js';

// Sockets and child processes on a shared 2-core machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let service: BackendService | undefined;

function build(): BackendService {
  const config = parseBackendConfig({
    systems: ['DMV', 'NCIC'],
    links: [TEST_PEER],
    log: { level: 'silent' },
    behaviour: { DMV: { latency: { kind: 'fixed', ms: 3 } } },
  });
  service = buildBackendService(config, { systems: createFakeSystems(['DMV', 'NCIC']) });
  return service;
}

afterEach(async () => {
  await service?.close();
  service = undefined;
});

describe('control endpoint', () => {
  it('GET /healthz says ok with the hosted systems', async () => {
    const { control } = build();
    const response = await control.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, id: 'backends', systems: ['DMV', 'NCIC'], links: 0 });
  });

  it('GET /metrics: requests by system and outcome, their time, what waits, links, and the process', async () => {
    const { control, dispatcher } = build();
    const replies: unknown[] = [];
    const sink = { peerId: TEST_PEER.peerId, isOpen: true, served: new Set(['DMV', 'NCIC'] as const), sendReply: (reply: unknown) => replies.push(reply) };
    const request = (requestId: string, system: string) => ({
      requestId, system, transaction: { header: { messageKey: 'DQ', control: 'C1' }, text: 'DQ.CA0194200.OLN/A1' },
    });
    dispatcher.dispatch(request('r1', 'DMV'), sink);
    dispatcher.dispatch(request('r2', 'A "NEW" SYSTEM'), sink);
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    const response = await control.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.body;
    expect(text).toContain('# TYPE clets_backend_requests_total counter\n');
    expect(text).toContain('clets_backend_requests_total{system="DMV",outcome="answered"} 1\n');
    // A system name from the wire that is none of the four does not become a series.
    expect(text).toContain('clets_backend_requests_total{system="none",outcome="refused"} 1\n');
    expect(text).not.toContain('NEW');
    expect(text).toContain('# TYPE clets_backend_request_duration_ms histogram\n');
    expect(text).toMatch(/^clets_backend_request_duration_ms_count\{system="DMV"\} 1$/m);
    expect(text).toContain('clets_backend_requests_in_flight{system="NCIC"} 0\n');
    expect(text).toContain('clets_backend_requests_queued{system="DMV"} 0\n');
    expect(text).toContain('clets_backend_links_open 0\n');
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(text).toMatch(new RegExp(`^${name} \\S+$`, 'm'));
    }
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram\n');
  });

  it('GET /control lists each system with its knobs and activity', async () => {
    const { control } = build();
    const body = (await control.inject({ method: 'GET', url: '/control' })).json();
    expect(body.systems.DMV).toEqual({
      latency: { kind: 'fixed', ms: 3 },
      errorRate: 0,
      outage: 'none',
      activity: { inFlight: 0, queued: 0, hung: 0 },
    });
    expect(Object.keys(body.systems)).toEqual(['DMV', 'NCIC']);
  });

  it('PUT /control/:system changes the given knobs only (system name in any case)', async () => {
    const { control, behaviour } = build();
    const response = await control.inject({ method: 'PUT', url: '/control/dmv', payload: { outage: 'refuse', errorRate: 0.5 } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ system: 'DMV', outage: 'refuse', errorRate: 0.5, latency: { kind: 'fixed', ms: 3 } });
    expect(behaviour.get('DMV').outage).toBe('refuse');
  });

  it('names every bad field of an invalid change, and changes nothing', async () => {
    const { control, behaviour } = build();
    const response = await control.inject({
      method: 'PUT',
      url: '/control/DMV',
      payload: { outage: 'sometimes', errorRate: 1.5, latency: { kind: 'lognormal', medianMs: 10 }, colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('CLETS_ERR_REQUEST_INVALID');
    const problems = (body.error.problems as string[]).join('\n');
    expect(problems).toContain('outage:');
    expect(problems).toContain('errorRate:');
    expect(problems).toContain('latency.p99Ms:');
    expect(problems).toContain('colour: unknown key');
    expect(body.error.message).toContain('outage');
    expect(behaviour.get('DMV')).toEqual({ latency: { kind: 'fixed', ms: 3 }, errorRate: 0, outage: 'none' });
  });

  it('names a bad latency member and an unknown latency kind', async () => {
    const { control } = build();
    const uniform = await control.inject({ method: 'PUT', url: '/control/DMV', payload: { latency: { kind: 'uniform', minMs: 9, maxMs: 'x' } } });
    expect(uniform.json().error.problems).toEqual([expect.stringMatching(/^latency\.maxMs:/)]);
    const kind = await control.inject({ method: 'PUT', url: '/control/DMV', payload: { latency: { kind: 'gamma' } } });
    expect(kind.json().error.problems).toEqual([expect.stringMatching(/^latency\.kind:/)]);
  });

  it('404 for a system not hosted here, and for an unknown path', async () => {
    const { control } = build();
    const notHosted = await control.inject({ method: 'PUT', url: '/control/CORI', payload: { outage: 'hang' } });
    expect(notHosted.statusCode).toBe(404);
    expect(notHosted.json().error.code).toBe('CLETS_ERR_NOT_FOUND');
    expect((await control.inject({ method: 'GET', url: '/nothing' })).json().error.code).toBe('CLETS_ERR_NOT_FOUND');
  });

  it('400 in the same shape for a body that is not JSON', async () => {
    const { control } = build();
    const response = await control.inject({ method: 'PUT', url: '/control/DMV', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('CLETS_ERR_REQUEST_INVALID');
  });

  it('POST /control/reset restores the configured knobs', async () => {
    const { control, behaviour } = build();
    behaviour.update('DMV', { outage: 'hang', latency: { kind: 'fixed', ms: 500 } });
    behaviour.update('NCIC', { errorRate: 1 });
    const response = await control.inject({ method: 'POST', url: '/control/reset' });
    expect(response.statusCode).toBe(200);
    expect(response.json().systems.DMV).toEqual({ latency: { kind: 'fixed', ms: 3 }, errorRate: 0, outage: 'none' });
    expect(behaviour.get('NCIC').errorRate).toBe(0);
  });

  it('GET /healthz answers 503 while the service shuts down', async () => {
    const built = build();
    const closing = built.close();
    const response = await built.control.inject({ method: 'GET', url: '/healthz' }).catch(() => undefined);
    await closing;
    if (response) expect(response.statusCode).toBe(503);
  });
});
