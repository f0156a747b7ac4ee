/**
 * The audit chain's verification for the console: the last verification's result, and a new
 * one started on request. Recomputing the chain reads every row, synchronously (a second or
 * more on a large log), so it never runs on a request's path: a SQLite log is verified by a
 * worker thread over its own read-only connection, as `clets-audit verify` does from outside
 * the switch; the request that starts one answers at once, and the status says `running`
 * until it ends.
 */
import { Worker } from 'node:worker_threads';
import type { VerifyResult } from '../../audit/types.js';

export interface ChainVerificationRun {
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly ok: boolean;
  readonly rows: number;
  readonly headSeq: number;
  readonly firstBadSeq: number | null;
  readonly reason: string | null;
  /** Who asked for it (an administrator's id), or `switch` for the switch's own run. */
  readonly by: string;
}

export interface ChainVerificationStatus {
  readonly state: 'never' | 'running' | 'done';
  readonly last: ChainVerificationRun | null;
  /** When a running verification started. */
  readonly runningSince: number | null;
}

/** Verifies the whole chain, off the caller's event loop where it can. */
export type ChainVerifier = () => Promise<VerifyResult>;

/**
 * A verifier for a SQLite audit database file: a worker thread loads the compiled verifier
 * (dist/, the same code `clets-audit verify` runs) and opens the file read-only.
 */
export function workerChainVerifier(path: string): ChainVerifier {
  // The compiled module: from src/ (tests) and from dist/ alike, three folders up is the package.
  const module = new URL('../../../dist/audit/verify-database.js', import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module)
      .then((verifier) => parentPort.postMessage({ result: verifier.verifyAuditDatabase(workerData.path) }))
      .catch((error) => parentPort.postMessage({ error: String(error && error.message || error) }));
  `;
  return () => new Promise<VerifyResult>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { module, path } });
    worker.unref();
    worker.once('message', (message: { result?: VerifyResult; error?: string }) => {
      void worker.terminate();
      if (message.result !== undefined) resolve(message.result);
      else reject(new Error(message.error ?? 'verification failed'));
    });
    worker.once('error', reject);
  });
}

export class ChainVerification {
  readonly #verify: ChainVerifier;
  readonly #clock: () => number;
  #last: ChainVerificationRun | null = null;
  #running: { since: number; done: Promise<ChainVerificationRun> } | null = null;

  constructor(verify: ChainVerifier, clock: () => number) {
    this.#verify = verify;
    this.#clock = clock;
  }

  status(): ChainVerificationStatus {
    return {
      state: this.#running !== null ? 'running' : this.#last === null ? 'never' : 'done',
      last: this.#last,
      runningSince: this.#running?.since ?? null,
    };
  }

  /** Starts a verification unless one is running; resolves when it ends (the running one's result). */
  start(by: string): Promise<ChainVerificationRun> {
    if (this.#running !== null) return this.#running.done;
    const since = this.#clock();
    const done = this.#verify().then(
      (result): ChainVerificationRun => ({
        startedAt: since, finishedAt: this.#clock(), ok: result.ok, rows: result.rows, headSeq: result.head.seq,
        firstBadSeq: result.firstBadSeq ?? null, reason: result.reason ?? null, by,
      }),
      (error: unknown): ChainVerificationRun => ({
        startedAt: since, finishedAt: this.#clock(), ok: false, rows: 0, headSeq: 0, firstBadSeq: null,
        reason: `the verification could not run: ${error instanceof Error ? error.message : String(error)}`, by,
      }),
    ).then((run) => {
      this.#last = run;
      this.#running = null;
      return run;
    });
    this.#running = { since, done };
    return done;
  }
}
