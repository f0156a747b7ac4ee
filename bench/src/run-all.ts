/**
 * Runs every scenario, one after the other (never two at once: they would share the cores),
 * writes bench/results/<scenario>.json for each and renders bench/RESULTS.md.
 *
 *   pnpm bench                  short runs (under 3 minutes on a 2-core machine)
 *   pnpm bench --full           the long runs (about 2 hours: the 10M-transaction soak, 1M-person backend queries)
 *   pnpm bench --only switch-e2e,gateway [--no-profile]
 *
 * Exits 1 when a scenario failed to run or one of its correctness checks failed; a missed
 * performance target is a result, not a failure.
 */
import { parseArgs } from 'node:util';
import { renderResults } from './render-results.js';
import { stderrLog, writeResult, type ScenarioOptions, type ScenarioResult } from './results.js';
import { run as auditSearch } from './audit-search.js';
import { run as auditStore } from './audit-store.js';
import { run as backendQuery } from './backend-query.js';
import { run as consoleBudget } from './console.js';
import { run as gateway } from './gateway.js';
import { run as routingCore } from './routing-core.js';
import { run as scale } from './scale.js';
import { run as sessionFlood } from './session-flood.js';
import { run as switchE2e } from './switch-e2e.js';

/** In the order they run; switch-e2e includes the relay ceiling (relay-ceiling.ts). */
export const SCENARIOS: readonly (readonly [name: string, run: (options: ScenarioOptions) => Promise<ScenarioResult>])[] = [
  ['routing-core', routingCore],
  ['audit-store', auditStore],
  ['audit-search', auditSearch],
  ['switch-e2e', switchE2e],
  ['gateway', gateway],
  ['session-flood', sessionFlood],
  ['scale', scale],
  ['backend-query', backendQuery],
  ['console', consoleBudget],
];

const USAGE = `usage: pnpm bench [--full] [--only NAME,NAME] [--no-profile]

Compiles the workspace, then runs the benchmark scenarios one after the other, writes
bench/results/<scenario>.json and renders bench/RESULTS.md.

  --full         the long runs (about 2 hours with the 10M-transaction soak; default: short runs, under 3 minutes)
  --only LIST    only these scenarios: ${SCENARIOS.map(([name]) => name).join(', ')}
  --no-profile   no CPU profiles of the services
  -h, --help     this text
`;

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        full: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-profile': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !SCENARIOS.some(([scenario]) => scenario === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}: ${SCENARIOS.map(([name]) => name).join(', ')}`);
  const mode = values.full ? 'full' : 'short';
  const log = stderrLog('bench');
  const started = Date.now();
  const failed: string[] = [];
  for (const [name, run] of SCENARIOS) {
    if (only !== undefined && !only.includes(name)) continue;
    log(`--- ${name} (${mode})`);
    const scenarioStarted = Date.now();
    try {
      const result = await run({ mode, profile: !values['no-profile'], log: stderrLog(name) });
      writeResult(result);
      const broken = result.checks.filter((check) => !check.ok);
      if (broken.length > 0) failed.push(`${name}: ${broken.map((check) => check.name).join('; ')}`);
      log(`${name}: ${Math.round((Date.now() - scenarioStarted) / 1000)} s, ${result.checks.length - broken.length}/${result.checks.length} checks ok`);
    } catch (error) {
      failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  const path = renderResults();
  log(`wrote ${path} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (failed.length > 0) {
    log(`FAILED:\n  ${failed.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
