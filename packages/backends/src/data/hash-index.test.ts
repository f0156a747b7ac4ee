import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Appendable, arraySource, HashIndex, hashKey, IdIndex, KeyIndex, SortedLookup } from './hash-index.js';

describe('HashIndex', () => {
  it('returns every record stored under a hash, and grows', () => {
    const index = new HashIndex();
    for (let i = 0; i < 1000; i++) index.add(i % 7, i);
    expect(index.size).toBe(1000);
    const three = index.candidates(3);
    expect(three).toHaveLength(Math.ceil((1000 - 3) / 7));
    expect(three.every((record) => record % 7 === 3)).toBe(true);
    expect(index.candidates(99)).toEqual([]);
  });

  it('agrees with a Map on random keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(1_000_000))), (pairs) => {
        const items = pairs.map(([key]) => key);
        const index = new KeyIndex(arraySource(items), (key) => key);
        const expected = new Map<string, number[]>();
        items.forEach((key, record) => expected.set(key, [...(expected.get(key) ?? []), record]));
        for (const [key, records] of expected) expect(index.find(key)).toEqual(records);
        expect(index.find('\u0000never')).toEqual([]);
      }),
    );
  });

  it('drops stale entries after a key changes', () => {
    const items = new Appendable([{ key: 'A' }, { key: 'B' }]);
    const index = new KeyIndex(items, (item) => item.key);
    items.set(0, { key: 'C' });
    index.addRecord(0);
    expect(index.find('A')).toEqual([]);
    expect(index.find('C')).toEqual([0]);
    index.addRecord(0);
    expect(index.find('C')).toEqual([0]);
  });

  it('hashes strings to unsigned 32-bit values', () => {
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(hashKey('a')).toBe(0xe40c292c);
  });
});

describe('SortedLookup and IdIndex', () => {
  it('binary-searches a sorted array, repeated keys included, with no table', () => {
    const items = ['A', 'B', 'B', 'C', 'E'];
    const lookup = new SortedLookup(items, (key) => key);
    expect(lookup.isSorted).toBe(true);
    expect(lookup.bytes).toBe(0);
    expect(lookup.find('B')).toEqual([1, 2]);
    expect(lookup.find('E')).toEqual([4]);
    expect(lookup.find('D')).toEqual([]);
    expect(lookup.find('0')).toEqual([]);
  });

  it('falls back to a table when the array is not sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 })), fc.string({ maxLength: 3 }), (items, key) => {
        const lookup = new SortedLookup(items, (item) => item);
        const expected = items.flatMap((item, record) => (item === key ? [record] : []));
        expect([...lookup.find(key)].sort((a, b) => a - b)).toEqual(expected);
      }),
    );
  });

  it('finds fixture ids and appended ids', () => {
    const base = [{ id: 'P1' }, { id: 'P2' }, { id: 'P3' }];
    const items = new Appendable(base);
    const ids = new IdIndex(items, (item) => item.id, base);
    expect(ids.find('P2')).toBe(1);
    expect(ids.find('X1')).toBeUndefined();
    const record = items.push({ id: 'X1' });
    ids.addRecord(record);
    expect(ids.find('X1')).toBe(3);
    expect(items.current(3)).toEqual({ id: 'X1' });
  });
});
