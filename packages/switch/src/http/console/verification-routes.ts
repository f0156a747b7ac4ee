/**
 * `GET /v1/audit/verification`: the audit chain's last verification (chain-verification.ts);
 * `POST /v1/audit/verification`: start one (administrators only: it reads every row of the
 * switch), answered at once with the status. Both are audit reads and audited as such, a
 * refused one too (CJIS: any access to the audit log).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CletsError, toCletsError } from '@clets/protocol';
import type { AuditSink } from '../../audit/types.js';
import type { AdminPrincipal, AdminSessions } from '../admin/admin-sessions.js';
import { auditScopeOf } from '../admin/audit-scope.js';
import { bearer, errorResponses, withZod } from '../http-contract.js';
import { ADMIN_SESSION } from '../openapi-document.js';
import type { ChainVerification } from './chain-verification.js';

export interface VerificationRoutesOptions {
  readonly switchId: string;
  readonly clock: () => number;
  readonly audit: Pick<AuditSink, 'append'>;
  readonly sessions: AdminSessions | undefined;
  readonly verification: ChainVerification;
}

const run = z.object({
  startedAt: z.number().describe('epoch ms'), finishedAt: z.number().describe('epoch ms'), ok: z.boolean(),
  rows: z.number().int().describe('rows that verified'), headSeq: z.number().int().describe('the last row whose hash verified'),
  firstBadSeq: z.number().int().nullable(), reason: z.string().nullable(), by: z.string(),
});

export const chainVerificationSchema = z.object({
  state: z.enum(['never', 'running', 'done']),
  last: run.nullable(),
  runningSince: z.number().nullable().describe('epoch ms'),
}).meta({ title: 'ChainVerification', description: 'The audit chain\'s last verification, and whether one is running' });

export const verificationRoutes: FastifyPluginAsync<VerificationRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const { audit, clock, switchId, verification } = options;

  const reader = async (request: FastifyRequest, action: string, administratorsOnly: boolean): Promise<AdminPrincipal> => {
    const at = clock();
    let admin: AdminPrincipal | undefined;
    try {
      if (options.sessions === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'the audit log needs administrator accounts (security.policy cjis)');
      admin = options.sessions.authenticate(bearer(request), at);
      auditScopeOf(admin);
      if (administratorsOnly && admin.role !== 'ADMINISTRATOR') throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'verifying the whole chain: administrators only');
    } catch (error) {
      const failure = toCletsError(error);
      await audit.append({
        type: 'audit_read', at, outcome: 'denied', code: failure.code, operatorId: admin?.id ?? '', ...(admin?.ori ? { ori: admin.ori } : {}),
        sourceAddress: request.ip, switchId, detail: { action },
      }).catch(() => undefined);
      throw failure;
    }
    await audit.append({
      type: 'audit_read', at, outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}),
      sourceAddress: request.ip, switchId, detail: { action },
    });
    return admin;
  };

  const errors = ['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_NOT_PERMITTED', 'CLETS_ERR_AUDIT_UNAVAILABLE'] as const;

  app.get('/v1/audit/verification', {
    schema: {
      summary: 'The audit chain\'s last verification, and whether one is running',
      security: ADMIN_SESSION, errors: [...errors], response: { 200: chainVerificationSchema, ...errorResponses },
    },
  }, async (request) => {
    await reader(request, 'verification.read', false);
    return verification.status();
  });

  app.post('/v1/audit/verification', {
    schema: {
      summary: 'Start a verification of the whole chain off the request path (administrators only); answers at once',
      security: ADMIN_SESSION, errors: [...errors], response: { 202: chainVerificationSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const admin = await reader(request, 'verify', true);
    void verification.start(admin.id);
    return reply.status(202).send(verification.status());
  });
};
