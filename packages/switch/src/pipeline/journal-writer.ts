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
 * It crosses to the worker as `batchPayload` makes it: each statement's text once per batch,
 * the statements as arrays of parameters, and every blob (the frames of a transaction and of
 * its answer) copied into one buffer handed over, not copied again. As objects, each statement
 * carried its SQL text again, and each blob, a slice of Node's shared 8 KiB pool, the whole
 * 8 KiB under it: measured in process, handing a batch over cost this thread about half as
 * much again. (One JSON text instead of the arrays saved nothing: the JSON the journal's rows
 * hold costs more to escape than to clone.)
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
const write = db.transaction((sqls, statements, blobs) => {
  const bound = sqls.map(statement);
  for (const s of statements) {
    for (let i = 1; i < s.length; i += 1) {
      const value = s[i];
      // A blob is [offset, length] in the buffer handed over with the batch.
      if (value !== null && typeof value === 'object') s[i] = Buffer.from(blobs, value[0], value[1]);
    }
    bound[s[0]].run(...s.slice(1));
  }
});
parentPort.on('message', (message) => {
  if (message.type === 'commit') {
    try {
      write.immediate(message.sqls, message.statements, message.blobs);
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
      const payload = batchPayload(statements);
      const reply = await thread.request({ type: 'commit', ...payload }, [payload.blobs]);
      if (reply.ok !== true) throw replyError(reply, 'journal writer failed');
    },
    stop: () => thread.stop(),
  };
}

/** A batch as it crosses to the worker; `blobs` is handed over (transferred), not copied. */
export interface BatchPayload {
  /** Each statement's text once. */
  readonly sqls: string[];
  /** One array per statement: the index of its text in `sqls`, then its parameters, a blob as [offset, length] in `blobs`. */
  readonly statements: unknown[][];
  readonly blobs: ArrayBuffer;
}

export function batchPayload(statements: readonly JournalStatement[]): BatchPayload {
  const sqls: string[] = [];
  const sqlIndex = new Map<string, number>();
  const rows: unknown[][] = [];
  const blobs: Uint8Array[] = [];
  let blobBytes = 0;
  for (const { sql, params } of statements) {
    let index = sqlIndex.get(sql);
    if (index === undefined) {
      index = sqls.push(sql) - 1;
      sqlIndex.set(sql, index);
    }
    const row: unknown[] = [index];
    for (const value of params) {
      if (value instanceof Uint8Array) {
        row.push([blobBytes, value.byteLength]);
        blobs.push(value);
        blobBytes += value.byteLength;
      } else if (typeof value === 'object' && value !== null) {
        // The worker reads an object as a blob's place: anything else would be bound as a wrong blob.
        throw new TypeError('a journal statement parameter is an object other than a blob');
      } else {
        row.push(value);
      }
    }
    rows.push(row);
  }
  const buffer = new Uint8Array(new ArrayBuffer(blobBytes));
  let offset = 0;
  for (const blob of blobs) {
    buffer.set(blob, offset);
    offset += blob.byteLength;
  }
  return { sqls, statements: rows, blobs: buffer.buffer };
}
