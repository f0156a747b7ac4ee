import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { HitStatus, type SystemName } from '@clets/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem } from '../system.js';
import { createSystems } from '../systems/index.js';
import { ask, committedFixtures, ctx, fieldOf, hits, rejectOf, responseOf, TEST_ORI, tx } from '../systems/test-support.js';

const { cleanPerson: clean, wantedPerson: wanted } = WELL_KNOWN;
const CLEAN = { NAM: `${clean.last},${clean.first}`, DOB: clean.dob };

/** An EPO restraining the clean subject. */
function epo(oca: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NAM: CLEAN.NAM, SEX: 'F', RAC: 'W', DOB: clean.dob, POT: 'DVRO', PNO: 'MARLOWE,TESSA', ISD: '20261030', EXP: '20291030',
    CRT: 'SAN DIEGO SUPERIOR COURT', OCA: oca, ...extra,
  };
}

let fixtures: FixtureSet;
let directory: string;
let open: Map<SystemName, MockSystem>[] = [];

beforeAll(async () => {
  fixtures = await committedFixtures();
  directory = mkdtempSync(join(tmpdir(), 'clets-updates-'));
});
afterEach(() => {
  for (const systems of open) for (const system of systems.values()) system.close();
  open = [];
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function start(path = ':memory:'): { cori: MockSystem; ncic: MockSystem } {
  const systems = createSystems({ data: fixtures, updatesDbPath: path, systems: ['CORI', 'NCIC'] });
  open.push(systems);
  return { cori: systems.get('CORI') as MockSystem, ncic: systems.get('NCIC') as MockSystem };
}

function stop(): void {
  for (const systems of open) for (const system of systems.values()) system.close();
  open = [];
}

function carposHits(cori: MockSystem): string[] {
  return hits(responseOf(ask(cori, tx('QPO', CLEAN)))).map((record) => record.recordId ?? '');
}

describe('EPO, MPO, XPO', () => {
  it('EPO is acknowledged with a new NIC, and QPO then finds the order in CARPOS', () => {
    const { cori, ncic } = start();
    const response = responseOf(ask(cori, tx('EPO', epo('26-EPO-1'))));
    expect(response.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(response.responseKey).toBe('EPO');
    const record = response.records?.[0];
    expect(record?.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    const nic = record?.recordId ?? '';
    expect(nic).toMatch(/^H\d{9}$/);
    expect(fixtures.protectionOrders.some((order) => order.nic === nic)).toBe(false);
    expect(response.text?.split('\n')[0]).toBe(`EPO ACCEPTED NIC/${nic}`);

    expect(carposHits(cori)).toEqual([nic]);
    const qpo = responseOf(ask(cori, tx('QPO', CLEAN)));
    expect(qpo.records?.[0]?.text).toMatch(/^WARNING - DO NOT ARREST/);
    expect(qpo.records?.[0]?.text).toContain('PNO/MARLOWE, TESSA');
    expect(qpo.records?.[0]?.enteringOri).toBe(TEST_ORI);
    // The entry went to CARPOS only (catalogue: the simulation leaves the forward to NCIC out).
    expect(responseOf(ask(ncic, tx('QPO', CLEAN))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    // A QW searches CARPOS too.
    expect(hits(responseOf(ask(cori, tx('QW', CLEAN)))).map((r) => r.recordId)).toEqual([nic]);
  });

  it('the acknowledgement\'s DTE carries the entry\'s time (CCYYMMDD HHMM, UTC), as the record\'s DTE does', () => {
    const { cori } = start();
    const enteredAt = Date.parse('2026-11-01T17:30:00Z');
    const record = responseOf(cori.handle(tx('EPO', epo('26-EPO-DTE')), ctx(undefined, enteredAt))).records?.[0];
    expect(fieldOf(record!, 'DTE')).toBe('20261101 1730');
    expect(record?.text).toContain(`OCA/26-EPO-DTE NIC/${record?.recordId ?? ''} DTE/20261101 1730`);
    const answer = responseOf(cori.handle(tx('QPO', { NIC: record?.recordId ?? '' }), ctx(undefined, enteredAt + 60_000))).records?.[0];
    expect(fieldOf(answer!, 'DTE')).toBe(fieldOf(record!, 'DTE'));
  });

  it('a new NIC skips every number a fixture record already holds', () => {
    const first = fixtures.protectionOrders[1];
    if (first === undefined) throw new Error('no order');
    const taken = { ...first, nic: 'H900000001', oca: '26-TAKEN' };
    const systems = createSystems({ data: { ...fixtures, protectionOrders: [...fixtures.protectionOrders, taken] }, systems: ['CORI'] });
    open.push(systems);
    const nic = responseOf(ask(systems.get('CORI') as MockSystem, tx('EPO', epo('26-SKIP')))).records?.[0]?.recordId;
    expect(nic).toBe('H900000002');
  });

  it('MPO changes the order; XPO cancels it and QPO no longer finds it', () => {
    const { cori } = start();
    const nic = responseOf(ask(cori, tx('EPO', epo('26-EPO-2')))).records?.[0]?.recordId ?? '';
    const modified = responseOf(ask(cori, tx('MPO', { NIC: nic, EXP: '20301231', CND: 'NO CONTACT' })));
    expect(modified.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(modified.text).toContain('PROTECTION ORDER MODIFIED EXP/20301231');
    const after = responseOf(ask(cori, tx('QPO', CLEAN))).records?.[0]?.text ?? '';
    expect(after).toContain('EXP/20301231');
    expect(after).toContain('CND/NO CONTACT');

    const cancelled = responseOf(ask(cori, tx('XPO', { NIC: nic })));
    expect(cancelled.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(cancelled.text?.split('\n')[0]).toBe(`XPO ACCEPTED NIC/${nic}`);
    expect(carposHits(cori)).toEqual([]);
    expect(responseOf(ask(cori, tx('QPO', CLEAN))).text).toBe(`NO CARPOS RECORD NAM/${CLEAN.NAM} DOB/${CLEAN.DOB}`);
  });

  it('both facts survive closing and recreating the systems on the same database', () => {
    const path = join(directory, 'restart.sqlite');
    let { cori } = start(path);
    const kept = responseOf(ask(cori, tx('EPO', epo('26-KEEP')))).records?.[0]?.recordId ?? '';
    const gone = responseOf(ask(cori, tx('EPO', epo('26-GONE')))).records?.[0]?.recordId ?? '';
    expect(responseOf(ask(cori, tx('XPO', { NIC: gone }))).status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    stop();

    ({ cori } = start(path));
    expect(carposHits(cori)).toEqual([kept]);
    stop();

    ({ cori } = start(path));
    expect(carposHits(cori)).toEqual([kept]);
    // A new entry after the restart gets a NIC never given before.
    const next = responseOf(ask(cori, tx('EPO', epo('26-NEXT')))).records?.[0]?.recordId ?? '';
    expect([kept, gone]).not.toContain(next);
  });

  it('the same request id gets the same answer and is applied once, also after a restart', () => {
    const path = join(directory, 'idempotent.sqlite');
    let { cori } = start(path);
    const first = ask(cori, tx('EPO', epo('26-ONCE')), 'link-req-1');
    const again = ask(cori, tx('EPO', epo('26-ONCE')), 'link-req-1');
    expect(again).toEqual(first);
    expect(carposHits(cori)).toHaveLength(1);
    stop();

    ({ cori } = start(path));
    expect(ask(cori, tx('EPO', epo('26-ONCE')), 'link-req-1')).toEqual(first);
    expect(carposHits(cori)).toHaveLength(1);
    // A new request id with the same ORI and OCA is a duplicate entry.
    const duplicate = rejectOf(ask(cori, tx('EPO', epo('26-ONCE')), 'link-req-2'));
    expect(duplicate.code).toBe('CLETS_ERR_RECORD_CONFLICT');
  });

  it('a stored reject is answered again the same way', () => {
    const { cori } = start();
    const first = rejectOf(ask(cori, tx('XPO', { NIC: 'H999999998' }), 'link-req-x'));
    expect(first.code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    expect(rejectOf(ask(cori, tx('XPO', { NIC: 'H999999998' }), 'link-req-x'))).toEqual(first);
  });

  it('XPO or MPO of an unknown NIC, or of another agency\'s order, is RECORD_NOT_FOUND', () => {
    const { cori } = start();
    const unknown = rejectOf(ask(cori, tx('XPO', { NIC: 'H000000000' })));
    expect(unknown.code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    expect(unknown.wireCode).toBe(508);
    expect(rejectOf(ask(cori, tx('MPO', { NIC: 'H000000000', EXP: '20301231' }))).code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    // The well-known order was entered by CA0190000: another ORI may not cancel it.
    const foreign = rejectOf(ask(cori, tx('XPO', { NIC: wanted.protectionOrderNic }, { ori: 'CA0370000' })));
    expect(foreign.code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    expect(hits(responseOf(ask(cori, tx('QPO', { NIC: wanted.protectionOrderNic }))))).toHaveLength(1);
  });

  it('XPO by ORI and OCA cancels the agency\'s own order', () => {
    const { cori } = start();
    ask(cori, tx('EPO', epo('26-BY-OCA')));
    expect(responseOf(ask(cori, tx('XPO', { OCA: '26-BY-OCA' }))).status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(carposHits(cori)).toEqual([]);
  });

  it('refuses an entry that fails the catalogue edits, and stores nothing', () => {
    const { cori } = start();
    const missing = rejectOf(ask(cori, tx('EPO', { NAM: CLEAN.NAM, DOB: CLEAN.DOB })));
    expect(missing.code).toBe('CLETS_ERR_FIELD_MISSING');
    const invalid = rejectOf(ask(cori, tx('EPO', epo('26-BAD', { EXP: '20291399' }))));
    expect(invalid.code).toBe('CLETS_ERR_FIELD_INVALID');
    expect(invalid.field).toBe('EXP');
    expect(carposHits(cori)).toEqual([]);
  });
});

describe('EW/XW and EV/XV', () => {
  it('EW enters a wanted person QW then finds in WPS; XW cancels it', () => {
    const { cori } = start();
    const entered = responseOf(ask(cori, tx('EW', {
      NAM: CLEAN.NAM, SEX: 'F', RAC: 'W', DOB: clean.dob, OFF: 'BURGLARY', WTY: 'F', DOW: '20261020', EXL: '1', OCA: '26-EW-1',
    })));
    const nic = entered.records?.[0]?.recordId ?? '';
    expect(nic).toMatch(/^W\d{9}$/);
    const wps = hits(responseOf(ask(cori, tx('QW', CLEAN))));
    expect(wps.map((record) => [record.file, record.recordId])).toEqual([['WPS', nic]]);
    expect(wps[0]?.text).toContain('OFF/BURGLARY WTY/F - FELONY DOW/20261020 EXL/1 - FULL EXTRADITION');
    expect(responseOf(ask(cori, tx('XW', { NIC: nic, NAM: CLEAN.NAM }))).status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(hits(responseOf(ask(cori, tx('QW', CLEAN))))).toEqual([]);
  });

  it('a person an entry names who is not on file becomes searchable', () => {
    const { cori } = start();
    const fields = { NAM: 'ZENTHARO,QUILLEM', SEX: 'M', RAC: 'W', DOB: '19700101', OFF: 'FRAUD', WTY: 'F', DOW: '20261020', EXL: '1', OCA: '26-EW-2', HGT: '601' };
    const nic = responseOf(ask(cori, tx('EW', fields))).records?.[0]?.recordId;
    const found = hits(responseOf(ask(cori, tx('QW', { NAM: fields.NAM, DOB: fields.DOB }))));
    expect(found.map((record) => record.recordId)).toEqual([nic]);
    expect(found[0]?.text).toContain('NAM/ZENTHARO, QUILLEM SEX/M RAC/W DOB/19700101 HGT/601');
  });

  it('EV enters a stolen vehicle QV then finds in SVS; a second entry of it is a duplicate; XV cancels it', () => {
    const { cori } = start();
    const vehicle = WELL_KNOWN.notStolenVehicle;
    const fields = { LIC: vehicle.plate, LIS: 'CA', VYR: '2021', VMA: 'HOND', DOT: '20261031', OCA: '26-EV-1' };
    const nic = responseOf(ask(cori, tx('EV', fields))).records?.[0]?.recordId ?? '';
    expect(nic).toMatch(/^V\d{9}$/);
    const qv = responseOf(ask(cori, tx('QV', { VIN: vehicle.vin })));
    expect(hits(qv).map((record) => record.recordId)).toEqual([nic]);
    expect(rejectOf(ask(cori, tx('EV', { ...fields, OCA: '26-EV-2' }))).code).toBe('CLETS_ERR_RECORD_CONFLICT');
    expect(rejectOf(ask(cori, tx('XV', { NIC: nic, LIC: 'OTHER1', LIS: 'CA' }))).code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    expect(responseOf(ask(cori, tx('XV', { NIC: nic, LIC: vehicle.plate, LIS: 'CA' }))).status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(responseOf(ask(cori, tx('QV', { VIN: vehicle.vin }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });

  it('an unregistered plate entered stolen is found by QV but is no DMV registration', () => {
    const systems = createSystems({ data: fixtures, systems: ['CORI', 'DMV'] });
    open.push(systems);
    const cori = systems.get('CORI') as MockSystem;
    const dmv = systems.get('DMV') as MockSystem;
    ask(cori, tx('EV', { LIC: '9ZZZ999', LIS: 'CA', VYR: '2015', VMA: 'FORD', DOT: '20261031', OCA: '26-EV-3' }));
    expect(responseOf(ask(cori, tx('QV', { LIC: '9ZZZ999', LIS: 'CA' }))).status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(responseOf(ask(dmv, tx('RQ', { LIC: '9ZZZ999', LIS: 'CA' }))).status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
  });
});
