import { describe, expect, it } from 'vitest';
import { ReleaseLog } from './release-log.js';
import { openSecurityDatabase } from './security-database.js';

const NOW = Date.UTC(2026, 10, 1, 16);

describe('ReleaseLog', () => {
  it('brings a log written before entries named their transaction forward, keeping its entries', () => {
    const db = openSecurityDatabase(':memory:');
    // The table as the first version made it, with one entry.
    db.exec(`CREATE TABLE security_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
      INSERT INTO security_meta VALUES ('schema:release_log', '1');
      CREATE TABLE release_log (id INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at INTEGER NOT NULL, released_on TEXT NOT NULL,
        requester TEXT NOT NULL, requesting_agency TEXT NOT NULL, information TEXT NOT NULL, transmitted_by TEXT NOT NULL,
        ori TEXT NOT NULL, released_by TEXT NOT NULL, case_number TEXT, recorded_by TEXT NOT NULL) STRICT;
      INSERT INTO release_log (recorded_at, released_on, requester, requesting_agency, information, transmitted_by, ori, released_by, recorded_by)
        VALUES (1, '2026-01-02', 'OLD REQUEST', 'ELSEWHERE PD', 'CORI', 'mail', 'CA0190000', 'OP1001', 'OP1008');`);
    const log = new ReleaseLog(db);
    expect(db.prepare("SELECT value FROM security_meta WHERE key = 'schema:release_log'").pluck().get()).toBe('2');
    expect(log.list()).toMatchObject([{ requester: 'OLD REQUEST', transaction: null, recordedInSeq: null }]);
    const link = { terminal: 'LA01', inputSeq: 3, messageKey: 'QR', transactionSeq: 40, answerSeqs: [41, 42], records: ['ACHS:CH0000001'] };
    const entry = log.recordRelease({
      releasedOn: '2026-11-01', requester: 'JUDGE A MERCER', requestingAgency: 'SUPERIOR COURT', information: 'CORI', transmittedBy: 'fax',
      ori: 'CA0190000', releasedBy: 'OP1001', recordedBy: 'OP1001', transaction: link, recordedInSeq: 50,
    }, NOW);
    expect(entry).toMatchObject({ id: 2, transaction: link, recordedInSeq: 50 });
    expect(log.releasesOf(40).map((release) => release.id)).toEqual([2]);
    // Opening it again changes nothing.
    expect(new ReleaseLog(db).list()).toHaveLength(2);
  });

  it('refuses a table set newer than it knows', () => {
    const db = openSecurityDatabase(':memory:');
    new ReleaseLog(db);
    db.prepare("UPDATE security_meta SET value = '9' WHERE key = 'schema:release_log'").run();
    expect(() => new ReleaseLog(db)).toThrow(/release_log is version 9, expected 2/);
  });
});
