/**
 * An audit store whose disk fills up after a given number of rows: the commit that would
 * store more fails as SQLite does on a full disk (SQLITE_FULL), and so does every commit
 * after it, the store's own recovery probe included, until `makeRoom()`. It stands in for
 * the audit database on a full disk in tests of what the switch does then.
 */
import { MemoryAuditStore, type MemoryAuditStoreOptions } from '../audit/memory-audit-store.js';
import type { StoredAuditRow } from '../audit/record.js';

export class FillingAuditStore extends MemoryAuditStore {
  #room = Number.POSITIVE_INFINITY;

  constructor(options: MemoryAuditStoreOptions = {}) {
    // Recovery is probed only when a test asks (probe()), not on a timer.
    super({ retryIntervalMs: 0, ...options });
  }

  /** From now on, `rows` more rows fit; the commit that would pass them fails. */
  fillAfter(rows: number): void {
    this.#room = this.rows.length + rows;
  }

  /** The disk has room again; the next probe (or append, once probed) succeeds. */
  makeRoom(): void {
    this.#room = Number.POSITIVE_INFINITY;
  }

  protected override writeBatch(rows: readonly StoredAuditRow[]): void {
    if (this.rows.length + rows.length > this.#room) {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    }
    super.writeBatch(rows);
  }
}
