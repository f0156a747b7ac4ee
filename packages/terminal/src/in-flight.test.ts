import { afterEach, describe, expect, it, vi } from 'vitest';
import { CletsError, HitStatus, type Header, type Transaction } from '@clets/protocol';
import { InFlightTransactions } from './in-flight.js';

const tx = (id: string): Transaction => ({ header: { clientMessageId: id, control: `C-${id}`, messageKey: 'QW' } });
const header = (id: string): Header => ({ clientMessageId: id });

afterEach(() => {
  vi.useRealTimers();
});

describe('InFlightTransactions', () => {
  it('gathers answers by client message id and resolves on the completion', async () => {
    let now = 1000;
    const table = new InFlightTransactions(() => now);
    const a = table.track(tx('a'), { timeoutMs: 1000 });
    const b = table.track(tx('b'), { timeoutMs: 1000 });
    expect(table.deliver({ kind: 'receipt', body: { header: header('b') } })).toBe('correlated');
    expect(table.deliver({ kind: 'receipt', body: { header: header('a') } })).toBe('correlated');
    table.deliver({ kind: 'response', body: { header: header('a'), system: 'NCIC', status: HitStatus.HIT_STATUS_HIT } });
    table.deliver({ kind: 'response', body: { header: header('b'), system: 'DMV' } });
    table.deliver({ kind: 'queuedNotice', body: { header: header('b'), system: 'NLETS' } });
    table.deliver({ kind: 'reject', body: { header: header('b'), system: 'CORI', code: 'CLETS_ERR_SYSTEM_TIMEOUT' } });
    now = 1042;
    table.deliver({ kind: 'completion', body: { header: header('b'), answered: ['DMV'], failed: ['CORI'] } });
    table.deliver({ kind: 'completion', body: { header: header('a'), answered: ['NCIC'] } });
    const [resultA, resultB] = await Promise.all([a, b]);
    expect(resultA).toMatchObject({ outcome: 'completed', clientMessageId: 'a', control: 'C-a', hit: true });
    expect(resultA.responses.map((response) => response.system)).toEqual(['NCIC']);
    expect(resultB).toMatchObject({ outcome: 'completed', hit: false, durationMs: 42 });
    expect(resultB.rejects.map((reject) => reject.system)).toEqual(['CORI']);
    expect(resultB.queued.map((notice) => notice.system)).toEqual(['NLETS']);
    expect(table.size).toBe(0);
  });

  it('treats a reject before the receipt as the final answer', async () => {
    const table = new InFlightTransactions();
    const pending = table.track(tx('a'), { timeoutMs: 1000 });
    table.deliver({ kind: 'reject', body: { header: header('a'), code: 'CLETS_ERR_FIELD_MISSING', field: 'NAM' } });
    await expect(pending).resolves.toMatchObject({ outcome: 'rejected', rejected: { code: 'CLETS_ERR_FIELD_MISSING' } });
    expect(table.deliver({ kind: 'completion', body: { header: header('a') } })).toBe('uncorrelated');
  });

  it('reports answers for unknown ids as uncorrelated and those after a deadline as late', async () => {
    vi.useFakeTimers();
    const table = new InFlightTransactions();
    const pending = table.track(tx('a'), { timeoutMs: 500 });
    const outcome = pending.catch((error: unknown) => error);
    expect(table.deliver({ kind: 'response', body: { header: header('zz') } })).toBe('uncorrelated');
    expect(table.deliver({ kind: 'response', body: { header: {} } })).toBe('uncorrelated');
    vi.advanceTimersByTime(500);
    const error = await outcome;
    expect(error).toBeInstanceOf(CletsError);
    expect((error as CletsError).code).toBe('CLETS_ERR_SYSTEM_TIMEOUT');
    expect(table.deliver({ kind: 'completion', body: { header: header('a') } })).toBe('late');
  });

  it('refuses a transaction without an id, or with one already in flight', () => {
    const table = new InFlightTransactions();
    expect(() => table.track({ header: {} }, { timeoutMs: 10 })).toThrow(CletsError);
    void table.track(tx('a'), { timeoutMs: 10_000 }).catch(() => undefined);
    expect(() => table.track(tx('a'), { timeoutMs: 10 })).toThrow(/already in flight/);
    table.abandonAll(new CletsError('CLETS_ERR_LOGGED_OUT'));
  });

  it('fails everything in flight when abandoned, and reports progress as it comes', async () => {
    const table = new InFlightTransactions();
    const kinds: string[] = [];
    const a = table.track(tx('a'), { timeoutMs: 1000, onProgress: (progress) => kinds.push(progress.kind) });
    const b = table.track(tx('b'), { timeoutMs: 1000 });
    table.deliver({ kind: 'receipt', body: { header: header('a') } });
    table.deliver({ kind: 'response', body: { header: header('a') } });
    expect(table.abandonAll(new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', 'gone'))).toBe(2);
    await expect(a).rejects.toMatchObject({ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE' });
    await expect(b).rejects.toMatchObject({ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE' });
    expect(kinds).toEqual(['receipt', 'response']);
  });
});
