/**
 * Subject searches of the audit log: the criteria checked once and put in a form both stores
 * share (and that the `audit_read` row of an audited search records), and the assembly of a
 * hit from a transaction row and its answer rows. A search may come straight from the HTTP
 * API, so a bad one is a CLETS_ERR_REQUEST_INVALID, not an internal error.
 *
 * What a search returns: `transaction` rows, and `reject` rows of transactions the switch
 * refused before accepting them (no input sequence was stamped: the refusal of a look-up is
 * as telling as the look-up). Rejects of a system leg after the receipt are answers, not hits.
 * What came back is read from response rows and from the completion row, which records the
 * answer of the last system to end (the log holds both shapes).
 */
import { CletsError, SUBJECT_KEY_PATTERN } from '@clets/protocol';
import { invalidCriterion, pageOf, storedTime } from './filter.js';
import { decodeSubjectKeys, recordedResponses, toAuditRow, type StoredAuditRow } from './record.js';
import type { AuditAnswer, AuditScope, AuditSearch, AuditSearchHit, AuditSearchResult } from './types.js';

export const DEFAULT_SEARCH_LIMIT = 100;
export const MAX_SEARCH_LIMIT = 1000;
/** Subject keys (and prefixes) in one search at most: a person's keys, a few identifiers. */
export const MAX_SEARCH_KEYS = 16;
/** ORIs in one scope at most (an agency's ORIs, a county's). */
export const MAX_SCOPE_ORIS = 500;

/** A checked search; JSON-friendly, so it is also what an `audit_read` row records. */
export interface NormalizedAuditSearch {
  keys?: string[];
  keyPrefixes?: string[];
  operatorId?: string;
  terminal?: string;
  ori?: string;
  fromAt?: string;
  toAt?: string;
  afterSeq?: number;
  limit: number;
}

/** `all`, or the sorted ORIs a reader may see (none: nothing is visible). */
export type NormalizedAuditScope = 'all' | { oris: string[] };

const STRING_FIELDS = ['operatorId', 'terminal', 'ori'] as const;

export function normalizeSearch(criteria: AuditSearch = {}): NormalizedAuditSearch {
  const normalized: NormalizedAuditSearch = { limit: DEFAULT_SEARCH_LIMIT };
  const keys = checkKeys(criteria.keys, 'keys', (key) => SUBJECT_KEY_PATTERN.test(key));
  // A prefix ends where a state or date would follow: `LIC:8ABC123/`.
  const prefixes = checkKeys(criteria.keyPrefixes, 'keyPrefixes', (prefix) => prefix.endsWith('/') && SUBJECT_KEY_PATTERN.test(`${prefix}X`));
  if ((keys?.length ?? 0) + (prefixes?.length ?? 0) > MAX_SEARCH_KEYS) throw invalid('keys', `at most ${MAX_SEARCH_KEYS} keys and prefixes`);
  if (keys !== undefined) normalized.keys = keys;
  if (prefixes !== undefined) normalized.keyPrefixes = prefixes;
  for (const field of STRING_FIELDS) {
    const value = criteria[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length === 0) throw invalid(field, 'must be a non-empty string');
    normalized[field] = value;
  }
  if (criteria.from !== undefined) normalized.fromAt = storedTime(criteria.from, 'from', 'search');
  if (criteria.to !== undefined) normalized.toAt = storedTime(criteria.to, 'to', 'search');
  return { ...normalized, ...pageOf(criteria, MAX_SEARCH_LIMIT, 'search') };
}

export function normalizeScope(scope: AuditScope): NormalizedAuditScope {
  if (scope === 'all') return 'all';
  const oris = (scope as { oris?: unknown } | null)?.oris;
  if (!Array.isArray(oris) || !oris.every((ori) => typeof ori === 'string' && ori.length > 0)) {
    throw invalid('scope', "must be 'all' or { oris: [...] }");
  }
  if (oris.length > MAX_SCOPE_ORIS) throw invalid('scope', `at most ${MAX_SCOPE_ORIS} ORIs`);
  return { oris: [...new Set(oris as string[])].sort() };
}

function checkKeys(value: readonly string[] | undefined, field: string, valid: (key: string) => boolean): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid(field, 'must be an array of subject keys');
  for (const key of value) {
    if (typeof key !== 'string' || !valid(key)) throw invalid(field, `holds a malformed subject key: ${String(key).slice(0, 40)}`);
  }
  return value.length === 0 ? undefined : [...new Set(value)].sort();
}

function invalid(field: string, problem: string): CletsError {
  return invalidCriterion('search', field, problem);
}

/** The end (exclusive) of the key range a prefix covers: its last character plus one. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** The keys of `subjectKeys` the search asked for. */
export function matchedKeys(subjectKeys: readonly string[], search: NormalizedAuditSearch): string[] {
  return subjectKeys.filter((key) => (search.keys?.includes(key) ?? false) || (search.keyPrefixes?.some((prefix) => key.startsWith(prefix)) ?? false));
}

/** Whether a row is a hit candidate (a transaction, or the refusal of one) that meets the criteria and the scope. */
export function rowMatches(row: StoredAuditRow, search: NormalizedAuditSearch, scope: NormalizedAuditScope): boolean {
  const candidate = row.type === 'transaction' || (row.type === 'reject' && row.inputSeq === null);
  if (!candidate) return false;
  if (search.keys !== undefined || search.keyPrefixes !== undefined) {
    if (matchedKeys(decodeSubjectKeys(row.subjectKeys), search).length === 0) return false;
  }
  return (
    (search.operatorId === undefined || row.operatorId === search.operatorId) &&
    (search.terminal === undefined || row.terminal === search.terminal) &&
    (search.ori === undefined || row.ori === search.ori) &&
    (search.fromAt === undefined || row.at >= search.fromAt) &&
    (search.toAt === undefined || row.at < search.toAt) &&
    (search.afterSeq === undefined || row.seq > search.afterSeq) &&
    (scope === 'all' || (row.ori !== null && scope.oris.includes(row.ori)))
  );
}

/** An answer row as the search reads it: seq, time, type, outcome, code and its JSON detail. */
export interface AnswerRow {
  seq: number;
  at: string;
  type: string;
  outcome: string;
  code: string | null;
  detail: string | null;
}

/** A hit: the transaction row, the keys the search matched, its answers and what they say. */
export function buildHit(row: StoredAuditRow, search: NormalizedAuditSearch, answerRows: readonly AnswerRow[]): AuditSearchHit {
  const decoded = toAuditRow(row);
  const subjectKeys = decoded.subjectKeys ?? [];
  const answers = answerRows.flatMap(toAnswers);
  const records = [...new Set(answers.flatMap((answer) => answer.records ?? []))];
  const hit: AuditSearchHit = {
    seq: row.seq,
    at: row.at,
    atMs: decoded.atMs,
    type: decoded.type,
    outcome: row.outcome,
    subjectKeys,
    matched: matchedKeys(subjectKeys, search),
    result: resultOf(decoded.type, answers),
    records,
    answers,
    hash: row.hash,
  };
  for (const field of ['operatorId', 'terminal', 'ori', 'sourceAddress', 'messageKey', 'inputSeq', 'routeTo', 'destinations', 'code'] as const) {
    if (decoded[field] !== undefined) (hit as unknown as Record<string, unknown>)[field] = decoded[field];
  }
  return hit;
}

/**
 * A row's answers: the row itself, preceded, for a completion row, by the responses it
 * records (the last system's answer, which has no response row of its own).
 */
function toAnswers(row: AnswerRow): AuditAnswer[] {
  const recorded = row.type === 'completion' ? recordedResponses(row.type, row.outcome, row.detail) : [];
  return [
    ...recorded.map((response): AuditAnswer => ({
      seq: row.seq, at: row.at, type: 'response', outcome: response.outcome,
      ...(response.system !== '' ? { system: response.system } : {}), records: response.records,
    })),
    toAnswer(row),
  ];
}

function toAnswer(row: AnswerRow): AuditAnswer {
  const answer: AuditAnswer = { seq: row.seq, at: row.at, type: row.type as AuditAnswer['type'], outcome: row.outcome };
  if (row.code !== null && row.code !== '') answer.code = row.code;
  let detail: { system?: unknown; records?: unknown } = {};
  try {
    detail = row.detail === null ? {} : (JSON.parse(row.detail) as typeof detail);
  } catch {
    // A detail altered into garbage: the answer is still listed, without system or records.
  }
  if (typeof detail.system === 'string') answer.system = detail.system;
  if (Array.isArray(detail.records)) answer.records = detail.records.filter((record): record is string => typeof record === 'string');
  return answer;
}

/** The strongest thing the answers say, in the order the result type lists them. */
function resultOf(type: string, answers: readonly AuditAnswer[]): AuditSearchResult {
  if (type === 'reject') return 'refused';
  const outcomes = new Set(answers.filter((answer) => answer.type === 'response').map((answer) => answer.outcome));
  for (const result of ['hit', 'possible', 'no_record', 'acknowledged'] as const) if (outcomes.has(result)) return result;
  if (answers.some((answer) => answer.type === 'reject')) return 'failed';
  if (answers.some((answer) => answer.type === 'queued')) return 'queued';
  return 'no_answer';
}
