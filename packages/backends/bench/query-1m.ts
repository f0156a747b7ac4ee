/**
 * Benchmark: the mock systems' query engines over a million-person data set, in process
 * (no sockets). Generates the set with the fixtures generator, holding each record as parsed
 * from its JSON text, as the data files are read (compact-records.ts: the same records, without
 * the generator's per-object overhead), builds the indexes, reports resident memory, then
 * times QW handle() calls on NCIC and on CORI.
 *
 *   pnpm exec tsx --conditions=source packages/backends/bench/query-1m.ts [--persons 1000000] [--queries 100000] [--seed N] [--out file.json]
 *   NODE_OPTIONS=--expose-gc gives steadier figures: memory is read after a full collection,
 *   and what setting up the queries left is collected before the timed loop.
 *
 * Checks correctness as well as speed: every query of a subject with an active warrant must
 * come back HIT with that warrant, every other query must find its person's records only.
 * Writes one JSON document (with the git commit) to stdout, or to --out.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import type { FixtureSet, Person } from '@clets/fixtures';
import { HitStatus, type SystemName, type Transaction } from '@clets/protocol';
import type { MockSystem } from '../src/system.js';
import { generateCompactFixtures } from './compact-records.js';
import { createSystems } from '../src/systems/index.js';

interface Options {
  readonly persons: number;
  readonly queries: number;
  readonly seed: number | undefined;
  readonly out: string | undefined;
}

const USAGE = `usage: pnpm exec tsx --conditions=source packages/backends/bench/query-1m.ts [--persons 1000000] [--queries 100000]
    [--seed N] [--out file.json]

Times NCIC and CORI QW queries over a generated data set, in process; checks every answer.
Prints one JSON document (or writes it to --out). NODE_OPTIONS=--expose-gc steadies the figures.
  -h, --help  this text
`;

function parseOptions(argv: readonly string[]): Options {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { persons: { type: 'string' }, queries: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values['help'] === true) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const value = (name: string): string | undefined => {
    const text = values[name];
    return typeof text === 'string' ? text : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const text = value(name);
    const parsed = text === undefined ? fallback : Number(text);
    if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive integer, got ${text}`);
    return parsed;
  };
  const seed = value('seed');
  return { persons: number('persons', 1_000_000), queries: number('queries', 100_000), seed: seed === undefined ? undefined : Number(seed), out: value('out') };
}

const MIB = 1024 * 1024;

/**
 * Resident memory after a full collection. Beside the heap in use: the heap V8 holds (pages
 * part empty count in resident memory) and what it allocates off the heap (mostly the table
 * of internalised strings), which together explain most of the distance from heap to RSS.
 */
function memory(): { rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; mallocedMiB: number; externalMiB: number; arrayBuffersMiB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  const round = (bytes: number): number => Math.round(bytes / MIB);
  return {
    rssMiB: round(usage.rss), heapUsedMiB: round(usage.heapUsed), heapTotalMiB: round(usage.heapTotal),
    mallocedMiB: round(getHeapStatistics().malloced_memory), externalMiB: round(usage.external), arrayBuffersMiB: round(usage.arrayBuffers),
  };
}

/** Progress on stderr (stdout carries the JSON result only). */
function progress(message: string): void {
  process.stderr.write(`[query-1m ${new Date().toISOString()}] ${message}\n`);
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function qw(person: Person, index: number): Transaction {
  return {
    header: { messageKey: 'QW', ori: 'CA0190000', control: `B${index}`, clientMessageId: `bench-${index}`, destinations: [] },
    routeTo: { requester: 'DEP R VALE 4411', reason: 'BENCHMARK TRAFFIC STOP', caseNumber: '26-001234' },
    fields: [
      { tag: 'NAM', value: `${person.last},${person.first}` },
      { tag: 'SEX', value: person.sex },
      { tag: 'DOB', value: person.dob },
    ],
  };
}

interface Timing {
  readonly calls: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
  readonly hits: number;
  readonly wrong: number;
}

/**
 * Times `queries` QW calls: one in ten on a warrant's subject (must hit that warrant), the
 * rest on persons spread over the whole set. Warm-up calls are not timed.
 */
function timeQueries(system: MockSystem, fixtures: FixtureSet, queries: number, warrantScope: string): Timing {
  const persons = fixtures.persons;
  const warranted = fixtures.warrants.filter((warrant) => warrant.file === 'BOTH' || warrant.file === warrantScope).slice(0, 5000);
  const wantedIds = new Set(warranted.map((warrant) => warrant.personId));
  const byId = new Map<string, Person>();
  for (const person of persons) if (wantedIds.has(person.id)) byId.set(person.id, person);
  // Who is asked, not the transactions: 100,000 transactions held at once would take their own
  // hundred megabytes, freed only after the loop, and read as the systems' resident memory.
  const plan: { person: Person; mustHit: string | undefined }[] = [];
  for (let index = 0; index < queries; index++) {
    if (index % 10 === 0 && warranted.length > 0) {
      const warrant = warranted[(index / 10) % warranted.length];
      const person = warrant === undefined ? undefined : byId.get(warrant.personId);
      if (person !== undefined && warrant !== undefined) {
        plan.push({ person, mustHit: warrant.nic });
        continue;
      }
    }
    const person = persons[(index * 7919 + 13) % persons.length] as Person;
    plan.push({ person, mustHit: undefined });
  }
  for (let index = 0; index < Math.min(2000, plan.length); index++) {
    const entry = plan[index];
    if (entry !== undefined) system.handle(qw(entry.person, index), { now: Date.UTC(2026, 10, 1), requestId: '' });
  }
  // What the set-up left is garbage the timed loop must not pay for: collect it first (with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const samples = new Float64Array(plan.length);
  let hits = 0;
  let wrong = 0;
  for (let index = 0; index < plan.length; index++) {
    const entry = plan[index] as (typeof plan)[number];
    // Built before the clock starts: the figure is the system's handle() alone.
    const transaction = qw(entry.person, index);
    const started = process.hrtime.bigint();
    const answer = system.handle(transaction, { now: Date.UTC(2026, 10, 1), requestId: '' });
    samples[index] = Number(process.hrtime.bigint() - started) / 1000;
    if (answer.kind !== 'responses') {
      wrong++;
      continue;
    }
    const response = answer.responses[0];
    if (response?.status === HitStatus.HIT_STATUS_HIT) hits++;
    if (entry.mustHit !== undefined && !(response?.records ?? []).some((record) => record.recordId === entry.mustHit)) wrong++;
  }
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  let total = 0;
  for (const sample of samples) total += sample;
  const round = (us: number): number => Math.round(us * 10) / 10;
  return { calls: plan.length, meanUs: round(total / plan.length), p50Us: round(at(0.5)), p99Us: round(at(0.99)), maxUs: round(sorted[sorted.length - 1] ?? 0), hits, wrong };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const startMemory = memory();
  progress(`generating ${options.persons} persons`);
  let started = performance.now();
  const fixtures = generateCompactFixtures({ persons: options.persons, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const generateMs = Math.round(performance.now() - started);
  const afterFixtures = memory();

  progress('building indexes');
  started = performance.now();
  const systems: Map<SystemName, MockSystem> = createSystems({ data: fixtures, systems: ['NCIC', 'CORI'] });
  const indexMs = Math.round(performance.now() - started);
  const afterIndexes = memory();

  progress(`timing ${options.queries} QW on NCIC`);
  const ncic = timeQueries(systems.get('NCIC') as MockSystem, fixtures, options.queries, 'NCIC');
  progress(`timing ${options.queries} QW on CORI`);
  const cori = timeQueries(systems.get('CORI') as MockSystem, fixtures, options.queries, 'WPS');
  progress('done');
  const afterQueries = memory();
  for (const system of systems.values()) system.close();

  const result = {
    benchmark: 'backends/query-1m',
    commit: gitCommit(),
    node: process.version,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    at: new Date().toISOString(),
    persons: fixtures.persons.length,
    counts: {
      licenses: fixtures.licenses.length, vehicles: fixtures.vehicles.length, warrants: fixtures.warrants.length,
      protectionOrders: fixtures.protectionOrders.length, criminalHistories: fixtures.criminalHistories.length,
    },
    generateMs,
    indexMs,
    memory: {
      start: startMemory, afterFixtures, afterIndexes, afterQueries,
      // The index tables are typed arrays: their bytes show as array buffers, not heap.
      indexTablesMiB: afterIndexes.arrayBuffersMiB - afterFixtures.arrayBuffersMiB,
      rssGrowthForIndexesMiB: afterIndexes.rssMiB - afterFixtures.rssMiB,
    },
    qw: { NCIC: ncic, CORI: cori },
    ok: ncic.wrong === 0 && cori.wrong === 0 && afterQueries.rssMiB < 2048,
  };
  const json = JSON.stringify(result, null, 2);
  if (options.out !== undefined) writeFileSync(options.out, `${json}\n`);
  process.stdout.write(`${json}\n`);
  if (!result.ok) process.exitCode = 1;
}

main();
