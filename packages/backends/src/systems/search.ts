/**
 * The file searches NCIC and the state files (CORI) share: each takes what the inquiry names
 * (persons, vehicles, a serial, a NIC) and one file's scope, and renders the records found.
 * A record is in NCIC when its scope is NCIC or BOTH, in the state file when it is the state
 * file's name or BOTH.
 */
import type { Boat, HotFileRecord, Person } from '@clets/data-files';
import { HitStatus, type ResponseRecord } from '@clets/protocol';
import type { FileRecord, Files, HotFile } from '../data/indexes.js';
import { findPersons, findVehicles, makeAgrees, middleAgrees, parseName, type Fields } from '../data/matching.js';
import {
  renderArticle, renderBoat, renderGun, renderMissingPerson, renderProtectionOrder, renderRegistrant, renderStolenVehicle,
  renderSupervisedRelease, renderWarrant, ncicDate, type Origin,
} from '../render/records.js';

/** Which copy of the files is searched: 'NCIC', or a state file name ('WPS'). */
export type Scope = string;

function inScope(record: { readonly file?: string }, scope: Scope): boolean {
  const file = record.file;
  if (file === undefined) return true; // files without a scope (supervised release) are NCIC's only
  return file === scope || file === 'BOTH';
}

/** Active records of a person-keyed file about any of `persons`, in scope, NIC order kept. */
function aboutPersons<T extends HotFileRecord & { readonly file?: string }>(
  file: HotFile<T>, persons: readonly Person[], scope: Scope,
): [FileRecord<T>, Person][] {
  const out: [FileRecord<T>, Person][] = [];
  for (const person of persons) {
    for (const record of file.bySubjectKey(person.id)) if (inScope(record, scope)) out.push([record, person]);
  }
  return out;
}

export function searchWarrants(files: Files, origin: Origin, persons: readonly Person[]): ResponseRecord[] {
  return aboutPersons(files.warrants, persons, origin.prefix).map(([record, person]) => renderWarrant(origin, record, person, files.agencyContact(record.enteringOri)));
}

/**
 * Whether an order is in force on `today` (CCYYMMDD): through the end of its expiry date.
 * NCIC retires a protection order on its expiration date; an expired order does not hit.
 */
export function orderInForce(record: { readonly expiresOn: string }, today: string): boolean {
  return ncicDate(record.expiresOn) >= today;
}

export function searchProtectionOrders(files: Files, origin: Origin, persons: readonly Person[], today: string): ResponseRecord[] {
  return aboutPersons(files.protectionOrders, persons, origin.prefix)
    .filter(([record]) => orderInForce(record, today))
    .map(([record, person]) => renderProtectionOrder(origin, record, person, files.agencyContact(record.enteringOri)));
}

export function searchMissingPersons(files: Files, origin: Origin, persons: readonly Person[]): ResponseRecord[] {
  return aboutPersons(files.missingPersons, persons, origin.prefix).map(([record, person]) => renderMissingPerson(origin, record, person, files.agencyContact(record.enteringOri)));
}

/** The supervised-release file is NCIC's only (no state copy in the model). */
export function searchSupervisedReleases(files: Files, origin: Origin, persons: readonly Person[]): ResponseRecord[] {
  const out: ResponseRecord[] = [];
  for (const person of persons) {
    for (const record of files.supervisedReleases.bySubjectKey(person.id)) out.push(renderSupervisedRelease(origin, record, person, files.agencyContact(record.agency)));
  }
  return out;
}

/** CSAR, the state's sex and arson registrant file. */
export function searchRegistrants(files: Files, origin: Origin, persons: readonly Person[]): ResponseRecord[] {
  const out: ResponseRecord[] = [];
  for (const person of persons) {
    for (const registrant of files.registrantsOf(person.id)) out.push(renderRegistrant(origin, registrant, person, files.agencyContact(registrant.registeringOri)));
  }
  return out;
}

/** Active records in scope named by NIC and/or OCA (ZW; QPO by NIC), each once. */
export function recordsByNumber<T extends HotFileRecord & { readonly file?: string }>(
  file: HotFile<T>, fields: Fields, scope: Scope,
): FileRecord<T>[] {
  const out: FileRecord<T>[] = [];
  const nic = fields.get('NIC');
  if (nic !== undefined) {
    const found = file.byNicKey(nic);
    if (found !== undefined && inScope(found[1], scope)) out.push(found[1]);
  }
  const oca = fields.get('OCA');
  if (oca !== undefined) {
    for (const record of file.byOcaKey(oca)) if (inScope(record, scope) && !out.includes(record)) out.push(record);
  }
  return out;
}

export function searchStolenVehicles(files: Files, origin: Origin, fields: Fields): ResponseRecord[] {
  const out: ResponseRecord[] = [];
  for (const vehicle of findVehicles(files, fields)) {
    for (const record of files.stolenVehicles.bySubjectKey(vehicle.id)) {
      if (inScope(record, origin.prefix)) out.push(renderStolenVehicle(origin, record, vehicle, files.agencyContact(record.enteringOri)));
    }
  }
  return out;
}

/** A serial hit is a HIT when the make agrees (or none was given), else a POSSIBLE. */
function statusByMake(asked: string | undefined, onFile: string): HitStatus {
  return makeAgrees(asked, onFile) ? HitStatus.HIT_STATUS_HIT : HitStatus.HIT_STATUS_POSSIBLE;
}

export function searchGuns(files: Files, origin: Origin, fields: Fields): ResponseRecord[] {
  const serial = fields.get('SER') ?? '';
  return files.guns.bySubjectKey(serial)
    .filter((record) => inScope(record, origin.prefix))
    .map((record) => renderGun(origin, record, statusByMake(fields.get('MAK'), record.make), files.agencyContact(record.enteringOri)));
}

export function searchArticles(files: Files, origin: Origin, fields: Fields): ResponseRecord[] {
  const serial = fields.get('SER') ?? '';
  const type = fields.get('TYP');
  return files.articles.bySubjectKey(serial)
    .filter((record) => inScope(record, origin.prefix))
    .map((record) => {
      const typeAgrees = type === undefined || record.type.startsWith(type);
      const status = typeAgrees ? statusByMake(fields.get('MAK'), record.brand) : HitStatus.HIT_STATUS_POSSIBLE;
      return renderArticle(origin, record, status, files.agencyContact(record.enteringOri));
    });
}

export function searchBoats(files: Files, origin: Origin, fields: Fields): ResponseRecord[] {
  const found: FileRecord<Boat>[] = [];
  const hull = fields.get('BHN');
  if (hull !== undefined) found.push(...files.boats.bySubjectKey(hull));
  const registration = fields.get('REG');
  if (registration !== undefined) for (const boat of files.boatsByRegistration(registration)) if (!found.includes(boat)) found.push(boat);
  return found
    .filter((record) => inScope(record, origin.prefix))
    .map((record) => renderBoat(origin, record, statusByMake(fields.get('MAK'), record.make), files.agencyContact(record.enteringOri)));
}

/**
 * The subject of a person-keyed record. A record whose person is not in the files (a broken
 * fixture reference) is still shown, with the name as UNKNOWN and no descriptors: a hit is
 * never dropped because its subject cannot be printed.
 */
export function subjectOf(files: Files, personId: string): Person {
  return files.person(personId) ?? ({
    id: personId, last: 'UNKNOWN', first: 'UNKNOWN', sex: '', race: '', dob: '', height: '', weight: '', eyes: '', hair: '',
    address: { street: '', city: '', state: '', zip: '' }, state: '',
  } as unknown as Person);
}

/** Records without repeats of the same record id (a NIC found by NIC and by name), first kept. */
export function uniqueRecords(records: readonly ResponseRecord[]): ResponseRecord[] {
  const seen = new Set<string>();
  const out: ResponseRecord[] = [];
  for (const record of records) {
    const id = `${record.file ?? ''}|${record.recordId ?? ''}`;
    if (record.recordId && seen.has(id)) continue;
    seen.add(id);
    out.push(record);
  }
  return out;
}

/** ZW: warrants by NIC and/or OCA; a NAM given must be the subject's. */
export function searchWarrantsByNumber(files: Files, origin: Origin, fields: Fields): ResponseRecord[] {
  const name = parseName(fields.get('NAM') ?? '');
  const out: ResponseRecord[] = [];
  for (const record of recordsByNumber(files.warrants, fields, origin.prefix)) {
    const person = subjectOf(files, record.personId);
    if (name !== undefined && (person.last !== name.last || person.first !== name.first || !middleAgrees(name.middle, person.middle))) continue;
    out.push(renderWarrant(origin, record, person, files.agencyContact(record.enteringOri)));
  }
  return out;
}

/** QPO: orders by NIC, and/or by the restrained person's NAM + DOB (as QW); each once. */
export function searchOrdersNamed(files: Files, origin: Origin, fields: Fields, today: string, persons?: readonly Person[]): ResponseRecord[] {
  const out = recordsByNumber(files.protectionOrders, fields, origin.prefix)
    .filter((record) => orderInForce(record, today))
    .map((record) => renderProtectionOrder(origin, record, subjectOf(files, record.restrainedPersonId), files.agencyContact(record.enteringOri)));
  if (fields.has('NAM')) out.push(...searchProtectionOrders(files, origin, persons ?? findPersons(files, fields), today));
  return uniqueRecords(out);
}
