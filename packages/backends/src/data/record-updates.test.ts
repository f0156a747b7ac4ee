import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureSet } from '@clets/fixtures';
import { HitStatus, type ResponseRecord, type SystemName } from '@clets/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem, SystemContext } from '../system.js';
import { createSystems } from '../systems/index.js';
import { ask, committedFixtures, ctx, fieldOf, hits, rejectOf, responseOf, TEST_ORI, tx } from '../systems/test-support.js';

/** The agency that finds the person or property (county 37), not the one that entered the record. */
const LOCATING_ORI = 'CA0370000';

/**
 * One file's life cycle: the entry, the inquiry that finds it (and only its state file's
 * record, the one the entry made), an entry the file refuses, and the subject fields a
 * locate or clear may carry.
 */
interface FileCase {
  readonly file: string;
  readonly letter: string;
  readonly entry: (oca: string) => Record<string, string>;
  readonly inquiry: readonly [string, Record<string, string>];
  readonly bad: { readonly fields: (oca: string) => Record<string, string>; readonly code: string; readonly field: string };
  readonly modify: Record<string, string>;
  /** A tag and value the modify must show in the next answer. */
  readonly modified: readonly [string, string];
  /** NCIC does not locate protection orders. */
  readonly locates: boolean;
  /** A missing person's locate retires the record at once. */
  readonly locateRetires?: boolean;
}

const PERSON = { SEX: 'M', RAC: 'W', DOB: '19770615' } as const;

const CASES: readonly FileCase[] = [
  {
    file: 'WPS', letter: 'W',
    entry: (oca) => ({ NAM: 'VELLACOTT,ARNO', ...PERSON, OFF: 'BURGLARY', WTY: 'F', DOW: '20261015', EXL: '1', OCA: oca, AKA: 'VELL,ARNIE', SMT: 'TAT R ARM', POB: 'NV' }),
    inquiry: ['QW', { NAM: 'VELLACOTT,ARNO', DOB: '19770615' }],
    bad: { fields: (oca) => ({ NAM: 'VELLACOTT,ARNO', ...PERSON, OFF: 'BURGLARY', WTY: 'F', DOW: '20261015', EXL: '9', OCA: oca }), code: 'CLETS_ERR_FIELD_INVALID', field: 'EXL' },
    modify: { OFF: 'ROBBERY', AKA: 'VELLA,A' }, modified: ['OFF', 'ROBBERY'], locates: true,
  },
  {
    file: 'SVS', letter: 'V',
    entry: (oca) => ({ LIC: '9ZZK417', LIS: 'CA', VYR: '2021', VMA: 'HOND', DOT: '20261025', OCA: oca }),
    inquiry: ['QV', { LIC: '9ZZK417', LIS: 'CA' }],
    bad: { fields: (oca) => ({ LIC: '9ZZK417', VYR: '2021', VMA: 'HOND', DOT: '20261025', OCA: oca }), code: 'CLETS_ERR_FIELD_MISSING', field: 'LIS' },
    modify: { VCO: 'RED' }, modified: ['VCO', 'RED'], locates: true,
  },
  {
    file: 'AFS', letter: 'G',
    entry: (oca) => ({ SER: 'ZK55120', MAK: 'SMITH & WESSON', CAL: '38', TYP: 'RV', DOT: '20261020', OCA: oca, MOD: 'M10' }),
    inquiry: ['QG', { SER: 'ZK55120' }],
    bad: { fields: (oca) => ({ SER: 'ZK55120', MAK: 'SMITH & WESSON', CAL: '38', TYP: 'CANNON', DOT: '20261020', OCA: oca }), code: 'CLETS_ERR_FIELD_INVALID', field: 'TYP' },
    modify: { CAL: '357' }, modified: ['CAL', '357'], locates: true,
  },
  {
    file: 'APS', letter: 'A',
    entry: (oca) => ({ SER: 'LPX99012', TYP: 'LAPTOP', MAK: 'ORBITEK', DOT: '20261021', OCA: oca, MIS: 'SILVER 15 INCH' }),
    inquiry: ['QA', { SER: 'LPX99012' }],
    bad: { fields: (oca) => ({ SER: 'LPX99012', TYP: 'LAPTOP', DOT: '20261021', OCA: oca }), code: 'CLETS_ERR_FIELD_MISSING', field: 'MAK' },
    modify: { MOD: 'X15' }, modified: ['MOD', 'X15'], locates: true,
  },
  {
    file: 'ABS', letter: 'B',
    entry: (oca) => ({ BHN: 'QRT44018K526', REG: 'CF9911QT', MAK: 'BAYLINER', DOT: '20261019', OCA: oca, BLE: '19' }),
    inquiry: ['QB', { BHN: 'QRT44018K526' }],
    bad: { fields: (oca) => ({ MAK: 'BAYLINER', DOT: '20261019', OCA: oca }), code: 'CLETS_ERR_FIELD_MISSING', field: 'BHN' },
    modify: { BLE: '20' }, modified: ['BLE', '20'], locates: true,
  },
  {
    file: 'MPS', letter: 'M',
    entry: (oca) => ({ NAM: 'ORSWELL,TIBBY', SEX: 'F', RAC: 'W', DOB: '20110304', MNP: 'J', DLC: '20261028', OCA: oca, SKN: 'FAR', MNU: 'AS-77120034' }),
    inquiry: ['QW', { NAM: 'ORSWELL,TIBBY', DOB: '20110304' }],
    bad: { fields: (oca) => ({ NAM: 'ORSWELL,TIBBY', SEX: 'F', RAC: 'W', DOB: '20110304', MNP: 'Q', DLC: '20261028', OCA: oca }), code: 'CLETS_ERR_FIELD_INVALID', field: 'MNP' },
    modify: { DLC: '20261029' }, modified: ['DLC', '20261029'], locates: true, locateRetires: true,
  },
  {
    file: 'CARPOS', letter: 'PO',
    entry: (oca) => ({
      NAM: 'TRELAWNE,KESTER', ...PERSON, POT: 'DVRO', PNO: 'TRELAWNE,MIRA', ISD: '20261030', EXP: '20291030', CRT: 'LOS ANGELES SUPERIOR COURT',
      OCA: oca, PCO: '01 05 07',
    }),
    inquiry: ['QPO', { NAM: 'TRELAWNE,KESTER', DOB: '19770615' }],
    bad: { fields: (oca) => ({ NAM: 'TRELAWNE,KESTER', ...PERSON, POT: 'DVRO', PNO: 'TRELAWNE,MIRA', ISD: '20261030', EXP: '20291030', CRT: 'LOS ANGELES SUPERIOR COURT', OCA: oca, PCO: '01 12' }), code: 'CLETS_ERR_FIELD_INVALID', field: 'PCO' },
    modify: { SRV: '20261102' }, modified: ['SRV', '20261102 - SERVED'], locates: false,
  },
];

let fixtures: FixtureSet;
let directory: string;
let open: Map<SystemName, MockSystem>[] = [];

beforeAll(async () => {
  fixtures = await committedFixtures();
  directory = mkdtempSync(join(tmpdir(), 'clets-life-'));
});
afterEach(() => {
  for (const systems of open) for (const system of systems.values()) system.close();
  open = [];
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function start(path = ':memory:'): MockSystem {
  const systems = createSystems({ data: fixtures, updatesDbPath: path, systems: ['CORI'] });
  open.push(systems);
  return systems.get('CORI') as MockSystem;
}

function stop(): void {
  for (const systems of open) for (const system of systems.values()) system.close();
  open = [];
}

/** The hits of the inquiry in the case's state file. */
function fileHits(cori: MockSystem, each: FileCase): ResponseRecord[] {
  const [key, fields] = each.inquiry;
  return hits(responseOf(ask(cori, tx(key, fields)))).filter((record) => record.file === each.file);
}

function nicOf(answer: ReturnType<MockSystem['handle']>): string {
  const record = responseOf(answer).records?.[0];
  expect(record?.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
  return record?.recordId ?? '';
}

describe.each(CASES)('the life cycle of a $file record', (each) => {
  const key = (action: string): string => `${action}${each.letter}`;

  it(`E${each.letter}: an entry is acknowledged with a NIC and hits the next inquiry, supplemental data and all`, () => {
    const cori = start();
    const nic = nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-1'))));
    const [hit, ...others] = fileHits(cori, each);
    expect(others).toEqual([]);
    expect(hit?.recordId).toBe(nic);
    expect(hit?.enteringOri).toBe(TEST_ORI);
    if (each.file === 'WPS') {
      expect(hit?.text).toContain('AKA/VELL,ARNIE');
      expect(hit?.text).toContain('SMT/TAT R ARM');
      expect(hit?.text).toContain('POB/NV');
    }
    if (each.file === 'CARPOS') expect(hit?.text).toContain('PCO05/NO COMMUNICATION WITH THE PROTECTED PERSON');
  });

  it(`E${each.letter}: an entry failing an edit is refused with its named error, and nothing is entered`, () => {
    const cori = start();
    const reject = rejectOf(ask(cori, tx(key('E'), each.bad.fields('26-LIFE-2'))));
    expect({ code: reject.code, field: reject.field }).toEqual({ code: each.bad.code, field: each.bad.field });
    expect(fileHits(cori, each)).toEqual([]);
  });

  it(`E${each.letter}: the same ORI and OCA again is a duplicate`, () => {
    const cori = start();
    nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-3'))));
    expect(rejectOf(ask(cori, tx(key('E'), each.entry('26-LIFE-3')))).code).toBe('CLETS_ERR_RECORD_CONFLICT');
  });

  it(`M${each.letter}: the entering agency's modify shows in the next answer; another agency is told not on file`, () => {
    const cori = start();
    const nic = nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-4'))));
    expect(rejectOf(ask(cori, tx(key('M'), { NIC: nic, ...each.modify }, { ori: LOCATING_ORI }))).code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
    nicOf(ask(cori, tx(key('M'), { NIC: nic, ...each.modify })));
    const [hit] = fileHits(cori, each);
    expect(fieldOf(hit as ResponseRecord, each.modified[0])).toBe(each.modified[1]);
  });

  it(`X${each.letter}: a cancel takes the record out of the file`, () => {
    const cori = start();
    nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-5'))));
    nicOf(ask(cori, tx(key('X'), { OCA: '26-LIFE-5' })));
    expect(fileHits(cori, each)).toEqual([]);
  });

  if (each.locates) {
    it(`L${each.letter} then C${each.letter}: entry -> locate by another agency -> clear by the entering agency, each seen by the next inquiry`, () => {
      const cori = start();
      const nic = nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-6'))));
      // The entering agency clears its own record; it does not locate it.
      expect(rejectOf(ask(cori, tx(key('L'), { NIC: nic, DOL: '20261101' }))).code).toBe('CLETS_ERR_LOCATE_OWN_RECORD');
      const located = responseOf(ask(cori, tx(key('L'), { NIC: nic, DOL: '20261101', LCA: '26-SD-0042' }, { ori: LOCATING_ORI })));
      const ack = located.records?.[0];
      expect(ack?.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
      // The acknowledgement names the entering agency: the switch notifies it (catalogue: notifyEnteringAgency).
      expect(ack?.enteringOri).toBe(TEST_ORI);
      expect(ack?.text).toContain('LOCATED');
      if (each.locateRetires) {
        expect(fileHits(cori, each)).toEqual([]);
        expect(rejectOf(ask(cori, tx(key('C'), { NIC: nic }))).code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
        return;
      }
      const [hit] = fileHits(cori, each);
      expect(hit?.text).toContain(`LOCATED 20261101 BY ORI ${LOCATING_ORI}`);
      expect(fieldOf(hit as ResponseRecord, 'LCA')).toBe('26-SD-0042');
      expect(rejectOf(ask(cori, tx(key('L'), { NIC: nic, DOL: '20261101' }, { ori: 'CA0010000' }))).code).toBe('CLETS_ERR_RECORD_STATE');
      // Only the entering agency clears.
      expect(rejectOf(ask(cori, tx(key('C'), { NIC: nic }, { ori: LOCATING_ORI }))).code).toBe('CLETS_ERR_RECORD_NOT_FOUND');
      nicOf(ask(cori, tx(key('C'), { NIC: nic, DCL: '20261102' })));
      expect(fileHits(cori, each)).toEqual([]);
    });
  } else {
    it(`C${each.letter}: no locate key (NCIC does not locate this file); the entering agency's clear takes it out`, () => {
      const cori = start();
      const nic = nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-6'))));
      expect(rejectOf(ask(cori, tx(key('L'), { NIC: nic, DOL: '20261101' }, { ori: LOCATING_ORI }))).code).toBe('CLETS_ERR_UNKNOWN_MESSAGE_KEY');
      nicOf(ask(cori, tx(key('C'), { NIC: nic })));
      expect(fileHits(cori, each)).toEqual([]);
    });
  }

  it('every step survives a backend restart: the updates store applies them again in order', () => {
    const path = join(directory, `${each.file}.sqlite`);
    let cori = start(path);
    const nic = nicOf(ask(cori, tx(key('E'), each.entry('26-LIFE-7'))));
    nicOf(ask(cori, tx(key('M'), { NIC: nic, ...each.modify })));
    if (each.locates && each.locateRetires !== true) nicOf(ask(cori, tx(key('L'), { NIC: nic, DOL: '20261101' }, { ori: LOCATING_ORI })));
    const before = fileHits(cori, each).map((record) => record.text);
    expect(before).toHaveLength(1);
    stop();
    cori = start(path);
    expect(fileHits(cori, each).map((record) => record.text)).toEqual(before);
    nicOf(ask(cori, tx(key('C'), { NIC: nic })));
    stop();
    cori = start(path);
    expect(fileHits(cori, each)).toEqual([]);
  });
});

describe('protection orders as courts use them', () => {
  const COURT_ORI = 'CA019015J';
  const ORDER = (oca: string, exp = '20270105') => ({
    NAM: 'HOLLOWAY,BRANDT', ...PERSON, POT: 'DVRO', PNO: 'HOLLOWAY,SIAN', ISD: '20261030', EXP: exp, CRT: 'SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES',
    OCA: oca, PCO: '05 07',
  });
  const at = (day: string): SystemContext => ctx(undefined, Date.parse(`${day}T18:00:00Z`));
  const inquire = (cori: MockSystem, day: string) =>
    hits(responseOf(cori.handle(tx('QW', { NAM: 'HOLLOWAY,BRANDT', DOB: '19770615' }), at(day)))).filter((record) => record.file === 'CARPOS');

  it('hits through its expiry date and not after it (the clock the system is given)', () => {
    const cori = start();
    const nic = nicOf(cori.handle(tx('EPO', ORDER('26-PO-EXP')), at('2026-11-02')));
    expect(inquire(cori, '2027-01-05').map((record) => record.recordId)).toEqual([nic]);
    expect(inquire(cori, '2027-01-06')).toEqual([]);
    expect(hits(responseOf(cori.handle(tx('QPO', { NIC: nic }), at('2027-01-06'))))).toEqual([]);
    // The court extends it: the order is in force again.
    nicOf(cori.handle(tx('MPO', { NIC: nic, EXP: '20280105' }, { ori: TEST_ORI }), at('2027-01-06')));
    expect(inquire(cori, '2027-01-06').map((record) => record.recordId)).toEqual([nic]);
  });

  it('a court enters and modifies its own orders: proof of service recorded by the court shows in the next answer', () => {
    const cori = start();
    const nic = nicOf(ask(cori, tx('EPO', ORDER('26-CRT-0001'), { ori: COURT_ORI })));
    nicOf(ask(cori, tx('MPO', { NIC: nic, SRV: '20261103' }, { ori: COURT_ORI })));
    const [order] = inquire(cori, '2026-11-04');
    expect(order?.enteringOri).toBe(COURT_ORI);
    expect(order?.text).toContain('SRV/20261103 - SERVED');
    expect(order?.text).toContain('ORI IS SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES');
  });

  it('a court modifies no order another agency entered, and enters nothing but orders', () => {
    const cori = start();
    const sheriffs = nicOf(ask(cori, tx('EPO', ORDER('26-SHF-0001'))));
    expect(rejectOf(ask(cori, tx('MPO', { NIC: sheriffs, SRV: '20261103' }, { ori: COURT_ORI })))).toMatchObject({ code: 'CLETS_ERR_RECORD_NOT_FOUND', field: 'NIC' });
    const warrant = rejectOf(ask(cori, tx('EW', { NAM: 'HOLLOWAY,BRANDT', ...PERSON, OFF: 'CONTEMPT OF COURT', WTY: 'M', DOW: '20261101', EXL: '6', OCA: '26-CRT-0002' }, { ori: COURT_ORI })));
    expect(warrant).toMatchObject({ code: 'CLETS_ERR_COURT_ORDERS_ONLY', field: 'MKE' });
    expect(warrant.reason).toContain('CA019015J is a court');
    expect(inquire(cori, '2026-11-04').map((record) => record.text?.includes('SRV/Y - SERVED') || record.text?.includes('SRV/N - NOT SERVED'))).toEqual([true]);
  });
});
