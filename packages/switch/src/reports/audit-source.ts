/**
 * Audit rows for the reports: from a live store (paged through `query`, which caps a page at
 * 10 000 rows) or straight from an audit database file opened read-only (the CLI; safe beside
 * a running switch: a WAL reader never blocks the writer).
 */
import Database from 'better-sqlite3';
import { toAuditRow, type StoredAuditRow } from '../audit/record.js';
import { SELECT_COLUMNS } from '../audit/sqlite-schema.js';
import type { AuditFilter, AuditRow } from '../audit/types.js';

/** The row types reports read. */
export const REPORT_ROW_TYPES = ['transaction', 'reject'] as const;

export interface QueryableAudit {
  query(filter?: AuditFilter): AuditRow[];
}

/** Every row matching the filter, page by page. */
export function* rowsFromStore(store: QueryableAudit, filter: Omit<AuditFilter, 'afterSeq' | 'limit'>): Generator<AuditRow> {
  let afterSeq = 0;
  for (;;) {
    const page = store.query({ ...filter, afterSeq, limit: 10_000 });
    yield* page;
    const last = page[page.length - 1];
    if (last === undefined || page.length < 10_000) return;
    afterSeq = last.seq;
  }
}

/** Rows of the given types in [from, to) from an audit database file, in seq order. */
export function readAuditFile(path: string, from: number, to: number, types: readonly string[] = REPORT_ROW_TYPES): AuditRow[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const placeholders = types.map(() => '?').join(', ');
    const rows = db.prepare(`SELECT ${SELECT_COLUMNS} FROM audit_log WHERE at >= ? AND at < ? AND type IN (${placeholders}) ORDER BY seq`)
      .all(new Date(from).toISOString(), new Date(to).toISOString(), ...types) as StoredAuditRow[];
    return rows.map(toAuditRow);
  } finally {
    db.close();
  }
}
