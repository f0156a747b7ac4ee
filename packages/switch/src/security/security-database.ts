/**
 * The security database: operators, terminals and agencies as the policy sees them, the
 * misuse review queue and the third-party release log. One SQLite file beside the audit log
 * (not inside it: the audit file is append-only and hash-chained, these tables are updated),
 * or ':memory:' for tests.
 */
import Database from 'better-sqlite3';

export type SecurityDatabase = Database.Database;

export interface OpenSecurityDatabaseOptions {
  /** File path, or ':memory:'. */
  readonly path: string;
  /** Open an existing file for reading only (reports). */
  readonly readonly?: boolean;
}

export function openSecurityDatabase(options: OpenSecurityDatabaseOptions | string): SecurityDatabase {
  const { path, readonly = false } = typeof options === 'string' ? { path: options } : options;
  const db = new Database(path, readonly ? { readonly: true, fileMustExist: true } : {});
  if (!readonly && path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // Administrative changes are rare and must survive a crash once acknowledged.
    db.pragma('synchronous = FULL');
  }
  db.pragma('busy_timeout = 100');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Runs `sql` once per database for a table set, recording its version in `security_meta`. */
export function ensureSchema(db: SecurityDatabase, name: string, version: string, sql: string): void {
  if (db.readonly) return;
  db.exec('CREATE TABLE IF NOT EXISTS security_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID');
  const key = `schema:${name}`;
  const current = db.prepare('SELECT value FROM security_meta WHERE key = ?').pluck().get(key) as string | undefined;
  if (current !== undefined && current !== version) throw new Error(`security database table set ${name} is version ${current}, expected ${version}`);
  db.exec(sql);
  if (current === undefined) db.prepare('INSERT INTO security_meta (key, value) VALUES (?, ?)').run(key, version);
}
