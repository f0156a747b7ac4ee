/**
 * Misuse indicators (docs/domain.md section 3: prohibited uses, misuse reporting):
 *  - an operator querying their own record: refused and flagged;
 *  - a subject on the high-profile watch list, a declared relative (name and date of birth),
 *    someone living at the operator's home address, a colleague (an employee of the
 *    operator's agency: "someone asked a colleague to look them up"), a criminal-justice
 *    purpose code given with a licensing, permit or employment reason, an unusual volume
 *    of traffic from one operator, one operator active from two addresses at once, or an
 *    operator working another agency's terminal: answered, but flagged for the Agency CLETS
 *    Coordinator's review.
 *
 * The queried subject is resolved from the transaction's identifiers to synthetic person
 * records (name + DOB, licence number, social security number, SID/FBI number, and the
 * registered owner of a plate or VIN), built once from the fixture data.
 */
import type { RouteTo, Transaction } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

export type FlagKind =
  | 'self-query' | 'watch-list' | 'relative' | 'home-address' | 'unusual-volume'
  | 'colleague' | 'purpose-mismatch' | 'two-addresses' | 'other-agency-terminal';

export interface MisuseFlag {
  readonly kind: FlagKind;
  readonly detail: string;
}

/** The person facts the index needs (a subset of the fixtures' Person). */
export interface SubjectPerson {
  readonly id: string;
  readonly last: string;
  readonly first: string;
  readonly dob: string;
  readonly soc?: string | undefined;
  readonly fbi?: string | undefined;
  readonly sid?: string | undefined;
  readonly address: { readonly street: string; readonly zip: string };
}

export interface SubjectIndexInput {
  readonly persons: readonly SubjectPerson[];
  readonly licenses?: readonly { readonly oln: string; readonly state: string; readonly personId: string }[];
  readonly vehicles?: readonly { readonly plate: string; readonly plateState: string; readonly vin: string; readonly ownerPersonId: string }[];
  readonly watchlist?: readonly { readonly personId: string; readonly reason: string }[];
}

/** What the misuse rules know of an operator. */
export interface MisuseSubjectOperator {
  readonly id: string;
  /** The operator's agency (a colleague is an employee of the same one). */
  readonly ori?: string;
  readonly personId: string | null;
  readonly homeAddress: { readonly street: string; readonly zip: string } | null;
  readonly relatives: readonly { readonly last: string; readonly first: string; readonly dob: string }[];
}

/** Who a transaction is about. */
export interface ResolvedSubject {
  /** The name and date of birth typed, when both were. */
  readonly nameDob: { readonly last: string; readonly first: string; readonly dob: string } | undefined;
  /** Their comparison key ('LAST|FIRST|DOB'). */
  readonly nameDobKey: string | undefined;
  /** Persons identified directly (name + DOB, OLN, SOC, SID, FBI). */
  readonly persons: ReadonlySet<string>;
  /** Registered owners of a vehicle identified by plate or VIN. */
  readonly owners: ReadonlySet<string>;
  /** Both together. */
  readonly everyone: ReadonlySet<string>;
  /** Of everyone, in order: those on the watch list, with the reason. */
  readonly watchListed: readonly { readonly id: string; readonly reason: string }[];
  /** Of everyone, in order: their 'LAST|FIRST|DOB' keys. */
  readonly personKeys: readonly string[];
}

const nameKey = (last: string, first: string, dob: string): string => `${last.toUpperCase()}|${first.toUpperCase()}|${dob}`;
const addressKey = (address: { street: string; zip: string }): string => `${address.street.toUpperCase().replace(/\s+/g, ' ').trim()}|${address.zip.trim()}`;

/** NCIC NAM 'LAST,FIRST MIDDLE' -> last and first name. */
export function parseNcicName(value: string): { last: string; first: string } | undefined {
  const comma = value.indexOf(',');
  if (comma <= 0) return undefined;
  const last = value.slice(0, comma).trim().toUpperCase();
  const first = value.slice(comma + 1).trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  return last === '' || first === '' ? undefined : { last, first };
}

/**
 * `text.toUpperCase()`, without the call when the text is ASCII with no lower-case letter:
 * fields come upper case from terminals (the edits ask for it), and the call costs more
 * than the look.
 */
function upperCase(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 127 || (code >= 97 && code <= 122)) return text.toUpperCase();
  }
  return text;
}

/** A field value as the rules compare it: trimmed, upper case. */
function normalizedValue(value: string | null | undefined): string {
  return upperCase((value ?? '').trim());
}

/** The fields of a transaction by tag (the first value of each). */
export function fieldsOf(transaction: Transaction): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of transaction.fields ?? []) {
    const tag = upperCase(field.tag ?? '');
    if (tag !== '' && !fields.has(tag)) fields.set(tag, normalizedValue(field.value));
  }
  return fields;
}

/**
 * The fields the misuse rules read (SUBJECT_TAGS), as fieldsOf gives them: the rest of a
 * transaction's fields are never upper-cased and copied for them.
 */
export function subjectFieldsOf(transaction: Transaction): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of transaction.fields ?? []) {
    const tag = upperCase(field.tag ?? '');
    if (SUBJECT_TAG_SET.has(tag) && !fields.has(tag)) fields.set(tag, normalizedValue(field.value));
  }
  return fields;
}

/** Persons and vehicles by each identifier a transaction can carry. */
export class SubjectIndex {
  readonly #persons = new Map<string, SubjectPerson>();
  readonly #byNameDob = new Map<string, string[]>();
  readonly #bySoc = new Map<string, string>();
  readonly #bySid = new Map<string, string>();
  readonly #byFbi = new Map<string, string>();
  readonly #byOln = new Map<string, string[]>();
  readonly #byPlate = new Map<string, string[]>();
  readonly #byVin = new Map<string, string>();
  readonly #byAddress = new Map<string, string[]>();
  readonly #watchlist = new Map<string, string>();
  readonly #personKeys = new Map<string, string>();
  /** Resolved subjects by the first identifier given, each with the rest to compare (a short chain). */
  readonly #resolved = new Map<string, CachedSubject>();
  /** The cached subjects, oldest first, in a ring of RESOLVED_CACHE_SIZE. */
  readonly #resolvedOrder: (CachedSubject | undefined)[] = [];
  #resolvedNext = 0;

  constructor(input: SubjectIndexInput) {
    const push = (map: Map<string, string[]>, key: string, id: string): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [id]);
      else list.push(id);
    };
    for (const person of input.persons) {
      this.#persons.set(person.id, person);
      const key = nameKey(person.last, person.first, person.dob);
      this.#personKeys.set(person.id, key);
      push(this.#byNameDob, key, person.id);
      push(this.#byAddress, addressKey(person.address), person.id);
      if (person.soc) this.#bySoc.set(person.soc, person.id);
      if (person.sid) this.#bySid.set(person.sid.toUpperCase(), person.id);
      if (person.fbi) this.#byFbi.set(person.fbi.toUpperCase(), person.id);
    }
    for (const license of input.licenses ?? []) {
      push(this.#byOln, license.oln.toUpperCase(), license.personId);
      push(this.#byOln, `${license.oln.toUpperCase()}|${license.state}`, license.personId);
    }
    for (const vehicle of input.vehicles ?? []) {
      push(this.#byPlate, vehicle.plate.toUpperCase(), vehicle.ownerPersonId);
      push(this.#byPlate, `${vehicle.plate.toUpperCase()}|${vehicle.plateState}`, vehicle.ownerPersonId);
      this.#byVin.set(vehicle.vin.toUpperCase(), vehicle.ownerPersonId);
    }
    for (const entry of input.watchlist ?? []) this.#watchlist.set(entry.personId, entry.reason);
  }

  person(id: string): SubjectPerson | undefined {
    return this.#persons.get(id);
  }

  /** A person's 'LAST|FIRST|DOB' comparison key. */
  personKey(id: string): string | undefined {
    return this.#personKeys.get(id);
  }

  watchListReason(personId: string): string | undefined {
    return this.#watchlist.get(personId);
  }

  /** Persons living at an address (street and ZIP). */
  livingAt(address: { street: string; zip: string }): readonly string[] {
    return this.#byAddress.get(addressKey(address)) ?? [];
  }

  /**
   * Who the identifiers name. Busy terminals ask about the same subjects again and again (a
   * stop, its warrant check, the plate, the licence), and the index never changes once built,
   * so the answer is kept per identifier set, the oldest dropped past `RESOLVED_CACHE_SIZE`.
   */
  resolve(fields: ReadonlyMap<string, string>): ResolvedSubject {
    const values = SCRATCH_VALUES;
    for (let slot = 0; slot < SUBJECT_TAGS.length; slot++) values[slot] = fields.get(SUBJECT_TAGS[slot]!);
    return this.#resolveValues(values);
  }

  /**
   * resolve(subjectFieldsOf(transaction)), read straight from the fields: no map of them is
   * built, and only subject tags are upper-cased.
   */
  resolveTransaction(transaction: Transaction): ResolvedSubject {
    const values = SCRATCH_VALUES;
    if (!readSubjectValues(transaction, values)) return NOBODY;
    return this.#resolveValues(values);
  }

  #resolveValues(values: SubjectValues): ResolvedSubject {
    // Keyed by the first value given, the others compared slot by slot: no key string is
    // built and hashed per transaction, and two identifier sets never read as one.
    let first: string | undefined;
    for (let slot = 0; slot < values.length && first === undefined; slot++) first = values[slot];
    if (first === undefined) return NOBODY;
    for (let cached = this.#resolved.get(first); cached !== undefined; cached = cached.next) {
      if (sameValues(cached.values, values)) return cached.subject;
    }
    const subject = this.#resolveUncached(values);
    this.#remember(first, values.slice(), subject);
    return subject;
  }

  #remember(first: string, values: SubjectValues, subject: ResolvedSubject): void {
    const oldest = this.#resolvedOrder[this.#resolvedNext];
    // Forgotten before the new entry links to its chain, which may hold the oldest.
    if (oldest !== undefined) this.#forget(oldest);
    const entry: CachedSubject = { first, values, subject, next: this.#resolved.get(first) };
    this.#resolvedOrder[this.#resolvedNext] = entry;
    this.#resolvedNext = (this.#resolvedNext + 1) % RESOLVED_CACHE_SIZE;
    this.#resolved.set(entry.first, entry);
  }

  #forget(entry: CachedSubject): void {
    let cached = this.#resolved.get(entry.first);
    if (cached === entry) {
      if (entry.next === undefined) this.#resolved.delete(entry.first);
      else this.#resolved.set(entry.first, entry.next);
      return;
    }
    for (; cached !== undefined; cached = cached.next) {
      if (cached.next === entry) {
        cached.next = entry.next;
        return;
      }
    }
  }

  #resolveUncached(values: SubjectValues): ResolvedSubject {
    const persons = new Set<string>();
    const owners = new Set<string>();
    const { nameDob, nameDobKey } = typedNameDob(values);
    if (nameDobKey !== undefined) addIds(persons, this.#byNameDob.get(nameDobKey));
    const soc = values[SOC];
    if (soc !== undefined) addIds(persons, this.#bySoc.get(soc));
    const sid = values[SID];
    if (sid !== undefined) addIds(persons, this.#bySid.get(sid));
    const fbi = values[FBI];
    if (fbi !== undefined) addIds(persons, this.#byFbi.get(fbi));
    const oln = values[OLN];
    if (oln !== undefined) addIds(persons, this.#byOln.get(values[OLS] !== undefined ? `${oln}|${values[OLS]}` : oln));
    const plate = values[LIC];
    if (plate !== undefined) addIds(owners, this.#byPlate.get(values[LIS] !== undefined ? `${plate}|${values[LIS]}` : plate));
    const vin = values[VIN];
    if (vin !== undefined) addIds(owners, this.#byVin.get(vin));
    const everyone = owners.size === 0 ? persons : new Set([...persons, ...owners]);
    // What the rules then look up for each of them, once per subject (the index never changes).
    const watchListed: { id: string; reason: string }[] = [];
    const personKeys: string[] = [];
    for (const id of everyone) {
      const reason = this.#watchlist.get(id);
      if (reason !== undefined) watchListed.push({ id, reason });
      const key = this.#personKeys.get(id);
      if (key !== undefined) personKeys.push(key);
    }
    return { nameDob, nameDobKey, persons, owners, everyone, watchListed, personKeys };
  }
}

/** Resolved subjects kept by SubjectIndex.resolve: a few MiB at most. */
const RESOLVED_CACHE_SIZE = 10_000;

/** The fields resolve() reads, in a fixed order: the same identifiers give the same key. */
const SUBJECT_TAGS = ['NAM', 'DOB', 'SOC', 'SID', 'FBI', 'OLN', 'OLS', 'LIC', 'LIS', 'VIN'] as const;
const SUBJECT_TAG_SET: ReadonlySet<string> = new Set(SUBJECT_TAGS);
/** Each tag's slot in SubjectValues. */
const [NAM, DOB, SOC, SID, FBI, OLN, OLS, LIC, LIS, VIN] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The value of each of SUBJECT_TAGS, by its slot; undefined when not given. */
type SubjectValues = (string | undefined)[];

/** Filled and read within one resolve call (nothing keeps it): one array, not one per transaction. */
const SCRATCH_VALUES: SubjectValues = new Array<string | undefined>(SUBJECT_TAGS.length).fill(undefined);

/** SUBJECT_TAGS' slot of a tag (upper case), or -1. */
function subjectSlot(tag: string): number {
  switch (tag) {
    case 'NAM': return NAM;
    case 'DOB': return DOB;
    case 'SOC': return SOC;
    case 'SID': return SID;
    case 'FBI': return FBI;
    case 'OLN': return OLN;
    case 'OLS': return OLS;
    case 'LIC': return LIC;
    case 'LIS': return LIS;
    case 'VIN': return VIN;
    default: return -1;
  }
}

/** Fills `values` as subjectFieldsOf reads the fields (the first of each tag); false when none is there. */
function readSubjectValues(transaction: Transaction, values: SubjectValues): boolean {
  values.fill(undefined);
  let any = false;
  const list = transaction.fields ?? [];
  for (let index = 0; index < list.length; index++) {
    const field = list[index]!;
    const slot = subjectSlot(upperCase(field.tag ?? ''));
    if (slot < 0 || values[slot] !== undefined) continue;
    values[slot] = normalizedValue(field.value);
    any = true;
  }
  return any;
}

/** A resolved subject kept by SubjectIndex, in the chain of those whose first value is `first`. */
interface CachedSubject {
  readonly first: string;
  readonly values: SubjectValues;
  readonly subject: ResolvedSubject;
  next: CachedSubject | undefined;
}

function sameValues(a: SubjectValues, b: SubjectValues): boolean {
  for (let slot = 0; slot < SUBJECT_TAGS.length; slot++) if (a[slot] !== b[slot]) return false;
  return true;
}

/** The name and date of birth typed, when both were, and their comparison key. */
function typedNameDob(values: SubjectValues): Pick<ResolvedSubject, 'nameDob' | 'nameDobKey'> {
  const name = parseNcicName(values[NAM] ?? '');
  const dob = values[DOB];
  if (name === undefined || dob === undefined) return NO_NAME_DOB;
  return { nameDob: { ...name, dob }, nameDobKey: nameKey(name.last, name.first, dob) };
}

function addIds(set: Set<string>, ids: readonly string[] | string | undefined): void {
  if (ids === undefined) return;
  if (typeof ids === 'string') set.add(ids);
  else for (const id of ids) set.add(id);
}

/** What the misuse rules find in one transaction. */
export interface MisuseFindings {
  /** Set when the operator queried their own record: the transaction is refused. */
  readonly selfQuery: MisuseFlag | undefined;
  /** Allowed, but reported for review. */
  readonly flags: readonly MisuseFlag[];
}

/** What the rules compare against, per operator record (records are replaced on change, never mutated). */
interface OperatorContext {
  readonly relativeKeys: ReadonlySet<string>;
  readonly household: ReadonlySet<string>;
}

const contexts = new WeakMap<MisuseSubjectOperator, Map<SubjectIndex | undefined, OperatorContext>>();

function contextOf(operator: MisuseSubjectOperator, index: SubjectIndex | undefined): OperatorContext {
  let byIndex = contexts.get(operator);
  if (byIndex === undefined) {
    byIndex = new Map();
    contexts.set(operator, byIndex);
  }
  let context = byIndex.get(index);
  if (context === undefined) {
    context = {
      relativeKeys: new Set(operator.relatives.map((relative) => nameKey(relative.last, relative.first, relative.dob))),
      household: new Set(operator.homeAddress === null || index === undefined ? [] : index.livingAt(operator.homeAddress)),
    };
    byIndex.set(index, context);
  }
  return context;
}

/** Who the agency employs, by their own person record (the operator store answers it). */
export type EmployeesOf = (personId: string) => readonly { readonly id: string; readonly ori: string }[];

/**
 * The misuse rules for one transaction. `index` may be absent (no person data): then only
 * the declared relatives (name + DOB as typed) can be matched. `employees` finds the
 * operators whose own record a subject is (a colleague of the same agency is flagged).
 */
export function findMisuse(
  operator: MisuseSubjectOperator, fields: ReadonlyMap<string, string>, index: SubjectIndex | undefined, settings: CjisSettings['misuse'],
  employees?: EmployeesOf,
): MisuseFindings {
  return misuseAbout(operator, index?.resolve(fields) ?? typedOnly(fields), index, settings, employees);
}

/** findMisuse(operator, subjectFieldsOf(transaction), ...), without the map of fields. */
export function findTransactionMisuse(
  operator: MisuseSubjectOperator, transaction: Transaction, index: SubjectIndex | undefined, settings: CjisSettings['misuse'],
  employees?: EmployeesOf,
): MisuseFindings {
  if (index !== undefined) return misuseAbout(operator, index.resolveTransaction(transaction), index, settings, employees);
  const values = SCRATCH_VALUES;
  readSubjectValues(transaction, values);
  return misuseAbout(operator, { ...NOBODY, ...typedNameDob(values) }, index, settings, employees);
}

function misuseAbout(
  operator: MisuseSubjectOperator, subject: ResolvedSubject, index: SubjectIndex | undefined, settings: CjisSettings['misuse'],
  employees: EmployeesOf | undefined,
): MisuseFindings {
  if (subject.nameDob === undefined && subject.persons.size === 0 && subject.owners.size === 0) return NOTHING;
  const own = operator.personId;
  if (own !== null) {
    if (subject.persons.has(own)) return { selfQuery: { kind: 'self-query', detail: `operator ${operator.id} queried their own record (${own})` }, flags: [] };
    if (settings.ownVehicleIsSelfQuery && subject.owners.has(own)) {
      return { selfQuery: { kind: 'self-query', detail: `operator ${operator.id} queried a vehicle registered to themselves (${own})` }, flags: [] };
    }
  }
  const context = contextOf(operator, index);
  const everyone = subject.everyone;
  const flags: MisuseFlag[] = [];
  if (settings.watchList && index !== undefined) {
    for (const { id, reason } of subject.watchListed) flags.push({ kind: 'watch-list', detail: `subject ${id} is on the high-profile watch list (${reason})` });
  }
  if (settings.relatives && context.relativeKeys.size > 0) {
    let match = subject.nameDobKey !== undefined && context.relativeKeys.has(subject.nameDobKey) ? subject.nameDobKey : undefined;
    for (const key of subject.personKeys) {
      if (match !== undefined) break;
      if (context.relativeKeys.has(key)) match = key;
    }
    if (match !== undefined) flags.push({ kind: 'relative', detail: `subject matches a declared relative of operator ${operator.id} (${match.split('|').slice(0, 2).join(', ')})` });
  }
  if (settings.homeAddress && context.household.size > 0) {
    for (const id of everyone) {
      if (id !== own && context.household.has(id)) {
        flags.push({ kind: 'home-address', detail: `subject ${id} lives at operator ${operator.id}'s home address` });
        break;
      }
    }
  }
  if (settings.colleague && employees !== undefined && operator.ori !== undefined) {
    colleague: for (const id of subject.persons) {
      if (id === own) continue;
      for (const employee of employees(id)) {
        if (employee.id !== operator.id && employee.ori === operator.ori) {
          flags.push({ kind: 'colleague', detail: `subject ${id} is ${employee.id}, an employee of ${operator.ori}, operator ${operator.id}'s own agency` });
          break colleague;
        }
      }
    }
  }
  return flags.length === 0 ? NOTHING : { selfQuery: undefined, flags };
}

/**
 * A purpose code that does not fit the reason given: a criminal-justice purpose (C) on a
 * criminal-history inquiry whose reason is licensing, a permit or employment (seed 001:
 * "querying the Automated Criminal History System for licensing, employment, or
 * certification purposes (e.g., Carry Concealed Weapon permits)"). Such inquiries need the
 * licensing or employment purpose codes and their own authority, so the reason's words
 * decide: any word of `licensingWords` (compared upper case, whole words) in the reason or
 * in the documented reason for no case number.
 */
export function purposeMismatch(routeTo: RouteTo | null | undefined, settings: CjisSettings['misuse']['purposeMismatch']): MisuseFlag | undefined {
  const code = routeTo?.purposeCode?.trim().toUpperCase() ?? '';
  if (!settings.enabled || !settings.codes.includes(code)) return undefined;
  const words = `${routeTo?.reason ?? ''} ${routeTo?.noCaseReason ?? ''}`.toUpperCase().split(/[^A-Z0-9]+/);
  const found = words.find((word) => word !== '' && settings.licensingWords.includes(word));
  if (found === undefined) return undefined;
  return { kind: 'purpose-mismatch', detail: `purpose code ${code} (criminal justice) with a licensing, permit or employment reason (${found}): "${routeTo?.reason ?? ''}"` };
}

/**
 * Where each operator was last active: one operator acting from two source addresses at
 * two terminals within a few minutes of each other is someone else using their account,
 * or an account shared (seed 001: "sharing user IDs or passwords", "allowing others to
 * utilize your authorized access"). The same terminal at a new address is a device that
 * reconnected (a patrol car's modem), not two places at once. One flag per operator and
 * pair of addresses per window.
 */
export class ActivityTracker {
  readonly #recent = new Map<string, { address: string; terminal: string; at: number }[]>();
  readonly #flagged = new Map<string, number>();

  constructor(private readonly windowMs: () => number) {}

  /** Records one action; returns a flag when the operator was active elsewhere within the window. */
  record(operatorId: string, address: string, terminal: string, now: number): MisuseFlag | undefined {
    const window = this.windowMs();
    let recent = this.#recent.get(operatorId);
    if (recent === undefined) {
      recent = [];
      this.#recent.set(operatorId, recent);
    }
    // In place, as this runs for every transaction: the entries still within the window, but
    // the one for this place (its time is renewed, at the end).
    let here: { address: string; terminal: string; at: number } | undefined;
    let elsewhere: { address: string; terminal: string; at: number } | undefined;
    let kept = 0;
    for (let index = 0; index < recent.length; index++) {
      const entry = recent[index]!;
      if (entry.address === address && entry.terminal === terminal) {
        here = entry;
        continue;
      }
      if (now - entry.at >= window) continue;
      if (elsewhere === undefined && entry.address !== address && entry.terminal !== terminal) elsewhere = entry;
      recent[kept++] = entry;
    }
    if (here === undefined) {
      here = { address, terminal, at: now };
    } else {
      here.at = now;
      // It had a place in the list, so the list does not grow: no new backing store.
      recent[kept++] = here;
    }
    if (recent.length !== kept) recent.length = kept;
    if (recent[kept - 1] !== here) recent.push(here);
    // A handful of places is plenty to remember: each is one flag at most.
    if (recent.length > 8) recent.splice(0, recent.length - 8);
    if (this.#recent.size > 100_000) this.#prune(now, window);
    if (elsewhere === undefined) return undefined;
    const pair = `${operatorId}|${[elsewhere.address, address].sort().join('|')}`;
    const last = this.#flagged.get(pair);
    if (last !== undefined && now - last < window) return undefined;
    this.#flagged.set(pair, now);
    return {
      kind: 'two-addresses',
      detail: `operator ${operatorId} active from ${elsewhere.address} at ${elsewhere.terminal} ${Math.round((now - elsewhere.at) / 1000)} s before acting from ${address} at ${terminal}`,
    };
  }

  #prune(now: number, window: number): void {
    for (const [operatorId, entries] of this.#recent) if (entries.every((entry) => now - entry.at >= window)) this.#recent.delete(operatorId);
    for (const [pair, at] of this.#flagged) if (now - at >= window) this.#flagged.delete(pair);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const NOBODY: ResolvedSubject = Object.freeze({ nameDob: undefined, nameDobKey: undefined, persons: EMPTY, owners: EMPTY, everyone: EMPTY, watchListed: [], personKeys: [] });
const NOTHING: MisuseFindings = Object.freeze({ selfQuery: undefined, flags: Object.freeze([]) as readonly MisuseFlag[] });

const NO_NAME_DOB = Object.freeze({ nameDob: undefined, nameDobKey: undefined });

/** Without a person index: the name and date of birth as typed. */
function typedOnly(fields: ReadonlyMap<string, string>): ResolvedSubject {
  const name = parseNcicName(fields.get('NAM') ?? '');
  const dob = fields.get('DOB');
  const nameDob = name !== undefined && dob !== undefined ? { ...name, dob } : undefined;
  return { nameDob, nameDobKey: nameDob === undefined ? undefined : nameKey(nameDob.last, nameDob.first, nameDob.dob), persons: EMPTY, owners: EMPTY, everyone: EMPTY, watchListed: [], personKeys: [] };
}

/**
 * Transactions per operator per clock hour (UTC). The hour is flagged once, on the first
 * transaction beyond the threshold, so a busy hour makes one review item, not hundreds.
 */
export class VolumeCounter {
  readonly #counts = new Map<string, { hour: number; count: number }>();

  constructor(private readonly threshold: () => number) {}

  /** Counts one transaction; returns a flag when this one crosses the threshold. */
  count(operatorId: string, now: number): MisuseFlag | undefined {
    const hour = Math.floor(now / 3_600_000);
    let entry = this.#counts.get(operatorId);
    if (entry === undefined || entry.hour !== hour) {
      entry = { hour, count: 0 };
      this.#counts.set(operatorId, entry);
      if (this.#counts.size > 100_000) this.#prune(hour);
    }
    entry.count += 1;
    const limit = this.threshold();
    if (entry.count !== limit + 1) return undefined;
    return { kind: 'unusual-volume', detail: `operator ${operatorId} sent more than ${limit} transactions in the hour from ${new Date(hour * 3_600_000).toISOString()}` };
  }

  #prune(hour: number): void {
    for (const [operatorId, entry] of this.#counts) if (entry.hour !== hour) this.#counts.delete(operatorId);
  }
}
