/**
 * Scenario 6: scale.
 *
 * 1. Connections held: the scale switch (processes/scale-switch.ts: the real switch built
 *    in-process with a generated registry, its own process, links to the real mock backends)
 *    and, in this process, N lean terminals logged in and left idle; the switch's resident
 *    memory (after a full GC) before and after, per terminal, and what 10,000 would take.
 * 2. Memory over a long bounded run: 16 of those terminals run the inquiry mix (closed loop)
 *    while the others stay connected; the switch's memory is sampled (after a full GC) every
 *    `progressEvery` transactions: first, last, max and the slope past the duplicate window
 *    (the switch remembers every answer for duplicate detection up to its cap: memory grows
 *    until that cap, then must stay flat).
 * (The backends' query time on 1,000,000 persons is a scenario of its own: backend-query.ts.)
 *
 * The memory target reads the long run's last sample against its first past warm-up: the
 * duplicate window full and a tenth of the run done (SQLite's page caches and the allocator's
 * arenas settle over the first minutes, so a sample just past the window reads RSS low):
 * heap and RSS each within 10%.
 *
 *   pnpm exec tsx --conditions=source bench/src/scale.ts [--full] [--soak-transactions N] [--soak-seconds S]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { waitReady } from './bench-network.js';
import { SERVICE_ENTRIES, startService, type ServiceProcess } from './internals.js';
import { buildKeyMix, committedFixtures, INQUIRY_MIX } from './key-mix.js';
import { LeanTerminal, type LoadConnection } from './load-connections.js';
import { describeReport, runLoad, type LoadReport } from './load-generator.js';
import { figure, REPO_ROOT, round, startScenario, stderrLog, writeResult, type Check, type Figure, type ScenarioOptions, type ScenarioResult } from './results.js';
import { scaleTerminal } from './scale-registry.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

const MIB = 2 ** 20;
const GIB = 2 ** 30;
const TARGET_TERMINALS = 10_000;
/** Flat: at most this much heap growth projected over 10 million transactions past the window. */
const FLAT_BYTES_PER_10M = 64 * MIB;
/** Flat: heap and RSS at the end of the long run within this share of their level after warm-up. */
const FLAT_SHARE = 0.1;

/** The long run's bounds, when the command line sets them (a soak of its own). */
export interface SoakBounds {
  readonly transactions?: number;
  readonly seconds?: number;
}

interface Memory {
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

interface MemorySample extends Memory {
  readonly transactions: number;
  readonly atS: number;
}

/** The scale switch process, with its IPC channel. */
class ScaleSwitch {
  private constructor(readonly child: ChildProcess, readonly terminalsUrl: string, readonly httpUrl: string) {}

  static start(config: { terminals: number; duplicateMaxEntries: number; dir: string; backendUrl: string; secret: string }): Promise<ScaleSwitch> {
    const entry = fileURLToPath(new URL('./processes/scale-switch.ts', import.meta.url));
    const child = spawn(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', entry, JSON.stringify(config)], {
      cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`scale switch did not start in 60 s\n${stderr}`)); }, 60_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          const info = JSON.parse(line) as { event?: string; terminals?: string; http?: string };
          if (info.event !== 'listening') return;
          clearTimeout(timer);
          resolve(new ScaleSwitch(child, String(info.terminals), String(info.http)));
        } catch {
          // not the listening line
        }
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`scale switch exited (${code})\n${stderr}`)); });
    });
  }

  #ask<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.child.off('message', onMessage); reject(new Error(`scale switch: no ${type} answer`)); }, 30_000);
      const onMessage = (message: { type?: string } & T): void => {
        if (message.type !== type) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send({ type });
    });
  }

  async memory(): Promise<Memory> {
    const { memory } = await this.#ask<{ memory: Memory }>('memory');
    return { rss: memory.rss, heapTotal: memory.heapTotal, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers };
  }

  stats(): Promise<{ connected: number; loggedIn: number }> {
    return this.#ask('stats');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Least-squares slope of y over x, with its standard error. */
function trend(points: readonly (readonly [number, number])[]): { slope: number; standardError: number } {
  const n = points.length;
  if (n < 3) return { slope: 0, standardError: Number.POSITIVE_INFINITY };
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  if (sxx === 0) return { slope: 0, standardError: Number.POSITIVE_INFINITY };
  const slope = sxy / sxx;
  let residuals = 0;
  for (const [x, y] of points) residuals += (y - meanY - slope * (x - meanX)) ** 2;
  return { slope, standardError: Math.sqrt(residuals / (n - 2) / sxx) };
}

/**
 * Flat or not, from a trend: met when even the slope's upper bound (2 standard errors) stays
 * under the allowed growth, missed when its lower bound is over it, inconclusive otherwise (a
 * short run's noise can neither clear nor convict the switch).
 */
function flatness(fit: { slope: number; standardError: number }, allowedPerTransaction: number): 'met' | 'missed' | 'inconclusive' {
  if (fit.slope + 2 * fit.standardError < allowedPerTransaction) return 'met';
  if (fit.slope - 2 * fit.standardError > allowedPerTransaction) return 'missed';
  return 'inconclusive';
}

export async function run(options: ScenarioOptions & { soak?: SoakBounds }): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('scale');
  const scenario = startScenario('scale', 'Scale: idle terminals held, memory over a long run', options);
  const full = options.mode === 'full';
  const parameters = {
    idleTerminals: full ? TARGET_TERMINALS : 2_000,
    busyTerminals: 16, window: 8,
    longRunTransactions: options.soak?.transactions ?? (full ? 10_000_000 : 100_000),
    longRunMaxS: options.soak?.seconds ?? (full ? 9000 : 30),
    /** The switch's default is 100,000; the short run uses a smaller window so it reaches the cap. */
    duplicateMaxEntries: full ? 20_000 : 5_000,
    samples: 20,
    policy: 'plain (generated registry)',
  };
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-scale-'));
  const secret = randomBytes(16).toString('hex');
  writeFileSync(join(dir, 'backends.json'), JSON.stringify({ links: [{ peerId: 'county-19', secret }], updatesDbPath: join(dir, 'backends-updates.sqlite'), log: { level: 'warn' } }));
  let backends: ServiceProcess | undefined;
  let scaleSwitch: ScaleSwitch | undefined;
  const connections: LoadConnection[] = [];
  let baseline: Memory;
  let idle: Memory;
  let held = { connected: 0, loggedIn: 0 };
  let loginSeconds: number;
  const samples: MemorySample[] = [];
  let longRun: LoadReport;
  try {
    log('starting backends and the scale switch');
    backends = await startService({ name: 'backends', entry: SERVICE_ENTRIES.backends, args: ['--config', join(dir, 'backends.json')] });
    scaleSwitch = await ScaleSwitch.start({ terminals: parameters.idleTerminals, duplicateMaxEntries: parameters.duplicateMaxEntries, dir, backendUrl: String(backends.info['link']), secret });
    await waitReady(scaleSwitch.httpUrl);
    baseline = await scaleSwitch.memory();

    log(`logging in ${parameters.idleTerminals} terminals`);
    const loginStarted = Date.now();
    let next = 0;
    const url = scaleSwitch.terminalsUrl;
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (next < parameters.idleTerminals) connections.push(await LeanTerminal.open(url, scaleTerminal(next++)));
    }));
    loginSeconds = (Date.now() - loginStarted) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    held = await scaleSwitch.stats();
    idle = await scaleSwitch.memory();
    log(`${held.loggedIn} logged in (${round(loginSeconds, 1)} s); switch RSS ${round(baseline.rss / MIB)} -> ${round(idle.rss / MIB)} MiB`);

    const fixtures = await committedFixtures();
    const mix = buildKeyMix(fixtures, { weights: INQUIRY_MIX });
    const busy = connections.slice(0, parameters.busyTerminals);
    const started = Date.now();
    samples.push({ transactions: 0, atS: 0, ...idle });
    const every = Math.max(1000, Math.round(Math.min(parameters.longRunTransactions, 1000 * parameters.longRunMaxS) / parameters.samples));
    log(`long run: up to ${parameters.longRunTransactions} transactions or ${parameters.longRunMaxS} s, memory every ${every}`);
    const sampler = scaleSwitch;
    longRun = await runLoad({
      connections: busy, mix, mode: 'closed', window: parameters.window,
      count: parameters.longRunTransactions, durationMs: parameters.longRunMaxS * 1000, warmupMs: 0, progressEvery: every,
      onProgress: async (ended) => {
        samples.push({ transactions: ended, atS: round((Date.now() - started) / 1000, 1), ...(await sampler.memory()) });
      },
    });
    samples.push({ transactions: longRun.counts.completed, atS: round((Date.now() - started) / 1000, 1), ...(await scaleSwitch.memory()) });
    log(`long run: ${describeReport(longRun)}`);
  } finally {
    await Promise.allSettled(connections.map((connection) => connection.close()));
    await scaleSwitch?.stop();
    await backends?.stop();
  }

  rmSync(dir, { recursive: true, force: true });

  // --- idle terminals ---------------------------------------------------------------------
  const perTerminal = (idle.rss - baseline.rss) / Math.max(1, held.loggedIn);
  const heapPerTerminal = (idle.heapUsed - baseline.heapUsed) / Math.max(1, held.loggedIn);
  const projected = baseline.rss + perTerminal * TARGET_TERMINALS;
  const figures: Figure[] = [
    figure({ name: 'idle logged-in terminals held', value: held.loggedIn, unit: 'terminals', note: `logged in in ${round(loginSeconds, 1)} s (64 at a time)` }),
    figure({ name: 'switch resident memory per idle terminal', value: Math.round(perTerminal), unit: 'B', note: `heap ${Math.round(heapPerTerminal)} B per terminal; RSS ${round(baseline.rss / MIB)} MiB before, ${round(idle.rss / MIB)} MiB after (after a full GC)` }),
    figure({
      name: full ? 'switch RSS with 10,000 idle terminals' : 'switch RSS with 10,000 idle terminals (projected from the per-terminal figure)',
      value: round((full ? idle.rss : projected) / MIB), unit: 'MiB',
      target: { description: '10,000 idle logged-in terminals under 1 GiB resident', on: 'value', kind: 'max', threshold: GIB / MIB },
    }),
  ];

  // --- memory over the long run -------------------------------------------------------------
  const window = parameters.duplicateMaxEntries;
  const past = samples.filter((sample) => sample.transactions >= window * 1.2);
  const heapFit = trend(past.map((sample) => [sample.transactions, sample.heapUsed]));
  const rssFit = trend(past.map((sample) => [sample.transactions, sample.rss]));
  const heapTotalFit = trend(past.map((sample) => [sample.transactions, sample.heapTotal]));
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const maxRss = Math.max(...samples.map((sample) => sample.rss));
  const enough = past.length >= 4;
  const allowed = FLAT_BYTES_PER_10M / 10_000_000;
  const per10M = (bytesPerTransaction: number): number => round((bytesPerTransaction * 10_000_000) / MIB, 1);
  const warmedAfter = Math.max(window * 1.2, longRun.counts.completed / 10);
  const warm = past.find((sample) => sample.transactions >= warmedAfter);
  const soakTarget = { description: `heap and RSS after warm-up within ${FLAT_SHARE * 100}% over the soak (${longRun.counts.completed.toLocaleString('en-US')} transactions)`, on: 'value', kind: 'max', threshold: FLAT_SHARE * 100 } as const;
  for (const what of ['heap', 'RSS'] as const) {
    if (warm === undefined || past.length < 2) break;
    const of = (sample: MemorySample): number => (what === 'heap' ? sample.heapUsed : sample.rss);
    const change = (of(last) - of(warm)) / of(warm);
    const peak = Math.max(...past.map(of));
    figures.push(figure({
      name: `switch ${what} at the end of the soak against after warm-up`, value: round(Math.abs(change) * 100, 1), unit: '% change',
      target: soakTarget,
      note: `${round(of(warm) / MIB, 1)} MiB after ${warm.transactions.toLocaleString('en-US')} transactions (warmed up: the duplicate window full, a tenth of the run done), ${round(of(last) / MIB, 1)} MiB after ${last.transactions.toLocaleString('en-US')} (${change >= 0 ? '+' : ''}${round(change * 100, 1)}%), peak ${round(peak / MIB, 1)} MiB; each sample after a full GC`,
    }));
  }
  for (const [what, fit, extra] of [
    ['heap', heapFit, `heapTotal ${round(heapTotalFit.slope, 1)} B/transaction; each sample after a full GC`],
    ['RSS', rssFit, 'a level that RSS reaches later (allocator, SQLite page cache) shows only in a long run'],
  ] as const) {
    // The trend is what a heap snapshot would be taken for; the target is the soak's level against after warm-up, above.
    figures.push(figure({
      name: `switch ${what} growth past the duplicate window, projected over 10M transactions`, value: per10M(fit.slope), unit: 'MiB',
      note: `${round(fit.slope, 1)} ± ${round(2 * fit.standardError, 1)} B/transaction (2 standard errors) over ${past.length} samples past ${Math.round(window * 1.2)} transactions; ${extra}`,
    }));
  }
  figures.push(figure({
    name: 'switch RSS over the long run: first / last / max', value: round(last.rss / MIB), unit: 'MiB (last)',
    note: `first ${round(first.rss / MIB)} MiB, max ${round(maxRss / MIB)} MiB; heap first ${round(first.heapUsed / MIB)} MiB, last ${round(last.heapUsed / MIB)} MiB; ${longRun.counts.completed} transactions in ${last.atS} s (${longRun.transactionsPerSecond}/s)`,
  }));
  figures.push(figure({ name: 'duplicate window: heap per remembered transaction', value: Math.round(((samples.find((sample) => sample.transactions >= window)?.heapUsed ?? last.heapUsed) - first.heapUsed) / window), unit: 'B',
    note: `the switch keeps each transaction's answers for ${window} transactions (limits.duplicateMaxEntries) or 10 minutes` }));

  const checks: Check[] = [
    { name: 'every idle terminal logged in and still connected', ok: held.loggedIn === parameters.idleTerminals, detail: `${held.loggedIn} of ${parameters.idleTerminals} logged in, ${held.connected} connected` },
    { name: 'long run: every answer correlated, none lost, duplicated or refused', ok: longRun.ok, detail: `${longRun.counts.completed} completed, faults ${JSON.stringify(longRun.counts.faults)}` },
    { name: 'long run went past the duplicate window (flatness measurable)', ok: enough, detail: `${past.length} samples past ${Math.round(window * 1.2)} transactions` },
  ];
  const notes: string[] = [];
  if (!full) notes.push(`Short run: 10,000 terminals projected from 2,000; at most ${parameters.longRunTransactions.toLocaleString('en-US')} transactions or ${parameters.longRunMaxS} s; the duplicate window capped at 5,000 (default 100,000) so the run passes it`);
  const heapVerdict = flatness(heapFit, allowed);
  const rssVerdict = flatness(rssFit, allowed);
  if (enough && heapVerdict === 'missed') notes.push(`Heap not flat past the duplicate window: it grows ${round(heapFit.slope, 1)} bytes per transaction. Heap snapshots of the switch at two points of a long run (--inspect, Memory tab) show what accumulates.`);
  if (enough && rssVerdict === 'missed' && heapVerdict !== 'missed') {
    const fromHeapPages = heapTotalFit.slope > rssFit.slope / 2;
    notes.push(`RSS still rising past the duplicate window (${round(rssFit.slope)} B/transaction) while the live JS heap is not (heapUsed ${round(heapFit.slope, 1)} B/transaction): `
      + (fromHeapPages
        ? `V8 keeps growing the heap it holds (heapTotal ${round(heapTotalFit.slope)} B/transaction) though the live objects do not: pages kept, not objects leaked; it levels off at V8's limits. `
        : 'native memory (SQLite caches of the audit and message stores, the allocator keeping freed pages). ')
      + 'The --full run says where it levels off.');
  }
  if (enough && (heapVerdict === 'inconclusive' || rssVerdict === 'inconclusive')) {
    notes.push(`Flatness inconclusive in this run: the trend's error bars include the allowed ${round(allowed, 1)} B/transaction (64 MiB over 10M). A longer run (--full) narrows them.`);
  }
  return scenario.finish({ parameters, figures, checks, notes, details: { baseline, idle, samples, longRun } });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/scale.ts [--full] [--soak-transactions N] [--soak-seconds S]

Scenario 6: connections held and memory over a long run; writes bench/results/scale.json.
  --full                   the long runs (default: short ones)
  --soak-transactions N    the long run's transactions (default 100,000; --full 10,000,000)
  --soak-seconds S         the long run's time limit (default 30; --full 9000: 10M transactions take over an hour here)
  -h, --help               this text
`;

/** The soak bounds from the command line; the rest of it goes to readScenarioFlags. */
function soakBounds(argv: readonly string[]): { soak: SoakBounds; rest: string[] } {
  const rest: string[] = [];
  const soak: { transactions?: number; seconds?: number } = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const name = arg === '--soak-transactions' ? 'transactions' : arg === '--soak-seconds' ? 'seconds' : undefined;
    if (name === undefined) {
      rest.push(arg);
      continue;
    }
    const value = Number(argv[++index]);
    if (!Number.isSafeInteger(value) || value <= 0) {
      process.stderr.write(`${arg} needs a positive whole number\n\n${USAGE}`);
      process.exit(2);
    }
    soak[name] = value;
  }
  return { soak, rest };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { soak, rest } = soakBounds(process.argv.slice(2));
  const flags = readScenarioFlags(USAGE, ['full'], rest);
  run({ mode: flags.full ? 'full' : 'short', soak }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
