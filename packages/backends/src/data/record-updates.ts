/**
 * The life cycle of hot-file records: entry (E), modification (M), cancellation (X), locate
 * (L) and clear (C), for every state file an update key reaches (CARPOS, WPS, SVS, AFS, APS,
 * ABS, MPS), applied to the in-memory files. Each update is planned first (every check done,
 * the new record built, nothing changed), so the update store can write it durably before
 * `commit()` changes the files: an update is never visible before it is on disk.
 *
 * NCIC practice followed here:
 * - a record is identified by its NIC, or by ORI + OCA; only the entering agency may modify,
 *   cancel or clear it, anyone else is told the record is not on file; an entry with the ORI
 *   and OCA of a record already in the file is a duplicate;
 * - a locate is placed by the agency that found the person or property, never the entering
 *   agency (which clears its record instead), and once only; the record keeps hitting, showing
 *   the locate, until the entering agency clears it. A missing person's locate retires the
 *   record at once: the person is found, there is nobody left to look for;
 * - a clear (the person apprehended, the property recovered) and a cancel (the record should
 *   never have been entered) both take the record out of the active file: it stops hitting.
 * Updates go to the one state file that owns the record (catalogue.ts).
 */
import type {
  Article, Boat, Gun, HotFileRecord, MissingPerson, Person, ProtectedPerson, ProtectionOrder, StolenVehicle, Vehicle, Warrant,
} from '@clets/data-files';
import { CletsError, GUN_TYPE_CODES, MISSING_CATEGORY_CODES, messageKey } from '@clets/protocol';
import type { FileRecord, Files, HotFile, RecordLife } from './indexes.js';
import { findPersons, findVehicles, middleAgrees, parseName, type Fields } from './matching.js';

/** What the update store knows of an update, enough to plan it again on replay. */
export interface UpdateRequest {
  readonly key: string;
  readonly fields: Fields;
  /** The ORI of the agency sending it (header.ori): the entering agency of an entry, the locating one of a locate. */
  readonly ori: string;
  /** The operator who sent it (header.operatorId): who entered, checked or validated. */
  readonly operatorId?: string;
  readonly atMs: number;
  /** On replay of an entry: the NIC it was given the first time. */
  readonly nic?: string;
}

export type UpdateAction = 'enter' | 'modify' | 'cancel' | 'locate' | 'clear' | 'check';

/** The second-party check's key: a record named by NIC, checked by a second operator (record-care.ts). */
export const SECOND_PARTY_CHECK_KEY = 'SPC';

/** The state file a NIC's letter names. */
const FILE_OF_NIC_LETTER: Readonly<Record<string, StateFile>> = { W: 'WPS', V: 'SVS', G: 'AFS', A: 'APS', B: 'ABS', M: 'MPS', H: 'CARPOS' };

/** A checked update, ready to apply. */
export interface UpdatePlan {
  readonly key: string;
  readonly action: UpdateAction;
  /** The state file that holds the record: CARPOS, WPS, SVS, AFS, APS, ABS, MPS. */
  readonly file: string;
  /** The file in words: PROTECTION ORDER, WANTED PERSON, STOLEN VEHICLE... */
  readonly words: string;
  readonly nic: string;
  readonly enteringOri: string;
  readonly oca: string;
  /** Fields to show in the acknowledgement (NAM, DOB, LIC...). */
  readonly summary: readonly (readonly [string, string])[];
  /** Applies it to the files. Call once, after the update is stored. */
  commit(): void;
}

/** Picks the next NIC of a file: the letter and 9 digits, never one a record already holds. */
export type NicAllocator = (file: NicSpace) => string;

/** What a NIC allocator needs of a file: its letter, and which numbers are taken. */
export interface NicSpace {
  readonly nicLetter: string;
  nicTaken(nic: string): boolean;
}

/** The state files updates go to, with the record kind in words. */
export const STATE_FILES = {
  CARPOS: 'PROTECTION ORDER', WPS: 'WANTED PERSON', SVS: 'STOLEN VEHICLE', AFS: 'GUN', APS: 'ARTICLE', ABS: 'BOAT', MPS: 'MISSING PERSON',
} as const;
export type StateFile = keyof typeof STATE_FILES;

/** NCIC action letters: the first letter of an update key says what it does (docs/domain.md section 4). */
const ACTIONS: Readonly<Record<string, UpdateAction>> = { E: 'enter', M: 'modify', X: 'cancel', L: 'locate', C: 'clear' };

interface FileOf {
  readonly stateFile: StateFile;
  readonly words: string;
  readonly action: UpdateAction;
}

type AnyRecord = FileRecord<HotFileRecord & { readonly file: string }>;

function isStateFile(target: string): target is StateFile {
  return Object.hasOwn(STATE_FILES, target);
}

/**
 * What an update key does and to which file, read from the catalogue: the key's route names
 * the owning state file, its action letter the change. Undefined for a key that is not one.
 */
export function updateOf(key: string): FileOf | undefined {
  const definition = messageKey(key);
  if (definition === undefined || definition.action !== 'update' || definition.route.kind !== 'fanout') return undefined;
  const stateFile = definition.route.targets.find(isStateFile);
  const action = ACTIONS[key.charAt(0)];
  if (stateFile === undefined || action === undefined) return undefined;
  return { stateFile, words: STATE_FILES[stateFile], action };
}

/** The hot file a state file's records live in. */
export function hotFileOf(files: Files, stateFile: StateFile): HotFile<HotFileRecord & { readonly file: string }> {
  return hotFileIn(files, stateFile) as unknown as HotFile<HotFileRecord & { readonly file: string }>;
}

function hotFileIn(files: Files, stateFile: StateFile) {
  switch (stateFile) {
    case 'CARPOS': return files.protectionOrders;
    case 'WPS': return files.warrants;
    case 'SVS': return files.stolenVehicles;
    case 'AFS': return files.guns;
    case 'APS': return files.articles;
    case 'ABS': return files.boats;
    case 'MPS': return files.missingPersons;
  }
}

/** CCYYMMDD -> YYYY-MM-DD. */
function isoOf(ncic: string): string {
  return `${ncic.slice(0, 4)}-${ncic.slice(4, 6)}-${ncic.slice(6, 8)}`;
}

function isoDay(ms: number): string {
  return new Date(Number.isFinite(ms) ? ms : 0).toISOString().slice(0, 10);
}

/** Whether a record is in the state file (its scope is the file or BOTH). */
function inStateFile(record: { readonly file: string }, stateFile: StateFile): boolean {
  return record.file === stateFile || record.file === 'BOTH';
}

function need(fields: Fields, tag: string): string {
  const value = fields.get(tag);
  if (value === undefined || value === '') throw new CletsError('CLETS_ERR_FIELD_MISSING', `${tag} is required`, { field: tag });
  return value;
}

/**
 * Supplemental identifiers a record may hold several of. A modify adds to the list (NCIC
 * supplemental data); the separator is one no value of the tag can hold.
 */
export const LIST_SEPARATORS: Readonly<Record<string, string>> = { AKA: ';', SMT: ';', MNU: ';' };

/** Tags an entry or modify keeps as extras (rendered with the record), when given. */
function extrasOf(fields: Fields, tags: readonly string[], base: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = { ...base };
  for (const tag of tags) {
    const value = fields.get(tag);
    if (value === undefined || value === '') continue;
    const separator = LIST_SEPARATORS[tag];
    const before = out[tag];
    if (separator === undefined || before === undefined || before === '') out[tag] = value;
    else if (!before.split(separator).includes(value)) out[tag] = `${before}${separator}${value}`;
  }
  return out;
}

const SUPPLEMENTAL = ['AKA', 'POB', 'CTZ', 'SKN', 'SMT', 'MNU'] as const;
const DESCRIPTORS = ['HGT', 'WGT', 'EYE', 'HAI'] as const;

function entryLife(request: UpdateRequest): RecordLife {
  return { enteredAtMs: request.atMs, updatedAtMs: request.atMs, enteredBy: request.operatorId ?? '' };
}

function touched(record: AnyRecord, atMs: number, change: Partial<RecordLife> = {}): RecordLife {
  return { ...(record.life ?? {}), updatedAtMs: atMs, ...change };
}

/** Plans one update. Throws a CletsError (not on file, duplicate, ORI missing) and changes nothing. */
export function planUpdate(files: Files, request: UpdateRequest, allocate: NicAllocator): UpdatePlan {
  if (request.key === SECOND_PARTY_CHECK_KEY) return checkRecord(files, request);
  const spec = updateOf(request.key);
  if (spec === undefined) throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', `${request.key} is not an update of a state file`, { field: 'MKE' });
  if (request.ori === '') throw new CletsError('CLETS_ERR_FIELD_MISSING', 'the ORI of the agency is required for an update', { field: 'ORI' });
  // A court's terminals enter and modify the orders the court issues (CLETS carries court
  // orders into CARPOS), and nothing else: wants, stolen property and locates are law
  // enforcement's. Its own orders only: findOwnRecord answers "not on file" for another's.
  if (spec.stateFile !== 'CARPOS' && files.agencies.get(request.ori)?.kind === 'court') {
    throw new CletsError('CLETS_ERR_COURT_ORDERS_ONLY', `ORI/${request.ori} is a court: it enters and modifies its own protection orders, not ${spec.words} records (${request.key})`, { field: 'MKE' });
  }
  switch (spec.action) {
    case 'enter':
      return ENTRIES[spec.stateFile](files, request, allocate);
    case 'modify':
      return modifyRecord(files, request, spec);
    case 'cancel':
    case 'clear':
      return retireRecord(files, request, spec);
    case 'locate':
      return locateRecord(files, request, spec);
    case 'check':
      return checkRecord(files, request);
  }
}

// --- finding the record an update names ----------------------------------------------------------

/**
 * The record a modify, cancel or clear names, by NIC or by ORI + OCA, in the state file,
 * active, and entered by the sending agency. Anything else: not on file.
 */
function findOwnRecord<T extends HotFileRecord & { readonly file: string }>(
  file: HotFile<T>, request: UpdateRequest, stateFile: StateFile,
): [number, FileRecord<T>] {
  const nic = request.fields.get('NIC');
  const oca = request.fields.get('OCA');
  let found: [number, FileRecord<T>] | undefined;
  if (nic !== undefined) {
    found = file.byNicKey(nic);
    if (found !== undefined && oca !== undefined && found[1].oca !== oca) found = undefined;
  } else if (oca !== undefined) {
    found = file.byOriAndOca(request.ori, oca).find(([, record]) => inStateFile(record, stateFile));
  }
  const what = nic !== undefined ? `NIC/${nic}` : `ORI/${request.ori} OCA/${oca ?? ''}`;
  if (found === undefined || !inStateFile(found[1], stateFile)) {
    throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `${what} not on file in ${stateFile}`, { field: nic !== undefined ? 'NIC' : 'OCA' });
  }
  if (found[1].enteringOri !== request.ori) {
    // NCIC answers "not on file" to an agency that did not enter the record.
    throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `${what} not on file in ${stateFile} for ORI/${request.ori}`, { field: 'NIC' });
  }
  return found;
}

/** The person a person-keyed record is about. */
function personIdOf(stateFile: StateFile, record: AnyRecord): string | undefined {
  switch (stateFile) {
    case 'CARPOS': return (record as unknown as ProtectionOrder).restrainedPersonId;
    case 'WPS':
    case 'MPS': return (record as unknown as Warrant).personId;
    default: return undefined;
  }
}

/**
 * What a modify, cancel, locate or clear names of the subject (NAM; LIC/LIS/VIN; SER;
 * BHN/REG) must be the record's: a mistyped NIC must not reach another record.
 */
function checkSubject(files: Files, request: UpdateRequest, stateFile: StateFile, record: AnyRecord): void {
  const fields = request.fields;
  const mismatch = (tag: string): never => {
    throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `${tag}/${fields.get(tag) ?? ''} does not match the record in ${stateFile}`, { field: tag });
  };
  const personId = personIdOf(stateFile, record);
  const given = fields.get('NAM');
  if (personId !== undefined && given !== undefined) {
    const name = parseName(given);
    const person = files.person(personId);
    if (name !== undefined && person !== undefined && (person.last !== name.last || person.first !== name.first || !middleAgrees(name.middle, person.middle))) {
      mismatch('NAM');
    }
  }
  if (stateFile === 'SVS') {
    const vehicle = files.vehicle((record as unknown as StolenVehicle).vehicleId);
    if (vehicle === undefined) return;
    const lic = fields.get('LIC');
    const vin = fields.get('VIN');
    if (lic !== undefined && (lic !== vehicle.plate || fields.get('LIS') !== vehicle.plateState)) mismatch('LIC');
    if (vin !== undefined && vin !== vehicle.vin) mismatch('VIN');
  }
  if ((stateFile === 'AFS' || stateFile === 'APS') && fields.has('SER') && fields.get('SER') !== (record as unknown as Gun).serial) mismatch('SER');
  if (stateFile === 'ABS') {
    const boat = record as unknown as Boat;
    if (fields.has('BHN') && fields.get('BHN') !== boat.hullNumber) mismatch('BHN');
    if (fields.has('REG') && fields.get('REG') !== boat.registration) mismatch('REG');
  }
}

function checkNotDuplicate<T extends HotFileRecord & { readonly file: string }>(file: HotFile<T>, request: UpdateRequest, stateFile: StateFile): string {
  const oca = need(request.fields, 'OCA');
  const existing = file.byOriAndOca(request.ori, oca).find(([, record]) => inStateFile(record, stateFile));
  if (existing !== undefined) {
    throw new CletsError('CLETS_ERR_RECORD_CONFLICT', `ORI/${request.ori} OCA/${oca} already on file in ${stateFile} as NIC/${existing[1].nic}`, { field: 'OCA' });
  }
  return oca;
}

/** One active record per property item: a second entry of the same item is a duplicate (NCIC rejects it). */
function checkItemNotOnFile(records: readonly AnyRecord[], stateFile: StateFile, field: string): void {
  const already = records.find((record) => inStateFile(record, stateFile));
  if (already !== undefined) throw new CletsError('CLETS_ERR_RECORD_CONFLICT', `already on file in ${stateFile} as NIC/${already.nic}`, { field });
}

// --- persons and vehicles named by an entry ------------------------------------------------------

/**
 * The person an entry names: the one on file with the same name, DOB and sex, else a new
 * person made from the entry's descriptors (not a DMV record: no licence, no vehicle).
 */
function subjectOf(files: Files, fields: Fields, nic: string): { person: Person; isNew: boolean } {
  const exact = new Map<string, string>();
  for (const tag of ['NAM', 'DOB', 'SEX']) {
    const value = fields.get(tag);
    if (value !== undefined) exact.set(tag, value);
  }
  const onFile = findPersons(files, exact)[0];
  if (onFile !== undefined) return { person: onFile, isNew: false };
  const name = parseName(need(fields, 'NAM'));
  if (name === undefined) throw new CletsError('CLETS_ERR_FIELD_INVALID', 'NAM must be LAST,FIRST MIDDLE', { field: 'NAM' });
  const person = {
    id: `X${nic}`,
    last: name.last,
    first: name.first,
    ...(name.middle ? { middle: name.middle } : {}),
    sex: need(fields, 'SEX'),
    race: need(fields, 'RAC'),
    dob: need(fields, 'DOB'),
    height: fields.get('HGT') ?? '',
    weight: Number(fields.get('WGT') ?? 0),
    eyes: fields.get('EYE') ?? '',
    hair: fields.get('HAI') ?? '',
    ...(fields.has('SOC') ? { soc: fields.get('SOC') } : {}),
    ...(fields.has('FBI') ? { fbi: fields.get('FBI') } : {}),
    ...(fields.has('SID') ? { sid: fields.get('SID') } : {}),
    address: { street: '', city: '', state: 'CA', zip: '' },
    state: 'CA',
  } as Person;
  return { person, isNew: true };
}

function vehicleOf(files: Files, fields: Fields, nic: string): { vehicle: Vehicle; isNew: boolean } {
  const onFile = findVehicles(files, fields)[0];
  if (onFile !== undefined) return { vehicle: onFile, isNew: false };
  const liy = fields.get('LIY');
  const vehicle = {
    id: `X${nic}`,
    vin: fields.get('VIN') ?? '',
    plate: fields.get('LIC') ?? '',
    plateState: fields.get('LIS') ?? '',
    plateType: fields.get('LIT') ?? '',
    year: Number(fields.get('VYR') ?? 0),
    make: fields.get('VMA') ?? '',
    model: fields.get('VMO') ?? '',
    style: fields.get('VST') ?? '',
    color: fields.get('VCO') ?? '',
    ownerPersonId: '',
    registrationExpires: liy ? `${liy}-12-31` : '',
    registrationStatus: 'CURRENT',
    stops: [],
  } as unknown as Vehicle;
  return { vehicle, isNew: true };
}

// --- entries ------------------------------------------------------------------------------------

function entryNic(request: UpdateRequest, file: NicSpace, allocate: NicAllocator): string {
  return request.nic ?? allocate(file);
}

function personSummary(person: Person): (readonly [string, string])[] {
  return [['NAM', person.middle ? `${person.last},${person.first} ${person.middle}` : `${person.last},${person.first}`], ['DOB', person.dob]];
}

/** The members every entered record has: NIC, file, entering agency, case number, entry date and time. */
function entered<F extends StateFile>(request: UpdateRequest, nic: string, oca: string, stateFile: F) {
  return { id: `X${nic}`, nic, file: stateFile, enteringOri: request.ori, oca, enteredOn: isoDay(request.atMs), life: entryLife(request) };
}

type Entry = (files: Files, request: UpdateRequest, allocate: NicAllocator) => UpdatePlan;

function plan(request: UpdateRequest, action: UpdateAction, stateFile: StateFile, record: { nic: string; enteringOri: string; oca: string },
  summary: readonly (readonly [string, string])[], commit: () => void): UpdatePlan {
  return {
    key: request.key, action, file: stateFile, words: STATE_FILES[stateFile], nic: record.nic, enteringOri: record.enteringOri, oca: record.oca,
    summary, commit,
  };
}

/** Parsed PNO/PDB: the protected person an order names. */
function protectedPersonOf(fields: Fields, fallback?: ProtectedPerson): ProtectedPerson {
  const text = fields.get('PNO');
  const parsed = text === undefined ? undefined : parseName(text);
  return {
    last: parsed?.last ?? fallback?.last ?? text ?? '',
    first: parsed === undefined ? (fallback?.first ?? '') : [parsed.first, parsed.middle].filter(Boolean).join(' '),
    dob: fields.get('PDB') ?? fallback?.dob ?? '',
  };
}

/** The conditions of an order: the PCO codes, then any free-text conditions (CND) as the renderer joins them. */
function conditionsOf(fields: Fields, old: readonly string[] = []): string[] {
  const codes = fields.get('PCO');
  const text = fields.get('CND');
  const fromCodes = codes === undefined ? old.filter((item) => /^[0-9]{2}$/.test(item)) : codes.split(' ');
  const fromText = text === undefined ? old.filter((item) => !/^[0-9]{2}$/.test(item)) : text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  return [...fromCodes, ...fromText];
}

const ORDER_EXTRAS = [...DESCRIPTORS, 'OLN', 'OLS', 'BRD', 'MIS', ...SUPPLEMENTAL] as const;
const PERSON_EXTRAS = [...DESCRIPTORS, 'OLN', 'OLS', 'MIS', ...SUPPLEMENTAL] as const;

const enterProtectionOrder: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.protectionOrders;
  const oca = checkNotDuplicate(file, request, 'CARPOS');
  const nic = entryNic(request, file, allocate);
  const { person, isNew } = subjectOf(files, fields, nic);
  const served = fields.get('SRV');
  const record: FileRecord<ProtectionOrder> = {
    ...entered(request, nic, oca, 'CARPOS'),
    restrainedPersonId: person.id,
    protectedPersons: [protectedPersonOf(fields)],
    orderType: need(fields, 'POT') as ProtectionOrder['orderType'],
    issuedOn: isoOf(need(fields, 'ISD')),
    expiresOn: isoOf(need(fields, 'EXP')),
    court: need(fields, 'CRT'),
    conditions: conditionsOf(fields),
    served: served !== undefined,
    extras: extrasOf(fields, [...ORDER_EXTRAS, 'SRV']),
  };
  return plan(request, 'enter', 'CARPOS', record, [...personSummary(person), ['POT', record.orderType], ['EXP', need(fields, 'EXP')]], () => {
    if (isNew) files.addPerson(person);
    file.append(record);
  });
};

const EXTRADITION_OF_CODE: Readonly<Record<string, Warrant['extradition']>> = {
  1: 'FULL', 2: 'LIMITED', 3: 'LIMITED', 4: 'IN-STATE ONLY', 5: 'LIMITED', 6: 'IN-STATE ONLY',
};

const enterWarrant: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.warrants;
  const oca = checkNotDuplicate(file, request, 'WPS');
  const nic = entryNic(request, file, allocate);
  const { person, isNew } = subjectOf(files, fields, nic);
  const exl = need(fields, 'EXL');
  const record: FileRecord<Warrant> = {
    ...entered(request, nic, oca, 'WPS'),
    personId: person.id,
    offense: need(fields, 'OFF'),
    warrantType: need(fields, 'WTY') === 'M' ? 'MISDEMEANOR' : 'FELONY',
    extradition: EXTRADITION_OF_CODE[exl] ?? 'LIMITED',
    issuedOn: isoOf(need(fields, 'DOW')),
    court: fields.get('CRT') ?? '',
    extras: extrasOf(fields, PERSON_EXTRAS, { EXL: exl }),
  };
  return plan(request, 'enter', 'WPS', record, [...personSummary(person), ['OFF', record.offense]], () => {
    if (isNew) files.addPerson(person);
    file.append(record);
  });
};

const enterMissingPerson: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.missingPersons;
  const oca = checkNotDuplicate(file, request, 'MPS');
  const nic = entryNic(request, file, allocate);
  const { person, isNew } = subjectOf(files, fields, nic);
  const category = MISSING_CATEGORY_CODES[need(fields, 'MNP') as keyof typeof MISSING_CATEGORY_CODES] ?? 'OTHER';
  const record: FileRecord<MissingPerson> = {
    ...entered(request, nic, oca, 'MPS'),
    personId: person.id,
    category,
    missingSince: isoOf(need(fields, 'DLC')),
    extras: extrasOf(fields, PERSON_EXTRAS),
  };
  return plan(request, 'enter', 'MPS', record, [...personSummary(person), ['MNP', need(fields, 'MNP')]], () => {
    if (isNew) files.addPerson(person);
    file.append(record);
  });
};

const enterStolenVehicle: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.stolenVehicles;
  const oca = checkNotDuplicate(file, request, 'SVS');
  const nic = entryNic(request, file, allocate);
  const { vehicle, isNew } = vehicleOf(files, fields, nic);
  if (!isNew) checkItemNotOnFile(file.bySubjectKey(vehicle.id), 'SVS', fields.has('VIN') ? 'VIN' : 'LIC');
  const record: FileRecord<StolenVehicle> = {
    ...entered(request, nic, oca, 'SVS'),
    vehicleId: vehicle.id,
    theftDate: isoOf(need(fields, 'DOT')),
    extras: extrasOf(fields, ['MIS']),
  };
  const summary: (readonly [string, string])[] = [];
  if (vehicle.plate) summary.push(['LIC', vehicle.plate], ['LIS', vehicle.plateState]);
  if (vehicle.vin) summary.push(['VIN', vehicle.vin]);
  return plan(request, 'enter', 'SVS', record, summary, () => {
    if (isNew) files.addVehicle(vehicle);
    file.append(record);
  });
};

/** A gun type as entered: NCIC's two-letter code, or the word the files keep. */
function gunTypeOf(value: string): Gun['type'] {
  const word = (GUN_TYPE_CODES as Readonly<Record<string, string>>)[value] ?? value;
  if (!Object.values(GUN_TYPE_CODES).includes(word as Gun['type'])) {
    throw new CletsError('CLETS_ERR_FIELD_INVALID', `TYP ${value}: not a gun type: one of ${Object.keys(GUN_TYPE_CODES).join(' ')}`, { field: 'TYP' });
  }
  return word as Gun['type'];
}

const enterGun: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.guns;
  const oca = checkNotDuplicate(file, request, 'AFS');
  const serial = need(fields, 'SER');
  const make = need(fields, 'MAK');
  checkItemNotOnFile(file.bySubjectKey(serial).filter((gun) => gun.make === make), 'AFS', 'SER');
  const type = gunTypeOf(need(fields, 'TYP'));
  const nic = entryNic(request, file, allocate);
  const record: FileRecord<Gun> = {
    ...entered(request, nic, oca, 'AFS'),
    serial, make, caliber: need(fields, 'CAL'), model: fields.get('MOD') ?? '', type, status: 'STOLEN',
    extras: extrasOf(fields, ['DOT', 'MIS']),
  };
  return plan(request, 'enter', 'AFS', record, [['SER', serial], ['MAK', make], ['CAL', record.caliber]], () => file.append(record));
};

const enterArticle: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.articles;
  const oca = checkNotDuplicate(file, request, 'APS');
  const serial = need(fields, 'SER');
  const brand = need(fields, 'MAK');
  checkItemNotOnFile(file.bySubjectKey(serial).filter((article) => article.brand === brand), 'APS', 'SER');
  const nic = entryNic(request, file, allocate);
  const record: FileRecord<Article> = {
    ...entered(request, nic, oca, 'APS'),
    serial, type: need(fields, 'TYP'), brand, description: fields.get('MIS') ?? '', theftDate: isoOf(need(fields, 'DOT')),
    extras: extrasOf(fields, ['MOD']),
  };
  return plan(request, 'enter', 'APS', record, [['SER', serial], ['TYP', record.type], ['MAK', brand]], () => file.append(record));
};

const enterBoat: Entry = (files, request, allocate) => {
  const { fields } = request;
  const file = files.boats;
  const oca = checkNotDuplicate(file, request, 'ABS');
  const hull = fields.get('BHN') ?? '';
  const registration = fields.get('REG') ?? '';
  if (hull !== '') checkItemNotOnFile(file.bySubjectKey(hull), 'ABS', 'BHN');
  if (registration !== '') checkItemNotOnFile(files.boatsByRegistration(registration), 'ABS', 'REG');
  const nic = entryNic(request, file, allocate);
  const record: FileRecord<Boat> = {
    ...entered(request, nic, oca, 'ABS'),
    hullNumber: hull, registration, make: need(fields, 'MAK'), length: Number(fields.get('BLE') ?? 0), theftDate: isoOf(need(fields, 'DOT')),
    extras: extrasOf(fields, ['MIS']),
  };
  const summary: (readonly [string, string])[] = [];
  if (hull) summary.push(['BHN', hull]);
  if (registration) summary.push(['REG', registration]);
  return plan(request, 'enter', 'ABS', record, summary, () => files.indexBoat(file.append(record)));
};

const ENTRIES: Readonly<Record<StateFile, Entry>> = {
  CARPOS: enterProtectionOrder, WPS: enterWarrant, SVS: enterStolenVehicle, AFS: enterGun, APS: enterArticle, ABS: enterBoat, MPS: enterMissingPerson,
};

// --- modify -------------------------------------------------------------------------------------

/** The members a modify changes, per file: the record with the given fields applied. */
function modified(stateFile: StateFile, old: AnyRecord, fields: Fields): Record<string, unknown> {
  const value = (tag: string): string | undefined => fields.get(tag);
  const out: Record<string, unknown> = {};
  const set = (member: string, tag: string, convert: (text: string) => unknown = (text) => text): void => {
    const given = value(tag);
    if (given !== undefined) out[member] = convert(given);
  };
  switch (stateFile) {
    case 'CARPOS': {
      const order = old as unknown as ProtectionOrder;
      set('expiresOn', 'EXP', isoOf);
      set('court', 'CRT');
      set('orderType', 'POT');
      if (fields.has('PCO') || fields.has('CND')) out.conditions = conditionsOf(fields, order.conditions);
      if (fields.has('SRV')) out.served = true;
      if (fields.has('PNO') || fields.has('PDB')) {
        out.protectedPersons = [protectedPersonOf(fields, order.protectedPersons[0]), ...order.protectedPersons.slice(1)];
      }
      break;
    }
    case 'WPS':
      set('offense', 'OFF');
      set('warrantType', 'WTY', (code) => (code === 'M' ? 'MISDEMEANOR' : 'FELONY'));
      set('extradition', 'EXL', (code) => EXTRADITION_OF_CODE[code] ?? 'LIMITED');
      set('issuedOn', 'DOW', isoOf);
      set('court', 'CRT');
      break;
    case 'MPS':
      set('category', 'MNP', (code) => MISSING_CATEGORY_CODES[code as keyof typeof MISSING_CATEGORY_CODES] ?? 'OTHER');
      set('missingSince', 'DLC', isoOf);
      break;
    case 'AFS':
      set('make', 'MAK');
      set('caliber', 'CAL');
      set('model', 'MOD');
      set('type', 'TYP', gunTypeOf);
      break;
    case 'APS':
      set('type', 'TYP');
      set('brand', 'MAK');
      set('description', 'MIS');
      break;
    case 'ABS':
      set('registration', 'REG');
      set('make', 'MAK');
      set('length', 'BLE', Number);
      break;
    case 'SVS':
      break;
  }
  return out;
}

/** Tags kept beside the record's members (rendered as entered), per file. */
const MODIFY_EXTRAS: Readonly<Record<StateFile, readonly string[]>> = {
  CARPOS: [...ORDER_EXTRAS, 'SRV'],
  WPS: [...PERSON_EXTRAS, 'EXL', 'SOC', 'FBI', 'SID'],
  MPS: [...PERSON_EXTRAS, 'SOC', 'FBI', 'SID'],
  SVS: ['VMO', 'VST', 'VCO', 'MIS'],
  AFS: ['MIS'],
  APS: ['MOD'],
  ABS: ['MIS'],
};

function modifyRecord(files: Files, request: UpdateRequest, spec: FileOf): UpdatePlan {
  const { fields } = request;
  const file = hotFileOf(files, spec.stateFile);
  const [index, old] = findOwnRecord(file, request, spec.stateFile);
  checkSubject(files, request, spec.stateFile, old);
  const changed: (readonly [string, string])[] = [];
  for (const [tag, value] of fields) if (tag !== 'NIC' && tag !== 'OCA' && tag !== 'NAM') changed.push([tag, value]);
  // VLN: the record was validated (NCIC validates by a modify naming the validator): VLN
  // alone confirms it as it stands, with other fields it modifies and validates.
  const validator = fields.get('VLN');
  const validated = validator === undefined ? {} : { validated: { name: validator, by: request.operatorId ?? '', atMs: request.atMs } };
  const record = {
    ...old,
    ...modified(spec.stateFile, old, fields),
    extras: extrasOf(fields, [...MODIFY_EXTRAS[spec.stateFile], 'VLN'], old.extras ?? {}),
    life: touched(old, request.atMs, validated),
  } as AnyRecord;
  return plan(request, 'modify', spec.stateFile, old, changed, () => {
    file.replace(index, record);
    if (spec.stateFile === 'ABS') files.indexBoat(index);
  });
}

// --- cancel and clear -------------------------------------------------------------------------------

/** Cancel (entered in error) or clear (apprehended, recovered): the record leaves the active file. */
function retireRecord(files: Files, request: UpdateRequest, spec: FileOf): UpdatePlan {
  const file = hotFileOf(files, spec.stateFile);
  const [index, record] = findOwnRecord(file, request, spec.stateFile);
  checkSubject(files, request, spec.stateFile, record);
  const summary: (readonly [string, string])[] = [];
  const date = request.fields.get('DCL');
  if (date !== undefined) summary.push(['DCL', date]);
  return plan(request, spec.action, spec.stateFile, record, summary, () => file.cancel(index));
}

// --- locate -------------------------------------------------------------------------------------

/**
 * A locate, by the agency that found the person or property: by NIC (the locating agency
 * knows the NIC from its hit, not the entering agency's case number), on an active record
 * not located yet, entered by another agency.
 */
function locateRecord(files: Files, request: UpdateRequest, spec: FileOf): UpdatePlan {
  const file = hotFileOf(files, spec.stateFile);
  const nic = need(request.fields, 'NIC');
  const found = file.byNicKey(nic);
  if (found === undefined || !inStateFile(found[1], spec.stateFile)) {
    throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `NIC/${nic} not on file in ${spec.stateFile}`, { field: 'NIC' });
  }
  const [index, old] = found;
  checkSubject(files, request, spec.stateFile, old);
  if (old.enteringOri === request.ori) {
    throw new CletsError('CLETS_ERR_LOCATE_OWN_RECORD', `NIC/${nic} was entered by ORI/${request.ori}: clear it (C${request.key.slice(1)}) or cancel it (X${request.key.slice(1)})`, { field: 'NIC' });
  }
  const already = old.life?.located;
  if (already !== undefined) {
    throw new CletsError('CLETS_ERR_RECORD_STATE', `NIC/${nic} already located on ${already.on} by ORI/${already.ori}`, { field: 'NIC' });
  }
  const on = need(request.fields, 'DOL');
  const caseNumber = request.fields.get('LCA');
  const located = { on, ori: request.ori, ...(caseNumber !== undefined ? { caseNumber } : {}), atMs: request.atMs };
  const record = { ...old, life: touched(old, request.atMs, { located }) } as AnyRecord;
  const summary: (readonly [string, string])[] = [['DOL', on], ['LKI', request.ori]];
  if (caseNumber !== undefined) summary.push(['LCA', caseNumber]);
  return plan(request, 'locate', spec.stateFile, old, summary, () => {
    file.replace(index, record);
    // NCIC: a missing person's locate retires the record at once (the person is found).
    if (spec.stateFile === 'MPS') file.cancel(index);
  });
}

// --- second-party check -------------------------------------------------------------------------

/**
 * The second-party check of a new entry (record-care.ts): by NIC, by the entering agency (to
 * any other the record is not on file), by an operator other than the one who entered it,
 * once. A record the data files held before the simulation counts as checked already.
 */
function checkRecord(files: Files, request: UpdateRequest): UpdatePlan {
  const nic = need(request.fields, 'NIC');
  const stateFile = FILE_OF_NIC_LETTER[nic.charAt(0)];
  if (stateFile === undefined) throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `NIC/${nic}: no state file holds records with the letter ${nic.charAt(0)}`, { field: 'NIC' });
  const file = hotFileOf(files, stateFile);
  const [index, old] = findOwnRecord(file, request, stateFile);
  const life = old.life;
  if (life?.enteredBy === undefined) {
    throw new CletsError('CLETS_ERR_RECORD_STATE', `NIC/${nic} was entered before this file was kept here: it counts as checked`, { field: 'NIC' });
  }
  if (life.checked !== undefined) {
    throw new CletsError('CLETS_ERR_RECORD_STATE', `NIC/${nic} already second-party checked by ${life.checked.by}`, { field: 'NIC' });
  }
  const operator = request.operatorId ?? '';
  if (operator === '' || operator === life.enteredBy) {
    throw new CletsError('CLETS_ERR_SECOND_PARTY_SAME_OPERATOR', `NIC/${nic} was entered by ${life.enteredBy || 'an unknown operator'}: a second operator of ORI/${request.ori} checks it`, { field: 'NIC' });
  }
  const record = { ...old, life: { ...life, checked: { by: operator, atMs: request.atMs } } } as AnyRecord;
  return plan(request, 'check', stateFile, old, [['SPC', operator]], () => file.replace(index, record));
}
