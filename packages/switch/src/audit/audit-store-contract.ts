/**
 * The behaviour every AuditStore must show, run against each implementation
 * (sqlite-audit-store.test.ts, memory-audit-store.test.ts). A harness gives the store, a way to
 * make its writes fail, and raw access to its rows to tamper with them.
 */
import { CletsError, subjectKeys, subjectSearchKeys, type SubjectQuery, type Transaction } from '@clets/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chainHash } from './chain.js';
import type { StoredAuditRow } from './record.js';
import type { AuditEvent, AuditFailure, AuditRecovery, AuditSearchHit, AuditStore, ChainHead } from './types.js';

export interface AuditStoreHarness {
  store: AuditStore;
  genesis: string;
  /** Make commits fail (SQLite: a real SQLITE_FULL) until repairWrites(). */
  breakWrites(): void;
  repairWrites(): void;
  /** Raw access, bypassing the store, as an attacker with the file would have. */
  rawRows(): StoredAuditRow[];
  replaceRow(seq: number, row: StoredAuditRow): void;
  deleteRow(seq: number): void;
  insertRow(row: StoredAuditRow): void;
  setRecordedHead(head: ChainHead): void;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  batchMaxRows?: number;
}

const T0 = Date.UTC(2025, 0, 15, 8, 30, 0, 120);

function event(i: number, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    type: 'transaction',
    at: T0 + i * 10,
    outcome: 'accepted',
    operatorId: `OP${i % 3}`,
    terminal: `T${i % 2}`,
    ori: i % 2 === 0 ? 'CA0190000' : 'CA0370000',
    sourceAddress: '127.0.0.1',
    messageKey: i % 4 === 0 ? 'QH' : 'QW',
    inputSeq: i,
    clientMessageId: `m-${i}`,
    routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP', caseNumber: `C-${i}` },
    destinations: ['NCIC', 'WPS'],
    bytes: 120 + i,
    detail: { index: i },
    ...extra,
  };
}

/** Rows big enough that a batch of them needs fresh database pages. */
function bulkyEvent(i: number): AuditEvent {
  return event(i, { detail: { index: i, text: 'X'.repeat(400) } });
}

function isUnavailable(error: unknown): boolean {
  return error instanceof CletsError && error.code === 'CLETS_ERR_AUDIT_UNAVAILABLE';
}

async function settle<T>(promises: readonly Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(promises);
}

export function describeAuditStoreContract(name: string, makeHarness: (options: HarnessOptions) => AuditStoreHarness | Promise<AuditStoreHarness>): void {
  describe(`${name}: AuditStore contract`, () => {
    let h: AuditStoreHarness;
    let store: AuditStore;

    beforeEach(async () => {
      h = await makeHarness({ batchMaxRows: 1000 });
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    describe('group commit', () => {
      it('gives 1,000 appends of one tick seqs 1..1000 in call order, in one transaction', async () => {
        const before = store.stats().commits;
        const receipts = await Promise.all(Array.from({ length: 1000 }, (_, i) => store.append(event(i))));
        expect(receipts.map((r) => r.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
        expect(store.stats().commits - before).toBe(1);
        expect(store.stats().rowsCommitted).toBe(1000);
        const rows = store.query({ limit: 1000 });
        expect(rows.map((r) => r.inputSeq)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
        expect(rows.map((r) => r.hash)).toEqual(receipts.map((r) => r.hash));
      });

      it('caps a transaction at batchMaxRows', async () => {
        await Promise.all(Array.from({ length: 2500 }, (_, i) => store.append(event(i))));
        const stats = store.stats();
        expect(stats.commits).toBe(3);
        expect(stats.largestBatch).toBe(1000);
        expect(store.health().lastSeq).toBe(2500);
      });

      it('keeps seqs gapless across appends from many ticks and appendMany', async () => {
        const all: Promise<{ seq: number }>[] = [];
        for (let tick = 0; tick < 20; tick += 1) {
          all.push(store.append(event(tick)));
          all.push(store.appendMany([event(tick), event(tick + 1)]).then((r) => r[1] as { seq: number }));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(all);
        const seqs = store.query({ limit: 1000 }).map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        expect(store.verify()).toMatchObject({ ok: true, rows: 60 });
      });

      it('holds a row as pending, unseen by queries, until its commit', async () => {
        const pending = store.append(event(1));
        expect(store.health().pending).toBe(1);
        expect(store.query()).toHaveLength(0);
        const receipt = await pending;
        expect(store.health().pending).toBe(0);
        expect(store.query().map((r) => r.seq)).toEqual([receipt.seq]);
      });

      it('commits on flush() without waiting for the tick', async () => {
        const pending = store.append(event(1));
        await store.flush();
        expect(store.query()).toHaveLength(1);
        await expect(pending).resolves.toMatchObject({ seq: 1 });
      });

      it('rejects a malformed event with a TypeError and spends no seq on it', async () => {
        await expect(store.append({ ...event(1), type: 'bogus' as never })).rejects.toBeInstanceOf(TypeError);
        await expect(store.append({ ...event(1), at: Number.NaN })).rejects.toBeInstanceOf(TypeError);
        await expect(store.append({ ...event(1), outcome: '' })).rejects.toBeInstanceOf(TypeError);
        await expect(store.append({ ...event(1), inputSeq: -1 })).rejects.toBeInstanceOf(TypeError);
        await expect(store.append({ ...event(1), detail: { n: 1n } })).rejects.toBeInstanceOf(TypeError);
        await expect(store.appendMany([event(1), { ...event(2), outcome: 7 as never }])).rejects.toBeInstanceOf(TypeError);
        expect(store.health().pending).toBe(0);
        await expect(store.append(event(3))).resolves.toMatchObject({ seq: 1 });
      });
    });

    describe('rows and the chain', () => {
      it('stores every field, time as ISO UTC with milliseconds', async () => {
        const input = event(4, { code: 'CLETS_ERR_NO_ROUTE', switchId: 'county-19', outcome: 'rejected' });
        const receipt = await store.append(input);
        const [row] = store.query();
        expect(row).toEqual({
          seq: receipt.seq,
          at: '2025-01-15T08:30:00.160Z',
          atMs: T0 + 40,
          type: 'transaction',
          outcome: 'rejected',
          operatorId: 'OP1',
          terminal: 'T0',
          ori: 'CA0190000',
          sourceAddress: '127.0.0.1',
          messageKey: 'QH',
          inputSeq: 4,
          clientMessageId: 'm-4',
          routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP', caseNumber: 'C-4' },
          destinations: ['NCIC', 'WPS'],
          code: 'CLETS_ERR_NO_ROUTE',
          bytes: 124,
          detail: { index: 4 },
          switchId: 'county-19',
          prevHash: h.genesis,
          hash: receipt.hash,
        });
      });

      it('links each row to the one before, from the genesis value', async () => {
        await Promise.all(Array.from({ length: 5 }, (_, i) => store.append(event(i))));
        const rows = h.rawRows();
        expect(rows[0]?.prevHash).toBe(h.genesis);
        for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
        for (const row of rows) expect(chainHash(row.prevHash, row)).toBe(row.hash);
        expect(store.verify()).toEqual({ ok: true, rows: 5, head: { seq: 5, hash: rows[4]?.hash } });
      });

      it('verifies an empty log', () => {
        expect(store.verify()).toEqual({ ok: true, rows: 0, head: { seq: 0, hash: h.genesis } });
      });

      it('accepts an external anchor that matches and refuses one that does not', async () => {
        const receipts = await Promise.all(Array.from({ length: 4 }, (_, i) => store.append(event(i))));
        const second = receipts[1] as { seq: number; hash: string };
        expect(store.verify({ anchor: second }).ok).toBe(true);
        expect(store.verify({ anchor: { seq: 2, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, firstBadSeq: 2 });
        expect(store.verify({ anchor: { seq: 9, hash: second.hash } })).toMatchObject({ ok: false, firstBadSeq: 5 });
      });
    });

    describe('tampering is found at the first row touched', () => {
      beforeEach(async () => {
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(event(i))));
      });
      const row = (seq: number): StoredAuditRow => {
        const found = h.rawRows().find((r) => r.seq === seq);
        if (found === undefined) throw new Error(`no row ${seq}`);
        return found;
      };

      it('an edited column', () => {
        h.replaceRow(5, { ...row(5), operatorId: 'SOMEONE_ELSE' });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 5, rows: 4, reason: 'hash does not match the row content' });
      });

      it('an edited time, outcome or JSON column', () => {
        h.replaceRow(3, { ...row(3), at: '2025-01-15T08:30:00.999Z' });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
        h.replaceRow(2, { ...row(2), detail: '{"index":99}' });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
      });

      it('an edited hash', () => {
        h.replaceRow(7, { ...row(7), hash: 'a'.repeat(64) });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 7 });
      });

      it('a deleted row in the middle', () => {
        h.deleteRow(4);
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'row 4 missing (next row is 5)' });
      });

      it('deleted rows at the tail', () => {
        h.deleteRow(10);
        h.deleteRow(9);
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 9 });
      });

      it('two rows swapped', () => {
        const a = row(3);
        const b = row(4);
        h.replaceRow(3, { ...b, seq: 3 });
        h.replaceRow(4, { ...a, seq: 4 });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
      });

      it('a forged row appended with a correctly computed hash', () => {
        const last = row(10);
        const forged: StoredAuditRow = { ...last, seq: 11, operatorId: 'FORGER', prevHash: last.hash, hash: '' };
        forged.hash = chainHash(forged.prevHash, forged);
        h.insertRow(forged);
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 11 });
      });

      it('a forged row inserted in the middle, later rows renumbered', () => {
        for (let seq = 10; seq >= 6; seq -= 1) h.replaceRow(seq, { ...row(seq), seq: seq + 1 });
        const before = row(5);
        const forged: StoredAuditRow = { ...before, seq: 6, operatorId: 'FORGER', prevHash: before.hash, hash: '' };
        forged.hash = chainHash(forged.prevHash, forged);
        h.insertRow(forged);
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 7 });
      });

      it('a rewritten tail with its recorded head: only an external anchor shows it', () => {
        const anchor = { seq: 8, hash: row(8).hash };
        let prev = row(7).hash;
        for (let seq = 8; seq <= 10; seq += 1) {
          const rewritten: StoredAuditRow = { ...row(seq), outcome: 'rejected', prevHash: prev, hash: '' };
          rewritten.hash = chainHash(prev, rewritten);
          h.replaceRow(seq, rewritten);
          prev = rewritten.hash;
        }
        h.setRecordedHead({ seq: 10, hash: prev });
        expect(store.verify().ok).toBe(true);
        expect(store.verify({ anchor })).toMatchObject({ ok: false, firstBadSeq: 8, reason: 'hash differs from the external anchor' });
      });
    });

    describe('subject keys and search', () => {
      /** A transaction as the switch audits it: the row, then its answers linked by auditSeq. */
      async function transaction(
        fields: Record<string, string>,
        who: { operatorId: string; terminal: string; ori: string; at: number; reason?: string },
        answers: { outcome: string; system: string; records?: string[]; type?: 'response' | 'reject' }[] = [],
      ): Promise<number> {
        const tx: Transaction = { header: { messageKey: 'QW', ori: who.ori }, fields: Object.entries(fields).map(([tag, value]) => ({ tag, value })) };
        const { seq } = await store.append({
          type: 'transaction', at: who.at, outcome: 'accepted', operatorId: who.operatorId, terminal: who.terminal, ori: who.ori,
          messageKey: 'QW', inputSeq: seq0++, routeTo: { requester: 'DEP R VALE 4411', reason: who.reason ?? 'TRAFFIC STOP' },
          destinations: ['NCIC', 'WPS'], subjectKeys: subjectKeys(tx),
        });
        for (const answer of answers) {
          await store.append({
            type: answer.type ?? 'response', at: who.at + 5, outcome: answer.outcome, operatorId: who.operatorId, terminal: who.terminal, ori: who.ori,
            messageKey: 'QW', inputSeq: 1, ...(answer.type === 'reject' ? { code: 'CLETS_ERR_SYSTEM_TIMEOUT' } : {}),
            detail: { system: answer.system, records: answer.records ?? [], auditSeq: seq },
          });
        }
        return seq;
      }
      let seq0 = 1;
      const LA = { operatorId: 'OP1001', terminal: 'LA01', ori: 'CA0190000' };
      const SD = { operatorId: 'OP3701', terminal: 'SD01', ori: 'CA0370000' };
      const find = (query: SubjectQuery, scope: 'all' | { oris: string[] } = 'all', extra: Parameters<AuditStore['search']>[0] = {}): AuditSearchHit[] => {
        const { exact, prefixes } = subjectSearchKeys(query);
        return store.search({ keys: exact, keyPrefixes: prefixes, ...extra }, scope);
      };

      it('stores the keys sorted with the row, and the chain covers them', async () => {
        await store.append({ type: 'transaction', at: T0, outcome: 'accepted', subjectKeys: ['SOC:900123456', 'LIC:8ABC123/CA', 'SOC:900123456'] });
        const [row] = store.query();
        expect(row?.subjectKeys).toEqual(['LIC:8ABC123/CA', 'SOC:900123456']);
        expect(h.rawRows()[0]?.subjectKeys).toBe('["LIC:8ABC123/CA","SOC:900123456"]');
        expect(store.verify()).toMatchObject({ ok: true, rows: 1 });
        await expect(store.append({ type: 'transaction', at: T0, outcome: 'accepted', subjectKeys: ['lic:8abc123'] })).rejects.toBeInstanceOf(TypeError);
        await expect(store.append({ type: 'transaction', at: T0, outcome: 'accepted', subjectKeys: 'SOC:1' as never })).rejects.toBeInstanceOf(TypeError);
      });

      it('detects a subject key changed, added or removed after the fact', async () => {
        await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...LA, at: T0 });
        await transaction({ LIC: '8ABC123', LIS: 'CA' }, { ...LA, at: T0 + 10 });
        await transaction({ VIN: '1M8GDM9AXKP042788' }, { ...LA, at: T0 + 20 });
        const rows = h.rawRows();
        h.replaceRow(2, { ...(rows[1] as StoredAuditRow), subjectKeys: '["LIC:8ABC124/CA"]' });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash does not match the row content' });
        h.replaceRow(2, rows[1] as StoredAuditRow);
        h.replaceRow(3, { ...(rows[2] as StoredAuditRow), subjectKeys: null });
        expect(store.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
        h.replaceRow(3, rows[2] as StoredAuditRow);
        expect(store.verify().ok).toBe(true);
      });

      it.each<[string, Record<string, string>, SubjectQuery]>([
        ['name and DOB', { NAM: 'KORVALE,DESMIN ARLO', DOB: '19860412' }, { name: 'KORVALE, DESMIN', dob: '19860412' }],
        ['name alone', { NAM: 'KORVALE,DESMIN', SOC: '900123456' }, { name: 'KORVALE,DESMIN' }],
        ['SOC', { NAM: 'QUILLAN,ORREN', SOC: '900123456' }, { soc: '900-12-3456' }],
        ['OLN and state', { OLN: 'D1234567', OLS: 'CA' }, { oln: 'D1234567', state: 'CA' }],
        ['OLN in any state', { OLN: 'D1234567', OLS: 'NV' }, { oln: 'D1234567' }],
        ['plate and state', { LIC: '8ABC123', LIS: 'CA' }, { plate: '8ABC123', state: 'CA' }],
        ['VIN', { VIN: '1M8GDM9AXKP042788' }, { vin: '1M8GDM9AXKP042788' }],
        ['gun serial', { SER: 'TX12345' }, { serial: 'TX12345' }],
        ['FBI', { FBI: '123456AB1' }, { fbi: '123456AB1' }],
        ['SID', { SID: 'CA12345678' }, { sid: 'A12345678' }],
        ['NIC', { NIC: 'W123456789' }, { nic: 'W123456789' }],
        ['case number', { OCA: '26-001234' }, { caseNumber: '26001234' }],
      ])('finds a transaction by %s, and not another', async (_name, fields, query) => {
        await transaction({ NAM: 'OTHER,PERSON', DOB: '19700101', LIC: '7XYZ999', LIS: 'CA', OLN: 'D7654321', OLS: 'CA' }, { ...SD, at: T0 });
        const seq = await transaction(fields, { ...LA, at: T0 + 10 }, [{ outcome: 'no_record', system: 'NCIC' }]);
        const hits = find(query);
        expect(hits.map((hit) => hit.seq)).toEqual([seq]);
        expect(hits[0]?.matched.length).toBeGreaterThan(0);
      });

      it('meets a name that sounds alike, and says which key matched', async () => {
        const k = await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...LA, at: T0 });
        const c = await transaction({ NAM: 'CORVALE,DESMIN', DOB: '19860412' }, { ...SD, at: T0 + 10 });
        await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860413' }, { ...LA, at: T0 + 20 });
        const hits = find({ name: 'KORVALE,DESMIN', dob: '19860412' });
        expect(hits.map((hit) => [hit.seq, hit.matched])).toEqual([
          [k, ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412']],
          [c, ['PHN:CARVAL,D/19860412']],
        ]);
        expect(find({ name: 'KORVALE,DESMIN', dob: '19860412', phonetic: false }).map((hit) => hit.seq)).toEqual([k]);
      });

      it('gives who, where, why and what came back: hit, records, failures, refusals', async () => {
        const hit = await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...LA, at: T0, reason: 'TRAFFIC STOP' }, [
          { outcome: 'hit', system: 'NCIC', records: ['WANTED PERSON:W123456789'] },
          { outcome: 'no_record', system: 'WPS' },
          { outcome: 'rejected', system: 'CARPOS', type: 'reject' },
        ]);
        const none = await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...SD, at: T0 + 100, reason: 'CURIOSITY' }, [
          { outcome: 'no_record', system: 'NCIC' }, { outcome: 'no_record', system: 'WPS' },
        ]);
        const failed = await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...SD, at: T0 + 200 }, [
          { outcome: 'rejected', system: 'NCIC', type: 'reject' },
        ]);
        const pending = await transaction({ NAM: 'KORVALE,DESMIN', DOB: '19860412' }, { ...LA, at: T0 + 300 });
        const { seq: refused } = await store.append({
          type: 'reject', at: T0 + 400, outcome: 'rejected', code: 'CLETS_ERR_ROUTE_TO_MISSING', ...LA, messageKey: 'QW',
          subjectKeys: subjectKeys({ text: 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412' }),
          detail: { reason: 'route-to missing', echo: 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412' },
        });
        const hits = find({ name: 'KORVALE,DESMIN', dob: '19860412' });
        expect(hits.map((entry) => [entry.seq, entry.result])).toEqual([
          [hit, 'hit'], [none, 'no_record'], [failed, 'failed'], [pending, 'no_answer'], [refused, 'refused'],
        ]);
        expect(hits[0]).toMatchObject({
          type: 'transaction', at: '2025-01-15T08:30:00.120Z', operatorId: 'OP1001', terminal: 'LA01', ori: 'CA0190000', messageKey: 'QW',
          routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP' }, outcome: 'accepted', records: ['WANTED PERSON:W123456789'],
        });
        expect(hits[0]?.answers.map((answer) => [answer.type, answer.system, answer.outcome])).toEqual([
          ['response', 'NCIC', 'hit'], ['response', 'WPS', 'no_record'], ['reject', 'CARPOS', 'rejected'],
        ]);
        expect(hits[1]?.routeTo?.reason).toBe('CURIOSITY');
        expect(hits[4]).toMatchObject({ type: 'reject', code: 'CLETS_ERR_ROUTE_TO_MISSING', answers: [] });
      });

      it('reads what came back from the completion row too: the last system\'s answer is recorded there', async () => {
        const seq = await transaction({ NAM: 'TALLISTER,MAREN', DOB: '19920703' }, { ...LA, at: T0 }, [{ system: 'NCIC', outcome: 'no_record' }]);
        const completion = await store.append({
          type: 'completion', at: T0 + 9, outcome: 'complete', ...LA, messageKey: 'QW', inputSeq: 1,
          detail: { answered: ['NCIC', 'CORI'], failed: [], ms: 9, auditSeq: seq, responses: [{ system: 'CORI', outcome: 'hit', records: ['WPS:W000000007'] }] },
        });
        // One that ended with no answer recorded in its completion (every system failed, say).
        const ended = await transaction({ NAM: 'TALLISTER,MAREN', DOB: '19920703' }, { ...LA, at: T0 + 20 }, [{ system: 'NCIC', outcome: 'rejected', type: 'reject' }]);
        await store.append({
          type: 'completion', at: T0 + 29, outcome: 'partial', ...LA, messageKey: 'QW', inputSeq: 2,
          detail: { answered: [], failed: ['NCIC'], ms: 9, auditSeq: ended },
        });
        const hits = find({ name: 'TALLISTER,MAREN', dob: '19920703' });
        expect(hits.map((entry) => [entry.seq, entry.result, entry.records])).toEqual([[seq, 'hit', ['WPS:W000000007']], [ended, 'failed', []]]);
        expect(hits[0]?.answers.map((answer) => [answer.seq, answer.type, answer.system, answer.outcome, answer.records])).toEqual([
          [seq + 1, 'response', 'NCIC', 'no_record', []],
          [completion.seq, 'response', 'CORI', 'hit', ['WPS:W000000007']],
          [completion.seq, 'completion', undefined, 'complete', undefined],
        ]);
      });

      it('keeps to the scope: an agency sees its own ORIs only', async () => {
        const la = await transaction({ VIN: '1M8GDM9AXKP042788' }, { ...LA, at: T0 });
        const sd = await transaction({ VIN: '1M8GDM9AXKP042788' }, { ...SD, at: T0 + 10 });
        expect(find({ vin: '1M8GDM9AXKP042788' }).map((hit) => hit.seq)).toEqual([la, sd]);
        expect(find({ vin: '1M8GDM9AXKP042788' }, { oris: ['CA0190000'] }).map((hit) => hit.seq)).toEqual([la]);
        expect(find({ vin: '1M8GDM9AXKP042788' }, { oris: ['CA0370000', 'CA0370100'] }).map((hit) => hit.seq)).toEqual([sd]);
        expect(find({ vin: '1M8GDM9AXKP042788' }, { oris: [] })).toEqual([]);
        expect(store.search({ operatorId: 'OP3701' }, { oris: ['CA0190000'] })).toEqual([]);
      });

      it('searches by operator, terminal, ORI and time, with or without a subject, and pages', async () => {
        const seqs: number[] = [];
        for (let i = 0; i < 6; i += 1) {
          seqs.push(await transaction({ LIC: `8ABC12${i}`, LIS: 'CA' }, { ...(i % 2 === 0 ? LA : SD), at: T0 + i * 1000 }, [{ outcome: 'no_record', system: 'SVS' }]));
        }
        await store.append({ type: 'logon', at: T0, outcome: 'success', ...LA });
        const all = store.search({}, 'all');
        expect(all.map((hit) => hit.seq)).toEqual(seqs);
        expect(store.search({ operatorId: 'OP1001' }, 'all').map((hit) => hit.seq)).toEqual([seqs[0], seqs[2], seqs[4]]);
        expect(store.search({ terminal: 'SD01' }, 'all').map((hit) => hit.seq)).toEqual([seqs[1], seqs[3], seqs[5]]);
        expect(store.search({ ori: 'CA0370000', from: T0 + 2000 }, 'all').map((hit) => hit.seq)).toEqual([seqs[3], seqs[5]]);
        expect(store.search({ from: T0 + 1000, to: T0 + 3000 }, 'all').map((hit) => hit.seq)).toEqual([seqs[1], seqs[2]]);
        const plate = subjectSearchKeys({ plate: '8ABC124' });
        expect(store.search({ keys: plate.exact, keyPrefixes: plate.prefixes, terminal: 'LA01' }, 'all').map((hit) => hit.seq)).toEqual([seqs[4]]);
        expect(store.search({ keys: plate.exact, keyPrefixes: plate.prefixes, terminal: 'SD01' }, 'all')).toEqual([]);
        const first = store.search({ limit: 4 }, 'all');
        expect(store.search({ limit: 4, afterSeq: first[3]?.seq ?? 0 }, 'all').map((hit) => hit.seq)).toEqual([seqs[4], seqs[5]]);
      });

      it('records an audited search, with its criteria and scope, before answering it', async () => {
        await transaction({ VIN: '1M8GDM9AXKP042788' }, { ...LA, at: T0 });
        const hits = await store.searchAudited({ keys: ['VIN:1M8GDM9AXKP042788'] }, { oris: ['CA0190000'] }, { operatorId: 'ACC19', sourceAddress: '10.0.0.9' });
        expect(hits).toHaveLength(1);
        const [read] = store.query({ type: 'audit_read' });
        expect(read).toMatchObject({
          operatorId: 'ACC19', sourceAddress: '10.0.0.9',
          detail: { action: 'search', search: { keys: ['VIN:1M8GDM9AXKP042788'], limit: 100 }, scope: { oris: ['CA0190000'] } },
        });
        expect((read?.seq ?? 0) > (hits[0]?.seq ?? 0)).toBe(true);
      });

      it('refuses a malformed search as an invalid request', () => {
        for (const [criteria, scope] of [
          [{ keys: ['VIN:lower'] }, 'all'], [{ keyPrefixes: ['LIC:8ABC123'] }, 'all'], [{ limit: 1001 }, 'all'], [{ from: Number.NaN }, 'all'],
          [{ operatorId: '' }, 'all'], [{}, { oris: [5] }], [{}, 'some'],
        ] as const) {
          let caught: unknown;
          try {
            store.search(criteria as never, scope as never);
          } catch (error) {
            caught = error;
          }
          expect((caught as CletsError).code).toBe('CLETS_ERR_REQUEST_INVALID');
        }
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await Promise.all(Array.from({ length: 12 }, (_, i) => store.append(event(i))));
        await store.append({ type: 'logon', at: T0 + 500, outcome: 'success', operatorId: 'OP1' });
      });

      it('filters by operator, ORI, terminal, message key, outcome and type', () => {
        expect(store.query({ operatorId: 'OP1' }).map((r) => r.inputSeq ?? 'logon')).toEqual([1, 4, 7, 10, 'logon']);
        expect(store.query({ ori: 'CA0370000' }).every((r) => r.ori === 'CA0370000')).toBe(true);
        expect(store.query({ terminal: 'T0' })).toHaveLength(6);
        expect(store.query({ messageKey: 'QH' }).map((r) => r.inputSeq)).toEqual([0, 4, 8]);
        expect(store.query({ outcome: 'success' }).map((r) => r.type)).toEqual(['logon']);
        expect(store.query({ type: 'logon' })).toHaveLength(1);
        expect(store.query({ type: ['logon', 'transaction'] })).toHaveLength(13);
        expect(store.query({ operatorId: 'OP1', type: 'transaction', ori: 'CA0370000' }).map((r) => r.inputSeq)).toEqual([1, 7]);
      });

      it('filters by time, from inclusive and to exclusive', () => {
        const rows = store.query({ from: T0 + 30, to: new Date(T0 + 60) });
        expect(rows.map((r) => r.inputSeq)).toEqual([3, 4, 5]);
      });

      it('pages with afterSeq and limit, in seq order', () => {
        const first = store.query({ limit: 5 });
        const second = store.query({ limit: 5, afterSeq: first[4]?.seq ?? 0 });
        expect(first.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
        expect(second.map((r) => r.seq)).toEqual([6, 7, 8, 9, 10]);
      });

      it('refuses a malformed filter as an invalid request', () => {
        for (const filter of [{ limit: 0 }, { limit: 10_001 }, { type: 'nope' as never }, { from: Number.NaN }, { afterSeq: -1 }, { operatorId: 5 as never }]) {
          let caught: unknown;
          try {
            store.query(filter);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(CletsError);
          expect((caught as CletsError).code).toBe('CLETS_ERR_REQUEST_INVALID');
        }
      });

      it('records an audited read before answering it', async () => {
        const rows = await store.queryAudited({ operatorId: 'OP2', limit: 50 }, { operatorId: 'ADMIN7', sourceAddress: '10.0.0.9' });
        expect(rows.map((r) => r.operatorId)).toEqual(['OP2', 'OP2', 'OP2', 'OP2']);
        const [read] = store.query({ type: 'audit_read' });
        expect(read).toMatchObject({
          seq: 14,
          operatorId: 'ADMIN7',
          sourceAddress: '10.0.0.9',
          outcome: 'success',
          detail: { action: 'query', filter: { operatorId: 'OP2', limit: 50 } },
        });
        await expect(store.verifyAudited({ operatorId: 'ADMIN7' })).resolves.toMatchObject({ ok: true, rows: 15 });
        expect(store.query({ type: 'audit_read' })).toHaveLength(2);
        await expect(store.queryAudited({}, { operatorId: '' })).rejects.toMatchObject({ code: 'CLETS_ERR_REQUEST_INVALID' });
      });
    });

    describe('write failure', () => {
      it('rejects the batch, refuses new work, alerts, keeps the committed rows, and recovers', async () => {
        const committed = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(event(i))));
        const failures: AuditFailure[] = [];
        const recoveries: AuditRecovery[] = [];
        store.onFailure((failure) => failures.push(failure));
        store.onRecover((recovery) => recoveries.push(recovery));

        h.breakWrites();
        const batch = await settle(Array.from({ length: 200 }, (_, i) => store.append(bulkyEvent(100 + i))));
        expect(batch.every((r) => r.status === 'rejected' && isUnavailable(r.reason))).toBe(true);
        const health = store.health();
        expect(health.writable).toBe(false);
        expect(health.lastError).toMatch(/full|FULL/);
        expect(health.lastSeq).toBe(20);
        expect(failures).toHaveLength(1);
        expect(failures[0]).toMatchObject({ rejected: 200 });
        expect(isUnavailable(failures[0]?.error)).toBe(true);

        // Fails fast: no further commit is attempted while down.
        const failedCommits = store.stats().failedCommits;
        await expect(store.append(event(999))).rejects.toSatisfy(isUnavailable);
        await expect(store.appendMany([event(1), event(2)])).rejects.toSatisfy(isUnavailable);
        expect(store.stats().failedCommits).toBe(failedCommits);
        expect(failures).toHaveLength(1);

        expect(store.verify()).toMatchObject({ ok: true, rows: 20, head: committed[19] });

        h.repairWrites();
        expect(await store.probe()).toBe(true);
        expect(store.health()).toMatchObject({ writable: true, lastSeq: 21 });
        expect(store.health().lastError).toBeUndefined();
        expect(recoveries).toEqual([expect.objectContaining({ seq: 21 })]);
        const [state] = store.query({ type: 'audit_state' });
        expect(state).toMatchObject({ seq: 21, outcome: 'recovered', detail: { rejectedAppends: 203 } });

        await expect(store.append(event(30))).resolves.toMatchObject({ seq: 22 });
        expect(store.verify()).toMatchObject({ ok: true, rows: 22 });
        expect(store.stats().rejectedAppends).toBe(203);
      });

      it('makes flush() reject when its commit fails', async () => {
        h.breakWrites();
        const appends = Array.from({ length: 200 }, (_, i) => store.append(bulkyEvent(i)));
        await expect(store.flush()).rejects.toSatisfy(isUnavailable);
        const settled = await settle(appends);
        expect(settled.every((r) => r.status === 'rejected')).toBe(true);
      });

      it('keeps other listeners and the store working when a listener throws', async () => {
        let called = 0;
        const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
        const stop = store.onFailure(() => {
          throw new Error('listener bug');
        });
        store.onFailure(() => {
          called += 1;
        });
        h.breakWrites();
        await settle(Array.from({ length: 200 }, (_, i) => store.append(bulkyEvent(i))));
        expect(called).toBe(1);
        expect(warn).toHaveBeenCalledWith('audit store listener threw: listener bug');
        warn.mockRestore();
        stop();
        h.repairWrites();
        expect(await store.probe()).toBe(true);
      });
    });

    describe('close', () => {
      it('commits what is queued, then refuses appends; calling it twice is harmless', async () => {
        const queued = store.append(event(1));
        const first = store.close();
        const second = store.close();
        await Promise.all([first, second]);
        await store.close();
        await expect(queued).resolves.toMatchObject({ seq: 1 });
        await expect(store.append(event(2))).rejects.toSatisfy(isUnavailable);
        expect(store.health()).toMatchObject({ writable: false, pending: 0, lastSeq: 1 });
        expect(await store.probe()).toBe(false);
      });
    });
  });
}
