/**
 * WAL checkpoints away from the event loop. Measured here (performance notes): SQLite's
 * automatic checkpoint blocks the writer ~14 ms each time and sets the switch's p99 (13.8 ms
 * against 1.2 ms without). The store turns it off (wal_autocheckpoint=0) and a worker thread,
 * with its own connection, runs PRAGMA wal_checkpoint(PASSIVE) on a timer: PASSIVE never
 * waits for the writer, so appends go on while pages are copied back.
 *
 * Under steady load PASSIVE alone never lets the WAL start over: the writer adds frames while
 * each checkpoint runs, so the log is never fully copied back when the next commit begins
 * (the WAL grew to 120 MB in 6 s of saturated appends here). Past restartFrames the worker
 * makes up to three more passes, each copying what arrived during the one before, and the
 * store then copies the last few frames in the writer's thread (its catch-up checkpoint).
 * A RESTART checkpoint in the worker was tried and dropped: it holds the write lock while it
 * copies and syncs, and under load the writer's BEGIN IMMEDIATE ran out of its busy timeout
 * behind it (SQLITE_BUSY, an audit failure).
 *
 * The worker is plain CommonJS passed as a string (eval), so it runs the same under tsx,
 * vitest and compiled JS; it loads the driver by the absolute path the main thread resolved.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface CheckpointResult {
  /** 1 if the checkpoint could not finish (a reader or writer was in the way). */
  busy: number;
  /** Frames in the WAL. */
  log: number;
  /** Frames copied back into the database. */
  checkpointed: number;
}

export interface Checkpointer {
  readonly mode: 'worker' | 'timer';
  /** Runs one checkpoint now (tests, shutdown). */
  checkpointNow(): Promise<CheckpointResult>;
  stop(): Promise<void>;
}

export interface CheckpointListener {
  result(result: CheckpointResult): void;
  error(error: Error): void;
}

interface WorkerReply {
  id: number;
  ok: boolean;
  busy?: number;
  log?: number;
  checkpointed?: number;
  error?: string;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = ' + workerData.synchronous);
function run() {
  try {
    let row = db.pragma('wal_checkpoint(PASSIVE)')[0];
    if (workerData.restartFrames > 0 && row.log >= workerData.restartFrames) {
      // Each pass copies what was committed during the one before; stop once a pass had
      // little to copy, so the writer's catch-up (see SqliteAuditStore) finds almost nothing.
      for (let pass = 0; pass < 3; pass += 1) {
        const before = row.log;
        row = db.pragma('wal_checkpoint(PASSIVE)')[0];
        if (row.log - before <= 64) break;
      }
    }
    return { ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed };
  } catch (error) {
    return { ok: false, error: String((error && error.message) || error) };
  }
}
const timer = workerData.intervalMs > 0
  ? setInterval(() => parentPort.postMessage(Object.assign({ id: 0 }, run())), workerData.intervalMs)
  : undefined;
parentPort.on('message', (message) => {
  if (message.type === 'run') {
    parentPort.postMessage(Object.assign({ id: message.id }, run()));
  } else if (message.type === 'stop') {
    if (timer !== undefined) clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface WorkerCheckpointerOptions {
  path: string;
  intervalMs: number;
  /** WAL frames past which the worker makes extra passes to leave the writer little to copy. */
  restartFrames: number;
  busyTimeoutMs: number;
  synchronous: string;
  listener: CheckpointListener;
  /** The worker died (could not load the driver, open the file...): the caller falls back. */
  onExit: (error: Error | undefined) => void;
}

export function startWorkerCheckpointer(options: WorkerCheckpointerOptions): Checkpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driverPath,
      path: options.path,
      intervalMs: options.intervalMs,
      restartFrames: options.restartFrames,
      busyTimeoutMs: options.busyTimeoutMs,
      synchronous: options.synchronous,
    },
  });
  // An idle checkpointer must not keep the process alive; stop() takes the reference back.
  worker.unref();
  const waiting = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exitError: Error | undefined;
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      const error = exitError ?? (stopping ? undefined : new Error(`checkpoint worker exited with code ${code}`));
      for (const pending of waiting.values()) pending.reject(error ?? new Error('checkpointer stopped'));
      waiting.clear();
      if (!stopping) options.onExit(error);
      resolve();
    });
  });
  worker.on('error', (error) => {
    exitError = error;
    options.listener.error(error);
  });
  worker.on('message', (reply: WorkerReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) {
      const result: CheckpointResult = {
        busy: reply.busy ?? 0,
        log: reply.log ?? 0,
        checkpointed: reply.checkpointed ?? 0,
      };
      options.listener.result(result);
      pending?.resolve(result);
    } else {
      const error = new Error(reply.error ?? 'checkpoint failed');
      options.listener.error(error);
      pending?.reject(error);
    }
  });

  return {
    mode: 'worker',
    checkpointNow() {
      if (stopping) return Promise.reject(new Error('checkpointer stopped'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'run', id });
      });
    },
    stop() {
      if (!stopping) {
        stopping = true;
        worker.ref();
        worker.postMessage({ type: 'stop' });
      }
      return exited;
    },
  };
}

/** Fallback: the same checkpoint on an unref'd timer in this thread (blocks the loop while it runs). */
export function startTimerCheckpointer(db: Database.Database, intervalMs: number, listener: CheckpointListener): Checkpointer {
  const run = (): CheckpointResult => {
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      const result: CheckpointResult = { busy: row?.busy ?? 0, log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
      listener.result(result);
      return result;
    } catch (error) {
      listener.error(error as Error);
      throw error;
    }
  };
  const timer = intervalMs > 0 ? setInterval(() => {
    try {
      run();
    } catch {
      // reported to the listener
    }
  }, intervalMs) : undefined;
  timer?.unref();
  return {
    mode: 'timer',
    checkpointNow() {
      try {
        return Promise.resolve(run());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      return Promise.resolve();
    },
  };
}
