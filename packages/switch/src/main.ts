#!/usr/bin/env node
/**
 * Starts one switch. The only file that reads the environment and the command line:
 *   tsx packages/switch/src/main.ts --config switch.json
 *   CLETS_SWITCH_CONFIG='{"switchId":"county-19",...}' tsx packages/switch/src/main.ts
 * Prints one JSON line {"event":"listening",...} on stdout when ready, so a launcher can
 * wait for it; stops in order on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSwitch } from './switch.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string' } }, strict: true });
  const raw = values.config !== undefined ? readFileSync(values.config, 'utf8') : process.env['CLETS_SWITCH_CONFIG'] ?? '{}';
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch (error) {
    throw new Error(`switch config is not JSON: ${(error as Error).message}`);
  }
  const sw = await buildSwitch(input as Parameters<typeof buildSwitch>[0]);
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
