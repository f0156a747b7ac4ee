/**
 * What a route says of itself for the API's document, beside its zod schemas: members of the
 * fastify route `schema` that no compiler reads. The names and types are the ones
 * @fastify/swagger gives them (both may be loaded; TypeScript merges identical members), plus
 * `errors`: the error codes the route answers with, each at the status the error table
 * gives it unless the route answers it with another.
 *
 * A plugin whose hook answers for every route it holds (an authentication hook, a rate limit)
 * documents those routes with `documentRoutes`, beside the hook: the route files then say only
 * what is their own.
 */
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import type { ErrorCode } from '@clets/protocol';

/** An error a route answers with: a code of the table, at its status or at the one given. */
export type ErrorAnswer = ErrorCode | { readonly code: ErrorCode; readonly status: number };

/** Security requirements, as OpenAPI writes them: `[{ adminSession: [] }]`; `[]`: none. */
export type SecurityRequirements = ReadonlyArray<{ [securityLabel: string]: readonly string[] }>;

declare module 'fastify' {
  interface FastifySchema {
    /** Left out of the document. */
    hide?: boolean;
    tags?: readonly string[];
    /** One line: what the route does. */
    summary?: string;
    description?: string;
    security?: ReadonlyArray<{ [securityLabel: string]: readonly string[] }>;
    operationId?: string;
    /** The error codes this route answers with (every route's own: a refused request, an internal error, come from the document's options). */
    errors?: readonly ErrorAnswer[];
  }
}

/** What a plugin adds to the documentation of the routes it holds. */
export interface RouteDoc {
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly security?: SecurityRequirements;
  /** Added to the route's own. */
  readonly errors?: readonly ErrorAnswer[];
}

/**
 * Documents the routes registered in `app` (and in its children) from now on: what `describe`
 * says is merged into each route's schema. A route's own tags, summary and security win; the
 * errors are added to its own.
 */
export function documentRoutes(app: FastifyInstance, describe: (route: RouteOptions) => RouteDoc | undefined): void {
  app.addHook('onRoute', (route) => {
    const doc = describe(route);
    if (doc === undefined) return;
    route.schema = mergeRouteDoc(route.schema ?? {}, doc);
  });
}

function mergeRouteDoc(schema: FastifySchema, doc: RouteDoc): FastifySchema {
  const merged: FastifySchema = { ...schema };
  if (merged.tags === undefined && doc.tags !== undefined) merged.tags = doc.tags;
  if (merged.summary === undefined && doc.summary !== undefined) merged.summary = doc.summary;
  if (merged.security === undefined && doc.security !== undefined) merged.security = doc.security;
  if (doc.errors !== undefined) merged.errors = [...(schema.errors ?? []), ...doc.errors];
  return merged;
}
