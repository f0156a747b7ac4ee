import { describe, expect, it } from 'vitest';
import { formatAuditTime, toAuditRow, toRowBody } from './record.js';
import type { AuditEvent } from './types.js';

const minimal: AuditEvent = { type: 'logon', at: Date.UTC(2025, 2, 9, 1, 2, 3, 45), outcome: 'success' };

describe('audit rows', () => {
  it('writes times as ISO 8601 UTC with milliseconds (CJIS: 0.01 s)', () => {
    expect(formatAuditTime(Date.UTC(2025, 2, 9, 1, 2, 3, 45))).toBe('2025-03-09T01:02:03.045Z');
    expect(formatAuditTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('stores absent and null fields as null, and stamps the default switch id', () => {
    const row = toRowBody({ ...minimal, operatorId: null as never }, 'county-19');
    expect(row).toEqual({
      at: '2025-03-09T01:02:03.045Z',
      type: 'logon',
      operatorId: null,
      terminal: null,
      ori: null,
      sourceAddress: null,
      messageKey: null,
      inputSeq: null,
      clientMessageId: null,
      routeTo: null,
      destinations: null,
      outcome: 'success',
      code: null,
      bytes: null,
      detail: null,
      switchId: 'county-19',
      subjectKeys: null,
    });
    expect(toRowBody({ ...minimal, switchId: 'state' }, 'county-19').switchId).toBe('state');
  });

  it('writes the route-to in one key order whatever order it came in, dropping empty fields', () => {
    const a = toRowBody({ ...minimal, routeTo: { caseNumber: 'C1', requester: 'R', purposeCode: '', attention: null } }, null);
    const b = toRowBody({ ...minimal, routeTo: { requester: 'R', caseNumber: 'C1' } }, null);
    expect(a.routeTo).toBe('{"requester":"R","caseNumber":"C1"}');
    expect(b.routeTo).toBe(a.routeTo);
  });

  it('refuses events it cannot store faithfully', () => {
    const bad: unknown[] = [
      null,
      { ...minimal, type: 'login' },
      { ...minimal, at: -1 },
      { ...minimal, at: 1e20 },
      { ...minimal, outcome: undefined },
      { ...minimal, ori: 42 },
      { ...minimal, bytes: 1.5 },
      { ...minimal, destinations: ['NCIC', 3] },
      { ...minimal, routeTo: { reason: 5 } },
      { ...minimal, detail: [] },
      { ...minimal, detail: { big: 10n } },
    ];
    for (const event of bad) expect(() => toRowBody(event as AuditEvent, null)).toThrow(TypeError);
  });

  it('reads rows back, showing JSON that was altered into garbage instead of failing', () => {
    const body = toRowBody({ ...minimal, detail: { hits: 1 }, destinations: ['DMV'] }, null);
    const row = toAuditRow({ ...body, detail: '{broken', seq: 1, prevHash: 'p', hash: 'h' });
    expect(row).toEqual({
      seq: 1,
      at: '2025-03-09T01:02:03.045Z',
      atMs: Date.UTC(2025, 2, 9, 1, 2, 3, 45),
      type: 'logon',
      outcome: 'success',
      destinations: ['DMV'],
      detail: { unparsable: '{broken' },
      prevHash: 'p',
      hash: 'h',
    });
  });
});
