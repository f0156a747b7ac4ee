/**
 * Scenario 1: the routing core in process, no sockets. A realistic key mix of mnemonic
 * lines through parse -> validate -> authorize -> route, as the switch's pipeline calls
 * them, on one core; and the same from pre-parsed transactions (validate + authorize + route).
 * Authorization by the CJIS policy (the full rules: certification, terminal, role, route-to,
 * misuse) and by the plain policy (registration and role only).
 *
 * Allocations per decision: the worker runs with a fixed 64 MiB young generation
 * (--min/--max-semi-space-size), calls gc(), runs one pass of the mix (a few MiB, far below
 * what triggers a scavenge) and reads `heapUsed` before and after; a batch during which a
 * GC happened (PerformanceObserver 'gc') is discarded. The median of the clean batches over
 * the decisions gives bytes allocated per decision (the objects a decision leaves behind
 * until the next scavenge, not counting what V8's escape analysis removed).
 *
 * The variants are timed in interleaved rounds; the CPU profile (node:inspector, after the
 * timed rounds) covers only the CJIS policy on mnemonic lines, not the process start.
 *
 * Runs itself as a child process with those flags: `tsx bench/src/routing-core.ts [--full]`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Session } from 'node:inspector';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { parseMnemonic, validateTransaction, type Transaction } from '@clets/protocol';
import { buildRoutingTable, routeTransaction, type RoutingTable } from '@clets/routing';
import { PlainSecurityPolicy, buildRegistry, type OperatorSession, type SecurityPolicy } from '@clets/switch';
import { fixtureLogins } from './fixture-terminals.js';
import { DEMO_NOW, loginAt, testSecurity } from './internals.js';
import { buildKeyMix, committedFixtures, MIX_WITH_UPDATES, type MixEntry } from './key-mix.js';
import { summarizeProfile } from './cpu-profile.js';
import { figure, PROFILES_DIR, round, startScenario, stderrLog, writeResult, type ProfileSummary, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

const TARGET_DECISIONS_PER_SECOND = 400_000;

interface VariantResult {
  readonly policy: 'cjis' | 'plain';
  readonly input: 'lines' | 'parsed';
  readonly decisions: number;
  readonly seconds: number;
  readonly decisionsPerSecond: number;
  /** Decisions/s of each interleaved round: the spread the machine's load caused. */
  readonly roundRates: readonly number[];
  readonly bytesPerDecision: number;
  readonly cleanAllocationBatches: number;
  /** Decisions whose route had no system legs (agency deliveries) or that were refused: must be 0. */
  readonly refused: number;
  readonly legs: number;
}

interface WorkerOutput {
  readonly variants: readonly VariantResult[];
  readonly mix: { readonly size: number; readonly counts: Record<string, number>; readonly refused: number };
  readonly operator: string;
  readonly terminal: string;
}

interface Decider {
  readonly policy: 'cjis' | 'plain';
  readonly session: OperatorSession;
  readonly impl: SecurityPolicy;
  now: number;
}

function decide(decider: Decider, transaction: Transaction, table: RoutingTable): number {
  const validated = validateTransaction(transaction);
  decider.impl.checkSession(decider.session, decider.now, true);
  decider.impl.authorizeTransaction(decider.session, validated.definition, transaction, decider.now);
  const decision = routeTransaction(validated, table);
  return decision.kind === 'systems' ? decision.legs.length : 0;
}

interface Variant {
  readonly policy: 'cjis' | 'plain';
  readonly input: 'lines' | 'parsed';
  readonly decider: Decider;
  /** Runs one pass over the mix; returns the legs routed. */
  readonly pass: () => void;
  refused: number;
  legs: number;
  decisions: number;
  seconds: number;
  readonly roundRates: number[];
  bytesPerDecision: number;
  cleanAllocationBatches: number;
}

function variantOf(decider: Decider, entries: readonly MixEntry[], input: 'lines' | 'parsed', table: RoutingTable): Variant {
  const lines = entries.map((entry) => entry.line);
  const parsed = entries.map((entry) => entry.transaction);
  const variant: Variant = {
    policy: decider.policy, input, decider, refused: 0, legs: 0, decisions: 0, seconds: 0, roundRates: [], bytesPerDecision: -1, cleanAllocationBatches: 0,
    pass: () => {
      for (let index = 0; index < entries.length; index++) {
        try {
          const transaction = input === 'lines' ? parseMnemonic(lines[index]!) : parsed[index]!;
          const count = decide(decider, transaction, table);
          if (count === 0) variant.refused += 1;
          variant.legs += count;
        } catch {
          variant.refused += 1;
        }
      }
    },
  };
  return variant;
}

/** Bytes allocated per decision: heapUsed over GC-free passes (see the header). */
function measureAllocation(variant: Variant, decisionsPerPass: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  let gcs = 0;
  const observer = new PerformanceObserver((list) => { gcs += list.getEntries().length; });
  observer.observe({ entryTypes: ['gc'] });
  const samples: number[] = [];
  for (let batch = 0; batch < 9; batch++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const gcsBefore = gcs;
    variant.pass();
    const after = process.memoryUsage().heapUsed;
    // GC entries arrive asynchronously; a scavenge inside the pass also shows as a drop.
    if (gcs === gcsBefore && after > before) samples.push((after - before) / decisionsPerPass);
  }
  observer.disconnect();
  samples.sort((a, b) => a - b);
  variant.cleanAllocationBatches = samples.length;
  variant.bytesPerDecision = samples.length === 0 ? -1 : Math.round(samples[Math.floor(samples.length / 2)]!);
}

/**
 * Times the variants in interleaved rounds (A B C D A B C D ...), so a burst of load from
 * another process on a shared machine falls on all of them alike.
 */
function timeVariants(variants: readonly Variant[], decisionsPerPass: number, seconds: number, rounds: number): void {
  for (const variant of variants) {
    const warmUntil = performance.now() + 500;
    while (performance.now() < warmUntil) variant.pass();
    measureAllocation(variant, decisionsPerPass);
  }
  for (const variant of variants) {
    variant.refused = 0;
    variant.legs = 0;
  }
  const slice = (seconds * 1000) / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const started = performance.now();
      const until = started + slice;
      let now = started;
      let decisions = 0;
      while (now < until) {
        variant.pass();
        decisions += decisionsPerPass;
        variant.decider.now += 1;
        now = performance.now();
      }
      variant.decisions += decisions;
      variant.seconds += (now - started) / 1000;
      variant.roundRates.push(Math.round(decisions / ((now - started) / 1000)));
    }
  }
}

/** Profiles `seconds` of one variant with the in-process inspector (no start-up in the profile). */
async function profileVariant(variant: Variant, seconds: number, path: string): Promise<void> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)));
  });
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) variant.pass();
  const { profile } = await post('Profiler.stop') as { profile: unknown };
  session.disconnect();
  writeFileSync(path, JSON.stringify(profile));
}

async function worker(seconds: number, profilePath?: string): Promise<WorkerOutput> {
  const fixtures = await committedFixtures();
  const login = fixtureLogins(fixtures, 'county-19', { fullAccessOnly: true })[0];
  if (login === undefined) throw new Error('no full-access operator with a terminal in the fixtures');
  const mix = buildKeyMix(fixtures, { weights: MIX_WITH_UPDATES, size: 2000 });
  const entries = mix.forOri(login.ori);

  const served = fixtures.agencies.filter((agency) => agency.switchId === 'county-19');
  const registry = buildRegistry({
    agencies: served.map((agency) => ({ ori: agency.ori, name: agency.name, countyCode: agency.countyCode, active: agency.active })),
    terminals: fixtures.terminals,
    operators: fixtures.operators,
  });
  // The table the switch builds from its registry and config (county-19, direct system links).
  const table = buildRoutingTable({
    switchId: 'county-19',
    localOris: registry.agencies.keys(),
    localTerminals: [...registry.terminals.values()].map((terminal) => [terminal.mnemonic, terminal.ori] as const),
    localCounties: ['19'],
  });

  const plain: SecurityPolicy = new PlainSecurityPolicy(registry);
  const terminal = await plain.authenticateTerminal({ mnemonic: login.mnemonic, deviceSecret: login.deviceSecret }, { address: '127.0.0.1' });
  const plainStep = await plain.beginLogin(terminal, login.operatorId, login.password, DEMO_NOW);
  if (plainStep.kind !== 'complete') throw new Error('plain policy asked for a second factor');

  const security = await testSecurity();
  const cjisSession = await loginAt(security, login.operatorId, login.mnemonic);

  const deciders: Decider[] = [
    { policy: 'cjis', session: cjisSession, impl: security.policy, now: DEMO_NOW },
    { policy: 'plain', session: plainStep.session, impl: plain, now: DEMO_NOW },
  ];
  const variants = deciders.flatMap((decider) => (['lines', 'parsed'] as const).map((input) => variantOf(decider, entries, input, table)));
  timeVariants(variants, entries.length, seconds, seconds >= 8 ? 8 : 4);
  if (profilePath !== undefined) await profileVariant(variants[0]!, Math.min(2, seconds), profilePath);
  security.close();
  const results: VariantResult[] = variants.map((variant) => ({
    policy: variant.policy, input: variant.input, decisions: variant.decisions, seconds: round(variant.seconds, 3),
    decisionsPerSecond: Math.round(variant.decisions / variant.seconds), roundRates: variant.roundRates,
    bytesPerDecision: variant.bytesPerDecision, cleanAllocationBatches: variant.cleanAllocationBatches, refused: variant.refused, legs: variant.legs,
  }));
  return { variants: results, mix: { size: mix.size, counts: { ...mix.counts }, refused: mix.refused }, operator: login.operatorId, terminal: login.mnemonic };
}

/** Runs the measurement in a child process with a fixed young generation and --expose-gc. */
function spawnWorker(seconds: number, profilePath?: string): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64',
      '--conditions=source', '--import', 'tsx', fileURLToPath(import.meta.url), '--worker', String(seconds), ...(profilePath !== undefined ? [profilePath] : []),
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { stdout += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000 + seconds * 8_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`routing-core worker exited with ${code}`));
      try {
        resolve(JSON.parse(stdout) as WorkerOutput);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('routing-core');
  const scenario = startScenario('routing-core', 'Routing core in process: parse -> validate -> authorize -> route', options);
  const seconds = options.mode === 'full' ? 10 : 1;
  log(`measuring 4 variants, ${seconds}s each in interleaved rounds, in a child process`);
  const profilePath = options.profile === false ? undefined : join(PROFILES_DIR, 'routing-core.cpuprofile');
  if (profilePath !== undefined) mkdirSync(PROFILES_DIR, { recursive: true });
  const output = await spawnWorker(seconds, profilePath);
  const find = (policy: 'cjis' | 'plain', input: 'lines' | 'parsed'): VariantResult => {
    const found = output.variants.find((variant) => variant.policy === policy && variant.input === input);
    if (found === undefined) throw new Error(`routing-core: no ${policy}/${input} result`);
    return found;
  };
  const figures = [];
  for (const policy of ['cjis', 'plain'] as const) {
    const lines = find(policy, 'lines');
    const parsed = find(policy, 'parsed');
    const policyName = policy === 'cjis' ? 'CJIS policy' : 'plain policy';
    figures.push(figure({
      name: `decisions/s, mnemonic lines, ${policyName}`, value: lines.decisionsPerSecond, unit: '/s',
      ceiling: { name: 'same, pre-parsed', value: parsed.decisionsPerSecond, unit: '/s' },
      ...(policy === 'cjis' ? { target: { description: '>= 400,000 decisions/s on one core', on: 'value', kind: 'min', threshold: TARGET_DECISIONS_PER_SECOND } } : {}),
      note: 'one core, one thread; the ratio is the share left once parsing is added',
    }));
    figures.push(figure({
      name: `decisions/s, pre-parsed, ${policyName}`, value: parsed.decisionsPerSecond, unit: '/s',
      ...(policy === 'cjis' ? { target: { description: '>= 400,000 decisions/s on one core', on: 'value', kind: 'min', threshold: TARGET_DECISIONS_PER_SECOND } } : {}),
    }));
    figures.push(figure({ name: `bytes allocated per decision, lines, ${policyName}`, value: lines.bytesPerDecision, unit: 'B' }));
    figures.push(figure({ name: `bytes allocated per decision, pre-parsed, ${policyName}`, value: parsed.bytesPerDecision, unit: 'B' }));
  }
  const profiles: ProfileSummary[] = profilePath === undefined ? [] : [summarizeProfile(profilePath, 'routing core (CJIS policy, mnemonic lines), after the timed rounds')];
  const refused = output.variants.reduce((sum, variant) => sum + variant.refused, 0);
  const cjisLines = find('cjis', 'lines');
  const notes: string[] = [];
  if (cjisLines.decisionsPerSecond < TARGET_DECISIONS_PER_SECOND) {
    const parsed = find('cjis', 'parsed');
    notes.push(`Target missed by ${round((1 - cjisLines.decisionsPerSecond / TARGET_DECISIONS_PER_SECOND) * 100)}% on mnemonic lines: `
      + `${round(1e6 / cjisLines.decisionsPerSecond, 2)} us per decision, of which parsing the line is ${round(1e6 / cjisLines.decisionsPerSecond - 1e6 / parsed.decisionsPerSecond, 2)} us `
      + `and validate + authorize + route ${round(1e6 / parsed.decisionsPerSecond, 2)} us; the CJIS policy adds ${round(1e6 / parsed.decisionsPerSecond - 1e6 / find('plain', 'parsed').decisionsPerSecond, 2)} us over the plain one.`);
  }
  notes.push('Allocation: heapUsed delta over one GC-free pass of the mix (fixed 64 MiB young generation), median of up to 9 passes.');
  return scenario.finish({
    parameters: { secondsPerVariant: seconds, mix: 'with-updates', mixSize: output.mix.size, mixCounts: output.mix.counts, operator: output.operator, terminal: output.terminal },
    figures,
    checks: [
      { name: 'every line of the mix passes the catalogue', ok: output.mix.refused === 0, detail: `${output.mix.refused} refused while building` },
      { name: 'every decision routes to systems (no refusal)', ok: refused === 0, detail: `${refused} refused or unrouted during the timed loops` },
      { name: 'allocation measured on GC-free passes', ok: output.variants.every((variant) => variant.cleanAllocationBatches >= 3), detail: output.variants.map((variant) => `${variant.policy}/${variant.input}: ${variant.cleanAllocationBatches}`).join(', ') },
    ],
    notes,
    profiles,
    details: output,
  });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/routing-core.ts [--full]

Scenario 1: the routing core in process, no sockets; writes bench/results/routing-core.json.
  --full        the long runs (default: short ones)
  -h, --help    this text
`;

const invokedDirectly = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (invokedDirectly && process.argv[2] === '--worker') {
  worker(Number(process.argv[3] ?? '2'), process.argv[4]).then((output) => {
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
} else if (invokedDirectly) {
  const flags = readScenarioFlags(USAGE, ['full']);
  run({ mode: flags.full ? 'full' : 'short' }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
