/**
 * Scenario 3b: the ceiling of the switch's stack on this machine, in the switch's process
 * layout: the load generator (this process) -> a bare `ws` relay process -> an echo backend
 * process, driven by the same generator core and checker as the switch.
 *
 * Two shapes:
 * - echo: one frame each way, the request padded to the mean size of the switch's frames;
 *   the backend sends it back unchanged. The "bare relay" (frames/s), shown beside.
 * - protocol: the backend decodes the Transaction and answers with the frames the switch
 *   sends for it (Receipt, the mean number of Responses at their mean size, Completion):
 *   what carrying the switch's own traffic costs before any switching is done, the figure
 *   the switch's throughput target is a ratio of.
 *
 *   pnpm exec tsx --conditions=source bench/src/relay-ceiling.ts [--full]   (standalone: a typical QW frame shape)
 */
import { pathToFileURL } from 'node:url';
import { buildKeyMix, committedFixtures, type KeyMix } from './key-mix.js';
import { fixtureLogins } from './fixture-terminals.js';
import { startService, type ServiceProcess } from './internals.js';
import { RelayConnection, type LoadConnection } from './load-connections.js';
import { describeReport, runLoad, type LoadReport } from './load-generator.js';
import { figure, startScenario, stderrLog, writeResult, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

/** The switch's traffic per transaction, as the lean terminals counted it. */
export interface FrameShape {
  readonly requestBytes: number;
  readonly answerFrames: number;
  readonly responses: number;
  readonly responseBytes: number;
  /** Mean size of all frames both ways: the echo shape's frame size. */
  readonly meanFrameBytes: number;
}

/** A QW answered by NCIC and CORI (as the switch with the mock backends answers it). */
export const TYPICAL_SHAPE: FrameShape = { requestBytes: 230, answerFrames: 4, responses: 2, responseBytes: 520, meanFrameBytes: 370 };

export interface RelayMeasurement {
  readonly shape: FrameShape;
  readonly echo: LoadReport;
  readonly protocol: LoadReport;
}

export interface RelayOptions {
  /** One relay connection per entry (name and ORI, like the switch's terminals). */
  readonly terminals: readonly { readonly name: string; readonly ori: string }[];
  readonly window: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly mix: KeyMix;
  readonly shape: FrameShape;
  readonly log: (line: string) => void;
}

async function measureShape(mode: 'echo' | 'protocol', options: RelayOptions): Promise<LoadReport> {
  const processes: ServiceProcess[] = [];
  let connections: LoadConnection[] = [];
  try {
    const backend = await startService({
      name: `echo-backend-${mode}`, entry: 'bench/src/processes/echo-backend.ts',
      args: [JSON.stringify({ mode, responses: Math.max(0, Math.round(options.shape.responses)), responseBytes: options.shape.responseBytes })],
    });
    processes.push(backend);
    const relay = await startService({ name: 'relay', entry: 'bench/src/processes/relay.ts', args: [String(backend.info['url'])] });
    processes.push(relay);
    const url = String(relay.info['url']);
    connections = await Promise.all(options.terminals.map((terminal) => RelayConnection.open(url, terminal.name, terminal.ori, mode, options.shape.meanFrameBytes)));
    const report = await runLoad({
      connections, mix: options.mix, mode: 'closed', window: options.window,
      warmupMs: options.warmupMs, durationMs: options.durationMs, deadlineMs: 10_000, drainMs: 10_000,
      serverPids: { relay: relay.child.pid, backend: backend.child.pid },
    });
    options.log(`relay ${mode}: ${describeReport(report)}`);
    return report;
  } finally {
    await Promise.allSettled(connections.map((connection) => connection.close()));
    for (const service of processes.reverse()) await service.stop();
  }
}

export async function measureRelay(options: RelayOptions): Promise<RelayMeasurement> {
  const echo = await measureShape('echo', options);
  const protocol = await measureShape('protocol', options);
  return { shape: options.shape, echo, protocol };
}

/** Standalone: the relay alone, with the typical frame shape. */
export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('relay-ceiling');
  const scenario = startScenario('relay-ceiling', 'Bare ws relay: client -> relay -> echo backend (the ceiling)', options);
  const fixtures = await committedFixtures();
  const logins = fixtureLogins(fixtures).slice(0, 16);
  const full = options.mode === 'full';
  const parameters = { connections: logins.length, window: 8, warmupMs: 2000, durationMs: full ? 30_000 : 6_000, shape: TYPICAL_SHAPE };
  const relay = await measureRelay({
    terminals: logins.map((login) => ({ name: login.mnemonic, ori: login.ori })), window: parameters.window,
    warmupMs: parameters.warmupMs, durationMs: parameters.durationMs, mix: buildKeyMix(fixtures), shape: TYPICAL_SHAPE, log,
  });
  return scenario.finish({
    parameters,
    figures: [
      figure({ name: 'relay round trips/s, one frame each way (echo)', value: relay.echo.transactionsPerSecond, unit: '/s' }),
      figure({ name: 'relay transactions/s, switch-shaped answers (protocol)', value: relay.protocol.transactionsPerSecond, unit: '/s',
        ceiling: { name: 'relay echo', value: relay.echo.transactionsPerSecond, unit: '/s' } }),
      figure({ name: 'relay echo p99 (closed loop)', value: relay.echo.latency.p99Ms, unit: 'ms' }),
    ],
    checks: [
      { name: 'echo: every answer correlated, none lost or duplicated', ok: relay.echo.ok, detail: JSON.stringify(relay.echo.counts.faults) },
      { name: 'protocol: every answer correlated, none lost or duplicated', ok: relay.protocol.ok, detail: JSON.stringify(relay.protocol.counts.faults) },
    ],
    notes: ['Standalone run with a typical QW frame shape; scenario switch-e2e measures the relay with the shape it counted on the switch, in the same run.'],
    details: relay,
  });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/relay-ceiling.ts [--full]

Scenario 3b: the ceiling of the switch's stack (a bare ws relay and an echo backend); writes bench/results/relay-ceiling.json.
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
