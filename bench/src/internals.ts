/**
 * What the bench takes from the other packages beyond their main entry points, in one place:
 * the cross-process network launcher, the SQLite audit store and its verifier, the CJIS
 * security test support, and SQLite itself.
 */
import Database from 'better-sqlite3';

export { SERVICE_ENTRIES, startCountyNetwork, startService, type CountyNetwork, type ServiceProcess } from '@clets/launcher';
export { openAuditStore, verifyAuditDatabase, type AuditSynchronous, type SqliteAuditStore } from '@clets/switch/audit';
export type { AuditEvent } from '@clets/switch/audit';
export { testSecurity, loginAt, DEMO_NOW } from '@clets/switch/testing/security';

/** The few better-sqlite3 calls the bench makes (the driver is the switch's dependency). */
export interface SqliteDatabase {
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
  exec(sql: string): void;
  pragma(source: string): unknown;
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
  close(): void;
}

export function openSqlite(path: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  return new Database(path, options.readonly === true ? { readonly: true, fileMustExist: true } : {}) as unknown as SqliteDatabase;
}
