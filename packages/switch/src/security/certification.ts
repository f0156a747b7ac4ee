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
import { AWARENESS_LEVELS, type AwarenessLevel, type ErrorCode, type ExamLevel, type OperatorRole } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

export type BackgroundCheck = 'cleared' | 'pending' | 'failed';

export type { AwarenessLevel, ExamLevel };

/** Security awareness training completed: at which level, on which day. */
export interface AwarenessTraining {
  readonly level: AwarenessLevel;
  /** 'YYYY-MM-DD'. */
  readonly completedOn: string;
}

/** Whether training at `taken` covers what `required` asks. */
export function awarenessCovers(taken: AwarenessLevel, required: AwarenessLevel): boolean {
  return AWARENESS_LEVELS.indexOf(taken) >= AWARENESS_LEVELS.indexOf(required);
}

/** Whether an exam taken at `level` qualifies `role`: an FAO needs the FAO-level exam, an LTFAO either. */
export function examQualifies(level: ExamLevel | null, role: OperatorRole): boolean {
  if (role === 'FAO') return level === 'FAO';
  if (role === 'LTFAO') return level === 'FAO' || level === 'LTFAO';
  return true;
}

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
  /** The level of the proficiency exam on file (an LTFAO-level exam does not make an FAO). */
  readonly examLevel: ExamLevel | null;
  readonly securityAwareness: AwarenessTraining | null;
  /** The administrator's signature on the NCIC "Areas of Liability" packet (seed 001). */
  readonly liabilitySignedOn: string | null;
}

export type CertificationCode = Extract<ErrorCode,
  | 'CLETS_ERR_OPERATOR_DEACTIVATED' | 'CLETS_ERR_CERT_BACKGROUND' | 'CLETS_ERR_CERT_TRAINING' | 'CLETS_ERR_CERT_EXAM_SCORE'
  | 'CLETS_ERR_CERT_EXAM_EXPIRED' | 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT' | 'CLETS_ERR_CERT_DMV_STATEMENT'
  | 'CLETS_ERR_CERT_AWARENESS' | 'CLETS_ERR_CERT_LIABILITY' | 'CLETS_ERR_CERT_EXAM_LEVEL'>;

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
  readonly securityAwareness: string | null;
  readonly liabilitySignOff: string | null;
}

export function lapseDates(record: CertificationRecord, settings: CertificationSettings): LapseDates {
  const lapse = (signedOn: string | null, years: number): string | null => (signedOn === null ? null : isoOfDay(lapseDay(signedOn, years)));
  return {
    exam: lapse(record.examTakenOn, settings.examValidYears),
    employeeStatement: lapse(record.employeeStatementSignedOn, settings.employeeStatementValidYears),
    dmvStatement: lapse(record.dmvStatementSignedOn, settings.dmvStatementValidYears),
    securityAwareness: lapse(record.securityAwareness?.completedOn ?? null, settings.securityAwarenessValidYears),
    liabilitySignOff: lapse(record.liabilitySignedOn, settings.liabilitySignOffValidYears),
  };
}

/**
 * The security awareness rule for anyone with access (CJIS 5.2; seed 001: "all personnel
 * who have access to CLETS systems"): training at least at `required` level, within
 * `securityAwarenessValidYears`. Undefined when met.
 */
export function awarenessLapse(training: AwarenessTraining | null, required: AwarenessLevel, now: number, settings: CertificationSettings): CertificationLapse | undefined {
  if (training === null) return { code: 'CLETS_ERR_CERT_AWARENESS', detail: `no security awareness training on file (${required} level required)` };
  if (!awarenessCovers(training.level, required)) {
    return { code: 'CLETS_ERR_CERT_AWARENESS', detail: `security awareness training at ${training.level} level: ${required} level required` };
  }
  if (dayOfInstant(now) >= lapseDay(training.completedOn, settings.securityAwarenessValidYears)) {
    return { code: 'CLETS_ERR_CERT_AWARENESS', detail: `security awareness training of ${training.completedOn} lapsed (valid ${settings.securityAwarenessValidYears} year${settings.securityAwarenessValidYears === 1 ? '' : 's'})` };
  }
  return undefined;
}

/**
 * What an administrator needs to log in to the administration API: the background check,
 * security awareness at their role's level, and for the roles that sign it (ADMINISTRATOR),
 * the "Areas of Liability for the Criminal Justice Information System Administrator" packet
 * within `liabilitySignOffValidYears` (seed 001: administrators' training "is accomplished by
 * reviewing and signing" it). Undefined when met.
 */
export function administratorLapse(record: CertificationRecord & { readonly role: OperatorRole }, now: number, settings: CertificationSettings): CertificationLapse | undefined {
  if (record.deactivated) return { code: 'CLETS_ERR_OPERATOR_DEACTIVATED', detail: 'account deactivated' };
  if (record.backgroundCheck !== 'cleared') return { code: 'CLETS_ERR_CERT_BACKGROUND', detail: `fingerprint background check ${record.backgroundCheck}` };
  const awareness = settings.securityAwarenessRequired ? awarenessLapse(record.securityAwareness, settings.securityAwarenessLevels[record.role], now, settings) : undefined;
  if (awareness !== undefined) return awareness;
  if (settings.liabilitySignOffRoles.includes(record.role)) {
    if (record.liabilitySignedOn === null) return { code: 'CLETS_ERR_CERT_LIABILITY', detail: 'the Areas of Liability packet is not signed' };
    if (dayOfInstant(now) >= lapseDay(record.liabilitySignedOn, settings.liabilitySignOffValidYears)) {
      return { code: 'CLETS_ERR_CERT_LIABILITY', detail: `the Areas of Liability packet signed ${record.liabilitySignedOn} lapsed (valid ${settings.liabilitySignOffValidYears} years)` };
    }
  }
  return undefined;
}

/**
 * The first rule the operator fails at `now`, in a fixed order (the order an ACC would fix
 * them: account, background, training, exam, statements, security awareness), or undefined
 * when certified. With `role`, the exam must be at that role's level and the awareness
 * training at its level (settings `securityAwarenessLevels`).
 */
export function certificationLapse(record: CertificationRecord, now: number, settings: CertificationSettings, role?: OperatorRole): CertificationLapse | undefined {
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
  if (record.examTakenOn === null || record.examScore === null) return { code: 'CLETS_ERR_CERT_EXAM_LEVEL', detail: 'no proficiency exam on file' };
  // An LTFAO promoted to FAO needs the FAO-level exam: the one on file does not count.
  if (role !== undefined && !examQualifies(record.examLevel, role)) {
    return { code: 'CLETS_ERR_CERT_EXAM_LEVEL', detail: `no ${role}-level proficiency exam on file (the exam of ${record.examTakenOn} is ${record.examLevel ?? 'of no'} level)` };
  }
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
  if (role !== undefined && settings.securityAwarenessRequired) return awarenessLapse(record.securityAwareness, settings.securityAwarenessLevels[role], now, settings);
  return undefined;
}

/**
 * What keeps a person of a role from their access now: an operator (FAO, LTFAO) every
 * operator rule at their role's level; anyone else (practitioners, administrators,
 * coordinators, security contacts) the background check, security awareness at their
 * level and, where their role signs it, the liability packet.
 */
export function accessLapse(record: CertificationRecord & { readonly role: OperatorRole }, now: number, settings: CertificationSettings): CertificationLapse | undefined {
  return record.role === 'FAO' || record.role === 'LTFAO' ? certificationLapse(record, now, settings, record.role) : administratorLapse(record, now, settings);
}
