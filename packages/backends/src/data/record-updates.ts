/**
 * Entries, modifications and cancellations of hot-file records (EPO/MPO/XPO, EW/XW, EV/XV),
 * applied to the in-memory files. Each update is planned first (every check done, the new
 * record built, nothing changed), so the update store can write it durably before
 * `commit()` changes the files: an update is never visible before it is on disk.
 *
 * NCIC practice followed here: a record is identified by its NIC, or by ORI + OCA; only the
 * entering agency (the ORI that entered it) may modify or cancel it, anyone else is told
 * the record is not on file; an entry with the ORI and OCA of a record already in the file
 * is a duplicate. Updates go to the one state file that owns the record (catalogue.ts).
 */
import type {
  HotFileRecord, Person, ProtectedPerson, ProtectionOrder, StolenVehicle, Vehicle, Warrant,
} from '@clets/data-files';
import { CletsError, messageKey } from '@clets/protocol';
import type { FileRecord, Files, HotFile } from './indexes.js';
import { findPersons, findVehicles, middleAgrees, parseName, type Fields } from './matching.js';

/** What the update store knows of an update, enough to plan it again on replay. */
export interface UpdateRequest {
  readonly key: string;
  readonly fields: Fields;
  /** The ORI of the agency sending it (header.ori): the entering agency of an entry. */
  readonly ori: string;
  readonly atMs: number;
  /** On replay of an entry: the NIC it was given the first time. */
  readonly nic?: string;
}

export type UpdateAction = 'enter' | 'modify' | 'cancel';

/** A checked update, ready to apply. */
export interface UpdatePlan {
  readonly key: string;
  readonly action: UpdateAction;
  /** The state file that holds the record: CARPOS, WPS, SVS. */
  readonly file: string;
  /** The file in words: PROTECTION ORDER, WANTED PERSON, STOLEN VEHICLE. */
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
const STATE_FILES = { CARPOS: 'PROTECTION ORDER', WPS: 'WANTED PERSON', SVS: 'STOLEN VEHICLE' } as const;
type StateFile = keyof typeof STATE_FILES;

/** NCIC action letters: the first letter of an update key says what it does (docs/domain.md section 4). */
const ACTIONS: Readonly<Record<string, UpdateAction>> = { E: 'enter', M: 'modify', X: 'cancel' };

interface FileOf {
  readonly stateFile: StateFile;
  readonly words: string;
  readonly action: UpdateAction;
}

function isStateFile(target: string): target is StateFile {
  return Object.hasOwn(STATE_FILES, target);
}

/**
 * What an update key does and to which file, read from the catalogue: the key's route names
 * the owning state file, its action letter the change. Undefined for a key that is not one.
 */
function updateOf(key: string): FileOf | undefined {
  const definition = messageKey(key);
  if (definition === undefined || definition.action !== 'update' || definition.route.kind !== 'fanout') return undefined;
  const stateFile = definition.route.targets.find(isStateFile);
  const action = ACTIONS[key.charAt(0)];
  if (stateFile === undefined || action === undefined) return undefined;
  return { stateFile, words: STATE_FILES[stateFile], action };
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

/** Tags an entry keeps as extras (rendered with the record), when given. */
function extrasOf(fields: Fields, tags: readonly string[], base: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = { ...base };
  for (const tag of tags) {
    const value = fields.get(tag);
    if (value !== undefined && value !== '') out[tag] = value;
  }
  return out;
}

/** Plans one update. Throws a CletsError (not on file, duplicate, ORI missing) and changes nothing. */
export function planUpdate(files: Files, request: UpdateRequest, allocate: NicAllocator): UpdatePlan {
  const spec = updateOf(request.key);
  if (spec === undefined) throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', `${request.key} is not an update of a state file`, { field: 'MKE' });
  if (request.ori === '') throw new CletsError('CLETS_ERR_FIELD_MISSING', 'the ORI of the agency is required for an update', { field: 'ORI' });
  if (spec.action === 'cancel') return cancelRecord(files, request, spec);
  if (spec.action === 'modify' && spec.stateFile === 'CARPOS') return modifyProtectionOrder(files, request);
  if (spec.action === 'enter') {
    switch (spec.stateFile) {
      case 'CARPOS':
        return enterProtectionOrder(files, request, allocate);
      case 'WPS':
        return enterWarrant(files, request, allocate);
      case 'SVS':
        return enterStolenVehicle(files, request, allocate);
    }
  }
  throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', `${request.key}: ${spec.stateFile} records are not modified by this simulation`, { field: 'MKE' });
}

// --- finding the record an update names ----------------------------------------------------------

/**
 * The record a modify or cancel names, by NIC or by ORI + OCA, in the state file, active,
 * and entered by the sending agency. Anything else: not on file.
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

/** The NAM given with a modify or cancel must be the record subject's. */
function checkSubjectName(files: Files, request: UpdateRequest, personId: string | undefined, stateFile: StateFile): void {
  const given = request.fields.get('NAM');
  if (given === undefined || personId === undefined) return;
  const name = parseName(given);
  const person = files.person(personId);
  if (name === undefined || person === undefined) return;
  if (person.last !== name.last || person.first !== name.first || !middleAgrees(name.middle, person.middle)) {
    throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', `NAM/${given} does not match the record in ${stateFile}`, { field: 'NAM' });
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

function enterProtectionOrder(files: Files, request: UpdateRequest, allocate: NicAllocator): UpdatePlan {
  const { fields } = request;
  const file = files.protectionOrders;
  const oca = checkNotDuplicate(file, request, 'CARPOS');
  const nic = entryNic(request, file, allocate);
  const { person, isNew } = subjectOf(files, fields, nic);
  const protectedName = parseName(need(fields, 'PNO'));
  const protectedPerson: ProtectedPerson = {
    last: protectedName?.last ?? need(fields, 'PNO'),
    first: protectedName === undefined ? '' : [protectedName.first, protectedName.middle].filter(Boolean).join(' '),
    dob: fields.get('PDB') ?? '',
  };
  const record: FileRecord<ProtectionOrder> = {
    id: `X${nic}`,
    nic,
    restrainedPersonId: person.id,
    protectedPersons: [protectedPerson],
    orderType: need(fields, 'POT') as ProtectionOrder['orderType'],
    issuedOn: isoOf(need(fields, 'ISD')),
    expiresOn: isoOf(need(fields, 'EXP')),
    court: need(fields, 'CRT'),
    conditions: conditionsOf(fields.get('CND')),
    served: false,
    file: 'CARPOS',
    enteringOri: request.ori,
    oca,
    enteredOn: isoDay(request.atMs),
    extras: extrasOf(fields, ['HGT', 'WGT', 'EYE', 'HAI', 'OLN', 'OLS', 'BRD', 'MIS']),
  };
  return {
    key: request.key, action: 'enter', file: 'CARPOS', words: 'PROTECTION ORDER', nic, enteringOri: request.ori, oca,
    summary: [...personSummary(person), ['POT', record.orderType], ['EXP', need(fields, 'EXP')]],
    commit() {
      if (isNew) files.addPerson(person);
      file.append(record);
    },
  };
}

/** CND is free text; conditions are listed comma-separated, as the renderer joins them. */
function conditionsOf(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

const EXTRADITION_OF_CODE: Readonly<Record<string, Warrant['extradition']>> = {
  1: 'FULL', 2: 'LIMITED', 3: 'LIMITED', 4: 'IN-STATE ONLY', 5: 'LIMITED', 6: 'IN-STATE ONLY',
};

function enterWarrant(files: Files, request: UpdateRequest, allocate: NicAllocator): UpdatePlan {
  const { fields } = request;
  const file = files.warrants;
  const oca = checkNotDuplicate(file, request, 'WPS');
  const nic = entryNic(request, file, allocate);
  const { person, isNew } = subjectOf(files, fields, nic);
  const exl = need(fields, 'EXL');
  const record: FileRecord<Warrant> = {
    id: `X${nic}`,
    nic,
    personId: person.id,
    offense: need(fields, 'OFF'),
    warrantType: need(fields, 'WTY') === 'M' ? 'MISDEMEANOR' : 'FELONY',
    extradition: EXTRADITION_OF_CODE[exl] ?? 'LIMITED',
    issuedOn: isoOf(need(fields, 'DOW')),
    court: fields.get('CRT') ?? '',
    file: 'WPS',
    enteringOri: request.ori,
    oca,
    enteredOn: isoDay(request.atMs),
    extras: extrasOf(fields, ['HGT', 'WGT', 'EYE', 'HAI', 'OLN', 'OLS', 'MIS'], { EXL: exl }),
  };
  return {
    key: request.key, action: 'enter', file: 'WPS', words: 'WANTED PERSON', nic, enteringOri: request.ori, oca,
    summary: [...personSummary(person), ['OFF', record.offense]],
    commit() {
      if (isNew) files.addPerson(person);
      file.append(record);
    },
  };
}

function enterStolenVehicle(files: Files, request: UpdateRequest, allocate: NicAllocator): UpdatePlan {
  const { fields } = request;
  const file = files.stolenVehicles;
  const oca = checkNotDuplicate(file, request, 'SVS');
  const nic = entryNic(request, file, allocate);
  const { vehicle, isNew } = vehicleOf(files, fields, nic);
  // One active stolen-vehicle record per vehicle: a second entry is a duplicate (NCIC rejects it).
  const already = isNew ? undefined : file.bySubjectKey(vehicle.id).find((record) => inStateFile(record, 'SVS'));
  if (already !== undefined) {
    throw new CletsError('CLETS_ERR_RECORD_CONFLICT', `vehicle already on file in SVS as NIC/${already.nic}`, { field: fields.has('VIN') ? 'VIN' : 'LIC' });
  }
  const record: FileRecord<StolenVehicle> = {
    id: `X${nic}`,
    nic,
    vehicleId: vehicle.id,
    theftDate: isoOf(need(fields, 'DOT')),
    file: 'SVS',
    enteringOri: request.ori,
    oca,
    enteredOn: isoDay(request.atMs),
    extras: extrasOf(fields, ['MIS']),
  };
  const summary: (readonly [string, string])[] = [];
  if (vehicle.plate) summary.push(['LIC', vehicle.plate], ['LIS', vehicle.plateState]);
  if (vehicle.vin) summary.push(['VIN', vehicle.vin]);
  return {
    key: request.key, action: 'enter', file: 'SVS', words: 'STOLEN VEHICLE', nic, enteringOri: request.ori, oca, summary,
    commit() {
      if (isNew) files.addVehicle(vehicle);
      file.append(record);
    },
  };
}

// --- modify and cancel ----------------------------------------------------------------------------

function modifyProtectionOrder(files: Files, request: UpdateRequest): UpdatePlan {
  const { fields } = request;
  const file = files.protectionOrders;
  const [index, old] = findOwnRecord(file, request, 'CARPOS');
  checkSubjectName(files, request, old.restrainedPersonId, 'CARPOS');
  const changed: (readonly [string, string])[] = [];
  const note = (tag: string): string | undefined => {
    const value = fields.get(tag);
    if (value !== undefined) changed.push([tag, value]);
    return value;
  };
  const expires = note('EXP');
  const conditions = note('CND');
  const court = note('CRT');
  const orderType = note('POT');
  const protectedNameText = note('PNO');
  const protectedDob = note('PDB');
  let protectedPersons = old.protectedPersons;
  if (protectedNameText !== undefined || protectedDob !== undefined) {
    const first = protectedPersons[0];
    const parsed = protectedNameText === undefined ? undefined : parseName(protectedNameText);
    const replaced: ProtectedPerson = {
      last: parsed?.last ?? first?.last ?? '',
      first: parsed === undefined ? (first?.first ?? '') : [parsed.first, parsed.middle].filter(Boolean).join(' '),
      dob: protectedDob ?? first?.dob ?? '',
    };
    protectedPersons = [replaced, ...protectedPersons.slice(1)];
  }
  const extraTags = ['BRD', 'MIS', 'HGT', 'WGT', 'EYE', 'HAI'];
  for (const tag of extraTags) note(tag);
  const record: FileRecord<ProtectionOrder> = {
    ...old,
    ...(expires !== undefined ? { expiresOn: isoOf(expires) } : {}),
    ...(conditions !== undefined ? { conditions: conditionsOf(conditions) } : {}),
    ...(court !== undefined ? { court } : {}),
    ...(orderType !== undefined ? { orderType: orderType as ProtectionOrder['orderType'] } : {}),
    protectedPersons,
    extras: extrasOf(fields, extraTags, old.extras ?? {}),
  };
  return {
    key: request.key, action: 'modify', file: 'CARPOS', words: 'PROTECTION ORDER', nic: old.nic, enteringOri: old.enteringOri,
    oca: old.oca, summary: changed,
    commit() {
      file.replace(index, record);
    },
  };
}

function cancelRecord(files: Files, request: UpdateRequest, spec: FileOf): UpdatePlan {
  switch (spec.stateFile) {
    case 'CARPOS':
      return cancelIn(files, files.protectionOrders, request, spec, (record) => checkSubjectName(files, request, record.restrainedPersonId, 'CARPOS'));
    case 'WPS':
      return cancelIn(files, files.warrants, request, spec, (record) => checkSubjectName(files, request, record.personId, 'WPS'));
    case 'SVS':
      return cancelIn(files, files.stolenVehicles, request, spec, (record) => checkVehicleKeys(files, request, record.vehicleId));
  }
}

/** Finds the sender's own record, checks what else the cancel names, and plans its cancellation. */
function cancelIn<T extends HotFileRecord & { readonly file: string }>(
  files: Files, file: HotFile<T>, request: UpdateRequest, spec: FileOf, check: (record: T) => void,
): UpdatePlan {
  const [index, record] = findOwnRecord(file, request, spec.stateFile);
  check(record);
  return {
    key: request.key, action: 'cancel', file: spec.stateFile, words: spec.words, nic: record.nic, enteringOri: record.enteringOri,
    oca: record.oca, summary: [],
    commit() {
      file.cancel(index);
    },
  };
}

/** LIC/LIS or VIN given with an XV must be the stolen vehicle's. */
function checkVehicleKeys(files: Files, request: UpdateRequest, vehicleId: string): void {
  const vehicle = files.vehicle(vehicleId);
  if (vehicle === undefined) return;
  const lic = request.fields.get('LIC');
  const vin = request.fields.get('VIN');
  const mismatch = (lic !== undefined && (lic !== vehicle.plate || request.fields.get('LIS') !== vehicle.plateState))
    || (vin !== undefined && vin !== vehicle.vin);
  if (mismatch) throw new CletsError('CLETS_ERR_RECORD_NOT_FOUND', 'LIC/VIN does not match the record in SVS', { field: lic !== undefined ? 'LIC' : 'VIN' });
}
