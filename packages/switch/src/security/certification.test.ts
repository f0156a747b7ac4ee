import { describe, expect, it } from 'vitest';
import { addMonths, administratorLapse, certificationLapse, dayOf, isoOfDay, lapseDates, type CertificationRecord } from './certification.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const rules = CJIS_DEFAULT_SETTINGS.certification;
const record: CertificationRecord = {
  deactivated: false, backgroundCheck: 'cleared', appointedOn: '2020-02-29', trainedOn: '2020-03-15',
  examTakenOn: '2025-03-01', examScore: 88, employeeStatementSignedOn: '2025-06-30', dmvStatementSignedOn: '2026-01-31',
  examLevel: 'LTFAO', securityAwareness: { level: 'general', completedOn: '2026-03-10' }, liabilitySignedOn: null,
};
const at = (iso: string, time = 'T12:00:00Z'): number => Date.parse(`${iso}${time}`);

describe('certification', () => {
  it('is valid through the anniversary and lapses the next day', () => {
    expect(lapseDates(record, rules)).toEqual({
      exam: '2027-03-02', employeeStatement: '2027-07-01', dmvStatement: '2027-02-01', securityAwareness: '2027-03-11', liabilitySignOff: null,
    });
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

describe('certification by role and level', () => {
  const now = at('2026-11-01');
  it.each([
    ['an LTFAO with the LTFAO-level exam', 'LTFAO', {}, undefined],
    ['an LTFAO promoted to FAO, the LTFAO-level exam on file', 'FAO', {}, 'CLETS_ERR_CERT_EXAM_LEVEL'],
    ['an FAO with the FAO-level exam', 'FAO', { examLevel: 'FAO' }, undefined],
    ['an LTFAO with the FAO-level exam', 'LTFAO', { examLevel: 'FAO' }, undefined],
    ['no security awareness training', 'LTFAO', { securityAwareness: null }, 'CLETS_ERR_CERT_AWARENESS'],
    ['awareness at the basic level only', 'LTFAO', { securityAwareness: { level: 'basic', completedOn: '2026-10-01' } }, 'CLETS_ERR_CERT_AWARENESS'],
    ['awareness a year and a day ago', 'LTFAO', { securityAwareness: { level: 'general', completedOn: '2025-10-31' } }, 'CLETS_ERR_CERT_AWARENESS'],
    ['awareness exactly a year ago (its last valid day)', 'LTFAO', { securityAwareness: { level: 'general', completedOn: '2025-11-01' } }, undefined],
    ['awareness at a higher level than needed', 'LTFAO', { securityAwareness: { level: 'security', completedOn: '2026-10-01' } }, undefined],
  ] as const)('%s', (_label, role, changes, code) => {
    expect(certificationLapse({ ...record, ...changes }, now, rules, role)?.code).toBe(code);
  });

  it('names the level wanted in the reason', () => {
    expect(certificationLapse(record, now, rules, 'FAO')?.detail).toBe('no FAO-level proficiency exam on file (the exam of 2025-03-01 is LTFAO level)');
  });

  it.each([
    ['an administrator trained at the privileged level who signed the liability packet', 'ADMINISTRATOR', { securityAwareness: { level: 'privileged', completedOn: '2026-06-01' }, liabilitySignedOn: '2025-06-01' }, undefined],
    ['an administrator who never signed it', 'ADMINISTRATOR', { securityAwareness: { level: 'privileged', completedOn: '2026-06-01' } }, 'CLETS_ERR_CERT_LIABILITY'],
    ['an administrator whose signature is over two years old', 'ADMINISTRATOR', { securityAwareness: { level: 'privileged', completedOn: '2026-06-01' }, liabilitySignedOn: '2024-10-31' }, 'CLETS_ERR_CERT_LIABILITY'],
    ['an administrator trained at the general level only', 'ADMINISTRATOR', { liabilitySignedOn: '2025-06-01' }, 'CLETS_ERR_CERT_AWARENESS'],
    ['a coordinator at the privileged level (no packet to sign)', 'ACC', { securityAwareness: { level: 'privileged', completedOn: '2026-06-01' } }, undefined],
    ['a security point of contact trained as a privileged user only', 'SPOC', { securityAwareness: { level: 'privileged', completedOn: '2026-06-01' } }, 'CLETS_ERR_CERT_AWARENESS'],
    ['an administrator whose background check is pending', 'ADMINISTRATOR', { backgroundCheck: 'pending' }, 'CLETS_ERR_CERT_BACKGROUND'],
  ] as const)('at administration login: %s', (_label, role, changes, code) => {
    expect(administratorLapse({ ...record, ...changes, role }, now, rules)?.code).toBe(code);
  });
});
