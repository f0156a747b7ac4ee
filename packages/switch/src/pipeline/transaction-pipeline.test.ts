/**
 * What a switch promised survives a restart: a switch is built, given work, stopped (in
 * order, or "crashed": its files copied as they are at that moment, which is what a SIGKILL
 * or a power cut leaves), and built again on the same files. Held transactions are forwarded
 * or expire by their time to live counted from acceptance, in-flight ones are resumed and
 * end in one Completion, resends are answered from the journal, input sequence numbers go on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HitStatus, type LinkReply, type Response } from '@clets/protocol';
import { TerminalClient, type UncorrelatedEvent } from '@clets/terminal';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { buildRegistry } from '../security/registry.js';
import { FakeLink, Scratch, type FakeRequest } from '../testing/index.js';
import type { SwitchConfigInput } from '../config.js';
import { openAuditStore } from '../audit/sqlite-audit-store.js';
import type { AuditEvent, AuditSink } from '../audit/types.js';

const ORI = 'CA0190000';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const IQ = `IQ.${ORI}.NV.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE};PUR:C`;
const QW = `QW.${ORI}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE}`;
const registry = buildRegistry({
  agencies: [{ ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }],
  terminals: [
    { mnemonic: 'LA01', ori: ORI, class: 'desk', deviceSecret: 'device-secret-la01' },
    { mnemonic: 'LA02', ori: ORI, class: 'desk', deviceSecret: 'device-secret-la02' },
  ],
  operators: [
    { id: 'OP1', ori: ORI, role: 'FAO', password: 'full-access-pass', deactivated: false },
    { id: 'OP2', ori: ORI, role: 'FAO', password: 'other-access-pass', deactivated: false },
  ],
});

function answer(system: string) {
  return (request: FakeRequest): LinkReply => ({
    requestId: request.requestId, final: true,
    responses: [{
      header: request.transaction.header ?? null, system, responseKey: request.transaction.header?.messageKey ?? '', status: HitStatus.HIT_STATUS_NO_RECORD,
      text: `${system} ANSWER`, records: [],
    } satisfies Response],
  });
}

interface Running {
  sw: CletsSwitch;
  links: Map<string, FakeLink>;
  url: string;
}

const scratch = new Scratch('clets-durable-');
afterEach(() => scratch.release());

/** The switch's files as they are now, in a new directory: what a SIGKILL or a power cut leaves. */
function crashCopy(dir: string): string {
  const copy = scratch.dir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

async function start(dir: string, options: {
  down?: readonly string[]; hang?: readonly string[]; clock?: () => number; config?: Partial<SwitchConfigInput>;
  /** An audit sink of the test's own in place of the one the config opens. */
  audit?: AuditSink;
  /** Systems that answer only once their promise resolves. */
  held?: Readonly<Record<string, Promise<void>>>;
} = {}): Promise<Running> {
  const links = new Map<string, FakeLink>();
  const sw = await buildSwitch({
    switchId: 'county-19',
    messagesPath: join(dir, 'messages.db'),
    audit: { path: join(dir, 'audit.db'), checkpointIntervalMs: 600_000 },
    links: ['NCIC', 'CORI', 'NLETS', 'DMV'].map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
    limits: { requestDeadlineMs: 2_000, authTimeoutMs: 5_000 },
    log: { level: (process.env['TEST_LOG'] ?? 'silent') as 'silent' },
    ...options.config,
  }, {
    registry,
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    ...(options.audit !== undefined ? { audit: options.audit } : {}),
    linkFactory: (link) => {
      const held = options.held?.[link.name];
      const answers = held === undefined ? answer(link.name) : (request: FakeRequest) => held.then(() => answer(link.name)(request));
      const fake = new FakeLink(link.name, options.hang?.includes(link.name) ? () => 'hang' : answers, {
        up: !options.down?.includes(link.name), ...(options.clock !== undefined ? { now: options.clock } : {}),
      });
      links.set(link.name, fake);
      return fake;
    },
  });
  scratch.switch(sw);
  const { terminals } = await sw.listen();
  return { sw, links, url: terminals };
}

async function stop(running: Running): Promise<void> {
  scratch.forget(running.sw);
  await running.sw.close();
}

async function login(running: Running, mnemonic = 'LA01', operator = 'OP1'): Promise<{ client: TerminalClient; unsolicited: UncorrelatedEvent[] }> {
  const client = new TerminalClient({ url: running.url, mnemonic, deviceSecret: `device-secret-${mnemonic.toLowerCase()}`, reconnect: { enabled: false } });
  scratch.client(client);
  const unsolicited: UncorrelatedEvent[] = [];
  client.on('uncorrelated', (event) => unsolicited.push(event));
  await client.connect();
  await client.login({ operatorId: operator, password: operator === 'OP1' ? 'full-access-pass' : 'other-access-pass' });
  return { client, unsolicited };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function auditRows(dir: string, type: string): { outcome: string; detail: Record<string, unknown>; client_message_id: string; input_seq: number | null }[] {
  const db = new Database(join(dir, 'audit.db'), { readonly: true });
  try {
    return (db.prepare('SELECT outcome, detail, client_message_id, input_seq FROM audit_log WHERE type = ? ORDER BY seq').all(type) as {
      outcome: string; detail: string | null; client_message_id: string; input_seq: number | null;
    }[]).map((row) => ({ ...row, detail: row.detail === null ? {} : JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

const kinds = (events: readonly UncorrelatedEvent[], id: string): string[] => events.filter((event) => event.clientMessageId === id).map((event) => event.kind);

describe('a held transaction (.02.) across a restart', () => {
  it('is forwarded when its system returns after a crash, and its operator gets the answer and one Completion', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { down: ['NLETS'] });
    const { client } = await login(first);
    const queued: string[] = [];
    void client.send(IQ, { clientMessageId: 'HELD-1', onProgress: (progress) => { if (progress.kind === 'queued') queued.push(progress.notice.system ?? ''); } })
      .catch(() => undefined);
    // The notice is sent only once the hold is recorded: a crash now keeps the promise.
    await waitFor(() => queued.length === 1);
    const after = crashCopy(dir);
    await client.close();

    const second = await start(after, { down: ['NLETS'] });
    const { unsolicited } = await login(second);
    expect(second.links.get('NLETS')!.requests).toHaveLength(0);
    second.links.get('NLETS')!.setUp(true);
    await waitFor(() => kinds(unsolicited, 'HELD-1').includes('completion'));
    expect(kinds(unsolicited, 'HELD-1')).toEqual(['response', 'completion']);
    // Sent again under the request id it had before the crash: a system that answered it already answers from memory.
    const requests = second.links.get('NLETS')!.requests;
    expect(requests.map((request) => request.requestId)).toHaveLength(1);
    expect(requests[0]!.requestId).toMatch(/^county-19:\d+:NLETS$/);
    await second.sw.audit.close();
    expect(auditRows(after, 'completion').filter((row) => row.client_message_id === 'HELD-1')).toHaveLength(1);
  });

  it('is suspended by an ordered shutdown and forwarded by the next start; an offline operator finds the answer at login', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { down: ['NLETS'] });
    const { client } = await login(first);
    const queued: string[] = [];
    const sent = client.send(IQ, { clientMessageId: 'HELD-2', onProgress: (progress) => { if (progress.kind === 'queued') queued.push('queued'); } });
    sent.catch(() => undefined);
    await waitFor(() => queued.length === 1);
    await stop(first);
    await expect(sent).rejects.toBeDefined();
    expect(auditRows(dir, 'completion').filter((row) => row.client_message_id === 'HELD-2')).toHaveLength(0);

    const second = await start(dir, { down: ['NLETS'] });
    second.links.get('NLETS')!.setUp(true);
    await waitFor(() => second.links.get('NLETS')!.requests.length === 1);
    await waitFor(() => second.sw.pipeline.inFlight === 0);
    // Nobody logged in: kept for the operator who asked, given at their next login there.
    const { client: again, unsolicited } = await login(second);
    await waitFor(() => kinds(unsolicited, 'HELD-2').includes('completion'));
    expect(kinds(unsolicited, 'HELD-2')).toEqual(['response', 'completion']);
    expect(again.session?.messagesWaiting).toBe(2);
  });

  it('keeps the answer from another operator who logs in at the same terminal', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { down: ['NLETS'] });
    const { client } = await login(first);
    const queued: string[] = [];
    client.send(IQ, { clientMessageId: 'HELD-3', onProgress: (progress) => { if (progress.kind === 'queued') queued.push('queued'); } }).catch(() => undefined);
    await waitFor(() => queued.length === 1);
    await stop(first);
    const second = await start(dir);
    await waitFor(() => second.sw.pipeline.inFlight === 0);
    const other = await login(second, 'LA01', 'OP2');
    expect(other.client.session?.messagesWaiting).toBe(0);
    await other.client.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const owner = await login(second);
    await waitFor(() => kinds(owner.unsolicited, 'HELD-3').includes('completion'));
    expect(kinds(other.unsolicited, 'HELD-3')).toEqual([]);
  });

  it('ends in a non-delivery when its time to live, counted from acceptance, ran out during the restart', async () => {
    const dir = scratch.dir();
    let now = Date.now();
    const clock = (): number => now;
    const first = await start(dir, { down: ['NLETS'], clock });
    const { client } = await login(first);
    const queued: number[] = [];
    client.send(IQ, { clientMessageId: 'HELD-4', onProgress: (progress) => { if (progress.kind === 'queued') queued.push(Number(progress.notice.expiresAtMs)); } }).catch(() => undefined);
    await waitFor(() => queued.length === 1);
    expect(queued[0]).toBe(now + first.sw.config.limits.queueTtlMs);
    const after = crashCopy(dir);
    await client.close();
    now += first.sw.config.limits.queueTtlMs + 1;
    const second = await start(after, { down: ['NLETS'], clock });
    const { unsolicited } = await login(second);
    await waitFor(() => kinds(unsolicited, 'HELD-4').includes('completion'));
    const reject = unsolicited.find((event) => event.clientMessageId === 'HELD-4' && event.kind === 'reject');
    expect(reject?.frame.reject).toMatchObject({ code: 'CLETS_ERR_NON_DELIVERY', system: 'NLETS' });
    expect(unsolicited.find((event) => event.kind === 'completion')?.frame.completion?.failed).toEqual(['NLETS']);
  });

  it('is refused, not promised, when the hold cannot be recorded (a disk that fills while holding)', async () => {
    const dir = scratch.dir();
    const running = await start(dir, { down: ['NLETS'] });
    const { client } = await login(running);
    const queued: string[] = [];
    client.send(IQ, { clientMessageId: 'FILL-0', onProgress: (progress) => { if (progress.kind === 'queued') queued.push('queued'); } }).catch(() => undefined);
    await waitFor(() => queued.length === 1);
    // The disk fills: the next held mark cannot be written (SQLITE_FULL where the mark goes).
    running.sw.journal.connection.exec(`CREATE TRIGGER full BEFORE INSERT ON journal_held BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const held = await client.send(IQ, { clientMessageId: 'FILL-1' });
    expect(held.outcome).toBe('completed');
    expect(held.queued).toEqual([]);
    expect(held.rejects).toMatchObject([{ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', system: 'NLETS' }]);
    expect(held.rejects[0]?.reason).toMatch(/could not be recorded for store-and-forward/);
    expect(held.completion?.failed).toEqual(['NLETS']);
    // The first hold, recorded before the disk filled, still waits for its system.
    expect(running.sw.held.depth('NLETS')).toBe(1);
    running.links.get('NLETS')!.setUp(true);
    await waitFor(() => running.links.get('NLETS')!.requests.length === 1);
  });

  it('refuses a transaction whose row cannot be written, before any receipt', async () => {
    const dir = scratch.dir();
    const running = await start(dir);
    const { client } = await login(running);
    running.sw.journal.connection.exec(`CREATE TRIGGER full BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const refused = await client.send(QW, { clientMessageId: 'FULL-1' });
    expect(refused.outcome).toBe('rejected');
    expect(refused.rejected).toMatchObject({ code: 'CLETS_ERR_OVERLOADED' });
    expect(running.links.get('NCIC')!.requests).toHaveLength(0);
    running.sw.journal.connection.exec('DROP TRIGGER full');
    const accepted = await client.send(QW, { clientMessageId: 'FULL-2' });
    expect(accepted.outcome).toBe('completed');
  });
});

describe('a shutdown past its drain deadline', () => {
  it('leaves a transaction whose completion row the closing store refused open, and the next start ends it with its row', async () => {
    const dir = scratch.dir();
    // The audit store as the switch opens it, except that a completion row waits for the
    // store's close and is then refused: the transaction is still running when the ordered
    // shutdown, its drain deadline passed, closes the store under it.
    const real = openAuditStore({ path: join(dir, 'audit.db'), checkpointIntervalMs: 600_000 });
    let closeStarted!: () => void;
    const closing = new Promise<void>((resolve) => { closeStarted = resolve; });
    const audit = new Proxy(real, {
      get(target, property) {
        if (property === 'append') {
          return (event: AuditEvent) => (event.type === 'completion'
            ? closing.then(() => { throw new Error('audit store closed'); })
            : target.append(event));
        }
        if (property === 'close') return async () => { closeStarted(); await target.close(); };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const first = await start(dir, { audit, config: { limits: { requestDeadlineMs: 2_000, authTimeoutMs: 5_000, drainTimeoutMs: 100 } } });
    const { client: sender } = await login(first);
    const { client: reader } = await login(first, 'LA02', 'OP2');
    const kindsSeen: string[] = [];
    void sender.send(`AM.${ORI}.LA02.TXT/ROAD CLOSED AT MAIN ST.`, { clientMessageId: 'LATE-1', onProgress: (progress) => kindsSeen.push(progress.kind) })
      .catch(() => undefined);
    await waitFor(() => kindsSeen.includes('receipt') && auditRows(dir, 'delivery').some((row) => row.client_message_id === 'LATE-1'));
    await stop(first);
    await Promise.allSettled([reader.close(), sender.close()]);
    expect(auditRows(dir, 'completion').filter((row) => row.client_message_id === 'LATE-1')).toHaveLength(0);

    const second = await start(dir);
    await waitFor(() => second.sw.pipeline.inFlight === 0);
    await second.sw.audit.close();
    const completions = auditRows(dir, 'completion').filter((row) => row.client_message_id === 'LATE-1');
    expect(completions).toHaveLength(1);
    expect(completions[0]?.detail['resumed']).toBe(true);
  });
});

describe('a transaction in flight at a crash', () => {
  it('is resumed under its request id and ends in one Completion; a resend after the restart follows it', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { hang: ['NCIC'] });
    const { client } = await login(first);
    const receipts: number[] = [];
    client.send(QW, { clientMessageId: 'FLIGHT-1', onProgress: (progress) => { if (progress.kind === 'receipt') receipts.push(Number(progress.receipt.header?.inputSeq)); } })
      .catch(() => undefined);
    await waitFor(() => receipts.length === 1 && first.links.get('NCIC')!.requests.length === 1);
    const requestId = first.links.get('NCIC')!.requests[0]!.requestId;
    const after = crashCopy(dir);
    await client.close();

    // NCIC answers the resumed leg once the resend has its Receipt: the resumed transaction's
    // own answers go to the operator's terminal too, and would otherwise race the replay's
    // (which waits for its replay row's commit) to end the client's send.
    let release!: () => void;
    const ncicBack = new Promise<void>((resolve) => { release = resolve; });
    const second = await start(after, { held: { NCIC: ncicBack } });
    const { client: again } = await login(second);
    const resent = await again.send(QW, { clientMessageId: 'FLIGHT-1', onProgress: (progress) => { if (progress.kind === 'receipt') release(); } });
    expect(resent.outcome).toBe('completed');
    expect(resent.receipt?.header?.inputSeq).toBe(receipts[0]);
    expect(resent.completion?.answered?.slice().sort()).toEqual(['CORI', 'NCIC']);
    expect(second.links.get('NCIC')!.requests.map((request) => request.requestId)).toEqual([requestId]);
    await waitFor(() => second.sw.pipeline.inFlight === 0);
    await second.sw.audit.close();
    const completions = auditRows(after, 'completion').filter((row) => row.client_message_id === 'FLIGHT-1');
    expect(completions).toHaveLength(1);
    expect(auditRows(after, 'transaction').filter((row) => row.client_message_id === 'FLIGHT-1')).toHaveLength(1);
    // The resumed transaction's last answer is recorded in its completion row, as a live one's is.
    expect(completions[0]?.detail).toMatchObject({ resumed: true, responses: [{ outcome: 'no_record', records: [] }] });
  });

  it('is settled, not run again, when its completion row was committed before the crash', async () => {
    const dir = scratch.dir();
    const first = await start(dir);
    const { client } = await login(first);
    const done = await client.send(QW, { clientMessageId: 'SETTLED-1' });
    expect(done.outcome).toBe('completed');
    await first.sw.journal.flush();
    const after = crashCopy(dir);
    // The crash came after the Completion's audit row and before the journal recorded the end.
    const journal = new Database(join(after, 'messages.db'));
    journal.prepare("UPDATE journal SET state = 'open', frames = NULL WHERE replay_key LIKE '%SETTLED-1%'").run();
    journal.close();
    const second = await start(after);
    const { client: again } = await login(second);
    const resent = await again.send(QW, { clientMessageId: 'SETTLED-1' });
    expect(resent.completion?.answered?.slice().sort()).toEqual(['CORI', 'NCIC']);
    expect(second.links.get('NCIC')!.requests).toHaveLength(0);
    await second.sw.audit.close();
    // Settled from the completion row, which also records the last system's answer: one row, not written again.
    const completions = auditRows(after, 'completion').filter((row) => row.client_message_id === 'SETTLED-1');
    expect(completions).toHaveLength(1);
    expect(completions[0]?.detail['responses']).toHaveLength(1);
  });
});

describe('a crash between a transaction\'s audit row and its journal row', () => {
  it('closes the row at start (never acknowledged, never run) and keeps its input sequence number used', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { hang: ['NCIC'] });
    const { client } = await login(first);
    const receipts: number[] = [];
    client.send(QW, { clientMessageId: 'GAP-1', onProgress: (progress) => { if (progress.kind === 'receipt') receipts.push(Number(progress.receipt.header?.inputSeq)); } })
      .catch(() => undefined);
    await waitFor(() => receipts.length === 1);
    await first.sw.journal.flush();
    const after = crashCopy(dir);
    await client.close();
    // As if the crash came after the audit commit and before the journal's: no journal row,
    // and the sequence number not recorded either.
    const journal = new Database(join(after, 'messages.db'));
    journal.prepare("DELETE FROM journal WHERE replay_key LIKE '%GAP-1%'").run();
    journal.prepare("UPDATE input_sequences SET seq = seq - 1 WHERE terminal = 'LA01'").run();
    journal.close();

    const second = await start(after);
    const { client: again } = await login(second);
    const next = await again.send(QW, { clientMessageId: 'GAP-2' });
    expect(next.receipt?.header?.inputSeq).toBe(receipts[0]! + 1);
    // The same id again is a transaction of its own: the first was never acknowledged.
    const resent = await again.send(QW, { clientMessageId: 'GAP-1' });
    expect(resent.receipt?.header?.inputSeq).toBe(receipts[0]! + 2);
    await second.sw.audit.close();
    const completions = auditRows(after, 'completion').filter((row) => row.client_message_id === 'GAP-1');
    expect(completions.map((row) => row.detail['interrupted'] ?? false)).toEqual([true, false]);
    expect(auditRows(after, 'transaction').filter((row) => row.client_message_id === 'GAP-1')).toHaveLength(2);
  });
});

describe('a crash that leaves a transaction\'s journal row without its audit seq', () => {
  /** The files as a crash leaves them when the journal's commit came and the seq's update did not. */
  function withoutSeq(after: string, clientMessageId: string): void {
    const journal = new Database(join(after, 'messages.db'));
    journal.prepare('UPDATE journal SET audit_seq = NULL WHERE replay_key LIKE ?').run(`%${clientMessageId}%`);
    journal.close();
  }

  it('resumes it under its transaction row\'s seq, found by terminal, input sequence number and id', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { hang: ['NCIC'] });
    const { client } = await login(first);
    let receipted = false;
    client.send(QW, { clientMessageId: 'NOSEQ-1', onProgress: (progress) => { if (progress.kind === 'receipt') receipted = true; } }).catch(() => undefined);
    await waitFor(() => receipted && first.links.get('NCIC')!.requests.length === 1);
    const requestId = first.links.get('NCIC')!.requests[0]!.requestId;
    await first.sw.journal.flush();
    const after = crashCopy(dir);
    await client.close();
    withoutSeq(after, 'NOSEQ-1');

    const second = await start(after);
    await waitFor(() => second.links.get('NCIC')!.requests.length === 1);
    expect(second.links.get('NCIC')!.requests[0]!.requestId).toBe(requestId);
    await waitFor(() => second.sw.pipeline.inFlight === 0);
    await second.sw.audit.close();
    const completions = auditRows(after, 'completion').filter((row) => row.client_message_id === 'NOSEQ-1');
    expect(completions).toHaveLength(1);
    expect(completions[0]!.detail['interrupted']).toBeUndefined();
  });

  it('drops it, never run, when its audit row was not committed (so it was never acknowledged)', async () => {
    const dir = scratch.dir();
    const first = await start(dir, { hang: ['NCIC'] });
    const { client } = await login(first);
    const receipts: number[] = [];
    client.send(QW, { clientMessageId: 'NOAUDIT-1', onProgress: (progress) => { if (progress.kind === 'receipt') receipts.push(Number(progress.receipt.header?.inputSeq)); } })
      .catch(() => undefined);
    await waitFor(() => receipts.length === 1 && first.links.get('NCIC')!.requests.length === 1);
    await first.sw.journal.flush();
    const after = crashCopy(dir);
    await client.close();
    withoutSeq(after, 'NOAUDIT-1');
    // As if the audit commit had not reached the disk: the transaction row and what followed it
    // gone, the head back on the row before.
    const audit = new Database(join(after, 'audit.db'));
    const seq = audit.prepare("SELECT seq FROM audit_log WHERE type = 'transaction' AND client_message_id = 'NOAUDIT-1'").pluck().get() as number;
    audit.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_subject_no_delete');
    audit.prepare('DELETE FROM audit_subject WHERE seq >= ?').run(seq);
    audit.prepare('DELETE FROM audit_log WHERE seq >= ?').run(seq);
    const before = audit.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?').get(seq - 1) as { seq: number; hash: string };
    audit.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(before.seq, before.hash);
    audit.close();

    const second = await start(after);
    const { client: again } = await login(second);
    // The same id again is a transaction of its own, run once: the first was never acknowledged.
    const resent = await again.send(QW, { clientMessageId: 'NOAUDIT-1' });
    expect(resent.outcome).toBe('completed');
    expect(resent.receipt?.header?.inputSeq).toBe(receipts[0]! + 1);
    expect(second.links.get('NCIC')!.requests).toHaveLength(1);
    await second.sw.audit.close();
    expect(auditRows(after, 'transaction').filter((row) => row.client_message_id === 'NOAUDIT-1')).toHaveLength(1);
    expect(auditRows(after, 'completion').filter((row) => row.client_message_id === 'NOAUDIT-1')).toHaveLength(1);
  });
});

describe('the duplicate window and input sequence numbers across a restart', () => {
  it('answers a resend after a crash from the journal: the same receipt, nothing forwarded again', async () => {
    const dir = scratch.dir();
    const first = await start(dir);
    const { client } = await login(first);
    const original = await client.send(QW, { clientMessageId: 'DUP-1' });
    await first.sw.journal.flush();
    const after = crashCopy(dir);
    const second = await start(after);
    const { client: again } = await login(second);
    const resent = await again.send(QW, { clientMessageId: 'DUP-1' });
    expect(resent.receipt?.header?.inputSeq).toBe(original.receipt?.header?.inputSeq);
    expect(resent.responses.map((response) => response.text).sort()).toEqual(original.responses.map((response) => response.text).sort());
    expect(second.links.get('NCIC')!.requests).toHaveLength(0);
    await second.sw.audit.close();
    expect(auditRows(after, 'replay')).toMatchObject([{ client_message_id: 'DUP-1' }]);
    // The same id with other content is still someone else's transaction under a reused id.
    expect(auditRows(after, 'transaction').filter((row) => row.client_message_id === 'DUP-1')).toHaveLength(1);
  });

  it('continues each terminal\'s input sequence numbers across an ordered restart and a crash, per day', async () => {
    const dir = scratch.dir();
    const first = await start(dir);
    const { client } = await login(first);
    const seqs: number[] = [];
    for (const id of ['ISN-1', 'ISN-2']) seqs.push(Number((await client.send(QW, { clientMessageId: id })).receipt?.header?.inputSeq));
    await client.close();
    await stop(first);
    const second = await start(dir);
    const { client: two } = await login(second);
    seqs.push(Number((await two.send(QW, { clientMessageId: 'ISN-3' })).receipt?.header?.inputSeq));
    const after = crashCopy(dir);
    await two.close();
    const third = await start(after);
    const { client: three } = await login(third);
    seqs.push(Number((await three.send(QW, { clientMessageId: 'ISN-4' })).receipt?.header?.inputSeq));
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('starts a terminal\'s input sequence numbers again at 1 on a new UTC day', async () => {
    const dir = scratch.dir();
    let now = Date.UTC(2026, 11, 6, 23, 59, 0);
    const first = await start(dir, { clock: () => now });
    const { client } = await login(first);
    expect((await client.send(QW, { clientMessageId: 'DAY-1' })).receipt?.header?.inputSeq).toBe(1);
    expect((await client.send(QW, { clientMessageId: 'DAY-2' })).receipt?.header?.inputSeq).toBe(2);
    now = Date.UTC(2026, 11, 7, 0, 0, 1);
    expect((await client.send(QW, { clientMessageId: 'DAY-3' })).receipt?.header?.inputSeq).toBe(1);
  });
});
