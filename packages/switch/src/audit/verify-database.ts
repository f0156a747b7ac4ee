/**
 * Verifies an audit database from outside the switch: opened read-only, so the check cannot
 * change what it checks, and safe beside a running switch (a WAL reader never blocks the
 * writer). The head and every row are read in one snapshot; rows stream through `.iterate()`,
 * so memory stays flat for millions of rows. While it runs, checkpoints cannot pass the
 * snapshot and the WAL grows; it shrinks again at the next checkpoint.
 *
 * Beyond the chain (chain.ts) it checks:
 * - the search index: every subject key a row carries (hashed) is in `audit_subject`, and the
 *   index holds nothing else, so a look-up cannot be hidden from a search by editing the index;
 * - archives: the live log starts where the last archive ends (its seq and hash), and that
 *   archive is vouched for by a chained `admin_action` row (`audit_archive`) written before
 *   the rows were pruned, so rows cannot be deleted by forging an archive record.
 * With the archive folder, the archives are verified too, in order, from the genesis, and the
 * chain followed from the last archived row into the live rows.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { archiveFilesOf, openArchive } from './archive-file.js';
import { ChainVerifier, type ChainExpectation } from './chain.js';
import { decodeSubjectKeys, type StoredAuditRow } from './record.js';
import { iterateRows, readLayout, readRecordedHead, type ArchiveRecord, type AuditLayout } from './sqlite-schema.js';
import type { ChainHead, VerifyOptions, VerifyResult } from './types.js';

/** Throws when the file cannot be opened or is not an audit database. */
export function verifyAuditDatabase(path: string, options: VerifyOptions = {}): VerifyResult {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return verifyOpenDatabase(db, options);
  } finally {
    db.close();
  }
}

/** The live log of an open database, in one read transaction (the store's own connection, or a read-only one). */
export function verifyOpenDatabase(db: Database.Database, options: VerifyOptions = {}): VerifyResult {
  const snapshot = !db.inTransaction;
  if (snapshot) db.exec('BEGIN');
  try {
    const layout = readLayout(db);
    const start: ChainHead | undefined = layout.archived === undefined ? undefined : { seq: layout.archived.throughSeq, hash: layout.archived.throughHash };
    const verifier = new ChainVerifier(expectation(db, layout, options, start));
    const live = new LiveChecks(db, layout);
    verifier.pushAll(live.watch(iterateRows(db, start?.seq ?? 0, layout.version)));
    const result = verifier.finish();
    if (!result.ok) return result;
    return live.finish(verifier, layout.archived === undefined ? [] : [layout.archived], false) ?? result;
  } finally {
    if (snapshot) db.exec('COMMIT');
  }
}

/**
 * The archives in `archiveDir` and then the live log, as one chain from the genesis. Fails on
 * a missing, altered or unrecorded archive as on a bad live row.
 */
export async function verifyAuditArchives(path: string, archiveDir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const layout = readLayout(db);
    const verifier = new ChainVerifier(expectation(db, layout, options, undefined));
    const records = layout.version === '1' ? [] : (db.prepare(`SELECT through_seq AS throughSeq, through_hash AS throughHash, from_seq AS fromSeq,
      rows, file, sha256, before, created_at AS createdAt FROM audit_archive ORDER BY through_seq`).all() as ArchiveRecord[]);
    const live = new LiveChecks(db, layout);
    for (const file of archiveFilesOf(readdirSync(archiveDir), layout.genesis)) {
      const at = verifier.head;
      if (file.throughSeq <= at.seq) continue; // an older copy of rows already verified
      const failure = await verifyArchiveFile(join(archiveDir, file.name), file.name, verifier, layout, records, live);
      if (failure !== undefined) return failure;
    }
    const afterArchives = verifier.head;
    const lastRecord = records[records.length - 1];
    if (lastRecord !== undefined && afterArchives.seq < lastRecord.throughSeq) {
      return verifier.failAt(afterArchives.seq + 1, `rows ${afterArchives.seq + 1}..${lastRecord.throughSeq} were archived, and no archive in ${archiveDir} holds them`);
    }
    verifier.pushAll(live.watch(iterateRows(db, afterArchives.seq, layout.version)));
    const result = verifier.finish();
    if (!result.ok) return result;
    const { archivedThrough: _ignored, ...whole } = result;
    return live.finish(verifier, records, true) ?? whole;
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}

async function verifyArchiveFile(
  path: string, name: string, verifier: ChainVerifier, layout: AuditLayout, records: readonly ArchiveRecord[], checks: LiveChecks,
): Promise<VerifyResult | undefined> {
  const at = verifier.head;
  let reader;
  try {
    reader = await openArchive(path);
  } catch (error) {
    return verifier.failAt(at.seq + 1, `archive ${name}: ${(error as Error).message}`);
  }
  const { header } = reader;
  if (header.genesis !== layout.genesis) return verifier.failAt(at.seq + 1, `archive ${name} belongs to another database`);
  if (header.fromSeq !== at.seq + 1) return verifier.failAt(at.seq + 1, `archive ${name} starts at row ${header.fromSeq}, row ${at.seq + 1} expected`);
  if (header.prevHash !== at.hash) return verifier.failAt(at.seq + 1, `archive ${name} does not continue the chain (its prev hash is not row ${at.seq}'s hash)`);
  try {
    for await (const row of reader.rows) {
      if (!verifier.push(row)) return verifier.failure;
      checks.noteArchiveAction(row);
    }
  } catch (error) {
    return verifier.failAt(verifier.head.seq + 1, `archive ${name}: ${(error as Error).message}`);
  }
  const end = verifier.head;
  if (end.seq !== header.throughSeq || end.hash !== header.throughHash) {
    return verifier.failAt(end.seq + 1, `archive ${name} ends at row ${end.seq}, its header says ${header.throughSeq}`);
  }
  const record = records.find((entry) => entry.throughSeq === header.throughSeq);
  if (record === undefined) return verifier.failAt(header.fromSeq, `archive ${name} is not recorded in the database`);
  if (record.sha256 !== reader.sha256() || record.throughHash !== header.throughHash || record.fromSeq !== header.fromSeq) {
    return verifier.failAt(header.fromSeq, `archive ${name} differs from the one the database recorded (digest or range)`);
  }
  return undefined;
}

function expectation(db: Database.Database, layout: AuditLayout, options: VerifyOptions, start: ChainHead | undefined): ChainExpectation {
  const expect: ChainExpectation = {
    genesis: layout.genesis,
    formats: layout.formats,
    storedHead: readRecordedHead(db) ?? start ?? { seq: 0, hash: layout.genesis },
  };
  if (start !== undefined) expect.start = start;
  if (options.anchor !== undefined) expect.anchor = options.anchor;
  return expect;
}

/** What the rows must agree with beyond the chain: the search index (live rows), the archive records. */
class LiveChecks {
  readonly #probe: Database.Statement | undefined;
  readonly #countIndex: Database.Statement | undefined;
  #indexProblem: { seq: number; reason: string } | undefined;
  #keys = 0;
  #firstSeq: number | undefined;
  readonly #archiveActions: { seq: number; throughSeq: unknown; throughHash: unknown; sha256: unknown }[] = [];

  constructor(db: Database.Database, layout: AuditLayout) {
    if (layout.version !== '1') {
      this.#probe = db.prepare('SELECT 1 FROM audit_subject WHERE key = ? AND seq = ?').pluck();
      this.#countIndex = db.prepare('SELECT count(*) FROM audit_subject WHERE seq >= ?').pluck();
    }
  }

  /** Passes rows through, noting index entries missing and archive records in the chain. */
  *watch(rows: Iterable<StoredAuditRow>): Generator<StoredAuditRow> {
    for (const row of rows) {
      this.#firstSeq ??= row.seq;
      if (row.subjectKeys !== null && this.#probe !== undefined) {
        for (const key of decodeSubjectKeys(row.subjectKeys)) {
          this.#keys += 1;
          if (this.#indexProblem === undefined && this.#probe.get(key, row.seq) === undefined) {
            this.#indexProblem = { seq: row.seq, reason: `search index lacks subject key ${key} of row ${row.seq}` };
          }
        }
      }
      this.noteArchiveAction(row);
      yield row;
    }
  }

  /** Remembers an `audit_archive` action row (call it only for rows the chain accepted). */
  noteArchiveAction(row: StoredAuditRow): void {
    if (row.type !== 'admin_action' || row.detail === null || !row.detail.includes('audit_archive')) return;
    try {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      if (detail['action'] === 'audit_archive') {
        this.#archiveActions.push({ seq: row.seq, throughSeq: detail['throughSeq'], throughHash: detail['throughHash'], sha256: detail['sha256'] });
      }
    } catch {
      // Not JSON: the chain check has already judged this row.
    }
  }

  /**
   * After a chain that verified: the index and the archive records, or undefined when both
   * agree. With `every`, each record must be vouched for (every archived row was read);
   * otherwise only the last, whose action row is always live.
   */
  finish(verifier: ChainVerifier, records: readonly ArchiveRecord[], every: boolean): VerifyResult | undefined {
    if (this.#indexProblem !== undefined) return verifier.failAt(this.#indexProblem.seq, this.#indexProblem.reason);
    if (this.#countIndex !== undefined && this.#firstSeq !== undefined) {
      const entries = this.#countIndex.get(this.#firstSeq) as number;
      if (entries !== this.#keys) {
        return verifier.failAt(verifier.head.seq, `search index holds ${entries} subject keys for the live rows, the rows carry ${this.#keys}`);
      }
    }
    for (const record of records) {
      const vouched = this.#archiveActions.some((action) =>
        action.seq > record.throughSeq && action.throughSeq === record.throughSeq && action.throughHash === record.throughHash && action.sha256 === record.sha256);
      if (!vouched && (every || record === records[records.length - 1])) {
        return verifier.failAt(record.throughSeq + 1, `archive through row ${record.throughSeq} is not vouched for by an audit_archive row of the chain`);
      }
    }
    return undefined;
  }
}
