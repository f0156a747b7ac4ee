/**
 * The CJIS policy inside the switch's real transaction pipeline, wired as security/README.md
 * tells the composition root: each denial is audited with its reason code before it is
 * answered; a flagged transaction is answered, its audit row carries the flags, and the
 * review queue gets an item pointing at that row; a self-query is refused and queued.
 */
import { WELL_KNOWN } from '@clets/fixtures';
import { frameKind } from '@clets/protocol';
import { describe, expect, it } from 'vitest';
import { loginAt, pipelineHarness, testSecurity } from '../testing/security.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

describe('CJIS policy in the transaction pipeline', () => {
  it('answers a watch-list query, audits its flag and queues it for review', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    const subject = WELL_KNOWN.watchListed;
    const frames = await harness.send(session, `QW.CA0190000.NAM/${subject.last},${subject.first}.SEX/F.DOB/${subject.dob}.${RTE}`);
    expect(frames.map(frameKind)).toContain('completion');
    await security.audit.flush();
    const [row] = security.audit.query({ type: 'transaction' });
    expect(row?.detail?.['flags']).toEqual([{ kind: 'watch-list', detail: expect.stringContaining(subject.personId) }]);
    expect(security.reviewQueue.list()).toMatchObject([{ kind: 'watch-list', operatorId: 'OP1001', auditSeq: row?.seq, refused: false, messageKey: 'QW' }]);
    expect(security.audit.query({ type: 'misuse_flag' })).toMatchObject([{ outcome: 'flagged', operatorId: 'OP1001', detail: { transactionSeq: row?.seq } }]);
  });

  it('refuses a self-query, audits the reject with its code, and queues it', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const self = WELL_KNOWN.selfQueryOperator;
    const session = await loginAt(security, self.operatorId, 'LA01');
    const frames = await harness.send(session, `QW.CA0190000.NAM/${self.last},${self.first}.SEX/F.DOB/${self.dob}.${RTE}`);
    expect(frames.map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_SELF_QUERY']);
    await security.audit.flush();
    // (The pipeline audits a refused line before expanding it: its messageKey column is empty today.)
    expect(security.audit.query({ type: 'reject' })).toMatchObject([{ code: 'CLETS_ERR_SELF_QUERY', operatorId: self.operatorId, ori: self.ori }]);
    expect(security.audit.query({ type: 'transaction' })).toEqual([]);
    expect(security.reviewQueue.list()).toMatchObject([{ kind: 'self-query', refused: true, operatorId: self.operatorId, messageKey: 'QW' }]);
  });

  it.each([
    ['QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.RTE/REQ:DEP VALE;RSN:ROUTINE CHECK;CASE:26-1', 'CLETS_ERR_ROUTE_TO_VAGUE_REASON'],
    ['QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.RTE/REQ:DEP VALE;RSN:TRAFFIC STOP;NOCASE:NONE', 'CLETS_ERR_CASE_NUMBER_MISSING'],
    [`QH.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.PUR/S.${RTE}`, 'CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY'],
  ])('audits the denial of %s with %s', async (line, code) => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const session = await loginAt(security, 'OP1001', 'LA01');
    const frames = await harness.send(session, line);
    expect(frames.map((frame) => frame.reject?.code)).toEqual([code]);
    await security.audit.flush();
    expect(security.audit.query({ type: 'reject' }).map((row) => row.code)).toEqual([code]);
  });

  it('refuses an LTFAO update and a lapsed operator on the restricted patrol car', async () => {
    const security = await testSecurity();
    const harness = pipelineHarness(security);
    const ltfao = await loginAt(security, 'OP1005', 'LA07');
    const cancel = `XW.CA0190000.NIC/W123456789.${RTE}`;
    expect((await harness.send(ltfao, cancel)).map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED']);
    security.store.updateOperator('OP1005', { examScore: 60 });
    const query = `QV.CA0190000.LIC/5JLM592.LIS/CA.${RTE}`;
    expect((await harness.send(ltfao, query)).map((frame) => frame.reject?.code)).toEqual(['CLETS_ERR_CERT_EXAM_SCORE']);
  });
});
