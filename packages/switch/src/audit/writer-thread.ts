/**
 * The audit writer off the event loop: a worker thread that owns a write connection and
 * commits the batches the store sends it, one at a time, each in one transaction.
 *
 * At synchronous FULL each COMMIT waits for an fsync of the WAL; in the switch's thread that
 * wait blocked the loop for a quarter of its time under load (the bench's profile of the
 * switch). Here the loop goes on reading, authorising and answering while the commit waits,
 * and what it appends meanwhile forms the next batch: group commit by the disk's own pace.
 *
 * The store links rows (seq, prev_hash, hash) in its own thread, where the chain head is
 * known, and sends them ready to insert. The worker checks, inside its write transaction,
 * that the head storage holds is the one the batch was linked onto; another writer (an audit
 * command recording its own read, the store's recovery row) may have moved it, and then the
 * worker writes nothing and answers with the head it found, for the store to link the batch
 * again. A Receipt still waits for the commit: the append's promise resolves on the worker's
 * answer, which comes after COMMIT returned.
 *
 * A batch crosses to the worker as one string, parsed there: each row is its canonical text
 * (chain.ts), which hashing it already made, with the format tag left out and the row's
 * prevHash and hash added, so the INSERT's parameters in column order. Handing over a flat
 * string is a copy; rows as arrays of values were cloned value by value on this thread, the
 * largest part of what handing them over cost it. The worker writes exactly the values the
 * hash covers.
 *
 * Plain CommonJS passed as a string (eval), like the checkpointer, so it runs the same under
 * tsx, vitest and compiled JS; it loads the driver by the absolute path this thread resolved.
 */
import { CHAIN_FORMAT } from './chain.js';
import type { StoredAuditRow } from './record.js';
import { replyError, startSqliteWorker, type WorkerReply } from './sqlite-worker.js';
import type { ChainHead } from './types.js';

/** What the writer did with one batch. */
export type WriterOutcome =
  | { readonly kind: 'committed' }
  | { readonly kind: 'moved'; readonly head: ChainHead }
  | { readonly kind: 'failed'; readonly error: Error };

export interface WriterThreadOptions {
  readonly path: string;
  readonly synchronous: string;
  readonly busyTimeoutMs: number;
  readonly journalSizeLimitBytes: number;
  readonly insertSql: string;
  readonly upsertHeadSql: string;
  /** The worker died (could not load the driver or open the file, or crashed). */
  readonly onExit: (error: Error) => void;
}

export interface WriterThread {
  /** Writes rows linked onto `base`, all or none; `canonical` holds each row's canonical text (linkRows). */
  commit(base: ChainHead, rows: readonly StoredAuditRow[], canonical: readonly string[]): Promise<WriterOutcome>;
  /** One PASSIVE checkpoint from the writer's connection, between its commits; whether the WAL was copied to its end. */
  catchUp(): Promise<boolean>;
  stop(): Promise<void>;
}

interface Reply extends WorkerReply {
  readonly moved?: ChainHead;
  readonly caughtUp?: boolean;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('wal_autocheckpoint = 0');
db.pragma('journal_size_limit = ' + workerData.journalSizeLimitBytes);
const insert = db.prepare(workerData.insertSql);
const upsertHead = db.prepare(workerData.upsertHeadSql);
const selectHead = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
const write = db.transaction((base, text) => {
  const rows = JSON.parse(text);
  const recorded = selectHead.get();
  if (recorded !== undefined && (recorded.seq !== base.seq || recorded.hash !== base.hash)) return recorded;
  for (const r of rows) insert.run(r);
  const last = rows[rows.length - 1];
  upsertHead.run(last[0], last[19]);
  return undefined;
});
parentPort.on('message', (message) => {
  if (message.type === 'commit') {
    try {
      const moved = write.immediate(message.base, message.rows);
      parentPort.postMessage(moved === undefined ? { id: message.id, ok: true } : { id: message.id, moved: { seq: moved.seq, hash: moved.hash } });
    } catch (error) {
      parentPort.postMessage({ id: message.id, message: String((error && error.message) || error), code: error && typeof error.code === 'string' ? error.code : undefined });
    }
  } else if (message.type === 'catch-up') {
    try {
      const row = db.pragma('wal_checkpoint(PASSIVE)')[0];
      parentPort.postMessage({ id: message.id, caughtUp: row !== undefined && row.busy === 0 && row.log === row.checkpointed });
    } catch (error) {
      parentPort.postMessage({ id: message.id, message: String((error && error.message) || error) });
    }
  } else if (message.type === 'stop') {
    db.close();
    parentPort.close();
  }
});
`;

export function startWriterThread(options: WriterThreadOptions): WriterThread {
  const thread = startSqliteWorker<Reply>({
    name: 'audit writer',
    source: WORKER_SOURCE,
    workerData: {
      path: options.path,
      synchronous: options.synchronous,
      busyTimeoutMs: options.busyTimeoutMs,
      journalSizeLimitBytes: options.journalSizeLimitBytes,
      insertSql: options.insertSql,
      upsertHeadSql: options.upsertHeadSql,
    },
    onExit: options.onExit,
  });
  return {
    async commit(base, rows, canonical) {
      const reply = await thread.request({ type: 'commit', base: { seq: base.seq, hash: base.hash }, rows: insertText(rows, canonical) });
      if (reply.ok === true) return { kind: 'committed' };
      if (reply.moved !== undefined) return { kind: 'moved', head: reply.moved };
      return { kind: 'failed', error: replyError(reply, 'audit writer failed') };
    },
    async catchUp() {
      const reply = await thread.request({ type: 'catch-up' });
      if (reply.message !== undefined) throw replyError(reply, 'audit writer failed');
      return reply.caughtUp === true;
    },
    stop: () => thread.stop(),
  };
}

/** How every canonical text of the current format begins: the tag the INSERT has no column for. */
const FORMAT_PREFIX = `[${JSON.stringify(CHAIN_FORMAT)},`;

/** The rows as the worker parses them: a JSON array of the INSERT's parameter lists. */
export function insertText(rows: readonly StoredAuditRow[], canonical: readonly string[]): string {
  if (canonical.length !== rows.length) throw new RangeError(`${rows.length} rows and ${canonical.length} canonical texts`);
  let text = '[';
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as StoredAuditRow;
    const columns = canonical[i] as string;
    if (!columns.startsWith(FORMAT_PREFIX)) throw new RangeError(`row ${row.seq}: canonical text not in ${CHAIN_FORMAT}`);
    text += `${i === 0 ? '' : ','}[${columns.slice(FORMAT_PREFIX.length, -1)},"${row.prevHash}","${row.hash}"]`;
  }
  return `${text}]`;
}
