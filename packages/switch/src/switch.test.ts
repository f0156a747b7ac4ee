import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CletsError, HitStatus, encodeFrame, type LinkReply, type Response } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore, type AuditEvent, type AuditReceipt } from './audit/index.js';
import { buildSwitch, type CletsSwitch } from './switch.js';
import { buildRegistry } from './security/registry.js';
import { FakeLink, FillingAuditStore, type FakeRequest } from './testing/index.js';
import { PlainSecurityPolicy } from './security/plain-policy.js';
import type { OperatorSession } from './security/policy.js';

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

async function start(options: {
  deadlineMs?: number; links?: Record<string, ConstructorParameters<typeof FakeLink>[1]>; limits?: Record<string, number>;
  audit?: MemoryAuditStore; policy?: PlainSecurityPolicy; loginRate?: Record<string, number>;
} = {}): Promise<Harness> {
  const audit = options.audit ?? new MemoryAuditStore();
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
      limits: {
        requestDeadlineMs: options.deadlineMs ?? 2_000, maxMalformedFrames: 3, authTimeoutMs: 5_000, ...options.limits,
        ...(options.loginRate ? { loginRate: options.loginRate } : {}),
      },
      log: { level: 'silent' },
    },
    {
      audit, registry, ...(options.policy !== undefined ? { policy: options.policy } : {}),
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

  it('clears the stamps only switches may set when a terminal sends them', async () => {
    const { terminal, links } = await start();
    const client = await terminal();
    const before = Date.now();
    const result = await client.send({
      text: QW,
      header: {
        inputSeq: 999_999, outputSeq: 77, receivedAtMs: 1_000, sentAtMs: 2_000,
        hops: [{ switchId: 'state', inputSeq: 5, outputSeq: 6, receivedAtMs: 1_000, sentAtMs: 1_001 }],
      },
    });
    expect(result.outcome).toBe('completed');
    expect(result.receipt?.header?.inputSeq).toBe(1);
    expect(Number(result.receipt?.header?.receivedAtMs)).toBeGreaterThanOrEqual(before);
    const forwarded = links.get('NCIC')!.requests[0]!.transaction.header!;
    expect(forwarded.hops?.map((hop) => hop.switchId)).toEqual(['county-19']);
    expect(forwarded.inputSeq).toBe(1);
    expect(Number(forwarded.receivedAtMs)).toBeGreaterThanOrEqual(before);
    for (const response of result.responses) expect(response.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19']);
  });

  it('keeps an operator\'s transaction for a resend while another session sends many more than the window holds', async () => {
    const { terminal, links } = await start({ limits: { duplicateMaxEntries: 20, duplicateMaxPerSession: 5 } });
    const victim = await terminal('OP1', 'SD01');
    const flooder = await terminal('OP2', 'SD02');
    const first = await victim.send(QW, { clientMessageId: 'KEEP-1' });
    for (let i = 0; i < 40; i += 1) await flooder.send(QW, { clientMessageId: `PUSH-${i}` });
    const asked = links.get('NCIC')!.requests.length;
    const again = await victim.send(QW, { clientMessageId: 'KEEP-1' });
    expect(again.receipt?.header?.inputSeq).toBe(first.receipt?.header?.inputSeq);
    expect(links.get('NCIC')!.requests).toHaveLength(asked);
  });

  it('refuses a client message id or control field too long to echo, before it is kept or echoed in full', async () => {
    const { terminal, links, audit } = await start();
    const client = await terminal();
    const longId = `ID-${'9'.repeat(2_000)}`;
    const rejects: { code?: string | null; field?: string | null; id: string }[] = [];
    client.on('uncorrelated', (event) => {
      const reject = (event.frame as { reject?: { code?: string; field?: string; header?: { clientMessageId?: string } } }).reject;
      if (reject !== undefined) rejects.push({ code: reject.code, field: reject.field, id: reject.header?.clientMessageId ?? '' });
    });
    void client.send(QW, { clientMessageId: longId, timeoutMs: 2_000 }).catch(() => undefined);
    await waitFor(() => rejects.length === 1);
    expect(rejects[0]).toMatchObject({ code: 'CLETS_ERR_REQUEST_INVALID', field: 'client_message_id' });
    expect(rejects[0]!.id.length).toBeLessThanOrEqual(64);
    const longControl = await client.send(QW, { control: 'C'.repeat(500) });
    expect(longControl.outcome === 'rejected' && longControl.rejected).toMatchObject({ code: 'CLETS_ERR_REQUEST_INVALID', field: 'control' });
    expect(links.get('NCIC')!.requests).toHaveLength(0);
    await audit.flush();
    expect(audit.query({ type: 'reject' }).every((row) => (row.clientMessageId ?? '').length <= 64)).toBe(true);
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

/** The plain policy, remembering which sessions it was told had ended. */
class RecordingPolicy extends PlainSecurityPolicy {
  readonly ended: OperatorSession[] = [];

  override endSession(session?: OperatorSession): void {
    if (session !== undefined) this.ended.push(session);
  }
}

describe('switch: nothing disclosed or granted without its committed audit row', () => {
  it('refuses a login whose logon row cannot be written, and ends the policy session it opened', async () => {
    const audit = new FillingAuditStore();
    const policy = new RecordingPolicy(registry);
    const { url, clients } = await start({ audit, policy });
    audit.fillAfter(0);
    const client = new TerminalClient({ url, mnemonic: 'SD01', deviceSecret: 'device-secret-sd01', reconnect: { enabled: false } });
    clients.push(client);
    await client.connect();
    await expect(client.login({ operatorId: 'OP1', password: 'full-access-pass' })).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });
    expect(policy.ended.map((session) => session.operatorId)).toEqual(['OP1']);
    expect(current!.sw.directory.get('SD01')).toBeUndefined();
    // Recovery as before: once the store writes again, the same connection logs in.
    audit.makeRoom();
    expect(await audit.probe()).toBe(true);
    await client.login({ operatorId: 'OP1', password: 'full-access-pass' });
    expect((await client.send(QW)).outcome).toBe('completed');
  });

  it('refuses a gateway session whose logon row cannot be written, and ends its policy session', async () => {
    const audit = new FillingAuditStore();
    const policy = new RecordingPolicy(registry);
    const { sw } = await start({ audit, policy });
    audit.fillAfter(0);
    const opened = await sw.http.inject({
      method: 'POST', url: '/v1/sessions',
      payload: { mnemonic: 'SD01', deviceSecret: 'device-secret-sd01', operatorId: 'OP1', password: 'full-access-pass', acknowledgeBanner: true },
    });
    expect(opened.statusCode).toBe(503);
    expect(opened.json().error.code).toBe('CLETS_ERR_AUDIT_UNAVAILABLE');
    expect(opened.json().token).toBeUndefined();
    expect(policy.ended.map((session) => session.operatorId)).toEqual(['OP1']);
  });

  it('withholds responses whose rows cannot be written: each system answered with a reject, the completion lists them failed', async () => {
    const audit = new FillingAuditStore();
    const { terminal, links } = await start({ audit });
    const client = await terminal();
    await audit.flush();
    audit.fillAfter(1);
    const result = await client.send(QW);
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.receipt).toBeDefined();
    expect(links.get('NCIC')!.requests).toHaveLength(1);
    expect(result.responses).toEqual([]);
    expect(result.rejects.map((reject) => [reject.system, reject.code]).sort()).toEqual([['CORI', 'CLETS_ERR_AUDIT_UNAVAILABLE'], ['NCIC', 'CLETS_ERR_AUDIT_UNAVAILABLE']]);
    expect(result.completion.failed?.slice().sort()).toEqual(['CORI', 'NCIC']);
    expect(result.completion.answered).toEqual([]);
    expect(audit.rows.map((row) => row.type)).toEqual(['logon', 'transaction']);
  });

  it('records the last system\'s answer in the completion row, and sends it and the Completion only once that row is committed', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    // Holds back the completion row's acknowledgement until the test lets it go (as a slow disk would).
    class SlowCompletions extends MemoryAuditStore {
      override append(event: AuditEvent): Promise<AuditReceipt> {
        const appended = super.append(event);
        return event.type === 'completion' ? released.then(() => appended) : appended;
      }
    }
    const audit = new SlowCompletions();
    const { terminal } = await start({ audit });
    const client = await terminal();
    const kinds: string[] = [];
    let ended = false;
    const sent = client.send(QW, { onProgress: (progress) => { kinds.push(progress.kind === 'response' ? `response ${progress.response.system ?? ''}` : progress.kind); } })
      .finally(() => { ended = true; });
    // The first system's answer has its own row and goes out at once; the last one's waits
    // with the Completion for the completion row that records it.
    await waitFor(() => kinds.some((kind) => kind.startsWith('response')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(kinds.filter((kind) => kind.startsWith('response'))).toHaveLength(1);
    expect(ended).toBe(false);
    release();
    const result = await sent;
    expect(result.outcome).toBe('completed');
    expect(kinds.filter((kind) => kind.startsWith('response'))).toHaveLength(2);
    await audit.flush();
    const first = kinds.find((kind) => kind.startsWith('response'))!.slice('response '.length);
    const last = first === 'NCIC' ? 'CORI' : 'NCIC';
    const rows = audit.query({ messageKey: 'QW' });
    expect(rows.map((row) => row.type)).toEqual(['transaction', 'response', 'completion']);
    expect(rows[1]!.detail).toMatchObject({ system: first, auditSeq: rows[0]!.seq });
    expect(rows[2]!.detail).toMatchObject({ answered: expect.arrayContaining(['NCIC', 'CORI']), failed: [], auditSeq: rows[0]!.seq });
    expect((rows[2]!.detail?.['responses'] as { system: string }[]).map((response) => response.system)).toEqual([last]);
  });

  it('withholds the last system\'s answer when the completion row recording it cannot be written, and still sends a Completion', async () => {
    // A store that refuses the first completion row that records an answer (and only it).
    class RefusesRecordingCompletion extends MemoryAuditStore {
      refused = 0;
      override append(event: AuditEvent): Promise<AuditReceipt> {
        if (event.type === 'completion' && event.detail?.['responses'] !== undefined && this.refused === 0) {
          this.refused += 1;
          return Promise.reject(new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', 'database or disk is full'));
        }
        return super.append(event);
      }
    }
    const audit = new RefusesRecordingCompletion();
    const { terminal } = await start({ audit });
    const client = await terminal();
    const result = await client.send(QW);
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(audit.refused).toBe(1);
    // One system answered first, with its own row; the last one's answer was withheld.
    expect(result.responses).toHaveLength(1);
    const first = result.responses[0]!.system!;
    const last = first === 'NCIC' ? 'CORI' : 'NCIC';
    expect(result.rejects.map((reject) => [reject.system, reject.code])).toEqual([[last, 'CLETS_ERR_AUDIT_UNAVAILABLE']]);
    expect([result.completion.answered, result.completion.failed]).toEqual([[first], [last]]);
    // The completion written again from the outcomes, listing that system failed, recording no answer.
    await audit.flush();
    const completions = audit.query({ type: 'completion', messageKey: 'QW' });
    expect(completions.map((row) => [row.detail?.['answered'], row.detail?.['failed'], row.detail?.['responses']])).toEqual([[[first], [last], undefined]]);
  });

  it('delivers an administrative message to a logged-in terminal only after its delivery row is committed', async () => {
    const audit = new FillingAuditStore();
    const { terminal } = await start({ audit });
    const sender = await terminal('OP1', 'SD01');
    const receiver = await terminal('OP2', 'SD02');
    const received: unknown[] = [];
    receiver.on('adminMessage', (message) => received.push(message));
    await audit.flush();
    audit.fillAfter(1);
    const result = await sender.send(`AM.${ORI}.SD02.TXT/MEET AT STATION 4 AT 1400`);
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.completion.failed).toEqual(['DELIVERY']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    expect(audit.rows.map((row) => row.type)).toEqual(['logon', 'logon', 'transaction']);
  });

  it('keeps stored traffic stored when its delivery row at login cannot be written, and delivers it at the next login', async () => {
    const audit = new FillingAuditStore();
    const { terminal, clients } = await start({ audit });
    const sender = await terminal('OP1', 'SD01');
    expect((await sender.send(`AM.${ORI}.SD02.TXT/MEET AT STATION 4 AT 1400`)).outcome).toBe('completed');
    await audit.flush();
    audit.fillAfter(1);
    const first = new TerminalClient({ url: current!.url, mnemonic: 'SD02', deviceSecret: 'device-secret-sd02', reconnect: { enabled: false } });
    clients.push(first);
    const missed: unknown[] = [];
    first.on('adminMessage', (message) => missed.push(message));
    await first.connect();
    await first.login({ operatorId: 'OP2', password: 'less-access-pass' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(missed).toEqual([]);
    await first.close();
    audit.makeRoom();
    expect(await audit.probe()).toBe(true);
    const second = new TerminalClient({ url: current!.url, mnemonic: 'SD02', deviceSecret: 'device-secret-sd02', reconnect: { enabled: false } });
    clients.push(second);
    const delivered: unknown[] = [];
    second.on('adminMessage', (message) => delivered.push(message));
    await second.connect();
    await second.login({ operatorId: 'OP2', password: 'less-access-pass' });
    await waitFor(() => delivered.length === 1);
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
    expect(await sw.metrics.counterValue('clets_login_rate_limited_total', { endpoint: 'operator_login' })).toBe(1);
    expect(await sw.metrics.counterValue('clets_login_rate_limited_total', { endpoint: 'terminal_hello' })).toBe(1);
  });

  it('closes an unknown terminal with 4001', async () => {
    const { url } = await start();
    const client = new TerminalClient({ url, mnemonic: 'ZZ99', deviceSecret: 'nope' });
    await expect(client.connect()).rejects.toMatchObject({ code: 'CLETS_ERR_TERMINAL_UNKNOWN' });
    await client.close();
  });
});

describe('switch: a window of transactions in flight per session', () => {
  it('refuses a transaction beyond the window at once, audited, while other sessions go on', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const gated = (system: string) => (request: FakeRequest) => gate.then(() => answerWith(system, HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD')(request));
    const { terminal, audit, links } = await start({ limits: { maxInFlightPerSession: 2 }, links: { NCIC: gated('NCIC'), CORI: gated('CORI') } });
    const flooder = await terminal('OP1', 'SD01');
    const bystander = await terminal('OP2', 'SD02');
    const held = [flooder.send(QW), flooder.send(QW)];
    await waitFor(() => links.get('NCIC')!.requests.length === 2);
    const refused = await flooder.send(QW);
    expect(refused.outcome).toBe('rejected');
    expect(refused.outcome === 'rejected' && refused.rejected.code).toBe('CLETS_ERR_SESSION_WINDOW_FULL');
    expect(links.get('NCIC')!.requests).toHaveLength(2);
    // Another session has its own window.
    const other = bystander.send(QW);
    await waitFor(() => links.get('NCIC')!.requests.length === 3);
    release();
    expect((await other).outcome).toBe('completed');
    for (const result of await Promise.all(held)) expect(result.outcome).toBe('completed');
    // Answered, the window is free again.
    expect((await flooder.send(QW)).outcome).toBe('completed');
    await audit.flush();
    expect(audit.query({ type: 'reject' })).toMatchObject([{ code: 'CLETS_ERR_SESSION_WINDOW_FULL', operatorId: 'OP1', terminal: 'SD01' }]);
  });

  it('answers every transaction of a session that floods far beyond its window, stays up, and serves another session meanwhile', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const gated = (system: string) => (request: FakeRequest) => gate.then(() => answerWith(system, HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD')(request));
    const { terminal, audit, links } = await start({ limits: { maxInFlightPerSession: 4 }, links: { NCIC: gated('NCIC'), CORI: gated('CORI') } });
    const flooder = await terminal('OP1', 'SD01');
    const bystander = await terminal('OP2', 'SD02');
    const flood = Array.from({ length: 300 }, (_, index) => flooder.send(QW, { clientMessageId: `FLOOD-${index}`, timeoutMs: 20_000 }));
    await waitFor(() => links.get('NCIC')!.requests.length === 4);
    const asked = bystander.send(QW);
    await waitFor(() => links.get('NCIC')!.requests.length === 5);
    release();
    expect((await asked).outcome).toBe('completed');
    const results = await Promise.all(flood);
    const completed = results.filter((result) => result.outcome === 'completed').length;
    const refused = results.filter((result) => result.outcome === 'rejected' && result.rejected.code === 'CLETS_ERR_SESSION_WINDOW_FULL').length;
    expect(completed + refused).toBe(300);
    expect(completed).toBeGreaterThanOrEqual(4);
    expect(links.get('NCIC')!.requests.length).toBe(completed + 1);
    // The flooder is still connected and served once it keeps to its window.
    expect(flooder.state).toBe('ready');
    expect((await flooder.send(QW)).outcome).toBe('completed');
    await audit.flush();
    expect(audit.query({ type: 'reject', operatorId: 'OP1', limit: 1000 })).toHaveLength(refused);
  });

  it('gives a gateway session the same window, answered 429', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const gated = (system: string) => (request: FakeRequest) => gate.then(() => answerWith(system, HitStatus.HIT_STATUS_NO_RECORD, 'NO RECORD')(request));
    const { sw } = await start({ limits: { maxInFlightPerSession: 1 }, links: { NCIC: gated('NCIC'), CORI: gated('CORI') } });
    const opened = await sw.http.inject({
      method: 'POST', url: '/v1/sessions',
      payload: { mnemonic: 'SD01', deviceSecret: 'device-secret-sd01', operatorId: 'OP1', password: 'full-access-pass', acknowledgeBanner: true },
    });
    const headers = { authorization: `Bearer ${opened.json().token as string}` };
    const first = sw.http.inject({ method: 'POST', url: '/v1/messages', headers, payload: { line: QW } });
    await waitFor(() => sw.pipeline.inFlight === 1);
    const refused = await sw.http.inject({ method: 'POST', url: '/v1/messages', headers, payload: { line: QW } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().frames[0].reject.code).toBe('CLETS_ERR_SESSION_WINDOW_FULL');
    release();
    expect((await first).statusCode).toBe(200);
  });
});

describe('switch: a second connection to a terminal in use', () => {
  it('leaves the live session alone when a second connection only says hello', async () => {
    const { terminal, url, clients } = await start();
    const live = await terminal('OP1', 'SD01');
    const closes: number[] = [];
    live.on('close', (event) => closes.push(event.code));
    const hello = new TerminalClient({ url, mnemonic: 'SD01', deviceSecret: 'device-secret-sd01' });
    clients.push(hello);
    await hello.connect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closes).toEqual([]);
    expect((await live.send(QW)).outcome).toBe('completed');
  });

  it('refuses another operator\'s login there with TERMINAL_BUSY, closes that connection with 4019, and serves the first', async () => {
    const { terminal, url, clients, audit } = await start();
    const live = await terminal('OP1', 'SD01');
    const closes: number[] = [];
    live.on('close', (event) => closes.push(event.code));
    const other = new TerminalClient({ url, mnemonic: 'SD01', deviceSecret: 'device-secret-sd01' });
    clients.push(other);
    const closed = new Promise<number>((resolve) => other.once('close', (event) => resolve(event.code)));
    await other.connect();
    await expect(other.login({ operatorId: 'OP2', password: 'less-access-pass' })).rejects.toMatchObject({ code: 'CLETS_ERR_TERMINAL_BUSY' });
    expect(await closed).toBe(4019);
    expect(closes).toEqual([]);
    expect((await live.send(QW)).outcome).toBe('completed');
    await audit.flush();
    expect(audit.query({ type: 'logon_failure' })).toMatchObject([{ operatorId: 'OP2', terminal: 'SD01', code: 'CLETS_ERR_TERMINAL_BUSY' }]);
    // Once the first operator logs out, the terminal is free again.
    await live.logout();
    const next = await terminal('OP2', 'SD01');
    expect((await next.send(QW)).outcome).toBe('completed');
  });

  it('lets the same operator take the terminal back on a new connection: the old one is superseded (4016)', async () => {
    const { terminal } = await start();
    const old = await terminal('OP1', 'SD01');
    const closed = new Promise<number>((resolve) => old.once('close', (event) => resolve(event.code)));
    const recovered = await terminal('OP1', 'SD01');
    expect(await closed).toBe(4016);
    expect((await recovered.send(QW)).outcome).toBe('completed');
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

describe('switch: HTTP gateway stamps', () => {
  it('clears the stamps a gateway client sends in a structured transaction', async () => {
    const { sw, links } = await start();
    const opened = await sw.http.inject({
      method: 'POST', url: '/v1/sessions',
      payload: { mnemonic: 'SD01', deviceSecret: 'device-secret-sd01', operatorId: 'OP1', password: 'full-access-pass', acknowledgeBanner: true },
    });
    const token = opened.json().token as string;
    const answered = await sw.http.inject({
      method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` },
      payload: { transaction: { text: QW, header: { inputSeq: 999999, receivedAtMs: '1000', hops: [{ switchId: 'state', inputSeq: 5 }] } } },
    });
    expect(answered.statusCode).toBe(200);
    const receipt = answered.json().frames[0].receipt;
    expect(receipt.header.inputSeq).toBe(1);
    expect(links.get('NCIC')!.requests[0]!.transaction.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19']);
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

describe('the data a switch starts from', () => {
  it('is given, not looked for: without data or a registry the switch refuses to build, saying what it needs', async () => {
    await expect(buildSwitch({ messagesPath: ':memory:', security: { policy: 'plain' }, log: { level: 'silent' } }, { audit: new MemoryAuditStore() }))
      .rejects.toThrow(/needs the switch's data \(deps\.data: agencies, terminals, operators/);
  });

  it('gives the CJIS policy the persons its misuse rules look subjects up in, or refuses', async () => {
    const registryOnly = { agencies: [], terminals: [], operators: [] };
    await expect(buildSwitch({ messagesPath: ':memory:', security: { databasePath: ':memory:' }, log: { level: 'silent' } }, { audit: new MemoryAuditStore(), data: registryOnly }))
      .rejects.toThrow(/the CJIS policy needs the persons/);
  });
});
