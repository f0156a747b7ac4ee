import { describe, expect, it } from 'vitest';
import { DuplicateWindow } from './duplicate-window.js';

describe('DuplicateWindow', () => {
  it('answers within the window and forgets after it', () => {
    const window = new DuplicateWindow<string>(1000, 10);
    window.set('a', 'first answer', 0);
    expect(window.get('a', 999)).toBe('first answer');
    expect(window.get('a', 1001)).toBeUndefined();
  });

  it('keeps at most the configured number of entries, dropping the oldest', () => {
    const window = new DuplicateWindow<number>(60_000, 3);
    for (let i = 0; i < 5; i += 1) window.set(`k${i}`, i, i);
    expect(window.size).toBe(3);
    expect(window.get('k0', 10)).toBeUndefined();
    expect(window.get('k4', 10)).toBe(4);
  });
});
