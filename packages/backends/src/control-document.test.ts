import { validate } from '@readme/openapi-parser';
import type { OpenApiDocument } from '@clets/openapi';
import { ResponseValidator } from '@clets/openapi/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackendConfig } from './config.js';
import { buildBackendService, type BackendService } from './service.js';
import { createFakeSystems } from './testing/fake-system.js';
import { TEST_PEER } from './testing/start-backend.js';

let service: BackendService | undefined;

afterEach(async () => {
  await service?.close();
  service = undefined;
});

function build(): BackendService {
  const config = parseBackendConfig({ systems: ['DMV', 'NCIC'], links: [TEST_PEER], log: { level: 'silent' }, behaviour: { DMV: { latency: { kind: 'fixed', ms: 3 } } } });
  service = buildBackendService(config, { systems: createFakeSystems(['DMV', 'NCIC']) });
  return service;
}

describe("the control endpoint's OpenAPI document", () => {
  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser) with every route', async () => {
    const { control } = build();
    const document = (await control.inject({ url: '/openapi.json' })).json() as OpenApiDocument;
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))).toEqual([
      'GET /healthz', 'GET /metrics', 'GET /control', 'PUT /control/{system}', 'POST /control/reset', 'GET /openapi.json', 'GET /docs',
    ]);
  });

  it('describes what every route really answers, refusals included', async () => {
    const { control } = build();
    const validator = new ResponseValidator((await control.inject({ url: '/openapi.json' })).json() as OpenApiDocument);
    const problems: string[] = [];
    const call = async (method: 'GET' | 'PUT' | 'POST', url: string, payload?: string | object, contentType = 'application/json') => {
      const response = await control.inject({ method, url, ...(payload === undefined ? {} : { payload, headers: { 'content-type': contentType } }) });
      problems.push(...validator.problems({ method, url, statusCode: response.statusCode, headers: response.headers, body: response.body }));
      return response.statusCode;
    };
    expect(await call('GET', '/healthz')).toBe(200);
    expect(await call('GET', '/metrics')).toBe(200);
    expect(await call('GET', '/control')).toBe(200);
    expect(await call('PUT', '/control/dmv', { outage: 'queued', latency: { kind: 'lognormal', medianMs: 40, p99Ms: 400 } })).toBe(200);
    expect(await call('PUT', '/control/DMV', { outage: 'sometimes', colour: 'red' })).toBe(400);
    expect(await call('PUT', '/control/DMV', '{not json')).toBe(400);
    expect(await call('PUT', '/control/DMV', 'outage=none', 'text/plain')).toBe(400);
    expect(await call('PUT', '/control/DMV', '<outage/>', 'application/xml')).toBe(400);
    expect(await call('PUT', '/control/DMV', { outage: 'none', pad: 'x'.repeat(70 * 1024) })).toBe(413);
    expect(await call('PUT', '/control/CORI', { outage: 'hang' })).toBe(404);
    expect(await call('POST', '/control/reset')).toBe(200);
    expect(await call('GET', '/openapi.json')).toBe(200);
    expect(await call('GET', '/docs')).toBe(200);
    expect(problems).toEqual([]);
  });
});
