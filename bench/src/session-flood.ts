/**
 * Scenario: one session floods, another asks. What a bystander's inquiry costs while a
 * single terminal session pipelines thousands of inquiries as fast as it can write them.
 *
 * The real county switch and mock backends as child processes (startCountyNetwork), the
 * switch's defaults (CJIS policy, audit FULL, `limits.maxInFlightPerSession` 32), two fixture
 * terminals with their own operators over the lean client:
 *   1. baseline: the bystander sends inquiries one after the other (one in flight), alone;
 *   2. flood: the flooder writes a burst and keeps a backlog of unanswered transactions
 *      topped up while the bystander repeats phase 1.
 * The figure is the bystander's median under the flood next to its median alone (target: at
 * most twice its normal time). The flooder's transactions are counted by how they
 * ended (accepted and completed, refused with CLETS_ERR_SESSION_WINDOW_FULL, other), and the
 * switch's resident memory is sampled throughout. Every phase is bounded by a count and a
 * time; every transaction must get its final answer (none lost).
 *
 *   tsx bench/src/session-flood.ts [--full]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Transaction } from '@clets/protocol';
import { startBenchNetwork } from './bench-network.js';
import { fixtureLogins, type TerminalLogin } from './fixture-terminals.js';
import { buildKeyMix, committedFixtures, INQUIRY_MIX } from './key-mix.js';
import { LatencyHistogram, type LatencySummary } from './latency.js';
import { LeanTerminal, TotpCodes } from './load-connections.js';
import { figure, round, startScenario, stderrLog, writeResult, type Check, type ScenarioOptions, type ScenarioResult } from './results.js';

/** The target: a flood does not slow another session's inquiry beyond twice its normal time. */
const TARGET_SLOWDOWN = 2;

interface FloodCounts {
  written: number;
  completed: number;
  windowFull: number;
  otherRejects: number;
  /** Written and not yet finally answered. */
  outstanding: number;
}

/** A transaction's end as the lean client sees it: Completion, or a Reject before any Receipt. */
type Ending = { kind: 'completed' } | { kind: 'rejected'; code: string };

/** Sends transactions on one lean terminal and tells each one's end by client message id. */
class Endings {
  readonly #receipted = new Set<string>();
  readonly #waiting = new Map<string, (ending: Ending) => void>();
  #counter = 0;

  constructor(private readonly terminal: LeanTerminal, private readonly prefix: string, onEnd?: (id: string, ending: Ending) => void) {
    terminal.connection.onFrame((frame) => {
      if (frame.body === 'heartbeat' && !frame.heartbeat?.reply) {
        terminal.connection.write({ heartbeat: { nonce: frame.heartbeat?.nonce ?? 0, reply: true } });
        return;
      }
      const id = frame.receipt?.header?.clientMessageId ?? frame.completion?.header?.clientMessageId ?? frame.reject?.header?.clientMessageId ?? '';
      if (id === '') return;
      let ending: Ending | undefined;
      if (frame.body === 'receipt') this.#receipted.add(id);
      else if (frame.body === 'completion') ending = { kind: 'completed' };
      else if (frame.body === 'reject' && !this.#receipted.has(id)) ending = { kind: 'rejected', code: frame.reject?.code ?? '' };
      if (ending === undefined) return;
      this.#receipted.delete(id);
      onEnd?.(id, ending);
      const waiter = this.#waiting.get(id);
      this.#waiting.delete(id);
      waiter?.(ending);
    });
  }

  /** Writes one transaction; the id it was given. */
  write(transaction: Transaction): string {
    this.#counter += 1;
    const id = `${this.prefix}-${this.#counter}`;
    this.terminal.send({ ...transaction, header: { ...transaction.header, clientMessageId: id, control: String(this.#counter % 1_000_000).padStart(6, '0') } });
    return id;
  }

  /** Writes one transaction and waits for its end, within a deadline. */
  ask(transaction: Transaction, timeoutMs: number): Promise<Ending | 'lost'> {
    const id = this.write(transaction);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.#waiting.delete(id); resolve('lost'); }, timeoutMs);
      this.#waiting.set(id, (ending) => { clearTimeout(timer); resolve(ending); });
    });
  }
}

/** The bystander's phase: one inquiry at a time, `count` of them or until `durationMs`. */
async function askInTurn(endings: Endings, lines: readonly Transaction[], count: number, durationMs: number): Promise<{ latency: LatencySummary; asked: number; completed: number; lost: number; refused: number }> {
  const histogram = new LatencyHistogram();
  const until = performance.now() + durationMs;
  let asked = 0;
  let completed = 0;
  let lost = 0;
  let refused = 0;
  while (asked < count && performance.now() < until) {
    const started = performance.now();
    const ending = await endings.ask(lines[asked % lines.length]!, 30_000);
    asked += 1;
    if (ending === 'lost') lost += 1;
    else if (ending.kind === 'rejected') refused += 1;
    else {
      completed += 1;
      histogram.recordMs(performance.now() - started);
    }
  }
  return { latency: histogram.summary(), asked, completed, lost, refused };
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('session-flood');
  const scenario = startScenario('session-flood', 'A bystander\'s inquiry while another session floods the switch', options);
  const full = options.mode === 'full';
  const parameters = {
    bystanderInquiries: full ? 20_000 : 2_000, phaseMs: full ? 60_000 : 6_000,
    floodBurst: 8_000, floodBacklog: 2_000, floodMax: full ? 1_000_000 : 200_000, policy: 'cjis',
  };
  const fixtures = await committedFixtures();
  const logins = fixtureLogins(fixtures, 'county-19');
  const [flooderLogin, bystanderLogin] = logins as [TerminalLogin | undefined, TerminalLogin | undefined];
  if (flooderLogin === undefined || bystanderLogin === undefined) throw new Error('need two fixture terminals with operators');
  const mix = buildKeyMix(fixtures, { weights: INQUIRY_MIX });
  const floodLines = mix.forOri(flooderLogin.ori).map((entry) => entry.transaction);
  const bystanderLines = mix.forOri(bystanderLogin.ori).map((entry) => entry.transaction);

  log('starting backends and county switch');
  const bench = await startBenchNetwork({ scenario: 'session-flood', policy: 'cjis', profile: false });
  const { network } = bench;
  const pid = network.county.child.pid ?? 0;
  const totp = new TotpCodes();
  const checks: Check[] = [];
  let baseline: Awaited<ReturnType<typeof askInTurn>>;
  let flooded: Awaited<ReturnType<typeof askInTurn>>;
  const counts: FloodCounts = { written: 0, completed: 0, windowFull: 0, otherRejects: 0, outstanding: 0 };
  const memory = { beforeMiB: 0, peakMiB: 0, afterMiB: 0 };
  let lostFlood = 0;
  let floodCoverage = { phaseMs: 0, writtenDuringPhase: 0, capReached: false };
  try {
    const bystanderTerminal = await LeanTerminal.open(network.terminalsUrl, bystanderLogin, { totp });
    const flooderTerminal = await LeanTerminal.open(network.terminalsUrl, flooderLogin, { totp });
    const bystander = new Endings(bystanderTerminal, 'BY');
    const flooder = new Endings(flooderTerminal, 'FL', (_id, ending) => {
      counts.outstanding -= 1;
      if (ending.kind === 'completed') counts.completed += 1;
      else if (ending.code === 'CLETS_ERR_SESSION_WINDOW_FULL') counts.windowFull += 1;
      else counts.otherRejects += 1;
    });

    log(`baseline: ${parameters.bystanderInquiries} inquiries one at a time, alone`);
    await askInTurn(bystander, bystanderLines, 20, 5_000);
    baseline = await askInTurn(bystander, bystanderLines, parameters.bystanderInquiries, parameters.phaseMs);
    memory.beforeMiB = residentMiB(pid);
    memory.peakMiB = memory.beforeMiB;

    log(`flood: a burst of ${parameters.floodBurst}, then a backlog of ${parameters.floodBacklog} kept up (at most ${parameters.floodMax}), while the bystander asks again`);
    let flooding = true;
    const writeFlood = (count: number): void => {
      for (let i = 0; i < count && counts.written < parameters.floodMax; i += 1) {
        flooder.write(floodLines[counts.written % floodLines.length]!);
        counts.written += 1;
        counts.outstanding += 1;
      }
    };
    const sampler = setInterval(() => { memory.peakMiB = Math.max(memory.peakMiB, residentMiB(pid)); }, 100);
    const topUp = setInterval(() => {
      if (flooding && counts.outstanding < parameters.floodBacklog) writeFlood(Math.min(1_000, parameters.floodBacklog - counts.outstanding));
    }, 5);
    // The burst in slices, so the load generator's own loop still reads the answers.
    for (let written = 0; written < parameters.floodBurst; written += 500) {
      writeFlood(Math.min(500, parameters.floodBurst - written));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const floodStarted = performance.now();
    flooded = await askInTurn(bystander, bystanderLines, parameters.bystanderInquiries, parameters.phaseMs);
    flooding = false;
    // The flood must have lasted the whole phase, or the figure says nothing.
    floodCoverage = { phaseMs: round(performance.now() - floodStarted), writtenDuringPhase: counts.written, capReached: counts.written >= parameters.floodMax };
    clearInterval(topUp);
    const drainUntil = performance.now() + 30_000;
    while (counts.outstanding > 0 && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(sampler);
    lostFlood = counts.outstanding;
    memory.afterMiB = residentMiB(pid);
    await Promise.allSettled([bystanderTerminal.close(), flooderTerminal.close()]);
  } finally {
    await bench.stop();
    bench.removeFiles();
  }

  checks.push(
    { name: 'every bystander inquiry completed, alone and under the flood', ok: baseline.lost + flooded.lost + baseline.refused + flooded.refused === 0 && flooded.completed > 0,
      detail: `alone ${baseline.completed}/${baseline.asked}, under the flood ${flooded.completed}/${flooded.asked} (lost ${baseline.lost + flooded.lost}, refused ${baseline.refused + flooded.refused})` },
    { name: 'every flooded transaction got its final answer', ok: lostFlood === 0,
      detail: `${counts.written} written: ${counts.completed} completed, ${counts.windowFull} refused (window full), ${counts.otherRejects} other rejects, ${lostFlood} unanswered` },
    { name: 'the per-session window refused the flood beyond it', ok: counts.windowFull > 0, detail: `${counts.windowFull} refused with CLETS_ERR_SESSION_WINDOW_FULL` },
    { name: 'the flood lasted the whole measured phase', ok: !floodCoverage.capReached,
      detail: `${floodCoverage.writtenDuringPhase} written over ${floodCoverage.phaseMs} ms (cap ${parameters.floodMax}${floodCoverage.capReached ? ' reached: the end of the phase was not flooded' : ''})` },
  );
  const slowdown = baseline.latency.p50Ms > 0 ? flooded.latency.p50Ms / baseline.latency.p50Ms : 0;
  const figures = [
    figure({
      name: 'bystander inquiry p50 while another session floods', value: flooded.latency.p50Ms, unit: 'ms',
      ceiling: { name: 'the same inquiries with no flood', value: baseline.latency.p50Ms, unit: 'ms' },
      target: { description: 'at most twice its time without the flood', on: 'ratio', kind: 'max', threshold: TARGET_SLOWDOWN },
      note: `p99 ${flooded.latency.p99Ms} ms under the flood, ${baseline.latency.p99Ms} ms alone; one inquiry in flight at a time`,
    }),
    figure({ name: 'flood transactions accepted and completed', value: counts.completed, unit: 'transactions',
      note: `${counts.written} written, ${counts.windowFull} refused at once (window of 32 per session)` }),
    figure({ name: 'switch resident memory growth during the flood', value: round(memory.peakMiB - memory.beforeMiB, 1), unit: 'MiB',
      note: `${round(memory.beforeMiB)} MiB before, ${round(memory.peakMiB)} MiB at the peak, ${round(memory.afterMiB)} MiB after` }),
  ];
  const notes: string[] = [];
  if (slowdown > TARGET_SLOWDOWN) {
    notes.push(`The bystander's median rose ${round(slowdown, 2)}x under the flood (target at most ${TARGET_SLOWDOWN}x). The flooded connection's frames are decoded, refused and audited on the same event loop as everyone's.`);
  }
  return scenario.finish({ parameters, figures, checks, notes, details: { baseline, flooded, flood: counts, floodCoverage, memory } });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ mode: process.argv.includes('--full') ? 'full' : 'short', profile: false }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
