/**
 * Audit retention and archive. CJIS: audit records are kept at least one year; after that an
 * agency may move them off the live system, but the chain must still prove them. `archiveAudit`
 * exports the rows older than a cut-off to a compressed NDJSON file (archive-file.ts), records
 * the archive in the chain (an `admin_action` row, `audit_archive`, before anything is
 * removed) and in the `audit_archive` table, then prunes the rows from the live database.
 * `verifyAuditArchives` proves the archives and the live log together.
 *
 * Order of the steps, so that no row is lost whatever moment the process dies at:
 *  1. the rows are verified as they are written to `<name>.partial`, which is synced, renamed
 *     to its final name, and read back and verified again;
 *  2. the `audit_archive` action row is appended (committed) in the chain;
 *  3. the archive is recorded in `audit_archive`, which is what lets those rows be deleted;
 *  4. the rows are deleted, a few thousand per transaction, so a switch writing beside it waits
 *     only a few milliseconds for the lock each time. An interrupted prune is finished by the
 *     next run; until then the rows left over are skipped by verification (they are archived).
 * Freed pages are reused by new rows; the file does not shrink (no VACUUM on a live log).
 */
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { CletsError } from '@clets/protocol';
import { ARCHIVE_FORMAT, archiveFileName, archiveLine, openArchive, type ArchiveHeader } from './archive-file.js';
import { ChainVerifier } from './chain.js';
import { decodeSubjectKeys, formatAuditTime, isValidAuditTime, type StoredAuditRow } from './record.js';
import { openAuditStore, type SqliteAuditStore } from './sqlite-audit-store.js';
import { iterateRows, readLayout } from './sqlite-schema.js';
import type { AuditReader } from './types.js';

/** CJIS Security Policy: audit records are retained for at least one year. */
export const MIN_AUDIT_RETENTION_DAYS = 365;
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
/** Rows deleted per transaction when pruning. */
const PRUNE_CHUNK_ROWS = 2000;
const DAY_MS = 86_400_000;

export interface ArchiveOptions {
  /** The live audit database. */
  path: string;
  /** Rows older than this (epoch ms) are archived. */
  before: number;
  /** Folder the archive file is written to (created if missing). */
  outDir: string;
  /** Who runs the archive: recorded in the chain. */
  reader: AuditReader;
  /** Rows younger than this many days are never archived. Default 365, at least 365. */
  retentionDays?: number;
  /** Lets a cut-off inside the retention period through: for tests and demonstrations only. */
  ignoreRetention?: boolean;
  /** Default Date.now. */
  now?: () => number;
  /** Default 5000: the archive waits this long for a running switch's write lock. */
  busyTimeoutMs?: number;
}

export interface ArchiveResult {
  /** The archive file written, or undefined when no row was old enough. */
  file?: string;
  fromSeq: number;
  throughSeq: number;
  throughHash: string;
  rows: number;
  sha256?: string;
  /** Rows deleted from the live database by this run (an interrupted earlier prune included). */
  pruned: number;
}

/**
 * The latest cut-off the retention allows: rows younger than `retentionDays` stay. Throws
 * CLETS_ERR_REQUEST_INVALID for a retention under the CJIS year or a cut-off inside it,
 * unless `ignoreRetention`.
 */
export function checkRetention(before: number, now: number, retentionDays: number, ignoreRetention: boolean): void {
  if (!isValidAuditTime(before)) throw invalid('before', 'must be a date between 1970 and 9999');
  if (!Number.isSafeInteger(retentionDays) || retentionDays < 1) throw invalid('retentionDays', 'must be a positive whole number of days');
  if (ignoreRetention) return;
  if (retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw invalid('retentionDays', `is ${retentionDays}: audit records are kept at least ${MIN_AUDIT_RETENTION_DAYS} days (CJIS)`);
  }
  const latest = now - retentionDays * DAY_MS;
  if (before > latest) {
    throw invalid('before', `${formatAuditTime(before).slice(0, 10)} would archive rows younger than the retention of ${retentionDays} days: use ${formatAuditTime(latest).slice(0, 10)} or earlier`);
  }
}

/** Exports rows older than `before`, records the archive, prunes them. */
export async function archiveAudit(options: ArchiveOptions): Promise<ArchiveResult> {
  const now = options.now ?? Date.now;
  checkRetention(options.before, now(), options.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS, options.ignoreRetention === true);
  const store = openAuditStore({ path: options.path, checkpointIntervalMs: 0, busyTimeoutMs: options.busyTimeoutMs ?? 5000, clock: now });
  try {
    let pruned = await pruneArchived(store);
    const db = store.connection;
    const layout = readLayout(db);
    const start = layout.archived === undefined ? { seq: 0, hash: layout.genesis } : { seq: layout.archived.throughSeq, hash: layout.archived.throughHash };
    // The rows to archive are a prefix of the log, every one of them older than the cut-off.
    const firstYoung = db.prepare('SELECT min(seq) FROM audit_log WHERE at >= ?').pluck().get(formatAuditTime(options.before)) as number | null;
    const last = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null;
    const throughSeq = firstYoung === null ? (last ?? start.seq) : firstYoung - 1;
    if (throughSeq <= start.seq) return { fromSeq: start.seq + 1, throughSeq: start.seq, throughHash: start.hash, rows: 0, pruned };
    const throughRow = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(throughSeq) as string | undefined;
    const kept = db.prepare('SELECT seq, prev_hash AS prevHash FROM audit_log WHERE seq = ?').get(throughSeq + 1) as { seq: number; prevHash: string } | undefined;
    if (throughRow === undefined) throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `audit row ${throughSeq} is missing: run clets-audit verify`);

    mkdirSync(options.outDir, { recursive: true });
    const name = archiveFileName(layout.genesis, start.seq + 1, throughSeq);
    const path = join(options.outDir, name);
    const header: ArchiveHeader = {
      archive: ARCHIVE_FORMAT, genesis: layout.genesis, formats: layout.formats, fromSeq: start.seq + 1, prevHash: start.hash,
      throughSeq, throughHash: throughRow, rows: throughSeq - start.seq, before: formatAuditTime(options.before),
      createdAt: formatAuditTime(now()), ...(kept === undefined ? {} : { firstKept: kept }),
    };
    await writeArchive(path, header, db, layout.version, start, layout.formats);
    const sha256 = await checkWritten(path, header);

    // In the chain before anything is removed: the archive and its digest vouch for the rows.
    await store.append({
      type: 'admin_action', at: now(), outcome: 'success', operatorId: options.reader.operatorId,
      ...(options.reader.sourceAddress === undefined ? {} : { sourceAddress: options.reader.sourceAddress }),
      detail: { action: 'audit_archive', fromSeq: header.fromSeq, throughSeq, throughHash: throughRow, rows: header.rows, file: name, sha256, before: header.before },
    });
    db.prepare(`INSERT INTO audit_archive (through_seq, through_hash, from_seq, rows, file, sha256, before, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(throughSeq, throughRow, header.fromSeq, header.rows, name, sha256, header.before, header.createdAt);
    pruned += await pruneArchived(store);
    return { file: path, fromSeq: header.fromSeq, throughSeq, throughHash: throughRow, rows: header.rows, sha256, pruned };
  } finally {
    await store.close();
  }
}

/** Streams the rows after `start` through `header.throughSeq` into the file, verifying each. */
async function writeArchive(
  path: string, header: ArchiveHeader, db: SqliteAuditStore['connection'], version: string,
  start: { seq: number; hash: string }, formats: ArchiveHeader['formats'],
): Promise<void> {
  const partial = `${path}.partial`;
  const verifier = new ChainVerifier({ genesis: header.genesis, formats, start });
  // Lines go to gzip in blocks of about 64 KiB: a write per line costs more than the compression.
  function* lines(): Generator<string> {
    let block = `${JSON.stringify(header)}\n`;
    for (const row of iterateRows(db, start.seq, version)) {
      if (row.seq > header.throughSeq) break;
      if (!verifier.push(row)) {
        const failure = verifier.failure;
        throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `not archived: the log fails verification at row ${failure?.firstBadSeq ?? '?'} (${failure?.reason ?? ''})`);
      }
      block += `${archiveLine(row)}\n`;
      if (block.length >= 65_536) {
        yield block;
        block = '';
      }
    }
    if (block !== '') yield block;
  }
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
    if (verifier.head.seq !== header.throughSeq) throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `not archived: rows end at ${verifier.head.seq}, ${header.throughSeq} expected`);
    syncFile(partial);
    renameSync(partial, path);
    syncFile(join(path, '..'));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Reads the written file back: it must hold the same chain, whole. Returns the file's SHA-256. */
async function checkWritten(path: string, header: ArchiveHeader): Promise<string> {
  const reader = await openArchive(path);
  const verifier = new ChainVerifier({ genesis: header.genesis, formats: header.formats, start: { seq: header.fromSeq - 1, hash: header.prevHash } });
  for await (const row of reader.rows) verifier.push(row);
  const head = verifier.head;
  if (verifier.failure !== undefined || head.seq !== header.throughSeq || head.hash !== header.throughHash) {
    rmSync(path, { force: true });
    throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `archive ${basename(path)} did not read back whole: nothing was pruned`);
  }
  return reader.sha256();
}

/** Deletes live rows (and their index entries) that an archive recorded holds. Returns how many. */
async function pruneArchived(store: SqliteAuditStore): Promise<number> {
  const db = store.connection;
  const through = db.prepare('SELECT max(through_seq) FROM audit_archive').pluck().get() as number | null;
  if (through === null) return 0;
  const select = db.prepare('SELECT seq, subject_keys AS subjectKeys FROM audit_log WHERE seq <= ? ORDER BY seq LIMIT ?');
  const deleteKey = db.prepare('DELETE FROM audit_subject WHERE key = ? AND seq = ?');
  const deleteRows = db.prepare('DELETE FROM audit_log WHERE seq >= ? AND seq <= ?');
  const chunk = db.transaction((rows: Pick<StoredAuditRow, 'seq' | 'subjectKeys'>[]) => {
    for (const row of rows) for (const key of decodeSubjectKeys(row.subjectKeys)) deleteKey.run(key, row.seq);
    deleteRows.run((rows[0] as { seq: number }).seq, (rows[rows.length - 1] as { seq: number }).seq);
  });
  let pruned = 0;
  for (;;) {
    const rows = select.all(through, PRUNE_CHUNK_ROWS) as Pick<StoredAuditRow, 'seq' | 'subjectKeys'>[];
    if (rows.length === 0) return pruned;
    chunk.immediate(rows);
    pruned += rows.length;
    // Lets a switch writing to the same file take the lock between chunks.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function invalid(field: string, problem: string): CletsError {
  return new CletsError('CLETS_ERR_REQUEST_INVALID', `archive ${field} ${problem}`, { field });
}
