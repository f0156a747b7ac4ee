/**
 * The message-key catalogue: one row per key, as real switches (OpenFox, Nlets) configure
 * them. Adding a key is adding a row. Decisions taken where public sources are silent are
 * listed in docs/catalogue.md; the main ones:
 *
 * - Person queries fan out: QW searches NCIC and the state wanted-person, protection-order,
 *   missing-person and registrant files at once (one person query, several files).
 * - Updates go to the ONE state file that owns the record (EPO/MPO/XPO -> CARPOS, EW/XW ->
 *   WPS, EV/XV -> SVS). In real life California DOJ forwards entries on to NCIC; the
 *   simulation leaves that hop out.
 * - When a system is down, inquiries to NCIC, DMV and the state files are refused at once
 *   (Nlets `.04.`: a traffic stop cannot wait for an answer an hour later); Nlets traffic,
 *   agency-to-agency traffic (AM, YQ, YR) and updates are queued (`.02.`).
 * - YQ, YR and AM need no route-to: they are agency-to-agency traffic, not file inquiries;
 *   the audit row still records operator, terminal and ORI.
 * - No QW variants (QWA, QWE...): QW already searches every person file; a variant is one
 *   more row when needed.
 */
import type { FieldDefinition, MessageKeyDefinition, RecordDataSet, RouteRule, Target } from './catalogue-types.js';
import type { RouteTo, Transaction } from './types.js';
import { FIELDS } from './fields.js';

/** The state this switch network serves: the `home` of by-state routes. */
export const HOME_STATE = 'CA';
/** Destinations one administrative message may name (a project choice: docs/catalogue.md, "Destinations"). */
export const AM_MAX_DESTINATIONS = 20;

const PERSON_DESCRIPTORS = ['SEX', 'RAC', 'HGT', 'WGT', 'EYE', 'HAI'] as const;

/** The state files that hold entered records (the database audits' files, less CSAR). */
const STATE_FILE_TARGETS: readonly Target[] = ['WPS', 'SVS', 'AFS', 'APS', 'ABS', 'MPS', 'CARPOS'];

/** ORIs one hit confirmation request may name. */
export const YQ_MAX_DESTINATIONS = 3;

/**
 * The agency's name and telephone on a hit confirmation: the switch of the requesting (or
 * answering) terminal fills them from its agency records, so the other agency can call back.
 */
export const AGENCY_CONTACT = ['AGN', 'TEL'] as const;

/** The data set a YQ must carry, by the letter of the record's NIC (docs/catalogue.md, "Hit confirmation"). */
export const CONFIRMATION_DATA_SETS: Readonly<Record<string, RecordDataSet>> = Object.freeze({
  W: { words: 'WANTED PERSON', anyOf: ['NAM'] },
  H: { words: 'PROTECTION ORDER', anyOf: ['NAM'] },
  M: { words: 'MISSING PERSON', anyOf: ['NAM'] },
  S: { words: 'SUPERVISED RELEASE', anyOf: ['NAM'] },
  V: { words: 'VEHICLE', anyOf: ['LIC', 'VIN'] },
  G: { words: 'GUN', anyOf: ['SER'] },
  A: { words: 'ARTICLE', anyOf: ['SER'] },
  B: { words: 'BOAT', anyOf: ['BHN', 'REG'] },
});
const RECORD_ID = [['NIC', 'OCA']] as const;

const fanout = (...targets: Target[]): RouteRule => ({ kind: 'fanout', targets });
const byState = (field: string): RouteRule => ({ kind: 'by-state', field, homeState: HOME_STATE, home: ['DMV'], other: ['NLETS'] });

type Row = Pick<MessageKeyDefinition, 'key' | 'meaning' | 'action' | 'route'> & Partial<MessageKeyDefinition>;

/** Fills the defaults of each action, so rows state only what is particular to the key. */
function row(partial: Row): MessageKeyDefinition {
  const update = partial.action === 'update';
  const inquiry = partial.action === 'inquiry';
  return Object.freeze({
    fullAccessOnly: update,
    purposeCodeRequired: false,
    routeToRequired: update || inquiry,
    required: [],
    anyOf: [],
    optional: [],
    exclusive: [],
    together: [],
    whenDown: update || partial.action === 'admin' ? 'queue' : 'refuse',
    ...partial,
  });
}

/**
 * Identifiers a person record carries beyond the descriptors (NCIC supplemental data):
 * alias, place of birth, citizenship, skin tone, scars/marks/tattoos, other numbers. Given
 * with an entry, or added later by a modify (an AKA, SMT or MNU adds to what is on file).
 */
const SUPPLEMENTAL = ['AKA', 'POB', 'CTZ', 'SKN', 'SMT', 'MNU'] as const;

/** What one hot file's life-cycle keys need: its entry fields, what a modify may change, how a record is named. */
interface LifeCycleSpec {
  readonly file: Target;
  /** The file's letter(s) after the action letter: EW, LV, CPO. */
  readonly letter: string;
  readonly words: string;
  readonly enter: Pick<Row, 'required' | 'anyOf' | 'optional' | 'together'>;
  /** Fields a modify (M) may change; a modify must change at least one. VLN (validation) is always allowed. */
  readonly modifiable: readonly string[];
  /** Fields that name the subject and, given with a modify, cancel, locate or clear, must be the record's. */
  readonly subject: readonly string[];
  readonly subjectTogether?: readonly (readonly string[])[];
  /** Whether NCIC locates records of this file (not protection orders). Default true. */
  readonly locate?: boolean;
}

/**
 * The rows of one file's life cycle: enter, modify, cancel, locate, clear. Every one is an
 * update (full-access operators, route-to required, queued when the file is down) to the one
 * state file that owns the record. A modify, cancel or clear names the record by NIC or by
 * the entering agency's OCA; a locate by NIC only, since the locating agency does not know
 * the entering agency's case number (docs/catalogue.md, "Life cycle").
 */
function lifeCycle(spec: LifeCycleSpec): MessageKeyDefinition[] {
  const route = fanout(spec.file);
  const together = spec.subjectTogether ?? [];
  const rows = [
    row({ key: `E${spec.letter}`, meaning: `ENTER ${spec.words}`, action: 'update', route, ...spec.enter }),
    row({
      key: `M${spec.letter}`, meaning: `MODIFY ${spec.words}`, action: 'update', route,
      anyOf: [['NIC', 'OCA'], [...spec.modifiable, 'VLN']],
      optional: spec.subject.filter((tag) => !spec.modifiable.includes(tag)), together,
    }),
    row({
      key: `X${spec.letter}`, meaning: `CANCEL ${spec.words}`, action: 'update', route,
      anyOf: RECORD_ID, optional: [...spec.subject, 'MIS'], together,
    }),
  ];
  if (spec.locate !== false) {
    rows.push(row({
      key: `L${spec.letter}`, meaning: `LOCATE ${spec.words}`, action: 'update', route,
      required: ['NIC', 'DOL'], optional: [...spec.subject, 'LCA', 'MIS'], together, notifyEnteringAgency: true,
    }));
  }
  rows.push(row({
    key: `C${spec.letter}`, meaning: `CLEAR ${spec.words}`, action: 'update', route,
    anyOf: RECORD_ID, optional: [...spec.subject, 'DCL', 'MIS'], together,
  }));
  return rows;
}

const switchOnly = (key: string, meaning: string): MessageKeyDefinition => row({ key, meaning, action: 'switch', route: { kind: 'none' } });

const ROWS: readonly MessageKeyDefinition[] = [
  // --- inquiries: NCIC plus the state file(s) ----------------------------------------------
  row({
    key: 'QW', meaning: 'WANTED PERSON INQUIRY', action: 'inquiry',
    required: ['NAM'], anyOf: [['DOB', 'SOC', 'OLN', 'FBI', 'SID']], optional: [...PERSON_DESCRIPTORS, 'OLS'],
    together: [['OLN', 'OLS']],
    route: fanout('NCIC', 'WPS', 'CARPOS', 'MPS', 'CSAR'),
  }),
  row({
    key: 'ZW', meaning: 'WANTED PERSON ADMINISTRATIVE INQUIRY', action: 'inquiry',
    anyOf: RECORD_ID, optional: ['NAM'],
    route: fanout('NCIC', 'WPS'),
  }),
  row({
    key: 'QV', meaning: 'VEHICLE INQUIRY', action: 'inquiry',
    anyOf: [['LIC', 'VIN']], optional: ['LIS', 'LIY', 'LIT'], together: [['LIC', 'LIS']],
    route: fanout('NCIC', 'SVS'),
  }),
  row({
    key: 'QG', meaning: 'GUN INQUIRY', action: 'inquiry',
    required: ['SER'], optional: ['MAK', 'CAL', 'MOD', 'TYP'],
    route: fanout('NCIC', 'AFS'),
  }),
  row({
    key: 'QA', meaning: 'ARTICLE INQUIRY', action: 'inquiry',
    required: ['SER'], optional: ['TYP', 'MAK', 'MOD'],
    route: fanout('NCIC', 'APS'),
  }),
  row({
    key: 'QB', meaning: 'BOAT INQUIRY', action: 'inquiry',
    anyOf: [['BHN', 'REG']], optional: ['MAK'],
    route: fanout('NCIC', 'ABS'),
  }),
  row({
    key: 'QPO', meaning: 'PROTECTION ORDER INQUIRY', action: 'inquiry',
    anyOf: [['NAM', 'NIC']], optional: ['DOB', 'SEX', 'RAC', 'SOC', 'OLN', 'OLS'],
    together: [['NAM', 'DOB'], ['OLN', 'OLS']],
    route: fanout('NCIC', 'CARPOS'),
  }),

  // --- updates: full-access operators only, to the state file that owns the record ----------
  // NCIC's action letters (E enter, M modify, X cancel, L locate, C clear) before the file's
  // letter (W wanted, V vehicle, G gun, A article, B boat, M missing, PO protection order).
  ...lifeCycle({
    file: 'CARPOS', letter: 'PO', words: 'PROTECTION ORDER',
    enter: {
      required: ['NAM', 'SEX', 'RAC', 'DOB', 'POT', 'PNO', 'ISD', 'EXP', 'CRT', 'OCA'],
      optional: ['HGT', 'WGT', 'EYE', 'HAI', 'SOC', 'OLN', 'OLS', 'PDB', 'PCO', 'CND', 'BRD', 'SRV', 'MIS', ...SUPPLEMENTAL],
      together: [['OLN', 'OLS']],
    },
    modifiable: ['EXP', 'PCO', 'CND', 'CRT', 'POT', 'PNO', 'PDB', 'BRD', 'SRV', 'MIS', 'HGT', 'WGT', 'EYE', 'HAI', ...SUPPLEMENTAL],
    subject: ['NAM'],
    // NCIC does not locate a protection order: it is enforced, not recovered.
    locate: false,
  }),
  ...lifeCycle({
    file: 'WPS', letter: 'W', words: 'WANTED PERSON',
    enter: {
      required: ['NAM', 'SEX', 'RAC', 'DOB', 'OFF', 'WTY', 'DOW', 'EXL', 'OCA'],
      optional: ['HGT', 'WGT', 'EYE', 'HAI', 'SOC', 'FBI', 'SID', 'OLN', 'OLS', 'CRT', 'MIS', ...SUPPLEMENTAL],
      together: [['OLN', 'OLS']],
    },
    modifiable: ['OFF', 'WTY', 'DOW', 'EXL', 'CRT', 'MIS', 'HGT', 'WGT', 'EYE', 'HAI', 'SOC', 'FBI', 'SID', ...SUPPLEMENTAL],
    subject: ['NAM'],
  }),
  ...lifeCycle({
    file: 'SVS', letter: 'V', words: 'STOLEN VEHICLE',
    enter: {
      required: ['VYR', 'VMA', 'DOT', 'OCA'], anyOf: [['LIC', 'VIN']],
      optional: ['LIS', 'LIY', 'LIT', 'VMO', 'VST', 'VCO', 'MIS'],
      together: [['LIC', 'LIS']],
    },
    modifiable: ['VMO', 'VST', 'VCO', 'MIS'],
    subject: ['LIC', 'LIS', 'VIN'],
    subjectTogether: [['LIC', 'LIS']],
  }),
  ...lifeCycle({
    file: 'AFS', letter: 'G', words: 'GUN',
    enter: { required: ['SER', 'MAK', 'CAL', 'TYP', 'DOT', 'OCA'], optional: ['MOD', 'MIS'] },
    modifiable: ['MAK', 'CAL', 'MOD', 'TYP', 'MIS'],
    subject: ['SER'],
  }),
  ...lifeCycle({
    file: 'APS', letter: 'A', words: 'ARTICLE',
    enter: { required: ['SER', 'TYP', 'MAK', 'DOT', 'OCA'], optional: ['MOD', 'MIS'] },
    modifiable: ['TYP', 'MAK', 'MOD', 'MIS'],
    subject: ['SER'],
  }),
  ...lifeCycle({
    file: 'ABS', letter: 'B', words: 'BOAT',
    enter: { required: ['MAK', 'DOT', 'OCA'], anyOf: [['BHN', 'REG']], optional: ['BLE', 'MIS'] },
    modifiable: ['REG', 'MAK', 'BLE', 'MIS'],
    subject: ['BHN', 'REG'],
  }),
  ...lifeCycle({
    file: 'MPS', letter: 'M', words: 'MISSING PERSON',
    enter: {
      required: ['NAM', 'SEX', 'RAC', 'DOB', 'MNP', 'DLC', 'OCA'],
      optional: ['HGT', 'WGT', 'EYE', 'HAI', 'SOC', 'FBI', 'SID', 'OLN', 'OLS', 'MIS', ...SUPPLEMENTAL],
      together: [['OLN', 'OLS']],
    },
    modifiable: ['MNP', 'DLC', 'MIS', 'HGT', 'WGT', 'EYE', 'HAI', 'SOC', 'FBI', 'SID', ...SUPPLEMENTAL],
    subject: ['NAM'],
  }),

  // --- record care: second-party check and the agency's validation list ----------------------
  // Keys of the simulation's own (NCIC publishes none for either: the check is the agency's
  // procedure, the list is DOJ's validation report): docs/catalogue.md, "Record care".
  row({
    key: 'SPC', meaning: 'SECOND-PARTY CHECK', action: 'update',
    required: ['NIC'], optional: ['MIS'],
    route: fanout(...STATE_FILE_TARGETS),
  }),
  row({
    // The sending agency's own records; the route-to says why (CASE or NOCASE: VALIDATION).
    key: 'VL', meaning: 'VALIDATION LIST REQUEST', action: 'inquiry',
    required: ['VLS'],
    // VLO: the state control point (DOJ) lists another agency's records; that agency is sent
    // the list as an administrative notice (DOJ's validation report to the agency's ACC).
    optional: ['VLO'],
    route: fanout(...STATE_FILE_TARGETS),
    notifyEnteringAgency: true,
  }),

  // --- criminal history (III and the state's ACHS): purpose code required --------------------
  row({
    key: 'QH', meaning: 'CRIMINAL HISTORY NAME SEARCH', action: 'inquiry', purposeCodeRequired: true,
    required: ['NAM', 'SEX', 'DOB'], optional: ['RAC', 'SOC'],
    route: fanout('NCIC', 'ACHS'),
  }),
  row({
    key: 'QR', meaning: 'CRIMINAL HISTORY RECORD REQUEST', action: 'inquiry', purposeCodeRequired: true,
    // One record per request: by the state number or the FBI number, not both.
    anyOf: [['SID', 'FBI']], exclusive: [['SID', 'FBI']],
    route: fanout('NCIC', 'ACHS'),
  }),

  // --- DMV (California) or Nlets (other states), by the state field -------------------------
  row({
    key: 'DQ', meaning: 'DRIVER LICENSE INQUIRY', action: 'inquiry', responseKey: 'DR',
    required: ['OLS'], anyOf: [['OLN', 'NAM']], optional: ['DOB', 'SEX'], together: [['NAM', 'DOB']],
    route: byState('OLS'),
  }),
  row({
    key: 'RQ', meaning: 'REGISTRATION INQUIRY', action: 'inquiry', responseKey: 'RR',
    // LIS is required with a VIN too: it decides which state's registry is asked.
    required: ['LIS'], anyOf: [['LIC', 'VIN']], optional: ['LIY', 'LIT'],
    route: byState('LIS'),
  }),

  // --- out-of-state criminal history over Nlets: destination states in the header ----------
  row({
    key: 'IQ', meaning: 'OUT-OF-STATE CRIMINAL HISTORY INQUIRY', action: 'inquiry', purposeCodeRequired: true, responseKey: 'IR',
    anyOf: [['NAM', 'SID', 'FBI']], optional: ['SEX', 'RAC', 'DOB', 'SOC'], together: [['NAM', 'SEX', 'DOB']],
    route: { kind: 'nlets-states' }, whenDown: 'queue',
  }),
  row({
    key: 'FQ', meaning: 'OUT-OF-STATE FULL RECORD REQUEST', action: 'inquiry', purposeCodeRequired: true, responseKey: 'FR',
    anyOf: [['SID', 'FBI']], exclusive: [['SID', 'FBI']],
    route: { kind: 'nlets-states' }, whenDown: 'queue',
  }),

  // --- agency to agency --------------------------------------------------------------------
  row({
    key: 'YQ', meaning: 'HIT CONFIRMATION REQUEST', action: 'admin',
    required: ['NIC', 'PRI', 'RNO'],
    optional: ['OCA', 'NAM', 'DOB', 'LIC', 'LIS', 'VIN', 'SER', 'MAK', 'BHN', 'REG', 'MIS', ...AGENCY_CONTACT],
    // Up to three ORIs: the entering agency, and the agencies that hold the record or the
    // subject for it (its holder of record, a terminal agency answering for it) (docs/catalogue.md).
    route: { kind: 'destinations' }, destinationRule: { kinds: ['ori'], max: YQ_MAX_DESTINATIONS },
    dataSetByRecord: CONFIRMATION_DATA_SETS,
  }),
  row({
    key: 'YR', meaning: 'HIT CONFIRMATION RESPONSE', action: 'admin',
    required: ['NIC', 'CNF'], optional: ['ABY', 'OCA', 'RNO', 'MIS', ...AGENCY_CONTACT],
    requiredWhen: [{ field: 'CNF', value: 'T', requires: ['ABY'] }],
    route: { kind: 'destinations' }, destinationRule: { kinds: ['ori'], max: 1 },
  }),
  row({
    key: 'AM', meaning: 'ADMINISTRATIVE MESSAGE', action: 'admin',
    required: ['TXT'], optional: ['CAU'],
    // A message names a handful of agencies or terminals; a wider audience is a county (Cnn)
    // or ALL. Without a bound, one message could fan out into thousands of deliveries,
    // stored messages and audit rows (docs/catalogue.md, "Destinations").
    route: { kind: 'destinations' }, destinationRule: { kinds: ['ori', 'terminal', 'county', 'all'], max: AM_MAX_DESTINATIONS },
  }),

  // --- records the switch keeps and answers itself -----------------------------------------
  row({
    // CLETS's own key for this is not public: RL is the simulation's (docs/catalogue.md).
    key: 'RL', meaning: 'RELEASE LOG ENTRY', action: 'record',
    required: ['ISN', 'RQN', 'RQA', 'HOW'], optional: ['INF', 'OCA'],
    route: { kind: 'local' },
  }),
  row({
    // The simulation's key (docs/catalogue.md): the operator's own message log, kept by the
    // switch the terminal works at. ISN or LNO recalls one exchange; otherwise a listing.
    key: 'LOG', meaning: 'MESSAGE LOG', action: 'record',
    optional: ['ISN', 'LNO', 'FND', 'PAG'],
    exclusive: [['ISN', 'LNO', 'FND'], ['ISN', 'LNO', 'PAG']],
    route: { kind: 'local' },
  }),

  // --- sent by a switch or a system only ----------------------------------------------------
  switchOnly('DR', 'DRIVER LICENSE RESPONSE'),
  switchOnly('RR', 'REGISTRATION RESPONSE'),
  switchOnly('IR', 'OUT-OF-STATE CRIMINAL HISTORY RESPONSE'),
  switchOnly('FR', 'OUT-OF-STATE FULL RECORD RESPONSE'),
  switchOnly('SM', 'STATUS MESSAGE'),
  switchOnly('ER', 'ERROR MESSAGE'),
];

/** Every message key, by its MKE. */
export const CATALOGUE: ReadonlyMap<string, MessageKeyDefinition> = new Map(ROWS.map((definition) => [definition.key, definition]));

/** The definition of a message key, or undefined when the key is unknown. */
export function messageKey(key: string): MessageKeyDefinition | undefined {
  return CATALOGUE.get(key);
}

/** Every field a key accepts, in catalogue order: required, anyOf groups, optional. */
export function fieldsOfKey(definition: MessageKeyDefinition): string[] {
  const tags: string[] = [];
  const add = (tag: string): void => {
    if (!tags.includes(tag)) tags.push(tag);
  };
  for (const tag of definition.required) add(tag);
  for (const group of definition.anyOf) for (const tag of group) add(tag);
  for (const tag of definition.optional) add(tag);
  return tags;
}

/** The route-to used by examples: a requester, a specific reason and a case number. */
export const EXAMPLE_ROUTE_TO: Readonly<RouteTo> = Object.freeze({
  requester: 'DEP R VALE 4411',
  reason: 'TRAFFIC STOP SUSPECT VEH',
  caseNumber: '26-001234',
});

/** The originating ORI used by examples. */
export const EXAMPLE_ORI = 'CA0190000';

function exampleOf(tag: string): string {
  const definition: FieldDefinition | undefined = FIELDS.get(tag);
  if (definition === undefined) throw new Error(`catalogue names field ${tag} that has no definition`);
  return definition.example;
}

/**
 * A valid transaction for `definition`, built from the field examples: every required field,
 * the first field of each anyOf group, what those need (together, requiredWhen), the
 * route-to and destinations the key needs. Used by help text and tests.
 */
export function exampleTransaction(definition: MessageKeyDefinition): Transaction {
  const tags: string[] = [...definition.required];
  for (const group of definition.anyOf) {
    if (!group.some((tag) => tags.includes(tag)) && group[0] !== undefined) tags.push(group[0]);
  }
  for (const group of definition.together) {
    if (group[0] !== undefined && tags.includes(group[0])) for (const tag of group) if (!tags.includes(tag)) tags.push(tag);
  }
  const values = new Map(tags.map((tag) => [tag, exampleOf(tag)]));
  const dataSet = definition.dataSetByRecord?.[(values.get('NIC') ?? '').charAt(0)];
  if (dataSet !== undefined && !dataSet.anyOf.some((tag) => values.has(tag)) && dataSet.anyOf[0] !== undefined) {
    values.set(dataSet.anyOf[0], exampleOf(dataSet.anyOf[0]));
  }
  for (const rule of definition.requiredWhen ?? []) {
    if (values.get(rule.field) === rule.value) for (const tag of rule.requires) if (!values.has(tag)) values.set(tag, exampleOf(tag));
  }
  // The free text ends the mnemonic line, so it is the last field.
  const ordered = [...values].sort(([a], [b]) => Number(a === 'TXT') - Number(b === 'TXT'));
  const destinations =
    definition.route.kind === 'nlets-states' ? ['NV'] : definition.route.kind === 'destinations' ? ['CA0370000'] : [];
  const transaction: Transaction = {
    header: { messageKey: definition.key, ori: EXAMPLE_ORI, destinations },
    fields: ordered.map(([tag, value]) => ({ tag, value })),
  };
  if (definition.routeToRequired || definition.purposeCodeRequired) {
    transaction.routeTo = definition.purposeCodeRequired ? { ...EXAMPLE_ROUTE_TO, purposeCode: 'C' } : { ...EXAMPLE_ROUTE_TO };
  }
  return transaction;
}
