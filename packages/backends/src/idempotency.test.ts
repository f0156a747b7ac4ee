import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from './idempotency.js';

const reply = (requestId: string) => ({ requestId, final: true });

describe('IdempotencyStore', () => {
  it('keeps replies per peer', () => {
    const store = new IdempotencyStore(10);
    store.complete('a', 'r1', reply('r1'));
    expect(store.get('a', 'r1')).toEqual({ state: 'done', reply: reply('r1') });
    expect(store.get('b', 'r1')).toBeUndefined();
  });

  it('forgets the least recently used id first, per peer', () => {
    const store = new IdempotencyStore(2);
    store.complete('a', 'r1', reply('r1'));
    store.complete('a', 'r2', reply('r2'));
    store.get('a', 'r1');
    store.complete('a', 'r3', reply('r3'));
    expect(store.get('a', 'r2')).toBeUndefined();
    expect(store.get('a', 'r1')).toBeDefined();
    expect(store.get('a', 'r3')).toBeDefined();
    store.complete('b', 'x', reply('x'));
    expect(store.size('a')).toBe(2);
    expect(store.size('b')).toBe(1);
  });

  it('tracks a pending request, its interim replies, and its end', () => {
    const store = new IdempotencyStore(5);
    store.begin('a', 'r1');
    store.addInterim('a', 'r1', { requestId: 'r1', final: false });
    expect(store.get('a', 'r1')).toEqual({ state: 'pending', interim: [{ requestId: 'r1', final: false }] });
    store.complete('a', 'r1', reply('r1'));
    store.addInterim('a', 'r1', { requestId: 'r1', final: false });
    expect(store.get('a', 'r1')).toEqual({ state: 'done', reply: reply('r1') });
    store.forget('a', 'r1');
    expect(store.get('a', 'r1')).toBeUndefined();
  });

  it('refuses a capacity under one', () => {
    expect(() => new IdempotencyStore(0)).toThrow(RangeError);
  });
});
