/**
 * The annual misuse-investigation report (docs/domain.md section 3): every misuse investigation of the year,
 * with or without a finding, is reported to DOJ by February 1 of the next year. Built from
 * the review queue: each flagged transaction is an investigation; an open item is reported
 * as still under investigation, with no finding yet.
 */
import type { ReviewItem } from '../security/review-queue.js';
import { isoDate, type Report } from './report-format.js';

export interface MisuseReportInput {
  /** Review items (the report keeps those of `year`). */
  readonly items: readonly ReviewItem[];
  readonly year: number;
  readonly ori?: string | undefined;
  /** Who the operators are, for the NAME column. */
  readonly names?: ReadonlyMap<string, string>;
}

/** The first and last instant of a calendar year (UTC): [from, to). */
export function yearBounds(year: number): { from: number; to: number } {
  return { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
}

export function misuseReport(input: MisuseReportInput): Report {
  const { from, to } = yearBounds(input.year);
  const items = input.items
    .filter((item) => item.at >= from && item.at < to && (input.ori === undefined || item.ori === input.ori))
    .sort((a, b) => a.at - b.at || a.id - b.id);
  const closed = items.filter((item) => item.status === 'closed');
  const byKind = new Map<string, number>();
  for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return {
    title: `ANNUAL MISUSE INVESTIGATION REPORT ${input.year}`,
    subtitle: [
      `DUE TO THE CALIFORNIA DEPARTMENT OF JUSTICE BY ${input.year + 1}-02-01${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      'EVERY INVESTIGATION OF THE YEAR, WITH OR WITHOUT A FINDING.',
    ],
    columns: [
      { key: 'id', header: 'ITEM', align: 'right' },
      { key: 'date', header: 'DATE' },
      { key: 'operator', header: 'OPERATOR' },
      { key: 'name', header: 'NAME' },
      { key: 'ori', header: 'ORI' },
      { key: 'kind', header: 'INDICATOR' },
      { key: 'action', header: 'TRANSACTION' },
      { key: 'key', header: 'MKE' },
      { key: 'detail', header: 'DETAIL' },
      { key: 'status', header: 'STATUS' },
      { key: 'finding', header: 'FINDING' },
      { key: 'closedBy', header: 'CLOSED BY' },
      { key: 'closedOn', header: 'CLOSED ON' },
    ],
    rows: items.map((item) => ({
      id: item.id, date: isoDate(item.at), operator: item.operatorId, name: input.names?.get(item.operatorId) ?? '', ori: item.ori,
      kind: item.kind.toUpperCase(), action: item.refused ? 'REFUSED' : 'ANSWERED', key: item.messageKey ?? '',
      detail: item.detail, status: item.status === 'closed' ? 'CLOSED' : 'OPEN',
      finding: item.finding ?? 'NONE YET (UNDER INVESTIGATION)', closedBy: item.closedBy ?? '', closedOn: item.closedAt === null ? '' : isoDate(item.closedAt),
    })),
    summary: [
      `INVESTIGATIONS ${items.length}  CLOSED WITH A FINDING ${closed.length}  OPEN ${items.length - closed.length}`,
      `BY INDICATOR: ${[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `${kind.toUpperCase()} ${count}`).join(', ') || 'NONE'}`,
    ],
  };
}
