/**
 * Subject keys: who or what a transaction is about, in normalised form, so the audit log can
 * answer "who looked up this person, this plate, this gun" (CJIS: the audit must let an
 * agency show who accessed a record and why; misuse investigations start from the subject).
 * Pure functions over the transaction's fields; the switch stores the keys in the hashed
 * audit row and indexes them.
 *
 * A key is `KIND:VALUE`, VALUE made of A-Z, 0-9, `,` (between last and first name) and `/`
 * (between a number and its state, a name and its date of birth):
 *
 * | kind | from | example |
 * |---|---|---|
 * | NAM | NAM with DOB, PNO with PDB (the protected person) | `NAM:KORVALE,DESMIN/19860412` |
 * | PHN | the same: NYSIIS of the last name, first initial, DOB | `PHN:CARVAL,D/19860412` |
 * | SOC | SOC | `SOC:123456789` |
 * | OLN | OLN (+ OLS) | `OLN:D1234567/CA` |
 * | LIC | LIC (+ LIS) | `LIC:8ABC123/CA` |
 * | VIN | VIN | `VIN:1M8GDM9AXKP042788` |
 * | SER | SER (gun or article serial) | `SER:TX12345` |
 * | FBI, SID, NIC | the field | `SID:A12345678` |
 * | CASE | OCA, the route-to case number | `CASE:26001234` |
 * | BHN, REG | boat hull number, boat registration | `BHN:ABC12345D607` |
 *
 * Normalisation, the same for what is stored and what is searched: upper case; in numbers
 * every character but A-Z and 0-9 is dropped (`26-001234` and `26 001234` are `26001234`);
 * a name is `LAST,FIRST` (the middle name is left out, so `KORVALE,DESMIN ARLO` is found by
 * `KORVALE,DESMIN`), each part keeping its letters only (`O'NEIL` -> `ONEIL`, `DE LA CRUZ`
 * -> `DELACRUZ`); a name without a comma gives no name key (it cannot be split reliably);
 * a date of birth is its 8 digits CCYYMMDD, and a name with a malformed one gets the name
 * key without its date (`NAM:KORVALE,DESMIN`); a California state number written `CA12345678` is the CII `A12345678`, as the
 * state files read it; a number without its state gets the key without `/STATE`.
 */
import { CletsError } from './errors.js';
import { nysiis } from './phonetic.js';
import type { Transaction } from './types.js';

/** Every kind of subject key, with what it holds. */
export const SUBJECT_KEY_KINDS = {
  NAM: 'name LAST,FIRST and date of birth',
  PHN: 'phonetic last name (NYSIIS), first initial and date of birth',
  SOC: 'social security number',
  OLN: "operator's licence number and state",
  LIC: 'licence plate and state',
  VIN: 'vehicle identification number',
  SER: 'gun or article serial number',
  FBI: 'FBI number',
  SID: 'state identification number',
  NIC: 'NCIC record number',
  CASE: 'case number (OCA or route-to)',
  BHN: 'boat hull number',
  REG: 'boat registration number',
} as const;

export type SubjectKeyKind = keyof typeof SUBJECT_KEY_KINDS;

/** The shape of every key; stores check it before indexing. */
export const SUBJECT_KEY_PATTERN = /^(?:NAM|PHN|SOC|OLN|LIC|VIN|SER|FBI|SID|NIC|CASE|BHN|REG):[A-Z0-9,/]{1,80}$/;

/** Most keys one transaction yields (two persons with every identifier stays well under it). */
export const MAX_SUBJECT_KEYS = 32;

const NOT_ALPHANUMERIC = /[^A-Z0-9]/g;
const NOT_LETTER = /[^A-Z]/g;
const NOT_DIGIT = /[^0-9]/g;
const CALIFORNIA_SID = /^CA([0-9]{8})$/;

/** A number as keyed: upper case, letters and digits only ('' when nothing is left). */
export function normalizeIdentifier(value: string): string {
  return value.toUpperCase().replace(NOT_ALPHANUMERIC, '');
}

/** `LAST,FIRST` from `LAST,FIRST MIDDLE` (any case and punctuation), or undefined. */
export function normalizeName(value: string): { last: string; first: string } | undefined {
  const upper = value.toUpperCase();
  const comma = upper.indexOf(',');
  if (comma < 0) return undefined;
  const last = upper.slice(0, comma).replace(NOT_LETTER, '');
  const firstWord = upper.slice(comma + 1).trim().split(/\s+/)[0] ?? '';
  const first = firstWord.replace(NOT_LETTER, '');
  if (last === '' || first === '') return undefined;
  return { last, first };
}

/** CCYYMMDD from a date of birth with or without separators, or undefined. */
export function normalizeDateOfBirth(value: string): string | undefined {
  const digits = value.replace(NOT_DIGIT, '');
  return digits.length === 8 ? digits : undefined;
}

function normalizeSid(value: string): string {
  const sid = normalizeIdentifier(value);
  const california = CALIFORNIA_SID.exec(sid);
  return california === null ? sid : `A${california[1] ?? ''}`;
}

function normalizeState(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const state = value.toUpperCase().replace(NOT_LETTER, '');
  return state.length === 2 ? state : undefined;
}

/** The two keys of a person: the name and its sound, each with the date of birth when there is one. */
export function personKeys(name: string, dateOfBirth?: string): string[] {
  const parsed = normalizeName(name);
  if (parsed === undefined) return [];
  const dob = dateOfBirth === undefined ? undefined : normalizeDateOfBirth(dateOfBirth);
  const suffix = dob === undefined ? '' : `/${dob}`;
  return [`NAM:${parsed.last},${parsed.first}${suffix}`, `PHN:${nysiis(parsed.last)},${parsed.first.charAt(0)}${suffix}`];
}

/** A number with its optional state: `OLN:D1234567/CA` or `OLN:D1234567`. */
function numberWithState(kind: 'OLN' | 'LIC', number: string, state: string | undefined): string | undefined {
  const value = normalizeIdentifier(number);
  if (value === '') return undefined;
  const code = normalizeState(state);
  return code === undefined ? `${kind}:${value}` : `${kind}:${value}/${code}`;
}

function plainKey(kind: SubjectKeyKind, value: string | undefined, normalize: (value: string) => string = normalizeIdentifier): string | undefined {
  if (value === undefined) return undefined;
  const normalized = normalize(value);
  return normalized === '' ? undefined : `${kind}:${normalized}`;
}

/** Tag -> value of a transaction's fields; a text-only transaction is read leniently. */
function fieldsOf(transaction: Transaction): { fields: Map<string, string>; caseNumber: string | undefined } {
  const fields = new Map<string, string>();
  let caseNumber = transaction.routeTo?.caseNumber ?? undefined;
  const given = transaction.fields ?? [];
  if (given.length > 0) {
    for (const field of given) {
      const tag = (field.tag ?? '').toUpperCase();
      if (tag !== '' && !fields.has(tag) && typeof field.value === 'string') fields.set(tag, field.value);
    }
  } else if (typeof transaction.text === 'string' && transaction.text !== '') {
    caseNumber = scanText(transaction.text, fields) ?? caseNumber;
  }
  return { fields, caseNumber: caseNumber === '' ? undefined : caseNumber };
}

/**
 * Reads `TAG/VALUE` parts of a mnemonic line without judging it: the line may be the one the
 * switch refused, and a refused look-up must still name its subject. Stops at `TXT/` (free
 * text names nobody reliably). Returns the route-to case number, if any.
 */
function scanText(text: string, fields: Map<string, string>): string | undefined {
  let caseNumber: string | undefined;
  for (const raw of text.split('.')) {
    const part = raw.trim();
    const slash = part.indexOf('/');
    if (slash <= 0) continue;
    const tag = part.slice(0, slash).trim().toUpperCase();
    const value = part.slice(slash + 1).trim();
    if (tag === 'TXT') break;
    if (value === '') continue;
    if (tag === 'RTE') {
      for (const member of value.split(';')) {
        const colon = member.indexOf(':');
        if (colon > 0 && member.slice(0, colon).trim().toUpperCase() === 'CASE') caseNumber = member.slice(colon + 1).trim();
      }
    } else if (!fields.has(tag)) {
      fields.set(tag, value);
    }
  }
  return caseNumber;
}

/**
 * The subject keys of a transaction, sorted and without repeats: every person (NAM with DOB,
 * PNO with PDB), every identifier and number it names, and its case numbers. A message that
 * names nobody (an AM, a status message) gives none.
 */
export function subjectKeys(transaction: Transaction): string[] {
  const { fields, caseNumber } = fieldsOf(transaction);
  const keys = new Set<string>();
  const add = (key: string | undefined): void => {
    if (key !== undefined) keys.add(key);
  };
  const name = fields.get('NAM');
  if (name !== undefined) for (const key of personKeys(name, fields.get('DOB'))) keys.add(key);
  const protectedPerson = fields.get('PNO');
  if (protectedPerson !== undefined) for (const key of personKeys(protectedPerson, fields.get('PDB'))) keys.add(key);
  add(plainKey('SOC', fields.get('SOC')));
  const oln = fields.get('OLN');
  if (oln !== undefined) add(numberWithState('OLN', oln, fields.get('OLS')));
  const lic = fields.get('LIC');
  if (lic !== undefined) add(numberWithState('LIC', lic, fields.get('LIS')));
  add(plainKey('VIN', fields.get('VIN')));
  add(plainKey('SER', fields.get('SER')));
  add(plainKey('FBI', fields.get('FBI')));
  add(plainKey('SID', fields.get('SID'), normalizeSid));
  add(plainKey('NIC', fields.get('NIC')));
  add(plainKey('CASE', fields.get('OCA')));
  add(plainKey('CASE', caseNumber));
  add(plainKey('BHN', fields.get('BHN')));
  add(plainKey('REG', fields.get('REG')));
  return [...keys].filter((key) => SUBJECT_KEY_PATTERN.test(key)).sort().slice(0, MAX_SUBJECT_KEYS);
}

/** What an auditor searches for: any of these, as typed. */
export interface SubjectQuery {
  /** `LAST,FIRST [MIDDLE]`. */
  readonly name?: string;
  /** CCYYMMDD (separators allowed). With a name only. */
  readonly dob?: string;
  /** Names that sound alike too (NYSIIS): default true. */
  readonly phonetic?: boolean;
  readonly soc?: string;
  readonly oln?: string;
  readonly plate?: string;
  /** State of the OLN or plate; without it every state matches. */
  readonly state?: string;
  readonly vin?: string;
  readonly serial?: string;
  readonly fbi?: string;
  readonly sid?: string;
  readonly nic?: string;
  readonly caseNumber?: string;
  readonly boatHull?: string;
  readonly boatRegistration?: string;
}

/**
 * The keys a search looks up: `exact` keys, and `prefixes` that match every key beginning
 * with them (a plate asked without its state: `LIC:8ABC123/` finds it in every state,
 * `LIC:8ABC123` where no state was given; a name without a date of birth likewise). Throws
 * CLETS_ERR_REQUEST_INVALID, naming the field, for a query that cannot be keyed.
 */
export function subjectSearchKeys(query: SubjectQuery): { exact: string[]; prefixes: string[] } {
  const exact: string[] = [];
  const prefixes: string[] = [];
  const invalid = (field: string, problem: string): CletsError =>
    new CletsError('CLETS_ERR_REQUEST_INVALID', `${field} ${problem}`, { field });
  const keyOf = (kind: SubjectKeyKind, field: string, value: string | undefined, normalize = normalizeIdentifier): void => {
    if (value === undefined) return;
    const normalized = normalize(value);
    if (normalized === '') throw invalid(field, 'has no letter or digit');
    exact.push(`${kind}:${normalized}`);
  };

  if (query.name !== undefined) {
    const parsed = normalizeName(query.name);
    if (parsed === undefined) throw invalid('name', 'must be LAST,FIRST');
    const dob = query.dob === undefined ? undefined : normalizeDateOfBirth(query.dob);
    if (query.dob !== undefined && dob === undefined) throw invalid('dob', 'must be CCYYMMDD');
    const keys = [`NAM:${parsed.last},${parsed.first}`];
    if (query.phonetic !== false) keys.push(`PHN:${nysiis(parsed.last)},${parsed.first.charAt(0)}`);
    for (const key of keys) {
      if (dob === undefined) {
        exact.push(key);
        prefixes.push(`${key}/`);
      } else {
        exact.push(`${key}/${dob}`);
      }
    }
  } else if (query.dob !== undefined) {
    throw invalid('dob', 'needs a name');
  }
  const state = query.state === undefined ? undefined : normalizeState(query.state);
  if (query.state !== undefined && state === undefined) throw invalid('state', 'must be a 2-letter state code');
  if (query.state !== undefined && query.oln === undefined && query.plate === undefined) throw invalid('state', 'needs an OLN or a plate');
  for (const [kind, field, value] of [['OLN', 'oln', query.oln], ['LIC', 'plate', query.plate]] as const) {
    if (value === undefined) continue;
    const number = normalizeIdentifier(value);
    if (number === '') throw invalid(field, 'has no letter or digit');
    if (state === undefined) {
      exact.push(`${kind}:${number}`);
      prefixes.push(`${kind}:${number}/`);
    } else {
      exact.push(`${kind}:${number}/${state}`);
    }
  }
  keyOf('SOC', 'soc', query.soc);
  keyOf('VIN', 'vin', query.vin);
  keyOf('SER', 'serial', query.serial);
  keyOf('FBI', 'fbi', query.fbi);
  keyOf('SID', 'sid', query.sid, normalizeSid);
  keyOf('NIC', 'nic', query.nic);
  keyOf('CASE', 'case', query.caseNumber);
  keyOf('BHN', 'boatHull', query.boatHull);
  keyOf('REG', 'boatRegistration', query.boatRegistration);
  for (const key of [...exact, ...prefixes]) {
    if (!SUBJECT_KEY_PATTERN.test(key.endsWith('/') ? `${key}X` : key)) throw invalid('query', `gives a key that is too long: ${key.slice(0, 40)}`);
  }
  return { exact, prefixes };
}
