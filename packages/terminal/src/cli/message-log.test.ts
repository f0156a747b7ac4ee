import { describe, expect, it } from 'vitest';
import { HitStatus, validateTransaction, type Response } from '@clets/protocol';
import { caseFileText, logTransaction, parseLogCommand, parseMessageRef, printout, recalledHits, receivedTimes } from './message-log.js';

/** A recall as the switch answers it: a record per message, a hit's records after its response. */
const RECALL: Response = {
  system: 'SWITCH', responseKey: 'LOG', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
  records: [
    { status: HitStatus.HIT_STATUS_ACKNOWLEDGED, file: 'MESSAGE LOG', text: 'LNO/1 ... SENT', fields: [{ tag: 'DIR', value: 'SENT' }, { tag: 'TIM', value: '2026-11-01T14:00:00.000Z' }] },
    { status: HitStatus.HIT_STATUS_ACKNOWLEDGED, file: 'MESSAGE LOG', text: 'LNO/2 ... RECEIVED', fields: [{ tag: 'DIR', value: 'RECEIVED' }, { tag: 'TIM', value: '2026-11-01T14:00:01.250Z' }] },
    { status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId: 'W297823148', enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'KORVALE,DESMIN' }] },
  ],
  text: 'LNO/1 2026-11-01 14:00:00Z SENT AT LA01 ISN/12\nQW.CA0190000.NAM/KORVALE,DESMIN',
};
const EXTRACT = { ref: '12', operatorId: 'OP1001', terminal: 'LA01', ori: 'CA0190000', at: Date.UTC(2026, 10, 2, 9, 30, 0) };

describe('the message log commands', () => {
  it('reads an ISN or an entry number, and nothing else, as a message reference', () => {
    expect(parseMessageRef('12')).toEqual({ tag: 'ISN', value: '12' });
    expect(parseMessageRef('#345')).toEqual({ tag: 'LNO', value: '345' });
    for (const bad of ['0', '012', '#', 'x12', '1234567890', undefined]) expect(parseMessageRef(bad), String(bad)).toBeUndefined();
  });

  it('turns log, log more, log ISN, log #N and log TEXT into requests, and each into a valid LOG transaction', () => {
    const list = parseLogCommand([], undefined);
    expect(list).toEqual({ kind: 'list', page: 1 });
    const found = parseLogCommand(['Korvale', 'desmin'], undefined);
    expect(found).toEqual({ kind: 'list', find: 'KORVALE DESMIN', page: 1 });
    expect(parseLogCommand(['more'], found)).toEqual({ kind: 'list', find: 'KORVALE DESMIN', page: 2 });
    expect(parseLogCommand(['find', '12345'], undefined)).toEqual({ kind: 'list', find: '12345', page: 1 });
    expect(parseLogCommand(['12'], undefined)).toEqual({ kind: 'recall', ref: '12' });
    expect(parseLogCommand(['#345'], undefined)).toEqual({ kind: 'recall', ref: '#345' });
    const lines = [list, found, parseLogCommand(['more'], found), parseLogCommand(['#345'], undefined), parseLogCommand(['12'], undefined)]
      .map((request) => logTransaction(request, 'CA0190000'));
    for (const transaction of lines) expect(() => validateTransaction(transaction)).not.toThrow();
    expect(lines[2]!.fields).toEqual([{ tag: 'FND', value: 'KORVALE DESMIN' }, { tag: 'PAG', value: '2' }]);
    expect(lines[3]!.fields).toEqual([{ tag: 'LNO', value: '345' }]);
  });

  it('refuses log more without a listing, and text the search field cannot hold, saying why', () => {
    expect(() => parseLogCommand(['more'], undefined)).toThrow('log more: no listing to continue');
    expect(() => parseLogCommand(['GRAY', 'SEDAN.'], undefined)).toThrow(/FND .*period/);
    expect(() => parseLogCommand(['find'], undefined)).toThrow('log find needs the text to find');
  });

  it('finds a recall\'s hits among its records, never the log\'s own records', () => {
    expect(recalledHits(RECALL).map((record) => record.recordId)).toEqual(['W297823148']);
    expect(receivedTimes(RECALL)).toEqual(['2026-11-01T14:00:01.250Z']);
  });

  it('says in a printout and in a case file what it is, when it was received, and who put it there when', () => {
    const printed = printout(RECALL, EXTRACT);
    expect(printed.split('\n').slice(0, 3)).toEqual([
      'CLETS MESSAGE LOG PRINTOUT: ISN/12',
      'RECEIVED 2026-11-01 14:00:01Z',
      'PRINTED 2026-11-02 09:30:00Z BY OPERATOR OP1001 AT TERMINAL LA01 ORI/CA0190000',
    ]);
    expect(printed).toContain('QW.CA0190000.NAM/KORVALE,DESMIN');
    expect(printed).toMatch(/CONTAINS CRIMINAL JUSTICE INFORMATION.*\nEND OF MESSAGE LOG ISN\/12$/);
    const file = caseFileText(RECALL, { ...EXTRACT, ref: '#2' });
    expect(file.split('\n').slice(0, 3)).toEqual([
      'CLETS MESSAGE LOG EXTRACT FOR A CASE FILE: LNO/2',
      'RECEIVED 2026-11-01 14:00:01Z',
      'SAVED 2026-11-02 09:30:00Z BY OPERATOR OP1001 AT TERMINAL LA01 ORI/CA0190000',
    ]);
    expect(file.endsWith('\n')).toBe(true);
  });
});
