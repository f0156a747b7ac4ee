import { HitStatus, validateTransaction, type ResponseRecord } from '@clets/protocol';
import { describe, expect, it } from 'vitest';
import { hitConfirmationFor, hitConfirmationLine } from './hit-confirmation.js';

function hit(fields: Record<string, string>, recordId = 'W297823148', enteringOri = 'CA0190000'): ResponseRecord {
  return {
    status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId, enteringOri, source: '', text: '',
    fields: Object.entries(fields).map(([tag, value]) => ({ tag, value })),
  };
}

describe('hitConfirmationFor', () => {
  it('addresses the entering ORI with the NIC, the case number and the name of a person record, and validates', () => {
    const line = hitConfirmationLine(hit({ NAM: 'KORVALE,DESMIN ARLO', DOB: '19860412', OCA: '26-001234', ORI: 'CA0190000' }), { ori: 'CA0370000' });
    expect(line).toBe('YQ.CA0370000.CA0190000.NIC/W297823148.PRI/U.RNO/1.OCA/26-001234.NAM/KORVALE,DESMIN ARLO');
    const transaction = hitConfirmationFor(hit({ NAM: 'KORVALE,DESMIN ARLO' }), { ori: 'CA0370000', priority: 'R', requestNumber: 2 });
    expect(() => validateTransaction(transaction!)).not.toThrow();
  });

  it('carries the plate and VIN of a vehicle record, never a name', () => {
    const line = hitConfirmationLine(hit({ LIC: '5JLM592', LIS: 'CA', VIN: '4T1B11HK5KC271828' }, 'V289052275', 'CA0190100'), { ori: 'CA0370000' });
    expect(line).toBe('YQ.CA0370000.CA0190100.NIC/V289052275.PRI/U.RNO/1.LIC/5JLM592.VIN/4T1B11HK5KC271828');
  });

  it('reads the name as an answer prints it (LAST, FIRST) and writes it as NAM is typed; a gun by its serial', () => {
    const line = hitConfirmationLine(hit({ NAM: 'KORVALE, DESMIN ARLO', OCA: '26-001234' }), { ori: 'CA0370000' });
    expect(line).toBe('YQ.CA0370000.CA0190000.NIC/W297823148.PRI/U.RNO/1.OCA/26-001234.NAM/KORVALE,DESMIN ARLO');
    const gun = hitConfirmationFor(hit({ SER: 'TX12345', MAK: 'SMITH & WESSON' }, 'G100000001'), { ori: 'CA0370000' });
    expect(gun?.fields?.map((field) => field.tag)).toEqual(['NIC', 'PRI', 'RNO', 'SER']);
    expect(() => validateTransaction(gun!)).not.toThrow();
  });

  it('gives nothing for a record that is not confirmed by YQ (a DMV record: no NIC, no entering agency)', () => {
    expect(hitConfirmationFor(hit({ OLN: 'P7799134' }, 'P7799134', ''), { ori: 'CA0370000' })).toBeUndefined();
  });
});
