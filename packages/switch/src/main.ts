#!/usr/bin/env node
/**
 * Starts one switch. The only file that reads the environment and the command line:
 *   clets-switch --config switch.json
 *   CLETS_SWITCH_CONFIG='{"switchId":"county-19",...}' clets-switch
 * (`clets-switch` runs the compiled dist/main.js.) Prints one JSON line
 * {"event":"listening",...} on stdout when ready, so a launcher can wait for it; stops in
 * order on SIGINT/SIGTERM. Exit 2: bad command line; 1: bad config or failed to start.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '@clets/data-files';
import { parseSwitchConfig } from './config.js';
import { buildSwitch } from './switch.js';
import { readSwitchData } from './switch-data.js';

const USAGE = `usage: clets-switch [--config FILE]

Starts one message switch, county or state, and runs until SIGINT or SIGTERM.

  --config FILE  the switch config, JSON (keys: packages/switch/README.md)
  -h, --help     this text

environment:
  CLETS_SWITCH_CONFIG  the config as JSON text, when --config is not given

When it listens it prints one line on stdout: {"event":"listening",...} with its addresses.
`;

async function main(): Promise<void> {
  let values: { config?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({ options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`clets-switch: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const raw = values.config !== undefined ? readFileSync(values.config, 'utf8') : process.env['CLETS_SWITCH_CONFIG'] ?? '{}';
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch (error) {
    throw new Error(`switch config is not JSON: ${(error as Error).message}`);
  }
  const config = parseSwitchConfig(input as Parameters<typeof parseSwitchConfig>[0]);
  // Read once: the registry and the CJIS security are both built from it.
  const data = await readSwitchData(config.fixturesDir ?? defaultDataDir(), { subjects: config.security.policy === 'cjis' });
  const sw = await buildSwitch(config, { data });
  const addresses = await sw.listen();
  process.stdout.write(`${JSON.stringify({ event: 'listening', switchId: sw.config.switchId, role: sw.config.role, ...addresses })}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    sw.logger.info({ signal }, 'stopping');
    sw.close().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
