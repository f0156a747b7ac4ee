/**
 * How an inquiry's fields find persons, vehicles and criminal histories: the matching rules
 * of packages/backends/README.md ("Matching"), in one place for every system.
 */
import type { CriminalHistory, Person, Vehicle } from '@clets/data-files';
import type { Files } from './indexes.js';
import { soundex } from './phonetic.js';

/** An inquiry's fields, tag -> value, as validated. */
export type Fields = ReadonlyMap<string, string>;

/** NAM split into its parts: `LAST,FIRST MIDDLE`. */
export interface ParsedName {
  readonly last: string;
  readonly first: string;
  /** Everything after the first name ('ARLO', 'A', 'ANN MARIE'), or ''. */
  readonly middle: string;
}

/** Splits `LAST,FIRST MIDDLE`; undefined when there is no comma or no first name. */
export function parseName(value: string): ParsedName | undefined {
  const comma = value.indexOf(',');
  if (comma <= 0) return undefined;
  const last = value.slice(0, comma).trim();
  const rest = value.slice(comma + 1).trim();
  const blank = rest.indexOf(' ');
  const first = blank < 0 ? rest : rest.slice(0, blank);
  const middle = blank < 0 ? '' : rest.slice(blank + 1).trim();
  if (last === '' || first === '') return undefined;
  return { last, first, middle };
}

/** A person's name as NCIC prints it: `LAST,FIRST MIDDLE`. */
export function nameOf(person: { readonly last: string; readonly first: string; readonly middle?: string | undefined }): string {
  return person.middle ? `${person.last},${person.first} ${person.middle}` : `${person.last},${person.first}`;
}

/**
 * A middle name given in the inquiry must agree with the record's when both have one: the
 * same name, or one is the initial of the other (ARLO, A). A missing middle on either side
 * never excludes a record.
 */
export function middleAgrees(asked: string, onFile: string | undefined): boolean {
  if (asked === '' || !onFile) return true;
  if (asked === onFile) return true;
  if (asked.length === 1 || onFile.length === 1) return asked.charAt(0) === onFile.charAt(0);
  return false;
}

/**
 * California state numbers (CII) are 'A' and 8 digits in the files, but the SID field edit
 * wants the state code first: `SID/CA12345678` is read as CII A12345678 too.
 */
export function sidVariants(sid: string): string[] {
  const variants = [sid];
  if (/^CA\d{8}$/.test(sid)) variants.push(`A${sid.slice(2)}`);
  return variants;
}

/**
 * The persons a person inquiry (QW, QPO, DQ by name) names. Each identifier is searched on its
 * own and the results are joined, as NCIC searches every numeric identifier separately:
 *  - NAM + DOB: last and first name and date of birth exactly, SEX too when given, a middle
 *    name when both sides have one (middleAgrees);
 *  - SOC; OLN + OLS (the licence's holder); FBI; SID: the identifier alone.
 */
export function findPersons(files: Files, fields: Fields): Person[] {
  const found: Person[] = [];
  const add = (person: Person | undefined): void => {
    if (person !== undefined && !found.includes(person)) found.push(person);
  };
  const name = parseName(fields.get('NAM') ?? '');
  const dob = fields.get('DOB');
  const sex = fields.get('SEX');
  if (name !== undefined && dob !== undefined) {
    for (const person of files.personsByName(name.last, name.first, dob)) {
      if (sex !== undefined && person.sex !== sex) continue;
      if (!middleAgrees(name.middle, person.middle)) continue;
      add(person);
    }
  }
  const soc = fields.get('SOC');
  if (soc !== undefined) for (const person of files.personsBySoc(soc)) add(person);
  const oln = fields.get('OLN');
  const ols = fields.get('OLS');
  if (oln !== undefined && ols !== undefined) {
    const license = files.licenseByNumber(ols, oln);
    if (license !== undefined) add(files.person(license.personId));
  }
  for (const history of historiesByNumber(files, fields)) add(files.person(history.personId));
  return found;
}

/** Histories named by FBI or SID (either, both joined). */
export function historiesByNumber(files: Files, fields: Fields): CriminalHistory[] {
  const found: CriminalHistory[] = [];
  const fbi = fields.get('FBI');
  if (fbi !== undefined) for (const history of files.historiesByFbi(fbi)) if (!found.includes(history)) found.push(history);
  const sid = fields.get('SID');
  if (sid !== undefined) {
    for (const variant of sidVariants(sid)) {
      for (const history of files.historiesBySid(variant)) if (!found.includes(history)) found.push(history);
    }
  }
  return found;
}

/** One answer of a criminal-history name search. */
export interface NameCandidate {
  readonly history: CriminalHistory;
  readonly person: Person;
  /** Exact on name, DOB and SEX: a HIT; otherwise a POSSIBLE (phonetic or near DOB). */
  readonly exact: boolean;
}

/** A year either side of the date of birth asked, in days (a leap year's worth). */
const NEAR_DOB_DAYS = 366;

function dayNumber(ncicDate: string): number {
  const year = Number(ncicDate.slice(0, 4));
  const month = Number(ncicDate.slice(4, 6));
  const day = Number(ncicDate.slice(6, 8));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The III / ACHS name search (QH, IQ). A history is a candidate when its subject's surname has
 * the same Soundex code, the first name the same initial, the sex is the same (when asked)
 * and the date of birth is within a year of the one asked. It is an exact HIT when the last
 * and first names and the DOB are the same; every other candidate is a POSSIBLE. `accept`
 * chooses the histories a system holds (III: with an FBI number; ACHS: California's).
 * Exact candidates come first, then the possible ones nearest in DOB.
 */
export function searchHistoriesByName(files: Files, fields: Fields, accept: (history: CriminalHistory) => boolean): NameCandidate[] {
  const name = parseName(fields.get('NAM') ?? '');
  const dob = fields.get('DOB');
  if (name === undefined || dob === undefined || dob.length !== 8) return [];
  const sex = fields.get('SEX');
  const code = soundex(name.last);
  const asked = dayNumber(dob);
  const year = Number(dob.slice(0, 4));
  const out: (NameCandidate & { distance: number })[] = [];
  for (const birthYear of [year - 1, year, year + 1]) {
    for (const history of files.historiesByPhonetic(name.last, name.first, String(birthYear))) {
      if (!accept(history)) continue;
      const person = files.person(history.personId);
      if (person === undefined) continue;
      if (soundex(person.last) !== code) continue;
      if (sex !== undefined && person.sex !== sex) continue;
      const distance = Math.abs(dayNumber(person.dob) - asked);
      if (distance > NEAR_DOB_DAYS) continue;
      const exact = person.last === name.last && person.first === name.first && person.dob === dob && middleAgrees(name.middle, person.middle);
      out.push({ history, person, exact, distance });
    }
  }
  out.sort((a, b) => Number(b.exact) - Number(a.exact) || a.distance - b.distance);
  return out.map(({ history, person, exact }) => ({ history, person, exact }));
}

/** Vehicles a vehicle inquiry names: LIC + LIS (+ LIT when given), or VIN; both joined. */
export function findVehicles(files: Files, fields: Fields, registeredOnly = false): Vehicle[] {
  const found: Vehicle[] = [];
  const lic = fields.get('LIC');
  const lis = fields.get('LIS');
  const lit = fields.get('LIT');
  if (lic !== undefined && lis !== undefined) {
    for (const vehicle of files.vehiclesByPlate(lic, lis, registeredOnly)) {
      if (lit !== undefined && vehicle.plateType !== lit) continue;
      if (!found.includes(vehicle)) found.push(vehicle);
    }
  }
  const vin = fields.get('VIN');
  if (vin !== undefined) for (const vehicle of files.vehiclesByVin(vin, registeredOnly)) if (!found.includes(vehicle)) found.push(vehicle);
  return found;
}

/**
 * Property make (MAK) check for guns, articles and boats: the serial is the key; a make given
 * that differs from the record's (neither a prefix of the other) turns a hit into a POSSIBLE.
 */
export function makeAgrees(asked: string | undefined, onFile: string): boolean {
  if (asked === undefined || asked === '') return true;
  return onFile.startsWith(asked) || asked.startsWith(onFile);
}
