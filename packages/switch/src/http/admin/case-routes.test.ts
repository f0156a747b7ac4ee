/**
 * A misuse case over the administration API, from the audit search hit that opens it to the
 * finding and sanction that close it, and what a coordinator of another agency (or of this
 * one, about themselves) cannot do with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { subjectSearchKeys, totpCode } from '@clets/protocol';
import { adminHarness, fixtureOperator, type AdminHarness } from '../../testing/admin-harness.js';
import { demoFixtures } from '../../testing/security.js';

const ORI = 'CA0190000';
const HARBOR = 'CA0190100';
const KORVALE = 'NAM/KORVALE,DESMIN.SEX/M.DOB/19860412';
const QW = `QW.${ORI}.${KORVALE}.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`;
const DQ = `DQ.${ORI}.OLS/NV.NAM/KORVALE,DESMIN.DOB/19860412.RTE/REQ:DET L OSTRANDER 5120;RSN:OUT OF STATE LICENCE CHECK;CASE:26-001234`;

const harnesses: AdminHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** The day's look-ups of KORVALE, and the seqs of their transaction rows, by operator. */
async function setUp(): Promise<{ h: AdminHarness; seqOf: (operatorId: string) => number }> {
  const h = await adminHarness();
  harnesses.push(h);
  await h.send('OP1001', 'LA01', QW);
  await h.send('OP1005', 'LA02', DQ);
  await h.security.audit.flush();
  const { exact } = subjectSearchKeys({ name: 'KORVALE,DESMIN', dob: '19860412' });
  const hits = h.security.audit.search({ keys: exact }, { oris: [ORI] });
  return { h, seqOf: (operatorId) => hits.find((hit) => hit.operatorId === operatorId)!.seq };
}

describe('a misuse case, opened from an audit search and closed with a finding', () => {
  it('opens, records steps and evidence, closes, and is in the annual report, every change audited', async () => {
    const { h, seqOf } = await setUp();
    const acc = await fixtureOperator('ACC');
    const auth = await h.login(acc);
    const opened = await h.call('POST', '/v1/admin/cases', auth, {
      source: 'audit', subject: 'KORVALE, DESMIN 19860412', operatorId: 'OP1005', auditSeqs: [seqOf('OP1005')],
      allegation: 'Out-of-state licence look-up of a wanted subject by a records clerk',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().case.id as number;
    expect(opened.json().case).toMatchObject({
      ori: ORI, operatorId: 'OP1005', source: 'audit', status: 'open', openedBy: acc, auditSeqs: [seqOf('OP1005')],
      steps: [{ kind: 'opened', evidence: [{ seq: seqOf('OP1005'), type: 'transaction', operatorId: 'OP1005', terminal: 'LA02', messageKey: 'DQ' }] }],
    });
    const step = await h.call('POST', `/v1/admin/cases/${id}/steps`, auth, { text: 'Asked the case detective: the look-up was for case 26-001234', auditSeqs: [seqOf('OP1001')] });
    expect(step.json().case.steps.map((entry: { kind: string }) => entry.kind)).toEqual(['opened', 'evidence']);
    const closed = await h.call('POST', `/v1/admin/cases/${id}/close`, auth, { finding: 'unfounded', sanction: 'none', summary: 'Requested by the detective on case 26-001234' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().case).toMatchObject({ status: 'closed', finding: 'unfounded', sanction: 'none', closedBy: acc, deactivation: null });
    expect((await h.call('POST', `/v1/admin/cases/${id}/close`, auth, { finding: 'substantiated', sanction: 'none', summary: 'again' })).statusCode).toBe(409);

    const report = await h.call('GET', '/v1/admin/reports/misuse?year=2026&format=csv', auth);
    expect(report.body.split('\r\n')[1]).toMatch(new RegExp(`^CASE ${id},2026-11-01,2026-11-01,${ORI},OP1005,".+",AUDIT SEARCH,OUT-OF-STATE LICENCE LOOK-UP OF A WANTED SUBJECT BY A RECORDS CLERK,UNFOUNDED,NONE,$`));

    expect((await h.adminActions()).map((row) => `${String(row.action)} ${row.outcome}`)).toEqual([
      'login success', 'cases.open success', 'cases.step success', 'cases.close success', 'cases.close rejected', 'reports.read success',
    ]);
    // The evidence was read: recorded before, under the coordinator's id.
    await h.security.audit.flush();
    expect(h.security.audit.query({ type: 'audit_read', operatorId: acc }).map((row) => row.detail?.['seqs'])).toEqual([[seqOf('OP1005')], [seqOf('OP1001')]]);
    expect(h.security.audit.verify().ok).toBe(true);
  });

  it('opens a case from flags, attaching them: each is closed on the queue with the case as its finding', async () => {
    const { h } = await setUp();
    const fixtures = await demoFixtures();
    const colleague = fixtures.persons.find((person) => person.id === h.security.store.operator('OP1003')!.personId)!;
    await h.send('OP1001', 'LA01', `QW.${ORI}.NAM/${colleague.last},${colleague.first}.DOB/${colleague.dob}.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`);
    const [item] = h.security.reviewQueue.list({ kind: 'colleague' });
    const auth = await h.login(await fixtureOperator('ACC'));
    const opened = await h.call('POST', '/v1/admin/cases', auth, {
      source: 'flag', subject: `${colleague.last}, ${colleague.first}`, operatorId: 'OP1001', reviewItemIds: [item!.id], allegation: 'A deputy looked up a colleague',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().case.id as number;
    expect(opened.json().case.reviewItemIds).toEqual([item!.id]);
    expect(h.security.reviewQueue.get(item!.id)).toMatchObject({ status: 'closed', caseId: id, finding: `ATTACHED TO MISUSE CASE ${id}` });
    // Attached once: another case cannot take it, and the report lists it as the case only.
    const again = await h.call('POST', '/v1/admin/cases', auth, { source: 'flag', subject: 'X', reviewItemIds: [item!.id], allegation: 'again' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CLETS_ERR_RESOURCE_CONFLICT']);
    const rows = (await h.call('GET', '/v1/admin/reports/misuse?year=2026', auth)).json().report.rows as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual([`CASE ${id}`]);
  });

  it('leaves a case whose sanction deactivates an administrator to an administrator', async () => {
    const { h } = await setUp();
    const administrator = await fixtureOperator('ADMINISTRATOR');
    const auth = await h.login(await fixtureOperator('ACC'));
    const opened = await h.call('POST', '/v1/admin/cases', auth, { source: 'complaint', subject: 'KORVALE, DESMIN', operatorId: administrator, allegation: 'Looked up for a friend' });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().case.id as number;
    const refused = await h.call('POST', `/v1/admin/cases/${id}/close`, auth, { finding: 'substantiated', sanction: 'termination', summary: 'Personal use', deactivate: true });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    expect(h.security.store.operator(administrator)!.deactivated).toBe(false);
    expect((await h.call('GET', `/v1/admin/cases/${id}`, auth)).json().case.status).toBe('open');
  });

  it('closes a termination by deactivating the operator, whose next message is refused, or by linking the deactivation made before', async () => {
    const { h, seqOf } = await setUp();
    const auth = await h.login(await fixtureOperator('ACC'));
    const open = async (operatorId: string): Promise<number> => (await h.call('POST', '/v1/admin/cases', auth, {
      source: 'audit', subject: 'KORVALE, DESMIN', operatorId, auditSeqs: [seqOf(operatorId)], allegation: 'Looked up for a friend',
    })).json().case.id as number;
    const first = await open('OP1005');
    const refused = await h.call('POST', `/v1/admin/cases/${first}/close`, auth, { finding: 'substantiated', sanction: 'termination', summary: 'Personal use' });
    expect([refused.statusCode, refused.json().error.field]).toEqual([400, 'deactivate']);
    const closed = await h.call('POST', `/v1/admin/cases/${first}/close`, auth, { finding: 'substantiated', sanction: 'termination', summary: 'Personal use', deactivate: true });
    expect(closed.statusCode, closed.body).toBe(200);
    await h.security.audit.flush();
    const closeRow = h.security.audit.query({ type: 'admin_action' }).find((row) => row.detail?.['action'] === 'cases.close' && row.outcome === 'success')!;
    expect(closed.json().case.deactivation).toMatchObject({ how: 'at-close', auditSeq: closeRow.seq, reason: `MISUSE CASE ${first}: TERMINATION` });
    expect(closeRow.detail).toMatchObject({ category: 'permission_change', deactivated: 'OP1005' });
    expect(h.security.store.operator('OP1005')).toMatchObject({ deactivated: true, deactivation: { auditSeq: closeRow.seq } });
    const next = await h.send('OP1005', 'LA02', DQ);
    expect(next.find((frame) => frame.reject)?.reject?.code).toBe('CLETS_ERR_OPERATOR_DEACTIVATED');

    const second = await open('OP1001');
    const deactivated = await h.call('POST', '/v1/admin/operators/OP1001/deactivate', auth, { reason: 'Resigned during the investigation' });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const linked = await h.call('POST', `/v1/admin/cases/${second}/close`, auth, { finding: 'substantiated', sanction: 'termination', summary: 'Resigned' });
    expect(linked.json().case.deactivation).toMatchObject({ how: 'linked', reason: 'RESIGNED DURING THE INVESTIGATION' });
    const report = (await h.call('GET', '/v1/admin/reports/misuse?year=2026', auth)).json().report;
    expect(report.rows.map((row: Record<string, string>) => [row['id'], row['sanction'], row['deactivated']])).toEqual([
      [`CASE ${first}`, 'TERMINATION', '2026-11-01'], [`CASE ${second}`, 'TERMINATION', '2026-11-01'],
    ]);
  });
});

describe('what a coordinator cannot do with a case', () => {
  it('keeps another agency\'s coordinator out of the case, its rows and its flags', async () => {
    const { h, seqOf } = await setUp();
    const ours = await h.login(await fixtureOperator('ACC'));
    const id = (await h.call('POST', '/v1/admin/cases', ours, {
      source: 'audit', subject: 'KORVALE, DESMIN', operatorId: 'OP1005', auditSeqs: [seqOf('OP1005')], allegation: 'Look-up',
    })).json().case.id as number;
    const theirs = await h.login(await fixtureOperator('ACC', HARBOR));
    const denied = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object): Promise<number> => (await h.call(method, url, theirs, body)).statusCode;
    expect(await denied('GET', `/v1/admin/cases/${id}`)).toBe(403);
    expect(await denied('POST', `/v1/admin/cases/${id}/steps`, { text: 'Peeking' })).toBe(403);
    expect(await denied('PATCH', `/v1/admin/cases/${id}`, { subject: 'X', note: 'Y' })).toBe(403);
    expect(await denied('POST', `/v1/admin/cases/${id}/close`, { finding: 'unfounded', sanction: 'none', summary: 'Closed from outside' })).toBe(403);
    expect(await denied('GET', `/v1/admin/cases?ori=${ORI}`)).toBe(403);
    expect((await h.call('GET', '/v1/admin/cases', theirs)).json().cases).toEqual([]);
    // Their own case cannot carry the sheriff's rows as evidence, or the sheriff's operators.
    const row = await h.call('POST', '/v1/admin/cases', theirs, { source: 'audit', subject: 'KORVALE, DESMIN', auditSeqs: [seqOf('OP1001')], allegation: 'x' });
    const none = await h.call('POST', '/v1/admin/cases', theirs, { source: 'audit', subject: 'KORVALE, DESMIN', auditSeqs: [999_999], allegation: 'x' });
    expect([row.statusCode, row.json().error.code]).toEqual([404, 'CLETS_ERR_NOT_FOUND']);
    // Another agency's row answers as a row that does not exist: nothing is learnt of it.
    expect(row.json().error.message.replace(String(seqOf('OP1001')), 'N')).toBe(none.json().error.message.replace('999999', 'N'));
    expect((await h.call('POST', '/v1/admin/cases', theirs, { source: 'complaint', subject: 'X', operatorId: 'OP1005', allegation: 'x' })).statusCode).toBe(403);
    // A step of their own case cannot attach the sheriff's flags either.
    const own = (await h.call('POST', '/v1/admin/cases', theirs, { source: 'complaint', subject: 'X', allegation: 'A complaint at the front desk' })).json().case.id as number;
    const flag = h.security.reviewQueue.add({ at: h.security.clock.now, operatorId: 'OP1001', ori: ORI, kind: 'watch-list', detail: 'x' });
    expect((await h.call('POST', `/v1/admin/cases/${own}/steps`, theirs, { text: 'Attach', reviewItemIds: [flag.id] })).statusCode).toBe(403);
    expect(h.security.reviewQueue.get(flag.id)?.caseId).toBeNull();
    expect(h.security.cases.get(id)?.steps).toHaveLength(1);
  });

  it('keeps the switch\'s own rows from a coordinator, and gives them to the administrator', async () => {
    const { h } = await setUp();
    const { seq } = await h.security.audit.append({ type: 'link_state', at: h.security.clock.now, outcome: 'down', detail: { link: 'NCIC' } });
    const coordinator = await h.login(await fixtureOperator('ACC'));
    const body = { source: 'audit', subject: 'NCIC', ori: ORI, auditSeqs: [seq], allegation: 'Link down during the look-up' };
    expect((await h.call('POST', '/v1/admin/cases', coordinator, body)).statusCode).toBe(404);
    const administrator = await h.login(await fixtureOperator('ADMINISTRATOR'));
    expect((await h.call('POST', '/v1/admin/cases', administrator, body)).statusCode).toBe(201);
  });

  it('lets nobody open, work or close a case about themselves', async () => {
    const { h } = await setUp();
    const acc = await fixtureOperator('ACC');
    const auth = await h.login(acc);
    const self = await h.call('POST', '/v1/admin/cases', auth, { source: 'complaint', subject: 'X', operatorId: acc, allegation: 'About me' });
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
    // Opened by the administrator, the coordinator may read it but not act on it.
    const admin = await h.login(await fixtureOperator('ADMINISTRATOR'));
    const id = (await h.call('POST', '/v1/admin/cases', admin, { source: 'complaint', subject: 'X', operatorId: acc, allegation: 'About the coordinator' })).json().case.id as number;
    expect((await h.call('GET', `/v1/admin/cases/${id}`, auth)).statusCode).toBe(200);
    expect((await h.call('POST', `/v1/admin/cases/${id}/steps`, auth, { text: 'Nothing to see' })).statusCode).toBe(403);
    expect((await h.call('POST', `/v1/admin/cases/${id}/close`, auth, { finding: 'exonerated', sanction: 'none', summary: 'Me' })).statusCode).toBe(403);
  });
});

describe('the annual report\'s submission', () => {
  it('marks a year submitted once, after the year is over, and stops the login notice', async () => {
    const { h } = await setUp();
    h.security.clock.now = Date.UTC(2027, 0, 10, 16);
    const acc = await fixtureOperator('ACC');
    const login = async (): Promise<{ token: string; notices: string[] }> => {
      h.security.clock.now += 30_000;
      const response = await h.call('POST', '/v1/admin/sessions', undefined, {
        operatorId: acc, password: `Demo-Pass-${acc.slice(2)}!`, totpCode: totpCode(h.security.store.operator(acc)!.totpSecret!, h.security.clock.now),
      });
      return response.json() as { token: string; notices: string[] };
    };
    const first = await login();
    expect(first.notices).toEqual(['ANNUAL CLETS MISUSE INVESTIGATION REPORT 2026 FOR CA0190000 DUE IN 22 DAYS (2027-02-01) - NOT MARKED SUBMITTED TO DOJ']);
    const auth = { authorization: `Bearer ${first.token}` };
    expect((await h.call('POST', '/v1/admin/misuse-reports/2027/submission', auth, { reference: 'X' })).statusCode).toBe(400);
    expect((await h.call('POST', '/v1/admin/misuse-reports/2026/submission', auth, { ori: HARBOR, reference: 'X' })).statusCode).toBe(403);
    const submitted = await h.call('POST', '/v1/admin/misuse-reports/2026/submission', auth, { reference: 'DOJ ACK 2027-0113' });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().submission).toMatchObject({ ori: ORI, year: 2026, submittedBy: acc, reference: 'DOJ ACK 2027-0113' });
    expect((await h.call('POST', '/v1/admin/misuse-reports/2026/submission', auth, { reference: 'AGAIN' })).statusCode).toBe(409);
    const status = (await h.call('GET', '/v1/admin/misuse-reports/2026', auth)).json().reports;
    expect(status).toMatchObject([{ ori: ORI, dueOn: '2027-02-01', daysLeft: 22, submitted: { reference: 'DOJ ACK 2027-0113' } }]);
    expect((await h.call('GET', '/v1/admin/reports/misuse?year=2026', auth)).json().report.summary.at(-1)).toContain('MARKED SUBMITTED TO DOJ 2027-01-10');
    expect((await login()).notices).toEqual([]);
  });
});
