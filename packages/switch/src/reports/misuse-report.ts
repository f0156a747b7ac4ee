/**
 * The annual misuse-investigation report (docs/domain.md section 3; seed 001: "all
 * investigation of misuse must be reported to CA DOJ on the CLETS Misuse Investigation
 * Reporting form, including investigations where misuse was not found"; seed 002: every
 * February 1). DOJ's form is not public; its fields here are what the seeds name and what an
 * investigation has: the case, when it was opened and closed, the agency, the operator,
 * how it began, the allegation, the finding, the sanction, and the operator's deactivation.
 *
 * One row per misuse case opened in the year (security/misuse-cases.ts), with or without a
 * finding; and one per flag of the year's review queue that no case took up (an automatic
 * flag reviewed and closed from the queue is an investigation too, closed at review), so
 * nothing the switch noticed is left out.
 */
import type { MisuseCase } from '../security/misuse-cases.js';
import type { MisuseReportSubmission } from '../security/misuse-report-submissions.js';
import type { ReviewItem } from '../security/review-queue.js';
import { isoDate, type Report, type ReportCell } from './report-format.js';

export interface MisuseReportInput {
  /** Misuse cases (the report keeps those opened in `year`). */
  readonly cases: readonly MisuseCase[];
  /** Review items (the report keeps those of `year` no case took up). */
  readonly items: readonly ReviewItem[];
  readonly year: number;
  readonly ori?: string | undefined;
  /** Who the operators are, for the NAME column. */
  readonly names?: ReadonlyMap<string, string>;
  /** The agency's submission of this report, once marked (one ORI only). */
  readonly submission?: MisuseReportSubmission | undefined;
}

/** The first and last instant of a calendar year (UTC): [from, to). */
export function yearBounds(year: number): { from: number; to: number } {
  return { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
}

const words = (value: string): string => value.toUpperCase().replaceAll('_', ' ');

export function misuseReport(input: MisuseReportInput): Report {
  const { from, to } = yearBounds(input.year);
  const inScope = (at: number, ori: string): boolean => at >= from && at < to && (input.ori === undefined || ori === input.ori);
  const cases = input.cases.filter((found) => inScope(found.openedAt, found.ori)).sort((a, b) => a.openedAt - b.openedAt || a.id - b.id);
  const flags = input.items.filter((item) => item.caseId === null && inScope(item.at, item.ori)).sort((a, b) => a.at - b.at || a.id - b.id);

  const rows: { at: number; row: Record<string, ReportCell> }[] = [
    ...cases.map((found) => ({
      at: found.openedAt,
      row: {
        id: `CASE ${found.id}`, opened: isoDate(found.openedAt), closed: found.closedAt === null ? '' : isoDate(found.closedAt), ori: found.ori,
        operator: found.operatorId ?? 'NOT IDENTIFIED', name: found.operatorId === null ? '' : input.names?.get(found.operatorId) ?? '',
        began: words(found.source === 'audit' ? 'audit search' : found.source), allegation: found.allegation,
        finding: found.finding === null ? 'NONE YET (UNDER INVESTIGATION)' : words(found.finding),
        sanction: found.sanction === null ? '' : words(found.sanction),
        deactivated: found.deactivation === null ? '' : isoDate(found.deactivation.at),
      },
    })),
    ...flags.map((item) => ({
      at: item.at,
      row: {
        id: `FLAG ${item.id}`, opened: isoDate(item.at), closed: item.closedAt === null ? '' : isoDate(item.closedAt), ori: item.ori,
        operator: item.operatorId, name: input.names?.get(item.operatorId) ?? '',
        began: `FLAG: ${words(item.kind)}`, allegation: `${item.refused ? 'REFUSED' : 'ANSWERED'} ${item.messageKey ?? ''}: ${item.detail}`,
        finding: item.finding ?? 'NONE YET (UNDER REVIEW)', sanction: '', deactivated: '',
      },
    })),
  ].sort((a, b) => a.at - b.at);

  const closed = cases.filter((found) => found.status === 'closed');
  const tally = (values: readonly string[]): string => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => `${value} ${count}`).join(', ') || 'NONE';
  };
  const submitted = input.submission === undefined ? [] : [
    `MARKED SUBMITTED TO DOJ ${isoDate(input.submission.submittedAt)} BY ${input.submission.submittedBy}, REFERENCE ${input.submission.reference} (${input.submission.cases} CASES)`,
  ];
  return {
    title: `ANNUAL MISUSE INVESTIGATION REPORT ${input.year}`,
    subtitle: [
      `DUE TO THE CALIFORNIA DEPARTMENT OF JUSTICE BY ${input.year + 1}-02-01${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      'EVERY INVESTIGATION OF THE YEAR, WITH OR WITHOUT A FINDING.',
    ],
    columns: [
      { key: 'id', header: 'CASE' },
      { key: 'opened', header: 'OPENED' },
      { key: 'closed', header: 'CLOSED' },
      { key: 'ori', header: 'ORI' },
      { key: 'operator', header: 'OPERATOR' },
      { key: 'name', header: 'NAME' },
      { key: 'began', header: 'HOW IT BEGAN' },
      { key: 'allegation', header: 'ALLEGATION' },
      { key: 'finding', header: 'FINDING' },
      { key: 'sanction', header: 'SANCTION' },
      { key: 'deactivated', header: 'DEACTIVATED' },
    ],
    rows: rows.map((entry) => entry.row),
    summary: [
      `INVESTIGATIONS ${cases.length + flags.length}  CASES ${cases.length} (CLOSED ${closed.length}, OPEN ${cases.length - closed.length})  FLAGS REVIEWED ON THE QUEUE ${flags.length}`,
      `FINDINGS: ${tally(closed.map((found) => words(found.finding ?? '')))}`,
      `SANCTIONS: ${tally(closed.map((found) => words(found.sanction ?? '')))}`,
      `CASES BEGUN BY: ${tally(cases.map((found) => words(found.source)))}`,
      ...submitted,
    ],
  };
}
