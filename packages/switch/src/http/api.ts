/**
 * The switch's HTTP API (fastify): health, readiness, Prometheus metrics, link status, audit
 * search for administrators (their own session, password and TOTP; scoped by audit-scope.ts;
 * every read audited under their id), and the inquiry gateway through which CAD/RMS systems (and the
 * load tests) send transactions over HTTP with the same credentials a terminal uses.
 *
 * Every error answers `{ "error": { "code", "message", "field"? } }` with the HTTP status of
 * the error table; nothing internal leaks.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CletsError, ERROR_CODES, isErrorCode, decodeFrame, encodeFrame, frameFromJson, frameKind, frameToJson, toCletsError,
  type DecodedFrame, type Frame, type Transaction,
} from '@clets/protocol';
import type { AuditSink } from '../audit/types.js';
import type { SwitchConfig } from '../config.js';
import type { HeldQueue } from '../links/held-queue.js';
import type { SystemLink } from '../links/types.js';
import type { Metrics } from '../metrics.js';
import type { TransactionPipeline } from '../pipeline/transaction-pipeline.js';
import type { CjisSecurity } from '../security/cjis-security.js';
import type { AdmittedAttempt, LoginAttempt, LoginEndpoint } from '../security/login-rate-limiter.js';
import type { ServerGuard } from './server-guard.js';
import { AdminSessions, type AdminPrincipal } from '../admin/admin-sessions.js';
import { auditScopeOf, withinAuditScope, type AuditScope } from '../admin/audit-scope.js';
import { registerAdminRoutes } from '../admin/routes.js';
import { registerAuditSearchRoute, type AuditSearchRouteDeps } from './audit-search.js';
import type { OperatorSession, SecurityPolicy } from '../security/policy.js';

/** What the HTTP API serves from: the switch's parts it reads or calls, and nothing else. */
export interface HttpApiDeps {
  readonly config: Pick<SwitchConfig, 'switchId' | 'limits' | 'http' | 'security'>;
  readonly logger: { error(object: object, message?: string): void };
  readonly metrics: Metrics;
  readonly audit: AuditSink;
  readonly links: ReadonlyMap<string, SystemLink>;
  readonly held: Pick<HeldQueue, 'depth'>;
  readonly policy: SecurityPolicy;
  /** The CJIS security (administrators, operator store...) when that policy is in use. */
  readonly security: CjisSecurity | undefined;
  readonly pipeline: Pick<TransactionPipeline, 'submit'>;
  /** Takes a login attempt of a source address from the switch's budget (`limits.loginRate`). */
  loginAttempt(address: string, endpoint: LoginEndpoint): LoginAttempt;
}

export interface HttpApiOptions {
  readonly clock: () => number;
  readonly https?: { cert: Buffer; key: Buffer; handshakeTimeout?: number };
  /** Timeouts and connection caps of the API's port (server-guard.ts). */
  readonly guard?: ServerGuard;
}

interface GatewaySession {
  readonly token: string;
  readonly session: OperatorSession;
  readonly sourceAddress: string;
  lastUsed: number;
  counter: number;
}

const sessionBody = z.strictObject({
  mnemonic: z.string().min(1),
  deviceSecret: z.string().min(1),
  operatorId: z.string().min(1),
  password: z.string().min(1),
  totpCode: z.string().optional(),
  /** The CJIS login banner must be acknowledged: the caller states it has shown it. */
  acknowledgeBanner: z.literal(true),
});

const routeToBody = z.strictObject({
  requester: z.string().optional(),
  operator: z.string().optional(),
  reason: z.string().optional(),
  caseNumber: z.string().optional(),
  noCaseReason: z.string().optional(),
  purposeCode: z.string().optional(),
  attention: z.string().optional(),
});

const messageBody = z.strictObject({
  /** The mnemonic line, e.g. "QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/...". */
  line: z.string().min(1).max(4000).optional(),
  /** Or a Transaction in the protobuf JSON form. */
  transaction: z.record(z.string(), z.unknown()).optional(),
  routeTo: routeToBody.optional(),
  control: z.string().max(40).optional(),
  clientMessageId: z.string().min(1).max(64).optional(),
}).refine((body) => (body.line === undefined) !== (body.transaction === undefined), { message: 'give exactly one of line or transaction' });

const auditQuery = z.strictObject({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  operatorId: z.string().optional(),
  ori: z.string().optional(),
  terminal: z.string().optional(),
  type: z.string().optional(),
  messageKey: z.string().optional(),
  outcome: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

const PROTOBUF = 'application/x-protobuf';

export async function buildHttpApi(sw: HttpApiDeps, options: HttpApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: sw.config.limits.maxFrameBytes,
    ...(options.https ? { https: options.https } : {}),
  });
  options.guard?.watch(app.server);
  const sessions = new Map<string, GatewaySession>();

  app.addContentTypeParser(PROTOBUF, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: unknown, request, reply) => {
    const failure = error instanceof CletsError ? error
      : (error as { statusCode?: number }).statusCode === 413 ? new CletsError('CLETS_ERR_FRAME_TOO_LARGE')
        : (error as { statusCode?: number }).statusCode !== undefined && (error as { statusCode: number }).statusCode < 500
          ? new CletsError('CLETS_ERR_REQUEST_INVALID', (error as Error).message)
          : toCletsError(error);
    if (failure.code === 'CLETS_ERR_INTERNAL') sw.logger.error({ err: error, url: request.url }, 'http handler failed');
    void reply.status(failure.httpStatus).send({ error: { code: failure.code, message: failure.message, ...(failure.field ? { field: failure.field } : {}) } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'CLETS_ERR_NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });

  limitLoginAttempts(app, sw);

  app.get('/healthz', async () => ({ status: 'ok', switchId: sw.config.switchId }));

  app.get('/readyz', async (_request, reply) => {
    const audit = sw.audit.health();
    const links = [...sw.links].map(([name, link]) => ({ name, state: link.state }));
    const ready = audit.writable && links.every((link) => link.state === 'up');
    return reply.status(ready ? 200 : 503).send({ ready, audit: { writable: audit.writable, pending: audit.pending, ...(audit.lastError ? { lastError: audit.lastError } : {}) }, links });
  });

  app.get('/metrics', async (_request, reply) => reply.type(sw.metrics.contentType).send(await sw.metrics.render()));

  app.get('/v1/links', async () => ({
    links: [...sw.links].map(([name, link]) => ({ name, state: link.state, systems: link.systems, held: sw.held.depth(name) })),
  }));

  // Administrator sessions: the administration API's, shared by the audit search.
  const adminSessions = sw.security === undefined ? undefined
    : new AdminSessions(sw.security.policy, sw.security.hasher, sw.config.security.administrators);

  app.get('/v1/audit', async (request) => {
    const at = options.clock();
    let admin: ReturnType<AdminSessions['authenticate']> | undefined;
    let filter: z.infer<typeof auditQuery> & { ori?: string };
    let scope: AuditScope;
    try {
      if (adminSessions === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'audit search needs administrator accounts (security.policy cjis)');
      admin = adminSessions.authenticate(bearer(request), at);
      scope = auditScopeOf(admin);
      filter = withinAuditScope(parse(auditQuery, request.query, 'query'), scope);
    } catch (error) {
      throw await auditReadDenied(request, at, admin, error);
    }
    const store = sw.audit as { query?: (filter: Record<string, unknown>) => unknown[] };
    if (store.query === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', 'this audit store cannot be searched');
    // Audited under the person who reads, before the rows are read.
    await sw.audit.append({
      type: 'audit_read', at, outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}), sourceAddress: request.ip,
      switchId: sw.config.switchId, detail: { filter, scope: scope.ori ?? 'switch' },
    });
    return { rows: store.query(filter) };
  });

  /** CJIS: any access to the audit log is audited, a refused one too. Returns the refusal to throw. */
  async function auditReadDenied(request: FastifyRequest, at: number, admin: AdminPrincipal | undefined, error: unknown): Promise<CletsError> {
    const failure = toCletsError(error);
    await sw.audit.append({
      type: 'audit_read', at, outcome: 'denied', code: failure.code, operatorId: admin?.id ?? '', ...(admin?.ori ? { ori: admin.ori } : {}),
      sourceAddress: request.ip, switchId: sw.config.switchId, detail: { query: request.query as Record<string, unknown> },
    }).catch(() => undefined);
    return failure;
  }

  // The subject search takes the same administrator sessions and scopes as GET /v1/audit: an
  // agency's coordinator searches the rows of their ORI, an administrator every row.
  registerAuditSearchRoute(app, {
    audit: sw.audit as AuditSearchRouteDeps['audit'],
    authorize: async (request) => {
      const at = options.clock();
      let admin: AdminPrincipal | undefined;
      try {
        if (adminSessions === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'audit search needs administrator accounts (security.policy cjis)');
        admin = adminSessions.authenticate(bearer(request), at);
        const scope = auditScopeOf(admin);
        const asked = (request.query as { ori?: unknown } | undefined)?.ori;
        withinAuditScope(typeof asked === 'string' ? { ori: asked } : {}, scope);
        return { readerId: admin.id, scope: scope.ori === null ? 'all' : { oris: [scope.ori] } };
      } catch (error) {
        throw await auditReadDenied(request, at, admin, error);
      }
    },
  });

  app.post('/v1/sessions', async (request, reply) => {
    const body = parse(sessionBody, request.body, 'body');
    const terminal = await sw.policy.authenticateTerminal({ mnemonic: body.mnemonic, deviceSecret: body.deviceSecret }, { address: request.ip });
    const now = options.clock();
    const step = await sw.policy.beginLogin(terminal, body.operatorId, body.password, now);
    let session: OperatorSession;
    if (step.kind === 'second-factor') {
      if (body.totpCode === undefined) throw new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', 'give totpCode', { field: 'totpCode' });
      session = await sw.policy.completeLogin(step.pending, body.totpCode, now);
    } else {
      session = step.session;
    }
    // Nothing is granted before its logon row is committed: no row, no token, no session.
    try {
      await sw.audit.append({
        type: 'logon', at: now, outcome: 'success', operatorId: session.operatorId, ori: session.ori, terminal: terminal.mnemonic,
        sourceAddress: request.ip, switchId: sw.config.switchId, detail: { via: 'gateway', sessionId: session.sessionId },
      });
    } catch (error) {
      sw.policy.endSession(session);
      sw.logger.error({ err: error, terminal: terminal.mnemonic }, 'gateway logon could not be audited: session refused');
      throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', 'the logon could not be recorded in the audit log: try again later');
    }
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, { token, session, sourceAddress: request.ip, lastUsed: now, counter: 0 });
    return reply.status(201).send({
      token, operatorId: session.operatorId, ori: session.ori, terminal: terminal.mnemonic, role: session.role,
      reauthenticateAtMs: session.reauthenticateAt, banner: sw.policy.banner(),
    });
  });

  app.delete('/v1/sessions/current', async (request, reply) => {
    const gateway = requireSession(request);
    sessions.delete(gateway.token);
    sw.policy.endSession(gateway.session);
    return reply.status(204).send();
  });

  app.post('/v1/messages', async (request, reply) => {
    const gateway = requireSession(request);
    const wantsProtobuf = request.headers['content-type']?.startsWith(PROTOBUF) ?? false;
    const transaction = wantsProtobuf ? transactionFromProtobuf(request.body) : transactionFromJson(request.body);
    gateway.counter += 1;
    const header = transaction.header ?? {};
    const clientMessageId = header.clientMessageId || `GW-${gateway.session.sessionId.slice(0, 8)}-${gateway.counter}`;
    const frames: Frame[] = [];
    let finished: () => void = () => {};
    const done = new Promise<void>((resolve) => { finished = resolve; });
    const submitted = sw.pipeline.submit({
      kind: 'gateway', session: gateway.session, terminal: gateway.session.terminal.mnemonic, sourceAddress: request.ip,
      send: (frame) => {
        frames.push(frame);
        const kind = frameKind(frame);
        // A transaction ends with its Completion, or with a Reject before any Receipt.
        if (kind === 'completion' || (kind === 'reject' && !frames.some((sent) => frameKind(sent) === 'receipt'))) finished();
      },
    }, { ...transaction, header: { ...header, clientMessageId } });
    await Promise.race([done, submitted.then(() => finished()), delay(sw.config.http.gatewayWaitMs)]);
    if (wantsProtobuf) {
      return reply.type(PROTOBUF).send(Buffer.concat(frames.map((frame) => lengthPrefixed(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER })))));
    }
    const complete = frames.some((frame) => frameKind(frame) === 'completion');
    const rejected = !complete && frames.some((frame) => frameKind(frame) === 'reject');
    const status = complete ? 200 : rejected ? rejectStatus(frames) : 504;
    return reply.status(status).send({
      clientMessageId, complete,
      frames: frames.map((frame) => frameToJson(decodeFrame(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }), { maxFrameBytes: Number.MAX_SAFE_INTEGER }))),
    });
  });

  function requireSession(request: FastifyRequest): GatewaySession {
    const token = bearer(request);
    const gateway = token === undefined ? undefined : sessions.get(token);
    if (gateway === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'open a session with POST /v1/sessions and send its token as Bearer');
    const now = options.clock();
    if (now - gateway.lastUsed > sw.config.http.gatewaySessionIdleMs) {
      sessions.delete(gateway.token);
      sw.policy.endSession(gateway.session);
      throw new CletsError('CLETS_ERR_SESSION_LOCKED');
    }
    gateway.lastUsed = now;
    return gateway;
  }

  function transactionFromJson(raw: unknown): Transaction {
    const body = parse(messageBody, raw, 'body');
    let transaction: Transaction;
    if (body.line !== undefined) {
      transaction = { text: body.line, header: { control: body.control ?? '', clientMessageId: body.clientMessageId ?? '' } };
    } else {
      const frame = frameFromJson({ transaction: body.transaction });
      transaction = frame.transaction ?? {};
      transaction = { ...transaction, header: { ...transaction.header, ...(body.control ? { control: body.control } : {}), ...(body.clientMessageId ? { clientMessageId: body.clientMessageId } : {}) } };
    }
    return body.routeTo === undefined ? transaction : { ...transaction, routeTo: body.routeTo };
  }

  app.addHook('onClose', async () => {
    for (const gateway of sessions.values()) sw.policy.endSession(gateway.session);
    sessions.clear();
  });

  if (sw.security !== undefined && adminSessions !== undefined) {
    await registerAdminRoutes(app, {
      security: sw.security, audit: sw.audit as Parameters<typeof registerAdminRoutes>[1]['audit'],
      clock: options.clock, switchId: sw.config.switchId, sessions: adminSessions,
    });
  }

  await app.ready();
  return app;
}

/** The HTTP login endpoints, by method and route. */
const LOGIN_ROUTES: ReadonlyMap<string, LoginEndpoint> = new Map([
  ['POST /v1/sessions', 'gateway_session'],
  ['POST /v1/admin/sessions', 'admin_session'],
]);

/**
 * The endpoint a request is a login attempt on: a login route, or a route that takes an
 * administrator's bearer token (presenting a token is an attempt to authenticate too).
 */
function attemptedEndpoint(method: string, route: string): LoginEndpoint | undefined {
  const login = LOGIN_ROUTES.get(`${method} ${route}`);
  if (login !== undefined) return login;
  return route.startsWith('/v1/audit') || route.startsWith('/v1/admin/') ? 'admin_token' : undefined;
}

/**
 * Per-source login attempts on the HTTP endpoints, from the budget the WebSocket logins
 * share: refused before the body is read (429, Retry-After). A login answered 2xx gives its
 * attempt back; a request with an administrator token gives it back unless the token was
 * refused (401), so guessing tokens is held back as guessing passwords is, and a flood of
 * bad tokens stops before it writes an audit row each.
 */
function limitLoginAttempts(app: FastifyInstance, sw: Pick<HttpApiDeps, 'loginAttempt' | 'metrics'>): void {
  const attempts = new WeakMap<FastifyRequest, AdmittedAttempt>();
  app.addHook('onRequest', async (request, reply) => {
    const endpoint = attemptedEndpoint(request.method, request.routeOptions.url ?? '');
    if (endpoint === undefined) return;
    const attempt = sw.loginAttempt(request.ip, endpoint);
    if (attempt.ok) {
      attempts.set(request, attempt);
      return;
    }
    const seconds = Math.ceil(attempt.retryAfterMs / 1000);
    sw.metrics.count('clets_login_rate_limited_total', 'Login attempts refused for too many from one source', { endpoint });
    const failure = new CletsError('CLETS_ERR_RATE_LIMITED', `retry after ${seconds} s`);
    await reply.status(failure.httpStatus).header('retry-after', String(seconds)).send({ error: { code: failure.code, message: failure.message } });
  });
  app.addHook('onResponse', async (request, reply) => {
    const tokenOnly = attemptedEndpoint(request.method, request.routeOptions.url ?? '') === 'admin_token';
    attempts.get(request)?.settle(tokenOnly ? reply.statusCode !== 401 : reply.statusCode >= 200 && reply.statusCode < 300);
  });
}

function transactionFromProtobuf(raw: unknown): Transaction {
  if (!Buffer.isBuffer(raw)) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'expected a protobuf Frame body');
  const frame: DecodedFrame = decodeFrame(raw);
  if (frame.body !== 'transaction' || frame.transaction == null) {
    throw new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `expected a transaction frame, got ${frame.body ?? 'none'}`);
  }
  return frame.transaction;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new CletsError('CLETS_ERR_REQUEST_INVALID', `${where}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`, path ? { field: path } : {});
}

function rejectStatus(frames: Frame[]): number {
  const reject = frames.find((frame) => frameKind(frame) === 'reject')?.reject;
  const code = reject?.code ?? '';
  return isErrorCode(code) ? ERROR_CODES[code].http : 400;
}

/** Frames in a protobuf HTTP answer: each prefixed by its length, 4 bytes big-endian. */
function lengthPrefixed(bytes: Uint8Array): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(bytes.length);
  return Buffer.concat([prefix, bytes]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

