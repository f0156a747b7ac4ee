import { describe, expect, it } from 'vitest';
import { enteringAgencyCaveat, field, taggedLine, TERMINAL_WIDTH, wrapLine, wrapText } from './text.js';

describe('terminal text', () => {
  it('wraps at 80 columns on word boundaries', () => {
    const line = Array.from({ length: 40 }, (_, i) => `TAG/${i}`).join(' ');
    const lines = wrapLine(line);
    expect(lines.length).toBeGreaterThan(1);
    for (const piece of lines) expect(piece.length).toBeLessThanOrEqual(TERMINAL_WIDTH);
    expect(lines.join(' ')).toBe(line);
  });

  it('cuts a word longer than the screen', () => {
    const lines = wrapLine('X'.repeat(170));
    expect(lines.map((l) => l.length)).toEqual([80, 80, 10]);
  });

  it('keeps the indentation of an indented line on every piece', () => {
    const lines = wrapLine(`  ${'WORD '.repeat(30).trim()}`);
    expect(lines.length).toBeGreaterThan(1);
    for (const piece of lines) {
      expect(piece.startsWith('  W')).toBe(true);
      expect(piece.length).toBeLessThanOrEqual(TERMINAL_WIDTH);
    }
  });

  it('keeps blank lines between blocks', () => {
    expect(wrapText(['A', '', 'B'])).toBe('A\n\nB');
  });

  it('renders tagged fields and leaves empty ones out', () => {
    expect(taggedLine([field('NAM', 'DOE,JOHN'), field('SEX', ''), field('DOB', 19800115)])).toBe(
      'NAM/DOE,JOHN DOB/19800115',
    );
  });

  it('names the entering agency in the caveat', () => {
    expect(enteringAgencyCaveat('CA0194200')).toMatch(/^WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION\..*CA0194200/);
  });
});
