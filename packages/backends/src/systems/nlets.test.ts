import { OUT_OF_STATE_CODES, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { HitStatus } from '@clets/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from './index.js';
import { ask, committedFixtures, hits, rejectOf, responseOf, responsesOf, tx } from './test-support.js';

/** Licences, registrations and rap sheets carry no arrest warning: they are not wants. */
const CAVEAT = /^NOT A WANT OR WARRANT\.(?![\s\S]*DO NOT ARREST)/;

let fixtures: FixtureSet;
let nlets: MockSystem;

beforeAll(async () => {
  fixtures = await committedFixtures();
  nlets = createSystems({ data: fixtures, systems: ['NLETS'] }).get('NLETS') as MockSystem;
});
afterAll(() => nlets.close());

/** An out-of-state history and its subject. */
function historyIn(state: string): { sid: string; NAM: string; SEX: string; DOB: string } {
  const history = fixtures.criminalHistories.find((record) => record.state === state);
  const person = fixtures.persons.find((p) => p.id === history?.personId);
  if (history === undefined || person === undefined) throw new Error(`no history in ${state}`);
  return { sid: history.sid, NAM: `${person.last},${person.first}`, SEX: person.sex, DOB: person.dob };
}

describe('Nlets DQ and RQ, addressed by OLS and LIS', () => {
  it('answers a Nevada licence with its source state', () => {
    const licence = WELL_KNOWN.outOfStateLicense;
    const response = responseOf(ask(nlets, tx('DQ', { OLS: 'NV', OLN: licence.oln })));
    expect(response.system).toBe('NLETS');
    expect(response.responseKey).toBe('DR');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const record = response.records?.[0];
    expect(record?.source).toBe('NV');
    expect(record?.text).toMatch(CAVEAT);
    expect(record?.text).toContain('NV DRIVER LICENSE');
    expect(record?.text).toContain('SOURCE/NV');
    const miss = responseOf(ask(nlets, tx('DQ', { OLS: 'NV', OLN: '0000000000' })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.records?.[0]?.source).toBe('NV');
    expect(miss.text).toBe('NO RECORD NV DL OLS/NV OLN/0000000000');
  });

  it('answers an Arizona registration', () => {
    const plate = WELL_KNOWN.outOfStatePlate;
    const response = responseOf(ask(nlets, tx('RQ', { LIS: 'AZ', LIC: plate.plate })));
    expect(response.responseKey).toBe('RR');
    expect(response.records?.[0]?.source).toBe('AZ');
    expect(response.records?.[0]?.text).toMatch(CAVEAT);
    expect(responseOf(ask(nlets, tx('RQ', { LIS: 'AZ', LIC: 'ZZZ0000' }))).text).toBe('NO RECORD AZ REG LIS/AZ LIC/ZZZ0000');
  });

  it('refuses a state it does not reach, Nlets style', () => {
    const reject = rejectOf(ask(nlets, tx('DQ', { OLS: 'FL', OLN: '1234' })));
    expect(reject.code).toBe('CLETS_ERR_UNKNOWN_DESTINATION');
    expect(reject.reason).toContain('DESTINATION FL UNKNOWN');
    expect(reject.system).toBe('NLETS');
  });
});

describe('Nlets IQ and FQ, addressed by header destinations', () => {
  it('IQ to one state: a hit names the state as its source', () => {
    const subject = historyIn('NV');
    const response = responseOf(ask(nlets, tx('IQ', { NAM: subject.NAM, SEX: subject.SEX, DOB: subject.DOB }, { purposeCode: 'C', destinations: ['NV'] })));
    expect(response.responseKey).toBe('IR');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(hits(response)[0]?.source).toBe('NV');
    expect(hits(response)[0]?.recordId).toBe(subject.sid);
    expect(hits(response)[0]?.text).toMatch(CAVEAT);
    const miss = responseOf(ask(nlets, tx('IQ', { NAM: subject.NAM, SEX: subject.SEX, DOB: subject.DOB }, { purposeCode: 'C', destinations: ['OR'] })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe(`NO RECORD OR CCH NAM/${subject.NAM} SEX/${subject.SEX} DOB/${subject.DOB}`);
  });

  it('NL fans out to every state and merges the answers into one response', () => {
    const nevada = historyIn('NV');
    const texas = historyIn('TX');
    const response = responseOf(ask(nlets, tx('IQ', { SID: nevada.sid }, { purposeCode: 'C', destinations: ['NL'] })));
    const sources = (response.records ?? []).map((record) => record.source).sort();
    expect(sources).toEqual([...OUT_OF_STATE_CODES].sort());
    expect(hits(response).map((record) => record.source)).toEqual(['NV']);

    const merged = responseOf(ask(nlets, tx('IQ', { NAM: texas.NAM, SEX: texas.SEX, DOB: texas.DOB }, { purposeCode: 'C', destinations: ['NL'] })));
    expect(hits(merged).map((record) => record.source)).toEqual(['TX']);
    expect(merged.status).toBe(HitStatus.HIT_STATUS_HIT);
  });

  it('several named states answer one response each', () => {
    const nevada = historyIn('NV');
    const responses = responsesOf(ask(nlets, tx('IQ', { SID: nevada.sid }, { purposeCode: 'C', destinations: ['NV', 'WA'] })));
    expect(responses.map((response) => response.records?.[0]?.source)).toEqual(['NV', 'WA']);
    expect(responses.map((response) => response.status)).toEqual([HitStatus.HIT_STATUS_HIT, HitStatus.HIT_STATUS_NO_RECORD]);
  });

  it('FQ returns the full record from the state that holds it', () => {
    const nevada = historyIn('NV');
    const response = responseOf(ask(nlets, tx('FQ', { SID: nevada.sid }, { purposeCode: 'C', destinations: ['NV'] })));
    expect(response.responseKey).toBe('FR');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(response.records?.[0]?.text).toMatch(CAVEAT);
    expect(response.records?.[0]?.text).toContain('NV CRIMINAL HISTORY RECORD');
    expect(response.records?.[0]?.text).toContain('CYCLE 01');
    expect(response.records?.[0]?.text).toContain('SOURCE/NV');
    const miss = responseOf(ask(nlets, tx('FQ', { SID: 'NV00000000' }, { purposeCode: 'C', destinations: ['NV'] })));
    expect(miss.text).toBe('NO RECORD NV CCH SID/NV00000000');
  });

  it('an unknown destination state is refused with CLETS_ERR_UNKNOWN_DESTINATION', () => {
    const nevada = historyIn('NV');
    const reject = rejectOf(ask(nlets, tx('IQ', { SID: nevada.sid }, { purposeCode: 'C', destinations: ['NV', 'FL'] })));
    expect(reject.code).toBe('CLETS_ERR_UNKNOWN_DESTINATION');
    expect(reject.wireCode).toBe(507);
    expect(reject.reason).toMatch(/NLETS REJECT - DESTINATION FL UNKNOWN - MESSAGE NOT DELIVERED/);
    expect(reject.echo).toContain('IQ.CA0190000');
  });
});
