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

/**
 * Runs `sql` once per database for a table set, recording its version in `security_meta`.
 * A table set of an older version is first brought forward by its `migrations`, each keyed
 * by the version it starts from and ending at the next one (`{ '1': [sql, '2'] }`), in one
 * transaction with the version's update; a version with no way forward is refused.
 */
export function ensureSchema(
  db: SecurityDatabase, name: string, version: string, sql: string,
  migrations: Readonly<Record<string, readonly [sql: string, to: string]>> = {},
): void {
  if (db.readonly) return;
  db.exec('CREATE TABLE IF NOT EXISTS security_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID');
  const key = `schema:${name}`;
  let current = db.prepare('SELECT value FROM security_meta WHERE key = ?').pluck().get(key) as string | undefined;
  while (current !== undefined && current !== version) {
    const step = migrations[current];
    if (step === undefined) throw new Error(`security database table set ${name} is version ${current}, expected ${version}`);
    const [migration, to] = step;
    db.transaction(() => {
      db.exec(migration);
      db.prepare('UPDATE security_meta SET value = ? WHERE key = ?').run(to, key);
    })();
    current = to;
  }
  db.exec(sql);
  if (current === undefined) db.prepare('INSERT INTO security_meta (key, value) VALUES (?, ?)').run(key, version);
}
