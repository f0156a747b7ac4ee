import { afterEach, describe, expect, it } from 'vitest';
import { totpCode } from '@clets/protocol';
import { MemoryAuditStore } from '../audit/index.js';
import { DEMO_NOW, demoFixtures, TINY_SCRYPT } from '../security/testing.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';

interface Harness {
  readonly sw: CletsSwitch;
  readonly audit: MemoryAuditStore;
  readonly clock: { now: number };
}

const switches: CletsSwitch[] = [];
afterEach(async () => {
  for (const sw of switches.splice(0)) await sw.close();
});

/** A county-19 switch with the CJIS policy on the demo fixtures, not listening: the API through inject(). */
async function start(config: Record<string, unknown> = {}): Promise<Harness> {
  const audit = new MemoryAuditStore();
  const clock = { now: DEMO_NOW };
  const sw = await buildSwitch({
    switchId: 'county-19', messagesPath: ':memory:',
    security: { databasePath: ':memory:', settings: { passwords: { scrypt: TINY_SCRYPT } } },
    log: { level: 'silent' },
    ...config,
  }, { audit, clock: () => clock.now });
  switches.push(sw);
  return { sw, audit, clock };
}

async function totpOf(operatorId: string, now: number): Promise<string> {
  const operator = (await demoFixtures()).operators.find((candidate) => candidate.id === operatorId)!;
  return totpCode(operator.totpSecret, now);
}

function adminLogin(h: Harness, body: Record<string, unknown>, remoteAddress: string) {
  return h.sw.http.inject({ method: 'POST', url: '/v1/admin/sessions', payload: body, remoteAddress });
}

describe('login attempts per source address', () => {
  it('answers 429 with Retry-After once a source spent its budget, on every HTTP login endpoint, and alerts once', async () => {
    const h = await start({ limits: { loginRate: { burst: 3, perMinute: 2 } } });
    const wrong = { operatorId: 'OP1010', password: 'Wrong-Password-1', totpCode: '000000' };
    const statuses: number[] = [];
    for (let count = 0; count < 3; count++) statuses.push((await adminLogin(h, wrong, '10.9.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await adminLogin(h, wrong, '10.9.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.json().error.code).toBe('CLETS_ERR_RATE_LIMITED');
    // The gateway's login shares the budget of the source...
    const gateway = await h.sw.http.inject({
      method: 'POST', url: '/v1/sessions', remoteAddress: '10.9.0.1',
      payload: { mnemonic: 'LA01', deviceSecret: 'x', operatorId: 'OP1001', password: 'x', acknowledgeBanner: true },
    });
    expect([gateway.statusCode, gateway.json().error.code]).toEqual([429, 'CLETS_ERR_RATE_LIMITED']);
    // ...and another source is not held back.
    expect((await adminLogin(h, wrong, '10.9.0.2')).statusCode).toBe(401);
    await h.audit.flush();
    const alerts = h.audit.query({ type: 'security_alert' });
    expect(alerts.map((row) => [row.outcome, row.sourceAddress, row.detail?.['endpoint']])).toEqual([['login_rate_limited', '10.9.0.1', 'admin_session']]);
    // Refused attempts checked no credential: three failures from one source, one from the other, none for the refusals.
    expect(h.sw.security!.policy.lockoutStatus('OP1010', h.clock.now).failures).toBe(4);
    const metrics = (await h.sw.http.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('clets_login_rate_limited_total{endpoint="admin_session"} 1');
  });

  it('gives a successful login its attempt back', async () => {
    const h = await start({ limits: { loginRate: { burst: 1, perMinute: 1 } } });
    for (let count = 0; count < 4; count++) {
      h.clock.now += 30_000;
      const response = await adminLogin(h, { operatorId: 'OP1010', password: 'Demo-Pass-1010!', totpCode: await totpOf('OP1010', h.clock.now) }, '10.9.0.3');
      expect(response.statusCode, response.body).toBe(201);
    }
  });
});
