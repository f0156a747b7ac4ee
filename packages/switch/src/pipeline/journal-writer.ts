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
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

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

interface Reply {
  readonly id: number;
  readonly ok?: boolean;
  readonly message?: string;
  readonly code?: string;
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
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driverPath, path: options.path, synchronous: options.synchronous, busyTimeoutMs: options.busyTimeoutMs },
  });
  // Idle, the writer must not keep the process alive; a commit under way takes the reference.
  worker.unref();
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  let stopping = false;
  let dead: Error | undefined;
  let exitError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      const error = exitError ?? new Error(stopping ? 'journal writer stopped' : `journal writer exited with code ${code}`);
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
  return {
    commit(statements) {
      if (dead !== undefined || stopping) return Promise.reject(dead ?? new Error('journal writer stopped'));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, (reply) => {
          if (reply.ok === true) {
            resolve();
            return;
          }
          const error = new Error(reply.message ?? 'journal writer failed') as Error & { code?: string };
          if (reply.code !== undefined) error.code = reply.code;
          reject(error);
        });
        worker.ref();
        worker.postMessage({ type: 'commit', id, statements });
      });
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
