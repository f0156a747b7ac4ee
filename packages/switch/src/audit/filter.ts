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
  if (filter.from !== undefined) normalized.fromAt = toStoredTime(filter.from, 'from');
  if (filter.to !== undefined) normalized.toAt = toStoredTime(filter.to, 'to');
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
  if (filter.afterSeq !== undefined) {
    if (!Number.isSafeInteger(filter.afterSeq) || filter.afterSeq < 0) throw invalid('afterSeq', 'must be a non-negative integer');
    normalized.afterSeq = filter.afterSeq;
  }
  if (filter.limit !== undefined) {
    if (!Number.isSafeInteger(filter.limit) || filter.limit < 1 || filter.limit > MAX_QUERY_LIMIT) {
      throw invalid('limit', `must be an integer from 1 to ${MAX_QUERY_LIMIT}`);
    }
    normalized.limit = filter.limit;
  }
  return normalized;
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

function toStoredTime(value: number | Date, field: string): string {
  const ms = value instanceof Date ? value.getTime() : value;
  if (!isValidAuditTime(ms)) throw invalid(field, 'must be a time between 1970 and 9999 (epoch ms or Date)');
  return formatAuditTime(ms);
}

function invalid(field: string, problem: string): CletsError {
  return new CletsError('CLETS_ERR_REQUEST_INVALID', `audit filter "${field}" ${problem}`, { field });
}
