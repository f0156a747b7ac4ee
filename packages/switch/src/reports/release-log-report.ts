/**
 * The third-party release log as a report: requester, requesting agency, date, information
 * given and how it was transmitted, for a period (docs/domain.md section 3; kept 3 years).
 */
import type { ReleaseEntry } from '../security/release-log.js';
import type { Report } from './report-format.js';

export interface ReleaseLogReportInput {
  readonly entries: readonly ReleaseEntry[];
  /** 'YYYY-MM-DD', inclusive. */
  readonly from: string;
  /** 'YYYY-MM-DD', exclusive. */
  readonly to: string;
  readonly ori?: string | undefined;
  /** The first date still kept (retention). */
  readonly retainedSince: string;
}

export function releaseLogReport(input: ReleaseLogReportInput): Report {
  const entries = input.entries.filter((entry) => entry.releasedOn >= input.from && entry.releasedOn < input.to && (input.ori === undefined || entry.ori === input.ori));
  return {
    title: 'THIRD-PARTY RELEASE LOG (CORI / III)',
    subtitle: [
      `RELEASED ${input.from} TO BEFORE ${input.to}${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      `ENTRIES ARE KEPT AT LEAST 3 YEARS: THE LOG HOLDS EVERY RELEASE SINCE ${input.retainedSince}.`,
    ],
    columns: [
      { key: 'date', header: 'DATE' },
      { key: 'requester', header: 'REQUESTER' },
      { key: 'agency', header: 'REQUESTING AGENCY' },
      { key: 'information', header: 'INFORMATION GIVEN' },
      { key: 'method', header: 'TRANSMITTED BY' },
      { key: 'releasedBy', header: 'RELEASED BY' },
      { key: 'ori', header: 'ORI' },
      { key: 'caseNumber', header: 'CASE' },
    ],
    rows: entries.map((entry) => ({
      date: entry.releasedOn, requester: entry.requester, agency: entry.requestingAgency, information: entry.information,
      method: entry.transmittedBy.toUpperCase(), releasedBy: entry.releasedBy, ori: entry.ori, caseNumber: entry.caseNumber ?? '',
    })),
    summary: [`RELEASES ${entries.length}`],
  };
}
