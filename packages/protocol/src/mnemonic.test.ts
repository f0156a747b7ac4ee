import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOGUE, HOME_STATE } from './catalogue.js';
import type { MessageKeyDefinition } from './catalogue-types.js';
import { CletsError, type ErrorCode } from './errors.js';
import {
  CONFIRMATION_CODES, EXTRADITION_CODES, EYE_CODES, FIELDS, HAIR_CODES, NLETS_STATE_CODES, ORDER_TYPE_CODES, PLATE_TYPE_CODES,
  PRIORITY_CODES, RACE_CODES, SEX_CODES, STATE_CODES, vinCheckDigit, WARRANT_TYPE_CODES, YES_NO_CODES,
} from './fields.js';
import { describeCatalogue, describeKey, formatRecord, formatReject, formatResponse, formatTransaction, parseMnemonic } from './mnemonic.js';
import { HitStatus, type RouteTo, type Transaction } from './types.js';
import { PURPOSE_CODES, validateTransaction } from './validate.js';

function expectError(action: () => unknown, code: ErrorCode, field: string | undefined, position?: number): CletsError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(CletsError);
  const error = caught as CletsError;
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
  if (position !== undefined) expect(error.position).toBe(position);
  return error;
}

describe('parseMnemonic', () => {
  it('parses the operator line of the brief', () => {
    const line = 'QW.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800115.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:24-001234';
    expect(parseMnemonic(line)).toEqual({
      header: { messageKey: 'QW', ori: 'CA0190000', destinations: [] },
      routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '24-001234' },
      fields: [{ tag: 'NAM', value: 'DOE,JOHN' }, { tag: 'SEX', value: 'M' }, { tag: 'DOB', value: '19800115' }],
      text: line,
    });
  });

  it('reads destinations up to the first TAG/VALUE, the control field, and top-level PUR and ATN', () => {
    const parsed = parseMnemonic('IQ.CA0190000.NV.AZ.CTL/A1B2.NAM/DOE,JOHN.SEX/M.DOB/19800115.PUR/C.ATN/DET KRAMER.RTE/REQ:DET KRAMER 201;OPR:OP1001;RSN:HOMICIDE SUSPECT;NOCASE:PRE-CASE LEAD');
    expect(parsed.header).toEqual({ messageKey: 'IQ', ori: 'CA0190000', destinations: ['NV', 'AZ'], control: 'A1B2' });
    expect(parsed.routeTo).toEqual({
      requester: 'DET KRAMER 201', operator: 'OP1001', reason: 'HOMICIDE SUSPECT', noCaseReason: 'PRE-CASE LEAD', purposeCode: 'C', attention: 'DET KRAMER',
    });
    expect(parsed.fields?.map((field) => field.tag)).toEqual(['NAM', 'SEX', 'DOB']);
  });

  it('upper-cases everything but TXT, which takes the rest of the line verbatim', () => {
    const line = 'am.ca0190000.c19.pd01.cau/armed.TXT/Attempt to locate: gray sedan. Plate 8ABC123. NAM/NOT A FIELD.';
    const parsed = parseMnemonic(line);
    expect(parsed.header).toEqual({ messageKey: 'AM', ori: 'CA0190000', destinations: ['C19', 'PD01'] });
    expect(parsed.fields).toEqual([
      { tag: 'CAU', value: 'ARMED' },
      { tag: 'TXT', value: 'Attempt to locate: gray sedan. Plate 8ABC123. NAM/NOT A FIELD.' },
    ]);
    expect(parsed.text).toBe(line);
  });

  it('splits a value at its first slash only, and a route-to member at its first colon', () => {
    const parsed = parseMnemonic('EV.CA0190000.VCO/WHI/BLU.RTE/REQ:SGT A:B 12;RSN:STOLEN;CASE:26-9');
    expect(parsed.fields).toEqual([{ tag: 'VCO', value: 'WHI/BLU' }]);
    expect(parsed.routeTo?.requester).toBe('SGT A:B 12');
  });

  it('forgives blanks around parts, one period ending the line, and a trailing semicolon in RTE', () => {
    const parsed = parseMnemonic('  QW.CA0190000. NAM/DOE,JOHN .DOB/ 19800115.RTE/REQ:A 1 ; RSN:B;CASE:C1;.\n');
    expect(parsed.fields).toEqual([{ tag: 'NAM', value: 'DOE,JOHN' }, { tag: 'DOB', value: '19800115' }]);
    expect(parsed.routeTo).toEqual({ requester: 'A 1', reason: 'B', caseNumber: 'C1' });
  });

  // [line, code, field, column, fragment of the message]
  const errors: [string, ErrorCode, string | undefined, number, string][] = [
    ['', 'CLETS_ERR_TEXT_SYNTAX', 'MKE', 1, 'empty message'],
    ['   ', 'CLETS_ERR_TEXT_SYNTAX', 'MKE', 1, 'empty message'],
    ['QW', 'CLETS_ERR_TEXT_SYNTAX', 'ORI', 3, 'no originating ORI'],
    ['Q.CA0190000', 'CLETS_ERR_TEXT_SYNTAX', 'MKE', 1, "part 1 'Q' at column 1 is not a message key"],
    ['QW.NAM/DOE,JOHN', 'CLETS_ERR_TEXT_SYNTAX', 'ORI', 4, "part 2 'NAM/DOE,JOHN' at column 4 is a TAG/VALUE"],
    ['QW.CA-190000.NAM/X', 'CLETS_ERR_TEXT_SYNTAX', 'ORI', 4, 'is not an ORI'],
    ['QW.CA0190000.NAM/DOE,JOHN.DOB19800115', 'CLETS_ERR_TEXT_SYNTAX', 'DOB', 27, "part 4 'DOB19800115' at column 27 has no '/': write TAG/VALUE"],
    ['QW.CA0190000..NAM/X', 'CLETS_ERR_TEXT_SYNTAX', undefined, 14, 'part 3 at column 14 is empty'],
    ['QW.CA0190000.NAM/', 'CLETS_ERR_TEXT_SYNTAX', 'NAM', 14, 'NAM at column 14 has no value'],
    ['QW.CA0190000.N4M/X', 'CLETS_ERR_TEXT_SYNTAX', 'N4M', 14, "tag 'N4M' at column 14 is not 2-4 letters"],
    ['QW.CA0190000./X', 'CLETS_ERR_TEXT_SYNTAX', undefined, 14, "tag '' at column 14"],
    ['AM.CA0190000.CA-0370000.TXT/X', 'CLETS_ERR_TEXT_SYNTAX', undefined, 14, 'is not a destination'],
    ['AM.CA0190000.C19.TXT/   ', 'CLETS_ERR_TEXT_SYNTAX', 'TXT', 18, 'TXT at column 18 has no text'],
    ['QW.CA0190000.NAM/DOE,JOHN.NAM/DOE,JANE', 'CLETS_ERR_FIELD_DUPLICATE', 'NAM', 27, 'NAM at column 27 given twice'],
    ['QW.CA0190000.CTL/A.NAM/X.CTL/B', 'CLETS_ERR_FIELD_DUPLICATE', 'CTL', 26, 'CTL at column 26 given twice'],
    ['QW.CA0190000.RTE/REQ:A.RTE/RSN:B', 'CLETS_ERR_FIELD_DUPLICATE', 'RTE', 24, 'RTE at column 24 given twice'],
    ['QH.CA0190000.PUR/C.RTE/REQ:A;PUR:J', 'CLETS_ERR_FIELD_DUPLICATE', 'PUR', 30, 'route-to PUR at column 30 given twice'],
    ['QH.CA0190000.RTE/REQ:A;REQ:B', 'CLETS_ERR_FIELD_DUPLICATE', 'RTE', 24, 'route-to REQ at column 24 given twice'],
    ['QW.CA0190000.RTE/REQ:A.REQ/B', 'CLETS_ERR_FIELD_DUPLICATE', 'REQ', 24, 'REQ at column 24 given twice'],
    ['QW.CA0190000.RTE/REQ:X;RSN Y', 'CLETS_ERR_TEXT_SYNTAX', 'RTE', 24, "route-to member 'RSN Y' at column 24 has no ':'"],
    ['QW.CA0190000.RTE/REQ:X;WHY:Y', 'CLETS_ERR_TEXT_SYNTAX', 'RTE', 24, "route-to member 'WHY' at column 24 is not one of REQ OPR RSN CASE NOCASE ATN PUR"],
    ['QW.CA0190000.RTE/REQ:X;;RSN:Y', 'CLETS_ERR_TEXT_SYNTAX', 'RTE', 24, 'empty route-to member at column 24'],
    ['QW.CA0190000.RTE/REQ:', 'CLETS_ERR_TEXT_SYNTAX', 'RTE', 18, 'route-to member REQ at column 18 has no value'],
  ];

  it.each(errors)('refuses %j with %s naming field %s at column %i', (line, code, field, column, fragment) => {
    const error = expectError(() => parseMnemonic(line), code, field, column);
    expect(error.message).toContain(fragment);
  });

  it('finds a tag given twice however many fields come between', () => {
    const tags = Array.from({ length: 40 }, (_, index) => `Q${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + Math.floor(index / 26))}`);
    const line = `QW.CA0190000.${tags.map((tag) => `${tag}/1`).join('.')}`;
    expect(parseMnemonic(line).fields?.map((field) => field.tag)).toEqual(tags);
    for (const again of [tags[0]!, tags[20]!, tags[39]!]) {
      const error = expectError(() => parseMnemonic(`${line}.${again}/2`), 'CLETS_ERR_FIELD_DUPLICATE', again, line.length + 2);
      expect(error.message).toContain(`${again} at column ${line.length + 2} given twice`);
    }
  });
});

describe('formatTransaction', () => {
  it('writes key, ORI, destinations, CTL, fields in order, RTE, and TXT last', () => {
    const transaction: Transaction = {
      header: { messageKey: 'AM', ori: 'CA0190000', destinations: ['CA0370000', 'C19'], control: 'A1B2' },
      routeTo: { requester: 'DISP J ORTIZ', purposeCode: 'A' },
      fields: [{ tag: 'CAU', value: 'ARMED' }, { tag: 'TXT', value: 'Attempt to locate. Gray sedan.' }],
    };
    expect(formatTransaction(transaction)).toBe('AM.CA0190000.CA0370000.C19.CTL/A1B2.CAU/ARMED.RTE/REQ:DISP J ORTIZ;PUR:A.TXT/Attempt to locate. Gray sedan.');
  });

  it('refuses what a mnemonic line cannot carry', () => {
    const ok: Transaction = { header: { messageKey: 'QW', ori: 'CA0190000' }, fields: [{ tag: 'NAM', value: 'DOE,JOHN' }] };
    const cases: [Transaction, string | undefined][] = [
      [{ ...ok, header: { ...ok.header, messageKey: '' } }, 'MKE'],
      [{ ...ok, header: { ...ok.header, ori: '' } }, 'ORI'],
      [{ ...ok, header: { ...ok.header, destinations: ['C.19'] } }, undefined],
      [{ ...ok, header: { ...ok.header, control: 'A.B' } }, 'CTL'],
      [{ ...ok, fields: [{ tag: 'MIS', value: 'ARMED. DANGEROUS' }] }, 'MIS'],
      [{ ...ok, fields: [{ tag: 'MIS', value: '' }] }, 'MIS'],
      [{ ...ok, fields: [{ tag: 'RTE', value: 'REQ:X' }] }, 'RTE'],
      [{ ...ok, fields: [{ tag: 'TXT', value: 'A' }, { tag: 'NAM', value: 'DOE,JOHN' }] }, 'TXT'],
      [{ ...ok, routeTo: { reason: 'STOP;FRISK' } }, 'RTE'],
    ];
    for (const [transaction, field] of cases) expectError(() => formatTransaction(transaction), 'CLETS_ERR_TEXT_SYNTAX', field);
  });
});

// --- round trip: generated valid transactions of every key ----------------------------------

const codesOf = (table: Readonly<Record<string | number, string>>) => fc.constantFrom(...Object.keys(table));
const DATE_MIN = Date.UTC(1900, 0, 1);
const DATE_MAX = Date.UTC(2099, 11, 31);
const date = fc.integer({ min: 0, max: Math.floor((DATE_MAX - DATE_MIN) / 86_400_000) }).map((days) => {
  const value = new Date(DATE_MIN + days * 86_400_000);
  return `${value.getUTCFullYear()}${String(value.getUTCMonth() + 1).padStart(2, '0')}${String(value.getUTCDate()).padStart(2, '0')}`;
});
const name = fc.stringMatching(/^[A-Z](?:[A-Z' -]{0,8}[A-Z])?,[A-Z](?:[A-Z' -]{0,8}[A-Z])?$/);
const identifier = (max: number) => fc.stringMatching(new RegExp(`^[0-9A-Z](?:[0-9A-Z-]{0,${max - 2}}[0-9A-Z])?$`));
/** Remarks: upper case, no period; slashes, colons and semicolons must survive. */
const remarks = fc.stringMatching(/^[A-Z0-9](?:[A-Z0-9 ,'/#:;()-]{0,40}[A-Z0-9])?$/);
/** TXT: any case, periods, even a `.NAM/` look-alike. */
const messageText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 .,;:/'()-]{0,60}[A-Za-z0-9.])?$/),
  fc.constant('Officer safety first. ATL gray sedan.NAM/NOT A FIELD.TXT/STILL TEXT.'),
);
const vin = fc.oneof(
  fc.stringMatching(/^[0-9A-HJ-NPR-Z]{17}$/).map((draft) => `${draft.slice(0, 8)}${vinCheckDigit(draft) ?? '0'}${draft.slice(9)}`),
  fc.stringMatching(/^[0-9A-HJ-NPR-Z]{1,16}$/),
);
const stateCode = fc.constantFrom(...[...STATE_CODES]);
const year = fc.integer({ min: 1900, max: 2099 }).map(String);

const VALUES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  NAM: name, PNO: name,
  DOB: date, PDB: date, DOT: date, ISD: date, EXP: date, DOW: date,
  SEX: codesOf(SEX_CODES), RAC: codesOf(RACE_CODES), EYE: codesOf(EYE_CODES), HAI: codesOf(HAIR_CODES),
  LIT: codesOf(PLATE_TYPE_CODES), POT: codesOf(ORDER_TYPE_CODES), WTY: codesOf(WARRANT_TYPE_CODES), EXL: codesOf(EXTRADITION_CODES),
  PRI: codesOf(PRIORITY_CODES), CNF: codesOf(CONFIRMATION_CODES), BRD: codesOf(YES_NO_CODES),
  HGT: fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 11 })).map(([feet, inches]) => `${feet}${String(inches).padStart(2, '0')}`),
  WGT: fc.integer({ min: 1, max: 999 }).map(String),
  OLS: stateCode, LIS: stateCode,
  LIY: year, VYR: year,
  LIC: fc.stringMatching(/^[0-9A-Z]{1,10}$/), OLN: fc.stringMatching(/^[0-9A-Z]{1,20}$/),
  OCA: identifier(20), SER: identifier(20),
  NIC: fc.stringMatching(/^[A-Z][0-9]{9}$/),
  VIN: vin,
  RNO: fc.constantFrom('1', '2', '3'),
  ABY: fc.oneof(fc.constant('0000'), fc.constant('2359'), date.map((day) => `${day}1430`)),
  MIS: remarks, CND: remarks, CAU: remarks,
  TXT: messageText,
};

function valueOf(tag: string): fc.Arbitrary<string> {
  const arbitrary = VALUES[tag];
  if (arbitrary !== undefined) return arbitrary;
  const field = FIELDS.get(tag);
  if (field === undefined) throw new Error(`no field ${tag}`);
  return fc.constant(field.example);
}

/** The field tags of a valid message: required ones plus a random choice, the rules applied. */
function tagsFor(definition: MessageKeyDefinition): fc.Arbitrary<string[]> {
  const choosable = [...new Set([...definition.anyOf.flat(), ...definition.optional])];
  return fc.subarray(choosable).map((chosen) => {
    const tags = new Set([...definition.required, ...chosen]);
    for (const group of definition.exclusive) {
      const present = group.filter((tag) => tags.has(tag));
      for (const tag of present.slice(1)) tags.delete(tag);
    }
    for (const group of definition.anyOf) if (!group.some((tag) => tags.has(tag)) && group[0] !== undefined) tags.add(group[0]);
    for (const group of definition.together) if (group[0] !== undefined && tags.has(group[0])) for (const tag of group) tags.add(tag);
    return [...tags];
  });
}

const routeText = (max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9](?:[A-Z0-9 ,'/#:()-]{0,${max - 2}}[A-Z0-9])?$`));
const ori = fc.stringMatching(/^[A-Z]{2}[0-9A-Z]{7}$/);
const terminal = fc.stringMatching(/^[0-9A-Z]{4}$/);
const county = fc.integer({ min: 1, max: 58 }).map((number) => `C${String(number).padStart(2, '0')}`);

function destinationsFor(definition: MessageKeyDefinition): fc.Arbitrary<string[]> {
  if (definition.route.kind === 'nlets-states') {
    const states = [...NLETS_STATE_CODES].filter((state) => state !== HOME_STATE);
    return fc.oneof(fc.constant<string[]>(['NL']), fc.uniqueArray(fc.constantFrom(...states), { minLength: 1, maxLength: 4 }));
  }
  if (definition.route.kind !== 'destinations') return fc.constant([]);
  if (definition.destinationRule?.max === 1) return ori.map((value) => [value]);
  const rule = definition.destinationRule;
  if (rule !== undefined && rule.kinds.length === 1 && rule.kinds[0] === 'ori') return fc.uniqueArray(ori, { minLength: 1, maxLength: rule.max ?? 5 });
  return fc.uniqueArray(fc.oneof(ori, terminal, county, fc.constant('ALL')), { minLength: 1, maxLength: 5 });
}

function routeToFor(definition: MessageKeyDefinition): fc.Arbitrary<RouteTo | undefined> {
  const full = fc
    .record(
      {
        requester: routeText(40),
        operator: routeText(40),
        reason: routeText(80),
        caseNumber: identifier(20),
        noCaseReason: routeText(80),
        attention: routeText(40),
        purposeCode: fc.constantFrom(...Object.keys(PURPOSE_CODES)),
      },
      { requiredKeys: definition.purposeCodeRequired ? ['requester', 'reason', 'purposeCode'] : ['requester', 'reason'] },
    )
    .chain((routeTo) => {
      // Exactly one of a case number and the reason there is none.
      const { caseNumber, noCaseReason, ...rest } = routeTo;
      return fc.boolean().map((useCase) =>
        useCase ? { ...rest, caseNumber: caseNumber ?? '26-000001' } : { ...rest, noCaseReason: noCaseReason ?? 'FIELD CONTACT' },
      );
    });
  return definition.routeToRequired ? full : fc.option(full, { nil: undefined });
}

function transactionFor(definition: MessageKeyDefinition): fc.Arbitrary<Transaction> {
  const fields = tagsFor(definition)
    .chain((tags) => fc.shuffledSubarray(tags, { minLength: tags.length }))
    .chain((tags) => fc.tuple(...tags.map((tag) => valueOf(tag).map((value) => ({ tag, value })))))
    .map((list) => {
      const fieldsList = [...list];
      for (const rule of definition.requiredWhen ?? []) {
        const trigger = fieldsList.find((field) => field.tag === rule.field);
        if (trigger?.value !== rule.value) continue;
        for (const tag of rule.requires) {
          const example = FIELDS.get(tag)?.example ?? '';
          if (!fieldsList.some((field) => field.tag === tag)) fieldsList.push({ tag, value: example });
        }
      }
      const dataSet = definition.dataSetByRecord?.[fieldsList.find((field) => field.tag === 'NIC')?.value.charAt(0) ?? ''];
      const identifying = dataSet?.anyOf[0];
      if (dataSet !== undefined && identifying !== undefined && !fieldsList.some((field) => dataSet.anyOf.includes(field.tag))) {
        fieldsList.push({ tag: identifying, value: FIELDS.get(identifying)?.example ?? '' });
      }
      // TXT ends the line.
      return [...fieldsList.filter((field) => field.tag !== 'TXT'), ...fieldsList.filter((field) => field.tag === 'TXT')];
    });
  return fc
    .record({
      fields,
      ori,
      destinations: destinationsFor(definition),
      control: fc.option(fc.stringMatching(/^[0-9A-Z/-]{1,10}$/), { nil: undefined }),
      routeTo: routeToFor(definition),
    })
    .map(({ fields: fieldList, ori: origin, destinations, control, routeTo }) => {
      const transaction: Transaction = {
        header: { messageKey: definition.key, ori: origin, destinations, ...(control === undefined ? {} : { control }) },
        fields: fieldList,
      };
      if (routeTo !== undefined) transaction.routeTo = routeTo;
      return transaction;
    });
}

/** Property tests run hundreds of cases: generous under a loaded CI machine. */
const PROPERTY_TIMEOUT_MS = 20_000;

describe('round trip: parseMnemonic(formatTransaction(tx)) equals tx', () => {
  const routable = [...CATALOGUE.values()].filter((definition) => definition.action !== 'switch');

  it.each(routable.map((definition) => [definition.key, definition] as const))('%s', (_, definition) => {
    fc.assert(
      fc.property(transactionFor(definition), (transaction) => {
        expect(() => validateTransaction(transaction)).not.toThrow();
        const line = formatTransaction(transaction);
        const parsed = parseMnemonic(line);
        expect({ header: parsed.header, routeTo: parsed.routeTo, fields: parsed.fields }).toEqual({
          header: transaction.header,
          routeTo: transaction.routeTo,
          fields: transaction.fields,
        });
        expect(parsed.text).toBe(line);
        expect(validateTransaction(parsed).fields.size).toBe(transaction.fields?.length);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// --- terminal text ----------------------------------------------------------------------------

describe('formatResponse, formatRecord, formatReject', () => {
  const header = { control: 'A1B2', messageKey: 'QW', inputSeq: 1042 };

  it('writes a response header line with the system, the key in words, the outcome and the control field', () => {
    const text = formatResponse({
      header, system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT,
      records: [
        { status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', text: 'WARNING - DO NOT ARREST\nWANTED PERSON\nNAM/QUILLAN,ORREN' },
        { status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'PROTECTION ORDER', recordId: 'H123456789', fields: [{ tag: 'NAM', value: 'QUILLAN,ORREN' }, { tag: 'POT', value: 'DVRO' }], source: 'CA' },
      ],
    });
    expect(text).toBe([
      'NCIC QW WANTED PERSON INQUIRY - 2 HITS CTL/A1B2 ISN/1042',
      '',
      'WARNING - DO NOT ARREST\nWANTED PERSON\nNAM/QUILLAN,ORREN',
      '',
      'NCIC PROTECTION ORDER H123456789\nNAM/QUILLAN,ORREN.POT/DVRO\nSOURCE/CA',
    ].join('\n'));
  });

  it('says NO RECORD from the flag, never from the text', () => {
    expect(formatResponse({ header: { messageKey: 'DQ' }, system: 'DMV', responseKey: 'DR', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO RECORD OLN/D1234567' }))
      .toBe('DMV DR DRIVER LICENSE RESPONSE - NO RECORD\nNO RECORD OLN/D1234567');
    expect(formatResponse({ system: 'CORI', status: HitStatus.HIT_STATUS_ACKNOWLEDGED, header: { messageKey: 'EPO' } })).toBe('CORI EPO ENTER PROTECTION ORDER - ACKNOWLEDGED');
  });

  it('prefers the text a backend rendered for a record', () => {
    expect(formatRecord({ text: 'RENDERED', fields: [{ tag: 'NAM', value: 'X' }] })).toBe('RENDERED');
    expect(formatRecord({ fields: [{ tag: 'LIC', value: '8ABC123' }] })).toBe('LIC/8ABC123');
  });

  it('writes an ER line with wire code, reason, field and column, then the echo with a caret', () => {
    const text = formatReject({
      header: { control: 'A1B2' }, code: 'CLETS_ERR_TEXT_SYNTAX', wireCode: 201,
      reason: "message text is not in mnemonic format: part 4 'DOB19800115' at column 27 has no '/': write TAG/VALUE",
      field: 'DOB', position: 27, echo: 'QW.CA0190000.NAM/DOE,JOHN.DOB19800115',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe("ER 201 MESSAGE TEXT IS NOT IN MNEMONIC FORMAT: PART 4 'DOB19800115' AT COLUMN 27 HAS NO '/': WRITE TAG/VALUE FIELD/DOB COLUMN/27 CTL/A1B2");
    expect(lines[1]).toBe('ECHO/QW.CA0190000.NAM/DOE,JOHN.DOB19800115');
    expect(lines[2]?.indexOf('^')).toBe(lines[1]?.indexOf('DOB19800115'));
  });

  it('names the system of a fan-out reject', () => {
    expect(formatReject({ wireCode: 502, system: 'NCIC', reason: '.04. destination out of service, not forwarded: resend later' }))
      .toBe('ER 502 NCIC .04. DESTINATION OUT OF SERVICE, NOT FORWARDED: RESEND LATER');
  });
});

describe('describeKey', () => {
  it.each([...CATALOGUE.keys()])('describes %s with its meaning, and a working example for terminal keys', (key) => {
    const definition = CATALOGUE.get(key);
    const text = describeKey(key.toLowerCase());
    expect(text.startsWith(`${key} - ${definition?.meaning}`)).toBe(true);
    for (const tag of definition?.required ?? []) expect(text).toContain(`${tag} ${FIELDS.get(tag)?.name}`);
    const example = /example: {3}(.*)$/m.exec(text)?.[1];
    if (definition?.action === 'switch') {
      expect(example).toBeUndefined();
    } else {
      expect(example).toBeDefined();
      expect(() => validateTransaction(parseMnemonic(example ?? ''))).not.toThrow();
    }
  });

  it('lists alternatives, rules and the purpose code where a key has them', () => {
    expect(describeKey('QV')).toContain('one of:    LIC licence plate number | VIN vehicle identification number');
    expect(describeKey('QV')).toContain('LIC needs LIS');
    expect(describeKey('QR')).toContain('at most one of SID, FBI');
    expect(describeKey('QH')).toContain('PUR/ required');
    expect(describeKey('EPO')).toContain('full-access operators only');
  });

  it('refuses an unknown key, listing the known ones', () => {
    expect(expectError(() => describeKey('QZ'), 'CLETS_ERR_UNKNOWN_MESSAGE_KEY', 'MKE').message).toContain('QW');
    expect(describeCatalogue().split('\n').filter((line) => /^[A-Z]{2,3} /.test(line))).toHaveLength(CATALOGUE.size);
  });
});

describe('docs/mnemonic-format.md', () => {
  const doc = readFileSync(new URL('../../../docs/mnemonic-format.md', import.meta.url), 'utf8');
  const examples = [...doc.matchAll(/```mnemonic\n([\s\S]*?)```/g)].flatMap((match) => (match[1] ?? '').split('\n').filter((line) => line.trim() !== ''));

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)('example %s parses, validates and round-trips', (line) => {
    const parsed = parseMnemonic(line);
    expect(() => validateTransaction(parsed)).not.toThrow();
    const again = parseMnemonic(formatTransaction(parsed));
    expect({ ...again, text: '' }).toEqual({ ...parsed, text: '' });
  });
});
