/**
 * A client message id names a transaction only within its replay scope: the same operator
 * at the same terminal, one gateway session, or one request of a linked switch. A resend in
 * that scope is answered again (and audited as a replay first); the same id anywhere else is
 * a transaction of its own, and the same id with different content in the same scope is
 * refused. Run against the demo fixtures and the CJIS policy, as the demo runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { encodeFrame, frameKind, HitStatus, totpCode, type Frame, type LinkReply, type Response } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore } from '../audit/index.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { loginAt, pipelineHarness, testSecurity, TINY_SCRYPT } from '../testing/security.js';
import { FakeLink, type FakeRequest } from '../testing/index.js';
import type { TransactionOrigin } from './transaction-pipeline.js';
import { encodeFrames } from './journal.js';
import { AnswerRecord, transactionDigest } from './replays.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const HIT_QW = `QW.CA0190000.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`;
const OTHER_QW = `QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`;
const THIRD_QW = `QW.CA0190100.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE}`;

/** NCIC and CORI: a hit with a record for KORVALE, no record for anyone else. */
function answer(system: string) {
  return (request: FakeRequest): LinkReply | Promise<LinkReply> => {
    const name = request.transaction.fields?.find((field) => field.tag === 'NAM')?.value ?? '';
    const hit = name.startsWith('KORVALE');
    const status = hit ? HitStatus.HIT_STATUS_HIT : HitStatus.HIT_STATUS_NO_RECORD;
    const reply: LinkReply = {
      requestId: request.requestId, final: true,
      responses: [{
        header: request.transaction.header ?? null, system, responseKey: 'QW', status,
        text: hit ? `${system} WANTED PERSON HIT NAM/${name}` : `${system} NO RECORD NAM/${name}`,
        records: hit ? [{ status, system, file: system === 'NCIC' ? 'WANTED PERSON' : 'WPS', recordId: 'W000000042', text: `NAM/${name} WARRANT` }] : [],
      } satisfies Response],
    };
    return gate === undefined ? reply : gate.then(() => reply);
  };
}

/** While set, systems answer only once it resolves (a transaction kept in flight). */
let gate: Promise<void> | undefined;
let fixtures: FixtureSet;
let sw: CletsSwitch | undefined;
let terminalsUrl = '';
const clients: TerminalClient[] = [];

interface Started { sw: CletsSwitch; audit: MemoryAuditStore; links: Map<string, FakeLink> }

async function start(): Promise<Started> {
  fixtures ??= await loadFixtures();
  const audit = new MemoryAuditStore();
  const links = new Map<string, FakeLink>();
  sw = await buildSwitch({
    switchId: 'county-19', messagesPath: ':memory:',
    links: ['NCIC', 'CORI'].map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
    limits: { requestDeadlineMs: 5_000, authTimeoutMs: 5_000 },
    security: { databasePath: ':memory:', settings: { passwords: { scrypt: TINY_SCRYPT } } },
    log: { level: 'silent' },
  }, {
    audit, data: fixtures,
    linkFactory: (link) => {
      const fake = new FakeLink(link.name, answer(link.name));
      links.set(link.name, fake);
      return fake;
    },
  });
  terminalsUrl = (await sw.listen()).terminals;
  return { sw, audit, links };
}

afterEach(async () => {
  gate = undefined;
  codesUsed.clear();
  for (const client of clients.splice(0)) await client.close();
  await sw?.close();
  sw = undefined;
});

/** Codes for successive TOTP steps, so one operator may log in twice inside 30 seconds. */
const codesUsed = new Map<string, number>();
function nextCode(operatorId: string): string {
  const secret = fixtures.operators.find((operator) => operator.id === operatorId)?.totpSecret;
  if (secret == null) throw new Error(`no TOTP secret for ${operatorId}`);
  const used = codesUsed.get(operatorId) ?? 0;
  codesUsed.set(operatorId, used + 1);
  return totpCode(secret, Date.now() + used * 30_000);
}

async function terminal(mnemonic: string, operatorId: string): Promise<TerminalClient> {
  const device = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic)!;
  const client = new TerminalClient({ url: terminalsUrl, mnemonic, deviceSecret: device.deviceSecret, reconnect: { enabled: false } });
  clients.push(client);
  await client.connect();
  await client.login({ operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, secondFactor: async () => nextCode(operatorId) });
  return client;
}


async function gatewaySession(mnemonic: string, operatorId: string): Promise<string> {
  const device = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic)!;
  const opened = await sw!.http.inject({
    method: 'POST', url: '/v1/sessions',
    payload: { mnemonic, deviceSecret: device.deviceSecret, operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: nextCode(operatorId), acknowledgeBanner: true },
  });
  expect(opened.statusCode).toBe(201);
  return opened.json().token as string;
}

function recordsOf(responses: readonly Response[]): string[] {
  return responses.flatMap((response) => (response.records ?? []).map((record) => record.text ?? ''));
}

describe('replays: one client message id, several people', () => {
  it('gives OP1007 and a gateway session of another agency their own answers, never OP1002\'s hit, and audits only real resends', async () => {
    const { audit, links } = await start();

    const op1002 = await terminal('LA01', 'OP1002');
    const first = await op1002.sendOrThrow(HIT_QW, { clientMessageId: 'DUP-1' });
    expect(first.hit).toBe(true);
    await op1002.logout();

    const op1007 = await terminal('LA01', 'OP1007');
    const second = await op1007.sendOrThrow(OTHER_QW, { clientMessageId: 'DUP-1' });
    expect(second.hit).toBe(false);
    expect(recordsOf(second.responses)).toEqual([]);
    expect(second.responses.every((response) => response.text?.includes('TALLISTER'))).toBe(true);
    expect(second.receipt?.header?.operatorId).toBe('OP1007');

    const token = await gatewaySession('LA01', 'OP1025');
    const third = await sw!.http.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` }, payload: { line: THIRD_QW, clientMessageId: 'DUP-1' } });
    expect(third.statusCode).toBe(200);
    const thirdFrames = third.json().frames as Record<string, { header?: { operatorId?: string }; text?: string; status?: string }>[];
    expect(thirdFrames.find((frame) => frame['receipt'])?.['receipt']?.header?.operatorId).toBe('OP1025');
    const thirdTexts = thirdFrames.flatMap((frame) => (frame['response'] ? [frame['response'].text ?? ''] : []));
    expect(thirdTexts).toHaveLength(2);
    expect(thirdTexts.every((text) => text.includes('QUILLAN'))).toBe(true);

    // Three people, three transactions, each sent to the systems once; nothing replayed.
    expect(links.get('NCIC')!.requests).toHaveLength(3);
    await audit.flush();
    expect(audit.query({ type: 'transaction' }).map((row) => [row.operatorId, row.clientMessageId])).toEqual([['OP1002', 'DUP-1'], ['OP1007', 'DUP-1'], ['OP1025', 'DUP-1']]);
    expect(audit.query({ type: 'replay' })).toEqual([]);

    // OP1007 resending the same transaction is a resend: the same answer, audited first.
    const again = await op1007.sendOrThrow(OTHER_QW, { clientMessageId: 'DUP-1' });
    expect(again.receipt?.header?.inputSeq).toBe(second.receipt?.header?.inputSeq);
    expect(again.responses.map((response) => response.text)).toEqual(second.responses.map((response) => response.text));
    expect(links.get('NCIC')!.requests).toHaveLength(3);
    await audit.flush();
    const op1007Row = audit.query({ type: 'transaction', operatorId: 'OP1007' })[0]!;
    expect(audit.query({ type: 'replay' })).toMatchObject([{
      operatorId: 'OP1007', terminal: 'LA01', ori: 'CA0190000', clientMessageId: 'DUP-1', detail: { originalSeq: op1007Row.seq },
    }]);

    // The same id with other content from the same operator is refused, and audited.
    const reused = await op1007.send(HIT_QW, { clientMessageId: 'DUP-1' });
    expect(reused.outcome).toBe('rejected');
    expect(reused.outcome === 'rejected' && reused.rejected.code).toBe('CLETS_ERR_MESSAGE_ID_REUSED');
    expect(links.get('NCIC')!.requests).toHaveLength(3);
    await audit.flush();
    expect(audit.query({ type: 'reject', operatorId: 'OP1007' }).map((row) => row.code)).toEqual(['CLETS_ERR_MESSAGE_ID_REUSED']);
  });

  it('answers OP1002 again after a new login at the same terminal: the scope is the operator at the terminal', async () => {
    const { audit } = await start();
    const before = await terminal('LA01', 'OP1002');
    const first = await before.sendOrThrow(HIT_QW, { clientMessageId: 'DUP-2' });
    await before.close();
    const after = await terminal('LA01', 'OP1002');
    const again = await after.sendOrThrow(HIT_QW, { clientMessageId: 'DUP-2' });
    expect(again.receipt?.header?.inputSeq).toBe(first.receipt?.header?.inputSeq);
    expect(recordsOf(again.responses)).toEqual(recordsOf(first.responses));
    await audit.flush();
    expect(audit.query({ type: 'replay' })).toHaveLength(1);
  });
});

describe('answers in flight when the operator leaves', () => {
  it('never hands OP1002\'s late answer to OP1007, who logged in at LA01 meanwhile', async () => {
    const { links } = await start();
    let release: () => void = () => {};
    gate = new Promise((resolve) => { release = resolve; });
    const op1002 = await terminal('LA01', 'OP1002');
    const pending = op1002.send(HIT_QW, { clientMessageId: 'LEFT-1' }).catch(() => 'closed');
    await waitFor(() => links.get('NCIC')!.requests.length === 1);
    await op1002.close();
    await pending;
    const op1007 = await terminal('LA01', 'OP1007');
    const strays: string[] = [];
    op1007.on('uncorrelated', (event) => strays.push(event.kind));
    op1007.on('late', (event) => strays.push(event.kind));
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(strays).toEqual([]);
    expect((await op1007.sendOrThrow(OTHER_QW)).hit).toBe(false);
  });
});

describe('replays: audited before anything is disclosed', () => {
  it('answers a resend with AUDIT_UNAVAILABLE and nothing of the original when its replay row cannot be written', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    const send = async (): Promise<Frame[]> => {
      const frames: Frame[] = [];
      await harness.pipeline.submit({ kind: 'terminal', session, terminal: 'LA01', sourceAddress: '127.0.0.1', send: (frame) => { frames.push(frame); } },
        { text: `QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`, header: { clientMessageId: 'RESEND-DOWN' } });
      return frames;
    };
    expect((await send()).map(frameKind)).toEqual(['receipt', 'response', 'response', 'completion']);
    await security.audit.flush();
    security.audit.failWrites();
    const again = await send();
    expect(again.map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_AUDIT_UNAVAILABLE']);
  });
});

/** A frame as a client receives it: its bytes, in base64 so a difference reads in the failure. */
function wire(frame: Frame): string {
  return Buffer.from(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER })).toString('base64');
}

describe('replays: the answer kept encoded once it is complete', () => {
  it('answers a resend after the end with the original frames byte for byte: records, fields, multi-byte text, stamps', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security, {
      answer: (system, transaction) => (system !== 'NCIC' ? undefined : {
        header: transaction.header ?? null, system, responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT,
        text: `WARNING - CONFIRM BY HIT CONFIRMATION (YQ)\nNAM/MUÑOZ-ÅBERG, RENÉ 名 DOB/19840229 ${'OFF/ASSAULT - AGGRAVATED '.repeat(12)}`,
        records: [
          { status: HitStatus.HIT_STATUS_HIT, system, file: 'WANTED PERSON', recordId: 'W000000042', enteringOri: 'CA0190000', source: '',
            fields: [{ tag: 'NAM', value: 'MUÑOZ-ÅBERG, RENÉ' }, { tag: 'DOB', value: '19840229' }, { tag: 'CAU', value: '' }], text: 'NAM/MUÑOZ-ÅBERG, RENÉ WARRANT' },
          { status: HitStatus.HIT_STATUS_POSSIBLE, system, file: 'PROTECTION ORDER', recordId: 'H000000007', fields: [], text: '' },
        ],
      }),
    });
    const session = await loginAt(security, 'OP1001', 'LA01');
    const send = async (): Promise<Frame[]> => {
      const frames: Frame[] = [];
      await harness.pipeline.submit({ kind: 'terminal', session, terminal: 'LA01', sourceAddress: '127.0.0.1', send: (frame) => { frames.push(frame); } },
        { text: `QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`, header: { clientMessageId: 'BYTES-1', control: 'Ç-7' } });
      return frames;
    };
    const original = await send();
    expect(original.map(frameKind)).toEqual(['receipt', 'response', 'response', 'completion']);
    expect(original.find((frame) => frame.response?.system === 'NCIC')?.response?.records).toHaveLength(2);
    const again = await send();
    expect(again.map(wire)).toEqual(original.map(wire));
    await security.audit.flush();
    expect(security.audit.query({ type: 'replay' })).toMatchObject([{ outcome: 'replayed', detail: { framesSoFar: 4 } }]);
  });

  it('hands the origin each frame with the bytes the record keeps, and answers a resend with those bytes', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    const send = async (): Promise<{ frame: Frame; encoded: Uint8Array | undefined }[]> => {
      const sent: { frame: Frame; encoded: Uint8Array | undefined }[] = [];
      await harness.pipeline.submit({
        kind: 'terminal', session, terminal: 'LA01', sourceAddress: '127.0.0.1', send: (frame, encoded) => { sent.push({ frame, encoded }); },
      }, { text: `QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`, header: { clientMessageId: 'ONCE-1' } });
      return sent;
    };
    const original = await send();
    expect(original.map(({ frame }) => frameKind(frame))).toEqual(['receipt', 'response', 'response', 'completion']);
    // The writer sends these bytes as they are: each must be the frame's own encoding.
    for (const { frame, encoded } of original) expect(Buffer.from(encoded!).toString('base64')).toBe(wire(frame));
    const again = await send();
    expect(again.map(({ frame }) => wire(frame))).toEqual(original.map(({ encoded }) => Buffer.from(encoded!).toString('base64')));
  });

  it('keeps the bytes a frame was sent as, not a later encoding of its object', () => {
    const header = { clientMessageId: 'REC-2', control: '000002', messageKey: 'QW', inputSeq: 13 };
    const receipt: Frame = { receipt: { header } };
    const response: Frame = { response: { header, system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO NCIC WANT', records: [] } };
    const record = new AnswerRecord();
    const followed: (Uint8Array | undefined)[] = [];
    record.follow((_frame, encoded) => followed.push(encoded));
    const sent = [record.add(receipt), record.add(response)];
    expect(followed).toEqual(sent);
    // Held for hours in flight, a receipt of a few dozen bytes must not pin an 8 KiB pool slab.
    expect(sent.map((bytes) => bytes!.buffer.byteLength)).toEqual(sent.map((bytes) => bytes!.byteLength));
    const asSent = encodeFrames([receipt, response]);
    // The object changes after it was sent: the resend still gets what the terminal got.
    response.response!.text = 'CHANGED AFTER SENDING';
    record.finish();
    expect(record.encoded).toEqual(asSent);
    expect(record.add(response)).toBeUndefined();
  });

  it('encodes at the end the frames it was given restored, beside the bytes of those added since', () => {
    const header = { clientMessageId: 'REC-3', control: '000003', messageKey: 'QW', inputSeq: 14 };
    const receipt: Frame = { receipt: { header } };
    const queued: Frame = { queuedNotice: { header, system: 'NCIC', text: '.02. NCIC OUT OF SERVICE' } };
    const completion: Frame = { completion: { header, answered: [], failed: ['NCIC'], inputSeq: 14 } };
    const record = AnswerRecord.restored([receipt, queued], 9, false);
    expect(Buffer.from(record.add(completion)!)).toEqual(Buffer.from(encodeFrame(completion, { maxFrameBytes: Number.MAX_SAFE_INTEGER })));
    record.finish();
    expect(record.encoded).toEqual(encodeFrames([receipt, queued, completion]));
    expect(record.frames.map(wire)).toEqual([receipt, queued, completion].map(wire));
  });

  it('in flight, hands each later frame to a resend that follows; at the end, keeps the answer as the journal stores it', async () => {
    const header = { clientMessageId: 'REC-1', control: '000001', messageKey: 'QW', inputSeq: 12, receivedAtMs: 1_790_000_000_123 };
    const receipt: Frame = { receipt: { header } };
    const response: Frame = { response: { header, system: 'CORI', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO RECORD', records: [] } };
    const completion: Frame = { completion: { header, answered: ['CORI'], failed: [], inputSeq: 12 } };
    const record = new AnswerRecord();
    record.add(receipt);
    const firstRow = record.firstRow;
    let ended = false;
    void record.done.then(() => { ended = true; });
    const followed: Frame[] = [];
    record.follow((frame) => followed.push(frame));
    expect([record.frameCount, record.encoded]).toEqual([1, undefined]);
    record.audited(7);
    expect(await firstRow).toBe(7);
    record.add(response);
    record.add(completion);
    expect(followed).toEqual([response, completion]);
    await Promise.resolve();
    expect(ended).toBe(false);

    record.finish();
    await record.done;
    expect(ended).toBe(true);
    expect(record.encoded).toEqual(encodeFrames([receipt, response, completion]));
    expect(record.frames.map(wire)).toEqual([receipt, response, completion].map(wire));
    expect([record.frameCount, await record.firstRow, record.finished, record.suspended]).toEqual([3, 7, true, false]);
    // Nothing joins a finished answer: no frame added, no follower kept.
    record.add(response);
    record.follow((frame) => followed.push(frame));
    expect(record.frameCount).toBe(3);
    expect(followed).toHaveLength(2);
  });
});

describe('transactionDigest', () => {
  it('is the same for a resend with another control field, and differs for other content', () => {
    const base = { text: HIT_QW, header: { clientMessageId: 'D-1', control: '000001' } };
    expect(transactionDigest({ ...base, header: { ...base.header, control: '000002' } })).toBe(transactionDigest(base));
    expect(transactionDigest({ ...base, text: OTHER_QW })).not.toBe(transactionDigest(base));
    expect(transactionDigest({ ...base, header: { ...base.header, destinations: ['LA02'] } })).not.toBe(transactionDigest(base));
  });
});

describe('replays: two sends of one id at once', () => {
  it('answers both gateway requests completely, each ending in one completion, with the systems asked once', async () => {
    const { audit, links } = await start();
    const token = await gatewaySession('LA09', 'OP1025');
    let release: () => void = () => {};
    gate = new Promise((resolve) => { release = resolve; });
    const send = () => sw!.http.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` }, payload: { line: THIRD_QW, clientMessageId: 'TWICE-1' } });
    const firstSend = send();
    const secondSend = send();
    await waitFor(() => links.get('NCIC')!.requests.length === 1 && links.get('CORI')!.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all([firstSend, secondSend]);
    for (const answered of answers) {
      expect(answered.statusCode).toBe(200);
      const kinds = (answered.json().frames as Record<string, unknown>[]).map((frame) => Object.keys(frame).find((key) => key !== 'linkSeq'));
      expect(kinds[0]).toBe('receipt');
      expect(kinds.filter((kind) => kind === 'response')).toHaveLength(2);
      expect(kinds.filter((kind) => kind === 'completion')).toHaveLength(1);
      expect(kinds.at(-1)).toBe('completion');
    }
    expect(links.get('NCIC')!.requests).toHaveLength(1);
    await audit.flush();
    expect(audit.query({ type: 'replay' })).toHaveLength(1);
  });

  it('answers two sends of one id in the same tick, each completely and with one completion', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    const originOf = (frames: Frame[]): TransactionOrigin => ({
      kind: 'terminal', session, terminal: 'LA01', sourceAddress: '127.0.0.1', send: (frame) => { frames.push(frame); },
    });
    const first: Frame[] = [];
    const second: Frame[] = [];
    const line = `QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`;
    await Promise.all([
      harness.pipeline.submit(originOf(first), { text: line, header: { clientMessageId: 'SAME-TICK' } }),
      harness.pipeline.submit(originOf(second), { text: line, header: { clientMessageId: 'SAME-TICK' } }),
    ]);
    expect(first.map(frameKind)).toEqual(['receipt', 'response', 'response', 'completion']);
    expect(second).toEqual(first);
    await security.audit.flush();
    const [original] = security.audit.query({ type: 'transaction' });
    expect(security.audit.query({ type: 'replay' })).toMatchObject([{ operatorId: 'OP1001', detail: { originalSeq: original?.seq } }]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
