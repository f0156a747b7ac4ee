import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('forgets the oldest inserted first, and a read does not make an entry younger', () => {
    const cache = new BoundedCache<string, number>({ capacity: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([...cache.entries()]).toEqual([['b', 2], ['c', 3]]);
  });

  it('with refreshOnRead forgets the least recently used first', () => {
    const cache = new BoundedCache<string, number>({ capacity: 2, refreshOnRead: true });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    expect(cache.peek('b')).toBe(2);
    cache.set('c', 3);
    expect([...cache.entries()]).toEqual([['a', 1], ['c', 3]]);
  });

  it('bounds each group to its share: a busy group pushes out its own oldest, not another group\'s', () => {
    const cache = new BoundedCache<string, number>({ capacity: 10, perGroup: 2 });
    cache.set('quiet-1', 1, 'quiet');
    for (let index = 0; index < 5; index += 1) cache.set(`busy-${index}`, index, 'busy');
    expect(cache.sizeOf('busy')).toBe(2);
    expect(cache.has('busy-3') && cache.has('busy-4')).toBe(true);
    expect(cache.has('quiet-1')).toBe(true);
  });

  it('bounds the whole beyond the groups, oldest of all first', () => {
    const cache = new BoundedCache<string, number>({ capacity: 3, perGroup: 3 });
    cache.set('a1', 1, 'a');
    cache.set('b1', 2, 'b');
    cache.set('a2', 3, 'a');
    cache.set('b2', 4, 'b');
    expect([...cache.entries()].map(([key]) => key)).toEqual(['b1', 'a2', 'b2']);
    expect([cache.sizeOf('a'), cache.sizeOf('b')]).toEqual([1, 2]);
  });

  it('replaces a key as the newest entry, and deletes', () => {
    const cache = new BoundedCache<string, number>({ capacity: 2 });
    cache.set('a', 1, 'g');
    cache.set('b', 2, 'g');
    cache.set('a', 10, 'g');
    cache.set('c', 3);
    expect([...cache.entries()]).toEqual([['a', 10], ['c', 3]]);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect(cache.sizeOf('g')).toBe(0);
  });

  it('refuses a capacity or share under one', () => {
    expect(() => new BoundedCache({ capacity: 0 })).toThrow(RangeError);
    expect(() => new BoundedCache({ perGroup: 0.5 })).toThrow(RangeError);
  });
});
