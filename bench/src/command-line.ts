/**
 * The command line of a bench script run on its own. `--help` prints the script's usage and
 * exits 0; an unknown flag exits 2 naming it, so a typo never starts a long run with the
 * wrong settings.
 */
import { parseArgs } from 'node:util';

/** The flags the scenario scripts take. */
export type ScenarioFlag = 'full' | 'no-profile' | 'plain';

export interface ScenarioFlags {
  /** --full: the long runs. */
  readonly full: boolean;
  /** --no-profile: no CPU profile of the services. */
  readonly noProfile: boolean;
  /** --plain: the plain security policy instead of the CJIS one. */
  readonly plain: boolean;
}

/** How a bench script is run from the repository root (sources, through tsx). */
export const RUN_FROM_SOURCE = 'pnpm exec tsx --conditions=source';

/** Reads a scenario script's flags (only those in `accepted`), or exits (0 on --help, 2 on a bad flag). */
export function readScenarioFlags(usage: string, accepted: readonly ScenarioFlag[], argv: readonly string[] = process.argv.slice(2)): ScenarioFlags {
  const options = Object.fromEntries(accepted.map((flag) => [flag, { type: 'boolean' as const }]));
  try {
    const parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    const values = parsed.values as Readonly<Record<string, boolean | undefined>>;
    if (values['help'] === true) {
      process.stdout.write(`${usage.trimEnd()}\n`);
      process.exit(0);
    }
    return { full: values['full'] === true, noProfile: values['no-profile'] === true, plain: values['plain'] === true };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage.trimEnd()}\n`);
    process.exit(2);
  }
}
