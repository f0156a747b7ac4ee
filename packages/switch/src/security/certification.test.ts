import { describe, expect, it } from 'vitest';
import { addMonths, certificationLapse, dayOf, isoOfDay, lapseDates, type CertificationRecord } from './certification.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const rules = CJIS_DEFAULT_SETTINGS.certification;
const record: CertificationRecord = {
  deactivated: false, backgroundCheck: 'cleared', appointedOn: '2020-02-29', trainedOn: '2020-03-15',
  examTakenOn: '2025-03-01', examScore: 88, employeeStatementSignedOn: '2025-06-30', dmvStatementSignedOn: '2026-01-31',
};
const at = (iso: string, time = 'T12:00:00Z'): number => Date.parse(`${iso}${time}`);

describe('certification', () => {
  it('is valid through the anniversary and lapses the next day', () => {
    expect(lapseDates(record, rules)).toEqual({ exam: '2027-03-02', employeeStatement: '2027-07-01', dmvStatement: '2027-02-01' });
    expect(certificationLapse(record, at('2027-01-31', 'T23:59:59Z'), rules)).toBeUndefined();
    expect(certificationLapse(record, at('2027-02-01', 'T00:00:00Z'), rules)?.code).toBe('CLETS_ERR_CERT_DMV_STATEMENT');
  });

  it('reports the first rule broken, in a fixed order', () => {
    const broken: CertificationRecord = { ...record, backgroundCheck: 'pending', examScore: 50 };
    expect(certificationLapse(broken, at('2026-06-01'), rules)?.code).toBe('CLETS_ERR_CERT_BACKGROUND');
    expect(certificationLapse({ ...broken, backgroundCheck: 'cleared' }, at('2026-06-01'), rules)?.code).toBe('CLETS_ERR_CERT_EXAM_SCORE');
    expect(certificationLapse({ ...record, deactivated: true, trainedOn: null }, at('2026-06-01'), rules)?.code).toBe('CLETS_ERR_OPERATOR_DEACTIVATED');
  });

  it('needs training within 6 calendar months of appointment', () => {
    expect(isoOfDay(addMonths(dayOf('2020-02-29'), 6))).toBe('2020-08-29');
    expect(certificationLapse({ ...record, trainedOn: '2020-08-29' }, at('2026-06-01'), rules)).toBeUndefined();
    expect(certificationLapse({ ...record, trainedOn: '2020-08-30' }, at('2026-06-01'), rules)?.code).toBe('CLETS_ERR_CERT_TRAINING');
    expect(certificationLapse({ ...record, trainedOn: null }, at('2026-06-01'), rules)?.code).toBe('CLETS_ERR_CERT_TRAINING');
  });
});
