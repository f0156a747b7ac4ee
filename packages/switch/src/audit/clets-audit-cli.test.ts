// Tests of packages/switch/src/cli/clets-audit.ts (kept here: the cli folder holds commands only).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { subjectKeys } from '@clets/protocol';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCletsAudit } from '../cli/clets-audit.js';
import { openAuditStore } from './sqlite-audit-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const DAY = 86_400_000;
const NOW = Date.now();

interface Line { at: number; operator: string; terminal: string; ori: string; line: string; reason: string; outcome?: 'hit' | 'no_record' | 'refused' }

/** A county audit log as the switch writes it: transactions, their answers, refusals, logons. */
async function county(lines: readonly Line[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-audit-cmd-'));
  dirs.push(dir);
  const path = join(dir, 'audit.db');
  const store = openAuditStore({ path, checkpointIntervalMs: 0 });
  for (const [index, entry] of lines.entries()) {
    const who = { operatorId: entry.operator, terminal: entry.terminal, ori: entry.ori, messageKey: entry.line.slice(0, entry.line.indexOf('.')) };
    if (entry.outcome === 'refused') {
      await store.append({ type: 'reject', at: entry.at, outcome: 'rejected', code: 'CLETS_ERR_ROUTE_TO_MISSING', ...who, subjectKeys: subjectKeys({ text: entry.line }) });
      continue;
    }
    const { seq } = await store.append({
      type: 'transaction', at: entry.at, outcome: 'accepted', ...who, inputSeq: index + 1, routeTo: { requester: 'DEP R VALE 4411', reason: entry.reason },
      subjectKeys: subjectKeys({ text: entry.line }),
    });
    await store.append({
      type: 'response', at: entry.at + 40, outcome: entry.outcome ?? 'no_record', ...who, inputSeq: index + 1,
      detail: { system: 'NCIC', records: entry.outcome === 'hit' ? ['WANTED PERSON:W123456789'] : [], auditSeq: seq },
    });
  }
  await store.append({ type: 'logon', at: NOW, outcome: 'success', operatorId: 'OP1001' });
  await store.close();
  return path;
}

const LINES: Line[] = [
  { at: NOW - 400 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412', reason: 'OLD STOP', outcome: 'hit' },
  { at: NOW - 2 * DAY, operator: 'OP1002', terminal: 'LA02', ori: 'CA0190000', line: 'QW.CA0190000.NAM/CORVALE,DESMIN.DOB/19860412', reason: 'CURIOSITY' },
  { at: NOW - DAY, operator: 'OP3701', terminal: 'SD01', ori: 'CA0370000', line: 'QW.CA0370000.NAM/KORVALE,DESMIN.DOB/19860412', reason: 'WARRANT SERVICE', outcome: 'hit' },
  { at: NOW - DAY + 1, operator: 'OP1002', terminal: 'LA02', ori: 'CA0190000', line: 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412', reason: '', outcome: 'refused' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'QV.CA0190000.LIC/8ABC123.LIS/CA.VIN/1M8GDM9AXKP042788', reason: 'PARKED CAR' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'DQ.CA0190000.OLN/D1234567.OLS/CA.SOC/900123456', reason: 'TRAFFIC STOP' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'QG.CA0190000.SER/TX-12345', reason: 'PAWN CHECK' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'QR.CA0190000.FBI/123456AB1', reason: 'BOOKING' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'QR.CA0190000.SID/CA12345678', reason: 'BOOKING' },
  { at: NOW - 3 * DAY, operator: 'OP1001', terminal: 'LA01', ori: 'CA0190000', line: 'XW.CA0190000.NIC/W123456789.OCA/26-001234', reason: 'RECALLED' },
];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCletsAudit(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const seqsOf = async (args: string[]): Promise<string[]> => {
  const { code, out } = await run(['search', ...args, '--json']);
  expect(code).toBe(0);
  return (JSON.parse(out) as { hits: { messageKey: string; operatorId: string }[] }).hits.map((hit) => `${hit.messageKey}:${hit.operatorId}`);
};

describe('clets-audit search', () => {
  let db = '';
  beforeEach(async () => {
    db = await county(LINES);
  });

  it('answers who looked up a person, sound-alike spellings and refusals included, and records the read', async () => {
    const { code, out } = await run(['search', '--db', db, '--name', 'KORVALE, DESMIN', '--dob', '19860412', '--reader', 'ACC19']);
    expect(code).toBe(0);
    expect(out).toContain('QW  HIT  operator OP1001 at terminal LA01 (CA0190000)');
    expect(out).toContain('route-to: requester: DEP R VALE 4411; reason: CURIOSITY');
    expect(out).toContain('QW  REFUSED  operator OP1002 at terminal LA02 (CA0190000)');
    expect(out).toContain('records: WANTED PERSON:W123456789');
    expect(out).toMatch(/4 transactions found \(this search is recorded in the audit log\)$/);
    const reads = new Database(db, { readonly: true }).prepare("SELECT operator_id AS operatorId, detail FROM audit_log WHERE type = 'audit_read'").all() as { operatorId: string; detail: string }[];
    expect(reads).toHaveLength(1);
    expect(reads[0]?.operatorId).toBe('ACC19');
    expect(JSON.parse(reads[0]?.detail ?? '')).toMatchObject({ action: 'search', search: { keys: ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412'] }, scope: 'all' });
  });

  it('shows the last system\'s answer that the completion row records beside the answers of response rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-audit-cmd-'));
    dirs.push(dir);
    const path = join(dir, 'audit.db');
    const store = openAuditStore({ path, checkpointIntervalMs: 0 });
    const line = 'QW.CA0190000.NAM/TALLISTER,MAREN.DOB/19920703';
    const who = { operatorId: 'OP1004', terminal: 'LA04', ori: 'CA0190000', messageKey: 'QW' };
    const { seq } = await store.append({
      type: 'transaction', at: NOW - DAY, outcome: 'accepted', ...who, inputSeq: 1, routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP' },
      destinations: ['NCIC', 'CORI'], subjectKeys: subjectKeys({ text: line }),
    });
    await store.append({ type: 'response', at: NOW - DAY + 10, outcome: 'no_record', ...who, inputSeq: 1, detail: { system: 'NCIC', records: [], auditSeq: seq } });
    await store.append({
      type: 'completion', at: NOW - DAY + 12, outcome: 'complete', ...who, inputSeq: 1,
      detail: { answered: ['NCIC', 'CORI'], failed: [], ms: 12, auditSeq: seq, responses: [{ system: 'CORI', outcome: 'hit', records: ['WPS:W297823148'] }] },
    });
    await store.close();
    const { code, out } = await run(['search', '--db', path, '--name', 'TALLISTER,MAREN', '--dob', '19920703', '--reader', 'ACC19']);
    expect(code).toBe(0);
    expect(out).toContain('QW  HIT  operator OP1004 at terminal LA04 (CA0190000)');
    expect(out).toContain('answers: NCIC no_record, CORI hit');
    expect(out).toContain('records: WPS:W297823148');
  });

  it('searches by every key kind and filter', async () => {
    expect(await seqsOf(['--db', db, '--name', 'KORVALE,DESMIN', '--dob', '19860412', '--exact'])).toEqual(['QW:OP1001', 'QW:OP3701', 'QW:OP1002']);
    expect(await seqsOf(['--db', db, '--name', 'CORVALE,DESMIN'])).toEqual(['QW:OP1001', 'QW:OP1002', 'QW:OP3701', 'QW:OP1002']);
    expect(await seqsOf(['--db', db, '--plate', '8ABC123', '--state', 'CA'])).toEqual(['QV:OP1001']);
    expect(await seqsOf(['--db', db, '--plate', '8ABC123', '--state', 'NV'])).toEqual([]);
    expect(await seqsOf(['--db', db, '--vin', '1M8GDM9AXKP042788'])).toEqual(['QV:OP1001']);
    expect(await seqsOf(['--db', db, '--oln', 'D1234567', '--state', 'CA'])).toEqual(['DQ:OP1001']);
    expect(await seqsOf(['--db', db, '--oln', 'D1234567'])).toEqual(['DQ:OP1001']);
    expect(await seqsOf(['--db', db, '--soc', '900-12-3456'])).toEqual(['DQ:OP1001']);
    expect(await seqsOf(['--db', db, '--serial', 'TX12345'])).toEqual(['QG:OP1001']);
    expect(await seqsOf(['--db', db, '--fbi', '123456AB1'])).toEqual(['QR:OP1001']);
    expect(await seqsOf(['--db', db, '--sid', 'A12345678'])).toEqual(['QR:OP1001']);
    expect(await seqsOf(['--db', db, '--nic', 'W123456789'])).toEqual(['XW:OP1001']);
    expect(await seqsOf(['--db', db, '--case', '26-001234'])).toEqual(['XW:OP1001']);
    expect(await seqsOf(['--db', db, '--operator', 'OP1002'])).toEqual(['QW:OP1002', 'QW:OP1002']);
    expect(await seqsOf(['--db', db, '--terminal', 'SD01'])).toEqual(['QW:OP3701']);
    expect(await seqsOf(['--db', db, '--ori', 'CA0370000'])).toEqual(['QW:OP3701']);
    const today = new Date(NOW - 2 * DAY).toISOString().slice(0, 10);
    expect(await seqsOf(['--db', db, '--name', 'KORVALE,DESMIN', '--from', today])).toEqual(['QW:OP1002', 'QW:OP3701', 'QW:OP1002']);
    expect(await seqsOf(['--db', db, '--name', 'KORVALE,DESMIN', '--to', new Date(NOW - 10 * DAY).toISOString()])).toEqual(['QW:OP1001']);
    expect(await seqsOf(['--db', db, '--name', 'KORVALE,DESMIN', '--scope', 'CA0370000'])).toEqual(['QW:OP3701']);
  });

  it('refuses bad arguments with the reason and the usage, and never creates a database', async () => {
    for (const args of [
      ['search', '--db', db, '--dob', '19860412'], ['search', '--db', db, '--name', 'KORVALE'], ['search', '--db', db, '--state', 'CA'],
      ['search', '--db', db, '--exact'], ['search', '--db', db, '--from', 'yesterday'], ['search', '--db', db, '--limit', '0'],
      ['search', '--name', 'A,B'], ['search', '--db', db, '--bogus'], ['bogus'], [],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/usage: clets-audit/);
    }
    expect((await run(['search', '--db', db, '--dob', '19860412'])).err).toMatch(/^dob needs a name/);
    const missing = join(dirname(db), 'missing.db');
    const result = await run(['search', '--db', missing, '--vin', '1M8GDM9AXKP042788']);
    expect(result).toMatchObject({ code: 1, err: expect.stringMatching(/^FAILED: cannot read audit database/) });
    expect(existsSync(missing)).toBe(false);
  });

  it('explains itself with --help', async () => {
    for (const command of ['search', 'verify', 'archive']) {
      const { code, out } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: clets-audit ${command} --db FILE`));
    }
    expect((await run(['--help'])).out).toMatch(/commands:\n  search/);
  });
});

describe('clets-audit verify and archive', () => {
  it('archives rows past the retention, verifies archive and live log together, and finds a tampered archive', async () => {
    const db = await county(LINES);
    const out = join(dirname(db), 'archive');
    // The retention guard: rows younger than a year stay unless overridden. Rows are archived
    // as a prefix of the log: up to the first row at or after the cut-off.
    const refused = await run(['archive', '--db', db, '--before', new Date(NOW - 30 * DAY).toISOString().slice(0, 10), '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/younger than the retention of 365 days/);
    const archived = await run(['archive', '--db', db, '--before', new Date(NOW - 366 * DAY).toISOString().slice(0, 10), '--out', out, '--reader', 'ADMIN1']);
    expect(archived).toMatchObject({ code: 0, out: expect.stringMatching(/^archived rows 1\.\.2 \(2\) to .*\.ndjson\.gz\n    anchor: row 2 hash [0-9a-f]{64}/) });
    expect((await run(['verify', '--db', db])).out).toMatch(/^ok: \d+ live rows after archived row 2, chain verified$/);
    expect((await run(['verify', '--db', db, '--archive', out])).out).toMatch(/^ok: \d+ rows, archives and live log, chain verified$/);
    // The archived look-up is no longer in the live search; the archive holds it.
    expect(await seqsOf(['--db', db, '--name', 'KORVALE,DESMIN', '--exact', '--operator', 'OP1001'])).toEqual([]);

    const [file] = readdirSync(out);
    const path = join(out, file ?? '');
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace('OLD STOP', 'NEW STOP');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const tampered = await run(['verify', '--db', db, '--archive', out, '--json']);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out)).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'hash does not match the row content' });
    // The live log alone is still intact.
    expect((await run(['verify', '--db', db])).code).toBe(0);
  });

  it('records its read unless read-only, and fails on an altered row', async () => {
    const db = await county(LINES.slice(0, 3));
    const count = (): number => new Database(db, { readonly: true }).prepare("SELECT count(*) FROM audit_log WHERE type = 'audit_read'").pluck().get() as number;
    expect(await run(['verify', '--db', db, '--reader', 'AUDITOR'])).toMatchObject({ code: 0, out: 'ok: 8 rows, chain verified' });
    expect(count()).toBe(1);
    expect(await run(['verify', '--db', db, '--read-only'])).toMatchObject({ code: 0, out: 'ok: 8 rows, chain verified' });
    expect(count()).toBe(1);
    const attacker = new Database(db);
    attacker.exec('DROP TRIGGER audit_log_no_update');
    attacker.prepare("UPDATE audit_log SET route_to = '{\"reason\":\"WARRANT\"}' WHERE seq = 3").run();
    attacker.close();
    expect(await run(['verify', '--db', db, '--read-only'])).toMatchObject({ code: 1, out: 'FAILED at seq 3: hash does not match the row content' });
  });

  it('runs as a command with tsx, search, verify and archive, with exit codes', async () => {
    const db = await county(LINES);
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const cli = join(root, 'packages/switch/src/cli/clets-audit.ts');
    const exec = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(tsx, [cli, ...args], { cwd: root }, (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });
    const search = await exec(['search', '--db', db, '--name', 'KORVALE,DESMIN', '--dob', '19860412', '--json']);
    expect(search.code).toBe(0);
    expect((JSON.parse(search.stdout) as { count: number }).count).toBe(4);
    expect(await exec(['verify', '--db', db])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ rows, chain verified\n$/) });
    const archive = await exec(['archive', '--db', db, '--before', new Date(NOW - 2.5 * DAY).toISOString(), '--out', join(dirname(db), 'a'), '--ignore-retention', '--json']);
    expect(archive.code).toBe(0);
    // The first row younger than the cut-off is row 3: rows 1-2 go, even though later rows are older.
    expect(JSON.parse(archive.stdout)).toMatchObject({ fromSeq: 1, throughSeq: 2, rows: 2, pruned: 2 });
    expect(await exec(['verify', '--db', db, '--archive', join(dirname(db), 'a')])).toMatchObject({ code: 0 });
    expect(await exec(['search', '--db', db, '--state', 'CA'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^state needs an OLN or a plate/) });
  }, 60_000);
});
