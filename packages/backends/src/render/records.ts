/**
 * Each file's record as NCIC-style tagged fields: persons (NAM SEX RAC DOB...), warrants,
 * protection orders, missing persons, supervised release, registrants, vehicles, guns,
 * articles, boats. Dates are printed CCYYMMDD, as NCIC prints them.
 */
import type {
  Article, Boat, DriverLicense, Gun, MissingPerson, Person, PersonIdentifiers, ProtectionOrder, Registrant, StolenVehicle, SupervisedRelease,
  Vehicle, Warrant,
} from '@clets/data-files';
import {
  EXTRADITION_CODES, HitStatus, MISSING_CATEGORY_CODES, ORDER_CONDITION_CODES, WARRANT_TYPE_CODES, type Field, type ResponseRecord,
} from '@clets/protocol';
import type { AgencyContact, FileRecord, RecordExtras } from '../data/indexes.js';
import { LIST_SEPARATORS } from '../data/record-updates.js';
import { buildRecord, type RecordSpec } from './response.js';
import { FILE_CAVEATS, field } from './text.js';

/** ISO 'YYYY-MM-DD' as NCIC 'CCYYMMDD'. */
export function ncicDate(iso: string | undefined): string {
  return iso ? iso.replaceAll('-', '') : '';
}

/** Where a record is printed from: the system, its file name and the heading prefix. */
export interface Origin {
  readonly system: string;
  /** Record.file: 'WANTED PERSON' for NCIC, 'WPS' for the state file. */
  readonly file: string;
  /** Heading prefix: 'NCIC' or the state file ('WPS'). */
  readonly prefix: string;
}

/**
 * A name as NCIC prints it in an answer: `SMITH, JOHN J` (last name, comma and blank, first
 * and middle). Inquiries are typed `SMITH,JOHN J`; the answer is read, not parsed.
 */
export function printedName(person: { readonly last: string; readonly first: string; readonly middle?: string | undefined }): string {
  return person.middle ? `${person.last}, ${person.first} ${person.middle}` : `${person.last}, ${person.first}`;
}

/** 'CCYYMMDD HHMM' (UTC) of an epoch-ms instant. */
export function ncicDateTime(ms: number): string {
  const iso = new Date(Number.isFinite(ms) ? ms : 0).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')} ${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** A code with its words, as NCIC prints translated codes: `EXL/1 - FULL EXTRADITION`. */
function translated(code: string | undefined, words: Readonly<Record<string, string>>): string | undefined {
  if (code === undefined || code === '') return code;
  const meaning = words[code];
  return meaning === undefined ? code : `${code} - ${meaning}`;
}

/** Descriptors an entry typed override the person's (the record is what the agency entered). */
function extra(record: RecordExtras, tag: string): string | undefined {
  return record.extras?.[tag];
}

/** What a person record holds of its subject beyond the descriptors: as entered, else as the file has them. */
type PersonRecord = RecordExtras & { readonly identifiers?: PersonIdentifiers };

/** The person's identification line(s): NAM SEX RAC POB DOB HGT WGT EYE HAI SKN, then SOC FBI SID CTZ, then supplemental identifiers. */
export function personLines(person: Person, record: PersonRecord = {}): Field[][] {
  const known = record.identifiers;
  return [
    [
      field('NAM', printedName(person)), field('SEX', person.sex), field('RAC', person.race), field('POB', extra(record, 'POB') ?? known?.pob),
      field('DOB', person.dob), field('HGT', extra(record, 'HGT') ?? person.height), field('WGT', extra(record, 'WGT') ?? (person.weight || undefined)),
      field('EYE', extra(record, 'EYE') ?? person.eyes), field('HAI', extra(record, 'HAI') ?? person.hair), field('SKN', extra(record, 'SKN') ?? known?.skn),
    ],
    [
      field('SOC', extra(record, 'SOC') ?? person.soc), field('FBI', extra(record, 'FBI') ?? person.fbi), field('SID', extra(record, 'SID') ?? person.sid),
      field('CTZ', extra(record, 'CTZ') ?? known?.ctz),
    ],
    ...SUPPLEMENTAL_LISTS.map((tag) => listed(record, tag, tag === 'SMT' ? known?.smt : undefined)),
  ];
}

/** Supplemental identifiers a record may hold several of, each printed as its own tag. */
const SUPPLEMENTAL_LISTS = ['AKA', 'SMT', 'MNU'] as const;

function listed(record: RecordExtras, tag: string, onFile: readonly string[] = []): Field[] {
  const value = extra(record, tag);
  const entered = value === undefined || value === '' ? [] : value.split(LIST_SEPARATORS[tag] ?? ';');
  return [...onFile.filter((item) => !entered.includes(item)), ...entered].map((item) => field(tag, item));
}

/**
 * A locate placed on the record (NCIC: the record keeps hitting, showing the locate, until
 * the entering agency clears it): an alert first, and the locate's own line.
 */
function withLocate(spec: RecordSpec, record: RecordExtras): RecordSpec {
  const located = record.life?.located;
  if (located === undefined) return spec;
  return {
    ...spec,
    alerts: [`LOCATED ${located.on} BY ORI ${located.ori} - ENTERING AGENCY NOTIFIED`, ...(spec.alerts ?? [])],
    body: [...spec.body, [field('DOL', located.on), field('LKI', located.ori), field('LCA', located.caseNumber)]],
  };
}

/** Entered remarks and codes the model has no member for, in tag order. */
function extrasLine(record: RecordExtras, tags: readonly string[]): Field[] {
  return tags.map((tag) => field(tag, extra(record, tag)));
}

/** What every hot-file record has: who entered it, under which case number, and when. */
type Entered = RecordExtras & { readonly enteringOri: string; readonly oca: string; readonly nic: string; readonly enteredOn: string; readonly enteredTime?: string };

/** The entry date and time (UTC): as the files recorded it, else the date alone. */
function entryStamp(record: Entered): string {
  if (record.life?.enteredAtMs !== undefined) return ncicDateTime(record.life.enteredAtMs);
  return record.enteredTime === undefined ? ncicDate(record.enteredOn) : `${ncicDate(record.enteredOn)} ${record.enteredTime}`;
}

/**
 * The identifying line: NIC, OCA, entry date and time, date of last update (NCIC DLU: the
 * entry itself until a modify, locate or validation changes the record). Times are UTC.
 */
function trailer(record: Entered): Field[] {
  const entered = entryStamp(record);
  const updated = record.life?.updatedAtMs;
  const validated = record.life?.validated;
  return [
    field('NIC', record.nic), field('OCA', record.oca), field('DTE', entered), field('DLU', updated === undefined ? entered : ncicDateTime(updated)),
    field('VLD', validated === undefined ? undefined : ncicDate(new Date(validated.atMs).toISOString().slice(0, 10))), field('VLN', validated?.name),
  ];
}

/**
 * The frame every hot-file record shares: it opens with the message key in words and the
 * entering ORI (as NCIC records do), ends with who to call for hit confirmation (the
 * entering agency's name and telephone) and the NIC/OCA/DTE/DLU line.
 */
function hotRecord(origin: Origin, words: string, record: Entered, agency: AgencyContact | undefined,
  spec: Omit<RecordSpec, 'system' | 'file' | 'heading' | 'recordId' | 'enteringOri' | 'trailer' | 'agency'>): RecordSpec {
  const [first = [], ...rest] = spec.body;
  const life = record.life;
  // A new entry not yet second-party checked hits as entered, saying so (data/record-care.ts).
  const unchecked = life?.enteredBy !== undefined && life.checked === undefined;
  return {
    ...spec,
    alerts: [...(spec.alerts ?? []), ...(unchecked ? ['ENTRY NOT YET SECOND-PARTY CHECKED - CONFIRM WITH THE ENTERING AGENCY'] : [])],
    system: origin.system,
    file: origin.file,
    heading: `MKE/${words} (${origin.prefix})`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [[field('ORI', record.enteringOri), ...first], ...rest],
    agency: { ori: record.enteringOri, ...agency },
    trailer: trailer(record),
  };
}

const EXTRADITION_CODE = { FULL: '1', LIMITED: '2', 'IN-STATE ONLY': '6' } as const;

export function renderWarrant(origin: Origin, record: FileRecord<Warrant>, person: Person, agency?: AgencyContact): ResponseRecord {
  return buildRecord(withLocate(hotRecord(origin, `WANTED PERSON - ${record.warrantType} WARRANT`, record, agency, {
    status: HitStatus.HIT_STATUS_HIT,
    caveat: FILE_CAVEATS.WANTED(record.enteringOri),
    caution: record.officerSafetyCaution,
    body: [
      ...personLines(person, record),
      [
        field('OFF', record.offense), field('WTY', translated(record.warrantType.charAt(0), WARRANT_TYPE_CODES)), field('DOW', ncicDate(record.issuedOn)),
        field('EXL', translated(extra(record, 'EXL') ?? EXTRADITION_CODE[record.extradition], EXTRADITION_CODES)), field('CRT', record.court),
        field('BAIL', record.bail === undefined ? 'NO BAIL' : String(record.bail)),
      ],
      extrasLine(record, ['OLN', 'OLS', 'MIS']),
    ],
  }), record));
}

/** An order in force (an expired one does not hit: `orderInForce`, systems/search.ts). */
export function renderProtectionOrder(origin: Origin, record: FileRecord<ProtectionOrder>, person: Person, agency?: AgencyContact): ResponseRecord {
  const brady = extra(record, 'BRD') ?? (record.conditions.includes('NO FIREARMS') || record.conditions.includes('07') ? 'Y' : 'N');
  const served = extra(record, 'SRV');
  return buildRecord(withLocate(hotRecord(origin, `PROTECTION ORDER - ${record.orderType}`, record, agency, {
    status: HitStatus.HIT_STATUS_HIT,
    caveat: FILE_CAVEATS.ORDER(record.enteringOri),
    alerts: [
      ...(brady === 'Y' ? ['SUBJECT PROHIBITED FROM FIREARMS (BRADY)'] : []),
      ...(served === undefined && !record.served ? ['ORDER NOT SERVED - TELL THE SUBJECT OF THE ORDER AND ITS TERMS'] : []),
    ],
    body: [
      ...personLines(person, record),
      [
        field('POT', record.orderType), field('ISD', ncicDate(record.issuedOn)), field('EXP', ncicDate(record.expiresOn)),
        field('CRT', record.court), field('SRV', served === undefined ? (record.served ? 'Y - SERVED' : 'N - NOT SERVED') : `${served} - SERVED`),
        field('BRD', brady === 'Y' ? 'Y - FIREARMS PROHIBITED' : 'N'),
      ],
      ...record.protectedPersons.map((protectedPerson) => [field('PNO', printedName(protectedPerson)), field('PDB', protectedPerson.dob)]),
      ...conditionLines(record.conditions),
      extrasLine(record, ['OLN', 'OLS', 'MIS']),
    ],
  }), record));
}

export function renderMissingPerson(origin: Origin, record: FileRecord<MissingPerson>, person: Person, agency?: AgencyContact): ResponseRecord {
  const code = Object.entries(MISSING_CATEGORY_CODES).find(([, words]) => words === record.category)?.[0];
  return buildRecord(withLocate(hotRecord(origin, `MISSING PERSON - ${record.category}`, record, agency, {
    status: HitStatus.HIT_STATUS_HIT,
    caveat: FILE_CAVEATS.MISSING(record.enteringOri),
    body: [...personLines(person, record), [field('MNP', code === undefined ? record.category : `${code} - ${record.category}`), field('DLC', ncicDate(record.missingSince))]],
  }), record));
}

export function renderSupervisedRelease(origin: Origin, record: FileRecord<SupervisedRelease>, person: Person, agency?: AgencyContact): ResponseRecord {
  return buildRecord(hotRecord(origin, `SUPERVISED RELEASE - ${record.type}`, record, agency, {
    status: HitStatus.HIT_STATUS_HIT,
    caveat: FILE_CAVEATS.SUPERVISED(record.agency),
    body: [
      ...personLines(person, record),
      [field('TYP', record.type), field('SUP', record.agency), field('OFC', record.officer), field('EXP', ncicDate(record.until))],
    ],
  }));
}

export function renderRegistrant(origin: Origin, record: Registrant, person: Person, agency?: AgencyContact): ResponseRecord {
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `MKE/${record.type} REGISTRANT (${origin.prefix})`,
    recordId: record.id,
    enteringOri: record.registeringOri,
    caveat: FILE_CAVEATS.REGISTRANT(record.registeringOri),
    alerts: record.status === 'IN VIOLATION' ? ['REGISTRANT IN VIOLATION OF REGISTRATION REQUIREMENT'] : [],
    body: [
      [field('ORI', record.registeringOri), ...(personLines(person)[0] ?? [])],
      ...personLines(person).slice(1),
      [field('TYP', record.type), field('REG', ncicDate(record.registeredOn)), field('STA', record.status)],
    ],
    agency: { ori: record.registeringOri, ...agency },
    trailer: [field('DLU', ncicDate(record.lastUpdate))],
  });
}

/**
 * An order's conditions: NCIC PCO codes each with its words (an officer enforcing the order
 * reads what it forbids, not a number), then any free-text conditions.
 */
function conditionLines(conditions: readonly string[]): Field[][] {
  const words = ORDER_CONDITION_CODES as Readonly<Record<string, string>>;
  const codes = conditions.filter((item) => words[item] !== undefined);
  const text = conditions.filter((item) => words[item] === undefined);
  return [
    ...(codes.length > 0 ? [[field('PCO', codes.join(' '))]] : []),
    ...codes.map((code) => [field(`PCO${code}`, words[code])]),
    [field('CND', text.join(', '))],
  ];
}

/** A vehicle's description line: LIC LIS LIY LIT, then VIN VYR VMA VMO VST VCO. */
export function vehicleLines(vehicle: Vehicle, record: RecordExtras = {}): Field[][] {
  return [
    [
      field('LIC', vehicle.plate), field('LIS', vehicle.plateState), field('LIY', vehicle.registrationExpires.slice(0, 4)),
      field('LIT', vehicle.plateType),
    ],
    [
      field('VIN', vehicle.vin), field('VYR', vehicle.year || ''), field('VMA', vehicle.make), field('VMO', extra(record, 'VMO') ?? vehicle.model),
      field('VST', extra(record, 'VST') ?? vehicle.style), field('VCO', extra(record, 'VCO') ?? vehicle.color),
    ],
  ];
}

export function renderStolenVehicle(origin: Origin, record: FileRecord<StolenVehicle>, vehicle: Vehicle, agency?: AgencyContact): ResponseRecord {
  return buildRecord(withLocate(hotRecord(origin, 'STOLEN VEHICLE', record, agency, {
    status: HitStatus.HIT_STATUS_HIT,
    caveat: FILE_CAVEATS.VEHICLE(record.enteringOri),
    body: [...vehicleLines(vehicle, record), [field('DOT', ncicDate(record.theftDate))], extrasLine(record, ['MIS'])],
  }), record));
}

export function renderGun(origin: Origin, record: FileRecord<Gun>, status: HitStatus, agency?: AgencyContact): ResponseRecord {
  return buildRecord(withLocate(hotRecord(origin, `GUN - ${record.status}`, record, agency, {
    status,
    caveat: FILE_CAVEATS.PROPERTY(record.enteringOri),
    body: [
      [field('SER', record.serial), field('MAK', record.make), field('MOD', record.model), field('CAL', record.caliber), field('TYP', record.type)],
      [field('STA', record.status), field('DOT', extra(record, 'DOT'))],
      extrasLine(record, ['MIS']),
    ],
  }), record));
}

export function renderArticle(origin: Origin, record: FileRecord<Article>, status: HitStatus, agency?: AgencyContact): ResponseRecord {
  return buildRecord(withLocate(hotRecord(origin, `STOLEN ARTICLE - ${record.type}`, record, agency, {
    status,
    caveat: FILE_CAVEATS.PROPERTY(record.enteringOri),
    body: [
      [field('SER', record.serial), field('TYP', record.type), field('MAK', record.brand), field('DOT', ncicDate(record.theftDate))],
      [field('MOD', extra(record, 'MOD')), field('DES', record.description)],
    ],
  }), record));
}

export function renderBoat(origin: Origin, record: FileRecord<Boat>, status: HitStatus, agency?: AgencyContact): ResponseRecord {
  return buildRecord(withLocate(hotRecord(origin, 'STOLEN BOAT', record, agency, {
    status,
    caveat: FILE_CAVEATS.PROPERTY(record.enteringOri),
    body: [
      [field('BHN', record.hullNumber), field('REG', record.registration), field('MAK', record.make), field('BLE', record.length)],
      [field('DOT', ncicDate(record.theftDate))],
      extrasLine(record, ['MIS']),
    ],
  }), record));
}

/** A driver licence (DMV for CA, another state's through Nlets). */
export function renderLicense(origin: Origin, license: DriverLicense, person: Person, caveat: string, source = ''): ResponseRecord {
  const alerts = license.status === 'VALID' ? [] : [`DRIVER LICENSE ${license.status}`];
  const suspensions = license.suspensions.map((suspension) => [
    field('SUS', suspension.reason), field('FROM', ncicDate(suspension.from)), field('TO', ncicDate(suspension.to) || 'OPEN'),
  ]);
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} DRIVER LICENSE`,
    recordId: license.oln,
    caveat,
    alerts,
    body: [
      [
        field('OLN', license.oln), field('OLS', license.state), field('CLS', license.class), field('STA', license.status),
        field('ISS', ncicDate(license.issued)), field('EXP', ncicDate(license.expires)),
      ],
      ...personLines(person).slice(0, 1),
      [field('ADR', `${person.address.street}, ${person.address.city} ${person.address.state} ${person.address.zip}`)],
      [field('RST', license.restrictions.join(', ') || 'NONE')],
      ...suspensions,
    ],
    source,
  });
}

/** A vehicle registration with its registered owner and any DMV stops. */
export function renderRegistration(origin: Origin, vehicle: Vehicle, owner: Person | undefined, caveat: string, source = ''): ResponseRecord {
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} VEHICLE REGISTRATION`,
    recordId: `${vehicle.plateState}${vehicle.plate}`,
    caveat,
    alerts: vehicle.stops.map((stop) => `STOP - ${stop}`),
    body: [
      ...vehicleLines(vehicle),
      [field('EXP', ncicDate(vehicle.registrationExpires)), field('STA', vehicle.registrationStatus), field('STP', vehicle.stops.join(', '))],
      [field('RO', owner === undefined ? '' : printedName(owner)), field('DOB', owner?.dob)],
      [field('ADR', owner === undefined ? '' : `${owner.address.street}, ${owner.address.city} ${owner.address.state} ${owner.address.zip}`)],
    ],
    source,
  });
}
