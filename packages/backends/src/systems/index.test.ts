import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { CATALOGUE, HitStatus, SYSTEMS, type SystemName } from '@clets/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from './index.js';
import { ask, committedFixtures, hits, rejectOf, responseOf, tx } from './test-support.js';

let fixtures: FixtureSet;

beforeAll(async () => {
  fixtures = await committedFixtures();
});

describe('createSystems', () => {
  it('creates the four systems by default, or the ones asked for', () => {
    const all = createSystems({ data: fixtures });
    expect([...all.keys()]).toEqual([...SYSTEMS]);
    for (const system of all.values()) system.close();
    const two = createSystems({ data: fixtures, systems: ['DMV', 'NLETS'] });
    expect([...two.keys()]).toEqual(['DMV', 'NLETS']);
    for (const system of two.values()) system.close();
  });

  it('every routed key is answered by exactly the systems its route reaches', () => {
    const systems = createSystems({ data: fixtures });
    const answering = (key: string): SystemName[] => [...systems.values()].filter((system) => system.keys.has(key)).map((system) => system.name);
    expect(answering('QW')).toEqual(['NCIC', 'CORI']);
    expect(answering('QH')).toEqual(['NCIC', 'CORI']);
    expect(answering('DQ')).toEqual(['NLETS', 'DMV']);
    expect(answering('IQ')).toEqual(['NLETS']);
    expect(answering('EPO')).toEqual(['CORI']);
    expect(answering('AM')).toEqual([]);
    for (const definition of CATALOGUE.values()) {
      const routed = definition.route.kind === 'fanout' || definition.route.kind === 'by-state' || definition.route.kind === 'nlets-states';
      expect(answering(definition.key).length > 0).toBe(routed);
    }
    for (const system of systems.values()) system.close();
  });

  it('a QW on the wanted subject hits the warrant and the order in NCIC and in CORI', () => {
    const systems = createSystems({ data: fixtures });
    const wanted = WELL_KNOWN.wantedPerson;
    const qw = tx('QW', { NAM: `${wanted.last},${wanted.first}`, SEX: wanted.sex, DOB: wanted.dob });
    const ncic = responseOf(ask(systems.get('NCIC') as MockSystem, qw));
    const cori = responseOf(ask(systems.get('CORI') as MockSystem, qw));
    expect(hits(ncic).map((record) => [record.file, record.recordId])).toEqual([
      ['WANTED PERSON', wanted.warrantNic],
      ['PROTECTION ORDER', wanted.protectionOrderNic],
    ]);
    expect(hits(cori).map((record) => [record.file, record.recordId])).toEqual([
      ['WPS', wanted.warrantNic],
      ['CARPOS', wanted.protectionOrderNic],
    ]);
    for (const response of [ncic, cori]) {
      expect(response.status).toBe(HitStatus.HIT_STATUS_HIT);
      for (const record of hits(response)) expect(record.text).toMatch(/^WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION\./);
    }
    for (const system of systems.values()) system.close();
  });

  it('close() is idempotent and a closed system refuses with SYSTEM_UNAVAILABLE', () => {
    const systems = createSystems({ data: fixtures, systems: ['NCIC'] });
    const ncic = systems.get('NCIC') as MockSystem;
    ncic.close();
    ncic.close();
    expect(rejectOf(ask(ncic, tx('QW', { NAM: 'DOE,JOHN', DOB: '19800115' }))).code).toBe('CLETS_ERR_SYSTEM_UNAVAILABLE');
  });

  it('systems created together share their files: an entry through CORI is seen by every system reading that file', () => {
    const systems = createSystems({ data: fixtures, systems: ['CORI', 'NCIC'] });
    const cori = systems.get('CORI') as MockSystem;
    const ncic = systems.get('NCIC') as MockSystem;
    // Cancelling a BOTH record through CARPOS removes the one shared record.
    const wanted = WELL_KNOWN.wantedPerson;
    expect(responseOf(ask(cori, tx('XPO', { NIC: wanted.protectionOrderNic }))).status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(responseOf(ask(ncic, tx('QPO', { NIC: wanted.protectionOrderNic }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    // Another createSystems starts from the fixtures again.
    const fresh = createSystems({ data: fixtures, systems: ['NCIC'] });
    expect(responseOf(ask(fresh.get('NCIC') as MockSystem, tx('QPO', { NIC: wanted.protectionOrderNic }))).status).toBe(HitStatus.HIT_STATUS_HIT);
    for (const system of [...systems.values(), ...fresh.values()]) system.close();
  });
});
