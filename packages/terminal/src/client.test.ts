import { afterEach, describe, expect, it } from 'vitest';
import { CletsError, HitStatus, totpCode, type Transaction } from '@clets/protocol';
import { TerminalClient } from './client.js';
import type { TerminalClientOptions } from './options.js';
import {
  answer, FAKE_OPERATOR, FAKE_TERMINAL, hit, noRecord, refuse, startFakeSwitch, systemReject,
  type FakeSwitch, type FakeSwitchOptions,
} from './testing/index.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

let fake: FakeSwitch | undefined;
let client: TerminalClient | undefined;

afterEach(async () => {
  await client?.close();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function setup(fakeOptions: FakeSwitchOptions = {}, clientOptions: Partial<TerminalClientOptions> = {}) {
  fake = await startFakeSwitch(fakeOptions);
  client = new TerminalClient({
    url: fake.url, mnemonic: FAKE_TERMINAL.mnemonic, deviceSecret: FAKE_TERMINAL.deviceSecret,
    operatorId: FAKE_OPERATOR.operatorId, password: FAKE_OPERATOR.password, requestTimeoutMs: 2_000,
    ...clientOptions,
  });
  return { fake, client };
}

const inquiry = (name: string): Transaction => ({
  header: { messageKey: 'QW' },
  routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP 10-55 SUSP VEH', caseNumber: '24-001234' },
  fields: [{ tag: 'NAM', value: name }, { tag: 'DOB', value: '19800115' }],
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<CletsError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CletsError);
  expect((error as CletsError).code).toBe(code);
  return error as CletsError;
}

describe('connect and login', () => {
  it('shows the banner, acknowledges it, and logs in', async () => {
    const { fake, client } = await setup();
    const banner = await client.connect();
    expect(client.state).toBe('banner');
    expect(client.banner?.bannerId).toBe('banner-1');
    expect(banner.statements?.length).toBe(4);
    const result = await client.login();
    expect(result).toMatchObject({ ok: true, operatorId: 'OP1', terminal: 'T001' });
    expect(client.state).toBe('ready');
    expect(client.session?.sessionId).toBe('fake-session-1');
    expect(fake.received.map((received) => received.frame.body)).toEqual(['terminalHello', 'bannerAck', 'operatorLogin']);
    expect(fake.received[0]?.frame.terminalHello).toMatchObject({ mnemonic: 'T001', protocolVersion: 1 });
  });

  it('answers the TOTP challenge with the code of the injected clock', async () => {
    const now = Date.UTC(2025, 0, 15, 12, 0, 10);
    const { fake, client } = await setup(
      { clock: () => now, operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: TOTP_SECRET } } },
      { clock: () => now, totpSecret: TOTP_SECRET },
    );
    await client.connect();
    await expect(client.login()).resolves.toMatchObject({ ok: true });
    const answered = fake.received.find((received) => received.frame.body === 'secondFactorAnswer');
    expect(answered?.frame.secondFactorAnswer?.code).toBe(totpCode(TOTP_SECRET, now));
  });

  it('asks the secondFactor callback when one is given', async () => {
    const now = Date.UTC(2025, 0, 15, 12, 0, 10);
    const asked: string[] = [];
    const { client } = await setup(
      { clock: () => now, operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: TOTP_SECRET } } },
      { clock: () => now, secondFactor: async ({ method }) => { asked.push(method); return totpCode(TOTP_SECRET, now); } },
    );
    await client.open();
    expect(asked).toEqual(['TOTP']);
    expect(client.state).toBe('ready');
  });

  it('throws the typed refusal: wrong password, locked account, wrong TOTP code; a retry may follow', async () => {
    const now = Date.UTC(2025, 0, 15, 12, 0, 10);
    const { client } = await setup({
      clock: () => now,
      operators: { OP1: { password: FAKE_OPERATOR.password }, OP2: { password: 'pw-locked-2', locked: true }, OP3: { password: 'pw-totp-3', totpSecret: TOTP_SECRET } },
    });
    await client.connect();
    await expectCode(client.login({ password: 'not the password' }), 'CLETS_ERR_LOGIN_FAILED');
    expect(client.state).toBe('banner');
    await expectCode(client.login({ operatorId: 'OP2', password: 'pw-locked-2' }), 'CLETS_ERR_ACCOUNT_LOCKED');
    await expectCode(client.login({ operatorId: 'OP3', password: 'pw-totp-3', secondFactor: async () => '000000' }), 'CLETS_ERR_SECOND_FACTOR_INVALID');
    await expect(client.login()).resolves.toMatchObject({ ok: true });
  });

  it('is refused a login without the banner acknowledged', async () => {
    const { client } = await setup();
    await client.connect();
    await expectCode(client.login({ acknowledgeBanner: false }), 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED');
  });

  it('rejects connect() for an unregistered terminal, and for a switch that is not there', async () => {
    const { fake } = await setup();
    const stranger = new TerminalClient({ url: fake.url, mnemonic: 'ZZ99', deviceSecret: 'whatever-secret' });
    await expectCode(stranger.connect(), 'CLETS_ERR_TERMINAL_UNKNOWN');
    expect(stranger.state).toBe('idle');
    const url = fake.url;
    await fake.close();
    const nobody = new TerminalClient({ url, mnemonic: 'T001', deviceSecret: 'x' });
    await expectCode(nobody.connect(), 'CLETS_ERR_SYSTEM_UNAVAILABLE');
  });

  it('refuses a send before login at once, without writing anything', async () => {
    const { fake, client } = await setup();
    await expectCode(client.send(inquiry('DOE,JOHN')), 'CLETS_ERR_NOT_LOGGED_IN');
    await client.connect();
    await expectCode(client.send('QW.CA0194200.NAM/DOE,JOHN'), 'CLETS_ERR_NOT_LOGGED_IN');
    expect(fake.received.some((received) => received.frame.body === 'transaction')).toBe(false);
  });

  it('validates its options, naming every problem', () => {
    expect(() => new TerminalClient({ url: 'http://x', mnemonic: '', deviceSecret: 's' }))
      .toThrow(/url: must be a ws:\/\/ or wss:\/\/ URL; mnemonic/);
  });
});

describe('transactions', () => {
  it('correlates receipt, responses and completion, and fills id and control', async () => {
    const { fake, client } = await setup({ scripts: { QW: answer({ responses: [noRecord('NCIC'), hit('CORI', 'WPS WANTED PERSON')] }) } });
    await client.open();
    const progress: string[] = [];
    const result = await client.send(inquiry('DOE,JOHN'), { onProgress: (event) => progress.push(event.kind) });
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.clientMessageId).toMatch(/^T001-[0-9a-f]{8}-1$/);
    expect(result.control).toBe('000001');
    expect(result.receipt?.header).toMatchObject({ clientMessageId: result.clientMessageId, control: '000001' });
    expect(Number(result.receipt?.header?.inputSeq)).toBe(1);
    expect(result.responses.map((response) => response.system)).toEqual(['NCIC', 'CORI']);
    expect(result.completion.answered).toEqual(['NCIC', 'CORI']);
    expect(result.hit).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(progress).toEqual(['receipt', 'response', 'response']);
    const sent = fake.received.find((received) => received.frame.body === 'transaction')?.frame.transaction;
    expect(sent?.header?.clientMessageId).toBe(result.clientMessageId);
    expect(client.stats).toMatchObject({ sent: 1, completed: 1, uncorrelated: 0 });
  });

  it('takes an answer far larger than what it may send (a name search with many hits), and still refuses to send a large frame', async () => {
    const big = 'W'.repeat(300 * 1024);
    const { client } = await setup({ scripts: { QW: answer({ responses: [hit('NCIC', big)] }) } });
    await client.open();
    const result = await client.send(inquiry('DOE,JOHN'));
    expect(result.outcome).toBe('completed');
    expect(result.responses[0]?.text).toHaveLength(big.length);
    await expectCode(client.send({ ...inquiry('DOE,JOHN'), text: 'X'.repeat(70 * 1024) }), 'CLETS_ERR_FRAME_TOO_LARGE');
  });

  it('parses a typed line, sends it with the line as text, and refuses a malformed one before it travels', async () => {
    const { fake, client } = await setup({ scripts: { DQ: answer({ responses: [noRecord('DMV')] }) } });
    await client.open();
    const result = await client.sendOrThrow('  DQ.CA0194200.OLN/A1234567.OLS/CA ');
    expect(result.responses[0]?.system).toBe('DMV');
    const sent = fake.received.find((received) => received.frame.body === 'transaction')?.frame.transaction;
    expect(sent?.text).toBe('DQ.CA0194200.OLN/A1234567.OLS/CA');
    expect(sent?.header).toMatchObject({ messageKey: 'DQ', ori: 'CA0194200', control: '000001' });
    expect(sent?.fields?.map((field) => `${field.tag}/${field.value}`)).toEqual(['OLN/A1234567', 'OLS/CA']);

    const error = await expectCode(client.send('DQ.CA0194200.OLN/A1234567.OLSCA'), 'CLETS_ERR_TEXT_SYNTAX');
    expect(error.position).toBe(27);
    expect(fake.received.filter((received) => received.frame.body === 'transaction').length).toBe(1);
    expect(client.inFlight).toBe(0);
  });

  it('keeps 50 concurrent transactions apart when their answers come out of order', async () => {
    const { client } = await setup({
      scripts: {
        QW: (transaction) => {
          const name = transaction.fields?.[0]?.value ?? '';
          const n = Number(name.split(',')[1]);
          const delayMs = ((n * 37) % 50) + 1;
          return [
            { kind: 'receipt', delayMs: delayMs % 7 },
            noRecord('NCIC', { text: `NCIC ${name}`, delayMs }),
            noRecord('CORI', { text: `CORI ${name}`, delayMs: (n * 13) % 11 }),
            { kind: 'completion' },
          ];
        },
      },
    });
    await client.open();
    const names = Array.from({ length: 50 }, (_, n) => `DOE,${n}`);
    const results = await Promise.all(names.map((name) => client.send(inquiry(name))));
    results.forEach((result, n) => {
      expect(result.outcome).toBe('completed');
      expect(result.responses.map((response) => response.text)).toEqual([`NCIC DOE,${n}`, `CORI DOE,${n}`]);
      expect(result.transaction.fields?.[0]?.value).toBe(`DOE,${n}`);
    });
    expect(new Set(results.map((result) => result.clientMessageId)).size).toBe(50);
    expect(client.stats).toMatchObject({ sent: 50, completed: 50, uncorrelated: 0 });
    expect(client.inFlight).toBe(0);
  });

  it('counts an answer for an unknown id and never attaches it to a request', async () => {
    const { client } = await setup({
      scripts: {
        QW: [
          { kind: 'receipt' },
          noRecord('NCIC', { clientMessageId: 'T001-nobody-9', text: 'STRAY' }),
          { kind: 'completion', clientMessageId: 'T001-nobody-9' },
          noRecord('NCIC', { text: 'MINE' }),
          { kind: 'completion' },
        ],
      },
    });
    await client.open();
    const stray: string[] = [];
    client.on('uncorrelated', (event) => stray.push(`${event.kind}:${event.clientMessageId}`));
    const result = await client.send(inquiry('DOE,JOHN'));
    expect(result.responses.map((response) => response.text)).toEqual(['MINE']);
    expect(client.stats.uncorrelated).toBe(2);
    expect(stray).toEqual(['response:T001-nobody-9', 'completion:T001-nobody-9']);
  });

  it('resolves a transaction-level reject as a result; sendOrThrow throws it', async () => {
    const { client } = await setup({ scripts: { QW: refuse('CLETS_ERR_ROUTE_TO_MISSING', undefined, 'RTE') } });
    await client.open();
    const result = await client.send(inquiry('DOE,JOHN'));
    expect(result.outcome).toBe('rejected');
    expect(result.rejected).toMatchObject({ code: 'CLETS_ERR_ROUTE_TO_MISSING', wireCode: 210, field: 'RTE' });
    expect(result.receipt).toBeUndefined();
    const error = await expectCode(client.sendOrThrow(inquiry('DOE,JOHN')), 'CLETS_ERR_ROUTE_TO_MISSING');
    expect(error.field).toBe('RTE');
    expect(error.message).toBe('route-to field (RTE) missing: state requester, reason and case number');
    expect(client.stats).toMatchObject({ rejected: 2, completed: 0 });
  });

  it('keeps a system reject after the receipt inside the result, and queued notices too', async () => {
    const { client } = await setup({
      scripts: { QW: answer({ queued: [{ kind: 'queued', system: 'NLETS' }], responses: [noRecord('NCIC')], rejects: [systemReject('CORI')] }) },
    });
    await client.open();
    const result = await client.sendOrThrow(inquiry('DOE,JOHN'));
    expect(result.rejects.map((reject) => [reject.system, reject.code])).toEqual([['CORI', 'CLETS_ERR_SYSTEM_TIMEOUT']]);
    expect(result.queued.map((notice) => notice.system)).toEqual(['NLETS']);
    expect(result.completion).toMatchObject({ answered: ['NCIC'], failed: ['CORI'] });
  });

  it('gives up at the deadline, and counts what comes later as late', async () => {
    const { client } = await setup(
      // The switch answers only after the client's deadline (timers fire in order: deterministic).
      { scripts: { QW: [{ kind: 'receipt', delayMs: 400 }, { kind: 'completion' }] } },
      { requestTimeoutMs: 100 },
    );
    await client.open();
    const late: string[] = [];
    client.on('late', (event) => late.push(event.kind));
    const completionCame = new Promise<void>((resolve) => client.on('late', (event) => { if (event.kind === 'completion') resolve(); }));
    const error = await expectCode(client.send(inquiry('DOE,JOHN')), 'CLETS_ERR_SYSTEM_TIMEOUT');
    expect(error.message).toMatch(/no completion for T001-.* within 100 ms \(no receipt\)/);
    await completionCame;
    expect(late).toEqual(['receipt', 'completion']);
    expect(client.stats).toMatchObject({ timedOut: 1, late: 2, uncorrelated: 0 });
  });

  it('emits a hit event from the structured flag, whatever the text says', async () => {
    const { client } = await setup({
      scripts: { QW: answer({ responses: [noRecord('NCIC', { text: 'HIT HIT HIT' }), hit('CORI', 'NO RECORD FOUND')] }) },
    });
    await client.open();
    const hits: string[] = [];
    client.on('hit', (event) => hits.push(`${event.response.system}:${event.correlated}`));
    await client.send(inquiry('DOE,JOHN'));
    expect(hits).toEqual(['CORI:true']);
  });
});

describe('unsolicited traffic and heartbeats', () => {
  it('emits AM, SM, YQ, YR and delivery reports as typed events, stored AMs right after login', async () => {
    const { fake, client } = await setup({ storedTraffic: [{ adminMessage: { text: 'STORED AM', messageId: 'am-0' } }] });
    const stored = client.next('adminMessage');
    const login = await client.open();
    expect(login.messagesWaiting).toBe(1);
    expect((await stored)[0].text).toBe('STORED AM');

    const admin = client.next('adminMessage');
    const status = client.next('statusMessage');
    const yq = client.next('hitConfirmationRequest');
    const yr = client.next('hitConfirmationResponse');
    const report = client.next('deliveryReport');
    fake.push({ adminMessage: { officerSafety: 'ARMED AND DANGEROUS', text: 'BOLO GRAY SEDAN', broadcast: true, messageId: 'am-1' } });
    fake.push({ statusMessage: { system: 'NCIC', state: 2, text: 'NCIC DOWN' } });
    fake.push({ hitConfirmationRequest: { confirmationId: 'yq-1', recordId: 'W123456789', priority: 1, requestNumber: 1 } });
    fake.push({ hitConfirmationResponse: { confirmationId: 'yq-9', state: 1 } });
    fake.push({ deliveryReport: { messageId: 'am-7', destination: 'T002', state: 2 } });
    expect((await admin)[0]).toMatchObject({ officerSafety: 'ARMED AND DANGEROUS', broadcast: true });
    expect((await status)[0]).toMatchObject({ system: 'NCIC', state: 2 });
    expect((await yq)[0]).toMatchObject({ confirmationId: 'yq-1', requestNumber: 1 });
    expect((await yr)[0]).toMatchObject({ confirmationId: 'yq-9' });
    expect((await report)[0]).toMatchObject({ messageId: 'am-7', destination: 'T002' });
  });

  it('answers a heartbeat with reply=true and the same nonce', async () => {
    const { fake, client } = await setup();
    await client.open();
    const reply = fake.nextFrame('heartbeat');
    fake.push({ heartbeat: { nonce: 77, sentAtMs: 1, reply: false } });
    const heartbeat = (await reply).frame.heartbeat;
    expect(heartbeat?.reply).toBe(true);
    expect(Number(heartbeat?.nonce)).toBe(77);
    expect(client.stats.heartbeatsAnswered).toBe(1);
  });

  it('sends its own heartbeats, and drops a switch that stops answering them', async () => {
    const { client } = await setup({ answerHeartbeats: false }, { heartbeatIntervalMs: 40 });
    await client.open();
    const [event] = await client.next('close', 2_000);
    expect(event.error.code).toBe('CLETS_ERR_SYSTEM_TIMEOUT');
    expect(event.willReconnect).toBe(false);
    expect(client.state).toBe('idle');
  });

  it('keeps a connection whose switch answers heartbeats', async () => {
    const { fake, client } = await setup({}, { heartbeatIntervalMs: 100 });
    await client.open();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(client.state).toBe('ready');
    expect(fake.received.filter((received) => received.frame.body === 'heartbeat').length).toBeGreaterThanOrEqual(2);
  });
});

describe('closing and reconnecting', () => {
  it('close() fails every request in flight, is idempotent, and ends the client', async () => {
    const { client } = await setup({ scripts: { QW: [{ kind: 'receipt' }] } });
    await client.open();
    const pending = [client.send(inquiry('DOE,A')), client.send(inquiry('DOE,B'))];
    await Promise.all([client.close(), client.close()]);
    for (const request of pending) {
      const error = await expectCode(request, 'CLETS_ERR_LOGGED_OUT');
      expect(error.message).toMatch(/client was closed/);
    }
    expect(client.state).toBe('closed');
    expect(client.inFlight).toBe(0);
    await expectCode(client.send(inquiry('DOE,C')), 'CLETS_ERR_NOT_LOGGED_IN');
    await expectCode(client.connect(), 'CLETS_ERR_LOGGED_OUT');
  });

  it('fails requests in flight when the switch drops the connection', async () => {
    const { fake, client } = await setup({ scripts: { QW: [{ kind: 'receipt' }] } });
    await client.open();
    const pending = client.send(inquiry('DOE,A'));
    await fake.nextFrame('transaction');
    fake.dropAll();
    await expectCode(pending, 'CLETS_ERR_SYSTEM_UNAVAILABLE');
    expect(client.stats.failed).toBe(1);
  });

  it('reconnects after the switch drops the socket, and logs in again', async () => {
    const { fake, client } = await setup({}, { reconnect: { enabled: true, minDelayMs: 10, maxDelayMs: 50 } });
    await client.open();
    const closed = client.next('close');
    const reconnected = client.next('reconnected');
    fake.dropAll();
    expect((await closed)[0]).toMatchObject({ code: 1006, willReconnect: true });
    const [event] = await reconnected;
    expect(event).toMatchObject({ attempt: 1, login: { ok: true, sessionId: 'fake-session-2' } });
    expect(fake.logins).toBe(2);
    expect(client.stats.reconnects).toBe(1);
    await expect(client.sendOrThrow(inquiry('DOE,JOHN'))).resolves.toMatchObject({ outcome: 'completed' });
  });

  it('waits for a fresh TOTP step before logging in again, so the code is never replayed', async () => {
    const start = Date.now();
    // 500 ms before a step boundary: the reconnect must wait for the next step.
    const base = Math.ceil(start / 30_000) * 30_000 + 30_000 - 500;
    const clock = () => base + (Date.now() - start);
    const { fake, client } = await setup(
      { clock, operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: TOTP_SECRET } } },
      { clock, totpSecret: TOTP_SECRET, reconnect: { enabled: true, minDelayMs: 10, maxDelayMs: 20 } },
    );
    await client.open();
    const reconnecting = client.next('reconnecting');
    const reconnected = client.next('reconnected');
    fake.dropAll();
    expect((await reconnecting)[0].delayMs).toBeGreaterThan(20);
    await reconnected;
    expect(fake.logins).toBe(2);
  });

  it('does not retry a refused password with the stored credentials', async () => {
    const operators: Record<string, { password: string }> = { OP1: { password: FAKE_OPERATOR.password } };
    const { fake, client } = await setup({ operators }, { reconnect: { enabled: true, minDelayMs: 10, maxDelayMs: 20 } });
    await client.open();
    operators.OP1 = { password: 'changed by the administrator' };
    const failed = client.next('error');
    fake.dropAll();
    expect((await failed)[0].code).toBe('CLETS_ERR_LOGIN_FAILED');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.received.filter((received) => received.frame.body === 'operatorLogin').length).toBe(2);
    expect(client.state).toBe('idle');
  });

  it('does not reconnect when superseded (4016) or after logout (4017)', async () => {
    const { fake, client } = await setup({}, { reconnect: { enabled: true, minDelayMs: 10, maxDelayMs: 20 } });
    await client.open();
    const superseded = client.next('close');
    fake.closeAll(4016, 'newer login');
    expect((await superseded)[0]).toMatchObject({ code: 4016, willReconnect: false, error: { code: 'CLETS_ERR_SESSION_SUPERSEDED' } });

    await client.open();
    const loggedOut = client.next('close');
    await client.logout('end of shift');
    expect((await loggedOut)[0]).toMatchObject({ code: 4017, willReconnect: false, error: { code: 'CLETS_ERR_LOGGED_OUT' } });
    expect(fake.received.find((received) => received.frame.body === 'logout')?.frame.logout?.reason).toBe('end of shift');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fake.logins).toBe(2);
    expect(client.state).toBe('idle');
  });
});

describe('secrets', () => {
  it('never puts the password, device secret or TOTP secret into an error, event or inspection', async () => {
    const password = 'S3cret-Pa55word!';
    const now = Date.UTC(2025, 0, 15, 12, 0, 10);
    let attempts = 0;
    const { fake, client } = await setup(
      {
        clock: () => now,
        operators: { OP1: { password, totpSecret: TOTP_SECRET } },
        // A careless switch that echoes what it was sent (the first time).
        onLogin: (login) => (attempts++ === 0
          ? { ok: false, code: 'CLETS_ERR_LOGIN_FAILED', reason: `bad password ${login.password} for ${login.operatorId}` }
          : undefined),
      },
      { password, clock: () => now, totpSecret: TOTP_SECRET, reconnect: { enabled: true, minDelayMs: 10, maxDelayMs: 20 } },
    );
    const seen: unknown[] = [];
    for (const name of ['error', 'close', 'sessionReject', 'reconnecting', 'reconnected', 'uncorrelated'] as const) {
      client.on(name, (event: unknown) => seen.push(event));
    }
    await client.connect();
    const error = await expectCode(client.login(), 'CLETS_ERR_LOGIN_FAILED');
    expect(error.message).toBe('operator id or password invalid: bad password [REDACTED] for OP1');
    await client.login();
    fake.push({ reject: { code: 'CLETS_ERR_FRAME_UNEXPECTED', reason: `stray ${password}` } });
    await client.next('sessionReject');
    fake.closeAll(4011, `reauthenticate ${password}`);
    await client.next('close');

    const { inspect } = await import('node:util');
    const everything = [error.message, String(error.stack), ...seen.map((event) => inspect(event, { depth: 6 })), inspect(client, { depth: 6, showHidden: true })].join('\n');
    for (const secret of [password, FAKE_TERMINAL.deviceSecret, TOTP_SECRET]) expect(everything).not.toContain(secret);
    expect(everything).toContain('[REDACTED]');
  });
});
