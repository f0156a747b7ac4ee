/**
 * The third-party release log (docs/domain.md section 3): when criminal-history information
 * (CORI / III) is given to an outside agency, the agency records the requester's name, the
 * requesting agency, the date, what information was given and how it was transmitted, and
 * keeps the record at least 3 years.
 *
 * An entry is tied to the transaction whose answer was released: the audit row of that
 * transaction (`transactionSeq`), the rows of what came back (`answerSeqs`) and the records
 * they named, so an auditor goes from the log to the chain and back (release-recorder.ts
 * finds them). Entries recorded before entries were tied to transactions keep those null.
 *
 * A table in the security database. Entries younger than the retention period cannot be
 * deleted; `purgeExpired` removes only older ones.
 */
import { CletsError } from '@clets/protocol';
import { addMonths, dayOf, dayOfInstant, isoOfDay } from './certification.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export const TRANSMISSION_METHODS = ['in-person', 'mail', 'fax', 'email', 'telephone', 'electronic', 'other'] as const;
export type TransmissionMethod = (typeof TRANSMISSION_METHODS)[number];

/** The transaction whose answer was released, as the audit log holds it. */
export interface ReleasedTransactionLink {
  /** The mnemonic of the terminal it was sent from. */
  readonly terminal: string;
  /** Its input sequence number at that terminal (the ISN an RL names). */
  readonly inputSeq: number;
  readonly messageKey: string;
  /** Its `transaction` audit row. */
  readonly transactionSeq: number;
  /** The audit rows of what came back: response rows, and the completion row that records the last system's answer. */
  readonly answerSeqs: readonly number[];
  /** FILE:RECORD of each record those answers disclosed. */
  readonly records: readonly string[];
}

export interface ReleaseEntry {
  readonly id: number;
  /** When the release was recorded (epoch ms). */
  readonly recordedAt: number;
  /** The day the information was released, 'YYYY-MM-DD'. */
  readonly releasedOn: string;
  /** Name of the person who asked for it. */
  readonly requester: string;
  readonly requestingAgency: string;
  /** What was given (e.g. "CORI RECORD A12345678, 3 ARREST CYCLES"). */
  readonly information: string;
  readonly transmittedBy: TransmissionMethod;
  /** The agency that released it. */
  readonly ori: string;
  /** The operator or employee who released it. */
  readonly releasedBy: string;
  readonly caseNumber: string | null;
  /** Who recorded the entry (an operator or administrator id). */
  readonly recordedBy: string;
  /** The released transaction; null for entries recorded before entries were tied to one. */
  readonly transaction: ReleasedTransactionLink | null;
  /** The audit row that recorded this entry (the RL transaction, or the administrator's action). */
  readonly recordedInSeq: number | null;
}

export type NewRelease = Omit<ReleaseEntry, 'id' | 'recordedAt' | 'caseNumber' | 'transaction' | 'recordedInSeq'> & {
  readonly caseNumber?: string | null | undefined;
  readonly transaction?: ReleasedTransactionLink | null | undefined;
  readonly recordedInSeq?: number | null | undefined;
};

export interface ReleaseFilter {
  /** Inclusive 'YYYY-MM-DD'. */
  readonly from?: string | undefined;
  /** Exclusive 'YYYY-MM-DD'. */
  readonly to?: string | undefined;
  readonly ori?: string | undefined;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS release_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recorded_at INTEGER NOT NULL,
  released_on TEXT NOT NULL,
  requester TEXT NOT NULL,
  requesting_agency TEXT NOT NULL,
  information TEXT NOT NULL,
  transmitted_by TEXT NOT NULL,
  ori TEXT NOT NULL,
  released_by TEXT NOT NULL,
  case_number TEXT,
  recorded_by TEXT NOT NULL,
  released_transaction TEXT,
  transaction_seq INTEGER,
  recorded_in_seq INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS release_log_released_on ON release_log (released_on);
CREATE INDEX IF NOT EXISTS release_log_transaction ON release_log (transaction_seq);
`;

/** Version 1 had no link to a transaction. */
const FROM_VERSION_1 = `
ALTER TABLE release_log ADD COLUMN released_transaction TEXT;
ALTER TABLE release_log ADD COLUMN transaction_seq INTEGER;
ALTER TABLE release_log ADD COLUMN recorded_in_seq INTEGER;
`;

const COLUMNS = `id, recorded_at AS recordedAt, released_on AS releasedOn, requester, requesting_agency AS requestingAgency,
  information, transmitted_by AS transmittedBy, ori, released_by AS releasedBy, case_number AS caseNumber, recorded_by AS recordedBy,
  released_transaction AS releasedTransaction, recorded_in_seq AS recordedInSeq`;

type Row = Omit<ReleaseEntry, 'transaction'> & { releasedTransaction: string | null };

export class ReleaseLog {
  constructor(private readonly db: SecurityDatabase, private readonly retentionYears = 3) {
    ensureSchema(db, 'release_log', '2', SCHEMA, { '1': [FROM_VERSION_1, '2'] });
  }

  /** Records a release. The date may not lie in the future. */
  recordRelease(entry: NewRelease, now: number): ReleaseEntry {
    let day: number;
    try {
      day = dayOf(entry.releasedOn);
    } catch {
      throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'releasedOn must be YYYY-MM-DD', { field: 'releasedOn' });
    }
    if (day > dayOfInstant(now)) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'releasedOn is in the future', { field: 'releasedOn' });
    const link = entry.transaction ?? null;
    const result = this.db.prepare(`INSERT INTO release_log (recorded_at, released_on, requester, requesting_agency, information,
      transmitted_by, ori, released_by, case_number, recorded_by, released_transaction, transaction_seq, recorded_in_seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      now, isoOfDay(day), entry.requester, entry.requestingAgency, entry.information, entry.transmittedBy, entry.ori,
      entry.releasedBy, entry.caseNumber ?? null, entry.recordedBy, link === null ? null : JSON.stringify(link),
      link?.transactionSeq ?? null, entry.recordedInSeq ?? null,
    );
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): ReleaseEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM release_log WHERE id = ?`).get(id) as Row | undefined;
    return row === undefined ? undefined : toEntry(row);
  }

  /** Entries by release date, oldest first. */
  list(filter: ReleaseFilter = {}): ReleaseEntry[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.from !== undefined) { where.push('released_on >= ?'); params.push(filter.from); }
    if (filter.to !== undefined) { where.push('released_on < ?'); params.push(filter.to); }
    if (filter.ori !== undefined) { where.push('ori = ?'); params.push(filter.ori); }
    return (this.db.prepare(`SELECT ${COLUMNS} FROM release_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY released_on, id`)
      .all(...params) as Row[]).map(toEntry);
  }

  /** Entries that released the answer of one transaction (its audit seq). */
  releasesOf(transactionSeq: number): ReleaseEntry[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM release_log WHERE transaction_seq = ? ORDER BY id`).all(transactionSeq) as Row[]).map(toEntry);
  }

  /** The entry an RL transaction (its audit seq) recorded, if any. */
  recordedIn(auditSeq: number): ReleaseEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM release_log WHERE recorded_in_seq = ? ORDER BY id LIMIT 1`).get(auditSeq) as Row | undefined;
    return row === undefined ? undefined : toEntry(row);
  }

  /** The first release date still inside the retention period at `now`. */
  retainedSince(now: number): string {
    return isoOfDay(addMonths(dayOfInstant(now), -12 * this.retentionYears));
  }

  /** Deletes entries older than the retention period; returns how many. */
  purgeExpired(now: number): number {
    return this.db.prepare('DELETE FROM release_log WHERE released_on < ?').run(this.retainedSince(now)).changes;
  }
}

function toEntry(row: Row): ReleaseEntry {
  const { releasedTransaction, ...rest } = row;
  return { ...rest, transaction: releasedTransaction === null ? null : JSON.parse(releasedTransaction) as ReleasedTransactionLink };
}
