import { describe, expect, it } from 'vitest';
import { percent, renderCsv, renderText, type Report } from './report-format.js';

const sample: Report = {
  title: 'TITLE',
  subtitle: ['PERIOD X'],
  columns: [{ key: 'name', header: 'NAME' }, { key: 'count', header: 'COUNT', align: 'right' }],
  rows: [{ name: 'DOE, JANE', count: 7 }, { name: '=HYPERLINK("x")', count: 12 }, { name: 'SAYS "HI"', count: null }],
  summary: ['TOTAL 19'],
};

describe('report rendering', () => {
  it('aligns text columns', () => {
    expect(renderText(sample)).toBe([
      'TITLE', 'PERIOD X', '',
      'NAME             COUNT',
      '---------------  -----',
      'DOE, JANE            7',
      '=HYPERLINK("x")     12',
      'SAYS "HI"',
      '', 'TOTAL 19', '',
    ].join('\n'));
  });

  it('writes RFC 4180 CSV and defuses formulas', () => {
    expect(renderCsv(sample)).toBe('NAME,COUNT\r\n"DOE, JANE",7\r\n"\'=HYPERLINK(""x"")",12\r\n"SAYS ""HI""",\r\n');
  });

  it('rounds percentages to one decimal', () => {
    expect([percent(2, 3), percent(0, 0), percent(1, 1)]).toEqual(['66.7', '-', '100.0']);
  });
});
