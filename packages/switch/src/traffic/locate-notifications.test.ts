import { HitStatus, type Response, type Transaction } from '@clets/protocol';
import { describe, expect, it } from 'vitest';
import { locateNotifications, noticeParts } from './locate-notifications.js';

function locate(key: string, ori = 'CA0370000'): Transaction {
  return {
    header: { messageKey: key, ori, terminal: 'SD01', operatorId: 'OP2001', clientMessageId: 'c-1', control: 'CTL9', destinations: [] },
    fields: [{ tag: 'NIC', value: 'V289052275' }, { tag: 'DOL', value: '20261101' }],
  };
}

function acknowledged(enteringOri: string, status = HitStatus.HIT_STATUS_ACKNOWLEDGED): Response {
  return {
    system: 'CORI', responseKey: 'LV', status,
    records: [{ status, system: 'CORI', file: 'SVS', recordId: 'V289052275', enteringOri, fields: [], text: 'LV ACCEPTED NIC/V289052275', source: '' }],
  };
}

describe('locateNotifications', () => {
  it('makes one AM from the locating ORI to the entering ORI, naming the record and who located it', () => {
    const [notice, ...more] = locateNotifications(acknowledged('CA0190100'), locate('LV'));
    expect(more).toEqual([]);
    expect(notice?.header).toMatchObject({ messageKey: 'AM', ori: 'CA0370000', destinations: ['CA0190100'], terminal: 'SD01', operatorId: 'OP2001' });
    const text = notice?.fields?.[0]?.value ?? '';
    expect(notice?.fields?.[0]?.tag).toBe('TXT');
    expect(text).toContain('LOCATE STOLEN VEHICLE PLACED ON YOUR RECORD NIC/V289052275');
    expect(text).toContain('BY ORI/CA0370000');
    expect(text).toContain('LV ACCEPTED');
  });

  it('makes none for a key that is not a locate, a reject-free answer that acknowledged nothing, or the entering agency itself', () => {
    expect(locateNotifications(acknowledged('CA0190100'), locate('CV'))).toEqual([]);
    expect(locateNotifications(acknowledged('CA0190100', HitStatus.HIT_STATUS_HIT), locate('LV'))).toEqual([]);
    expect(locateNotifications(acknowledged('CA0370000'), locate('LV'))).toEqual([]);
  });

  it('sends the state control point\'s validation list of an agency to that agency as an administrative notice', () => {
    const list: Transaction = { header: { messageKey: 'VL', ori: 'CA0349400', terminal: 'DJ01', operatorId: 'OP4001', clientMessageId: 'v-1', destinations: [] }, fields: [{ tag: 'VLS', value: 'O' }, { tag: 'VLO', value: 'CA0190000' }] };
    const answer: Response = {
      system: 'CORI', responseKey: 'VL', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
      records: [{ status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: 'CORI', file: 'VALIDATION', recordId: '', enteringOri: 'CA0190000', fields: [], text: 'VALIDATION LIST ORI/CA0190000', source: '' }],
    };
    const [notice, ...more] = locateNotifications(answer, list);
    expect(more).toEqual([]);
    expect(notice?.header).toMatchObject({ messageKey: 'AM', ori: 'CA0349400', destinations: ['CA0190000'] });
    expect(notice?.fields?.[0]?.value).toMatch(/^ADMINISTRATIVE NOTICE - VALIDATION LIST REQUEST FOR ORI\/CA0190000\n/);
    expect(notice?.fields?.[0]?.value).toContain('VALIDATION LIST ORI/CA0190000');
  });

  it('sends a validation list longer than one message in numbered parts, every line in one of them', () => {
    const lines = Array.from({ length: 400 }, (_, index) => `${String(index + 1).padStart(4, '0')} NIC/W${String(100000000 + index)} WANTED PERSON - VALIDATION OVERDUE`);
    const list: Transaction = { header: { messageKey: 'VL', ori: 'CA0349400', terminal: 'DJ01', operatorId: '', clientMessageId: 'v-2', destinations: [] }, fields: [{ tag: 'VLS', value: 'A' }, { tag: 'VLO', value: 'CA0190000' }] };
    const answer: Response = {
      system: 'CORI', responseKey: 'VL', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
      records: [{ status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: 'CORI', file: 'VALIDATION', recordId: '', enteringOri: 'CA0190000', fields: [], text: lines.join('\n'), source: '' }],
    };
    const notices = locateNotifications(answer, list);
    expect(notices.length).toBeGreaterThan(1);
    const texts = notices.map((notice) => notice.fields?.[0]?.value ?? '');
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4000);
    texts.forEach((text, index) => expect(text.startsWith(`PART ${index + 1} OF ${notices.length}\n`)).toBe(true));
    const received = texts.join('\n');
    for (const line of lines) expect(received).toContain(line);
    expect(new Set(notices.map((notice) => notice.header?.clientMessageId)).size).toBe(notices.length);
    expect(notices[0]?.header?.clientMessageId).toBe('v-2-LOCATE-');
  });

  it('cuts a single line longer than a part where it must, losing nothing', () => {
    const line = 'X'.repeat(9000);
    const parts = noticeParts(`HEAD\n${line}\nTAIL`, 4000);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    const body = parts.map((part) => part.slice(part.indexOf('\n') + 1)).join('');
    expect(body.replace(/\n/g, '')).toBe(`HEAD${line}TAIL`);
    expect(noticeParts('SHORT')).toEqual(['SHORT']);
  });
});
