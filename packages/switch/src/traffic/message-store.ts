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
 * restarted state switch routes (and holds, .02.) traffic for a county before it links again;
 * and the hit confirmations this switch asked for and has not had answered, with their
 * deadlines, so a restart does not forget to follow them up; and when each of the switch's
 * own schedules (the state control point's validation reports) last ran, so a switch
 * restarted more often than a schedule's interval still runs it. (The transaction journal,
 * pipeline/journal.ts, keeps its own tables in this file, on a connection of its own.)
 *
 * A row may be bound to one operator (the answers of that operator's transaction: CJIS need
 * to know, no one else at the terminal gets them) and may carry a key that makes storing it
 * again a no-op (a delivery resumed after a crash stores what it stored before, once).
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
  /** Only this operator may be given it (an answer to that operator's transaction). */
  readonly operatorId?: string;
  /** Storing a message with the same key again does nothing. */
  readonly dedupeKey?: string;
  /** A broadcast's copy for one terminal (bounded per terminal, see `putMany`). */
  readonly broadcast?: boolean;
}

export interface NewStoredMessage {
  readonly address: string;
  readonly destination: string;
  readonly frame: Frame;
  readonly storedAt: number;
  readonly expiresAt: number;
  readonly reportToSender: boolean;
  readonly operatorId?: string;
  readonly dedupeKey?: string;
  readonly broadcast?: boolean;
}

/** An open hit confirmation as kept across restarts (traffic/hit-confirmations.ts). */
export interface StoredConfirmation {
  readonly id: string;
  readonly recordId: string;
  readonly priority: 'U' | 'R';
  readonly requestingOri: string;
  readonly requestingTerminal: string;
  readonly enteringOri: string;
  readonly requestNumber: number;
  /** When the answer to the last request is due (epoch ms): counted from when it was sent. */
  readonly dueAt: number;
  /** The request numbered `requestNumber` is being sent and may not have gone out. */
  readonly sending: boolean;
  /** The escalation (after the last request) is being sent and may not have gone out. */
  readonly escalating: boolean;
  /** The YQ as first sent (an encoded Frame with its transaction). */
  readonly context: Uint8Array;
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
CREATE TABLE IF NOT EXISTS hit_confirmations (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  priority TEXT NOT NULL,
  requesting_ori TEXT NOT NULL,
  requesting_terminal TEXT NOT NULL,
  entering_ori TEXT NOT NULL,
  request_number INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  sending INTEGER NOT NULL,
  escalating INTEGER NOT NULL,
  context BLOB NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS peer_announcements (
  peer TEXT PRIMARY KEY,
  oris TEXT NOT NULL,
  terminals TEXT NOT NULL,
  announced_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS scheduled_runs (
  schedule TEXT PRIMARY KEY,
  last_run_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
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
  operator_id: string | null;
  dedupe_key: string | null;
  broadcast: number;
}

/** Columns added since the first version of the table, added to an older file at open. */
const ADDED_COLUMNS: readonly (readonly [name: string, definition: string])[] = [
  ['operator_id', 'TEXT'],
  ['dedupe_key', 'TEXT'],
  ['broadcast', 'INTEGER NOT NULL DEFAULT 0'],
];

export class MessageStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #expired: Database.Statement;
  readonly #total: Database.Statement;
  readonly #trimBroadcasts: Database.Statement;
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
    const columns = new Set((this.#db.pragma('table_info(stored_messages)') as { name: string }[]).map((column) => column.name));
    for (const [name, definition] of ADDED_COLUMNS) {
      if (!columns.has(name)) this.#db.exec(`ALTER TABLE stored_messages ADD COLUMN ${name} ${definition}`);
    }
    this.#db.exec('CREATE UNIQUE INDEX IF NOT EXISTS stored_messages_dedupe ON stored_messages (dedupe_key) WHERE dedupe_key IS NOT NULL');
    this.#insert = this.#db.prepare(`INSERT OR IGNORE INTO stored_messages
      (address, destination, frame, stored_at, expires_at, report_to_sender, operator_id, dedupe_key, broadcast) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // The oldest broadcast copies of a terminal beyond its share go first.
    this.#trimBroadcasts = this.#db.prepare(`DELETE FROM stored_messages WHERE id IN (
      SELECT id FROM stored_messages WHERE address = ? AND broadcast = 1 ORDER BY id DESC LIMIT -1 OFFSET ?)`);
    this.#delete = this.#db.prepare('DELETE FROM stored_messages WHERE id = ?');
    this.#expired = this.#db.prepare('SELECT * FROM stored_messages WHERE expires_at <= ? ORDER BY id');
    this.#total = this.#db.prepare('SELECT COUNT(*) FROM stored_messages').pluck();
  }

  /** Stores one frame; returns its id once committed (0 when its dedupe key was already stored). */
  put(message: NewStoredMessage): number {
    return this.#insertOne(message);
  }

  /**
   * Stores several frames in one transaction (one commit for a broadcast's copies), then
   * trims each terminal's broadcast copies to `maxBroadcastsPerAddress`, oldest first.
   * Returns how many were stored and the copies trimmed away.
   */
  putMany(messages: readonly NewStoredMessage[], maxBroadcastsPerAddress: number): { stored: number; trimmed: StoredMessage[] } {
    return this.#db.transaction(() => {
      let stored = 0;
      for (const message of messages) if (this.#insertOne(message) > 0) stored += 1;
      const trimmed: StoredMessage[] = [];
      for (const address of new Set(messages.filter((message) => message.broadcast).map((message) => message.address))) {
        const over = this.#db.prepare('SELECT * FROM stored_messages WHERE address = ? AND broadcast = 1 ORDER BY id DESC LIMIT -1 OFFSET ?')
          .all(address, maxBroadcastsPerAddress) as Row[];
        if (over.length === 0) continue;
        trimmed.push(...over.map(toMessage));
        this.#trimBroadcasts.run(address, maxBroadcastsPerAddress);
      }
      return { stored, trimmed };
    })();
  }

  /**
   * Frames waiting for any of these addresses and not expired at `now`, oldest first; with
   * `operatorId`, not those bound to another operator.
   */
  pending(addresses: readonly string[], now: number, operatorId?: string): StoredMessage[] {
    if (addresses.length === 0) return [];
    const marks = addresses.map(() => '?').join(', ');
    const rows = this.#db
      .prepare(`SELECT * FROM stored_messages WHERE address IN (${marks}) AND expires_at > ? AND (operator_id IS NULL OR operator_id = ?) ORDER BY id`)
      .all(...addresses, now, operatorId ?? null) as Row[];
    return rows.map(toMessage);
  }

  /** How many frames wait for these addresses (for `operatorId`, as `pending`). */
  count(addresses: readonly string[], now: number, operatorId?: string): number {
    if (addresses.length === 0) return 0;
    const marks = addresses.map(() => '?').join(', ');
    return this.#db
      .prepare(`SELECT COUNT(*) FROM stored_messages WHERE address IN (${marks}) AND expires_at > ? AND (operator_id IS NULL OR operator_id = ?)`)
      .pluck()
      .get(...addresses, now, operatorId ?? null) as number;
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

  #insertOne(message: NewStoredMessage): number {
    const bytes = encodeFrame(message.frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
    const result = this.#insert.run(
      message.address, message.destination, Buffer.from(bytes), message.storedAt, message.expiresAt, message.reportToSender ? 1 : 0,
      message.operatorId ?? null, message.dedupeKey ?? null, message.broadcast ? 1 : 0,
    );
    return result.changes === 0 ? 0 : Number(result.lastInsertRowid);
  }

  get size(): number {
    return this.#total.get() as number;
  }

  /** Keeps an open hit confirmation (replacing what was kept for its id). */
  saveConfirmation(confirmation: StoredConfirmation): void {
    this.#db.prepare(`INSERT OR REPLACE INTO hit_confirmations
      (id, record_id, priority, requesting_ori, requesting_terminal, entering_ori, request_number, due_at, sending, escalating, context)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(confirmation.id, confirmation.recordId, confirmation.priority, confirmation.requestingOri, confirmation.requestingTerminal,
        confirmation.enteringOri, confirmation.requestNumber, confirmation.dueAt, confirmation.sending ? 1 : 0, confirmation.escalating ? 1 : 0,
        Buffer.from(confirmation.context));
  }

  removeConfirmation(id: string): void {
    this.#db.prepare('DELETE FROM hit_confirmations WHERE id = ?').run(id);
  }

  /** Every open hit confirmation kept. */
  confirmations(): StoredConfirmation[] {
    const rows = this.#db.prepare('SELECT * FROM hit_confirmations ORDER BY due_at').all() as {
      id: string; record_id: string; priority: string; requesting_ori: string; requesting_terminal: string; entering_ori: string;
      request_number: number; due_at: number; sending: number; escalating: number; context: Uint8Array;
    }[];
    return rows.map((row) => ({
      id: row.id, recordId: row.record_id, priority: row.priority === 'U' ? 'U' : 'R', requestingOri: row.requesting_ori,
      requestingTerminal: row.requesting_terminal, enteringOri: row.entering_ori, requestNumber: row.request_number, dueAt: row.due_at,
      sending: row.sending === 1, escalating: row.escalating === 1, context: row.context,
    }));
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

  /** When a schedule last completed a run (epoch ms), or undefined when it never has here. */
  lastRun(schedule: string): number | undefined {
    const at = this.#db.prepare('SELECT last_run_at FROM scheduled_runs WHERE schedule = ?').pluck().get(schedule);
    return typeof at === 'number' ? at : undefined;
  }

  /** Records a schedule's completed run (committed before the next run is timed from it). */
  saveRun(schedule: string, at: number): void {
    this.#db.prepare('INSERT INTO scheduled_runs (schedule, last_run_at) VALUES (?, ?) ON CONFLICT (schedule) DO UPDATE SET last_run_at = excluded.last_run_at')
      .run(schedule, at);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}

function toMessage(row: Row): StoredMessage {
  return {
    id: row.id, address: row.address, destination: row.destination, frame: decodeFrame(row.frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }),
    storedAt: row.stored_at, expiresAt: row.expires_at, reportToSender: row.report_to_sender === 1,
    ...(row.operator_id !== null ? { operatorId: row.operator_id } : {}),
    ...(row.dedupe_key !== null ? { dedupeKey: row.dedupe_key } : {}),
    ...(row.broadcast === 1 ? { broadcast: true } : {}),
  };
}
