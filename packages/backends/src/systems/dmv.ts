/**
 * Mock California DMV: driver licences (DQ, answered DR: status, class, restrictions,
 * suspensions and revocations) and vehicle registrations (RQ, answered RR: registered owner,
 * expiry, stops such as a stolen flag). The switch sends California here (OLS/LIS CA) and
 * every other state to Nlets.
 */
import type { DriverLicense, Person } from '@clets/data-files';
import { CletsError, type ResponseRecord } from '@clets/protocol';
import type { Files } from '../data/indexes.js';
import { findPersons, findVehicles } from '../data/matching.js';
import { renderLicense, renderRegistration, type Origin } from '../render/records.js';
import { buildResponse, echoFields, noRecord, noRecordLine, responsesAnswer } from '../render/response.js';
import { recordCaveat } from '../render/text.js';
import type { SystemAnswer } from '../system.js';
import { BaseSystem, type Request, type SharedFiles } from './base.js';

const SYSTEM = 'DMV';
/** The state whose registry this is. */
export const DMV_STATE = 'CA';
const DL: Origin = { system: SYSTEM, file: 'DL', prefix: 'DMV' };
const REG: Origin = { system: SYSTEM, file: 'REG', prefix: 'DMV' };
const DMV_CAVEAT = recordCaveat('DMV RECORD', 'CA DMV AND THE SUBJECT\'S OWN DOCUMENTS');

export class DmvSystem extends BaseSystem {
  constructor(shared: SharedFiles) {
    super('DMV', shared);
  }

  protected answer(request: Request): SystemAnswer {
    const { key, fields, transaction, definition } = request;
    const responseKey = definition.responseKey ?? key;
    const echo = echoFields(transaction);
    const state = fields.get(key === 'DQ' ? 'OLS' : 'LIS') ?? '';
    if (state !== DMV_STATE) {
      throw new CletsError('CLETS_ERR_DESTINATION_INVALID', `the DMV holds California records; ${key === 'DQ' ? 'OLS' : 'LIS'}/${state} goes to Nlets`, {
        field: key === 'DQ' ? 'OLS' : 'LIS', system: SYSTEM,
      });
    }
    let records: ResponseRecord[];
    if (key === 'DQ') {
      records = licensesNamed(this.files, fields, DMV_STATE).map(([license, person]) => renderLicense(DL, license, person, DMV_CAVEAT));
      if (records.length === 0) records = [noRecord(SYSTEM, DL.file, noRecordLine('NO RECORD DMV DL', echo), echo)];
    } else {
      records = findVehicles(this.files, fields, true)
        .filter((vehicle) => vehicle.plateState === DMV_STATE)
        .map((vehicle) => renderRegistration(REG, vehicle, this.files.person(vehicle.ownerPersonId), DMV_CAVEAT));
      if (records.length === 0) records = [noRecord(SYSTEM, REG.file, noRecordLine('NO RECORD DMV REG', echo), echo)];
    }
    return responsesAnswer(buildResponse(transaction.header, SYSTEM, responseKey, records));
  }
}

/**
 * Licences of `state` a DQ names: by OLN, and by NAM + DOB (+ SEX) through the holder;
 * both joined, each licence once.
 */
export function licensesNamed(
  files: Files, fields: ReadonlyMap<string, string>, state: string,
): [DriverLicense, Person][] {
  const out: [DriverLicense, Person][] = [];
  const add = (license: DriverLicense | undefined): void => {
    if (license === undefined || license.state !== state || out.some(([known]) => known === license)) return;
    const person = files.person(license.personId);
    if (person !== undefined) out.push([license, person]);
  };
  const oln = fields.get('OLN');
  if (oln !== undefined) add(files.licenseByNumber(state, oln));
  if (fields.has('NAM') && fields.has('DOB')) {
    const byName = new Map<string, string>();
    for (const tag of ['NAM', 'DOB', 'SEX']) {
      const value = fields.get(tag);
      if (value !== undefined) byName.set(tag, value);
    }
    for (const person of findPersons(files, byName)) for (const license of files.licensesOf(person.id)) add(license);
  }
  return out;
}
