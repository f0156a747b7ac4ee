/**
 * The misuse review queue: the Agency CLETS Coordinator reads the flags raised on their
 * agency's operators and closes each with a finding (never one about themselves); every
 * item, closed or not, goes into the annual misuse report.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { dayOf } from '../../security/certification.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori } from './admin-schemas.js';

const listQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(), from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional(),
  operatorId: z.string().max(32).optional(), kind: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
const idParam = z.strictObject({ id: z.coerce.number().int().positive() });
const closeBody = z.strictObject({ finding: z.string().trim().min(3).max(1000) });

/** One flag on the queue (security/review-queue.ts, ReviewItem). */
export const reviewItem = z.looseObject({
  id: z.number().int(), at: z.number().describe('epoch ms: when the flag was raised'), operatorId: z.string(), ori: z.string(),
  terminal: z.string().nullable(), messageKey: z.string().nullable(),
  kind: z.string().describe('self-query, watch-list, relative, home-address, unusual-volume'), detail: z.string(),
  auditSeq: z.number().int().nullable().describe('the audit row of the transaction or the refused attempt'), refused: z.boolean(),
  status: z.enum(['open', 'closed']), finding: z.string().nullable(), closedBy: z.string().nullable(), closedAt: z.number().nullable(),
}).meta({ title: 'ReviewItem' });

export const reviewQueueRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { reviewQueue } = context.security;

  app.get('/review-queue', {
    config: { action: 'review_queue.read' } satisfies AdminRouteConfig,
    schema: {
      summary: 'The flags raised on operators: an ACC sees those of their agency', errors: ['CLETS_ERR_NOT_FOUND'],
      querystring: listQuery, response: { 200: z.object({ items: z.array(reviewItem) }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    if (query.ori !== undefined) context.within(admin, query.ori);
    const wanted = admin.ori ?? query.ori;
    return {
      detail: { filter: query },
      apply: () => ({
        items: reviewQueue.list({
          status: query.status, ori: wanted, operatorId: query.operatorId, kind: query.kind, limit: query.limit,
          from: query.from === undefined ? undefined : dayOf(query.from) * 86_400_000, to: query.to === undefined ? undefined : dayOf(query.to) * 86_400_000,
        }),
      }),
    };
  }));

  app.post('/review-queue/:id/close', {
    config: { action: 'review_queue.close' } satisfies AdminRouteConfig,
    schema: {
      summary: 'Close a flag with a finding (never one about yourself)', errors: ['CLETS_ERR_NOT_FOUND', 'CLETS_ERR_RESOURCE_CONFLICT'],
      params: idParam, body: closeBody, response: { 200: z.object({ item: reviewItem }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { id } = request.params;
    const body = request.body;
    const item = reviewQueue.get(id);
    if (item === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `review item ${id}`);
    context.within(admin, item.ori);
    if (item.operatorId === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody reviews their own flags');
    if (item.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `review item ${id} is closed`);
    return { target: String(id), ori: item.ori, detail: { finding: body.finding, subject: item.operatorId, kind: item.kind }, apply: () => ({ item: reviewQueue.close(id, body.finding, admin.id, context.clock()) }) };
  }));
};
