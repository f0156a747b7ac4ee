/**
 * pnpm audit-sample: the database audit's random sample of the state files (docs/catalogue.md,
 * "Record care"): N records of each audited file, seeded, optionally of one agency, with each
 * record's second-party check and validation state, read from the data files and the
 * backends' updates store as the backends see them.
 *
 *   pnpm audit-sample [--sample 50] [--seed 1] [--ori CA0190000] [--updates var/backends-updates.sqlite]
 *                     [--fixtures fixtures] [--at 2026-12-01T00:00:00Z]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditSample, openAuditedFiles } from '@clets/backends';
import { defaultDataDir, readDataSet } from '@clets/data-files';

const USAGE = 'usage: pnpm audit-sample [--sample N] [--seed N] [--ori ORI] [--updates FILE] [--fixtures DIR] [--at ISO-TIME]';

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' }, ori: { type: 'string' },
      updates: { type: 'string', default: 'var/backends-updates.sqlite' }, fixtures: { type: 'string' }, at: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const perFile = Number(values.sample);
  const seed = Number(values.seed);
  const now = values.at === undefined ? Date.now() : Date.parse(values.at);
  const problems = [
    ...(!Number.isInteger(perFile) || perFile < 1 || perFile > 10_000 ? [`--sample ${values.sample}: a whole number from 1 to 10000`] : []),
    ...(!Number.isInteger(seed) || seed < 0 ? [`--seed ${values.seed}: a whole number, 0 or more`] : []),
    ...(!Number.isFinite(now) ? [`--at ${values.at ?? ''}: an ISO date and time`] : []),
    ...(values.ori !== undefined && !/^[A-Z]{2}[0-9A-Z]{7}$/.test(values.ori) ? [`--ori ${values.ori}: a 9-character ORI`] : []),
  ];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${USAGE}\n`);
    return 2;
  }
  // No store yet (the backends never ran here): the data files alone.
  const updates = existsSync(values.updates) ? values.updates : ':memory:';
  const opened = openAuditedFiles(await readDataSet(values.fixtures ?? defaultDataDir()), updates);
  try {
    const sample = auditSample(opened.files, { perFile, seed, now, ...(values.ori !== undefined ? { ori: values.ori } : {}) });
    process.stdout.write(`DATABASE AUDIT SAMPLE - ${perFile} PER FILE, SEED ${seed}${values.ori ? `, ORI ${values.ori}` : ''}, AS OF ${day(now)}, UPDATES ${updates}\n`);
    for (const record of sample) {
      const care = record.care === undefined ? 'REGISTRY'
        : `SPC/${record.care.check} DUE/${day(record.care.dueAtMs)} STA/${record.care.validation}${record.care.validatedAtMs === undefined ? '' : ` VLD/${day(record.care.validatedAtMs)}`}`;
      process.stdout.write(`${record.file.padEnd(6)} ${record.id} ORI/${record.ori} ${record.oca ? `OCA/${record.oca} ` : ''}DTE/${record.enteredOn.replaceAll('-', '')} ${care}\n`);
    }
    return 0;
  } finally {
    opened.close();
  }
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`audit-sample: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
