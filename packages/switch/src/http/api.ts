/**
 * The switch's HTTP API (fastify), one plugin per resource:
 * - status-routes.ts: health, readiness, Prometheus metrics, link status (anyone);
 * - audit-routes.ts and audit-search.ts: the audit log for administrators (their own session,
 *   password and TOTP; scoped by admin/audit-scope.ts; every read audited under their id);
 * - gateway-routes.ts: the inquiry gateway through which CAD/RMS systems (and the load
 *   tests) send transactions over HTTP with the same credentials a terminal uses;
 * - admin/admin-api.ts: the administration API (CJIS policy only);
 * - `GET /openapi.json` and `GET /docs`: the API's OpenAPI document, made from these routes'
 *   schemas (openapi-document.ts), and its reference page;
 * - console/: the coordinator's console at `/console/`, its live view (`GET /v1/admin/live`)
 *   and the audit chain's verification status (`/v1/audit/verification`).
 * Requests and answers are zod schemas through the type provider (http-contract.ts); every
 * error answers `{ "error": { "code", "message", "field"? } }` with the HTTP status of the
 * error table, and nothing internal leaks. Login attempts on every endpoint draw on the
 * switch's per-source budget (here, before any body is read).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { documentRoutes, openApiRoutes, RouteCatalogue } from '@clets/openapi';
import { CletsError } from '@clets/protocol';
import { adminApi } from './admin/admin-api.js';
import { AdminSessions } from './admin/admin-sessions.js';
import type { AuditSink } from '../audit/types.js';
import type { SwitchConfig } from '../config.js';
import type { HeldQueue } from '../links/held-queue.js';
import type { SystemLink } from '../links/types.js';
import type { Metrics } from '../metrics.js';
import type { TransactionPipeline } from '../pipeline/transaction-pipeline.js';
import type { CjisSecurity } from '../security/cjis-security.js';
import type { AdmittedAttempt, LoginAttempt, LoginEndpoint } from '../security/login-rate-limiter.js';
import type { SecurityPolicy } from '../security/policy.js';
import { auditRoutes, type AuditRoutesOptions } from './audit-routes.js';
import { gatewayRoutes, PROTOBUF, type GatewayRoutesOptions, type OpenGatewaySession } from './gateway-routes.js';
import { errorReply, httpFailure, withZod } from './http-contract.js';
import { SWITCH_OPENAPI } from './openapi-document.js';
import type { ServerGuard } from './server-guard.js';
import { statusRoutes } from './status-routes.js';
import { ChainVerification, workerChainVerifier, type ChainVerifier } from './console/chain-verification.js';
import { consoleRoutes } from './console/console-routes.js';
import { LiveFeed, type LiveSources, type LiveTerminal } from './console/live-figures.js';
import { liveRoutes } from './console/live-routes.js';
import { verificationRoutes } from './console/verification-routes.js';

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
  /** The operators' message log, which the gateway's sessions write to as terminals do. */
  readonly messageLog?: GatewayRoutesOptions['messageLog'];
  /** Takes a login attempt of a source address from the switch's budget (`limits.loginRate`). */
  loginAttempt(address: string, endpoint: LoginEndpoint): LoginAttempt;
  /** What the console's live view reads besides the metrics and links: terminals, peers, queues. */
  readonly live?: Pick<LiveSources, 'queues'> & {
    /** Terminals logged in over the WebSocket (the gateway's sessions are the API's own). */
    terminals(): readonly Omit<LiveTerminal, 'via'>[];
    peers(): readonly { name: string; state: string }[];
  };
}

export interface HttpApiOptions {
  readonly clock: () => number;
  readonly https?: { cert: Buffer; key: Buffer; handshakeTimeout?: number };
  /** Timeouts and connection caps of the API's port (server-guard.ts). */
  readonly guard?: ServerGuard;
  /** The console's built files (default: the console package's dist/page in this repository). */
  readonly consoleDir?: string;
}

export async function buildHttpApi(deps: HttpApiDeps, options: HttpApiOptions): Promise<FastifyInstance> {
  const { config } = deps;
  const { clock } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: config.limits.maxFrameBytes,
    ...(options.https ? { https: options.https } : {}),
  });
  options.guard?.watch(app.server);
  // Every route from here on is in the document, whichever plugin registers it.
  const catalogue = RouteCatalogue.watch(app);
  withZod(app);

  app.addContentTypeParser(PROTOBUF, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: unknown, request, reply) => {
    const failure = httpFailure(error);
    if (failure.code === 'CLETS_ERR_INTERNAL') deps.logger.error({ err: error, url: request.url }, 'http handler failed');
    void reply.status(failure.httpStatus).send(errorReply(failure));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'CLETS_ERR_NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });

  limitLoginAttempts(app, deps);

  await app.register(statusRoutes, { switchId: config.switchId, audit: deps.audit, links: deps.links, held: deps.held, metrics: deps.metrics });

  // Administrator sessions: the administration API's, shared by the audit reads.
  const adminSessions = deps.security === undefined ? undefined
    : new AdminSessions(deps.security.policy, deps.security.hasher, config.security.administrators);
  await app.register(auditRoutes, { switchId: config.switchId, clock, audit: deps.audit as AuditRoutesOptions['audit'], sessions: adminSessions });

  let gatewaySessions: () => readonly OpenGatewaySession[] = () => [];
  await app.register(gatewayRoutes, {
    switchId: config.switchId, clock, logger: deps.logger, audit: deps.audit, policy: deps.policy, pipeline: deps.pipeline,
    limits: { sessionIdleMs: config.http.gatewaySessionIdleMs, waitMs: config.http.gatewayWaitMs },
    publishSessions: (open) => { gatewaySessions = open; },
    ...(deps.messageLog !== undefined ? { messageLog: deps.messageLog } : {}),
  });

  if (deps.security !== undefined && adminSessions !== undefined) {
    await app.register(adminApi, {
      security: deps.security, audit: deps.audit as Parameters<typeof adminApi>[1]['audit'],
      clock, switchId: config.switchId, sessions: adminSessions,
    });
  }

  await app.register(consoleRoutes, options.consoleDir === undefined ? {} : { dir: options.consoleDir });
  await app.register(liveRoutes, { switchId: config.switchId, clock, audit: deps.audit, sessions: adminSessions, feed: liveFeed(deps, clock, () => gatewaySessions()) });
  const verifier = chainVerifier(deps.audit);
  if (verifier !== undefined) {
    await app.register(verificationRoutes, { switchId: config.switchId, clock, audit: deps.audit, sessions: adminSessions, verification: new ChainVerification(verifier, clock) });
  }

  await app.register(openApiRoutes, { catalogue, document: SWITCH_OPENAPI });

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
  documentRoutes(app, (route) => (attemptedEndpoint(String(route.method), route.url) === undefined ? undefined : { errors: ['CLETS_ERR_RATE_LIMITED'] }));
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
    await reply.status(failure.httpStatus).header('retry-after', String(seconds)).send(errorReply(failure));
  });
  app.addHook('onResponse', async (request, reply) => {
    const tokenOnly = attemptedEndpoint(request.method, request.routeOptions.url ?? '') === 'admin_token';
    attempts.get(request)?.settle(tokenOnly ? reply.statusCode !== 401 : reply.statusCode >= 200 && reply.statusCode < 300);
  });
}

/** The live view's readings: the switch's own counters and state, read once a second while watched. */
function liveFeed(deps: HttpApiDeps, clock: () => number, gatewaySessions: () => readonly OpenGatewaySession[]): LiveFeed {
  const audit = deps.audit as HttpApiDeps['audit'] & { query?: LiveSources['audit']['query']; health(): { lastSeq?: number; pending: number; writable: boolean } };
  return new LiveFeed({
    clock,
    transactionCounts: async () => (await deps.metrics.counterValues('clets_transactions_total'))
      .map(({ labels, value }) => ({ key: labels['key'] ?? 'unknown', outcome: labels['outcome'] ?? 'unknown', value })),
    links: () => [
      ...[...deps.links].map(([name, link]) => ({ name, kind: 'link' as const, state: link.state, systems: [...link.systems], held: deps.held.depth(name) })),
      ...(deps.live?.peers() ?? []).map((peer) => ({ name: peer.name, kind: 'peer' as const, state: peer.state, systems: [], held: deps.held.depth(peer.name) })),
    ],
    terminals: () => [
      ...(deps.live?.terminals() ?? []).map((terminal) => ({ ...terminal, via: 'terminal' as const })),
      ...gatewaySessions().map((session) => ({ ...session, via: 'gateway' as const })),
    ],
    queues: () => deps.live?.queues() ?? { inFlight: 0, stored: 0 },
    audit: { ...(typeof audit.query === 'function' ? { query: audit.query.bind(audit) } : {}), health: () => audit.health() },
  });
}

/** How this switch's audit chain is verified off the request path: a worker over a SQLite file, else the store itself. */
function chainVerifier(audit: AuditSink): ChainVerifier | undefined {
  const store = audit as AuditSink & { path?: unknown; verify?: () => ReturnType<ChainVerifier> extends Promise<infer R> ? R : never };
  if (typeof store.path === 'string' && store.path !== '' && store.path !== ':memory:') return workerChainVerifier(store.path);
  if (typeof store.verify === 'function') {
    const verify = store.verify.bind(store);
    // An in-memory log (tests): small enough to verify on the next turn of the loop.
    return () => new Promise((resolve, reject) => setImmediate(() => { try { resolve(verify()); } catch (error) { reject(error); } }));
  }
  return undefined;
}
