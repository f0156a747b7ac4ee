/**
 * Agency information changes to notify DOJ (seed 002: "Notify DOJ's CLETS Admin Section and
 * DOJ Field Representative: changes to Agency Head, ACC, SPOC, telephone, address"): every
 * change of the period, what it was and what it is, who made it, and whether DOJ was told.
 * By default the changes not yet notified, whenever they were made.
 */
import type { AgencyChange } from '../security/agency-records.js';
import { isoDate, type Report } from './report-format.js';

export interface AgencyChangesReportInput {
  readonly changes: readonly AgencyChange[];
  /** Agency names by ORI. */
  readonly agencies: ReadonlyMap<string, string>;
  /** 'YYYY-MM-DD' bounds, when a period was asked for; none: the changes still to notify. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly ori?: string | undefined;
}

const FIELD_WORDS: Readonly<Record<string, string>> = { head: 'AGENCY HEAD', acc: 'ACC', spoc: 'SPOC', telephone: 'TELEPHONE', address: 'ADDRESS' };

export function agencyChangesReport(input: AgencyChangesReportInput): Report {
  const pendingOnly = input.from === undefined && input.to === undefined;
  const pending = input.changes.filter((change) => change.notifiedAt === null).length;
  return {
    title: 'AGENCY INFORMATION CHANGES TO NOTIFY DOJ',
    subtitle: [
      `${pendingOnly ? 'CHANGES NOT YET NOTIFIED' : `CHANGES ${input.from ?? 'FROM THE START'} TO BEFORE ${input.to ?? 'TODAY'}`}${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      'TELL DOJ\'S CLETS ADMINISTRATION SECTION AND THE AGENCY\'S DOJ FIELD REPRESENTATIVE; THEN MARK THEM NOTIFIED.',
    ],
    columns: [
      { key: 'date', header: 'DATE' },
      { key: 'ori', header: 'ORI' },
      { key: 'agency', header: 'AGENCY' },
      { key: 'field', header: 'WHAT' },
      { key: 'from', header: 'WAS' },
      { key: 'to', header: 'IS NOW' },
      { key: 'by', header: 'CHANGED BY' },
      { key: 'notified', header: 'DOJ NOTIFIED' },
    ],
    rows: input.changes.map((change) => ({
      date: isoDate(change.at), ori: change.ori, agency: input.agencies.get(change.ori) ?? '', field: FIELD_WORDS[change.field] ?? change.field.toUpperCase(),
      from: change.from, to: change.to, by: change.by,
      notified: change.notifiedAt === null ? 'NOT YET' : `${isoDate(change.notifiedAt)} ${change.reference ?? ''}`.trim(),
    })),
    summary: [`CHANGES ${input.changes.length}  NOT YET NOTIFIED ${pending}`],
  };
}
