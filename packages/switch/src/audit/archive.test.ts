import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { CletsError } from '@clets/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveAudit, checkRetention } from './archive.js';
import { openAuditStore } from './sqlite-audit-store.js';
import type { AuditEvent } from './types.js';
import { writeV1Database } from './v1-fixture.js';
import { verifyAuditArchives, verifyAuditDatabase } from './verify-database.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-archive-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const reader = { operatorId: 'ADMIN1', sourceAddress: 'host-1' };
const event = (at: number, i: number): AuditEvent => ({
  type: 'transaction', at, outcome: 'accepted', operatorId: 'OP1001', terminal: 'LA01', ori: 'CA0190000', messageKey: 'QV', inputSeq: i,
  subjectKeys: [`LIC:8ABC${String(i).padStart(3, '0')}/CA`],
});

/** A log of `days` days, one row a day, ending yesterday. */
async function logOf(days: number): Promise<{ path: string; out: string }> {
  const dir = tempDir();
  const path = join(dir, 'audit.db');
  const store = openAuditStore({ path, checkpointIntervalMs: 0 });
  for (let day = days; day >= 1; day -= 1) await store.append(event(NOW - day * DAY, days - day + 1));
  await store.close();
  return { path, out: join(dir, 'archive') };
}

const invalidField = (run: () => void): string | undefined => {
  try {
    run();
  } catch (error) {
    expect((error as CletsError).code).toBe('CLETS_ERR_REQUEST_INVALID');
    return (error as CletsError).field;
  }
  return undefined;
};

describe('retention', () => {
  it('keeps a year at least (CJIS) unless explicitly overridden', () => {
    expect(invalidField(() => checkRetention(NOW - 366 * DAY, NOW, 365, false))).toBeUndefined();
    expect(invalidField(() => checkRetention(NOW - 364 * DAY, NOW, 365, false))).toBe('before');
    expect(invalidField(() => checkRetention(NOW - 800 * DAY, NOW, 1095, false))).toBe('before');
    expect(invalidField(() => checkRetention(NOW - 400 * DAY, NOW, 30, false))).toBe('retentionDays');
    expect(invalidField(() => checkRetention(NOW - DAY, NOW, 365, true))).toBeUndefined();
    expect(invalidField(() => checkRetention(Number.NaN, NOW, 365, true))).toBe('before');
  });

  it('refuses to archive rows younger than the retention, and touches nothing', async () => {
    const { path, out } = await logOf(10);
    await expect(archiveAudit({ path, before: NOW - 5 * DAY, outDir: out, reader, now: () => NOW })).rejects.toBeInstanceOf(CletsError);
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 10 });
  });
});

describe('archive', () => {
  it('exports the rows before the cut-off, records it in the chain, prunes them; archive + live verify together', async () => {
    const { path, out } = await logOf(500);
    const result = await archiveAudit({ path, before: NOW - 400 * DAY, outDir: out, reader, now: () => NOW });
    expect(result).toMatchObject({ fromSeq: 1, throughSeq: 100, rows: 100, pruned: 100 });
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^clets-audit-[0-9a-f]{16}-000000000001-000000000100\.ndjson\.gz$/)]);
    const lines = gunzipSync(readFileSync(result.file ?? '')).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ archive: 'clets-audit-archive/1', fromSeq: 1, throughSeq: 100, throughHash: result.throughHash, firstKept: { seq: 101, prevHash: result.throughHash } });

    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT min(seq) AS first, count(*) AS n FROM audit_log').get()).toEqual({ first: 101, n: 401 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_subject WHERE key = 'LIC:8ABC001/CA'").get()).toEqual({ n: 0 });
    const action = db.prepare("SELECT operator_id AS operatorId, detail FROM audit_log WHERE type = 'admin_action'").get() as { operatorId: string; detail: string };
    db.close();
    expect(action.operatorId).toBe('ADMIN1');
    expect(JSON.parse(action.detail)).toMatchObject({ action: 'audit_archive', fromSeq: 1, throughSeq: 100, sha256: result.sha256 });

    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 401, archivedThrough: 100 });
    expect(await verifyAuditArchives(path, out)).toEqual({ ok: true, rows: 501, head: expect.objectContaining({ seq: 501 }) });

    // A second archive continues the first; the store keeps appending after both.
    const second = await archiveAudit({ path, before: NOW - 370 * DAY, outDir: out, reader, now: () => NOW });
    expect(second).toMatchObject({ fromSeq: 101, throughSeq: 130 });
    const store = openAuditStore({ path, checkpointIntervalMs: 0 });
    await store.append(event(NOW, 999));
    expect(store.search({ keys: ['LIC:8ABC999/CA'] }, 'all')).toHaveLength(1);
    expect(store.verify()).toMatchObject({ ok: true, archivedThrough: 130 });
    await store.close();
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: true, rows: 503 });
  });

  it('finds an altered, a missing and a foreign archive', async () => {
    const { path, out } = await logOf(420);
    const { file } = await archiveAudit({ path, before: NOW - 400 * DAY, outDir: out, reader, now: () => NOW });
    const original = readFileSync(file ?? '');
    const lines = gunzipSync(original).toString('utf8').split('\n');
    // A row of the archive changed: its hash no longer matches.
    lines[5] = (lines[5] ?? '').replace('"operatorId":"OP1001"', '"operatorId":"OP9999"');
    writeFileSync(file ?? '', gzipSync(lines.join('\n')));
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'hash does not match the row content' });
    // A row removed: the chain misses it.
    const shortened = gunzipSync(original).toString('utf8').split('\n');
    shortened.splice(3, 1);
    writeFileSync(file ?? '', gzipSync(shortened.join('\n')));
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: false, firstBadSeq: 3 });
    // Recompressed but identical rows: the chain holds, the digest the database recorded does not.
    writeFileSync(file ?? '', gzipSync(gunzipSync(original), { level: 1 }));
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: false, reason: expect.stringContaining('differs from the one the database recorded') });
    writeFileSync(file ?? '', 'not gzip');
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: false, firstBadSeq: 1 });
    rmSync(file ?? '');
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: false, firstBadSeq: 1, reason: expect.stringContaining('no archive') });
    writeFileSync(file ?? '', original);
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: true });
    // The live log alone does not need the file.
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true });
  });

  it('refuses live rows pruned under a forged archive record', async () => {
    const { path } = await logOf(30);
    const db = new Database(path);
    const row10 = db.prepare('SELECT hash FROM audit_log WHERE seq = 10').pluck().get() as string;
    db.prepare("INSERT INTO audit_archive VALUES (10, ?, 1, 10, 'forged.ndjson.gz', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(row10, 'f'.repeat(64));
    db.prepare('DELETE FROM audit_log WHERE seq <= 10').run();
    db.close();
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: false, firstBadSeq: 11, reason: 'archive through row 10 is not vouched for by an audit_archive row of the chain' });
  });

  it('keeps the append-only guard for rows no archive holds, and for the archive records', async () => {
    const { path, out } = await logOf(10);
    await archiveAudit({ path, before: NOW - 5 * DAY, outDir: out, reader, now: () => NOW, ignoreRetention: true });
    const db = new Database(path);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 6').run()).toThrow(/only archived rows may be pruned/);
    expect(() => db.prepare('DELETE FROM audit_subject').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_archive').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_archive SET sha256 = ?').run('0'.repeat(64))).toThrow(/append-only/);
    db.close();
  });

  it('archives rows of a log written before subject keys, and verifies across both chain formats', async () => {
    const dir = tempDir();
    const path = join(dir, 'audit.db');
    writeV1Database(path, Array.from({ length: 20 }, (_, i) => event(NOW - (40 - i) * DAY, i + 1)));
    const store = openAuditStore({ path, checkpointIntervalMs: 0 });
    for (let day = 20; day >= 1; day -= 1) await store.append(event(NOW - day * DAY, 100 + day));
    await store.close();
    const out = join(dir, 'archive');
    // Rows 1-20 (format 1) and 21-30 (format 2) are archived, 31-40 stay.
    const result = await archiveAudit({ path, before: NOW - 10 * DAY, outDir: out, reader, now: () => NOW, ignoreRetention: true });
    expect(result).toMatchObject({ throughSeq: 30 });
    const header = JSON.parse(gunzipSync(readFileSync(result.file ?? '')).toString('utf8').split('\n')[0] ?? '') as { formats: unknown };
    expect(header.formats).toEqual([{ format: 'clets-audit/1', fromSeq: 1 }, { format: 'clets-audit/2', fromSeq: 21 }]);
    expect(verifyAuditDatabase(path)).toMatchObject({ ok: true, rows: 11, archivedThrough: 30 });
    expect(await verifyAuditArchives(path, out)).toMatchObject({ ok: true, rows: 41 });
  });
});
