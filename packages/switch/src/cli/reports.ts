/**
 * reports: the Agency CLETS Coordinator's reports from the switch's databases.
 *
 *   clets-reports --report route-to|release-log|misuse|expiring|agency-changes
 *       [--db audit.db] [--security-db security.db] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *       [--ori ORI] [--days 30|60|90] [--year YYYY] [--now YYYY-MM-DD] [--format text|csv|json]
 *
 * route-to reads the audit log (--db); release-log, misuse, expiring and agency-changes read the security
 * database (--security-db). Both are opened read-only, so the command is safe beside a
 * running switch; for the same reason it cannot record its own reading of the audit log in
 * that log (the host's logs record who ran it, as for `clets-audit verify --read-only`). Prints the report on
 * stdout; exit 0, 1 when a database cannot be read, 2 on bad arguments.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CletsError } from '@clets/protocol';
import { buildReport, REPORT_NAMES, type ReportName, type ReportSources } from '../reports/coordinator-reports.js';
import { readAuditFile } from '../reports/audit-source.js';
import { ReleaseLog } from '../security/release-log.js';
import { renderReport, type ReportFormat } from '../reports/report-format.js';
import { catalogueRequiresRouteTo } from '../reports/route-to-keys.js';
import { OperatorStore } from '../security/operator-store.js';
import { AgencyRecords } from '../security/agency-records.js';
import { MisuseCases } from '../security/misuse-cases.js';
import { PersonnelStore } from '../security/personnel.js';
import { MisuseReportSubmissions } from '../security/misuse-report-submissions.js';
import { ReviewQueue } from '../security/review-queue.js';
import { openSecurityDatabase, type SecurityDatabase } from '../security/security-database.js';
import { CJIS_DEFAULT_SETTINGS } from '../security/settings.js';

export interface ReportsCommandOutput {
  out: (text: string) => void;
  err: (line: string) => void;
}

const USAGE = `usage: clets-reports --report ${REPORT_NAMES.join('|')} [--db AUDIT.db] [--security-db SECURITY.db]
  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--ori ORI] [--days N] [--year YYYY] [--now YYYY-MM-DD] [--format text|csv|json]

The Agency CLETS Coordinator's reports. route-to reads the audit database (--db); release-log,
misuse, expiring and agency-changes read the security database (--security-db); both are
opened read-only.
-h, --help prints this text. Exit 0; 1: a database cannot be read; 2: bad arguments.`;
const FORMATS: readonly ReportFormat[] = ['text', 'csv', 'json'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Runs the command; returns the exit code. `now` is the clock when --now is not given. */
export function runReports(argv: readonly string[], output: ReportsCommandOutput = defaultOutput, now: () => number = Date.now): number {
  let values: Record<string, string | undefined>;
  let help: boolean | undefined;
  try {
    ({ values: { help, ...values } } = parseArgs({
      args: [...argv],
      options: {
        report: { type: 'string' }, db: { type: 'string' }, 'security-db': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        ori: { type: 'string' }, days: { type: 'string' }, year: { type: 'string' }, now: { type: 'string' }, format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    output.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (help === true) {
    output.out(`${USAGE}\n`);
    return 0;
  }
  const usage = (problem: string): number => {
    output.err(`${problem}\n${USAGE}`);
    return 2;
  };
  const report = values['report'] as ReportName | undefined;
  if (report === undefined || !REPORT_NAMES.includes(report)) return usage('--report is required');
  const format = (values['format'] ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) return usage('--format must be text, csv or json');
  for (const name of ['from', 'to', 'now'] as const) {
    if (values[name] !== undefined && !DATE.test(values[name])) return usage(`--${name} must be YYYY-MM-DD`);
  }
  const days = values['days'] === undefined ? undefined : Number(values['days']);
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) return usage('--days must be a positive whole number');
  const year = values['year'] === undefined ? undefined : Number(values['year']);
  if (year !== undefined && (!Number.isInteger(year) || year < 1970 || year > 9999)) return usage('--year must be a year');
  const auditPath = values['db'];
  const securityPath = values['security-db'];
  if (report === 'route-to' && auditPath === undefined) return usage('--report route-to needs --db (the audit database)');
  if (report !== 'route-to' && securityPath === undefined) return usage(`--report ${report} needs --security-db (the security database)`);

  let security: SecurityDatabase | undefined;
  try {
    const sources: ReportSources = { settings: CJIS_DEFAULT_SETTINGS, requiresRouteTo: catalogueRequiresRouteTo };
    let withSecurity: ReportSources = sources;
    if (securityPath !== undefined) {
      security = openSecurityDatabase({ path: securityPath, readonly: true });
      const store = new OperatorStore(security);
      withSecurity = {
        ...sources,
        operators: () => store.operators(),
        reviewQueue: new ReviewQueue(security),
        cases: new MisuseCases(security),
        submissions: new MisuseReportSubmissions(security),
        personnel: new PersonnelStore(security),
        agencyRecords: new AgencyRecords(security),
        agencyNames: () => new Map(store.agencies().map((agency) => [agency.ori, agency.name])),
        releaseLog: new ReleaseLog(security, CJIS_DEFAULT_SETTINGS.releaseLog.retentionYears),
      };
    }
    const full: ReportSources = auditPath === undefined ? withSecurity : { ...withSecurity, auditRows: (from, to) => readAuditFile(auditPath, from, to) };
    const built = buildReport({
      report, from: values['from'], to: values['to'], ori: values['ori'], days, year,
      now: values['now'] === undefined ? now() : Date.parse(`${values['now']}T12:00:00Z`),
    }, full);
    output.out(renderReport(built, format));
    return 0;
  } catch (error) {
    if (error instanceof CletsError && error.code === 'CLETS_ERR_REQUEST_INVALID') return usage(error.message);
    output.err(`FAILED: ${(error as Error).message}`);
    return 1;
  } finally {
    security?.close();
  }
}

const defaultOutput: ReportsCommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runReports(process.argv.slice(2));
}
