/**
 * The administration API (fastify, under `/v1/admin`), for switch administrators and Agency
 * CLETS Coordinators, one plugin per resource:
 *   session-routes.ts       log in, log out
 *   operator-routes.ts      operators, their certification, deactivation, unlock
 *   terminal-routes.ts      terminals
 *   review-queue-routes.ts  the misuse review queue
 *   release-routes.ts       the third-party release log
 *   case-routes.ts          misuse investigations, from opening to finding and sanction
 *   misuse-report-routes.ts the annual misuse report's submission to DOJ
 *   personnel-routes.ts     staff with access who are not operators, and their training
 *   agency-routes.ts        each agency's record for DOJ and the changes to notify
 *   incident-routes.ts      the SPOC's security incidents
 *   report-routes.ts        the coordinator's reports
 *
 * This plugin gives them what they share (admin-context.ts): every call but the login is
 * authenticated before its request is read (a caller without a session learns nothing of
 * what a body must be), a bootstrap account may only create the first administrator, and
 * every call is audited (`admin_action`), a refused one too, a malformed request included.
 *
 * Errors answer `{ "error": { "code", "message", "field"? } }` with the error table's status.
 */
import type { FastifyPluginAsync } from 'fastify';
import { documentRoutes } from '@clets/openapi';
import { CletsError, toCletsError } from '@clets/protocol';
import { bearer, errorReply, httpFailure, isValidationFailure } from '../http-contract.js';
import { ADMIN_SESSION } from '../openapi-document.js';
import { catalogueRequiresRouteTo } from '../../reports/route-to-keys.js';
import { BOOTSTRAP_ACTIONS, createAdminContext, DEFAULT_ROUTE_ROLES, routeConfigOf, type AdminContext, type AdminRouteConfig } from './admin-context.js';
import { AdminSessions, type ConfigAdministrator } from './admin-sessions.js';
import { caseRoutes } from './case-routes.js';
import { misuseReportRoutes } from './misuse-report-routes.js';
import { agencyRoutes } from './agency-routes.js';
import { incidentRoutes } from './incident-routes.js';
import { operatorRoutes } from './operator-routes.js';
import { personnelRoutes } from './personnel-routes.js';
import { releaseRoutes } from './release-routes.js';
import { reportRoutes } from './report-routes.js';
import { reviewQueueRoutes } from './review-queue-routes.js';
import { sessionRoutes } from './session-routes.js';
import { terminalRoutes } from './terminal-routes.js';

export interface AdminApiOptions {
  readonly security: AdminContext['security'];
  /** The switch's audit store: every call appends an `admin_action` row; reports read through `query`. */
  readonly audit: AdminContext['audit'];
  readonly clock: () => number;
  readonly switchId: string;
  readonly configAdministrators?: readonly ConfigAdministrator[];
  /** The administrator sessions, when shared with other routes (the audit reads); default: its own. */
  readonly sessions?: AdminSessions;
  /** Whether a message key needs a route-to (default: the catalogue's rule). */
  readonly requiresRouteTo?: (messageKey: string) => boolean;
}

/** The prefix of every administration route. */
export const ADMIN_PREFIX = '/v1/admin';

export const adminApi: FastifyPluginAsync<AdminApiOptions> = async (fastify, options) => {
  const context = createAdminContext({
    security: options.security, audit: options.audit, clock: options.clock, switchId: options.switchId,
    sessions: options.sessions ?? new AdminSessions(options.security.policy, options.security.hasher, options.configAdministrators ?? []),
    requiresRouteTo: options.requiresRouteTo ?? catalogueRequiresRouteTo,
  });

  await fastify.register(async (scope) => {
    // What the hooks below do to every route, in the API's document: the token, and the
    // audit row that must be written before anything is answered.
    documentRoutes(scope, (route) => ((route.config as AdminRouteConfig | undefined)?.login === true
      ? { errors: ['CLETS_ERR_AUDIT_UNAVAILABLE'] }
      : { security: ADMIN_SESSION, errors: ['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_NOT_PERMITTED', 'CLETS_ERR_AUDIT_UNAVAILABLE'] }));

    scope.setErrorHandler((error: unknown, _request, reply) => {
      const failure = httpFailure(error);
      void reply.status(failure.httpStatus).send(errorReply(failure));
    });

    // Who calls, before what they sent is read.
    scope.addHook('preValidation', async (request) => {
      const config = routeConfigOf(request);
      if (config.login === true) return;
      let admin;
      try {
        admin = context.sessions.authenticate(bearer(request), context.clock());
        if (admin.source === 'config' && !BOOTSTRAP_ACTIONS.has(config.action)) {
          throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'a bootstrap account only creates the first administrator');
        }
        if (config.administratorsOnly !== undefined) context.administratorOnly(admin, config.administratorsOnly);
        if (admin.source === 'operator' && !(config.roles ?? DEFAULT_ROUTE_ROLES).includes(admin.role)) {
          throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${config.action}: not for a ${admin.role}`);
        }
      } catch (error) {
        const failure = toCletsError(error);
        await context.auditRefusal(request, config.action, admin, failure);
        throw failure;
      }
      context.authenticated(request, admin);
    });

    // A request its schema refused is a refused call: audited like any other.
    scope.addHook('onError', async (request, _reply, error) => {
      if (!isValidationFailure(error)) return;
      const config = routeConfigOf(request);
      await context.auditRefusal(request, config.action, context.adminOf(request), httpFailure(error));
    });

    for (const resource of [sessionRoutes, operatorRoutes, terminalRoutes, reviewQueueRoutes, releaseRoutes, caseRoutes, misuseReportRoutes, personnelRoutes, agencyRoutes, incidentRoutes, reportRoutes]) {
      await scope.register(resource, context);
    }
  }, { prefix: ADMIN_PREFIX });
};
