import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AM_MAX_DESTINATIONS, CATALOGUE, exampleTransaction, fieldsOfKey, messageKey } from './catalogue.js';
import type { MessageKeyDefinition } from './catalogue-types.js';
import { CletsError, type ErrorCode } from './errors.js';
import { parseMnemonic } from './mnemonic.js';
import type { Field, Transaction } from './types.js';
import { FIELDS } from './fields.js';
import { checkRoleForKey, destinationKind, validateTransaction, type ValidateOptions } from './validate.js';

function definitionOf(key: string): MessageKeyDefinition {
  const definition = messageKey(key);
  if (definition === undefined) throw new Error(`no key ${key}`);
  return definition;
}

function example(key: string): Transaction {
  return exampleTransaction(definitionOf(key));
}

function withFields(transaction: Transaction, fields: Field[]): Transaction {
  return { ...transaction, fields };
}

/** Runs `action`, expecting a CletsError with `code` (and `field` when given); returns it. */
function expectError(action: () => unknown, code: ErrorCode, field?: string): CletsError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(CletsError);
  const error = caught as CletsError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

function validate(transaction: Transaction, options?: ValidateOptions) {
  return validateTransaction(transaction, options);
}

const ROUTABLE_KEYS = [...CATALOGUE.values()].filter((definition) => definition.action !== 'switch').map((definition) => definition.key);
const SWITCH_KEYS = [...CATALOGUE.values()].filter((definition) => definition.action === 'switch').map((definition) => definition.key);

describe.each(ROUTABLE_KEYS)('validateTransaction %s', (key) => {
  const definition = definitionOf(key);
  const valid = example(key);
  const fields = valid.fields ?? [];

  it('accepts a valid message and returns its definition and fields', () => {
    const validated = validate(valid);
    expect(validated.definition).toBe(definition);
    expect(validated.transaction).toBe(valid);
    expect([...validated.fields]).toEqual(fields.map((field) => [field.tag, field.value]));
  });

  it.each(definition.required)('refuses it without required field %s', (tag) => {
    const error = expectError(() => validate(withFields(valid, fields.filter((field) => field.tag !== tag))), 'CLETS_ERR_FIELD_MISSING', tag);
    expect(error.message).toContain(`${key} needs ${tag}`);
  });

  it.each(definition.anyOf.map((group) => [group.join('|'), group] as const))('refuses it without any of %s, naming the alternatives', (_, group) => {
    const error = expectError(() => validate(withFields(valid, fields.filter((field) => !group.includes(field.tag ?? '')))), 'CLETS_ERR_FIELD_MISSING', group[0]);
    for (const tag of group) expect(error.message).toContain(tag);
  });

  it.each(fields.map((field) => field.tag ?? ''))('refuses a value failing the edit of %s', (tag) => {
    for (const bad of ['\u0001', 'X'.repeat(5000)]) {
      const broken = fields.map((field) => (field.tag === tag ? { tag, value: bad } : field));
      expectError(() => validate(withFields(valid, broken)), 'CLETS_ERR_FIELD_INVALID', tag);
    }
  });

  it('refuses a field the key does not take', () => {
    expectError(() => validate(withFields(valid, [{ tag: 'ZZZ', value: '1' }, ...fields])), 'CLETS_ERR_FIELD_UNKNOWN', 'ZZZ');
    const foreign = ['BHN', 'NAM', 'CNF'].find((tag) => !fieldsOfKey(definition).includes(tag)) ?? 'BHN';
    const error = expectError(() => validate(withFields(valid, [{ tag: foreign, value: 'X' }, ...fields])), 'CLETS_ERR_FIELD_UNKNOWN', foreign);
    expect(error.message).toContain(`${key} does not take ${foreign}`);
  });

  it('refuses a field given twice', () => {
    // A key whose fields are all optional (LOG) has an example without any: one of them, twice.
    const optional = definition.optional[0];
    const first = fields[0] ?? (optional === undefined ? undefined : { tag: optional, value: FIELDS.get(optional)?.example ?? '' });
    if (first === undefined) throw new Error('example without fields');
    expectError(() => validate(withFields(valid, [first, ...(fields.length > 0 ? fields : [first])])), 'CLETS_ERR_FIELD_DUPLICATE', first.tag ?? '');
  });

  it(`${definition.fullAccessOnly ? 'refuses' : 'allows'} a less-than-full-access operator`, () => {
    expect(() => checkRoleForKey(definition, { fullAccess: true })).not.toThrow();
    if (definition.action === 'update') expectError(() => checkRoleForKey(definition, { fullAccess: false }), 'CLETS_ERR_ROLE_NOT_PERMITTED');
    else expect(() => checkRoleForKey(definition, { fullAccess: false })).not.toThrow();
  });

  it(definition.routeToRequired ? 'refuses it without a route-to' : 'accepts it without a route-to', () => {
    const bare: Transaction = { ...valid, routeTo: null };
    if (definition.routeToRequired) expectError(() => validate(bare), 'CLETS_ERR_ROUTE_TO_MISSING', 'RTE');
    else expect(() => validate(bare)).not.toThrow();
  });

  it(definition.purposeCodeRequired ? 'refuses it without a purpose code' : 'needs no purpose code', () => {
    const noPurpose: Transaction = { ...valid, routeTo: { ...valid.routeTo, purposeCode: '' } };
    if (definition.purposeCodeRequired) expectError(() => validate(noPurpose), 'CLETS_ERR_PURPOSE_CODE_MISSING', 'PUR');
    else expect(() => validate(noPurpose)).not.toThrow();
  });
});

describe('validateTransaction: keys', () => {
  it('refuses an unknown or missing message key', () => {
    expectError(() => validate({ header: { messageKey: 'QZ' } }), 'CLETS_ERR_UNKNOWN_MESSAGE_KEY', 'MKE');
    expectError(() => validate({}), 'CLETS_ERR_UNKNOWN_MESSAGE_KEY', 'MKE');
  });

  it.each(SWITCH_KEYS)('refuses switch-only %s from a terminal, and accepts it from a link', (key) => {
    const transaction: Transaction = { header: { messageKey: key, ori: 'CA0190000' } };
    expectError(() => validate(transaction), 'CLETS_ERR_KEY_NOT_FROM_TERMINAL', 'MKE');
    expectError(() => validate(transaction, { fromTerminal: true }), 'CLETS_ERR_KEY_NOT_FROM_TERMINAL');
    expect(validate(transaction, { fromTerminal: false }).definition.key).toBe(key);
  });

  it('refuses a malformed ORI, and leaves an empty one for the switch to fill', () => {
    const qw = example('QW');
    expectError(() => validate({ ...qw, header: { ...qw.header, ori: 'CA01' } }), 'CLETS_ERR_FIELD_INVALID', 'ORI');
    expect(() => validate({ ...qw, header: { ...qw.header, ori: '' } })).not.toThrow();
  });
});

describe('validateTransaction: field rules', () => {
  const base = (key: string, fields: [string, string][]): Transaction => ({ ...example(key), fields: fields.map(([tag, value]) => ({ tag, value })) });

  it('refuses fields that exclude each other (QR by SID or FBI, not both)', () => {
    expectError(() => validate(base('QR', [['SID', 'CA12345678'], ['FBI', '123456AB1']])), 'CLETS_ERR_FIELD_CONFLICT', 'FBI');
  });

  it('refuses a field without the fields it needs (LIC needs LIS)', () => {
    const error = expectError(() => validate(base('QV', [['LIC', '8ABC123']])), 'CLETS_ERR_FIELD_MISSING', 'LIS');
    expect(error.message).toContain('LIC needs LIS');
    expect(() => validate(base('QV', [['VIN', '1M8GDM9AXKP042788']]))).not.toThrow();
  });

  it('refuses YR CNF/T without the time it promises (ABY)', () => {
    expectError(() => validate(base('YR', [['NIC', 'W123456789'], ['CNF', 'T']])), 'CLETS_ERR_FIELD_MISSING', 'ABY');
    expect(() => validate(base('YR', [['NIC', 'W123456789'], ['CNF', 'T'], ['ABY', '1430']]))).not.toThrow();
    expect(() => validate(base('YR', [['NIC', 'W123456789'], ['CNF', 'N']]))).not.toThrow();
  });

  it('refuses MPO that changes nothing', () => {
    const error = expectError(() => validate(base('MPO', [['NIC', 'H123456789']])), 'CLETS_ERR_FIELD_MISSING', 'EXP');
    expect(error.message).toContain('at least one of EXP');
  });

  it('keeps TXT last, as the mnemonic line does', () => {
    expectError(() => validate(base('AM', [['TXT', 'HELLO'], ['CAU', 'ARMED']])), 'CLETS_ERR_FIELD_INVALID', 'TXT');
    expect(() => validate(base('AM', [['CAU', 'ARMED'], ['TXT', 'Hello. World.']]))).not.toThrow();
  });

  it('refuses a field without a tag', () => {
    expectError(() => validate(base('QW', [['', 'X'], ['NAM', 'DOE,JOHN'], ['DOB', '19800115']])), 'CLETS_ERR_FIELD_UNKNOWN', '');
  });

  it('gives the column of the field at fault when the transaction came as text', () => {
    const line = 'QW.CA0190000.NAM/DOE,JOHN.DOB/19801345.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:26-1';
    const error = expectError(() => validate(parseMnemonic(line)), 'CLETS_ERR_FIELD_INVALID', 'DOB');
    expect(error.position).toBe(27);
    expect(error.message).toContain('DOB 19801345: month 13 is not a month');
  });
});

describe('validateTransaction: route-to', () => {
  const qw = example('QW');
  const withRouteTo = (routeTo: Transaction['routeTo']): Transaction => ({ ...qw, routeTo });

  it('refuses a route-to without requester, reason, or case number, naming the part', () => {
    const full = { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP', caseNumber: '26-1' };
    expect(expectError(() => validate(withRouteTo({ ...full, requester: '' })), 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'RTE').message).toContain('requester (REQ)');
    expect(expectError(() => validate(withRouteTo({ ...full, reason: '' })), 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'RTE').message).toContain('reason (RSN)');
    expect(expectError(() => validate(withRouteTo({ ...full, caseNumber: '' })), 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'RTE').message).toContain('case number (CASE)');
    expect(() => validate(withRouteTo({ ...full, caseNumber: '', noCaseReason: 'FIELD CONTACT' }))).not.toThrow();
  });

  it('counts a route-to with only an operator, purpose or attention as missing', () => {
    expectError(() => validate(withRouteTo({})), 'CLETS_ERR_ROUTE_TO_MISSING');
    expectError(() => validate(withRouteTo({ operator: 'OP1001', purposeCode: 'C', attention: 'DET KRAMER' })), 'CLETS_ERR_ROUTE_TO_MISSING');
  });

  it('refuses a case number together with a reason there is none', () => {
    expectError(() => validate(withRouteTo({ ...qw.routeTo, noCaseReason: 'FIELD CONTACT' })), 'CLETS_ERR_FIELD_CONFLICT', 'RTE');
  });

  it('refuses route-to text the mnemonic line cannot carry', () => {
    for (const reason of ['traffic stop', 'STOP. SUSPECT', 'STOP;SUSPECT', ' STOP', 'X'.repeat(81)]) {
      expectError(() => validate(withRouteTo({ ...qw.routeTo, reason })), 'CLETS_ERR_FIELD_INVALID', 'RTE');
    }
    expectError(() => validate(withRouteTo({ ...qw.routeTo, caseNumber: '26 001' })), 'CLETS_ERR_FIELD_INVALID', 'RTE');
  });

  it('refuses an unknown purpose code and leaves federal-only codes to the security policy', () => {
    const qh = example('QH');
    expectError(() => validate({ ...qh, routeTo: { ...qh.routeTo, purposeCode: 'Z' } }), 'CLETS_ERR_PURPOSE_CODE_INVALID', 'PUR');
    for (const code of ['C', 'J', 'D', 'F', 'H', 'I', 'A', 'S', 'V', 'X', 'R']) {
      expect(() => validate({ ...qh, routeTo: { ...qh.routeTo, purposeCode: code } })).not.toThrow();
    }
    // A purpose code on a key that does not need one must still be a code.
    expectError(() => validate(withRouteTo({ ...qw.routeTo, purposeCode: 'CJ' })), 'CLETS_ERR_PURPOSE_CODE_INVALID');
  });
});

describe('validateTransaction: destinations', () => {
  const to = (key: string, destinations: string[]): Transaction => {
    const transaction = example(key);
    return { ...transaction, header: { ...transaction.header, destinations } };
  };

  it('needs Nlets state codes for IQ and FQ: any state but California, or NL alone', () => {
    for (const key of ['IQ', 'FQ']) {
      expectError(() => validate(to(key, [])), 'CLETS_ERR_DESTINATION_INVALID');
      expectError(() => validate(to(key, ['CA'])), 'CLETS_ERR_DESTINATION_INVALID');
      expectError(() => validate(to(key, ['ZZ'])), 'CLETS_ERR_DESTINATION_INVALID');
      expectError(() => validate(to(key, ['NV', 'NV'])), 'CLETS_ERR_DESTINATION_INVALID');
      expectError(() => validate(to(key, ['NL', 'NV'])), 'CLETS_ERR_DESTINATION_INVALID');
      expect(() => validate(to(key, ['NV', 'AZ', 'PR']))).not.toThrow();
      expect(() => validate(to(key, ['NL']))).not.toThrow();
    }
  });

  it('sends AM to ORIs, terminals, counties and ALL', () => {
    expect(() => validate(to('AM', ['CA0370000', 'PD01', 'C19', 'C58', 'ALL']))).not.toThrow();
    for (const bad of [[], ['C00'], ['C59'], ['PD1'], ['CA03700001'], ['ALL', 'ALL']]) {
      expectError(() => validate(to('AM', bad)), 'CLETS_ERR_DESTINATION_INVALID');
    }
  });

  it('sends one AM to at most 20 destinations', () => {
    const oris = (count: number) => Array.from({ length: count }, (_, index) => `CA0${String(190000 + index).padStart(6, '0')}`);
    expect(() => validate(to('AM', oris(AM_MAX_DESTINATIONS)))).not.toThrow();
    expectError(() => validate(to('AM', oris(AM_MAX_DESTINATIONS + 1))), 'CLETS_ERR_DESTINATION_INVALID');
    expectError(() => validate(to('AM', [...oris(6_000), 'CA0190000'])), 'CLETS_ERR_DESTINATION_INVALID');
  });

  it('sends YR to exactly one ORI, and YQ to up to three', () => {
    for (const key of ['YQ', 'YR']) {
      expect(() => validate(to(key, ['NV0130000']))).not.toThrow();
      expectError(() => validate(to(key, ['PD01'])), 'CLETS_ERR_DESTINATION_INVALID');
      expectError(() => validate(to(key, ['ALL'])), 'CLETS_ERR_DESTINATION_INVALID');
    }
    expectError(() => validate(to('YR', ['CA0370000', 'CA0190000'])), 'CLETS_ERR_DESTINATION_INVALID');
    expect(() => validate(to('YQ', ['CA0370000', 'CA0190000', 'CA0190100']))).not.toThrow();
    expectError(() => validate(to('YQ', ['CA0370000', 'CA0190000', 'CA0190100', 'CA0190200'])), 'CLETS_ERR_DESTINATION_INVALID');
    expectError(() => validate(to('YQ', ['CA0370000', 'PD01'])), 'CLETS_ERR_DESTINATION_INVALID');
  });

  it('refuses a YQ whose data set does not fit the record type its NIC names', () => {
    const yq = (fields: Field[]) => withFields(to('YQ', ['CA0190000']), [
      { tag: 'NIC', value: fields[0]?.value ?? '' }, { tag: 'PRI', value: 'U' }, { tag: 'RNO', value: '1' }, ...fields.slice(1),
    ]);
    const person = expectError(() => validate(yq([{ tag: 'NIC', value: 'W297823148' }, { tag: 'LIC', value: '7DM0636' }, { tag: 'LIS', value: 'CA' }])), 'CLETS_ERR_CONFIRMATION_DATA_SET', 'NAM');
    expect(person.message).toMatch(/WANTED PERSON record\) needs NAM .*: LIC does not identify a WANTED PERSON record/);
    expectError(() => validate(yq([{ tag: 'NIC', value: 'V289052275' }, { tag: 'NAM', value: 'KORVALE,DESMIN' }])), 'CLETS_ERR_CONFIRMATION_DATA_SET', 'LIC');
    expectError(() => validate(yq([{ tag: 'NIC', value: 'G100000001' }])), 'CLETS_ERR_CONFIRMATION_DATA_SET', 'SER');
    expect(() => validate(yq([{ tag: 'NIC', value: 'W297823148' }, { tag: 'NAM', value: 'KORVALE,DESMIN' }]))).not.toThrow();
    expect(() => validate(yq([{ tag: 'NIC', value: 'V289052275' }, { tag: 'VIN', value: '4T1B11HK5KC271828' }]))).not.toThrow();
    expect(() => validate(yq([{ tag: 'NIC', value: 'B100000001' }, { tag: 'REG', value: 'CF1234AB' }]))).not.toThrow();
  });

  it('classifies destinations', () => {
    expect(['ALL', 'C19', 'CA0370000', 'PD01', 'C99', 'NV', 'ca0370000'].map(destinationKind)).toEqual(['all', 'county', 'ori', 'terminal', undefined, undefined, undefined]);
  });
});

describe('validateTransaction: robustness', () => {
  it('throws nothing but a CletsError, whatever the transaction', () => {
    const keys = [...CATALOGUE.keys(), 'QZ', ''];
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.array(fc.record({ tag: fc.oneof(fc.constantFrom('NAM', 'DOB', 'LIC', 'LIS', 'VIN', 'TXT', 'NIC', 'OLS'), text), value: text }), { maxLength: 6 }),
        fc.option(fc.record({ requester: text, reason: text, caseNumber: text, purposeCode: text }), { nil: null }),
        fc.array(text, { maxLength: 3 }),
        fc.boolean(),
        (messageKey, fields, routeTo, destinations, fromTerminal) => {
          try {
            validate({ header: { messageKey, ori: 'CA0190000', destinations }, fields, routeTo }, { fromTerminal });
          } catch (error) {
            expect(error).toBeInstanceOf(CletsError);
          }
        },
      ),
    );
  }, 20_000);
});
