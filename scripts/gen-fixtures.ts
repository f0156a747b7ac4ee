/**
 * Generates the synthetic fixture set (`pnpm fixtures`).
 *
 *   pnpm fixtures                           # 2,000 persons, seed 20261101 -> fixtures/ (committed)
 *   pnpm fixtures --persons 1000000         # -> fixtures/large/ (git-ignored), NDJSON
 *   pnpm fixtures --seed 7 --out /tmp/fx    # any seed, any folder
 *   pnpm fixtures --format ndjson           # force a format (default: json up to 50,000 persons)
 *
 * Deterministic: the same options write byte-identical files, so a rerun leaves git clean.
 */
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PERSONS, DEFAULT_SEED, defaultFixturesDir, streamFixtures, writeFixtures, type FixtureFormat,
} from '@clets/fixtures';

/** Above this many persons the default folder is fixtures/large/ and the default format NDJSON. */
const LARGE_THRESHOLD = 50_000;

function integer(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`--${flag} must be a non-negative integer, got '${text}'\n`);
    process.exit(2);
  }
  return value;
}

const USAGE = `usage: pnpm fixtures [--persons N] [--seed S] [--out DIR] [--format json|ndjson]

Writes the synthetic fixture set; the same options write byte-identical files.

  --persons N   how many persons (default ${DEFAULT_PERSONS}); above ${LARGE_THRESHOLD} the default folder is fixtures/large/
  --seed S      generator seed (default ${DEFAULT_SEED})
  --out DIR     target folder (default fixtures/, or fixtures/large/ for a large set)
  --format F    json (one JSON array a file) or ndjson (default: json up to ${LARGE_THRESHOLD} persons)
  -h, --help    this text
`;

function readOptions() {
  try {
    return parseArgs({
      options: {
        persons: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`fixtures: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = readOptions();
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const persons = integer('persons', values.persons, DEFAULT_PERSONS);
  const seed = integer('seed', values.seed, DEFAULT_SEED);
  const large = persons > LARGE_THRESHOLD;
  const out = values.out !== undefined ? resolve(values.out) : large ? join(defaultFixturesDir(), 'large') : defaultFixturesDir();
  const format = (values.format ?? (large ? 'ndjson' : 'json')) as FixtureFormat;
  if (format !== 'json' && format !== 'ndjson') {
    process.stderr.write(`--format must be json or ndjson, got '${String(values.format)}'\n`);
    process.exit(2);
  }

  const started = process.hrtime.bigint();
  const manifest = await writeFixtures(streamFixtures({ seed, persons }), out, { format });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  process.stdout.write(`wrote ${format} fixtures to ${out} (seed ${seed}, ${persons} persons)\n`);
  for (const [name, count] of Object.entries(manifest.counts)) {
    process.stdout.write(`  ${name.padEnd(20)} ${String(count).padStart(9)}  ${manifest.files[name as keyof typeof manifest.files]}\n`);
  }
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`time ${seconds.toFixed(2)} s, peak RSS ${peakMiB.toFixed(0)} MiB\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
