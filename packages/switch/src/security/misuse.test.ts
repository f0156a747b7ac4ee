import { describe, expect, it } from 'vitest';
import { findMisuse, parseNcicName, SubjectIndex } from './misuse.js';
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
