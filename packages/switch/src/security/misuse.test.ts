import { describe, expect, it } from 'vitest';
import { ActivityTracker, fieldsOf, findMisuse, findTransactionMisuse, parseNcicName, purposeMismatch, subjectFieldsOf, SubjectIndex, type EmployeesOf } from './misuse.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const index = new SubjectIndex({
  persons: [
    { id: 'P1', last: 'DOE', first: 'JANE', dob: '19800101', soc: '912345678', address: { street: '1 MAIN ST', zip: '90001' } },
    { id: 'P2', last: 'ROE', first: 'RICK', dob: '19700202', sid: 'A1234567', address: { street: '1 MAIN ST', zip: '90001' } },
    { id: 'P3', last: 'STAR', first: 'MAX', dob: '19650303', address: { street: '9 HILL RD', zip: '90002' } },
  ],
  licenses: [{ oln: 'B1234567', state: 'CA', personId: 'P1' }],
  vehicles: [{ plate: '7ABC123', plateState: 'CA', vin: '1HGCM82633A004352', ownerPersonId: 'P1' }],
  watchlist: [{ personId: 'P3', reason: 'ATHLETE' }],
});
const operator = { id: 'OP1', personId: 'P1', homeAddress: { street: '1 Main St', zip: '90001' }, relatives: [{ last: 'DOE', first: 'JOHN', dob: '19500505' }] };
const fields = (entries: Record<string, string>) => new Map(Object.entries(entries));
const rules = CJIS_DEFAULT_SETTINGS.misuse;

describe('misuse rules', () => {
  it('parses NCIC names', () => {
    expect(parseNcicName('DOE,JANE Q')).toEqual({ last: 'DOE', first: 'JANE' });
    expect(parseNcicName('DOE')).toBeUndefined();
  });

  it.each([
    [{ NAM: 'DOE,JANE', DOB: '19800101' }],
    [{ OLN: 'B1234567', OLS: 'CA' }],
    [{ SOC: '912345678' }],
    [{ LIC: '7ABC123', LIS: 'CA' }],
    [{ VIN: '1HGCM82633A004352' }],
  ])('finds the operator querying themselves by %o', (entries) => {
    expect(findMisuse(operator, fields(entries), index, rules).selfQuery?.kind).toBe('self-query');
  });

  it('reads the identifiers the rules look up, normalised as fieldsOf does, and nothing else', () => {
    const transaction = { fields: [{ tag: 'nam', value: ' doe,jane ' }, { tag: 'DOB', value: '19800101' }, { tag: 'SEX', value: 'F' }, { tag: 'NAM', value: 'LATER,ONE' }, { tag: 'lic', value: '7abc123' }] };
    const all = fieldsOf(transaction);
    expect([...subjectFieldsOf(transaction)]).toEqual([...all].filter(([tag]) => tag !== 'SEX'));
    expect(subjectFieldsOf(transaction).get('NAM')).toBe('DOE,JANE');
  });

  it('finds in a transaction what it finds in its subject fields, read the same way', () => {
    const typed = (entries: [string, string][]) => ({ fields: entries.map(([tag, value]) => ({ tag, value })) });
    const transactions = [
      typed([['nam', ' doe,jane '], ['SEX', 'F'], ['dob', '19800101'], ['NAM', 'STAR,MAX']]),
      typed([['NAM', 'STAR,MAX'], ['DOB', '19650303']]),
      typed([['lic', '7abc123'], ['LIS', 'ca']]),
      typed([['NAM', 'doe,john q'], ['DOB', '19500505']]),
      typed([['SID', 'a1234567'], ['SID', 'B0000000']]),
      typed([['SER', 'X1'], ['MAK', 'COLT']]),
      { fields: [{ tag: 'NAM', value: null }, { value: 'DOE,JANE' }, { tag: 'DOB' }] },
      {},
    ];
    for (const subjects of [index, undefined]) {
      const found = transactions.map((transaction) => findTransactionMisuse(operator, transaction, subjects, rules));
      expect(found).toEqual(transactions.map((transaction) => findMisuse(operator, subjectFieldsOf(transaction), subjects, rules)));
      if (subjects === index) expect(found.map((findings) => findings.selfQuery?.kind ?? findings.flags.map((flag) => flag.kind).join())).toEqual(['self-query', 'watch-list', 'self-query', 'relative', 'home-address', '', '', '']);
    }
  });

  it('answers a subject asked about again from its cache, and never mixes two identifier sets up', () => {
    const first = index.resolve(fields({ NAM: 'DOE,JANE', DOB: '19800101' }));
    expect(index.resolve(fields({ NAM: 'DOE,JANE', DOB: '19800101' }))).toBe(first);
    expect([...first.persons]).toEqual(['P1']);
    // The same characters split differently between fields: another subject (nobody here).
    const spliced = index.resolve(fields({ NAM: 'DOE,JANEDOB19800101' }));
    expect(spliced.persons.size).toBe(0);
    expect(spliced.nameDob).toBeUndefined();
    expect([...index.resolve(fields({ LIC: '7ABC123', LIS: 'CA', SOC: '912345678' })).everyone]).toEqual(['P1']);
    expect(index.resolve(fields({ SER: 'X1' })).everyone.size).toBe(0);
  });

  it('keeps the last 10,000 subjects asked about, the oldest forgotten first', () => {
    const subjects = new SubjectIndex({ persons: [] });
    const ask = (index: number) => subjects.resolve(fields(index % 2 === 0 ? { SOC: String(index) } : { SOC: String(index - 1), LIC: 'X' }));
    const first = ask(0);
    const second = ask(1);
    for (let index = 2; index < 10_000; index++) ask(index);
    expect(ask(0)).toBe(first);
    ask(10_000);
    expect(ask(1)).toBe(second);
    const again = ask(0);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(ask(1)).not.toBe(second);
  });

  it('flags a watch-listed subject, a relative and a housemate, and leaves others alone', () => {
    expect(findMisuse(operator, fields({ NAM: 'STAR,MAX', DOB: '19650303' }), index, rules).flags.map((flag) => flag.kind)).toEqual(['watch-list']);
    expect(findMisuse(operator, fields({ NAM: 'DOE,JOHN', DOB: '19500505' }), index, rules).flags.map((flag) => flag.kind)).toEqual(['relative']);
    expect(findMisuse(operator, fields({ SID: 'A1234567' }), index, rules).flags.map((flag) => flag.kind)).toEqual(['home-address']);
    expect(findMisuse(operator, fields({ NAM: 'NOBODY,KNOWN', DOB: '19900101' }), index, rules)).toEqual({ selfQuery: undefined, flags: [] });
  });

  it('matches relatives by name and date of birth without a person index', () => {
    expect(findMisuse(operator, fields({ NAM: 'DOE,JOHN Q', DOB: '19500505' }), undefined, rules).flags.map((flag) => flag.kind)).toEqual(['relative']);
  });
});

describe('a colleague looked up', () => {
  const staff = new SubjectIndex({
    persons: [
      { id: 'P1', last: 'DOE', first: 'JANE', dob: '19800101', address: { street: '1 MAIN ST', zip: '90001' } },
      { id: 'P2', last: 'COLE', first: 'AMOS', dob: '19750505', soc: '912000002', address: { street: '2 OAK AVE', zip: '90002' } },
      { id: 'P3', last: 'FARR', first: 'LINA', dob: '19830303', address: { street: '3 ELM CT', zip: '90003' } },
      { id: 'P4', last: 'GRAY', first: 'OTTO', dob: '19900909', address: { street: '4 ASH LN', zip: '90004' } },
    ],
    licenses: [{ oln: 'C7000002', state: 'CA', personId: 'P2' }],
  });
  const employees: EmployeesOf = (personId) => ({
    P1: [{ id: 'OP1', ori: 'CA0190000' }],
    P2: [{ id: 'OP2', ori: 'CA0190000' }],
    P3: [{ id: 'OP3', ori: 'CA0370000' }],
  } as Record<string, { id: string; ori: string }[]>)[personId] ?? [];
  const asker = { id: 'OP1', ori: 'CA0190000', personId: 'P1', homeAddress: null, relatives: [] };

  it.each([
    ['a colleague by name and date of birth', { NAM: 'COLE,AMOS', DOB: '19750505' }, ['colleague']],
    ['a colleague by licence number', { OLN: 'C7000002', OLS: 'CA' }, ['colleague']],
    ['a colleague by social security number', { SOC: '912000002' }, ['colleague']],
    ['an employee of another agency', { NAM: 'FARR,LINA', DOB: '19830303' }, []],
    ['someone who works for no agency', { NAM: 'GRAY,OTTO', DOB: '19900909' }, []],
  ] as const)('%s', (_label, entries, kinds) => {
    expect(findMisuse(asker, fields(entries), staff, rules, employees).flags.map((flag) => flag.kind)).toEqual(kinds);
  });

  it("calls the operator's own record a self-query, not a colleague, and can be switched off", () => {
    expect(findMisuse(asker, fields({ NAM: 'DOE,JANE', DOB: '19800101' }), staff, rules, employees).selfQuery?.kind).toBe('self-query');
    expect(findMisuse(asker, fields({ NAM: 'COLE,AMOS', DOB: '19750505' }), staff, { ...rules, colleague: false }, employees).flags).toEqual([]);
  });
});

describe('a purpose code that does not fit the reason', () => {
  const settings = rules.purposeMismatch;
  it.each([
    ['C', 'CCW PERMIT APPLICANT BACKGROUND', 'purpose-mismatch'],
    ['C', 'PRE EMPLOYMENT HIRING CHECK', 'purpose-mismatch'],
    ['C', 'LIQUOR LICENSING REVIEW', 'purpose-mismatch'],
    ['C', 'ARREST FOR DRIVING ON A SUSPENDED LICENSE', undefined],
    ['C', 'BURGLARY SUSPECT BOOKING', undefined],
    ['I', 'CCW PERMIT APPLICANT BACKGROUND', undefined],
    ['J', 'DEPUTY APPLICANT BACKGROUND', undefined],
    [undefined, 'CCW PERMIT APPLICANT', undefined],
  ] as const)('PUR %s with reason %s: %s', (purposeCode, reason, expected) => {
    expect(purposeMismatch({ requester: 'DEP A', reason, caseNumber: '26-1', ...(purposeCode ? { purposeCode } : {}) }, settings)?.kind).toBe(expected);
  });

  it('reads the documented reason for no case number too, and can be switched off', () => {
    expect(purposeMismatch({ requester: 'DEP A', reason: 'RECORD REVIEW', noCaseReason: 'PERMIT DESK', purposeCode: 'C' }, settings)?.kind).toBe('purpose-mismatch');
    expect(purposeMismatch({ requester: 'DEP A', reason: 'CCW PERMIT', caseNumber: '26-1', purposeCode: 'C' }, { ...settings, enabled: false })).toBeUndefined();
  });
});

describe('one operator active from two addresses at once', () => {
  const MINUTE = 60_000;
  // Each row: [address, terminal, minutes after the start, flagged?]
  it.each([
    ['two desks at two addresses within the window', [['10.0.0.1', 'LA01', 0, false], ['10.0.0.9', 'LA03', 2, true]]],
    ['two addresses, but far apart in time', [['10.0.0.1', 'LA01', 0, false], ['10.0.0.9', 'LA03', 11, false]]],
    ['a patrol car that reconnected from a new address', [['10.0.0.1', 'LA05', 0, false], ['10.9.9.9', 'LA05', 1, false]]],
    ['two terminals at one address', [['10.0.0.1', 'LA01', 0, false], ['10.0.0.1', 'LA03', 1, false]]],
    ['back and forth: flagged once per pair and window', [['10.0.0.1', 'LA01', 0, false], ['10.0.0.9', 'LA03', 1, true], ['10.0.0.1', 'LA01', 2, false], ['10.0.0.9', 'LA03', 3, false]]],
    ['a third address is a new pair', [['10.0.0.1', 'LA01', 0, false], ['10.0.0.9', 'LA03', 1, true], ['10.0.0.7', 'LA04', 2, true]]],
  ] as const)('%s', (_label, steps) => {
    const tracker = new ActivityTracker(() => 10 * MINUTE);
    const flagged = steps.map(([address, terminal, minutes]) => tracker.record('OP1', address, terminal, minutes * MINUTE)?.kind === 'two-addresses');
    expect(flagged).toEqual(steps.map((step) => step[3]));
  });

  it('counts a place seen again from the last time it was seen', () => {
    const tracker = new ActivityTracker(() => 10 * MINUTE);
    tracker.record('OP1', '10.0.0.1', 'LA01', 0);
    tracker.record('OP1', '10.0.0.1', 'LA01', 8 * MINUTE);
    expect(tracker.record('OP1', '10.0.0.9', 'LA03', 15 * MINUTE)?.detail).toBe('operator OP1 active from 10.0.0.1 at LA01 420 s before acting from 10.0.0.9 at LA03');
  });

  it('keeps operators apart', () => {
    const tracker = new ActivityTracker(() => 10 * MINUTE);
    tracker.record('OP1', '10.0.0.1', 'LA01', 0);
    expect(tracker.record('OP2', '10.0.0.9', 'LA03', MINUTE)).toBeUndefined();
  });
});
