/**
 * RL: a release recorded from the terminal against the operator's own transaction, through
 * the switch's real pipeline with the CJIS policy; and the attempts to record someone else's
 * transaction, one that disclosed nothing, or one of another day.
 */
import { describe, expect, it } from 'vitest';
import { HitStatus, type Frame, type Response, type Transaction } from '@clets/protocol';
import { MemoryAuditStore } from '../audit/memory-audit-store.js';
import { loginAt, pipelineHarness, testSecurity, type TestSecurity } from '../testing/security.js';
import { findReleasedTransaction, releaseRecorder } from './release-recorder.js';

const ORI = 'CA0190000';
const RTE = 'RTE/REQ:DET A MORROW 5120;RSN:COURT ORDERED RECORD REVIEW;CASE:26-000877';
const HISTORY = 'QR.CA0190000.SID/A47301233.RTE/REQ:DET A MORROW 5120;RSN:COURT ORDERED RECORD REVIEW;CASE:26-000877;PUR:C';
const CLEAN = `QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`;

/** ACHS answers a QR with a record; every other system and key, no record. */
function answer(system: string, transaction: Transaction): Response | undefined {
  if (system !== 'CORI' || transaction.header?.messageKey !== 'QR') return undefined;
  return {
    header: transaction.header ?? null, system, status: HitStatus.HIT_STATUS_HIT, text: 'CORI RECORD',
    records: [{ status: HitStatus.HIT_STATUS_HIT, system, file: 'ACHS', recordId: 'CH0000001' }],
  };
}

async function setUp(): Promise<{ security: TestSecurity; send(operator: string, terminal: string, line: string): Promise<Frame[]>; logOutAll(): void }> {
  const security = await testSecurity();
  const harness = pipelineHarness(security, { answer });
  const sessions = new Map<string, Awaited<ReturnType<typeof loginAt>>>();
  return {
    security,
    async send(operator, terminal, line) {
      const key = `${operator}@${terminal}`;
      if (!sessions.has(key)) {
        security.clock.now += 30_000; // a fresh TOTP step for every login
        sessions.set(key, await loginAt(security, operator, terminal));
      }
      security.clock.now += 1_000;
      return harness.send(sessions.get(key)!, line);
    },
    logOutAll: () => sessions.clear(),
  };
}

const rejectOf = (frames: Frame[]) => frames.find((frame) => frame.reject)?.reject;
const inputSeqOf = (frames: Frame[]) => Number(frames.find((frame) => frame.receipt)?.receipt?.header?.inputSeq ?? 0);

describe('RL: a release recorded from the terminal', () => {
  it('records the release against the operator\'s own transaction, with its audit rows, and acknowledges it', async () => {
    const { security, send } = await setUp();
    const asked = await send('OP1001', 'LA01', HISTORY);
    const isn = inputSeqOf(asked);
    expect(isn).toBeGreaterThan(0);
    const frames = await send('OP1001', 'LA01', `RL.${ORI}.ISN/${isn}.RQN/JUDGE A MERCER.RQA/SUPERIOR COURT OF LOS ANGELES.HOW/FX.OCA/26-000877`);
    expect(rejectOf(frames)).toBeUndefined();
    const response = frames.find((frame) => frame.response)?.response;
    expect(response).toMatchObject({ system: 'SWITCH', responseKey: 'RL', status: HitStatus.HIT_STATUS_ACKNOWLEDGED });
    expect(response?.text).toContain('RELEASE LOG ENTRY RL1');
    expect(frames.find((frame) => frame.completion)?.completion?.answered).toEqual(['SWITCH']);

    await security.audit.flush();
    const transactionRow = security.audit.query({ type: 'transaction', messageKey: 'QR' })[0]!;
    // The QR went to NCIC (no record: a response row) and CORI, whose answer, the last to end,
    // is recorded in the completion row: the row the release names for what it disclosed.
    const answerRows = security.audit.query({ type: 'completion' }).filter((row) => row.detail?.['auditSeq'] === transactionRow.seq);
    expect(answerRows.map((row) => row.detail?.['responses'])).toEqual([[{ system: 'CORI', outcome: 'hit', records: ['ACHS:CH0000001'] }]]);
    expect(security.audit.query({ type: 'response' }).filter((row) => row.detail?.['auditSeq'] === transactionRow.seq).map((row) => row.detail?.['system'])).toEqual(['NCIC']);
    const rlRow = security.audit.query({ type: 'transaction', messageKey: 'RL' })[0]!;
    expect(rlRow.destinations).toEqual(['SWITCH']);
    const [entry] = security.releaseLog.list();
    expect(entry).toMatchObject({
      requester: 'JUDGE A MERCER', requestingAgency: 'SUPERIOR COURT OF LOS ANGELES', transmittedBy: 'fax', ori: ORI,
      releasedBy: 'OP1001', recordedBy: 'OP1001', caseNumber: '26-000877', releasedOn: '2026-11-01', recordedInSeq: rlRow.seq,
      information: `QR ISN/${isn}: ACHS:CH0000001`,
      transaction: { terminal: 'LA01', inputSeq: isn, messageKey: 'QR', transactionSeq: transactionRow.seq, answerSeqs: answerRows.map((row) => row.seq), records: ['ACHS:CH0000001'] },
    });
    expect(security.releaseLog.releasesOf(transactionRow.seq).map((release) => release.id)).toEqual([entry!.id]);
    // The RL's own answer is in the chain too, and the chain holds.
    expect(security.audit.query({ type: 'response' }).some((row) => row.detail?.['system'] === 'SWITCH' && row.detail['auditSeq'] === rlRow.seq)).toBe(true);
    expect(security.audit.verify().ok).toBe(true);
  });

  it('refuses another operator\'s transaction, one that disclosed nothing, one of another day, a number never used and an RL itself', async () => {
    const { security, send, logOutAll } = await setUp();
    const history = inputSeqOf(await send('OP1001', 'LA01', HISTORY));
    const clean = inputSeqOf(await send('OP1001', 'LA01', CLEAN));
    const rl = (isn: number) => `RL.${ORI}.ISN/${isn}.RQN/PO K DANE.RQA/PROBATION.HOW/EM`;
    const refusals: [string, string | undefined, string | undefined][] = [];
    const attempt = async (label: string, operator: string, terminal: string, line: string): Promise<void> => {
      const reject = rejectOf(await send(operator, terminal, line));
      refusals.push([label, reject?.code ?? undefined, reject?.system ?? undefined]);
    };
    // Another operator at the same terminal, and at their own terminal, naming OP1001's ISN.
    await attempt('another operator, same terminal', 'OP1003', 'LA01', rl(history));
    await attempt('another operator, own terminal', 'OP1004', 'LA04', rl(history));
    await attempt('a no-record answer', 'OP1001', 'LA01', rl(clean));
    await attempt('a number never used', 'OP1001', 'LA01', rl(99));
    const firstRl = inputSeqOf(await send('OP1001', 'LA01', rl(history)));
    await attempt('an RL', 'OP1001', 'LA01', rl(firstRl));
    security.clock.now += 86_400_000;
    logOutAll();
    await attempt('yesterday\'s transaction', 'OP1001', 'LA01', rl(history));
    expect(refusals).toEqual([
      ['another operator, same terminal', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
      ['another operator, own terminal', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
      ['a no-record answer', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
      ['a number never used', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
      ['an RL', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
      ['yesterday\'s transaction', 'CLETS_ERR_FIELD_INVALID', 'SWITCH'],
    ]);
    // Only the one proper release is in the log; each refusal is audited as a reject of its RL.
    expect(security.releaseLog.list().map((entry) => entry.releasedBy)).toEqual(['OP1001']);
    await security.audit.flush();
    expect(security.audit.query({ type: 'reject', messageKey: 'RL' })).toHaveLength(6);
    expect(security.audit.verify().ok).toBe(true);
  });

  it('says nothing of another operator\'s transaction that it would not say of a number never used', async () => {
    const { security, send } = await setUp();
    const history = inputSeqOf(await send('OP1001', 'LA01', HISTORY));
    await send('OP1003', 'LA01', CLEAN);
    const theirs = rejectOf(await send('OP1003', 'LA01', `RL.${ORI}.ISN/${history + 100}.RQN/X Y.RQA/Z.HOW/ML`));
    const used = rejectOf(await send('OP1003', 'LA01', `RL.${ORI}.ISN/${history}.RQN/X Y.RQA/Z.HOW/ML`));
    expect(used?.reason?.replace(String(history), 'N')).toBe(theirs?.reason?.replace(String(history + 100), 'N'));
    expect(security.releaseLog.list()).toEqual([]);
  });

  it('finds a transaction by its audit row only for the operator who sent it', async () => {
    const { security, send } = await setUp();
    await send('OP1001', 'LA01', HISTORY);
    await security.audit.flush();
    const seq = security.audit.query({ type: 'transaction', messageKey: 'QR' })[0]!.seq;
    expect(findReleasedTransaction(security.audit, { operatorId: 'OP1001', transactionSeq: seq })).toMatchObject({ transactionSeq: seq, ori: ORI, records: ['ACHS:CH0000001'] });
    expect(() => findReleasedTransaction(security.audit, { operatorId: 'OP1003', transactionSeq: seq })).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FIELD_INVALID', field: 'transactionSeq' }));
    expect(() => findReleasedTransaction(security.audit, { operatorId: 'OP1001', transactionSeq: seq + 1 })).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FIELD_INVALID' }));
  });

  it('finds what a transaction disclosed in response rows and in the completion row alike (a log holds both)', async () => {
    const audit = new MemoryAuditStore();
    const at = Date.parse('2026-11-01T10:00:00.000Z');
    const who = { operatorId: 'OP1001', terminal: 'LA01', ori: ORI, messageKey: 'QW', switchId: 'county-19' };
    // A transaction as the log held it before completions recorded an answer: a row per response.
    const older = await audit.append({ type: 'transaction', at, outcome: 'accepted', ...who, inputSeq: 1, destinations: ['NCIC', 'CORI'] });
    const olderAnswers = [
      await audit.append({ type: 'response', at: at + 5, outcome: 'hit', ...who, inputSeq: 1, detail: { system: 'NCIC', records: ['WANTED PERSON:W000000001'], auditSeq: older.seq } }),
      await audit.append({ type: 'response', at: at + 6, outcome: 'no_record', ...who, inputSeq: 1, detail: { system: 'CORI', records: [], auditSeq: older.seq } }),
    ];
    await audit.append({ type: 'completion', at: at + 7, outcome: 'complete', ...who, inputSeq: 1, detail: { answered: ['NCIC', 'CORI'], failed: [], ms: 7, auditSeq: older.seq } });
    // And as it is written now: the first system's response row, the last one's answer in the completion.
    const newer = await audit.append({ type: 'transaction', at: at + 10, outcome: 'accepted', ...who, inputSeq: 2, destinations: ['NCIC', 'CORI'] });
    const ncic = await audit.append({ type: 'response', at: at + 15, outcome: 'no_record', ...who, inputSeq: 2, detail: { system: 'NCIC', records: [], auditSeq: newer.seq } });
    const completion = await audit.append({
      type: 'completion', at: at + 16, outcome: 'complete', ...who, inputSeq: 2,
      detail: { answered: ['NCIC', 'CORI'], failed: [], ms: 6, auditSeq: newer.seq, responses: [{ system: 'CORI', outcome: 'hit', records: ['WPS:W000000002', 'CARPOS:H000000003'] }] },
    });
    const day = { operatorId: 'OP1001', terminal: 'LA01', day: '2026-11-01' };
    expect(findReleasedTransaction(audit, { ...day, inputSeq: 1 })).toMatchObject({
      transactionSeq: older.seq, answerSeqs: [olderAnswers[0]!.seq], records: ['WANTED PERSON:W000000001'],
    });
    expect(ncic.seq).toBeLessThan(completion.seq);
    expect(findReleasedTransaction(audit, { ...day, inputSeq: 2 })).toMatchObject({
      transactionSeq: newer.seq, answerSeqs: [completion.seq], records: ['WPS:W000000002', 'CARPOS:H000000003'],
    });
  });

  it('answers an RL taken up again after a restart with the entry it recorded before, and records one it had not', async () => {
    const { security, send } = await setUp();
    const isn = inputSeqOf(await send('OP1001', 'LA01', HISTORY));
    const line = `RL.${ORI}.ISN/${isn}.RQN/JUDGE A MERCER.RQA/SUPERIOR COURT OF LOS ANGELES.HOW/FX`;
    await send('OP1001', 'LA01', line);
    await security.audit.flush();
    const rlSeq = security.audit.query({ type: 'transaction', messageKey: 'RL' })[0]!.seq;
    const recorder = releaseRecorder({ releaseLog: security.releaseLog, audit: security.audit, clock: () => security.clock.now });
    // After a restart the transaction has no session: its header names who sent it.
    const resumed = { session: undefined, terminal: 'LA01', resumedBy: { operatorId: 'OP1001', ori: ORI } };
    const transaction: Transaction = {
      header: { messageKey: 'RL', ori: ORI, terminal: 'LA01', operatorId: 'OP1001' }, text: line,
      fields: [{ tag: 'ISN', value: String(isn) }, { tag: 'RQN', value: 'JUDGE A MERCER' }, { tag: 'RQA', value: 'SUPERIOR COURT OF LOS ANGELES' }, { tag: 'HOW', value: 'FX' }],
    };

    const again = await recorder(transaction, resumed, rlSeq);
    expect(again.text).toContain('RELEASE LOG ENTRY RL1');
    expect(security.releaseLog.list()).toHaveLength(1);

    const first = await recorder(transaction, resumed, rlSeq + 100);
    expect(first.text).toContain('RELEASE LOG ENTRY RL2');
    expect(security.releaseLog.get(2)).toMatchObject({ releasedBy: 'OP1001', recordedBy: 'OP1001', recordedInSeq: rlSeq + 100 });
    await expect(recorder(transaction, { session: undefined, terminal: 'LA01' }, rlSeq + 200)).rejects.toMatchObject({ code: 'CLETS_ERR_NOT_LOGGED_IN' });
  });
});
