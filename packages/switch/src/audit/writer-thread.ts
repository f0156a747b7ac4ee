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
 * Plain CommonJS passed as a string (eval), like the checkpointer, so it runs the same under
 * tsx, vitest and compiled JS; it loads the driver by the absolute path this thread resolved.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StoredAuditRow } from './record.js';
// The INSERT's parameters in column order: an array of values clones cheaper than an object.
import { insertParams } from './sqlite-schema.js';
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
  /** Writes rows linked onto `base`, all or none. */
  commit(base: ChainHead, rows: readonly StoredAuditRow[]): Promise<WriterOutcome>;
  /** One PASSIVE checkpoint from the writer's connection, between its commits; whether the WAL was copied to its end. */
  catchUp(): Promise<boolean>;
  stop(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly ok?: boolean;
  readonly moved?: ChainHead;
  readonly caughtUp?: boolean;
  readonly message?: string;
  readonly code?: string;
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
const write = db.transaction((base, rows) => {
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

/** An error from the worker, with the SQLite code the store reports ('SQLITE_FULL'...). */
function writerError(reply: Reply): Error {
  const error = new Error(reply.message ?? 'audit writer failed') as Error & { code?: string };
  if (reply.code !== undefined) error.code = reply.code;
  return error;
}

export function startWriterThread(options: WriterThreadOptions): WriterThread {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driverPath,
      path: options.path,
      synchronous: options.synchronous,
      busyTimeoutMs: options.busyTimeoutMs,
      journalSizeLimitBytes: options.journalSizeLimitBytes,
      insertSql: options.insertSql,
      upsertHeadSql: options.upsertHeadSql,
    },
  });
  // Idle, the writer must not keep the process alive; a commit under way takes the reference.
  worker.unref();
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  let stopping = false;
  let exitError: Error | undefined;
  let dead: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      const error = exitError ?? new Error(stopping ? 'audit writer stopped' : `audit writer exited with code ${code}`);
      dead = error;
      for (const settle of waiting.values()) settle({ id: 0, message: error.message });
      waiting.clear();
      if (!stopping) options.onExit(error);
      resolve();
    });
  });
  worker.on('error', (error) => {
    exitError = error;
  });
  worker.on('message', (reply: Reply) => {
    const settle = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0 && !stopping) worker.unref();
    settle?.(reply);
  });

  const send = (message: Record<string, unknown>): Promise<Reply> => {
    if (dead !== undefined || stopping) return Promise.resolve({ id: 0, message: (dead ?? new Error('audit writer stopped')).message });
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  };

  return {
    async commit(base, rows) {
      const reply = await send({ type: 'commit', base: { seq: base.seq, hash: base.hash }, rows: rows.map(insertParams) });
      if (reply.ok === true) return { kind: 'committed' };
      if (reply.moved !== undefined) return { kind: 'moved', head: reply.moved };
      return { kind: 'failed', error: writerError(reply) };
    },
    async catchUp() {
      const reply = await send({ type: 'catch-up' });
      if (reply.message !== undefined) throw writerError(reply);
      return reply.caughtUp === true;
    },
    stop() {
      if (!stopping) {
        stopping = true;
        if (dead === undefined) {
          worker.ref();
          worker.postMessage({ type: 'stop' });
        }
      }
      return exited;
    },
  };
}
