/**
 * What lapses in the next 30, 60 or 90 days, so the Agency CLETS Coordinator can schedule it
 * before the switch refuses anyone:
 * - operators: the proficiency exam (2 years; at the level of their role), the employee/
 *   volunteer statement (2 years), the DMV confidentiality statement (1 year);
 * - everyone with access (operators, practitioners, administrators, coordinators, security
 *   contacts, and the staff who are not operators): security awareness training at the level
 *   of their role or access (CJIS 5.2, 1 year by default);
 * - administrators: the "Areas of Liability" sign-off (2 years);
 * - the agency's agreements (MCA, security addendum...): their renewal dates.
 * What already lapsed is listed too (days left 0 or less): that person is refused now. A
 * certificate at too low a level (an LTFAO-level exam of an FAO, awareness below the level
 * needed) is listed as lapsed today. Deactivated accounts and staff whose access ended are
 * left out.
 */
import { awarenessCovers, dayOf, dayOfInstant, examQualifies, isoOfDay, lapseDates, lapseDay } from '../security/certification.js';
import type { AgencyProfile } from '../security/agency-records.js';
import type { OperatorRecord } from '../security/operator-store.js';
import { PERSONNEL_AWARENESS, type PersonnelRecord } from '../security/personnel.js';
import type { CjisSettings } from '../security/settings.js';
import { isoDate, type Report } from './report-format.js';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;

export interface ExpiringInput {
  readonly operators: readonly OperatorRecord[];
  /** Staff with access who are not operators. */
  readonly personnel?: readonly PersonnelRecord[];
  /** The agencies' records, for their agreements' renewal dates. */
  readonly agencies?: readonly AgencyProfile[];
  readonly now: number;
  /** How far ahead to look, in days (30, 60 or 90; default 90). */
  readonly days?: number | undefined;
  readonly ori?: string | undefined;
  readonly settings: CjisSettings['certification'];
}

export type ExpiringCertificate = {
  /** The operator's or staff member's id; empty for an agreement. */
  readonly id: string;
  /** Who, or with whom (an agreement's party). */
  readonly name: string;
  readonly ori: string;
  /** The role, the kind of staff (IT, CUSTODIAL...), or AGREEMENT. */
  readonly role: string;
  readonly certificate: string;
  /** First day it is no longer valid (an agreement: its renewal date). */
  readonly lapsesOn: string;
  readonly daysLeft: number;
  /** 'LAPSED', or the smallest horizon it falls in: '30', '60', '90'. */
  readonly window: string;
};

export function expiringCertificates(input: ExpiringInput): ExpiringCertificate[] {
  const days = input.days ?? 90;
  const today = dayOfInstant(input.now);
  const settings = input.settings;
  const out: ExpiringCertificate[] = [];
  const add = (who: Omit<ExpiringCertificate, 'certificate' | 'lapsesOn' | 'daysLeft' | 'window'>, certificate: string, lapsesOn: string | null): void => {
    if (lapsesOn === null) return;
    const daysLeft = dayOf(lapsesOn) - today;
    if (daysLeft > days) return;
    const window = daysLeft <= 0 ? 'LAPSED' : String(EXPIRY_HORIZONS.find((horizon) => daysLeft <= horizon) ?? days);
    out.push({ ...who, certificate, lapsesOn, daysLeft, window });
  };
  const inScope = (ori: string): boolean => input.ori === undefined || ori === input.ori;
  const todayIso = isoOfDay(today);

  for (const operator of input.operators) {
    if (operator.deactivated || !inScope(operator.ori)) continue;
    const who = { id: operator.id, name: `${operator.name.last}, ${operator.name.first}`, ori: operator.ori, role: operator.role };
    const lapses = lapseDates(operator, settings);
    if (operator.role === 'FAO' || operator.role === 'LTFAO') {
      // An exam below the level of the role held counts for nothing: lapsed today.
      add(who, 'PROFICIENCY EXAM', operator.examTakenOn !== null && !examQualifies(operator.examLevel, operator.role) ? todayIso : lapses.exam);
      add(who, 'EMPLOYEE STATEMENT', lapses.employeeStatement);
      add(who, 'DMV STATEMENT', lapses.dmvStatement);
    }
    if (settings.securityAwarenessRequired) {
      const required = settings.securityAwarenessLevels[operator.role];
      const training = operator.securityAwareness;
      add(who, `SECURITY AWARENESS (${required.toUpperCase()})`, training === null || !awarenessCovers(training.level, required) ? todayIso : lapses.securityAwareness);
    }
    if (settings.liabilitySignOffRoles.includes(operator.role)) add(who, 'LIABILITY SIGN-OFF', lapses.liabilitySignOff ?? todayIso);
  }

  for (const person of input.personnel ?? []) {
    if (person.endedOn !== null || !inScope(person.ori)) continue;
    const who = { id: person.id, name: `${person.name.last}, ${person.name.first}`, ori: person.ori, role: person.kind.toUpperCase() };
    const required = PERSONNEL_AWARENESS[person.kind];
    const training = person.securityAwareness;
    add(who, `SECURITY AWARENESS (${required.toUpperCase()})`, training === null || !awarenessCovers(training.level, required)
      ? todayIso : isoOfDay(lapseDay(training.completedOn, settings.securityAwarenessValidYears)));
  }

  for (const agency of input.agencies ?? []) {
    if (!inScope(agency.ori)) continue;
    for (const agreement of agency.agreements) {
      add({ id: '', name: agreement.party, ori: agency.ori, role: 'AGREEMENT' }, agreement.kind.toUpperCase().replaceAll('-', ' '), agreement.renewsOn);
    }
  }
  return out.sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn) || a.ori.localeCompare(b.ori) || a.id.localeCompare(b.id) || a.certificate.localeCompare(b.certificate));
}

export function expiringCertificationsReport(input: ExpiringInput): Report {
  const days = input.days ?? 90;
  const entries = expiringCertificates(input);
  const count = (window: string): number => entries.filter((entry) => entry.window === window).length;
  return {
    title: `CERTIFICATIONS LAPSING IN THE NEXT ${days} DAYS`,
    subtitle: [
      `AS OF ${isoDate(input.now)}${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      'A LAPSED CERTIFICATE STOPS THE OPERATOR AT ONCE; STAFF AND AGREEMENTS ARE THE COORDINATOR\'S TO RENEW.',
    ],
    columns: [
      { key: 'id', header: 'ID' },
      { key: 'name', header: 'NAME' },
      { key: 'ori', header: 'ORI' },
      { key: 'role', header: 'ROLE' },
      { key: 'certificate', header: 'CERTIFICATE' },
      { key: 'lapsesOn', header: 'LAPSES ON' },
      { key: 'daysLeft', header: 'DAYS LEFT', align: 'right' },
      { key: 'window', header: 'WITHIN' },
    ],
    rows: entries.map((entry) => ({
      id: entry.id, name: entry.name, ori: entry.ori, role: entry.role, certificate: entry.certificate,
      lapsesOn: entry.lapsesOn, daysLeft: entry.daysLeft, window: entry.window,
    })),
    summary: [`LAPSED ${count('LAPSED')}  WITHIN 30 DAYS ${count('30')}  WITHIN 60 DAYS ${count('60')}  WITHIN 90 DAYS ${count('90')}`],
  };
}
