/**
 * Scenario 4: the inquiry gateway (`POST /v1/messages`, the HTTP way in for CAD/RMS systems)
 * under autocannon, next to the same switch's WebSocket throughput measured in the same run
 * (the lean client, 16 terminals x window 8, as switch-e2e's phase A: what the gateway is a
 * ratio of; full: three rounds of the two runs in turn, the round with the median ratio
 * reported), then at half its own maximum rate (open loop, autocannon's overall rate) for its
 * latency; and a bare fastify route of the same shape (bearer token, JSON in, JSON out of
 * the same size) in its own process: the ceiling of HTTP on this stack.
 *
 * The switch runs with the real backends; the gateway session is opened once (POST
 * /v1/sessions with the terminal's device secret, the operator's password and TOTP code,
 * banner acknowledged) and every request sends the next line of the inquiry mix. Every
 * answer is read: status 200, `complete`, and the Completion echoing the answer's client
 * message id; the bare route is checked the same way.
 *
 *   pnpm exec tsx --conditions=source bench/src/gateway.ts [--full] [--no-profile]
 */
import { pathToFileURL } from 'node:url';
import autocannon, { type AutocannonResult } from 'autocannon';
import { fixtureLogins } from './fixture-terminals.js';
import { startBenchNetwork } from './bench-network.js';
import { summarizeProfile } from './cpu-profile.js';
import { startService } from './internals.js';
import { buildKeyMix, committedFixtures, INQUIRY_MIX } from './key-mix.js';
import { openConnections, TotpCodes } from './load-connections.js';
import { cpuPerTransaction, describeCpu, describeReport, runLoad, serverCpuNow, totalCpu, type LoadReport } from './load-generator.js';
import { figure, round, startScenario, stderrLog, writeResult, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

/** Of the switch's WebSocket throughput in the same run. */
const TARGET_RATIO = 0.8;
const TARGET_HALF_LOAD_P99_MS = 20;
/** The WebSocket run: switch-e2e's phase A. */
const WS_TERMINALS = 16;
const WS_WINDOW = 8;

interface CannonRun {
  readonly requestsPerSecond: number;
  readonly latency: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Answers that were not a complete transaction echoing their id. */
  readonly badAnswers: number;
  readonly firstBad?: string;
}

/** Whether an answer body is a complete transaction whose Completion echoes its id. */
function answerProblem(status: number, body: string): string | undefined {
  if (status !== 200) return `status ${status}: ${body.slice(0, 120)}`;
  try {
    const parsed = JSON.parse(body) as { clientMessageId?: string; complete?: boolean; frames?: Record<string, { header?: { clientMessageId?: string } }>[] };
    const last = parsed.frames?.at(-1)?.['completion'];
    if (parsed.complete !== true || last === undefined) return 'not complete';
    if (last.header?.clientMessageId !== parsed.clientMessageId) return `completion for ${last.header?.clientMessageId}, answer for ${parsed.clientMessageId}`;
    return undefined;
  } catch {
    return 'not JSON';
  }
}

async function cannon(url: string, token: string, lines: readonly string[], options: { connections: number; durationS: number; overallRate?: number }): Promise<CannonRun> {
  let next = 0;
  let bad = 0;
  let firstBad: string | undefined;
  const result: AutocannonResult = await autocannon({
    url, connections: options.connections, duration: options.durationS, timeout: 30,
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{
      method: 'POST',
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ line: lines[next++ % lines.length] }) }),
      onResponse: (status, body) => {
        const problem = answerProblem(status, body);
        if (problem === undefined) return;
        bad += 1;
        firstBad ??= problem;
      },
    }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / Math.max(1, result.duration)),
    latency: { p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max },
    requests: result.requests.total,
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, badAnswers: bad,
    ...(firstBad !== undefined ? { firstBad } : {}),
  };
}

function ratioOf(round: { websocket: LoadReport; gateway: CannonRun }): number {
  return round.websocket.transactionsPerSecond > 0 ? round.gateway.requestsPerSecond / round.websocket.transactionsPerSecond : 0;
}

/** The round whose gateway-to-WebSocket ratio is the median (the lower of the middle two). */
function medianRound<T extends { websocket: LoadReport; gateway: CannonRun }>(rounds: readonly T[]): T {
  const sorted = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b));
  const chosen = sorted[Math.floor((sorted.length - 1) / 2)];
  if (chosen === undefined) throw new Error('no round measured');
  return chosen;
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('gateway');
  const scenario = startScenario('gateway', "Inquiry gateway POST /v1/messages vs the switch's WebSocket throughput and a bare fastify route", options);
  const full = options.mode === 'full';
  // Rounds: the WebSocket run and the gateway run one after the other, again and again; the
  // round with the median ratio is reported. One pair alone drifts with whatever else the
  // machine does and with the switch warming up (the second run always meets a warmer switch).
  const parameters = { connections: full ? 64 : 32, warmupS: full ? 5 : 1, durationS: full ? 20 : 4, rounds: full ? 3 : 1, policy: 'cjis', mix: INQUIRY_MIX };
  const fixtures = await committedFixtures();
  const logins = fixtureLogins(fixtures, 'county-19');
  const login = logins[0];
  if (login === undefined) throw new Error('no terminal and operator in the fixtures');
  // The WebSocket terminals: other operators than the gateway's (the CJIS policy allows one session per operator).
  const wsLogins = logins.slice(1, 1 + WS_TERMINALS);
  const lines = buildKeyMix(fixtures, { weights: INQUIRY_MIX }).forOri(login.ori).map((entry) => entry.line);

  log('starting backends and county switch');
  // One gateway session carries every autocannon connection: its window must hold them all.
  const bench = await startBenchNetwork({
    scenario: 'gateway', policy: 'cjis', profile: options.profile !== false,
    switchConfig: { limits: { maxInFlightPerSession: parameters.connections } },
  });
  const { network } = bench;
  let gateway: CannonRun;
  let halfLoad: CannonRun;
  let websocket: LoadReport;
  const rounds: { websocket: LoadReport; gateway: CannonRun; gatewayCpu: Record<string, number> }[] = [];
  let answerBytes: number;
  let serverPids: Record<string, number | undefined> = {};
  let gatewayCpu: Record<string, number> = {};
  try {
    serverPids = { switch: network.county.child.pid, backends: network.backends.child.pid };
    const totpCode = await new TotpCodes().next(login.operatorId, login.totpSecret);
    const opened = await fetch(`${network.httpUrl}/v1/sessions`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mnemonic: login.mnemonic, deviceSecret: login.deviceSecret, operatorId: login.operatorId, password: login.password, acknowledgeBanner: true, totpCode }),
    });
    const session = await opened.json() as { token?: string };
    if (opened.status !== 201 || session.token === undefined) throw new Error(`gateway session refused: ${opened.status} ${JSON.stringify(session)}`);
    const token = session.token;
    // The mean answer size over a sample of the mix, for the bare route to answer as much.
    let sampleBytes = 0;
    for (let index = 0; index < 20; index++) {
      const response = await fetch(`${network.httpUrl}/v1/messages`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ line: lines[(index * 37) % lines.length] }),
      });
      const body = await response.text();
      const problem = answerProblem(response.status, body);
      if (problem !== undefined) throw new Error(`gateway answer: ${problem}`);
      sampleBytes += body.length;
    }
    answerBytes = Math.round(sampleBytes / 20);
    const mix = buildKeyMix(fixtures, { weights: INQUIRY_MIX });
    const connections = await openConnections(network.terminalsUrl, wsLogins, 'lean', { totp: new TotpCodes() });
    const url = `${network.httpUrl}/v1/messages`;
    try {
      for (let round = 1; round <= parameters.rounds; round++) {
        const overWebSocket = await runLoad({ connections, mix, mode: 'closed', window: WS_WINDOW, warmupMs: round === 1 ? parameters.warmupS * 1000 : 0, durationMs: parameters.durationS * 1000, runTag: `W${round}`, serverPids });
        log(`round ${round}: switch over WebSocket: ${describeReport(overWebSocket)}`);
        if (round === 1) {
          log(`gateway: warm-up ${parameters.warmupS}s, then ${parameters.durationS}s with ${parameters.connections} connections (answers of ~${answerBytes} bytes)`);
          const warmUp = await cannon(url, token, lines, { connections: parameters.connections, durationS: parameters.warmupS });
          // The warm-up's last requests would still hold the session's window (429s in the run).
          await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 2 * warmUp.latency.maxMs)));
        }
        // Measured without the profiler, as the WebSocket run beside it; profiled apart below.
        const cpuBefore = serverCpuNow(serverPids);
        const overHttp = await cannon(url, token, lines, { connections: parameters.connections, durationS: parameters.durationS });
        const cpu = cpuPerTransaction(cpuBefore, serverCpuNow(serverPids), overHttp.requests);
        log(`round ${round}: gateway: ${overHttp.requestsPerSecond} req/s, p50 ${overHttp.latency.p50Ms} p99 ${overHttp.latency.p99Ms} ms, non-2xx ${overHttp.non2xx}, bad ${overHttp.badAnswers}`
          + (Object.keys(cpu).length > 0 ? `; CPU per request: ${describeCpu(cpu)}` : ''));
        rounds.push({ websocket: overWebSocket, gateway: overHttp, gatewayCpu: cpu });
        // autocannon stops without waiting for its last requests: let the session's window empty first.
        await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 2 * overHttp.latency.maxMs)));
      }
    } finally {
      await Promise.allSettled(connections.map((connection) => connection.close()));
    }
    const median = medianRound(rounds);
    ({ websocket, gateway, gatewayCpu } = median);
    if (bench.profiles.length > 0) {
      await bench.profileDuring(() => cannon(url, token, lines, { connections: parameters.connections, durationS: Math.min(3, parameters.durationS) }));
      await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 2 * gateway.latency.maxMs)));
    }
    const halfRate = Math.max(50, Math.round(gateway.requestsPerSecond / 2));
    halfLoad = await cannon(url, token, lines, { connections: parameters.connections, durationS: parameters.durationS, overallRate: halfRate });
    log(`gateway at half load (${halfRate}/s offered): ${halfLoad.requestsPerSecond} req/s, p50 ${halfLoad.latency.p50Ms} p99 ${halfLoad.latency.p99Ms} ms, non-2xx ${halfLoad.non2xx}, bad ${halfLoad.badAnswers}`);
  } finally {
    await bench.stop();
    bench.removeFiles();
  }
  const profiles = bench.profiles.map((target) => summarizeProfile(target.path, `${target.name}, under the gateway load (a profiled run after the measured one)`));

  const bareService = await startService({ name: 'bare-fastify', entry: 'bench/src/processes/bare-fastify.ts', args: [String(answerBytes)] });
  let bare: CannonRun;
  try {
    const url = `${String(bareService.info['url'])}/v1/messages`;
    await cannon(url, 'bench-token', lines, { connections: parameters.connections, durationS: parameters.warmupS });
    bare = await cannon(url, 'bench-token', lines, { connections: parameters.connections, durationS: parameters.durationS });
    log(`bare fastify: ${bare.requestsPerSecond} req/s, p50 ${bare.latency.p50Ms} p99 ${bare.latency.p99Ms} ms`);
  } finally {
    await bareService.stop();
  }

  const ratio = websocket.transactionsPerSecond > 0 ? gateway.requestsPerSecond / websocket.transactionsPerSecond : 0;
  const notes: string[] = [];
  if (rounds.length > 1) {
    notes.push(`${rounds.length} rounds, each the WebSocket run then the gateway run; the figures are the round with the median ratio: `
      + rounds.map((measured, index) => `round ${index + 1}: ${measured.gateway.requestsPerSecond}/s against ${measured.websocket.transactionsPerSecond}/s (${round(ratioOf(measured) * 100, 1)}%)`).join('; ') + '.');
  }
  if (ratio < TARGET_RATIO) {
    notes.push(`Throughput target missed: the gateway serves ${round(ratio * 100)}% of the switch's WebSocket throughput in the same run (target 80%). Each request runs a whole transaction `
      + '(validate, authorize, audit commit, link requests to the systems, their answers) and re-encodes every frame to JSON behind an HTTP request and its session check. '
      + 'The profile of the switch under this load says where its time goes:');
  }
  if (halfLoad.latency.p99Ms >= TARGET_HALF_LOAD_P99_MS) {
    notes.push(`Latency target missed: p99 ${halfLoad.latency.p99Ms} ms at half the gateway's maximum rate (target < ${TARGET_HALF_LOAD_P99_MS} ms); p50 ${halfLoad.latency.p50Ms} ms, max ${halfLoad.latency.maxMs} ms.`);
  }
  return scenario.finish({
    parameters: { ...parameters, answerBytes },
    figures: [
      figure({
        name: 'gateway requests/s (POST /v1/messages, full transaction)', value: gateway.requestsPerSecond, unit: '/s',
        ceiling: { name: `the switch over WebSocket, same run (lean client, ${WS_TERMINALS} terminals x window ${WS_WINDOW})`, value: websocket.transactionsPerSecond, unit: '/s' },
        target: { description: ">= 80% of the switch's WebSocket throughput", on: 'ratio', kind: 'min', threshold: TARGET_RATIO },
        note: `${parameters.connections} connections; p50 ${gateway.latency.p50Ms} ms, p99 ${gateway.latency.p99Ms} ms; WebSocket client ${websocket.clientCpuUsPerTransaction} us CPU/tx`,
      }),
      figure({
        name: `gateway p99 at half load (${Math.max(50, Math.round(gateway.requestsPerSecond / 2))}/s offered, open loop)`, value: halfLoad.latency.p99Ms, unit: 'ms',
        target: { description: 'p99 < 20 ms at half load', on: 'value', kind: 'max', threshold: TARGET_HALF_LOAD_P99_MS },
        note: `p50 ${halfLoad.latency.p50Ms} ms, max ${halfLoad.latency.maxMs} ms; achieved ${halfLoad.requestsPerSecond}/s`,
      }),
      figure({
        name: 'gateway requests/s next to bare fastify', value: gateway.requestsPerSecond, unit: '/s',
        ceiling: { name: 'bare fastify, same shape', value: bare.requestsPerSecond, unit: '/s' },
        note: `bare: p50 ${bare.latency.p50Ms} ms, p99 ${bare.latency.p99Ms} ms`,
      }),
      ...(Object.keys(gatewayCpu).length > 0 && Object.keys(websocket.serverCpuUsPerTransaction).length > 0 ? [figure({
        name: 'server CPU per transaction, every thread (switch + backends): gateway', value: totalCpu(gatewayCpu), unit: 'us',
        ceiling: { name: 'the same over WebSocket', value: totalCpu(websocket.serverCpuUsPerTransaction), unit: 'us' },
        note: `gateway: ${describeCpu(gatewayCpu)}; WebSocket: ${describeCpu(websocket.serverCpuUsPerTransaction)} (CPU time from /proc over each measured run)`,
      })] : []),
      figure({ name: 'gateway p99 latency', value: gateway.latency.p99Ms, unit: 'ms', ceiling: { name: 'bare fastify p99', value: bare.latency.p99Ms, unit: 'ms' } }),
    ],
    checks: [
      ...rounds.map(({ gateway: run }, index) => ({
        name: `gateway${rounds.length > 1 ? ` (round ${index + 1})` : ''}: every answer 200, complete, completion echoing its id`, ok: run.non2xx === 0 && run.errors === 0 && run.badAnswers === 0,
        detail: `${run.requests} requests, ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts, ${run.badAnswers} bad${run.firstBad !== undefined ? ` (first: ${run.firstBad})` : ''}`,
      })),
      { name: 'gateway at half load: every answer 200, complete, completion echoing its id', ok: halfLoad.non2xx === 0 && halfLoad.errors === 0 && halfLoad.badAnswers === 0, detail: `${halfLoad.requests} requests, ${halfLoad.non2xx} non-2xx, ${halfLoad.errors} errors, ${halfLoad.timeouts} timeouts, ${halfLoad.badAnswers} bad${halfLoad.firstBad !== undefined ? ` (first: ${halfLoad.firstBad})` : ''}` },
      ...rounds.map(({ websocket: run }, index) => ({
        name: `switch over WebSocket${rounds.length > 1 ? ` (round ${index + 1})` : ''}: every answer correlated and echoed, none lost, duplicated or refused`, ok: run.ok,
        detail: `${run.counts.completed} completed, ${run.counts.rejected} refused, faults ${JSON.stringify(run.counts.faults)}`,
      })),
      { name: 'bare fastify: every answer well formed', ok: bare.non2xx === 0 && bare.errors === 0 && bare.badAnswers === 0, detail: `${bare.requests} requests, ${bare.non2xx} non-2xx, ${bare.errors} errors, ${bare.badAnswers} bad` },
    ],
    notes,
    profiles,
    details: { gateway, halfLoad, websocket, bare, rounds },
  });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/gateway.ts [--full] [--no-profile]

Scenario 4: the inquiry gateway under autocannon, next to a bare fastify route; writes bench/results/gateway.json.
  --full        the long runs (default: short ones)
  --no-profile  no CPU profile of the services
  -h, --help    this text
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = readScenarioFlags(USAGE, ['full', 'no-profile']);
  run({ mode: flags.full ? 'full' : 'short', profile: !flags.noProfile }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
