import { describe, expect, it, vi } from 'vitest';
import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { CletsError, type ErrorCode, type MessageKeyDefinition, type Transaction } from '@clets/protocol';
import { loginFailureReason, type OperatorSession, type TerminalIdentity } from './policy.js';
import {
  codeAt, DEMO_NOW, demoFixtures, GOOD_ROUTE_TO, keyDefinition, pipelineHarness, testSecurity, testSettings, transactionOf, type TestSecurity,
} from '../testing/security.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FAO = 'OP1001';
const PASSWORD = 'Demo-Pass-1001!';

function definition(key: string): MessageKeyDefinition {
  return keyDefinition(key);
}

async function errorOf(work: () => unknown): Promise<ErrorCode | 'none'> {
  try {
    await work();
    return 'none';
  } catch (error) {
    if (error instanceof CletsError) return error.code;
    throw error;
  }
}

function secretOf(fixtures: FixtureSet, mnemonic: string): string {
  const terminal = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  if (terminal === undefined) throw new Error(`no terminal ${mnemonic}`);
  return terminal.deviceSecret;
}

async function terminalOf(security: TestSecurity, mnemonic: string): Promise<TerminalIdentity> {
  const fixtures = await demoFixtures();
  return security.policy.authenticateTerminal({ mnemonic, deviceSecret: secretOf(fixtures, mnemonic) }, { address: '127.0.0.1' });
}

/** Password then TOTP, at the security's clock. */
async function login(security: TestSecurity, operatorId: string, mnemonic: string, password = `Demo-Pass-${operatorId.slice(2)}!`): Promise<OperatorSession> {
  const terminal = await terminalOf(security, mnemonic);
  const now = security.clock.now;
  const step = await security.policy.beginLogin(terminal, operatorId, password, now);
  if (step.kind === 'complete') return step.session;
  return security.policy.completeLogin(step.pending, codeAt(security.store.operator(operatorId)?.totpSecret ?? null, now), now);
}

/**
 * One whole login attempt (password, then a code when asked): the code it was refused with,
 * or 'none'. The code defaults to the operator's right one at `now`.
 */
async function attempt(security: TestSecurity, terminal: TerminalIdentity, operatorId: string, password: string, code?: string, now = security.clock.now): Promise<ErrorCode | 'none'> {
  return (await refusal(security, terminal, operatorId, password, code, now))?.code ?? 'none';
}

async function refusal(security: TestSecurity, terminal: TerminalIdentity, operatorId: string, password: string, code?: string, now = security.clock.now): Promise<CletsError | undefined> {
  try {
    const step = await security.policy.beginLogin(terminal, operatorId, password, now);
    if (step.kind === 'second-factor') {
      const secret = security.store.operator(operatorId)?.totpSecret ?? null;
      await security.policy.completeLogin(step.pending, code ?? (secret === null ? '000000' : codeAt(secret, now)), now);
    }
    return undefined;
  } catch (error) {
    if (error instanceof CletsError) return error;
    throw error;
  }
}

const QW: Transaction = transactionOf('QW', { NAM: 'TALLISTER,MAREN', DOB: '19920703' });

describe('terminals', () => {
  it('accepts a registered terminal with its device secret and refuses unknown ones and wrong secrets', async () => {
    const security = await testSecurity();
    expect((await terminalOf(security, 'LA01')).terminalClass).toBe('desk');
    expect(await errorOf(() => security.policy.authenticateTerminal({ mnemonic: 'ZZ99', deviceSecret: 'x' }, { address: 'a' }))).toBe('CLETS_ERR_TERMINAL_UNKNOWN');
    expect(await errorOf(() => security.policy.authenticateTerminal({ mnemonic: 'LA01', deviceSecret: '0'.repeat(32) }, { address: 'a' }))).toBe('CLETS_ERR_TERMINAL_CREDENTIAL');
    // A terminal of another county's agency is not registered with this switch.
    expect(await errorOf(() => security.policy.authenticateTerminal({ mnemonic: 'SD01', deviceSecret: 'x' }, { address: 'a' }))).toBe('CLETS_ERR_TERMINAL_UNKNOWN');
  });

  it('accepts a verified client certificate registered for the terminal instead of the secret, and refuses another subject', async () => {
    const security = await testSecurity();
    const terminal = security.store.terminal('LA02')!;
    security.store.putTerminal({ ...terminal, certificateSubject: 'CN=LA02,O=LASD' });
    const identity = await security.policy.authenticateTerminal({ mnemonic: 'LA02' }, { address: 'a', certificateSubject: 'CN=LA02,O=LASD' });
    expect(identity.mnemonic).toBe('LA02');
    const fixtures = await demoFixtures();
    expect(await errorOf(() => security.policy.authenticateTerminal({ mnemonic: 'LA02', deviceSecret: secretOf(fixtures, 'LA02') }, { address: 'a', certificateSubject: 'CN=LA01,O=LASD' })))
      .toBe('CLETS_ERR_TERMINAL_CREDENTIAL');
  });

  it('refuses the terminals of an inactive agency', async () => {
    const security = await testSecurity({ switchId: 'county-01' });
    const fixtures = await demoFixtures();
    const terminal = fixtures.terminals.find((candidate) => candidate.ori === WELL_KNOWN.inactiveAgencyOri)!;
    expect(await errorOf(() => security.policy.authenticateTerminal({ mnemonic: terminal.mnemonic, deviceSecret: terminal.deviceSecret }, { address: 'a' })))
      .toBe('CLETS_ERR_AGENCY_INACTIVE');
  });
});

describe('login', () => {
  it('asks for the second factor, then opens a session that must re-authenticate in 12 hours', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const step = await security.policy.beginLogin(terminal, FAO, PASSWORD, DEMO_NOW);
    expect(step.kind).toBe('second-factor');
    if (step.kind !== 'second-factor') return;
    const session = await security.policy.completeLogin(step.pending, codeAt(security.store.operator(FAO)!.totpSecret, DEMO_NOW), DEMO_NOW);
    expect(session).toMatchObject({ operatorId: FAO, ori: 'CA0190000', role: 'FAO', startedAt: DEMO_NOW, reauthenticateAt: DEMO_NOW + 12 * HOUR });
  });

  it('locks the account on the 5th failure within 15 minutes and refuses the 6th attempt with the right password', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const codes: string[] = [];
    for (let count = 1; count <= 5; count++) {
      security.clock.now += MINUTE;
      codes.push(await attempt(security, terminal, FAO, 'wrong-password'));
    }
    expect(codes).toEqual([...Array(4).fill('CLETS_ERR_LOGIN_FAILED'), 'CLETS_ERR_ACCOUNT_LOCKED']);
    security.clock.now += MINUTE;
    expect(await errorOf(() => security.policy.beginLogin(terminal, FAO, PASSWORD, security.clock.now))).toBe('CLETS_ERR_ACCOUNT_LOCKED');
  });

  it('counts only the failures inside the 15-minute window', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    for (let count = 1; count <= 4; count++) await attempt(security, terminal, FAO, 'wrong-password', undefined, DEMO_NOW + count * 1000);
    security.clock.now = DEMO_NOW + 16 * MINUTE;
    expect(await attempt(security, terminal, FAO, 'wrong-password')).toBe('CLETS_ERR_LOGIN_FAILED');
    expect((await login(security, FAO, 'LA01')).operatorId).toBe(FAO);
  });

  it('counts wrong second-factor codes as failed attempts', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      security.clock.now += MINUTE;
      const step = await security.policy.beginLogin(terminal, FAO, PASSWORD, security.clock.now);
      if (step.kind !== 'second-factor') throw new Error('expected a challenge');
      codes.push(await errorOf(() => security.policy.completeLogin(step.pending, '000000', security.clock.now)));
    }
    expect(codes).toEqual([...Array(4).fill('CLETS_ERR_LOGIN_FAILED'), 'CLETS_ERR_ACCOUNT_LOCKED']);
  });

  it('unlocks automatically after 10 minutes with the v5.8 setting', async () => {
    const security = await testSecurity({ settings: testSettings({ lockout: { unlock: 'auto-after-10-minutes' } }) });
    const terminal = await terminalOf(security, 'LA01');
    for (let count = 1; count <= 5; count++) await attempt(security, terminal, FAO, 'wrong-password', undefined, DEMO_NOW);
    security.clock.now = DEMO_NOW + 10 * MINUTE - 1;
    expect(await errorOf(() => security.policy.beginLogin(terminal, FAO, PASSWORD, security.clock.now))).toBe('CLETS_ERR_ACCOUNT_LOCKED');
    expect(security.policy.lockoutStatus(FAO, security.clock.now)).toEqual({ locked: true, failures: 5, unlocksAt: DEMO_NOW + 10 * MINUTE });
    security.clock.now = DEMO_NOW + 10 * MINUTE;
    expect((await login(security, FAO, 'LA01')).operatorId).toBe(FAO);
  });

  it('stays locked until an administrator unlocks it with the v5.9.5 setting (the default)', async () => {
    const security = await testSecurity();
    expect(security.settings.lockout.unlock).toBe('administrator-only');
    const terminal = await terminalOf(security, 'LA01');
    for (let count = 1; count <= 5; count++) await attempt(security, terminal, FAO, 'wrong-password', undefined, DEMO_NOW);
    security.clock.now = DEMO_NOW + 3 * 24 * HOUR;
    expect(await errorOf(() => security.policy.beginLogin(terminal, FAO, PASSWORD, security.clock.now))).toBe('CLETS_ERR_ACCOUNT_LOCKED');
    expect(security.policy.lockoutStatus(FAO, security.clock.now)).toEqual({ locked: true, failures: 5, unlocksAt: undefined });
    expect(security.policy.unlock(FAO)).toBe(true);
    expect((await login(security, FAO, 'LA01')).operatorId).toBe(FAO);
  });

  it('refuses an unknown operator exactly as a wrong password, with the same hashing work, and locks it out alike', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const verify = vi.spyOn(security.hasher, 'verify');
    const unknown = await refusal(security, terminal, 'OP9999', 'wrong-password', '000000', DEMO_NOW);
    const known = await refusal(security, terminal, FAO, 'wrong-password', '000000', DEMO_NOW);
    expect([unknown?.code, unknown?.message]).toEqual([known?.code, known?.message]);
    expect(unknown?.code).toBe('CLETS_ERR_LOGIN_FAILED');
    // One scrypt verification each: the unknown one against a dummy hash of the same cost.
    expect(verify.mock.calls.map((call) => call[1] === null ? 'dummy' : 'stored')).toEqual(['dummy', 'stored']);
    for (let count = 2; count <= 4; count++) await attempt(security, terminal, 'OP9999', 'x', '000000', DEMO_NOW);
    expect(await attempt(security, terminal, 'OP9999', 'x', '000000', DEMO_NOW)).toBe('CLETS_ERR_ACCOUNT_LOCKED');
    expect(await errorOf(() => security.policy.beginLogin(terminal, 'OP9999', 'x', DEMO_NOW))).toBe('CLETS_ERR_ACCOUNT_LOCKED');
    verify.mockRestore();
  });

  it('asks for the code even after a wrong password or an unknown id, then refuses every wrong factor with one answer', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const secret = security.store.operator(FAO)!.totpSecret;
    // The challenge comes whatever the password: it does not say the password was right.
    for (const [id, password] of [[FAO, 'wrong-password'], [FAO, PASSWORD], ['OP9999', 'wrong-password']] as const) {
      expect((await security.policy.beginLogin(terminal, id, password, DEMO_NOW)).kind).toBe('second-factor');
    }
    const wrongPassword = await refusal(security, terminal, FAO, 'wrong-password', codeAt(secret, DEMO_NOW), DEMO_NOW);
    const wrongCode = await refusal(security, terminal, FAO, PASSWORD, '000000', DEMO_NOW);
    const unknownId = await refusal(security, terminal, 'OP9999', 'wrong-password', '000000', DEMO_NOW);
    const answers = [wrongPassword, wrongCode, unknownId].map((error) => [error?.code, error?.message]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]![0]).toBe('CLETS_ERR_LOGIN_FAILED');
    // The real reason stays for the audit log.
    expect([wrongPassword, wrongCode, unknownId].map((error) => loginFailureReason(error!)))
      .toEqual(['CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_SECOND_FACTOR_INVALID', 'CLETS_ERR_LOGIN_FAILED']);
    // One failure per attempt against the account: a wrong password counts when it comes,
    // so the challenge left unanswered above counted too.
    expect(security.policy.lockoutStatus(FAO, DEMO_NOW).failures).toBe(3);
  });

  it('does not use up a right code sent after a wrong password', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const code = codeAt(security.store.operator(FAO)!.totpSecret, DEMO_NOW);
    expect(await attempt(security, terminal, FAO, 'wrong-password', code, DEMO_NOW)).toBe('CLETS_ERR_LOGIN_FAILED');
    expect(await attempt(security, terminal, FAO, PASSWORD, code, DEMO_NOW)).toBe('none');
  });

  it('tells a replayed code as replayed whatever the password, and counts it once', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const code = codeAt(security.store.operator(FAO)!.totpSecret, DEMO_NOW);
    expect(await attempt(security, terminal, FAO, PASSWORD, code, DEMO_NOW)).toBe('none');
    security.policy.endSession(security.policy.sessions.activeFor(FAO)!);
    const later = DEMO_NOW + 10_000;
    expect(await attempt(security, terminal, FAO, 'wrong-password', code, later)).toBe('CLETS_ERR_SECOND_FACTOR_REPLAYED');
    expect(await attempt(security, terminal, FAO, PASSWORD, code, later)).toBe('CLETS_ERR_SECOND_FACTOR_REPLAYED');
    expect(security.policy.lockoutStatus(FAO, later).failures).toBe(2);
  });

  it('checks the account (deactivated, one session at a time) only once both factors are right', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const deactivated = WELL_KNOWN.demoOperators[6].id;
    const password = `Demo-Pass-${deactivated.slice(2)}!`;
    expect((await security.policy.beginLogin(terminal, deactivated, password, DEMO_NOW)).kind).toBe('second-factor');
    expect(await attempt(security, terminal, deactivated, password, '000000', DEMO_NOW)).toBe('CLETS_ERR_LOGIN_FAILED');
    security.clock.now += 30_000;
    expect(await attempt(security, terminal, deactivated, password)).toBe('CLETS_ERR_OPERATOR_DEACTIVATED');
    await login(security, FAO, 'LA01');
    security.clock.now += 30_000;
    const elsewhere = await terminalOf(security, 'LA02');
    expect(await attempt(security, elsewhere, FAO, PASSWORD, '000000')).toBe('CLETS_ERR_LOGIN_FAILED');
    expect(await attempt(security, elsewhere, FAO, PASSWORD)).toBe('CLETS_ERR_SESSION_ACTIVE_ELSEWHERE');
  });

  it('never puts the password in an error', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    for (const id of [FAO, 'OP9999', 'OP1016']) {
      try {
        await security.policy.beginLogin(terminal, id, 'Secret-Typed-Wrong-77', DEMO_NOW);
      } catch (error) {
        expect(JSON.stringify({ message: (error as Error).message, error })).not.toContain('Secret-Typed-Wrong-77');
      }
    }
  });

  it('refuses a replayed TOTP code and accepts the next one', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const secret = security.store.operator(FAO)!.totpSecret;
    const code = codeAt(secret, DEMO_NOW);
    const first = await security.policy.beginLogin(terminal, FAO, PASSWORD, DEMO_NOW);
    if (first.kind !== 'second-factor') throw new Error('expected a challenge');
    const session = await security.policy.completeLogin(first.pending, code, DEMO_NOW);
    security.policy.endSession(session);
    // The same code again, 10 seconds later (same 30 s step): refused.
    const again = await security.policy.beginLogin(terminal, FAO, PASSWORD, DEMO_NOW + 10_000);
    if (again.kind !== 'second-factor') throw new Error('expected a challenge');
    expect(await errorOf(() => security.policy.completeLogin(again.pending, code, DEMO_NOW + 10_000))).toBe('CLETS_ERR_SECOND_FACTOR_REPLAYED');
    // The next step's code is a new code: accepted.
    const later = DEMO_NOW + 30_000;
    const next = await security.policy.beginLogin(terminal, FAO, PASSWORD, later);
    if (next.kind !== 'second-factor') throw new Error('expected a challenge');
    expect((await security.policy.completeLogin(next.pending, codeAt(secret, later), later)).operatorId).toBe(FAO);
  });

  it('answers each challenge once, and not after it expired', async () => {
    const security = await testSecurity();
    const terminal = await terminalOf(security, 'LA01');
    const step = await security.policy.beginLogin(terminal, FAO, PASSWORD, DEMO_NOW);
    if (step.kind !== 'second-factor') throw new Error('expected a challenge');
    const late = DEMO_NOW + 3 * MINUTE;
    expect(await errorOf(() => security.policy.completeLogin(step.pending, codeAt(security.store.operator(FAO)!.totpSecret, late), late))).toBe('CLETS_ERR_LOGIN_FAILED');
    expect(await errorOf(() => security.policy.completeLogin(step.pending, '123456', late))).toBe('CLETS_ERR_FRAME_UNEXPECTED');
  });

  it('refuses deactivated operators, roles that operate no terminal, and uncertified operators', async () => {
    const security = await testSecurity();
    const fixtures = await demoFixtures();
    const of = (role: string, state: string) => fixtures.operators.find((operator) => operator.ori === 'CA0190000' && operator.role === role && operator.certificationState === state)!.id;
    expect(await errorOf(() => login(security, WELL_KNOWN.demoOperators[6].id, 'LA01'))).toBe('CLETS_ERR_OPERATOR_DEACTIVATED');
    for (const role of ['PRACTITIONER', 'ADMINISTRATOR', 'ACC', 'SPOC']) {
      security.clock.now += 30_000;
      expect(await errorOf(() => login(security, of(role, 'current'), 'LA01'))).toBe('CLETS_ERR_ROLE_NO_TERMINAL_ACCESS');
    }
    const expected: Record<string, ErrorCode> = {
      exam_expired: 'CLETS_ERR_CERT_EXAM_EXPIRED', exam_score_low: 'CLETS_ERR_CERT_EXAM_SCORE', dmv_statement_lapsed: 'CLETS_ERR_CERT_DMV_STATEMENT',
      background_failed: 'CLETS_ERR_CERT_BACKGROUND', employee_statement_lapsed: 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT',
    };
    for (const [state, code] of Object.entries(expected)) {
      security.clock.now += 30_000;
      expect(await errorOf(() => login(security, of('LTFAO', state), 'LA01'))).toBe(code);
    }
  });

  it('lets an agency whose coordinator also operates give the ACC inquiry access', async () => {
    const security = await testSecurity({ settings: testSettings({ roles: { terminalAccess: { ACC: 'inquiry' } } }) });
    const fixtures = await demoFixtures();
    const acc = fixtures.operators.find((operator) => operator.ori === 'CA0190000' && operator.role === 'ACC')!.id;
    const session = await login(security, acc, 'LA01');
    expect(security.policy.authorizeTransaction(session, definition('QW'), QW, DEMO_NOW).flags).toEqual([]);
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('EW'), transactionOf('EW', {}), DEMO_NOW))).toBe('CLETS_ERR_ROLE_NOT_PERMITTED');
  });

  it('refuses a second session of the same operator (refuse-new), but lets the same terminal log in again', async () => {
    const security = await testSecurity();
    await login(security, FAO, 'LA01');
    security.clock.now += 30_000;
    expect(await errorOf(() => login(security, FAO, 'LA02'))).toBe('CLETS_ERR_SESSION_ACTIVE_ELSEWHERE');
    security.clock.now += 30_000;
    expect((await login(security, FAO, 'LA01')).terminal.mnemonic).toBe('LA01');
  });

  it('ends the old session when the setting is end-old', async () => {
    const superseded: OperatorSession[] = [];
    const security = await testSecurity({ settings: testSettings({ sessions: { concurrent: 'end-old' } }), onSupersede: (session) => superseded.push(session) });
    const first = await login(security, FAO, 'LA01');
    security.clock.now += 30_000;
    const second = await login(security, FAO, 'LA02');
    expect(superseded).toEqual([first]);
    expect(await errorOf(() => security.policy.checkSession(first, security.clock.now, true))).toBe('CLETS_ERR_SESSION_SUPERSEDED');
    expect(await errorOf(() => security.policy.checkSession(second, security.clock.now, true))).toBe('none');
  });

  it('allows concurrent sessions only with the documented-need setting', async () => {
    const security = await testSecurity({ settings: testSettings({ sessions: { concurrent: 'allow' } }) });
    const first = await login(security, FAO, 'LA01');
    security.clock.now += 30_000;
    const second = await login(security, FAO, 'LA02');
    for (const session of [first, second]) expect(await errorOf(() => security.policy.checkSession(session, security.clock.now, true))).toBe('none');
  });

  it('lets a new login replace a locked session', async () => {
    const security = await testSecurity();
    const first = await login(security, FAO, 'LA01');
    security.clock.now += 31 * MINUTE;
    expect(await errorOf(() => security.policy.checkSession(first, security.clock.now, true))).toBe('CLETS_ERR_SESSION_LOCKED');
    expect((await login(security, FAO, 'LA02')).terminal.mnemonic).toBe('LA02');
  });
});

describe('sessions', () => {
  it('locks a desk session after 30 minutes without activity; activity restarts the timer', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 29 * MINUTE, true))).toBe('none');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 58 * MINUTE, false))).toBe('none');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 59 * MINUTE, false))).toBe('CLETS_ERR_SESSION_LOCKED');
    // Locked stays locked, whatever happens next.
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 59 * MINUTE + 1, true))).toBe('CLETS_ERR_SESSION_LOCKED');
  });

  it('locks at exactly 30 minutes', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 30 * MINUTE - 1, false))).toBe('none');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 30 * MINUTE, false))).toBe('CLETS_ERR_SESSION_LOCKED');
    expect(security.policy.expiredSessions(DEMO_NOW + 30 * MINUTE).map((expiry) => expiry.reason)).toEqual(['idle-lock']);
    expect(security.policy.expiredSessions(DEMO_NOW + 60 * MINUTE).map((expiry) => expiry.reason)).toEqual(['idle-disconnect']);
  });

  it.each([['LA03', 'dispatch'], ['LA05', 'mobile'], ['LA08', 'receive_only']])('does not lock the exempt %s (%s) terminal', async (mnemonic) => {
    const security = await testSecurity();
    const session = await login(security, FAO, mnemonic);
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 31 * MINUTE, false))).toBe('none');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 11 * HOUR, false))).toBe('none');
    expect(security.policy.expiredSessions(DEMO_NOW + 11 * HOUR)).toEqual([]);
  });

  it.each(['LA01', 'LA05'])('requires re-authentication at 12 hours (%s), whatever the activity', async (mnemonic) => {
    const security = await testSecurity();
    const session = await login(security, FAO, mnemonic);
    for (let at = DEMO_NOW + 20 * MINUTE; at < DEMO_NOW + 12 * HOUR; at += 20 * MINUTE) security.policy.checkSession(session, at, true);
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 12 * HOUR - 1, true))).toBe('none');
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW + 12 * HOUR, true))).toBe('CLETS_ERR_REAUTH_REQUIRED');
    expect(security.policy.expiredSessions(DEMO_NOW + 12 * HOUR).map((expiry) => expiry.reason)).toEqual(['reauthenticate']);
  });

  it('applies a certification that lapses during the session at once', async () => {
    const security = await testSecurity();
    // DMV statement signed a year ago today: valid through today, lapsed from midnight.
    security.store.updateOperator(FAO, { dmvStatementSignedOn: '2025-11-01' });
    const session = await login(security, FAO, 'LA05');
    const beforeMidnight = Date.UTC(2026, 10, 1, 23, 59, 0);
    const afterMidnight = Date.UTC(2026, 10, 2, 0, 1, 0);
    expect(security.policy.authorizeTransaction(session, definition('QW'), QW, beforeMidnight).flags).toEqual([]);
    expect(await errorOf(() => security.policy.checkSession(session, afterMidnight, true))).toBe('CLETS_ERR_CERT_DMV_STATEMENT');
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('QW'), QW, afterMidnight))).toBe('CLETS_ERR_CERT_DMV_STATEMENT');
  });

  it('applies an administrator change on the next transaction of a live session', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    const update = transactionOf('XW', { NIC: 'W123456789' });
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('XW'), update, DEMO_NOW))).toBe('none');
    security.store.updateOperator(FAO, { role: 'LTFAO' });
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('XW'), update, DEMO_NOW))).toBe('CLETS_ERR_ROLE_NOT_PERMITTED');
    security.store.updateOperator(FAO, { deactivated: true });
    expect(await errorOf(() => security.policy.checkSession(session, DEMO_NOW, true))).toBe('CLETS_ERR_OPERATOR_DEACTIVATED');
  });
});

describe('route-to and purpose codes', () => {
  it('refuses incomplete route-to fields, vague reasons and missing case numbers, each with its code', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    const fields = { NAM: 'TALLISTER,MAREN', DOB: '19920703' };
    const cases: [Record<string, string>, ErrorCode | 'none'][] = [
      [{ requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' }, 'none'],
      [{ reason: 'TRAFFIC STOP', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_INCOMPLETE'],
      [{ requester: 'DEP VALE', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_INCOMPLETE'],
      [{ requester: 'DEP VALE', reason: 'INVESTIGATION', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_VAGUE_REASON'],
      [{ requester: 'DEP VALE', reason: 'ROUTINE CHECK', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_VAGUE_REASON'],
      [{ requester: 'DEP VALE', reason: 'info', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_VAGUE_REASON'],
      [{ requester: 'DEP VALE', reason: 'X', caseNumber: '26-1' }, 'CLETS_ERR_ROUTE_TO_VAGUE_REASON'],
      [{ requester: 'DEP VALE', reason: 'BURGLARY SUSPECT' }, 'CLETS_ERR_CASE_NUMBER_MISSING'],
      [{ requester: 'DEP VALE', reason: 'BURGLARY SUSPECT', noCaseReason: 'NONE' }, 'CLETS_ERR_CASE_NUMBER_MISSING'],
      [{ requester: 'DEP VALE', reason: 'BURGLARY SUSPECT', noCaseReason: 'FIELD CONTACT' }, 'none'],
    ];
    for (const [routeTo, expected] of cases) {
      expect([routeTo, await errorOf(() => security.policy.authorizeTransaction(session, definition('QW'), transactionOf('QW', fields, routeTo), DEMO_NOW))])
        .toEqual([routeTo, expected]);
    }
  });

  it('asks for the specific reason when the reason is vague', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    try {
      security.policy.authorizeTransaction(session, definition('QW'), transactionOf('QW', { NAM: 'A,B', DOB: '19800101' }, { ...GOOD_ROUTE_TO, reason: 'CHECK' }), DEMO_NOW);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/specific reason/);
    }
  });

  it('requires a purpose code on criminal-history keys and refuses the federal-only ones', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    const fields = { NAM: 'TALLISTER,MAREN', SEX: 'F', DOB: '19920703' };
    const outcome = (purposeCode: string | undefined) => errorOf(() => security.policy.authorizeTransaction(session, definition('QH'), transactionOf('QH', fields, { ...GOOD_ROUTE_TO, ...(purposeCode ? { purposeCode } : {}) }), DEMO_NOW));
    expect(await outcome(undefined)).toBe('CLETS_ERR_PURPOSE_CODE_MISSING');
    for (const code of ['C', 'J', 'D', 'F', 'H', 'I', 'A']) expect(await outcome(code)).toBe('none');
    for (const code of ['S', 'V', 'X', 'R']) expect(await outcome(code)).toBe('CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY');
    expect(await outcome('Q')).toBe('CLETS_ERR_PURPOSE_CODE_INVALID');
  });

  it('needs no route-to on agency-to-agency messages, and full access to broadcast', async () => {
    const security = await testSecurity();
    const ltfao = WELL_KNOWN.demoOperators[1].id;
    const session = await login(security, ltfao, 'LA02');
    const am = (destinations: string[]) => transactionOf('AM', { TXT: 'ATTEMPT TO LOCATE GRAY SEDAN' }, null, destinations);
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('AM'), am(['CA0370000']), DEMO_NOW))).toBe('none');
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('AM'), am(['ALL']), DEMO_NOW))).toBe('CLETS_ERR_BROADCAST_NOT_PERMITTED');
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('AM'), am(['C19']), DEMO_NOW))).toBe('CLETS_ERR_BROADCAST_NOT_PERMITTED');
  });
});

describe('misuse', () => {
  const self = WELL_KNOWN.selfQueryOperator;

  it('refuses a self-query and puts it on the review queue and in the audit log', async () => {
    const security = await testSecurity();
    const session = await login(security, self.operatorId, 'LA01');
    const query = transactionOf('QW', { NAM: `${self.last},${self.first}`, DOB: self.dob });
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('QW'), query, DEMO_NOW))).toBe('CLETS_ERR_SELF_QUERY');
    await security.audit.flush();
    const items = security.reviewQueue.list();
    expect(items).toMatchObject([{ operatorId: self.operatorId, ori: self.ori, kind: 'self-query', refused: true, status: 'open', messageKey: 'QW' }]);
    const rows = security.audit.query({ type: 'misuse_flag' });
    expect(rows).toMatchObject([{ operatorId: self.operatorId, outcome: 'refused', code: 'CLETS_ERR_SELF_QUERY' }]);
    expect(items[0]?.auditSeq).toBe(rows[0]?.seq);
  });

  it('refuses a self-query by licence number too', async () => {
    const security = await testSecurity();
    const fixtures = await demoFixtures();
    const license = fixtures.licenses.find((candidate) => candidate.personId === self.personId);
    expect(license).toBeDefined();
    const session = await login(security, self.operatorId, 'LA01');
    const query = transactionOf('DQ', { OLN: license!.oln, OLS: license!.state });
    expect(await errorOf(() => security.policy.authorizeTransaction(session, definition('DQ'), query, DEMO_NOW))).toBe('CLETS_ERR_SELF_QUERY');
  });

  it('answers a watch-list query but flags it', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    const subject = WELL_KNOWN.watchListed;
    const query = transactionOf('QW', { NAM: `${subject.last},${subject.first}`, DOB: subject.dob });
    const { flags } = security.policy.authorizeTransaction(session, definition('QW'), query, DEMO_NOW);
    expect(flags).toEqual([{ kind: 'watch-list', detail: expect.stringContaining(subject.personId) as string }]);
  });

  it('flags a declared relative and someone living at the operator\'s home address', async () => {
    const security = await testSecurity();
    const session = await login(security, self.operatorId, 'LA01');
    const relative = WELL_KNOWN.operatorRelative;
    const relativeQuery = transactionOf('QW', { NAM: `${relative.last},${relative.first}`, DOB: relative.dob });
    expect(security.policy.authorizeTransaction(session, definition('QW'), relativeQuery, DEMO_NOW).flags.map((flag) => flag.kind)).toContain('relative');

    const fixtures = await demoFixtures();
    const home = security.store.operator(FAO)!.homeAddress!;
    const neighbour = fixtures.persons.find((person) => person.id !== security.store.operator(FAO)!.personId && person.address.street !== home.street);
    // Move someone into the operator's home: querying them is flagged.
    const moved = { ...fixtures, persons: fixtures.persons.map((person) => (person.id === neighbour!.id ? { ...person, address: { ...person.address, street: home.street, zip: home.zip } } : person)) };
    const other = await testSecurity({ data: moved });
    const session2 = await login(other, FAO, 'LA01');
    const query = transactionOf('QW', { NAM: `${neighbour!.last},${neighbour!.first}`, DOB: neighbour!.dob });
    expect(other.policy.authorizeTransaction(session2, definition('QW'), query, DEMO_NOW).flags.map((flag) => flag.kind)).toContain('home-address');
  });

  it('flags an unusual volume once per operator-hour', async () => {
    const security = await testSecurity({ settings: testSettings({ misuse: { unusualVolumePerHour: 3 } }) });
    const session = await login(security, FAO, 'LA05');
    const kinds = Array.from({ length: 6 }, (_, index) => security.policy.authorizeTransaction(session, definition('QW'), QW, DEMO_NOW + index).flags.map((flag) => flag.kind));
    expect(kinds).toEqual([[], [], [], ['unusual-volume'], [], []]);
  });

  it('flags a colleague: a subject who is an employee of the operator\'s own agency, not of another', async () => {
    const security = await testSecurity();
    const fixtures = await demoFixtures();
    const personOf = (operatorId: string) => fixtures.persons.find((person) => person.id === fixtures.operators.find((operator) => operator.id === operatorId)!.personId)!;
    const session = await login(security, FAO, 'LA01');
    const kindsFor = (operatorId: string) => {
      const person = personOf(operatorId);
      return security.policy.authorizeTransaction(session, definition('QW'), transactionOf('QW', { NAM: `${person.last},${person.first}`, DOB: person.dob }), DEMO_NOW).flags.map((flag) => flag.kind);
    };
    expect(kindsFor('OP1003')).toEqual(['colleague']);
    // An officer of Harbor Vista PD, served by the same switch, is not the sheriff's employee.
    expect(kindsFor(fixtures.operators.find((operator) => operator.ori === 'CA0190100')!.id)).toEqual([]);
    // A former employee is no longer a colleague.
    security.store.updateOperator('OP1003', { deactivated: true });
    expect(kindsFor('OP1003')).toEqual([]);
  });

  it('flags a criminal-justice purpose code given with a licensing or permit reason', async () => {
    const security = await testSecurity();
    const session = await login(security, FAO, 'LA01');
    const qh = (reason: string, purposeCode: string) => transactionOf('QH', { NAM: 'TALLISTER,MAREN', SEX: 'F', DOB: '19920703' }, { ...GOOD_ROUTE_TO, reason, purposeCode });
    const kinds = [
      qh('CCW PERMIT APPLICANT BACKGROUND', 'C'), qh('CCW PERMIT APPLICANT BACKGROUND', 'I'), qh('BURGLARY SUSPECT INTERVIEW', 'C'),
    ].map((transaction) => security.policy.authorizeTransaction(session, definition('QH'), transaction, DEMO_NOW).flags.map((flag) => flag.kind));
    expect(kinds).toEqual([['purpose-mismatch'], [], []]);
  });

  it('flags an operator working another agency\'s terminal, once per session', async () => {
    const security = await testSecurity();
    const other = security.store.terminals({ ori: 'CA0190100' })[0]!.mnemonic;
    const session = await login(security, FAO, other);
    const kinds = [0, 1].map((index) => security.policy.authorizeTransaction(session, definition('QW'), QW, DEMO_NOW + index).flags.map((flag) => flag.kind));
    expect(kinds).toEqual([['other-agency-terminal'], []]);
    const home = await login(security, 'OP1003', 'LA03');
    expect(security.policy.authorizeTransaction(home, definition('QW'), QW, DEMO_NOW).flags).toEqual([]);
  });

  it('flags one operator acting from two addresses at two terminals within minutes', async () => {
    const security = await testSecurity({ settings: testSettings({ sessions: { concurrent: 'end-old' } }) });
    const fixtures = await demoFixtures();
    const at = async (mnemonic: string, address: string): Promise<OperatorSession> => {
      const terminal = await security.policy.authenticateTerminal({ mnemonic, deviceSecret: secretOf(fixtures, mnemonic) }, { address });
      security.clock.now += 30_000;
      const step = await security.policy.beginLogin(terminal, FAO, PASSWORD, security.clock.now);
      if (step.kind !== 'second-factor') throw new Error('expected a challenge');
      return security.policy.completeLogin(step.pending, codeAt(security.store.operator(FAO)!.totpSecret, security.clock.now), security.clock.now);
    };
    const desk = await at('LA01', '10.1.0.11');
    expect(security.policy.authorizeTransaction(desk, definition('QW'), QW, security.clock.now).flags).toEqual([]);
    // Someone else logs in as the same operator from another address, at another terminal.
    const elsewhere = await at('LA03', '10.7.0.99');
    const { flags } = security.policy.authorizeTransaction(elsewhere, definition('QW'), QW, security.clock.now);
    expect(flags).toEqual([{ kind: 'two-addresses', detail: expect.stringContaining('10.1.0.11 at LA01') as string }]);
  });

  it('puts each new signal on the review queue with its reason, through the pipeline', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const fixtures = await demoFixtures();
    const colleague = fixtures.persons.find((person) => person.id === security.store.operator('OP1003')!.personId)!;
    const other = security.store.terminals({ ori: 'CA0190100' })[0]!.mnemonic;
    const session = await login(security, FAO, other);
    await harness.send(session, `QW.CA0190000.NAM/${colleague.last},${colleague.first}.DOB/${colleague.dob}.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`);
    await harness.send(session, 'QH.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.RTE/REQ:DEP R VALE 4411;RSN:CCW PERMIT APPLICANT;CASE:26-001234;PUR:C');
    await security.audit.flush();
    const items = security.reviewQueue.list();
    expect(items.map((item) => [item.kind, item.operatorId, item.refused])).toEqual([
      ['colleague', FAO, false], ['other-agency-terminal', FAO, false], ['purpose-mismatch', FAO, false],
    ]);
    const flagged = security.audit.query({ type: 'misuse_flag' }).map((row) => row.detail?.['kind']);
    expect(flagged).toEqual(['colleague', 'other-agency-terminal', 'purpose-mismatch']);
    for (const item of items) expect(security.audit.query({ type: 'transaction' }).some((row) => row.seq === item.auditSeq)).toBe(true);
    expect(security.audit.verify().ok).toBe(true);
  });
});
