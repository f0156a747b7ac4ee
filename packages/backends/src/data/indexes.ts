/**
 * The in-memory files every mock system searches, built once from a FixtureSet and shared by
 * the four systems (an entry made through CORI is seen by every file that holds it).
 *
 * Memory: the million-person set must stay well under 2 GiB resident, so no index keeps its
 * key strings: each is a `KeyIndex` (hash-index.ts), 8 bytes a slot over typed arrays, that
 * re-derives the key of a candidate record to verify it; ids are found by binary search over
 * the (sorted) fixture arrays. Fixture arrays are referenced, never copied: what updates add
 * or change lives beside them (`Appendable`).
 */
import type {
  Agency, Article, Boat, CriminalHistory, DriverLicense, FixtureSet, Gun, HotFileRecord, MissingPerson, Person,
  ProtectionOrder, Registrant, StolenVehicle, SupervisedRelease, Vehicle, Warrant,
} from '@clets/data-files';
import { Appendable, arraySource, IdIndex, KeyIndex, SortedLookup } from './hash-index.js';
import { soundex } from './phonetic.js';

/**
 * Tagged fields an entry or modify carried that the fixture model has no member for (MIS,
 * BRD, EXL code, the subject's descriptors as entered): rendered after the record's own.
 */
export interface RecordExtras {
  readonly extras?: Readonly<Record<string, string>>;
  /** What happened to the record after its entry (absent for a fixture record never updated). */
  readonly life?: RecordLife;
}

/** A record's life after entry: when it was entered and last changed, and any locate placed on it. */
export interface RecordLife {
  /** Entry time (epoch ms), for records entered through the files. */
  readonly enteredAtMs?: number;
  /** Last modify, locate or validation (epoch ms). */
  readonly updatedAtMs?: number;
  /** The operator who entered it (a second-party check must be another's). */
  readonly enteredBy?: string;
  /** The second-party check: the second operator, and when. */
  readonly checked?: { readonly by: string; readonly atMs: number };
  /** The last validation: who validated (VLN), the operator who sent it, and when. */
  readonly validated?: { readonly name: string; readonly by: string; readonly atMs: number };
  readonly located?: {
    /** Date of locate as given (CCYYMMDD). */
    readonly on: string;
    /** The agency that found the person or property. */
    readonly ori: string;
    /** Its case number, when given. */
    readonly caseNumber?: string;
    readonly atMs: number;
  };
}

/** Who to call about a record: the agency's name and telephone (hit confirmation). */
export interface AgencyContact {
  readonly name?: string | undefined;
  readonly telephone?: string | undefined;
}

/** A hot-file record as the files hold it: the fixture shape, plus what an update added. */
export type FileRecord<T extends HotFileRecord> = T & RecordExtras;

/**
 * One hot file (wanted persons, protection orders...): its records, which are cancelled,
 * and the indexes every file has (NIC, OCA) plus its subject index.
 */
export class HotFile<T extends HotFileRecord> {
  private readonly records: Appendable<FileRecord<T>>;
  private readonly cancelled = new Set<number>();
  private readonly byNic: KeyIndex<FileRecord<T>>;
  private readonly byOca: KeyIndex<FileRecord<T>>;
  private readonly bySubject: KeyIndex<FileRecord<T>>;

  constructor(
    records: readonly T[],
    /** The NIC letter of the file (W, H, V...). */
    readonly nicLetter: string,
    subjectOf: (record: T) => string | undefined,
  ) {
    this.records = new Appendable<FileRecord<T>>(records);
    this.byNic = new KeyIndex(this.records, nicKey);
    this.byOca = new KeyIndex(this.records, ocaKey);
    this.bySubject = new KeyIndex(this.records, subjectOf);
  }

  get size(): number {
    return this.records.length;
  }

  isActive(record: number): boolean {
    return record < this.records.length && !this.cancelled.has(record);
  }

  /** The current version of a record (after any modify), active or not. */
  record(index: number): FileRecord<T> | undefined {
    return this.records.current(index);
  }

  /** The records as a source for further indexes over this file. */
  get source(): Appendable<FileRecord<T>> {
    return this.records;
  }

  /** Active records about a subject (person id, vehicle id, serial...). */
  bySubjectKey(key: string): FileRecord<T>[] {
    return this.active(this.bySubject.find(key));
  }

  /** The active record with this NIC, as [index, record]. */
  byNicKey(nic: string): [number, FileRecord<T>] | undefined {
    for (const record of this.withIndex(this.byNic.find(nic))) return record;
    return undefined;
  }

  /** Active records entered by `ori` under case number `oca`. */
  byOriAndOca(ori: string, oca: string): [number, FileRecord<T>][] {
    return this.withIndex(this.byOca.find(oca)).filter(([, record]) => record.enteringOri === ori);
  }

  /** Active records with case number `oca`, whoever entered them. */
  byOcaKey(oca: string): FileRecord<T>[] {
    return this.active(this.byOca.find(oca));
  }

  /** Whether any record (active or cancelled) holds this NIC: a new NIC must not reuse one. */
  nicTaken(nic: string): boolean {
    return this.byNic.find(nic).length > 0;
  }

  /** Appends an entered record and indexes it; returns its index. */
  append(record: FileRecord<T>): number {
    const index = this.records.push(record);
    this.indexRecord(index);
    return index;
  }

  /** Replaces a record after a modify (stale index entries fall out on lookup). */
  replace(index: number, record: FileRecord<T>): void {
    this.records.set(index, record);
    this.indexRecord(index);
  }

  cancel(index: number): void {
    this.cancelled.add(index);
  }

  private indexRecord(index: number): void {
    this.byNic.addRecord(index);
    this.byOca.addRecord(index);
    this.bySubject.addRecord(index);
  }

  private active(found: readonly number[]): FileRecord<T>[] {
    const out: FileRecord<T>[] = [];
    for (const index of found) {
      const record = this.records.current(index);
      if (record !== undefined && !this.cancelled.has(index)) out.push(record);
    }
    return out;
  }

  private withIndex(found: readonly number[]): [number, FileRecord<T>][] {
    const out: [number, FileRecord<T>][] = [];
    for (const index of found) {
      const record = this.records.current(index);
      if (record !== undefined && !this.cancelled.has(index)) out.push([index, record]);
    }
    return out;
  }
}

function nicKey(record: HotFileRecord): string {
  return record.nic;
}
function ocaKey(record: HotFileRecord): string {
  return record.oca;
}

/** The exact-match key of a person: last name, first name, date of birth. */
export function personNameKey(last: string, first: string, dob: string): string {
  return `${last},${first}|${dob}`;
}

/** The III phonetic key: Soundex of the surname, first initial, year of birth. */
export function phoneticKey(last: string, first: string, birthYear: string): string {
  return `${soundex(last)}|${first.charAt(0)}|${birthYear}`;
}

/** Everything the systems search. */
export class Files {
  readonly meta: FixtureSet['meta'];
  /** Fixture persons, then persons an entry named who were not on file (not in the DMV registry). */
  private readonly persons: Appendable<Person>;
  /** Fixture vehicles, then vehicles an EV entered that were not registered (not in the DMV registry). */
  private readonly vehicles: Appendable<Vehicle>;
  readonly licenses: readonly DriverLicense[];
  readonly histories: readonly CriminalHistory[];
  readonly registrants: readonly Registrant[];
  readonly agencies: ReadonlyMap<string, Agency>;
  private readonly telephones: ReadonlyMap<string, string>;

  readonly warrants: HotFile<Warrant>;
  readonly protectionOrders: HotFile<ProtectionOrder>;
  readonly missingPersons: HotFile<MissingPerson>;
  readonly supervisedReleases: HotFile<SupervisedRelease>;
  readonly stolenVehicles: HotFile<StolenVehicle>;
  readonly guns: HotFile<Gun>;
  readonly articles: HotFile<Article>;
  readonly boats: HotFile<Boat>;

  private readonly personById: IdIndex<Person>;
  private readonly personByName: KeyIndex<Person>;
  private readonly personBySoc: KeyIndex<Person>;
  private readonly vehicleById: IdIndex<Vehicle>;
  private readonly vehicleByPlate: KeyIndex<Vehicle>;
  private readonly vehicleByVin: KeyIndex<Vehicle>;
  private readonly licenseByOln: KeyIndex<DriverLicense>;
  private readonly licenseByPerson: SortedLookup<DriverLicense>;
  private readonly historyBySid: KeyIndex<CriminalHistory>;
  private readonly historyByFbi: KeyIndex<CriminalHistory>;
  private readonly historyByPerson: KeyIndex<CriminalHistory>;
  private readonly historyByPhonetic: KeyIndex<CriminalHistory>;
  private readonly registrantByPerson: KeyIndex<Registrant>;
  private readonly boatByRegistration: KeyIndex<FileRecord<Boat>>;

  constructor(fixtures: FixtureSet) {
    this.meta = fixtures.meta;
    this.persons = new Appendable(fixtures.persons);
    this.vehicles = new Appendable(fixtures.vehicles);
    this.licenses = fixtures.licenses;
    this.histories = fixtures.criminalHistories;
    this.registrants = fixtures.registrants;
    this.agencies = new Map(fixtures.agencies.map((agency) => [agency.ori, agency]));
    this.telephones = new Map((fixtures.agencyRecords ?? []).map((record) => [record.ori, record.telephone]));

    this.personById = new IdIndex(this.persons, (person) => person.id, fixtures.persons);
    this.personByName = new KeyIndex(this.persons, (person) => personNameKey(person.last, person.first, person.dob));
    this.personBySoc = new KeyIndex(this.persons, (person) => person.soc);
    this.vehicleById = new IdIndex(this.vehicles, (vehicle) => vehicle.id, fixtures.vehicles);
    this.vehicleByPlate = new KeyIndex(this.vehicles, (vehicle) => (vehicle.plate ? `${vehicle.plateState}|${vehicle.plate}` : undefined));
    this.vehicleByVin = new KeyIndex(this.vehicles, (vehicle) => vehicle.vin || undefined);
    this.licenseByOln = new KeyIndex(arraySource(this.licenses), (license) => `${license.state}|${license.oln}`);
    this.licenseByPerson = new SortedLookup(this.licenses, (license) => license.personId);
    this.historyBySid = new KeyIndex(arraySource(this.histories), (history) => history.sid);
    this.historyByFbi = new KeyIndex(arraySource(this.histories), (history) => history.fbi);
    this.historyByPerson = new KeyIndex(arraySource(this.histories), (history) => history.personId);
    this.historyByPhonetic = new KeyIndex(arraySource(this.histories), (history) => {
      const person = this.person(history.personId);
      return person === undefined ? undefined : phoneticKey(person.last, person.first, person.dob.slice(0, 4));
    });
    this.registrantByPerson = new KeyIndex(arraySource(this.registrants), (registrant) => registrant.personId);

    this.warrants = new HotFile(fixtures.warrants, 'W', (record) => record.personId);
    this.protectionOrders = new HotFile(fixtures.protectionOrders, 'H', (record) => record.restrainedPersonId);
    this.missingPersons = new HotFile(fixtures.missingPersons, 'M', (record) => record.personId);
    this.supervisedReleases = new HotFile(fixtures.supervisedReleases, 'S', (record) => record.personId);
    this.stolenVehicles = new HotFile(fixtures.stolenVehicles, 'V', (record) => record.vehicleId);
    this.guns = new HotFile(fixtures.guns, 'G', (record) => record.serial);
    this.articles = new HotFile(fixtures.articles, 'A', (record) => record.serial);
    this.boats = new HotFile(fixtures.boats, 'B', (record) => record.hullNumber);
    this.boatByRegistration = new KeyIndex(this.boats.source, (record) => record.registration || undefined);
  }

  // --- persons --------------------------------------------------------------------------------

  person(id: string): Person | undefined {
    const record = this.personById.find(id);
    return record === undefined ? undefined : this.persons.current(record);
  }

  /** Persons with exactly this last name, first name and date of birth. */
  personsByName(last: string, first: string, dob: string): Person[] {
    return this.personByName.findItems(personNameKey(last, first, dob));
  }

  personsBySoc(soc: string): Person[] {
    return this.personBySoc.findItems(soc);
  }

  /** Appends a person an entry named who is not on file; returns it. */
  addPerson(person: Person): Person {
    const index = this.persons.push(person);
    this.personById.addRecord(index);
    this.personByName.addRecord(index);
    this.personBySoc.addRecord(index);
    return person;
  }

  // --- vehicles and licences --------------------------------------------------------------------

  vehicle(id: string): Vehicle | undefined {
    const record = this.vehicleById.find(id);
    return record === undefined ? undefined : this.vehicles.current(record);
  }

  /** Vehicles by plate and plate state; `registeredOnly` leaves out vehicles only a stolen-vehicle entry knows. */
  vehiclesByPlate(plate: string, state: string, registeredOnly = false): Vehicle[] {
    return this.vehicleFilter(this.vehicleByPlate.find(`${state}|${plate}`), registeredOnly);
  }

  vehiclesByVin(vin: string, registeredOnly = false): Vehicle[] {
    return this.vehicleFilter(this.vehicleByVin.find(vin), registeredOnly);
  }

  addVehicle(vehicle: Vehicle): Vehicle {
    const index = this.vehicles.push(vehicle);
    this.vehicleById.addRecord(index);
    this.vehicleByPlate.addRecord(index);
    this.vehicleByVin.addRecord(index);
    return vehicle;
  }

  licenseByNumber(state: string, oln: string): DriverLicense | undefined {
    return this.licenseByOln.findItems(`${state}|${oln}`)[0];
  }

  licensesOf(personId: string): DriverLicense[] {
    const out: DriverLicense[] = [];
    for (const record of this.licenseByPerson.find(personId)) {
      const license = this.licenses[record];
      if (license !== undefined) out.push(license);
    }
    return out;
  }

  // --- criminal histories and registrants ------------------------------------------------------

  historiesBySid(sid: string): CriminalHistory[] {
    return this.historyBySid.findItems(sid);
  }

  historiesByFbi(fbi: string): CriminalHistory[] {
    return this.historyByFbi.findItems(fbi);
  }

  historiesOf(personId: string): CriminalHistory[] {
    return this.historyByPerson.findItems(personId);
  }

  /** Histories whose subject's surname sounds like `last`, same first initial, born in `birthYear`. */
  historiesByPhonetic(last: string, first: string, birthYear: string): CriminalHistory[] {
    return this.historyByPhonetic.findItems(phoneticKey(last, first, birthYear));
  }

  registrantsOf(personId: string): Registrant[] {
    return this.registrantByPerson.findItems(personId);
  }

  boatsByRegistration(registration: string): FileRecord<Boat>[] {
    const out: FileRecord<Boat>[] = [];
    for (const index of this.boatByRegistration.find(registration)) {
      const record = this.boats.record(index);
      if (record !== undefined && this.boats.isActive(index)) out.push(record);
    }
    return out;
  }

  /** Indexes a boat record an entry appended or a modify changed (its registration). */
  indexBoat(index: number): void {
    this.boatByRegistration.addRecord(index);
  }

  agencyName(ori: string): string | undefined {
    return this.agencies.get(ori)?.name;
  }

  /** The name and telephone of the agency with this ORI, as far as the files know them. */
  agencyContact(ori: string): AgencyContact {
    return { name: this.agencies.get(ori)?.name, telephone: this.telephones.get(ori) };
  }

  private vehicleFilter(found: readonly number[], registeredOnly: boolean): Vehicle[] {
    const out: Vehicle[] = [];
    for (const index of found) {
      if (registeredOnly && index >= this.vehicles.baseLength) continue;
      const vehicle = this.vehicles.current(index);
      if (vehicle !== undefined) out.push(vehicle);
    }
    return out;
  }
}

/** Builds every index over a fixture set (once, at start; shared by the systems). */
export function buildIndexes(fixtures: FixtureSet): Files {
  return new Files(fixtures);
}
