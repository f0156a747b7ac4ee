import { generateFixtures, type FixtureSet, type GenerateOptions } from '@clets/fixtures';
import type { SystemName, Transaction } from '@clets/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../src/system.js';
import { createSystems } from '../src/systems/index.js';
import { ctx, tx } from '../src/systems/test-support.js';
import { generateCompactFixtures, StringInterner } from './compact-records.js';

const SETS: readonly GenerateOptions[] = [{}, { seed: 7, persons: 3000 }];

describe('generateCompactFixtures', () => {
  it.each(SETS)('gives the generator\'s records, values and key order alike (%o)', (options) => {
    const compact = generateCompactFixtures(options);
    const generated = generateFixtures(options);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(generated));
    expect(compact).toStrictEqual(generated);
  });

  it('shares one frozen empty list, so no record can change another through it', () => {
    const compact = generateCompactFixtures();
    const [first, second] = compact.vehicles.filter((vehicle) => vehicle.stops.length === 0);
    expect(first?.stops).toBe(second?.stops);
    expect(() => (first?.stops as unknown[]).push('STOP')).toThrow(TypeError);
    expect(second?.stops).toEqual([]);
  });
});

describe('the systems over the compact set', () => {
  const opened: Map<SystemName, MockSystem>[] = [];
  afterAll(() => {
    for (const systems of opened) for (const system of systems.values()) system.close();
  });

  function open(data: FixtureSet): Map<SystemName, MockSystem> {
    const systems = createSystems({ data });
    opened.push(systems);
    return systems;
  }

  /** Inquiries over a spread of the set's persons, plates, licences and histories. */
  function inquiries(data: FixtureSet): { system: SystemName; transaction: Transaction }[] {
    const out: { system: SystemName; transaction: Transaction }[] = [];
    for (let index = 0; index < data.persons.length; index += 17) {
      const person = data.persons[index];
      if (person === undefined) continue;
      const name = { NAM: `${person.last},${person.first}`, SEX: person.sex, DOB: person.dob };
      out.push({ system: 'NCIC', transaction: tx('QW', name) });
      out.push({ system: 'CORI', transaction: tx('QW', name) });
      out.push({ system: 'NCIC', transaction: tx('QH', name, { purposeCode: 'C' }) });
    }
    for (let index = 0; index < data.vehicles.length; index += 19) {
      const vehicle = data.vehicles[index];
      if (vehicle === undefined) continue;
      out.push({ system: 'NCIC', transaction: tx('QV', { LIC: vehicle.plate, LIS: vehicle.plateState }) });
      out.push({ system: 'DMV', transaction: tx('RQ', { LIC: vehicle.plate, LIS: 'CA' }) });
    }
    for (let index = 0; index < data.licenses.length; index += 23) {
      const licence = data.licenses[index];
      if (licence === undefined) continue;
      out.push({ system: licence.state === 'CA' ? 'DMV' : 'NLETS', transaction: tx('DQ', { OLS: licence.state, OLN: licence.oln }, { destinations: licence.state === 'CA' ? [] : [licence.state] }) });
    }
    for (let index = 0; index < data.warrants.length; index += 7) {
      const warrant = data.warrants[index];
      if (warrant !== undefined) out.push({ system: 'NCIC', transaction: tx('ZW', { NIC: warrant.nic }) });
    }
    return out;
  }

  it('answers every inquiry as over the generator\'s own records, rendered text included', () => {
    const generated = generateFixtures();
    const compact = generateCompactFixtures();
    const plain = open(generated);
    const held = open(compact);
    const asked = inquiries(generated);
    expect(asked.length).toBeGreaterThan(500);
    let hits = 0;
    for (const [index, { system, transaction }] of asked.entries()) {
      const context = ctx(`req-${index}`);
      const expected = plain.get(system)?.handle(transaction, context);
      const answer = held.get(system)?.handle(transaction, context);
      expect(answer).toStrictEqual(expected);
      if (expected?.kind === 'responses' && expected.responses.some((response) => (response.records ?? []).length > 0)) hits++;
    }
    // The comparison means something only if records came back.
    expect(hits).toBeGreaterThan(100);
  });
});

describe('StringInterner', () => {
  it('stops interning a property once it holds the limit of distinct values', () => {
    const interner = new StringInterner(3);
    for (const value of ['A', 'B', 'A', 'C', 'B']) interner.intern('code', value);
    for (const value of ['1 MAIN ST', '2 MAIN ST', '3 MAIN ST', '4 MAIN ST']) interner.intern('street', value);
    expect(interner.sizes()).toEqual(new Map([['code', 3]]));
    expect(interner.intern('code', 'A')).toBe('A');
    expect(interner.intern('street', '5 MAIN ST')).toBe('5 MAIN ST');
  });
});
