/**
 * Test support: an audit database as version 1 of the schema wrote it (before subject keys),
 * its rows hashed in chain format clets-audit/1, to test the migration and the verification
 * of logs that began before the current format.
 */
import Database from 'better-sqlite3';
import { CHAIN_FORMAT_V1, GENESIS_ZERO, chainHash } from './chain.js';
import { toRowBody, type StoredAuditRow } from './record.js';
import type { AuditEvent } from './types.js';

const V1_SCHEMA = `
CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, operator_id TEXT, terminal TEXT, ori TEXT,
  source_address TEXT, message_key TEXT, input_seq INTEGER, client_message_id TEXT, route_to TEXT, destinations TEXT,
  outcome TEXT NOT NULL, code TEXT, bytes INTEGER, detail TEXT, switch_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_operator_at ON audit_log (operator_id, at);
CREATE INDEX audit_log_ori_at ON audit_log (ori, at);
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

/** Writes a version 1 database at `path` (genesis GENESIS_ZERO) holding these events, subject keys left out. */
export function writeV1Database(path: string, events: readonly AuditEvent[]): void {
  const db = new Database(path);
  try {
    db.exec(V1_SCHEMA);
    const meta = db.prepare('INSERT INTO audit_meta (key, value) VALUES (?, ?)');
    meta.run('schema_version', '1');
    meta.run('chain_format', CHAIN_FORMAT_V1);
    meta.run('genesis', GENESIS_ZERO);
    meta.run('created_at', '2025-01-01T00:00:00.000Z');
    const insert = db.prepare(`INSERT INTO audit_log VALUES (${Array.from({ length: 19 }, () => '?').join(', ')})`);
    let prevHash = GENESIS_ZERO;
    events.forEach((event, index) => {
      const { subjectKeys: _dropped, ...withoutKeys } = event;
      const row: StoredAuditRow = { ...toRowBody(withoutKeys, 'county-19'), seq: index + 1, prevHash, hash: '' };
      row.hash = chainHash(prevHash, row, CHAIN_FORMAT_V1);
      insert.run(row.seq, row.at, row.type, row.operatorId, row.terminal, row.ori, row.sourceAddress, row.messageKey, row.inputSeq,
        row.clientMessageId, row.routeTo, row.destinations, row.outcome, row.code, row.bytes, row.detail, row.switchId, row.prevHash, row.hash);
      prevHash = row.hash;
    });
    db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)').run(events.length, prevHash);
  } finally {
    db.close();
  }
}
