/**
 * The audit database's schema and the SQL both the store and the read-only verifier use.
 * Columns are described in README.md; the chain over them in chain.ts.
 */
import type Database from 'better-sqlite3';
import { isChainHash } from './chain.js';
import type { StoredAuditRow } from './record.js';
import type { ChainHead } from './types.js';

export const SCHEMA_VERSION = '1';

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
  hash              TEXT    NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_operator_at ON audit_log (operator_id, at);
CREATE INDEX IF NOT EXISTS audit_log_ori_at ON audit_log (ori, at);

CREATE TABLE IF NOT EXISTS audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
) STRICT;

CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

export const INSERT_ROW_SQL = `INSERT INTO audit_log (seq, at, type, operator_id, terminal, ori, source_address,
  message_key, input_seq, client_message_id, route_to, destinations, outcome, code, bytes, detail, switch_id,
  prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const UPSERT_HEAD_SQL = `INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
  ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`;

/** Column list with the aliases of StoredAuditRow. */
export const SELECT_COLUMNS = `seq, at, type, operator_id AS operatorId, terminal, ori,
  source_address AS sourceAddress, message_key AS messageKey, input_seq AS inputSeq,
  client_message_id AS clientMessageId, route_to AS routeTo, destinations, outcome, code, bytes,
  detail, switch_id AS switchId, prev_hash AS prevHash, hash`;

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

/** Genesis of an existing audit database, checked; throws when the file is not one. */
export function readGenesis(db: Database.Database): string {
  const version = readMeta(db, 'schema_version');
  if (version !== SCHEMA_VERSION) throw new Error(`audit schema version ${version ?? 'missing'}, expected ${SCHEMA_VERSION}`);
  const genesis = readMeta(db, 'genesis');
  if (!isChainHash(genesis)) throw new Error('audit genesis missing or malformed');
  return genesis;
}

/** Streams every row in seq order, constant memory. */
export function iterateRows(db: Database.Database): IterableIterator<StoredAuditRow> {
  return db.prepare(`SELECT ${SELECT_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<StoredAuditRow>;
}
