/**
 * The annual misuse report's submission to DOJ (seed 002: "Report misuse investigations:
 * every February 1st"): each agency's coordinator marks the year's report submitted, and
 * until then is reminded, every day from 30 days before the due date (and after it, overdue).
 *
 * Which report is due: in calendar year C, the report of year C - 1, due on February 1 of C.
 * Reminders run from `reminderDays` before that date until the report is marked submitted
 * or the year ends (the next year's report then takes over). The clock is the switch's: a
 * test moves it.
 *
 * Tables in the security database: one row per agency and year submitted, and the day of
 * the last reminder per agency and year (so a restart does not remind twice in a day).
 */
import { CletsError } from '@clets/protocol';
import { dayOf, dayOfInstant, isoOfDay } from './certification.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export interface MisuseReportSubmission {
  readonly ori: string;
  readonly year: number;
  readonly submittedAt: number;
  readonly submittedBy: string;
  /** DOJ's acknowledgement number, or how it was sent. */
  readonly reference: string;
  /** Cases the report listed when it was submitted. */
  readonly cases: number;
  /** The `admin_action` row that recorded it. */
  readonly auditSeq: number | null;
}

/** Where an agency's report of a year stands. */
export interface MisuseReportStatus {
  readonly ori: string;
  readonly year: number;
  /** 'YYYY-02-01' of the next year. */
  readonly dueOn: string;
  /** Days from today to the due date; negative: overdue. */
  readonly daysLeft: number;
  readonly submitted: MisuseReportSubmission | null;
}

/** A reminder to send: the agency, the year, and the words. */
export interface MisuseReportReminder extends MisuseReportStatus {
  readonly text: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS misuse_report_submissions (
  ori TEXT NOT NULL,
  year INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  reference TEXT NOT NULL,
  cases INTEGER NOT NULL,
  audit_seq INTEGER,
  PRIMARY KEY (ori, year)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS misuse_report_reminders (
  ori TEXT NOT NULL,
  year INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (ori, year)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS misuse_report_submissions_kept BEFORE DELETE ON misuse_report_submissions
  BEGIN SELECT RAISE(ABORT, 'a submission to DOJ is never deleted'); END;
`;

const COLUMNS = `ori, year, submitted_at AS submittedAt, submitted_by AS submittedBy, reference, cases, audit_seq AS auditSeq`;

/** The due date of a year's report: February 1 of the next year. */
export function misuseReportDueOn(year: number): string {
  return `${String(year + 1).padStart(4, '0')}-02-01`;
}

/** The year whose report is the one due (or overdue) in the calendar year of `now`. */
export function misuseReportYearAt(now: number): number {
  return new Date(now).getUTCFullYear() - 1;
}

export class MisuseReportSubmissions {
  constructor(private readonly db: SecurityDatabase, private readonly reminderDays = 30) {
    ensureSchema(db, 'misuse_report_submissions', '1', SCHEMA);
  }

  submission(ori: string, year: number): MisuseReportSubmission | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM misuse_report_submissions WHERE ori = ? AND year = ?`).get(ori, year) as MisuseReportSubmission | undefined;
  }

  /** Marks an agency's report of a year submitted. Once: a second marking is a conflict. */
  submit(submission: MisuseReportSubmission): MisuseReportSubmission {
    const existing = this.submission(submission.ori, submission.year);
    if (existing !== undefined) {
      throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `the ${submission.year} report of ${submission.ori} was marked submitted by ${existing.submittedBy} on ${isoOfDay(dayOfInstant(existing.submittedAt))}`);
    }
    this.db.prepare(`INSERT INTO misuse_report_submissions (ori, year, submitted_at, submitted_by, reference, cases, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(submission.ori, submission.year, submission.submittedAt, submission.submittedBy, submission.reference, submission.cases, submission.auditSeq);
    return this.submission(submission.ori, submission.year)!;
  }

  status(ori: string, year: number, now: number): MisuseReportStatus {
    const dueOn = misuseReportDueOn(year);
    return { ori, year, dueOn, daysLeft: dayOf(dueOn) - dayOfInstant(now), submitted: this.submission(ori, year) ?? null };
  }

  /**
   * Where each agency's due report stands when a reminder is owed today: inside the window,
   * not submitted. Reading does not use a reminder up (`remind` does).
   */
  owed(oris: readonly string[], now: number): MisuseReportReminder[] {
    const year = misuseReportYearAt(now);
    const out: MisuseReportReminder[] = [];
    for (const ori of oris) {
      const status = this.status(ori, year, now);
      if (status.submitted !== null || status.daysLeft > this.reminderDays) continue;
      out.push({ ...status, text: reminderText(status) });
    }
    return out;
  }

  /** The reminders to send now: those owed and not yet sent today, each marked sent. */
  remind(oris: readonly string[], now: number): MisuseReportReminder[] {
    const today = isoOfDay(dayOfInstant(now));
    const due = this.owed(oris, now).filter((reminder) => {
      const last = this.db.prepare('SELECT day FROM misuse_report_reminders WHERE ori = ? AND year = ?').pluck().get(reminder.ori, reminder.year) as string | undefined;
      return last !== today;
    });
    const mark = this.db.prepare(`INSERT INTO misuse_report_reminders (ori, year, day) VALUES (?, ?, ?)
      ON CONFLICT (ori, year) DO UPDATE SET day = excluded.day`);
    this.db.transaction(() => { for (const reminder of due) mark.run(reminder.ori, reminder.year, today); })();
    return due;
  }
}

function reminderText(status: MisuseReportStatus): string {
  const when = status.daysLeft > 0 ? `DUE IN ${status.daysLeft} DAY${status.daysLeft === 1 ? '' : 'S'}`
    : status.daysLeft === 0 ? 'DUE TODAY' : `OVERDUE BY ${-status.daysLeft} DAY${status.daysLeft === -1 ? '' : 'S'}`;
  return `ANNUAL CLETS MISUSE INVESTIGATION REPORT ${status.year} FOR ${status.ori} ${when} (${status.dueOn}) - NOT MARKED SUBMITTED TO DOJ`;
}

/** Roles told of a report that is due: who keeps the agency's misuse reporting (seed 002). */
export const REMINDED_ROLES: ReadonlySet<string> = new Set(['ACC', 'SPOC', 'ADMINISTRATOR']);

export interface MisuseReportReminderDeps {
  readonly submissions: MisuseReportSubmissions;
  /** The agencies this switch serves (active ones are reminded). */
  readonly agencies: () => readonly { readonly ori: string; readonly active: boolean }[];
  readonly audit: { append(event: { type: 'admin_action'; at: number; outcome: string; ori: string; switchId?: string; detail: Record<string, unknown> }): Promise<unknown> };
  readonly clock: () => number;
  readonly switchId: string;
  /** Tells the agency's coordinators (the switch: a status message to their logged-in terminals). */
  readonly notify: (reminder: MisuseReportReminder) => void;
  readonly log?: { error(object: object, message?: string): void };
}

/**
 * One pass of the reminders: each agency owed one today gets it, audited (an `admin_action`
 * row of the switch, `misuse_report.reminder`) and sent. Returns what was sent. The switch
 * runs it on a timer; a test calls it with its own clock.
 */
export function sendMisuseReportReminders(deps: MisuseReportReminderDeps): MisuseReportReminder[] {
  const now = deps.clock();
  const oris = deps.agencies().filter((agency) => agency.active).map((agency) => agency.ori);
  const sent = deps.submissions.remind(oris, now);
  for (const reminder of sent) {
    deps.audit.append({
      type: 'admin_action', at: now, outcome: 'reminded', ori: reminder.ori, switchId: deps.switchId,
      detail: { action: 'misuse_report.reminder', year: reminder.year, dueOn: reminder.dueOn, daysLeft: reminder.daysLeft },
    }).catch((error: unknown) => deps.log?.error({ err: error }, 'misuse report reminder not audited'));
    deps.notify(reminder);
  }
  return sent;
}
