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

/** Tags that carry the header and route-to, not payload fields. */
const CONTROL_TAG = 'CTL';
const ROUTE_TO_TAG = 'RTE';
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

/** A character `trimmed` keeps at either end: printable ASCII other than a blank. */
function isSolid(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * `text.toUpperCase()`, without the call when the text is ASCII with no lower-case letter:
 * operators' lines come upper case, and the call costs more than the look.
 */
function upperCase(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 127 || (code >= 97 && code <= 122)) return text.toUpperCase();
  }
  return text;
}

/**
 * The catalogue's message keys and field tags, and the tags the line itself uses, by a number
 * made of their letters: a tag read from a line is this one string, not a new copy, and the
 * maps that look it up later find it without hashing it again.
 */
const KNOWN_NAMES: ReadonlyMap<number, string> = new Map(
  [...CATALOGUE.keys(), ...FIELDS.keys(), CONTROL_TAG, ROUTE_TO_TAG, ...RESERVED_TAGS]
    .map((name) => [lettersCode(name, 0, name.length), name] as const)
    .filter(([code]) => code >= 0),
);

/** The 2-4 letters text[from, to) as a number (base 27), or -1 when they are not 2-4 letters A-Z. */
function lettersCode(text: string, from: number, to: number): number {
  if (to - from < 2 || to - from > 4) return -1;
  let code = 0;
  for (let index = from; index < to; index++) {
    const letter = text.charCodeAt(index);
    if (!isLetter(letter)) return -1;
    code = code * 27 + (letter - 64);
  }
  return code;
}

/** text.slice(from, to), as the catalogue's own string when it is a known key or tag. */
function nameAt(text: string, from: number, to: number): string {
  return KNOWN_NAMES.get(lettersCode(text, from, to)) ?? text.slice(from, to);
}

/** Past this many fields, duplicate tags are found with a set rather than by a scan of the fields. */
const FIELD_SCAN_LIMIT = 16;

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

  const upperLine = upperCase(line);
  // The line upper-cased once, when that keeps every index (it does for all but a few non-ASCII letters).
  const upper = upperLine.length === line.length ? upperLine : undefined;
  let messageKeyValue = '';
  let ori = '';
  const destinations: string[] = [];
  const fields: Field[] = [];
  /** The fields' tags, once there are too many to scan. */
  let fieldTags: Set<string> | undefined;
  const routeTo: RouteTo = {};
  /** The route-to members given so far, one bit each (ROUTE_TO_NAMES). */
  let given = 0;
  let routeToGiven = false;
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
    const next = dot + 1;
    // One period may end the line (NCIC operators often type it).
    const last = dot === end || next === end;

    let tag: string;
    let value = '';
    /** Where the route-to's members are read: the upper-cased line, or the RTE value on its own. */
    let members = '';
    let membersFrom = 0;
    let membersTo = 0;
    let membersColumn = 0;
    const slashAt = upper === undefined || partNumber < 3 ? -1 : upper.indexOf('/', position);
    if (upper !== undefined && slashAt > position && slashAt < dot - 1 && isSolid(upper.charCodeAt(position)) && isSolid(upper.charCodeAt(dot - 1))
      && isSolid(upper.charCodeAt(slashAt - 1)) && isSolid(upper.charCodeAt(slashAt + 1))) {
      // TAG/VALUE with nothing to trim (the usual part): read in place, without the part's own copy.
      tag = nameAt(upper, position, slashAt);
      if (!isTag(tag)) throw syntax(`part ${partNumber} tag '${tag.slice(0, 10)}' at column ${column} is not 2-4 letters`, column, tag);
      if (tag === ROUTE_TO_TAG) {
        members = upper;
        membersFrom = slashAt + 1;
        membersTo = dot;
        membersColumn = slashAt + 2;
      } else {
        value = upper.slice(slashAt + 1, dot);
      }
    } else {
      const part = trimmed(upper === undefined ? line.slice(position, dot).toUpperCase() : upper.slice(position, dot));
      if (part === '') {
        throw syntax(`part ${partNumber} at column ${column} is empty: remove the extra period`, column, partNumber === 1 ? 'MKE' : partNumber === 2 ? 'ORI' : undefined);
      }
      const slash = part.indexOf('/');
      if (partNumber === 1) {
        if (!isKey(part)) throw syntax(`part 1 '${part.slice(0, 20)}' at column ${column} is not a message key: write MKE.ORI.TAG/VALUE`, column, 'MKE');
        messageKeyValue = KNOWN_NAMES.get(lettersCode(part, 0, part.length)) ?? part;
        if (last) break;
        position = next;
        continue;
      }
      if (partNumber === 2) {
        if (slash >= 0) throw syntax(`part 2 '${part.slice(0, 20)}' at column ${column} is a TAG/VALUE: the originating ORI comes first (MKE.ORI.TAG/VALUE)`, column, 'ORI');
        if (!isBare(part)) throw syntax(`part 2 '${part.slice(0, 20)}' at column ${column} is not an ORI: letters and digits only`, column, 'ORI');
        ori = part;
        if (last) break;
        position = next;
        continue;
      }
      if (slash < 0) {
        if (fieldsBegun) {
          throw syntax(`part ${partNumber} '${part.slice(0, 20)}' at column ${column} has no '/': write TAG/VALUE`, column, guessTag(part));
        }
        if (!isBare(part)) {
          throw syntax(`part ${partNumber} '${part.slice(0, 20)}' at column ${column} is not a destination (state, ORI, terminal, county or ALL): letters and digits only`, column);
        }
        destinations.push(part);
        if (last) break;
        position = next;
        continue;
      }
      fieldsBegun = true;
      tag = trimmed(part.slice(0, slash));
      value = trimmed(part.slice(slash + 1));
      if (!isTag(tag)) throw syntax(`part ${partNumber} tag '${tag.slice(0, 10)}' at column ${column} is not 2-4 letters`, column, tag === '' ? undefined : tag);
      if (value === '') throw syntax(`${tag} at column ${column} has no value: write ${tag}/VALUE`, column, tag);
      if (tag === ROUTE_TO_TAG) {
        const raw = line.slice(position, dot);
        const rawSlash = raw.indexOf('/');
        const afterSlash = raw.slice(rawSlash + 1);
        members = value;
        membersFrom = 0;
        membersTo = value.length;
        membersColumn = column + rawSlash + 1 + (afterSlash.length - afterSlash.trimStart().length);
      }
    }
    fieldsBegun = true;

    if (tag === ROUTE_TO_TAG) {
      if (routeToGiven) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
      given = parseRouteTo(members, membersFrom, membersTo, membersColumn, routeTo, given);
      routeToGiven = true;
    } else if (tag === CONTROL_TAG) {
      if (control !== undefined) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
      control = value;
    } else if (tag === 'PUR' || tag === 'ATN') {
      given = setRouteToMember(routeTo, tag === 'PUR' ? PURPOSE_MEMBER : ATTENTION_MEMBER, tag, value, column, given);
    } else {
      // A field tag also clashes with a route-to member of its name given before (REQ, OPR, RSN, CASE).
      const duplicate = fieldTags === undefined ? hasTag(fields, tag) : fieldTags.has(tag);
      if (duplicate || memberGiven(tag, given)) throw syntax(`${tag} at column ${column} given twice`, column, tag, 'CLETS_ERR_FIELD_DUPLICATE');
      fields.push({ tag, value });
      if (fieldTags !== undefined) fieldTags.add(tag);
      else if (fields.length >= FIELD_SCAN_LIMIT) fieldTags = new Set(fields.map((field) => field.tag ?? ''));
    }
    if (last) break;
    position = next;
  }

  if (ori === '') throw syntax(`no originating ORI after ${messageKeyValue}: write MKE.ORI.TAG/VALUE`, end + 1, 'ORI');
  const header: Header = { messageKey: messageKeyValue, ori, destinations };
  if (control !== undefined) header.control = control;
  const transaction: Transaction = { header, fields, text: line };
  if (given !== 0) transaction.routeTo = routeTo;
  return transaction;
}

function hasTag(fields: readonly Field[], tag: string): boolean {
  for (let index = 0; index < fields.length; index++) if (fields[index]!.tag === tag) return true;
  return false;
}

/** The route-to members as written inside `RTE/`, by their bit in a `given` mask. */
const ROUTE_TO_NAMES = ['REQ', 'OPR', 'RSN', 'CASE', 'NOCASE', 'ATN', 'PUR'] as const;
const PURPOSE_MEMBER = 6;
const ATTENTION_MEMBER = 5;

/** Whether `tag` names a route-to member given already (a field of that name is a duplicate). */
function memberGiven(tag: string, given: number): boolean {
  const member = routeToMemberOf(tag);
  return member >= 0 && (given & (1 << member)) !== 0;
}

/**
 * `RTE/REQ:...;OPR:...;RSN:...;CASE:...;NOCASE:...;ATN:...;PUR:C`, read from text[from, to);
 * `column` is the column of `from`. Returns `given` with the members read.
 */
function parseRouteTo(text: string, from: number, to: number, column: number, routeTo: RouteTo, given: number): number {
  // Member by member with indexOf, not split: this runs for nearly every line.
  for (let start = from; start <= to;) {
    let stop = text.indexOf(';', start);
    if (stop < 0 || stop > to) stop = to;
    const memberColumn = column + start - from;
    const lastMember = stop === to;
    const colonAt = text.indexOf(':', start);
    if (colonAt > start && colonAt < stop - 1 && isSolid(text.charCodeAt(start)) && isSolid(text.charCodeAt(stop - 1))
      && isSolid(text.charCodeAt(colonAt - 1)) && isSolid(text.charCodeAt(colonAt + 1))) {
      // NAME:value with nothing to trim (the usual member): the name read in place.
      const member = memberAt(text, start, colonAt);
      if (member >= 0) {
        given = setRouteToMember(routeTo, member, ROUTE_TO_NAMES[member]!, text.slice(colonAt + 1, stop), memberColumn, given);
        start = stop + 1;
        continue;
      }
    }
    const member = trimmed(text.slice(start, stop));
    start = stop + 1;
    if (member === '') {
      if (lastMember) break; // a trailing ';'
      throw syntax(`empty route-to member at column ${memberColumn}`, memberColumn, ROUTE_TO_TAG);
    }
    const colon = member.indexOf(':');
    if (colon < 0) throw syntax(`route-to member '${member.slice(0, 20)}' at column ${memberColumn} has no ':': write KEY:value`, memberColumn, ROUTE_TO_TAG);
    const name = trimmed(member.slice(0, colon));
    const memberValue = trimmed(member.slice(colon + 1));
    const target = routeToMemberOf(name);
    if (target < 0) {
      throw syntax(`route-to member '${name.slice(0, 10)}' at column ${memberColumn} is not one of ${Object.keys(ROUTE_TO_MEMBERS).join(' ')}`, memberColumn, ROUTE_TO_TAG);
    }
    if (memberValue === '') throw syntax(`route-to member ${name} at column ${memberColumn} has no value`, memberColumn, ROUTE_TO_TAG);
    given = setRouteToMember(routeTo, target, name, memberValue, memberColumn, given);
  }
  return given;
}

/** ROUTE_TO_NAMES' index of a name, as a switch: a lookup by a name sliced from the line is a slow keyed load. */
function routeToMemberOf(name: string): number {
  switch (name) {
    case 'REQ': return 0;
    case 'OPR': return 1;
    case 'RSN': return 2;
    case 'CASE': return 3;
    case 'NOCASE': return 4;
    case 'ATN': return 5;
    case 'PUR': return 6;
    default: return -1;
  }
}

/** routeToMemberOf(text.slice(from, to)), read in place. */
function memberAt(text: string, from: number, to: number): number {
  for (let member = 0; member < ROUTE_TO_NAMES.length; member++) {
    const name = ROUTE_TO_NAMES[member]!;
    if (name.length === to - from && text.startsWith(name, from)) return member;
  }
  return -1;
}

/** Stores one member (ROUTE_TO_NAMES' index); returns `given` with its bit. */
function setRouteToMember(routeTo: RouteTo, member: number, name: string, value: string, column: number, given: number): number {
  if ((given & (1 << member)) !== 0) {
    // PUR and ATN may be typed inside RTE or at top level: once only.
    const field = name === 'PUR' || name === 'ATN' ? name : ROUTE_TO_TAG;
    throw syntax(`route-to ${name} at column ${column} given twice`, column, field, 'CLETS_ERR_FIELD_DUPLICATE');
  }
  // Named stores, one per member: a store by a computed name is a slow keyed store.
  switch (member) {
    case 0: routeTo.requester = value; break;
    case 1: routeTo.operator = value; break;
    case 2: routeTo.reason = value; break;
    case 3: routeTo.caseNumber = value; break;
    case 4: routeTo.noCaseReason = value; break;
    case 5: routeTo.attention = value; break;
    case 6: routeTo.purposeCode = value; break;
  }
  return given | (1 << member);
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
