import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from '@clets/protocol';
import { decodeFrames, encodeFrames, PRUNE_EXPIRED_SQL, PRUNE_OLDEST_SQL, sequenceDay, TransactionJournal, type AcceptedTransaction, type WindowPlace } from './journal.js';

const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
const dirs: string[] = [];
const journals: TransactionJournal[] = [];

afterEach(async () => {
  for (const journal of journals.splice(0)) await journal.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let writer: 'thread' | 'worker' = 'thread';

function open(path: string): TransactionJournal {
  const journal = new TransactionJournal({ path, checkpointIntervalMs: 0, writer });
  journals.push(journal);
  return journal;
}

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-journal-'));
  dirs.push(dir);
  return join(dir, 'messages.db');
}

async function reopen(journal: TransactionJournal, path: string): Promise<TransactionJournal> {
  journals.splice(journals.indexOf(journal), 1);
  await journal.close();
  return open(path);
}

const place = (id: string, at = T0): WindowPlace => ({ key: `["terminal","LA01","OP1","${id}"]`, share: '["terminal","LA01","OP1",""]', digest: `digest-${id}`, at });
const accepted = (auditSeq: number): AcceptedTransaction => ({
  transaction: { header: { messageKey: 'IQ', clientMessageId: `ID-${auditSeq}`, inputSeq: auditSeq } },
  auditSeq, inputSeq: auditSeq, receivedAt: T0,
  decision: { kind: 'systems', whenDown: 'queue', legs: [{ system: 'NLETS', link: 'NLETS', targets: [], destinations: ['NV'] }] },
  origin: { kind: 'terminal', terminal: 'LA01', operatorId: 'OP1', sourceAddress: '127.0.0.1' },
});

describe.each(['thread', 'worker'] as const)('TransactionJournal, writes committed by the %s', (mode) => {
  beforeEach(() => {
    writer = mode;
  });

  it('commits with the writer it was given (a file only: in memory, this thread)', () => {
    expect(open(file()).writerMode).toBe(mode);
    expect(open(':memory:').writerMode).toBe('thread');
  });

  it('gives back an open transaction with its held legs and the parts done, and finished ones within the window', async () => {
    const path = file();
    let journal = open(path);
    const held = journal.nextId();
    await journal.accept(held, place('HELD'), accepted(7));
    await journal.held(held, { system: 'NLETS', link: 'NLETS', expiresAt: T0 + 900_000 });
    await journal.part(held, 'local:LA02=delivered');
    const done = journal.nextId();
    const frames: Frame[] = [{ receipt: { header: { clientMessageId: 'ID-8' } } }, { completion: { header: { clientMessageId: 'ID-8' }, answered: ['NCIC'] } }];
    journal.finish(done, place('DONE'), 8, frames);
    await journal.flush();
    journal = await reopen(journal, path);

    const entries = journal.load(T0 + 1_000, 600_000);
    expect(entries.map((entry) => [entry.id, entry.state])).toEqual([[held, 'open'], [done, 'finished']]);
    const open0 = entries[0]!;
    expect(open0.accepted).toMatchObject({ auditSeq: 7, origin: { terminal: 'LA01', operatorId: 'OP1' }, decision: { kind: 'systems' } });
    expect(open0.accepted?.transaction.header?.clientMessageId).toBe('ID-7');
    expect(open0.held).toEqual([{ system: 'NLETS', link: 'NLETS', expiresAt: T0 + 900_000 }]);
    expect([...open0.parts]).toEqual(['local:LA02=delivered']);
    expect(entries[1]!.frames.map((frame) => frame.body)).toEqual(['receipt', 'completion']);
    // Past the window a finished transaction is gone; an open one never is.
    expect(journal.load(T0 + 700_000, 600_000).map((entry) => entry.state)).toEqual(['open']);
    expect(journal.nextId()).toBeGreaterThan(done);
  });

  it('continues each terminal\'s input sequence numbers after a reopen, and starts again on the next UTC day', async () => {
    const path = file();
    let journal = open(path);
    expect([journal.nextInputSeq('LA01', T0), journal.nextInputSeq('LA01', T0), journal.nextInputSeq('LA02', T0)]).toEqual([1, 2, 1]);
    await journal.flush();
    journal = await reopen(journal, path);
    expect(journal.nextInputSeq('LA01', T0 + 1)).toBe(3);
    expect(journal.nextInputSeq('LA02', T0 + 1)).toBe(2);
    const tomorrow = Date.UTC(2026, 11, 7, 0, 0, 0);
    expect(sequenceDay(tomorrow)).toBe('2026-12-07');
    expect(journal.nextInputSeq('LA01', tomorrow)).toBe(1);
  });

  it('keeps an input sequence number handed out across a failed commit, and writes it with the next one', async () => {
    const path = file();
    let journal = open(path);
    // In the database, not TEMP: the writer thread's connection must see it too.
    journal.connection.exec(`CREATE TRIGGER full BEFORE INSERT ON journal BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect(journal.nextInputSeq('LA01', T0)).toBe(1);
    await expect(journal.accept(journal.nextId(), place('X'), accepted(1))).rejects.toThrow(/disk is full/);
    expect(journal.health().writable).toBe(false);
    journal.connection.exec('DROP TRIGGER full');
    await journal.flush();
    expect(journal.health().writable).toBe(true);
    journal = await reopen(journal, path);
    expect(journal.nextInputSeq('LA01', T0)).toBe(2);
  });

  it('bounds the finished rows by the window and by a count, oldest first, and never drops an open one', async () => {
    const path = file();
    const journal = open(path);
    const open1 = journal.nextId();
    await journal.accept(open1, place('OPEN', T0), accepted(1));
    for (let index = 0; index < 10; index += 1) journal.finish(journal.nextId(), place(`F${index}`, T0 + index), 10 + index, []);
    await journal.flush();
    expect(journal.finishedRows).toBe(10);
    journal.prune(T0 + 100, 600_000, 4);
    await journal.flush();
    expect(journal.finishedRows).toBe(4);
    expect(journal.load(T0 + 100, 600_000).map((entry) => entry.place.key.includes('OPEN') ? 'open' : entry.place.digest)).toEqual([
      'open', 'digest-F6', 'digest-F7', 'digest-F8', 'digest-F9',
    ]);
    journal.prune(T0 + 700_000, 600_000, 4);
    await journal.flush();
    expect(journal.load(T0 + 700_000, 600_000).map((entry) => entry.state)).toEqual(['open']);
  });

  it('selects what to prune from the finished rows\' index alone, also on a journal file written before the index existed', async () => {
    const path = file();
    let journal = open(path);
    for (let index = 0; index < 6; index += 1) journal.finish(journal.nextId(), place(`F${index}`, T0 + index), 10 + index, []);
    await journal.flush();
    // A file as an earlier version left it: no index of finished rows.
    journal.connection.exec('DROP INDEX journal_finished');
    journal = await reopen(journal, path);
    for (const sql of [PRUNE_EXPIRED_SQL, PRUNE_OLDEST_SQL]) {
      const plan = (journal.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 10) as { detail: string }[]).map((row) => row.detail);
      expect(plan).toEqual([expect.stringMatching(/USING COVERING INDEX journal_finished\b/)]);
    }
    expect(journal.finishedRows).toBe(6);
    journal.prune(T0 + 100, 600_000, 2);
    await journal.flush();
    expect(journal.finishedRows).toBe(2);
    expect(journal.load(T0 + 100, 600_000).map((entry) => entry.place.digest)).toEqual(['digest-F4', 'digest-F5']);
  });

  it('finds a finished transaction by its audit seq (a late reply to one of its legs)', async () => {
    const journal = open(':memory:');
    journal.finish(journal.nextId(), place('LATE'), 42, [{ response: { system: 'NLETS', header: { clientMessageId: 'LATE' } } }]);
    await journal.flush();
    expect(journal.finishedByAuditSeq(42)?.frames.map((frame) => frame.response?.system)).toEqual(['NLETS']);
    expect(journal.finishedByAuditSeq(43)).toBeUndefined();
  });

  it('commits what is written while a commit is under way with the next one, in order', async () => {
    const path = file();
    let journal = open(path);
    const ids = Array.from({ length: 5 }, () => journal.nextId());
    const first = journal.accept(ids[0]!, place('A0'), accepted(1));
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ids.slice(1).map((id, index) => journal.accept(id, place(`A${index + 1}`), accepted(index + 2)));
    await Promise.all([first, ...rest]);
    journal = await reopen(journal, path);
    expect(journal.load(T0, 600_000).map((entry) => entry.auditSeq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('encodes frames one after another and reads them back', () => {
    const frames: Frame[] = [{ receipt: { header: { clientMessageId: 'A' } } }, { reject: { code: 'CLETS_ERR_NON_DELIVERY', system: 'NLETS' } }];
    expect(decodeFrames(encodeFrames(frames)).map((frame) => frame.body)).toEqual(['receipt', 'reject']);
    expect(decodeFrames(encodeFrames([]))).toEqual([]);
  });
});
