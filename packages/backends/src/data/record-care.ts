/**
 * Keeping records accurate after entry: the second-party check and validation, as the
 * state's database audits look for them (the seeds' most common audit findings: "no second
 * party checks", "records not updated").
 *
 * - Second-party check: a new entry is checked against the source documents by a second
 *   full-access operator of the entering agency, not the one who entered it, with the SPC
 *   key. Until then it hits as entered, marked "NOT YET SECOND-PARTY CHECKED" (NCIC: a record
 *   is in the file from its entry; the check is the agency's duty, not a condition of the
 *   file). Not checked within `secondPartyCheckMs` of entry, it is UNCHECKED and listed.
 * - Validation (NCIC practice): first due `firstValidationDays` after entry (NCIC validates
 *   records 60-90 days after entry), then every `validationIntervalDays` after the last
 *   validation. A modify carrying VLN validates (VLN alone confirms; with other fields it
 *   modifies and validates); a cancel takes the record out. Past due by
 *   `overdueGraceDays`, an entry is OVERDUE and reported: listed as reported, and named in
 *   the notice that heads the agency's validation list.
 * - Records the data files hold (entered before the simulation) count as checked, and as
 *   validated on every due date up to the files' reference date: they fall due as the
 *   simulated time passes their next date.
 */
import type { HotFileRecord } from '@clets/data-files';
import type { RecordLife } from './indexes.js';

const DAY_MS = 86_400_000;

/** The periods of record care (backends config `records`; docs/catalogue.md, "Record care"). */
export interface RecordCarePolicy {
  /** An entry not second-party checked this long after entry is UNCHECKED. Default 72 hours. */
  readonly secondPartyCheckMs: number;
  /** First validation due this many days after entry. Default 90. */
  readonly firstValidationDays: number;
  /** Then due this many days after the last validation. Default 365. */
  readonly validationIntervalDays: number;
  /** Past due this many days: OVERDUE, reported. Default 30. */
  readonly overdueGraceDays: number;
}

export const DEFAULT_RECORD_CARE: RecordCarePolicy = Object.freeze({
  secondPartyCheckMs: 72 * 3_600_000,
  firstValidationDays: 90,
  validationIntervalDays: 365,
  overdueGraceDays: 30,
});

export type CheckState = 'PENDING' | 'CHECKED' | 'UNCHECKED';
export type ValidationState = 'CURRENT' | 'DUE' | 'OVERDUE';

/** Where one record stands, at `now`. */
export interface RecordCare {
  readonly check: CheckState;
  /** The last validation (epoch ms), if any. */
  readonly validatedAtMs?: number;
  /** When the next validation is due (epoch ms). */
  readonly dueAtMs: number;
  readonly validation: ValidationState;
  /** When an overdue entry was (is) reported: the due date plus the grace. */
  readonly reportedAtMs?: number;
}

/** Epoch ms of the start of an ISO date (UTC). */
function dayMs(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : 0;
}

/** Where a record stands on check and validation at `now`. */
export function careOf(record: HotFileRecord & { readonly life?: RecordLife }, now: number, policy: RecordCarePolicy, referenceDate: string): RecordCare {
  const life = record.life;
  const entered = life?.enteredAtMs ?? dayMs(record.enteredOn);
  const enteredHere = life?.enteredBy !== undefined;
  const check: CheckState = !enteredHere || life?.checked !== undefined ? 'CHECKED'
    : now - entered >= policy.secondPartyCheckMs ? 'UNCHECKED' : 'PENDING';
  const first = entered + policy.firstValidationDays * DAY_MS;
  const interval = policy.validationIntervalDays * DAY_MS;
  let validatedAtMs = life?.validated?.atMs;
  if (validatedAtMs === undefined && !enteredHere) {
    // Kept on schedule before the simulation: validated on each due date up to the reference date.
    const reference = dayMs(referenceDate);
    if (first <= reference) validatedAtMs = first + Math.floor((reference - first) / interval) * interval;
  }
  const dueAtMs = validatedAtMs === undefined ? first : validatedAtMs + interval;
  const reportAt = dueAtMs + policy.overdueGraceDays * DAY_MS;
  const validation: ValidationState = now >= reportAt ? 'OVERDUE' : now >= dueAtMs ? 'DUE' : 'CURRENT';
  return {
    check, dueAtMs, validation,
    ...(validatedAtMs !== undefined ? { validatedAtMs } : {}),
    ...(validation === 'OVERDUE' ? { reportedAtMs: reportAt } : {}),
  };
}

/** Whether the record needs the agency's attention: not checked, or due or overdue for validation. */
export function needsAttention(care: RecordCare): boolean {
  return care.check !== 'CHECKED' || care.validation !== 'CURRENT';
}
