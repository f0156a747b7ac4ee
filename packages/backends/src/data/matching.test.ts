import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { committedFixtures } from '../systems/test-support.js';
import { buildIndexes, type Files } from './indexes.js';
import {
  findPersons, findVehicles, makeAgrees, middleAgrees, parseName, searchHistoriesByName, sidVariants,
} from './matching.js';

let fixtures: FixtureSet;
let files: Files;

beforeAll(async () => {
  fixtures = await committedFixtures();
  files = buildIndexes(fixtures);
});

const fields = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));
const { wantedPerson: wanted, historyPerson: history } = WELL_KNOWN;

describe('names', () => {
  it('splits LAST,FIRST MIDDLE', () => {
    expect(parseName('DE LA CRUZ,ANNA MARIE')).toEqual({ last: 'DE LA CRUZ', first: 'ANNA', middle: 'MARIE' });
    expect(parseName("O'NEIL,SEAN")).toEqual({ last: "O'NEIL", first: 'SEAN', middle: '' });
    expect(parseName('NOCOMMA')).toBeUndefined();
    expect(parseName(',FIRST')).toBeUndefined();
    expect(parseName('LAST,')).toBeUndefined();
  });

  it('lets a middle name match its initial, and a missing middle match anything', () => {
    expect(middleAgrees('', 'ARLO')).toBe(true);
    expect(middleAgrees('A', undefined)).toBe(true);
    expect(middleAgrees('A', 'ARLO')).toBe(true);
    expect(middleAgrees('ARLO', 'A')).toBe(true);
    expect(middleAgrees('ARLO', 'ARLO')).toBe(true);
    expect(middleAgrees('ABEL', 'ARLO')).toBe(false);
    expect(middleAgrees('B', 'ARLO')).toBe(false);
  });

  it('reads SID/CA + 8 digits as the CII number A + 8 digits', () => {
    expect(sidVariants('CA47301233')).toEqual(['CA47301233', 'A47301233']);
    expect(sidVariants('NV51114642')).toEqual(['NV51114642']);
  });
});

describe('persons', () => {
  it('finds by exact name and DOB, and by each numeric identifier alone', () => {
    expect(findPersons(files, fields({ NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob })).map((p) => p.id)).toEqual([wanted.personId]);
    expect(findPersons(files, fields({ NAM: `${wanted.last},${wanted.first}`, DOB: '19860411' }))).toEqual([]);
    expect(findPersons(files, fields({ NAM: `${wanted.last},DESMOND`, DOB: wanted.dob }))).toEqual([]);
    expect(findPersons(files, fields({ NAM: 'X,Y', FBI: wanted.fbi })).map((p) => p.id)).toEqual([wanted.personId]);
    const licence = WELL_KNOWN.suspendedLicense;
    expect(findPersons(files, fields({ NAM: 'X,Y', OLN: licence.oln, OLS: 'CA' })).map((p) => p.id)).toEqual([licence.personId]);
    expect(findPersons(files, fields({ NAM: 'X,Y', OLN: licence.oln, OLS: 'NV' }))).toEqual([]);
  });

  it('joins the persons each identifier names, each once', () => {
    const found = findPersons(files, fields({ NAM: `${wanted.last},${wanted.first}`, DOB: wanted.dob, FBI: wanted.fbi, SID: history.sid.replace(/^A/, 'CA') }));
    expect(found.map((p) => p.id).sort()).toEqual([wanted.personId, history.personId].sort());
  });
});

describe('III name search', () => {
  const accept = (): boolean => true;

  it('ranks the exact subject first, as the only exact candidate', () => {
    const candidates = searchHistoriesByName(files, fields({ NAM: `${history.last},${history.first}`, SEX: 'M', DOB: history.dob }), accept);
    expect(candidates[0]?.person.id).toBe(history.personId);
    expect(candidates[0]?.exact).toBe(true);
    expect(candidates.slice(1).every((candidate) => !candidate.exact)).toBe(true);
  });

  it('finds a sound-alike surname and a DOB a year off as possible, not two years off', () => {
    const sounds = searchHistoriesByName(files, fields({ NAM: `BRASKIT,${history.first}`, SEX: 'M', DOB: history.dob }), accept);
    expect(sounds.find((candidate) => candidate.person.id === history.personId)?.exact).toBe(false);
    const nearDob = searchHistoriesByName(files, fields({ NAM: `${history.last},${history.first}`, SEX: 'M', DOB: '19780301' }), accept);
    expect(nearDob.some((candidate) => candidate.person.id === history.personId)).toBe(true);
    const farDob = searchHistoriesByName(files, fields({ NAM: `${history.last},${history.first}`, SEX: 'M', DOB: '19770125' }), accept);
    expect(farDob.some((candidate) => candidate.person.id === history.personId)).toBe(false);
    const otherInitial = searchHistoriesByName(files, fields({ NAM: `${history.last},ARVIN`, SEX: 'M', DOB: history.dob }), accept);
    expect(otherInitial.some((candidate) => candidate.person.id === history.personId)).toBe(false);
  });

  it('searches only the histories a system holds', () => {
    const none = searchHistoriesByName(files, fields({ NAM: `${history.last},${history.first}`, SEX: 'M', DOB: history.dob }), () => false);
    expect(none).toEqual([]);
  });
});

describe('vehicles and property', () => {
  it('finds a vehicle by plate and state, by VIN, and honours LIT', () => {
    const stolen = WELL_KNOWN.stolenVehicle;
    expect(findVehicles(files, fields({ LIC: stolen.plate, LIS: 'CA' })).map((v) => v.id)).toEqual([stolen.vehicleId]);
    expect(findVehicles(files, fields({ LIC: stolen.plate, LIS: 'NV' }))).toEqual([]);
    expect(findVehicles(files, fields({ VIN: stolen.vin })).map((v) => v.id)).toEqual([stolen.vehicleId]);
    expect(findVehicles(files, fields({ LIC: stolen.plate, LIS: 'CA', LIT: 'TK' }))).toEqual([]);
  });

  it('compares makes by prefix either way', () => {
    expect(makeAgrees(undefined, 'SMITH & WESSON')).toBe(true);
    expect(makeAgrees('SMITH', 'SMITH & WESSON')).toBe(true);
    expect(makeAgrees('GLOCK', 'SMITH & WESSON')).toBe(false);
  });
});

describe('indexes', () => {
  it('index every record of the committed set', () => {
    for (const person of fixtures.persons.slice(0, 200)) {
      expect(files.person(person.id)).toBe(person);
      expect(files.personsByName(person.last, person.first, person.dob)).toContain(person);
    }
    for (const warrant of fixtures.warrants) expect(files.warrants.byNicKey(warrant.nic)?.[1]).toBe(warrant);
    for (const licence of fixtures.licenses.slice(0, 200)) expect(files.licenseByNumber(licence.state, licence.oln)).toBe(licence);
    for (const boat of fixtures.boats) expect(files.boatsByRegistration(boat.registration)).toEqual([boat]);
  });

  it('a cancelled record is no longer found, but its NIC stays taken', () => {
    const local = buildIndexes(fixtures);
    const found = local.warrants.byNicKey(wanted.warrantNic);
    expect(found).toBeDefined();
    local.warrants.cancel(found?.[0] ?? -1);
    expect(local.warrants.byNicKey(wanted.warrantNic)).toBeUndefined();
    expect(local.warrants.bySubjectKey(wanted.personId)).toEqual([]);
    expect(local.warrants.nicTaken(wanted.warrantNic)).toBe(true);
  });
});
