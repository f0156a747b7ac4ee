/**
 * What anyone may ask a running switch, with no credentials: is the process up (`/healthz`),
 * can it take transactions (`/readyz`: the audit store writes and every link is up), its
 * Prometheus figures (`/metrics`), and each link's state (`/v1/links`).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AuditSink } from '../audit/types.js';
import type { HeldQueue } from '../links/held-queue.js';
import type { SystemLink } from '../links/types.js';
import type { Metrics } from '../metrics.js';
import { errorResponses, withZod } from './http-contract.js';

export interface StatusRoutesOptions {
  readonly switchId: string;
  readonly audit: Pick<AuditSink, 'health'>;
  readonly links: ReadonlyMap<string, SystemLink>;
  readonly held: Pick<HeldQueue, 'depth'>;
  readonly metrics: Pick<Metrics, 'contentType' | 'render'>;
}

const linkState = z.enum(['connecting', 'up', 'down', 'closed']);

const readiness = z.object({
  ready: z.boolean(),
  audit: z.object({ writable: z.boolean(), pending: z.number().int(), lastError: z.string().optional() }),
  links: z.array(z.object({ name: z.string(), state: linkState })),
}).meta({ title: 'Readiness' });

export const statusRoutes: FastifyPluginAsync<StatusRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);

  app.get('/healthz', {
    schema: { summary: 'Liveness: the process serves HTTP', response: { 200: z.object({ status: z.literal('ok'), switchId: z.string() }), ...errorResponses } },
  }, async () => ({ status: 'ok' as const, switchId: options.switchId }));

  app.get('/readyz', {
    schema: {
      summary: 'Readiness: the audit log writes and every outgoing link is up (else 503, same body)',
      response: {
        200: readiness,
        503: { description: 'Not ready: the audit log cannot write or a link is not up (what is down is in the body)', content: { 'application/json': { schema: readiness } } },
        ...errorResponses,
      },
    },
  }, async (_request, reply) => {
    const audit = options.audit.health();
    const links = [...options.links].map(([name, link]) => ({ name, state: link.state }));
    const ready = audit.writable && links.every((link) => link.state === 'up');
    return reply.status(ready ? 200 : 503).send({
      ready, audit: { writable: audit.writable, pending: audit.pending, ...(audit.lastError ? { lastError: audit.lastError } : {}) }, links,
    });
  });

  app.get('/metrics', {
    schema: {
      summary: 'Prometheus figures of the switch and its process',
      response: { 200: { content: { 'text/plain': { schema: z.string().describe('Prometheus text exposition format') } } }, ...errorResponses },
    },
  }, async (_request, reply) => reply.type(options.metrics.contentType).send(await options.metrics.render()));

  app.get('/v1/links', {
    schema: {
      summary: 'Each outgoing link: its state, the systems it reaches, the transactions held for it',
      response: {
        200: z.object({ links: z.array(z.object({ name: z.string(), state: linkState, systems: z.array(z.string()), held: z.number().int() })) }),
        ...errorResponses,
      },
    },
  }, async () => ({
    links: [...options.links].map(([name, link]) => ({ name, state: link.state, systems: [...link.systems], held: options.held.depth(name) })),
  }));
};
