/**
 * Test support for the administration API: the real `adminApi` plugin on a test security
 * (county 19's, in memory, fake clock), logins with both factors, calls by `inject()`, and
 * the switch's real pipeline beside it for traffic the administrators then look at. Not used
 * by the switch itself.
 */
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type { Frame, Response, Transaction } from '@clets/protocol';
import { adminApi } from '../http/admin/admin-api.js';
import type { OperatorSession } from '../security/policy.js';
import { codeAt, demoFixtures, keyDefinition, loginAt, pipelineHarness, testSecurity, type TestSecurity } from './security.js';

export interface AdminHarness {
  readonly app: FastifyInstance;
  readonly security: TestSecurity;
  /** Logs an administrator in (a fresh TOTP step each time); returns the bearer header. */
  login(id: string): Promise<{ authorization: string }>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, auth?: { authorization: string }, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Sends a mnemonic line as an operator at a terminal (logged in on first use); the frames answered. */
  send(operatorId: string, terminal: string, line: string): Promise<Frame[]>;
  /** The `admin_action` rows so far: action, outcome, code. */
  adminActions(): Promise<{ action: unknown; outcome: string; code?: string }[]>;
  close(): Promise<void>;
}

export interface AdminHarnessOptions {
  /** What the fake systems answer (default: no record). */
  readonly answer?: (system: string, transaction: Transaction) => Response | undefined;
  readonly security?: TestSecurity;
}

export async function adminHarness(options: AdminHarnessOptions = {}): Promise<AdminHarness> {
  const security = options.security ?? await testSecurity();
  const app = Fastify();
  await app.register(adminApi, {
    security, audit: security.audit, clock: () => security.clock.now, switchId: 'county-19',
    requiresRouteTo: (key) => keyDefinition(key).routeToRequired,
  });
  await app.ready();
  const pipeline = pipelineHarness(security, options.answer === undefined ? {} : { answer: options.answer });
  const sessions = new Map<string, OperatorSession>();
  const call: AdminHarness['call'] = (method, url, auth, payload) =>
    app.inject({ method, url, ...(auth ? { headers: auth } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    app, security, call,
    async login(id) {
      security.clock.now += 30_000;
      const response = await call('POST', '/v1/admin/sessions', undefined, {
        operatorId: id, password: `Demo-Pass-${id.slice(2)}!`, totpCode: codeAt(security.store.operator(id)?.totpSecret ?? null, security.clock.now),
      });
      if (response.statusCode !== 201) throw new Error(`login of ${id} refused: ${response.body}`);
      return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
    },
    async send(operatorId, terminal, line) {
      const key = `${operatorId}@${terminal}`;
      let session = sessions.get(key);
      if (session === undefined) {
        security.clock.now += 30_000;
        session = await loginAt(security, operatorId, terminal);
        sessions.set(key, session);
      }
      security.clock.now += 1_000;
      return pipeline.send(session, line);
    },
    async adminActions() {
      await security.audit.flush();
      return security.audit.query({ type: 'admin_action', limit: 10_000 })
        .map((row) => ({ action: row.detail?.['action'], outcome: row.outcome, ...(row.code ? { code: row.code } : {}) }));
    },
    close: () => app.close(),
  };
}

/** A fixture operator of a role and agency, certified on the demo day. */
export async function fixtureOperator(role: string, ori = 'CA0190000'): Promise<string> {
  const fixtures = await demoFixtures();
  const found = fixtures.operators.find((operator) => operator.ori === ori && operator.role === role && operator.certificationState === 'current');
  if (found === undefined) throw new Error(`no current ${role} of ${ori} in the fixtures`);
  return found.id;
}

/** The input sequence number a transaction's receipt gave it. */
export function inputSeqOf(frames: readonly Frame[]): number {
  return Number(frames.find((frame) => frame.receipt)?.receipt?.header?.inputSeq ?? 0);
}
