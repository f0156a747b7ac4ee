import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus, decodeFrame, encodeFrame, type Frame, type LinkReply, type Response, type Transaction } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore } from '../audit/index.js';
import { buildRegistry } from '../security/registry.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { FakeLink, type FakeRequest } from '../testing/index.js';
import { MessageLog, type LogIdentity } from './message-log.js';

const OP1: LogIdentity = { operatorId: 'OP1', ori: 'CA0190000', terminal: 'SD01' };
const OP2_SAME_TERMINAL: LogIdentity = { operatorId: 'OP2', ori: 'CA0190000', terminal: 'SD01' };
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 14, 0, 0);

// The writer thread has its own connection: a trigger in the file refuses every insert, from
// any connection, as a full disk would.
const FULL_DISK_SQL = "CREATE TRIGGER full_disk BEFORE INSERT ON message_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END";

let now = T0;
const logs: MessageLog[] = [];
const dirs: string[] = [];

function open(settings: Partial<{ retentionDays: number; maxPerOperator: number; pageSize: number }> = {}, path = ':memory:', onWriteFailure?: (rows: number) => void): MessageLog {
  const log = new MessageLog({
    path, clock: () => now, settings: { retentionDays: 90, maxPerOperator: 10_000, pageSize: 20, ...settings },
    ...(onWriteFailure !== undefined ? { onWriteFailure } : {}),
  });
  logs.push(log);
  return log;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-message-log-'));
  dirs.push(dir);
  return join(dir, 'messages.db');
}

afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  now = T0;
});

function qw(id: string, name = 'KORVALE,DESMIN'): Transaction {
  return { header: { clientMessageId: id }, text: `QW.CA0190000.NAM/${name}.DOB/19860412.RTE/REQ:DEP R VALE;RSN:TRAFFIC STOP;CASE:26-1` };
}

function reply(id: string, isn: number, key = 'QW') {
  return { clientMessageId: id, messageKey: key, terminal: 'SD01', inputSeq: isn, destinations: [] as string[] };
}

const HIT: Response['records'] = [{
  status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId: 'W297823148', enteringOri: 'CA0370000',
  fields: [{ tag: 'NAM', value: 'KORVALE,DESMIN' }, { tag: 'OCA', value: '26-004410' }], text: 'WANTED PERSON KORVALE,DESMIN NIC/W297823148',
}];

/** One inquiry's whole exchange as the switch writes it to the terminal. */
function exchange(log: MessageLog, identity: LogIdentity, id: string, isn: number, options: { hit?: boolean; name?: string } = {}): void {
  log.sent(identity, qw(id, options.name));
  log.received(identity, { receipt: { header: reply(id, isn) } });
  const response: Response = options.hit === true
    ? { header: reply(id, isn), system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT, records: HIT }
    : { header: reply(id, isn), system: 'CORI', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO RECORD WPS CARPOS MPS CSAR' };
  log.received(identity, { response });
  log.received(identity, { completion: { header: reply(id, isn), answered: [response.system ?? ''], failed: [], inputSeq: isn } });
}

describe('MessageLog', () => {
  it('keeps a sent transaction under the ISN of its receipt, and its answers, but not the receipt or the completion', async () => {
    const log = open();
    exchange(log, OP1, 'c-1', 7, { hit: true });
    const recalled = await log.recall('OP1', { isn: 7 });
    expect(recalled.map((message) => [message.direction, message.kind, message.isn, message.messageKey])).toEqual([
      ['SENT', 'transaction', 7, 'QW'],
      ['RECEIVED', 'response', 7, 'QW'],
    ]);
    expect(recalled[0]!.text).toContain('QW.CA0190000.NAM/KORVALE,DESMIN');
    expect(recalled[1]!.party).toBe('NCIC');
    expect(recalled[1]!.text).toContain('NIC/W297823148');
    expect(recalled[1]!.records?.[0]).toMatchObject({ recordId: 'W297823148', enteringOri: 'CA0370000' });
    const listed = await log.list('OP1');
    expect(listed.messages.map((message) => message.direction)).toEqual(['RECEIVED', 'SENT']);
  });

  it('writes nothing before the end of the turn, then every row of the turn at once', async () => {
    const path = tempFile();
    const log = open({}, path);
    exchange(log, OP1, 'c-1', 1);
    const reader = new Database(path, { readonly: true });
    const count = () => reader.prepare('SELECT count(*) FROM message_log').pluck().get();
    expect(count()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    // Handed to the writer thread at the end of the turn; committed once its commit is done.
    expect(log.queued).toBe(0);
    await log.flush();
    expect(count()).toBe(2);
    reader.close();
  });

  it('logs a transaction refused before its receipt without an ISN, with its reject', () => {
    const log = open();
    log.sent(OP1, qw('c-1'));
    log.received(OP1, { reject: { header: { clientMessageId: 'c-1', terminal: 'SD01' }, code: 'CLETS_ERR_FIELD_INVALID', wireCode: 204, reason: 'DOB: month 13' } });
    log.flush();
    return log.list('OP1').then((page) => {
      expect(page.messages.map((message) => [message.direction, message.kind, message.isn])).toEqual([
        ['RECEIVED', 'reject', undefined], ['SENT', 'transaction', undefined],
      ]);
      expect(page.messages[0]!.text).toContain('ER 204');
    });
  });

  it('keeps messages from other agencies without lending them the sender\'s ISN', () => {
    const log = open();
    const am: Frame = { adminMessage: { header: { ori: 'CA0370000', terminal: 'SD02', inputSeq: 88 }, officerSafety: 'ARMED', text: 'ATTEMPT TO LOCATE GRAY SEDAN.' } };
    log.received(OP1, am);
    log.received(OP1, { statusMessage: { system: 'NCIC', text: 'DOWN' } });
    log.received(OP1, { heartbeat: { nonce: 1 } });
    log.flush();
    return log.list('OP1').then((page) => {
      expect(page.messages).toHaveLength(1);
      expect(page.messages[0]).toMatchObject({ kind: 'adminMessage', isn: undefined, party: 'CA0370000/SD02', messageKey: 'AM' });
      expect(page.messages[0]!.text).toContain('*** OFFICER SAFETY: ARMED ***');
      expect(page.messages[0]!.firstLine).toBe('AM FROM CA0370000/SD02: *** ARMED *** ATTEMPT TO LOCATE GRAY SEDAN.');
    });
  });

  it('does not log LOG itself, nor its answers', async () => {
    const log = open();
    exchange(log, OP1, 'c-1', 1);
    const read: Transaction = { header: { clientMessageId: 'c-2' }, text: 'LOG.CA0190000' };
    log.sent(OP1, read);
    log.received(OP1, { receipt: { header: reply('c-2', 2, 'LOG') } });
    log.received(OP1, { response: { header: reply('c-2', 2, 'LOG'), system: 'SWITCH', responseKey: 'LOG', text: 'MESSAGE LOG OF OP1' } });
    expect((await log.list('OP1')).messages).toHaveLength(2);
  });

  it('gives an operator their own messages only: another operator at the same terminal finds none, by ISN, number or search', async () => {
    const log = open();
    exchange(log, OP1, 'c-1', 1, { hit: true });
    const [first] = await log.recall('OP1', { isn: 1 });
    expect(first).toBeDefined();
    expect(await log.recall('OP2', { isn: 1 })).toEqual([]);
    expect(await log.recall('OP2', { id: first!.id })).toEqual([]);
    expect((await log.list('OP2')).messages).toEqual([]);
    expect((await log.list('OP2', { find: 'KORVALE' })).messages).toEqual([]);
    const answer = await log.answer({ header: { messageKey: 'LOG' }, fields: [{ tag: 'ISN', value: '1' }] }, OP2_SAME_TERMINAL.operatorId);
    expect(answer.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(answer.text).toBe('NO MESSAGE ISN/1 IN YOUR MESSAGE LOG');
  });

  it('recalls the newest transaction with an ISN, and an older one of the same number by its entry number', async () => {
    const log = open();
    exchange(log, OP1, 'c-1', 5, { name: 'FIRST,DAY' });
    now += DAY;
    exchange(log, OP1, 'c-2', 5, { name: 'SECOND,DAY' });
    const newest = await log.recall('OP1', { isn: 5 });
    expect(newest).toHaveLength(2);
    expect(newest[0]!.text).toContain('SECOND,DAY');
    const all = await log.recall('OP1', { isn: 5 });
    const older = await log.recall('OP1', { id: all[0]!.id - 2 });
    expect(older.map((message) => message.direction)).toEqual(['SENT', 'RECEIVED']);
    expect(older[0]!.text).toContain('FIRST,DAY');
  });

  it('lists newest first a page at a time, and finds text in any case', async () => {
    const log = open({ pageSize: 3 });
    for (let isn = 1; isn <= 4; isn++) exchange(log, OP1, `c-${isn}`, isn, { name: isn === 2 ? 'QUILLAN,ORREN' : 'KORVALE,DESMIN' });
    const first = await log.list('OP1');
    expect(first.messages.map((message) => message.isn)).toEqual([4, 4, 3]);
    expect(first.more).toBe(true);
    const third = await log.list('OP1', { page: 3 });
    expect(third.messages.map((message) => message.isn)).toEqual([1, 1]);
    expect(third.more).toBe(false);
    const found = await log.list('OP1', { find: 'quillan' });
    expect(found.messages.map((message) => [message.isn, message.direction])).toEqual([[2, 'SENT']]);
  });

  it('searches beyond one chunk of rows', async () => {
    const log = open();
    exchange(log, OP1, 'c-0', 1, { name: 'NEEDLE,ANNA' });
    for (let isn = 2; isn < 400; isn++) exchange(log, OP1, `c-${isn}`, isn);
    const found = await log.list('OP1', { find: 'NEEDLE' });
    expect(found.messages.map((message) => message.isn)).toEqual([1]);
  });

  it('drops what is past its retention, and an operator\'s oldest beyond the bound', async () => {
    const log = open({ retentionDays: 90, maxPerOperator: 10 });
    exchange(log, OP1, 'c-old', 1, { name: 'OLD,ONE' });
    now += 91 * DAY;
    for (let isn = 2; isn <= 7; isn++) exchange(log, OP1, `c-${isn}`, isn);
    exchange(log, OP2_SAME_TERMINAL, 'c-x', 1);
    log.flush();
    // 2 expired rows, then OP1's 12 rows are 2 over the bound of 10; OP2's 2 are left alone.
    expect(await log.prune(now)).toBe(4);
    expect(await log.recall('OP1', { isn: 1 })).toEqual([]);
    expect(await log.recall('OP1', { isn: 2 })).toEqual([]);
    expect(await log.recall('OP1', { isn: 3 })).toHaveLength(2);
    expect(await log.recall('OP2', { isn: 1 })).toHaveLength(2);
  });

  it('logs a transaction whose receipt never came without its ISN, once it has waited long enough', async () => {
    const log = open();
    log.sent(OP1, qw('c-1'));
    await log.prune(now);
    expect((await log.list('OP1')).messages).toEqual([]);
    now += 11 * 60_000;
    await log.prune(now);
    expect((await log.list('OP1')).messages.map((message) => [message.direction, message.isn])).toEqual([['SENT', undefined]]);
  });

  it('counts and drops rows it cannot write, and throws nothing at the caller', async () => {
    const path = tempFile();
    let failed = 0;
    const log = open({}, path, (rows) => { failed += rows; });
    const saboteur = new Database(path);
    saboteur.exec(FULL_DISK_SQL);
    saboteur.close();
    expect(() => exchange(log, OP1, 'c-1', 1)).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    await log.flush();
    expect(failed).toBe(2);
    expect(log.failures).toBe(2);
  });

  it('finds what was sent in a read asked right after it, in the same turn, while an earlier commit is under way', async () => {
    const log = open({}, tempFile());
    exchange(log, OP1, 'c-1', 1, { name: 'FIRST,ONE' });
    const first = log.flush();
    exchange(log, OP1, 'c-2', 2, { name: 'SECOND,TWO' });
    // Neither awaited nor the turn ended: the read waits for both commits, then reads.
    const [listed, recalled] = await Promise.all([log.list('OP1'), log.recall('OP1', { isn: 2 })]);
    expect(listed.messages.map((message) => [message.isn, message.direction])).toEqual([[2, 'RECEIVED'], [2, 'SENT'], [1, 'RECEIVED'], [1, 'SENT']]);
    expect(recalled[0]!.text).toContain('SECOND,TWO');
    await first;
  });

  it('drops and counts the rows when its writer thread dies, throws nothing at the caller, and starts another later', async () => {
    let failed = 0;
    const errors: string[] = [];
    const log = new MessageLog({
      path: join(tempFile(), 'no-such-directory', 'messages.db'), clock: () => now, settings: { retentionDays: 90, maxPerOperator: 10_000, pageSize: 20 },
      onWriteFailure: (rows) => { failed += rows; }, log: { error: (_object, message) => void errors.push(message ?? '') },
    });
    logs.push(log);
    expect(() => exchange(log, OP1, 'c-1', 1)).not.toThrow();
    await log.flush();
    expect(failed).toBe(2);
    expect(errors).toContain('message log: the writer thread stopped; rows are dropped until it is started again');
    // While it is down, rows are dropped at once, and a read is refused as out of service.
    exchange(log, OP1, 'c-2', 2);
    await log.flush();
    expect(failed).toBe(4);
    await expect(log.answer({ header: { messageKey: 'LOG' }, fields: [] }, 'OP1')).rejects.toMatchObject({ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE' });
    // Later a write starts another thread (which fails the same way here: its rows are counted too).
    now += 5_000;
    exchange(log, OP1, 'c-3', 3);
    await log.flush();
    expect(failed).toBe(6);
    expect(log.failures).toBe(6);
    expect(errors.filter((message) => message.startsWith('message log: the writer thread stopped'))).toHaveLength(2);
  });

  it('answers LOG: a listing with a heading and how to recall, a recall with a record per message and the hit\'s records after it', async () => {
    const log = open();
    exchange(log, OP1, 'c-1', 12, { hit: true });
    const listing = await log.answer({ header: { messageKey: 'LOG' }, fields: [] }, 'OP1');
    expect(listing).toMatchObject({ system: 'SWITCH', responseKey: 'LOG', status: HitStatus.HIT_STATUS_ACKNOWLEDGED, records: [] });
    expect(listing.text).toMatch(/^MESSAGE LOG OF OP1, NEWEST FIRST, PAGE 1\n/);
    expect(listing.text).toMatch(/\n +2 2026-11-01 14:00:00Z IN +12 QW +NCIC +NCIC QW WANTED PERSON INQUIRY - 1 HIT ISN\/12\n +1 .* OUT +12 QW +NCIC CORI +QW\.CA0190000/);
    expect(listing.text).toContain('END OF LOG');
    const recall = await log.answer({ header: { messageKey: 'LOG' }, fields: [{ tag: 'ISN', value: '12' }] }, 'OP1');
    expect(recall.records?.map((record) => [record.file, record.status])).toEqual([
      ['MESSAGE LOG', HitStatus.HIT_STATUS_ACKNOWLEDGED], ['MESSAGE LOG', HitStatus.HIT_STATUS_ACKNOWLEDGED], ['WANTED PERSON', HitStatus.HIT_STATUS_HIT],
    ]);
    expect(recall.records?.[0]?.text).toMatch(/^LNO\/\d+ 2026-11-01 14:00:00Z SENT AT SD01 TO NCIC CORI ISN\/12\nQW\.CA0190000/);
    expect(recall.records?.[1]?.text).toMatch(/RECEIVED AT SD01 FROM NCIC ISN\/12\nNCIC QW WANTED PERSON INQUIRY - 1 HIT ISN\/12$/);
    expect(recall.records?.[2]).toMatchObject({ recordId: 'W297823148', enteringOri: 'CA0370000' });
    expect(recall.text).toContain('WANTED PERSON KORVALE,DESMIN NIC/W297823148');
  });

  it('recalls the records of a response decoded off the wire with their status, NIC and entering agency', async () => {
    const log = open();
    log.sent(OP1, qw('c-1'));
    log.received(OP1, { receipt: { header: reply('c-1', 3) } });
    const wire = decodeFrame(encodeFrame({ response: { header: reply('c-1', 3), system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT, records: HIT } }));
    log.received(OP1, wire);
    const recall = await log.answer({ header: { messageKey: 'LOG' }, fields: [{ tag: 'ISN', value: '3' }] }, 'OP1');
    const sent = decodeFrame(encodeFrame({ response: recall })).response;
    expect(sent?.records?.at(-1)).toMatchObject({
      status: HitStatus.HIT_STATUS_HIT, recordId: 'W297823148', enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'KORVALE,DESMIN' }, { tag: 'OCA', value: '26-004410' }],
    });
  });

  it('refuses LOG without an operator', async () => {
    await expect(open().answer({ header: { messageKey: 'LOG' } }, undefined)).rejects.toMatchObject({ code: 'CLETS_ERR_NOT_LOGGED_IN' });
  });
});

describe('the switch\'s message log, read with LOG', () => {
  const ORI = 'CA0190000';
  const registry = buildRegistry({
    agencies: [{ ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }],
    terminals: [
      { mnemonic: 'SD01', ori: ORI, class: 'desk', deviceSecret: 'device-secret-sd01' },
      { mnemonic: 'SD02', ori: ORI, class: 'desk', deviceSecret: 'device-secret-sd02' },
    ],
    operators: [
      { id: 'OP1', ori: ORI, role: 'FAO', password: 'full-access-pass', deactivated: false },
      { id: 'OP2', ori: ORI, role: 'FAO', password: 'other-access-pass', deactivated: false },
    ],
  });
  const PASSWORDS: Record<string, string> = { OP1: 'full-access-pass', OP2: 'other-access-pass' };
  const QW = `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`;
  const switches: CletsSwitch[] = [];
  const clients: TerminalClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    for (const sw of switches.splice(0)) await sw.close();
  });

  function ncicHit(request: FakeRequest): LinkReply {
    return {
      requestId: request.requestId, final: true,
      responses: [{ header: request.transaction.header ?? null, system: request.system, responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT, records: HIT }],
    };
  }

  async function startSwitch(path: string): Promise<{ sw: CletsSwitch; url: string }> {
    const sw = await buildSwitch({
      switchId: 'county-19', messagesPath: path, links: [{ name: 'NCIC', url: 'ws://127.0.0.1:1', secret: 'test-secret-1' }],
      routes: { WPS: 'NCIC', CARPOS: 'NCIC', MPS: 'NCIC', CSAR: 'NCIC' }, log: { level: 'silent' },
    }, { audit: new MemoryAuditStore(), registry, linkFactory: (link) => new FakeLink(link.name, ncicHit) });
    switches.push(sw);
    return { sw, url: (await sw.listen()).terminals };
  }

  async function logIn(url: string, operatorId: string, mnemonic = 'SD01'): Promise<TerminalClient> {
    const client = new TerminalClient({ url, mnemonic, deviceSecret: `device-secret-${mnemonic.toLowerCase()}` });
    clients.push(client);
    await client.connect();
    await client.login({ operatorId, password: PASSWORDS[operatorId]! });
    return client;
  }

  async function read(client: TerminalClient, line: string): Promise<Response> {
    const result = await client.send(line);
    if (result.outcome !== 'completed') throw new Error(`${line}: ${result.outcome}`);
    expect(result.responses).toHaveLength(1);
    return result.responses[0]!;
  }

  async function turn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }

  it('shows an operator, logged in again, what they sent and received before, and nobody else', async () => {
    const { url } = await startSwitch(tempFile());
    const first = await logIn(url, 'OP1');
    const sent = await first.send(QW);
    expect(sent.outcome).toBe('completed');
    const isn = sent.outcome === 'completed' ? sent.receipt?.header?.inputSeq : undefined;
    await first.logout('end of shift');
    await first.close();
    await turn();

    // Another operator at the same terminal, then at another: nothing of OP1's.
    const other = await logIn(url, 'OP2');
    expect((await read(other, `LOG.${ORI}`)).text).toBe('NO MESSAGE IN THE MESSAGE LOG OF OP2');
    expect((await read(other, `LOG.${ORI}.ISN/${isn}`)).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect((await read(other, `LOG.${ORI}.LNO/1`)).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect((await read(other, `LOG.${ORI}.FND/KORVALE`)).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    await other.logout('done');
    await other.close();
    const elsewhere = await logIn(url, 'OP2', 'SD02');
    expect((await read(elsewhere, `LOG.${ORI}.FND/KORVALE`)).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);

    const again = await logIn(url, 'OP1');
    const listing = await read(again, `LOG.${ORI}`);
    expect(listing.system).toBe('SWITCH');
    expect(listing.text).toMatch(new RegExp(`OUT +${isn} QW +NCIC CORI +QW\\.${ORI}\\.NAM/KORVALE`));
    expect(listing.text).toContain('NCIC QW WANTED PERSON INQUIRY - 1 HIT');
    // The LOG just sent is not in it.
    expect(listing.text).not.toMatch(/OUT +\d+ LOG /);
    const recall = await read(again, `LOG.${ORI}.ISN/${isn}`);
    expect(recall.records?.find((record) => record.recordId === 'W297823148')).toMatchObject({ enteringOri: 'CA0370000', status: HitStatus.HIT_STATUS_HIT });
  });

  it('is read over the gateway with a LOG line, the gateway session\'s operator\'s log only', async () => {
    const { sw, url } = await startSwitch(tempFile());
    const client = await logIn(url, 'OP1');
    expect((await client.send(QW)).outcome).toBe('completed');
    const read = async (operatorId: string): Promise<string> => {
      const session = await sw.http.inject({
        method: 'POST', url: '/v1/sessions',
        payload: { mnemonic: 'SD02', deviceSecret: 'device-secret-sd02', operatorId, password: PASSWORDS[operatorId], acknowledgeBanner: true },
      });
      expect(session.statusCode).toBe(201);
      const answer = await sw.http.inject({
        method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${session.json().token as string}` }, payload: { line: `LOG.${ORI}.FND/KORVALE` },
      });
      expect(answer.statusCode).toBe(200);
      await sw.http.inject({ method: 'DELETE', url: '/v1/sessions/current', headers: { authorization: `Bearer ${session.json().token as string}` } });
      const frames = answer.json().frames as { response?: { text?: string } }[];
      return frames.find((frame) => frame.response !== undefined)?.response?.text ?? '';
    };
    expect(await read('OP1')).toContain(`QW.${ORI}.NAM/KORVALE,DESMIN`);
    expect(await read('OP2')).toBe('NO MESSAGE IN THE MESSAGE LOG OF OP2 MATCHING "KORVALE"');
  });

  it('keeps what a gateway session sent and received, as at a WebSocket terminal', async () => {
    const { sw, url } = await startSwitch(tempFile());
    const session = await sw.http.inject({
      method: 'POST', url: '/v1/sessions',
      payload: { mnemonic: 'SD02', deviceSecret: 'device-secret-sd02', operatorId: 'OP1', password: PASSWORDS['OP1'], acknowledgeBanner: true },
    });
    expect(session.statusCode).toBe(201);
    const token = session.json().token as string;
    const sent = await sw.http.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${token}` }, payload: { line: QW } });
    expect(sent.json().complete).toBe(true);
    await sw.http.inject({ method: 'DELETE', url: '/v1/sessions/current', headers: { authorization: `Bearer ${token}` } });
    const client = await logIn(url, 'OP1');
    const listing = (await read(client, `LOG.${ORI}.FND/KORVALE`)).text ?? '';
    expect(listing).toMatch(/OUT +\d+ QW +NCIC CORI +QW\.CA0190000\.NAM\/KORVALE/);
    expect(listing).toContain('NCIC QW WANTED PERSON INQUIRY');
  });

  it('keeps the log across a restart of the switch', async () => {
    const path = tempFile();
    const before = await startSwitch(path);
    const client = await logIn(before.url, 'OP1');
    expect((await client.send(QW)).outcome).toBe('completed');
    await client.close();
    await before.sw.close();
    const after = await startSwitch(path);
    const again = await logIn(after.url, 'OP1');
    expect((await read(again, `LOG.${ORI}.FND/KORVALE`)).text).toContain('QW.CA0190000.NAM/KORVALE,DESMIN');
  });

  /** A QW answered in full while the log loses its rows, the loss counted in the metrics; the operator's client. */
  async function answeredWhileLogLoses(sw: Awaited<ReturnType<typeof startSwitch>>['sw'], url: string): Promise<Awaited<ReturnType<typeof logIn>>> {
    const client = await logIn(url, 'OP1');
    const result = await client.send(QW);
    expect(result.outcome).toBe('completed');
    await turn();
    await sw.messageLog?.flush();
    expect(await sw.metrics.render()).toMatch(/^clets_message_log_write_failures_total [1-9]/m);
    return client;
  }

  it('answers every transaction when the log\'s writer thread cannot run, counts what it lost, and refuses LOG as out of service', async () => {
    const path = tempFile();
    // A file the log cannot use (its table's name taken by a view): the writer thread stops at start.
    const other = new Database(path);
    other.exec('CREATE VIEW message_log AS SELECT 1 AS id');
    other.close();
    const { sw, url } = await startSwitch(path);
    const client = await answeredWhileLogLoses(sw, url);
    const read = await client.send(`LOG.${ORI}`);
    expect(read.outcome).toBe('completed');
    expect(read.outcome === 'completed' ? read.rejects.map((reject) => [reject.system, reject.code]) : []).toEqual([['SWITCH', 'CLETS_ERR_SYSTEM_UNAVAILABLE']]);
    expect((await client.send(QW)).outcome).toBe('completed');
  });

  it('answers every transaction when the log cannot be written, and counts what it lost', async () => {
    const path = tempFile();
    const { sw, url } = await startSwitch(path);
    const saboteur = new Database(path);
    saboteur.exec(FULL_DISK_SQL);
    saboteur.close();
    await answeredWhileLogLoses(sw, url);
  });
});
