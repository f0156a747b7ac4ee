/**
 * The operator's message log in its own worker thread (traffic/message-log.ts): the thread
 * owns the log's connection to the messages database and runs every statement of the log,
 * its writes (a batch of rows in one transaction), its prune and its reads. The INSERTs of
 * every message the terminals sent and received took a tenth of the switch's main thread
 * under load; here they take none of it.
 *
 * Reads go through the same thread as the writes, in the order they were asked: a read asked
 * after a write was handed over sees its rows, whatever the file (':memory:' too, which no
 * second connection could share). The rows per operator, for the bound, are counted here as
 * well, where the rows are written and deleted.
 *
 * Plain CommonJS passed as a string (eval), like the audit store's and the journal's writers,
 * so it runs the same under tsx, vitest and compiled JS; it loads the driver by the path the
 * switch's thread resolved.
 */
import { replyError, startSqliteWorker, type WorkerReply } from '../audit/sqlite-worker.js';

/** A row as the table stores it, in the INSERT's column order. */
export type StoredRow = readonly [
  operatorId: string, ori: string, terminal: string, at: number, direction: string, kind: string, isn: number | null,
  messageKey: string, party: string, firstLine: string, text: string, records: string | null,
];

/** A row as read back. */
export interface ReadRow {
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

export interface MessageLogWriter {
  /** Commits the rows in one transaction; rejects (nothing written) when it fails. */
  write(rows: readonly StoredRow[]): Promise<void>;
  /**
   * Deletes, a chunk at most, what is older than `cutoff` and each operator's oldest beyond
   * `maxPerOperator`; resolves with the rows deleted.
   */
  prune(cutoff: number, maxPerOperator: number, chunk: number): Promise<number>;
  /** One page of an operator's rows, newest first (`limit` rows from `offset`). */
  page(operatorId: string, limit: number, offset: number): Promise<ReadRow[]>;
  /** An operator's rows whose text holds `find` (upper case) or whose party does, newest first, `want` at least when there are that many. */
  search(operatorId: string, find: string, want: number, chunk: number): Promise<ReadRow[]>;
  /**
   * The row an exchange is recalled by (by entry number, or the newest with an ISN: a sent
   * one first) and the rows of its ISN at its terminal from it on, `max` at most.
   */
  recall(operatorId: string, by: { id: number } | { isn: number }, max: number): Promise<{ anchor: ReadRow | undefined; rows: ReadRow[] }>;
  stop(): Promise<void>;
}

interface Reply extends WorkerReply {
  readonly deleted?: number;
  readonly rows?: ReadRow[];
  readonly anchor?: ReadRow;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
if (workerData.path !== ':memory:') {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // The journal's checkpointer thread copies this file's WAL back (audit/checkpointer.ts).
  db.pragma('wal_autocheckpoint = 0');
}
db.exec(workerData.schema);
const columns = 'id, operator_id, ori, terminal, at, direction, kind, isn, message_key, party, first_line, text, records';
const s = {
  insert: db.prepare('INSERT INTO message_log (operator_id, ori, terminal, at, direction, kind, isn, message_key, party, first_line, text, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  count: db.prepare('SELECT count(*) FROM message_log WHERE operator_id = ?').pluck(),
  trimOperator: db.prepare('DELETE FROM message_log WHERE id IN (SELECT id FROM message_log WHERE operator_id = ? ORDER BY id LIMIT ?)'),
  // Oldest first by id: rows are written in time order, so this walks the primary key and
  // stops at the first row young enough.
  expire: db.prepare('DELETE FROM message_log WHERE id IN (SELECT id FROM message_log ORDER BY id LIMIT ?) AND at < ? RETURNING operator_id').pluck(),
  page: db.prepare('SELECT ' + columns + ' FROM message_log WHERE operator_id = ? ORDER BY id DESC LIMIT ? OFFSET ?'),
  // A search reads a chunk of the operator's rows at a time: where the chunk starts (from the
  // index alone), then its rows that hold the text, matched in SQLite, so only matches are read.
  chunkStart: db.prepare('SELECT min(id) AS low, count(*) AS rows FROM (SELECT id FROM message_log WHERE operator_id = ? AND id < ? ORDER BY id DESC LIMIT ?)'),
  chunkMatches: db.prepare('SELECT ' + columns + ' FROM message_log WHERE operator_id = ? AND id < ? AND id >= ? AND (instr(upper(text), ?) > 0 OR instr(party, ?) > 0) ORDER BY id DESC'),
  byId: db.prepare('SELECT ' + columns + ' FROM message_log WHERE operator_id = ? AND id = ?'),
  newestSent: db.prepare('SELECT ' + columns + " FROM message_log WHERE operator_id = ? AND isn = ? AND direction = 'SENT' ORDER BY id DESC LIMIT 1"),
  newestWithIsn: db.prepare('SELECT ' + columns + ' FROM message_log WHERE operator_id = ? AND isn = ? ORDER BY id DESC LIMIT 1'),
  exchange: db.prepare('SELECT ' + columns + ' FROM message_log WHERE operator_id = ? AND isn = ? AND terminal = ? AND id >= ? ORDER BY id LIMIT ?'),
};
// Rows per operator, read from the table the first time an operator writes.
const counts = new Map();
const insertAll = db.transaction((rows) => {
  for (const row of rows) s.insert.run(...row);
});
const handlers = {
  write(message) {
    insertAll(message.rows);
    const written = new Map();
    for (const row of message.rows) written.set(row[0], (written.get(row[0]) || 0) + 1);
    for (const [operatorId, rows] of written) {
      const count = counts.get(operatorId);
      counts.set(operatorId, count === undefined ? s.count.get(operatorId) : count + rows);
    }
    return {};
  },
  prune(message) {
    const expired = s.expire.all(message.chunk, message.cutoff);
    let deleted = expired.length;
    for (const operatorId of expired) {
      const count = counts.get(operatorId);
      if (count !== undefined) counts.set(operatorId, count - 1);
    }
    for (const [operatorId, count] of counts) {
      if (count <= message.maxPerOperator || deleted >= message.chunk) continue;
      const removed = s.trimOperator.run(operatorId, Math.min(count - message.maxPerOperator, message.chunk - deleted)).changes;
      counts.set(operatorId, count - removed);
      deleted += removed;
    }
    return { deleted };
  },
  page(message) {
    return { rows: s.page.all(message.operatorId, message.limit, message.offset) };
  },
  search(message) {
    const found = [];
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const chunk = s.chunkStart.get(message.operatorId, before, message.chunk);
      if (chunk.low === null) break;
      for (const row of s.chunkMatches.all(message.operatorId, before, chunk.low, message.find, message.find)) found.push(row);
      if (chunk.rows < message.chunk || found.length >= message.want) break;
      before = chunk.low;
    }
    return { rows: found.slice(0, message.want) };
  },
  recall(message) {
    const anchor = message.by.id !== undefined
      ? s.byId.get(message.operatorId, message.by.id)
      : (s.newestSent.get(message.operatorId, message.by.isn) || s.newestWithIsn.get(message.operatorId, message.by.isn));
    if (anchor === undefined || anchor.isn === null) return { anchor, rows: [] };
    return { anchor, rows: s.exchange.all(message.operatorId, anchor.isn, anchor.terminal, anchor.id, message.max) };
  },
};
parentPort.on('message', (message) => {
  if (message.type === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, ok: true, ...handlers[message.type](message) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, message: String((error && error.message) || error), code: error && typeof error.code === 'string' ? error.code : undefined });
  }
});
`;

export interface MessageLogWriterOptions {
  /** SQLite file (the messages database), or ':memory:'. */
  readonly path: string;
  /** The table and its indexes, created if missing. */
  readonly schema: string;
  readonly busyTimeoutMs: number;
  /** The thread died (could not open the file, or crashed); every request still waiting failed with it. */
  readonly onExit: (error: Error) => void;
}

export function startMessageLogWriter(options: MessageLogWriterOptions): MessageLogWriter {
  const thread = startSqliteWorker<Reply>({
    name: 'message log writer',
    source: WORKER_SOURCE,
    workerData: { path: options.path, schema: options.schema, busyTimeoutMs: options.busyTimeoutMs },
    onExit: options.onExit,
  });
  const ask = async (message: Record<string, unknown>): Promise<Reply> => {
    const reply = await thread.request(message);
    if (reply.ok !== true) throw replyError(reply, 'message log writer failed');
    return reply;
  };
  return {
    async write(rows) {
      await ask({ type: 'write', rows });
    },
    async prune(cutoff, maxPerOperator, chunk) {
      return (await ask({ type: 'prune', cutoff, maxPerOperator, chunk })).deleted ?? 0;
    },
    async page(operatorId, limit, offset) {
      return (await ask({ type: 'page', operatorId, limit, offset })).rows ?? [];
    },
    async search(operatorId, find, want, chunk) {
      return (await ask({ type: 'search', operatorId, find, want, chunk })).rows ?? [];
    },
    async recall(operatorId, by, max) {
      const reply = await ask({ type: 'recall', operatorId, by, max });
      return { anchor: reply.anchor, rows: reply.rows ?? [] };
    },
    stop: () => thread.stop(),
  };
}
