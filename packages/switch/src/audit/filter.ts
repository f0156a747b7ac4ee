/**
 * Audit query filters, checked once and put in a form both stores share: times become the
 * stored ISO text (which sorts as time does), types become a list, the limit gets its cap.
 * A filter may come straight from the administrator API, so a bad one is a
 * CLETS_ERR_REQUEST_INVALID, not an internal error.
 */
import { CletsError } from '@clets/protocol';
import { formatAuditTime, isValidAuditTime, type StoredAuditRow } from './record.js';
import { isAuditEventType, type AuditEventType, type AuditFilter } from './types.js';

export const DEFAULT_QUERY_LIMIT = 1000;
export const MAX_QUERY_LIMIT = 10_000;

/** A checked filter; JSON-friendly, so it is also what an `audit_read` row records. */
export interface NormalizedAuditFilter {
  fromAt?: string;
  toAt?: string;
  operatorId?: string;
  ori?: string;
  terminal?: string;
  types?: AuditEventType[];
  messageKey?: string;
  outcome?: string;
  afterSeq?: number;
  limit: number;
}

const STRING_FIELDS = ['operatorId', 'ori', 'terminal', 'messageKey', 'outcome'] as const;

export function normalizeFilter(filter: AuditFilter = {}): NormalizedAuditFilter {
  const normalized: NormalizedAuditFilter = { limit: DEFAULT_QUERY_LIMIT };
  if (filter.from !== undefined) normalized.fromAt = storedTime(filter.from, 'from', 'filter');
  if (filter.to !== undefined) normalized.toAt = storedTime(filter.to, 'to', 'filter');
  for (const field of STRING_FIELDS) {
    const value = filter[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalid(field, 'must be a string');
    normalized[field] = value;
  }
  if (filter.type !== undefined) {
    const types: readonly unknown[] = Array.isArray(filter.type) ? filter.type : [filter.type];
    if (types.length === 0) throw invalid('type', 'must name at least one event type');
    for (const type of types) if (!isAuditEventType(type)) throw invalid('type', `unknown event type ${String(type)}`);
    normalized.types = [...new Set(types as AuditEventType[])];
  }
  return { ...normalized, ...pageOf(filter, MAX_QUERY_LIMIT, 'filter') };
}

/** The same test the SQL WHERE clause makes, for stores that filter in memory. */
export function matchesFilter(row: StoredAuditRow, filter: NormalizedAuditFilter): boolean {
  return (
    (filter.fromAt === undefined || row.at >= filter.fromAt) &&
    (filter.toAt === undefined || row.at < filter.toAt) &&
    (filter.operatorId === undefined || row.operatorId === filter.operatorId) &&
    (filter.ori === undefined || row.ori === filter.ori) &&
    (filter.terminal === undefined || row.terminal === filter.terminal) &&
    (filter.types === undefined || filter.types.includes(row.type as AuditEventType)) &&
    (filter.messageKey === undefined || row.messageKey === filter.messageKey) &&
    (filter.outcome === undefined || row.outcome === filter.outcome) &&
    (filter.afterSeq === undefined || row.seq > filter.afterSeq)
  );
}

/** What an audit read is, in its refusals: a query's filter or a subject search. */
export type AuditReadKind = 'filter' | 'search';

/** A time criterion as the stores keep it (ISO text, which sorts as time does). */
export function storedTime(value: number | Date, field: string, kind: AuditReadKind): string {
  const ms = value instanceof Date ? value.getTime() : value;
  if (!isValidAuditTime(ms)) throw invalidCriterion(kind, field, 'must be a time between 1970 and 9999 (epoch ms or Date)');
  return formatAuditTime(ms);
}

/** The paging criteria checked: rows after a seq, at most `maxLimit` of them. */
export function pageOf(criteria: { readonly afterSeq?: number | undefined; readonly limit?: number | undefined }, maxLimit: number, kind: AuditReadKind): { afterSeq?: number; limit?: number } {
  const page: { afterSeq?: number; limit?: number } = {};
  if (criteria.afterSeq !== undefined) {
    if (!Number.isSafeInteger(criteria.afterSeq) || criteria.afterSeq < 0) throw invalidCriterion(kind, 'afterSeq', 'must be a non-negative integer');
    page.afterSeq = criteria.afterSeq;
  }
  if (criteria.limit !== undefined) {
    if (!Number.isSafeInteger(criteria.limit) || criteria.limit < 1 || criteria.limit > maxLimit) {
      throw invalidCriterion(kind, 'limit', `must be an integer from 1 to ${maxLimit}`);
    }
    page.limit = criteria.limit;
  }
  return page;
}

/** The refusal of one criterion of an audit read, naming it. */
export function invalidCriterion(kind: AuditReadKind, field: string, problem: string): CletsError {
  return new CletsError('CLETS_ERR_REQUEST_INVALID', `audit ${kind} "${field}" ${problem}`, { field });
}

function invalid(field: string, problem: string): CletsError {
  return invalidCriterion('filter', field, problem);
}
