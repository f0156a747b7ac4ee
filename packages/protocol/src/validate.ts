/**
 * Validation of a transaction against the catalogue: the message key, who may send it, its
 * fields and their edits, the route-to (right to know, need to know: docs/domain.md section 3),
 * the purpose code of criminal-history keys, and the destinations of agency-to-agency and
 * Nlets-addressed keys. Policy checks that need the operator or the clock (vague reasons,
 * federal-only purpose codes, certifications) are the security policy's, later.
 *
 * This is on the switch's hot path: the key's allowed fields are compiled once, a passing
 * transaction costs one Map (the returned fields) and no strings; messages are only built
 * when a check fails.
 */
import type { DestinationKind, FieldDefinition, MessageKeyDefinition } from './catalogue-types.js';
import { CATALOGUE, fieldsOfKey, HOME_STATE } from './catalogue.js';
import { CletsError, type ErrorCode } from './errors.js';
import { FIELDS, NLETS_ALL_STATES, NLETS_STATE_CODES, TEXT_TAG } from './fields.js';
import type { RouteTo, Transaction } from './types.js';

/** A transaction that passed validation, with what routing and policy read from it. */
export interface ValidatedTransaction {
  readonly definition: MessageKeyDefinition;
  /** Field tag -> value, as validated (each tag at most once). */
  readonly fields: ReadonlyMap<string, string>;
  /** The transaction itself, unchanged. */
  readonly transaction: Transaction;
}

export interface ValidateOptions {
  /**
   * The transaction was typed at a terminal (default true): switch-only keys (responses, ER,
   * SM) are refused. False for traffic arriving over a link from another switch or system.
   */
  readonly fromTerminal?: boolean;
}

/** Criminal-history purpose codes (CORI/III). */
export const PURPOSE_CODES = {
  C: 'CRIMINAL JUSTICE',
  J: 'CRIMINAL JUSTICE EMPLOYMENT',
  D: 'DOMESTIC VIOLENCE AND STALKING',
  F: 'FIREARMS',
  H: 'PUBLIC HOUSING',
  I: 'AUTHORIZED LICENSING OR EMPLOYMENT',
  A: 'ADMINISTRATIVE FILE MAINTENANCE',
  S: 'FEDERAL ONLY',
  V: 'FEDERAL ONLY',
  X: 'FEDERAL ONLY',
  R: 'FEDERAL ONLY',
} as const;

/** Purpose codes reserved to federal agencies: a state or local agency using one is refused (by the security policy). */
export const FEDERAL_ONLY_PURPOSE_CODES: ReadonlySet<string> = new Set(['S', 'V', 'X', 'R']);

/** The longest value each route-to member may carry. */
const ROUTE_TO_LIMITS = {
  requester: 40,
  operator: 40,
  reason: 80,
  caseNumber: 20,
  noCaseReason: 80,
  attention: 40,
} as const satisfies Partial<Record<keyof RouteTo, number>>;

/** The mnemonic name of each route-to member, for messages (docs/mnemonic-format.md). */
const ROUTE_TO_NAMES: Readonly<Record<keyof typeof ROUTE_TO_LIMITS, string>> = {
  requester: 'REQ', operator: 'OPR', reason: 'RSN', caseNumber: 'CASE', noCaseReason: 'NOCASE', attention: 'ATN',
};

const ORI_PATTERN = /^[A-Z]{2}[0-9A-Z]{7}$/;
const TERMINAL_PATTERN = /^[0-9A-Z]{4}$/;
const COUNTY_PATTERN = /^C(\d{2})$/;
const CASE_NUMBER_PATTERN = /^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/;
const CALIFORNIA_COUNTIES = 58;
const ALL_DESTINATION_KINDS: readonly DestinationKind[] = ['ori', 'terminal', 'county', 'all'];

interface CompiledKey {
  readonly definition: MessageKeyDefinition;
  readonly allowed: ReadonlyMap<string, FieldDefinition>;
}

/** Each key's allowed fields, resolved once. A catalogue row naming an undefined field fails at load. */
const COMPILED: ReadonlyMap<string, CompiledKey> = new Map(
  [...CATALOGUE.values()].map((definition) => {
    const allowed = new Map<string, FieldDefinition>();
    for (const tag of fieldsOfKey(definition)) {
      const field = FIELDS.get(tag);
      if (field === undefined) throw new Error(`catalogue key ${definition.key} names field ${tag}, which has no definition`);
      allowed.set(tag, field);
    }
    return [definition.key, { definition, allowed }];
  }),
);

const ORI_FIELD = FIELDS.get('ORI');

/**
 * Validates a transaction against its catalogue row. Throws a CletsError naming the code,
 * and the field at fault (with its column when the transaction carries its mnemonic text).
 */
export function validateTransaction(transaction: Transaction, options: ValidateOptions = {}): ValidatedTransaction {
  const header = transaction.header;
  const key = header?.messageKey ?? '';
  const compiled = COMPILED.get(key);
  if (compiled === undefined) {
    throw new CletsError('CLETS_ERR_UNKNOWN_MESSAGE_KEY', key === '' ? 'no message key (MKE)' : `'${key.slice(0, 12)}' is not a message key`, { field: 'MKE' });
  }
  const { definition, allowed } = compiled;
  if (definition.action === 'switch' && options.fromTerminal !== false) {
    throw new CletsError('CLETS_ERR_KEY_NOT_FROM_TERMINAL', `${key} (${definition.meaning}) is sent by the switch only`, { field: 'MKE' });
  }

  // The switch fills an empty ORI from the session before validating; a given one must pass its edit.
  const ori = header?.ori ?? '';
  if (ori !== '' && ORI_FIELD !== undefined) {
    const problem = ORI_FIELD.edit(ori);
    if (problem !== undefined) fail(transaction, 'CLETS_ERR_FIELD_INVALID', problem, 'ORI');
  }

  const fields = readFields(transaction, definition, allowed);
  checkFieldRules(transaction, definition, fields);
  checkRouteTo(transaction, definition);
  checkDestinations(transaction, definition);
  return { definition, fields, transaction };
}

/**
 * The role rule (docs/domain.md section 2): updates (entries, modifications, cancellations) are for full-access
 * operators only; less-than-full-access operators inquire.
 */
export function checkRoleForKey(definition: MessageKeyDefinition, role: { readonly fullAccess: boolean }): void {
  if ((definition.fullAccessOnly || definition.action === 'update') && !role.fullAccess) {
    throw new CletsError(
      'CLETS_ERR_ROLE_NOT_PERMITTED',
      `${definition.key} (${definition.meaning}) is an update: full-access operators only`,
      { field: 'MKE' },
    );
  }
}

function readFields(transaction: Transaction, definition: MessageKeyDefinition, allowed: ReadonlyMap<string, FieldDefinition>): Map<string, string> {
  const values = new Map<string, string>();
  const list = transaction.fields ?? [];
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    const tag = item?.tag ?? '';
    const value = item?.value ?? '';
    const field = allowed.get(tag);
    if (field === undefined) {
      fail(transaction, 'CLETS_ERR_FIELD_UNKNOWN', `${definition.key} does not take ${tag === '' ? 'a field without a tag' : tag}; it takes ${[...allowed.keys()].join(' ')}`, tag);
    }
    if (values.has(tag)) fail(transaction, 'CLETS_ERR_FIELD_DUPLICATE', `${tag} given more than once`, tag);
    const problem = field.edit(value);
    if (problem !== undefined) fail(transaction, 'CLETS_ERR_FIELD_INVALID', problem, tag);
    values.set(tag, value);
  }
  // TXT takes the rest of the mnemonic line, so nothing can follow it.
  if (values.has(TEXT_TAG) && list[list.length - 1]?.tag !== TEXT_TAG) {
    fail(transaction, 'CLETS_ERR_FIELD_INVALID', `${TEXT_TAG} must be the last field`, TEXT_TAG);
  }
  return values;
}

function checkFieldRules(transaction: Transaction, definition: MessageKeyDefinition, fields: ReadonlyMap<string, string>): void {
  for (const tag of definition.required) {
    if (!fields.has(tag)) fail(transaction, 'CLETS_ERR_FIELD_MISSING', `${definition.key} needs ${describe(tag)}`, tag);
  }
  for (const group of definition.anyOf) {
    if (!hasAny(fields, group)) {
      fail(transaction, 'CLETS_ERR_FIELD_MISSING', `${definition.key} needs at least one of ${group.map(describe).join(' or ')}`, group[0]);
    }
  }
  for (const group of definition.exclusive) {
    let first: string | undefined;
    for (const tag of group) {
      if (!fields.has(tag)) continue;
      if (first !== undefined) fail(transaction, 'CLETS_ERR_FIELD_CONFLICT', `${first} and ${tag} exclude each other: give one of ${group.join(', ')}`, tag);
      first = tag;
    }
  }
  for (const group of definition.together) {
    const lead = group[0];
    if (lead === undefined || !fields.has(lead)) continue;
    for (let index = 1; index < group.length; index++) {
      const tag = group[index] ?? '';
      if (!fields.has(tag)) fail(transaction, 'CLETS_ERR_FIELD_MISSING', `${lead} needs ${describe(tag)}`, tag);
    }
  }
  checkDataSet(transaction, definition, fields);
  const conditional = definition.requiredWhen;
  if (conditional === undefined) return;
  for (const rule of conditional) {
    if (fields.get(rule.field) !== rule.value) continue;
    for (const tag of rule.requires) {
      if (!fields.has(tag)) fail(transaction, 'CLETS_ERR_FIELD_MISSING', `${rule.field}/${rule.value} needs ${describe(tag)}`, tag);
    }
  }
}

/**
 * A message about one record carries the data set of its record type, named by the NIC's
 * letter (Nlets: a person hit confirmation names the person; one carrying only a plate or a
 * VIN is refused, and the reverse).
 */
function checkDataSet(transaction: Transaction, definition: MessageKeyDefinition, fields: ReadonlyMap<string, string>): void {
  const sets = definition.dataSetByRecord;
  if (sets === undefined) return;
  const nic = fields.get('NIC') ?? '';
  const set = sets[nic.charAt(0)];
  if (set === undefined || hasAny(fields, set.anyOf)) return;
  const others = [...fields.keys()].filter((tag) => Object.values(sets).some((other) => other !== set && other.anyOf.includes(tag)));
  const carried = others.length > 0 ? `: ${others.join(' and ')} does not identify a ${set.words} record` : '';
  fail(transaction, 'CLETS_ERR_CONFIRMATION_DATA_SET',
    `${definition.key} for NIC/${nic} (a ${set.words} record) needs ${set.anyOf.map(describe).join(' or ')}${carried}`, set.anyOf[0]);
}

function hasAny(fields: ReadonlyMap<string, string>, group: readonly string[]): boolean {
  for (const tag of group) if (fields.has(tag)) return true;
  return false;
}

function describe(tag: string): string {
  const field = FIELDS.get(tag);
  return field === undefined ? tag : `${tag} (${field.name})`;
}

/**
 * The route-to (RTE): required on every inquiry and update. Each member must also be
 * writable in the mnemonic line (upper case, no period or semicolon), so that the audit echo
 * and the text form say the same thing as the frame.
 */
function checkRouteTo(transaction: Transaction, definition: MessageKeyDefinition): void {
  const routeTo = transaction.routeTo;
  if (routeTo != null) {
    // One call per member, not a loop over names: monomorphic property loads on the hot path.
    checkRouteMember(transaction, 'requester', routeTo.requester);
    checkRouteMember(transaction, 'operator', routeTo.operator);
    checkRouteMember(transaction, 'reason', routeTo.reason);
    checkRouteMember(transaction, 'caseNumber', routeTo.caseNumber);
    checkRouteMember(transaction, 'noCaseReason', routeTo.noCaseReason);
    checkRouteMember(transaction, 'attention', routeTo.attention);
    const caseNumber = routeTo.caseNumber ?? '';
    if (caseNumber !== '' && !CASE_NUMBER_PATTERN.test(caseNumber)) {
      fail(transaction, 'CLETS_ERR_FIELD_INVALID', `RTE CASE '${caseNumber}': letters, digits and inner hyphens`, 'RTE');
    }
    if (caseNumber !== '' && (routeTo.noCaseReason ?? '') !== '') {
      fail(transaction, 'CLETS_ERR_FIELD_CONFLICT', 'RTE gives a case number (CASE) and a reason there is none (NOCASE): give one', 'RTE');
    }
  }

  if (definition.routeToRequired) {
    const requester = routeTo?.requester ?? '';
    const reason = routeTo?.reason ?? '';
    const hasCase = (routeTo?.caseNumber ?? '') !== '' || (routeTo?.noCaseReason ?? '') !== '';
    if (requester === '' && reason === '' && !hasCase) {
      fail(transaction, 'CLETS_ERR_ROUTE_TO_MISSING', `${definition.key} needs RTE/REQ:requester;RSN:reason;CASE:case number`, 'RTE');
    }
    if (requester === '') fail(transaction, 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'requester (REQ) missing', 'RTE');
    if (reason === '') fail(transaction, 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'reason (RSN) missing', 'RTE');
    if (!hasCase) fail(transaction, 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'case number (CASE) or the reason there is none (NOCASE) missing', 'RTE');
  }

  const purpose = routeTo?.purposeCode ?? '';
  if (purpose === '') {
    if (definition.purposeCodeRequired) {
      fail(transaction, 'CLETS_ERR_PURPOSE_CODE_MISSING', `${definition.key} needs PUR/ one of ${Object.keys(PURPOSE_CODES).join(' ')}`, 'PUR');
    }
  } else if (!Object.hasOwn(PURPOSE_CODES, purpose)) {
    fail(transaction, 'CLETS_ERR_PURPOSE_CODE_INVALID', `PUR ${purpose.slice(0, 8)} is not one of ${Object.keys(PURPOSE_CODES).join(' ')}`, 'PUR');
  }
}

function checkRouteMember(transaction: Transaction, member: keyof typeof ROUTE_TO_LIMITS, value: string | null | undefined): void {
  if (value == null || value === '') return;
  const problem = routeTextProblem(value, ROUTE_TO_LIMITS[member]);
  if (problem !== undefined) fail(transaction, 'CLETS_ERR_FIELD_INVALID', `RTE ${ROUTE_TO_NAMES[member]} '${value.slice(0, 24)}': ${problem}`, 'RTE');
}

/** Printable ASCII but lower case, period and semicolon; no blank at either end. */
const ROUTE_TEXT = /^[!-\-/-:<-`{-~](?:[ -\-/-:<-`{-~]*[!-\-/-:<-`{-~])?$/;

/** Printable ASCII in upper case, no period (ends the part) or semicolon (ends the member), trimmed. */
function routeTextProblem(value: string, limit: number): string | undefined {
  if (value.length > limit) return `${value.length} characters, at most ${limit}`;
  if (ROUTE_TEXT.test(value)) return undefined; // compiled fast path; the loop below explains a failure
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 46 || code === 59) return `'${value[index]}' at ${index + 1} cannot be written in the route-to`;
    if (code < 32 || code > 126) return `character at ${index + 1} is not printable ASCII`;
    if (code >= 97 && code <= 122) return `lower-case '${value[index]}' at ${index + 1}: write upper case`;
  }
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) return 'leading or trailing blank';
  return undefined;
}

function checkDestinations(transaction: Transaction, definition: MessageKeyDefinition): void {
  const kind = definition.route.kind;
  if (kind !== 'nlets-states' && kind !== 'destinations') return; // other keys route by the catalogue, not the header
  const destinations = transaction.header?.destinations ?? [];
  if (destinations.length === 0) {
    const expected = kind === 'nlets-states' ? 'destination state codes (NV, or NL for every state)' : 'destinations (ORI, terminal, county C01-C58 or ALL)';
    fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${definition.key} needs ${expected}`);
  }
  // One pass with a set: a line of thousands of destinations must cost no more than its length.
  const seen = new Set<string>();
  for (const destination of destinations) {
    if (seen.has(destination)) fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${destination} given more than once`);
    seen.add(destination);
  }
  if (kind === 'nlets-states') checkNletsStates(transaction, definition, destinations);
  else checkAgencyDestinations(transaction, definition, destinations);
}

function checkNletsStates(transaction: Transaction, definition: MessageKeyDefinition, destinations: readonly string[]): void {
  for (const destination of destinations) {
    if (destination === NLETS_ALL_STATES) {
      if (destinations.length > 1) fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${NLETS_ALL_STATES} already addresses every state: give it alone`);
      continue;
    }
    if (destination === HOME_STATE) {
      fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${HOME_STATE} is this state: ask its files with ${definition.key === 'FQ' ? 'QR' : 'QH'}`);
    }
    if (!NLETS_STATE_CODES.has(destination)) {
      fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${destination.slice(0, 12)} is not an Nlets state code`);
    }
  }
}

function checkAgencyDestinations(transaction: Transaction, definition: MessageKeyDefinition, destinations: readonly string[]): void {
  const rule = definition.destinationRule;
  const kinds = rule?.kinds ?? ALL_DESTINATION_KINDS;
  if (rule?.max !== undefined && destinations.length > rule.max) {
    fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${definition.key} goes to at most ${rule.max} destination${rule.max === 1 ? '' : 's'}`);
  }
  for (const destination of destinations) {
    const kind = destinationKind(destination);
    if (kind === undefined) {
      fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${destination.slice(0, 12)} is not an ORI, terminal, county (C01-C58) or ALL`);
    }
    if (!kinds.includes(kind)) {
      fail(transaction, 'CLETS_ERR_DESTINATION_INVALID', `${definition.key} goes to ${kinds.join(' or ')} destinations, not ${destination} (${kind})`);
    }
  }
}

/** What a header destination names, or undefined when it is none of the kinds. */
export function destinationKind(destination: string): DestinationKind | undefined {
  if (destination === 'ALL') return 'all';
  const county = COUNTY_PATTERN.exec(destination)?.[1];
  if (county !== undefined) {
    const number = Number(county);
    return number >= 1 && number <= CALIFORNIA_COUNTIES ? 'county' : undefined;
  }
  if (ORI_PATTERN.test(destination)) return 'ori';
  if (TERMINAL_PATTERN.test(destination)) return 'terminal';
  return undefined;
}

/**
 * Throws the error, with the column of the field in the mnemonic text when the transaction
 * carries one (failure path only: the search costs nothing on accepted traffic).
 */
function fail(transaction: Transaction, code: ErrorCode, detail: string, field?: string): never {
  const position = field === undefined ? undefined : columnOf(transaction.text ?? '', field);
  throw new CletsError(code, detail, { field, position });
}

function columnOf(text: string, field: string): number | undefined {
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  if (field === 'MKE') return 1;
  if (field === 'ORI') {
    const dot = upper.indexOf('.');
    return dot < 0 ? undefined : dot + 2;
  }
  const at = upper.indexOf(`.${field}/`);
  if (at >= 0) return at + 2;
  if (field === 'PUR' || field === 'ATN') {
    const member = upper.indexOf(`${field}:`);
    if (member >= 0) return member + 1;
  }
  return undefined;
}
