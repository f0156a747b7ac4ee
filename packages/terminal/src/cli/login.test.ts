import { describe, expect, it } from 'vitest';
import { CletsError, type LoginResult } from '@clets/protocol';
import type { LoginCredentials } from '../index.js';
import { logIn, type LoginTarget } from './login.js';
import { scriptedAsk } from './testing/scripted-ask.js';

const BANNER = { bannerId: 'b1', text: 'RESTRICTED SYSTEM', statements: ['Use is monitored and audited.'] };
const OK: LoginResult = { ok: true, operatorId: 'OP1', ori: 'CA0194200', terminal: 'T001' };

/** A target that answers each login() with the next outcome: a result, or an error code to refuse with. */
function target(outcomes: (LoginResult | string)[]): LoginTarget & { logins: LoginCredentials[]; connected: number } {
  const logins: LoginCredentials[] = [];
  const stub = {
    state: 'idle',
    logins,
    connected: 0,
    async connect() {
      stub.connected += 1;
      stub.state = 'banner';
      return BANNER;
    },
    async login(credentials: LoginCredentials) {
      logins.push(credentials);
      const outcome = outcomes.shift();
      if (outcome === undefined) throw new Error('unexpected login');
      if (typeof outcome === 'string') throw new CletsError(outcome as 'CLETS_ERR_LOGIN_FAILED');
      stub.state = 'ready';
      return outcome;
    },
  };
  return stub;
}

const plan = { operator: undefined, password: undefined, totpSecret: undefined, acceptBanner: false };

describe('logIn', () => {
  it('shows the banner, asks for its acknowledgement, the operator and the password (hidden)', async () => {
    const stub = target([OK]);
    const script = scriptedAsk(['yes', 'op1', 'correct horse 1']);
    await expect(logIn(stub, plan, script)).resolves.toBe(OK);
    expect(script.said[0]).toContain('SYSTEM USE NOTIFICATION\nRESTRICTED SYSTEM\n - Use is monitored and audited.');
    expect(script.questions.map((q) => [q.question, q.options.hidden === true])).toEqual([
      ['Do you acknowledge this notice and wish to continue? (yes/no)', false], ['Operator ID', false], ['Password', true],
    ]);
    expect(stub.logins[0]).toMatchObject({ operatorId: 'OP1', password: 'correct horse 1' });
  });

  it('refuses to log in when the banner is not acknowledged', async () => {
    const stub = target([OK]);
    await expect(logIn(stub, plan, scriptedAsk(['no']))).rejects.toMatchObject({ code: 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED' });
    await expect(logIn(target([OK]), plan, { say: () => undefined, ask: undefined })).rejects.toMatchObject({ code: 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED' });
    expect(stub.logins).toEqual([]);
  });

  it('asks for the one-time code when there is no TOTP secret, and computes it when there is', async () => {
    const asked = target([OK]);
    const script = scriptedAsk(['123 456']);
    await logIn(asked, { ...plan, operator: 'OP1', password: 'pw', acceptBanner: true }, script);
    await expect(asked.logins[0]?.secondFactor?.({ method: 'TOTP' })).resolves.toBe('123456');
    const computed = target([OK]);
    await logIn(computed, { ...plan, operator: 'OP1', password: 'pw', totpSecret: 'JBSWY3DPEHPK3PXP', acceptBanner: true }, scriptedAsk([]));
    expect(computed.logins[0]).toMatchObject({ totpSecret: 'JBSWY3DPEHPK3PXP' });
  });

  it('lets a typed password be typed again, up to three tries', async () => {
    const script = scriptedAsk(['yes', 'OP1', 'wrong', 'also wrong', 'right']);
    await expect(logIn(target(['CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_LOGIN_FAILED', OK]), plan, script)).resolves.toBe(OK);
    expect(script.said.filter((text) => text.startsWith('LOGIN REFUSED'))).toHaveLength(2);
    const fourth = scriptedAsk(['yes', 'OP1', 'a', 'b', 'c']);
    await expect(logIn(target(['CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_LOGIN_FAILED']), plan, fourth)).rejects.toMatchObject({ code: 'CLETS_ERR_LOGIN_FAILED' });
  });

  it('tries a password from the environment once, and a locked account not again', async () => {
    await expect(logIn(target(['CLETS_ERR_LOGIN_FAILED', OK]), { ...plan, operator: 'OP1', password: 'env', acceptBanner: true }, scriptedAsk([])))
      .rejects.toMatchObject({ code: 'CLETS_ERR_LOGIN_FAILED' });
    await expect(logIn(target(['CLETS_ERR_ACCOUNT_LOCKED', OK]), { ...plan, acceptBanner: true }, scriptedAsk(['OP1', 'pw'])))
      .rejects.toMatchObject({ code: 'CLETS_ERR_ACCOUNT_LOCKED' });
  });

  it('waits for the next TOTP step once when a computed code was already used', async () => {
    const slept: number[] = [];
    const stub = target(['CLETS_ERR_SECOND_FACTOR_REPLAYED', OK]);
    const script = scriptedAsk([]);
    await expect(logIn(stub, { ...plan, operator: 'OP1', password: 'pw', totpSecret: 'JBSWY3DPEHPK3PXP', acceptBanner: true }, {
      ...script, clock: () => 1_000_010_000, sleep: async (ms) => {
        slept.push(ms);
      },
    })).resolves.toBe(OK);
    expect(slept).toEqual([10_250]);
    expect(script.said).toContain('ONE-TIME CODE ALREADY USED: WAITING 11 S FOR THE NEXT ONE');
  });

  it('needs a terminal to ask on for what the plan lacks', async () => {
    await expect(logIn(target([OK]), { ...plan, acceptBanner: true }, { say: () => undefined, ask: undefined }))
      .rejects.toThrow(/operator id needed and there is no terminal to ask on/);
  });
});
