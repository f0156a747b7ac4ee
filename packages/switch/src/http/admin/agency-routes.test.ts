/**
 * Each agency's record for DOJ: changes of head, ACC, SPOC, telephone and address kept until
 * DOJ is told, the report of them, agreements; and the security incidents the SPOC records,
 * which no other agency's coordinator or contact reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adminHarness, fixtureOperator, type AdminHarness } from '../../testing/admin-harness.js';

const ORI = 'CA0190000';
const HARBOR = 'CA0190100';
const QW = `QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`;
const harnesses: AdminHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function setUp(): Promise<AdminHarness> {
  const h = await adminHarness();
  harnesses.push(h);
  return h;
}

describe('the agency\'s record for DOJ', () => {
  it('keeps each change of head, ACC, SPOC, telephone or address until it is marked notified, and reports it', async () => {
    const h = await setUp();
    const auth = await h.login(await fixtureOperator('ACC'));
    const before = (await h.call('GET', `/v1/admin/agencies/${ORI}`, auth)).json();
    expect(before.agency).toMatchObject({ ori: ORI, acc: { operatorId: 'OP1008' }, spoc: { operatorId: 'OP1009' } });
    expect(before.changes).toEqual([]);
    const changed = await h.call('PATCH', `/v1/admin/agencies/${ORI}`, auth, {
      head: { name: 'Rhea Castanet', title: 'Sheriff', phone: '(213) 555-0199', email: 'Sheriff@ca0190000.example' },
      telephone: '(213) 555-0100', address: before.agency.address,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // The address did not change: only the head and the telephone are changes to notify.
    expect(changed.json().changes.map((change: { field: string }) => change.field)).toEqual(['head', 'telephone']);
    expect(changed.json().changes[0]).toMatchObject({ to: 'RHEA CASTANET, SHERIFF, (213) 555-0199, sheriff@ca0190000.example', notifiedAt: null });
    const report = await h.call('GET', '/v1/admin/reports/agency-changes?format=text', auth);
    expect(report.body).toContain('AGENCY INFORMATION CHANGES TO NOTIFY DOJ\nCHANGES NOT YET NOTIFIED  ORI CA0190000');
    expect(report.body).toMatch(/AGENCY HEAD +.*RHEA CASTANET.* NOT YET/);
    expect(report.body).toContain('CHANGES 2  NOT YET NOTIFIED 2');
    const notified = await h.call('POST', `/v1/admin/agencies/${ORI}/changes/notified`, auth, { reference: 'Email to CLETS Admin Section 2026-11-01' });
    expect(notified.json().changes.every((change: { notifiedAt: number | null }) => change.notifiedAt !== null)).toBe(true);
    expect((await h.call('GET', '/v1/admin/reports/agency-changes', auth)).json().report.rows).toEqual([]);
    expect((await h.call('GET', '/v1/admin/reports/agency-changes?from=2026-11-01&to=2026-11-02', auth)).json().report.rows).toHaveLength(2);
    expect((await h.call('POST', `/v1/admin/agencies/${ORI}/changes/notified`, auth, { reference: 'Again' })).statusCode).toBe(409);
  });

  it('keeps an agreement per kind and party, refuses another agency\'s record, and an ACC who is not the agency\'s', async () => {
    const h = await setUp();
    const auth = await h.login(await fixtureOperator('ACC'));
    const agreement = await h.call('PUT', `/v1/admin/agencies/${ORI}/agreements`, auth, { kind: 'mca', party: 'California Department of Justice', signedOn: '2026-10-01', renewsOn: '2029-10-01' });
    expect(agreement.json().agency.agreements.filter((entry: { kind: string }) => entry.kind === 'mca')).toEqual([
      { kind: 'mca', party: 'CALIFORNIA DEPARTMENT OF JUSTICE', signedOn: '2026-10-01', renewsOn: '2029-10-01' },
    ]);
    expect((await h.call('PATCH', `/v1/admin/agencies/${HARBOR}`, auth, { telephone: '(213) 555-0111' })).statusCode).toBe(403);
    const wrongAcc = await h.call('PATCH', `/v1/admin/agencies/${ORI}`, auth, { acc: { name: 'X Y', title: 'ACC', phone: '(213) 555-0112', email: 'x@y.example', operatorId: 'OP1001' } });
    expect([wrongAcc.statusCode, wrongAcc.json().error.field]).toEqual([400, 'acc.operatorId']);
    expect(((await h.call('GET', '/v1/admin/agencies', auth)).json().agencies as { ori: string }[]).map((agency) => agency.ori)).toEqual([ORI]);
  });
});

describe('security incidents', () => {
  it('lets the SPOC record an incident with its audit rows and update it to closed, and nothing else of the API', async () => {
    const h = await setUp();
    await h.send('OP1001', 'LA01', QW);
    await h.security.audit.flush();
    const seq = h.security.audit.query({ type: 'transaction' })[0]!.seq;
    const spoc = await h.login(await fixtureOperator('SPOC'));
    const recorded = await h.call('POST', '/v1/admin/incidents', spoc, {
      category: 'credential-compromise', summary: 'Password of OP1001 found written at LA01', occurredAt: '2026-11-01T15:00:00Z', auditSeqs: [seq],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const id = recorded.json().incident.id as number;
    expect(recorded.json().incident).toMatchObject({ ori: ORI, status: 'open', auditSeqs: [seq], reportedBy: await fixtureOperator('SPOC') });
    const contained = await h.call('POST', `/v1/admin/incidents/${id}/updates`, spoc, { status: 'contained', note: 'Password reset; TOTP re-enrolled' });
    expect(contained.json().incident.status).toBe('contained');
    const closed = await h.call('POST', `/v1/admin/incidents/${id}/updates`, spoc, { status: 'closed', note: 'Reported on the CLETS IT incident form', dojNotifiedOn: '2026-11-01' });
    expect(closed.json().incident).toMatchObject({ status: 'closed', dojNotifiedOn: '2026-11-01' });
    expect(closed.json().incident.updates.map((update: { status: string }) => update.status)).toEqual(['open', 'contained', 'closed']);
    expect((await h.call('POST', `/v1/admin/incidents/${id}/updates`, spoc, { status: 'open', note: 'Reopen' })).statusCode).toBe(409);
    // A SPOC administers incidents only: operators and cases are the coordinator's.
    expect((await h.call('GET', '/v1/admin/operators', spoc)).json().error.code).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    expect((await h.call('GET', '/v1/admin/cases', spoc)).statusCode).toBe(403);
    // The coordinator of the agency reads it; another agency's coordinator does not, nor can it cite the sheriff's rows.
    const acc = await h.login(await fixtureOperator('ACC'));
    expect((await h.call('GET', `/v1/admin/incidents/${id}`, acc)).statusCode).toBe(200);
    const theirs = await h.login(await fixtureOperator('ACC', HARBOR));
    expect((await h.call('GET', `/v1/admin/incidents/${id}`, theirs)).statusCode).toBe(403);
    expect((await h.call('GET', '/v1/admin/incidents', theirs)).json().incidents).toEqual([]);
    const cited = await h.call('POST', '/v1/admin/incidents', theirs, { category: 'other', summary: 'X', occurredAt: Date.UTC(2026, 10, 1), auditSeqs: [seq] });
    expect([cited.statusCode, cited.json().error.code]).toEqual([404, 'CLETS_ERR_NOT_FOUND']);
    expect(h.security.incidents.list()).toHaveLength(1);
    expect(h.security.audit.verify().ok).toBe(true);
  });
});
