/**
 * The chaos test: the state switch, two county switches and the mock systems as processes on
 * 127.0.0.1, under a mixed load (inquiries, entries, AMs, YQs and their YRs, broadcasts),
 * while a driver, for a fixed number of rounds, kills a random process (SIGKILL or SIGTERM),
 * stops a link, or makes a system refuse or hang, then brings it back. At the end it brings
 * everything back, lets every transaction end, stops the network and checks what a message
 * switch promises (scripts/chaos/invariants.ts). Seeded: `--seed` replays a run's faults.
 *
 *   pnpm chaos                   10 rounds (CI)
 *   pnpm chaos --rounds 200 --out bench/results/chaos.json
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadFixtures, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { REPO_ROOT, startStateNetwork, type ServiceProcess, type StateNetwork, type StateNetworkSwitch } from '@clets/launcher';
import { SeededRandom } from './chaos/random.js';
import { LinkProxy } from './chaos/link-proxy.js';
import { ChaosTerminal, isEnded, type SentRecord, type TrafficKind } from './chaos/terminals.js';
import {
  everyMessageDelivered, everyTransactionEnds, noEntryAppliedTwice, type AppliedUpdate, type AuditTally, type DrivenTerminal, type Invariant,
} from './chaos/invariants.js';

const USAGE = `usage: pnpm chaos [--rounds N] [--seed S] [--rate N] [--out FILE] [--keep]

Starts the state switch, the county switches 19 and 37 and the mock systems as processes on
127.0.0.1, drives six operators with a mixed load (inquiries, entries, AMs, YQs and YRs,
broadcasts) and, for N rounds, injects one fault a round and takes it back: a process killed
(SIGKILL or SIGTERM) and started again on its files, a county's link to the state cut, a
system's link dropped, a system that refuses or hangs. Then it brings everything back, waits
for every transaction to end, stops the network and checks: every receipted transaction has
exactly one completion or an explicit non-delivery; every AM and YQ is delivered or its
sender has a non-delivery report, none twice; no entry applied twice; every audit chain
verifies; no process left running. Exit 0 only if all hold.

  --rounds N   fault rounds (default 10, at most 1000)
  --seed S     the seed of every random choice (default: chosen and printed): the same seed
               replays the same faults in the same order
  --rate N     transactions a second per county (default 6)
  --out FILE   also write the run's figures as JSON (bench/results/chaos.json for the record)
  --keep       keep the state directory (databases, configs) even when every check passes
  -h, --help   this text
`;

interface Options {
  readonly rounds: number;
  readonly seed: number;
  readonly rate: number;
  readonly out: string | undefined;
  readonly keep: boolean;
}

function readOptions(): Options {
  try {
    const { values } = parseArgs({
      options: {
        rounds: { type: 'string', default: '10' }, seed: { type: 'string' }, rate: { type: 'string', default: '6' },
        out: { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const number = (name: string, text: string, min: number, max: number): number => {
      const value = Number(text);
      if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not '${text}'`);
      return value;
    };
    return {
      rounds: number('rounds', values.rounds, 1, 1_000),
      seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : number('seed', values.seed, 0, 2 ** 32 - 1),
      rate: number('rate', values.rate, 1, 100),
      out: values.out, keep: values.keep,
    };
  } catch (error) {
    process.stderr.write(`chaos: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** Hold time of a `.02.` transaction: long enough to outlast a round's outage, short enough to end the run. */
const QUEUE_TTL_MS = 60_000;
const REQUEST_DEADLINE_MS = 3_000;
/** How long the end of the run waits for every transaction to end. */
const QUIESCE_MS = QUEUE_TTL_MS + 60_000;
const SYSTEMS = ['NCIC', 'NLETS', 'DMV', 'CORI'] as const;
const PROCESSES = ['backends', 'state', 'county-19', 'county-37'] as const;
type ProcessName = (typeof PROCESSES)[number];
const RTE = 'RTE/REQ:CHAOS DRIVER;RSN:RESILIENCE TEST OF THE NETWORK;CASE:26-000777';

/** The operators the run drives: three FAO terminals of each county's sheriff. */
const DRIVEN = [
  { mnemonic: 'LA01', operatorId: 'OP1001', county: '19', switchId: 'county-19' as const },
  { mnemonic: 'LA02', operatorId: 'OP1002', county: '19', switchId: 'county-19' as const },
  { mnemonic: 'LA03', operatorId: 'OP1003', county: '19', switchId: 'county-19' as const },
  { mnemonic: 'SD01', operatorId: 'OP2001', county: '37', switchId: 'county-37' as const },
  { mnemonic: 'SD02', operatorId: 'OP2002', county: '37', switchId: 'county-37' as const },
  { mnemonic: 'SD03', operatorId: 'OP2003', county: '37', switchId: 'county-37' as const },
];

const FAULT_WEIGHTS = { 'kill SIGKILL': 3, 'kill SIGTERM': 2, 'county link cut': 2, 'system link dropped': 1, 'system refuses': 1, 'system hangs': 1 } as const;
type FaultKind = keyof typeof FAULT_WEIGHTS;

const TRAFFIC_WEIGHTS: Readonly<Record<Exclude<TrafficKind, 'yr'>, number>> = {
  inquiry: 50, 'held-inquiry': 5, entry: 10, am: 20, yq: 8, broadcast: 4,
};

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const options = readOptions();
  const started = Date.now();
  const loadStart = loadavg().map((value) => Math.round(value * 100) / 100);
  const random = new SeededRandom(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'clets-chaos-'));
  log(`chaos: seed ${options.seed}, ${options.rounds} rounds, ${options.rate} transactions/s per county, state in ${dir}`);
  // Bounded: a run that cannot end by itself is stopped and fails.
  const deadline = setTimeout(() => {
    log(`chaos: FAILED: the run did not end within its bound; state kept in ${dir}`);
    process.exit(1);
  }, (options.rounds * 12_000) + QUIESCE_MS + 180_000);
  deadline.unref();

  const fixtures = await loadFixtures();
  const proxies = { 'county-19': new LinkProxy(), 'county-37': new LinkProxy() } as const;
  const proxyPorts = { 'county-19': await proxies['county-19'].listen(), 'county-37': await proxies['county-37'].listen() };
  const pids = new Set<number>();
  const remember = (service: ServiceProcess): ServiceProcess => {
    if (service.child.pid !== undefined) pids.add(service.child.pid);
    return service;
  };
  const network = await startStateNetwork({
    dir, keepPorts: true,
    countyLinkUrl: (county, peersUrl) => {
      proxies[county].forwardTo(peersUrl);
      return `ws://127.0.0.1:${proxyPorts[county]}`;
    },
    switchConfig: {
      // The CJIS rules have their own tests; here six operators log in again after every fault.
      security: { policy: 'plain' },
      limits: {
        requestDeadlineMs: REQUEST_DEADLINE_MS, queueTtlMs: QUEUE_TTL_MS, drainTimeoutMs: 1_000,
        loginRate: { burst: 100_000, perMinute: 100_000 },
      },
    },
    backendConfig: { behaviour: Object.fromEntries(SYSTEMS.map((system) => [system, { latency: { kind: 'uniform', minMs: 1, maxMs: 20 } }])) },
  });
  for (const name of PROCESSES) remember(name === 'backends' ? network.backends : network.switch(name));

  const terminals = DRIVEN.map((driven) => {
    const fixture = fixtures.terminals.find((terminal) => terminal.mnemonic === driven.mnemonic);
    const operator = fixtures.operators.find((candidate) => candidate.id === driven.operatorId);
    if (fixture === undefined || operator === undefined) throw new Error(`no fixture terminal ${driven.mnemonic} or operator ${driven.operatorId}`);
    return new ChaosTerminal({
      url: network.terminalsUrl(driven.switchId), mnemonic: driven.mnemonic, deviceSecret: fixture.deviceSecret,
      operatorId: operator.id, password: operator.password, ori: fixture.ori, log,
      answerHitRequest: (terminal, requestingOri, recordId) => {
        // The agency's first terminal answers about half of them; the others stay open.
        if (terminal !== terminals.find((candidate) => candidate.ori === terminal.ori) || random.next() < 0.5) return;
        terminal.send('yr', `YR.${terminal.ori}.${requestingOri}.NIC/${recordId}.CNF/Y.RNO/1`, [requestingOri]);
      },
    });
  });
  await Promise.all(terminals.map((terminal) => terminal.login()));
  log('chaos: network up, 6 operators logged in');

  const load = startLoad(terminals, random, options.rate, fixtures);
  const faults = new Map<string, number>();
  const rounds: string[] = [];
  let failure: string | undefined;
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      const kind = random.weighted(FAULT_WEIGHTS);
      const downMs = random.int(500, 2_500);
      const line = await injectFault(kind, downMs, network, proxies, random, remember);
      faults.set(kind, (faults.get(kind) ?? 0) + 1);
      rounds.push(`round ${round}: ${line}`);
      log(`round ${round}/${options.rounds}: ${line}`);
      await sleep(random.int(1_000, 2_000));
    }
  } catch (error) {
    failure = `a fault could not be taken back: ${(error as Error).message}`;
    log(`chaos: ${failure}`);
  }
  load.stop();
  log(`chaos: load stopped after ${load.sent()} transactions; waiting for every transaction to end (at most ${QUIESCE_MS / 1_000} s)`);
  const quiet = failure === undefined ? await quiesce(network, terminals) : false;

  for (const terminal of terminals) await terminal.close();
  await network.stop();
  for (const proxy of Object.values(proxies)) await proxy.close();

  const records = terminals.flatMap((terminal) => [...terminal.records.values()]);
  const operators = new Map(DRIVEN.map((driven) => [driven.mnemonic, driven.operatorId]));
  const switchOf = new Map(DRIVEN.map((driven) => [driven.mnemonic, driven.switchId]));
  const invariants: Invariant[] = [
    everyTransactionEnds(records, (['state', 'county-19', 'county-37'] as const).map((name) => auditTally(name, network.auditPath(name)))),
    everyMessageDelivered(records, terminals.map((terminal): DrivenTerminal => ({
      mnemonic: terminal.mnemonic, ori: terminal.ori, county: DRIVEN.find((driven) => driven.mnemonic === terminal.mnemonic)!.county, received: terminal.received,
    })), (record) => `${switchOf.get(record.terminal) ?? ''}:${record.terminal}:${operators.get(record.terminal) ?? ''}:${record.id}`),
    noEntryAppliedTwice(records, appliedUpdates(join(dir, 'backends-updates.sqlite'))),
    auditChainsVerify(network),
    noProcessLeft(pids),
  ];
  const anomalies = terminals.flatMap((terminal) => terminal.anomalies);
  if (anomalies.length > 0) invariants.push({ name: 'no resend taken for another transaction', ok: false, detail: anomalies.slice(0, 5).join('; ') });
  if (failure !== undefined) invariants.push({ name: 'every fault taken back', ok: false, detail: failure });
  if (!quiet && failure === undefined) {
    const open = records.filter((record) => !isEnded(record)).length;
    invariants.push({ name: 'every transaction ended before the run stopped', ok: false, detail: `${open} transaction(s) still open after ${QUIESCE_MS / 1_000} s` });
  }

  const durationS = Math.round((Date.now() - started) / 100) / 10;
  const byKind = countBy(records, (record) => record.kind);
  log('\ninvariants:');
  for (const invariant of invariants) log(`  ${invariant.ok ? 'ok    ' : 'FAILED'} ${invariant.name}: ${invariant.detail}`);
  const faultLine = [...faults].map(([kind, count]) => `${kind} ${count}`).join(', ');
  log(`\nfigures: ${options.rounds} rounds in ${durationS} s; faults: ${faultLine}; transactions: ${records.length} sent `
    + `(${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}), ${records.filter((record) => record.receipted).length} receipted`);
  const ok = invariants.every((invariant) => invariant.ok);
  if (options.out !== undefined) {
    writeFileSync(options.out, `${JSON.stringify(resultOf(options, { started, durationS, loadStart, faults, rounds, records, invariants }), null, 2)}\n`);
    log(`wrote ${options.out}`);
  }
  if (ok && !options.keep) rmSync(dir, { recursive: true, force: true });
  else log(`state kept in ${dir}`);
  log(ok ? 'chaos: every invariant held' : 'chaos: FAILED');
  clearTimeout(deadline);
  return ok ? 0 : 1;
}

/** The mixed load: each county's operators send `rate` transactions a second between them. */
function startLoad(terminals: readonly ChaosTerminal[], random: SeededRandom, rate: number, fixtures: FixtureSet): { stop(): void; sent(): number } {
  let sent = 0;
  let entries = 0;
  const persons = [WELL_KNOWN.wantedPerson, WELL_KNOWN.cleanPerson, WELL_KNOWN.historyPerson];
  const clean = WELL_KNOWN.cleanPerson;
  const oriOf = (county: string): string => `CA0${county}0000`;
  const other = (county: string): string => (county === '19' ? '37' : '19');
  const credit = new Map<string, number>();
  void fixtures;
  const timer = setInterval(() => {
    for (const county of ['19', '37']) {
      credit.set(county, (credit.get(county) ?? 0) + rate / 10);
      while ((credit.get(county) ?? 0) >= 1) {
        credit.set(county, (credit.get(county) ?? 0) - 1);
        const ready = terminals.filter((terminal) => terminal.ori === oriOf(county) && terminal.ready && terminal.inFlight < 16);
        if (ready.length === 0) continue;
        const terminal = random.pick(ready);
        const ori = terminal.ori;
        const person = random.pick(persons);
        const kind = random.weighted(TRAFFIC_WEIGHTS);
        let accepted = false;
        switch (kind) {
          case 'inquiry':
            accepted = terminal.send(kind, `QW.${ori}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`);
            break;
          case 'held-inquiry':
            accepted = terminal.send(kind, `IQ.${ori}.NV.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE};PUR:C`);
            break;
          case 'entry': {
            entries += 1;
            const oca = `CH${terminal.mnemonic}${entries}`.slice(0, 20);
            accepted = terminal.send(kind, `EPO.${ori}.NAM/${clean.last},${clean.first}.SEX/${clean.sex}.RAC/W.DOB/${clean.dob}.POT/DVRO.PNO/MARLOWE,TESSA`
              + `.ISD/20261101.EXP/20291101.CRT/LOS ANGELES SUPERIOR COURT.OCA/${oca}.${RTE}`, [], oca);
            break;
          }
          case 'am': {
            const destination = random.pick(terminals.filter((candidate) => candidate !== terminal)).mnemonic;
            accepted = terminal.send(kind, `AM.${ori}.${destination}.TXT/CHAOS TRAFFIC FROM ${terminal.mnemonic}`, [destination]);
            break;
          }
          case 'yq': {
            const entering = oriOf(other(county));
            accepted = terminal.send(kind, `YQ.${ori}.${entering}.NIC/${WELL_KNOWN.wantedPerson.warrantNic}.PRI/U.RNO/1.NAM/${WELL_KNOWN.wantedPerson.last},${WELL_KNOWN.wantedPerson.first}`, [entering]);
            break;
          }
          case 'broadcast': {
            const destination = `C${other(county)}`;
            accepted = terminal.send(kind, `AM.${ori}.${destination}.TXT/CHAOS BROADCAST FROM ${terminal.mnemonic}`, [destination]);
            break;
          }
        }
        if (accepted) sent += 1;
      }
    }
  }, 100);
  return { stop: () => clearInterval(timer), sent: () => sent };
}

/** One fault: injected, held for `downMs`, taken back. Returns what it was. */
async function injectFault(
  kind: FaultKind, downMs: number, network: StateNetwork, proxies: Record<'county-19' | 'county-37', LinkProxy>, random: SeededRandom,
  remember: (service: ServiceProcess) => ServiceProcess,
): Promise<string> {
  switch (kind) {
    case 'kill SIGKILL':
    case 'kill SIGTERM': {
      const signal = kind === 'kill SIGKILL' ? 'SIGKILL' : 'SIGTERM';
      const target = random.pick(PROCESSES);
      if (target === 'backends') {
        await network.stopBackends(signal);
        await sleep(downMs);
        remember(await network.startBackends());
      } else {
        await network.stopSwitch(target, signal);
        await sleep(downMs);
        remember(await network.startSwitch(target));
      }
      return `${target} killed with ${signal}, started again after ${downMs} ms`;
    }
    case 'county link cut': {
      const county = random.pick(['county-19', 'county-37'] as const);
      proxies[county].cut();
      await sleep(downMs);
      proxies[county].restore();
      return `link ${county} <-> state cut for ${downMs} ms`;
    }
    case 'system link dropped':
    case 'system refuses':
    case 'system hangs': {
      const system = random.pick(SYSTEMS);
      const outage = kind === 'system link dropped' ? 'drop' : kind === 'system refuses' ? 'refuse' : 'hang';
      await control(network, system, outage);
      await sleep(downMs);
      await control(network, system, 'none');
      return `${system} ${outage} for ${downMs} ms`;
    }
  }
}

async function control(network: StateNetwork, system: string, outage: string): Promise<void> {
  const response = await fetch(`${network.controlUrl}/control/${system}`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage }),
  });
  if (!response.ok) throw new Error(`control ${system} ${outage}: HTTP ${response.status}`);
}

/**
 * Waits until every transaction the operators sent has ended and no switch has one in flight
 * or held, nudging the operators to resend what is open (the switches answer a resend from
 * their window). False when the bound ran out.
 */
async function quiesce(network: StateNetwork, terminals: readonly ChaosTerminal[]): Promise<boolean> {
  const until = Date.now() + QUIESCE_MS;
  let lastNudge = Date.now();
  while (Date.now() < until) {
    const open = terminals.reduce((sum, terminal) => sum + terminal.open().length, 0);
    const busy = open > 0 ? 1 : await switchesBusy(network);
    if (busy === 0) return true;
    if (Date.now() - lastNudge > 5_000) {
      for (const terminal of terminals) terminal.resendOpen();
      lastNudge = Date.now();
    }
    await sleep(500);
  }
  return false;
}

/** Transactions in flight and held at every switch, from their /metrics. */
async function switchesBusy(network: StateNetwork): Promise<number> {
  let busy = 0;
  for (const name of ['state', 'county-19', 'county-37'] as const) {
    try {
      const text = await (await fetch(`${network.httpUrl(name)}/metrics`)).text();
      for (const line of text.split('\n')) {
        if (line.startsWith('clets_transactions_in_flight ') || line.startsWith('clets_held_transactions{')) busy += Number(line.split(' ').pop());
      }
    } catch {
      busy += 1;
    }
  }
  return busy;
}

/** A switch's audit log, read after the run: transaction rows and the completion rows naming them. */
function auditTally(switchId: StateNetworkSwitch, path: string): AuditTally {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const transactions = db.prepare("SELECT seq FROM audit_log WHERE type = 'transaction'").pluck().all() as number[];
    const completions = new Map<number, number>();
    for (const row of db.prepare("SELECT json_extract(detail, '$.auditSeq') AS seq, count(*) AS n FROM audit_log WHERE type = 'completion' GROUP BY 1").all() as { seq: number; n: number }[]) {
      completions.set(row.seq, row.n);
    }
    const refusedAfterRow = new Set(db.prepare(`SELECT json_extract(detail, '$.auditSeq') FROM audit_log WHERE type = 'reject'
      AND json_extract(detail, '$.auditSeq') IS NOT NULL AND json_extract(detail, '$.system') IS NULL`).pluck().all() as number[]);
    return { switchId, transactions, completions, refusedAfterRow };
  } finally {
    db.close();
  }
}

/** The mock systems' update store: every entry written, with its case number. */
function appliedUpdates(path: string): AppliedUpdate[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT system, fields, applied FROM updates').all() as { system: string; fields: string; applied: number }[]).map((row) => {
      const fields = new Map(JSON.parse(row.fields) as [string, string][]);
      return { system: row.system, oca: fields.get('OCA') ?? '', applied: row.applied === 1 };
    });
  } finally {
    db.close();
  }
}

function auditChainsVerify(network: StateNetwork): Invariant {
  const results = (['state', 'county-19', 'county-37'] as const).map((name) => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'packages/switch/bin/clets-audit.js'), 'verify', '--db', network.auditPath(name), '--read-only'], { encoding: 'utf8' });
    return { name, ok: run.status === 0, said: `${run.stdout}${run.stderr}`.trim().split('\n').pop() ?? '' };
  });
  return {
    name: 'every audit chain verifies (clets-audit verify)',
    ok: results.every((result) => result.ok),
    detail: results.map((result) => `${result.name}: ${result.said}`).join('; '),
  };
}

function noProcessLeft(pids: ReadonlySet<number>): Invariant {
  const alive = [...pids].filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  return {
    name: 'no process left running',
    ok: alive.length === 0,
    detail: alive.length === 0 ? `${pids.size} processes started, all ended` : `still running: ${alive.join(', ')}`,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The run in the shape of the benchmark results (bench/results/*.json), for bench/RESULTS.md. */
function resultOf(options: Options, run: {
  started: number; durationS: number; loadStart: number[]; faults: Map<string, number>; rounds: string[]; records: readonly SentRecord[]; invariants: readonly Invariant[];
}): Record<string, unknown> {
  const receipted = run.records.filter((record) => record.receipted);
  const faultTotal = [...run.faults.values()].reduce((sum, count) => sum + count, 0);
  const byKind = countBy(run.records, (record) => record.kind);
  return {
    scenario: 'chaos',
    title: 'processes killed, links cut, systems refusing and hanging under load: what was accepted still ends once',
    mode: options.rounds >= 100 ? 'full' : 'short',
    startedAt: new Date(run.started).toISOString(),
    durationS: run.durationS,
    commit: gitCommit(),
    machine: {
      cores: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`,
      totalMemoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10, loadAverageStart: run.loadStart,
      loadAverageEnd: loadavg().map((value) => Math.round(value * 100) / 100),
    },
    parameters: { rounds: options.rounds, seed: options.seed, ratePerCounty: options.rate, queueTtlMs: QUEUE_TTL_MS, requestDeadlineMs: REQUEST_DEADLINE_MS, command: `pnpm chaos --rounds ${options.rounds} --seed ${options.seed}` },
    figures: [
      { name: 'fault rounds', value: options.rounds, unit: '' },
      { name: 'faults injected', value: faultTotal, unit: '', note: [...run.faults].map(([kind, count]) => `${kind} ${count}`).join(', ') },
      ...[...run.faults].map(([kind, count]) => ({ name: `faults: ${kind}`, value: count, unit: '' })),
      { name: 'transactions sent', value: run.records.length, unit: '', note: [...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ') },
      { name: 'transactions receipted', value: receipted.length, unit: '' },
      { name: 'receipted transactions ended by a Completion', value: receipted.filter((record) => record.completions.length > 0).length, unit: '' },
      { name: 'of which with a non-delivery', value: receipted.filter((record) => record.nonDelivery.size > 0).length, unit: '' },
      { name: 'invariants held', value: run.invariants.filter((invariant) => invariant.ok).length, unit: `of ${run.invariants.length}` },
      { name: 'duration', value: run.durationS, unit: 's' },
    ],
    checks: run.invariants,
    notes: [
      'Each round injects one fault, holds it 0.5-2.5 s and takes it back, then waits 1-2 s: a process killed and started again on its files, a county\'s link to the state cut (a TCP relay refusing), a system\'s link dropped, or a system that refuses (.04.) or hangs.',
      'Replay a run with the seed in its parameters; the faults come in the same order (their timing against the load does not).',
    ],
    profiles: [],
    details: { rounds: run.rounds },
  };
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return commit + (dirty ? '+uncommitted' : '');
  } catch {
    return 'unknown';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`chaos: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
