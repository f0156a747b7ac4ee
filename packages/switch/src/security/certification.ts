/**
 * Operator certification, checked on every message and not only at login (seeds 001/002):
 * not deactivated; fingerprint background check cleared (a felony conviction bars access);
 * trained within 6 months of appointment; proficiency exam within 2 years with at least 70%;
 * employee/volunteer statement within 2 years; DMV confidentiality statement within 1 year.
 *
 * A certificate is valid through the same calendar date n years after it was signed (the
 * fixture generator's rule); it lapses the day after. Dates are UTC calendar days: the
 * simulation has one clock, and the sources say nothing finer.
 */
import type { ErrorCode } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

export type BackgroundCheck = 'cleared' | 'pending' | 'failed';

/** The certification facts of one operator (ISO 'YYYY-MM-DD' dates; null: never). */
export interface CertificationRecord {
  readonly deactivated: boolean;
  readonly backgroundCheck: BackgroundCheck;
  readonly appointedOn: string;
  readonly trainedOn: string | null;
  readonly examTakenOn: string | null;
  readonly examScore: number | null;
  readonly employeeStatementSignedOn: string | null;
  readonly dmvStatementSignedOn: string | null;
}

export type CertificationCode = Extract<ErrorCode,
  | 'CLETS_ERR_OPERATOR_DEACTIVATED' | 'CLETS_ERR_CERT_BACKGROUND' | 'CLETS_ERR_CERT_TRAINING' | 'CLETS_ERR_CERT_EXAM_SCORE'
  | 'CLETS_ERR_CERT_EXAM_EXPIRED' | 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT' | 'CLETS_ERR_CERT_DMV_STATEMENT'>;

export interface CertificationLapse {
  readonly code: CertificationCode;
  readonly detail: string;
}

type CertificationSettings = CjisSettings['certification'];

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> days since 1970-01-01 (UTC). Throws on a malformed date. */
export function dayOf(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** Days since 1970-01-01 -> 'YYYY-MM-DD'. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar day of an instant. */
export function dayOfInstant(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * The same day of the month, `months` later; a day that does not exist moves to the next
 * month's first days (29 February + 12 months = 1 March), as Date.UTC does.
 */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()) / MS_PER_DAY;
}

/** The first day a certificate signed on `signedOn` and valid `years` is no longer valid. */
export function lapseDay(signedOn: string, years: number): number {
  return addMonths(dayOf(signedOn), 12 * years) + 1;
}

/** The dates each time-limited certificate lapses (first day not valid); null when never obtained. */
export interface LapseDates {
  readonly exam: string | null;
  readonly employeeStatement: string | null;
  readonly dmvStatement: string | null;
}

export function lapseDates(record: CertificationRecord, settings: CertificationSettings): LapseDates {
  const lapse = (signedOn: string | null, years: number): string | null => (signedOn === null ? null : isoOfDay(lapseDay(signedOn, years)));
  return {
    exam: lapse(record.examTakenOn, settings.examValidYears),
    employeeStatement: lapse(record.employeeStatementSignedOn, settings.employeeStatementValidYears),
    dmvStatement: lapse(record.dmvStatementSignedOn, settings.dmvStatementValidYears),
  };
}

/**
 * The first rule the operator fails at `now`, in a fixed order (the order an ACC would fix
 * them: account, background, training, exam, statements), or undefined when certified.
 */
export function certificationLapse(record: CertificationRecord, now: number, settings: CertificationSettings): CertificationLapse | undefined {
  const today = dayOfInstant(now);
  if (record.deactivated) return { code: 'CLETS_ERR_OPERATOR_DEACTIVATED', detail: 'account deactivated' };
  if (record.backgroundCheck !== 'cleared') {
    return { code: 'CLETS_ERR_CERT_BACKGROUND', detail: `fingerprint background check ${record.backgroundCheck}` };
  }
  if (record.trainedOn === null) return { code: 'CLETS_ERR_CERT_TRAINING', detail: 'initial training not recorded' };
  const trainingDeadline = addMonths(dayOf(record.appointedOn), settings.trainingWithinMonths);
  if (dayOf(record.trainedOn) > trainingDeadline) {
    return { code: 'CLETS_ERR_CERT_TRAINING', detail: `trained ${record.trainedOn}, after ${isoOfDay(trainingDeadline)}` };
  }
  if (record.examTakenOn === null || record.examScore === null) return { code: 'CLETS_ERR_CERT_EXAM_EXPIRED', detail: 'no proficiency exam on file' };
  if (record.examScore < settings.examPassMark) {
    return { code: 'CLETS_ERR_CERT_EXAM_SCORE', detail: `scored ${record.examScore}, pass mark ${settings.examPassMark}` };
  }
  if (today >= lapseDay(record.examTakenOn, settings.examValidYears)) {
    return { code: 'CLETS_ERR_CERT_EXAM_EXPIRED', detail: `exam taken ${record.examTakenOn}, valid ${settings.examValidYears} years` };
  }
  if (record.employeeStatementSignedOn === null || today >= lapseDay(record.employeeStatementSignedOn, settings.employeeStatementValidYears)) {
    return { code: 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT', detail: `signed ${record.employeeStatementSignedOn ?? 'never'}, valid ${settings.employeeStatementValidYears} years` };
  }
  if (record.dmvStatementSignedOn === null || today >= lapseDay(record.dmvStatementSignedOn, settings.dmvStatementValidYears)) {
    return { code: 'CLETS_ERR_CERT_DMV_STATEMENT', detail: `signed ${record.dmvStatementSignedOn ?? 'never'}, valid ${settings.dmvStatementValidYears} year${settings.dmvStatementValidYears === 1 ? '' : 's'}` };
  }
  return undefined;
}
