import { describe, expect, it } from 'vitest';
import { CletsError } from './errors.js';
import { parseMnemonic } from './mnemonic.js';
import { normalizeDateOfBirth, normalizeIdentifier, normalizeName, personKeys, subjectKeys, subjectSearchKeys, SUBJECT_KEY_PATTERN } from './subject-keys.js';
import type { Transaction } from './types.js';

const tx = (fields: Record<string, string>, caseNumber?: string): Transaction => ({
  header: { messageKey: 'QW', ori: 'CA0190000' },
  fields: Object.entries(fields).map(([tag, value]) => ({ tag, value })),
  ...(caseNumber === undefined ? {} : { routeTo: { requester: 'DEP R VALE 4411', caseNumber } }),
});

describe('subjectKeys: one row per key kind', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['name and DOB', { NAM: 'KORVALE,DESMIN ARLO', DOB: '19860412', SEX: 'M' }, ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412']],
    ['name without DOB', { NAM: 'KORVALE,DESMIN', SOC: '900123456' }, ['NAM:KORVALE,DESMIN', 'PHN:CARVAL,D', 'SOC:900123456']],
    ['protected person of an order', { NAM: 'QUILLAN,ORREN', DOB: '19800115', PNO: 'MARLOWE,TESSA', PDB: '19850704' },
      ['NAM:MARLOWE,TESSA/19850704', 'NAM:QUILLAN,ORREN/19800115', 'PHN:MARL,T/19850704', 'PHN:QALAN,O/19800115']],
    ['SOC', { SOC: '900-12-3456' }, ['SOC:900123456']],
    ['OLN and state', { OLN: 'D1234567', OLS: 'CA' }, ['OLN:D1234567/CA']],
    ['OLN without state', { OLN: 'd1234567' }, ['OLN:D1234567']],
    ['plate and state', { LIC: '8ABC123', LIS: 'NV' }, ['LIC:8ABC123/NV']],
    ['VIN', { VIN: '1M8GDM9AXKP042788' }, ['VIN:1M8GDM9AXKP042788']],
    ['gun serial', { SER: 'TX-12345', MAK: 'SMITH & WESSON' }, ['SER:TX12345']],
    ['FBI', { FBI: '123456AB1' }, ['FBI:123456AB1']],
    ['SID, California written with its state code', { SID: 'CA12345678' }, ['SID:A12345678']],
    ['SID of another state', { SID: 'NV12345678' }, ['SID:NV12345678']],
    ['NIC', { NIC: 'W123456789' }, ['NIC:W123456789']],
    ['OCA', { OCA: '26-001234' }, ['CASE:26001234']],
    ['boat', { BHN: 'ABC12345D607', REG: 'CF1234AB' }, ['BHN:ABC12345D607', 'REG:CF1234AB']],
    ['free text only', { TXT: 'ATTEMPT TO LOCATE KORVALE,DESMIN. PLATE 8ABC123.' }, []],
  ])('%s', (_name, fields, keys) => {
    expect(subjectKeys(tx(fields))).toEqual(keys);
  });

  it('adds the route-to case number, once when it is the OCA too', () => {
    expect(subjectKeys(tx({ LIC: '8ABC123', LIS: 'CA' }, '26-001234'))).toEqual(['CASE:26001234', 'LIC:8ABC123/CA']);
    expect(subjectKeys(tx({ OCA: '26001234' }, '26-001234'))).toEqual(['CASE:26001234']);
  });

  it('reads a text-only transaction, even one that does not parse, up to TXT', () => {
    const line = 'QW.CA0190000.NAM/korvale, desmin.DOB/19860412.RTE/REQ:DEP R VALE 4411;CASE:26-001234';
    expect(subjectKeys({ text: line })).toEqual(subjectKeys(parseMnemonic(line)));
    expect(subjectKeys({ text: line })).toContain('CASE:26001234');
    expect(subjectKeys({ text: 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/1986041..BOGUS' })).toEqual(['NAM:KORVALE,DESMIN', 'PHN:CARVAL,D']);
    expect(subjectKeys({ text: 'AM.CA0190000.CA0370000.TXT/LIC/8ABC123.' })).toEqual([]);
  });

  it('gives only keys of the documented shape, sorted, without repeats', () => {
    const keys = subjectKeys(tx({ NAM: `${'X'.repeat(200)},Y`, VIN: '---', OLN: 'A1', OLS: 'CALIFORNIA' }));
    expect(keys).toEqual(['OLN:A1', 'PHN:X,Y']);
    for (const key of keys) expect(key).toMatch(SUBJECT_KEY_PATTERN);
  });
});

describe('normalisation', () => {
  it('writes names LAST,FIRST in letters only, without the middle name', () => {
    expect(normalizeName("o'neil, sean patrick")).toEqual({ last: 'ONEIL', first: 'SEAN' });
    expect(normalizeName('DE LA CRUZ,MARIA-LUISA')).toEqual({ last: 'DELACRUZ', first: 'MARIALUISA' });
    expect(normalizeName('KORVALE DESMIN')).toBeUndefined();
    expect(normalizeName(',DESMIN')).toBeUndefined();
    expect(normalizeName('KORVALE,')).toBeUndefined();
  });

  it('keeps letters and digits of numbers, the 8 digits of a date of birth', () => {
    expect(normalizeIdentifier(' 26-001 234/a ')).toBe('26001234A');
    expect(normalizeDateOfBirth('1986-04-12')).toBe('19860412');
    expect(normalizeDateOfBirth('860412')).toBeUndefined();
  });

  it('makes KORVALE,DESMIN and CORVALE,DESMIN meet on the phonetic keys only', () => {
    const a = personKeys('KORVALE,DESMIN', '19860412');
    const b = personKeys('CORVALE,DESMIN', '19860412');
    expect(a.filter((key) => b.includes(key))).toEqual(['PHN:CARVAL,D/19860412']);
  });
});

describe('subjectSearchKeys', () => {
  it('looks up a name and DOB exactly and phonetically, or exactly only', () => {
    expect(subjectSearchKeys({ name: 'KORVALE, DESMIN', dob: '19860412' })).toEqual({
      exact: ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412'], prefixes: [],
    });
    // Without the date of birth: the name with any date, or none.
    expect(subjectSearchKeys({ name: 'korvale,desmin', phonetic: false })).toEqual({ exact: ['NAM:KORVALE,DESMIN'], prefixes: ['NAM:KORVALE,DESMIN/'] });
  });

  it('finds a plate or licence in every state when no state is given', () => {
    expect(subjectSearchKeys({ plate: '8abc123', state: 'ca' })).toEqual({ exact: ['LIC:8ABC123/CA'], prefixes: [] });
    expect(subjectSearchKeys({ oln: 'D1234567' })).toEqual({ exact: ['OLN:D1234567'], prefixes: ['OLN:D1234567/'] });
  });

  it('keys every identifier the way subjectKeys stores it', () => {
    const stored = subjectKeys(tx({ SOC: '900123456', VIN: '1M8GDM9AXKP042788', SER: 'TX12345', FBI: '123456AB1', SID: 'CA12345678', NIC: 'W123456789', OCA: '26-001234' }));
    const searched = subjectSearchKeys({
      soc: '900-12-3456', vin: '1m8gdm9axkp042788', serial: 'TX 12345', fbi: '123456AB1', sid: 'A12345678', nic: 'W123456789', caseNumber: '26001234',
    }).exact;
    expect([...searched].sort()).toEqual(stored);
  });

  it('refuses a query it cannot key, naming the field', () => {
    const field = (query: Parameters<typeof subjectSearchKeys>[0]): string | undefined => {
      try {
        subjectSearchKeys(query);
      } catch (error) {
        expect(error).toBeInstanceOf(CletsError);
        expect((error as CletsError).code).toBe('CLETS_ERR_REQUEST_INVALID');
        return (error as CletsError).field;
      }
      return undefined;
    };
    expect(field({ name: 'KORVALE' })).toBe('name');
    expect(field({ name: 'KORVALE,DESMIN', dob: '1986' })).toBe('dob');
    expect(field({ dob: '19860412' })).toBe('dob');
    expect(field({ plate: '8ABC123', state: 'CAL' })).toBe('state');
    expect(field({ state: 'CA' })).toBe('state');
    expect(field({ vin: '--' })).toBe('vin');
    expect(field({ serial: 'X'.repeat(100) })).toBe('query');
  });
});
