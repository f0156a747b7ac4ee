// Tests of `clets-audit verify` (packages/switch/src/cli/clets-audit.ts; kept here: the cli folder holds commands only)
// on a database it must not write to (--read-only): an intact chain, an altered row, an anchor, JSON, bad files and arguments.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCletsAudit } from '../cli/clets-audit.js';
import { openAuditStore } from './sqlite-audit-store.js';

const dir = mkdtempSync(join(tmpdir(), 'clets-audit-cli-'));
const good = join(dir, 'good.db');
const bad = join(dir, 'bad.db');
let anchor = { seq: 0, hash: '' };

beforeAll(async () => {
  for (const path of [good, bad]) {
    const store = openAuditStore({ path });
    const receipts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.append({ type: 'transaction', at: 1_700_000_000_000 + i, outcome: 'accepted', inputSeq: i })),
    );
    if (path === good) anchor = receipts[9] as typeof anchor;
    await store.close();
  }
  const db = new Database(bad);
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET outcome = 'rejected' WHERE seq = 17").run();
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const options = args.includes('--help') ? args : [...args, '--read-only'];
  const code = await runCletsAudit(['verify', ...options], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('clets-audit verify', () => {
  it('prints ok and exits 0 for an intact chain', async () => {
    expect(await run(['--db', good])).toEqual({ code: 0, out: ['ok: 30 rows, chain verified'], err: [] });
  });

  it('prints the first bad seq and exits 1 for an altered row', async () => {
    expect(await run(['--db', bad])).toEqual({ code: 1, out: ['FAILED at seq 17: hash does not match the row content'], err: [] });
  });

  it('checks an external anchor', async () => {
    expect((await run(['--db', good, '--anchor-seq', '10', '--anchor-hash', anchor.hash])).code).toBe(0);
    expect((await run(['--db', good, '--anchor-seq', '10', '--anchor-hash', 'e'.repeat(64)])).out).toEqual([
      'FAILED at seq 10: hash differs from the external anchor',
    ]);
  });

  it('answers in JSON on request', async () => {
    const { code, out } = await run(['--db', bad, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ ok: false, rows: 16, firstBadSeq: 17 });
  });

  it('fails on a file that is missing or not an audit database, without creating it', async () => {
    const missing = await run(['--db', join(dir, 'nope.db')]);
    expect(missing.code).toBe(1);
    expect(missing.out[0]).toMatch(/^FAILED: cannot read audit database/);
    const other = join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect((await run(['--db', other])).code).toBe(1);
  });

  it('exits 2 on bad arguments', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--db'])).code).toBe(2);
    expect((await run(['--db', good, '--bogus'])).code).toBe(2);
    expect((await run(['--db', good, '--anchor-seq', 'x', '--anchor-hash', 'y'])).code).toBe(2);
  });

  it('prints its usage on --help and exits 0', async () => {
    const { code, out, err } = await run(['--help']);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: clets-audit verify --db FILE/);
    expect(err).toEqual([]);
  });

  it('runs as the clets-audit command under node and sets the exit code', async () => {
    // The command an operator runs: the package's bin, linked by the package manager,
    // running the compiled file (the test run compiles the workspace first).
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const bin = join(root, 'node_modules', '.bin', 'clets-audit');
    const exec = (db: string) =>
      new Promise<{ code: number; stdout: string }>((done) => {
        execFile(bin, ['verify', '--db', db, '--read-only'], { cwd: root }, (error, stdout) => done({ code: error ? Number(error.code) : 0, stdout }));
      });
    expect(await exec(good)).toEqual({ code: 0, stdout: 'ok: 30 rows, chain verified\n' });
    expect(await exec(bad)).toEqual({ code: 1, stdout: 'FAILED at seq 17: hash does not match the row content\n' });
  }, 60_000);
});
