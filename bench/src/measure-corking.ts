/**
 * Measures what write coalescing buys a LinkClient: a burst of requests against a trivial
 * echo link server in another process, corked (writes of a tick leave in one socket write)
 * and uncorked, alternating runs. Checks correctness too: every reply matched its own
 * request, no link_seq gap, nothing unmatched. Prints one JSON object.
 *
 *   pnpm exec tsx --conditions=source bench/src/measure-corking.ts [burst=10000] [rounds=5]
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { decodeFrame, encodeFrame, pb, type Frame, type Transaction } from '@clets/protocol';
import { LinkClient } from '@clets/switch/links';

const MAX = { maxFrameBytes: 1024 * 1024 };

/** The echo system: welcomes anyone, answers each LinkRequest with one no-record Response. */
function runEchoServer(): void {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('listening', () => process.send?.({ port: (wss.address() as AddressInfo).port }));
  // The parent asks for this process's CPU time around each measured burst.
  process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
  wss.on('connection', (ws) => {
    let seq = 0;
    const raw = (ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
    let corked = false;
    const send = (frame: Frame) => {
      seq += 1;
      if (!corked) {
        corked = true;
        raw.cork();
        process.nextTick(() => { corked = false; raw.uncork(); });
      }
      const message = new pb.Frame(frame);
      message.linkSeq = seq;
      ws.send(encodeFrame(message, MAX));
    };
    ws.on('message', (data) => {
      const frame = decodeFrame(data as Buffer, MAX);
      if (frame.linkHello) send({ linkWelcome: { ok: true, systems: ['ECHO'], peerId: 'echo' } });
      else if (frame.linkRequest) {
        const request = frame.linkRequest;
        send({ linkReply: { requestId: request.requestId ?? '', final: true, responses: [{ system: 'ECHO', status: 1, text: 'NO RECORD' }] } });
      } else if (frame.heartbeat && !frame.heartbeat.reply) send({ heartbeat: { nonce: frame.heartbeat.nonce ?? 0, reply: true } });
    });
  });
}

const transaction: Transaction = {
  header: { clientMessageId: 'bench-0001', control: 'CTL1', messageKey: 'QW', ori: 'CA0194200', terminal: 'T001', operatorId: 'OP0001', destinations: ['NCIC'] },
  routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP 10-55 SUSP VEH', caseNumber: '24-001234' },
  fields: [{ tag: 'NAM', value: 'DOE,JOHN Q' }, { tag: 'DOB', value: '19800101' }, { tag: 'SEX', value: 'M' }],
};

interface BurstResult {
  wallMs: number;
  /** CPU time of both processes during the burst, per request. */
  cpuUsPerRequest: number;
}

function cpuMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}

async function burst(url: string, server: ChildProcess, coalesceWrites: boolean, count: number, runId: number): Promise<BurstResult> {
  const serverCpu = () => new Promise<number>((resolve) => {
    server.once('message', (message: { cpu: NodeJS.CpuUsage }) => resolve(cpuMicros(message.cpu)));
    server.send('cpu');
  });
  const client = new LinkClient({ name: 'ECHO', url, peerId: 'bench', secret: 'bench', role: 'client', window: 256, maxQueue: count, coalesceWrites });
  const up = new Promise((resolve) => client.on('up', resolve));
  client.start();
  await up;
  const deadline = Date.now() + 120_000;
  const send = (prefix: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => client.request({ requestId: `${prefix}-${i}`, system: 'ECHO', transaction, deadlineMs: deadline })
      .then((reply) => { if (reply.requestId !== `${prefix}-${i}`) throw new Error('reply matched to the wrong request'); })));
  await send(`warm${runId}`, 2000);
  const serverBefore = await serverCpu();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await send(`run${runId}`, count);
  const wallMs = performance.now() - started;
  const clientMicros = cpuMicros(process.cpuUsage(clientBefore));
  const serverMicros = (await serverCpu()) - serverBefore;
  const stats = client.stats();
  if (stats.gapsDetected !== 0 || stats.unmatchedReplies !== 0 || stats.timeouts !== 0) throw new Error(`incorrect run: ${JSON.stringify(stats)}`);
  await client.close();
  return { wallMs, cpuUsPerRequest: (clientMicros + serverMicros) / count };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { count, rounds } = readCounts(process.argv.slice(2));
  const server = fork(fileURLToPath(import.meta.url), ['--server'], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => server.once('message', (message: { port: number }) => resolve(message.port)));
  const url = `ws://127.0.0.1:${port}`;
  const runs = { corked: [] as BurstResult[], uncorked: [] as BurstResult[] };
  for (let round = 0; round < rounds; round += 1) {
    // Alternate the order so drift (CPU frequency, GC, other load) does not favour one side.
    const order: Array<keyof typeof runs> = round % 2 === 0 ? ['corked', 'uncorked'] : ['uncorked', 'corked'];
    for (const mode of order) runs[mode].push(await burst(url, server, mode === 'corked', count, round * 2 + (mode === 'corked' ? 0 : 1)));
  }
  server.kill();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch { /* not a checkout */ }
  const summary = (mode: keyof typeof runs) => {
    const wallMs = median(runs[mode].map((run) => run.wallMs));
    return {
      medianMs: Math.round(wallMs),
      // The least disturbed run: the fairer figure when other work shares the cores.
      bestMs: Math.round(Math.min(...runs[mode].map((run) => run.wallMs))),
      requestsPerSecond: Math.round(count / (wallMs / 1000)),
      medianCpuUsPerRequest: Number(median(runs[mode].map((run) => run.cpuUsPerRequest)).toFixed(1)),
      runsMs: runs[mode].map((run) => Math.round(run.wallMs)),
    };
  };
  const corked = summary('corked');
  const uncorked = summary('uncorked');
  console.log(JSON.stringify({
    scenario: 'link-client burst, window 256, echo server in a second process',
    commit, node: process.version, burst: count, rounds, corked, uncorked,
    speedup: Number((uncorked.medianMs / corked.medianMs).toFixed(2)),
    speedupBest: Number((uncorked.bestMs / corked.bestMs).toFixed(2)),
    cpuSaving: Number((1 - corked.medianCpuUsPerRequest / uncorked.medianCpuUsPerRequest).toFixed(2)),
  }, null, 2));
}

const USAGE = `usage: pnpm exec tsx --conditions=source bench/src/measure-corking.ts [BURST] [ROUNDS]

A burst of BURST requests (default 10000) through a LinkClient to an echo link server in a
second process, corked and uncorked, ROUNDS times each (default 5); prints one JSON object.
  -h, --help  this text
`;

/** BURST and ROUNDS, or an exit: 0 after --help, 2 on anything that is not a positive integer. */
function readCounts(argv: readonly string[]): { count: number; rounds: number } {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const [count = '10000', rounds = '5', ...rest] = argv;
  const bad = [count, rounds, ...rest].find((text, index) => index > 1 || !/^[1-9][0-9]*$/.test(text));
  if (bad !== undefined) {
    process.stderr.write(`unexpected argument '${bad}'\n\n${USAGE}`);
    process.exit(2);
  }
  return { count: Number(count), rounds: Number(rounds) };
}

if (process.argv[2] === '--server') runEchoServer();
else await main();
