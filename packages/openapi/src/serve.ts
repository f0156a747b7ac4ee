/**
 * Serves an app's own document and its reference page: `GET /openapi.json` and `GET /docs`,
 * made once, at the first request, from the routes the app holds then (every route is
 * registered before an app answers). The app takes zod schemas for its routes (the answers'
 * schemas here are zod's). Neither route needs a credential: the document says what the API
 * is, not what it holds.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { buildOpenApiDocument, serializeDocument, type OpenApiOptions } from './document.js';
import { renderReferencePage } from './reference-page.js';
import type { RouteCatalogue } from './route-catalogue.js';

export interface OpenApiRoutesOptions {
  readonly catalogue: RouteCatalogue;
  readonly document: OpenApiOptions;
  /** The tag of the two routes (default `documentation`). */
  readonly tag?: string;
}

export const DOCUMENT_PATH = '/openapi.json';
export const PAGE_PATH = '/docs';

/**
 * The page may load nothing and run nothing, whatever ends up in it (a description is the
 * routes' text): its own inline style only.
 */
export const PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const documentSchema = z.looseObject({
  openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()),
}).describe('This document, OpenAPI 3.1 (JSON)');

export const openApiRoutes: FastifyPluginAsync<OpenApiRoutesOptions> = async (app, options) => {
  let made: { readonly json: string; readonly page: string } | undefined;
  const make = () => {
    if (made !== undefined) return made;
    const document = buildOpenApiDocument(options.catalogue.routes(), options.document);
    made = { json: serializeDocument(document), page: renderReferencePage(document, { documentHref: DOCUMENT_PATH.slice(1) }) };
    return made;
  };
  const tags = [options.tag ?? 'documentation'];

  app.get(DOCUMENT_PATH, {
    schema: { tags, summary: 'The OpenAPI document of this API', response: { 200: { content: { 'application/json': { schema: documentSchema } } } } },
  }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(make().json));

  app.get(PAGE_PATH, {
    schema: {
      tags, summary: 'The reference page of this API, made from its document',
      response: { 200: { content: { 'text/html': { schema: z.string().describe('One self-contained HTML page: no script, nothing fetched') } } } },
    },
  }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY).send(make().page));
};
