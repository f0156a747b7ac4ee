import { describe, expect, it } from 'vitest';
import { soundex } from './phonetic.js';

describe('soundex', () => {
  it.each([
    ['ROBERT', 'R163'], ['RUPERT', 'R163'], ['RUBIN', 'R150'], ['ASHCRAFT', 'A261'],
    ['ASHCROFT', 'A261'], ['TYMCZAK', 'T522'], ['PFISTER', 'P236'], ['HONEYMAN', 'H555'],
    ['SMITH', 'S530'], ['SMYTHE', 'S530'], ['LEE', 'L000'], ["O'NEIL", 'O540'], ['de la cruz', 'D426'],
  ])('%s -> %s', (name, code) => {
    expect(soundex(name)).toBe(code);
  });

  it('is empty for a name without letters', () => {
    expect(soundex('')).toBe('');
    expect(soundex('123 -')).toBe('');
  });
});
