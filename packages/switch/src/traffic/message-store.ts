/**
 * Traffic waiting for a terminal that is not logged in: administrative messages, hit
 * confirmation requests and responses, late delivery reports. docs/domain.md section 5: "an
 * offline terminal receives queued messages when it logs in". Each row is addressed to a
 * terminal mnemonic, to an ORI (whichever terminal of the agency logs in first takes it), or
 * to a link (`link:<name>`: a frame for another switch, sent when the link comes back).
 *
 * One SQLite file of its own (`messagesPath`), not the audit log: the audit file is
 * append-only and hash-chained, these rows are deleted once delivered. Writes happen only
 * when a destination is offline, so each is its own transaction, committed (synchronous
 * FULL) before the sender is told "stored": the promise is kept across a crash.
 *
 * The same file keeps what each county announced when it last linked (state switch), so a
 * restarted state switch routes (and holds, .02.) traffic for a county before it links again.
 */
import Database from 'better-sqlite3';
import { decodeFrame, encodeFrame, type DecodedFrame, type Frame } from '@clets/protocol';

/** One waiting frame. */
export interface StoredMessage {
  readonly id: number;
  /** Terminal mnemonic, ORI, or `link:<name>`. */
  readonly address: string;
  /** The destination as the sender wrote it (the ORI, terminal, county...), for its report. */
  readonly destination: string;
  readonly frame: DecodedFrame;
  readonly storedAt: number;
  /** After this the row is dropped and, when `reportToSender`, the sender told (non-delivery). */
  readonly expiresAt: number;
  /** The sender wants a delivery report when this is delivered or expires (an AM, a YQ). */
  readonly reportToSender: boolean;
}

export interface NewStoredMessage {
  readonly address: string;
  readonly destination: string;
  readonly frame: Frame;
  readonly storedAt: number;
  readonly expiresAt: number;
  readonly reportToSender: boolean;
}

/** The address of frames waiting for a link to another switch. */
export function linkAddress(link: string): string {
  return `link:${link}`;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS stored_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  address TEXT NOT NULL,
  destination TEXT NOT NULL,
  frame BLOB NOT NULL,
  stored_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  report_to_sender INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS stored_messages_address ON stored_messages (address, id);
CREATE INDEX IF NOT EXISTS stored_messages_expiry ON stored_messages (expires_at);
CREATE TABLE IF NOT EXISTS peer_announcements (
  peer TEXT PRIMARY KEY,
  oris TEXT NOT NULL,
  terminals TEXT NOT NULL,
  announced_at INTEGER NOT NULL
) STRICT;
`;

/** What a county switch served when it last linked. */
export interface PeerAnnouncement {
  readonly peer: string;
  readonly oris: readonly string[];
  readonly terminals: readonly string[];
  readonly announcedAt: number;
}

interface Row {
  id: number;
  address: string;
  destination: string;
  frame: Uint8Array;
  stored_at: number;
  expires_at: number;
  report_to_sender: number;
}

export class MessageStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #expired: Database.Statement;
  readonly #total: Database.Statement;
  #closed = false;

  /** Opens (creating when needed) the store; ':memory:' for tests. */
  constructor(path: string) {
    this.path = path;
    this.#db = new Database(path);
    if (path !== ':memory:') {
      this.#db.pragma('journal_mode = WAL');
      // A "stored" report is a promise to deliver: it must survive a power loss.
      this.#db.pragma('synchronous = FULL');
    }
    this.#db.pragma('busy_timeout = 100');
    this.#db.exec(SCHEMA_SQL);
    this.#insert = this.#db.prepare(
      'INSERT INTO stored_messages (address, destination, frame, stored_at, expires_at, report_to_sender) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#delete = this.#db.prepare('DELETE FROM stored_messages WHERE id = ?');
    this.#expired = this.#db.prepare('SELECT * FROM stored_messages WHERE expires_at <= ? ORDER BY id');
    this.#total = this.#db.prepare('SELECT COUNT(*) FROM stored_messages').pluck();
  }

  /** Stores one frame; returns its id once committed. */
  put(message: NewStoredMessage): number {
    const bytes = encodeFrame(message.frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    const result = this.#insert.run(
      message.address, message.destination, Buffer.from(bytes), message.storedAt, message.expiresAt, message.reportToSender ? 1 : 0,
    );
    return Number(result.lastInsertRowid);
  }

  /** Frames waiting for any of these addresses and not expired at `now`, oldest first. */
  pending(addresses: readonly string[], now: number): StoredMessage[] {
    if (addresses.length === 0) return [];
    const marks = addresses.map(() => '?').join(', ');
    const rows = this.#db
      .prepare(`SELECT * FROM stored_messages WHERE address IN (${marks}) AND expires_at > ? ORDER BY id`)
      .all(...addresses, now) as Row[];
    return rows.map(toMessage);
  }

  /** How many frames wait for these addresses. */
  count(addresses: readonly string[], now: number): number {
    if (addresses.length === 0) return 0;
    const marks = addresses.map(() => '?').join(', ');
    return this.#db
      .prepare(`SELECT COUNT(*) FROM stored_messages WHERE address IN (${marks}) AND expires_at > ?`)
      .pluck()
      .get(...addresses, now) as number;
  }

  /** Deletes a delivered row. False when another delivery took it first. */
  remove(id: number): boolean {
    return this.#delete.run(id).changes === 1;
  }

  /** Takes (deletes and returns) every row whose retention ran out at `now`. */
  takeExpired(now: number): StoredMessage[] {
    return this.#db.transaction(() => {
      const rows = (this.#expired.all(now) as Row[]).map(toMessage);
      for (const row of rows) this.#delete.run(row.id);
      return rows;
    })();
  }

  get size(): number {
    return this.#total.get() as number;
  }

  /** Remembers what a peer announced (replacing what it announced before). */
  savePeer(announcement: PeerAnnouncement): void {
    this.#db.prepare('INSERT OR REPLACE INTO peer_announcements (peer, oris, terminals, announced_at) VALUES (?, ?, ?, ?)')
      .run(announcement.peer, JSON.stringify(announcement.oris), JSON.stringify(announcement.terminals), announcement.announcedAt);
  }

  /** Every peer's last announcement. */
  peers(): PeerAnnouncement[] {
    const rows = this.#db.prepare('SELECT * FROM peer_announcements ORDER BY peer').all() as { peer: string; oris: string; terminals: string; announced_at: number }[];
    return rows.map((row) => ({
      peer: row.peer, oris: JSON.parse(row.oris) as string[], terminals: JSON.parse(row.terminals) as string[], announcedAt: row.announced_at,
    }));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}

function toMessage(row: Row): StoredMessage {
  return {
    id: row.id, address: row.address, destination: row.destination, frame: decodeFrame(row.frame),
    storedAt: row.stored_at, expiresAt: row.expires_at, reportToSender: row.report_to_sender === 1,
  };
}
