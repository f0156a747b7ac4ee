/**
 * The journal's writes off the event loop: a worker thread with its own connection to the
 * journal's file runs each batch of statements in one transaction and answers after COMMIT
 * returned. At synchronous FULL that commit waits for an fsync, once or twice per
 * transaction (its row before the Receipt, its finish after the Completion); in the switch's
 * thread the loop stood still for it. A promise the journal gives (a Receipt, a QueuedNotice,
 * a delivery) still waits for the answer.
 *
 * A batch is a list of statements with their parameters, exactly what the journal would run
 * in its own thread; the worker prepares each statement once. One batch is under way at a
 * time, so batches commit in the order they were made.
 *
 * Plain CommonJS passed as a string (eval), like the audit store's workers, so it runs the
 * same under tsx, vitest and compiled JS; it loads the driver by the path this thread resolved.
 */
import { replyError, startSqliteWorker, type WorkerReply } from '../audit/sqlite-worker.js';

/** One statement of a batch. */
export interface JournalStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface JournalWriter {
  /** Runs the statements in one transaction; rejects (nothing written) when it fails. */
  commit(statements: readonly JournalStatement[]): Promise<void>;
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('wal_autocheckpoint = 0');
const prepared = new Map();
const statement = (sql) => {
  let found = prepared.get(sql);
  if (found === undefined) {
    found = db.prepare(sql);
    if (prepared.size < 64) prepared.set(sql, found);
  }
  return found;
};
// A Buffer arrives as a plain Uint8Array; the driver binds a blob from a Buffer.
const bind = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);
const write = db.transaction((statements) => {
  for (const s of statements) statement(s.sql).run(...s.params.map(bind));
});
parentPort.on('message', (message) => {
  if (message.type === 'commit') {
    try {
      write.immediate(message.statements);
      parentPort.postMessage({ id: message.id, ok: true });
    } catch (error) {
      parentPort.postMessage({ id: message.id, message: String((error && error.message) || error), code: error && typeof error.code === 'string' ? error.code : undefined });
    }
  } else if (message.type === 'stop') {
    db.close();
    parentPort.close();
  }
});
`;

export interface JournalWriterOptions {
  readonly path: string;
  readonly synchronous: string;
  readonly busyTimeoutMs: number;
  /** The worker died: the journal writes in its own thread from then on. */
  readonly onExit: (error: Error) => void;
}

export function startJournalWriter(options: JournalWriterOptions): JournalWriter {
  const thread = startSqliteWorker<WorkerReply>({
    name: 'journal writer',
    source: WORKER_SOURCE,
    workerData: { path: options.path, synchronous: options.synchronous, busyTimeoutMs: options.busyTimeoutMs },
    onExit: options.onExit,
  });
  return {
    async commit(statements) {
      const reply = await thread.request({ type: 'commit', statements });
      if (reply.ok !== true) throw replyError(reply, 'journal writer failed');
    },
    stop: () => thread.stop(),
  };
}
