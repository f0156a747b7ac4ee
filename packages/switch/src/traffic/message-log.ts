/**
 * The operator's message log: every message an operator sent and received at a terminal of
 * this switch, kept for that operator across sessions (a shift's traffic read again the next
 * day, a response put in a case file, a hit confirmation built from yesterday's hit). The
 * switch answers the key `LOG` from it itself (catalogue route `local`, docs/protocol.md,
 * "The operator's message log"); only the operator who sent or received a message reads it
 * back (CJIS need to know: the log holds criminal justice information; another operator at
 * the same terminal does not see it).
 *
 * In the messages database (`messagesPath`), its own table and its own connection, owned by a
 * worker thread (message-log-writer.ts) that runs every statement of the log. Written off the
 * transaction path: `sent` and `received` only queue the transaction or the frame; at the
 * turn's end, after the frames were written, they are made into rows (text rendered, ISN
 * matched) and handed to the thread, which commits every row of the turn in one SQLite
 * transaction (rows of the turns that came while a commit was under way go together in the
 * next). The log is not a promise to anyone (the audit log is the record of what was
 * disclosed): a write that fails, or that the thread cannot take (it died; a new one is
 * started on a later write), is logged and counted, its rows are dropped, and nothing the
 * switch does waits for it or fails with it. Synchronous NORMAL: a power loss may cost the
 * last commits, a process crash none.
 *
 * Reads (`list`, `recall`, `answer`) first hand over what is queued and wait until it is
 * committed (or dropped), then ask the same thread: a `LOG` right after a transaction finds
 * it. Kept for `retentionDays` and at most `maxPerOperator` rows per operator (the oldest go
 * first), pruned a chunk at a time (`prune`, once a second from switch.ts), in the thread.
 */
import Database from 'better-sqlite3';
import {
  CletsError, HitStatus, SWITCH_SYSTEM,
  type Field, type Frame, type Header, type Response, type ResponseRecord, type Transaction,
} from '@clets/protocol';
import { firstLine, MESSAGE_LOG_KEY, receivedEntry, sentEntry, transactionKey, utc, type LogDirection, type LogEntry } from './message-log-entries.js';
import { startMessageLogWriter, type MessageLogWriter, type ReadRow, type StoredRow } from './message-log-writer.js';

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
/** Rows one prune deletes at most: a prune must not hold the writer thread (and the log's reads) for long. */
const PRUNE_CHUNK = 2_000;
/** Rows a search reads at a time, so that only the matches are held. */
const SEARCH_CHUNK = 500;
/** Rows waiting for the writer thread at most; beyond, new rows are dropped (and counted) until it catches up. */
const QUEUE_MAX = 100_000;
/** How long after the writer thread died a write starts another (meanwhile rows are dropped and counted). */
const RESTART_DELAY_MS = 5_000;
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
  readonly #options: MessageLogOptions;
  /** The thread that owns the log's connection; undefined while it is dead (until `#diedAt` + RESTART_DELAY_MS). */
  #writer: MessageLogWriter | undefined;
  #diedAt = 0;
  /** What the terminals sent and were given this turn, as it came. */
  #incoming: Incoming[] = [];
  /** Rows made of it, and of transactions that waited too long for their receipt, not yet handed to the thread. */
  #queue: QueuedRow[] = [];
  /** The commit under way in the writer thread (one at a time: what comes meanwhile goes in the next). */
  #inFlight: Promise<void> | undefined;
  #pruning = false;
  #immediate: NodeJS.Immediate | undefined;
  readonly #pending = new Map<string, Pending>();
  #failures = 0;
  #closed: Promise<void> | undefined;

  constructor(options: MessageLogOptions) {
    this.#options = options;
    if (options.path !== ':memory:') {
      // The table exists once the log does, for any other connection to the file; the thread
      // opens it later. A file the log cannot use costs the log, not the switch: the thread
      // fails the same way and every row is counted as lost.
      try {
        const db = new Database(options.path, { timeout: BUSY_TIMEOUT_MS });
        try {
          db.pragma('journal_mode = WAL');
          db.exec(SCHEMA_SQL);
        } finally {
          db.close();
        }
      } catch (error) {
        options.log?.error({ err: error }, 'message log: its table could not be made');
      }
    }
    this.#writer = this.#startWriter();
  }

  /** Rows lost to failed writes since start. */
  get failures(): number {
    return this.#failures;
  }

  /** Messages and rows waiting for the end of the turn or for the writer thread. */
  get queued(): number {
    return this.#incoming.length + this.#queue.length;
  }

  /**
   * A transaction the operator sent. Its row is written once the switch's receipt names its
   * ISN (or a reject refuses it): the operator finds it by that number. Only queued here:
   * everything else happens at the end of the turn.
   */
  sent(identity: LogIdentity, transaction: Transaction): void {
    if (this.#closed !== undefined) return;
    this.#incoming.push({ identity, at: this.#options.clock(), transaction });
    this.#schedule();
  }

  /** A frame written to the operator's terminal: logged when it is a message (message-log-entries.ts). Only queued here. */
  received(identity: LogIdentity, frame: Frame): void {
    if (this.#closed !== undefined || !mayBeLogged(frame)) return;
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

  /**
   * Hands what is queued to the writer thread now (otherwise it happens at the end of the
   * turn); resolves once it is committed, or dropped and counted. Never rejects.
   */
  flush(): Promise<void> {
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
    if (this.#queue.length > QUEUE_MAX) {
      const over = this.#queue.length - QUEUE_MAX;
      this.#queue.splice(QUEUE_MAX);
      this.#lost(over, new Error('message log writer thread behind: rows dropped'));
    }
    this.#commit();
    return this.#drained();
  }

  /**
   * Drops what is past its retention and what is beyond an operator's bound, a chunk at a
   * time, in the writer thread; logs a transaction still waiting for its receipt after
   * PENDING_MAX_AGE_MS without its ISN. Resolves with the rows deleted (0 while another
   * prune is under way, or when it failed: logged).
   */
  async prune(now: number): Promise<number> {
    if (this.#closed !== undefined || this.#pruning) return 0;
    for (const [key, pending] of this.#pending) {
      if (now - pending.at < PENDING_MAX_AGE_MS) break;
      this.#pending.delete(key);
      if (!pending.skip) this.#queueRow(pending.identity, pending.at, sentEntry(pending.transaction, undefined));
    }
    this.#pruning = true;
    try {
      // Rows queued before the prune are counted in their operator's bound first.
      await this.flush();
      const writer = this.#writerNow();
      if (writer === undefined) return 0;
      const { retentionDays, maxPerOperator } = this.#options.settings;
      return await writer.prune(now - retentionDays * DAY_MS, maxPerOperator, PRUNE_CHUNK);
    } catch (error) {
      this.#options.log?.error({ err: error }, 'message log prune failed');
      return 0;
    } finally {
      this.#pruning = false;
    }
  }

  /** One page of the operator's messages, newest first; with `find`, those whose text holds it (any case). */
  async list(operatorId: string, options: { find?: string; page?: number } = {}): Promise<LogPage> {
    const writer = await this.#reader();
    const page = Math.max(1, options.page ?? 1);
    const size = this.#options.settings.pageSize;
    const skip = (page - 1) * size;
    const find = options.find?.toUpperCase();
    const rows = find === undefined || find === ''
      ? await writer.page(operatorId, size + 1, skip)
      : (await writer.search(operatorId, find, skip + size + 1, SEARCH_CHUNK)).slice(skip);
    return { page, messages: rows.slice(0, size).map(messageOf), more: rows.length > size };
  }

  /**
   * The messages of one exchange: by entry number (`id`; a transaction's row brings its
   * answers), or by ISN (the newest transaction with that number: ISNs count per terminal per
   * day). Only the operator's own: another operator's number finds nothing.
   */
  async recall(operatorId: string, by: { id: number } | { isn: number }): Promise<LoggedMessage[]> {
    const writer = await this.#reader();
    const { anchor, rows } = await writer.recall(operatorId, by, RECALL_MAX);
    if (anchor === undefined) return [];
    if (anchor.isn === null || ('id' in by && anchor.direction !== 'SENT')) return [messageOf(anchor)];
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
      return recallAnswer(header, await this.recall(operatorId, by), entry !== undefined ? `LNO/${entry}` : `ISN/${isn}`);
    }
    const find = fields.get('FND');
    const listing = await this.list(operatorId, { page: Number(fields.get('PAG') ?? 1), ...(find !== undefined ? { find } : {}) });
    return listingAnswer(header, operatorId, listing, find);
  }

  /** Writes what is queued and what still waits for its receipt, then stops the writer thread. Idempotent. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      // What came this turn first (a receipt names its transaction's ISN), then what still waits.
      await this.flush();
      for (const pending of this.#pending.values()) {
        if (!pending.skip) this.#queue.push({ identity: pending.identity, at: pending.at, entry: sentEntry(pending.transaction, undefined) });
      }
      this.#pending.clear();
      await this.flush();
      const writer = this.#writer;
      this.#writer = undefined;
      await writer?.stop();
    })();
    return this.#closed;
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
      void this.flush();
    });
  }

  /** Hands the queued rows to the writer thread, unless a commit is under way (then they go when it ends). */
  #commit(): void {
    if (this.#inFlight !== undefined || this.#queue.length === 0) return;
    const queued = this.#queue;
    this.#queue = [];
    const writer = this.#writerNow();
    if (writer === undefined) {
      this.#lost(queued.length, new Error('message log writer thread stopped'));
      return;
    }
    const rows = queued.map(storedRow);
    this.#inFlight = writer.write(rows).catch((error: unknown) => this.#lost(rows.length, error)).finally(() => {
      this.#inFlight = undefined;
      this.#commit();
    });
  }

  /** Resolves once nothing is queued for the thread nor under way. */
  async #drained(): Promise<void> {
    while (this.#inFlight !== undefined) await this.#inFlight;
  }

  /** The writer thread for a read, after what was queued before the read is committed. */
  async #reader(): Promise<MessageLogWriter> {
    if (this.#closed === undefined) await this.flush();
    const writer = this.#writerNow();
    if (writer === undefined) {
      throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', 'the message log is out of service: send it again later', { system: SWITCH_SYSTEM });
    }
    return writer;
  }

  /** The writer thread, started again once RESTART_DELAY_MS have passed since it died. */
  #writerNow(): MessageLogWriter | undefined {
    if (this.#writer === undefined && this.#closed === undefined && this.#options.clock() - this.#diedAt >= RESTART_DELAY_MS) {
      this.#writer = this.#startWriter();
    }
    return this.#writer;
  }

  #startWriter(): MessageLogWriter {
    const writer = startMessageLogWriter({
      path: this.#options.path, schema: SCHEMA_SQL, busyTimeoutMs: BUSY_TIMEOUT_MS,
      onExit: (error) => {
        if (this.#writer === writer) this.#writer = undefined;
        this.#diedAt = this.#options.clock();
        this.#options.log?.error({ err: error }, 'message log: the writer thread stopped; rows are dropped until it is started again');
      },
    });
    return writer;
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
}

function storedRow({ identity, at, entry }: QueuedRow): StoredRow {
  return [
    identity.operatorId, identity.ori, identity.terminal, at, entry.direction, entry.kind, entry.isn ?? null, entry.messageKey,
    entry.party, firstLine(entry.summary ?? entry.text), entry.text, entry.records === undefined ? null : JSON.stringify(entry.records),
  ];
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

function messageOf(row: ReadRow): LoggedMessage {
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
