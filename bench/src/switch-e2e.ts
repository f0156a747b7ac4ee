/**
 * Scenario 3: the switch end to end, next to its ceiling, in one run.
 *
 * The real county switch and the real mock backends as child processes (startCountyNetwork:
 * audit in SQLite, synchronous=FULL, every row committed before its Receipt: the switch's
 * defaults), the fixture terminals logged in with their operators, the inquiry mix:
 *   A. closed loop, lean client: the most the switch carries (transactions/s) and its latency;
 *   C. fixed rate at half of A: p99 latency without a closed loop's queueing;
 *   P. the closed loop again under the CPU profiler (switch and backends, over their inspector);
 *   B. closed loop, the TerminalClient library: what the library costs on the client side;
 * then the relay ceiling (relay-ceiling.ts) with the frame shape counted in A, same layout,
 * same generator and checker. The audit chain is verified at the end, and
 * its transaction rows must equal the receipts the terminals got.
 *
 *   pnpm exec tsx --conditions=source bench/src/switch-e2e.ts [--full] [--no-profile] [--plain]
 */
import { pathToFileURL } from 'node:url';
import { summarizeProfile } from './cpu-profile.js';
import { fixtureLogins, type TerminalLogin } from './fixture-terminals.js';
import { BENCH_SCRYPT, startBenchNetwork, type BenchNetwork, type PolicyName } from './bench-network.js';
import { openSqlite, verifyAuditDatabase } from './internals.js';
import { buildKeyMix, committedFixtures, INQUIRY_MIX, type KeyMix } from './key-mix.js';
import { LeanTerminal, openConnections, TotpCodes, type ClientKind, type LoadConnection } from './load-connections.js';
import { describeCpu, describeReport, runLoad, totalCpu, type LoadReport } from './load-generator.js';
import { measureRelay, type FrameShape, type RelayMeasurement } from './relay-ceiling.js';
import { figure, round, startScenario, stderrLog, writeResult, type Check, type ProfileSummary, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 10;

export interface SwitchE2eOptions extends ScenarioOptions {
  readonly terminals?: number;
  readonly window?: number;
  /** The switch's security policy: cjis (its default) or plain. */
  readonly policy?: PolicyName;
}

interface Phases {
  readonly closedLean: LoadReport;
  readonly closedTerminalClient: LoadReport;
  readonly halfRate: LoadReport;
  /** The closed loop again, with the switch and backends under the profiler. */
  readonly profiled?: LoadReport;
  readonly shape: FrameShape;
}

/** The switch's traffic per transaction, from the lean terminals' counters. */
function shapeOf(connections: readonly LoadConnection[], transactions: number, responses: number): FrameShape {
  let framesSent = 0;
  let bytesSent = 0;
  let framesReceived = 0;
  let bytesReceived = 0;
  for (const connection of connections) {
    if (!(connection instanceof LeanTerminal)) continue;
    const traffic = connection.connection.traffic;
    framesSent += traffic.framesSent;
    bytesSent += traffic.bytesSent;
    framesReceived += traffic.framesReceived;
    bytesReceived += traffic.bytesReceived;
  }
  const requestBytes = framesSent === 0 ? 0 : bytesSent / framesSent;
  const answerFrames = transactions === 0 ? 0 : framesReceived / transactions;
  const responsesPerTransaction = transactions === 0 ? 0 : responses / transactions;
  // Receipt and Completion are about the size of the request; the rest of the bytes are responses.
  const answerBytes = framesReceived === 0 ? 0 : bytesReceived / framesReceived;
  const responseBytes = responsesPerTransaction === 0 ? answerBytes
    : Math.max(0, (bytesReceived / Math.max(1, transactions) - 2 * requestBytes * 0.8) / responsesPerTransaction);
  return {
    requestBytes: Math.round(requestBytes),
    answerFrames: round(answerFrames, 2),
    responses: round(responsesPerTransaction, 2),
    responseBytes: Math.round(responseBytes),
    meanFrameBytes: Math.round((bytesSent + bytesReceived) / Math.max(1, framesSent + framesReceived)),
  };
}

async function phases(bench: BenchNetwork, logins: readonly TerminalLogin[], mix: KeyMix, options: {
  window: number; warmupMs: number; durationMs: number; clientDurationMs: number; profileMs: number; log: (line: string) => void;
}): Promise<Phases> {
  const { log } = options;
  const url = bench.network.terminalsUrl;
  const closeAll = (connections: readonly LoadConnection[]) => Promise.allSettled(connections.map((connection) => connection.close()));
  const totp = new TotpCodes();
  const open = (kind: ClientKind) => openConnections(url, logins, kind, { totp });

  const serverPids = { switch: bench.network.county.child.pid, backends: bench.network.backends.child.pid };
  let connections = await open('lean');
  const closedLean = await runLoad({ connections, mix, mode: 'closed', window: options.window, warmupMs: options.warmupMs, durationMs: options.durationMs, runTag: 'A', serverPids });
  log(`A lean: ${describeReport(closedLean)}`);
  const shape = shapeOf(connections, closedLean.counts.completed, closedLean.counts.responses);

  const rate = Math.max(100, Math.round(closedLean.transactionsPerSecond / 2));
  const halfRate = await runLoad({ connections, mix, mode: 'rate', rate, warmupMs: 1000, durationMs: options.durationMs, runTag: 'C' });
  log(`C half rate: ${describeReport(halfRate)}`);

  // Profiled apart from A, so the profiler's overhead is in no figure.
  const profiled = bench.profiles.length === 0 ? undefined
    : await bench.profileDuring(() => runLoad({ connections, mix, mode: 'closed', window: options.window, durationMs: options.profileMs, runTag: 'P' }));
  if (profiled !== undefined) log(`P profiled: ${describeReport(profiled)}`);
  await closeAll(connections);

  connections = await open('terminal-client');
  const closedTerminalClient = await runLoad({ connections, mix, mode: 'closed', window: options.window, warmupMs: 1000, durationMs: options.clientDurationMs, runTag: 'B' });
  log(`B TerminalClient: ${describeReport(closedTerminalClient)}`);
  await closeAll(connections);
  return { closedLean, closedTerminalClient, halfRate, shape, ...(profiled !== undefined ? { profiled } : {}) };
}

/**
 * Rows of type 'transaction' in the audit database (one per accepted transaction), and the
 * rows of the transactions' path (the transaction, its answers, rejects and completion).
 */
function countTransactionRows(path: string): { transactions: number; pathRows: number } {
  const db = openSqlite(path, { readonly: true });
  try {
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      transactions: count("SELECT count(*) AS n FROM audit_log WHERE type = 'transaction'"),
      pathRows: count("SELECT count(*) AS n FROM audit_log WHERE type IN ('transaction', 'response', 'reject', 'queued', 'completion')"),
    };
  } finally {
    db.close();
  }
}

export async function run(options: SwitchE2eOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('switch-e2e');
  const scenario = startScenario('switch-e2e', 'Switch end to end (real backends, audit FULL) vs the bare relay', options);
  const full = options.mode === 'full';
  const fixtures = await committedFixtures();
  const available = fixtureLogins(fixtures, 'county-19');
  const logins = available.slice(0, options.terminals ?? 16);
  const parameters = {
    terminals: logins.length, terminalsAvailable: available.length, window: options.window ?? 8, policy: options.policy ?? 'cjis', scrypt: BENCH_SCRYPT,
    warmupMs: full ? 10_000 : 4_000, durationMs: full ? 30_000 : 5_000, clientDurationMs: full ? 20_000 : 3_000,
    relayWarmupMs: full ? 3_000 : 1_000, profileMs: full ? 10_000 : 3_000,
    mix: INQUIRY_MIX, audit: 'SQLite, synchronous FULL (switch default), receipt after commit', profile: options.profile !== false,
  };
  const mix = buildKeyMix(fixtures, { weights: INQUIRY_MIX });

  log('starting backends and county switch');
  const bench = await startBenchNetwork({ scenario: 'switch-e2e', policy: parameters.policy, profile: parameters.profile });
  let measured: Phases;
  try {
    measured = await phases(bench, logins, mix, { ...parameters, log });
  } finally {
    await bench.stop();
  }

  const checks: Check[] = [];
  const runs: [string, LoadReport][] = [['A closed loop, lean', measured.closedLean], ['B closed loop, TerminalClient', measured.closedTerminalClient], ['C half rate', measured.halfRate]];
  if (measured.profiled !== undefined) runs.push(['P closed loop, profiled', measured.profiled]);
  for (const [name, report] of runs) {
    checks.push({
      name: `${name}: every answer correlated and echoed, none lost, duplicated or refused`,
      ok: report.ok,
      detail: `${report.counts.completed} completed, ${report.counts.rejected} refused, ${report.skipped} not sent (rate), faults ${JSON.stringify(report.counts.faults)}${report.faults.length > 0 ? `; first: ${JSON.stringify(report.faults[0])}` : ''}`,
    });
  }
  const receipts = runs.reduce((sum, [, report]) => sum + report.counts.completed, 0);
  let auditRowsPerTransaction = 0;
  try {
    const verified = verifyAuditDatabase(bench.network.auditPath);
    const { transactions: rows, pathRows } = countTransactionRows(bench.network.auditPath);
    auditRowsPerTransaction = rows === 0 ? 0 : round(pathRows / rows, 2);
    checks.push({ name: 'audit chain verifies', ok: verified.ok, detail: `${verified.rows} rows${verified.reason ? `: ${verified.reason}` : ''}` });
    checks.push({
      name: 'one committed transaction row per receipt', ok: rows === receipts,
      detail: `${rows} transaction rows, ${receipts} receipts; ${auditRowsPerTransaction} audit rows per transaction (its row, answers, rejects, completion)`,
    });
  } catch (error) {
    checks.push({ name: 'audit chain verifies', ok: false, detail: String(error) });

  } finally {
    bench.removeFiles();
  }
  const profiles: ProfileSummary[] = bench.profiles.map((target) => summarizeProfile(target.path, `${target.name}, closed loop as in A (phase P, ${measured.profiled?.transactionsPerSecond ?? 0} tx/s)`));

  log(`relay ceiling with the switch's frame shape ${JSON.stringify(measured.shape)}`);
  const relay: RelayMeasurement = await measureRelay({
    terminals: logins.map((login) => ({ name: login.mnemonic, ori: login.ori })), window: parameters.window,
    warmupMs: parameters.relayWarmupMs, durationMs: parameters.durationMs, mix, shape: measured.shape, log,
  });
  checks.push({ name: 'relay echo: every answer correlated, none lost', ok: relay.echo.ok, detail: JSON.stringify(relay.echo.counts.faults) });
  checks.push({ name: 'relay protocol: every answer correlated, none lost', ok: relay.protocol.ok, detail: JSON.stringify(relay.protocol.counts.faults) });

  const switchTps = measured.closedLean.transactionsPerSecond;
  const figures = [
    figure({
      name: 'switch transactions/s (closed loop, lean client)', value: switchTps, unit: '/s',
      ceiling: { name: `relay with the switch's frame shape, decoding and encoding: ${measured.shape.answerFrames} answer frames per request`, value: relay.protocol.transactionsPerSecond, unit: '/s' },
      target: { description: ">= 60% of the relay with the switch's frame shape", on: 'ratio', kind: 'min', threshold: TARGET_RATIO },
      note: `${parameters.terminals} terminals x window ${parameters.window}`,
    }),
    figure({
      name: 'switch transactions/s vs the bare echo relay', value: switchTps, unit: '/s',
      ceiling: { name: 'bare relay round trips/s (echo, one frame each way)', value: relay.echo.transactionsPerSecond, unit: '/s' },
    }),
    figure({
      name: `switch p99 at half load (${measured.halfRate.offeredRate}/s offered)`, value: measured.halfRate.latency.p99Ms, unit: 'ms',
      target: { description: 'p99 < 10 ms at half of max throughput', on: 'value', kind: 'max', threshold: TARGET_P99_MS },
      note: `p50 ${measured.halfRate.latency.p50Ms} ms, p99.9 ${measured.halfRate.latency.p999Ms} ms, max ${measured.halfRate.latency.maxMs} ms; achieved ${measured.halfRate.transactionsPerSecond}/s${measured.halfRate.skipped > 0 ? `, ${measured.halfRate.skipped} sends skipped (256 in flight on a connection)` : ''}`,
    }),
    figure({ name: 'switch p50 / p99 / p99.9 under saturation (closed loop)', value: measured.closedLean.latency.p99Ms, unit: 'ms (p99)',
      note: `p50 ${measured.closedLean.latency.p50Ms}, p99.9 ${measured.closedLean.latency.p999Ms}, max ${measured.closedLean.latency.maxMs} ms` }),
    figure({
      name: 'switch transactions/s through the TerminalClient library', value: measured.closedTerminalClient.transactionsPerSecond, unit: '/s',
      ceiling: { name: 'same through the lean client', value: switchTps, unit: '/s' },
      note: `phase B, after A, C and P (a warmer switch: throughput still rises over the first minute here); client CPU per transaction: TerminalClient ${measured.closedTerminalClient.clientCpuUsPerTransaction} us, lean ${measured.closedLean.clientCpuUsPerTransaction} us`,
    }),
    figure({ name: 'client CPU per transaction (lean / TerminalClient)', value: measured.closedLean.clientCpuUsPerTransaction, unit: 'us',
      ceiling: { name: 'TerminalClient', value: measured.closedTerminalClient.clientCpuUsPerTransaction, unit: 'us' } }),
  ];
  const switchCpu = totalCpu(measured.closedLean.serverCpuUsPerTransaction);
  const relayCpu = totalCpu(relay.protocol.serverCpuUsPerTransaction);
  if (switchCpu > 0 && relayCpu > 0) {
    figures.push(figure({
      name: 'server CPU per transaction, every thread (switch + backends)', value: switchCpu, unit: 'us',
      ceiling: { name: 'relay + its backend with the switch\'s frame shape', value: relayCpu, unit: 'us' },
      note: `${describeCpu(measured.closedLean.serverCpuUsPerTransaction)}; relay run: ${describeCpu(relay.protocol.serverCpuUsPerTransaction)} (CPU time from /proc over the measured part of A and of the relay run)`,
    }));
  }

  const notes: string[] = [];
  const ratio = relay.protocol.transactionsPerSecond > 0 ? switchTps / relay.protocol.transactionsPerSecond : 0;
  if (ratio < TARGET_RATIO) {
    notes.push(`Throughput target missed: the switch carries ${round(ratio * 100)}% of the relay with its frame shape (target 60%), ${round(ratio / TARGET_RATIO * 100)}% of the target. `
      + `Per transaction it writes ${measured.shape.answerFrames} frames to the terminal, sends ${measured.shape.responses} link requests and receives as many replies, `
      + `and commits ${auditRowsPerTransaction} audit rows (the transaction, its answers, its completion) and the journal's rows, each commit at synchronous FULL waiting for an fsync; `
      + `against the bare echo relay (one frame each way) it reaches ${round(relay.echo.transactionsPerSecond > 0 ? switchTps / relay.echo.transactionsPerSecond * 100 : 0)}%.`);
  }
  if (ratio < TARGET_RATIO && switchCpu > 0 && relayCpu > 0) {
    const cores = 2;
    const budget = (relayCpu + relay.protocol.clientCpuUsPerTransaction) / TARGET_RATIO;
    notes.push(`CPU per transaction decides it on ${cores} cores: the switch and backends spend ${switchCpu} us (every thread) and the client ${measured.closedLean.clientCpuUsPerTransaction} us, `
      + `the relay and its backend ${relayCpu} us and its client ${relay.protocol.clientCpuUsPerTransaction} us. Carrying 60% of the relay's rate on the same cores leaves about `
      + `${Math.round(budget - measured.closedLean.clientCpuUsPerTransaction)} us per transaction for the switch and backends together: ${round(switchCpu / Math.max(1, budget - measured.closedLean.clientCpuUsPerTransaction), 1)}x less than today.`);
  }
  if (measured.halfRate.latency.p99Ms >= TARGET_P99_MS) {
    notes.push(`Latency target missed: p99 ${measured.halfRate.latency.p99Ms} ms at ${measured.halfRate.offeredRate}/s (target < 10 ms); p50 ${measured.halfRate.latency.p50Ms} ms, max ${measured.halfRate.latency.maxMs} ms.`);
  }
  for (const report of [measured.closedLean, relay.echo]) {
    if (report.clientCpuCores > 0.8) notes.push(`The load generator used ${report.clientCpuCores} cores in a ${report === relay.echo ? 'relay' : 'switch'} run: on 2 cores the client may be part of the limit.`);
  }
  if (parameters.profile) notes.push('The switch and backends were profiled in a separate closed-loop phase (P) after A and C, so no figure carries the profiler\'s overhead.');

  return scenario.finish({ parameters, figures, checks, notes, profiles, details: { phases: measured, relay } });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/switch-e2e.ts [--full] [--no-profile] [--plain]

Scenario 3: the switch end to end next to its ceiling; writes bench/results/switch-e2e.json.
  --full        the long runs (default: short ones)
  --no-profile  no CPU profile of the services
  --plain       the plain security policy instead of the CJIS one
  -h, --help    this text
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = readScenarioFlags(USAGE, ['full', 'no-profile', 'plain']);
  run({
    mode: flags.full ? 'full' : 'short', profile: !flags.noProfile,
    policy: flags.plain ? 'plain' : 'cjis',
  }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
