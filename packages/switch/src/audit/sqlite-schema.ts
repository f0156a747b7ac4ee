/**
 * The audit database's schema and the SQL both the store and the read-only verifier use.
 * Columns are described in README.md; the chain over them in chain.ts.
 */
import type Database from 'better-sqlite3';
import { CHAIN_FORMAT, CHAIN_FORMAT_V1, CURRENT_FORMATS, checkFormatRanges, isChainHash, type ChainFormatRange } from './chain.js';
import type { StoredAuditRow } from './record.js';
import type { ChainHead } from './types.js';

/**
 * 2: subject keys (a hashed column and the `audit_subject` index), the answer index, the
 * archive table, and pruning of archived rows. A version 1 database is migrated when a store
 * opens it: its rows keep the chain format they were hashed in (`chain_formats`).
 */
export const SCHEMA_VERSION = '2';
const SCHEMA_VERSIONS = ['1', '2'];

/**
 * Answer rows (responses, rejects of a system leg, queued notices, completions) carry the seq
 * of their transaction's row in `detail.auditSeq`; this partial index finds them from a search
 * hit. Only rows of those types pay for the JSON read on insert.
 */
const ANSWER_INDEX_SQL = `CREATE INDEX IF NOT EXISTS audit_log_answer ON audit_log (json_extract(detail, '$.auditSeq'))
  WHERE type IN ('response', 'reject', 'queued', 'completion')`;

/** Rows are append-only, except those an archive holds: only they may be pruned. */
const DELETE_TRIGGER_SQL = `CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.seq > coalesce((SELECT max(through_seq) FROM audit_archive), 0)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: only archived rows may be pruned'); END`;

/** The answer rows of a transaction row, in seq order. */
export const SELECT_ANSWERS_SQL = `SELECT seq, at, type, outcome, code, detail FROM audit_log INDEXED BY audit_log_answer
  WHERE json_extract(detail, '$.auditSeq') = ? AND type IN ('response', 'reject', 'queued', 'completion') ORDER BY seq`;

/**
 * STRICT tables refuse values of the wrong type. The triggers make the log append-only for
 * anyone using SQL casually; someone who drops them can still edit rows, and the chain is
 * what catches that.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS audit_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS audit_log (
  seq               INTEGER PRIMARY KEY,
  at                TEXT    NOT NULL,
  type              TEXT    NOT NULL,
  operator_id       TEXT,
  terminal          TEXT,
  ori               TEXT,
  source_address    TEXT,
  message_key       TEXT,
  input_seq         INTEGER,
  client_message_id TEXT,
  route_to          TEXT,
  destinations      TEXT,
  outcome           TEXT    NOT NULL,
  code              TEXT,
  bytes             INTEGER,
  detail            TEXT,
  switch_id         TEXT,
  prev_hash         TEXT    NOT NULL,
  hash              TEXT    NOT NULL,
  subject_keys      TEXT
) STRICT;

CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_operator_at ON audit_log (operator_id, at);
CREATE INDEX IF NOT EXISTS audit_log_ori_at ON audit_log (ori, at);
${ANSWER_INDEX_SQL};

-- One entry per subject key of a row: the search index. Derived from subject_keys (which the
-- chain covers) by the trigger below, in the statement that inserts the row; verification
-- checks the two agree.
CREATE TABLE IF NOT EXISTS audit_subject (
  key TEXT    NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS audit_log_subject_index AFTER INSERT ON audit_log
WHEN NEW.subject_keys IS NOT NULL
BEGIN INSERT OR IGNORE INTO audit_subject (key, seq) SELECT value, NEW.seq FROM json_each(NEW.subject_keys); END;

-- One row per archive written: rows up to through_seq are in the file and may be pruned here.
CREATE TABLE IF NOT EXISTS audit_archive (
  through_seq  INTEGER PRIMARY KEY,
  through_hash TEXT    NOT NULL,
  from_seq     INTEGER NOT NULL,
  rows         INTEGER NOT NULL,
  file         TEXT    NOT NULL,
  sha256       TEXT    NOT NULL,
  before       TEXT    NOT NULL,
  created_at   TEXT    NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
) STRICT;

CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

${DELETE_TRIGGER_SQL};

CREATE TRIGGER IF NOT EXISTS audit_subject_no_update BEFORE UPDATE ON audit_subject
BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_subject_no_delete BEFORE DELETE ON audit_subject
WHEN OLD.seq > coalesce((SELECT max(through_seq) FROM audit_archive), 0)
BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only: only archived rows may be pruned'); END;

CREATE TRIGGER IF NOT EXISTS audit_archive_no_update BEFORE UPDATE ON audit_archive
BEGIN SELECT RAISE(ABORT, 'audit_archive is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_archive_no_delete BEFORE DELETE ON audit_archive
BEGIN SELECT RAISE(ABORT, 'audit_archive is append-only'); END;
`;


export const INSERT_ROW_SQL = `INSERT INTO audit_log (seq, at, type, operator_id, terminal, ori, source_address,
  message_key, input_seq, client_message_id, route_to, destinations, outcome, code, bytes, detail, switch_id,
  subject_keys, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;


export const UPSERT_HEAD_SQL = `INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
  ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`;

/** Column list with the aliases of StoredAuditRow. */
export const SELECT_COLUMNS = `seq, at, type, operator_id AS operatorId, terminal, ori,
  source_address AS sourceAddress, message_key AS messageKey, input_seq AS inputSeq,
  client_message_id AS clientMessageId, route_to AS routeTo, destinations, outcome, code, bytes,
  detail, switch_id AS switchId, subject_keys AS subjectKeys, prev_hash AS prevHash, hash`;

/** The same for a version 1 database not migrated yet (read-only verification). */
const SELECT_COLUMNS_V1 = SELECT_COLUMNS.replace('subject_keys AS subjectKeys', 'NULL AS subjectKeys');

export function insertParams(row: StoredAuditRow): unknown[] {
  return [
    row.seq,
    row.at,
    row.type,
    row.operatorId,
    row.terminal,
    row.ori,
    row.sourceAddress,
    row.messageKey,
    row.inputSeq,
    row.clientMessageId,
    row.routeTo,
    row.destinations,
    row.outcome,
    row.code,
    row.bytes,
    row.detail,
    row.switchId,
    row.subjectKeys,
    row.prevHash,
    row.hash,
  ];
}

export function readMeta(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM audit_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** The last row of the log, or the genesis link when it is empty. */
export function readLastRow(db: Database.Database, genesis: string): ChainHead {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined;
  return row ?? { seq: 0, hash: genesis };
}

/** The head the store recorded in the same transaction as its last batch. */
export function readRecordedHead(db: Database.Database): ChainHead | undefined {
  return db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as ChainHead | undefined;
}

/** What a reader needs to know of an audit database before reading its rows. */
export interface AuditLayout {
  version: string;
  genesis: string;
  /** Which chain format each seq was hashed in. */
  formats: ChainFormatRange[];
  /** The last archive: rows up to its seq were exported and may be pruned here. */
  archived?: ArchiveRecord;
}

/** A row of `audit_archive`. */
export interface ArchiveRecord {
  throughSeq: number;
  throughHash: string;
  fromSeq: number;
  rows: number;
  file: string;
  sha256: string;
  before: string;
  createdAt: string;
}

/** Genesis of an existing audit database, checked; throws when the file is not one. */
export function readGenesis(db: Database.Database): string {
  return readLayout(db).genesis;
}

/** Version, genesis, chain formats and last archive of an audit database; throws when the file is not one. */
export function readLayout(db: Database.Database): AuditLayout {
  const version = readMeta(db, 'schema_version');
  if (version === undefined || !SCHEMA_VERSIONS.includes(version)) {
    throw new Error(`audit schema version ${version ?? 'missing'}, expected one of ${SCHEMA_VERSIONS.join(', ')}`);
  }
  const genesis = readMeta(db, 'genesis');
  if (!isChainHash(genesis)) throw new Error('audit genesis missing or malformed');
  let formats: ChainFormatRange[];
  if (version === '1') {
    formats = [{ format: CHAIN_FORMAT_V1, fromSeq: 1 }];
  } else {
    const text = readMeta(db, 'chain_formats');
    try {
      formats = checkFormatRanges(text === undefined ? undefined : JSON.parse(text));
    } catch (error) {
      throw new Error(`audit chain formats unreadable: ${(error as Error).message}`);
    }
  }
  const layout: AuditLayout = { version, genesis, formats };
  const archived = version === '1' ? undefined : readLastArchive(db);
  if (archived !== undefined) layout.archived = archived;
  return layout;
}

export function readLastArchive(db: Database.Database): ArchiveRecord | undefined {
  return db.prepare(`SELECT through_seq AS throughSeq, through_hash AS throughHash, from_seq AS fromSeq, rows, file, sha256,
    before, created_at AS createdAt FROM audit_archive ORDER BY through_seq DESC LIMIT 1`).get() as ArchiveRecord | undefined;
}

/**
 * Brings a database to the current schema, inside the caller's write transaction. A new
 * database is written in the current chain format from row 1; a version 1 database keeps its
 * rows in the format they were hashed in and takes the current one from its next row.
 */
export function migrateSchema(db: Database.Database, wantedGenesis: string | undefined, newGenesis: () => string): void {
  const version = readMeta(db, 'schema_version');
  const setMeta = db.prepare('INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  if (version === undefined) {
    setMeta.run('schema_version', SCHEMA_VERSION);
    setMeta.run('chain_format', CHAIN_FORMAT);
    setMeta.run('chain_formats', JSON.stringify(CURRENT_FORMATS));
    setMeta.run('genesis', wantedGenesis ?? newGenesis());
    setMeta.run('created_at', new Date().toISOString());
    return;
  }
  if (version === '1') {
    const columns = db.prepare('SELECT name FROM pragma_table_info(\'audit_log\')').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'subject_keys')) db.exec('ALTER TABLE audit_log ADD COLUMN subject_keys TEXT');
    // The old trigger refused every delete; the new one lets archived rows go.
    db.exec(`DROP TRIGGER IF EXISTS audit_log_no_delete; ${DELETE_TRIGGER_SQL};`);
    const last = db.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null };
    const formats: ChainFormatRange[] = last.seq === null ? [...CURRENT_FORMATS] : [{ format: CHAIN_FORMAT_V1, fromSeq: 1 }, { format: CHAIN_FORMAT, fromSeq: last.seq + 1 }];
    setMeta.run('chain_formats', JSON.stringify(formats));
    setMeta.run('chain_format', CHAIN_FORMAT);
    setMeta.run('schema_version', SCHEMA_VERSION);
  }
}

/** Streams the rows after `afterSeq` in seq order, constant memory. */
export function iterateRows(db: Database.Database, afterSeq = 0, version: string = SCHEMA_VERSION): IterableIterator<StoredAuditRow> {
  const columns = version === '1' ? SELECT_COLUMNS_V1 : SELECT_COLUMNS;
  return db.prepare(`SELECT ${columns} FROM audit_log WHERE seq > ? ORDER BY seq`).iterate(afterSeq) as IterableIterator<StoredAuditRow>;
}
