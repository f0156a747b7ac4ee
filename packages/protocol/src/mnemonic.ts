/**
 * The operator's mnemonic text format (docs/mnemonic-format.md):
 *
 *   MKE.ORI[.DEST...].TAG/VALUE.TAG/VALUE...[.TXT/free text. with periods]
 *
 * e.g. `QW.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800115.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:24-001234`.
 * The parser checks syntax only (parts, tags, duplicates); the catalogue's edits are
 * validate.ts's. The whole line is upper-cased except the text after `TXT/`, which ends the
 * line and is taken verbatim. Errors carry the field and the 1-based column.
 */
import { CATALOGUE, exampleTransaction, messageKey } from './catalogue.js';
import type { DestinationKind, MessageKeyDefinition } from './catalogue-types.js';
import { CletsError, type ErrorCode } from './errors.js';
import { FIELDS, TEXT_TAG } from './fields.js';
import type { Field, Header, Reject, Response, ResponseRecord, RouteTo, Transaction } from './types.js';
import { HitStatus } from './types.js';
import { PURPOSE_CODES } from './validate.js';

/** Route-to members as written inside `RTE/`, in the order formatTransaction writes them. */
export const ROUTE_TO_MEMBERS = {
  REQ: 'requester',
  OPR: 'operator',
  RSN: 'reason',
  CASE: 'caseNumber',
  NOCASE: 'noCaseReason',
  ATN: 'attention',
  PUR: 'purposeCode',
} as const satisfies Record<string, keyof RouteTo>;
type RouteToMember = (typeof ROUTE_TO_MEMBERS)[keyof typeof ROUTE_TO_MEMBERS];

/** Tags that carry the header and route-to, not payload fields. */
const CONTROL_TAG = 'CTL';
const ROUTE_TO_TAG = 'RTE';
/** NCIC operators type the purpose code and attention as top-level tags (`PUR/C.ATN/...`). */
const TOP_LEVEL_ROUTE_TO: Readonly<Record<string, RouteToMember>> = { PUR: 'purposeCode', ATN: 'attention' };
const RESERVED_TAGS: ReadonlySet<string> = new Set([CONTROL_TAG, ROUTE_TO_TAG, 'PUR', 'ATN']);

const KEY_PATTERN = /^[A-Z][A-Z0-9]{1,3}$/;
const TAG_PATTERN = /^[A-Z]{2,4}$/;
const BARE_PATTERN = /^[0-9A-Z]+$/;
const TEXT_PREFIX_LENGTH = TEXT_TAG.length + 1; // "TXT/"

// The three patterns above, by character code: they run for every part of every line.
function isLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** KEY_PATTERN */
function isKey(part: string): boolean {
  if (part.length < 2 || part.length > 4 || !isLetter(part.charCodeAt(0))) return false;
  for (let index = 1; index < part.length; index++) if (!isLetterOrDigit(part.charCodeAt(index))) return false;
  return true;
}

/** TAG_PATTERN */
function isTag(tag: string): boolean {
  if (tag.length < 2 || tag.length > 4) return false;
  for (let index = 0; index < tag.length; index++) if (!isLetter(tag.charCodeAt(index))) return false;
  return true;
}

/** BARE_PATTERN */
function isBare(part: string): boolean {
  if (part.length === 0) return false;
  for (let index = 0; index < part.length; index++) if (!isLetterOrDigit(part.charCodeAt(index))) return false;
  return true;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function syntax(detail: string, column: number, field?: string, code: ErrorCode = 'CLETS_ERR_TEXT_SYNTAX'): CletsError {
  return new CletsError(code, detail, { field, position: column });
}

/** The letters a malformed part starts with, as a guess at the tag the operator meant. */
function guessTag(part: string): string | undefined {
  const match = /^[A-Z]{2,3}/.exec(part);
  return match?.[0];
}

/** Whether the part starting at `index` is `TXT/` (any case). */
function startsText(line: string, index: number): boolean {
  // Compared by character code: this runs for every part of every line.
  return (line.charCodeAt(index) | 32) === 116 && (line.charCodeAt(index + 1) | 32) === 120
    && (line.charCodeAt(index + 2) | 32) === 116 && line.charCodeAt(index + 3) === 47;
}

/** `text.trim()`, without the call when both ends are printable ASCII other than a blank (the usual case). */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/**
 * Parses one mnemonic line into a transaction: header (message key, ORI, destinations,
 * control), route-to, fields in the order typed, and the original line as `text`.
 * Throws CLETS_ERR_TEXT_SYNTAX or CLETS_ERR_FIELD_DUPLICATE with field and column.
 */
export function parseMnemonic(line: string): Transaction {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  let position = 0;
  while (position < end && isBlank(line.charCodeAt(position))) position++;
  if (position === end) throw syntax('empty message: write MKE.ORI.TAG/VALUE', 1, 'MKE');

  const upperLine = line.toUpperCase();
  const upper = upperLine.length === line.length ? upperLine : undefined;
  let messageKeyValue = '';
  let ori = '';
  const destinations: string[] = [];
  const fields: Field[] = [];
  const seen = new Set<string>();
  const routeTo: RouteTo = {};
  let control: string | undefined;
  let fieldsBegun = false;

  for (let partNumber = 1; position <= end; partNumber++) {
    const column = position + 1;
    if (partNumber > 2) {
      let start = position;
      while (start < end && isBlank(line.charCodeAt(start))) start++;
      if (startsText(line, start)) {
        // TXT ends the line: the rest is taken verbatim, periods and case included.
        const text = line.slice(start + TEXT_PREFIX_LENGTH, end).trimStart();
        if (text.trim() === '') throw syntax(`${TEXT_TAG} at column ${start + 1} has no text`, start + 1, TEXT_TAG);
        fields.push({ tag: TEXT_TAG, value: text });
        break;
      }
    }
    let dot = line.indexOf('.', position);
    if (dot < 0 || dot > end) dot = end;
    // The line upper-cased once, when that keeps every index (it does for all but a few non-ASCII letters).
    const part = trimmed(upper === undefined ? line.slice(position, dot).toUpperCase() : upper.slice(position, dot));
    const next = dot + 1;
    // One period may end the line (NCIC operators often type it).
    const last = dot === end || next === end;

    if (part === '') {
      throw syntax(`part ${partNumber} at column ${column} is empty: remove the extra period`, column, partNumber === 1 ? 'MKE' : partNumber === 2 ? 'ORI' : undefined);
    }
    const slash = part.indexOf('/');
    if (partNumber === 1) {
      if (!isKey(part)) throw syntax(`part 1 '${part.slice(0, 20)}' at column ${column} is not a message key: write MKE.ORI.TAG/VALUE`, column, 'MKE');
      messageKeyValue = part;
    } else if (partNumber === 2) {
      if (slash >= 0) throw syntax(`part 2 '${part.slice(0, 20)}' at column ${column} is a TAG/VALUE: the originating ORI comes first (MKE.ORI.TAG/VALUE)`, column, 'ORI');
      if (!isBare(part)) throw syntax(`part 2 '${part.slice(0, 20)}' at column ${column} is not an ORI: letters and digits only`, column, 'ORI');
      ori = part;
    } else if (slash < 0) {
      if (fieldsBegun) {
        throw syntax(`part ${partNumber} '${part.slice(0, 20)}' at column ${column} has no '/': write TAG/VALUE`, column, guessTag(part));
      }
      if (!isBare(part)) {
        throw syntax(`part ${partNumber} '${part.slice(0, 20)}' at column ${column} is not a destination (state, ORI, terminal, county or ALL): letters and digits only`, column);
      }
      destinations.push(part);
    } else {
      fieldsBegun = true;
      const tag = trimmed(part.slice(0, slash));
      const value = trimmed(part.slice(slash + 1));
      if (!isTag(tag)) throw syntax(`part ${partNumber} tag '${tag.slice(0, 10)}' at column ${column} is not 2-4 letters`, column, tag === '' ? undefined : tag);
      if (value === '') throw syntax(`${tag} at column ${column} has no value: write ${tag}/VALUE`, column, tag);
      if (tag === ROUTE_TO_TAG) {
        if (seen.has(tag)) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
        const raw = line.slice(position, dot);
        const rawSlash = raw.indexOf('/');
        const afterSlash = raw.slice(rawSlash + 1);
        parseRouteTo(value, column + rawSlash + 1 + (afterSlash.length - afterSlash.trimStart().length), routeTo, seen);
      } else if (tag === CONTROL_TAG) {
        if (control !== undefined) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
        control = value;
      } else if (tag === 'PUR' || tag === 'ATN') {
        setRouteToMember(routeTo, TOP_LEVEL_ROUTE_TO[tag]!, tag, value, column, seen);
      } else {
        if (seen.has(tag)) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
        fields.push({ tag, value });
      }
      seen.add(tag);
    }
    if (last) break;
    position = next;
  }

  if (ori === '') throw syntax(`no originating ORI after ${messageKeyValue}: write MKE.ORI.TAG/VALUE`, end + 1, 'ORI');
  const header: Header = { messageKey: messageKeyValue, ori, destinations };
  if (control !== undefined) header.control = control;
  const transaction: Transaction = { header, fields, text: line };
  if (Object.keys(routeTo).length > 0) transaction.routeTo = routeTo;
  return transaction;
}

/** `RTE/REQ:...;OPR:...;RSN:...;CASE:...;NOCASE:...;ATN:...;PUR:C` */
function parseRouteTo(value: string, column: number, routeTo: RouteTo, seen: Set<string>): void {
  // Member by member with indexOf, not split: this runs for nearly every line.
  for (let start = 0; start <= value.length;) {
    let stop = value.indexOf(';', start);
    if (stop < 0) stop = value.length;
    const memberColumn = column + start;
    const lastMember = stop === value.length;
    const text = trimmed(value.slice(start, stop));
    start = stop + 1;
    if (text === '') {
      if (lastMember) break; // a trailing ';'
      throw syntax(`empty route-to member at column ${memberColumn}`, memberColumn, ROUTE_TO_TAG);
    }
    const colon = text.indexOf(':');
    if (colon < 0) throw syntax(`route-to member '${text.slice(0, 20)}' at column ${memberColumn} has no ':': write KEY:value`, memberColumn, ROUTE_TO_TAG);
    const name = trimmed(text.slice(0, colon));
    const memberValue = trimmed(text.slice(colon + 1));
    const target = routeToMemberOf(name);
    if (target === undefined) {
      throw syntax(`route-to member '${name.slice(0, 10)}' at column ${memberColumn} is not one of ${Object.keys(ROUTE_TO_MEMBERS).join(' ')}`, memberColumn, ROUTE_TO_TAG);
    }
    if (memberValue === '') throw syntax(`route-to member ${name} at column ${memberColumn} has no value`, memberColumn, ROUTE_TO_TAG);
    setRouteToMember(routeTo, target, name, memberValue, memberColumn, seen);
  }
}

/** ROUTE_TO_MEMBERS[name], as a switch: a lookup by a name sliced from the line is a slow keyed load. */
function routeToMemberOf(name: string): RouteToMember | undefined {
  switch (name) {
    case 'REQ': return 'requester';
    case 'OPR': return 'operator';
    case 'RSN': return 'reason';
    case 'CASE': return 'caseNumber';
    case 'NOCASE': return 'noCaseReason';
    case 'ATN': return 'attention';
    case 'PUR': return 'purposeCode';
    default: return undefined;
  }
}

function setRouteToMember(routeTo: RouteTo, member: RouteToMember, name: string, value: string, column: number, seen: Set<string>): void {
  if ((routeTo[member] ?? '') !== '') {
    // PUR and ATN may be typed inside RTE or at top level: once only.
    const field = name === 'PUR' || name === 'ATN' ? name : ROUTE_TO_TAG;
    throw syntax(`route-to ${name} at column ${column} given twice`, column, field, 'CLETS_ERR_FIELD_DUPLICATE');
  }
  // Named stores, one per member: a store by a computed name is a slow keyed store.
  switch (member) {
    case 'requester': routeTo.requester = value; break;
    case 'operator': routeTo.operator = value; break;
    case 'reason': routeTo.reason = value; break;
    case 'caseNumber': routeTo.caseNumber = value; break;
    case 'noCaseReason': routeTo.noCaseReason = value; break;
    case 'attention': routeTo.attention = value; break;
    case 'purposeCode': routeTo.purposeCode = value; break;
  }
  seen.add(name);
}

// --- formatting -----------------------------------------------------------------------------

function unwritable(detail: string, field?: string): CletsError {
  return new CletsError('CLETS_ERR_TEXT_SYNTAX', `cannot write in mnemonic form: ${detail}`, { field });
}

/** A value the line can carry: not empty, no period (it ends the part), no line break, no `stop` character. */
function checkWritable(value: string, what: string, field: string | undefined, stop?: string): void {
  if (value === '') throw unwritable(`${what} is empty`, field);
  if (value.includes('.')) throw unwritable(`${what} contains a period`, field);
  if (value.includes('\n') || value.includes('\r')) throw unwritable(`${what} contains a line break`, field);
  if (stop !== undefined && value.includes(stop)) throw unwritable(`${what} contains '${stop}'`, field);
}

/**
 * Writes a transaction as a mnemonic line: key, ORI, destinations, CTL, the fields in order,
 * RTE, and TXT last. The inverse of parseMnemonic for every valid transaction (values upper
 * case, as the edits require). Throws CLETS_ERR_TEXT_SYNTAX for a value the line cannot carry.
 */
export function formatTransaction(transaction: Transaction): string {
  const header = transaction.header ?? {};
  const key = header.messageKey ?? '';
  if (!KEY_PATTERN.test(key)) throw unwritable(`message key '${key}'`, 'MKE');
  const ori = header.ori ?? '';
  if (!BARE_PATTERN.test(ori)) throw unwritable(`ORI '${ori}'`, 'ORI');
  const parts = [key, ori];
  for (const destination of header.destinations ?? []) {
    if (!BARE_PATTERN.test(destination)) throw unwritable(`destination '${destination}'`);
    parts.push(destination);
  }
  const control = header.control ?? '';
  if (control !== '') {
    checkWritable(control, 'the control field', CONTROL_TAG);
    parts.push(`${CONTROL_TAG}/${control}`);
  }

  let text: string | undefined;
  const list = transaction.fields ?? [];
  for (let index = 0; index < list.length; index++) {
    const tag = list[index]?.tag ?? '';
    const value = list[index]?.value ?? '';
    if (tag === TEXT_TAG) {
      if (index !== list.length - 1) throw unwritable(`${TEXT_TAG} must be the last field`, TEXT_TAG);
      if (value.trim() === '') throw unwritable(`${TEXT_TAG} is empty`, TEXT_TAG);
      text = value;
      continue;
    }
    if (!TAG_PATTERN.test(tag) || RESERVED_TAGS.has(tag)) throw unwritable(`field tag '${tag}'`, tag);
    checkWritable(value, tag, tag);
    parts.push(`${tag}/${value}`);
  }

  const routeTo = transaction.routeTo;
  if (routeTo != null) {
    const members: string[] = [];
    for (const [name, member] of Object.entries(ROUTE_TO_MEMBERS)) {
      const value = routeTo[member] ?? '';
      if (value === '') continue;
      checkWritable(value, `route-to ${name}`, ROUTE_TO_TAG, ';');
      members.push(`${name}:${value}`);
    }
    if (members.length > 0) parts.push(`${ROUTE_TO_TAG}/${members.join(';')}`);
  }
  if (text !== undefined) parts.push(`${TEXT_TAG}/${text}`);
  return parts.join('.');
}

// --- terminal text for the CLI --------------------------------------------------------------

function keyInWords(key: string): string {
  const definition = messageKey(key);
  return definition === undefined ? key : `${key} ${definition.meaning}`;
}

function statusInWords(status: HitStatus | null | undefined, records: readonly ResponseRecord[]): string {
  switch (status ?? HitStatus.HIT_STATUS_UNSPECIFIED) {
    case HitStatus.HIT_STATUS_HIT: {
      let hits = 0;
      for (const record of records) if (record.status === HitStatus.HIT_STATUS_HIT) hits++;
      const count = Math.max(hits, 1);
      return `${count} HIT${count === 1 ? '' : 'S'}`;
    }
    case HitStatus.HIT_STATUS_POSSIBLE:
      return 'POSSIBLE MATCH';
    case HitStatus.HIT_STATUS_NO_RECORD:
      return 'NO RECORD';
    case HitStatus.HIT_STATUS_ACKNOWLEDGED:
      return 'ACKNOWLEDGED';
    default:
      return '';
  }
}

function controlSuffix(header: Header | null | undefined): string {
  const control = header?.control ?? '';
  const inputSeq = Number(header?.inputSeq ?? 0);
  return (control === '' ? '' : ` CTL/${control}`) + (inputSeq > 0 ? ` ISN/${inputSeq}` : '');
}

/**
 * One record as the terminal shows it: the backend's own text when it rendered one,
 * else the file, the record id and the tagged fields.
 */
export function formatRecord(record: ResponseRecord): string {
  if ((record.text ?? '') !== '') return record.text ?? '';
  const title = [record.system, record.file, record.recordId].filter((part) => (part ?? '') !== '').join(' ');
  const fields = (record.fields ?? []).map((field) => `${field.tag ?? ''}/${field.value ?? ''}`).join('.');
  const source = (record.source ?? '') === '' ? '' : `SOURCE/${record.source ?? ''}`;
  return [title, fields, source].filter((line) => line !== '').join('\n');
}

/**
 * A response as the terminal shows it: a header line with the system, the key in words, the
 * outcome and the echoed control field, then each record (blank line between records).
 */
export function formatResponse(response: Response): string {
  const records = response.records ?? [];
  const key = (response.responseKey ?? '') || (response.header?.messageKey ?? '');
  const status = statusInWords(response.status, records);
  const title = [response.system ?? '', keyInWords(key)].filter((part) => part !== '').join(' ');
  const lines = [`${title}${status === '' ? '' : ` - ${status}`}${controlSuffix(response.header)}`];
  if (records.length > 0) {
    for (const record of records) lines.push('', formatRecord(record));
  } else if ((response.text ?? '') !== '') {
    lines.push(response.text ?? '');
  }
  return lines.join('\n');
}

/**
 * A reject as an `ER` line: wire code, reason, field and column, system, control field; then
 * the echoed input with a caret under the column at fault.
 */
export function formatReject(reject: Reject): string {
  const system = reject.system ?? '';
  const field = reject.field ?? '';
  const position = reject.position ?? 0;
  let line = `ER ${reject.wireCode ?? 0}${system === '' ? '' : ` ${system}`} ${(reject.reason ?? '').toUpperCase()}`;
  if (field !== '') line += ` FIELD/${field}`;
  if (position > 0) line += ` COLUMN/${position}`;
  line += controlSuffix(reject.header);
  const echo = reject.echo ?? '';
  if (echo === '') return line;
  const lines = [line, `ECHO/${echo}`];
  if (position > 0 && position <= echo.length) lines.push(`${' '.repeat('ECHO/'.length + position - 1)}^`);
  return lines.join('\n');
}

// --- help -----------------------------------------------------------------------------------

function fieldInWords(tag: string): string {
  const field = FIELDS.get(tag);
  return field === undefined ? tag : `${tag} ${field.name}`;
}

function routeInWords(definition: MessageKeyDefinition): string {
  const rule = definition.route;
  switch (rule.kind) {
    case 'fanout':
      return rule.targets.join(', ');
    case 'by-state':
      return `by ${rule.field}: ${rule.homeState} to ${rule.home.join(', ')}, other states to ${rule.other.join(', ')}`;
    case 'nlets-states':
      return 'Nlets, to the state codes after the ORI (NV, or NL for every state)';
    case 'destinations': {
      const kinds = (definition.destinationRule?.kinds ?? ['ori', 'terminal', 'county', 'all']).map((kind) => DESTINATION_KIND_IN_WORDS[kind]);
      const max = definition.destinationRule?.max;
      return `the destinations after the ORI: ${kinds.join(', ')}${max === undefined ? '' : ` (at most ${max})`}`;
    }
    case 'local':
      return 'answered by the switch itself, which keeps the record';
    case 'none':
      return 'not routed: sent by the switch only';
  }
}

const DESTINATION_KIND_IN_WORDS: Readonly<Record<DestinationKind, string>> = {
  ori: 'ORIs (CA0370000)', terminal: 'terminals (PD01)', county: 'counties (C19)', all: 'ALL (broadcast)',
};

const ACTION_IN_WORDS = {
  inquiry: 'inquiry (any operator)',
  update: 'update (full-access operators only)',
  admin: 'agency-to-agency message',
  record: 'a record the switch keeps (any operator)',
  switch: 'sent by the switch or a system only',
} as const;

/** The `help KEY` text: meaning, action, route, route-to, fields with names, rules and an example line. */
export function describeKey(key: string): string {
  const definition = messageKey(key.trim().toUpperCase());
  if (definition === undefined) {
    throw new CletsError('CLETS_ERR_UNKNOWN_MESSAGE_KEY', `'${key}': known keys are ${[...CATALOGUE.keys()].join(' ')}`, { field: 'MKE' });
  }
  const lines = [`${definition.key} - ${definition.meaning}`, `  action:    ${ACTION_IN_WORDS[definition.action]}`, `  routes to: ${routeInWords(definition)}`];
  if (definition.action !== 'switch') {
    lines.push(`  when down: ${definition.whenDown === 'queue' ? 'queued (.02.), forwarded when the system returns' : 'refused (.04.), resend later'}`);
  }
  if (definition.routeToRequired) lines.push('  route-to:  RTE/REQ:requester;RSN:specific reason;CASE:case number (or NOCASE:why there is none) [;OPR:operator]');
  if (definition.purposeCodeRequired) lines.push(`  purpose:   PUR/ required, one of ${Object.keys(PURPOSE_CODES).join(' ')} (S V X R federal only); ATN/ attention optional`);
  if (definition.required.length > 0) lines.push(`  required:  ${definition.required.map(fieldInWords).join('; ')}`);
  for (const group of definition.anyOf) lines.push(`  one of:    ${group.map(fieldInWords).join(' | ')}`);
  if (definition.optional.length > 0) lines.push(`  optional:  ${definition.optional.map(fieldInWords).join('; ')}`);
  const rules = [
    ...definition.together.map((group) => `${group[0] ?? ''} needs ${group.slice(1).join(' and ')}`),
    ...definition.exclusive.map((group) => `at most one of ${group.join(', ')}`),
    ...(definition.requiredWhen ?? []).map((rule) => `${rule.field}/${rule.value} needs ${rule.requires.join(' and ')}`),
  ];
  if (rules.length > 0) lines.push(`  rules:     ${rules.join('; ')}`);
  if (definition.responseKey !== undefined) lines.push(`  answered:  ${keyInWords(definition.responseKey)}`);
  if (definition.action !== 'switch') lines.push(`  example:   ${formatTransaction(exampleTransaction(definition))}`);
  return lines.join('\n');
}

/** The `help` text: every key with its meaning, one a line. */
export function describeCatalogue(): string {
  const lines: string[] = [];
  for (const definition of CATALOGUE.values()) {
    lines.push(`${definition.key.padEnd(4)} ${definition.meaning}`);
  }
  lines.push('', 'Type help KEY for its fields and an example line.');
  return lines.join('\n');
}
