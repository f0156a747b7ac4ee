/**
 * Test support for the security policy: a tiny scrypt cost (tests must be fast; the cost is a
 * setting), one shared hasher so the demo passwords are hashed once per test process, the
 * demo data read once, and transaction builders. Not used by the switch itself.
 */
import { readDataSet, type FixtureSet } from '@clets/data-files';
import { CATALOGUE, HitStatus, totpCode, type Frame, type LinkReply, type MessageKeyDefinition, type Response, type RouteTo, type Transaction } from '@clets/protocol';
import { buildRoutingTable } from '@clets/routing';
import { MemoryAuditStore } from '../audit/memory-audit-store.js';
import { HeldQueue } from '../links/held-queue.js';
import { LinkDispatcher } from '../links/link-dispatcher.js';
import { Metrics } from '../metrics.js';
import type { SystemLink } from '../links/types.js';
import { FakeLink, type FakeRequest } from './fake-link.js';
import { TransactionPipeline } from '../pipeline/transaction-pipeline.js';
import type { OperatorSession } from '../security/policy.js';
import { openCjisSecurity, type CjisSecurity, type OpenCjisSecurityOptions, type SecurityData } from '../security/cjis-security.js';
import { releaseRecorder } from '../security/release-recorder.js';
import { PasswordHasher } from '../security/password.js';
import { parseCjisSettings, type CjisSettings } from '../security/settings.js';

/** scrypt N=16, r=1: microseconds instead of half a second. */
export const TINY_SCRYPT = { cost: 16, blockSize: 1, parallelization: 1 } as const;

/** Settings for tests: CJIS values, tiny hash cost, plus any override (deep-merged one level). */
export function testSettings(overrides: Record<string, Record<string, unknown>> = {}): CjisSettings {
  const input: Record<string, Record<string, unknown>> = { passwords: { scrypt: TINY_SCRYPT, maxConcurrentHashes: 4 } };
  for (const [section, values] of Object.entries(overrides)) input[section] = { ...input[section], ...values };
  return parseCjisSettings(input);
}

let sharedHasher: PasswordHasher | undefined;

/** One hasher for every test of a file: demo passwords are hashed once. */
export function testHasher(): PasswordHasher {
  sharedHasher ??= new PasswordHasher({ cost: testSettings().passwords.scrypt, maxConcurrent: 4, maxQueued: 10_000 });
  return sharedHasher;
}

let fixtures: Promise<FixtureSet> | undefined;

/** The committed demo data set (`fixtures/`), read once per test file. */
export function demoFixtures(): Promise<FixtureSet> {
  fixtures ??= readDataSet();
  return fixtures;
}

/** The demo reference day (2026-11-01), 16:00 UTC: every 'current' fixture operator is certified. */
export const DEMO_NOW = Date.UTC(2026, 10, 1, 16, 0, 0);

export interface TestSecurity extends CjisSecurity {
  readonly audit: MemoryAuditStore;
  readonly clock: { now: number };
}

/** The security of switch county-19 on the demo fixtures, in memory, with a fake clock. */
export async function testSecurity(options: {
  settings?: CjisSettings;
  data?: SecurityData;
  switchId?: string;
  now?: number;
  onSupersede?: OpenCjisSecurityOptions['onSupersede'];
} = {}): Promise<TestSecurity> {
  const clock = { now: options.now ?? DEMO_NOW };
  const audit = new MemoryAuditStore();
  const security = await openCjisSecurity({
    switchId: options.switchId ?? 'county-19',
    settings: options.settings ?? testSettings(),
    databasePath: ':memory:',
    data: options.data ?? (await demoFixtures()),
    audit,
    clock: () => clock.now,
    hasher: testHasher(),
    ...(options.onSupersede ? { onSupersede: options.onSupersede } : {}),
  });
  return { ...security, audit, clock };
}

/** A complete, specific route-to. */
export const GOOD_ROUTE_TO: Readonly<RouteTo> = Object.freeze({ requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' });

/** A transaction of `key` with fields and a route-to. */
export function transactionOf(key: string, fields: Record<string, string>, routeTo: RouteTo | null = GOOD_ROUTE_TO, destinations: string[] = []): Transaction {
  return {
    header: { messageKey: key, ori: '', destinations, clientMessageId: `T-${key}` },
    fields: Object.entries(fields).map(([tag, value]) => ({ tag, value })),
    routeTo,
  };
}

/** The TOTP code of an operator at `now`. */
export function codeAt(secret: string | null, now: number): string {
  if (secret === null) throw new Error('operator has no TOTP secret');
  return totpCode(secret, now);
}

/** The catalogue row of a message key. */
export function keyDefinition(key: string): MessageKeyDefinition {
  const found = CATALOGUE.get(key);
  if (found === undefined) throw new Error(`no message key ${key} in the catalogue`);
  return found;
}

/**
 * The switch's real transaction pipeline around a test security: the CJIS policy, its
 * misuse recorder as `onFlag`, the release recorder answering RL, the security's audit
 * store, and fake links that answer every system with NO RECORD (or what `answer` says).
 * `send` runs one mnemonic line for a session and returns the frames.
 */
export function pipelineHarness(
  security: TestSecurity,
  options: { answer?: (system: string, transaction: Transaction) => Response | undefined } = {},
): { pipeline: TransactionPipeline; send(session: OperatorSession, line: string): Promise<Frame[]> } {
  const answer = (system: string) => (request: FakeRequest): LinkReply => ({
    requestId: request.requestId, final: true,
    responses: [options.answer?.(system, request.transaction)
      ?? { header: request.transaction.header ?? null, system, status: HitStatus.HIT_STATUS_NO_RECORD, text: `NO RECORD ${system}`, records: [] }],
  });
  const links = new Map<string, SystemLink>(['NCIC', 'CORI', 'NLETS', 'DMV'].map((name) => [name, new FakeLink(name, answer(name), { now: () => security.clock.now })]));
  const table = buildRoutingTable({
    switchId: 'county-19',
    localOris: security.store.agencies().map((agency) => agency.ori),
    localTerminals: security.store.terminals().map((terminal) => [terminal.mnemonic, terminal.ori] as const),
    localCounties: ['19'],
  });
  const pipeline = new TransactionPipeline({
    switchId: 'county-19', clock: () => security.clock.now, table: () => table,
    dispatcher: new LinkDispatcher({ switchId: 'county-19', clock: () => security.clock.now, links, held: new HeldQueue(100), limits: { requestDeadlineMs: 60_000, queueTtlMs: 60_000 } }),
    audit: security.audit, policy: security.policy, metrics: new Metrics(), onFlag: security.onFlag,
    answerLocally: releaseRecorder({ releaseLog: security.releaseLog, audit: security.audit, clock: () => security.clock.now }),
    limits: { duplicateWindowMs: 60_000, duplicateMaxEntries: 1000, duplicateMaxPerSession: 1000, maxInFlightPerSession: 32, requestDeadlineMs: 60_000, queueTtlMs: 60_000 },
    deliver: async () => {},
  });
  let counter = 0;
  return {
    pipeline,
    async send(session, line) {
      const frames: Frame[] = [];
      counter += 1;
      await pipeline.submit({
        kind: 'terminal', session, terminal: session.terminal.mnemonic, sourceAddress: '127.0.0.1', send: (frame) => { frames.push(frame); },
      }, { text: line, header: { clientMessageId: `H-${counter}` } });
      return frames;
    },
  };
}

/** Logs an operator in (password then TOTP) at a fixture terminal, at the security's clock. */
export async function loginAt(security: TestSecurity, operatorId: string, mnemonic: string): Promise<OperatorSession> {
  const fixtures = await demoFixtures();
  const device = fixtures.terminals.find((terminal) => terminal.mnemonic === mnemonic);
  if (device === undefined) throw new Error(`no terminal ${mnemonic}`);
  const terminal = await security.policy.authenticateTerminal({ mnemonic, deviceSecret: device.deviceSecret }, { address: '127.0.0.1' });
  const now = security.clock.now;
  const step = await security.policy.beginLogin(terminal, operatorId, `Demo-Pass-${operatorId.slice(2)}!`, now);
  if (step.kind === 'complete') return step.session;
  return security.policy.completeLogin(step.pending, codeAt(security.store.operator(operatorId)?.totpSecret ?? null, now), now);
}
