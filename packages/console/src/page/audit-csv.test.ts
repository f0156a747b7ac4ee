import { describe, expect, it } from 'vitest';
import type { AuditSearchHit } from '@clets/switch/api-types';
import { toCsv } from './audit-csv.js';

const hit: AuditSearchHit = {
  seq: 11, at: '2026-12-06T19:36:33.000Z', atMs: 0, type: 'transaction', outcome: 'accepted', hash: 'ab', operatorId: 'OP1001', terminal: 'LA01', ori: 'CA0190000',
  messageKey: 'QW', routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP, "SUSPECT"', caseNumber: '26-001234' },
  subjectKeys: ['NAM:KORVALE,DESMIN/19860412'], matched: ['NAM:KORVALE,DESMIN/19860412'], result: 'hit', records: ['WANTED PERSON:W1', 'WPS:W1'], answers: [],
};

describe('an audit search as CSV', () => {
  it('writes one line per hit with its route-to and outcome, quoting what needs quoting', () => {
    expect(toCsv([hit]).split('\r\n')).toEqual([
      'seq,at,operator,terminal,ori,key,route_to,result,records,matched',
      '11,2026-12-06T19:36:33.000Z,OP1001,LA01,CA0190000,QW,"TRAFFIC STOP, ""SUSPECT""; case 26-001234; for DEP R VALE 4411",hit,WANTED PERSON:W1 WPS:W1,"NAM:KORVALE,DESMIN/19860412"',
      '',
    ]);
  });
});
