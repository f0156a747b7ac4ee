import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HitStatus, encodeFrame, type LinkReply, type Response } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore } from './audit/index.js';
import { buildSwitch, type CletsSwitch } from './switch.js';
import { buildRegistry } from './security/registry.js';
import { FakeLink, type FakeRequest } from './testing/index.js';

const ORI = 'CA0190000';
const registry = buildRegistry({
  agencies: [{ ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }],
  terminals: [
    { mnemonic: 'SD01', ori: ORI, class: 'desk', deviceSecret: 'device-secret-sd01' },
    { mnemonic: 'SD02', ori: ORI, class: 'dispatch', deviceSecret: 'device-secret-sd02' },
  ],
  operators: [
    { id: 'OP1', ori: ORI, role: 'FAO', password: 'full-access-pass', deactivated: false },
    { id: 'OP2', ori: ORI, role: 'LTFAO', password: 'less-access-pass', deactivated: false },
  ],
});

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const QW = `QW.${ORI}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE}`;

function answerWith(system: string, status: HitStatus, text: string) {
  return (request: FakeRequest): LinkReply => ({
    requestId: request.requestId,
    final: true,
    responses: [{
      header: request.transaction.header ?? null, system, responseKey: 'QW', status, text,
      records: [{ status, system, file: system === 'NCIC' ? 'WANTED PERSON' : 'WPS', recordId: 'W000000001', text }],
    } satisfies Response],
  });
}

interface Harness {
  sw: CletsSwitch;
  audit: MemoryAuditStore;
  links: Map<string, FakeLink>;
  url: string;
  clients: TerminalClient[];
  terminal(operator?: 'OP1' | 'OP2', mnemonic?: string): Promise<TerminalClient>;
}

let current: Harness | undefined;

async function start(options: { deadlineMs?: number; links?: Record<string, ConstructorParameters<typeof FakeLink>[1]>; loginRate?: Record<string, number> } = {}): Promise<Harness> {
  const audit = new MemoryAuditStore();
  const links = new Map<string, FakeLink>();
  const answers = options.links ?? {
    NCIC: answerWith('NCIC', HitStatus.HIT_STATUS_HIT, 'WANTED PERSON HIT'),
    CORI: answerWith('CORI', HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD WPS'),
    NLETS: answerWith('NLETS', HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD NV'),
    DMV: answerWith('DMV', HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD DMV'),
  };
  const sw = await buildSwitch(
    {
      switchId: 'county-19',
      messagesPath: ':memory:',
      links: Object.keys(answers).map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
      limits: { requestDeadlineMs: options.deadlineMs ?? 2_000, maxMalformedFrames: 3, authTimeoutMs: 5_000, ...(options.loginRate ? { loginRate: options.loginRate } : {}) },
      log: { level: 'silent' },
    },
    {
      audit, registry,
      linkFactory: (link) => {
        const fake = new FakeLink(link.name, answers[link.name]!);
        links.set(link.name, fake);
        return fake;
      },
    },
  );
  const { terminals } = await sw.listen();
  const clients: TerminalClient[] = [];
  const harness: Harness = {
    sw, audit, links, url: terminals, clients,
    terminal: async (operator = 'OP1', mnemonic = 'SD01') => {
      const client = new TerminalClient({ url: terminals, mnemonic, deviceSecret: `device-secret-${mnemonic.toLowerCase()}` });
      clients.push(client);
      await client.connect();
      await client.login({ operatorId: operator, password: operator === 'OP1' ? 'full-access-pass' : 'less-access-pass' });
      return client;
    },
  };
  current = harness;
  return harness;
}

afterEach(async () => {
  if (current === undefined) return;
  for (const client of current.clients) await client.close();
  await current.sw.close();
  current = undefined;
});

describe('switch: transactions end to end over a real socket', () => {
  it('fans a QW out to NCIC and CORI and answers receipt, both responses, then completion', async () => {
    const { terminal, audit, links } = await start();
    const client = await terminal();
    const result = await client.send(QW, { control: 'A1' });
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.receipt?.header?.inputSeq).toBe(1);
    expect(result.responses.map((response) => response.system).sort()).toEqual(['CORI', 'NCIC']);
    expect(result.hit).toBe(true);
    expect(result.responses.every((response) => response.header?.control === 'A1')).toBe(true);
    expect(result.completion.answered?.slice().sort()).toEqual(['CORI', 'NCIC']);
    // The transaction reached each system with this switch's hop stamped.
    const forwarded = links.get('NCIC')!.requests[0]!.transaction;
    expect(forwarded.header?.hops?.[0]).toMatchObject({ switchId: 'county-19', inputSeq: 1 });
    // Audited: the accepted transaction (before its receipt), each response, the completion.
    await audit.flush();
    const rows = audit.query({ messageKey: 'QW' });
    expect(rows.map((row) => row.type)).toEqual(expect.arrayContaining(['transaction', 'response', 'completion']));
    const accepted = rows.find((row) => row.type === 'transaction')!;
    expect(accepted.routeTo).toMatchObject({ requester: 'DEP R VALE 4411', caseNumber: '26-001234' });
    expect(accepted.operatorId).toBe('OP1');
  });

  it('rejects an inquiry without a route-to before accepting it, and audits the reject', async () => {
    const { terminal, audit, links } = await start();
    const client = await terminal();
    const result = await client.send(`QW.${ORI}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115`);
    expect(result.outcome).toBe('rejected');
    expect(result.rejected?.code).toBe('CLETS_ERR_ROUTE_TO_MISSING');
    expect(result.rejected?.echo).toBe(`QW.${ORI}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115`);
    expect(links.get('NCIC')!.requests).toHaveLength(0);
    expect(audit.query({ type: 'reject' })[0]).toMatchObject({ code: 'CLETS_ERR_ROUTE_TO_MISSING', terminal: 'SD01' });
  });

  it('answers a system that misses its deadline with a timeout reject for that system, never silence', async () => {
    const { terminal } = await start({
      deadlineMs: 300,
      links: {
        NCIC: answerWith('NCIC', HitStatus.HIT_STATUS_NO_RECORD, 'NO NCIC WANT'),
        CORI: () => 'hang',
      },
    });
    const client = await terminal();
    const result = await client.send(QW);
    expect(result.outcome).toBe('completed');
    expect(result.responses.map((response) => response.system)).toEqual(['NCIC']);
    expect(result.rejects).toMatchObject([{ code: 'CLETS_ERR_SYSTEM_TIMEOUT', system: 'CORI' }]);
    expect(result.completion?.failed).toEqual(['CORI']);
  });

  it('refuses at once (.04.) a key whose system is down and that the catalogue does not queue', async () => {
    const { terminal, links } = await start();
    links.get('CORI')!.setUp(false);
    const client = await terminal();
    const result = await client.send(QW);
    expect(result.rejects).toMatchObject([{ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', system: 'CORI' }]);
    expect(result.completion?.answered).toEqual(['NCIC']);
  });

  it('queues (.02.) a key the catalogue queues, tells the terminal, and forwards it when the system returns', async () => {
    const { terminal, links } = await start();
    links.get('NLETS')!.setUp(false);
    const client = await terminal();
    const statuses: string[] = [];
    client.on('statusMessage', (message) => statuses.push(`${message.system}:${message.state}`));
    const pending = client.send(`IQ.${ORI}.NV.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE};PUR:C`);
    await waitFor(() => links.get('NLETS')!.requests.length === 0 && current!.sw.held.depth('NLETS') === 1);
    links.get('NLETS')!.setUp(true);
    const result = await pending;
    expect(result.queued).toMatchObject([{ system: 'NLETS' }]);
    expect(result.responses.map((response) => response.system)).toEqual(['NLETS']);
    expect(links.get('NLETS')!.requests).toHaveLength(1);
    await waitFor(() => statuses.includes('NLETS:1'));
  });

  it('ends a queued transaction with a non-delivery reject when its time to live runs out', async () => {
    const { terminal, links, sw } = await start();
    links.get('NLETS')!.setUp(false);
    const client = await terminal();
    const pending = client.send(`IQ.${ORI}.NV.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE};PUR:C`);
    await waitFor(() => sw.held.depth('NLETS') === 1);
    sw.held.expire(Date.now() + sw.config.limits.queueTtlMs + 1);
    const result = await pending;
    expect(result.rejects).toMatchObject([{ code: 'CLETS_ERR_NON_DELIVERY', system: 'NLETS' }]);
    expect(result.completion?.failed).toEqual(['NLETS']);
  });

  it('answers a resent client message id again without forwarding it again', async () => {
    const { terminal, links } = await start();
    const client = await terminal();
    const first = await client.send(QW, { clientMessageId: 'SD01-RESEND-1' });
    const again = await client.send(QW, { clientMessageId: 'SD01-RESEND-1' });
    expect(again.receipt?.header?.inputSeq).toBe(first.receipt?.header?.inputSeq);
    expect(again.responses).toHaveLength(first.responses.length);
    expect(links.get('NCIC')!.requests).toHaveLength(1);
  });

  it('refuses an update from a less-than-full-access operator', async () => {
    const { terminal } = await start();
    const client = await terminal('OP2', 'SD02');
    const result = await client.send(`XW.${ORI}.NIC/W123456789.${RTE}`);
    expect(result.rejected?.code).toBe('CLETS_ERR_ROLE_NOT_PERMITTED');
  });

  it('refuses new transactions while the audit store cannot write', async () => {
    const { terminal, audit, links } = await start();
    const client = await terminal();
    audit.failWrites();
    const result = await client.send(QW);
    expect(result.rejected?.code).toBe('CLETS_ERR_AUDIT_UNAVAILABLE');
    expect(links.get('NCIC')!.requests).toHaveLength(0);
  });
});

describe('switch: bad and slow clients', () => {
  it('rejects malformed frames and closes the connection after the configured number', async () => {
    const { url } = await start();
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise((resolve) => socket.once('open', resolve));
    const codes: string[] = [];
    socket.on('message', () => codes.push('reject'));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    for (let i = 0; i < 3; i += 1) socket.send(Buffer.from([0xff, 0xff, 0xff, i]));
    expect(await closed).toBe(4007);
    expect(codes.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a transaction before login', async () => {
    const { url } = await start();
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise((resolve) => socket.once('open', resolve));
    const reply = new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));
    socket.send(encodeFrame({ transaction: { header: { clientMessageId: 'x', messageKey: 'QW' } } }));
    const { decodeFrame } = await import('@clets/protocol');
    expect(decodeFrame(await reply).reject?.code).toBe('CLETS_ERR_NOT_LOGGED_IN');
    socket.close();
  });

  it('answers a hello or a login beyond the source\'s budget with CLETS_ERR_RATE_LIMITED, checking nothing', async () => {
    const { url, sw } = await start({ loginRate: { burst: 2, perMinute: 1 } });
    const client = new TerminalClient({ url, mnemonic: 'SD01', deviceSecret: 'device-secret-sd01' });
    await client.connect(); // a good hello gives its attempt back
    const codes: string[] = [];
    for (let count = 0; count < 3; count++) {
      codes.push(await client.login({ operatorId: 'OP1', password: 'wrong-password' }).then(() => 'none', (error: { code: string }) => error.code));
    }
    expect(codes).toEqual(['CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_RATE_LIMITED']);
    await client.close();
    const next = new TerminalClient({ url, mnemonic: 'SD02', deviceSecret: 'device-secret-sd02' });
    await expect(next.connect()).rejects.toMatchObject({ code: 'CLETS_ERR_RATE_LIMITED' });
    await next.close();
    expect(sw.metrics.counterValue('clets_login_rate_limited_total', { endpoint: 'operator_login' })).toBe(1);
    expect(sw.metrics.counterValue('clets_login_rate_limited_total', { endpoint: 'terminal_hello' })).toBe(1);
  });

  it('closes an unknown terminal with 4001', async () => {
    const { url } = await start();
    const client = new TerminalClient({ url, mnemonic: 'ZZ99', deviceSecret: 'nope' });
    await expect(client.connect()).rejects.toMatchObject({ code: 'CLETS_ERR_TERMINAL_UNKNOWN' });
    await client.close();
  });
});

describe('switch: HTTP API', () => {
  it('reports health, readiness and metrics', async () => {
    const { sw, terminal, links } = await start();
    const client = await terminal();
    await client.send(QW);
    expect((await sw.http.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    expect((await sw.http.inject({ url: '/readyz' })).statusCode).toBe(200);
    links.get('DMV')!.setUp(false);
    const notReady = await sw.http.inject({ url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().links).toContainEqual({ name: 'DMV', state: 'down' });
    const metrics = (await sw.http.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('clets_transactions_total{key="QW",outcome="accepted"} 1');
    expect(metrics).toContain('clets_link_up{link="DMV"} 0');
    expect(metrics).toContain('clets_transaction_latency_ms_count 1');
  });

  it('reads no audit rows for a bearer token without an administrator session, and audits the refusal', async () => {
    const { sw, terminal, audit } = await start();
    await (await terminal()).send(QW);
    for (const headers of [{}, { authorization: 'Bearer admin-token-0123456789' }]) {
      const refused = await sw.http.inject({ url: '/v1/audit?messageKey=QW', headers });
      expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
      expect(refused.body).not.toContain('rows');
    }
    await audit.flush();
    expect(audit.query({ type: 'audit_read' }).map((row) => row.outcome)).toEqual(['denied', 'denied']);
  });

  it('runs transactions through the inquiry gateway with terminal credentials', async () => {
    const { sw } = await start();
    const refused = await sw.http.inject({ method: 'POST', url: '/v1/messages', payload: { line: QW } });
    expect(refused.statusCode).toBe(401);
    const opened = await sw.http.inject({
      method: 'POST', url: '/v1/sessions',
      payload: { mnemonic: 'SD01', deviceSecret: 'device-secret-sd01', operatorId: 'OP1', password: 'full-access-pass', acknowledgeBanner: true },
    });
    expect(opened.statusCode).toBe(201);
    const token = opened.json().token as string;
    const answered = await sw.http.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` }, payload: { line: QW, control: 'GW1' } });
    expect(answered.statusCode).toBe(200);
    const kinds = answered.json().frames.map((frame: Record<string, unknown>) => Object.keys(frame).find((key) => key !== 'linkSeq'));
    expect(kinds[0]).toBe('receipt');
    expect(kinds.at(-1)).toBe('completion');
    expect(kinds.filter((kind: string) => kind === 'response')).toHaveLength(2);
    const bad = await sw.http.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` }, payload: { line: QW, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CLETS_ERR_REQUEST_INVALID');
  });
});

describe('switch: shutdown', () => {
  it('closes terminals with 1001 and is idempotent', async () => {
    const harness = await start();
    const client = await harness.terminal();
    const closed = new Promise<number>((resolve) => client.once('close', (event) => resolve(event.code)));
    await Promise.all([harness.sw.close(), harness.sw.close()]);
    expect(await closed).toBe(1001);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
