import { WELL_KNOWN } from '@clets/fixtures';
import { HitStatus } from '@clets/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from './index.js';
import { ask, committedFixtures, fieldOf, rejectOf, responseOf, tx } from './test-support.js';

/** Licences, registrations and rap sheets carry no arrest warning: they are not wants. */
const CAVEAT = /^NOT A WANT OR WARRANT\.(?![\s\S]*DO NOT ARREST)/;

let dmv: MockSystem;

beforeAll(async () => {
  dmv = createSystems({ data: await committedFixtures(), systems: ['DMV'] }).get('DMV') as MockSystem;
});
afterAll(() => dmv.close());

describe('DMV DQ -> DR', () => {
  it('answers a suspended licence by OLN with its status and suspension', () => {
    const licence = WELL_KNOWN.suspendedLicense;
    const response = responseOf(ask(dmv, tx('DQ', { OLS: 'CA', OLN: licence.oln })));
    expect(response.system).toBe('DMV');
    expect(response.responseKey).toBe('DR');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const record = response.records?.[0];
    expect(record?.file).toBe('DL');
    expect(record?.recordId).toBe(licence.oln);
    expect(fieldOf(record!, 'STA')).toBe('SUSPENDED');
    expect(record?.text).toMatch(CAVEAT);
    expect(record?.text).toContain('*** DRIVER LICENSE SUSPENDED ***');
    expect(record?.text).toContain('SUS/FAILURE TO APPEAR');
    expect(record?.text).toContain(`NAM/${licence.last}, ${licence.first}`);
  });

  it('finds a licence by name and date of birth', () => {
    const licence = WELL_KNOWN.validLicense;
    const response = responseOf(ask(dmv, tx('DQ', { OLS: 'CA', NAM: `${licence.last},${licence.first}`, DOB: licence.dob })));
    expect(response.records?.[0]?.recordId).toBe(licence.oln);
    expect(fieldOf(response.records![0]!, 'STA')).toBe('VALID');
    expect(fieldOf(response.records![0]!, 'CLS')).toBeDefined();
  });

  it('answers NO RECORD DMV DL for a person without a licence', () => {
    const clean = WELL_KNOWN.cleanPerson;
    const response = responseOf(ask(dmv, tx('DQ', { OLS: 'CA', NAM: `${clean.last},${clean.first}`, DOB: clean.dob })));
    expect(response.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(response.text).toBe(`NO RECORD DMV DL OLS/CA NAM/${clean.last},${clean.first} DOB/${clean.dob}`);
    expect(responseOf(ask(dmv, tx('DQ', { OLS: 'CA', OLN: 'Z0000000' }))).text).toBe('NO RECORD DMV DL OLS/CA OLN/Z0000000');
  });

  it('sends another state to Nlets', () => {
    const reject = rejectOf(ask(dmv, tx('DQ', { OLS: 'NV', OLN: WELL_KNOWN.outOfStateLicense.oln })));
    expect(reject.code).toBe('CLETS_ERR_DESTINATION_INVALID');
    expect(reject.field).toBe('OLS');
  });
});

describe('DMV RQ -> RR', () => {
  it('answers a registration with its owner and the stolen stop first', () => {
    const stolen = WELL_KNOWN.stolenVehicle;
    const response = responseOf(ask(dmv, tx('RQ', { LIS: 'CA', LIC: stolen.plate })));
    expect(response.responseKey).toBe('RR');
    expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
    const record = response.records?.[0];
    expect(record?.file).toBe('REG');
    const lines = (record?.text ?? '').split('\n');
    expect(lines[0]).toMatch(CAVEAT);
    expect(record?.text).toContain('*** STOP - STOLEN VEHICLE ***');
    expect(lines.findIndex((line) => line.includes('STOP - STOLEN'))).toBeLessThan(lines.findIndex((line) => line === 'DMV VEHICLE REGISTRATION'));
    expect(record?.text).toContain(`VIN/${stolen.vin}`);
    expect(fieldOf(record!, 'RO')).toMatch(/^[A-Z' -]+, [A-Z]/);
  });

  it('finds a registration by VIN and answers no record otherwise', () => {
    const other = WELL_KNOWN.notStolenVehicle;
    const byVin = responseOf(ask(dmv, tx('RQ', { LIS: 'CA', VIN: other.vin })));
    expect(byVin.records?.[0]?.text).toContain(`LIC/${other.plate}`);
    expect(byVin.records?.[0]?.text).not.toContain('STOP -');
    const miss = responseOf(ask(dmv, tx('RQ', { LIS: 'CA', LIC: '0ZZZ000' })));
    expect(miss.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(miss.text).toBe('NO RECORD DMV REG LIS/CA LIC/0ZZZ000');
  });
});
