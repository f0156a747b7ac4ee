/**
 * The control endpoint's answers as zod schemas, and what its OpenAPI document says beside its
 * routes (control-http.ts): its title, tags, and the errors its error handler gives any route.
 * The endpoint has no credential (it binds to the loopback address): the document has no
 * security scheme. docs/openapi-backends.json is a committed copy (`pnpm openapi`).
 */
import type { DocumentedRoute, ErrorAnswer, OpenApiOptions } from '@clets/openapi';
import { SYSTEMS } from '@clets/protocol';
import { z } from 'zod';
import { systemBehaviourSchema } from './config.js';

/** The control endpoint's error answer (not the switch's `{error: {...}}`: this one is flat). */
export const backendErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For a refused body: each bad field as `path: message`. */
    problems: z.array(z.string()).readonly().optional().describe('each bad field of a refused body, as path: message'),
  }),
}).meta({ title: 'Error', description: 'Every error answer of the control endpoint, in the shape of the switch\'s: a code of the error table (docs/errors.md) with its HTTP status, its message, and for a refused body every bad field' });

export const healthSchema = z.object({
  ok: z.boolean(), id: z.string(), systems: z.array(z.enum(SYSTEMS)).readonly(), links: z.number().int().describe('link connections open'),
}).meta({ title: 'BackendHealth' });

const behaviour = systemBehaviourSchema.meta({ title: 'SystemBehaviour', description: 'One system\'s knobs: latency, injected error rate, outage mode' });

const activity = z.object({
  inFlight: z.number().int().describe('waiting for their latency to pass'),
  queued: z.number().int().describe('held by a queued outage'),
  hung: z.number().int().describe('accepted during a hang outage, never to be answered'),
}).meta({ title: 'SystemActivity' });

export const controlStateSchema = z.object({
  systems: z.record(z.string(), z.object({ ...systemBehaviourSchema.shape, activity }).meta({ title: 'SystemState' })).describe('by system name'),
});

/** The answer to a change: the system's knobs after it. */
export const systemKnobsSchema = z.object({ system: z.enum(SYSTEMS), ...systemBehaviourSchema.shape, activity }).meta({ title: 'SystemChanged' });

export const systemsKnobsSchema = z.object({ systems: z.record(z.string(), behaviour).describe('by system name') });

function tagOf(route: DocumentedRoute): string {
  return route.url.startsWith('/control') ? 'control' : 'status';
}

/** What the error handler gives any route: a refused or unreadable body 400, one over the size limit 413, an internal failure 500. */
function commonErrors(route: DocumentedRoute): ErrorAnswer[] {
  const takesBody = route.method === 'POST' || route.method === 'PUT';
  return [...(takesBody ? ['CLETS_ERR_REQUEST_INVALID' as const, 'CLETS_ERR_FRAME_TOO_LARGE' as const] : []), 'CLETS_ERR_INTERNAL'];
}

export const BACKENDS_OPENAPI: OpenApiOptions = {
  info: {
    title: 'CLETS mock backends control endpoint',
    version: '1.0.0',
    description: [
      'The control endpoint of the mock NCIC, Nlets, DMV and CORI: health, metrics, and the behaviour knobs of each hosted system (latency, injected errors, outages) at run time, for test harnesses, benchmarks and the demo.',
      'It has no credential of its own and binds to the loopback address by default: do not expose it. Errors answer as the switch does, `{"error": {"code", "message", "problems"?}}`, with the status of the error table.',
    ].join('\n\n'),
  },
  tags: [
    { name: 'control', description: 'The behaviour knobs of the hosted systems.' },
    { name: 'status', description: 'Health and metrics.' },
    { name: 'documentation', description: 'This document and its reference page.' },
  ],
  tagOf,
  errors: { body: backendErrorSchema, codePath: ['error', 'code'], common: commonErrors },
};
