/**
 * Releases recorded over the administration API against the released transaction, and the
 * ways a coordinator might try to log a release of a transaction that is not their
 * operator's, not their agency's, or disclosed nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus, type Response, type Transaction } from '@clets/protocol';
import { adminHarness, fixtureOperator, inputSeqOf, type AdminHarness } from '../../testing/admin-harness.js';

const QR = 'QR.CA0190000.SID/A47301233.RTE/REQ:JUDGE A MERCER;RSN:COURT RECORD REVIEW;CASE:26-000877;PUR:C';
const QW_CLEAN = 'QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:26-001234';

function answer(system: string, transaction: Transaction): Response | undefined {
  if (system !== 'CORI' || transaction.header?.messageKey !== 'QR') return undefined;
  return {
    header: transaction.header ?? null, system, status: HitStatus.HIT_STATUS_HIT, text: 'CORI RECORD',
    records: [{ status: HitStatus.HIT_STATUS_HIT, system, file: 'ACHS', recordId: 'CH0000001' }],
  };
}

const harnesses: AdminHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function setUp(): Promise<AdminHarness> {
  const h = await adminHarness({ answer });
  harnesses.push(h);
  return h;
}

const body = (releasedBy: string, transaction: object) => ({
  releasedOn: '2026-11-01', requester: 'PO K DANE', requestingAgency: 'LOS ANGELES COUNTY PROBATION', transmittedBy: 'email', releasedBy, transaction,
});

describe('POST /v1/admin/releases', () => {
  it('records a release against the operator\'s transaction named by terminal and ISN, or by audit row', async () => {
    const h = await setUp();
    const isn = inputSeqOf(await h.send('OP1001', 'LA01', QR));
    await h.security.audit.flush();
    const seq = h.security.audit.query({ type: 'transaction', messageKey: 'QR' })[0]!.seq;
    const auth = await h.login(await fixtureOperator('ACC'));
    const byIsn = await h.call('POST', '/v1/admin/releases', auth, body('OP1001', { terminal: 'LA01', inputSeq: isn }));
    expect(byIsn.statusCode, byIsn.body).toBe(201);
    expect(byIsn.json().release).toMatchObject({
      information: `QR ISN/${isn}: ACHS:CH0000001`, ori: 'CA0190000', releasedBy: 'OP1001',
      transaction: { terminal: 'LA01', inputSeq: isn, transactionSeq: seq, records: ['ACHS:CH0000001'] },
    });
    const bySeq = await h.call('POST', '/v1/admin/releases', auth, body('OP1001', { auditSeq: seq }));
    expect(bySeq.statusCode, bySeq.body).toBe(201);
    // Each entry points at the admin_action row that recorded it, which names the transaction.
    await h.security.audit.flush();
    const recorded = h.security.audit.query({ type: 'admin_action' }).filter((row) => row.detail?.['action'] === 'releases.record');
    expect(recorded.map((row) => row.detail?.['transactionSeq'])).toEqual([seq, seq]);
    expect(h.security.releaseLog.list().map((entry) => entry.recordedInSeq)).toEqual(recorded.map((row) => row.seq));
  });

  it('refuses another operator\'s transaction, a no-record answer, another agency\'s operator, and a made-up row', async () => {
    const h = await setUp();
    const isn = inputSeqOf(await h.send('OP1001', 'LA01', QR));
    const clean = inputSeqOf(await h.send('OP1001', 'LA01', QW_CLEAN));
    await h.security.audit.flush();
    const seq = h.security.audit.query({ type: 'transaction', messageKey: 'QR' })[0]!.seq;
    const responseSeq = h.security.audit.query({ type: 'response' })[0]!.seq;
    const acc = await fixtureOperator('ACC');
    const auth = await h.login(acc);
    const attempts: [string, object][] = [
      // OP1003 did not send it: their name on OP1001's transaction.
      ['another operator, by ISN', body('OP1003', { terminal: 'LA01', inputSeq: isn })],
      ['another operator, by row', body('OP1003', { auditSeq: seq })],
      ['nothing disclosed', body('OP1001', { terminal: 'LA01', inputSeq: clean })],
      ['another day', { ...body('OP1001', { terminal: 'LA01', inputSeq: isn }), releasedOn: '2026-10-31' }],
      ['not a transaction row', body('OP1001', { auditSeq: responseSeq })],
      ['another agency\'s operator', body(await fixtureOperator('FAO', 'CA0190100'), { terminal: 'HV01', inputSeq: 1 })],
    ];
    const answers: [string, number, string][] = [];
    for (const [label, payload] of attempts) {
      const response = await h.call('POST', '/v1/admin/releases', auth, payload);
      answers.push([label, response.statusCode, response.json().error?.code]);
    }
    expect(answers).toEqual([
      ['another operator, by ISN', 400, 'CLETS_ERR_FIELD_INVALID'],
      ['another operator, by row', 400, 'CLETS_ERR_FIELD_INVALID'],
      ['nothing disclosed', 400, 'CLETS_ERR_FIELD_INVALID'],
      ['another day', 400, 'CLETS_ERR_FIELD_INVALID'],
      ['not a transaction row', 400, 'CLETS_ERR_FIELD_INVALID'],
      ['another agency\'s operator', 403, 'CLETS_ERR_ADMIN_NOT_PERMITTED'],
    ]);
    expect(h.security.releaseLog.list()).toEqual([]);
    // Every refusal is audited.
    expect((await h.adminActions()).filter((row) => row.action === 'releases.record').map((row) => row.outcome))
      .toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'denied']);
  });

  it('keeps a coordinator from logging a release of their operator\'s work sent for another agency', async () => {
    const h = await setUp();
    // OP1001 (CA0190000) at a Harbor Vista terminal sends for Harbor Vista's ORI.
    const terminal = h.security.store.terminals({ ori: 'CA0190100' })[0]!.mnemonic;
    const isn = inputSeqOf(await h.send('OP1001', terminal, QR.replace('QR.CA0190000', 'QR.CA0190100')));
    expect(isn).toBeGreaterThan(0);
    const auth = await h.login(await fixtureOperator('ACC'));
    const response = await h.call('POST', '/v1/admin/releases', auth, body('OP1001', { terminal, inputSeq: isn }));
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'CLETS_ERR_FIELD_INVALID']);
    // Harbor Vista's coordinator may not either: OP1001 is not their operator.
    const theirs = await h.login(await fixtureOperator('ACC', 'CA0190100'));
    expect((await h.call('POST', '/v1/admin/releases', theirs, body('OP1001', { terminal, inputSeq: isn }))).statusCode).toBe(403);
    // The switch's administrator may: the release is Harbor Vista's.
    const admin = await h.login(await fixtureOperator('ADMINISTRATOR'));
    const recorded = await h.call('POST', '/v1/admin/releases', admin, body('OP1001', { terminal, inputSeq: isn }));
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().release.ori).toBe('CA0190100');
  });
});
