/**
 * The Agency CLETS Coordinator's reports behind one entry point, shared by the CLI and the
 * administration API: which report, which period and agency, and where its data comes from.
 */
import { CletsError } from '@clets/protocol';
import type { AuditRow } from '../audit/types.js';
import { dayOf, dayOfInstant, isoOfDay } from '../security/certification.js';
import type { OperatorRecord } from '../security/operator-store.js';
import type { AgencyRecords } from '../security/agency-records.js';
import type { MisuseCases } from '../security/misuse-cases.js';
import type { PersonnelStore } from '../security/personnel.js';
import type { MisuseReportSubmissions } from '../security/misuse-report-submissions.js';
import type { ReviewQueue } from '../security/review-queue.js';
import { VagueReasonRule } from '../security/route-to-rules.js';
import type { CjisSettings } from '../security/settings.js';
import { agencyChangesReport } from './agency-changes-report.js';
import { expiringCertificationsReport } from './expiring-certifications.js';
import { misuseReport, yearBounds } from './misuse-report.js';
import type { ReleaseLog } from '../security/release-log.js';
import { releaseLogReport } from './release-log-report.js';
import type { Report } from './report-format.js';
import { routeToComplianceReport } from './route-to-compliance.js';

export const REPORT_NAMES = ['route-to', 'release-log', 'misuse', 'expiring', 'agency-changes'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export interface ReportRequest {
  readonly report: ReportName;
  /** 'YYYY-MM-DD', inclusive. */
  readonly from?: string | undefined;
  /** 'YYYY-MM-DD', exclusive. */
  readonly to?: string | undefined;
  readonly ori?: string | undefined;
  /** Expiring report horizon (30, 60, 90). */
  readonly days?: number | undefined;
  /** Misuse report year. */
  readonly year?: number | undefined;
  readonly now: number;
}

export interface ReportSources {
  readonly settings: CjisSettings;
  /** Audit rows (transactions and rejects) of [from, to). */
  readonly auditRows?: (from: number, to: number) => Iterable<AuditRow>;
  readonly reviewQueue?: ReviewQueue;
  readonly cases?: MisuseCases;
  readonly submissions?: MisuseReportSubmissions;
  readonly releaseLog?: ReleaseLog;
  readonly operators?: () => readonly OperatorRecord[];
  readonly personnel?: PersonnelStore;
  readonly agencyRecords?: AgencyRecords;
  /** Agency names by ORI (the agency-changes report). */
  readonly agencyNames?: () => ReadonlyMap<string, string>;
  /** Whether a message key needs a route-to (the catalogue's routeToRequired). */
  readonly requiresRouteTo?: (messageKey: string) => boolean;
}

const DAY = 86_400_000;

function dayMs(iso: string, field: string): number {
  try {
    return dayOf(iso) * DAY;
  } catch {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `${field} must be YYYY-MM-DD`, { field });
  }
}

/** [from, to) in epoch ms; default: the 30 days up to and including today. */
function period(request: ReportRequest, defaultDays: number): { from: number; to: number } {
  const to = request.to === undefined ? (dayOfInstant(request.now) + 1) * DAY : dayMs(request.to, 'to');
  const from = request.from === undefined ? to - defaultDays * DAY : dayMs(request.from, 'from');
  if (from >= to) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'from must be before to', { field: 'from' });
  return { from, to };
}

function missing(what: string): CletsError {
  return new CletsError('CLETS_ERR_NOT_FOUND', `this report needs ${what}`);
}

/** The year whose misuse report is due next February 1: last year in January, else this year. */
export function defaultMisuseYear(now: number): number {
  const date = new Date(now);
  return date.getUTCMonth() === 0 ? date.getUTCFullYear() - 1 : date.getUTCFullYear();
}

export function buildReport(request: ReportRequest, sources: ReportSources): Report {
  const names = new Map((sources.operators?.() ?? []).map((operator) => [operator.id, `${operator.name.last}, ${operator.name.first}`]));
  switch (request.report) {
    case 'route-to': {
      if (sources.auditRows === undefined || sources.requiresRouteTo === undefined) throw missing('the audit log');
      const { from, to } = period(request, 30);
      return routeToComplianceReport({
        rows: sources.auditRows(from, to), from, to, ori: request.ori, requiresRouteTo: sources.requiresRouteTo,
        vague: new VagueReasonRule(sources.settings.routeTo), names,
      });
    }
    case 'release-log': {
      if (sources.releaseLog === undefined) throw missing('the release log');
      const retainedSince = sources.releaseLog.retainedSince(request.now);
      const to = request.to ?? isoOfDay(dayOfInstant(request.now) + 1);
      const from = request.from ?? retainedSince;
      dayMs(from, 'from');
      dayMs(to, 'to');
      return releaseLogReport({ entries: sources.releaseLog.list({ from, to, ori: request.ori }), from, to, ori: request.ori, retainedSince });
    }
    case 'misuse': {
      if (sources.reviewQueue === undefined) throw missing('the review queue');
      const year = request.year ?? (request.from === undefined ? defaultMisuseYear(request.now) : new Date(dayMs(request.from, 'from')).getUTCFullYear());
      const { from, to } = yearBounds(year);
      return misuseReport({
        cases: sources.cases?.list({ ori: request.ori, from, to }) ?? [],
        items: sources.reviewQueue.list({ ori: request.ori, from, to, limit: 100_000 }), year, ori: request.ori, names,
        submission: request.ori === undefined ? undefined : sources.submissions?.submission(request.ori, year),
      });
    }
    case 'expiring': {
      if (sources.operators === undefined) throw missing('the operator store');
      const days = request.days ?? 90;
      if (!Number.isInteger(days) || days < 1 || days > 366) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'days must be 1 to 366', { field: 'days' });
      return expiringCertificationsReport({
        operators: sources.operators(), personnel: sources.personnel?.list({ ori: request.ori }) ?? [],
        agencies: sources.agencyRecords?.list() ?? [], now: request.now, days, ori: request.ori, settings: sources.settings.certification,
      });
    }
    case 'agency-changes': {
      if (sources.agencyRecords === undefined) throw missing('the agency records');
      const from = request.from === undefined ? undefined : dayMs(request.from, 'from');
      const to = request.to === undefined ? undefined : dayMs(request.to, 'to');
      const pending = from === undefined && to === undefined;
      return agencyChangesReport({
        changes: sources.agencyRecords.changes({ ori: request.ori, from, to, pending }), agencies: sources.agencyNames?.() ?? new Map(),
        from: request.from, to: request.to, ori: request.ori,
      });
    }
  }
}
