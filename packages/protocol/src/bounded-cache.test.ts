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

  it('forgets in the same order as a plain list would, through a few thousand inserts, deletes, replacements and reads', () => {
    // Eviction reads the oldest with an iterator kept across calls: checked against a list
    // that finds the oldest by searching, over a seeded mix that empties groups, refills
    // them and runs the iterators to their end.
    for (const refreshOnRead of [false, true]) {
      const cache = new BoundedCache<string, number>({ capacity: 40, perGroup: 6, refreshOnRead });
      let model: { key: string; group: string | undefined; value: number }[] = [];
      let seed = 12345;
      const random = (below: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % below;
      };
      for (let step = 0; step < 4_000; step += 1) {
        const key = `k${random(120)}`;
        const roll = random(100);
        if (roll < 70) {
          const group = roll < 10 ? undefined : `g${random(12)}`;
          cache.set(key, step, group);
          model = model.filter((entry) => entry.key !== key);
          model.push({ key, group, value: step });
          if (group !== undefined) {
            const ofGroup = model.filter((entry) => entry.group === group);
            if (ofGroup.length > 6) model.splice(model.indexOf(ofGroup[0]!), 1);
          }
          if (model.length > 40) model.shift();
        } else if (roll < 85) {
          expect(cache.delete(key)).toBe(model.some((entry) => entry.key === key));
          model = model.filter((entry) => entry.key !== key);
        } else {
          const found = model.find((entry) => entry.key === key);
          expect(cache.get(key)).toBe(found?.value);
          if (found !== undefined && refreshOnRead) model = [...model.filter((entry) => entry !== found), found];
        }
        expect([...cache.entries()]).toEqual(model.map((entry) => [entry.key, entry.value]));
        const groups = Array.from({ length: 12 }, (_, group) => `g${group}`);
        expect(groups.map((group) => cache.sizeOf(group))).toEqual(groups.map((group) => model.filter((entry) => entry.group === group).length));
      }
    }
  });

  it('refuses a capacity or share under one', () => {
    expect(() => new BoundedCache({ capacity: 0 })).toThrow(RangeError);
    expect(() => new BoundedCache({ perGroup: 0.5 })).toThrow(RangeError);
  });
});
