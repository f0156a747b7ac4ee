/**
 * The stored form of an audit row: flat column values (strings, integers, null), exactly what
 * SQLite holds and what the chain hashes. Events are normalised into it once, on append; rows
 * are decoded from it for callers.
 */
import { MAX_SUBJECT_KEYS, SUBJECT_KEY_PATTERN } from '@clets/protocol';
import { isAuditEventType, type AuditEvent, type AuditRouteTo, type AuditRow, type RecordedResponse } from './types.js';

/** One row's columns; JSON columns hold the JSON text that was hashed. */
export interface StoredAuditRow {
  seq: number;
  at: string;
  type: string;
  operatorId: string | null;
  terminal: string | null;
  ori: string | null;
  sourceAddress: string | null;
  messageKey: string | null;
  inputSeq: number | null;
  clientMessageId: string | null;
  routeTo: string | null;
  destinations: string | null;
  outcome: string;
  code: string | null;
  bytes: number | null;
  detail: string | null;
  switchId: string | null;
  /** JSON array of subject keys, sorted, no repeats; null when the row names no subject. */
  subjectKeys: string | null;
  prevHash: string;
  hash: string;
}

/** A row before it has a place in the chain. */
export type AuditRowBody = Omit<StoredAuditRow, 'seq' | 'prevHash' | 'hash'>;

/** Largest epoch ms whose ISO form keeps a 4-digit year (9999-12-31T23:59:59.999Z), so text order is time order. */
const MAX_AT_MS = 253_402_300_799_999;

const ROUTE_TO_KEYS = ['requester', 'operator', 'reason', 'caseNumber', 'noCaseReason', 'purposeCode', 'attention'] as const;

/** ISO 8601 UTC with milliseconds; CJIS asks for at least hundredths of a second. */
export function formatAuditTime(atMs: number): string {
  return new Date(atMs).toISOString();
}

export function isValidAuditTime(atMs: unknown): atMs is number {
  return typeof atMs === 'number' && Number.isFinite(atMs) && atMs >= 0 && atMs <= MAX_AT_MS;
}

/**
 * Validates an event and turns it into column values. Throws TypeError on a malformed event:
 * that is a programming error, and the caller must not go on to process a transaction it
 * could not audit.
 */
export function toRowBody(event: AuditEvent, defaultSwitchId: string | null): AuditRowBody {
  if (typeof event !== 'object' || event === null) throw new TypeError('audit event must be an object');
  if (!isAuditEventType(event.type)) throw new TypeError(`unknown audit event type: ${String(event.type)}`);
  if (!isValidAuditTime(event.at)) throw new TypeError('audit event "at" must be epoch milliseconds between 1970 and 9999');
  if (typeof event.outcome !== 'string' || event.outcome.length === 0) {
    throw new TypeError('audit event "outcome" must be a non-empty string');
  }
  return {
    at: formatAuditTime(event.at),
    type: event.type,
    operatorId: optionalString(event.operatorId, 'operatorId'),
    terminal: optionalString(event.terminal, 'terminal'),
    ori: optionalString(event.ori, 'ori'),
    sourceAddress: optionalString(event.sourceAddress, 'sourceAddress'),
    messageKey: optionalString(event.messageKey, 'messageKey'),
    inputSeq: optionalCount(event.inputSeq, 'inputSeq'),
    clientMessageId: optionalString(event.clientMessageId, 'clientMessageId'),
    routeTo: encodeRouteTo(event.routeTo),
    destinations: encodeDestinations(event.destinations),
    outcome: event.outcome,
    code: optionalString(event.code, 'code'),
    bytes: optionalCount(event.bytes, 'bytes'),
    detail: encodeDetail(event.detail),
    switchId: optionalString(event.switchId, 'switchId') ?? defaultSwitchId,
    subjectKeys: encodeSubjectKeys(event.subjectKeys),
  };
}

/** Column values back to the caller's shape; absent columns are left out. */
export function toAuditRow(stored: StoredAuditRow): AuditRow {
  const row: AuditRow = {
    seq: stored.seq,
    at: stored.at,
    atMs: Date.parse(stored.at),
    type: stored.type as AuditRow['type'],
    outcome: stored.outcome,
    prevHash: stored.prevHash,
    hash: stored.hash,
  };
  if (stored.operatorId !== null) row.operatorId = stored.operatorId;
  if (stored.terminal !== null) row.terminal = stored.terminal;
  if (stored.ori !== null) row.ori = stored.ori;
  if (stored.sourceAddress !== null) row.sourceAddress = stored.sourceAddress;
  if (stored.messageKey !== null) row.messageKey = stored.messageKey;
  if (stored.inputSeq !== null) row.inputSeq = stored.inputSeq;
  if (stored.clientMessageId !== null) row.clientMessageId = stored.clientMessageId;
  if (stored.routeTo !== null) row.routeTo = parseJson(stored.routeTo) as AuditRouteTo;
  if (stored.destinations !== null) row.destinations = parseJson(stored.destinations) as string[];
  if (stored.code !== null) row.code = stored.code;
  if (stored.bytes !== null) row.bytes = stored.bytes;
  if (stored.detail !== null) row.detail = parseJson(stored.detail) as Record<string, unknown>;
  if (stored.switchId !== null) row.switchId = stored.switchId;
  if (stored.subjectKeys !== null && stored.subjectKeys !== undefined) row.subjectKeys = decodeSubjectKeys(stored.subjectKeys);
  return row;
}

/**
 * The responses an answer row records: a `response` row its own one; a `completion` row the
 * answer of the last system to end (`detail.responses`), which has no response row; any
 * other row none. Both shapes are read: a log holds response rows for every answer of
 * transactions written before completions recorded one. `detail` as stored (JSON text) or
 * parsed; entries altered into something else are left out.
 */
export function recordedResponses(type: string, outcome: string, detail: unknown): RecordedResponse[] {
  if (type !== 'response' && type !== 'completion') return [];
  let parsed: unknown = detail;
  if (typeof detail === 'string') {
    try {
      parsed = JSON.parse(detail);
    } catch {
      return [];
    }
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  const fields = parsed as { system?: unknown; records?: unknown; responses?: unknown };
  if (type === 'response') return [{ system: typeof fields.system === 'string' ? fields.system : '', outcome, records: stringsOf(fields.records) }];
  if (!Array.isArray(fields.responses)) return [];
  return fields.responses.flatMap((entry: unknown) => {
    const response = entry as { system?: unknown; outcome?: unknown; records?: unknown } | null;
    if (response === null || typeof response !== 'object' || typeof response.outcome !== 'string') return [];
    return [{ system: typeof response.system === 'string' ? response.system : '', outcome: response.outcome, records: stringsOf(response.records) }];
  });
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function optionalString(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`audit event "${name}" must be a string`);
  return value;
}

function optionalCount(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`audit event "${name}" must be a non-negative integer`);
  }
  return value;
}

/**
 * Fixed key order, empty fields left out (protobuf cannot tell '' from absent), so the same
 * route-to always gives the same JSON text whatever order the caller built it in.
 */
function encodeRouteTo(routeTo: AuditRouteTo | null | undefined): string | null {
  if (routeTo === undefined || routeTo === null) return null;
  if (typeof routeTo !== 'object') throw new TypeError('audit event "routeTo" must be an object');
  const ordered: Record<string, string> = {};
  for (const key of ROUTE_TO_KEYS) {
    const value = routeTo[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') throw new TypeError(`audit event "routeTo.${key}" must be a string`);
    ordered[key] = value;
  }
  return JSON.stringify(ordered);
}

function encodeDestinations(destinations: readonly string[] | null | undefined): string | null {
  if (destinations === undefined || destinations === null) return null;
  if (!Array.isArray(destinations) || !destinations.every((d) => typeof d === 'string')) {
    throw new TypeError('audit event "destinations" must be an array of strings');
  }
  return JSON.stringify(destinations);
}

function encodeDetail(detail: Record<string, unknown> | null | undefined): string | null {
  if (detail === undefined || detail === null) return null;
  if (typeof detail !== 'object' || Array.isArray(detail)) throw new TypeError('audit event "detail" must be an object');
  let text: string | undefined;
  try {
    text = JSON.stringify(detail);
  } catch (error) {
    throw new TypeError(`audit event "detail" is not serialisable as JSON: ${(error as Error).message}`);
  }
  return text;
}

/**
 * Sorted, without repeats, so the same subjects always give the same hashed text; each key
 * checked against the documented shape, as it goes into an index others search.
 */
function encodeSubjectKeys(keys: readonly string[] | null | undefined): string | null {
  if (keys === undefined || keys === null) return null;
  if (!Array.isArray(keys)) throw new TypeError('audit event "subjectKeys" must be an array of strings');
  if (keys.length === 0) return null;
  if (keys.length > MAX_SUBJECT_KEYS) throw new TypeError(`audit event "subjectKeys" holds more than ${MAX_SUBJECT_KEYS} keys`);
  for (const key of keys) {
    if (typeof key !== 'string' || !SUBJECT_KEY_PATTERN.test(key)) throw new TypeError(`audit event "subjectKeys" holds a malformed key: ${String(key).slice(0, 40)}`);
  }
  return JSON.stringify([...new Set(keys)].sort());
}

/** The keys of a stored row; text altered into something else reads as no keys. */
export function decodeSubjectKeys(text: string | null): string[] {
  if (text === null) return [];
  const parsed = parseJson(text);
  return Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [];
}

/** A row altered by hand may hold text that is not JSON: show it rather than fail the read. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}
