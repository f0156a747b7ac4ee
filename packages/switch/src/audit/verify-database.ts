/**
 * Verifies an audit database from outside the switch: opened read-only, so the check cannot
 * change what it checks, and safe beside a running switch (a WAL reader never blocks the
 * writer). The head and every row are read in one snapshot; rows stream through `.iterate()`,
 * so memory stays flat for millions of rows. While it runs, checkpoints cannot pass the
 * snapshot and the WAL grows; it shrinks again at the next checkpoint.
 */
import Database from 'better-sqlite3';
import { verifyChain } from './chain.js';
import { iterateRows, readGenesis, readRecordedHead } from './sqlite-schema.js';
import type { VerifyOptions, VerifyResult } from './types.js';

/** Throws when the file cannot be opened or is not an audit database. */
export function verifyAuditDatabase(path: string, options: VerifyOptions = {}): VerifyResult {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const genesis = readGenesis(db);
    const storedHead = readRecordedHead(db) ?? { seq: 0, hash: genesis };
    const expectation = options.anchor === undefined ? { genesis, storedHead } : { genesis, storedHead, anchor: options.anchor };
    const result = verifyChain(iterateRows(db), expectation);
    db.exec('COMMIT');
    return result;
  } finally {
    db.close();
  }
}
