/**
 * Scenario 7: the mock systems' query engines over a large person set.
 *
 * Runs the backends package's own benchmark (packages/backends/bench/query-1m.ts) as a child
 * process: it generates the synthetic set, builds the indexes, times QW on NCIC and CORI in
 * process and checks every answer. Full: 1,000,000 persons, whose backends must stay under
 * 2 GiB resident with the indexes built and the queries run. Short: 100,000 persons, answers
 * checked, memory reported.
 *
 * A scenario of its own, not a part of `scale`, so it can be run again alone without the
 * hour-long soak.
 *
 *   pnpm exec tsx --conditions=source bench/src/backend-query.ts [--full]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, REPO_ROOT, startScenario, stderrLog, writeResult, type Check, type Figure, type ScenarioOptions, type ScenarioResult } from './results.js';
import { readScenarioFlags, RUN_FROM_SOURCE } from './command-line.js';

/** The backends' resident memory bound on the full set. */
const RSS_BOUND_MIB = 2048;

interface QueryTiming {
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly wrong: number;
  readonly calls: number;
}

interface QueryMemory {
  readonly rssMiB: number;
  readonly heapUsedMiB?: number;
}

/**
 * What the query run proved, one check a promise: its exit code alone says only that one of
 * them failed (query-1m.ts exits 1 when an answer is wrong or its RSS passes 2 GiB).
 */
export function queryChecks(query: Record<string, unknown>, persons: number): Check[] {
  const qw = (query['qw'] ?? {}) as Record<string, Partial<QueryTiming>>;
  const wrong = Object.values(qw).reduce((sum, system) => sum + (system.wrong ?? 0), 0);
  const calls = Object.values(qw).reduce((sum, system) => sum + (system.calls ?? 0), 0);
  const checks: Check[] = [
    { name: 'every answer right', ok: calls > 0 && wrong === 0, detail: `${calls} queries, ${wrong} wrong (exit ${String(query['exitCode'])})` },
  ];
  if (persons >= 1_000_000) {
    const rss = ((query['memory'] ?? {}) as { afterQueries?: Partial<QueryMemory> }).afterQueries?.rssMiB;
    checks.push({
      name: `backends RSS with ${persons.toLocaleString('en-US')} persons indexed and queried under 2 GiB`,
      ok: rss !== undefined && rss < RSS_BOUND_MIB, detail: `${String(rss)} MiB`,
    });
  }
  return checks;
}

/** The backends' own benchmark, as a child process (its JSON result, with its exit code). */
async function runQueryBenchmark(dir: string, persons: number, queries: number, log: (line: string) => void): Promise<Record<string, unknown>> {
  const out = join(dir, 'query.json');
  const child = spawn(process.execPath, [
    '--expose-gc', '--max-old-space-size=6144', '--conditions=source', '--import', 'tsx',
    'packages/backends/bench/query-1m.ts', '--persons', String(persons), '--queries', String(queries), '--out', out,
  ], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => { for (const line of chunk.trim().split('\n')) log(line); });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20 * 60_000);
    child.once('exit', (exitCode) => { clearTimeout(timer); resolve(exitCode); });
  });
  try {
    return { ...(JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>), exitCode: code };
  } catch (error) {
    return { ok: false, exitCode: code, error: String(error) };
  }
}

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('backend-query');
  const scenario = startScenario('backend-query', 'Backend queries: the mock systems over a large generated person set', options);
  const full = options.mode === 'full';
  const parameters = { persons: full ? 1_000_000 : 100_000, queries: full ? 100_000 : 20_000 };
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-query-'));
  let query: Record<string, unknown>;
  try {
    log(`QW on ${parameters.persons.toLocaleString('en-US')} persons (packages/backends/bench/query-1m.ts)`);
    query = await runQueryBenchmark(dir, parameters.persons, parameters.queries, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const persons = parameters.persons.toLocaleString('en-US');
  const figures: Figure[] = [];
  for (const [system, timing] of Object.entries((query['qw'] ?? {}) as Record<string, QueryTiming>)) {
    figures.push(figure({
      name: `backend QW on ${system}, ${persons} persons (in process)`, value: timing.meanUs, unit: 'us (mean)',
      note: `p50 ${timing.p50Us} us, p99 ${timing.p99Us} us over ${timing.calls} queries, ${timing.wrong} wrong answers`,
    }));
  }
  const memory = (query['memory'] ?? {}) as Partial<Record<'afterFixtures' | 'afterIndexes' | 'afterQueries', QueryMemory>>;
  const stages = [['afterFixtures', 'generated'], ['afterIndexes', 'indexed'], ['afterQueries', 'indexed and queried']] as const;
  for (const [stage, what] of stages) {
    const reading = memory[stage];
    if (reading === undefined) continue;
    figures.push(figure({
      name: `backends RSS with ${persons} persons ${what}`, value: reading.rssMiB, unit: 'MiB',
      ...(reading.heapUsedMiB !== undefined ? { note: `heap ${reading.heapUsedMiB} MiB (after a full GC)` } : {}),
    }));
  }
  const notes = full ? [] : ['Short run: 100,000 persons; the 2 GiB bound is checked on 1,000,000 (--full).'];
  return scenario.finish({ parameters, figures, checks: queryChecks(query, parameters.persons), notes, details: { query } });
}

const USAGE = `usage: ${RUN_FROM_SOURCE} bench/src/backend-query.ts [--full]

Scenario 7: QW on the mock systems over a generated person set (100,000; --full 1,000,000); writes bench/results/backend-query.json.
  --full      1,000,000 persons, and the 2 GiB resident bound checked
  -h, --help  this text
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = readScenarioFlags(USAGE, ['full'], process.argv.slice(2));
  run({ mode: flags.full ? 'full' : 'short' }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
