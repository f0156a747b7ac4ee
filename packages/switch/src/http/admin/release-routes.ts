/**
 * The third-party release log (CJIS: who was given criminal history, when, how, by whom):
 * an agency records each release against the transaction whose answer was released, and
 * reads its own. Operators record their own releases from the terminal (RL); here an
 * administrator or coordinator records one for an operator of their agency, naming the
 * transaction by the operator's terminal and input sequence number on the day of the
 * release, or by its audit row. The transaction must be that operator's own and must have
 * disclosed something (security/release-recorder.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { TRANSMISSION_METHODS } from '../../security/release-log.js';
import { findReleasedTransaction, informationOf, linkOf, type ReleaseAuditSource } from '../../security/release-recorder.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori, upperText } from './admin-schemas.js';

/** The released transaction: the operator's terminal and input sequence number that day, or its audit row. */
const transactionRef = z.union([
  z.strictObject({ terminal: z.string().regex(/^[A-Z0-9]{4}$/, 'a terminal mnemonic'), inputSeq: z.number().int().positive() }),
  z.strictObject({ auditSeq: z.number().int().positive() }),
]);

const recordBody = z.strictObject({
  releasedOn: isoDate, requester: upperText(80), requestingAgency: upperText(120),
  /** What was given; default: the key, ISN and every record the transaction's answers named. */
  information: upperText(500).optional(),
  transmittedBy: z.enum(TRANSMISSION_METHODS), ori: ori.optional(), releasedBy: z.string().min(1).max(32), caseNumber: upperText(20).optional(),
  transaction: transactionRef,
});
const listQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional() });

const releasedTransaction = z.object({
  terminal: z.string(), inputSeq: z.number().int(), messageKey: z.string(), transactionSeq: z.number().int(),
  answerSeqs: z.array(z.number().int()), records: z.array(z.string()),
});

/** One release (security/release-log.ts, ReleaseEntry). */
export const release = z.looseObject({
  id: z.number().int(), recordedAt: z.number(), releasedOn: z.string(), requester: z.string(), requestingAgency: z.string(),
  information: z.string(), transmittedBy: z.enum(TRANSMISSION_METHODS), ori: z.string(), releasedBy: z.string(), caseNumber: z.string().nullable(),
  recordedBy: z.string(), transaction: releasedTransaction.nullable(), recordedInSeq: z.number().int().nullable(),
}).meta({ title: 'Release' });

export const releaseRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { releaseLog, store } = context.security;

  app.post('/releases', {
    config: { action: 'releases.record' } satisfies AdminRouteConfig,
    schema: {
      summary: 'Record a release of criminal history to a third party', errors: ['CLETS_ERR_NOT_FOUND'],
      body: recordBody, response: { 201: z.object({ release }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const body = request.body;
    const releaser = store.operator(body.releasedBy);
    if (releaser === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `operator ${body.releasedBy}`, { field: 'releasedBy' });
    context.within(admin, releaser.ori);
    const audit = context.audit as Partial<ReleaseAuditSource>;
    if (audit.search === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', 'this switch\'s audit log cannot be searched for the released transaction');
    const source = { search: audit.search.bind(audit), ...(audit.query ? { query: audit.query.bind(audit) } : {}) };
    const released = findReleasedTransaction(source, 'auditSeq' in body.transaction
      ? { operatorId: releaser.id, transactionSeq: body.transaction.auditSeq }
      : { operatorId: releaser.id, terminal: body.transaction.terminal, inputSeq: body.transaction.inputSeq, day: body.releasedOn });
    // The agency that released is the one the transaction was sent for; a coordinator records
    // only their own, and learns no more of another agency's transaction than of none at all.
    const releaseOri = released.ori || releaser.ori;
    if (admin.ori !== null && admin.ori !== releaseOri) {
      throw new CletsError('CLETS_ERR_FIELD_INVALID', `not a transaction of ${releaser.id} sent for ${admin.ori}`, { field: 'transaction' });
    }
    context.within(admin, releaseOri);
    if (body.ori !== undefined && body.ori !== releaseOri) {
      throw new CletsError('CLETS_ERR_REQUEST_INVALID', `the transaction was sent for ${releaseOri}, not ${body.ori}`, { field: 'ori' });
    }
    const { ori: _ori, transaction: _transaction, information, ...entry } = body;
    return {
      status: 201, target: body.requestingAgency, ori: releaseOri,
      detail: { releasedOn: body.releasedOn, requester: body.requester, transmittedBy: body.transmittedBy, releasedBy: releaser.id, transactionSeq: released.transactionSeq },
      apply: (auditSeq) => ({
        release: releaseLog.recordRelease({
          ...entry, information: information ?? informationOf(released), ori: releaseOri, recordedBy: admin.id,
          transaction: linkOf(released), recordedInSeq: auditSeq,
        }, context.clock()),
      }),
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
