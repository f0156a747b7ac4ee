import { describe, expect, it } from 'vitest';
import { nysiis } from './phonetic.js';

describe('nysiis', () => {
  it.each([
    ['KORVALE', 'CARVAL'], ['CORVALE', 'CARVAL'], ['KNIGHT', 'NAGT'], ['NIGHT', 'NAGT'],
    ['PHILLIPS', 'FALAP'], ['FILLIPS', 'FALAP'], ['MACDONALD', 'MCDANALD'], ['MCDONALD', 'MCDANALD'],
    ['SMITH', 'SNAT'], ['SCHMIDT', 'SNAD'], ['BROWN', 'BRAN'], ['BRAUN', 'BRAN'], ["O'NEIL", 'ONAL'],
    ['de la cruz', 'DALACR'], ['KOREE', 'CARY'],
  ])('%s -> %s', (name, code) => {
    expect(nysiis(name)).toBe(code);
  });

  it('makes spellings that differ in their first letter meet, where Soundex keeps them apart', () => {
    expect(nysiis('KORVALLE')).toBe(nysiis('CORVALE'));
    expect(nysiis('KATZ')).toBe(nysiis('CATS'));
  });

  it('is empty for a name without letters', () => {
    expect(nysiis('')).toBe('');
    expect(nysiis('123 -')).toBe('');
  });
});
