/**
 * What every resource of the administration API shares: who is calling, what they may touch,
 * and the audit of every call. A call is authenticated before its request is even read
 * (the `preValidation` hook of admin-api.ts), then planned, audited, and only then applied:
 * nothing is changed that cannot be audited (CJIS: privileged actions, access and permission
 * changes, password changes are audit events), and a refused call is audited too.
 *
 * Who may do what (the sources are silent; README.md): an ACC acts for their own agency only,
 * grants FAO, LTFAO and PRACTITIONER roles only, and registers no terminals; nobody changes
 * their own role, deactivates themselves or closes a review item about themselves.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CletsError, toCletsError, type OperatorRole } from '@clets/protocol';
import type { AuditSink, SwitchAuditEvent } from '../../audit/types.js';
import type { QueryableAudit } from '../../reports/audit-source.js';
import type { CjisSecurity } from '../../security/cjis-security.js';
import type { OperatorRecord } from '../../security/operator-store.js';
import type { ReleaseAuditSource } from '../../security/release-recorder.js';
import type { CaseEvidence } from '../../security/misuse-cases.js';
import { auditScopeOf } from './audit-scope.js';
import { loginFailureReason } from '../../security/policy.js';
import type { AdminPrincipal, AdminSessions } from './admin-sessions.js';
import { operatorView } from './admin-schemas.js';

/** What a route says of itself, in its fastify `config`. */
export interface AdminRouteConfig {
  /** The action its audit rows name (`operators.create`, `review_queue.close`...). */
  readonly action: string;
  /** No session needed: the login itself. */
  readonly login?: true;
  /** Administrators only, whatever the body says: refused before it is read (the reason's subject). */
  readonly administratorsOnly?: string;
  /** The administering roles that may call it (default: ADMINISTRATOR and ACC; a SPOC only where a route names it). */
  readonly roles?: readonly OperatorRole[];
}

/** Who may call a route that names no roles: the switch's administrators and the agencies' coordinators. */
export const DEFAULT_ROUTE_ROLES: readonly OperatorRole[] = ['ADMINISTRATOR', 'ACC'];

/** What a handler decided: audited, then applied. */
export interface Plan<T> {
  readonly target?: string;
  readonly ori?: string | null;
  readonly detail?: Record<string, unknown>;
  readonly status?: number;
  /** Makes the change, once its audit row (`auditSeq`) is committed. */
  apply(auditSeq: number): T | Promise<T>;
}

export interface AdminContext {
  readonly security: Pick<CjisSecurity,
    'policy' | 'store' | 'hasher' | 'reviewQueue' | 'releaseLog' | 'cases' | 'submissions' | 'personnel' | 'agencyRecords' | 'incidents' | 'settings'>;
  /**
   * The switch's audit store: every call appends an `admin_action` row; reports read through
   * `query`, the release log looks transactions up through `search`.
   */
  readonly audit: Pick<AuditSink, 'append'> & Partial<QueryableAudit> & Partial<Pick<ReleaseAuditSource, 'search'>>;
  readonly clock: () => number;
  readonly sessions: AdminSessions;
  /** Whether a message key needs a route-to (the route-to compliance report). */
  readonly requiresRouteTo: (messageKey: string) => boolean;
  /** Appends one audit row of this call (an `admin_action`, unless another type is given). */
  auditRow(request: FastifyRequest, event: Omit<SwitchAuditEvent, 'at' | 'sourceAddress' | 'switchId' | 'type'> & { type?: SwitchAuditEvent['type'] }): Promise<{ seq: number }>;
  /** Audits a refused call; a failure to audit it is not the caller's problem. */
  auditRefusal(request: FastifyRequest, action: string, admin: AdminPrincipal | undefined, failure: CletsError, claimed?: string): Promise<void>;
  /** The administrator the `preValidation` hook authenticated for this request. */
  adminOf(request: FastifyRequest): AdminPrincipal | undefined;
  /** Remembers the administrator of a request (the `preValidation` hook). */
  authenticated(request: FastifyRequest, admin: AdminPrincipal): void;
  /** Plans, audits, applies; returns the status and result to answer with. */
  run<T>(request: FastifyRequest, plan: (admin: AdminPrincipal) => Plan<T> | Promise<Plan<T>>): Promise<{ status: number; result: T }>;
  /** `run`, then the answer. */
  handle<T>(request: FastifyRequest, reply: FastifyReply, plan: (admin: AdminPrincipal) => Plan<T> | Promise<Plan<T>>): Promise<FastifyReply>;
  /**
   * Audit rows referred to as evidence (a misuse case's, an incident's): the read recorded
   * first (`audit_read`, CJIS: any access to the audit log), then each row checked to be one
   * the administrator may read (audit-scope.ts). Another agency's row, one of the switch's
   * own and a seq past the end answer alike: CLETS_ERR_NOT_FOUND.
   */
  auditEvidence(request: FastifyRequest, admin: AdminPrincipal, seqs: readonly number[], action: string): Promise<CaseEvidence[]>;
  /** Refuses an agency the administrator may not act for, or one this switch does not serve. */
  within(admin: AdminPrincipal, targetOri: string): void;
  /** A bootstrap account creates an ADMINISTRATOR, and only while the switch has none (not deactivated). */
  firstAdministratorOnly(admin: AdminPrincipal, granted: OperatorRole): void;
  administratorOnly(admin: AdminPrincipal, what: string): void;
  /** Refuses a role the administrator may not give (or take away). */
  mayGrant(admin: AdminPrincipal, granted: OperatorRole): void;
  /** An operator the administrator may act on; throws 404 or 403. */
  operatorFor(admin: AdminPrincipal, id: string): OperatorRecord;
  /**
   * An operator the administrator may change (account, certification facts, deactivation,
   * unlock): an ACC changes only the roles they may grant, and themselves; throws 404 or 403.
   */
  operatorToChange(admin: AdminPrincipal, id: string): OperatorRecord;
  /** An operator as the API shows it, now. */
  view(record: OperatorRecord): ReturnType<typeof operatorView>;
}

export interface AdminContextOptions {
  readonly security: AdminContext['security'];
  readonly audit: AdminContext['audit'];
  readonly clock: () => number;
  readonly switchId: string;
  readonly sessions: AdminSessions;
  readonly requiresRouteTo: (messageKey: string) => boolean;
}

/**
 * What a bootstrap account (`security.administrators` in the switch's configuration) may do:
 * create the first administrator, and end its session. Nothing else: a configured secret
 * must not be a standing key to operators, terminals or the audit log.
 */
export const BOOTSTRAP_ACTIONS: ReadonlySet<string> = new Set(['operators.create', 'logout']);

/** Roles an Agency CLETS Coordinator may give; the others need an administrator. */
const ACC_GRANTABLE: ReadonlySet<OperatorRole> = new Set(['FAO', 'LTFAO', 'PRACTITIONER']);

/** The route's own description of itself. */
export function routeConfigOf(request: FastifyRequest): AdminRouteConfig {
  return request.routeOptions.config as unknown as AdminRouteConfig;
}

export function createAdminContext(options: AdminContextOptions): AdminContext {
  const { security, audit, clock, switchId, sessions } = options;
  const { store } = security;
  const admins = new WeakMap<FastifyRequest, AdminPrincipal>();

  const context: AdminContext = {
    security, audit, clock, sessions, requiresRouteTo: options.requiresRouteTo,

    auditRow: (request, event) => audit.append({ type: 'admin_action', at: clock(), sourceAddress: request.ip, switchId, ...event }),

    async auditRefusal(request, action, admin, failure, claimed) {
      const denied = failure.code === 'CLETS_ERR_ADMIN_NOT_PERMITTED' || failure.code === 'CLETS_ERR_ADMIN_TOKEN_INVALID';
      const reason = loginFailureReason(failure);
      try {
        await context.auditRow(request, {
          outcome: denied ? 'denied' : 'rejected', code: failure.code, operatorId: admin?.id ?? claimed ?? '',
          ...(admin?.ori ? { ori: admin.ori } : {}),
          // A refused login answers one code whatever was wrong; what was wrong is kept here.
          detail: { action, method: request.method, url: request.url.split('?')[0], ...(reason === undefined ? {} : { reason }) },
        });
      } catch {
        // The audit store raises its own alert; the refusal stands.
      }
    },

    adminOf: (request) => admins.get(request),
    authenticated: (request, admin) => { admins.set(request, admin); },

    async run(request, plan) {
      const { action } = routeConfigOf(request);
      const admin = admins.get(request);
      if (admin === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'log in with POST /v1/admin/sessions');
      let planned;
      try {
        planned = await plan(admin);
      } catch (error) {
        const failure = toCletsError(error);
        await context.auditRefusal(request, action, admin, failure);
        throw failure;
      }
      // Audited before it takes effect: nothing is changed that cannot be audited.
      const { seq } = await context.auditRow(request, {
        outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}),
        detail: { action, ...(planned.target === undefined ? {} : { target: planned.target }), ...(planned.ori ? { targetOri: planned.ori } : {}), ...planned.detail },
      });
      try {
        return { status: planned.status ?? 200, result: await planned.apply(seq) };
      } catch (error) {
        const failure = toCletsError(error);
        await context.auditRefusal(request, `${action}.apply`, admin, failure);
        throw failure;
      }
    },

    async handle(request, reply, plan) {
      const { status, result } = await context.run(request, plan);
      return reply.status(status).send(result);
    },

    async auditEvidence(request, admin, wanted, action) {
      if (wanted.length === 0) return [];
      const query = audit.query?.bind(audit);
      if (query === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', 'this switch\'s audit log cannot be read for evidence');
      const scope = auditScopeOf(admin);
      await context.auditRow(request, {
        type: 'audit_read', outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}),
        detail: { action, seqs: [...wanted], scope: scope.ori ?? 'switch' },
      });
      return [...new Set(wanted)].map((seq) => {
        const row = query({ afterSeq: seq - 1, limit: 1 })[0];
        if (row === undefined || row.seq !== seq || (scope.ori !== null && row.ori !== scope.ori)) {
          throw new CletsError('CLETS_ERR_NOT_FOUND', `audit row ${seq}: no row ${scope.ori === null ? 'of this switch' : `of ${scope.ori}`} with that number`, { field: 'auditSeqs' });
        }
        return {
          seq: row.seq, at: row.at, type: row.type, operatorId: row.operatorId ?? null, terminal: row.terminal ?? null, ori: row.ori ?? null,
          messageKey: row.messageKey ?? null, outcome: row.outcome, hash: row.hash,
        };
      });
    },

    within(admin, targetOri) {
      if (admin.ori !== null && admin.ori !== targetOri) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${admin.id} acts for ${admin.ori} only`);
      if (store.agency(targetOri) === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `agency ${targetOri} is not served by this switch`, { field: 'ori' });
    },

    firstAdministratorOnly(admin, granted) {
      if (admin.source !== 'config') return;
      if (granted !== 'ADMINISTRATOR') throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'a bootstrap account creates an ADMINISTRATOR only', { field: 'role' });
      const existing = store.operators({ role: 'ADMINISTRATOR' }).find((operator) => !operator.deactivated);
      if (existing !== undefined) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'this switch has an administrator: the bootstrap account creates only the first');
    },

    administratorOnly(admin, what) {
      if (admin.role !== 'ADMINISTRATOR') throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${what}: administrators only`);
    },

    mayGrant(admin, granted) {
      if (admin.role !== 'ADMINISTRATOR' && !ACC_GRANTABLE.has(granted)) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `only administrators grant ${granted}`, { field: 'role' });
    },

    operatorFor(admin, id) {
      const record = store.operator(id);
      if (record === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `operator ${id}`);
      context.within(admin, record.ori);
      return record;
    },

    operatorToChange(admin, id) {
      const record = context.operatorFor(admin, id);
      // An ACC who could reset an administrator's password or second factor, or lock them out,
      // would hold the administrator's powers: the people above an ACC are changed from above.
      if (admin.role !== 'ADMINISTRATOR' && id !== admin.id && !ACC_GRANTABLE.has(record.role)) {
        throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `operator ${id} is ${record.role}: only administrators change that role's accounts`);
      }
      return record;
    },

    view: (record) => operatorView(record, security, clock()),
  };
  return context;
}
