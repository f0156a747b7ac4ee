import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { HitStatus } from '@clets/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from './index.js';
import { ask, committedFixtures, hits, responseOf, tx } from './test-support.js';

const CAVEAT = /^WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION\./;
/** A rap sheet is not a want: it carries no arrest warning. */
const RAP_CAVEAT = /^NOT A WANT OR WARRANT\. CRIMINAL HISTORY(?![\s\S]*DO NOT ARREST)/;
const { wantedPerson: wanted, cleanPerson: clean, historyPerson: history } = WELL_KNOWN;

let fixtures: FixtureSet;
let cori: MockSystem;

beforeAll(async () => {
  fixtures = await committedFixtures();
  cori = createSystems({ data: fixtures, systems: ['CORI'] }).get('CORI') as MockSystem;
});
afterAll(() => cori.close());

function personName(personId: string): { NAM: string; DOB: string } {
  const person = fixtures.persons.find((p) => p.id === personId);
  if (person === undefined) throw new Error(`no person ${personId}`);
  return { NAM: `${person.last},${person.first}`, DOB: person.dob };
}

describe('CORI QW: WPS, CARPOS, MPS, CSAR', () => {
  it('hits WPS and CARPOS for the wanted subject and answers the other files no record', () => {
    const response = responseOf(ask(cori, tx('QW', { NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob })));
    expect(response.system).toBe('CORI');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const byFile = new Map((response.records ?? []).map((record) => [record.file, record]));
    expect([...byFile.keys()].sort()).toEqual(['CARPOS', 'CSAR', 'MPS', 'WPS']);
    expect(byFile.get('WPS')?.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(byFile.get('WPS')?.recordId).toBe(wanted.warrantNic);
    expect(byFile.get('WPS')?.text).toMatch(CAVEAT);
    expect(byFile.get('WPS')?.text).toContain('MKE/WANTED PERSON - FELONY WARRANT (WPS)');
    expect(byFile.get('CARPOS')?.recordId).toBe(wanted.protectionOrderNic);
    expect(byFile.get('CARPOS')?.text).toMatch(CAVEAT);
    expect(byFile.get('MPS')?.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(byFile.get('MPS')?.text).toBe(`NO MPS RECORD NAM/${wanted.last},${wanted.first} DOB/${wanted.dob}`);
    expect(response.text).toMatch(CAVEAT);
  });

  it('answers every file no record for the clean subject', () => {
    const response = responseOf(ask(cori, tx('QW', { NAM: `${clean.last},${clean.first}`, DOB: clean.dob })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(response.records?.every((record) => record.status === HitStatus.HIT_STATUS_NO_RECORD)).toBe(true);
    expect(response.text).toBe(
      ['WPS', 'CARPOS', 'MPS', 'CSAR'].map((file) => `NO ${file} RECORD NAM/${clean.last},${clean.first} DOB/${clean.dob}`).join('\n\n'),
    );
  });

  it('hits a registrant in CSAR and a missing person in MPS', () => {
    const registrant = fixtures.registrants[0];
    const csar = responseOf(ask(cori, tx('QW', personName(registrant?.personId ?? ''))));
    const registrantHit = hits(csar).find((record) => record.file === 'CSAR');
    expect(registrantHit?.recordId).toBe(registrant?.id);
    // A registrant is not a want: no arrest warning, but no search, detention or arrest on it alone.
    expect(registrantHit?.text?.replaceAll('\n', ' ')).toMatch(/^NOT A WANT OR WARRANT\. REGISTRANT: DO NOT SEARCH, DETAIN OR ARREST ON THIS RECORD ALONE/);
    expect(registrantHit?.text).toContain(`MKE/${registrant?.type} REGISTRANT (CSAR)`);

    const missing = fixtures.missingPersons.find((record) => record.file !== 'NCIC');
    const mps = responseOf(ask(cori, tx('QW', personName(missing?.personId ?? ''))));
    const missingHit = hits(mps).find((record) => record.file === 'MPS');
    expect(missingHit?.recordId).toBe(missing?.nic);
    expect(missingHit?.text).toMatch(/\nMKE\/MISSING PERSON - [A-Z]+ \(MPS\)\n/);
    // A missing person is not a want: the caveat asks for the person's safety and a locate, not an arrest.
    expect(missingHit?.text?.replaceAll('\n', ' ')).toMatch(/^NOT A WANT OR WARRANT\. MISSING PERSON: .* PLACE A LOCATE\./);
  });

  it('leaves out records that are NCIC-only', () => {
    const ncicOnly = fixtures.warrants.find((record) => record.file === 'NCIC');
    const response = responseOf(ask(cori, tx('QW', personName(ncicOnly?.personId ?? ''))));
    expect((response.records ?? []).some((record) => record.recordId === ncicOnly?.nic)).toBe(false);
  });
});

describe('CORI ZW and QPO', () => {
  it('ZW finds a WPS warrant by NIC and by OCA', () => {
    const stateOnly = fixtures.warrants.find((record) => record.file === 'WPS');
    const byNic = responseOf(ask(cori, tx('ZW', { NIC: stateOnly?.nic ?? '' })));
    expect(byNic.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(byNic.records?.[0]?.file).toBe('WPS');
    const byOca = responseOf(ask(cori, tx('ZW', { OCA: stateOnly?.oca ?? '' })));
    expect(hits(byOca).map((record) => record.recordId)).toContain(stateOnly?.nic);
    const miss = responseOf(ask(cori, tx('ZW', { NIC: 'W000000002' })));
    expect(miss.text).toBe('NO WPS RECORD NIC/W000000002');
  });

  it('QPO searches CARPOS only', () => {
    const response = responseOf(ask(cori, tx('QPO', { NIC: wanted.protectionOrderNic })));
    expect(response.records?.map((record) => record.file)).toEqual(['CARPOS']);
    expect(response.records?.[0]?.text).toMatch(CAVEAT);
    const miss = responseOf(ask(cori, tx('QPO', { NAM: `${clean.last},${clean.first}`, DOB: clean.dob })));
    expect(miss.text).toBe(`NO CARPOS RECORD NAM/${clean.last},${clean.first} DOB/${clean.dob}`);
  });
});

describe('CORI property files: SVS, AFS, APS, ABS', () => {
  it('QV searches SVS', () => {
    const stolen = WELL_KNOWN.stolenVehicle;
    const hit = responseOf(ask(cori, tx('QV', { LIC: stolen.plate, LIS: 'CA' })));
    expect(hit.records?.[0]?.file).toBe('SVS');
    expect(hit.records?.[0]?.text).toMatch(CAVEAT);
    expect(hit.records?.[0]?.text).toContain('MKE/STOLEN VEHICLE (SVS)');
    const other = WELL_KNOWN.notStolenVehicle;
    expect(responseOf(ask(cori, tx('QV', { VIN: other.vin }))).text).toBe(`NO SVS RECORD VIN/${other.vin}`);
  });

  it('QG searches AFS, QA APS, QB ABS', () => {
    const gun = responseOf(ask(cori, tx('QG', { SER: WELL_KNOWN.stolenGun.serial, MAK: 'GLOCK' })));
    expect(gun.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(gun.records?.[0]?.file).toBe('AFS');
    expect(responseOf(ask(cori, tx('QG', { SER: 'ZZ000001' }))).text).toBe('NO AFS RECORD SER/ZZ000001');

    const article = fixtures.articles.find((record) => record.file === 'APS');
    const property = responseOf(ask(cori, tx('QA', { SER: article?.serial ?? '' })));
    expect(property.records?.[0]?.file).toBe('APS');
    expect(property.records?.[0]?.text).toMatch(CAVEAT);
    expect(responseOf(ask(cori, tx('QA', { SER: 'NOSUCH1' }))).text).toBe('NO APS RECORD SER/NOSUCH1');

    const boat = responseOf(ask(cori, tx('QB', { REG: WELL_KNOWN.stolenBoat.registration })));
    expect(boat.records?.[0]?.file).toBe('ABS');
    expect(boat.records?.[0]?.text).toMatch(CAVEAT);
    expect(responseOf(ask(cori, tx('QB', { REG: 'CF0000AA' }))).text).toBe('NO ABS RECORD REG/CF0000AA');
  });
});

describe('CORI ACHS', () => {
  it('QH: the exact subject is a HIT with the CII number', () => {
    const response = responseOf(ask(cori, tx('QH', { NAM: `${history.last},${history.first}`, SEX: 'M', DOB: history.dob }, { purposeCode: 'C' })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(response.records?.[0]?.file).toBe('ACHS');
    expect(response.records?.[0]?.recordId).toBe(history.sid);
    expect(response.records?.[0]?.text).toMatch(RAP_CAVEAT);
    expect(response.records?.[0]?.text).toContain(`CII/${history.sid}`);
    const miss = responseOf(ask(cori, tx('QH', { NAM: `${clean.last},${clean.first}`, SEX: 'F', DOB: clean.dob }, { purposeCode: 'C' })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe(`NO ACHS RECORD NAM/${clean.last},${clean.first} SEX/F DOB/${clean.dob}`);
  });

  it('QR: the rap sheet, cycle by cycle: arrests, charges, dispositions, custody, probation, parole', () => {
    // The SID edit wants the state code first: SID/CA + the CII digits reads CII A + digits.
    const response = responseOf(ask(cori, tx('QR', { SID: `CA${history.sid.slice(1)}` }, { purposeCode: 'C' })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const text = response.records?.[0]?.text ?? '';
    expect(text).toMatch(RAP_CAVEAT);
    expect(text).toContain('ACHS CRIMINAL HISTORY RECORD');
    expect(text).toContain(`CYC/${history.cycles}`);
    for (const part of ['CYCLE 01 ARR/DET/CITE:', 'CNT:01', 'DISPO: CONVICTED', 'CUSTODY:', 'PROBATION:', 'PAROLE:', 'DISPO: DISMISSED']) {
      expect(text).toContain(part);
    }
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const byFbi = responseOf(ask(cori, tx('QR', { FBI: history.fbi }, { purposeCode: 'C' })));
    expect(byFbi.records?.[0]?.recordId).toBe(history.sid);
    const miss = responseOf(ask(cori, tx('QR', { SID: 'CA00000000' }, { purposeCode: 'C' })));
    expect(miss.text).toBe('NO ACHS RECORD SID/CA00000000');
  });

  it('holds California histories only', () => {
    const nevada = fixtures.criminalHistories.find((record) => record.state === 'NV');
    const response = responseOf(ask(cori, tx('QR', { SID: nevada?.sid ?? '' }, { purposeCode: 'C' })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });
});
