import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureSet } from '@clets/data-files';
import { HitStatus, type SystemName, type Transaction } from '@clets/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockSystem, SystemAnswer } from '../system.js';
import { createSystems } from '../systems/index.js';
import { committedFixtures, ctx, hits, rejectOf, responseOf, TEST_ORI, tx } from '../systems/test-support.js';
import { careOf, DEFAULT_RECORD_CARE } from './record-care.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The simulated clock starts the day after the data files' reference date. */
const T0 = Date.parse('2026-11-02T10:00:00Z');

let fixtures: FixtureSet;
let directory: string;
let open: Map<SystemName, MockSystem>[] = [];

beforeAll(async () => {
  fixtures = await committedFixtures();
  directory = mkdtempSync(join(tmpdir(), 'clets-care-'));
});
afterEach(() => {
  for (const systems of open) for (const system of systems.values()) system.close();
  open = [];
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function start(path: string): MockSystem {
  const systems = createSystems({ data: fixtures, updatesDbPath: path, systems: ['CORI'] });
  open.push(systems);
  return systems.get('CORI') as MockSystem;
}

/** A transaction from one operator of an agency. */
function by(operatorId: string, key: string, fields: Record<string, string>, ori = TEST_ORI): Transaction {
  const transaction = tx(key, fields, { ori });
  return { ...transaction, header: { ...transaction.header, operatorId } };
}

function at(cori: MockSystem, now: number, transaction: Transaction): SystemAnswer {
  return cori.handle(transaction, ctx(undefined, now));
}

function acknowledgedNic(answer: SystemAnswer): string {
  const record = responseOf(answer).records?.[0];
  expect(record?.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
  return record?.recordId ?? '';
}

/** The validation list's line of one NIC at `now`, or undefined when it is not listed. */
function listed(cori: MockSystem, now: number, nic: string, ori = TEST_ORI): string | undefined {
  const text = responseOf(at(cori, now, by('OP1008', 'VL', { VLS: 'A' }, ori))).records?.[0]?.text ?? '';
  return text.replaceAll('\n', ' ').split(/(?=NIC\/)/).find((line) => line.startsWith(`NIC/${nic} `))?.trim();
}

const WARRANT = { NAM: 'ABERNATHE,CORWIN', SEX: 'M', RAC: 'W', DOB: '19790304', OFF: 'FRAUD', WTY: 'F', DOW: '20261101', EXL: '1', OCA: '26-CARE-W1' };
const VEHICLE = { LIC: '8CRE101', LIS: 'CA', VYR: '2022', VMA: 'NISS', DOT: '20261101', OCA: '26-CARE-V1' };

describe('second-party check and validation, with a fake clock', () => {
  it('pending until a second operator checks it, unchecked after the set time, due, overdue and reported, validated, across a restart', () => {
    const path = join(directory, 'care.sqlite');
    let cori = start(path);
    const warrant = acknowledgedNic(at(cori, T0, by('OP1001', 'EW', WARRANT)));
    const vehicle = acknowledgedNic(at(cori, T0, by('OP1001', 'EV', VEHICLE)));

    // Pending: it hits, saying it is not checked yet, and the agency's list shows it.
    const hit = hits(responseOf(at(cori, T0 + HOUR, tx('QW', { NAM: WARRANT.NAM, DOB: WARRANT.DOB })))).find((record) => record.recordId === warrant);
    expect(hit?.text).toContain('*** ENTRY NOT YET SECOND-PARTY CHECKED - CONFIRM WITH THE ENTERING AGENCY ***');
    expect(listed(cori, T0 + HOUR, warrant)).toMatch(/FIL\/WPS .* SPC\/PENDING VLD\/NONE DUE\/20270131 STA\/CURRENT$/);

    // Not by the operator who entered it, not by another agency.
    expect(rejectOf(at(cori, T0 + HOUR, by('OP1001', 'SPC', { NIC: warrant })))).toMatchObject({ code: 'CLETS_ERR_SECOND_PARTY_SAME_OPERATOR', field: 'NIC' });
    expect(rejectOf(at(cori, T0 + HOUR, by('OP2001', 'SPC', { NIC: warrant }, 'CA0370000')))).toMatchObject({ code: 'CLETS_ERR_RECORD_NOT_FOUND' });
    // A second full-access operator of the agency checks it: once.
    expect(acknowledgedNic(at(cori, T0 + 2 * HOUR, by('OP1002', 'SPC', { NIC: warrant })))).toBe(warrant);
    expect(rejectOf(at(cori, T0 + 2 * HOUR, by('OP1003', 'SPC', { NIC: warrant })))).toMatchObject({ code: 'CLETS_ERR_RECORD_STATE' });
    const checked = hits(responseOf(at(cori, T0 + 3 * HOUR, tx('QW', { NAM: WARRANT.NAM, DOB: WARRANT.DOB })))).find((record) => record.recordId === warrant);
    expect(checked?.text).not.toContain('SECOND-PARTY');
    expect(listed(cori, T0 + 3 * HOUR, warrant)).toBeUndefined();

    // The vehicle nobody checked: pending for 72 hours, then unchecked, and the list's notice says so.
    expect(listed(cori, T0 + 71 * HOUR, vehicle)).toContain('SPC/PENDING');
    expect(listed(cori, T0 + 72 * HOUR, vehicle)).toContain('SPC/UNCHECKED');

    // Validation: due 90 days after entry, overdue (reported) 30 days later.
    expect(listed(cori, T0 + 90 * DAY, warrant)).toMatch(/SPC\/CHECKED VLD\/NONE DUE\/20270131 STA\/DUE$/);
    const late = T0 + 121 * DAY;
    expect(listed(cori, late, warrant)).toMatch(/STA\/OVERDUE - REPORTED 20270302$/);
    const list = responseOf(at(cori, late, by('OP1008', 'VL', { VLS: 'A' }))).records?.[0]?.text?.replaceAll('\n', ' ') ?? '';
    const overdueOnly = responseOf(at(cori, late, by('OP1008', 'VL', { VLS: 'U' }))).records?.[0]?.text ?? '';
    expect(overdueOnly).toContain(`NIC/${vehicle} `);
    expect(overdueOnly).not.toContain(`NIC/${warrant} `);
    expect(list).toMatch(/ADMINISTRATIVE NOTICE: \d+ OVERDUE FOR VALIDATION \(REPORTED\), 1 NOT SECOND-PARTY CHECKED\./);

    // Validated by a modify naming the validator: off the list, due again a year later, VLD in the answer.
    acknowledgedNic(at(cori, late, by('OP1002', 'MW', { NIC: warrant, VLN: 'OSTRANDER,PELL' })));
    expect(listed(cori, late, warrant)).toBeUndefined();
    const validated = hits(responseOf(at(cori, late, tx('QW', { NAM: WARRANT.NAM, DOB: WARRANT.DOB })))).find((record) => record.recordId === warrant);
    expect(validated?.text?.replaceAll('\n', ' ')).toMatch(/VLD\/20270303 VLN\/OSTRANDER,PELL/);

    // Durability: the check and the validation survive a restart of the backend.
    for (const systems of open) for (const system of systems.values()) system.close();
    open = [];
    cori = start(path);
    expect(listed(cori, late, warrant)).toBeUndefined();
    expect(listed(cori, late + 366 * DAY, warrant)).toMatch(/SPC\/CHECKED VLD\/20270303 DUE\/20280302 STA\/DUE$/);
    expect(listed(cori, late, vehicle)).toContain('SPC/UNCHECKED');
  });

  it('counts records the data files held as checked and validated on schedule up to the reference date', () => {
    const record = { nic: 'W100000001', enteringOri: TEST_ORI, oca: 'X', enteredOn: '2024-01-10', id: 'X' };
    const care = careOf(record, Date.parse('2026-11-02T00:00:00Z'), DEFAULT_RECORD_CARE, '2026-11-01');
    expect(care.check).toBe('CHECKED');
    expect(new Date(care.validatedAtMs ?? 0).toISOString().slice(0, 10)).toBe('2026-04-09');
    expect(new Date(care.dueAtMs).toISOString().slice(0, 10)).toBe('2027-04-09');
    expect(care.validation).toBe('CURRENT');
  });

  it('lists another agency\'s records for the state control point only, with that agency as the record\'s ORI (the switch sends it on)', () => {
    const cori = start(':memory:');
    const vehicle = acknowledgedNic(at(cori, T0, by('OP1001', 'EV', VEHICLE)));
    const late = T0 + 121 * DAY;
    const answer = responseOf(at(cori, late, by('OP4001', 'VL', { VLS: 'U', VLO: TEST_ORI }, 'CA0349400')));
    expect(answer.status).toBe(HitStatus.HIT_STATUS_ACKNOWLEDGED);
    expect(answer.records?.[0]?.enteringOri).toBe(TEST_ORI);
    expect(answer.records?.[0]?.text).toContain(`NIC/${vehicle} `);
    const refused = rejectOf(at(cori, late, by('OP2001', 'VL', { VLS: 'A', VLO: TEST_ORI }, 'CA0370000')));
    expect(refused).toMatchObject({ code: 'CLETS_ERR_VALIDATION_LIST_SCOPE', field: 'VLO' });
    // Nothing to act on: a no-record answer, so no notice goes out.
    const none = responseOf(at(cori, late, by('OP4001', 'VL', { VLS: 'U', VLO: 'CA0370000' }, 'CA0349400')));
    expect(none.status).toBe(HitStatus.HIT_STATUS_NO_RECORD);
    expect(none.text).toBe('NO RECORDS OF ORI/CA0370000 NEED ACTION (VLS/U)');
  });
});
