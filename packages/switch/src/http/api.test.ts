import { afterEach, describe, expect, it } from 'vitest';
import { subjectKeys, totpCode } from '@clets/protocol';
import { MemoryAuditStore } from '../audit/index.js';
import { DEMO_NOW, demoFixtures, TINY_SCRYPT } from '../testing/security.js';
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
  }, { audit, clock: () => clock.now, data: await demoFixtures() });
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

describe('audit reads', () => {
  async function adminToken(h: Harness, operatorId: string): Promise<string> {
    h.clock.now += 30_000;
    const response = await adminLogin(h, { operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: await totpOf(operatorId, h.clock.now) }, '127.0.0.1');
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token as string;
  }

  /** Rows of two agencies of this switch and one row of the switch itself. */
  async function someRows(h: Harness): Promise<void> {
    for (const ori of ['CA0190000', 'CA0190100']) {
      await h.audit.append({ type: 'transaction', at: h.clock.now, outcome: 'accepted', operatorId: 'OP1001', ori, messageKey: 'QW', switchId: 'county-19' });
    }
    await h.audit.append({ type: 'link_state', at: h.clock.now, outcome: 'up', switchId: 'county-19', detail: { link: 'NCIC' } });
  }

  function read(h: Harness, token: string | undefined, query = '') {
    return h.sw.http.inject({ url: `/v1/audit${query}`, ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }) });
  }

  it("gives an administrator every row of the switch, and audits the read under that person's id first", async () => {
    const h = await start();
    await someRows(h);
    const token = await adminToken(h, 'OP1010');
    const response = await read(h, token, '?limit=1000');
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().rows as { type: string; ori: string | null; operatorId: string | null }[];
    expect(rows.filter((row) => row.type === 'transaction').map((row) => row.ori)).toEqual(['CA0190000', 'CA0190100']);
    expect(rows.some((row) => row.type === 'link_state')).toBe(true);
    // The read itself is the last row it returns: written before the rows were read.
    expect(rows.at(-1)).toMatchObject({ type: 'audit_read', operatorId: 'OP1010' });
  });

  it('pages with afterSeq: the next page starts after the last row of the one before, and misses none', async () => {
    const h = await start();
    for (let index = 0; index < 5; index++) await someRows(h);
    const token = await adminToken(h, 'OP1010');
    const pages: number[][] = [];
    let afterSeq: number | undefined;
    for (let page = 0; page < 10; page++) {
      const response = await read(h, token, `?type=transaction&limit=4${afterSeq === undefined ? '' : `&afterSeq=${afterSeq}`}`);
      expect(response.statusCode, response.body).toBe(200);
      const seqs = (response.json().rows as { seq: number }[]).map((row) => row.seq);
      pages.push(seqs);
      if (seqs.length < 4) break;
      afterSeq = seqs.at(-1);
    }
    expect(pages.map((seqs) => seqs.length)).toEqual([4, 4, 2]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(10);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect((await read(h, token, '?afterSeq=-1')).json().error).toMatchObject({ code: 'CLETS_ERR_REQUEST_INVALID', field: 'afterSeq' });
  });

  it("keeps an Agency CLETS Coordinator to their own agency's rows", async () => {
    const h = await start();
    await someRows(h);
    const token = await adminToken(h, 'OP1027'); // ACC of CA0190100
    const rows = (await read(h, token, '?type=transaction')).json().rows as { ori: string }[];
    expect(rows.map((row) => row.ori)).toEqual(['CA0190100']);
    const other = await read(h, token, '?ori=CA0190000');
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    await h.audit.flush();
    expect(h.audit.query({ type: 'audit_read' }).map((row) => [row.operatorId, row.outcome, row.ori])).toEqual([
      ['OP1027', 'success', 'CA0190100'],
      ['OP1027', 'denied', 'CA0190100'],
    ]);
  });

  it('reads nothing with no session, an operator who does not administer, or a bootstrap account', async () => {
    const bootstrapSecret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    const h = await start();
    const hash = await h.sw.security!.hasher.hash('Bootstrap-Admin-Pass');
    const withBootstrap = await start({ security: { databasePath: ':memory:', settings: { passwords: { scrypt: TINY_SCRYPT } }, administrators: [{ id: 'bootstrap', passwordHash: hash, totpSecret: bootstrapSecret }] } });
    await someRows(withBootstrap);
    expect((await read(withBootstrap, undefined)).statusCode).toBe(401);
    withBootstrap.clock.now += 30_000;
    const bootstrap = await adminLogin(withBootstrap, { operatorId: 'bootstrap', password: 'Bootstrap-Admin-Pass', totpCode: totpCode(bootstrapSecret, withBootstrap.clock.now) }, '127.0.0.1');
    expect(bootstrap.statusCode, bootstrap.body).toBe(201);
    const refused = await read(withBootstrap, bootstrap.json().token as string);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    const operator = await adminLogin(withBootstrap, { operatorId: 'OP1001', password: 'Demo-Pass-1001!', totpCode: await totpOf('OP1001', withBootstrap.clock.now) }, '127.0.0.1');
    expect(operator.statusCode).toBe(401);
  });

  it('no longer accepts a shared token in the configuration, and says what replaced it', async () => {
    await expect(start({ http: { adminToken: 'demo-admin-token-0001' } })).rejects.toThrow(/http\.adminToken: removed.*POST \/v1\/admin\/sessions/);
  });
});

describe('GET /v1/audit/search', () => {
  async function adminToken(h: Harness, operatorId: string): Promise<string> {
    h.clock.now += 30_000;
    const response = await adminLogin(h, { operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: await totpOf(operatorId, h.clock.now) }, '127.0.0.1');
    expect(response.statusCode, response.body).toBe(201);
    return response.json().token as string;
  }

  /** The same subject looked up at two agencies of this switch, and a plate. */
  async function lookUps(h: Harness): Promise<void> {
    const row = (ori: string, operatorId: string, line: string) => ({
      type: 'transaction' as const, at: h.clock.now, outcome: 'accepted', operatorId, terminal: 'LA01', ori, messageKey: line.slice(0, 2), switchId: 'county-19',
      routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH' }, subjectKeys: subjectKeys({ text: line }),
    });
    await h.audit.appendMany([
      row('CA0190000', 'OP1001', 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412'),
      row('CA0190100', 'OP1101', 'QW.CA0190100.NAM/CORVALE,DESMIN.DOB/19860412'),
      row('CA0190000', 'OP1002', 'QV.CA0190000.LIC/8ABC123.LIS/CA'),
    ]);
  }

  function search(h: Harness, token: string | undefined, query: string) {
    return h.sw.http.inject({ url: `/v1/audit/search?${query}`, ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }) });
  }

  it("finds who looked up a subject for an administrator, in every agency of the switch, audited under that person's id first", async () => {
    const h = await start();
    await lookUps(h);
    const token = await adminToken(h, 'OP1010');
    const answer = await search(h, token, 'name=KORVALE,%20DESMIN&dob=19860412');
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json() as { scope: unknown; hits: { operatorId: string; ori: string; routeTo: unknown }[] };
    expect(body.scope).toBe('all');
    expect(body.hits.map((hit) => [hit.operatorId, hit.ori])).toEqual([['OP1001', 'CA0190000'], ['OP1101', 'CA0190100']]);
    expect(body.hits[0]?.routeTo).toEqual({ requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH' });
    expect((await search(h, token, 'plate=8ABC123')).json().count).toBe(1);
    await h.audit.flush();
    expect(h.audit.query({ type: 'audit_read' }).map((row) => [row.operatorId, row.outcome])).toEqual([['OP1010', 'success'], ['OP1010', 'success']]);
  });

  it("keeps an Agency CLETS Coordinator to their own agency's look-ups, and refuses another agency's by name", async () => {
    const h = await start();
    await lookUps(h);
    const token = await adminToken(h, 'OP1027'); // ACC of CA0190100
    const own = (await search(h, token, 'name=KORVALE,DESMIN&dob=19860412')).json() as { scope: unknown; hits: { operatorId: string }[] };
    expect(own.scope).toEqual({ oris: ['CA0190100'] });
    expect(own.hits.map((hit) => hit.operatorId)).toEqual(['OP1101']);
    const other = await search(h, token, 'name=KORVALE,DESMIN&ori=CA0190000');
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    await h.audit.flush();
    expect(h.audit.query({ type: 'audit_read' }).map((row) => [row.operatorId, row.outcome])).toEqual([['OP1027', 'success'], ['OP1027', 'denied']]);
  });

  it('refuses a caller with no administrator session (audited), and a malformed query naming its field', async () => {
    const h = await start();
    const refused = await search(h, undefined, 'name=KORVALE,DESMIN');
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
    const token = await adminToken(h, 'OP1010');
    for (const [query, field] of [['dob=19860412', 'dob'], ['name=KORVALE', 'name'], ['limit=0', 'limit'], ['from=soon', 'from'], ['colour=RED', '']] as const) {
      const bad = await search(h, token, query);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code).toBe('CLETS_ERR_REQUEST_INVALID');
      if (field !== '') expect(bad.json().error.field).toBe(field);
    }
    await h.audit.flush();
    expect(h.audit.query({ type: 'audit_read' }).map((row) => row.outcome)).toEqual(['denied']);
  });
});

describe('guessing administrator tokens', () => {
  it('counts a request refused for its token against the source, so the guesses and their audit rows stop', async () => {
    const h = await start({ limits: { loginRate: { burst: 3, perMinute: 1 } } });
    const statuses: number[] = [];
    for (let count = 0; count < 6; count++) {
      const url = count % 2 === 0 ? '/v1/audit' : '/v1/admin/operators';
      statuses.push((await h.sw.http.inject({ url, remoteAddress: '10.9.0.7', headers: { authorization: `Bearer guess-${count}` } })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    await h.audit.flush();
    expect(h.audit.query({ type: 'audit_read' }).map((row) => row.outcome)).toEqual(['denied', 'denied']);
    expect(h.audit.query({ type: 'admin_action' }).map((row) => row.code)).toEqual(['CLETS_ERR_ADMIN_TOKEN_INVALID']);
    // An administrator elsewhere is not held back, and their own reads cost nothing.
    h.clock.now += 30_000;
    const login = await adminLogin(h, { operatorId: 'OP1010', password: 'Demo-Pass-1010!', totpCode: await totpOf('OP1010', h.clock.now) }, '10.9.0.8');
    const token = login.json().token as string;
    for (let count = 0; count < 5; count++) {
      expect((await h.sw.http.inject({ url: '/v1/audit?limit=1', remoteAddress: '10.9.0.8', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    }
  });
});

describe('gateway login', () => {
  it('answers a wrong password and a wrong or missing code alike, so neither factor is confirmed alone', async () => {
    const h = await start();
    const la01 = (await demoFixtures()).terminals.find((terminal) => terminal.mnemonic === 'LA01')!;
    const open = async (password: string, totpCode?: string): Promise<string> => {
      const response = await h.sw.http.inject({
        method: 'POST', url: '/v1/sessions', remoteAddress: '10.9.1.1',
        payload: { mnemonic: 'LA01', deviceSecret: la01.deviceSecret, operatorId: 'OP1003', password, acknowledgeBanner: true, ...(totpCode === undefined ? {} : { totpCode }) },
      });
      return `${response.statusCode} ${response.body}`;
    };
    const right = 'Demo-Pass-1003!';
    expect(await open('Wrong-Guess-1', '000000')).toBe(await open(right, '000000'));
    expect(await open('Wrong-Guess-1')).toBe(await open(right));
    expect(await open(right, '000000')).toMatch(/^401 .*CLETS_ERR_LOGIN_FAILED/);
    // Four failures counted: every wrong password (with or without a code) and every wrong code;
    // the right password without a code is not a failure.
    expect(h.sw.security!.policy.lockoutStatus('OP1003', h.clock.now).failures).toBe(4);
    h.clock.now += 30_000;
    expect(await open(right, await totpOf('OP1003', h.clock.now))).toMatch(/^201 /);
  });
});
