import { describe, expect, it } from 'vitest';
import { describeAuditStoreContract } from './audit-store-contract.js';
import { GENESIS_ZERO } from './chain.js';
import { MemoryAuditStore } from './memory-audit-store.js';
import type { StoredAuditRow } from './record.js';

const bySeq = (a: StoredAuditRow, b: StoredAuditRow): number => a.seq - b.seq;

describeAuditStoreContract('MemoryAuditStore', ({ batchMaxRows }) => {
  const store = new MemoryAuditStore({ batchMaxRows, retryIntervalMs: 0 });
  const indexOf = (seq: number): number => store.rows.findIndex((row) => row.seq === seq);
  return {
    store,
    genesis: store.genesis,
    breakWrites: () => store.failWrites(),
    repairWrites: () => store.restoreWrites(),
    rawRows: () => store.rows.map((row) => ({ ...row })),
    replaceRow: (seq, row) => {
      store.rows[indexOf(seq)] = row;
      store.rows.sort(bySeq);
    },
    deleteRow: (seq) => {
      store.rows.splice(indexOf(seq), 1);
    },
    insertRow: (row) => {
      store.rows.push(row);
      store.rows.sort(bySeq);
    },
    setRecordedHead: (head) => {
      store.recordedHead = head;
    },
    cleanup: () => store.close(),
  };
});

describe('MemoryAuditStore', () => {
  it('takes a fixed genesis, and refuses a malformed one', async () => {
    const store = new MemoryAuditStore({ genesis: GENESIS_ZERO });
    await store.append({ type: 'logon', at: 0, outcome: 'success' });
    expect(store.rows[0]?.prevHash).toBe(GENESIS_ZERO);
    expect(() => new MemoryAuditStore({ genesis: 'xyz' })).toThrow(RangeError);
    await store.close();
  });

  it('stays down while writes keep failing, and stamps its switchId on its own rows', async () => {
    const store = new MemoryAuditStore({ retryIntervalMs: 0, switchId: 'county-19' });
    store.failWrites();
    await expect(store.append({ type: 'logon', at: 0, outcome: 'success' })).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });
    expect(await store.probe()).toBe(false);
    expect(store.health().writable).toBe(false);
    store.restoreWrites();
    expect(await store.probe()).toBe(true);
    expect(store.query()).toEqual([expect.objectContaining({ type: 'audit_state', switchId: 'county-19' })]);
    await store.close();
  });
});

/** A store whose commit reaches storage and then reports an error (an I/O error after the write). */
class UnsureStore extends MemoryAuditStore {
  failAfterWrite = false;
  protected override writeBatch(rows: readonly StoredAuditRow[]): void {
    super.writeBatch(rows);
    if (this.failAfterWrite) {
      this.failAfterWrite = false;
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_FSYNC' });
    }
  }
}

describe('a commit whose outcome is unknown', () => {
  it('is not acknowledged, and the chain continues from what storage holds', async () => {
    const store = new UnsureStore({ retryIntervalMs: 0 });
    await store.append({ type: 'logon', at: 1, outcome: 'success' });
    store.failAfterWrite = true;
    await expect(store.append({ type: 'transaction', at: 2, outcome: 'accepted' })).rejects.toMatchObject({
      code: 'CLETS_ERR_AUDIT_UNAVAILABLE',
    });
    expect(store.health()).toMatchObject({ writable: false, lastSeq: 1 });
    expect(await store.probe()).toBe(true);
    expect(store.query().map((r) => [r.seq, r.type])).toEqual([
      [1, 'logon'],
      [2, 'transaction'],
      [3, 'audit_state'],
    ]);
    expect(store.verify()).toMatchObject({ ok: true, rows: 3 });
    await expect(store.append({ type: 'logoff', at: 3, outcome: 'success' })).resolves.toMatchObject({ seq: 4 });
  });
});
