/**
 * Audit store throughput, a program (not a test):
 *
 *   pnpm exec tsx --conditions=source packages/switch/src/audit/bench-audit.ts [--rows 200000] [--tick 10,100,1000] [--sync NORMAL,FULL]
 *
 * For each synchronous level and tick size it appends --rows chained rows (about 530 bytes, the
 * shape the switch writes), `tick` rows per event-loop turn as a busy switch would, waiting for
 * each turn's commit; checkpoints run in the worker as in production. It checks what it
 * measures: receipts must come back with gapless seqs, the commit count must be rows/tick,
 * and the chain must verify at the end. Prints one JSON line per run, then a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openAuditStore, type AuditSynchronous } from './sqlite-audit-store.js';
import type { AuditEvent } from './types.js';

interface RunResult {
  synchronous: AuditSynchronous;
  tick: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  commits: number;
  checkpoints: number;
  walRestarts: number;
  bytesPerRow: number;
  verifyRowsPerSecond: number;
}

function sampleEvent(i: number, at: number): AuditEvent {
  return {
    type: 'transaction',
    at,
    outcome: i % 7 === 0 ? 'hit' : 'no_record',
    operatorId: `OP${(i % 400).toString().padStart(5, '0')}`,
    terminal: `T${(i % 120).toString().padStart(3, '0')}`,
    ori: `CA0${(i % 58).toString().padStart(2, '0')}0000`,
    sourceAddress: `10.19.${i % 250}.${i % 200}:52${i % 1000}`,
    messageKey: i % 3 === 0 ? 'QV' : 'QW',
    inputSeq: i,
    clientMessageId: `3f2b8c1e-${i.toString(16).padStart(8, '0')}-4a1b-9c2d-7e6f5a4b3c2d`,
    routeTo: {
      requester: 'DEP R VALE 4411',
      operator: 'DISP K ORTIZ 2290',
      reason: 'TRAFFIC STOP 10-55 SUSP VEH',
      caseNumber: `24-0${i % 100000}`,
      purposeCode: 'C',
    },
    destinations: ['NCIC', 'WPS', 'DMV'],
    bytes: 293,
    detail: { hits: i % 7 === 0 ? 1 : 0, files: ['NCIC', 'WPS'], latencyMs: i % 90 },
    switchId: 'county-19',
  };
}

async function runOnce(synchronous: AuditSynchronous, tick: number, rows: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-audit-'));
  const path = join(dir, 'audit.db');
  const store = openAuditStore({ path, synchronous, batchMaxRows: Math.max(tick, 1000) });
  try {
    const started = process.hrtime.bigint();
    let expectedSeq = 1;
    for (let done = 0; done < rows; done += tick) {
      const count = Math.min(tick, rows - done);
      const now = Date.now();
      const turn = new Array<Promise<{ seq: number }>>(count);
      for (let j = 0; j < count; j += 1) turn[j] = store.append(sampleEvent(done + j, now));
      for (const receipt of await Promise.all(turn)) {
        if (receipt.seq !== expectedSeq) throw new Error(`seq ${receipt.seq} where ${expectedSeq} was expected`);
        expectedSeq += 1;
      }
      // A full batch commits inside append() and resolves by microtasks alone: give the loop a
      // real turn, as a switch does between reads, so checkpoint messages are handled.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stats = store.stats();
    const expectedCommits = Math.ceil(rows / tick);
    if (stats.commits !== expectedCommits) throw new Error(`${stats.commits} commits, ${expectedCommits} expected`);
    const size = store.connection
      .prepare(
        `SELECT avg(length(at) + length(type) + length(operator_id) + length(terminal) + length(ori) + length(source_address)
           + length(message_key) + 8 + length(client_message_id) + length(route_to) + length(destinations)
           + length(outcome) + 8 + length(detail) + length(switch_id) + 128) AS bytes FROM audit_log`,
      )
      .get() as { bytes: number };
    const verifyStarted = process.hrtime.bigint();
    const verified = store.verify();
    const verifySeconds = Number(process.hrtime.bigint() - verifyStarted) / 1e9;
    if (!verified.ok || verified.rows !== rows) throw new Error(`verify: ${JSON.stringify(verified)}`);
    return {
      synchronous,
      tick,
      rows,
      seconds: round(seconds, 3),
      rowsPerSecond: Math.round(rows / seconds),
      commits: stats.commits,
      checkpoints: stats.checkpoints,
      walRestarts: stats.walRestarts,
      bytesPerRow: Math.round(size.bytes),
      verifyRowsPerSecond: Math.round(rows / verifySeconds),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const USAGE = `usage: pnpm exec tsx --conditions=source packages/switch/src/audit/bench-audit.ts [--rows 200000]
    [--tick 10,100,1000] [--sync NORMAL,FULL]

Appends --rows chained audit rows per synchronous level and tick size and checks them.
  -h, --help  this text
`;

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        rows: { type: 'string', default: '200000' },
        tick: { type: 'string', default: '10,100,1000' },
        sync: { type: 'string', default: 'NORMAL,FULL' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  const rows = Number(values.rows);
  const ticks = values.tick.split(',').map(Number);
  const levels = values.sync.split(',') as AuditSynchronous[];
  if (!Number.isSafeInteger(rows) || rows < 1 || ticks.some((t) => !Number.isSafeInteger(t) || t < 1)) {
    throw new Error('--rows and --tick take positive integers');
  }
  const commit = gitCommit();
  const results: RunResult[] = [];
  for (const tick of ticks) {
    for (const synchronous of levels) {
      const result = await runOnce(synchronous, tick, rows);
      results.push(result);
      process.stdout.write(`${JSON.stringify({ bench: 'audit-append', commit, node: process.version, ...result })}\n`);
    }
  }
  process.stdout.write('\nsynchronous  rows/turn  rows/s    commits  checkpoints  verify rows/s\n');
  for (const r of results) {
    process.stdout.write(
      `${r.synchronous.padEnd(11)}  ${String(r.tick).padStart(9)}  ${String(r.rowsPerSecond).padStart(7)}  ${String(r.commits).padStart(7)}  ${String(r.checkpoints).padStart(11)}  ${String(r.verifyRowsPerSecond).padStart(13)}\n`,
    );
  }
}

await main();
