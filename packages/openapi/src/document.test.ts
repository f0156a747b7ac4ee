import Fastify, { type FastifyInstance } from 'fastify';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, operationIdOf, serializeDocument, type OpenApiOptions } from './document.js';
import { RouteCatalogue } from './route-catalogue.js';
import { documentRoutes } from './route-docs.js';
import { openApiRoutes } from './serve.js';
import { ResponseValidator } from './testing/response-validator.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) }).meta({ title: 'Error' });
const item = z.object({ id: z.number().int(), name: z.string() }).meta({ title: 'Item' });

const OPTIONS: OpenApiOptions = {
  info: { title: 'Items', version: '1.0.0' },
  tags: [{ name: 'items', description: 'The items' }],
  securitySchemes: { session: { type: 'http', scheme: 'bearer' } },
  tagOf: (route) => (route.url.startsWith('/v1/items') ? 'items' : 'status'),
  errors: {
    body: errorBody, codePath: ['error', 'code'],
    common: (route) => [
      'CLETS_ERR_INTERNAL',
      ...(route.schema?.body !== undefined || route.schema?.querystring !== undefined || route.schema?.params !== undefined ? ['CLETS_ERR_REQUEST_INVALID' as const] : []),
    ],
  },
};

/** A small app the way the services build theirs: zod schemas, the catalogue watching from the start. */
async function itemsApp(): Promise<{ app: FastifyInstance; catalogue: RouteCatalogue }> {
  const app = Fastify();
  const catalogue = RouteCatalogue.watch(app);
  app.setValidatorCompiler(({ schema }) => (data) => {
    const result = (schema as z.ZodType).safeParse(data ?? {});
    return result.success ? { value: result.data } : { error: new Error(result.error.issues[0]?.message) };
  });
  app.setSerializerCompiler(({ schema }) => (data) => JSON.stringify((schema as z.ZodType).parse(data)));
  app.setErrorHandler((_error, _request, reply) => reply.status(400).send({ error: { code: 'CLETS_ERR_REQUEST_INVALID', message: 'bad' } }));

  app.get('/healthz', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  await app.register(async (scope) => {
    documentRoutes(scope, (route) => (route.method === 'GET' ? undefined : { security: [{ session: [] }], errors: ['CLETS_ERR_ADMIN_TOKEN_INVALID'] }));
    scope.get('/v1/items/:id', {
      schema: {
        summary: 'One item', params: z.strictObject({ id: z.coerce.number().int().describe('the item') }),
        querystring: z.strictObject({ verbose: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(5).default(2) }),
        response: { 200: z.object({ item }), '4xx': errorBody },
        errors: ['CLETS_ERR_NOT_FOUND'],
      },
    }, async (request, reply) => {
      const { id } = request.params as { id: number };
      if (id === 0) return reply.status(404).send({ error: { code: 'CLETS_ERR_NOT_FOUND', message: 'no item 0' } });
      return { item: { id, name: id === 7 ? 7 : 'seven' } };
    });
    scope.post('/v1/items', {
      schema: {
        body: z.strictObject({ name: z.string().min(1).transform((name) => name.toUpperCase()) }),
        response: { 201: z.object({ item }), 204: z.null().describe('nothing new'), '4xx': errorBody },
      },
    }, async (request, reply) => reply.status(201).send({ item: { id: 1, name: (request.body as { name: string }).name } }));
  });
  await app.register(openApiRoutes, { catalogue, document: OPTIONS });
  await app.ready();
  return { app, catalogue };
}

describe('the document of an app', () => {
  it('describes each route: parameters, body, answers, the errors by status with their codes, tags and security', async () => {
    const { app, catalogue } = await itemsApp();
    const document = buildOpenApiDocument(catalogue.routes(), OPTIONS);
    expect(Object.keys(document.paths)).toEqual(['/healthz', '/v1/items/{id}', '/v1/items', '/openapi.json', '/docs']);
    expect(document.paths['/healthz']).toEqual({ get: expect.objectContaining({ operationId: 'getHealthz', tags: ['status'] }) });

    const get = document.paths['/v1/items/{id}']!['get']!;
    expect(get['summary']).toBe('One item');
    expect(get['parameters']).toEqual([
      { name: 'id', in: 'path', required: true, description: 'the item', schema: { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } },
      { name: 'verbose', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 5, default: 2 } },
    ]);
    const responses = get['responses'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(responses)).toEqual(['200', '400', '404', '500', '4XX']);
    expect(responses['404']).toEqual({
      description: 'CLETS_ERR_NOT_FOUND: no such resource',
      content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { error: { properties: { code: { enum: ['CLETS_ERR_NOT_FOUND'] } } } } }] } } },
    });
    expect(get['security']).toBeUndefined();

    const post = document.paths['/v1/items']!['post']!;
    expect(post['requestBody']).toEqual({
      required: true,
      content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false } } },
    });
    expect(post['security']).toEqual([{ session: [] }]);
    expect(Object.keys(post['responses'] as object)).toEqual(['201', '204', '400', '401', '500', '4XX']);
    expect((post['responses'] as Record<string, unknown>)['204']).toEqual({ description: 'nothing new' });

    // A titled schema is written once and referred to.
    expect(Object.keys(document.components.schemas)).toEqual(['Error', 'Item']);
    expect(document.components.schemas['Item']).toMatchObject({ title: 'Item', required: ['id', 'name'], additionalProperties: false });
    expect(document.tags).toEqual([{ name: 'items', description: 'The items' }, { name: 'documentation' }, { name: 'status' }]);
    await app.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const { app, catalogue } = await itemsApp();
    const result = await validate(structuredClone(buildOpenApiDocument(catalogue.routes(), OPTIONS)) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    await app.close();
  });

  it('refuses two different schemas with one title', async () => {
    const app = Fastify();
    const catalogue = RouteCatalogue.watch(app);
    app.setSerializerCompiler(() => JSON.stringify);
    app.get('/a', { schema: { response: { 200: z.object({ a: z.string() }).meta({ title: 'Thing' }) } } }, async () => ({ a: '' }));
    app.get('/b', { schema: { response: { 200: z.object({ b: z.string() }).meta({ title: 'Thing' }) } } }, async () => ({ b: '' }));
    await app.ready();
    expect(() => buildOpenApiDocument(catalogue.routes(), OPTIONS)).toThrow('two different schemas are titled Thing');
    await app.close();
  });

  it('names operations after their method and path', () => {
    expect(operationIdOf('POST', '/v1/admin/review-queue/:id/close')).toBe('postAdminReviewQueueByIdClose');
    expect(operationIdOf('GET', '/openapi.json')).toBe('getOpenapiJson');
  });
});

describe('the served document and page', () => {
  it('serves the document the routes give, and a page that fetches nothing', async () => {
    const { app, catalogue } = await itemsApp();
    const json = await app.inject({ url: '/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(serializeDocument(buildOpenApiDocument(catalogue.routes(), OPTIONS)));
    const page = await app.inject({ url: '/docs' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // And the browser is told so: nothing but the inline style may load or run.
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(page.body).toContain('<span class="m post">POST</span> <code>/v1/items</code>');
    expect(page.body).toContain('<a href="#schema-Item">Item</a>');
    expect(page.body).toContain('with code CLETS_ERR_NOT_FOUND');
    // Self-contained: no script, no stylesheet, image or frame from anywhere, no absolute link.
    expect(page.body).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    expect(page.body).not.toMatch(/href="(?!#|openapi\.json")/);
    await app.close();
  });
});

describe('the response validator', () => {
  it('passes answers that fit and names what does not', async () => {
    const { app, catalogue } = await itemsApp();
    const validator = new ResponseValidator(buildOpenApiDocument(catalogue.routes(), OPTIONS));
    const answer = async (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
      const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
      return validator.problems({ method, url, statusCode: response.statusCode, headers: response.headers, body: response.body });
    };
    expect(await answer('/v1/items/3')).toEqual([]);
    expect(await answer('/v1/items/0')).toEqual([]);
    expect(await answer('/v1/items', 'POST', { name: 'x' })).toEqual([]);
    expect(await answer('/healthz')).toEqual([]);
    expect(await answer('/openapi.json')).toEqual([]);
    expect(await answer('/docs')).toEqual([]);
    // An answer the document does not describe: a member of the wrong type, a code not listed for its status, a status not listed.
    expect(validator.problems({ method: 'GET', url: '/v1/items/7', statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"item":{"id":7,"name":7}}' }))
      .toEqual([expect.stringContaining('/item/name must be string')]);
    expect(validator.problems({ method: 'GET', url: '/v1/items/7', statusCode: 404, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"CLETS_ERR_INTERNAL","message":"x"}}' }))
      .toEqual([expect.stringContaining('/error/code must be equal to one of the allowed values')]);
    expect(validator.problems({ method: 'GET', url: '/healthz', statusCode: 503, headers: {}, body: '' })).toEqual([expect.stringContaining('status not documented')]);
    expect(validator.problems({ method: 'GET', url: '/nowhere', statusCode: 200, headers: {}, body: '' })).toEqual([expect.stringContaining('no path')]);
    await app.close();
  });
});
