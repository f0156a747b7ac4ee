/**
 * The load generator: logged-in connections, each with a window of transactions in flight
 * (closed loop: measures the most the switch carries) or a fixed offered rate (open loop:
 * measures latency without the queueing a closed loop adds), every answer checked by
 * AnswerChecker. Latency is from the send to the final answer (the Completion, or a Reject
 * before the Receipt); in rate mode from the time the send was due, so a stalled switch
 * cannot hide its stall (no coordinated omission).
 *
 * As a library: `runLoad({ connections, mix, ... })`. As a script, against a running switch
 * with the fixture terminals:
 *
 *   pnpm exec tsx --conditions=source bench/src/load-generator.ts --url ws://127.0.0.1:7400 [--terminals 16] [--window 8]
 *       [--duration 10] [--count N] [--rate 0] [--mix inquiry|with-updates] [--client lean|terminal-client]
 *       [--switch-id county-19]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Transaction } from '@clets/protocol';
import { AnswerChecker, type CheckerCounts, type Fault } from './answer-checker.js';
import { fixtureLogins } from './fixture-terminals.js';
import { buildKeyMix, committedFixtures, NAMED_MIXES, type KeyMix, type MixEntry } from './key-mix.js';
import { LatencyHistogram, type LatencySummary } from './latency.js';
import { openConnections, type ClientKind, type LoadConnection } from './load-connections.js';
import { RUN_FROM_SOURCE } from './command-line.js';

export interface LoadOptions {
  readonly connections: readonly LoadConnection[];
  /** Lines to send; or a fixed transaction per ORI (the relay ceiling sends prepared frames). */
  readonly mix: KeyMix;
  /** closed: `window` in flight per connection. rate: `rate` transactions/s offered in total. */
  readonly mode: 'closed' | 'rate';
  readonly window?: number;
  readonly rate?: number;
  /** Stop sending after this long (measured part), or after `count` sent, whichever first. */
  readonly durationMs?: number;
  readonly count?: number;
  /** Sent but not measured, before the measured part. */
  readonly warmupMs?: number;
  /** A question without its final answer this long after its send is lost. */
  readonly deadlineMs?: number;
  /** How long to wait for answers in flight once sending stops. */
  readonly drainMs?: number;
  /** Rate mode: at most this many in flight per connection (beyond, sends are skipped and counted). */
  readonly maxInFlightPerConnection?: number;
  /** Called every `progressEvery` final answers (memory sampling of long runs). */
  readonly onProgress?: (ended: number) => void | Promise<void>;
  readonly progressEvery?: number;
  /** Distinguishes the ids of two runs on the same connections. */
  readonly runTag?: string;
  /** The processes under test by name: their CPU time (every thread) is read over the measured part. */
  readonly serverPids?: Readonly<Record<string, number | undefined>>;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every Linux x86-64 and arm64 build). */
const PROC_TICKS_PER_SECOND = 100;

/** A process's CPU time so far (user + system, every thread) in microseconds, or undefined once it is gone or off Linux. */
function processCpuUs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: count fields from its closing parenthesis (the state, field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1e6) / PROC_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Each process's CPU between two readings of `serverCpuNow`, per transaction (us). */
export function cpuPerTransaction(start: ReadonlyMap<string, number>, end: ReadonlyMap<string, number>, transactions: number): Record<string, number> {
  const perTransaction: Record<string, number> = {};
  for (const [name, before] of start) {
    const after = end.get(name);
    if (after !== undefined && transactions > 0) perTransaction[name] = Math.round((after - before) / transactions);
  }
  return perTransaction;
}

/** `switch 351 us, backends 96 us`: each process's CPU per transaction, for notes and progress lines. */
export function describeCpu(perTransaction: Readonly<Record<string, number>>): string {
  return Object.entries(perTransaction).map(([name, us]) => `${name} ${us} us`).join(', ');
}

/** The sum of `cpuPerTransaction`'s processes (us). */
export function totalCpu(perTransaction: Readonly<Record<string, number>>): number {
  return Object.values(perTransaction).reduce((sum, us) => sum + us, 0);
}

export function serverCpuNow(pids: Readonly<Record<string, number | undefined>>): Map<string, number> {
  const now = new Map<string, number>();
  for (const [name, pid] of Object.entries(pids)) {
    const cpu = pid === undefined ? undefined : processCpuUs(pid);
    if (cpu !== undefined) now.set(name, cpu);
  }
  return now;
}

export interface LoadReport {
  readonly mode: 'closed' | 'rate';
  readonly connections: number;
  readonly window: number | undefined;
  /** Rate mode: offered transactions/s. */
  readonly offeredRate: number | undefined;
  /** Length of the measured part (s). */
  readonly measuredS: number;
  /** Final answers (Completion, or Reject before the Receipt) received inside the measured part. */
  readonly measured: number;
  readonly transactionsPerSecond: number;
  readonly latency: LatencySummary;
  readonly sent: number;
  /** Rate mode: sends skipped because a connection had its maximum in flight. */
  readonly skipped: number;
  readonly counts: CheckerCounts;
  readonly faults: readonly Fault[];
  /** Client process CPU per transaction, and the share of one core it used. */
  readonly clientCpuUsPerTransaction: number;
  readonly clientCpuCores: number;
  /** Per process under test (`serverPids`): CPU per measured transaction, every thread (us). */
  readonly serverCpuUsPerTransaction: Readonly<Record<string, number>>;
  /** Measured transactions by message key. */
  readonly perKey: Readonly<Record<string, number>>;
  /** No fault, nothing lost, nothing refused. (Skipped sends say the rate was not carried: a result, not a fault.) */
  readonly ok: boolean;
}

const DEFAULT_DEADLINE_MS = 15_000;
const TICK_MS = 1;

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const connections = options.connections;
  if (connections.length === 0) throw new Error('runLoad: no connections');
  if (options.durationMs === undefined && options.count === undefined) throw new Error('runLoad: give durationMs or count');
  const window = options.window ?? 8;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const warmupMs = options.warmupMs ?? 0;
  const runTag = options.runTag ?? Math.random().toString(36).slice(2, 8);
  const checker = new AnswerChecker();
  const latency = new LatencyHistogram();
  const perKey: Record<string, number> = {};
  const keyOf = new Map<string, string>();

  const sequences = connections.map((connection) => options.mix.forOri(connection.ori));
  const cursors = connections.map((_, index) => (index * 7919) % Math.max(1, sequences[index]!.length));
  const inFlight = new Array<number>(connections.length).fill(0);
  const indexOf = new Map(connections.map((connection, index) => [connection.name, index]));

  let sent = 0;
  let skipped = 0;
  let ended = 0;
  let measured = 0;
  let sending = true;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  let measureTo = options.durationMs === undefined ? Number.POSITIVE_INFINITY : measureFrom + options.durationMs;
  let cpuAtMeasureStart: NodeJS.CpuUsage | undefined;
  let cpuAtMeasureEnd: NodeJS.CpuUsage | undefined;
  let progressPending: Promise<void> | undefined;

  const serverPids = options.serverPids ?? {};
  let serverCpuAtMeasureStart: Map<string, number> | undefined;
  let serverCpuAtMeasureEnd: Map<string, number> | undefined;
  const measureStart = setTimeout(() => { cpuAtMeasureStart = process.cpuUsage(); serverCpuAtMeasureStart = serverCpuNow(serverPids); }, warmupMs);

  const sendOne = (index: number, dueAt: number): void => {
    const connection = connections[index]!;
    const sequence = sequences[index]!;
    const entry: MixEntry = sequence[cursors[index]! % sequence.length]!;
    cursors[index] = cursors[index]! + 1;
    sent += 1;
    const clientMessageId = `${connection.name}-${runTag}-${sent.toString(36)}`;
    const control = sent.toString(36).toUpperCase().padStart(7, '0').slice(-10);
    const header = entry.transaction.header ?? {};
    const transaction: Transaction = { ...entry.transaction, header: { ...header, clientMessageId, control } };
    checker.expect(connection.name, { clientMessageId, control, messageKey: entry.key }, dueAt);
    keyOf.set(clientMessageId, entry.key);
    inFlight[index] = inFlight[index]! + 1;
    connection.send(transaction);
  };

  const stopSending = (now: number): void => {
    if (!sending) return;
    sending = false;
    if (measureTo === Number.POSITIVE_INFINITY || now < measureTo) measureTo = now;
    cpuAtMeasureEnd = process.cpuUsage();
    serverCpuAtMeasureEnd = serverCpuNow(serverPids);
  };

  const mayStillSend = (now: number): boolean => {
    if (!sending) return false;
    if (now >= measureTo || (options.count !== undefined && sent >= options.count)) {
      stopSending(now);
      return false;
    }
    return true;
  };

  let resolveDrained: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => { resolveDrained = resolve; });

  for (const connection of connections) {
    connection.onAnswer((kind, header, extra) => {
      const end = checker.answer(connection.name, kind, header, extra);
      if (end === undefined) return;
      const now = performance.now();
      const index = indexOf.get(connection.name)!;
      inFlight[index] = inFlight[index]! - 1;
      ended += 1;
      const id = end.question.clientMessageId;
      if (end.sentAt >= measureFrom && end.sentAt <= measureTo) {
        latency.recordMs(now - end.sentAt);
      }
      if (now >= measureFrom && now <= measureTo) {
        measured += 1;
        const key = keyOf.get(id) ?? '?';
        perKey[key] = (perKey[key] ?? 0) + 1;
      }
      keyOf.delete(id);
      if (options.onProgress !== undefined && ended % (options.progressEvery ?? 10_000) === 0) {
        const done = options.onProgress(ended);
        if (done instanceof Promise) progressPending = done;
      }
      if (options.mode === 'closed' && mayStillSend(now)) sendOne(index, now);
      if (!sending && checker.inFlight === 0) resolveDrained();
    });
  }

  // Lost answers free their slot (closed loop) so one loss does not stall a connection.
  const expiry = setInterval(() => {
    const now = performance.now();
    for (const { question, connection } of checker.expireOlderThan(now - deadlineMs)) {
      const index = indexOf.get(connection)!;
      inFlight[index] = inFlight[index]! - 1;
      keyOf.delete(question.clientMessageId);
      if (options.mode === 'closed' && mayStillSend(now)) sendOne(index, now);
    }
    if (!sending && checker.inFlight === 0) resolveDrained();
  }, 250);

  let ticker: NodeJS.Timeout | undefined;
  if (options.mode === 'closed') {
    for (let index = 0; index < connections.length; index++) {
      for (let slot = 0; slot < window && mayStillSend(started); slot++) sendOne(index, started);
    }
    // The duration ends even if no answer comes to notice it.
    ticker = setInterval(() => {
      mayStillSend(performance.now());
      if (!sending && checker.inFlight === 0) resolveDrained();
    }, 50);
  } else {
    const rate = options.rate ?? 0;
    if (!(rate > 0)) throw new Error('runLoad: rate mode needs rate > 0');
    const cap = options.maxInFlightPerConnection ?? 256;
    let next = 0;
    let due = 0;
    const tick = (): void => {
      const now = performance.now();
      if (!mayStillSend(now)) return;
      const shouldHaveSent = Math.floor(((now - started) / 1000) * rate);
      while (due < shouldHaveSent && mayStillSend(now)) {
        const dueAt = started + (due / rate) * 1000;
        due += 1;
        let placed = false;
        for (let attempt = 0; attempt < connections.length; attempt++) {
          const index = next;
          next = (next + 1) % connections.length;
          if (inFlight[index]! < cap) {
            sendOne(index, dueAt);
            placed = true;
            break;
          }
        }
        if (!placed) skipped += 1;
      }
      ticker = setTimeout(tick, TICK_MS);
    };
    tick();
  }

  // Bounded: the run ends at the duration or count (or this guard), then drains within drainMs.
  const guardAt = performance.now() + (options.durationMs ?? 24 * 3600_000) + warmupMs + deadlineMs;
  while (sending && performance.now() < guardAt) await delay(20);
  stopSending(performance.now());
  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([drained, new Promise<void>((resolve) => { drainTimer = setTimeout(resolve, options.drainMs ?? deadlineMs); })]);
  clearTimeout(drainTimer);
  if (ticker !== undefined) clearTimeout(ticker);
  clearInterval(expiry);
  clearTimeout(measureStart);
  if (progressPending !== undefined) await progressPending;
  const counts = checker.finish();

  const cpuStart = cpuAtMeasureStart ?? process.cpuUsage();
  const cpuEnd = cpuAtMeasureEnd ?? process.cpuUsage();
  const cpuUs = (cpuEnd.user - cpuStart.user) + (cpuEnd.system - cpuStart.system);
  const measuredS = Math.max(0.001, (measureTo - measureFrom) / 1000);
  const serverCpuUsPerTransaction = cpuPerTransaction(serverCpuAtMeasureStart ?? serverCpuNow(serverPids), serverCpuAtMeasureEnd ?? serverCpuNow(serverPids), measured);
  return {
    mode: options.mode,
    connections: connections.length,
    window: options.mode === 'closed' ? window : undefined,
    offeredRate: options.mode === 'rate' ? options.rate : undefined,
    measuredS: Math.round(measuredS * 1000) / 1000,
    measured,
    transactionsPerSecond: Math.round(measured / measuredS),
    latency: latency.summary(),
    sent,
    skipped,
    counts,
    faults: checker.faults,
    clientCpuUsPerTransaction: measured === 0 ? 0 : Math.round(cpuUs / measured),
    clientCpuCores: Math.round((cpuUs / 1e6 / measuredS) * 100) / 100,
    serverCpuUsPerTransaction,
    perKey,
    ok: counts.totalFaults === 0 && counts.rejected === 0,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One line per report, for progress output. */
export function describeReport(report: LoadReport): string {
  const l = report.latency;
  const faults = Object.entries(report.counts.faults).filter(([, count]) => count > 0).map(([kind, count]) => `${kind}=${count}`).join(' ') || 'none';
  return `${report.mode}${report.mode === 'closed' ? ` ${report.connections}x${report.window}` : ` ${report.offeredRate}/s on ${report.connections}`}: `
    + `${report.transactionsPerSecond} tx/s over ${report.measuredS}s; p50 ${l.p50Ms} p99 ${l.p99Ms} p99.9 ${l.p999Ms} max ${l.maxMs} ms; `
    + `rejected ${report.counts.rejected}, system rejects ${report.counts.systemRejects}, skipped ${report.skipped}, faults ${faults}; `
    + `client ${report.clientCpuUsPerTransaction} us CPU/tx (${report.clientCpuCores} cores)`
    + (Object.keys(report.serverCpuUsPerTransaction).length > 0 ? `, ${describeCpu(report.serverCpuUsPerTransaction)}` : '');
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/load-generator.ts --url ws://127.0.0.1:PORT [--terminals 16] [--window 8]
    [--duration 10] [--count N] [--rate 0] [--warmup 1] [--mix inquiry|with-updates] [--client lean|terminal-client]
    [--switch-id county-19]

Drives a running switch with the fixture terminals of --switch-id and checks every answer:
a closed loop of --window transactions in flight per terminal, or --rate transactions/s.
Prints the report as JSON on stdout; exit 1 when an answer was wrong.
  -h, --help    this text
`;

function readOptions() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        terminals: { type: 'string', default: '16' },
        window: { type: 'string', default: '8' },
        duration: { type: 'string', default: '10' },
        count: { type: 'string' },
        rate: { type: 'string', default: '0' },
        warmup: { type: 'string', default: '1' },
        mix: { type: 'string', default: 'inquiry' },
        client: { type: 'string', default: 'lean' },
        'switch-id': { type: 'string', default: 'county-19' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.url === undefined) throw new Error('--url ws://127.0.0.1:PORT of a running switch is required');
  const weights = NAMED_MIXES[values.mix];
  if (weights === undefined) throw new Error(`--mix: one of ${Object.keys(NAMED_MIXES).join(', ')}`);
  const client = values.client as ClientKind;
  if (client !== 'lean' && client !== 'terminal-client') throw new Error('--client: lean or terminal-client');
  const fixtures = await committedFixtures();
  const logins = fixtureLogins(fixtures, values['switch-id'], { fullAccessOnly: values.mix === 'with-updates' }).slice(0, Number(values.terminals));
  const connections = await openConnections(values.url, logins, client);
  try {
    const rate = Number(values.rate);
    const report = await runLoad({
      connections, mix: buildKeyMix(fixtures, { weights }),
      mode: rate > 0 ? 'rate' : 'closed', rate, window: Number(values.window),
      durationMs: Number(values.duration) * 1000, warmupMs: Number(values.warmup) * 1000,
      ...(values.count !== undefined ? { count: Number(values.count) } : {}),
    });
    process.stderr.write(`${describeReport(report)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (!report.ok) process.exitCode = 1;
  } finally {
    await Promise.allSettled(connections.map((connection) => connection.close()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
