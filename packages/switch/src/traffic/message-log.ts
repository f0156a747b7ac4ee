/**
 * The operator's message log: every message an operator sent and received at a terminal of
 * this switch, kept for that operator across sessions (a shift's traffic read again the next
 * day, a response put in a case file, a hit confirmation built from yesterday's hit). The
 * switch answers the key `LOG` from it itself (catalogue route `local`, docs/protocol.md,
 * "The operator's message log"); only the operator who sent or received a message reads it
 * back (CJIS need to know: the log holds criminal justice information; another operator at
 * the same terminal does not see it).
 *
 * In the messages database (`messagesPath`), its own table and connection, as the journal.
 * Written off the transaction path: `sent` and `received` only queue the transaction or the
 * frame; at the turn's end, after the frames were written, they are made into rows (text
 * rendered, ISN matched) and every row of the turn is committed in one SQLite transaction. The log is not a promise to anyone (the audit log is
 * the record of what was disclosed): a write that fails is logged and counted, its rows are
 * dropped, and nothing the switch does waits for it or fails with it. Synchronous NORMAL: a
 * power loss may cost the last commits, a process crash none.
 *
 * Kept for `retentionDays` and at most `maxPerOperator` rows per operator (the oldest go
 * first), pruned a chunk at a time (`prune`, once a second from switch.ts). A search reads
 * the operator's rows a chunk at a time and yields between chunks, so it never holds the
 * loop for long.
 */
import Database from 'better-sqlite3';
import {
  CletsError, HitStatus, SWITCH_SYSTEM,
  type Field, type Frame, type Header, type Response, type ResponseRecord, type Transaction,
} from '@clets/protocol';
import { firstLine, MESSAGE_LOG_KEY, receivedEntry, sentEntry, transactionKey, utc, type LogDirection, type LogEntry } from './message-log-entries.js';

export interface MessageLogSettings {
  /** Days a message is kept. */
  readonly retentionDays: number;
  /** Messages kept per operator at most; the oldest go first. */
  readonly maxPerOperator: number;
  /** Messages a listing shows per page. */
  readonly pageSize: number;
}

/** Whose log a message goes in, and where they were. */
export interface LogIdentity {
  readonly operatorId: string;
  readonly ori: string;
  readonly terminal: string;
}

/** One message as read back. */
export interface LoggedMessage extends LogEntry {
  readonly id: number;
  readonly at: number;
  readonly ori: string;
  readonly terminal: string;
  readonly firstLine: string;
}

export interface MessageLogOptions {
  /** SQLite file (the messages database), or ':memory:'. */
  readonly path: string;
  readonly settings: MessageLogSettings;
  readonly clock: () => number;
  readonly log?: { error(object: object, message?: string): void };
  /** Rows that could not be written (counted in the switch's metrics). */
  readonly onWriteFailure?: (rows: number) => void;
}

/** A listing: one page, newest first. */
export interface LogPage {
  readonly page: number;
  readonly messages: readonly LoggedMessage[];
  /** Another page follows. */
  readonly more: boolean;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS message_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  operator_id TEXT NOT NULL,
  ori TEXT NOT NULL,
  terminal TEXT NOT NULL,
  at INTEGER NOT NULL,
  direction TEXT NOT NULL,
  kind TEXT NOT NULL,
  isn INTEGER,
  message_key TEXT NOT NULL,
  party TEXT NOT NULL,
  first_line TEXT NOT NULL,
  text TEXT NOT NULL,
  records TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS message_log_operator ON message_log (operator_id, id);
CREATE INDEX IF NOT EXISTS message_log_isn ON message_log (operator_id, isn, id) WHERE isn IS NOT NULL;
`;

interface Row {
  id: number;
  operator_id: string;
  ori: string;
  terminal: string;
  at: number;
  direction: string;
  kind: string;
  isn: number | null;
  message_key: string;
  party: string;
  first_line: string;
  text: string;
  records: string | null;
}

interface QueuedRow {
  readonly identity: LogIdentity;
  readonly at: number;
  readonly entry: LogEntry;
}

interface Incoming {
  readonly identity: LogIdentity;
  readonly at: number;
  readonly transaction?: Transaction;
  readonly frame?: Frame;
}

/** A transaction sent and not yet receipted or refused: its row waits for its ISN. */
interface Pending {
  readonly identity: LogIdentity;
  readonly at: number;
  readonly transaction: Transaction;
  /** A `LOG` transaction: neither it nor its answers are logged. */
  readonly skip: boolean;
}

const BUSY_TIMEOUT_MS = 1_000;
const DAY_MS = 86_400_000;
/** Rows one prune deletes at most: a prune must not hold the loop for long. */
const PRUNE_CHUNK = 2_000;
/** Rows a search reads between two turns of the loop. */
const SEARCH_CHUNK = 500;
/**
 * How long a sent transaction waits for its receipt before it is logged without an ISN (a
 * session that ended before the answer, say). Far beyond the switch's own deadlines.
 */
const PENDING_MAX_AGE_MS = 10 * 60_000;
/** Transactions waiting for their receipt at most (every session's window together is far less). */
const PENDING_MAX = 50_000;
/** Recalled messages at most (an ISN's exchange is a few). */
const RECALL_MAX = 50;

export class MessageLog {
  readonly #db: Database.Database;
  readonly #options: MessageLogOptions;
  readonly #statements: {
    insert: Database.Statement;
    count: Database.Statement;
    trimOperator: Database.Statement;
    expire: Database.Statement;
    page: Database.Statement;
    chunkStart: Database.Statement;
    chunkMatches: Database.Statement;
    byId: Database.Statement;
    newestSent: Database.Statement;
    newestWithIsn: Database.Statement;
    exchange: Database.Statement;
  };
  /** What the terminals sent and were given this turn, as it came. */
  #incoming: Incoming[] = [];
  /** Rows made of it, and of transactions that waited too long for their receipt. */
  #queue: QueuedRow[] = [];
  #immediate: NodeJS.Immediate | undefined;
  readonly #pending = new Map<string, Pending>();
  /** Rows per operator, for the bound (read from the table the first time an operator writes). */
  readonly #counts = new Map<string, number>();
  #failures = 0;
  #closed = false;

  constructor(options: MessageLogOptions) {
    this.#options = options;
    this.#db = new Database(options.path, { timeout: BUSY_TIMEOUT_MS });
    if (options.path !== ':memory:') {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      // The journal's checkpointer (a worker thread) copies this file's WAL back: an automatic
      // checkpoint here would block the loop (audit/checkpointer.ts).
      this.#db.pragma('wal_autocheckpoint = 0');
    }
    this.#db.exec(SCHEMA_SQL);
    const columns = 'id, operator_id, ori, terminal, at, direction, kind, isn, message_key, party, first_line, text, records';
    this.#statements = {
      insert: this.#db.prepare(`INSERT INTO message_log (operator_id, ori, terminal, at, direction, kind, isn, message_key, party, first_line, text, records)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      count: this.#db.prepare('SELECT count(*) FROM message_log WHERE operator_id = ?').pluck(),
      trimOperator: this.#db.prepare('DELETE FROM message_log WHERE id IN (SELECT id FROM message_log WHERE operator_id = ? ORDER BY id LIMIT ?)'),
      // Oldest first by id: rows are written in time order, so this walks the primary key and
      // stops at the first row young enough.
      expire: this.#db.prepare('DELETE FROM message_log WHERE id IN (SELECT id FROM message_log ORDER BY id LIMIT ?) AND at < ? RETURNING operator_id'),
      page: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`),
      // A search reads a chunk of the operator's rows at a time: where the chunk starts (from
      // the index alone), then its rows that hold the text, matched in SQLite, so only
      // matches are read into the loop.
      chunkStart: this.#db.prepare('SELECT min(id) AS low, count(*) AS rows FROM (SELECT id FROM message_log WHERE operator_id = ? AND id < ? ORDER BY id DESC LIMIT ?)'),
      chunkMatches: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? AND id < ? AND id >= ?
        AND (instr(upper(text), ?) > 0 OR instr(party, ?) > 0) ORDER BY id DESC`),
      byId: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? AND id = ?`),
      newestSent: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? AND isn = ? AND direction = 'SENT' ORDER BY id DESC LIMIT 1`),
      newestWithIsn: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? AND isn = ? ORDER BY id DESC LIMIT 1`),
      exchange: this.#db.prepare(`SELECT ${columns} FROM message_log WHERE operator_id = ? AND isn = ? AND terminal = ? AND id >= ? ORDER BY id LIMIT ?`),
    };
  }

  /** Rows lost to failed writes since start. */
  get failures(): number {
    return this.#failures;
  }

  /** Messages and rows waiting for the end of the turn. */
  get queued(): number {
    return this.#incoming.length + this.#queue.length;
  }

  /**
   * A transaction the operator sent. Its row is written once the switch's receipt names its
   * ISN (or a reject refuses it): the operator finds it by that number. Only queued here:
   * everything else happens at the end of the turn.
   */
  sent(identity: LogIdentity, transaction: Transaction): void {
    if (this.#closed) return;
    this.#incoming.push({ identity, at: this.#options.clock(), transaction });
    this.#schedule();
  }

  /** A frame written to the operator's terminal: logged when it is a message (message-log-entries.ts). Only queued here. */
  received(identity: LogIdentity, frame: Frame): void {
    if (this.#closed || !mayBeLogged(frame)) return;
    this.#incoming.push({ identity, at: this.#options.clock(), frame });
    this.#schedule();
  }

  #applySent(identity: LogIdentity, at: number, transaction: Transaction): void {
    const clientMessageId = transaction.header?.clientMessageId ?? '';
    const skip = transactionKey(transaction) === MESSAGE_LOG_KEY;
    if (clientMessageId === '') {
      if (!skip) this.#queue.push({ identity, at, entry: sentEntry(transaction, undefined) });
      return;
    }
    if (this.#pending.size >= PENDING_MAX) this.#settleOldest();
    this.#pending.set(pendingKey(identity, clientMessageId), { identity, at, transaction, skip });
  }

  #applyReceived(identity: LogIdentity, at: number, frame: Frame): void {
    const header = replyHeaderOf(frame);
    const clientMessageId = header?.clientMessageId ?? '';
    const key = clientMessageId === '' ? undefined : pendingKey(identity, clientMessageId);
    const pending = key === undefined ? undefined : this.#pending.get(key);
    if (pending !== undefined && (frame.receipt != null || frame.reject != null)) {
      this.#pending.delete(key!);
      if (!pending.skip) this.#queue.push({ identity: pending.identity, at: pending.at, entry: sentEntry(pending.transaction, header ?? undefined) });
    }
    if (pending?.skip === true || (header?.messageKey ?? '') === MESSAGE_LOG_KEY) return;
    const entry = receivedEntry(frame, identity.terminal);
    if (entry !== undefined) this.#queue.push({ identity, at, entry });
  }

  /** Writes what is queued now (tests, shutdown); otherwise it happens at the end of the turn. */
  flush(): void {
    if (this.#immediate !== undefined) {
      clearImmediate(this.#immediate);
      this.#immediate = undefined;
    }
    const incoming = this.#incoming;
    this.#incoming = [];
    for (const item of incoming) {
      try {
        if (item.frame !== undefined) this.#applyReceived(item.identity, item.at, item.frame);
        else if (item.transaction !== undefined) this.#applySent(item.identity, item.at, item.transaction);
      } catch (error) {
        this.#lost(1, error);
      }
    }
    const rows = this.#queue;
    if (rows.length === 0) return;
    this.#queue = [];
    try {
      this.#db.transaction(() => {
        for (const { identity, at, entry } of rows) {
          this.#statements.insert.run(
            identity.operatorId, identity.ori, identity.terminal, at, entry.direction, entry.kind, entry.isn ?? null, entry.messageKey,
            entry.party, firstLine(entry.summary ?? entry.text), entry.text, entry.records === undefined ? null : JSON.stringify(entry.records),
          );
        }
      })();
    } catch (error) {
      this.#lost(rows.length, error);
      return;
    }
    const written = new Map<string, number>();
    for (const { identity } of rows) written.set(identity.operatorId, (written.get(identity.operatorId) ?? 0) + 1);
    for (const [operatorId, rowsWritten] of written) {
      const count = this.#counts.get(operatorId);
      this.#counts.set(operatorId, count === undefined ? this.#countOf(operatorId) : count + rowsWritten);
    }
  }

  /**
   * Drops what is past its retention and what is beyond an operator's bound, a chunk at a
   * time; logs a transaction still waiting for its receipt after PENDING_MAX_AGE_MS without
   * its ISN. Returns the rows deleted.
   */
  prune(now: number): number {
    if (this.#closed) return 0;
    for (const [key, pending] of this.#pending) {
      if (now - pending.at < PENDING_MAX_AGE_MS) break;
      this.#pending.delete(key);
      if (!pending.skip) this.#queueRow(pending.identity, pending.at, sentEntry(pending.transaction, undefined));
    }
    let deleted = 0;
    try {
      const cutoff = now - this.#options.settings.retentionDays * DAY_MS;
      const expired = this.#statements.expire.all(PRUNE_CHUNK, cutoff) as { operator_id: string }[];
      deleted += expired.length;
      for (const { operator_id: operatorId } of expired) {
        const count = this.#counts.get(operatorId);
        if (count !== undefined) this.#counts.set(operatorId, count - 1);
      }
      const max = this.#options.settings.maxPerOperator;
      for (const [operatorId, count] of this.#counts) {
        if (count <= max || deleted >= PRUNE_CHUNK) continue;
        const over = Math.min(count - max, PRUNE_CHUNK - deleted);
        const removed = this.#statements.trimOperator.run(operatorId, over).changes;
        this.#counts.set(operatorId, count - removed);
        deleted += removed;
      }
    } catch (error) {
      this.#options.log?.error({ err: error }, 'message log prune failed');
    }
    return deleted;
  }

  /** One page of the operator's messages, newest first; with `find`, those whose text holds it (any case). */
  async list(operatorId: string, options: { find?: string; page?: number } = {}): Promise<LogPage> {
    this.flush();
    const page = Math.max(1, options.page ?? 1);
    const size = this.#options.settings.pageSize;
    const skip = (page - 1) * size;
    const find = options.find?.toUpperCase();
    if (find === undefined || find === '') {
      const rows = this.#statements.page.all(operatorId, size + 1, skip) as Row[];
      return { page, messages: rows.slice(0, size).map(messageOf), more: rows.length > size };
    }
    const found: LoggedMessage[] = [];
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const chunk = this.#statements.chunkStart.get(operatorId, before, SEARCH_CHUNK) as { low: number | null; rows: number };
      if (chunk.low === null) break;
      for (const row of this.#statements.chunkMatches.all(operatorId, before, chunk.low, find, find) as Row[]) found.push(messageOf(row));
      if (chunk.rows < SEARCH_CHUNK || found.length > skip + size) break;
      before = chunk.low;
      // Another chunk on a later turn: a long search never holds the loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.#closed) break;
    }
    return { page, messages: found.slice(skip, skip + size), more: found.length > skip + size };
  }

  /**
   * The messages of one exchange: by entry number (`id`; a transaction's row brings its
   * answers), or by ISN (the newest transaction with that number: ISNs count per terminal per
   * day). Only the operator's own: another operator's number finds nothing.
   */
  recall(operatorId: string, by: { id: number } | { isn: number }): LoggedMessage[] {
    this.flush();
    const anchor = 'id' in by
      ? this.#statements.byId.get(operatorId, by.id) as Row | undefined
      : (this.#statements.newestSent.get(operatorId, by.isn) ?? this.#statements.newestWithIsn.get(operatorId, by.isn)) as Row | undefined;
    if (anchor === undefined) return [];
    if (anchor.isn === null || ('id' in by && anchor.direction !== 'SENT')) return [messageOf(anchor)];
    const rows = this.#statements.exchange.all(operatorId, anchor.isn, anchor.terminal, anchor.id, RECALL_MAX) as Row[];
    // The same ISN on a later day is another transaction: the exchange ends at its row.
    const next = rows.findIndex((row) => row.id !== anchor.id && row.direction === 'SENT');
    return (next < 0 ? rows : rows.slice(0, next)).map(messageOf);
  }

  /**
   * The switch's answer to `LOG` (PipelineDeps.answerLocally), for the operator who sent it:
   * `ISN/n` or `LNO/n` recalls an exchange, otherwise a page of the listing (`FND/text` to
   * search, `PAG/n` for a later page).
   */
  async answer(transaction: Transaction, operatorId: string | undefined): Promise<Response> {
    if (operatorId === undefined || operatorId === '') {
      throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'the message log is read by the operator it belongs to', { system: SWITCH_SYSTEM });
    }
    const fields = new Map((transaction.fields ?? []).map((field: Field) => [field.tag ?? '', field.value ?? '']));
    const header = transaction.header ?? {};
    const isn = fields.get('ISN');
    const entry = fields.get('LNO');
    if (isn !== undefined || entry !== undefined) {
      const by = entry !== undefined ? { id: Number(entry) } : { isn: Number(isn) };
      return recallAnswer(header, this.recall(operatorId, by), entry !== undefined ? `LNO/${entry}` : `ISN/${isn}`);
    }
    const find = fields.get('FND');
    const listing = await this.list(operatorId, { page: Number(fields.get('PAG') ?? 1), ...(find !== undefined ? { find } : {}) });
    return listingAnswer(header, operatorId, listing, find);
  }

  close(): void {
    if (this.#closed) return;
    // What came this turn first (a receipt names its transaction's ISN), then what still waits.
    this.flush();
    for (const pending of this.#pending.values()) {
      if (!pending.skip) this.#queue.push({ identity: pending.identity, at: pending.at, entry: sentEntry(pending.transaction, undefined) });
    }
    this.#pending.clear();
    this.flush();
    this.#closed = true;
    this.#db.close();
  }

  #queueRow(identity: LogIdentity, at: number, entry: LogEntry): void {
    this.#queue.push({ identity, at, entry });
    this.#schedule();
  }

  /**
   * A flush at the end of the turn, after the frames of this turn were written (setImmediate
   * runs after the I/O callbacks that wrote them).
   */
  #schedule(): void {
    this.#immediate ??= setImmediate(() => {
      this.#immediate = undefined;
      this.flush();
    });
  }

  #lost(rows: number, error: unknown): void {
    this.#failures += rows;
    this.#options.onWriteFailure?.(rows);
    this.#options.log?.error({ err: error, rows }, 'message log write failed: rows dropped');
  }

  #settleOldest(): void {
    const oldest = this.#pending.entries().next();
    if (oldest.done === true) return;
    const [key, pending] = oldest.value;
    this.#pending.delete(key);
    if (!pending.skip) this.#queueRow(pending.identity, pending.at, sentEntry(pending.transaction, undefined));
  }

  #countOf(operatorId: string): number {
    return this.#statements.count.get(operatorId) as number;
  }
}

function pendingKey(identity: LogIdentity, clientMessageId: string): string {
  return `${identity.terminal}\u0000${identity.operatorId}\u0000${clientMessageId}`;
}

/** A frame that may make or complete a row (a receipt names a sent transaction's ISN); the rest are dropped at once. */
function mayBeLogged(frame: Frame): boolean {
  return frame.receipt != null || frame.response != null || frame.reject != null || frame.queuedNotice != null || frame.adminMessage != null
    || frame.hitConfirmationRequest != null || frame.hitConfirmationResponse != null || frame.deliveryReport != null;
}

/** The header a frame echoes (whose transaction it answers). */
function replyHeaderOf(frame: Frame): Header | null | undefined {
  return frame.receipt?.header ?? frame.reject?.header ?? frame.response?.header ?? frame.queuedNotice?.header
    ?? frame.completion?.header ?? frame.deliveryReport?.header;
}

function messageOf(row: Row): LoggedMessage {
  return {
    id: row.id, at: row.at, ori: row.ori, terminal: row.terminal, direction: row.direction as LogDirection, kind: row.kind,
    isn: row.isn ?? undefined, messageKey: row.message_key, party: row.party, firstLine: row.first_line, text: row.text,
    records: row.records === null ? undefined : JSON.parse(row.records) as ResponseRecord[],
  };
}

/** One message's heading in a recall: its number, when, which way, the ISN and the other party. */
function heading(message: LoggedMessage): string {
  const way = message.direction === 'SENT' ? `SENT AT ${message.terminal}${message.party ? ` TO ${message.party}` : ''}` : `RECEIVED AT ${message.terminal}${message.party ? ` FROM ${message.party}` : ''}`;
  return `LNO/${message.id} ${utc(message.at)} ${way}${message.isn === undefined ? '' : ` ISN/${message.isn}`}`;
}

/**
 * A recall: one record per message (its heading and text), and after a response with a hit
 * its records as they came, with their NIC and entering agency: a hit confirmation is built
 * from them, and the audit row of this answer names them (the log discloses them again).
 */
function recallAnswer(header: Header, messages: readonly LoggedMessage[], asked: string): Response {
  const base = { header, system: SWITCH_SYSTEM, responseKey: MESSAGE_LOG_KEY };
  if (messages.length === 0) {
    return { ...base, status: HitStatus.HIT_STATUS_NO_RECORD, records: [], text: `NO MESSAGE ${asked} IN YOUR MESSAGE LOG` };
  }
  const records: ResponseRecord[] = [];
  const text: string[] = [];
  for (const message of messages) {
    const original = message.records ?? [];
    // A response with its records recalled shows their text below: its own line heads them.
    const body = original.length > 0 ? message.text.split('\n', 1)[0] ?? '' : message.text;
    const shown = `${heading(message)}\n${body}`;
    records.push({
      status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: SWITCH_SYSTEM, file: 'MESSAGE LOG', text: shown,
      fields: [
        { tag: 'LNO', value: String(message.id) }, { tag: 'TIM', value: new Date(message.at).toISOString() },
        { tag: 'DIR', value: message.direction }, { tag: 'MKE', value: message.messageKey },
        ...(message.isn === undefined ? [] : [{ tag: 'ISN', value: String(message.isn) }]),
      ],
    });
    records.push(...original);
    text.push(shown, ...original.map((record) => record.text ?? ''));
  }
  return { ...base, status: HitStatus.HIT_STATUS_ACKNOWLEDGED, records, text: text.join('\n\n') };
}

function listingAnswer(header: Header, operatorId: string, listing: LogPage, find: string | undefined): Response {
  const base = { header, system: SWITCH_SYSTEM, responseKey: MESSAGE_LOG_KEY, records: [] };
  const matching = find === undefined ? '' : ` MATCHING "${find}"`;
  if (listing.messages.length === 0) {
    const text = listing.page > 1 ? `NO PAGE ${listing.page} IN THE MESSAGE LOG OF ${operatorId}${matching}` : `NO MESSAGE IN THE MESSAGE LOG OF ${operatorId}${matching}`;
    return { ...base, status: HitStatus.HIT_STATUS_NO_RECORD, text };
  }
  const lines = [
    `MESSAGE LOG OF ${operatorId}${matching}, NEWEST FIRST, PAGE ${listing.page}`,
    `${'LNO'.padStart(8)} ${'TIME (UTC)'.padEnd(20)} DIR  ${'ISN'.padStart(6)} ${'KEY'.padEnd(4)} ${'FROM/TO'.padEnd(16)} FIRST LINE`,
  ];
  for (const message of listing.messages) {
    lines.push([
      String(message.id).padStart(8), utc(message.at).padEnd(20), message.direction === 'SENT' ? 'OUT ' : 'IN  ',
      (message.isn === undefined ? '-' : String(message.isn)).padStart(6), message.messageKey.padEnd(4).slice(0, 4),
      message.party.padEnd(16).slice(0, 16), firstLine(message.firstLine, 60),
    ].join(' '));
  }
  lines.push(listing.more ? `MORE: PAGE ${listing.page + 1} (PAG/${listing.page + 1})` : 'END OF LOG');
  lines.push('RECALL ONE: ISN/n (THE NEWEST TRANSACTION WITH THAT ISN) OR LNO/n');
  return { ...base, status: HitStatus.HIT_STATUS_ACKNOWLEDGED, text: lines.join('\n') };
}
