import { describe, expect, it } from 'vitest';
import { FillingAuditStore } from './filling-audit-store.js';

const event = (outcome: string) => ({ type: 'link_state' as const, at: Date.now(), outcome });

describe('FillingAuditStore', () => {
  it('stores the given number of rows, then refuses like a full disk until it has room and is probed', async () => {
    const store = new FillingAuditStore();
    await store.append(event('one'));
    store.fillAfter(1);
    await store.append(event('two'));
    await expect(store.append(event('three'))).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });
    expect(store.health().writable).toBe(false);
    expect(await store.probe()).toBe(false);
    store.makeRoom();
    expect(await store.probe()).toBe(true);
    await store.append(event('four'));
    expect(store.rows.map((row) => row.outcome)).toEqual(['one', 'two', 'recovered', 'four']);
    expect(store.verify().ok).toBe(true);
    await store.close();
  });
});
