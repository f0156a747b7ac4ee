/**
 * The administration API (fastify), for switch administrators and Agency CLETS Coordinators:
 * operators (create, update, deactivate; training, exams, statements, background checks;
 * unlock), terminals (register, change), the misuse review queue (read, close with a
 * finding), the third-party release log, and the coordinator's reports.
 *
 * Every call is audited (`admin_action`), refused ones too; a change is audited before it
 * takes effect, and not made when the audit row cannot be written (CJIS: privileged actions,
 * access and permission changes, password changes are audit events). Secrets are never
 * audited or returned, except a generated TOTP secret or device secret, once, to its creator.
 *
 * Who may do what (the sources are silent; README.md): an ACC acts for their own agency only,
 * grants FAO, LTFAO and PRACTITIONER roles only, and registers no terminals; nobody changes
 * their own role, deactivates themselves or closes a review item about themselves.
 *
 * Errors answer `{ "error": { "code", "message", "field"? } }` with the error table's status.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { base32Encode, CletsError, OPERATOR_ROLES, TERMINAL_CLASSES, toCletsError } from '@clets/protocol';
import type { AuditSink, SwitchAuditEvent } from '../audit/types.js';
import { rowsFromStore, REPORT_ROW_TYPES, type QueryableAudit } from '../reports/audit-source.js';
import { buildReport, REPORT_NAMES } from '../reports/coordinator-reports.js';
import { TRANSMISSION_METHODS } from '../security/release-log.js';
import { renderReport } from '../reports/report-format.js';
import { catalogueRequiresRouteTo } from '../reports/route-to-keys.js';
import { checkPasswordPolicy } from '../security/banned-passwords.js';
import { certificationLapse, dayOf, dayOfInstant, lapseDates } from '../security/certification.js';
import type { CjisSecurity } from '../security/cjis-security.js';
import { deviceSecretDigest, type OperatorChanges, type OperatorRecord, type TerminalRecord } from '../security/operator-store.js';
import { loginFailureReason, type OperatorRole } from '../security/policy.js';
import { AdminSessions, type AdminPrincipal, type ConfigAdministrator } from './admin-sessions.js';

export interface AdminRoutesDeps {
  readonly security: Pick<CjisSecurity, 'policy' | 'store' | 'hasher' | 'reviewQueue' | 'releaseLog' | 'settings'>;
  /** The switch's audit store: every call appends an `admin_action` row; reports read through `query`. */
  readonly audit: Pick<AuditSink, 'append'> & Partial<QueryableAudit>;
  readonly clock: () => number;
  readonly switchId: string;
  readonly configAdministrators?: readonly ConfigAdministrator[];
  /** The administrator sessions, when shared with other routes (the audit search); default: its own. */
  readonly sessions?: AdminSessions;
  /** Route prefix; default '/v1/admin'. */
  readonly prefix?: string;
  /** Whether a message key needs a route-to (default: the catalogue's rule). */
  readonly requiresRouteTo?: (messageKey: string) => boolean;
}

// --- request schemas -------------------------------------------------------------------------

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine((value) => {
  try {
    return new Date(dayOf(value) * 86_400_000).toISOString().startsWith(value);
  } catch {
    return false;
  }
}, 'not a calendar date');
const ori = z.string().regex(/^[A-Z]{2}[0-9A-Z]{7}$/, 'an ORI: 2 letters and 7 letters or digits');
const operatorId = z.string().regex(/^[A-Z0-9]{2,16}$/, '2-16 upper-case letters or digits');
const role = z.enum(OPERATOR_ROLES);
const upperText = (max: number) => z.string().trim().min(1).max(max).transform((value) => value.toUpperCase());
const name = z.strictObject({ last: upperText(40), first: upperText(40) });
const address = z.strictObject({ street: upperText(80), city: upperText(40).optional(), zip: z.string().regex(/^\d{5}$/) });
const relative = z.strictObject({ last: upperText(40), first: upperText(40), dob: z.string().regex(/^\d{8}$/, 'CCYYMMDD') });
const terminalClass = z.enum(TERMINAL_CLASSES);
const messageKeys = z.array(z.string().regex(/^[A-Z]{2,3}$/)).max(64);

const loginBody = z.strictObject({ operatorId: z.string().min(1).max(32), password: z.string().min(1).max(1024), totpCode: z.string().min(1).max(12) });

const createOperatorBody = z.strictObject({
  id: operatorId, name, ori, role,
  password: z.string().min(1).max(1024),
  appointedOn: isoDate,
  trainedOn: isoDate.optional(),
  examTakenOn: isoDate.optional(),
  examScore: z.number().min(0).max(100).optional(),
  employeeStatementSignedOn: isoDate.optional(),
  dmvStatementSignedOn: isoDate.optional(),
  backgroundCheck: z.enum(['cleared', 'pending', 'failed']).default('pending'),
  personId: z.string().min(1).max(16).optional(),
  homeAddress: address.optional(),
  relatives: z.array(relative).max(50).default([]),
}).refine((body) => (body.examTakenOn === undefined) === (body.examScore === undefined), { message: 'give examTakenOn and examScore together', path: ['examScore'] });

const updateOperatorBody = z.strictObject({
  name: name.optional(),
  ori: ori.optional(),
  role: role.optional(),
  password: z.string().min(1).max(1024).optional(),
  personId: z.string().min(1).max(16).nullable().optional(),
  homeAddress: address.nullable().optional(),
  relatives: z.array(relative).max(50).optional(),
  /** A new TOTP secret (lost authenticator); returned once. */
  resetSecondFactor: z.literal(true).optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

const deactivateBody = z.strictObject({ reason: upperText(200) });
const trainingBody = z.strictObject({ trainedOn: isoDate });
const examBody = z.strictObject({ takenOn: isoDate, score: z.number().min(0).max(100) });
const statementBody = z.strictObject({ kind: z.enum(['dmv', 'employee']), signedOn: isoDate });
const backgroundBody = z.strictObject({ result: z.enum(['cleared', 'pending', 'failed']) });

const registerTerminalBody = z.strictObject({
  mnemonic: z.string().regex(/^[A-Z0-9]{4}$/, '4 upper-case letters or digits'),
  ori,
  class: terminalClass,
  /** At least 128 bits; absent: one is generated and returned once. */
  deviceSecret: z.string().min(16).max(256).optional(),
  certificateSubject: z.string().min(1).max(512).optional(),
  allowedKeys: messageKeys.optional(),
});
const updateTerminalBody = z.strictObject({
  class: terminalClass.optional(),
  allowedKeys: messageKeys.nullable().optional(),
  certificateSubject: z.string().min(1).max(512).nullable().optional(),
  active: z.boolean().optional(),
  rotateSecret: z.literal(true).optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

const listOperatorsQuery = z.strictObject({ ori: ori.optional(), role: role.optional() });
const listTerminalsQuery = z.strictObject({ ori: ori.optional() });
const reviewQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(), from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional(),
  operatorId: z.string().max(32).optional(), kind: z.string().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
const closeReviewBody = z.strictObject({ finding: z.string().trim().min(3).max(1000) });
const releaseBody = z.strictObject({
  releasedOn: isoDate, requester: upperText(80), requestingAgency: upperText(120), information: upperText(500),
  transmittedBy: z.enum(TRANSMISSION_METHODS), ori: ori.optional(), releasedBy: z.string().min(1).max(32), caseNumber: upperText(20).optional(),
});
const releasesQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional() });
const reportQuery = z.strictObject({
  from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional(),
  days: z.coerce.number().int().min(1).max(366).optional(), year: z.coerce.number().int().min(1970).max(9999).optional(),
  format: z.enum(['text', 'csv', 'json']).default('json'),
});
const idParam = z.strictObject({ id: z.string().min(1).max(32) });
const numericIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
const mnemonicParam = z.strictObject({ mnemonic: z.string().min(1).max(8) });
const reportParam = z.strictObject({ report: z.enum(REPORT_NAMES) });

/**
 * What a bootstrap account (`security.administrators` in the switch's configuration) may do:
 * create the first administrator, and end its session. Nothing else: a configured secret
 * must not be a standing key to operators, terminals or the audit log.
 */
const BOOTSTRAP_ACTIONS: ReadonlySet<string> = new Set(['operators.create', 'logout']);

/** Roles an Agency CLETS Coordinator may give; the others need an administrator. */
const ACC_GRANTABLE: ReadonlySet<OperatorRole> = new Set(['FAO', 'LTFAO', 'PRACTITIONER']);

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new CletsError('CLETS_ERR_REQUEST_INVALID', `${where}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`, path ? { field: path } : {});
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

function otpauthUri(id: string, secret: string): string {
  return `otpauth://totp/CLETS:${encodeURIComponent(id)}?secret=${secret}&issuer=CLETS&digits=6&period=30`;
}

// --- the plugin ------------------------------------------------------------------------------

/** What a handler decided: audited, then applied. */
interface Plan<T> {
  readonly target?: string;
  readonly ori?: string | null;
  readonly detail?: Record<string, unknown>;
  readonly status?: number;
  apply(): T | Promise<T>;
}

export async function registerAdminRoutes(app: FastifyInstance, deps: AdminRoutesDeps): Promise<void> {
  const { security, audit, clock, switchId } = deps;
  const { store, policy, reviewQueue, releaseLog, settings } = security;
  const sessions = deps.sessions ?? new AdminSessions(policy, security.hasher, deps.configAdministrators ?? []);
  const prefix = deps.prefix ?? '/v1/admin';
  const requiresRouteTo = deps.requiresRouteTo ?? catalogueRequiresRouteTo;

  const auditRow = (request: FastifyRequest, event: Omit<SwitchAuditEvent, 'at' | 'sourceAddress' | 'switchId' | 'type'> & { type?: SwitchAuditEvent['type'] }) =>
    audit.append({ type: 'admin_action', at: clock(), sourceAddress: request.ip, switchId, ...event });

  /** Audits a refused call; a failure to audit it is not the caller's problem. */
  const auditRefusal = async (request: FastifyRequest, action: string, admin: AdminPrincipal | undefined, failure: CletsError, claimed?: string): Promise<void> => {
    const denied = failure.code === 'CLETS_ERR_ADMIN_NOT_PERMITTED' || failure.code === 'CLETS_ERR_ADMIN_TOKEN_INVALID';
    const reason = loginFailureReason(failure);
    try {
      await auditRow(request, {
        outcome: denied ? 'denied' : 'rejected', code: failure.code, operatorId: admin?.id ?? claimed ?? '',
        ...(admin?.ori ? { ori: admin.ori } : {}),
        // A refused login answers one code whatever was wrong; what was wrong is kept here.
        detail: { action, method: request.method, url: request.url.split('?')[0], ...(reason === undefined ? {} : { reason }) },
      });
    } catch {
      // The audit store raises its own alert; the refusal stands.
    }
  };

  /** Authenticates, plans, audits, applies; returns the status and result to answer with. */
  const run = async <T>(request: FastifyRequest, action: string, plan: (admin: AdminPrincipal) => Plan<T> | Promise<Plan<T>>): Promise<{ status: number; result: T }> => {
    let admin: AdminPrincipal | undefined;
    let planned: Plan<T>;
    try {
      admin = sessions.authenticate(bearer(request), clock());
      if (admin.source === 'config' && !BOOTSTRAP_ACTIONS.has(action)) {
        throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'a bootstrap account only creates the first administrator');
      }
      planned = await plan(admin);
    } catch (error) {
      const failure = toCletsError(error);
      await auditRefusal(request, action, admin, failure);
      throw failure;
    }
    // Audited before it takes effect: nothing is changed that cannot be audited.
    await auditRow(request, {
      outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}),
      detail: { action, ...(planned.target === undefined ? {} : { target: planned.target }), ...(planned.ori ? { targetOri: planned.ori } : {}), ...planned.detail },
    });
    try {
      return { status: planned.status ?? 200, result: await planned.apply() };
    } catch (error) {
      const failure = toCletsError(error);
      await auditRefusal(request, `${action}.apply`, admin, failure);
      throw failure;
    }
  };

  const handle = async <T>(request: FastifyRequest, reply: FastifyReply, action: string, plan: (admin: AdminPrincipal) => Plan<T> | Promise<Plan<T>>): Promise<FastifyReply> => {
    const { status, result } = await run(request, action, plan);
    return reply.status(status).send(result);
  };

  const within = (admin: AdminPrincipal, targetOri: string): void => {
    if (admin.ori !== null && admin.ori !== targetOri) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${admin.id} acts for ${admin.ori} only`);
    if (store.agency(targetOri) === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `agency ${targetOri} is not served by this switch`, { field: 'ori' });
  };
  /** A bootstrap account creates an ADMINISTRATOR, and only while the switch has none (not deactivated). */
  const firstAdministratorOnly = (admin: AdminPrincipal, granted: OperatorRole): void => {
    if (admin.source !== 'config') return;
    if (granted !== 'ADMINISTRATOR') throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'a bootstrap account creates an ADMINISTRATOR only', { field: 'role' });
    const existing = store.operators({ role: 'ADMINISTRATOR' }).find((operator) => !operator.deactivated);
    if (existing !== undefined) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'this switch has an administrator: the bootstrap account creates only the first');
  };
  const administratorOnly = (admin: AdminPrincipal, what: string): void => {
    if (admin.role !== 'ADMINISTRATOR') throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${what}: administrators only`);
  };
  const mayGrant = (admin: AdminPrincipal, granted: OperatorRole): void => {
    if (admin.role !== 'ADMINISTRATOR' && !ACC_GRANTABLE.has(granted)) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `only administrators grant ${granted}`, { field: 'role' });
  };
  const operatorFor = (admin: AdminPrincipal, id: string): OperatorRecord => {
    const record = store.operator(id);
    if (record === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `operator ${id}`);
    within(admin, record.ori);
    return record;
  };
  const view = (record: OperatorRecord) => operatorView(record, security, clock());

  await app.register(async (scope) => {
    scope.setErrorHandler((error: unknown, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      const failure = error instanceof CletsError ? error
        : status === 413 ? new CletsError('CLETS_ERR_FRAME_TOO_LARGE')
          : status !== undefined && status < 500 ? new CletsError('CLETS_ERR_REQUEST_INVALID', (error as Error).message) : toCletsError(error);
      void reply.status(failure.httpStatus).send({ error: { code: failure.code, message: failure.message, ...(failure.field ? { field: failure.field } : {}) } });
    });

    // --- sessions ------------------------------------------------------------------------------
    scope.post('/sessions', async (request, reply) => {
      let claimed = '';
      try {
        const body = parse(loginBody, request.body, 'body');
        claimed = body.operatorId;
        const login = await sessions.login(body.operatorId, body.password, body.totpCode, clock());
        await auditRow(request, { outcome: 'success', operatorId: login.principal.id, ...(login.principal.ori ? { ori: login.principal.ori } : {}), detail: { action: 'login', source: login.principal.source } });
        return reply.status(201).send({ token: login.token, administrator: login.principal, expiresAtMs: login.expiresAt });
      } catch (error) {
        const failure = toCletsError(error);
        await auditRefusal(request, 'login', undefined, failure, claimed);
        throw failure;
      }
    });

    scope.delete('/sessions/current', async (request, reply) => handle(request, reply, 'logout', () => ({
      status: 204, apply: () => { sessions.logout(bearer(request)); return undefined; },
    })));

    // --- operators -----------------------------------------------------------------------------
    scope.get('/operators', async (request, reply) => handle(request, reply, 'operators.list', (admin) => {
      const query = parse(listOperatorsQuery, request.query, 'query');
      const wanted = admin.ori ?? query.ori;
      if (query.ori !== undefined) within(admin, query.ori);
      return { detail: { filter: query }, apply: () => ({ operators: store.operators({ ...(wanted ? { ori: wanted } : {}), ...(query.role ? { role: query.role } : {}) }).map(view) }) };
    }));

    scope.get('/operators/:id', async (request, reply) => handle(request, reply, 'operators.read', (admin) => {
      const { id } = parse(idParam, request.params, 'params');
      const record = operatorFor(admin, id);
      return { target: id, ori: record.ori, apply: () => ({ operator: view(record) }) };
    }));

    scope.post('/operators', async (request, reply) => handle(request, reply, 'operators.create', async (admin) => {
      const body = parse(createOperatorBody, request.body, 'body');
      firstAdministratorOnly(admin, body.role);
      within(admin, body.ori);
      mayGrant(admin, body.role);
      if (store.operator(body.id) !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${body.id} exists`, { field: 'id' });
      checkPasswordPolicy(body.password, { operatorId: body.id, lastName: body.name.last, firstName: body.name.first }, settings.passwords);
      const passwordHash = await security.hasher.hash(body.password);
      const totpSecret = newTotpSecret();
      return {
        status: 201, target: body.id, ori: body.ori,
        detail: { role: body.role, category: 'permission_change', certification: { appointedOn: body.appointedOn, trainedOn: body.trainedOn, examTakenOn: body.examTakenOn, examScore: body.examScore, backgroundCheck: body.backgroundCheck } },
        apply: () => {
          const created = store.createOperator({
            id: body.id, ori: body.ori, role: body.role, name: body.name, passwordHash, passwordChangedAt: clock(),
            totpSecret, totpLastStep: null, lockout: { failures: [], lockedAt: null }, deactivated: false,
            backgroundCheck: body.backgroundCheck, appointedOn: body.appointedOn, trainedOn: body.trainedOn ?? null,
            examTakenOn: body.examTakenOn ?? null, examScore: body.examScore ?? null,
            employeeStatementSignedOn: body.employeeStatementSignedOn ?? null, dmvStatementSignedOn: body.dmvStatementSignedOn ?? null,
            personId: body.personId ?? null, homeAddress: body.homeAddress === undefined ? null : { street: body.homeAddress.street, zip: body.homeAddress.zip },
            relatives: body.relatives,
          });
          if (created === undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${body.id} exists`, { field: 'id' });
          return { operator: view(created), secondFactor: { method: 'TOTP', secret: totpSecret, uri: otpauthUri(body.id, totpSecret) } };
        },
      };
    }));

    scope.patch('/operators/:id', async (request, reply) => handle(request, reply, 'operators.update', async (admin) => {
      const { id } = parse(idParam, request.params, 'params');
      const body = parse(updateOperatorBody, request.body, 'body');
      const record = operatorFor(admin, id);
      if (body.ori !== undefined) within(admin, body.ori);
      if (body.role !== undefined) {
        if (id === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody changes their own role', { field: 'role' });
        mayGrant(admin, body.role);
        mayGrant(admin, record.role);
      }
      const changes: { -readonly [K in keyof OperatorChanges]: OperatorChanges[K] } = {};
      const changed: Record<string, unknown> = {};
      if (body.name !== undefined) { changes.name = body.name; changed['name'] = body.name; }
      if (body.ori !== undefined) { changes.ori = body.ori; changed['ori'] = body.ori; }
      if (body.role !== undefined) { changes.role = body.role; changed['role'] = { from: record.role, to: body.role }; }
      if (body.personId !== undefined) { changes.personId = body.personId; changed['personId'] = body.personId; }
      if (body.homeAddress !== undefined) { changes.homeAddress = body.homeAddress === null ? null : { street: body.homeAddress.street, zip: body.homeAddress.zip }; changed['homeAddress'] = 'changed'; }
      if (body.relatives !== undefined) { changes.relatives = body.relatives; changed['relatives'] = body.relatives.length; }
      if (body.password !== undefined) {
        checkPasswordPolicy(body.password, { operatorId: id, lastName: record.name.last, firstName: record.name.first }, settings.passwords);
        changes.passwordHash = await security.hasher.hash(body.password);
        changes.passwordChangedAt = clock();
        changed['password'] = 'changed';
      }
      let totpSecret: string | undefined;
      if (body.resetSecondFactor === true) {
        totpSecret = newTotpSecret();
        changes.totpSecret = totpSecret;
        changes.totpLastStep = null;
        changed['secondFactor'] = 'reset';
      }
      const category = body.role !== undefined || body.ori !== undefined ? 'permission_change' : body.password !== undefined ? 'password_change' : 'account_change';
      return {
        target: id, ori: record.ori, detail: { category, changes: changed },
        apply: () => {
          const updated = store.updateOperator(id, changes)!;
          return { operator: view(updated), ...(totpSecret === undefined ? {} : { secondFactor: { method: 'TOTP', secret: totpSecret, uri: otpauthUri(id, totpSecret) } }) };
        },
      };
    }));

    const certificationRoute = (path: string, action: string, changesOf: (body: unknown) => { changes: OperatorChanges; detail: Record<string, unknown> }) => {
      scope.post(`/operators/:id/${path}`, async (request, reply) => handle(request, reply, action, (admin) => {
        const { id } = parse(idParam, request.params, 'params');
        const { changes, detail } = changesOf(request.body);
        const record = operatorFor(admin, id);
        for (const value of Object.values(changes)) {
          if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(value) > dayOfInstant(clock())) {
            throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'a date in the future', { field: Object.keys(changes)[0] ?? '' });
          }
        }
        return { target: id, ori: record.ori, detail: { category: 'certification', ...detail }, apply: () => ({ operator: view(store.updateOperator(id, changes)!) }) };
      }));
    };
    certificationRoute('training', 'operators.training', (raw) => {
      const body = parse(trainingBody, raw, 'body');
      return { changes: { trainedOn: body.trainedOn }, detail: { trainedOn: body.trainedOn } };
    });
    certificationRoute('exams', 'operators.exam', (raw) => {
      const body = parse(examBody, raw, 'body');
      return { changes: { examTakenOn: body.takenOn, examScore: body.score }, detail: { takenOn: body.takenOn, score: body.score } };
    });
    certificationRoute('statements', 'operators.statement', (raw) => {
      const body = parse(statementBody, raw, 'body');
      return { changes: body.kind === 'dmv' ? { dmvStatementSignedOn: body.signedOn } : { employeeStatementSignedOn: body.signedOn }, detail: { statement: body.kind, signedOn: body.signedOn } };
    });
    certificationRoute('background', 'operators.background', (raw) => {
      const body = parse(backgroundBody, raw, 'body');
      return { changes: { backgroundCheck: body.result }, detail: { backgroundCheck: body.result } };
    });

    scope.post('/operators/:id/deactivate', async (request, reply) => handle(request, reply, 'operators.deactivate', (admin) => {
      const { id } = parse(idParam, request.params, 'params');
      const body = parse(deactivateBody, request.body, 'body');
      const record = operatorFor(admin, id);
      if (id === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody deactivates themselves');
      if (record.deactivated) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${id} is already deactivated`);
      return { target: id, ori: record.ori, detail: { category: 'permission_change', reason: body.reason }, apply: () => ({ operator: view(store.updateOperator(id, { deactivated: true })!) }) };
    }));

    scope.post('/operators/:id/unlock', async (request, reply) => handle(request, reply, 'operators.unlock', (admin) => {
      const { id } = parse(idParam, request.params, 'params');
      const record = operatorFor(admin, id);
      return { target: id, ori: record.ori, detail: { category: 'account_change', wasLocked: policy.lockoutStatus(id, clock()).locked }, apply: () => { policy.unlock(id); return { operator: view(store.operator(id)!) }; } };
    }));

    // --- terminals -----------------------------------------------------------------------------
    scope.get('/terminals', async (request, reply) => handle(request, reply, 'terminals.list', (admin) => {
      const query = parse(listTerminalsQuery, request.query, 'query');
      if (query.ori !== undefined) within(admin, query.ori);
      const wanted = admin.ori ?? query.ori;
      return { detail: { filter: query }, apply: () => ({ terminals: store.terminals(wanted === undefined ? {} : { ori: wanted }).map(terminalView) }) };
    }));

    scope.post('/terminals', async (request, reply) => handle(request, reply, 'terminals.register', (admin) => {
      administratorOnly(admin, 'registering terminals');
      const body = parse(registerTerminalBody, request.body, 'body');
      within(admin, body.ori);
      if (store.terminal(body.mnemonic) !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `terminal ${body.mnemonic} is registered`, { field: 'mnemonic' });
      const generated = body.deviceSecret === undefined && body.certificateSubject === undefined ? randomBytes(16).toString('hex') : undefined;
      const secret = body.deviceSecret ?? generated;
      return {
        status: 201, target: body.mnemonic, ori: body.ori,
        detail: { category: 'permission_change', class: body.class, allowedKeys: body.allowedKeys ?? 'all', certificateSubject: body.certificateSubject ?? null },
        apply: () => {
          const terminal = store.putTerminal({
            mnemonic: body.mnemonic, ori: body.ori, terminalClass: body.class, secretDigest: secret === undefined ? null : deviceSecretDigest(secret),
            certificateSubject: body.certificateSubject ?? null, allowedKeys: body.allowedKeys ?? null, active: true,
          });
          return { terminal: terminalView(terminal), ...(generated === undefined ? {} : { deviceSecret: generated }) };
        },
      };
    }));

    scope.patch('/terminals/:mnemonic', async (request, reply) => handle(request, reply, 'terminals.update', (admin) => {
      administratorOnly(admin, 'changing terminals');
      const { mnemonic } = parse(mnemonicParam, request.params, 'params');
      const body = parse(updateTerminalBody, request.body, 'body');
      const current = store.terminal(mnemonic);
      if (current === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `terminal ${mnemonic}`);
      within(admin, current.ori);
      const generated = body.rotateSecret === true ? randomBytes(16).toString('hex') : undefined;
      const next: TerminalRecord = {
        ...current,
        ...(body.class === undefined ? {} : { terminalClass: body.class }),
        ...(body.allowedKeys === undefined ? {} : { allowedKeys: body.allowedKeys }),
        ...(body.certificateSubject === undefined ? {} : { certificateSubject: body.certificateSubject }),
        ...(body.active === undefined ? {} : { active: body.active }),
        ...(generated === undefined ? {} : { secretDigest: deviceSecretDigest(generated) }),
      };
      const { rotateSecret, ...visible } = body;
      return {
        target: mnemonic, ori: current.ori, detail: { category: 'permission_change', changes: { ...visible, ...(rotateSecret ? { secret: 'rotated' } : {}) } },
        apply: () => ({ terminal: terminalView(store.putTerminal(next)), ...(generated === undefined ? {} : { deviceSecret: generated }) }),
      };
    }));

    // --- review queue --------------------------------------------------------------------------
    scope.get('/review-queue', async (request, reply) => handle(request, reply, 'review_queue.read', (admin) => {
      const query = parse(reviewQuery, request.query, 'query');
      if (query.ori !== undefined) within(admin, query.ori);
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

    scope.post('/review-queue/:id/close', async (request, reply) => handle(request, reply, 'review_queue.close', (admin) => {
      const { id } = parse(numericIdParam, request.params, 'params');
      const body = parse(closeReviewBody, request.body, 'body');
      const item = reviewQueue.get(id);
      if (item === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `review item ${id}`);
      within(admin, item.ori);
      if (item.operatorId === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody reviews their own flags');
      if (item.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `review item ${id} is closed`);
      return { target: String(id), ori: item.ori, detail: { finding: body.finding, subject: item.operatorId, kind: item.kind }, apply: () => ({ item: reviewQueue.close(id, body.finding, admin.id, clock()) }) };
    }));

    // --- third-party release log ---------------------------------------------------------------
    scope.post('/releases', async (request, reply) => handle(request, reply, 'releases.record', (admin) => {
      const body = parse(releaseBody, request.body, 'body');
      const releaseOri = body.ori ?? admin.ori;
      if (releaseOri === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'ori: the releasing agency', { field: 'ori' });
      within(admin, releaseOri);
      const { ori: _ori, ...entry } = body;
      return {
        status: 201, target: body.requestingAgency, ori: releaseOri, detail: { releasedOn: body.releasedOn, requester: body.requester, transmittedBy: body.transmittedBy },
        apply: () => ({ release: releaseLog.recordRelease({ ...entry, ori: releaseOri, recordedBy: admin.id }, clock()) }),
      };
    }));

    scope.get('/releases', async (request, reply) => handle(request, reply, 'releases.read', (admin) => {
      const query = parse(releasesQuery, request.query, 'query');
      if (query.ori !== undefined) within(admin, query.ori);
      return { detail: { filter: query }, apply: () => ({ releases: releaseLog.list({ ...query, ori: admin.ori ?? query.ori }) }) };
    }));

    // --- reports -------------------------------------------------------------------------------
    scope.get('/reports/:report', async (request, reply) => {
      const { result } = await run(request, 'reports.read', (admin) => {
        const { report } = parse(reportParam, request.params, 'params');
        const query = parse(reportQuery, request.query, 'query');
        if (query.ori !== undefined) within(admin, query.ori);
        const reportOri = admin.ori ?? query.ori;
        return {
          target: report, detail: { filter: query },
          apply: async () => {
            if (report === 'route-to') {
              // CJIS: any access to the audit log is itself audited.
              await auditRow(request, { type: 'audit_read', outcome: 'success', operatorId: admin.id, detail: { action: 'report.route-to', filter: query } });
            }
            const built = buildReport({ report, from: query.from, to: query.to, ori: reportOri, days: query.days, year: query.year, now: clock() }, {
              settings, reviewQueue, releaseLog, operators: () => store.operators(), requiresRouteTo,
              ...(audit.query === undefined ? {} : {
                auditRows: (from: number, to: number) => rowsFromStore(audit as QueryableAudit, { from, to, type: [...REPORT_ROW_TYPES], ...(reportOri ? { ori: reportOri } : {}) }),
              }),
            });
            return { built, format: query.format };
          },
        };
      });
      if (result.format === 'json') return reply.send({ report: result.built });
      return reply.type(result.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8').send(renderReport(result.built, result.format));
    });
  }, { prefix });
}

/** An operator as the API shows it: no password hash, TOTP secret or step; lockout and certification status. */
function operatorView(record: OperatorRecord, security: AdminRoutesDeps['security'], now: number) {
  const { passwordHash, totpSecret, totpLastStep: _step, lockout: _lockout, ...rest } = record;
  const lapse = certificationLapse(record, now, security.settings.certification);
  return {
    ...rest,
    passwordSet: passwordHash !== null,
    secondFactorEnrolled: totpSecret !== null,
    lockout: security.policy.lockoutStatus(record.id, now),
    certification: {
      current: lapse === undefined,
      lapse: lapse === undefined ? null : { code: lapse.code, detail: lapse.detail },
      lapsesOn: lapseDates(record, security.settings.certification),
    },
  };
}

function terminalView(terminal: TerminalRecord) {
  const { secretDigest, ...rest } = terminal;
  return { ...rest, deviceSecretSet: secretDigest !== null };
}
