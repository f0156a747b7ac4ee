import { describe, expect, it } from 'vitest';
import { checkLine, formatLocalError, isRouteToGap } from './check.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:24-001234';

function refusal(line: string): string {
  const check = checkLine(line);
  if (check.ok) throw new Error(`expected ${line} to be refused`);
  return formatLocalError(line, check.error);
}

describe('checkLine', () => {
  it('passes a valid line and gives its transaction with the line as text', () => {
    const check = checkLine(`QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.${RTE}`);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.transaction).toMatchObject({ header: { messageKey: 'QW', ori: 'CA0190000' }, text: `QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.${RTE}` });
  });

  it('names the field and column of a syntax error, with a caret under it', () => {
    expect(refusal('QW.CA0190000.NAM/DOE,JOHN.DOB19800115').split('\n')).toEqual([
      "NOT SENT 201 MESSAGE TEXT IS NOT IN MNEMONIC FORMAT: PART 4 'DOB19800115' AT COLUMN 27 HAS NO '/': WRITE TAG/VALUE FIELD/DOB COLUMN/27",
      'QW.CA0190000.NAM/DOE,JOHN.DOB19800115',
      '                          ^',
    ]);
  });

  it('names the field and column of a failed edit (the catalogue check)', () => {
    const lines = refusal(`QW.CA0190000.NAM/DOE,JOHN.DOB/19801345.${RTE}`).split('\n');
    expect(lines[0]).toMatch(/^NOT SENT 204 .*DOB 19801345: MONTH 13 IS NOT A MONTH FIELD\/DOB COLUMN\/27$/);
    expect(lines[2]?.indexOf('^')).toBe(26);
  });

  it('points at a column past the end when something is missing at the end', () => {
    const lines = refusal('QW').split('\n');
    expect(lines[0]).toMatch(/FIELD\/ORI COLUMN\/3$/);
    expect(lines[2]).toBe('  ^');
  });

  it('hints at help and form for field mistakes, and at help for an unknown key', () => {
    expect(refusal(`QW.CA0190000.NAM/DOE,JOHN.${RTE}`)).toMatch(/type help QW for its fields, or form QW/);
    expect(refusal(`QZ.CA0190000.NAM/DOE,JOHN.${RTE}`)).toMatch(/type help for the message keys$/);
  });

  it('tells route-to gaps (which the terminal asks for) from other refusals', () => {
    const gap = (line: string): boolean => {
      const check = checkLine(line);
      return !check.ok && isRouteToGap(check.error);
    };
    expect(gap('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115')).toBe(true);
    expect(gap('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/REQ:A')).toBe(true);
    expect(gap(`QH.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800115.${RTE}`)).toBe(true);
    expect(gap('QW.CA0190000.NAM/DOE,JOHN')).toBe(false);
  });
});
