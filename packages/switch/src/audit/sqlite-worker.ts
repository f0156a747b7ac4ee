/**
 * A worker thread that owns one SQLite connection, and the one way the switch's thread talks
 * to it (the audit store's writer and the journal's writer both use it): each request gets an
 * id and a promise of its reply; the thread holds the process open only while a request is
 * under way (an idle writer must not keep a stopping switch alive); when it dies, every
 * request still waiting is answered with the error, and `onExit` is told unless it was
 * stopped on purpose.
 *
 * The worker's code is plain CommonJS passed as a string (eval), so it runs the same under
 * tsx, vitest and compiled JS; it receives in `workerData.driverPath` the better-sqlite3 this
 * thread resolved, and answers each message `{ id, ok | message, code?, ... }`.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What the worker answers: `ok`, or the failure's `message` and SQLite `code` ('SQLITE_FULL'...). */
export interface WorkerReply {
  readonly id: number;
  readonly ok?: boolean;
  readonly message?: string;
  readonly code?: string;
}

export interface SqliteWorker<R extends WorkerReply> {
  /**
   * Posts the message under a fresh id, handing over `transfer` (no copy; unusable here after);
   * once the thread is dead or stopping, `{ id: 0, message }` at once.
   */
  request(message: Record<string, unknown>, transfer?: readonly ArrayBuffer[]): Promise<R>;
  /** Asks the thread to close its connection and end; resolves when it has. Idempotent. */
  stop(): Promise<void>;
}

export interface SqliteWorkerOptions {
  /** What the thread is called in its errors ('audit writer', 'journal writer'). */
  readonly name: string;
  readonly source: string;
  readonly workerData: Readonly<Record<string, unknown>>;
  /** The thread died without being stopped (could not load the driver, open the file, or crashed). */
  readonly onExit: (error: Error) => void;
}

/** The failure a reply reports, as an Error carrying the SQLite code the stores look at. */
export function replyError(reply: WorkerReply, fallback: string): Error & { code?: string } {
  const error = new Error(reply.message ?? fallback) as Error & { code?: string };
  if (reply.code !== undefined) error.code = reply.code;
  return error;
}

export function startSqliteWorker<R extends WorkerReply>(options: SqliteWorkerOptions): SqliteWorker<R> {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(options.source, { eval: true, workerData: { ...options.workerData, driverPath } });
  worker.unref();
  const waiting = new Map<number, (reply: R) => void>();
  let nextId = 1;
  let stopping = false;
  let exitError: Error | undefined;
  let dead: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      const error = exitError ?? new Error(stopping ? `${options.name} stopped` : `${options.name} exited with code ${code}`);
      dead = error;
      for (const settle of waiting.values()) settle({ id: 0, message: error.message } as R);
      waiting.clear();
      if (!stopping) options.onExit(error);
      resolve();
    });
  });
  worker.on('error', (error) => {
    exitError = error;
  });
  worker.on('message', (reply: R) => {
    const settle = waiting.get(reply.id);
    waiting.delete(reply.id);
    // Held while anything waits, let go once nothing does: one ref and one unref per busy
    // spell, not per request (each is a call into the thread's handle).
    if (waiting.size === 0 && !stopping) worker.unref();
    settle?.(reply);
  });

  return {
    request(message, transfer) {
      if (dead !== undefined || stopping) return Promise.resolve({ id: 0, message: (dead ?? new Error(`${options.name} stopped`)).message } as R);
      const id = nextId++;
      return new Promise<R>((resolve) => {
        if (waiting.size === 0) worker.ref();
        waiting.set(id, resolve);
        worker.postMessage({ ...message, id }, transfer);
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
