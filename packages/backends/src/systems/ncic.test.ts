import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { HitStatus } from '@clets/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from './index.js';
import { ask, committedFixtures, fieldOf, hits, rejectOf, responseOf, tx } from './test-support.js';

const CAVEAT = /^WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION\./;
/** A rap sheet is not a want: it carries no arrest warning. */
const RAP_CAVEAT = /^NOT A WANT OR WARRANT\. CRIMINAL HISTORY(?![\s\S]*DO NOT ARREST)/;
const { wantedPerson: wanted, cleanPerson: clean, historyPerson: history } = WELL_KNOWN;

let fixtures: FixtureSet;
let ncic: MockSystem;

beforeAll(async () => {
  fixtures = await committedFixtures();
  ncic = createSystems({ data: fixtures, systems: ['NCIC'] }).get('NCIC') as MockSystem;
});
afterAll(() => ncic.close());

describe('NCIC QW', () => {
  it('hits the warrant and the protection order of the wanted subject, caution first', () => {
    const response = responseOf(ask(ncic, tx('QW', { NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob })));
    expect(response.system).toBe('NCIC');
    expect(response.responseKey).toBe('QW');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const found = hits(response);
    expect(found.map((record) => record.recordId)).toEqual([wanted.warrantNic, wanted.protectionOrderNic]);
    const [warrant, order] = found;
    expect(warrant?.file).toBe('WANTED PERSON');
    expect(warrant?.enteringOri).toBe('CA0190000');
    expect(warrant?.text).toMatch(CAVEAT);
    const lines = (warrant?.text ?? '').split('\n');
    const cautionAt = lines.findIndex((line) => line.includes('CAUTION - ARMED AND DANGEROUS'));
    const headingAt = lines.findIndex((line) => line === 'MKE/WANTED PERSON - FELONY WARRANT (NCIC)');
    expect(cautionAt).toBeGreaterThan(0);
    expect(headingAt).toBeGreaterThan(cautionAt);
    // NCIC's layout: the key in words, then the entering ORI opening the subject's line.
    expect(lines[headingAt + 1]).toMatch(new RegExp(`^ORI/CA0190000 NAM/${wanted.last}, ${wanted.first} ${wanted.middle} SEX/M RAC/U POB/[A-Z]{2} DOB/`));
    expect(warrant?.text).toMatch(/ SKN\/[A-Z]{3}\n/);
    expect(warrant?.text).toMatch(/ CTZ\/[A-Z]{2}\nSMT\//);
    expect(warrant?.text).toContain('WTY/F - FELONY');
    expect(warrant?.text).toContain('EXL/1 - FULL EXTRADITION');
    // Who to call for hit confirmation, then the numbers with the entry time and the last update.
    expect(warrant?.text).toContain('\nORI IS LOS ANGELES COUNTY SHERIFF TEL/(213) 555-0161\n');
    expect(fieldOf(warrant!, 'TEL')).toBe('(213) 555-0161');
    expect(warrant?.text).toMatch(new RegExp(`\nNIC/${wanted.warrantNic} OCA/[0-9A-Z-]+ DTE/\\d{8} \\d{4} DLU/\\d{8} \\d{4}$`));
    expect(warrant?.text?.replaceAll('\n', ' ')).toContain('WANTED PERSON: CONFIRM WITH THE ENTERING AGENCY (ORI CA0190000) BY HIT CONFIRMATION (YQ) THAT THE WARRANT IS OUTSTANDING');
    expect(fieldOf(warrant!, 'OFF')).toBe(wanted.offense);
    expect(order?.file).toBe('PROTECTION ORDER');
    expect(order?.text).toMatch(CAVEAT);
    expect(order?.text).toContain('MKE/PROTECTION ORDER - DVRO (NCIC)');
    expect(response.text?.startsWith('WARNING - DO NOT ARREST')).toBe(true);
    for (const line of (response.text ?? '').split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('answers NO NCIC WANT for a person with no record, echoing the header', () => {
    const transaction = tx('QW', { NAM: `${clean.last},${clean.first}`, DOB: clean.dob }, { control: 'CTRL-77' });
    const response = responseOf(ask(ncic, transaction));
    expect(response.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(response.records).toHaveLength(1);
    expect(response.records?.[0]?.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(response.text).toBe(`NO NCIC WANT NAM/${clean.last},${clean.first} DOB/${clean.dob}`);
    expect(response.header?.control).toBe('CTRL-77');
    expect(response.header?.clientMessageId).toBe(transaction.header?.clientMessageId);
  });

  it('requires SEX to agree when given, and a middle name or initial to agree', () => {
    const base = { NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob };
    expect(responseOf(ask(ncic, tx('QW', { ...base, SEX: 'F' }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(responseOf(ask(ncic, tx('QW', { ...base, SEX: 'M' }))).status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(responseOf(ask(ncic, tx('QW', { ...base, NAM: `${wanted.last},${wanted.first} A` }))).status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(responseOf(ask(ncic, tx('QW', { ...base, NAM: `${wanted.last},${wanted.first} B` }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(responseOf(ask(ncic, tx('QW', { ...base, DOB: '19860413' }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });

  it('searches numeric identifiers on their own (SOC, FBI, SID as CA + CII digits)', () => {
    const person = fixtures.persons.find((p) => p.id === wanted.personId);
    expect(person?.soc).toBeDefined();
    const bySoc = responseOf(ask(ncic, tx('QW', { NAM: 'ANY,BODY', SOC: person?.soc ?? '' })));
    expect(hits(bySoc).map((r) => r.recordId)).toContain(wanted.warrantNic);
    const byFbi = responseOf(ask(ncic, tx('QW', { NAM: 'ANY,BODY', FBI: wanted.fbi })));
    expect(hits(byFbi).map((r) => r.recordId)).toContain(wanted.warrantNic);
    const bySid = responseOf(ask(ncic, tx('QW', { NAM: 'ANY,BODY', SID: `CA${wanted.sid.slice(1)}` })));
    expect(hits(bySid).map((r) => r.recordId)).toContain(wanted.warrantNic);
  });

  it('finds the supervised-release record of the paroled subject', () => {
    const response = responseOf(ask(ncic, tx('QW', { NAM: `${history.last},${history.first}`, DOB: history.dob })));
    const release = hits(response).find((record) => record.file === 'SUPERVISED RELEASE');
    expect(release?.recordId).toBe(history.supervisedReleaseNic);
    // Not a want: the supervising agency is contacted, nobody is detained on it alone.
    expect(release?.text?.replaceAll('\n', ' ')).toMatch(/^NOT A WANT OR WARRANT\. SUPERVISED RELEASE: DO NOT SEARCH, DETAIN OR ARREST ON THIS RECORD ALONE\. CONTACT THE SUPERVISING AGENCY/);
    expect(release?.text?.replaceAll('\n', ' ')).not.toContain('DO NOT ARREST OR DETAIN BASED SOLELY');
    expect(release?.text).toContain('SUPERVISED RELEASE - PAROLE');
  });
});

describe('NCIC ZW and QPO', () => {
  it('ZW finds a warrant by NIC, and answers no want for an unknown NIC', () => {
    const hit = responseOf(ask(ncic, tx('ZW', { NIC: wanted.warrantNic })));
    expect(hit.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(hit.records?.[0]?.text).toMatch(CAVEAT);
    const miss = responseOf(ask(ncic, tx('ZW', { NIC: 'W000000001' })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe('NO NCIC WANT NIC/W000000001');
  });

  it('QPO finds an order by name and by NIC, once', () => {
    const byName = responseOf(ask(ncic, tx('QPO', { NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob })));
    expect(hits(byName).map((r) => r.recordId)).toEqual([wanted.protectionOrderNic]);
    expect(byName.records?.[0]?.text).toMatch(CAVEAT);
    expect(byName.records?.[0]?.text).toContain('PNO/KORVALE, LINNEA');
    const both = responseOf(ask(ncic, tx('QPO', { NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob, NIC: wanted.protectionOrderNic })));
    expect(hits(both)).toHaveLength(1);
    const miss = responseOf(ask(ncic, tx('QPO', { NAM: `${clean.last},${clean.first}`, DOB: clean.dob })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe(`NO NCIC PROTECTION ORDER NAM/${clean.last},${clean.first} DOB/${clean.dob}`);
  });
});

describe('NCIC property files', () => {
  const stolen = WELL_KNOWN.stolenVehicle;

  it('QV hits a stolen vehicle by plate and by VIN; not stolen is no want', () => {
    for (const fields of [{ LIC: stolen.plate, LIS: stolen.plateState }, { VIN: stolen.vin }] as Record<string, string>[]) {
      const response = responseOf(ask(ncic, tx('QV', fields)));
      expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
      expect(response.records?.[0]?.recordId).toBe(stolen.nic);
      expect(response.records?.[0]?.text).toMatch(CAVEAT);
      expect(response.records?.[0]?.text).toContain('MKE/STOLEN VEHICLE (NCIC)');
    }
    const other = WELL_KNOWN.notStolenVehicle;
    const miss = responseOf(ask(ncic, tx('QV', { LIC: other.plate, LIS: other.plateState })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe(`NO NCIC WANT LIC/${other.plate} LIS/${other.plateState}`);
    // LIT must agree when given.
    expect(responseOf(ask(ncic, tx('QV', { LIC: stolen.plate, LIS: 'CA', LIT: 'MC' }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });

  it('QG hits a gun by serial; another make is only possible', () => {
    const gun = WELL_KNOWN.stolenGun;
    const hit = responseOf(ask(ncic, tx('QG', { SER: gun.serial })));
    expect(hit.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(hit.records?.[0]?.text).toMatch(CAVEAT);
    expect(hit.records?.[0]?.text).toContain('MKE/GUN - STOLEN (NCIC)');
    const otherMake = responseOf(ask(ncic, tx('QG', { SER: gun.serial, MAK: 'RUGER' })));
    expect(otherMake.status).toBe(HitStatus.HIT_STATUS_POSSIBLE);
    expect(otherMake.records?.[0]?.text).toMatch(/^POSSIBLE MATCH ONLY/);
    const miss = responseOf(ask(ncic, tx('QG', { SER: 'ZZ000000' })));
    expect(miss.text).toBe('NO NCIC WANT SER/ZZ000000');
  });

  it('QA hits a stolen article by serial, and answers no want otherwise', () => {
    const article = fixtures.articles.find((record) => record.file !== 'APS');
    const hit = responseOf(ask(ncic, tx('QA', { SER: article?.serial ?? '' })));
    expect(hit.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(hit.records?.[0]?.recordId).toBe(article?.nic);
    expect(hit.records?.[0]?.text).toMatch(CAVEAT);
    const stateOnly = fixtures.articles.find((record) => record.file === 'APS');
    expect(responseOf(ask(ncic, tx('QA', { SER: stateOnly?.serial ?? '' }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(responseOf(ask(ncic, tx('QA', { SER: 'NOSUCHSERIAL' }))).text).toBe('NO NCIC WANT SER/NOSUCHSERIAL');
  });

  it('QB hits a stolen boat by hull number and by registration', () => {
    const boat = WELL_KNOWN.stolenBoat;
    for (const fields of [{ BHN: boat.hullNumber }, { REG: boat.registration }] as Record<string, string>[]) {
      const response = responseOf(ask(ncic, tx('QB', fields)));
      expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
      expect(response.records?.[0]?.recordId).toBe(boat.nic);
      expect(response.records?.[0]?.text).toMatch(CAVEAT);
    }
    expect(responseOf(ask(ncic, tx('QB', { BHN: 'ABC000000000' }))).text).toBe('NO NCIC WANT BHN/ABC000000000');
  });
});

describe('NCIC III', () => {
  const name = `${history.last},${history.first}`;

  it('QH: exact name, sex and DOB is a HIT naming its source', () => {
    const response = responseOf(ask(ncic, tx('QH', { NAM: name, SEX: 'M', DOB: history.dob }, { purposeCode: 'C' })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const [first] = response.records ?? [];
    expect(first?.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(first?.recordId).toBe(history.fbi);
    expect(first?.source).toBe('III/FBI');
    expect(first?.text).toMatch(RAP_CAVEAT);
    expect(first?.text).toContain('SOURCE/III/FBI');
    expect(first?.text).toContain(`FBI/${history.fbi}`);
  });

  it('QH: a surname that sounds the same, or a DOB within a year, is a POSSIBLE', () => {
    const sounds = responseOf(ask(ncic, tx('QH', { NAM: 'BRASKET,ORVIN', SEX: 'M', DOB: history.dob }, { purposeCode: 'C' })));
    expect(sounds.status).toBe(HitStatus.HIT_STATUS_POSSIBLE);
    expect(sounds.records?.some((r) => r.recordId === history.fbi && r.status === HitStatus.HIT_STATUS_POSSIBLE)).toBe(true);
    const near = responseOf(ask(ncic, tx('QH', { NAM: name, SEX: 'M', DOB: '19800101' }, { purposeCode: 'C' })));
    expect(near.status).toBe(HitStatus.HIT_STATUS_POSSIBLE);
    const far = responseOf(ask(ncic, tx('QH', { NAM: name, SEX: 'M', DOB: '19750125' }, { purposeCode: 'C' })));
    expect(far.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(far.text).toBe(`NO III RECORD NAM/${name} SEX/M DOB/19750125`);
    const otherSex = responseOf(ask(ncic, tx('QH', { NAM: name, SEX: 'F', DOB: history.dob }, { purposeCode: 'C' })));
    expect(otherSex.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });

  it('QR by FBI returns the whole record, cycle by cycle', () => {
    const response = responseOf(ask(ncic, tx('QR', { FBI: history.fbi }, { purposeCode: 'C' })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const record = response.records?.[0];
    expect(record?.text).toMatch(RAP_CAVEAT);
    expect(record?.source).toBe('III/FBI');
    expect(record?.text).toContain('NCIC III CRIMINAL HISTORY RECORD');
    for (const cycle of ['CYCLE 01', 'CYCLE 02', 'CYCLE 03']) expect(record?.text).toContain(cycle);
    expect(record?.text).not.toContain('CYCLE 04');
    expect(record?.text).toContain('PAROLE:');
    expect(record?.text).toContain('PUR/C');
    const miss = responseOf(ask(ncic, tx('QR', { FBI: '000000AA0' }, { purposeCode: 'C' })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe('NO III RECORD FBI/000000AA0');
  });

  it('refuses a criminal-history inquiry without a purpose code', () => {
    const reject = rejectOf(ask(ncic, tx('QH', { NAM: name, SEX: 'M', DOB: history.dob })));
    expect(reject.code).toBe('CLETS_ERR_PURPOSE_CODE_MISSING');
    expect(reject.system).toBe('NCIC');
  });
});

describe('NCIC refuses what it does not answer', () => {
  it('a key routed elsewhere is not accepted', () => {
    expect(rejectOf(ask(ncic, tx('DQ', { OLS: 'CA', OLN: 'P7799134' }))).code).toBe('CLETS_ERR_SYSTEM_NOT_ACCEPTING');
    expect(rejectOf(ask(ncic, tx('EPO', {}))).code).toBe('CLETS_ERR_SYSTEM_NOT_ACCEPTING');
    expect(rejectOf(ask(ncic, tx('QQ', {}))).code).toBe('CLETS_ERR_UNKNOWN_MESSAGE_KEY');
  });

  it('lists its keys from the catalogue', () => {
    expect([...ncic.keys].sort()).toEqual(['QA', 'QB', 'QG', 'QH', 'QPO', 'QR', 'QV', 'QW', 'ZW']);
  });
});
