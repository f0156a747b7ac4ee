/**
 * Staff with access who are not operators, and what lapses for everyone in the
 * expiring-certifications report: awareness by level, the liability sign-off, agreements.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adminHarness, fixtureOperator, type AdminHarness } from '../../testing/admin-harness.js';

const ORI = 'CA0190000';
const harnesses: AdminHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function setUp(): Promise<AdminHarness> {
  const h = await adminHarness();
  harnesses.push(h);
  return h;
}

describe('staff with access who are not operators', () => {
  it('records a custodian and an IT contractor, each trained at the level their access needs', async () => {
    const h = await setUp();
    const auth = await h.login(await fixtureOperator('ACC'));
    const custodian = await h.call('POST', '/v1/admin/personnel', auth, {
      id: 'PS9001', name: { last: 'Orlov', first: 'Bea' }, ori: ORI, kind: 'custodial', backgroundCheck: 'cleared', securityAwareness: { level: 'basic', completedOn: '2026-10-01' },
    });
    expect(custodian.statusCode, custodian.body).toBe(201);
    expect(custodian.json().person).toMatchObject({ access: 'unescorted', requiredAwareness: 'basic', current: true, lapse: null });
    const contractor = await h.call('POST', '/v1/admin/personnel', auth, {
      id: 'PS9002', name: { last: 'Quade', first: 'Lio' }, ori: ORI, kind: 'contractor', backgroundCheck: 'cleared', securityAwareness: { level: 'general', completedOn: '2026-10-01' },
    });
    expect(contractor.json().person).toMatchObject({ access: 'logical', requiredAwareness: 'privileged', current: false, lapse: { code: 'CLETS_ERR_CERT_AWARENESS' } });
    const trained = await h.call('POST', '/v1/admin/personnel/PS9002/awareness', auth, { level: 'privileged', completedOn: '2026-10-20' });
    expect(trained.json().person.current).toBe(true);
    const ended = await h.call('POST', '/v1/admin/personnel/PS9002/end', auth, { endedOn: '2026-10-31', reason: 'Contract over' });
    expect(ended.json().person).toMatchObject({ endedOn: '2026-10-31', current: false });
    expect((await h.call('POST', '/v1/admin/personnel/PS9002/end', auth, { endedOn: '2026-10-31', reason: 'Again' })).statusCode).toBe(409);
    // The fixtures' staff are there too; another agency's coordinator sees none of them.
    const listed = (await h.call('GET', '/v1/admin/personnel', auth)).json().personnel as { id: string; ori: string }[];
    expect(listed.map((person) => person.id)).toEqual(expect.arrayContaining(['PS0001', 'PS9001', 'PS9002']));
    expect(listed.every((person) => person.ori === ORI)).toBe(true);
    const theirs = await h.login(await fixtureOperator('ACC', 'CA0190100'));
    expect((await h.call('POST', '/v1/admin/personnel/PS9001/awareness', theirs, { level: 'basic', completedOn: '2026-10-02' })).statusCode).toBe(403);
    expect(((await h.call('GET', '/v1/admin/personnel', theirs)).json().personnel as { ori: string }[]).every((person) => person.ori === 'CA0190100')).toBe(true);
    expect((await h.adminActions()).filter((row) => String(row.action).startsWith('personnel.')).map((row) => `${String(row.action)} ${row.outcome}`)).toEqual([
      'personnel.create success', 'personnel.create success', 'personnel.awareness success', 'personnel.end success', 'personnel.end rejected',
      'personnel.list success', 'personnel.awareness denied', 'personnel.list success',
    ]);
  });

  it('lists what lapses for everyone: operators\' awareness, the administrators\' sign-off, staff, agreements', async () => {
    const h = await setUp();
    const admin = await fixtureOperator('ADMINISTRATOR');
    h.security.store.updateOperator('OP1003', { securityAwareness: { level: 'basic', completedOn: '2026-10-01' } });
    h.security.store.updateOperator(admin, { liabilitySignedOn: '2024-11-20' });
    h.security.agencyRecords.putAgreement(ORI, { kind: 'security-addendum', party: 'NORTHGATE DATA CO', signedOn: '2023-12-10', renewsOn: '2026-12-10' });
    h.security.personnel.update('PS0003', { securityAwareness: { level: 'basic', completedOn: '2025-10-15' } });
    const auth = await h.login(await fixtureOperator('ACC'));
    const rows = (await h.call('GET', `/v1/admin/reports/expiring?days=60&ori=${ORI}`, auth)).json().report.rows as Record<string, string | number>[];
    const summary = rows.map((row) => `${row['id'] || row['name']} ${row['certificate']} ${row['window']}`);
    expect(summary).toEqual(expect.arrayContaining([
      'OP1003 SECURITY AWARENESS (GENERAL) LAPSED',
      `${admin} LIABILITY SIGN-OFF 30`,
      'PS0003 SECURITY AWARENESS (BASIC) LAPSED',
      'NORTHGATE DATA CO SECURITY ADDENDUM 60',
    ]));
    expect(rows.find((row) => row['id'] === admin && row['certificate'] === 'LIABILITY SIGN-OFF')).toMatchObject({ role: 'ADMINISTRATOR', lapsesOn: '2026-11-21' });
  });
});
