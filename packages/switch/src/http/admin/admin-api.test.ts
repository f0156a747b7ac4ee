import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { WELL_KNOWN } from '@clets/fixtures';
import { base32Encode, totpCode } from '@clets/protocol';
import { HitStatus } from '@clets/protocol';
import { codeAt, DEMO_NOW, demoFixtures, keyDefinition, loginAt, pipelineHarness, testHasher, testSecurity, transactionOf, type TestSecurity } from '../../testing/security.js';
import { adminApi } from './admin-api.js';

const ORI = 'CA0190000';
const MINUTE = 60_000;

interface Harness {
  app: FastifyInstance;
  security: TestSecurity;
  /** Logs an administrator in; returns the bearer header. */
  login(id: string, password?: string): Promise<{ authorization: string }>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth?: { authorization: string }, payload?: unknown): Promise<LightMyRequestResponse>;
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

const CONFIG_SECRET = base32Encode(Buffer.alloc(20, 7));

async function harness(): Promise<Harness> {
  const security = await testSecurity();
  const app = Fastify();
  apps.push(app);
  await app.register(adminApi, {
    security, audit: security.audit, clock: () => security.clock.now, switchId: 'county-19',
    configAdministrators: [{ id: 'bootstrap', passwordHash: await testHasher().hash('Bootstrap-Admin-Pass'), totpSecret: CONFIG_SECRET }],
    requiresRouteTo: (key) => keyDefinition(key).routeToRequired,
  });
  await app.ready();
  const call: Harness['call'] = (method, url, auth, payload) => app.inject({ method, url, ...(auth ? { headers: auth } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    app, security, call,
    async login(id, password = `Demo-Pass-${id.slice(2)}!`) {
      security.clock.now += 30_000; // a fresh TOTP step for every login
      const secret = id === 'bootstrap' ? CONFIG_SECRET : security.store.operator(id)!.totpSecret;
      const response = await call('POST', '/v1/admin/sessions', undefined, { operatorId: id, password, totpCode: codeAt(secret, security.clock.now) });
      expect(response.statusCode, response.body).toBe(201);
      return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
    },
  };
}

async function idOf(role: string, ori = ORI): Promise<string> {
  const fixtures = await demoFixtures();
  return fixtures.operators.find((operator) => operator.ori === ori && operator.role === role && operator.certificationState === 'current')!.id;
}

async function adminActions(security: TestSecurity): Promise<{ action: unknown; outcome: string; code?: string | undefined }[]> {
  await security.audit.flush();
  return security.audit.query({ type: 'admin_action', limit: 10_000 }).map((row) => ({ action: row.detail?.['action'], outcome: row.outcome, ...(row.code ? { code: row.code } : {}) }));
}

describe('administrator login', () => {
  it('needs the password and a second factor, and audits success and failure', async () => {
    const h = await harness();
    const admin = await idOf('ADMINISTRATOR');
    const wrong = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: admin, password: `Demo-Pass-${admin.slice(2)}!`, totpCode: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'CLETS_ERR_LOGIN_FAILED', message: 'operator id or password invalid: check the id, password and one-time code' } });
    const auth = await h.login(admin);
    expect((await h.call('GET', '/v1/admin/operators', auth)).statusCode).toBe(200);
    expect(await adminActions(h.security)).toEqual([
      { action: 'login', outcome: 'rejected', code: 'CLETS_ERR_LOGIN_FAILED' },
      { action: 'login', outcome: 'success' },
      { action: 'operators.list', outcome: 'success' },
    ]);
  });

  it('refuses operators whose role does not administer, a missing token, and an idle token', async () => {
    const h = await harness();
    const fao = 'OP1001';
    h.security.clock.now += 30_000;
    const refused = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: fao, password: 'Demo-Pass-1001!', totpCode: codeAt(h.security.store.operator(fao)!.totpSecret, h.security.clock.now) });
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'CLETS_ERR_LOGIN_FAILED']);
    const missing = await h.call('GET', '/v1/admin/operators');
    expect([missing.statusCode, missing.json().error.code]).toEqual([401, 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    h.security.clock.now += 30 * MINUTE;
    expect((await h.call('GET', '/v1/admin/operators', auth)).json().error.code).toBe('CLETS_ERR_ADMIN_TOKEN_INVALID');
    expect((await adminActions(h.security)).filter((row) => row.outcome === 'denied').map((row) => row.code))
      .toEqual(['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
  });

  it('answers a wrong password, a wrong code and an id that does not administer alike, and audits the real reason', async () => {
    const h = await harness();
    const admin = await idOf('ADMINISTRATOR');
    h.security.clock.now += 30_000;
    const now = h.security.clock.now;
    const tries = [
      { operatorId: admin, password: 'Wrong-Password-1', totpCode: codeAt(h.security.store.operator(admin)!.totpSecret, now) },
      { operatorId: admin, password: `Demo-Pass-${admin.slice(2)}!`, totpCode: '000000' },
      { operatorId: 'OP1001', password: 'Demo-Pass-1001!', totpCode: codeAt(h.security.store.operator('OP1001')!.totpSecret, now) },
      { operatorId: 'OP9999', password: 'Wrong-Password-1', totpCode: '000000' },
      { operatorId: 'bootstrap', password: 'Bootstrap-Admin-Pass', totpCode: '000000' },
    ];
    const answers = [];
    for (const body of tries) {
      const response = await h.call('POST', '/v1/admin/sessions', undefined, body);
      answers.push(`${response.statusCode} ${response.body}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^401 .*CLETS_ERR_LOGIN_FAILED/);
    await h.security.audit.flush();
    const reasons = h.security.audit.query({ type: 'admin_action', limit: 100 }).map((row) => [row.operatorId, row.code, row.detail?.['reason']]);
    expect(reasons).toEqual([
      [admin, 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_LOGIN_FAILED'],
      [admin, 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_SECOND_FACTOR_INVALID'],
      ['OP1001', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_ADMIN_NOT_PERMITTED'],
      ['OP9999', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_ADMIN_NOT_PERMITTED'],
      ['bootstrap', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_SECOND_FACTOR_INVALID'],
    ]);
  });

  it('never locks an operator who does not administer out of their terminal through this endpoint', async () => {
    const h = await harness();
    const target = 'OP1002';
    expect(h.security.store.operator(target)!.role).not.toMatch(/ADMINISTRATOR|ACC/);
    const before = h.security.store.operator(target)!;
    const codes: string[] = [];
    for (let count = 0; count < 8; count++) {
      const response = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: target, password: 'x', totpCode: '000000' });
      codes.push(response.json().error.code);
    }
    // It answers as an administrator's account would (no telling who administers)...
    expect(codes).toEqual([...Array(4).fill('CLETS_ERR_LOGIN_FAILED'), ...Array(4).fill('CLETS_ERR_ACCOUNT_LOCKED')]);
    // ...but the account, its second-factor state and its terminal login are untouched.
    expect(h.security.policy.lockoutStatus(target, h.security.clock.now)).toEqual({ locked: false, failures: 0, unlocksAt: undefined });
    expect(h.security.store.operator(target)!.totpLastStep).toBe(before.totpLastStep);
    const terminal = (await demoFixtures()).terminals.find((candidate) => candidate.ori === before.ori)!.mnemonic;
    expect((await loginAt(h.security, target, terminal)).operatorId).toBe(target);
  });

  it("counts an administrator's failures here toward their account's lockout", async () => {
    const h = await harness();
    const admin = await idOf('ADMINISTRATOR');
    for (let count = 0; count < 5; count++) await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: admin, password: 'x', totpCode: '000000' });
    expect(h.security.policy.lockoutStatus(admin, h.security.clock.now).locked).toBe(true);
    h.security.clock.now += 30_000;
    const right = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: admin, password: `Demo-Pass-${admin.slice(2)}!`, totpCode: codeAt(h.security.store.operator(admin)!.totpSecret, h.security.clock.now) });
    expect([right.statusCode, right.json().error.code]).toEqual([423, 'CLETS_ERR_ACCOUNT_LOCKED']);
  });

  it('lets a bootstrap account create the first administrator, and nothing more', async () => {
    const h = await harness();
    const auth = await h.login('bootstrap', 'Bootstrap-Admin-Pass');
    const refused = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const response = await h.call(method, url, auth, payload);
      return [response.statusCode, response.json().error?.code];
    };
    for (const url of ['/v1/admin/operators', '/v1/admin/operators/OP1001', '/v1/admin/terminals', '/v1/admin/review-queue', '/v1/admin/reports/route-to']) {
      expect(await refused('GET', url)).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    }
    expect(await refused('POST', '/v1/admin/operators/OP1001/unlock')).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    const first = {
      id: 'OP1950', name: { last: 'Marrow', first: 'Ines' }, ori: ORI, role: 'ADMINISTRATOR', password: 'Copper-Heron-Atlas', appointedOn: '2026-09-01', backgroundCheck: 'cleared',
      securityAwareness: { level: 'privileged', completedOn: '2026-09-15' }, liabilitySignedOn: '2026-09-15',
    };
    // The fixtures have an administrator: the bootstrap account may not add another.
    expect(await refused('POST', '/v1/admin/operators', first)).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    for (const operator of h.security.store.operators({ role: 'ADMINISTRATOR' })) h.security.store.updateOperator(operator.id, { deactivated: true });
    expect(await refused('POST', '/v1/admin/operators', { ...first, role: 'ACC' })).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    const created = await h.call('POST', '/v1/admin/operators', auth, first);
    expect(created.statusCode, created.body).toBe(201);
    expect(await refused('POST', '/v1/admin/operators', { ...first, id: 'OP1951' })).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    // The new administrator logs in with their own factors and administers.
    h.security.clock.now += 30_000;
    const secret = (created.json() as { secondFactor: { secret: string } }).secondFactor.secret;
    const login = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: 'OP1950', password: 'Copper-Heron-Atlas', totpCode: codeAt(secret, h.security.clock.now) });
    expect(login.statusCode, login.body).toBe(201);
    expect((await h.call('GET', '/v1/admin/operators', { authorization: `Bearer ${login.json().token}` })).statusCode).toBe(200);
  });
});

describe('operators', () => {
  it('creates an operator who may work once trained, tested, cleared and signed', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ACC'));
    const created = await h.call('POST', '/v1/admin/operators', auth, {
      id: 'OP1900', name: { last: 'Harlow', first: 'Dane' }, ori: ORI, role: 'LTFAO', password: 'Marble-Otter-Lantern', appointedOn: '2026-09-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as { operator: Record<string, unknown>; secondFactor: { secret: string; uri: string } };
    expect(body.operator).toMatchObject({ id: 'OP1900', name: { last: 'HARLOW', first: 'DANE' }, passwordSet: true, secondFactorEnrolled: true, backgroundCheck: 'pending', certification: { current: false, lapse: { code: 'CLETS_ERR_CERT_BACKGROUND' } } });
    expect(body.secondFactor.uri).toContain(`secret=${body.secondFactor.secret}`);
    expect(created.body).not.toContain('Marble-Otter-Lantern');
    expect(JSON.stringify((await h.call('GET', '/v1/admin/operators/OP1900', auth)).json())).not.toMatch(/scrypt|Marble|"totpSecret"|"secret"/);

    const fixtures = await demoFixtures();
    const la02 = fixtures.terminals.find((terminal) => terminal.mnemonic === 'LA02')!;
    const terminal = await h.security.policy.authenticateTerminal({ mnemonic: 'LA02', deviceSecret: la02.deviceSecret }, { address: 'x' });
    const tryLogin = async (): Promise<string> => {
      h.security.clock.now += 30_000;
      try {
        const step = await h.security.policy.beginLogin(terminal, 'OP1900', 'Marble-Otter-Lantern', h.security.clock.now);
        if (step.kind === 'second-factor') await h.security.policy.completeLogin(step.pending, totpCode(body.secondFactor.secret, h.security.clock.now), h.security.clock.now);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(await tryLogin()).toBe('CLETS_ERR_CERT_BACKGROUND');
    for (const [path, payload] of [
      ['background', { result: 'cleared' }], ['training', { trainedOn: '2026-09-20' }], ['exams', { takenOn: '2026-10-01', score: 91 }],
      ['statements', { kind: 'employee', signedOn: '2026-09-01' }],
    ] as const) {
      expect((await h.call('POST', `/v1/admin/operators/OP1900/${path}`, auth, payload)).statusCode).toBe(200);
    }
    expect(await tryLogin()).toBe('CLETS_ERR_CERT_DMV_STATEMENT');
    expect((await h.call('POST', '/v1/admin/operators/OP1900/statements', auth, { kind: 'dmv', signedOn: '2026-09-02' })).json().operator.certification.current).toBe(false);
    // Security awareness at the level of the role (CJIS 5.2): basic is not enough for an operator.
    expect(await tryLogin()).toBe('CLETS_ERR_CERT_AWARENESS');
    expect((await h.call('POST', '/v1/admin/operators/OP1900/awareness', auth, { level: 'basic', completedOn: '2026-09-03' })).json().operator.certification.lapse.code).toBe('CLETS_ERR_CERT_AWARENESS');
    expect((await h.call('POST', '/v1/admin/operators/OP1900/awareness', auth, { level: 'general', completedOn: '2026-09-03' })).json().operator.certification.current).toBe(true);
    expect(await tryLogin()).toBe('ok');
  });

  it('needs the FAO-level exam of an LTFAO promoted to FAO, and the liability packet of an administrator', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    const session = await loginAt(h.security, 'OP1005', 'LA02');
    const query = () => {
      try {
        h.security.policy.authorizeTransaction(session, keyDefinition('QW'), transactionOf('QW', { NAM: 'TALLISTER,MAREN', DOB: '19920703' }), h.security.clock.now);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(query()).toBe('ok');
    expect((await h.call('PATCH', '/v1/admin/operators/OP1005', auth, { role: 'FAO' })).json().operator.certification.lapse)
      .toEqual({ code: 'CLETS_ERR_CERT_EXAM_LEVEL', detail: expect.stringContaining('no FAO-level proficiency exam on file') as string });
    expect(query()).toBe('CLETS_ERR_CERT_EXAM_LEVEL');
    // The exam defaults to the level of the role now held.
    const exam = await h.call('POST', '/v1/admin/operators/OP1005/exams', auth, { takenOn: '2026-10-20', score: 84 });
    expect(exam.json().operator).toMatchObject({ examLevel: 'FAO', certification: { current: true } });
    expect(query()).toBe('ok');

    // An administrator whose liability sign-off lapsed logs in no more.
    const admin = await idOf('ADMINISTRATOR');
    h.security.store.updateOperator(admin, { liabilitySignedOn: '2024-10-31' });
    h.security.clock.now += 30_000;
    const refused = await h.call('POST', '/v1/admin/sessions', undefined, { operatorId: admin, password: `Demo-Pass-${admin.slice(2)}!`, totpCode: codeAt(h.security.store.operator(admin)!.totpSecret, h.security.clock.now) });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'CLETS_ERR_CERT_LIABILITY']);
    expect(refused.json().error.message).toContain('Areas of Liability packet signed 2024-10-31 lapsed');
  });

  it('refuses a banned password, a taken id, a future date and an invalid body, in the error shape', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    const base = { id: 'OP1901', name: { last: 'A', first: 'B' }, ori: ORI, role: 'FAO', appointedOn: '2026-01-05' };
    const banned = await h.call('POST', '/v1/admin/operators', auth, { ...base, password: 'P@ssw0rd1' });
    expect([banned.statusCode, banned.json().error.code, banned.json().error.field]).toEqual([400, 'CLETS_ERR_PASSWORD_POLICY', 'password']);
    const taken = await h.call('POST', '/v1/admin/operators', auth, { ...base, id: 'OP1001', password: 'Marble-Otter-Lantern' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'CLETS_ERR_RESOURCE_CONFLICT']);
    const future = await h.call('POST', '/v1/admin/operators/OP1001/training', auth, { trainedOn: '2027-01-01' });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'CLETS_ERR_REQUEST_INVALID']);
    const invalid = await h.call('POST', '/v1/admin/operators/OP1001/exams', auth, { takenOn: '2026-02-30', score: 80 });
    expect(invalid.json()).toEqual({ error: { code: 'CLETS_ERR_REQUEST_INVALID', message: 'request invalid: body.takenOn: not a calendar date', field: 'takenOn' } });
  });

  it('keeps an ACC to their own agency and to operator roles', async () => {
    const h = await harness();
    const acc = await idOf('ACC');
    const auth = await h.login(acc);
    const otherAgency = await idOf('FAO', 'CA0190100');
    expect((await h.call('GET', `/v1/admin/operators/${otherAgency}`, auth)).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    expect((await h.call('PATCH', '/v1/admin/operators/OP1001', auth, { role: 'ADMINISTRATOR' })).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    expect((await h.call('PATCH', `/v1/admin/operators/${acc}`, auth, { role: 'FAO' })).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    expect((await h.call('POST', '/v1/admin/terminals', auth, { mnemonic: 'LA99', ori: ORI, class: 'desk' })).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    const listed = (await h.call('GET', '/v1/admin/operators', auth)).json() as { operators: { ori: string }[] };
    expect(new Set(listed.operators.map((operator) => operator.ori))).toEqual(new Set([ORI]));
    expect((await adminActions(h.security)).filter((row) => row.outcome === 'denied')).toHaveLength(4);
  });

  it('keeps an ACC from taking over, deactivating or unlocking an administrator of their own agency', async () => {
    const h = await harness();
    const acc = await idOf('ACC');
    const administrator = await idOf('ADMINISTRATOR');
    expect(h.security.store.operator(administrator)!.ori).toBe(h.security.store.operator(acc)!.ori);
    const auth = await h.login(acc);
    const refusals = [
      await h.call('PATCH', `/v1/admin/operators/${administrator}`, auth, { password: 'Taken-Over-Pass-77!' }),
      await h.call('PATCH', `/v1/admin/operators/${administrator}`, auth, { resetSecondFactor: true }),
      await h.call('POST', `/v1/admin/operators/${administrator}/deactivate`, auth, { reason: 'locking the administrator out' }),
      await h.call('POST', `/v1/admin/operators/${administrator}/unlock`, auth),
      await h.call('POST', `/v1/admin/operators/${administrator}/liability`, auth, { signedOn: '2026-06-01' }),
    ];
    for (const refused of refusals) {
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
      expect(refused.json().error.message).toContain('only administrators');
    }
    expect(h.security.store.operator(administrator)!.deactivated).toBe(false);
    // Their own account and the operators they may grant stay theirs to change.
    expect((await h.call('POST', '/v1/admin/operators/OP1003/deactivate', auth, { reason: 'left the agency' })).statusCode).toBe(200);
    expect((await h.call('PATCH', `/v1/admin/operators/${acc}`, auth, { name: h.security.store.operator(acc)!.name })).statusCode).toBe(200);
  });

  it('deactivates an operator, which stops their live session at the next message, and unlocks a locked one', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    const session = await loginAt(h.security, 'OP1003', 'LA03');
    const query = transactionOf('QW', { NAM: 'TALLISTER,MAREN', DOB: '19920703' });
    expect((await h.call('POST', '/v1/admin/operators/OP1003/deactivate', auth, { reason: 'left the agency' })).json().operator.deactivated).toBe(true);
    expect(() => h.security.policy.authorizeTransaction(session, keyDefinition('QW'), query, h.security.clock.now)).toThrowError(/deactivated/);
    expect((await h.call('POST', '/v1/admin/operators/OP1003/deactivate', auth, { reason: 'again' })).statusCode).toBe(409);

    const fixtures = await demoFixtures();
    const la01 = fixtures.terminals.find((terminal) => terminal.mnemonic === 'LA01')!;
    const terminal = await h.security.policy.authenticateTerminal({ mnemonic: 'LA01', deviceSecret: la01.deviceSecret }, { address: 'x' });
    for (let attempt = 0; attempt < 5; attempt++) await h.security.policy.beginLogin(terminal, 'OP1001', 'wrong', h.security.clock.now).catch(() => {});
    expect((await h.call('GET', '/v1/admin/operators/OP1001', auth)).json().operator.lockout).toEqual({ locked: true, failures: 5 });
    expect((await h.call('POST', '/v1/admin/operators/OP1001/unlock', auth)).json().operator.lockout).toEqual({ locked: false, failures: 0 });
    h.security.clock.now += 30_000;
    expect((await loginAt(h.security, 'OP1001', 'LA01')).operatorId).toBe('OP1001');
  });

  it('changes a password under the policy and resets a second factor, auditing neither secret', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    const changed = await h.call('PATCH', '/v1/admin/operators/OP1001', auth, { password: 'Copper-Heron-Valley', resetSecondFactor: true });
    expect(changed.statusCode).toBe(200);
    const secret = (changed.json() as { secondFactor: { secret: string } }).secondFactor.secret;
    expect(secret).not.toBe(WELL_KNOWN.demoOperators[0].password);
    await h.security.audit.flush();
    const rows = JSON.stringify(h.security.audit.query({ type: 'admin_action' }));
    expect(rows).not.toContain('Copper-Heron-Valley');
    expect(rows).not.toContain(secret);
    expect(rows).toContain('"category":"password_change"');
    expect(await h.security.hasher.verify('Copper-Heron-Valley', h.security.store.operator('OP1001')!.passwordHash)).toBe(true);
  });
});

describe('terminals', () => {
  it('registers a terminal with a generated secret shown once, which then authenticates', async () => {
    const h = await harness();
    const auth = await h.login(await idOf('ADMINISTRATOR'));
    const registered = await h.call('POST', '/v1/admin/terminals', auth, { mnemonic: 'LA90', ori: ORI, class: 'mobile', allowedKeys: ['QW', 'QV'] });
    expect(registered.statusCode, registered.body).toBe(201);
    const { deviceSecret, terminal } = registered.json() as { deviceSecret: string; terminal: Record<string, unknown> };
    expect(terminal).toMatchObject({ mnemonic: 'LA90', terminalClass: 'mobile', allowedKeys: ['QW', 'QV'], active: true, deviceSecretSet: true });
    expect((await h.security.policy.authenticateTerminal({ mnemonic: 'LA90', deviceSecret }, { address: 'x' })).terminalClass).toBe('mobile');
    expect((await h.call('GET', '/v1/admin/terminals', auth)).body).not.toContain(deviceSecret);
    expect((await h.call('PATCH', '/v1/admin/terminals/LA90', auth, { active: false })).json().terminal.active).toBe(false);
    await expect(h.security.policy.authenticateTerminal({ mnemonic: 'LA90', deviceSecret }, { address: 'x' })).rejects.toThrowError(/not registered/);
  });
});

describe('review queue, release log and reports', () => {
  it('reads the review queue and closes an item with a finding, once, never one\'s own', async () => {
    const h = await harness();
    const self = WELL_KNOWN.selfQueryOperator;
    const session = await loginAt(h.security, self.operatorId, 'LA01');
    expect(() => h.security.policy.authorizeTransaction(session, keyDefinition('QW'), transactionOf('QW', { NAM: `${self.last},${self.first}`, DOB: self.dob }), h.security.clock.now)).toThrow();
    const acc = await idOf('ACC');
    const auth = await h.login(acc);
    const items = (await h.call('GET', '/v1/admin/review-queue?status=open', auth)).json() as { items: { id: number; kind: string }[] };
    expect(items.items.map((item) => item.kind)).toEqual(['self-query']);
    const id = items.items[0]!.id;
    const closed = await h.call('POST', `/v1/admin/review-queue/${id}/close`, auth, { finding: 'SUSTAINED: PERSONAL USE; OPERATOR COUNSELED' });
    expect(closed.json().item).toMatchObject({ status: 'closed', closedBy: acc, finding: 'SUSTAINED: PERSONAL USE; OPERATOR COUNSELED' });
    expect((await h.call('POST', `/v1/admin/review-queue/${id}/close`, auth, { finding: 'again' })).statusCode).toBe(409);
    h.security.reviewQueue.add({ at: h.security.clock.now, operatorId: acc, ori: ORI, kind: 'relative', detail: 'x' });
    expect((await h.call('POST', `/v1/admin/review-queue/${id + 1}/close`, auth, { finding: 'mine' })).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
  });

  it('records releases and serves every report in text, CSV and JSON', async () => {
    const h = await harness();
    // OP1001 asked for a criminal history that ACHS answered with a record: that is what was released.
    const pipeline = pipelineHarness(h.security, {
      answer: (system, transaction) => (system === 'CORI' ? {
        header: transaction.header ?? null, system, status: HitStatus.HIT_STATUS_HIT, text: 'CORI RECORD',
        records: [{ status: HitStatus.HIT_STATUS_HIT, system, file: 'ACHS', recordId: 'CH0000001' }],
      } : undefined),
    });
    h.security.clock.now += 30_000;
    const frames = await pipeline.send(await loginAt(h.security, 'OP1001', 'LA01'), 'QR.CA0190000.SID/A47301233.RTE/REQ:JUDGE A MERCER;RSN:COURT RECORD REVIEW;CASE:26-000877;PUR:C');
    const inputSeq = Number(frames.find((frame) => frame.receipt)?.receipt?.header?.inputSeq);
    const auth = await h.login(await idOf('ACC'));
    const recorded = await h.call('POST', '/v1/admin/releases', auth, {
      releasedOn: '2026-11-01', requester: 'Judge A Mercer', requestingAgency: 'Superior Court', information: 'CORI summary', transmittedBy: 'fax', releasedBy: 'OP1001',
      transaction: { terminal: 'LA01', inputSeq },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().release).toMatchObject({ ori: ORI, requester: 'JUDGE A MERCER', recordedBy: await idOf('ACC'), transaction: { inputSeq, records: ['ACHS:CH0000001'] } });
    const csv = await h.call('GET', '/v1/admin/reports/release-log?format=csv', auth);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('2026-11-01,JUDGE A MERCER,SUPERIOR COURT,CORI SUMMARY,FAX,OP1001,CA0190000,');
    const text = await h.call('GET', '/v1/admin/reports/expiring?format=text&days=90', auth);
    expect(text.body).toContain('CERTIFICATIONS LAPSING IN THE NEXT 90 DAYS\nAS OF 2026-11-01  ORI CA0190000');
    const misuse = await h.call('GET', '/v1/admin/reports/misuse?year=2026', auth);
    expect(misuse.json().report.title).toBe('ANNUAL MISUSE INVESTIGATION REPORT 2026');
    const routeTo = await h.call('GET', '/v1/admin/reports/route-to?from=2026-11-01&to=2026-11-02', auth);
    expect(routeTo.json().report.rows).toMatchObject([{ operator: 'OP1001', accepted: 1, compliant: '100.0' }]);
    await h.security.audit.flush();
    expect(h.security.audit.query({ type: 'audit_read', operatorId: await idOf('ACC') })).toHaveLength(1);
    expect((await h.call('GET', '/v1/admin/reports/route-to?ori=CA0370000', auth)).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
  });
});

it('starts at the demo reference time', () => {
  expect(DEMO_NOW).toBe(Date.UTC(2026, 10, 1, 16));
});
