/**
 * A realistic mix of terminal traffic, as mnemonic lines on the committed fixtures: the
 * persons, plates, licences and guns the mock systems hold, so the backends search real
 * indexes and some inquiries hit. Weights follow what a county's terminals send most
 * (plates and wants first, then licences, protection orders, criminal history), plus a few
 * protection-order entries (EPO) where the mix allows updates.
 *
 * Every line is checked against the catalogue when the mix is built (parse + validate), so a
 * benchmark never measures rejects by accident. The sequence is deterministic (seeded).
 */
import { loadFixtures, Rng, type FixtureSet, type Person } from '@clets/fixtures';
import { parseMnemonic, validateTransaction, type Transaction } from '@clets/protocol';

/** Relative weights of the message keys. */
export type KeyWeights = Readonly<Record<string, number>>;

/** Inquiries only: what the socket scenarios send (an entry changes the backends' files). */
export const INQUIRY_MIX: KeyWeights = {
  QW: 28, RQ: 22, QV: 18, DQ: 14, QPO: 6, QH: 5, QG: 2, QB: 1, IQ: 1,
};

/** The inquiry mix plus entries (full-access operators only): the in-process routing core. */
export const MIX_WITH_UPDATES: KeyWeights = { ...INQUIRY_MIX, EPO: 2 };

export const NAMED_MIXES: Readonly<Record<string, KeyWeights>> = { inquiry: INQUIRY_MIX, 'with-updates': MIX_WITH_UPDATES };

/** One line of the mix, for a given originating ORI. */
export interface MixEntry {
  readonly key: string;
  readonly line: string;
  /** The line parsed (header without client message id or control). */
  readonly transaction: Transaction;
}

export interface KeyMix {
  readonly weights: KeyWeights;
  /** Lines per key actually in the sequence. */
  readonly counts: Readonly<Record<string, number>>;
  /** Lines the catalogue refused while building (left out; should be 0). */
  readonly refused: number;
  readonly size: number;
  /** The sequence for one ORI (built once per ORI, then shared). */
  forOri(ori: string): readonly MixEntry[];
}

const REQUESTERS = ['DEP R VALE 4411', 'OFC M TRAN 1187', 'SGT L OKAFOR 302', 'DET P NUNEZ 5520', 'DEP A KOWALSKI 2290'];
const REASONS = [
  'TRAFFIC STOP SUSPECT VEH', 'BOOKING 10-15 ARREST', 'CALL FOR SERVICE 415 DISTURB', 'FOLLOW UP BURGLARY 459',
  'DUI CHECKPOINT 23152', 'PATROL STOP SUSP 10-66', 'COLLISION REPORT 20002', 'PROBATION SEARCH 1203',
];

const ORI_TOKEN = '{ORI}';

/**
 * Builds the mix from the fixtures. `exclude` names persons never asked about (operators'
 * own records: the CJIS policy refuses a self-query, which is right, but not what a
 * throughput figure should measure).
 */
export function buildKeyMix(fixtures: FixtureSet, options: { weights?: KeyWeights; size?: number; seed?: number } = {}): KeyMix {
  const weights = options.weights ?? INQUIRY_MIX;
  const size = options.size ?? 2000;
  const rng = new Rng(options.seed ?? 20261101);
  const excluded = new Set(fixtures.operators.map((operator) => operator.personId));
  const persons = fixtures.persons.filter((person) => !excluded.has(person.id));
  const personById = new Map(fixtures.persons.map((person) => [person.id, person]));
  const licenses = fixtures.licenses.filter((license) => !excluded.has(license.personId));
  const vehicles = fixtures.vehicles.filter((vehicle) => !excluded.has(vehicle.ownerPersonId));
  const orders = fixtures.protectionOrders
    .map((order) => personById.get(order.restrainedPersonId))
    .filter((person): person is Person => person !== undefined && !excluded.has(person.id));
  const guns = fixtures.guns;
  const boats = fixtures.boats;

  const keys = Object.keys(weights).filter((key) => (weights[key] ?? 0) > 0);
  const total = keys.reduce((sum, key) => sum + (weights[key] ?? 0), 0);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[rng.u32() % list.length];
    if (item === undefined) throw new Error('key mix: the fixtures have no records for a key of the mix');
    return item;
  };
  const routeTo = (purpose = false): string => {
    const caseNumber = `26-${String(rng.u32() % 1_000_000).padStart(6, '0')}`;
    return `RTE/REQ:${pick(REQUESTERS)};RSN:${pick(REASONS)};CASE:${caseNumber}${purpose ? ';PUR:C' : ''}`;
  };
  const name = (person: Person): string => `${person.last},${person.first}`;

  const lineFor = (key: string): string => {
    switch (key) {
      case 'QW': {
        const person = pick(persons);
        return `QW.${ORI_TOKEN}.NAM/${name(person)}.SEX/${person.sex}.DOB/${person.dob}.${routeTo()}`;
      }
      case 'QV': {
        const vehicle = pick(vehicles);
        return `QV.${ORI_TOKEN}.LIC/${vehicle.plate}.LIS/${vehicle.plateState}.${routeTo()}`;
      }
      case 'RQ': {
        const vehicle = pick(vehicles);
        return `RQ.${ORI_TOKEN}.LIC/${vehicle.plate}.LIS/${vehicle.plateState}.${routeTo()}`;
      }
      case 'DQ': {
        const license = pick(licenses);
        return `DQ.${ORI_TOKEN}.OLN/${license.oln}.OLS/${license.state}.${routeTo()}`;
      }
      case 'QPO': {
        const person = pick(orders);
        return `QPO.${ORI_TOKEN}.NAM/${name(person)}.DOB/${person.dob}.${routeTo()}`;
      }
      case 'QH': {
        const person = pick(persons);
        return `QH.${ORI_TOKEN}.NAM/${name(person)}.SEX/${person.sex}.DOB/${person.dob}.${routeTo(true)}`;
      }
      case 'QG':
        return `QG.${ORI_TOKEN}.SER/${pick(guns).serial}.${routeTo()}`;
      case 'QB':
        return `QB.${ORI_TOKEN}.BHN/${pick(boats).hullNumber}.${routeTo()}`;
      case 'IQ': {
        const person = pick(persons);
        return `IQ.${ORI_TOKEN}.NV.NAM/${name(person)}.SEX/${person.sex}.DOB/${person.dob}.${routeTo(true)}`;
      }
      case 'EPO': {
        const person = pick(persons);
        const protectedPerson = pick(persons);
        const oca = `26-PO${String(rng.u32() % 1_000_000).padStart(6, '0')}`;
        return `EPO.${ORI_TOKEN}.NAM/${name(person)}.SEX/${person.sex}.RAC/${person.race}.DOB/${person.dob}.POT/DVRO`
          + `.PNO/${name(protectedPerson)}.ISD/20261020.EXP/20291020.CRT/LOS ANGELES SUPERIOR COURT.OCA/${oca}.${routeTo()}`;
      }
      default:
        throw new Error(`key mix: no line builder for ${key}`);
    }
  };

  const templates: { key: string; line: string }[] = [];
  const counts: Record<string, number> = {};
  let refused = 0;
  for (let index = 0; templates.length < size && index < size * 3; index++) {
    let draw = rng.u32() % total;
    let key = keys[0] ?? 'QW';
    for (const candidate of keys) {
      draw -= weights[candidate] ?? 0;
      if (draw < 0) {
        key = candidate;
        break;
      }
    }
    const line = lineFor(key);
    try {
      validateTransaction(parseMnemonic(line.replace(ORI_TOKEN, 'CA0190000')));
    } catch {
      refused += 1;
      continue;
    }
    templates.push({ key, line });
    counts[key] = (counts[key] ?? 0) + 1;
  }

  const byOri = new Map<string, readonly MixEntry[]>();
  return {
    weights, counts, refused, size: templates.length,
    forOri(ori) {
      let entries = byOri.get(ori);
      if (entries === undefined) {
        entries = templates.map(({ key, line }) => {
          const concrete = line.replace(ORI_TOKEN, ori);
          return { key, line: concrete, transaction: parseMnemonic(concrete) };
        });
        byOri.set(ori, entries);
      }
      return entries;
    },
  };
}

let committed: Promise<FixtureSet> | undefined;

/** The committed fixture set (`fixtures/`), loaded once per process. */
export function committedFixtures(): Promise<FixtureSet> {
  committed ??= loadFixtures();
  return committed;
}
