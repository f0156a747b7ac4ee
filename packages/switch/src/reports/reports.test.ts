/**
 * Every coordinator report on the demo fixture data: traffic from fixture operators through
 * the switch's real pipeline with the CJIS policy (so the audit rows are the switch's own),
 * the review queue it fills, releases recorded through the API, and the fixture operators'
 * certification dates. Each report's output is checked, in text and CSV, and through the CLI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCertification, WELL_KNOWN } from '@clets/fixtures';
import { openAuditStore } from '../audit/sqlite-audit-store.js';
import { runReports } from '../cli/reports.js';
import type { OperatorSession } from '../security/policy.js';
import { DEMO_NOW, demoFixtures, keyDefinition, loginAt, pipelineHarness, testSecurity, type TestSecurity } from '../testing/security.js';
import { buildReport, type ReportRequest, type ReportSources } from './coordinator-reports.js';
import { renderCsv, renderText } from './report-format.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const CLEAN = 'NAM/TALLISTER,MAREN.SEX/F.DOB/19920703';
const ORI = 'CA0190000';

let security: TestSecurity;
const self = WELL_KNOWN.selfQueryOperator;
let sources: ReportSources;
const names = new Map<string, string>();
const dirs: string[] = [];

/** The demo day's traffic, release log and review findings. */
async function demoScenario(): Promise<void> {
  security = await testSecurity();
  const harness = pipelineHarness(security);
  const sessions = new Map<string, OperatorSession>();
  for (const [operator, terminal] of [['OP1001', 'LA01'], ['OP1003', 'LA03'], ['OP1005', 'LA02'], ['OP1002', 'LA04']] as const) {
    sessions.set(operator, await loginAt(security, operator, terminal));
  }
  const send = async (operator: string, line: string, expected: string): Promise<void> => {
    security.clock.now += 1_000;
    const frames = await harness.send(sessions.get(operator)!, line);
    expect([line, frames.find((frame) => frame.reject)?.reject?.code ?? 'answered']).toEqual([line, expected]);
  };
  const watched = WELL_KNOWN.watchListed;
  await send('OP1001', `QW.${ORI}.${CLEAN}.${RTE}`, 'answered');
  await send('OP1001', `QV.${ORI}.LIC/5JLM592.LIS/CA.${RTE}`, 'answered');
  await send('OP1001', `QW.${ORI}.${CLEAN}.RTE/REQ:DEP R VALE 4411;RSN:PEDESTRIAN STOP;NOCASE:FIELD CONTACT`, 'answered');
  await send('OP1001', `QW.${ORI}.${CLEAN}.RTE/REQ:DEP R VALE 4411;RSN:INFO;CASE:26-001234`, 'CLETS_ERR_ROUTE_TO_VAGUE_REASON');
  await send('OP1001', `QW.${ORI}.NAM/${watched.last},${watched.first}.SEX/F.DOB/${watched.dob}.${RTE}`, 'answered');
  await send('OP1003', `QW.${ORI}.${CLEAN}.${RTE}`, 'answered');
  await send('OP1003', `QW.${ORI}.${CLEAN}.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP`, 'CLETS_ERR_ROUTE_TO_INCOMPLETE');
  await send('OP1003', `QH.${ORI}.${CLEAN}.PUR/S.${RTE}`, 'CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY');
  await send('OP1005', `QW.${ORI}.${CLEAN}.${RTE}`, 'answered');
  await send('OP1005', `XW.${ORI}.NIC/W123456789.${RTE}`, 'CLETS_ERR_ROLE_NOT_PERMITTED');
  await send('OP1002', `QW.${ORI}.NAM/${self.last},${self.first}.SEX/F.DOB/${self.dob}.${RTE}`, 'CLETS_ERR_SELF_QUERY');
  await security.audit.flush();

  // The coordinator reviews the watch-list query and closes it.
  const watchItem = security.reviewQueue.list({ kind: 'watch-list' })[0]!;
  security.reviewQueue.close(watchItem.id, 'NOT SUSTAINED: TRAFFIC STOP, CASE 26-001234', 'OP1008', DEMO_NOW + 86_400_000);
  // The self-query becomes a case: investigated, substantiated, the operator counselled.
  const selfItem = security.reviewQueue.list({ kind: 'self-query' })[0]!;
  const opened = security.cases.open({
    ori: ORI, operatorId: 'OP1002', subject: `${self.last}, ${self.first}`, source: 'flag', allegation: 'OPERATOR QUERIED THEIR OWN RECORD',
    by: 'OP1008', at: DEMO_NOW + 2 * 86_400_000, reviewItemIds: [selfItem.id],
  });
  security.reviewQueue.attachToCase(selfItem.id, opened.id, 'OP1008', DEMO_NOW + 2 * 86_400_000);
  security.cases.close(opened.id, { finding: 'substantiated', sanction: 'counselling', summary: 'CURIOSITY', deactivation: null, by: 'OP1008', at: DEMO_NOW + 3 * 86_400_000 });

  // Releases of criminal history to outside agencies.
  const history = WELL_KNOWN.historyPerson;
  security.releaseLog.recordRelease({
    releasedOn: '2026-10-15', requester: 'JUDGE A MERCER', requestingAgency: 'SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES',
    information: `CORI ${history.sid}, 3 ARREST CYCLES`, transmittedBy: 'in-person', ori: ORI, releasedBy: 'OP1001', caseNumber: '26-000877', recordedBy: 'OP1008',
  }, DEMO_NOW);
  security.releaseLog.recordRelease({
    releasedOn: '2026-10-20', requester: 'PO K DANE', requestingAgency: 'LOS ANGELES COUNTY PROBATION DEPARTMENT',
    information: `III ${history.fbi}, SUMMARY`, transmittedBy: 'fax', ori: ORI, releasedBy: 'OP1003', recordedBy: 'OP1008',
  }, DEMO_NOW);
  security.releaseLog.recordRelease({
    releasedOn: '2023-01-15', requester: 'OLD REQUEST', requestingAgency: 'ELSEWHERE PD', information: 'CORI', transmittedBy: 'mail', ori: ORI, releasedBy: 'OP1001', recordedBy: 'OP1008',
  }, DEMO_NOW);

  for (const operator of security.store.operators()) names.set(operator.id, `${operator.name.last}, ${operator.name.first}`);
  sources = {
    settings: security.settings,
    auditRows: (from, to) => security.audit.query({ from, to, limit: 10_000 }),
    reviewQueue: security.reviewQueue,
    cases: security.cases,
    submissions: security.submissions,
    personnel: security.personnel,
    agencyRecords: security.agencyRecords,
    agencyNames: () => new Map(security.store.agencies().map((agency) => [agency.ori, agency.name])),
    releaseLog: security.releaseLog,
    operators: () => security.store.operators(),
    requiresRouteTo: (key) => keyDefinition(key).routeToRequired,
  };
}

beforeAll(demoScenario);
afterAll(() => {
  security?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function report(request: Omit<ReportRequest, 'now'> & { now?: number }): { text: string; csv: string } {
  const built = buildReport({ now: DEMO_NOW, ...request }, sources);
  return { text: renderText(built), csv: renderCsv(built) };
}

const csvName = (id: string): string => `"${names.get(id)}"`;

describe('route-to compliance report', () => {
  it('counts each operator\'s inquiries, complete route-tos, case numbers and refused attempts', () => {
    const { text, csv } = report({ report: 'route-to', from: '2026-11-01', to: '2026-11-02', ori: ORI });
    expect(csv.split('\r\n')).toEqual([
      'OPERATOR,NAME,ORI,ATTEMPTS,ACCEPTED,REFUSED,COMPLETE,WITH CASE NO,COMPLIANT %,CASE NO %',
      `OP1001,${csvName('OP1001')},${ORI},5,4,1,4,3,80.0,60.0`,
      `OP1003,${csvName('OP1003')},${ORI},3,1,2,1,1,33.3,33.3`,
      `OP1005,${csvName('OP1005')},${ORI},1,1,0,1,1,100.0,100.0`,
      '',
    ]);
    expect(text).toContain('ROUTE-TO COMPLIANCE BY OPERATOR (CORI AUDIT)\nPERIOD 2026-11-01 TO 2026-11-01  ORI CA0190000\n');
    expect(text).toMatch(/^OP1001 +.+ +CA0190000 +5 +4 +1 +4 +3 +80\.0 +60\.0$/m);
    expect(text).toContain('OPERATORS 3  ATTEMPTS 9  REFUSED 3  COMPLETE 6  COMPLIANT 66.7%  WITH CASE NUMBER 55.6%');
  });

  it('is empty for a period without traffic', () => {
    expect(report({ report: 'route-to', from: '2026-10-01', to: '2026-11-01' }).text).toContain('(none)');
  });
});

describe('annual misuse-investigation report', () => {
  it('lists the case the self-query became and the watch-list flag reviewed on the queue, with what DOJ asks', () => {
    const { text, csv } = report({ report: 'misuse', year: 2026 });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('CASE,OPENED,CLOSED,ORI,OPERATOR,NAME,HOW IT BEGAN,ALLEGATION,FINDING,SANCTION,DEACTIVATED');
    expect(lines.slice(1, -1)).toEqual([
      `FLAG 1,2026-11-01,2026-11-02,${ORI},OP1001,${csvName('OP1001')},FLAG: WATCH-LIST,ANSWERED QW: subject ${WELL_KNOWN.watchListed.personId} is on the high-profile watch list (PUBLIC OFFICIAL),"NOT SUSTAINED: TRAFFIC STOP, CASE 26-001234",,`,
      `CASE 1,2026-11-03,2026-11-04,${ORI},OP1002,${csvName('OP1002')},FLAG,OPERATOR QUERIED THEIR OWN RECORD,SUBSTANTIATED,COUNSELLING,`,
    ]);
    expect(text).toContain('ANNUAL MISUSE INVESTIGATION REPORT 2026\nDUE TO THE CALIFORNIA DEPARTMENT OF JUSTICE BY 2027-02-01\n');
    expect(text).toContain('INVESTIGATIONS 2  CASES 1 (CLOSED 1, OPEN 0)  FLAGS REVIEWED ON THE QUEUE 1\nFINDINGS: SUBSTANTIATED 1\nSANCTIONS: COUNSELLING 1\n');
  });

  it('reports the year due next February 1 by default, and nothing for another year', () => {
    expect(report({ report: 'misuse' }).text).toContain('REPORT 2026');
    expect(report({ report: 'misuse', now: Date.UTC(2027, 0, 20) }).text).toContain('REPORT 2026');
    expect(report({ report: 'misuse', year: 2025 }).text).toContain('INVESTIGATIONS 0');
  });
});

describe('third-party release log report', () => {
  it('lists the releases kept for 3 years', () => {
    const { text, csv } = report({ report: 'release-log' });
    expect(csv.split('\r\n')).toEqual([
      'DATE,REQUESTER,REQUESTING AGENCY,INFORMATION GIVEN,TRANSMITTED BY,RELEASED BY,ORI,CASE',
      `2026-10-15,JUDGE A MERCER,SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES,"CORI ${WELL_KNOWN.historyPerson.sid}, 3 ARREST CYCLES",IN-PERSON,OP1001,${ORI},26-000877`,
      `2026-10-20,PO K DANE,LOS ANGELES COUNTY PROBATION DEPARTMENT,"III ${WELL_KNOWN.historyPerson.fbi}, SUMMARY",FAX,OP1003,${ORI},`,
      '',
    ]);
    expect(text).toContain('RELEASED 2023-11-01 TO BEFORE 2026-11-02\nENTRIES ARE KEPT AT LEAST 3 YEARS: THE LOG HOLDS EVERY RELEASE SINCE 2023-11-01.');
    expect(text).toContain('RELEASES 2');
    expect(report({ report: 'release-log', from: '2023-01-01', to: '2023-12-31' }).text).toContain('OLD REQUEST');
  });
});

describe('expiring-certification report', () => {
  it('lists at the reference date only the certificates the fixtures built to be lapsed', async () => {
    const fixtures = await demoFixtures();
    const lapsed = fixtures.operators.filter((operator) => operator.ori === ORI && !operator.deactivated
      && ['exam_expired', 'employee_statement_lapsed', 'dmv_statement_lapsed'].includes(evaluateCertification(operator, '2026-11-01')));
    const { csv, text } = report({ report: 'expiring', ori: ORI, days: 90 });
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(lapsed.map((operator) => operator.id).sort());
    expect(rows.every((row) => row.endsWith(',LAPSED'))).toBe(true);
    expect(text).toContain(`LAPSED ${lapsed.length}  WITHIN 30 DAYS 0  WITHIN 60 DAYS 0  WITHIN 90 DAYS 0`);
  });

  it('shows every annual DMV statement of the reference day lapsing within 60 days on 2027-09-15', async () => {
    const fixtures = await demoFixtures();
    const now = Date.UTC(2027, 8, 15, 12);
    // The DMV statement is an operator's (FAO, LTFAO): administrators and coordinators sign none.
    const signedOnReferenceDay = fixtures.operators.filter((operator) => operator.ori === ORI && !operator.deactivated && operator.dmvStatementSignedOn === '2026-11-01'
      && (operator.role === 'FAO' || operator.role === 'LTFAO'));
    const { csv } = report({ report: 'expiring', ori: ORI, days: 60, now });
    const dmvRows = csv.split('\r\n').filter((row) => row.includes(',DMV STATEMENT,2027-11-02,48,60'));
    expect(dmvRows).toHaveLength(signedOnReferenceDay.length);
    const op1001 = security.store.operator('OP1001')!;
    expect(dmvRows).toContain(`OP1001,"${op1001.name.last}, ${op1001.name.first}",${ORI},FAO,DMV STATEMENT,2027-11-02,48,60`);
    expect(report({ report: 'expiring', ori: ORI, days: 30, now }).csv).not.toContain(',DMV STATEMENT,2027-11-02');
  });
});

describe('reports CLI', () => {
  it('prints each report from the database files, as the API builds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-reports-'));
    dirs.push(dir);
    const auditPath = join(dir, 'audit.db');
    const securityPath = join(dir, 'security.db');
    const store = openAuditStore({ path: auditPath, checkpointMode: 'timer' });
    for (const row of security.audit.query({ limit: 10_000 })) {
      const { seq: _seq, at: _at, atMs, prevHash: _prev, hash: _hash, ...event } = row;
      await store.append({ ...event, at: atMs });
    }
    await store.close();
    writeFileSync(securityPath, security.db.serialize());

    const run = (argv: string[]): { code: number; out: string; err: string } => {
      let out = '';
      let err = '';
      const code = runReports(argv, { out: (text) => { out += text; }, err: (line) => { err += `${line}\n`; } }, () => DEMO_NOW);
      return { code, out, err };
    };
    const routeTo = run(['--db', auditPath, '--security-db', securityPath, '--report', 'route-to', '--from', '2026-11-01', '--to', '2026-11-02', '--ori', ORI, '--format', 'csv']);
    expect(routeTo).toMatchObject({ code: 0, err: '' });
    expect(routeTo.out).toBe(report({ report: 'route-to', from: '2026-11-01', to: '2026-11-02', ori: ORI }).csv);
    expect(run(['--security-db', securityPath, '--report', 'misuse', '--year', '2026']).out).toBe(report({ report: 'misuse', year: 2026 }).text);
    expect(run(['--security-db', securityPath, '--report', 'release-log', '--now', '2026-11-01']).out).toBe(report({ report: 'release-log' }).text);
    expect(run(['--security-db', securityPath, '--report', 'expiring', '--ori', ORI, '--days', '60', '--now', '2027-09-15', '--format', 'csv']).out)
      .toBe(report({ report: 'expiring', ori: ORI, days: 60, now: Date.UTC(2027, 8, 15, 12) }).csv);
  });

  it('refuses bad arguments (exit 2) and unreadable databases (exit 1)', () => {
    const silent = { out: () => {}, err: () => {} };
    expect(runReports(['--report', 'nonsense'], silent)).toBe(2);
    expect(runReports(['--report', 'route-to'], silent)).toBe(2);
    expect(runReports(['--report', 'misuse'], silent)).toBe(2);
    expect(runReports(['--report', 'route-to', '--db', 'x.db', '--from', '01/11/2026'], silent)).toBe(2);
    expect(runReports(['--report', 'route-to', '--db', join(tmpdir(), 'no-such-audit.db')], silent)).toBe(1);
  });
});
