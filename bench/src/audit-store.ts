/**
 * Scenario 5: the audit store alone. Chained rows (each hashing the previous) appended with
 * group commit at the `synchronous` level and batch limit the switch's config defaults to
 * (FULL), `tick` appends per event-loop turn as a busy switch makes them, each turn waiting
 * for its commit (the switch sends no Receipt before its row is committed). Checkpoints run
 * in the store's worker, as in the switch.
 *
 * The ceiling: better-sqlite3 alone appending rows of the same columns and sizes in
 * transactions of the same size, same journal (WAL) and synchronous level, no chain.
 * Each run checks what it measures: receipts carry gapless sequence numbers, one commit per
 * turn, and the chain verifies at the end.
 *
 *   pnpm exec tsx --conditions=source bench/src/audit-store.ts [--full]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseSwitchConfig } from '@clets/switch';
import { openAuditStore, openSqlite, type AuditEvent, type AuditSynchronous } from './internals.js';
import { LatencyHistogram, type LatencySummary } from './latency.js';
import { figure, round, startScenario, stderrLog, writeResult, type Check, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

const TARGET_ROWS_PER_SECOND = 50_000;
/** The tick the target is read at: about the appends per turn of a switch with ~100 transactions in flight. */
const TARGET_TICK = 100;

interface AppendRun {
  readonly tick: number;
  /** 'thread': commits in this thread, each turn waiting for its own; 'worker': the switch's writer thread, turns overlapping. */
  readonly writer: 'thread' | 'worker';
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly commits: number;
  readonly checkpoints: number;
  /** From the first append of a turn to its commit (what a Receipt waits). */
  readonly commitLatency: LatencySummary;
  readonly gaplessSeqs: boolean;
  readonly verified: boolean;
}

/** A transaction row as the switch writes one (about 530 bytes stored). */
function auditEvent(index: number, at: number): AuditEvent {
  return {
    type: 'transaction', at, outcome: 'accepted',
    operatorId: `OP${1001 + (index % 40)}`, terminal: `LA${String(1 + (index % 26)).padStart(2, '0')}`, ori: 'CA0190000',
    sourceAddress: `127.0.0.1:${40000 + (index % 20000)}`, messageKey: ['QW', 'RQ', 'QV', 'DQ'][index % 4]!, inputSeq: index,
    clientMessageId: `LA${String(1 + (index % 26)).padStart(2, '0')}-b7c41e09-${index.toString(36)}`,
    routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: `26-${String(index % 1_000_000).padStart(6, '0')}` },
    destinations: ['NCIC', 'CORI'], bytes: 231, switchId: 'county-19',
    detail: { text: `QW.CA0190000.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-${index}` },
  };
}

/** Turns a switch has waiting for their commits at once (transactions in flight on many sessions). */
const TURNS_IN_FLIGHT = 8;

async function chained(synchronous: AuditSynchronous, batchMaxRows: number, tick: number, rows: number, writer: 'thread' | 'worker' = 'thread'): Promise<AppendRun> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-audit-'));
  const store = openAuditStore({ path: join(dir, 'audit.db'), synchronous, batchMaxRows: Math.max(batchMaxRows, tick), writer });
  try {
    const latency = new LatencyHistogram();
    let expected = 1;
    let gapless = true;
    const turns = new Set<Promise<void>>();
    const started = performance.now();
    for (let done = 0; done < rows; done += tick) {
      const count = Math.min(tick, rows - done);
      const turnStarted = performance.now();
      const at = Date.now();
      const turn = new Array<Promise<{ seq: number }>>(count);
      for (let index = 0; index < count; index++) turn[index] = store.append(auditEvent(done + index, at));
      const committed = Promise.all(turn).then((receipts) => {
        // Turns commit in order: each receipt follows the one before, across turns too.
        for (const receipt of receipts) {
          if (receipt.seq !== expected) gapless = false;
          expected = receipt.seq + 1;
        }
        latency.recordMs(performance.now() - turnStarted);
      });
      if (writer === 'thread') {
        // Each turn waits for its own commit, as the store in the switch's thread makes it.
        await committed;
      } else {
        // The switch's way with the writer thread: the next turn's transactions arrive while this one commits.
        const tracked: Promise<void> = committed.then(() => void turns.delete(tracked));
        turns.add(tracked);
        if (turns.size >= TURNS_IN_FLIGHT) await Promise.race(turns);
      }
      // A real turn of the loop between batches, as a switch has between reads (checkpoint messages run).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(turns);
    const seconds = (performance.now() - started) / 1000;
    const stats = store.stats();
    const verified = store.verify();
    // In this thread each turn is one commit; the writer thread groups what waits while it commits.
    const commitsRight = writer === 'thread' ? stats.commits === Math.ceil(rows / tick) : stats.commits <= Math.ceil(rows / tick);
    return {
      tick, writer, rows, seconds: round(seconds, 3), rowsPerSecond: Math.round(rows / seconds), commits: stats.commits, checkpoints: stats.checkpoints,
      commitLatency: latency.summary(), gaplessSeqs: gapless && expected === rows + 1 && commitsRight, verified: verified.ok && verified.rows === rows,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ceiling: the same rows, plain INSERTs in transactions of `tick`, no chain. */
function rawSqlite(synchronous: AuditSynchronous, tick: number, rows: number): { rowsPerSecond: number; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-sqlite-'));
  const db = openSqlite(join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(`CREATE TABLE log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL, operator_id TEXT, terminal TEXT, ori TEXT,
      source_address TEXT, message_key TEXT, input_seq INTEGER, client_message_id TEXT, route_to TEXT, destinations TEXT, outcome TEXT NOT NULL,
      code TEXT, bytes INTEGER, detail TEXT, switch_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
      CREATE INDEX log_at ON log (at);`);
    const insert = db.prepare('INSERT INTO log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const hash = 'f'.repeat(64);
    const batch = db.transaction((first: number, count: number, at: string) => {
      for (let index = first; index < first + count; index++) {
        const event = auditEvent(index, 0);
        insert.run(index + 1, at, event.type, event.operatorId, event.terminal, event.ori, event.sourceAddress, event.messageKey, event.inputSeq,
          event.clientMessageId, JSON.stringify(event.routeTo), JSON.stringify(event.destinations), event.outcome, null, event.bytes,
          JSON.stringify(event.detail), event.switchId, hash, hash);
      }
    });
    const started = performance.now();
    for (let done = 0; done < rows; done += tick) batch(done, Math.min(tick, rows - done), new Date().toISOString());
    const seconds = (performance.now() - started) / 1000;
    return { rowsPerSecond: Math.round(rows / seconds), seconds: round(seconds, 3) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('audit-store');
  const scenario = startScenario('audit-store', 'Audit store alone: chained rows, group commit, the switch\'s synchronous level', options);
  const defaults = parseSwitchConfig({}).audit;
  const full = options.mode === 'full';
  // Rows per run, by rows per turn: fewer at 10 a turn, where every 10 rows wait for an fsync.
  const plan: readonly (readonly [tick: number, rows: number])[] = full
    ? [[10, 20_000], [100, 200_000], [1000, 500_000]]
    : [[10, 2_000], [100, 20_000], [1000, 40_000]];
  const runs: AppendRun[] = [];
  const ceilings: { tick: number; rowsPerSecond: number }[] = [];
  for (const [tick, rows] of plan) {
    const ceiling = rawSqlite(defaults.synchronous, tick, rows);
    ceilings.push({ tick, rowsPerSecond: ceiling.rowsPerSecond });
    for (const writer of ['thread', 'worker'] as const) {
      const measured = await chained(defaults.synchronous, defaults.batchMaxRows, tick, rows, writer);
      log(`${tick} rows/turn, writer ${writer}: chained ${measured.rowsPerSecond} rows/s (commit p50 ${measured.commitLatency.p50Ms} p99 ${measured.commitLatency.p99Ms} ms), raw SQLite ${ceiling.rowsPerSecond} rows/s`);
      runs.push(measured);
    }
  }

  const figures = runs.map((measured) => figure({
    name: measured.writer === defaults.writer
      ? `rows/s, ${measured.tick} appends per turn (synchronous ${defaults.synchronous}, writer thread as the switch runs it)`
      : `rows/s, ${measured.tick} appends per turn (synchronous ${defaults.synchronous}, committed in the appending thread)`,
    value: measured.rowsPerSecond, unit: '/s',
    ceiling: { name: 'better-sqlite3 alone, same rows and transactions', value: ceilings.find((entry) => entry.tick === measured.tick)!.rowsPerSecond, unit: '/s' },
    ...(measured.tick === TARGET_TICK && measured.writer === defaults.writer
      ? { target: { description: '>= 50,000 rows/s with the chain', on: 'value', kind: 'min', threshold: TARGET_ROWS_PER_SECOND } as const } : {}),
    note: `commit wait p50 ${measured.commitLatency.p50Ms} ms, p99 ${measured.commitLatency.p99Ms} ms, max ${measured.commitLatency.maxMs} ms; ${measured.commits} commits; ${measured.checkpoints} checkpoints`
      + (measured.writer === 'worker' ? `; up to ${TURNS_IN_FLIGHT} turns waiting for their commits at once` : '; each turn waits for its commit'),
  }));
  const checks: Check[] = runs.map((measured) => ({
    name: `${measured.tick} rows/turn, writer ${measured.writer}: gapless receipts in order, ${measured.writer === 'thread' ? 'one commit per turn' : 'no more commits than turns'}, chain verifies`,
    ok: measured.gaplessSeqs && measured.verified,
    detail: `${measured.rows} rows, ${measured.commits} commits, gapless ${measured.gaplessSeqs}, verified ${measured.verified}`,
  }));
  const atTarget = runs.find((measured) => measured.tick === TARGET_TICK && measured.writer === defaults.writer);
  const notes: string[] = [];
  if (atTarget !== undefined && atTarget.rowsPerSecond < TARGET_ROWS_PER_SECOND) {
    const ceiling = ceilings.find((entry) => entry.tick === TARGET_TICK)?.rowsPerSecond ?? 0;
    notes.push(`Target missed at ${TARGET_TICK} rows per turn by ${round((1 - atTarget.rowsPerSecond / TARGET_ROWS_PER_SECOND) * 100)}%: `
      + `SQLite alone does ${ceiling} rows/s with the same transactions (the chain keeps ${round(atTarget.rowsPerSecond / Math.max(1, ceiling) * 100)}% of it); `
      + `each commit at synchronous ${defaults.synchronous} waits for an fsync (p50 ${atTarget.commitLatency.p50Ms} ms per turn here), so rows/s follow the disk's fsync latency times the rows per commit.`);
  }
  return scenario.finish({
    parameters: { synchronous: defaults.synchronous, batchMaxRows: defaults.batchMaxRows, writer: defaults.writer, turnsInFlight: TURNS_IN_FLIGHT, checkpoints: 'worker thread (store default)', plan, targetAtTick: TARGET_TICK },
    figures, checks, notes, details: { runs, ceilings },
  });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/audit-store.ts [--full]

Scenario 5: the audit store alone, next to better-sqlite3 alone; writes bench/results/audit-store.json.
  --full        the long runs (default: short ones)
  -h, --help    this text
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = readScenarioFlags(USAGE, ['full']);
  run({ mode: flags.full ? 'full' : 'short' }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
