/**
 * The table: every combination of role x certification state x terminal class x
 * message kind, decided by the policy (as the pipeline calls it: checkSession, then
 * authorizeTransaction) and by an independent oracle written from the rules in docs/domain.md.
 * Zero wrong accepts, zero wrong rejects, and every denial carries the oracle's reason code
 * and is audited with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CletsError, OPERATOR_ROLES, type ErrorCode, type Transaction } from '@clets/protocol';
import { MemoryAuditStore } from '../audit/memory-audit-store.js';
import type { OperatorChanges } from './operator-store.js';
import type { OperatorRole, OperatorSession } from './policy.js';
import {
  codeAt, DEMO_NOW, demoFixtures, GOOD_ROUTE_TO, keyDefinition, testSecurity, testSettings, transactionOf, type TestSecurity,
} from '../testing/security.js';

const ROLES: readonly OperatorRole[] = OPERATOR_ROLES;

/** Certification states on 2026-11-01 (DEMO_NOW), including the last valid day of each certificate. */
const CERTIFICATION_STATES = {
  current: {},
  exam_last_valid_day: { examTakenOn: '2024-11-01' },
  exam_expired: { examTakenOn: '2024-10-31' },
  exam_score_low: { examScore: 69 },
  exam_score_pass_mark: { examScore: 70 },
  dmv_statement_last_valid_day: { dmvStatementSignedOn: '2025-11-01' },
  dmv_statement_lapsed: { dmvStatementSignedOn: '2025-10-31' },
  employee_statement_lapsed: { employeeStatementSignedOn: '2024-10-31' },
  background_failed: { backgroundCheck: 'failed' },
  background_pending: { backgroundCheck: 'pending' },
  trained_late: { appointedOn: '2015-01-10', trainedOn: '2015-07-11' },
  trained_on_deadline: { appointedOn: '2015-01-10', trainedOn: '2015-07-10' },
  not_trained: { trainedOn: null },
  deactivated: { deactivated: true },
  // An LTFAO-level exam: enough for an LTFAO, not for an FAO.
  exam_level_ltfao: { examLevel: 'LTFAO' },
  awareness_last_valid_day: { securityAwareness: { level: 'general', completedOn: '2025-11-01' } },
  awareness_lapsed: { securityAwareness: { level: 'general', completedOn: '2025-10-31' } },
  awareness_basic_only: { securityAwareness: { level: 'basic', completedOn: '2026-10-01' } },
  awareness_none: { securityAwareness: null },
} as const satisfies Record<string, OperatorChanges>;
type CertificationState = keyof typeof CERTIFICATION_STATES;

const BASE_CERTIFICATION: OperatorChanges = {
  deactivated: false, backgroundCheck: 'cleared', appointedOn: '2015-01-10', trainedOn: '2015-03-01', examTakenOn: '2026-05-01',
  examScore: 85, employeeStatementSignedOn: '2026-01-15', dmvStatementSignedOn: '2026-06-01',
  examLevel: 'FAO', securityAwareness: { level: 'general', completedOn: '2026-06-01' },
};

interface TerminalCase {
  readonly mnemonic: string;
  readonly terminalClass: 'desk' | 'dispatch' | 'mobile' | 'receive_only';
  /** The keys it may send (the fixtures' restricted patrol car), or every key. */
  readonly allowedKeys?: readonly string[];
  /** The operator who works it in this test (one session per operator). */
  readonly operatorId: string;
}

const TERMINALS: readonly TerminalCase[] = [
  { mnemonic: 'LA01', terminalClass: 'desk', operatorId: 'OP1001' },
  { mnemonic: 'LA03', terminalClass: 'dispatch', operatorId: 'OP1003' },
  { mnemonic: 'LA05', terminalClass: 'mobile', operatorId: 'OP1004' },
  { mnemonic: 'LA07', terminalClass: 'mobile', allowedKeys: ['QW', 'QV', 'DQ', 'RQ', 'AM'], operatorId: 'OP1005' },
  { mnemonic: 'LA08', terminalClass: 'receive_only', operatorId: 'OP1006' },
];

interface MessageKind {
  readonly name: string;
  readonly key: string;
  readonly transaction: Transaction;
}

const CLEAN_PERSON = { NAM: 'TALLISTER,MAREN', DOB: '19920703' };
const KINDS: readonly MessageKind[] = [
  { name: 'inquiry', key: 'QW', transaction: transactionOf('QW', CLEAN_PERSON) },
  { name: 'inquiry with a vague reason', key: 'QW', transaction: transactionOf('QW', CLEAN_PERSON, { ...GOOD_ROUTE_TO, reason: 'ROUTINE CHECK' }) },
  {
    name: 'update', key: 'EW', transaction: transactionOf('EW', {
      NAM: 'QUILLAN,ORREN J', SEX: 'M', RAC: 'W', DOB: '19800115', OFF: 'BURGLARY', WTY: 'F', DOW: '20260215', EXL: '1', OCA: '26-001234',
    }),
  },
  { name: 'criminal history, purpose C', key: 'QH', transaction: transactionOf('QH', { ...CLEAN_PERSON, SEX: 'F' }, { ...GOOD_ROUTE_TO, purposeCode: 'C' }) },
  { name: 'criminal history, federal-only purpose S', key: 'QH', transaction: transactionOf('QH', { ...CLEAN_PERSON, SEX: 'F' }, { ...GOOD_ROUTE_TO, purposeCode: 'S' }) },
  { name: 'administrative message', key: 'AM', transaction: transactionOf('AM', { TXT: 'ATTEMPT TO LOCATE GRAY SEDAN' }, null, ['CA0370000']) },
];

type Expected = 'accept' | ErrorCode;

/**
 * The rules, written out plainly and independently of the policy's code: who may operate at
 * all, which certificate is missing, what the terminal may send, who may update, and the
 * route-to/purpose-code rules, in that order of precedence.
 */
function oracle(role: OperatorRole, certification: CertificationState, terminal: TerminalCase, kind: MessageKind): Expected {
  if (certification === 'deactivated') return 'CLETS_ERR_OPERATOR_DEACTIVATED';
  if (role !== 'FAO' && role !== 'LTFAO') return 'CLETS_ERR_ROLE_NO_TERMINAL_ACCESS';
  const lapses: Partial<Record<CertificationState, ErrorCode>> = {
    background_failed: 'CLETS_ERR_CERT_BACKGROUND',
    background_pending: 'CLETS_ERR_CERT_BACKGROUND',
    trained_late: 'CLETS_ERR_CERT_TRAINING',
    not_trained: 'CLETS_ERR_CERT_TRAINING',
    exam_score_low: 'CLETS_ERR_CERT_EXAM_SCORE',
    exam_expired: 'CLETS_ERR_CERT_EXAM_EXPIRED',
    employee_statement_lapsed: 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT',
    dmv_statement_lapsed: 'CLETS_ERR_CERT_DMV_STATEMENT',
    awareness_lapsed: 'CLETS_ERR_CERT_AWARENESS',
    awareness_basic_only: 'CLETS_ERR_CERT_AWARENESS',
    awareness_none: 'CLETS_ERR_CERT_AWARENESS',
  };
  if (certification === 'exam_level_ltfao' && role === 'FAO') return 'CLETS_ERR_CERT_EXAM_LEVEL';
  const lapse = lapses[certification];
  if (lapse !== undefined) return lapse;
  if (terminal.terminalClass === 'receive_only') return 'CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED';
  if (terminal.allowedKeys !== undefined && !terminal.allowedKeys.includes(kind.key)) return 'CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED';
  if (kind.key === 'EW' && role !== 'FAO') return 'CLETS_ERR_ROLE_NOT_PERMITTED';
  if (kind.name === 'inquiry with a vague reason') return 'CLETS_ERR_ROUTE_TO_VAGUE_REASON';
  if (kind.name.includes('federal-only')) return 'CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY';
  return 'accept';
}

/** The login decision: the account rules alone (a plain inquiry at a desk terminal meets every other rule). */
function loginOracle(role: OperatorRole, certification: CertificationState): Expected {
  return oracle(role, certification, TERMINALS[0]!, KINDS[0]!);
}

function codeOf(error: unknown): ErrorCode {
  if (error instanceof CletsError) return error.code;
  throw error;
}

describe('authorization table: role x certification x terminal class x message kind', () => {
  let security: TestSecurity;
  const sessions = new Map<string, OperatorSession>();

  beforeAll(async () => {
    // Volume flags are tested on their own; here every operator sends hundreds of messages.
    security = await testSecurity({ settings: testSettings({ misuse: { unusualVolumePerHour: 1_000_000 } }) });
    const fixtures = await demoFixtures();
    for (const terminal of TERMINALS) {
      security.store.updateOperator(terminal.operatorId, { ...BASE_CERTIFICATION, role: 'FAO' });
      const device = fixtures.terminals.find((candidate) => candidate.mnemonic === terminal.mnemonic)!;
      expect({ class: device.class, allowedKeys: device.allowedKeys }).toEqual({ class: terminal.terminalClass, allowedKeys: terminal.allowedKeys });
      const identity = await security.policy.authenticateTerminal({ mnemonic: terminal.mnemonic, deviceSecret: device.deviceSecret }, { address: 'table' });
      const step = await security.policy.beginLogin(identity, terminal.operatorId, `Demo-Pass-${terminal.operatorId.slice(2)}!`, DEMO_NOW);
      if (step.kind !== 'second-factor') throw new Error('expected a second factor');
      sessions.set(terminal.mnemonic, await security.policy.completeLogin(step.pending, codeAt(security.store.operator(terminal.operatorId)!.totpSecret, DEMO_NOW), DEMO_NOW));
    }
  });

  it('shows 0 wrong accepts and 0 wrong rejects, each denial with its reason code, audited', async () => {
    const audit = new MemoryAuditStore();
    const wrongAccepts: string[] = [];
    const wrongRejects: string[] = [];
    const wrongCodes: string[] = [];
    const denials: { seq: number; code: ErrorCode }[] = [];
    let combinations = 0;
    for (const role of ROLES) {
      for (const certification of Object.keys(CERTIFICATION_STATES) as CertificationState[]) {
        for (const terminal of TERMINALS) {
          // The administrator changes the record; the live session sees it on its next message.
          security.store.updateOperator(terminal.operatorId, { ...BASE_CERTIFICATION, ...CERTIFICATION_STATES[certification], role });
          const session = sessions.get(terminal.mnemonic)!;
          for (const kind of KINDS) {
            combinations += 1;
            const label = `${role} / ${certification} / ${terminal.mnemonic} ${terminal.terminalClass}${terminal.allowedKeys ? ' restricted' : ''} / ${kind.name}`;
            const expected = oracle(role, certification, terminal, kind);
            let actual: Expected;
            try {
              security.policy.checkSession(session, DEMO_NOW + 60_000, true);
              security.policy.authorizeTransaction(session, keyDefinition(kind.key), kind.transaction, DEMO_NOW + 60_000);
              actual = 'accept';
            } catch (error) {
              actual = codeOf(error);
              // As the pipeline does: the reject is audited with its code before it is answered.
              const { seq } = await audit.append({ type: 'reject', at: DEMO_NOW + 60_000, outcome: 'rejected', code: actual, operatorId: terminal.operatorId, terminal: terminal.mnemonic, messageKey: kind.key });
              denials.push({ seq, code: actual });
            }
            if (expected === 'accept' && actual !== 'accept') wrongRejects.push(`${label}: ${actual}`);
            else if (expected !== 'accept' && actual === 'accept') wrongAccepts.push(`${label}: expected ${expected}`);
            else if (expected !== actual) wrongCodes.push(`${label}: ${actual}, expected ${expected}`);
          }
        }
      }
    }
    expect(combinations).toBe(ROLES.length * Object.keys(CERTIFICATION_STATES).length * TERMINALS.length * KINDS.length);
    expect(wrongAccepts).toEqual([]);
    expect(wrongRejects).toEqual([]);
    expect(wrongCodes).toEqual([]);
    await audit.flush();
    const rows = new Map(audit.query({ type: 'reject', limit: 10_000 }).map((row) => [row.seq, row.code]));
    expect(denials.every((denial) => rows.get(denial.seq) === denial.code)).toBe(true);
    // The table exercises both outcomes plentifully.
    expect(denials.length).toBeGreaterThan(combinations / 2);
    expect(combinations - denials.length).toBeGreaterThan(50);
  });

  it('decides logins by the same account rules, on every terminal class', async () => {
    const wrong: string[] = [];
    const fixtures = await demoFixtures();
    let now = DEMO_NOW + 3_600_000;
    for (const role of ROLES) {
      for (const certification of Object.keys(CERTIFICATION_STATES) as CertificationState[]) {
        for (const terminal of TERMINALS) {
          const session = sessions.get(terminal.mnemonic);
          if (session !== undefined) security.policy.endSession(session);
          security.store.updateOperator(terminal.operatorId, { ...BASE_CERTIFICATION, ...CERTIFICATION_STATES[certification], role });
          const device = fixtures.terminals.find((candidate) => candidate.mnemonic === terminal.mnemonic)!;
          const identity = await security.policy.authenticateTerminal({ mnemonic: terminal.mnemonic, deviceSecret: device.deviceSecret }, { address: 'table' });
          now += 30_000; // a fresh TOTP step for every login
          let actual: Expected;
          try {
            const step = await security.policy.beginLogin(identity, terminal.operatorId, `Demo-Pass-${terminal.operatorId.slice(2)}!`, now);
            const opened = step.kind === 'complete' ? step.session
              : await security.policy.completeLogin(step.pending, codeAt(security.store.operator(terminal.operatorId)!.totpSecret, now), now);
            sessions.set(terminal.mnemonic, opened);
            actual = 'accept';
          } catch (error) {
            actual = codeOf(error);
          }
          const expected = loginOracle(role, certification);
          if (actual !== expected) wrong.push(`${role} / ${certification} / ${terminal.mnemonic}: ${actual}, expected ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
