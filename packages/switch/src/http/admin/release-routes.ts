/**
 * The third-party release log (CJIS: who was given criminal history, when, how, by whom):
 * an agency records each release and reads its own.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { TRANSMISSION_METHODS } from '../../security/release-log.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori, upperText } from './admin-schemas.js';

const recordBody = z.strictObject({
  releasedOn: isoDate, requester: upperText(80), requestingAgency: upperText(120), information: upperText(500),
  transmittedBy: z.enum(TRANSMISSION_METHODS), ori: ori.optional(), releasedBy: z.string().min(1).max(32), caseNumber: upperText(20).optional(),
});
const listQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional() });

/** One release (security/release-log.ts, ReleaseEntry). */
const release = z.looseObject({
  id: z.number().int(), recordedAt: z.number(), releasedOn: z.string(), requester: z.string(), requestingAgency: z.string(),
  information: z.string(), transmittedBy: z.enum(TRANSMISSION_METHODS), ori: z.string(), releasedBy: z.string(), caseNumber: z.string().nullable(),
  recordedBy: z.string(),
}).meta({ title: 'Release' });

export const releaseRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { releaseLog } = context.security;

  app.post('/releases', {
    config: { action: 'releases.record' } satisfies AdminRouteConfig,
    schema: {
      summary: 'Record a release of criminal history to a third party', errors: ['CLETS_ERR_NOT_FOUND'],
      body: recordBody, response: { 201: z.object({ release }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const body = request.body;
    const releaseOri = body.ori ?? admin.ori;
    if (releaseOri === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'ori: the releasing agency', { field: 'ori' });
    context.within(admin, releaseOri);
    const { ori: _ori, ...entry } = body;
    return {
      status: 201, target: body.requestingAgency, ori: releaseOri, detail: { releasedOn: body.releasedOn, requester: body.requester, transmittedBy: body.transmittedBy },
      apply: () => ({ release: releaseLog.recordRelease({ ...entry, ori: releaseOri, recordedBy: admin.id }, context.clock()) }),
    };
  }));

  app.get('/releases', {
    config: { action: 'releases.read' } satisfies AdminRouteConfig,
    schema: {
      summary: 'The release log: an ACC sees those of their agency', errors: ['CLETS_ERR_NOT_FOUND'],
      querystring: listQuery, response: { 200: z.object({ releases: z.array(release) }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    if (query.ori !== undefined) context.within(admin, query.ori);
    return { detail: { filter: query }, apply: () => ({ releases: releaseLog.list({ ...query, ori: admin.ori ?? query.ori }) }) };
  }));
};
