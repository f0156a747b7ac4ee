/**
 * Locate notifications kept until they are delivered. A locate's notification (an AM to the
 * entering agency, locate-notifications.ts) is made when the system's acknowledgement comes
 * back, not when the locate is accepted, so the transaction journal does not hold it: without
 * this, a crash between the acknowledgement and the AM's delivery (the entering agency's
 * county unreachable, the AM held for its link) would lose the notice NCIC practice says the
 * entering agency gets at once.
 *
 * Each notice is committed here (the messages database, its own table and connection,
 * synchronous FULL) when it is made, before it is handed to the delivery path, with the
 * delivery parts done and the links it is held for as the delivery reports them (the same
 * marks the journal keeps for a transaction's deliveries). The next start delivers what was
 * not finished, skipping the parts done and holding again, without a second QueuedNotice,
 * what was held. The notice's client message id (`<locate's id>-LOCATE-<NIC>`) is its key: a
 * locate resumed after a crash and acknowledged again makes the same notice, which is then
 * not sent a second time. Finished rows are kept a day for that, then dropped. Locates are
 * rare: one commit each costs the event loop nothing that matters.
 */
import Database from 'better-sqlite3';
import { decodeFrame, encodeFrame, type Transaction } from '@clets/protocol';

/** Who placed the locate, where the notice's delivery reports go. */
export interface NoticeOrigin {
  readonly terminal: string;
  readonly operatorId: string;
  readonly sourceAddress: string;
}

/** A notice not yet delivered, as read back at start. */
export interface OpenNotice {
  readonly key: string;
  readonly notice: Transaction;
  readonly origin: NoticeOrigin;
  readonly auditSeq: number;
  readonly stamp: { readonly inputSeq: number; readonly receivedAt: number };
  readonly done: ReadonlySet<string>;
  readonly held: ReadonlySet<string>;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS locate_notices (
  key TEXT PRIMARY KEY,
  notice BLOB NOT NULL,
  origin TEXT NOT NULL,
  audit_seq INTEGER NOT NULL,
  stamp TEXT NOT NULL,
  done TEXT NOT NULL,
  held TEXT NOT NULL,
  state TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
`;

/** How long a finished notice is remembered, so a locate acknowledged again does not notify twice. */
const FINISHED_KEPT_MS = 86_400_000;

export class LocateNoticeJournal {
  readonly #db: Database.Database;
  readonly #statements: {
    open: Database.Statement;
    read: Database.Statement;
    update: Database.Statement;
    finish: Database.Statement;
    unfinished: Database.Statement;
    prune: Database.Statement;
  };

  constructor(path: string) {
    this.#db = new Database(path, { timeout: 1_000 });
    if (path !== ':memory:') {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      this.#db.pragma('wal_autocheckpoint = 0');
    }
    this.#db.exec(SCHEMA_SQL);
    this.#statements = {
      open: this.#db.prepare(`INSERT INTO locate_notices (key, notice, origin, audit_seq, stamp, done, held, state, at)
        VALUES (?, ?, ?, ?, ?, '[]', '[]', 'open', ?) ON CONFLICT (key) DO NOTHING`),
      read: this.#db.prepare('SELECT done, held FROM locate_notices WHERE key = ?'),
      update: this.#db.prepare('UPDATE locate_notices SET done = ?, held = ? WHERE key = ?'),
      finish: this.#db.prepare("UPDATE locate_notices SET state = 'finished', at = ? WHERE key = ?"),
      unfinished: this.#db.prepare("SELECT key, notice, origin, audit_seq, stamp, done, held FROM locate_notices WHERE state = 'open' ORDER BY rowid"),
      prune: this.#db.prepare("DELETE FROM locate_notices WHERE state = 'finished' AND at < ?"),
    };
  }

  /**
   * Commits a notice before it is delivered. False when its key is known already (made
   * before a crash, and delivered or being delivered from here): then it is not sent again.
   */
  open(notice: Transaction, origin: NoticeOrigin, auditSeq: number, stamp: OpenNotice['stamp'], now: number): boolean {
    const key = notice.header?.clientMessageId ?? '';
    const frame = encodeFrame({ transaction: notice }, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    return this.#statements.open.run(key, frame, JSON.stringify(origin), auditSeq, JSON.stringify(stamp), now).changes === 1;
  }

  /** A part of the delivery done (before the message reaches anyone, as the journal's marks). */
  markDone(key: string, part: string): void {
    this.#mark(key, (marks) => marks.done.add(part));
  }

  /** Held for a link that is down. */
  markHeld(key: string, link: string): void {
    this.#mark(key, (marks) => marks.held.add(link));
  }

  finish(key: string, now: number): void {
    this.#statements.finish.run(now, key);
  }

  /** What the last run made and did not finish delivering. */
  unfinished(): OpenNotice[] {
    return (this.#statements.unfinished.all() as { key: string; notice: Uint8Array; origin: string; audit_seq: number; stamp: string; done: string; held: string }[])
      .map((row) => ({
        key: row.key,
        notice: decodeFrame(row.notice, { maxFrameBytes: Number.MAX_SAFE_INTEGER }).transaction ?? {},
        origin: JSON.parse(row.origin) as NoticeOrigin,
        auditSeq: row.audit_seq,
        stamp: JSON.parse(row.stamp) as OpenNotice['stamp'],
        done: new Set(JSON.parse(row.done) as string[]),
        held: new Set(JSON.parse(row.held) as string[]),
      }));
  }

  prune(now: number): void {
    this.#statements.prune.run(now - FINISHED_KEPT_MS);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #mark(key: string, change: (marks: { done: Set<string>; held: Set<string> }) => void): void {
    const row = this.#statements.read.get(key) as { done: string; held: string } | undefined;
    if (row === undefined) return;
    const marks = { done: new Set(JSON.parse(row.done) as string[]), held: new Set(JSON.parse(row.held) as string[]) };
    change(marks);
    this.#statements.update.run(JSON.stringify([...marks.done]), JSON.stringify([...marks.held]), key);
  }
}
