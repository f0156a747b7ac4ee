/**
 * Administrator sessions: `POST /v1/admin/sessions` logs in (operator id, password and TOTP
 * code: CJIS multi-factor, privileged accounts no exception) and gives a bearer token;
 * `DELETE /v1/admin/sessions/current` ends it. Both are audited, a refused login too, under
 * the id it claimed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { OPERATOR_ROLES, toCletsError } from '@clets/protocol';
import { bearer, errorResponses, withZod } from '../http-contract.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';

const loginBody = z.strictObject({ operatorId: z.string().min(1).max(32), password: z.string().min(1).max(1024), totpCode: z.string().min(1).max(12) });

export const loginAnswer = z.object({
  token: z.string(),
  administrator: z.object({ id: z.string(), role: z.enum(OPERATOR_ROLES), ori: z.string().nullable(), source: z.enum(['operator', 'config']) }),
  expiresAtMs: z.number(),
  /** What needs the administrator's attention now: the annual misuse report when it is due and not marked submitted. */
  notices: z.array(z.string()),
}).meta({ title: 'AdminSession' });

export const sessionRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);

  app.post('/sessions', {
    config: { action: 'login', login: true } satisfies AdminRouteConfig,
    schema: {
      summary: 'Log in an administrator (password and TOTP code): a bearer token', errors: ['CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_ACCOUNT_LOCKED', 'CLETS_ERR_OPERATOR_DEACTIVATED', 'CLETS_ERR_CERT_BACKGROUND',
        'CLETS_ERR_CERT_AWARENESS', 'CLETS_ERR_CERT_LIABILITY', 'CLETS_ERR_AGENCY_INACTIVE'],
      body: loginBody, response: { 201: loginAnswer, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body;
    try {
      const login = await context.sessions.login(body.operatorId, body.password, body.totpCode, context.clock());
      await context.auditRow(request, { outcome: 'success', operatorId: login.principal.id, ...(login.principal.ori ? { ori: login.principal.ori } : {}), detail: { action: 'login', source: login.principal.source } });
      const { security } = context;
      const oris = login.principal.source === 'config' ? []
        : login.principal.ori !== null ? [login.principal.ori] : security.store.agencies().filter((agency) => agency.active).map((agency) => agency.ori);
      const notices = security.submissions.owed(oris, context.clock()).map((reminder) => reminder.text);
      return reply.status(201).send({ token: login.token, administrator: login.principal, expiresAtMs: login.expiresAt, notices });
    } catch (error) {
      const failure = toCletsError(error);
      await context.auditRefusal(request, 'login', undefined, failure, body.operatorId);
      throw failure;
    }
  });

  app.delete('/sessions/current', {
    config: { action: 'logout', roles: OPERATOR_ROLES } satisfies AdminRouteConfig,
    schema: {
      summary: 'End this administrator session',
      response: { 204: z.null().describe('the session is ended'), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, () => ({
    status: 204, apply: () => { context.sessions.logout(bearer(request)); return undefined; },
  })));
};
