/**
 * Each file's record as NCIC-style tagged fields: persons (NAM SEX RAC DOB...), warrants,
 * protection orders, missing persons, supervised release, registrants, vehicles, guns,
 * articles, boats. Dates are printed CCYYMMDD, as NCIC prints them.
 */
import type {
  Article, Boat, DriverLicense, Gun, MissingPerson, Person, ProtectionOrder, Registrant, StolenVehicle, SupervisedRelease,
  Vehicle, Warrant,
} from '@clets/data-files';
import { HitStatus, ORDER_CONDITION_CODES, type Field, type ResponseRecord } from '@clets/protocol';
import type { FileRecord, RecordExtras } from '../data/indexes.js';
import { nameOf } from '../data/matching.js';
import { LIST_SEPARATORS } from '../data/record-updates.js';
import { buildRecord, type RecordSpec } from './response.js';
import { field, hitCaveat } from './text.js';

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

/** Descriptors an entry typed override the person's (the record is what the agency entered). */
function extra(record: RecordExtras, tag: string): string | undefined {
  return record.extras?.[tag];
}

/** The person's identification line(s): NAM SEX RAC DOB HGT WGT EYE HAI, then SOC FBI SID, then supplemental identifiers. */
export function personLines(person: Person, record: RecordExtras = {}): Field[][] {
  return [
    [
      field('NAM', nameOf(person)), field('SEX', person.sex), field('RAC', person.race), field('DOB', person.dob),
      field('HGT', extra(record, 'HGT') ?? person.height), field('WGT', extra(record, 'WGT') ?? person.weight),
      field('EYE', extra(record, 'EYE') ?? person.eyes), field('HAI', extra(record, 'HAI') ?? person.hair),
    ],
    [field('SOC', extra(record, 'SOC') ?? person.soc), field('FBI', extra(record, 'FBI') ?? person.fbi), field('SID', extra(record, 'SID') ?? person.sid)],
    [field('POB', extra(record, 'POB')), field('CTZ', extra(record, 'CTZ')), field('SKN', extra(record, 'SKN'))],
    ...SUPPLEMENTAL_LISTS.map((tag) => listed(record, tag)),
  ];
}

/** Supplemental identifiers a record may hold several of, each printed as its own tag. */
const SUPPLEMENTAL_LISTS = ['AKA', 'SMT', 'MNU'] as const;

function listed(record: RecordExtras, tag: string): Field[] {
  const value = extra(record, tag);
  if (value === undefined || value === '') return [];
  return value.split(LIST_SEPARATORS[tag] ?? ';').map((item) => field(tag, item));
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

function trailer(record: { enteringOri: string; oca: string; nic: string; enteredOn: string }): Field[] {
  return [field('ORI', record.enteringOri), field('OCA', record.oca), field('NIC', record.nic), field('DTE', ncicDate(record.enteredOn))];
}

const EXTRADITION_CODE = { FULL: '1', LIMITED: '2', 'IN-STATE ONLY': '6' } as const;

export function renderWarrant(origin: Origin, record: FileRecord<Warrant>, person: Person): ResponseRecord {
  return buildRecord(withLocate({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} WANTED PERSON - ${record.warrantType} WARRANT`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    caution: record.officerSafetyCaution,
    body: [
      ...personLines(person, record),
      [
        field('OFF', record.offense), field('WTY', record.warrantType.charAt(0)), field('DOW', ncicDate(record.issuedOn)),
        field('EXL', extra(record, 'EXL') ?? EXTRADITION_CODE[record.extradition]), field('CRT', record.court),
        field('BAIL', record.bail === undefined ? 'NO BAIL' : String(record.bail)),
      ],
      extrasLine(record, ['OLN', 'OLS', 'MIS']),
    ],
    trailer: trailer(record),
  }, record));
}

export function renderProtectionOrder(origin: Origin, record: FileRecord<ProtectionOrder>, person: Person, today: string): ResponseRecord {
  const brady = extra(record, 'BRD') ?? (record.conditions.includes('NO FIREARMS') ? 'Y' : 'N');
  const expired = ncicDate(record.expiresOn) < today;
  return buildRecord(withLocate({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} PROTECTION ORDER - ${record.orderType}`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    alerts: expired ? ['ORDER EXPIRED - VERIFY WITH ISSUING COURT'] : brady === 'Y' ? ['SUBJECT PROHIBITED FROM FIREARMS (BRADY)'] : [],
    body: [
      ...personLines(person, record),
      [
        field('POT', record.orderType), field('ISD', ncicDate(record.issuedOn)), field('EXP', ncicDate(record.expiresOn)),
        field('CRT', record.court), field('SRV', extra(record, 'SRV') ?? (record.served ? 'Y' : 'N')), field('BRD', brady),
      ],
      ...record.protectedPersons.map((protectedPerson) => [field('PNO', nameOf(protectedPerson)), field('PDB', protectedPerson.dob)]),
      ...conditionLines(record.conditions),
      extrasLine(record, ['OLN', 'OLS', 'MIS']),
    ],
    trailer: trailer(record),
  }, record));
}

export function renderMissingPerson(origin: Origin, record: FileRecord<MissingPerson>, person: Person): ResponseRecord {
  return buildRecord(withLocate({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} MISSING PERSON - ${record.category}`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [...personLines(person, record), [field('MNP', record.category), field('DLC', ncicDate(record.missingSince))]],
    trailer: trailer(record),
  }, record));
}

export function renderSupervisedRelease(origin: Origin, record: FileRecord<SupervisedRelease>, person: Person): ResponseRecord {
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} SUPERVISED RELEASE - ${record.type}`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    caveat: hitCaveat(`THE SUPERVISING AGENCY (ORI ${record.agency})`),
    body: [
      ...personLines(person, record),
      [field('TYP', record.type), field('SUP', record.agency), field('OFC', record.officer), field('EXP', ncicDate(record.until))],
    ],
    trailer: trailer(record),
  });
}

export function renderRegistrant(origin: Origin, record: Registrant, person: Person): ResponseRecord {
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} ${record.type} REGISTRANT`,
    recordId: record.id,
    enteringOri: record.registeringOri,
    caveat: hitCaveat(`THE REGISTERING AGENCY (ORI ${record.registeringOri})`),
    alerts: record.status === 'IN VIOLATION' ? ['REGISTRANT IN VIOLATION OF REGISTRATION REQUIREMENT'] : [],
    body: [
      ...personLines(person),
      [field('TYP', record.type), field('REG', ncicDate(record.registeredOn)), field('LUP', ncicDate(record.lastUpdate)), field('STA', record.status)],
    ],
    trailer: [field('ORI', record.registeringOri)],
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

export function renderStolenVehicle(origin: Origin, record: FileRecord<StolenVehicle>, vehicle: Vehicle): ResponseRecord {
  return buildRecord(withLocate({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} STOLEN VEHICLE`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [...vehicleLines(vehicle, record), [field('DOT', ncicDate(record.theftDate))], extrasLine(record, ['MIS'])],
    trailer: trailer(record),
  }, record));
}

export function renderGun(origin: Origin, record: FileRecord<Gun>, status: HitStatus): ResponseRecord {
  return buildRecord(withLocate({
    status,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} GUN - ${record.status}`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [
      [field('SER', record.serial), field('MAK', record.make), field('MOD', record.model), field('CAL', record.caliber), field('TYP', record.type)],
      [field('STA', record.status), field('DOT', extra(record, 'DOT'))],
      extrasLine(record, ['MIS']),
    ],
    trailer: trailer(record),
  }, record));
}

export function renderArticle(origin: Origin, record: FileRecord<Article>, status: HitStatus): ResponseRecord {
  return buildRecord(withLocate({
    status,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} STOLEN ARTICLE - ${record.type}`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [
      [field('SER', record.serial), field('TYP', record.type), field('MAK', record.brand), field('DOT', ncicDate(record.theftDate))],
      [field('MOD', extra(record, 'MOD')), field('DES', record.description)],
    ],
    trailer: trailer(record),
  }, record));
}

export function renderBoat(origin: Origin, record: FileRecord<Boat>, status: HitStatus): ResponseRecord {
  return buildRecord(withLocate({
    status,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} STOLEN BOAT`,
    recordId: record.nic,
    enteringOri: record.enteringOri,
    body: [
      [field('BHN', record.hullNumber), field('REG', record.registration), field('MAK', record.make), field('BLE', record.length)],
      [field('DOT', ncicDate(record.theftDate))],
      extrasLine(record, ['MIS']),
    ],
    trailer: trailer(record),
  }, record));
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
      [field('RO', owner === undefined ? '' : nameOf(owner)), field('DOB', owner?.dob)],
      [field('ADR', owner === undefined ? '' : `${owner.address.street}, ${owner.address.city} ${owner.address.state} ${owner.address.zip}`)],
    ],
    source,
  });
}
