/**
 * Who lapses in the next 30, 60 or 90 days: the proficiency exam (2 years), the employee/
 * volunteer statement (2 years) and the DMV confidentiality statement (1 year), so the
 * Agency CLETS Coordinator can schedule them before the switch refuses the operator.
 * Certificates already lapsed are listed too (days left 0 or less): the operator is refused
 * now. Deactivated accounts are left out.
 */
import { dayOf, dayOfInstant, lapseDates } from '../security/certification.js';
import type { OperatorRecord } from '../security/operator-store.js';
import type { CjisSettings } from '../security/settings.js';
import { isoDate, type Report } from './report-format.js';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;

export interface ExpiringInput {
  readonly operators: readonly OperatorRecord[];
  readonly now: number;
  /** How far ahead to look, in days (30, 60 or 90; default 90). */
  readonly days?: number | undefined;
  readonly ori?: string | undefined;
  readonly settings: CjisSettings['certification'];
}

export interface ExpiringCertificate {
  readonly operatorId: string;
  readonly name: string;
  readonly ori: string;
  readonly role: string;
  readonly certificate: 'PROFICIENCY EXAM' | 'EMPLOYEE STATEMENT' | 'DMV STATEMENT';
  /** First day it is no longer valid. */
  readonly lapsesOn: string;
  readonly daysLeft: number;
  /** 'LAPSED', or the smallest horizon it falls in: '30', '60', '90'. */
  readonly window: string;
}

export function expiringCertificates(input: ExpiringInput): ExpiringCertificate[] {
  const days = input.days ?? 90;
  const today = dayOfInstant(input.now);
  const out: ExpiringCertificate[] = [];
  for (const operator of input.operators) {
    if (operator.deactivated || (input.ori !== undefined && operator.ori !== input.ori)) continue;
    const lapses = lapseDates(operator, input.settings);
    const certificates = [
      ['PROFICIENCY EXAM', lapses.exam], ['EMPLOYEE STATEMENT', lapses.employeeStatement], ['DMV STATEMENT', lapses.dmvStatement],
    ] as const;
    for (const [certificate, lapsesOn] of certificates) {
      if (lapsesOn === null) continue;
      const daysLeft = dayOf(lapsesOn) - today;
      if (daysLeft > days) continue;
      const window = daysLeft <= 0 ? 'LAPSED' : String(EXPIRY_HORIZONS.find((horizon) => daysLeft <= horizon) ?? days);
      out.push({ operatorId: operator.id, name: `${operator.name.last}, ${operator.name.first}`, ori: operator.ori, role: operator.role, certificate, lapsesOn, daysLeft, window });
    }
  }
  return out.sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn) || a.operatorId.localeCompare(b.operatorId) || a.certificate.localeCompare(b.certificate));
}

export function expiringCertificationsReport(input: ExpiringInput): Report {
  const days = input.days ?? 90;
  const entries = expiringCertificates(input);
  const count = (window: string): number => entries.filter((entry) => entry.window === window).length;
  return {
    title: `CERTIFICATIONS LAPSING IN THE NEXT ${days} DAYS`,
    subtitle: [`AS OF ${isoDate(input.now)}${input.ori === undefined ? '' : `  ORI ${input.ori}`}`, 'A LAPSED CERTIFICATE STOPS THE OPERATOR AT ONCE.'],
    columns: [
      { key: 'operator', header: 'OPERATOR' },
      { key: 'name', header: 'NAME' },
      { key: 'ori', header: 'ORI' },
      { key: 'role', header: 'ROLE' },
      { key: 'certificate', header: 'CERTIFICATE' },
      { key: 'lapsesOn', header: 'LAPSES ON' },
      { key: 'daysLeft', header: 'DAYS LEFT', align: 'right' },
      { key: 'window', header: 'WITHIN' },
    ],
    rows: entries.map((entry) => ({
      operator: entry.operatorId, name: entry.name, ori: entry.ori, role: entry.role, certificate: entry.certificate,
      lapsesOn: entry.lapsesOn, daysLeft: entry.daysLeft, window: entry.window,
    })),
    summary: [`LAPSED ${count('LAPSED')}  WITHIN 30 DAYS ${count('30')}  WITHIN 60 DAYS ${count('60')}  WITHIN 90 DAYS ${count('90')}`],
  };
}
