import { describe, expect, it } from 'vitest';
import { MisuseReportSubmissions, sendMisuseReportReminders, type MisuseReportReminder } from './misuse-report-submissions.js';
import { openSecurityDatabase } from './security-database.js';

const DAY = 86_400_000;
const AGENCIES = [{ ori: 'CA0190000', active: true }, { ori: 'CA0190100', active: true }, { ori: 'CA0010200', active: false }];

describe('the annual misuse report\'s reminders', () => {
  it('reminds each active agency once a day from 30 days before February 1 until it is marked submitted', () => {
    const db = openSecurityDatabase(':memory:');
    const submissions = new MisuseReportSubmissions(db);
    const clock = { now: Date.UTC(2027, 0, 1, 0) };
    const audited: unknown[] = [];
    const told: MisuseReportReminder[] = [];
    const pass = () => sendMisuseReportReminders({
      submissions, agencies: () => AGENCIES, clock: () => clock.now, switchId: 'county-19', notify: (reminder) => told.push(reminder),
      audit: { append: async (event) => { audited.push(event); } },
    });
    const byDay: Record<string, string[]> = {};
    // Every hour from 2027-01-01 to 2027-02-03, as the switch's timer runs.
    while (clock.now < Date.UTC(2027, 1, 3, 9)) {
      for (const reminder of pass()) (byDay[new Date(clock.now).toISOString().slice(0, 10)] ??= []).push(reminder.ori);
      if (clock.now === Date.UTC(2027, 0, 20, 9)) {
        submissions.submit({ ori: 'CA0190100', year: 2026, submittedAt: clock.now, submittedBy: 'OP1030', reference: 'DOJ ACK 4471', cases: 0, auditSeq: null });
      }
      clock.now += 3_600_000;
    }
    const days = Object.keys(byDay).sort();
    // January 2 is 30 days before February 1: on January 1 nothing is owed yet.
    expect(days[0]).toBe('2027-01-02');
    expect(days.at(-1)).toBe('2027-02-03');
    expect(days).toHaveLength(33);
    expect(byDay['2027-01-02']).toEqual(['CA0190000', 'CA0190100']);
    expect(byDay['2027-01-20']).toEqual(['CA0190000', 'CA0190100']);
    expect(byDay['2027-01-21']).toEqual(['CA0190000']);
    expect(told.find((reminder) => reminder.ori === 'CA0190000' && reminder.daysLeft === 30)?.text)
      .toBe('ANNUAL CLETS MISUSE INVESTIGATION REPORT 2026 FOR CA0190000 DUE IN 30 DAYS (2027-02-01) - NOT MARKED SUBMITTED TO DOJ');
    expect(told.find((reminder) => reminder.daysLeft === 0)?.text).toContain('DUE TODAY');
    expect(told.find((reminder) => reminder.daysLeft === -1)?.text).toContain('OVERDUE BY 1 DAY (2027-02-01)');
    expect(audited).toHaveLength(told.length);
    expect(audited[0]).toMatchObject({ type: 'admin_action', outcome: 'reminded', ori: 'CA0190000', detail: { action: 'misuse_report.reminder', year: 2026, daysLeft: 30 } });
  });

  it('keeps reminding of an overdue report through the year it was due, then moves to the next year\'s', () => {
    const submissions = new MisuseReportSubmissions(openSecurityDatabase(':memory:'));
    expect(submissions.owed(['CA0190000'], Date.UTC(2026, 11, 6))).toMatchObject([{ year: 2025, dueOn: '2026-02-01', daysLeft: -308 }]);
    expect(submissions.owed(['CA0190000'], Date.UTC(2027, 0, 1))).toEqual([]);
  });

  it('does not remind twice in a day across a restart, and takes a submission once', () => {
    const db = openSecurityDatabase(':memory:');
    const now = Date.UTC(2027, 0, 10, 8);
    expect(new MisuseReportSubmissions(db).remind(['CA0190000'], now)).toHaveLength(1);
    expect(new MisuseReportSubmissions(db).remind(['CA0190000'], now + 3_600_000)).toHaveLength(0);
    expect(new MisuseReportSubmissions(db).remind(['CA0190000'], now + DAY)).toHaveLength(1);
    const submissions = new MisuseReportSubmissions(db);
    submissions.submit({ ori: 'CA0190000', year: 2026, submittedAt: now, submittedBy: 'OP1008', reference: 'R', cases: 2, auditSeq: 9 });
    expect(() => submissions.submit({ ori: 'CA0190000', year: 2026, submittedAt: now, submittedBy: 'OP1009', reference: 'R2', cases: 2, auditSeq: 10 }))
      .toThrow(expect.objectContaining({ code: 'CLETS_ERR_RESOURCE_CONFLICT' }));
    expect(submissions.owed(['CA0190000'], now + 2 * DAY)).toEqual([]);
    expect(() => db.prepare('DELETE FROM misuse_report_submissions').run()).toThrow(/never deleted/);
  });
});
