import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELDS, fieldDefinition, STATE_CODES, vinCheckDigit } from './fields.js';

function edit(tag: string, value: string): string | undefined {
  const definition = fieldDefinition(tag);
  if (definition === undefined) throw new Error(`no field ${tag}`);
  return definition.edit(value);
}

/** The 33 VIN characters: digits and letters without I, O, Q. */
const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const vinChar = fc.constantFrom(...VIN_ALPHABET.split(''));
/** A 17-character VIN whose position 9 carries its check digit. */
const validVin = fc.array(vinChar, { minLength: 17, maxLength: 17 }).map((chars) => {
  const draft = chars.join('');
  return `${draft.slice(0, 8)}${vinCheckDigit(draft) ?? '0'}${draft.slice(9)}`;
});

/** Any ASCII character, control characters included, and a few non-ASCII ones. */
const anyCharacter = fc.oneof(
  fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\u00e9', '\u00a0', '\u2028', '\u{1F600}', '\uFF21'),
);

describe('FIELDS', () => {
  it('keys each definition by its own tag, with a name, a length and an example within it', () => {
    for (const [tag, definition] of FIELDS) {
      expect(definition.tag).toBe(tag);
      expect(tag).toMatch(/^[A-Z]{2,4}$/);
      expect(definition.name.length).toBeGreaterThan(0);
      expect(definition.example.length).toBeLessThanOrEqual(definition.maxLength);
    }
  });

  it('accepts every example by its own edit', () => {
    for (const definition of FIELDS.values()) expect(definition.edit(definition.example), definition.tag).toBeUndefined();
  });

  it('refuses empty and over-long values, naming the tag', () => {
    for (const definition of FIELDS.values()) {
      expect(definition.edit('')).toBe(`${definition.tag} is empty`);
      expect(definition.edit('9'.repeat(definition.maxLength + 1))).toMatch(new RegExp(`^${definition.tag} .*at most ${definition.maxLength}$`));
    }
  });

  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS.keys()), fc.string({ maxLength: 40, unit: anyCharacter }), (tag, value) => {
        const result = edit(tag, value);
        expect(result === undefined || result.startsWith(tag)).toBe(true);
      }),
    );
  }, 20_000);
});

describe('field edits', () => {
  // [tag, value, undefined when valid | a fragment of the reason]
  const cases: [string, string, string | undefined][] = [
    ['ORI', 'CA0194200', undefined],
    ['ORI', 'CA019420', 'must be'],
    ['ORI', 'C10194200', 'must be'],
    ['NAM', 'DOE,JOHN', undefined],
    ['NAM', "O'BRIEN-SMITH,MARY ANN", undefined],
    ['NAM', 'DOE JOHN', 'no comma'],
    ['NAM', 'DOE,JOHN,JR', 'more than one comma'],
    ['NAM', ',JOHN', 'no last name'],
    ['NAM', 'DOE,', 'no first name'],
    ['NAM', 'DOE,JOHN2', "character '2' at 9"],
    ['NAM', 'DOE, JOHN', 'begin and end with a letter'],
    ['NAM', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ,ABCD', 'at most 30'],
    ['SEX', 'F', undefined],
    ['SEX', 'Q', 'not a sex code'],
    ['RAC', 'A', undefined],
    ['RAC', 'H', 'not a race code'],
    ['HGT', '510', undefined],
    ['HGT', '800', undefined],
    ['HGT', '512', 'inches 12 is not 00-11'],
    ['HGT', '910', 'feet 9 is not 1-8'],
    ['HGT', '010', 'feet 0 is not 1-8'],
    ['HGT', '5', 'write 3 digits'],
    ['WGT', '1', undefined],
    ['WGT', '999', undefined],
    ['WGT', '0', 'weight 0'],
    ['WGT', '1000', 'at most 3'],
    ['WGT', '17A', 'in pounds'],
    ['EYE', 'HAZ', undefined],
    ['EYE', 'PUR', 'not an eye colour code'],
    ['HAI', 'SDY', undefined],
    ['HAI', 'YEL', 'not a hair colour code'],
    ['SOC', '123456789', undefined],
    ['SOC', '935171931', undefined], // area 9xx: never issued, so the synthetic data uses it
    ['SOC', '000456789', 'area 000'],
    ['SOC', '666456789', 'area 666'],
    ['SOC', '12345-678', 'write 9 digits'],
    ['SID', 'A47301233', undefined], // California CII number
    ['SID', 'TX54783238', undefined],
    ['SID', 'A4730123', 'write a California number'],
    ['SID', 'ZZ12345678', 'ZZ is not a state code'],
    ['OLS', 'NV', undefined],
    ['OLS', 'PR', undefined],
    ['OLS', 'ON', undefined],
    ['OLS', 'NL', 'not a state'],
    ['LIS', 'XX', 'not a state'],
    ['LIC', '8ABC123', undefined],
    ['LIC', '8ABC 123', 'must be'],
    ['LIY', '2027', undefined],
    ['LIY', '1899', 'year 1899 is outside 1900-2099'],
    ['LIT', 'MC', undefined],
    ['LIT', 'ZZ', 'not a plate type code'],
    ['VCO', 'WHI/BLU', undefined],
    ['VCO', 'WHI/ZZZ', 'ZZZ is not a vehicle colour code'],
    ['VCO', 'WHITE', 'write a colour code'],
    ['VMA', 'TOYT', undefined],
    ['VMA', 'T0YT', 'make code'],
    ['OCA', '26-001234', undefined],
    ['OCA', '-26001234', 'inner hyphens'],
    ['NIC', 'W123456789', undefined],
    ['NIC', '1123456789', 'one letter and 9 digits'],
    ['CAL', '9MM', undefined],
    ['CAL', '12GA', undefined],
    ['CAL', '.45', 'must be'],
    ['MAK', 'SMITH & WESSON', undefined],
    ['MAK', 'SMITH. WESSON', "character '.'"],
    ['REG', 'CF1234AB', undefined],
    ['POT', 'GVRO', undefined],
    ['POT', 'TRO', 'not an order type'],
    ['EXL', '4', undefined],
    ['EXL', '7', 'not an extradition code'],
    ['RNO', '3', undefined],
    ['RNO', '4', '1, 2 or 3'],
    ['CNF', 'T', undefined],
    ['ABY', '1430', undefined],
    ['ABY', '202603101430', undefined],
    ['ABY', '2460', 'hour 24 is not 00-23'],
    ['ABY', '1460', 'minute 60 is not 00-59'],
    ['ABY', '202613101430', 'month 13 is not a month'],
    ['MIS', 'SUBJECT MAY BE ARMED', undefined],
    ['MIS', 'ARMED. DANGEROUS', 'period at 6'],
    ['MIS', 'armed', "lower-case 'a'"],
    ['MIS', ' ARMED', 'leading or trailing blank'],
    ['TXT', 'Attempt to locate. Gray sedan.\nPlate 8ABC123.', undefined],
    ['TXT', 'TAB\tHERE', 'not printable'],
    ['TXT', 'TRAILING ', 'leading or trailing blank'],
  ];

  it.each(cases)('%s %j', (tag, value, expected) => {
    const result = edit(tag, value);
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(expected);
  });

  it('names the tag and the value in the reason', () => {
    expect(edit('DOB', '19801345')).toBe('DOB 19801345: month 13 is not a month');
  });
});

describe('dates (DOB and every CCYYMMDD field)', () => {
  it.each([
    ['20000229', undefined], // divisible by 400: leap
    ['20240229', undefined],
    ['19000229', '1900 is not a leap year: FEBRUARY has 28 days'], // divisible by 100, not 400
    ['20230229', '2023 is not a leap year'],
    ['20240230', 'day 30 is not a day of FEBRUARY (29 days)'],
    ['19800431', 'day 31 is not a day of APRIL (30 days)'],
    ['19800100', 'day 00 is not a day of JANUARY'],
    ['19800015', 'month 00 is not a month'],
    ['18991231', 'year 1899 is outside 1900-2099'],
    ['21000101', 'year 2100 is outside 1900-2099'],
    ['19000101', undefined],
    ['20991231', undefined],
    ['1980011', 'write the date as CCYYMMDD'],
    ['1980-1-15', 'at most 8'],
    ['1980011A', 'write the date as CCYYMMDD'],
  ])('DOB %s', (value, expected) => {
    const result = edit('DOB', value);
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(expected);
  });

  it('agrees with the calendar for every date 1900-2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const value = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
        const date = new Date(Date.UTC(year, month - 1, day));
        const real = month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        expect(edit('DOB', value) === undefined).toBe(real);
      }),
    );
  }, 20_000);
});

describe('VIN', () => {
  it('computes the check digit of the textbook example 1M8GDM9AXKP042788', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(edit('VIN', '1M8GDM9AXKP042788')).toBeUndefined();
  });

  it('computes check digits of synthetic VINs worked by hand', () => {
    // 11111111?11111111: every value 1, weights sum to 89, 89 mod 11 = 1.
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    // All zeros: sum 0.
    expect(vinCheckDigit('00000000000000000')).toBe('0');
    // A=1 like 1, so AAAAAAAA?AAAAAAAA also sums to 89.
    expect(vinCheckDigit('AAAAAAAA1AAAAAAAA')).toBe('1');
    // Position 9 has weight 0: whatever stands there, the digit is the same.
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
  });

  it('refuses a 17-character VIN whose check digit does not match, saying which is right', () => {
    expect(edit('VIN', '1M8GDM9A7KP042788')).toBe('VIN 1M8GDM9A7KP042788: check digit (position 9) is 7, should be X');
  });

  it('refuses I, O and Q, and accepts shorter pre-1981 VINs without a check digit', () => {
    expect(edit('VIN', '1M8GDM9AXKP0427O8')).toContain('I, O and Q never appear in a VIN');
    expect(edit('VIN', '1M8GDM9AXKQ042788')).toContain('letter Q at 11');
    expect(edit('VIN', '124379N123456')).toBeUndefined();
    expect(vinCheckDigit('124379N123456')).toBeUndefined();
    expect(vinCheckDigit('1M8GDM9AXKP04278I')).toBeUndefined();
  });

  it('accepts every VIN carrying its check digit and refuses every other digit there', () => {
    fc.assert(
      fc.property(validVin, fc.constantFrom(...'0123456789X'.split('')), (vin, digit) => {
        expect(edit('VIN', vin)).toBeUndefined();
        const altered = `${vin.slice(0, 8)}${digit}${vin.slice(9)}`;
        expect(edit('VIN', altered) === undefined).toBe(digit === vin[8]);
      }),
    );
  });
});

describe('STATE_CODES', () => {
  it('holds the 50 states, DC, 5 territories and 13 Canadian provinces and territories', () => {
    expect(STATE_CODES.size).toBe(51 + 5 + 13);
    expect(STATE_CODES.has('CA')).toBe(true);
    expect(STATE_CODES.has('DC')).toBe(true);
    expect(STATE_CODES.has('NL')).toBe(false); // Nlets' every-state address, never a licence state
  });
});
